"""Export linked events: ACLED CSV, JSONL (EVENTS.md records), GeoJSON points, Parquet."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ceasefire.errors import ValidationError
from ceasefire.formats import write_acled, write_geojson, write_jsonl, write_parquet
from ceasefire.store.filters import EventFilter
from ceasefire.store.store import Store

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")


def export(store: Store, filters: EventFilter | None, format: str, out: str | Path | IO | None = None) -> int:
    """Write the events matching `filters` to `out` (a path, a file object, or `-`/None for stdout)
    in `format`; returns how many events were written. ACLED CSV keeps ACLED's columns and
    spelling; cells unchanged since an ACLED import are written as they were read."""
    if format not in FORMATS:
        raise ValidationError(f"format {format!r} is not one of {', '.join(FORMATS)}", field="format")
    records = store.iter_events(filters or EventFilter())
    binary = format == "parquet"
    with _opened(out, binary) as handle:
        return WRITERS[format](records, handle)


@contextmanager
def _opened(out: str | Path | IO | None, binary: bool) -> Iterator[IO]:
    if out is None or str(out) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
    elif isinstance(out, (str, Path)):
        with open(out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as handle:
            yield handle
    else:
        yield out


WRITERS = {"acled-csv": write_acled, "jsonl": write_jsonl, "geojson": write_geojson, "parquet": write_parquet}
