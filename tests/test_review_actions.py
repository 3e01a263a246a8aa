"""Review: verify, reject, merge, split, correct, each audited with reason, user and time."""
from __future__ import annotations

import pytest

from ceasefire.errors import AuthError, StoreError, ValidationError
from ceasefire.model import Event, Report
from ceasefire.store import EventFilter, Store, User

ANALYST = User("ana", "analyst")


def _mention(report_id: str, day: int, location: str, fatalities: int | None = None) -> Event:
    return Event(event_date=f"2016-04-{day:02d}", event_type="Battles", sub_event_type="Armed clash",
                 admin1="Aleppo", location=location, report_id=report_id, fatalities=fatalities,
                 actor1="Military Forces of Syria", evidence=[{"report_id": report_id, "sentence": f"In {location}.",
                                                               "start": 0, "end": 5}],
                 claims=[{"report_id": report_id, "fatalities": fatalities}])


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        opened.add_reports([Report("r1", "One."), Report("r2", "Two."), Report("r3", "Three.")])
        for number, report_id in enumerate(("r1", "r2", "r3"), start=1):
            opened.add_mentions(report_id, [_mention(report_id, number, f"Town{number}", number)])
        yield opened


def _ids(store: Store) -> list[str]:
    """Event ids in the order of their reports r1, r2, r3."""
    return [e["event_id"] for e in sorted(store.events(EventFilter(), limit=10), key=lambda e: e["report_ids"])]


def test_review_verify_and_reject_set_status_and_audit(store):
    first, second, _ = _ids(store)
    assert store.review(first, "verify", ANALYST, "two sources agree")["review_status"] == "verified"
    assert store.review(second, "reject", ANALYST, "duplicate rumour")["review_status"] == "rejected"
    history = store.event(first)["history"]
    assert [(h["action"], h["user"], h["payload"]["reason"]) for h in history] == [
        ("review.verify", "ana", "two sources agree")]
    assert history[0]["at"]
    assert [e["event_id"] for e in store.events(EventFilter(review_status="rejected"))] == [second]


def test_review_correct_validates_against_event_types(store):
    first = _ids(store)[0]
    found = store.review(first, "correct", ANALYST, "source says 4", fatalities="4", location="Town X",
                         event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert (found["fatalities"], found["location"], found["sub_event_type"]) == (4, "Town X", "Air/drone strike")
    assert store.events(EventFilter(sub_event_type="Air/drone strike"))[0]["event_id"] == first
    entry = found["history"][0]
    assert entry["payload"]["before"]["fatalities"] == 1 and entry["payload"]["after"]["fatalities"] == 4
    for bad, field in (({"sub_event_type": "Armed clash"}, "sub_event_type"), ({"event_type": "War"}, "event_type"),
                       ({"fatalities": "many"}, "fatalities"), ({"event_date": "May"}, "event_date"),
                       ({"geo_precision": "7"}, "geo_precision"), ({"report_ids": "x"}, "report_ids")):
        with pytest.raises(ValidationError) as raised:
            store.review(first, "correct", ANALYST, "bad", **bad)
        assert raised.value.field == field
    assert store.event(first)["fatalities"] == 4


def test_review_merge_moves_mentions_reports_and_claims(store):
    first, second, _ = _ids(store)
    merged = store.review(second, "merge", ANALYST, "same clash", into=first)
    assert merged["event_id"] == first
    assert merged["report_ids"] == ["r1", "r2"]
    assert sorted(m["report_id"] for m in merged["mentions"]) == ["r1", "r2"]
    assert len(merged["claims"]) == 2 and len(merged["evidence"]) == 2
    assert store.event(second)["merged_into"] == first
    assert second not in _ids(store)
    assert store.count_events(EventFilter(include_merged=True)) == 3
    with pytest.raises(StoreError):
        store.review(second, "verify", ANALYST, "too late")
    with pytest.raises(ValidationError):
        store.review(first, "merge", ANALYST, "self", into=first)


def test_review_split_moves_mentions_out_into_new_events(store):
    first, second, third = _ids(store)
    store.review(second, "merge", ANALYST, "same", into=first)
    store.review(third, "merge", ANALYST, "same", into=first)
    mention_ids = [m["mention_id"] for m in store.event(first)["mentions"]]
    moving = [m for m in mention_ids if m != first]
    kept = store.review(first, "split", ANALYST, "different days", mentions=moving)
    assert [m["mention_id"] for m in kept["mentions"]] == [first]
    assert kept["report_ids"] == ["r1"] and len(kept["claims"]) == 1
    assert sorted(_ids(store)) == sorted([first, *moving])
    assert sorted(store.event(m)["report_ids"][0] for m in moving) == ["r2", "r3"]
    new = store.event(moving[0])
    assert new["review_status"] == "unverified" and new["history"][0]["action"] == "review.split_out"
    with pytest.raises(ValidationError):
        store.review(first, "split", ANALYST, "all out", mentions=[first])


def test_review_needs_a_reason_a_known_event_and_an_analyst(store):
    first = _ids(store)[0]
    with pytest.raises(ValidationError):
        store.review(first, "verify", ANALYST, "  ")
    with pytest.raises(StoreError):
        store.review("ev-missing", "verify", ANALYST, "r")
    with pytest.raises(AuthError):
        store.review(first, "verify", User("vic", "viewer"), "r")
    with pytest.raises(AuthError):
        store.review(first, "verify", None, "r")
    assert store.event(first)["review_status"] == "unverified"
    assert store.audit_verify().ok
