"""Sources: every realworld torrent refused or sanitised as PROVENANCE.md says; magnets, hashes,
peer hints; the main video file chosen with pad files skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.domain.errors import BadTorrent
from app.engines.torrent.adding import check_paths, choose_file, file_list, parse_source

TORRENTS = Path(__file__).resolve().parents[4] / "shared" / "realworld" / "torrent"
# Refused by us although libtorrent loads it: a symlink could point anywhere once created.
OUR_REFUSALS = {"libtorrent_symlink1.torrent"}


def _expectations() -> dict[str, bool]:
    """file name -> must be refused, read from the rows of PROVENANCE.md."""
    text = (TORRENTS.parent / "PROVENANCE.md").read_text("utf-8")
    rows = {m[1]: m[0] for m in re.finditer(r"^\| torrent/(\S+\.torrent) \|.*$", text, re.M)}
    return {
        name: "libtorrent error" in row or "must be rejected" in row or name in OUR_REFUSALS
        for name, row in rows.items()
    }


EXPECTED = _expectations() if TORRENTS.is_dir() else {}


def test_every_torrent_file_has_an_expectation() -> None:
    if not TORRENTS.is_dir():
        pytest.skip("realworld corpus missing")
    on_disk = {p.name for p in TORRENTS.glob("*.torrent")}
    assert on_disk == set(EXPECTED)
    assert sum(EXPECTED.values()) >= 25  # the hostile ones are the majority


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_realworld_torrent_refused_or_kept_inside_the_cache(name: str, tmp_path: Path) -> None:
    path = TORRENTS / name
    if EXPECTED[name]:
        with pytest.raises(BadTorrent) as err:
            parse_source(str(path))
        message = str(err.value)
        assert name in message or "symbolic link" in message
        assert "[" in message or "link" in message  # libtorrent's reason is kept for the user
        return
    source = parse_source(str(path))
    assert source.kind == "file"
    assert re.fullmatch(r"[0-9a-f]{40}", source.info_hash)
    cache = tmp_path / "cache" / source.info_hash
    cache.mkdir(parents=True)
    check_paths(source.params.ti, cache)  # raises if anything would land outside
    for f in file_list(source.params.ti):
        target = (cache / f.path).resolve()
        assert target.is_relative_to(cache.resolve()), f.path
        assert ".." not in Path(f.path).parts
        assert not Path(f.path).is_absolute()


def test_traversal_names_are_sanitised_by_name() -> None:
    names = {
        "libtorrent_parent_path.torrent": "temp/_/_/bar",
        "libtorrent_hidden_parent_path.torrent": "temp/foo......bar/bar",
        "libtorrent_slash_path3.torrent": "temp....abc",
        "libtorrent_backslash_path.torrent": "temp/_/_/bar",
    }
    for name, expected in names.items():
        files = file_list(parse_source(str(TORRENTS / name)).params.ti)
        assert [f.path for f in files] == [expected]


MAGNETS = [
    line
    for line in (TORRENTS / "magnets_public_and_edge.txt").read_text("utf-8").splitlines()
    if line.startswith("magnet:")
] if TORRENTS.is_dir() else []  # fmt: skip


def test_realworld_magnets_parse_to_their_hashes() -> None:
    hashes = [parse_source(m).info_hash for m in MAGNETS]
    assert len(hashes) == 15
    assert "2c6b6858d61da9543d4231a71db4b1c9264b0685" in hashes  # uppercase hex
    assert "ad350c37deb53e59bef236e651c6f6f2a640bc25" in hashes  # base32 btih decoded
    assert "9fb267cff5ae5603f07a347676ec3bf3e35f75e1" in hashes  # &amp; separators
    escaped = parse_source(next(m for m in MAGNETS if "&amp;" in m))
    assert escaped.params.name.startswith("Game of Thrones")


@pytest.mark.parametrize(
    "bad",
    [
        "magnet:?xt=urn:btih:zz",
        "magnet:?dn=no+hash",
        "magnet:",
        "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef0123456",  # 39 hex digits
        "",
        "   ",
        "http://example.invalid/film.mkv",
        "not a torrent at all",
    ],
)
def test_malformed_sources_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(BadTorrent) as err:
        parse_source(bad)
    assert str(err.value)


def test_missing_torrent_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadTorrent, match="cannot read"):
        parse_source(str(tmp_path / "missing.torrent"))


def test_bare_info_hashes_and_peer_hints() -> None:
    assert parse_source("D2474E86C95B19B8BCFDB92BC12C9D44667CFA36").kind == "hash"
    assert parse_source("VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF").info_hash.startswith("ad350c37")
    src = parse_source(
        "magnet:?xt=urn:btih:d2474e86c95b19b8bcfdb92bc12c9d44667cfa36"
        "&x.pe=127.0.0.1:6881&x.pe=[::1]:51413&x.pe=bad&x.pe=host:99999"
    )
    assert src.peers == (("127.0.0.1", 6881), ("::1", 51413))


def test_main_video_is_the_largest_video_and_pad_files_are_skipped() -> None:
    info = parse_source(str(TORRENTS / "libtorrent_v2_hybrid.torrent")).params.ti
    files = file_list(info)
    pads = [f for f in files if f.is_pad]
    videos = [f for f in files if f.is_video]
    assert pads and videos
    chosen = choose_file(info)
    assert chosen.is_video and not chosen.is_pad
    assert chosen.size == max(f.size for f in videos)
    with pytest.raises(BadTorrent, match="no file number"):
        choose_file(info, pads[0].index)
    with pytest.raises(BadTorrent, match="no file number"):
        choose_file(info, len(files) + 5)
    other = next(f for f in videos if f.index != chosen.index)
    assert choose_file(info, other.index) == other


def test_torrent_without_video_asks_for_a_file_index() -> None:
    info = parse_source(str(TORRENTS / "webtorrent_leaves.torrent")).params.ti
    with pytest.raises(BadTorrent, match="no video file"):
        choose_file(info)
    assert choose_file(info, 0).path.endswith(".epub")
