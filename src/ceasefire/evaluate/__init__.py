"""Scoring extracted events against labelled ones (`ceasefire eval`).

    rows = load_jsonl("gold.jsonl")
    result = evaluate(rows, load_jsonl("pred.jsonl"))
    print(format_result(result))

The comparison rules (governorate and place spellings, actor groups) are data: data/eval/CC.yaml.
"""
from __future__ import annotations

from ceasefire.evaluate.files import load_jsonl, load_optional
from ceasefire.evaluate.matching import evaluate, evaluate_main_admin1
from ceasefire.evaluate.rules import ScoringRules, scoring_rules
from ceasefire.evaluate.summary import format_result

__all__ = [
    "ScoringRules", "evaluate", "evaluate_main_admin1", "format_result", "load_jsonl", "load_optional",
    "scoring_rules",
]
