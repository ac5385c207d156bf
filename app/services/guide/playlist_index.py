"""A playlist's channels as the guide it names sees them: a small index from tvg-id and channel
name to the playlist channel, so that a 200,000-channel list costs about 80 bytes a channel
instead of a record each (the channels themselves go to the database as they are read)."""

from __future__ import annotations

from array import array

from rapidfuzz import fuzz, process

from app.core.compact import StrIntTable, StrList
from app.providers.guide.feed import ChannelRecord
from app.services.guide.channel_names import channel_key

FUZZY_CUTOFF = 90.0
# Fuzzy names are compared against every playlist name: past this many the comparison is slow
# and its hits unreliable, so only tvg-ids and exact names map (the import says so in the log).
# A file under FUZZY_MAX_CHANNELS * BYTES_PER_CHANNEL bytes has fewer channels than that (an
# #EXTINF line and its URL take more); a bigger one does not keep the fuzzy list at all.
FUZZY_MAX_CHANNELS = 50_000
BYTES_PER_CHANNEL = 100

_key = channel_key.__wrapped__  # uncached: a big list would fill the cache with one-off names


class PlaylistIndex:
    """Guide channel -> playlist channel: tvg-id, then names without noise, then fuzzy."""

    def __init__(self, playlist_bytes: int = 0) -> None:
        self._ids = StrIntTable()  # lower-case tvg-id -> slot
        self._names = StrIntTable()  # channel name key -> slot
        self._guide_ids = StrList()  # slot -> the playlist channel's guide id
        self._shifts = array("i")  # slot -> tvg-shift in seconds
        small = playlist_bytes < FUZZY_MAX_CHANNELS * BYTES_PER_CHANNEL
        self._fuzzy: dict[str, int] | None = {} if small else None  # name key -> slot
        self._guide_names: dict[str, tuple[str, ...]] = {}
        self._found: dict[str, tuple[str, int] | None] = {}

    @property
    def count(self) -> int:
        return len(self._guide_ids)

    @property
    def fuzzy(self) -> bool:
        """Whether names are also compared fuzzily (the list is small enough)."""
        return self._fuzzy is not None

    def add(self, rec: ChannelRecord) -> None:
        """A playlist channel (with its stream URL), in playlist order."""
        slot = self._guide_ids.append(rec.guide_id)
        self._shifts.append(round((rec.tvg_shift or 0.0) * 3600))
        if rec.tvg_id:
            self._ids.setdefault(rec.tvg_id.lower(), slot)
        for name in (rec.tvg_name, rec.name):
            key = _key(name) if name else ""
            # the first channel with a name keeps it; the fuzzy list follows the same rule
            if key and self._names.setdefault(key, slot) == slot and self._fuzzy is not None:
                self._fuzzy.setdefault(key, slot)
        if self._fuzzy is not None and len(self._fuzzy) > FUZZY_MAX_CHANNELS:
            self._fuzzy = None

    def note_guide_channel(self, rec: ChannelRecord) -> None:
        """A channel the guide declares: its names help to find its playlist channel."""
        self._guide_names.setdefault(rec.guide_id, rec.display_names or (rec.name,))

    def lookup(self, guide_id: str) -> tuple[str, int] | None:
        """The playlist channel's guide id and tvg-shift (seconds) for a guide channel."""
        if guide_id in self._found:
            return self._found[guide_id]
        slot = self._ids.get(guide_id.lower())
        keys = [k for k in (_key(n) for n in self._guide_names.get(guide_id, ())) if k]
        if slot is None:
            slot = next((s for s in map(self._names.get, keys) if s is not None), None)
        if slot is None and self._fuzzy:
            choices = self._fuzzy
            for key in keys:
                hit = process.extractOne(key, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if hit is not None:
                    slot = choices[hit[0]]
                    break
        found = None if slot is None else (self._guide_ids[slot], self._shifts[slot])
        self._found[guide_id] = found
        return found
