"""Bench: the store's reliability bars, printed as figures.

    .venv/bin/python bench/store_reliability.py [--rows 3000] [--pg postgresql://postgres@127.0.0.1:5432/test]

1. kill -9 during a large ingest, then run again: counts exact, no duplicates, none lost;
2. two ingests at once into one SQLite file and one PostgreSQL database: exact counts, no errors;
3. a broken CSV row, bad encoding and a truncated file: errors name file and line, other rows stored;
4. audit verify after tampering (payload edited, row deleted, rows swapped) on both engines.
"""
from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

sys.path.insert(0, str(Path(__file__).parent))
from ingest_1m import write_rows  # noqa: E402

from ceasefire.store import Store  # noqa: E402
from ceasefire.store.database import engine_url  # noqa: E402
from ceasefire.store.schema import events, mentions, reports  # noqa: E402

CLI = str(Path(sys.executable).parent / "ceasefire")


def counts(url: str) -> dict[str, int]:
    engine = create_engine(engine_url(url))
    with engine.connect() as connection:
        found = {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
                 for t in (reports, mentions, events)}
        found["distinct_sha"] = connection.execute(select(func.count(reports.c.sha256.distinct()))).scalar_one()
    engine.dispose()
    return found


def run_ingest(url: str, *paths: Path, batch: int = 50) -> subprocess.Popen:
    return subprocess.Popen([CLI, "ingest", *map(str, paths), "--db", url, "--no-extract", "--no-progress",
                             "--batch-size", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def crash_and_resume(url: str, csv_path: Path, rows: int) -> None:
    Store.open(url).close()
    process = run_ingest(url, csv_path, batch=50)
    while process.poll() is None and counts(url)["mentions"] < rows // 4:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    at_kill = counts(url)
    began = time.perf_counter()
    out, err = run_ingest(url, csv_path, batch=500).communicate()
    final = counts(url)
    exact = final == {"reports": rows, "mentions": rows, "events": rows, "distinct_sha": rows}
    print(f"  kill -9 at {at_kill['mentions']}/{rows} stored (exit {process.returncode}); rerun "
          f"{time.perf_counter() - began:.1f} s -> reports {final['reports']}, events {final['events']}, "
          f"distinct texts {final['distinct_sha']}: {'EXACT' if exact else 'WRONG'}; {err.strip() or 'no errors'}")


def concurrent(url: str, folder: Path) -> None:
    docs = [{"id": f"d{n}", "text": f"Report {n} about shelling in a town."} for n in range(1000)]
    (folder / "a.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs[:700]), encoding="utf-8")
    (folder / "b.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs[300:]), encoding="utf-8")
    Store.open(url).close()
    began = time.perf_counter()
    pair = [run_ingest(url, folder / "a.jsonl", batch=10), run_ingest(url, folder / "b.jsonl", batch=10)]
    results = [p.communicate() for p in pair]
    seconds = time.perf_counter() - began
    stored = counts(url)["reports"]
    errors = [err.strip() for _, err in results if err.strip()]
    print(f"  two ingests at once: {seconds:.1f} s, exit codes {[p.returncode for p in pair]}, reports {stored}/1000 "
          f"{'EXACT' if stored == 1000 else 'WRONG'}, errors shown to the user: {len(errors)} {errors[:1]}")


def bad_input(url: str, folder: Path) -> None:
    good = folder / "good.csv"
    write_rows(good, 5)
    lines = good.read_bytes().splitlines(keepends=True)
    broken = folder / "broken.csv"
    broken.write_bytes(lines[0] + lines[1] + b"1,2,3\n" + lines[2].replace(b"SOHR", b"SO\xffHR") + lines[3]
                       + lines[4][:60])
    process = subprocess.run([CLI, "ingest", str(broken), "--db", url, "--no-extract", "--no-progress"],
                             capture_output=True, text=True)
    print(f"  bad rows: exit {process.returncode}, events stored {counts(url)['events']} of 2 good rows; errors:")
    for line in process.stderr.strip().splitlines():
        print("    " + line)


def tamper(url_for) -> None:
    caught = []
    for name, statements in (
            ("payload edited", ["UPDATE audit_log SET payload = '{\"role\": \"admin\"}' WHERE seq = 2"]),
            ("row deleted", ["DELETE FROM audit_log WHERE seq = 2"]),
            ("rows swapped", ["UPDATE audit_log SET seq = -1 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
                              "UPDATE audit_log SET seq = 3 WHERE seq = -1"])):
        with Store.open(url_for("tamper-" + name.split()[1])) as store:
            for user in ("a", "b", "c", "d"):
                store.add_user(user, "viewer")
            before = store.audit_verify().ok
            with store.engine.begin() as connection:
                for statement in statements:
                    connection.execute(text(statement))
            report = store.audit_verify()
        caught.append(f"{name}: {'CAUGHT' if before and not report.ok else 'MISSED'}")
    print("  audit tampering: " + "; ".join(caught))


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


CREATED: list[str] = []


def new_pg() -> str:
    """A fresh database on the server, dropped at the end of the run."""
    import psycopg

    name = "ceasefire_bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    CREATED.append(name)
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_pg() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        for name in CREATED:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    global PG_ADMIN
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--pg", default=PG_ADMIN, help="A PostgreSQL server (database created per check).")
    args = parser.parse_args()
    PG_ADMIN = args.pg
    folder = Path(tempfile.mkdtemp(prefix="ceasefire-reliability-"))
    write_rows(folder / "rows.csv", args.rows)
    engines = {"sqlite": lambda tag: f"sqlite:///{folder / tag}.db"}
    try:
        new_pg()
        engines["postgresql"] = lambda tag: new_pg()
    except Exception as error:  # noqa: BLE001 - a bench reports what it could not run
        print(f"PostgreSQL not available at {PG_ADMIN}: {error}")
    try:
        for engine, url_for in engines.items():
            print(f"{engine}:", flush=True)
            crash_and_resume(url_for("crash"), folder / "rows.csv", args.rows)
            concurrent(url_for("concurrent"), folder)
            bad_input(url_for("bad"), folder)
            tamper(url_for)
    finally:
        if CREATED:
            drop_pg()
    return 0


if __name__ == "__main__":
    sys.exit(main())
