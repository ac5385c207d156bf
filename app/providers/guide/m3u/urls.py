"""Which playlist stream URLs are handed to the player: allowed schemes, a length cap, no VLC options."""

from __future__ import annotations

import re

# What VLC plays from an IPTV list (issue 19 item 9). file:, smb:, data:, javascript:, screen://
# and friends are refused: a playlist from the internet must not open local files or shares.
ALLOWED_SCHEMES = frozenset({"http", "https", "rtmp", "rtmps", "rtsp", "rtp", "udp", "mms", "mmsh"})
MAX_URL_CHARS = 8192  # signed CDN URLs run to ~2 KB; a 1 MB "URL" is an attack or a broken file
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def checked_stream_url(raw: str) -> tuple[str | None, str | None]:
    """``(url, None)`` for a URL the player may open, VLC options after it cut off (``(url,
    'stripped ...')`` then says so); ``(None, reason)`` when it is refused."""
    if len(raw) > MAX_URL_CHARS:
        return None, f"URL of {len(raw)} characters (more than {MAX_URL_CHARS})"
    url, _, rest = raw.strip().partition(" ")
    note = None
    # "http://x/a.ts :sout=#file{dst=...}": VLC reads ":name=value" words as its own options
    options = [word for word in rest.split() if word.startswith(":")]
    if options:
        note = "VLC options removed: " + ", ".join(o.split("=", 1)[0] for o in options)
    elif rest.strip():
        return None, "a URL with spaces in it"
    if _CONTROL_RE.search(url):
        return None, "control characters in the URL"
    match = _SCHEME_RE.match(url)
    if match is None or len(match.group(1)) == 1:  # "C:\\x" is a drive, not a scheme
        # A reference relative to the playlist's own URL ("stream/chunklist.m3u8") is kept as
        # before; an absolute path or one climbing out of the playlist's folder is a local file.
        if url.startswith(("/", "\\", "~")) or ".." in url or match is not None:
            return None, "a local file path"
        return url, note
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return None, f"scheme {scheme!r} is not played"
    if not url[match.end() :].startswith("//") or len(url) <= match.end() + 2:
        return None, "no host in the URL"
    return url, note


def clean_header_value(value: str) -> str:
    """A header value without line breaks or control characters (they would smuggle options)."""
    return _CONTROL_RE.sub("", value).strip()
