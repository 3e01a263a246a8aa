"""Extraction quality on the three dev sets, scored with `ceasefire.evaluate`; prints the bars.

    .venv/bin/python bench/extract_quality.py                 # ../shared/data beside the repo
    .venv/bin/python bench/extract_quality.py --data DIR --json
    .venv/bin/python bench/extract_quality.py --verbose       # ACLED misses and false positives

For each set, the documents (`NAME.docs.jsonl`) go through the same library calls as `ceasefire
extract --docs` (`read_paths`, then `extract_reports`), the records are written the way the CLI
writes them (`event.to_dict()`, one per line) to bench/out/NAME.pred.jsonl, and scored against
`NAME.gold.jsonl`:

- acled_syria_dev: event F1, sub-type, actor1 and fatalities accuracy over matched events;
- fakes_dev: the document's main governorate (`--main-admin1`) and how many documents gave one;
- examples_dev: recall, precision and, once assessed against the scenario's agreement, verdicts;
- written_reports (bench/data, the project's own): recall and precision over multi-event reports
  written in the styles of wires, monitors' roundups, state media and UN updates.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ceasefire.evaluate import evaluate, evaluate_main_admin1, load_jsonl
from ceasefire.extract import ExtractionFailure, extract_reports
from ceasefire.ingest import read_paths
from ceasefire.model import Report

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
OWN_DATA = REPO / "bench" / "data"  # the project's own hand-coded set (written_reports)

# (set, measure, bar): a measure holds when it is at least the bar.
BARS = [
    ("acled_syria_dev", "f1", 0.85),
    ("acled_syria_dev", "sub_event_type", 0.80),
    ("acled_syria_dev", "actor1", 0.80),
    ("acled_syria_dev", "fatalities", 0.90),
    ("fakes_dev", "main_admin1_accuracy", 0.90),
    ("examples_dev", "recall", 0.75),
]
# Reported beside the bars, without one.
SHOWN = [
    ("acled_syria_dev", "precision"), ("acled_syria_dev", "recall"), ("acled_syria_dev", "place"),
    ("acled_syria_dev", "actor2"), ("fakes_dev", "coverage"), ("examples_dev", "precision"),
    ("examples_dev", "f1"), ("examples_dev", "verdict"), ("written_reports", "precision"),
    ("written_reports", "recall"), ("written_reports", "f1"),
]


def extract_file(docs: Path, out: Path, workers: int) -> dict[str, Any]:
    """Extract every document of a JSONL batch into `out`; returns counts and seconds."""
    counts = {"documents": 0, "failed": 0, "events": 0}
    errors: list[str] = []

    def reports():
        for item in read_paths([docs]):
            if isinstance(item, Report):
                counts["documents"] += 1
                yield item
            elif isinstance(item, Exception):
                counts["failed"] += 1
                errors.append(str(item))

    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for report, result in extract_reports(reports(), workers=workers):
            if isinstance(result, ExtractionFailure):
                counts["failed"] += 1
                errors.append(f"{report.id}: {result.error}")
                continue
            for event in result:
                counts["events"] += 1
                handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    counts["seconds"] = round(time.perf_counter() - started, 2)
    counts["errors"] = errors[:10]
    return counts


def assess_file(path: Path) -> str | None:
    """Add the scenario agreement's verdicts to the records in `path`; the agreement's id, or
    None when assessment is not available."""
    try:
        from ceasefire.assess import assess, load_agreement
        from ceasefire.config import scenario
    except ImportError:
        return None
    agreement_id = scenario().get("agreement")
    if not agreement_id:
        return None
    events = list(assess(load_jsonl(path), load_agreement(agreement_id)))
    path.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    return agreement_id


def measure(data: Path, workers: int) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    for name, folder in (("acled_syria_dev", data), ("fakes_dev", data), ("examples_dev", data),
                         ("written_reports", OWN_DATA)):
        docs, gold = folder / f"{name}.docs.jsonl", folder / f"{name}.gold.jsonl"
        if not docs.is_file() or not gold.is_file():
            print(f"skipping {name}: {docs.name} or {gold.name} not in {folder}", file=sys.stderr)
            continue
        pred = OUT / f"{name}.pred.jsonl"
        run = extract_file(docs, pred, workers)
        if name == "examples_dev":
            run["agreement"] = assess_file(pred)
        gold_rows, pred_rows = load_jsonl(gold), load_jsonl(pred)
        score = evaluate_main_admin1(gold_rows, pred_rows) if name == "fakes_dev" else evaluate(gold_rows, pred_rows)
        results[name] = {"extraction": run, "score": score, "predictions": str(pred)}
    return results


def value(results: dict[str, Any], name: str, key: str) -> float | None:
    score = results.get(name, {}).get("score")
    if score is None:
        return None
    return score["field_accuracy"].get(key) if key in score.get("field_accuracy", {}) else score.get(key)


def bars(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, key, bar in BARS:
        got = value(results, name, key)
        rows.append({"set": name, "measure": key, "value": got, "bar": bar,
                     "holds": None if got is None else got >= bar})
    for name, key in SHOWN:
        rows.append({"set": name, "measure": key, "value": value(results, name, key), "bar": None, "holds": None})
    return rows


def print_table(results: dict[str, Any], rows: list[dict[str, Any]], verbose: bool) -> None:
    for name, result in results.items():
        run = result["extraction"]
        print(f"{name}: {run['documents']} documents, {run['events']} events, {run['failed']} failed, "
              f"{run['seconds']} s" + (f", assessed against {run['agreement']}" if run.get("agreement") else ""))
        for error in run["errors"]:
            print(f"  error: {error}")
    print()
    print(f"{'set':<17} {'measure':<22} {'value':>6} {'bar':>6}  holds")
    for row in rows:
        shown = "-" if row["value"] is None else f"{row['value']:.3f}"
        bar = "" if row["bar"] is None else f">={row['bar']:.2f}"
        holds = "" if row["holds"] is None else ("yes" if row["holds"] else "NO")
        print(f"{row['set']:<17} {row['measure']:<22} {shown:>6} {bar:>6}  {holds}")
    held = [r for r in rows if r["holds"] is not None]
    print(f"\n{sum(r['holds'] for r in held)} of {len(held)} bars hold")
    if verbose and "acled_syria_dev" in results:
        score = results["acled_syria_dev"]["score"]
        print(f"\nacled_syria_dev missed ({len(score['missed'])}): {', '.join(map(str, score['missed']))}")
        print(f"acled_syria_dev false positives (first {len(score['false_positive_examples'])}):")
        for row in score["false_positive_examples"]:
            print("  " + json.dumps(row, ensure_ascii=False))
    if verbose and "fakes_dev" in results:
        print("\nfakes_dev wrong main governorate (first 10):")
        for row in results["fakes_dev"]["score"]["wrong_examples"]:
            print(f"  doc {row['doc']}: gold {row['gold']}, predicted {row['main']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder with NAME.docs.jsonl and NAME.gold.jsonl (default ../shared/data)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="list ACLED misses and false positives")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no dev data at {args.data} (give --data DIR)", file=sys.stderr)
        return 2
    results = measure(args.data, args.workers)
    rows = bars(results)
    if args.json:
        print(json.dumps({"sets": results, "bars": rows}, ensure_ascii=False))
    else:
        print_table(results, rows, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
