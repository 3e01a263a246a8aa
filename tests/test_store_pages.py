"""Event lists on large stores: deep pages skipped by date, counts with a time budget."""
from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from ceasefire.api import create_app
from ceasefire.api.routes import events as event_routes
from ceasefire.model import Event
from ceasefire.store import EventFilter, Store, store as store_module


def _events(count: int, seed: int = 3) -> list[Event]:
    """Many events per day (ties broken by id), some without a date, two governorates."""
    rng = random.Random(seed)
    found = []
    for number in range(count):
        day = None if number % 17 == 0 else f"2016-03-{rng.randrange(1, 8):02d}"
        found.append(Event(day, "Battles", "Armed clash", actor1="Islamic State", report_id=f"r{number}",
                           admin1=rng.choice(["Aleppo", "Idlib"]), country="Syria", location=f"Place {number}",
                           notes="a convoy was stopped" if number % 3 == 0 else None))
    return found


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        opened.add_mentions(None, _events(120))
        yield opened


def _ids(rows: list[dict]) -> list[str]:
    return [row["event_id"] for row in rows]


@pytest.mark.parametrize("filters", [EventFilter(), EventFilter(admin1="Aleppo"), EventFilter(text="convoy")])
def test_deep_pages_are_the_pages_of_the_full_ordering(store, monkeypatch, filters):
    whole = _ids(store.events(filters, limit=1000))
    assert len(whole) == store.count_events(filters) > 30
    monkeypatch.setattr(store_module, "DEEP_PAGE", 1)  # every page after the first goes by date
    for offset in range(1, len(whole) + 3, 7):
        assert _ids(store.events(filters, limit=10, offset=offset)) == whole[offset:offset + 10], offset


def test_count_with_a_budget_is_exact_when_it_fits(store):
    assert store.count_events(EventFilter(text="convoy"), budget_ms=10_000) == store.count_events(
        EventFilter(text="convoy")) == 40


def test_sqlite_count_over_budget_gives_none(sqlite_url):
    with Store.open(sqlite_url) as opened:
        opened.add_mentions(None, _events(3000))
        assert opened.count_events(EventFilter(text="convoy"), budget_ms=0) is None
        assert opened.count_events(EventFilter(text="convoy")) == 1000
        assert opened.count_events(budget_ms=60_000) == 3000  # the connection counts again afterwards


def test_count_within_a_budget_gives_exact_counts_or_a_lower_bound(sqlite_url):
    with Store.open(sqlite_url) as opened:
        opened.add_mentions(None, _events(3000))
        assert opened.count_events_within(EventFilter(text="convoy"), 60_000, cap=5000) == (1000, True)
        assert opened.count_events_within(EventFilter(text="convoy"), 60_000, cap=400) == (1000, True)
        assert opened.count_events_within(EventFilter(text="convoy"), 0, cap=400) == (0, False)


def test_postgresql_work_over_budget_gives_none(pg_url):
    with Store.open(pg_url) as opened, opened.engine.connect() as connection:
        slow = lambda: connection.execute(text("SELECT pg_sleep(2)")).scalar()  # noqa: E731
        assert store_module._within(connection, 50, slow) is None
        assert store_module._within(connection, 60_000, lambda: connection.execute(text("SELECT 7")).scalar()) == 7


def test_api_total_is_a_lower_bound_when_counting_is_cut_short(sqlite_url, monkeypatch):
    with Store.open(sqlite_url) as opened:
        opened.add_mentions(None, _events(3000))
        client = TestClient(create_app(store=opened, public_read=True))
        exact = client.get("/api/v1/events", params={"text": "convoy", "limit": 50}).json()
        assert (exact["total"], exact["total_exact"]) == (1000, True)
        monkeypatch.setattr(event_routes, "COUNT_BUDGET_MS", 0)
        page = client.get("/api/v1/events", params={"text": "stopped", "limit": 50, "offset": 100}).json()
        assert (page["total"], page["total_exact"]) == (151, False)  # this page's end, and more
        last = client.get("/api/v1/events", params={"text": "stopped", "limit": 50, "offset": 980}).json()
        assert len(last["items"]) == 20 and (last["total"], last["total_exact"]) == (1000, False)
