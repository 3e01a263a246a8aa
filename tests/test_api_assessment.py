"""Agreements, tallies and the access ledger over the API, and its error envelope."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.model import Event
from ceasefire.store import Store
from ceasefire.web.demo import build_demo

AGREEMENT = "syria-coh-2016"


@pytest.fixture
def client(db_url):
    store = Store.open(db_url)
    build_demo(store)
    yield TestClient(create_app(store=store, public_read=True), raise_server_exceptions=False)
    store.close()


def test_api_assessment_lists_installed_agreements(client):
    items = client.get("/api/v1/agreements").json()["items"]
    assert AGREEMENT in {a["id"] for a in items}
    assert all(a["start"] and a["country"] for a in items)


def test_api_assessment_tallies_add_up(client):
    by_party = client.get("/api/v1/tallies", params={"agreement": AGREEMENT}).json()
    assert by_party["totals"]["events"] == 33
    assert sum(row["violations"] for row in by_party["rows"]) == by_party["totals"]["violations"] > 0
    by_area = client.get("/api/v1/tallies", params={"agreement": AGREEMENT, "by": "admin1", "admin1": "Idlib"}).json()
    assert [row["key"] for row in by_area["rows"]] == ["Idlib"]


def test_api_assessment_tallies_refuse_unknown_agreement(client):
    response = client.get("/api/v1/tallies", params={"agreement": "no-such-deal"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E121"
    assert "installed" in response.json()["error"]["message"]


def test_api_assessment_access_ledger_counts_deliveries_and_blocks(client):
    ledger = client.get("/api/v1/access", params={"agreement": AGREEMENT}).json()
    rows = {row["area"]: row for row in ledger["rows"]}
    assert rows["madaya"]["deliveries"] == 1 and rows["madaya"]["last_delivery"] == "2016-03-14"
    assert rows["daraya"]["blocked"] == 1
    assert ledger["as_of"] == "2016-03-14"


def test_api_assessment_validation_errors_are_json(client):
    response = client.get("/api/v1/events", params={"limit": 0, "verdict": "maybe"})
    body = response.json()
    assert response.status_code == 422 and body["error"]["code"] == "E422"
    assert {p["field"] for p in body["error"]["problems"]} == {"query.limit", "query.verdict"}
    reversed_dates = client.get("/api/v1/events", params={"date_from": "2016-03-02", "date_to": "2016-03-01"})
    assert reversed_dates.json()["error"]["field"] == "date_from"


def test_api_assessment_unexpected_error_has_no_traceback(tmp_path):
    url = f"sqlite:///{tmp_path / 'broken.db'}"
    store = Store.open(url)
    with sqlite3.connect(tmp_path / "broken.db") as db:  # the database changes under the server
        db.execute("DROP TABLE events")
    client = TestClient(create_app(store=store, public_read=True), raise_server_exceptions=False)
    response = client.get("/api/v1/events")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "E500"
    assert "Traceback" not in response.text and "no such table" not in response.text


def test_api_assessment_docs_and_map_are_served_locally(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "ceasefire"
    assert client.get("/api/v1/map", params={"country": "Syria"}).json()["features"]
    assert client.get("/api/v1/map", params={"country": "Atlantis"}).json()["error"]["code"] == "E404"


def test_api_assessment_tallies_follow_new_data(db_url):
    store = Store.open(db_url)
    build_demo(store)
    client = TestClient(create_app(store=store, public_read=True))
    params = {"agreement": AGREEMENT, "by": "admin1"}
    assert client.get("/api/v1/tallies", params=params).json()["totals"]["events"] == 33
    assert client.get("/api/v1/tallies", params=params).json()["totals"]["events"] == 33  # cached
    extra = store.events(limit=1)[0]
    extra.update(event_id="ev-added-later", report_id=None, report_ids=[], verdicts=[])
    store.add_batch([], imported=[Event.from_dict(extra)])
    assert client.get("/api/v1/tallies", params=params).json()["totals"]["events"] == 34
    store.close()
