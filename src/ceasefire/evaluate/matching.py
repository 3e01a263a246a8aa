"""Pairing predicted events with gold events, and the scores that follow (spec/EVENTS.md,
"Scoring").

A prediction can match a gold event when both name the same governorate and event type, the
date fits, and, when both carry document ids, they share the gold's document. Candidate pairs
are only formed inside blocks of (governorate, type, document, date), never by comparing every
prediction with every gold event. Pairs are then taken best first: place name (4), sub-type (2),
actor group (1), ties by file order.
"""
from __future__ import annotations

import re
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any, Iterable, Iterator

from ceasefire.errors import InputError
from ceasefire.evaluate.rules import ScoringRules, norm, scoring_rules

COARSE = ("month", "year", 2, 3)  # precisions compared by month (ACLED time_precision 2 and 3 too)
YEARLY = ("year", 3)  # precisions compared by year only
FIELDS = ("place", "sub_event_type", "actor1", "actor2", "fatalities", "verdict")
FALSE_POSITIVE_KEYS = ("event_date", "event_type", "sub_event_type", "actor1", "location", "admin1")
EXAMPLES = 10
GOLD_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


@dataclass(eq=False)
class Gold:
    index: int
    row: dict[str, Any]
    doc: str | None
    admin1: str
    type: str
    day: date | None  # None when the gold date is a month
    month: tuple[int, int] | None
    tol: int
    places: frozenset[str]


@dataclass(eq=False)
class Predicted:
    index: int
    row: dict[str, Any]
    docs: frozenset[str]
    admin1: str | None
    type: str
    day: date | None
    precision: Any
    location: str


def doc_ids(row: dict[str, Any]) -> frozenset[str]:
    """The report ids a predicted event was drawn from."""
    ids = row.get("report_ids") or [row.get("report_id")]
    if isinstance(ids, (str, int)):
        ids = [ids]
    return frozenset(str(i) for i in ids if i is not None)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _gold(row: dict[str, Any], index: int, rules: ScoringRules) -> Gold:
    def fail(message: str, key: str) -> InputError:
        return InputError(f"gold row {index + 1} (id {row.get('id')!r}): {message}", field=key, code="E141")

    for key in ("id", "date", "type", "place", "admin1", "sub", "actor1"):
        if row.get(key) is None:
            raise fail("missing", key)
    for key in ("type", "admin1", "place"):
        if not isinstance(row[key], str):
            raise fail("expected a string", key)
    for key in ("sub", "actor1", "actor2"):
        if not isinstance(row.get(key, []), list):
            raise fail("expected a list", key)
    fatalities = row.get("fatalities")
    if fatalities is not None and not isinstance(fatalities, (int, list)):
        raise fail("expected a number, a list of numbers or null", "fatalities")
    text = str(row["date"])
    parsed = _day(text) if len(text) == 10 else None
    if not GOLD_DATE.fullmatch(text) or (len(text) == 10 and parsed is None) or (
            len(text) == 7 and not 1 <= int(text[5:]) <= 12):
        raise fail(f"{text!r} is not a date (YYYY-MM-DD) or a month (YYYY-MM)", "date")
    try:
        tol = int(row.get("date_tol") or 0)
    except (TypeError, ValueError):
        tol = -1
    if tol < 0:
        raise fail("expected a whole number of days", "date_tol")
    return Gold(
        index=index, row=row, doc=None if row.get("doc") is None else str(row["doc"]),
        admin1=rules.admin1_of(row["admin1"]) or row["admin1"], type=row["type"].lower(), day=parsed,
        month=(int(text[:4]), int(text[5:7])) if parsed is None else None, tol=tol,
        places=rules.place_names(row["place"]),
    )


def _predicted(row: dict[str, Any], index: int, rules: ScoringRules) -> Predicted:
    return Predicted(
        index=index, row=row, docs=doc_ids(row), admin1=rules.admin1_of(row.get("admin1")),
        type=str(row.get("event_type") or "").strip().lower(), day=_day(row.get("event_date")),
        precision=row.get("date_precision"), location=norm(row.get("location")),
    )


def date_fits(gold: Gold, pred: Predicted) -> bool:
    """A gold month takes any day in it; a coarse prediction fits by month (or year); otherwise
    the day must be within the gold tolerance."""
    if pred.day is None:
        return False
    if gold.month is not None:
        return (pred.day.year, pred.day.month) == gold.month
    if pred.precision in COARSE:
        return pred.day.year == gold.day.year and (pred.day.month == gold.day.month or pred.precision in YEARLY)
    return abs((pred.day - gold.day).days) <= gold.tol


class _ByDate:
    """Predictions by date: day-precise ones by day, month-precise ones by month, year-precise
    ones by year."""

    def __init__(self) -> None:
        self.days: dict[int, list[Predicted]] = defaultdict(list)
        self.months: dict[tuple[int, int], list[Predicted]] = defaultdict(list)
        self.years: dict[int, list[Predicted]] = defaultdict(list)

    def add(self, pred: Predicted) -> None:
        if pred.precision in YEARLY:
            self.years[pred.day.year].append(pred)
        elif pred.precision in COARSE:
            self.months[(pred.day.year, pred.day.month)].append(pred)
        else:
            self.days[pred.day.toordinal()].append(pred)

    def near(self, gold: Gold) -> Iterator[Predicted]:
        """Every prediction whose date could fit (a superset; `date_fits` decides)."""
        year, month = gold.month or (gold.day.year, gold.day.month)
        yield from self.years.get(year, ())
        yield from self.months.get((year, month), ())
        if gold.month is not None:
            first = date(year, month, 1).toordinal()
            yield from self._days(first, first + monthrange(year, month)[1] - 1)
        else:
            centre = gold.day.toordinal()
            yield from self._days(centre - gold.tol, centre + gold.tol)

    def _days(self, first: int, last: int) -> Iterator[Predicted]:
        if last - first > len(self.days):
            days: Iterable[int] = sorted(d for d in self.days if first <= d <= last)
        else:
            days = range(first, last + 1)
        for day in days:
            yield from self.days.get(day, ())


class _Block:
    """Predictions of one governorate and event type, by document."""

    def __init__(self) -> None:
        self.every = _ByDate()
        self.without_doc = _ByDate()
        self.by_doc: dict[str, _ByDate] = defaultdict(_ByDate)

    def add(self, pred: Predicted) -> None:
        self.every.add(pred)
        if not pred.docs:
            self.without_doc.add(pred)
        for doc in pred.docs:
            self.by_doc[doc].add(pred)

    def candidates(self, gold: Gold) -> Iterable[Predicted]:
        if gold.doc is None:
            return self.every.near(gold)
        same = self.by_doc[gold.doc].near(gold) if gold.doc in self.by_doc else ()
        return chain(same, self.without_doc.near(gold))


def _pair_score(gold: Gold, pred: Predicted, rules: ScoringRules) -> int:
    return (4 * place_fits(gold, pred) + 2 * sub_fits(gold, pred)
            + (rules.actor_group(pred.row.get("actor1")) in gold.row["actor1"]))


def place_fits(gold: Gold, pred: Predicted) -> bool:
    return any(name in pred.location for name in gold.places)


def sub_fits(gold: Gold, pred: Predicted) -> bool:
    return (pred.row.get("sub_event_type") or "") in gold.row["sub"]


def match(golds: list[Gold], preds: list[Predicted], rules: ScoringRules) -> list[tuple[Gold, Predicted]]:
    """Greedy best-first pairing; each gold and each prediction used at most once."""
    blocks: dict[tuple[str | None, str], _Block] = defaultdict(_Block)
    for pred in preds:
        if pred.day is not None and pred.admin1:
            blocks[(pred.admin1, pred.type)].add(pred)
    pairs = []
    for gold in golds:
        block = blocks.get((gold.admin1, gold.type))
        if block is None:
            continue
        for pred in block.candidates(gold):
            if date_fits(gold, pred):
                pairs.append((-_pair_score(gold, pred, rules), gold.index, pred.index))
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append((golds[gi], preds[pi]))
    return matches


def _verdict_fits(want: str, row: dict[str, Any]) -> bool:
    verdicts = row.get("verdicts")
    statuses = {str(v.get("status", "")).lower() for v in (verdicts if isinstance(verdicts, list) else [])
                if isinstance(v, dict)}
    return want in statuses or (want == "none" and not (statuses - {"none", "not_applicable"}))


def field_checks(gold: Gold, pred: Predicted, rules: ScoringRules) -> dict[str, bool]:
    """Which fields of a matched prediction agree with the gold event (only those the gold
    labels: actor2 when listed, fatalities when given, verdict unless null or "any")."""
    g, p = gold.row, pred.row
    checks = {
        "place": place_fits(gold, pred),
        "sub_event_type": sub_fits(gold, pred),
        "actor1": rules.actor_group(p.get("actor1")) in g["actor1"],
    }
    if g.get("actor2"):
        checks["actor2"] = rules.actor_group(p.get("actor2")) in g["actor2"]
    if g.get("fatalities") is not None:
        accepted = g["fatalities"] if isinstance(g["fatalities"], list) else [g["fatalities"]]
        checks["fatalities"] = p.get("fatalities") in accepted
    if g.get("verdict") not in (None, "any"):
        checks["verdict"] = _verdict_fits(str(g["verdict"]), p)
    return checks


def evaluate(gold_rows: list[dict[str, Any]], pred_rows: list[dict[str, Any]],
             optional: Iterable[tuple[str, str]] = frozenset(), *, country: str | None = None) -> dict[str, Any]:
    """Precision, recall, F1 and per-field accuracy of predicted events against gold events.

    Governorates are compared by their canonical name in the country's rules (`country`, default
    the scenario's), on both sides. `optional` holds (admin1, type) pairs, type lower case or
    "any": unmatched predictions there are neutral. Unmatched predictions without an admin1 are
    counted but not scored. A gold row that cannot be read raises InputError naming it.
    """
    rules = scoring_rules(country)
    golds = [_gold(row, i, rules) for i, row in enumerate(gold_rows)]
    preds = [_predicted(row, i, rules) for i, row in enumerate(pred_rows)]
    matches = match(golds, preds, rules)
    neutral_keys = {(rules.admin1_of(a1) or a1, typ.lower()) for a1, typ in optional}

    used = {pred.index for _, pred in matches}
    unscored = neutral = 0
    false_positives = []
    for pred in preds:
        if pred.index in used:
            continue
        if not pred.admin1:
            unscored += 1
        elif (pred.admin1, "any") in neutral_keys or (pred.admin1, pred.type) in neutral_keys:
            neutral += 1
        else:
            false_positives.append(pred.row)

    tp, fp = len(matches), len(false_positives)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(golds) if golds else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    tallies: dict[str, list[bool]] = {name: [] for name in FIELDS}
    for gold, pred in matches:
        for name, ok in field_checks(gold, pred, rules).items():
            tallies[name].append(ok)
    matched_gold = {gold.index for gold, _ in matches}
    return {
        "gold": len(golds), "predicted": len(preds), "matched": tp, "false_positives": fp,
        "neutral": neutral, "unscored_no_admin1": unscored, "precision": round(precision, 3),
        "recall": round(recall, 3), "f1": round(f1, 3),
        "field_accuracy": {k: round(sum(v) / len(v), 3) if v else None for k, v in tallies.items()},
        "field_counts": {k: len(v) for k, v in tallies.items()},
        "missed": [gold.row["id"] for gold in golds if gold.index not in matched_gold],
        "false_positive_examples": [{k: row.get(k) for k in FALSE_POSITIVE_KEYS}
                                    for row in false_positives[:EXAMPLES]],
    }


def evaluate_main_admin1(gold_rows: list[dict[str, Any]], pred_rows: list[dict[str, Any]], *,
                         country: str | None = None) -> dict[str, Any]:
    """Per document: is the governorate most of its predicted events name the gold one? Ties go
    to the governorate named first. Gold rows: doc, admin1."""
    rules = scoring_rules(country)
    found: dict[str, list[str]] = defaultdict(list)
    for row in pred_rows:
        admin1 = rules.admin1_of(row.get("admin1"))
        if admin1:
            for doc in doc_ids(row):
                found[doc].append(admin1)
    right = covered = 0
    wrong = []
    for index, gold in enumerate(gold_rows):
        for key in ("doc", "admin1"):
            if gold.get(key) is None:
                raise InputError(f"gold row {index + 1}: missing", field=key, code="E141")
        named = found.get(str(gold["doc"]))
        if not named:
            continue
        covered += 1
        counts: dict[str, int] = {}
        for admin1 in named:
            counts[admin1] = counts.get(admin1, 0) + 1
        main = max(counts, key=counts.__getitem__)  # first of the most frequent: dicts keep order
        label = rules.admin1_of(gold["admin1"]) or str(gold["admin1"])
        if main in rules.covers(label):
            right += 1
        else:
            wrong.append({"doc": gold["doc"], "gold": gold["admin1"], "main": main})
    n = len(gold_rows)
    return {"documents": n, "with_events": covered, "coverage": round(covered / n, 3) if n else 0.0,
            "main_admin1_accuracy": round(right / n, 3) if n else 0.0, "wrong_examples": wrong[:EXAMPLES]}
