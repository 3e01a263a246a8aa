"""Tokens and roles: closed by default, viewers read, analysts review (audited), admins manage users."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.store import Store
from ceasefire.web.demo import build_demo


@pytest.fixture
def served(db_url):
    store = Store.open(db_url)
    tokens = build_demo(store)
    yield store, tokens
    store.close()


def _as(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _review(client, token: str, event_id: str, **body):
    return client.post(f"/api/v1/events/{event_id}/review", headers=_as(token), json=body)


def test_api_auth_reading_needs_a_token_by_default(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    refused = client.get("/api/v1/events")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "E401"
    assert client.get("/api/v1/events", headers=_as("cf_wrong")).status_code == 401
    assert client.get("/api/v1/events", headers=_as(tokens["viewer"])).status_code == 200


def test_api_auth_public_read_opens_reading_but_not_writing(served):
    store, _ = served
    client = TestClient(create_app(store=store, public_read=True))
    event_id = client.get("/api/v1/events").json()["items"][0]["event_id"]
    assert client.get(f"/api/v1/events/{event_id}").status_code == 200
    write = _review(client, None, event_id, action="verify", reason="seen")
    assert write.status_code == 401


def test_api_auth_viewer_may_not_review(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    event_id = store.events(limit=1)[0]["event_id"]
    refused = _review(client, tokens["viewer"], event_id, action="verify", reason="looks right")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "E402"
    assert store.event(event_id)["review_status"] == "unverified"


def test_api_auth_analyst_review_is_stored_and_audited(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    event_id = store.events(limit=1)[0]["event_id"]
    done = _review(client, tokens["analyst"], event_id, action="reject", reason="duplicate of a wire report")
    assert done.status_code == 200 and done.json()["review_status"] == "rejected"
    log = client.get("/api/v1/audit", headers=_as(tokens["analyst"]), params={"target": event_id}).json()
    entry = log["items"][0]
    assert (entry["user"], entry["action"]) == ("analyst", "review.reject")
    assert entry["payload"]["reason"] == "duplicate of a wire report"
    chain = client.get("/api/v1/audit/verify", headers=_as(tokens["analyst"])).json()
    assert chain["ok"] is True
    assert client.get("/api/v1/audit", headers=_as(tokens["viewer"])).status_code == 403


def test_api_auth_correct_and_merge_go_through_the_store(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    first, second = (e["event_id"] for e in store.events(limit=2))
    analyst = tokens["analyst"]
    corrected = _review(client, analyst, first, action="correct", reason="toll updated", fields={"fatalities": 9})
    assert corrected.status_code == 200 and corrected.json()["event"]["fatalities"] == 9
    missing = _review(client, analyst, first, action="merge", reason="same strike")
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "into"
    merged = _review(client, analyst, second, action="merge", reason="same strike", into=first)
    assert merged.status_code == 200 and merged.json()["event"]["event_id"] == first


def test_api_auth_review_needs_a_reason(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    event_id = store.events(limit=1)[0]["event_id"]
    response = _review(client, tokens["analyst"], event_id, action="verify", reason="  ")
    assert response.status_code == 422 and response.json()["error"]["code"] == "E422"


def test_api_auth_only_admins_manage_users(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    body = {"name": "field-monitor", "role": "viewer"}
    assert client.post("/api/v1/users", headers=_as(tokens["analyst"]), json=body).status_code == 403
    created = client.post("/api/v1/users", headers=_as(tokens["admin"]), json=body)
    assert created.status_code == 201
    token = created.json()["token"]
    me = client.get("/api/v1/users/me", headers=_as(token)).json()
    assert me == {"name": "field-monitor", "role": "viewer", "can_review": False, "can_manage_users": False}
    names = [u["name"] for u in client.get("/api/v1/users", headers=_as(tokens["admin"])).json()]
    assert "field-monitor" in names
    again = client.post("/api/v1/users", headers=_as(tokens["admin"]), json=body)
    assert again.status_code == 422 and again.json()["error"]["field"] == "name"


def test_api_auth_admin_removes_a_user_and_their_token_stops_working(served):
    store, tokens = served
    client = TestClient(create_app(store=store))
    assert client.get("/api/v1/events", headers=_as(tokens["viewer"])).status_code == 200
    assert client.delete("/api/v1/users/viewer", headers=_as(tokens["analyst"])).status_code == 403
    assert client.delete("/api/v1/users/viewer", headers=_as(tokens["admin"])).status_code == 204
    assert client.get("/api/v1/events", headers=_as(tokens["viewer"])).status_code == 401
    missing = client.delete("/api/v1/users/viewer", headers=_as(tokens["admin"]))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E404"
    last = client.delete("/api/v1/users/admin", headers=_as(tokens["admin"]))
    assert last.status_code == 409 and last.json()["error"]["code"] == "E405"
