"""One ACLED row -> event, report and the cells kept as spelled (source_row)."""
from __future__ import annotations

import pytest

from ceasefire.ingest.acled import row_to_event, to_acled_row
from ceasefire.ingest.rows import RowError
from test_ingest_readers import acled_row


def _kept(**changes: str) -> dict[str, str]:
    event, _ = row_to_event(acled_row(7, **changes))
    return event.source_row


def test_acled_row_keeps_only_cells_the_record_does_not_rebuild():
    assert _kept() == {"data_id": "9000007", "iso": "760", "event_id_no_cnty": "7", "event_date": "9-May-20",
                       "inter1": "1", "inter2": "0", "interaction": "10", "region": "Middle East",
                       "admin3": "Ariha", "source_scale": "Other", "timestamp": "1589243119", "iso3": "SYR"}


@pytest.mark.parametrize("changes, kept", [
    ({"latitude": "35.6860"}, {"latitude": "35.6860"}),
    ({"longitude": " 36.5424"}, {"longitude": " 36.5424"}),
    ({"fatalities": "3.0", "geo_precision": "02"}, {"geo_precision": "02", "fatalities": "3.0"}),
    ({"location": " Bara", "notes": "Notes. "}, {"location": " Bara", "notes": "Notes. "}),
    ({"actor2": "  "}, {"actor2": "  "}),
    ({"year": "2019", "time_precision": "2"}, {"year": "2019"}),
    ({"admin3": "", "iso3": ""}, {}),
])
def test_acled_row_keeps_cells_an_export_would_spell_differently(changes, kept):
    plain = _kept()
    got = _kept(**changes)
    for column in changes:
        plain.pop(column, None)
    assert got == {**plain, **kept}


def test_acled_row_without_some_columns_reads_them_as_empty():
    row = acled_row(8)
    for column in ("latitude", "notes", "year"):
        del row[column]
    event, report = row_to_event(row)
    assert (event.latitude, event.notes, report) == (None, None, None)
    assert "latitude" not in event.source_row and "year" not in event.source_row


@pytest.mark.parametrize("changes", [
    {}, {"latitude": "35.6860", "fatalities": " 2 ", "geo_precision": "1.0"},
    {"event_date": "2020-05-09", "year": "", "time_precision": ""}, {"notes": "", "assoc_actor_1": "X"},
])
def test_acled_row_exports_back_as_read(changes):
    row = acled_row(9, **changes)
    event, _ = row_to_event(row)
    exported = to_acled_row(event.to_dict(), event.source_row)
    assert exported == {**row, "year": "2020", "time_precision": row["time_precision"] or "1"}


def test_acled_row_export_writes_padded_text_stripped():
    event, _ = row_to_event(acled_row(9, location=" Bara "))
    assert event.source_row["location"] == " Bara "
    assert to_acled_row(event.to_dict(), event.source_row)["location"] == "Bara"


@pytest.mark.parametrize("changes, column", [
    ({"event_id_cnty": " ", "event_date": "bad"}, "event_id_cnty"),
    ({"event_date": " ", "latitude": "x"}, "event_date"),
    ({"event_date": "31-Foo-20"}, "event_date"),
    ({"time_precision": "4", "event_type": "Nope"}, "time_precision"),
    ({"event_type": "Nope", "latitude": "x"}, "event_type"),
    ({"sub_event_type": "Armed clash"}, "sub_event_type"),
    ({"latitude": "x", "longitude": "y"}, "latitude"),
    ({"fatalities": "1,000"}, "fatalities"),
    ({"fatalities": "inf"}, "fatalities"),
    ({"geo_precision": "1e400"}, "geo_precision"),
])
def test_acled_row_errors_name_the_first_bad_column(changes, column):
    with pytest.raises(RowError) as error:
        row_to_event(acled_row(10, **changes))
    assert error.value.column == column
