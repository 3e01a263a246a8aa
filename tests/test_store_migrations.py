"""Opening a database: created by migrations, upgraded when older, refused when newer or foreign."""
from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from ceasefire.errors import StoreError
from ceasefire.store import Store
from ceasefire.store.database import alembic_config, engine_url, make_engine, revision

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_store_new_database_is_created_at_head(db_url):
    with Store.open(db_url) as store:
        assert revision(store.engine) == HEAD
        tables = set(inspect(store.engine).get_table_names())
    assert {"reports", "mentions", "events", "verdicts", "users", "audit_log", "audit_head"} <= tables
    assert "event_mentions" not in tables  # since 0006 each mention names its event


def _database_at(db_url: str, revision_id: str, *statements: str) -> None:
    """A database brought only to an older revision, with rows written in that schema."""
    from alembic import command

    engine = make_engine(db_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision_id)
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_store_older_revision_is_upgraded_and_keeps_its_rows(db_url):
    _database_at(db_url, "0001", "INSERT INTO users (name, role, token_hash, created_at) "
                                 "VALUES ('old', 'admin', 'h', '2020-01-01')")
    with Store.open(db_url) as store:
        assert revision(store.engine) == HEAD
        assert [u.name for u in store.users()] == ["old"]
        assert store.audit_verify().ok


def test_store_verdicts_stored_before_parties_were_kept_get_their_party(db_url):
    _database_at(
        db_url, "0004",
        "INSERT INTO events (id, event_date, actor1, admin1, fatalities, record, report_ids, mention_key, "
        "updated_at) VALUES ('e1', '2016-05-01', 'Military Forces of Russia (2000-)', 'Aleppo', 3, '{}', '[]', "
        "'k1', '2020-01-01')",
        "INSERT INTO verdicts (event_id, agreement, status, reason) VALUES ('e1', 'syria-coh-2016', 'violation', 'r')")
    with Store.open(db_url) as store:
        with store.engine.connect() as connection:
            party, fatalities = connection.execute(text("SELECT party, fatalities FROM verdicts")).one()
    assert party and "russia" in party.lower() and fatalities == 3


def _refused(db_url: str, statement: str) -> StoreError:
    """Change the database behind the store's back, then open it."""
    engine = create_engine(engine_url(db_url))
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()
    with pytest.raises(StoreError) as raised:
        Store.open(db_url)
    return raised.value


def test_store_newer_database_is_refused_with_a_clear_error(db_url):
    Store.open(db_url).close()
    error = _refused(db_url, "UPDATE alembic_version SET version_num = '0999_future'")
    assert error.code == "E301" and "0999_future" in str(error)


def test_store_foreign_database_is_not_touched(db_url):
    assert _refused(db_url, "CREATE TABLE notes (id INTEGER PRIMARY KEY)").code == "E302"
    assert inspect(create_engine(engine_url(db_url))).get_table_names() == ["notes"]


def test_store_sqlite_uses_wal(sqlite_url):
    with Store.open(sqlite_url) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_unreachable_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store.open(f"sqlite:///{tmp_path}/no/such/dir/x.db")


def test_store_mention_event_links_survive_the_move_into_mentions(db_url):
    """0006 moves each mention's event from the event_mentions table into mentions.event_id;
    going down and up again keeps which event holds which mention (here after a merge)."""
    from alembic import command

    from ceasefire.model import Event

    def strike(number: int) -> Event:
        return Event(event_date="2016-05-0%d" % number, event_type="Explosions/Remote violence",
                     sub_event_type="Air/drone strike", location="Saraqeb", admin1="Idlib",
                     event_id=f"m{number}", report_id=f"r{number}")

    with Store.open(db_url) as store:
        store.add_mentions(None, [strike(1), strike(2)])
        store.add_user("ana", "analyst")
        store.review("m2", "merge", store.user("ana"), "the same strike", into="m1")
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
            assert sorted(connection.execute(text("SELECT mention_id, event_id FROM event_mentions")).all()) == [
                ("m1", "m1"), ("m2", "m1")]
            assert "event_id" not in {c["name"] for c in inspect(connection).get_columns("mentions")}
    with Store.open(db_url) as store:
        assert revision(store.engine) == HEAD
        assert [m["mention_id"] for m in store.event("m1")["mentions"]] == ["m1", "m2"]
        assert store.event("m2")["mentions"] == []
        assert store.audit_verify().ok
