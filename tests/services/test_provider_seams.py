"""Services reach TV catch-up and key checks through the provider registry, never by name: a
fake provider registered in a test is found by its capability (TV catch-up) or its face
(``KeyChecked``) and used, and the app's own IPTV, TMDB and OpenSubtitles providers are found
the same way."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from app.core import secrets
from app.domain.errors import AuthError
from app.domain.streams import StreamCandidate
from app.domain.subtitles import Quota
from app.domain.tv import Archive, TvChannel
from app.providers.base import Capability, KeyChecked, Manifest, TvCatchup
from app.providers.registry import ProviderRegistry
from app.services import keys
from app.services.playback import live
from app.services.sources import iptv
from tests.fakes.file_keyring import FileKeyring

CHANNEL = TvChannel(id="s:1", name="Один", stream_url="http://127.0.0.1:9/one.m3u8", catchup_days=2)
BACKUP = TvChannel(id="s:1b", name="Один", stream_url="http://127.0.0.1:9/one-b.m3u8", catchup_days=2)


class RecordedArchive:
    """A TV catch-up provider that answers from a table and remembers what it was asked."""

    manifest = Manifest(id="test-tv", name="Test TV", capabilities=frozenset({Capability.TV_CATCHUP}))

    def __init__(self) -> None:
        self.asked: list[tuple[str, int, int | None, bool]] = []

    def ways(self, title_id: str) -> list[StreamCandidate]:
        return []

    def has_archive(self, channel: TvChannel) -> bool:
        return channel.id == CHANNEL.id

    def archive(
        self,
        channel: TvChannel,
        *,
        start: int,
        stop: int | None = None,
        padded: bool = True,
        catchup_id: str | None = None,
    ) -> Archive:
        self.asked.append((channel.id, start, stop, padded))
        if channel.id != CHANNEL.id:
            return Archive(None, "no archive on the backup")
        return Archive(f"http://127.0.0.1:9/archive/{channel.id}?from={start}")


def test_the_tv_catchup_provider_is_found_by_its_capability_and_used(services) -> None:
    app_tv = iptv.provider(services)  # bootstrap registered the playlists' provider
    assert isinstance(app_tv, TvCatchup)
    assert Capability.TV_CATCHUP in app_tv.manifest.capabilities
    assert services.providers.tv_catchup() == [app_tv]

    fake = RecordedArchive()
    services.providers.unregister(app_tv.manifest.id)
    services.providers.register(fake)
    assert iptv.provider(services) is fake

    channel = TvChannel(
        id=CHANNEL.id, name=CHANNEL.name, stream_url=CHANNEL.stream_url, catchup_days=2, backups=(BACKUP,)
    )
    start = int(datetime(2026, 12, 5, 18, 0, tzinfo=UTC).timestamp())
    played = live.archive_playables(services, channel, start, start + 3600, label="Новости")
    assert [p.request.location for p in played] == [f"http://127.0.0.1:9/archive/s:1?from={start}"]
    assert played[0].label == "Archive · Один" and played[0].request.label == "Новости"
    assert played[0].origin is not None and played[0].origin.extra["way"] == "archive"
    assert fake.asked == [("s:1", start, start + 3600, True), ("s:1b", start, start + 3600, True)]
    assert live.window_s(services, channel) == 2 * 86400
    assert live.window_s(services, BACKUP) == 0  # the provider says it keeps no archive of it


def test_without_a_registered_one_the_playlists_provider_is_registered_on_first_use(services) -> None:
    services.providers = ProviderRegistry()  # a context composed without it
    made = iptv.provider(services)
    assert services.providers.tv_catchup() == [made]
    assert iptv.provider(services) is made


def test_a_provider_that_claims_tv_catchup_without_its_methods_is_refused() -> None:
    class Claims:
        manifest = Manifest(id="claims", name="Claims", capabilities=frozenset({Capability.TV_CATCHUP}))

        def ways(self, title_id: str) -> list[StreamCandidate]:
            return []

    with pytest.raises(TypeError, match="claims declares tv_catchup"):
        ProviderRegistry([Claims()])


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("CINEMA_TEST_KEYRING", str(path))
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(before)


class KeyedGuide:
    """A provider that takes the user's key: accepts one, refuses the rest, has a daily quota."""

    manifest = Manifest(id="keyed", name="Keyed guide", capabilities=frozenset())
    secret = "keyed-guide"

    def __init__(self) -> None:
        self.tried: list[str] = []
        self.quota: Quota | None = None

    async def check_key(self, key: str) -> None:
        self.tried.append(key)
        if key != "good":
            raise AuthError("Keyed guide refused the key (HTTP 401)")


def test_keys_lists_and_tries_the_providers_that_take_a_key(services, file_keyring) -> None:
    entries = keys.list_keys(services)
    assert [(e.id, e.name, e.secret) for e in entries[:2]] == [
        ("tmdb", "TMDB", "tmdb"),
        ("opensubtitles", "OpenSubtitles", "opensubtitles"),
    ]
    assert all(isinstance(services.providers.get(e.id), KeyChecked) for e in entries[:2])

    fake = KeyedGuide()
    services.providers.register(fake)
    secrets.set_secret("keyed-guide", "good")
    (entry,) = [e for e in keys.list_keys(services) if e.id == "keyed"]
    assert entry.name == "Keyed guide" and entry.present

    refused = asyncio.run(keys.check(services, entry, "bad"))
    assert refused.verdict == keys.Verdict.REFUSED and "HTTP 401" in refused.detail
    assert asyncio.run(keys.check(services, entry)).verdict == keys.Verdict.OK  # the stored key
    fake.quota = Quota(0, "tomorrow")
    used_up = asyncio.run(keys.check(services, entry, "good"))
    assert used_up.verdict == keys.Verdict.QUOTA and used_up.ok and "renewed tomorrow" in used_up.detail
    assert fake.tried == ["bad", "good", "good"]

    services.providers.unregister("keyed")
    gone = asyncio.run(keys.check(services, entry, "good"))
    assert gone.verdict == keys.Verdict.FAILED and gone.detail == "nothing to try this key on"
