"""A wrong address or password, TLS the server lacks, a schema of another version, a database that
is not Cinema's, a value the server refuses: each with a message, nothing lost, no password shown."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from app.domain.sync import (
    ServerAddress,
    ServerRefused,
    ServerRejected,
    ServerSchemaNewer,
    ServerSchemaOlder,
    ServerUnreachable,
    SyncState,
)
from app.services.sync.setup import setup
from app.storage import watchlist_repo
from app.storage.db import Database, current_revision, head_revision, migrate
from tests.fakes.postgres import PostgresCluster, free_port
from tests.services.sync.conftest import TITLE, Device, wait_for

PASSWORD = "Correct-Horse-7"


@pytest.fixture
def with_password(pg_cluster: PostgresCluster, pg_url: str) -> Iterator[ServerAddress]:
    """A role that must give its password (scram-sha-256 for it alone; the rest stays trust)."""
    import psycopg

    hba = pg_cluster.data / "pg_hba.conf"
    rule = "host all cinema_pw 127.0.0.1/32 scram-sha-256\n"
    if rule not in hba.read_text():
        hba.write_text(rule + hba.read_text())
    database = ServerAddress.parse(pg_url).database
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS cinema_pw")
        conn.execute(f"CREATE ROLE cinema_pw LOGIN PASSWORD '{PASSWORD}'")
        conn.execute(f'ALTER DATABASE "{database}" OWNER TO cinema_pw')
        conn.execute("SELECT pg_reload_conf()")
    with psycopg.connect(pg_cluster.dsn(database), autocommit=True) as conn:
        conn.execute("ALTER SCHEMA public OWNER TO cinema_pw")
    yield ServerAddress("127.0.0.1", pg_cluster.port, "cinema_pw", database)  # type: ignore[attr-defined]


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records)


def test_a_wrong_password_is_refused_in_words_and_never_shown(
    devices: Callable[[str], Device], with_password: ServerAddress, caplog: pytest.LogCaptureFixture
) -> None:
    a = devices("a")
    caplog.set_level(logging.DEBUG)
    wrong = with_password.with_password("not-" + PASSWORD)
    with pytest.raises(ServerRefused, match="refused the password for user “cinema_pw”") as caught:
        a.join(wrong)
    assert "not-" + PASSWORD not in str(caught.value)
    no_password = with_password.with_password(None)
    with pytest.raises(ServerRefused, match="password"):
        a.join(no_password)
    # the right one: joins; the password went nowhere but to the driver
    result = setup(a.services, with_password.display, password=PASSWORD)
    assert result.report is not None and result.report.created
    assert PASSWORD not in a.services.paths.settings_file.read_text()
    assert a.services.settings.library_url == with_password.display
    log_file = (a.services.paths.logs / "cinema.jsonl").read_text()
    for text_ in (logged(caplog), log_file, str(a.db.execute("SELECT * FROM app_state"))):
        assert PASSWORD not in text_


def test_unreachable_host_and_missing_database(devices: Callable[[str], Device], pg_url: str) -> None:
    a = devices("a")
    good = ServerAddress.parse(pg_url)
    closed = ServerAddress("127.0.0.1", free_port(), good.user, good.database)
    with pytest.raises(ServerUnreachable, match="does not answer"):
        a.join(closed)
    missing = ServerAddress(good.host, good.port, good.user, "no_such_library")
    with pytest.raises(ServerRefused, match="no database “no_such_library”: create it first"):
        a.join(missing)
    assert a.db.execute("SELECT count(*) FROM sync_outbox") == [(0,)]  # nothing queued, nothing lost


def test_sslmode_is_honoured(devices: Callable[[str], Device], pg_url: str) -> None:
    a = devices("a")
    plain = ServerAddress.parse(pg_url + "?sslmode=require")  # the test server speaks no TLS
    with pytest.raises(ServerRefused, match="TLS with the library server failed \\(sslmode=require\\)"):
        a.join(plain)
    a.join(ServerAddress.parse(pg_url + "?sslmode=disable"))


def test_a_newer_server_is_refused_and_an_older_one_upgraded_with_consent(
    devices: Callable[[str], Device], pg_url: str
) -> None:
    a = devices("a")
    a.add_title()
    watchlist_repo.set_in_watchlist(a.db, a.profile(), TITLE, True, datetime.now(UTC))
    server_db = Database(pg_url)
    migrate(server_db.engine, "0006")  # a server made by an older Cinema
    address = ServerAddress.parse(pg_url)
    with pytest.raises(ServerSchemaOlder, match="older than this Cinema's") as older:
        setup(a.services, pg_url)
    assert older.value.revision == "0006" and current_revision(server_db.engine) == "0006"  # untouched
    assert a.services.settings.library_url == ""
    result = setup(a.services, pg_url, upgrade=True)  # the user agreed
    assert current_revision(server_db.engine) == head_revision() and result.report is not None
    assert a.library()["watchlist"]

    with server_db.engine.begin() as conn:  # now a newer Cinema upgrades it past us
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    b = devices("b")
    with pytest.raises(ServerSchemaNewer, match="Update Cinema on this device"):
        b.join(address)
    engine = a.start(address)
    wait_for(lambda: engine.status().state == SyncState.ERROR, what="A refuses the newer server")
    assert "newer than this Cinema knows" in (engine.status().last_error or "")
    assert a.library()["watchlist"]  # nothing lost here
    server_db.dispose()


def test_a_database_that_is_not_cinemas_is_left_alone(devices: Callable[[str], Device], pg_url: str) -> None:
    server_db = Database(pg_url)
    server_db.execute("CREATE TABLE invoices (id integer primary key)")
    with pytest.raises(ServerRefused, match="not Cinema's"):
        devices("a").join(ServerAddress.parse(pg_url))
    assert server_db.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    ) == [(1,)]
    server_db.dispose()


def test_a_value_the_server_refuses_stays_here_and_the_rest_goes(
    devices: Callable[[str], Device], server: ServerAddress
) -> None:
    a = devices("a")
    a.add_title()
    a.join(server)
    a.save(3_000_000_000, at=1_000_000)  # 35 days into a film: beyond PostgreSQL's INTEGER
    watchlist_repo.set_in_watchlist(a.db, a.profile(), TITLE, True, datetime.now(UTC))
    engine = a.start(server)
    wait_for(lambda: engine.status().outbox_size == 0 and engine.status().state == SyncState.SYNCED,
             what="the outbox sent", detail=engine.status)  # fmt: skip
    assert "refused a change" in (engine.status().last_error or "")
    assert a.progress() is not None  # still here
    b = devices("b")
    b.join(server)
    assert b.library()["watchlist"] and b.progress() is None


def test_rejected_is_a_data_error(server: ServerAddress) -> None:
    from app.storage.sync.server import translate

    class Fake(Exception):
        sqlstate = "22003"

    assert isinstance(translate(Fake("integer out of range"), server), ServerRejected)
