"""The timeline's data: channels in rows, their programmes read in blocks as the view scrolls.

Programmes are read in blocks (``BLOCK_ROWS`` channels × ``SLAB_S`` of time) through a blocking
``loader`` run off the GUI thread by ``run`` (a view's ``Operations.run``); what arrives is kept
in a bounded cache, so 1,000 channels × 7 days never sit in memory at once. Until its block has
arrived a row says "loading" (``cells`` returns None) and the view draws a placeholder.

Signals: changed() — a block arrived (the view repaints).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap

from app.domain.tv import GuideCell, TvChannel
from app.ui.widgets.epg_timeline import TimelineCell

BLOCK_ROWS = 32
SLAB_S = 6 * 3600
MAX_BLOCKS = 256  # ~32 channels × 6 h each: a few screens around the view, ~15 MB at most

Loader = Callable[[Sequence[TvChannel], int, int], list[list[GuideCell]]]
Runner = Callable[[Hashable, Callable[[], Any], Callable[[Any], object]], None]


def run_here(_key: Hashable, work: Callable[[], Any], done: Callable[[Any], object]) -> None:
    """A runner for tests and benchmarks without a loop: at once, on this thread."""
    done(work())


def without_overlaps(cells: Sequence[GuideCell]) -> list[TimelineCell]:
    """A channel's programmes as the timeline draws them: one that overlaps the next (guides do
    that) ends where the next begins, so no cell hides another. The stored guide is untouched."""
    out: list[TimelineCell] = []
    for c in sorted(cells, key=lambda c: c.start):
        if out and c.start < out[-1].stop:
            if c.start <= out[-1].start:
                continue  # the same start twice: the first one stays
            out[-1] = out[-1]._replace(stop=c.start)
        out.append(TimelineCell(c.start, c.stop, c.title, c.kind, c.title_id))
    return out


class EpgModel(QObject):
    changed = Signal()

    def __init__(
        self,
        loader: Loader,
        run: Runner = run_here,
        now: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._run = run
        self._now = now
        self.channels: list[TvChannel] = []
        self._range = (0, 0)
        self._blocks: OrderedDict[tuple[int, int], list[list[TimelineCell]]] = OrderedDict()
        self._asked: set[tuple[int, int]] = set()
        self._generation = 0
        self.icons: dict[str, QPixmap] = {}  # channel id -> logo (set by the page as they load)

    def set_channels(self, channels: Sequence[TvChannel], time_range: tuple[int, int]) -> None:
        """New rows. When they only add channels after the present ones (the first screen's
        channels, then all of them), the programmes read so far stay (no flicker)."""
        old = [c.id for c in self.channels]
        grows = bool(old) and [c.id for c in channels[: len(old)]] == old and time_range == self._range
        self.channels = list(channels)
        self._range = time_range
        if not grows:
            self._generation += 1
            self._blocks.clear()
            self._asked.clear()
        self.changed.emit()

    def first_screen(
        self, channels: Sequence[TvChannel], now: int
    ) -> list[tuple[tuple[int, int], list[list[GuideCell]]]]:
        """The blocks the first screen shows (the first channels around ``now``), read at once by
        whoever reads the channels: the timeline paints its programmes without another trip."""
        rows = list(channels[:BLOCK_ROWS])
        slabs = range(now // SLAB_S, (now + 5 * 3600) // SLAB_S + 1)
        return [((0, slab), self._loader(rows, slab * SLAB_S, (slab + 1) * SLAB_S)) for slab in slabs]

    def seed(self, blocks: list[tuple[tuple[int, int], list[list[GuideCell]]]]) -> None:
        """Take blocks read with the channels (``first_screen``), after ``set_channels``."""
        for key, found in blocks:
            self._blocks[key] = [without_overlaps(cells) for cells in found]
            self._asked.add(key)
        self.changed.emit()

    # -- TimelineSource ------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.channels)

    def row_title(self, row: int) -> str:
        return self.channels[row].name

    def row_detail(self, row: int) -> str:
        c = self.channels[row]
        parts = [str(c.number) if c.number is not None else "", c.group or ""]
        if c.favourite:
            parts.insert(0, "★")
        return "  ".join(p for p in parts if p)

    def row_icon(self, row: int) -> QPixmap | None:
        return self.icons.get(self.channels[row].id)

    def archive_from(self, row: int) -> int | None:
        """The earliest start the channel's archive still plays (None: no archive)."""
        c = self.channels[row]
        if not c.catchup_mode or c.catchup_days == 0:
            return None
        days = c.catchup_days if c.catchup_days and c.catchup_days > 0 else 5
        now = self._now() if self._now is not None else 0
        return now - days * 86400

    def time_range(self) -> tuple[int, int]:
        return self._range

    def cells(self, row: int, t0: int, t1: int) -> list[TimelineCell] | None:
        block = row // BLOCK_ROWS
        first_slab, last_slab = t0 // SLAB_S, max(t0, t1 - 1) // SLAB_S
        out: list[TimelineCell] = []
        missing = False
        seen_start = -1
        for slab in range(first_slab, last_slab + 1):
            found = self._blocks.get((block, slab))
            if found is None:
                missing = True
                self._ask(block, slab)
                continue
            self._blocks.move_to_end((block, slab))
            for cell in found[row - block * BLOCK_ROWS]:
                # a programme crossing a slab edge is in both slabs: keep it once
                if cell.start > seen_start and cell.stop > t0 and cell.start < t1:
                    out.append(cell)
                    seen_start = cell.start
        if missing and not out:
            return None
        return out

    # -- loading -------------------------------------------------------------------------------
    def _ask(self, block: int, slab: int) -> None:
        key = (block, slab)
        if key in self._asked:
            return
        self._asked.add(key)
        rows = self.channels[block * BLOCK_ROWS : (block + 1) * BLOCK_ROWS]
        t0, t1 = slab * SLAB_S, (slab + 1) * SLAB_S
        generation = self._generation
        loader = self._loader

        def load() -> list[list[TimelineCell]]:
            return [without_overlaps(cells) for cells in loader(rows, t0, t1)]

        def arrived(cells: list[list[TimelineCell]]) -> None:
            if generation != self._generation:
                return  # the channels changed meanwhile
            self._blocks[key] = cells
            while len(self._blocks) > MAX_BLOCKS:
                old, _ = self._blocks.popitem(last=False)
                self._asked.discard(old)
            self.changed.emit()

        self._run(("epg", generation, block, slab), load, arrived)

    def prefetch(self, first_row: int, last_row: int, t0: int, t1: int) -> None:
        """Ask for the blocks around what is on screen (a screen ahead each way)."""
        span = last_row - first_row + 1
        for row in range(max(0, first_row - span), min(len(self.channels), last_row + span + 1), BLOCK_ROWS):
            self.cells(row, t0 - SLAB_S, t1 + SLAB_S)
