"""Where ceasefire keeps things: one place for paths and the database URL."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).parent / "data"


def home() -> Path:
    """Built indexes (the gazetteer) live here; override with CEASEFIRE_HOME."""
    path = Path(os.environ.get("CEASEFIRE_HOME") or Path.home() / ".local" / "share" / "ceasefire")
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None = None) -> str:
    """--db, then CEASEFIRE_DB, then a SQLite file in the working directory."""
    url = explicit or os.environ.get("CEASEFIRE_DB") or "ceasefire.db"
    if "://" not in url:
        url = "sqlite:///" + url
    return url


def scenario() -> dict:
    """The built-in scenario (data/scenario.yaml)."""
    import yaml

    return yaml.safe_load((PACKAGE_DATA / "scenario.yaml").read_text(encoding="utf-8")) or {}


def default_country() -> str:
    """CEASEFIRE_COUNTRY, else the scenario's country."""
    return (os.environ.get("CEASEFIRE_COUNTRY") or scenario().get("country") or "").upper()
