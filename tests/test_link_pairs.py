"""The labelled FA-KES pairs used to measure linking: shape, balance, and ids that exist."""
from __future__ import annotations

import csv
import json
from pathlib import Path

PAIRS = Path(__file__).parent / "data" / "link_pairs.csv"


def read_pairs() -> list[dict[str, str]]:
    with PAIRS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_pairs_csv_shape():
    rows = read_pairs()
    assert rows and list(rows[0]) == ["doc_a", "doc_b", "same_event", "why"]
    assert all(r["same_event"] in ("0", "1") and r["why"].strip() and r["doc_a"] != r["doc_b"] for r in rows)
    assert sum(r["same_event"] == "1" for r in rows) >= 60
    assert sum(r["same_event"] == "0" for r in rows) >= 120
    keys = [frozenset((r["doc_a"], r["doc_b"])) for r in rows]
    assert len(keys) == len(set(keys))


def test_pairs_negatives_not_implied_by_positives():
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    rows = read_pairs()
    for r in rows:
        if r["same_event"] == "1":
            parent[find(r["doc_a"])] = find(r["doc_b"])
    clashes = [(r["doc_a"], r["doc_b"]) for r in rows if r["same_event"] == "0" and find(r["doc_a"]) == find(r["doc_b"])]
    assert clashes == []


def test_pairs_ids_exist_in_fakes_docs(shared_data):
    with (shared_data / "fakes_dev.docs.jsonl").open(encoding="utf-8") as handle:
        ids = {json.loads(line)["id"] for line in handle if line.strip()}
    missing = {d for r in read_pairs() for d in (r["doc_a"], r["doc_b"]) if d not in ids}
    assert missing == set()


def test_pairs_store_no_article_text():
    assert all(len(r["why"]) < 160 for r in read_pairs())
