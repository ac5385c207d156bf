"""Sources per episode: Stremio ids as the addon routes them, Torznab tvsearch, pack files, binge group."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.services.sources.episode_sources import (
    PackFile,
    addon_serves,
    pick_pack_file,
    same_release,
    stremio_episode_id,
    torznab_tv_params,
)

REAL = Path("/work/shared/realworld")


def _real(name: str) -> dict:
    return json.loads((REAL / name).read_text(encoding="utf-8"))


def test_stremio_ids_follow_the_torrentio_manifest() -> None:
    manifest = _real("stremio/blockbustr_torrentio_manifest.json")
    imdb = stremio_episode_id(1, 2, imdb_id="tt0944947")
    kitsu = stremio_episode_id(1, 5, kitsu_id="1376")
    assert imdb == "tt0944947:1:2"
    assert kitsu == "kitsu:1376:5"
    assert addon_serves(manifest, imdb) and addon_serves(manifest, kitsu)
    assert not addon_serves(manifest, "tmdb:1399:1:2")  # not among its idPrefixes
    assert stremio_episode_id(1, 2, imdb_id="nonsense") is None  # bad id: no request at all


def test_torznab_caps_decide_tvsearch() -> None:
    caps = (REAL / "torznab/prowlarr_Torznab_torznab_animetosho_caps.xml").read_text()
    tv = re.search(r'<tv-search available="(\w+)" supportedParams="([^"]*)"', caps)
    assert tv is not None
    # animetosho offers no tv-search: a plain search with the SxxEyy words
    params = torznab_tv_params(
        "Frieren", 1, 5, tv_search=tv.group(1) == "yes", caps_params=tv.group(2).split(",")
    )
    assert params == {"t": "search", "q": "Frieren S01E05"}
    full = torznab_tv_params("Frieren", 1, 5, tv_search=True, caps_params=["q", "season", "ep"])
    assert full == {"t": "tvsearch", "q": "Frieren", "season": "1", "ep": "5"}
    season_only = torznab_tv_params("Frieren", 1, 5, tv_search=True, caps_params=["q", "season"])
    assert season_only == {"t": "tvsearch", "q": "Frieren", "season": "1"}
    assert torznab_tv_params("X", 2, 3, tv_search=True, caps_params=[])["ep"] == "3"  # Newznab default


def test_pack_file_chosen_by_parsed_name() -> None:
    stream = _real("stremio/blockbustr_torrentio_stream_series_tt0944947_1_2.json")["streams"][0]
    release = stream["title"].splitlines()[0]
    files = [
        PackFile(0, f"{release}/S01E01 - Winter Is Coming.mkv", 1_500),
        PackFile(1, f"{release}/S01E02 - The Kingsroad.mkv", 1_400),
        PackFile(2, f"{release}/S01E10 - Fire and Blood.mkv", 1_600),
        PackFile(3, f"{release}/Sample/S01E02-sample.mkv", 10),
        PackFile(4, f"{release}/S01E02.nfo", 1),
    ]
    chosen = pick_pack_file(files, 1, 2)
    assert chosen is not None and chosen.index == stream["fileIdx"] == 1
    assert pick_pack_file(files, 1, 7) is None  # not in the pack: said, not guessed
    anime = [
        PackFile(0, "[SubsPlease] Sousou no Frieren - 04 (1080p) [ABCD1234].mkv", 9),
        PackFile(1, "[SubsPlease] Sousou no Frieren - 05 (1080p) [EF567890].mkv", 9),
    ]
    picked = pick_pack_file(anime, 1, 5)
    assert picked is not None and picked.index == 1
    season_dir = [
        PackFile(0, "Show/Season 2/Show - 04.mkv", 5),
        PackFile(1, "Show/Season 2/Show - 05.mkv", 5),
    ]
    found = pick_pack_file(season_dir, 2, 5)
    assert found is not None and found.index == 1


def test_same_release_kept_by_binge_group() -> None:
    streams = _real("stremio/blockbustr_torrentio_stream_series_tt0944947_1_2.json")["streams"]
    group = streams[2]["behaviorHints"]["bingeGroup"]
    assert same_release(streams, group) is streams[2]
    assert same_release(streams, "other|group") is None
    assert same_release(streams, None) is None
