"""GET /api/v1/events on real SQLite and PostgreSQL: filters, pagination, detail, export parity."""
from __future__ import annotations

import io
import json

import pytest
from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.model import Event
from ceasefire.store import EventFilter, Store, export
from ceasefire.web.demo import build_demo


@pytest.fixture
def demo(db_url):
    store = Store.open(db_url)
    tokens = build_demo(store)
    client = TestClient(create_app(store=store))
    client.headers["Authorization"] = f"Bearer {tokens['viewer']}"
    yield client, store
    store.close()


def test_api_events_lists_with_total_and_pages(demo):
    client, store = demo
    first = client.get("/api/v1/events", params={"limit": 10}).json()
    second = client.get("/api/v1/events", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == store.count_events() == 33
    assert len(first["items"]) == len(second["items"]) == 10
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in second["items"]}
    dates = [e["event_date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params, check", [
    ({"admin1": "Idlib"}, lambda e: e["admin1"] == "Idlib"),
    ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles"),
    ({"actor": "russia"}, lambda e: "Russia" in (e["actor1"] or "") + (e["actor2"] or "")),
    ({"date_from": "2016-03-01", "date_to": "2016-03-03"}, lambda e: "2016-03-01" <= e["event_date"] <= "2016-03-03"),
    ({"verdict": "violation", "agreement": "syria-coh-2016"},
     lambda e: any(v["status"] == "violation" for v in e["verdicts"])),
    ({"text": "barrel"}, lambda e: True),
])
def test_api_events_filters_narrow_the_list(demo, params, check):
    client, store = demo
    page = client.get("/api/v1/events", params=params).json()
    assert 0 < page["total"] < 33
    assert page["total"] == len(page["items"])
    assert all(check(e) for e in page["items"])


def test_api_events_match_export_for_the_same_filters(demo):
    client, store = demo
    params = {"admin1": "Rif Dimashq", "date_from": "2016-03-01"}
    api_ids = {e["event_id"] for e in client.get("/api/v1/events", params=params).json()["items"]}
    out = io.StringIO()
    export(store, EventFilter(**params), "jsonl", out)
    exported = {json.loads(line)["event_id"] for line in out.getvalue().splitlines()}
    assert api_ids == exported and api_ids


def test_api_events_detail_has_evidence_claims_and_report_text(demo):
    client, _ = demo
    item = client.get("/api/v1/events", params={"text": "car bomb"}).json()["items"][0]
    detail = client.get(f"/api/v1/events/{item['event_id']}").json()
    sentence = detail["evidence"][0]["sentence"]
    assert "car bomb" in sentence
    report = detail["reports"][0]
    assert report["text"][detail["evidence"][0]["start"]:detail["evidence"][0]["end"]] == sentence
    assert detail["claims"][0]["fatalities"] == 12
    assert detail["verdicts"][0]["agreement"] == "syria-coh-2016"


def test_api_events_unknown_id_is_a_json_404(demo):
    client, _ = demo
    response = client.get("/api/v1/events/ev-nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E404"


def test_api_events_reports_list_and_detail(demo):
    client, _ = demo
    page = client.get("/api/v1/reports", params={"limit": 5}).json()
    assert page["total"] == 33 and len(page["items"]) == 5
    report = client.get(f"/api/v1/reports/{page['items'][0]['id']}").json()
    assert report["text"] and report["event_ids"]
    assert client.get("/api/v1/reports/none-such").json()["error"]["code"] == "E404"


def test_api_events_total_follows_new_events(demo):
    client, store = demo
    assert client.get("/api/v1/events", params={"limit": 1}).json()["total"] == 33
    extra = store.events(limit=1)[0]
    extra.update(event_id="ev-late-report", report_id=None, report_ids=[], verdicts=[])
    store.add_batch([], imported=[Event.from_dict(extra)])
    assert client.get("/api/v1/events", params={"limit": 1}).json()["total"] == 34
