"""Channel names and ids as the mapping compares them: case, punctuation and noise gone."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that say nothing about which channel it is: «канал», quality and feed markers.
_NOISE = frozenset(
    [
        "канал",
        "kanal",
        "channel",
        "hd",
        "fhd",
        "uhd",
        "hdr",
        "sd",
        "hq",
        "4k",
        "8k",
        "hevc",
        "h265",
        "orig",
        "original",
        "backup",
        "резерв",
        "резервный",
    ]
)
_BRACKETED_RE = re.compile(r"\[[^\]]*\]|\((?:\d{3,4}[pi]|geo[- ]?blocked|not 24/7)\)", re.IGNORECASE)
_FEED_RE = re.compile(r"@[\w\-]+$")  # iptv-org's "@SD", "@HD" feed suffixes on ids
_NON_WORD_RE = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def channel_key(name: str) -> str:
    """A channel name for comparison: case, punctuation, «канал» and «HD» noise gone.

    «12 канал (Омск)» and «12 Канал (Омск)» both give "12 омск"; "Первый канал HD" gives "первый".
    """
    text = unicodedata.normalize("NFKC", name).lower().replace("ё", "е").replace("_", " ")
    text = _BRACKETED_RE.sub(" ", text)
    words = [w for w in _NON_WORD_RE.sub(" ", text).split() if w not in _NOISE]
    return " ".join(words)


def id_key(guide_id: str) -> str:
    """A tvg-id for comparison: case, a playlist repeat's ``#2`` and a feed's ``@SD`` gone."""
    head, sep, tail = guide_id.rpartition("#")
    base = head if sep and tail.isdigit() else guide_id
    return _FEED_RE.sub("", base).strip().lower()
