"""Large imports: rows read in a separate process, lookup indexes built once at the end."""
from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time

from sqlalchemy import create_engine, inspect

from ceasefire.ingest.errors import input_error
from ceasefire.store import Store, ingest
from ceasefire.store.database import deferrable_indexes, drop_deferrable_indexes
from test_ingest_readers import acled_row, write_acled
from test_store_reliability import _counts, _settled_counts


def _index_names(url: str) -> set[str]:
    engine = create_engine(url)
    found = {index["name"] for table in ("reports", "mentions", "events")
             for index in inspect(engine).get_indexes(table)}
    engine.dispose()
    return found


def _rows_with_two_bad(path, count: int) -> None:
    rows = [acled_row(n) for n in range(count)]
    rows[7]["event_date"] = "31-Foo-20"
    rows[11]["fatalities"] = "many"
    write_acled(path, rows)


def test_bulk_ingest_through_a_reading_process_stores_what_inline_ingest_stores(tmp_path):
    source = tmp_path / "acled.csv"
    _rows_with_two_bad(source, 300)
    results = {}
    for name, options in (("inline", {"read_process": False, "bulk": False}),
                          ("bulk", {"read_process": True, "bulk": True})):
        url = f"sqlite:///{tmp_path / name}.db"
        with Store.open(url) as store:
            summary = ingest([source], store, extract=False, batch_size=40, progress=False, **options)
            results[name] = (str(summary), [(e.code, e.path, e.line, e.field) for e in summary.errors],
                             [(e["event_id"], e["fatalities"], e["evidence"]) for e in store.iter_events()])
        assert _index_names(url) >= {index.name for index in deferrable_indexes()}
    assert results["bulk"] == results["inline"]
    assert results["bulk"][1] == [("E108", str(source), 9, "event_date"), ("E108", str(source), 13, "fatalities")]
    assert len(results["bulk"][2]) == 298


def test_bulk_ingest_killed_midway_gets_its_indexes_back_and_reruns_exactly(tmp_path):
    rows = 6000
    source, url = tmp_path / "big.csv", f"sqlite:///{tmp_path / 'store.db'}"
    write_acled(source, [acled_row(n) for n in range(rows)])
    Store.open(url).close()
    code = ("import importlib, sys; from ceasefire.store import Store, ingest; "
            "store = Store.open(sys.argv[1]); "
            "importlib.import_module('ceasefire.store.ingest').BULK_TRANSACTION_ROWS = 100; "
            "ingest([sys.argv[2]], store, extract=False, batch_size=50, progress=False, read_process=True, bulk=True)")
    process = subprocess.Popen([sys.executable, "-c", code, url, str(source)], stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and process.poll() is None and _counts(url)["mentions"] < 500:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = _settled_counts(url)
    assert process.returncode == -signal.SIGKILL and 0 < partial["mentions"] < rows
    assert not _index_names(url) & {index.name for index in deferrable_indexes()}  # dropped for the load
    with Store.open(url) as store:  # opening puts them back
        assert _index_names(url) >= {index.name for index in deferrable_indexes()}
        summary = ingest([source], store, extract=False, batch_size=500, progress=False, read_process=True)
        assert (summary.mentions_added, summary.mentions_duplicate) == (rows - partial["mentions"], partial["mentions"])
        assert store.audit_verify().ok
    assert _counts(url) == {"reports": rows, "mentions": rows, "events": rows, "linked_mentions": rows,
                            "distinct_sha": rows}


def test_deferring_indexes_leaves_postgresql_alone_and_sqlite_whole_after(db_url, tmp_path):
    source = tmp_path / "acled.csv"
    write_acled(source, [acled_row(n) for n in range(30)])
    with Store.open(db_url) as store:
        if store.engine.dialect.name == "sqlite":
            drop_deferrable_indexes(store.engine)
        with store.deferred_indexes():
            ingest([source], store, extract=False, batch_size=7, progress=False)
        assert store.count_events() == 30
    url = db_url.replace("postgresql://", "postgresql+psycopg://")
    assert _index_names(url) >= {index.name for index in deferrable_indexes()}


def test_input_errors_keep_file_line_and_code_when_sent_between_processes():
    error = input_error("E107", "rows.csv", 12, "3 fields where the header has 31", field="notes")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.path, copy.line, copy.field, str(copy)) == (
        type(error), "E107", "rows.csv", 12, "notes", str(error))


def test_dataset_rows_with_the_same_notes_share_one_report_and_keep_their_own_cells(db_url, tmp_path):
    source = tmp_path / "acled.csv"
    rows = [acled_row(1), acled_row(2)]
    rows[1]["notes"], rows[1]["data_id"] = rows[0]["notes"], "4242"
    write_acled(source, rows)
    with Store.open(db_url) as store:
        summary = ingest([source], store, extract=False, progress=False)
        assert (summary.reports_added, summary.reports_duplicate, summary.mentions_added) == (1, 1, 2)
        second = store.event("SYR2")
        assert second["report_ids"] == ["SYR1"] and second["evidence"][0]["report_id"] == "SYR1"
        assert [m["report_id"] for m in second["mentions"]] == ["SYR1"]
        exported = {e["event_id"]: e["source_row"] for e in store.iter_events()}
        assert exported["SYR2"]["data_id"] == "4242" and exported["SYR1"]["data_id"] == rows[0]["data_id"]
