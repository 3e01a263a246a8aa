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
