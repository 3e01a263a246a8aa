"""The project's own hand-coded multi-event reports (bench/data/written_reports): the set is well
formed, and extraction keeps finding its events."""
from __future__ import annotations

import json
from pathlib import Path

from ceasefire import extract
from ceasefire.evaluate import evaluate
from ceasefire.model import SUB_EVENT_TYPES

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_written_reports_gold_is_coded_in_the_contracts_types_for_reports_of_the_set():
    docs = {row["id"] for row in _rows("written_reports.docs.jsonl")}
    gold = _rows("written_reports.gold.jsonl")
    assert len({row["id"] for row in gold}) == len(gold)
    for row in gold:
        assert row["doc"] in docs
        assert all(SUB_EVENT_TYPES[sub] == row["type"] for sub in row["sub"]), row["id"]


def test_written_reports_are_extracted_with_recall_and_precision_of_at_least_0_8():
    predictions = []
    for doc in _rows("written_reports.docs.jsonl"):
        events = extract(doc["text"], published=doc["published"], report_id=doc["id"], source=doc["source"])
        predictions += [event.to_dict() for event in events]
    score = evaluate(_rows("written_reports.gold.jsonl"), predictions)
    assert score["recall"] >= 0.8 and score["precision"] >= 0.8, (score["missed"], score["false_positive_examples"])
