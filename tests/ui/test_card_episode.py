"""A series' card in Continue watching names its next episode first (issue 16): «S2 E5 · 2011 · …»."""

from __future__ import annotations

from PySide6.QtGui import QFont

from app.domain.models import TitleBrief, TitleKind
from app.ui.delegates.poster_delegate import POSTER, PosterDelegate
from app.ui.images import PosterCache


def test_a_series_card_says_its_next_episode(qapp) -> None:
    delegate = PosterDelegate(PosterCache(POSTER, 1024 * 1024))
    series = TitleBrief(
        id="tmdb:tv:1399", kind=TitleKind.SERIES, title="Игра престолов", original_title="Game of Thrones",
        year=2011, progress=0.2, episode="S2 E5",
    )  # fmt: skip
    film = TitleBrief(id="tmdb:movie:603", title="Матрица", original_title="The Matrix", year=1999)
    assert delegate._card(series, QFont()).meta.startswith("S2 E5 · 2011")
    assert delegate._card(film, QFont()).meta.startswith("1999 · ")
