"""The dashboard: one page and its static files, served by the API app; API docs from local assets."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from ceasefire.api.errors import ApiError
from ceasefire.assess.zones import country_code

STATIC = Path(__file__).parent / "static"
SWAGGER = "/static/vendor/swagger-ui"

router = APIRouter()


@router.get("/", include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/docs", include_in_schema=False)
def api_docs() -> HTMLResponse:
    """Swagger UI from vendored files: nothing is fetched from a CDN."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="ceasefire API",
        swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js", swagger_css_url=f"{SWAGGER}/swagger-ui.css",
        swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
    )


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


@router.get("/api/v1/map", tags=["map"], summary="Admin-1 boundaries of a country")
def country_map(country: Annotated[str, Query(min_length=2, max_length=80)]) -> FileResponse:
    """GeoJSON of a country's admin-1 areas (Natural Earth), by ISO code or name."""
    code = country_code(country)
    path = STATIC / "maps" / f"{code}.geojson" if code else None
    if path is None or not path.is_file():
        raise ApiError(404, f"no map for country {country!r}; build one with scripts/build_map.py")
    return FileResponse(path, media_type="application/geo+json")

