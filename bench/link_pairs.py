"""Pairwise precision and recall of linking on the labelled FA-KES article pairs.

    .venv/bin/python bench/link_pairs.py                      # extract the articles, then link
    .venv/bin/python bench/link_pairs.py --events ev.jsonl    # link mentions extracted before:
        ceasefire extract --docs ../shared/data/fakes_dev.docs.jsonl --format jsonl -o ev.jsonl

A labelled pair (tests/data/link_pairs.csv) is predicted "same event" when any mention of doc_a
and any mention of doc_b end up in one linked event. Articles with no mention can only be
predicted "different", so recall also shows what extraction missed.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ceasefire.link import LinkConfig, link_mentions
from ceasefire.link.jsonl import read_events
from ceasefire.model import Event, Report

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO.parent / "shared" / "data" / "fakes_dev.docs.jsonl"
PAIRS = REPO / "tests" / "data" / "link_pairs.csv"

Extractor = Callable[[Iterable[Report]], Iterator[tuple[Report, object]]]


def read_reports(path: Path) -> list[Report]:
    with path.open(encoding="utf-8") as handle:
        return [Report.from_dict(json.loads(line)) for line in handle if line.strip()]


def default_extractor() -> Extractor:
    from ceasefire.extract import extract_reports

    return extract_reports


def extract_mentions(reports: list[Report], extractor: Extractor) -> list[Event]:
    mentions: list[Event] = []
    for report, result in extractor(reports):
        if isinstance(result, list):
            mentions.extend(result)
        else:
            print(f"extraction failed for {report.id}: {result}", file=sys.stderr)
    return mentions


def evaluate(mentions: list[Event], pairs: list[dict[str, str]], config: LinkConfig | None = None) -> dict[str, float]:
    linked = link_mentions(mentions, config=config)
    events_of: dict[str, set[str]] = defaultdict(set)
    for item in linked:
        for report in item.event.report_ids:
            events_of[report].add(item.event.event_id or "")
    tp = fp = fn = tn = 0
    mistakes = []
    for pair in pairs:
        same = bool(events_of[pair["doc_a"]] & events_of[pair["doc_b"]])
        truth = pair["same_event"] == "1"
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
        tn += not truth and not same
        if same != truth:
            mistakes.append((pair["doc_a"], pair["doc_b"], "FP" if same else "FN", pair["why"]))
    docs = {d for p in pairs for d in (p["doc_a"], p["doc_b"])}
    return {
        "mentions": len(mentions), "linked events": len(linked),
        "multi-report events": sum(len(le.event.report_ids) > 1 for le in linked),
        "labelled docs without a mention": sum(not events_of[d] for d in docs),
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0,
        "mistakes": mistakes,
    }


def main(argv: list[str] | None = None, extractor: Extractor | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="FA-KES documents (EVENTS.md input batch)")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--events", type=Path, help="pre-extracted mentions (JSONL) instead of extracting")
    parser.add_argument("--show", action="store_true", help="list the pairs linking got wrong")
    args = parser.parse_args(argv)
    with args.pairs.open(newline="", encoding="utf-8") as handle:
        pairs = list(csv.DictReader(handle))
    reports = read_reports(args.docs)
    sources = {r.id: r.source for r in reports if r.source}
    started = time.perf_counter()
    if args.events:
        mentions = list(read_events(args.events, sources))
    else:
        mentions = extract_mentions(reports, extractor or default_extractor())
        for m in mentions:
            if not m.source and m.report_id in sources:
                m.source = sources[m.report_id]
    extracted = time.perf_counter()
    result = evaluate(mentions, pairs)
    linked = time.perf_counter()
    positives = sum(p["same_event"] == "1" for p in pairs)
    print(f"labelled pairs {len(pairs)} ({positives} same event, {len(pairs) - positives} different)")
    print(f"mentions {result['mentions']}  linked events {result['linked events']}  "
          f"multi-report events {result['multi-report events']}  "
          f"labelled docs without a mention {result['labelled docs without a mention']}")
    print(f"pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']}, tn {result['tn']})")
    print(f"extract {extracted - started:.1f}s  link+score {linked - extracted:.1f}s")
    if args.show:
        for doc_a, doc_b, kind, why in result["mistakes"]:
            print(f"{kind} {doc_a} {doc_b}  {why}")
    return result


if __name__ == "__main__":
    main()
