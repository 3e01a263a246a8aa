"""The FastAPI application: routers, error handlers, local API docs."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from ceasefire import __version__
from ceasefire.api import errors
from ceasefire.api.cache import ReadCache
from ceasefire.api.routes import access, audit, events, reports, users
from ceasefire.config import database_url
from ceasefire.web import router as web


def create_app(db_url: str | None = None, public_read: bool = False, *, store: Any = None) -> FastAPI:
    """The app over the store at db_url (or an open store). Reading needs a token unless public_read."""
    if store is None:
        from ceasefire.store import Store

        store = Store.open(database_url(db_url))
    app = FastAPI(title="ceasefire", version=__version__, docs_url=None, redoc_url=None,
                  description="Events, verdicts, humanitarian access and review for ceasefire monitoring.")
    app.state.store = store
    app.state.public_read = public_read
    app.state.cache = ReadCache()
    errors.install(app)
    for module in (events, access, reports, audit, users, web):
        app.include_router(module.router)
    web.mount_static(app)
    return app
