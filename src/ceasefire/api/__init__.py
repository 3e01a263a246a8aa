"""REST API over the store (FastAPI)."""
from __future__ import annotations

from ceasefire.api.main import create_app

__all__ = ["create_app"]
