"""The `record` column: what it leaves out is put back exactly."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ceasefire.store.records import MENTION_COLUMNS, _Columns, mention_row, record_of, stored_json


def _row(record: dict) -> _Columns:
    row = dict(zip(MENTION_COLUMNS, mention_row(record.get("report_id"), record, "now").mention))
    return _Columns(row)


def _record(notes, report_id, evidence) -> dict:
    return {"event_id": "e1", "event_date": "2016-05-01", "event_type": "Battles", "sub_event_type": "Armed clash",
            "report_id": report_id, "report_ids": [report_id] if report_id else [], "notes": notes,
            "evidence": evidence}


def test_evidence_that_repeats_notes_and_report_is_stored_once_and_read_back_whole():
    notes = "Shelling hit Saraqeb on Sunday."
    record = _record(notes, "r1", [{"report_id": "r1", "sentence": notes, "start": 0, "end": len(notes)},
                                   {"report_id": "r2", "sentence": "Another sentence.", "start": 40, "end": 57}])
    stored = stored_json(record)
    assert stored.count(notes) == 1 and '{"report_id":true,"sentence":true,' in stored  # not repeated
    back = record_of(_row(record))
    assert back["evidence"] == record["evidence"]
    assert list(back["evidence"][0]) == ["report_id", "sentence", "start", "end"]  # keys keep their order


text = st.one_of(st.none(), st.text(max_size=12))


@given(notes=text, report_id=st.one_of(st.none(), st.sampled_from(["r1", "r2"])),
       evidence=st.lists(st.fixed_dictionaries(
           {"report_id": st.one_of(st.none(), st.sampled_from(["r1", "r2"])), "sentence": text},
           optional={"start": st.integers(0, 99)}), max_size=3))
def test_any_evidence_reads_back_as_it_was_stored(notes, report_id, evidence):
    record = _record(notes, report_id, evidence)
    assert record_of(_row(record))["evidence"] == evidence
