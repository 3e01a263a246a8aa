"""Event records written out: JSONL (EVENTS.md), ACLED CSV, GeoJSON points, Parquet.

Writers take an iterator of record dicts and a handle, and return how many they wrote. They know
nothing of databases, so the stateless `ceasefire extract` and `ceasefire export` share them.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from ceasefire.ingest.acled import ACLED_COLUMNS, to_acled_row

INTERNAL = ("source_row",)  # dataset-only keys, never exported as such
PARQUET_BATCH = 5000


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _public(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in INTERNAL}


def write_jsonl(records: Iterator[dict[str, Any]], handle: IO) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(_public(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_acled(records: Iterator[dict[str, Any]], handle: IO) -> int:
    writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(to_acled_row(record, record.get("source_row")))
        count += 1
    return count


def write_geojson(records: Iterator[dict[str, Any]], handle: IO) -> int:
    """A FeatureCollection of points; events without coordinates are left out (they have no place)."""
    handle.write('{"type":"FeatureCollection","features":[')
    count = 0
    for record in records:
        if record.get("latitude") is None or record.get("longitude") is None:
            continue
        properties = {k: v for k, v in _public(record).items() if k not in ("latitude", "longitude")}
        feature = {"type": "Feature", "id": record["event_id"],
                   "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
                   "properties": properties}
        handle.write(("," if count else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        count += 1
    handle.write("\n]}\n")
    return count


def _parquet_schema():
    import pyarrow as pa

    text = ("event_id", "report_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
            "actor2", "assoc_actor_1", "assoc_actor_2", "location", "admin1", "admin2", "country", "source",
            "notes", "review_status", "merged_into")
    nested = ("report_ids", "evidence", "verdicts", "claims")  # JSON text
    fields = [pa.field(name, pa.string()) for name in text]
    fields += [pa.field("latitude", pa.float64()), pa.field("longitude", pa.float64()),
               pa.field("geo_precision", pa.int64()), pa.field("fatalities", pa.int64())]
    fields += [pa.field(name, pa.string()) for name in nested]
    return pa.schema(fields), nested


def write_parquet(records: Iterator[dict[str, Any]], handle: IO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, nested = _parquet_schema()
    count, batch = 0, []
    sink = handle if not isinstance(handle, io.TextIOBase) else handle.buffer
    with pq.ParquetWriter(sink, schema) as writer:
        for record in records:
            batch.append({name: _dumps(record.get(name) or []) if name in nested else record.get(name)
                          for name in schema.names})
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
