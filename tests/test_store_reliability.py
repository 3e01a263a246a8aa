"""Crashes and concurrent writers: kill -9 mid-ingest, two ingests at once; exact counts after."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from ceasefire.store import Store
from ceasefire.store.database import engine_url
from ceasefire.store.schema import events, mentions, reports
from test_ingest_readers import acled_row, write_acled

CLI = str(Path(sys.executable).parent / "ceasefire")


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(engine_url(url))
    with engine.connect() as connection:
        found = {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                 for table in (reports, mentions, events)}
        found["linked_mentions"] = connection.execute(
            select(func.count()).select_from(mentions).where(mentions.c.event_id.is_not(None))).scalar_one()
        found["distinct_sha"] = connection.execute(select(func.count(reports.c.sha256.distinct()))).scalar_one()
    engine.dispose()
    return found


def _settled_counts(url: str) -> dict[str, int]:
    previous = _counts(url)
    for _ in range(50):
        time.sleep(0.1)
        current = _counts(url)
        if current == previous:
            return current
        previous = current
    return previous


def _ingest(url: str, *paths: Path, batch: int = 50) -> subprocess.Popen:
    return subprocess.Popen([CLI, "ingest", *map(str, paths), "--db", url, "--no-extract", "--no-progress",
                             "--batch-size", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "CEASEFIRE_DEBUG": ""})


def test_store_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(db_url, tmp_path):
    rows = 2500
    write_acled(tmp_path / "big.csv", [acled_row(n) for n in range(rows)])
    Store.open(db_url).close()
    process = _ingest(db_url, tmp_path / "big.csv", batch=40)
    deadline = time.time() + 60
    while time.time() < deadline and process.poll() is None and _counts(db_url)["mentions"] < 400:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = _settled_counts(db_url)  # a commit sent before the kill may still land
    assert process.returncode == -signal.SIGKILL and 0 < partial["mentions"] < rows
    assert partial["reports"] == partial["mentions"] == partial["events"] == partial["linked_mentions"]
    again = _ingest(db_url, tmp_path / "big.csv", batch=500)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    final = _counts(db_url)
    assert final == {"reports": rows, "mentions": rows, "events": rows, "linked_mentions": rows, "distinct_sha": rows}
    assert f"{rows - partial['mentions']} events stored ({partial['mentions']} already stored)" in out
    with Store.open(db_url) as store:
        assert store.audit_verify().ok


def test_store_two_ingests_at_once_give_exact_counts_and_no_errors(db_url, tmp_path):
    documents = [{"id": f"d{n}", "text": f"Report number {n} about shelling."} for n in range(400)]
    for name, part in (("a.jsonl", documents[:250]), ("b.jsonl", documents[150:])):
        (tmp_path / name).write_text("".join(json.dumps(d) + "\n" for d in part), encoding="utf-8")
    write_acled(tmp_path / "rows.csv", [acled_row(n) for n in range(200)])
    Store.open(db_url).close()
    first = _ingest(db_url, tmp_path / "a.jsonl", tmp_path / "rows.csv", batch=10)
    second = _ingest(db_url, tmp_path / "rows.csv", tmp_path / "b.jsonl", batch=10)
    results = [process.communicate(timeout=180) for process in (first, second)]
    for process, (out, err) in zip((first, second), results):
        assert process.returncode == 0 and err == "", err
    counts = _counts(db_url)
    assert counts == {"reports": 600, "mentions": 200, "events": 200, "linked_mentions": 200, "distinct_sha": 600}
    added = [int(out.split(" reports stored")[0]) for out, _ in results]
    assert sum(added) == 600
    with Store.open(db_url) as store:
        assert store.audit_verify().ok
