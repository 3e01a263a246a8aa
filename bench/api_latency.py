"""API latency on a large store: p50/p95 of filtered event lists and tallies.

Builds N events (default 1,000,000) in a SQLite file through the store's bulk path
(`Store.add_batch`, verdicts through `Store.set_verdicts`), cloned from the demo set with
shifted dates and fatalities, then times requests through the ASGI app in-process.

    .venv/bin/python bench/api_latency.py                 # 1M events, bench/out/api_latency.db
    .venv/bin/python bench/api_latency.py --events 100000 --runs 20
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from ceasefire.api import create_app
from ceasefire.store import Store
from ceasefire.web.demo import demo_records, demo_verdicts

AGREEMENT = "syria-coh-2016"
OUT = Path(__file__).parent / "out"
BATCH = 20_000


def build(store: Store, count: int) -> None:
    """`count` events cloned from the demo set over one year; verdicts copied from the originals."""
    _, templates = demo_records()
    verdicts = demo_verdicts(AGREEMENT)
    rng = random.Random(7)
    start = date(2016, 1, 1)
    by_event: dict[str, list] = {}
    made = 0
    began = time.perf_counter()
    while made < count:
        batch = []
        for _ in range(min(BATCH, count - made)):
            template = templates[rng.randrange(len(templates))]
            clone = dataclasses.replace(
                template, event_id=f"bench-{made:07d}", report_id=None, report_ids=[],
                event_date=(start + timedelta(rng.randrange(366))).isoformat(),
                fatalities=rng.choice((None, 0, 1, 2, 3, 5, 8, 13)))
            batch.append(clone)
            by_event[clone.event_id] = verdicts[template.event_id]
            made += 1
        store.add_batch([], imported=batch)
        print(f"  {made:,} events stored ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    store.set_verdicts(AGREEMENT, by_event)
    print(f"  verdicts stored ({time.perf_counter() - began:.0f} s)", file=sys.stderr)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(client: TestClient, path: str, params_of, runs: int) -> tuple[float, float, str]:
    """p50/p95 in ms over `runs` requests; params_of(i) varies the filter so no run repeats another.
    The median number of matching events ends in '+' when some totals were lower bounds."""
    timings, sizes, bounds = [], [], 0
    for i in range(runs):
        began = time.perf_counter()
        response = client.get(path, params=params_of(i))
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.text
        body = response.json()
        sizes.append(body.get("total", body.get("totals", {}).get("events", 0)))
        bounds += body.get("total_exact") is False
    return statistics.median(timings), percentile(timings, 0.95), f"{int(statistics.median(sizes)):,}" + "+" * bool(bounds)


PLACES = sorted({e.admin1 for e in demo_records()[1]})
PAIRS = sorted({(e.admin1, e.event_type) for e in demo_records()[1]})  # combinations that occur


def week(i: int) -> dict[str, str]:
    first = date(2016, 1, 4) + timedelta(7 * (i % 50))
    return {"date_from": first.isoformat(), "date_to": (first + timedelta(6)).isoformat()}


def month(i: int) -> dict[str, str]:
    first = date(2016, 1 + i % 12, 1)
    last = (first.replace(day=28) + timedelta(4)).replace(day=1) - timedelta(1)
    return {"date_from": first.isoformat(), "date_to": last.isoformat()}


def day(i: int) -> dict[str, str]:
    one = (date(2016, 1, 1) + timedelta(i * 3 % 366)).isoformat()
    return {"date_from": one, "date_to": one}


EVENTS, TALLIES = "/api/v1/events", "/api/v1/tallies"
QUERIES = [
    ("events: no filter", EVENTS, lambda i: {"limit": 100, "offset": 100 * (i % 5)}),
    ("events: admin1", EVENTS, lambda i: {"admin1": PLACES[i % len(PLACES)], "limit": 100}),
    ("events: one week", EVENTS, lambda i: {**week(i), "limit": 100}),
    ("events: admin1 + type + month", EVENTS,
     lambda i: {"admin1": PAIRS[i % len(PAIRS)][0], "event_type": PAIRS[i % len(PAIRS)][1], **month(i), "limit": 100}),
    ("events: verdict under agreement", EVENTS,
     lambda i: {"verdict": ("violation", "excluded", "none")[i % 3], "agreement": AGREEMENT, "limit": 100}),
    ("events: actor substring", EVENTS, lambda i: {"actor": ("russia", "nusra", "rebels")[i % 3], "limit": 100}),
    ("events: text substring", EVENTS, lambda i: {"text": ("barrel", "market", "convoy")[i % 3], "limit": 100}),
    ("events: deep page of admin1", EVENTS, lambda i: {"admin1": PLACES[i % len(PLACES)], "limit": 100, "offset": 10_000}),
    ("tallies: by party, one week", TALLIES, lambda i: {"agreement": AGREEMENT, **week(i)}),
    ("tallies: by admin1, one day", TALLIES, lambda i: {"agreement": AGREEMENT, "by": "admin1", **day(i)}),
    ("tallies: by party, one week (repeat, cached)", TALLIES, lambda i: {"agreement": AGREEMENT, **week(0)}),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=OUT / "api_latency.db")
    parser.add_argument("--runs", type=int, default=20, help="requests per query")
    parser.add_argument("--full-tally", action="store_true", help="also time one tally over every event")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(f"sqlite:///{args.db}")
    have = store.count_events()
    if have != args.events:
        if have:
            print(f"{args.db} holds {have:,} events, not {args.events:,}; remove it first", file=sys.stderr)
            return 1
        print(f"building {args.events:,} events in {args.db}", file=sys.stderr)
        build(store, args.events)
    token = store.add_user(f"bench{int(time.time())}", "viewer")
    client = TestClient(create_app(store=store))
    client.headers["Authorization"] = f"Bearer {token}"
    client.get("/api/v1/events", params={"limit": 1})  # warm the connection pool
    print(f"{store.count_events():,} events in SQLite; {args.runs} requests per query")
    print(f"{'query (each run a different filter)':44} {'p50 ms':>8} {'p95 ms':>8} {'matching':>10}")
    for label, path, params in QUERIES:
        p50, p95, size = measure(client, path, params, args.runs)
        print(f"{label:44} {p50:8.1f} {p95:8.1f} {size:>10}")
    print("(matching: the median total; '+' when some totals were lower bounds, total_exact false)")
    if args.full_tally:
        p50, p95, size = measure(client, TALLIES, lambda i: {"agreement": AGREEMENT}, 1)
        print(f"{'tallies: by party, every event (1 run)':44} {p50:8.1f} {p95:8.1f} {size:>10}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
