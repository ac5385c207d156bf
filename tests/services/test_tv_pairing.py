"""A playlist and a guide added separately meet (issue 13): automatic pairing, channel mapping by
tvg-id, by name without «канал»/«HD» noise, fuzzy; the mapping editor's choices survive refreshes;
a guide wholly in the past says so; the 4,600-channel iptv-org list is reachable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.clock import FixedClock
from app.domain.tv import ChannelName
from app.services.guide import pairing
from app.services.guide import refresh as epg_refresh
from app.services.guide.channel_names import channel_key, id_key
from app.storage import channel_links_repo, tv_repo
from tests.conftest import REALWORLD

GUIDE = REALWORLD / "xmltv" / "iptvx_one_ru_content.xml"  # one channel: "12-omsk", 22-29 Sep 2025
IN_GUIDE = datetime(2025, 9, 27, 12, 0, tzinfo=UTC)

PLAYLIST = """#EXTM3U
#EXTINF:-1 group-title="Региональные",12 Канал (Омск)
http://127.0.0.1:9/omsk/index.m3u8
#EXTINF:-1 tvg-id="perviy.ru" group-title="Общие",Первый канал HD
http://127.0.0.1:9/perviy/index.m3u8
#EXTINF:-1 tvg-id="perviy.ru",Первый канал (резерв)
http://127.0.0.1:9/perviy-backup/index.m3u8
"""


def rows(services: Any, sql: str) -> list[tuple[Any, ...]]:
    return services.db.execute(sql)


def _playlist(tmp_path: Path, text: str = PLAYLIST) -> str:
    path = tmp_path / "list.m3u"
    path.write_text(text, "utf-8")
    return str(path)


def test_channel_names_meet_without_noise() -> None:
    assert channel_key("12 канал (Омск)") == channel_key("12 Канал (Омск)") == "12 омск"
    assert channel_key("Первый канал HD") == channel_key("ПЕРВЫЙ") == "первый"
    assert channel_key("NPO 2 (302p) [Geo-blocked]") == "npo 2"
    assert id_key("NPO1.nl@SD") == "npo1.nl" and id_key("Perviy.ru#2") == "perviy.ru"
    found = pairing.map_channels(
        [
            ChannelName("1:a", "perviy.ru", "Первый", None),
            ChannelName("1:b", "12 Канал (Омск)", "12 Канал (Омск)", None),
            ChannelName("1:c", "x", "Россия-1 HD", None),
            ChannelName("1:d", "y", "Discovery Science", None),
            ChannelName("1:e", "z", "Nothing Alike", None),
        ],
        [
            ChannelName("2:p", "Perviy.ru", "Первый канал", None),
            ChannelName("2:o", "12-omsk", "12 канал Омск", '["12 канал Омск", "12 канал (Омск)"]'),
            ChannelName("2:r", "russia1", "Россия 1", None),
            ChannelName("2:d", "disc", "Discovery Sciense", None),  # a typo in the guide
        ],
    )
    assert [(link.playlist_channel_id, link.guide_channel_id, link.method) for link in found.links] == [
        ("1:a", "2:p", "tvg-id"),
        ("1:b", "2:o", "name"),
        ("1:c", "2:r", "name"),
        ("1:d", "2:d", "fuzzy"),
    ]


def test_a_playlist_and_a_guide_added_apart_are_paired_and_films_get_their_stream(
    services: Any, tmp_path: Path
) -> None:
    services.clock = FixedClock(IN_GUIDE)
    playlist = epg_refresh.import_location(services, _playlist(tmp_path)).source_id
    guide = epg_refresh.import_location(services, str(GUIDE)).source_id
    assert [(p.playlist_id, p.guide_id, p.origin) for p in channel_links_repo.pairs(services.db)] == [
        (playlist, guide, "auto")
    ]
    links = channel_links_repo.links(services.db, playlist)
    assert links[f"{playlist}:12 Канал (Омск)"].guide_channel_id == f"{guide}:12-omsk"
    assert links[f"{playlist}:12 Канал (Омск)"].method == "name"
    # a film of the guide is watched on the playlist's channel
    (film,) = rows(services, "SELECT title_id FROM programmes WHERE kind = 'film' ORDER BY start LIMIT 1")
    airings = tv_repo.title_airings(services.db, film[0], 0)
    assert airings and airings[0].channel.stream_url == "http://127.0.0.1:9/omsk/index.m3u8"
    assert airings[0].channel.guide_channel_id == f"{guide}:12-omsk"
    # the channel list shows the playlist's channels with the linked guide, backups folded
    channels = tv_repo.playlist_channels(services.db, services.profile_id)
    assert [(c.name, c.guide_channel_id, len(c.backups)) for c in channels] == [
        ("12 Канал (Омск)", f"{guide}:12-omsk", 0),
        ("Первый канал HD", f"{playlist}:perviy.ru", 1),
    ]
    assert channels[1].backups[0].stream_url == "http://127.0.0.1:9/perviy-backup/index.m3u8"


def test_the_mapping_editor_and_unlinking_survive_refreshes(services: Any, tmp_path: Path) -> None:
    services.clock = FixedClock(IN_GUIDE)
    playlist = epg_refresh.import_location(services, _playlist(tmp_path)).source_id
    guide = epg_refresh.import_location(services, str(GUIDE)).source_id
    omsk, perviy = f"{playlist}:12 Канал (Омск)", f"{playlist}:perviy.ru"
    # a person maps «Первый канал HD» onto the Omsk guide and says Omsk has no guide
    pairing.set_mapping(services, perviy, f"{guide}:12-omsk")
    pairing.set_mapping(services, omsk, None)
    epg_refresh.refresh_source_blocking(services, playlist, force=True)
    epg_refresh.refresh_source_blocking(services, guide, force=True)
    rows_, choices = pairing.mapping_rows(services, playlist)
    assert {(r.name, r.guide_channel_id, r.method) for r in rows_} == {
        ("12 Канал (Омск)", None, "none"),
        ("Первый канал HD", f"{guide}:12-omsk", "manual"),
    }
    assert [c.id for c in choices] == [f"{guide}:12-omsk"]
    pairing.forget_mapping(services, omsk)
    assert channel_links_repo.links(services.db, playlist)[omsk].method == "name"
    # unlinked by hand: automatic pairing leaves the two apart
    pairing.unlink_guide(services, playlist, guide)
    epg_refresh.refresh_source_blocking(services, guide, force=True)
    assert [p.origin for p in channel_links_repo.pairs(services.db)] == ["off"]
    assert omsk not in channel_links_repo.links(services.db, playlist)
    # and a manual link brings it back
    pairing.link_guide(services, playlist, guide)
    assert channel_links_repo.links(services.db, playlist)[omsk].guide_channel_id == f"{guide}:12-omsk"


def test_a_guide_wholly_in_the_past_says_so(services: Any) -> None:
    services.clock = FixedClock(datetime(2026, 12, 5, tzinfo=UTC))
    result = epg_refresh.import_location(services, str(GUIDE))
    assert (result.status, result.message, result.programmes) == (
        "ended",
        "this guide ended on 29 Sep 2025",
        0,
    )
    status = epg_refresh.list_sources(services)[0]
    assert (status.last_status, status.last_error) == ("ended", "this guide ended on 29 Sep 2025")


def test_the_4600_channel_iptv_org_list_is_reachable(services: Any) -> None:
    result = epg_refresh.import_location(services, str(REALWORLD / "m3u" / "ipytv_iptv-org.m3u"))
    channels = tv_repo.playlist_channels(services.db, services.profile_id)
    watchable = rows(services, "SELECT count(*) FROM channels WHERE stream_url IS NOT NULL")[0][0]
    assert result.channels == watchable > 4500
    # every entry is reachable: as a channel, or as a backup URL of the channel it repeats
    assert len(channels) + sum(len(c.backups) for c in channels) == watchable
    assert all(c.stream_url for c in channels)


def test_settings_list_only_the_channels_no_guide_covers(services: Any, tmp_path: Path) -> None:
    from tests.fakes.tv_library import import_tv

    services.clock = FixedClock(datetime(2026, 12, 5, 18, 40, tzinfo=UTC))
    playlist = import_tv(services, tmp_path, separate_guide=True)  # the guide added on its own
    status = next(s for s in epg_refresh.list_sources(services) if s.id == playlist)
    # the playlist's own import found no guide for any of them; the paired guide covers all but «Спас»
    assert status.unmatched_channels == ("Спас",)
    # unlinked: every channel is without a guide again, each named once (a backup repeats its name)
    (pair,) = channel_links_repo.pairs(services.db, playlist)
    pairing.unlink_guide(services, playlist, pair.guide_id)
    status = next(s for s in epg_refresh.list_sources(services) if s.id == playlist)
    assert len(status.unmatched_channels) == 11 and status.unmatched_channels.count("Первый канал HD") == 1
