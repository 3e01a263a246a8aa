import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CEASEFIRE_SHARED", REPO.parent / "shared"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Built indexes go to one per-session folder, never the user's home."""
    home = os.environ.get("CEASEFIRE_TEST_HOME") or str(tmp_path_factory.getbasetemp() / "home")
    os.environ["CEASEFIRE_TEST_HOME"] = home
    monkeypatch.setenv("CEASEFIRE_HOME", home)


@pytest.fixture
def shared_data() -> Path:
    """The read-only dev sets beside the repo; tests using them skip when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared dev data not found at {path}")
    return path


# --- databases: real SQLite files and a real PostgreSQL server -------------------------------

PG_SERVER = os.environ.get("CEASEFIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)
    except Exception as error:  # no server answering
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but PostgreSQL does not answer at {PG_SERVER}: {error}")
        pytest.skip(f"no PostgreSQL server answers at {PG_SERVER} (set CEASEFIRE_TEST_PG)")


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid

    admin = _pg_admin()
    name = "ceasefire_t_" + uuid.uuid4().hex[:10]
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_SERVER.rsplit("/", 1)[0]
    try:
        yield f"{base.replace('postgresql://', 'postgresql+psycopg://', 1)}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'ceasefire.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """Each store test runs on both engines."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ceasefire.db'}"
    return request.getfixturevalue("pg_url")
