"""Export: ACLED CSV round-trips; JSONL, GeoJSON and Parquet carry the same events."""
from __future__ import annotations

import csv
import io
import json

import pytest

from ceasefire.model import Event, Report
from ceasefire.store import EventFilter, Store, User, export, ingest
from test_ingest_readers import acled_row, write_acled


def _rows(text: str) -> list[dict[str, str]]:
    return sorted(csv.DictReader(io.StringIO(text)), key=lambda row: row["event_id_cnty"])


def _acled_export(store: Store, filters: EventFilter | None = None) -> str:
    buffer = io.StringIO()
    export(store, filters, "acled-csv", buffer)
    return buffer.getvalue()


def test_export_acled_csv_round_trips_the_rows_it_imported(db_url, tmp_path):
    rows = [acled_row(1), acled_row(2, event_date="10 May 2020", fatalities="3", latitude="35.1000"),
            acled_row(3, notes='Quoted "words", commas, and\na newline.', actor2="Civilians (Syria)"),
            acled_row(4, event_date="2020-05-12", time_precision="3", notes="")]
    write_acled(tmp_path / "in.csv", rows)
    with Store.open(db_url) as store:
        summary = ingest([tmp_path / "in.csv"], store, extract=False, progress=False)
        assert (summary.mentions_added, summary.errors) == (4, [])
        out = _acled_export(store)
    assert _rows(out) == sorted(rows, key=lambda row: row["event_id_cnty"])
    assert out.splitlines()[0] == ",".join(rows[0])


def test_export_acled_csv_writes_corrections_in_acled_columns(sqlite_url, tmp_path):
    write_acled(tmp_path / "in.csv", [acled_row(1)])
    with Store.open(sqlite_url) as store:
        ingest([tmp_path / "in.csv"], store, extract=False, progress=False)
        store.review("SYR1", "correct", User("ana", "analyst"), "recount", fatalities="5", event_date="2020-05-08")
        [row] = _rows(_acled_export(store))
    assert (row["fatalities"], row["event_date"], row["year"], row["data_id"]) == ("5", "2020-05-08", "2020", "9000001")


def test_export_humanitarian_access_goes_to_acled_as_strategic_other(sqlite_url):
    with Store.open(sqlite_url) as store:
        store.add_reports([Report("r1", "Convoy blocked at Madaya.")])
        store.add_mentions("r1", [Event(event_date="2016-01-05", event_type="Humanitarian access",
                                        sub_event_type="Aid blocked", location="Madaya", admin1="Rif Dimashq",
                                        notes="Convoy blocked.", report_id="r1")])
        [row] = _rows(_acled_export(store))
        assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
        assert row["notes"] == "[Humanitarian access: Aid blocked] Convoy blocked."
        assert row["time_precision"] == "1" and row["location"] == "Madaya"


def test_export_jsonl_geojson_parquet_agree_and_follow_filters(db_url, tmp_path):
    import pyarrow.parquet as pq

    write_acled(tmp_path / "in.csv", [acled_row(1), acled_row(2, admin1="Aleppo", latitude="", longitude=""),
                                      acled_row(3, admin1="Aleppo")])
    with Store.open(db_url) as store:
        ingest([tmp_path / "in.csv"], store, extract=False, progress=False)
        aleppo = EventFilter(admin1="Aleppo")
        assert export(store, aleppo, "jsonl", tmp_path / "e.jsonl") == 2
        assert export(store, aleppo, "geojson", tmp_path / "e.geojson") == 1
        assert export(store, None, "parquet", tmp_path / "e.parquet") == 3
        listed = {e["event_id"] for e in store.events(aleppo)}
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["event_id"] for line in lines} == listed == {"SYR2", "SYR3"}
    assert "source_row" not in lines[0] and lines[0]["evidence"][0]["report_id"] == lines[0]["event_id"]
    collection = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert [f["id"] for f in collection["features"]] == ["SYR3"]
    assert collection["features"][0]["geometry"]["coordinates"] == [36.5424, 35.686]
    table = pq.read_table(tmp_path / "e.parquet")
    assert sorted(table.column("event_id").to_pylist()) == ["SYR1", "SYR2", "SYR3"]
    assert table.column("latitude").to_pylist().count(None) == 1


def test_export_shared_acled_dev_round_trips(shared_data, sqlite_url):
    source = (shared_data / "acled_syria_dev.csv").read_text(encoding="utf-8")
    with Store.open(sqlite_url) as store:
        summary = ingest([shared_data / "acled_syria_dev.csv"], store, extract=False, progress=False)
        assert summary.errors == []
        assert _rows(_acled_export(store)) == _rows(source)


def test_export_unknown_format_is_refused(sqlite_url):
    from ceasefire.errors import ValidationError

    with Store.open(sqlite_url) as store, pytest.raises(ValidationError):
        export(store, None, "xlsx", io.StringIO())
