"""Engines, write transactions with retries, and migrations run on open."""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Index, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from ceasefire.errors import StoreError
from ceasefire.store.schema import events, mentions, reports

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
PAGE_SIZE = 8192  # rows of ~1 KB (records as JSON): fewer page splits and checkpoint writes than 4096
ATTEMPTS = 12
MIGRATION_LOCK = 7_402_031  # pg advisory lock key for migrations
E301 = "E301"  # database newer than this version of ceasefire
E302 = "E302"  # tables present but no schema version
E303 = "E303"  # cannot connect / gave up after retries
IN_CHUNK = 900  # ids per IN (...) list, under SQLite's limit on bound parameters
T = TypeVar("T")


def chunks(items: list[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def engine_url(url: str) -> str:
    """postgresql:// and postgres:// use psycopg 3; anything else is passed to SQLAlchemy."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    """SQLite: WAL, a busy timeout, writers take the lock at BEGIN IMMEDIATE. PostgreSQL: psycopg 3."""
    url = engine_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # takes effect only on a new, empty file
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-65536")  # 64 MB: many indexes, inserts in random key order
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def retryable(error: Exception) -> bool:
    """SQLITE_BUSY / locked, and PostgreSQL serialisation failures and deadlocks, are retried."""
    if isinstance(error, OperationalError) and any(
            word in str(error.orig).lower() for word in ("locked", "busy")):
        return True
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    return isinstance(error, DBAPIError) and code in ("40001", "40P01")


def write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run `work` in one write transaction, retried from the start when the database is busy.

    On SQLite the transaction begins IMMEDIATE (one writer at a time); on PostgreSQL it locks the
    audit head row first, so writers append to the audit chain one after the other.
    """
    for attempt in range(ATTEMPTS):
        try:
            with engine.connect() as connection:
                connection.execution_options(immediate=True)
                with connection.begin():
                    if connection.dialect.name == "postgresql":
                        connection.exec_driver_sql("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
                    return work(connection)
        except DBAPIError as error:
            if not retryable(error) or attempt == ATTEMPTS - 1:
                raise
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise StoreError("database stayed busy", code=E303)  # not reached


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> str:
    """Bring the database to the newest schema; refuse databases that are not ours or are newer."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    known = {revision.revision for revision in script.walk_revisions()}
    with engine.connect() as connection:
        connection.execution_options(immediate=True)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            current = MigrationContext.configure(connection).get_current_revision()
            if current == head:
                restore_indexes(connection)
                return head
            if current is None:
                tables = sorted(inspect(connection).get_table_names())
                if tables:
                    raise StoreError(
                        f"database has tables ({', '.join(tables[:5])}) but no ceasefire schema version; "
                        "refusing to change it", code=E302)
            elif current not in known:
                raise StoreError(
                    f"database schema is at revision {current!r}, newer than this ceasefire knows "
                    f"(newest {head!r}); upgrade ceasefire", code=E301)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if current is not None:
                _fill_after_upgrade(connection)
            restore_indexes(connection)
    return head


def _fill_after_upgrade(connection) -> None:
    """Data an upgrade adds columns for but only project code can work out: the party of
    verdicts stored before parties were kept (revision 0005)."""
    from ceasefire.store.tallies import fill_stored_parties

    fill_stored_parties(connection)


def deferrable_indexes() -> list[Index]:
    """The lookup indexes of the tables an ingest fills; unique ones (deduplication) are not among them."""
    return [index for table in (reports, mentions, events) for index in sorted(
        table.indexes, key=lambda index: index.name) if not index.unique]


def drop_deferrable_indexes(engine: Engine) -> None:
    """Before a bulk load into SQLite: inserting into one table with six indexes in random key order
    costs more than building them once at the end. `restore_indexes` (run on every open) undoes it."""
    with engine.connect() as connection:
        connection.execution_options(immediate=True)
        with connection.begin():
            for index in deferrable_indexes():
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")


def restore_indexes(connection: Connection) -> list[str]:
    """Create any deferrable index that is missing (a bulk load ended or was killed); returns their names."""
    present = {name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index'")} if connection.dialect.name == "sqlite" else None
    missing = [index for index in deferrable_indexes() if present is not None and index.name not in present]
    for index in missing:
        index.create(connection, checkfirst=True)
    return [index.name for index in missing]


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
