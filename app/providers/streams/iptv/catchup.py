"""Catch-up (archive) URLs as Kodi's IPTV Simple builds them: the mode's template, then its times.

Modes (CONTRACTS.md §4): default, append, shift (and the legacy timeshift), flussonic (HLS and
TS forms: flussonic, flussonic-hls, flussonic-ts, fs), xc (Xtream Codes) and vod. Placeholders:
``{utc}`` ``${start}`` ``{utcend}`` ``${end}`` ``{lutc}`` ``${now}`` ``${timestamp}``
``{duration}`` ``${duration}`` ``{duration:N}`` ``{offset}`` ``${offset}`` ``{offset:N}``
``{Y}{m}{d}{H}{M}{S}``, formatted forms (``{utc:YmdHMS}``, ``${start:Y-m-d}``...), SimpleTV's
``${(b)yyyyMMddHHmmss}`` / ``${(e)…}`` and ``{catchup-id}``.

Times in the URL are the guide's own: the channel's ``tvg-shift`` (already added to the stored
airing) and ``catchup-correction`` are taken off again, as IPTV Simple does. Date components
are written in ``CatchupOptions.zone`` (the machine's zone by default, as Kodi's localtime), so
a night across a DST change gets the wall-clock hours the provider's server uses.

A mode, template or placeholder we do not know gives no URL and a reason: never a wrong URL.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from app.domain.tv import Archive, CatchupOptions, TvChannel

SHIFT_MODES = frozenset({"shift", "timeshift"})
FLUSSONIC_MODES = frozenset({"flussonic", "flussonic-hls", "flussonic-ts", "fs"})
MODES = frozenset({"default", "append", "xc", "vod"}) | SHIFT_MODES | FLUSSONIC_MODES
IGNORE_DAYS = -1  # Kodi: any programme with a catchup-id is in the archive, however old

_TOKEN_RE = re.compile(r"\$?\{[^{}]*\}")
_TIME_NAMES = {
    "utc": "start", "start": "start", "utcend": "end", "end": "end",
    "lutc": "now", "now": "now", "timestamp": "now",
}  # fmt: skip
_STRFTIME_LETTERS = frozenset("YmdHMS")
_JAVA = (("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"), ("mm", "%M"), ("ss", "%S"))
_FLUSSONIC_RE = re.compile(r"^(https?://[^/]+)/(.*)/([^/]*)(mpegts|\.m3u8)(\?.+=.+)?$")
_FLUSSONIC_ANY_RE = re.compile(r"^(https?://[^/]+)/(.*)/([^?]*)(\?.+=.+)?$")
_XC_RE = re.compile(r"^(https?://[^/]+)/(?:live/)?([^/]+)/([^/]+)/([^/.]+)(\.m3u8?|\.ts)?$")


def split_options(url: str) -> tuple[str, str]:
    """Kodi's ``url|User-Agent=…`` protocol options: the URL and the ``|…`` tail (kept as is)."""
    base, sep, tail = url.partition("|")
    return base, sep + tail


def template_for(channel: TvChannel) -> Archive:
    """The channel's catch-up URL template (placeholders unfilled), or why it has none."""
    mode = (channel.catchup_mode or "").strip().lower()
    source = (channel.catchup_source or "").strip()
    if not mode:
        return Archive(None, "the playlist names no catch-up mode")
    if mode not in MODES:
        return Archive(None, f"unknown catch-up mode {mode!r}")
    if not channel.stream_url:
        return Archive(None, "the channel has no stream URL")
    live, options = split_options(channel.stream_url.strip())
    if mode == "default" and source:
        if not re.match(r"^[a-z][a-z0-9+.\-]*://", source, re.IGNORECASE) and not source.startswith("{"):
            return Archive(None, f"catchup-source {source!r} is not a full URL (mode default)")
        template, options = source, ("" if "|" in source else options)
    elif mode in ("default", "append"):
        if not source:
            return Archive(None, f"mode {mode} needs a catchup-source to append")
        template = live + source
    elif mode in SHIFT_MODES:
        template = live + ("&" if "?" in live else "?") + "utc={utc}&lutc={lutc}"
    elif mode in FLUSSONIC_MODES:
        found = _flussonic(live, ts=mode in ("flussonic-ts", "fs"))
        if found is None:
            return Archive(None, f"the stream URL does not look like a Flussonic one ({mode})")
        template = found
    elif mode == "xc":
        m = _XC_RE.match(live)
        if m is None:
            return Archive(None, "the stream URL does not look like an Xtream Codes one (xc)")
        host, user, password, stream_id, ext = m.groups()
        ext = ".ts" if not ext or ext == ".ts" else ext
        when = "{duration:60}/{Y}-{m}-{d}:{H}-{M}"
        template = f"{host}/timeshift/{user}/{password}/{when}/{stream_id}{ext}"
    else:  # vod
        template, options = (source, "" if "|" in source else options) if source else ("{catchup-id}", "")
    unknown = unknown_placeholders(template)
    if unknown:
        return Archive(None, f"unknown placeholder {unknown[0]} in the catch-up template")
    return Archive(template + options)


def _flussonic(live: str, *, ts: bool) -> str | None:
    m = _FLUSSONIC_RE.match(live)
    if m:
        host, channel_id, list_type, stream_type, query = m.groups()
        query = query or ""
        if stream_type == "mpegts":
            return f"{host}/{channel_id}/timeshift_abs-${{start}}.ts{query}"
        if list_type == "index":
            return f"{host}/{channel_id}/timeshift_rel-{{offset:1}}.m3u8{query}"
        return f"{host}/{channel_id}/{list_type}-timeshift_rel-{{offset:1}}.m3u8{query}"
    # Flussonic answers on any name after the channel id ("…/151/live"): the mode decides.
    g = _FLUSSONIC_ANY_RE.match(live)
    if g is None:
        return None
    host, channel_id, _name, query = g.groups()
    query = query or ""
    if ts:
        return f"{host}/{channel_id}/timeshift_abs-${{start}}.ts{query}"
    return f"{host}/{channel_id}/timeshift_rel-{{offset:1}}.m3u8{query}"


def _known(token: str) -> bool:
    body = token[2:-1] if token.startswith("$") else token[1:-1]
    if body in _TIME_NAMES or body in ("duration", "offset", "catchup-id"):
        return True
    if len(body) == 1 and body in _STRFTIME_LETTERS:
        return True
    name, colon, fmt = body.partition(":")
    if colon and name in ("duration", "offset"):
        return fmt.isdigit() and int(fmt) > 0
    if colon and name in _TIME_NAMES:
        return bool(fmt) and any(c in _STRFTIME_LETTERS for c in fmt)
    if token.startswith("${(") and body[:3] in ("(b)", "(e)"):
        rest = body[3:]
        for java, _py in _JAVA:
            rest = rest.replace(java, "")
        return bool(body[3:]) and not re.search(r"[A-Za-z]", rest)
    return False


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders in ``template`` that IPTV Simple (or SimpleTV's ``${(b)…}``) does not define."""
    return [t for t in _TOKEN_RE.findall(template) if not _known(t)]


def _local(ts: int, zone: tzinfo | None) -> datetime:
    return datetime.fromtimestamp(ts, zone) if zone is not None else datetime.fromtimestamp(ts)


def fill(
    template: str,
    *,
    start: int,
    end: int,
    now: int,
    zone: tzinfo | None = None,
    catchup_id: str | None = None,
) -> str:
    """Substitute every placeholder of a checked template (``template_for``)."""
    duration = max(0, end - start)
    offset = max(0, now - start)
    moments = {"start": start, "end": end, "now": now}
    local = {k: _local(v, zone) for k, v in moments.items()}

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        body = token[2:-1] if token.startswith("$") else token[1:-1]
        if body in _TIME_NAMES:
            return str(moments[_TIME_NAMES[body]])
        if body == "duration":
            return str(duration)
        if body == "offset":
            return str(offset)
        if body == "catchup-id":
            return catchup_id or ""
        if len(body) == 1 and body in _STRFTIME_LETTERS:
            return local["start"].strftime("%" + body)
        name, colon, fmt = body.partition(":")
        if colon and name in ("duration", "offset"):
            return str((duration if name == "duration" else offset) // int(fmt))
        if colon and name in _TIME_NAMES:
            pattern = "".join("%" + c if c in _STRFTIME_LETTERS else c.replace("%", "%%") for c in fmt)
            return local[_TIME_NAMES[name]].strftime(pattern)
        if body[:3] in ("(b)", "(e)"):
            pattern = body[3:].replace("%", "%%")
            for java, py in _JAVA:
                pattern = pattern.replace(java, py)
            return local["start" if body[1] == "b" else "end"].strftime(pattern)
        return token  # unreachable for a checked template

    return _TOKEN_RE.sub(one, template)


def in_window(
    channel: TvChannel, start: int, now: int, default_days: int, catchup_id: str | None
) -> str | None:
    """None when an airing starting at ``start`` is inside the channel's archive, else why not."""
    days = channel.catchup_days
    if days is None:
        days = default_days
    if days == IGNORE_DAYS:
        return None if catchup_id else "catchup-days -1 needs a catchup-id on the programme"
    if days <= 0:
        return "catchup-days is 0 or not a number of days"
    if start >= now:
        return "it has not started"
    if start < now - days * 86400:
        return f"older than the channel's {days} archive days"
    return None


def archive_url(
    channel: TvChannel,
    *,
    start: int,
    stop: int | None,
    now: int,
    options: CatchupOptions,
    catchup_id: str | None = None,
    padded: bool = True,
) -> Archive:
    """The archive URL of what ``channel`` showed from ``start`` (true UTC, as stored) to ``stop``.

    ``padded``: add the padding around an airing (a timeshift seek asks for an exact moment).
    The end is capped at ``now`` while the airing still runs (IPTV Simple does the same).
    """
    tmpl = template_for(channel)
    if tmpl.url is None:
        return tmpl
    if "{catchup-id}" in tmpl.url and not catchup_id:
        return Archive(None, "the programme has no catchup-id for this template")
    why = in_window(channel, start, now, options.default_days, catchup_id)
    if why is not None:
        return Archive(None, why)
    shift = round((channel.tvg_shift + channel.catchup_correction) * 3600)
    begin = start - (options.pad_before_s if padded else 0)
    end = (stop if stop is not None else start + 3600) + (options.pad_after_s if padded else 0)
    end = min(end, now)
    url = fill(
        tmpl.url, start=begin - shift, end=end - shift, now=now, zone=options.zone, catchup_id=catchup_id
    )
    return Archive(url)
