"""Playlists as M3U files: written with #EXTINF titles and durations, read back line by line.

A title is written with its best source's URL (or ``cinema:title/<id>`` when it has none yet)
and a ``cinema-id`` attribute, so that importing the file into Cinema finds the title again
while any other player still gets a URL. Reading never gives up on a whole file for a bad line:
each broken line is reported with its number and the rest is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlparse

from app.domain.extinf import parse_attrs

TITLE_SCHEME = "cinema:title/"
MAX_BYTES = 8 * 1024 * 1024
MAX_LINE = 8192
PLAYABLE_SCHEMES = ("http", "https", "rtsp", "rtmp", "rtp", "udp", "mms", "ftp", "file", "magnet")


@dataclass(frozen=True, slots=True)
class M3uEntry:
    label: str
    location: str
    duration_s: int | None = None
    title_id: str | None = None
    line: int = 0


@dataclass
class M3uParse:
    entries: list[M3uEntry] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line number, what is wrong)


@dataclass(frozen=True, slots=True)
class M3uOut:
    """One item to write."""

    label: str
    location: str
    duration_s: int | None = None
    title_id: str | None = None


def render(items: list[M3uOut], name: str = "") -> str:
    lines = ["#EXTM3U"]
    if name:
        lines.append(f"#PLAYLIST:{_one_line(name)}")
    for item in items:
        attrs = f' cinema-id="{item.title_id}"' if item.title_id else ""
        duration = item.duration_s if item.duration_s is not None else -1
        lines.append(f"#EXTINF:{duration}{attrs},{_one_line(item.label)}")
        lines.append(item.location)
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _location_problem(location: str) -> str | None:
    """Why ``location`` cannot be played (None: it may be)."""
    if location.startswith(TITLE_SCHEME):
        return None if len(location) > len(TITLE_SCHEME) else "a cinema:title link without a title id"
    if any(ch in location for ch in "\x00\r"):
        return "a control character in the location"
    if location.lower().startswith("magnet:"):
        return None if "xt=" in location.lower() else "a magnet link without an info-hash (xt=)"
    parsed = urlparse(location)
    if parsed.scheme and len(parsed.scheme) > 1:  # one letter is a Windows drive
        if parsed.scheme.lower() not in PLAYABLE_SCHEMES:
            return f"an unplayable link scheme “{parsed.scheme}:”"
        if parsed.scheme.lower() != "file" and not parsed.netloc:
            return "a link without a host"
        return None
    if PurePosixPath(location).is_absolute() or PureWindowsPath(location).is_absolute():
        return None
    return "not a link or an absolute path"


def parse(data: bytes | str) -> M3uParse:
    """Entries of an M3U/M3U8 file, and the lines that could not be read (with their numbers)."""
    out = M3uParse()
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            out.problems.append((0, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"))
            data = data[:MAX_BYTES]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1251", errors="replace")  # old Windows playlists
            out.problems.append((0, "not UTF-8: read as Windows-1251"))
    else:
        text = data
    pending: tuple[int, str, int | None, str | None] | None = None  # (line, label, duration, id)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if len(line) > MAX_LINE:
            out.problems.append((number, "a line too long to be a playlist entry"))
            pending = None
            continue
        if line.startswith("#EXTINF"):
            if pending is not None:
                out.problems.append((pending[0], "an #EXTINF without a location after it"))
            pending = _extinf(number, line, out)
            continue
        if line.startswith("#"):
            continue  # #EXTM3U, #PLAYLIST, #EXTVLCOPT and comments
        problem = _location_problem(line)
        if problem is not None:
            out.problems.append((number, problem))
            pending = None
            continue
        label, duration, title_id = (pending[1], pending[2], pending[3]) if pending else ("", None, None)
        if line.startswith(TITLE_SCHEME):
            title_id = title_id or line[len(TITLE_SCHEME) :]
        out.entries.append(
            M3uEntry(
                label=label or _label_of(line),
                location=line,
                duration_s=duration,
                title_id=title_id,
                line=number,
            )
        )
        pending = None
    if pending is not None:
        out.problems.append((pending[0], "an #EXTINF without a location after it"))
    return out


def _extinf(number: int, line: str, out: M3uParse) -> tuple[int, str, int | None, str | None] | None:
    body = line[len("#EXTINF") :].lstrip()
    if not body.startswith(":"):
        out.problems.append((number, "an #EXTINF without its colon"))
        return None
    body = body[1:].strip()
    head = ""
    while body and (body[0].isdigit() or body[0] in "-."):
        head, body = head + body[0], body[1:]
    try:
        duration: int | None = int(float(head)) if head else None
    except ValueError:
        duration = None
    if duration is not None and duration < 0:
        duration = None
    attrs, label = parse_attrs(body)
    if not label and "," not in body:
        out.problems.append(
            (number, "an #EXTINF without a title after its comma (the location's name is used)")
        )
    title_id = attrs.get("cinema-id") or None
    return number, label, duration, title_id


def _label_of(location: str) -> str:
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    return tail.split("?", 1)[0] or location
