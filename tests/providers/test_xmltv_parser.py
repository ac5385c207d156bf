"""The streaming XMLTV reader over every realworld guide and over hostile documents."""

from __future__ import annotations

import gzip
import lzma
from pathlib import Path

import pytest

from app.domain.errors import BadFeed
from app.providers.guide.feed import ChannelRecord, ProgrammeRecord, open_feed
from app.providers.guide.xmltv.parser import iter_xmltv, parse_time

REALWORLD_XMLTV = Path(__file__).resolve().parents[3] / "shared" / "realworld" / "xmltv"
GUIDES = sorted(p.name for p in REALWORLD_XMLTV.glob("*") if p.name != "xmltv.dtd")

# file -> (channel records, programmes) as the files hold them.
EXPECTED_COUNTS = {
    "epgshare01_arabic_content.xml.gz": (2, 203),
    "iptvorg_epg_grab_gzip_guide.xml": (3, 3),
    "iptvorg_epg_grab_gzip_guide.xml.gz": (3, 3),
    "iptvorg_multiple_channels_duplicate_ids.guide.xml": (7, 12),
    "iptvorg_workers_load_greek.guide.xml": (1, 27),
    "iptvx_one_ru_content.xml": (1, 230),
    "iptvx_one_ru_content.xml.gz": (1, 230),
    "jellyfin_MultilanguageData.xml": (1, 2),
    "jellyfin_UK_Data.xml": (5, 1964),
    "jellyfin_custom.xml": (1, 1),
    "jellyfin_schedulesdirect.xml": (2, 2),
    "makrodigital_singlequote_nodecl_content.xml": (1, 66),
    "nzxmltv_freeview_content.xml": (1, 2),
    "tmacaraibes_multilang_content.xml": (1, 318),
    "x1co_br_comments_content.xml": (1, 91),
    "xmltvproject_amp.xml": (0, 2),
    "xmltvproject_attrs.xml": (0, 1),
    "xmltvproject_intervals.xml": (0, 6),
    "xmltvproject_test.xml": (2, 1),
    "xmltvproject_test_livre.xml": (0, 1),
    "xmltvproject_whitespace.xml": (0, 5),
    "xmltvproject_x-whatever.xml": (0, 2),
}


def load(path: Path) -> tuple[list[ChannelRecord], list[ProgrammeRecord]]:
    with open_feed(path, path.name) as stream:
        records = list(iter_xmltv(stream, path.name))
    return (
        [r for r in records if isinstance(r, ChannelRecord)],
        [r for r in records if isinstance(r, ProgrammeRecord)],
    )


@pytest.fixture(scope="module")
def rw() -> Path:
    if not REALWORLD_XMLTV.is_dir():
        pytest.skip("realworld corpus missing")
    return REALWORLD_XMLTV


@pytest.mark.parametrize("name", GUIDES)
def test_every_realworld_guide_imports(rw: Path, name: str) -> None:
    channels, programmes = load(rw / name)
    assert (len(channels), len(programmes)) == EXPECTED_COUNTS[name]
    for p in programmes:
        assert p.title and p.title == p.title.strip() and "\n" not in p.title
        assert p.start > 0
        assert p.stop is None or p.stop >= p.start


def test_counts_cover_the_whole_folder(rw: Path) -> None:
    assert set(GUIDES) == set(EXPECTED_COUNTS)


def test_gzip_decompressed_by_magic_equals_plain(rw: Path, tmp_path: Path) -> None:
    plain = load(rw / "iptvorg_epg_grab_gzip_guide.xml")
    gz = load(rw / "iptvorg_epg_grab_gzip_guide.xml.gz")
    assert plain == gz
    # The name says nothing: a gzip file called .xml and an xz file are still read.
    renamed = tmp_path / "guide.xml"
    renamed.write_bytes((rw / "iptvorg_epg_grab_gzip_guide.xml.gz").read_bytes())
    xz = tmp_path / "guide.bin"
    xz.write_bytes(lzma.compress((rw / "iptvorg_epg_grab_gzip_guide.xml").read_bytes()))
    assert load(renamed) == plain
    assert load(xz) == plain


def test_russian_provider_quirks(rw: Path) -> None:
    channels, programmes = load(rw / "iptvx_one_ru_content.xml")
    # Remote DOCTYPE URL is not fetched; single-quoted declaration; two display-names.
    assert channels[0].display_names == ("12 канал Омск", "12 канал (Омск)")
    first = programmes[0]
    # <desc> before <title>; +0300 offset: 01:45 Moscow is 22:45 UTC the day before.
    assert first.title == "д/с Необыкновенные люди"
    assert first.description and first.description.startswith("В этом документальном цикле")
    assert first.start == parse_time("20250921224500 +0000") == 1758494700
    titles = {p.title for p in programmes}
    assert "х/ф Экипаж машины боевой" in titles
    assert "т/с Фарца. 8 с." in titles


def test_declared_latin1_but_utf8_bytes_are_read_as_utf8(rw: Path) -> None:
    _, programmes = load(rw / "jellyfin_UK_Data.xml")
    text = " ".join(f"{p.title} {p.description or ''}" for p in programmes)
    assert "\ufffd" in text  # the feed's own replacement characters survive
    assert "Ã" not in text and "â€" not in text  # and nothing is double-decoded


def test_real_latin1_pound_sign(rw: Path) -> None:
    _, programmes = load(rw / "xmltvproject_test_livre.xml")
    assert programmes[0].title == "£"


def test_entities_bst_and_missing_stop(rw: Path) -> None:
    _, programmes = load(rw / "xmltvproject_amp.xml")
    assert programmes[0].title == "Ampersand Land"  # first of two titles
    assert programmes[0].description is not None
    assert programmes[0].description.startswith("& hello && there &amp; everyone <")
    assert programmes[0].start == 999039900  # 2001-08-29 00:05 BST
    assert programmes[0].stop is None


def test_short_timestamps_without_zone_and_doctype(rw: Path) -> None:
    _, programmes = load(rw / "xmltvproject_test.xml")
    assert programmes[0].start == 960049980  # "200006031633": 12 digits, no zone = UTC
    assert programmes[0].stop is None


def test_intervals_missing_stops_and_zero_length(rw: Path) -> None:
    _, programmes = load(rw / "xmltvproject_intervals.xml")
    assert {p.channel for p in programmes} == {"0"}
    assert sum(p.stop is None for p in programmes) >= 1


def test_languages_are_picked_by_preference(rw: Path) -> None:
    _, programmes = load(rw / "tmacaraibes_multilang_content.xml")
    assert programmes[0].description == "All African and Caribbean music."  # en over fr/es/pt
    _, multi = load(rw / "jellyfin_MultilanguageData.xml")
    assert multi[0].title == "Homes Under the Hammer - English"
    assert "Property - Empty Language" in multi[0].categories


def test_comments_offsets_and_odd_seconds(rw: Path) -> None:
    _, programmes = load(rw / "x1co_br_comments_content.xml")
    assert programmes[0].start % 60 == 50  # 08:42:50 kept to the second
    _, makro = load(rw / "makrodigital_singlequote_nodecl_content.xml")
    assert makro[0].start == parse_time("20250216130000 +0000")  # 08:00 at -0500


def test_duplicate_ids_greek_apos_and_year_only_dates(rw: Path) -> None:
    channels, _ = load(rw / "iptvorg_multiple_channels_duplicate_ids.guide.xml")
    ids = [c.guide_id for c in channels]
    assert ids.count("Channel3.us") == 2
    _, greek = load(rw / "iptvorg_workers_load_greek.guide.xml")
    assert "DON'T FORGET THE LYRICS" in {p.title for p in greek}
    _, nz = load(rw / "nzxmltv_freeview_content.xml")
    assert [p.year for p in nz] == [None, 2017]  # empty <date></date>, then <date>2017</date>


def test_bom_many_display_names_and_unknown_elements(rw: Path) -> None:
    channels, _ = load(rw / "jellyfin_schedulesdirect.xml")
    assert len(channels[0].display_names) == 5
    _, custom = load(rw / "jellyfin_custom.xml")
    assert custom[0].title == "Unforgettable"
    _, xw = load(rw / "xmltvproject_x-whatever.xml")
    assert xw[0].description and "Bilko claims" in xw[0].description


def test_dtd_is_not_a_guide(rw: Path) -> None:
    with pytest.raises(BadFeed, match=r"xmltv\.dtd"):
        load(rw / "xmltv.dtd")


# ------------------------------------------------------------------ hostile input

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE tv [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tv><programme start="20240101000000 +0000" channel="a"><title>&xxe;</title></programme></tv>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE tv [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>
<tv/>"""
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE tv [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<tv><programme start="20240101000000" channel="a">'
    + b"<title>&lol9;</title></programme></tv>"
)
GOOD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<tv><programme start="20240101000000 +0000" '
    b'channel="a"><title>\xd0\x9a\xd0\xb8\xd0\xbd\xd0\xbe</title></programme>'
    + b'<programme start="20240101010000 +0000" channel="a"><title>ok</title></programme>' * 50
    + b"</tv>"
)
HOSTILE = {
    "html_login": (b"<!DOCTYPE html><html><body><form>Login</form></body></html>", "HTML page"),
    "empty": (b"", "empty"),
    "truncated_gzip": (gzip.compress(GOOD)[:-40], "truncated"),
    "xxe": (XXE, "entities"),
    "external_dtd": (EXTERNAL_DTD, "entities"),
    "billion_laughs": (BILLION_LAUGHS, "entities"),
    "undecodable": (GOOD.replace(b"ok</title>", b"\xff\xfe\xfa</title>", 1), "XML"),
    "not_xmltv_root": (b'<?xml version="1.0"?><rss><channel/></rss>', "root element <rss>"),
    "broken_xml": (GOOD[: len(GOOD) // 2], "broken XML"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_documents_raise_one_clear_line(tmp_path: Path, case: str) -> None:
    body, words = HOSTILE[case]
    path = tmp_path / f"{case}.xml"
    path.write_bytes(body)
    with pytest.raises(BadFeed) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(f"{case}.xml: ")
    assert words in message
    assert "\n" not in message


def test_plain_external_doctype_is_ignored_not_fetched(tmp_path: Path) -> None:
    # Real feeds carry <!DOCTYPE tv SYSTEM "https://.../xmltv.dtd">: never loaded, not an error.
    path = tmp_path / "g.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE tv SYSTEM "http://127.0.0.1:9/xmltv.dtd">'
        b'<tv><programme start="20240101000000" channel="a"><title>x</title></programme></tv>'
    )
    _, programmes = load(path)
    assert [p.title for p in programmes] == ["x"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20240101200000 +0300", 1704128400),
        ("20240101200000 -0130", 1704144600),
        ("20240101200000", 1704139200),
        ("202401012000", 1704139200),
        ("20240101", 1704067200),
        ("202401", 1704067200),
        ("20010829000500 BST", 999039900),
        ("garbage", None),
    ],
)
def test_parse_time(value: str, expected: int | None) -> None:
    assert parse_time(value) == expected
