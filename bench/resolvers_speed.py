"""How fast the date and casualty resolvers read the FA-KES articles (prints docs/s).

Usage: .venv/bin/python bench/resolvers_speed.py [path/to/fakes_dev.docs.jsonl]
"""
from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from ceasefire.resolve.dates import find_dates
from ceasefire.resolve.numbers import find_casualties

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes_dev.docs.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    size = sum(len(d["text"]) for d in docs)
    find_dates("warm up on Sunday", date(2016, 5, 31))      # load the lexicons outside the timing
    find_casualties("warm up: 3 people were killed")
    timings = {}
    for name, run in (
        ("find_dates", lambda d: find_dates(d["text"], date.fromisoformat(d["published"][:10]))),
        ("find_casualties", lambda d: find_casualties(d["text"])),
    ):
        best = cpu = float("inf")
        for _ in range(5):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = sum(len(run(d)) for d in docs)
            best = min(best, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - started_cpu)
        timings[name] = (best, cpu)
        print(f"{name:16s} {best:6.3f} s wall  {cpu:6.3f} s cpu  {len(docs) / best:6.0f} docs/s  {found} found")
    wall = sum(t[0] for t in timings.values())
    cpu = sum(t[1] for t in timings.values())
    print(f"{'together':16s} {wall:6.3f} s wall  {cpu:6.3f} s cpu  {len(docs) / wall:6.0f} docs/s  "
          f"({len(docs)} docs, {size / 1e3:.0f} K characters)")


if __name__ == "__main__":
    main()
