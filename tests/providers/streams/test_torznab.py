"""Torznab (Jackett/Prowlarr): caps, the search the caps allow, items from the real samples,
error codes as clear messages, keys never in a message or a stored link."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from app.domain.errors import AuthError, BadFeed, ProviderUnavailable, RateLimited
from app.domain.models import SourceKind
from app.domain.streams import StreamQuery
from app.providers.streams.http import LoopClients, parse_xml
from app.providers.streams.torznab.feed import Caps, parse_caps, parse_items
from app.providers.streams.torznab.provider import TorznabProvider, api_url
from tests.fakes.stream_servers import BILLION_LAUGHS, EXTERNAL_DTD, GOOD_KEY, FakeStreamServers, RouteFault

MATRIX = StreamQuery(
    title_id="tmdb:movie:603", title="Матрица", original_title="The Matrix", year=1999, imdb_id="tt0133093"
)


def _provider(
    fakes: FakeStreamServers,
    key: str = GOOD_KEY,
    path: str = "/jackett/api/v2.0/indexers/rutracker/results/torznab/",
) -> TorznabProvider:
    return TorznabProvider("torznab:jackett", "Jackett", fakes.url(path), lambda: key, LoopClients(5))


def test_real_caps_are_read(realworld: Path) -> None:
    caps = parse_caps(
        parse_xml((realworld / "torznab/prowlarr_Torznab_torznab_animetosho_caps.xml").read_bytes(), "x"), "x"
    )
    assert caps.modes == {"search": frozenset({"q"})}  # tv/movie available="no" are not offered
    assert {5070, 2020} <= caps.categories
    newznab = parse_caps(
        parse_xml((realworld / "torznab/sonarr_Newznab_newznab_caps.xml").read_bytes(), "x"), "x"
    )
    assert newznab.supports("movie-search") and not newznab.supports("movie-search", "imdbid")
    assert Caps.from_json(newznab.to_json()) == newznab


def test_real_result_pages_become_items(realworld: Path) -> None:
    tpb = parse_items(
        parse_xml((realworld / "torznab/sonarr_Torznab_torznab_tpb.xml").read_bytes(), "x"), "x"
    )
    assert tpb[0].link.startswith("magnet:?xt=urn:btih:9fb267cff5ae5603f07a347676ec3bf3e35f75e1")
    assert (tpb[0].seeders, tpb[0].peers, tpb[0].size) == (34128, 36724, 388895872)
    mtv = parse_items(
        parse_xml((realworld / "torznab/prowlarr_Torznab_torznab_morethantv.xml").read_bytes(), "x"), "x"
    )
    assert (mtv[0].size, mtv[1].size) == (5412993028, 30524085127)  # over 2^32
    assert mtv[0].info_hash is None  # "(removed)" is not a hash: the .torrent link is kept
    assert mtv[0].link.startswith("http")
    tosho = parse_items(
        parse_xml((realworld / "torznab/sonarr_Torznab_torznab_animetosho.xml").read_bytes(), "x"), "x"
    )
    assert tosho and all(i.link for i in tosho)
    hd = parse_items(
        parse_xml((realworld / "torznab/sonarr_Torznab_torznab_hdaccess_net.xml").read_bytes(), "x"), "x"
    )
    assert hd[0].imdb_id and hd[0].imdb_id.startswith("tt")  # imdb without "tt" normalised


def test_wrong_key_is_a_clear_message(realworld: Path) -> None:
    root = parse_xml((realworld / "torznab/sonarr_Newznab_unauthorized.xml").read_bytes(), "Jackett")
    with pytest.raises(AuthError, match="Jackett: wrong API key"):
        parse_items(root, "Jackett")


def test_endpoint_forms() -> None:
    assert (
        api_url("http://h:9117/api/v2.0/indexers/x/results/torznab/")
        == "http://h:9117/api/v2.0/indexers/x/results/torznab/api"
    )
    assert api_url("http://h:9696/1/api") == "http://h:9696/1/api"
    assert api_url("http://h:9696/1/") == "http://h:9696/1/api"


def test_search_by_imdbid_when_caps_allow(fakes: FakeStreamServers) -> None:
    found = asyncio.run(_provider(fakes).streams(MATRIX))
    assert len(found) == 5 and all(c.kind is SourceKind.TORRENT for c in found)
    assert found[0].info_hash == "a" * 40 and found[0].seeders == 120 and found[0].peers == 140
    search = [q for q in fakes.counters.queries if q.get("t") == "movie"]
    assert search == [
        {"t": "movie", "imdbid": "tt0133093", "limit": "100", "cat": "2000", "apikey": GOOD_KEY}
    ]


def test_title_and_year_in_both_languages_without_ids(fakes: FakeStreamServers) -> None:
    query = StreamQuery(title_id="epg:film:x", title="Матрица", original_title="The Matrix", year=1999)
    asyncio.run(_provider(fakes, path="/prowlarr/1/").streams(query))
    texts = [q["q"] for q in fakes.counters.queries if q.get("t") == "movie"]
    assert texts == ["Матрица 1999", "The Matrix 1999"]


def test_anime_searches_the_anime_category(fakes: FakeStreamServers) -> None:
    query = StreamQuery(
        title_id="shikimori:anime:52991",
        kind="anime",
        title="Провожающая в последний путь Фрирен",
        original_title="Sousou no Frieren",
    )
    asyncio.run(_provider(fakes).streams(query))
    sent = [q for q in fakes.counters.queries if q.get("t") == "search"]
    assert sent and all(q["cat"] == "5070,2000" for q in sent)


def test_wrong_key_from_a_server(fakes: FakeStreamServers) -> None:
    with pytest.raises(AuthError) as caught:
        asyncio.run(_provider(fakes, key="wrong-key-123").streams(MATRIX))
    assert "wrong API key" in str(caught.value) and "wrong-key-123" not in str(caught.value)


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        (RouteFault(status=401, body=b""), AuthError, "access refused"),
        (RouteFault(status=429, body=b""), RateLimited, "too many requests"),
        (RouteFault(status=503, body=b""), ProviderUnavailable, "server error"),
        (RouteFault(body=BILLION_LAUGHS), BadFeed, "entities"),
        (RouteFault(body=EXTERNAL_DTD), BadFeed, "external DTD"),
        (RouteFault(endless=True), BadFeed, "byte cap"),
        (RouteFault(body=b'{"not": "xml"}', content_type="application/json"), BadFeed, "not XML"),
    ],
)
def test_hostile_answers_are_refused_with_a_message(
    fakes: FakeStreamServers, fault: RouteFault, error: type, words: str
) -> None:
    fakes.faults["/jackett"] = fault
    with pytest.raises(error, match=words) as caught:
        asyncio.run(_provider(fakes).streams(MATRIX))
    assert GOOD_KEY not in str(caught.value)


def test_a_link_carrying_the_key_keeps_a_placeholder(fakes: FakeStreamServers) -> None:
    provider = _provider(fakes)
    from app.providers.streams.torznab.feed import Item

    item = Item(
        "X 1080p",
        f"http://127.0.0.1/dl/t/?jackett_apikey={GOOD_KEY}&path=1",
        None,
        1,
        1,
        1,
        1,
        1,
        (2000,),
        None,
        None,
        False,
    )
    cand = provider._candidate(item, GOOD_KEY)
    assert GOOD_KEY not in cand.url and "{apikey}" in cand.url
    assert cand.extra["needs_key"] == "torznab:jackett"
