"""Bench: stream N synthetic ACLED rows to a CSV, import them into SQLite, print time and memory.

    .venv/bin/python bench/ingest_1m.py [--rows 1000000] [--batch 5000] [--keep DIR]

Targets: import under 60 s and peak memory under 1 GB for 1M rows.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ceasefire.ingest.acled import ACLED_COLUMNS
from ceasefire.model import EVENT_TYPES

PLACES = [("Aleppo", "Aleppo", 36.2, 37.16), ("Idleb", "Ariha", 35.81, 36.61), ("Rural Damascus", "Douma", 33.57, 36.4),
          ("Hama", "Kafr Zita", 35.37, 36.6), ("Dar'a", "Busra", 32.52, 36.48), ("Homs", "Talbiseh", 34.84, 36.73)]
ACTORS = ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Islamic State (Syria)",
          "Hayat Tahrir al-Sham", "Civilians (Syria)", "Unidentified Armed Group (Syria)"]
TYPES = [(t, s) for t, subs in EVENT_TYPES.items() if t != "Humanitarian access" for s in subs]


def write_rows(path: Path, rows: int, seed: int = 7) -> None:
    """Stream `rows` ACLED-shaped rows (made up) to `path`, never holding more than one in memory."""
    pick = random.Random(seed)
    start = date(2016, 1, 1)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        for number in range(rows):
            day = start + timedelta(days=pick.randrange(1500))
            event_type, sub = pick.choice(TYPES)
            admin1, location, lat, lon = pick.choice(PLACES)
            actor1, actor2 = pick.choice(ACTORS), pick.choice(ACTORS + [""])
            fatalities = pick.choice((0, 0, 0, 1, 2, 5, 12))
            notes = (f"On {day.day} {day:%B %Y}, {actor1} were reported in {location} ({admin1}); "
                     f"{fatalities} killed. Report {number}.")
            writer.writerow([
                10_000_000 + number, 760, f"SYR{number}", number, f"{day.day}-{day:%b-%y}", day.year,
                pick.choice((1, 1, 1, 2, 3)), event_type, sub, actor1, "", 1, actor2, "", 7, 17, "Middle East",
                "Syria", admin1, location, location, location, f"{lat + pick.random() / 10:.4f}",
                f"{lon + pick.random() / 10:.4f}", pick.choice((1, 2, 3)), "SOHR", "Other", notes, fatalities,
                1589243119, "SYR",
            ])


def time_queries(url: str) -> None:
    """How long the API's filtered lists take on the imported events."""
    from ceasefire.store import EventFilter, Store

    with Store.open(url) as store:
        for name, filters in (("newest 100", EventFilter()), ("admin1", EventFilter(admin1="Idleb")),
                              ("type+date", EventFilter(event_type="Battles", date_from="2017-01-01",
                                                        date_to="2017-01-31")),
                              ("actor substring", EventFilter(actor="russia")),
                              ("text substring", EventFilter(text="talbiseh")),
                              ("review status", EventFilter(review_status="verified"))):
            began = time.perf_counter()
            page = store.events(filters, limit=100)
            listed = time.perf_counter() - began
            began = time.perf_counter()
            total = store.count_events(filters)
            counted = time.perf_counter() - began
            print(f"  {name:16} list 100: {listed * 1000:7.1f} ms  count {total:>8}: {counted * 1000:7.1f} ms "
                  f"({len(page)} listed)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--keep", type=Path, default=None,
                        help="Work in this folder and keep the files; a CSV already there is reused.")
    args = parser.parse_args()
    from ceasefire.store import Store, ingest

    folder = args.keep or Path(tempfile.mkdtemp(prefix="ceasefire-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, database = folder / "acled.csv", folder / "bench.db"
    database.unlink(missing_ok=True)
    if args.keep and source.exists():
        print(f"reusing {source} ({source.stat().st_size / 1e6:.0f} MB)")
    else:
        began = time.perf_counter()
        write_rows(source, args.rows)
        generated = time.perf_counter() - began
        print(f"generated {args.rows} rows ({source.stat().st_size / 1e6:.0f} MB) in {generated:.1f} s")

    began, cpu = time.perf_counter(), time.process_time()
    with Store.open(f"sqlite:///{database}") as store:
        summary = ingest([source], store, extract=False, batch_size=args.batch, progress=False)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        stored = store.count_events()
    reader = resource.getrusage(resource.RUSAGE_CHILDREN)  # the reading process, for large inputs
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, reader.ru_maxrss) / 1024
    print(f"imported {stored} events in {seconds:.1f} s wall, {cpu:.1f} s CPU storing + "
          f"{reader.ru_utime + reader.ru_stime:.1f} s CPU reading ({stored / seconds:,.0f} rows/s); "
          f"{summary}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    print(f"peak memory (max RSS of one process) {peak_mb:.0f} MB; database {database.stat().st_size / 1e6:.0f} MB")
    print(f"targets: < 60 s {'met' if seconds < 60 else 'MISSED'}, < 1024 MB {'met' if peak_mb < 1024 else 'MISSED'}")
    time_queries(f"sqlite:///{database}")
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 0 if stored == args.rows else 1


if __name__ == "__main__":
    sys.exit(main())
