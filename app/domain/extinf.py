"""The attribute syntax of an M3U ``#EXTINF`` line (``tvg-id="…" group-title=…,Name``), shared by
the guide's playlist reader and the library's playlist files."""

from __future__ import annotations

import re

_ATTR_RE = re.compile(r"""([A-Za-z][\w\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s,"']+))""")


def parse_attrs(text: str) -> tuple[dict[str, str], str]:
    """Attributes of an ``#EXTINF`` body (after the duration) and the channel name."""
    attrs: dict[str, str] = {}
    pos, n = 0, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos >= n:
            break
        if text[pos] == ",":
            return attrs, text[pos + 1 :].strip()
        m = _ATTR_RE.match(text, pos)
        if m:
            value = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
            attrs.setdefault(m.group(1).lower(), value.strip())
            pos = m.end()
            continue
        # Garbage between attributes (stray quotes, "||"): skip one token.
        nxt = re.search(r"[\s,]", text[pos + 1 :])
        pos = n if nxt is None else pos + 1 + nxt.start()
    return attrs, ""
