"""Extraction then assessment over the hand-coded dev examples: the gold verdicts hold.

Gold events are matched to predicted ones by the referee scorer itself (same document,
governorate, event type and date), and every gold verdict other than `any` is checked.
"""
from __future__ import annotations

import importlib.util
import json
from datetime import date

import pytest

from ceasefire.assess import assess, load_agreement


def _scorer(shared_data):
    path = shared_data.parent / "tools" / "score_events.py"
    if not path.is_file():
        pytest.skip(f"referee scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_events", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_assess_gold_verdicts_on_dev_examples(shared_data):
    try:
        from ceasefire.extract import extract
    except ImportError as error:
        pytest.skip(f"ceasefire.extract is not importable yet ({error})")
    scorer = _scorer(shared_data)
    docs = [json.loads(line) for line in (shared_data / "examples_dev.docs.jsonl").open(encoding="utf-8")]
    gold = scorer.load_jsonl(shared_data / "examples_dev.gold.jsonl")
    coh = load_agreement("syria-coh-2016")
    predicted = []
    for doc in docs:
        events = extract(doc["text"], date.fromisoformat(doc["published"]), report_id=doc["id"],
                         source=doc.get("source"))
        predicted += [event.to_dict() for event in assess(events, coh)]
    result = scorer.score(gold, predicted)
    checked = result["field_counts"]["verdict"]
    wanted = sum(1 for row in gold if row.get("verdict") not in (None, "any"))
    assert wanted > 0
    if checked == 0:
        pytest.skip("extraction matched none of the gold events that carry a verdict")
    assert result["field_accuracy"]["verdict"] == 1.0, result
