"""`ceasefire.evaluate` gives the same numbers as the referee scorer (shared/tools/score_events.py,
run as a separate program) on the dev sets and on perturbed and synthetic predictions."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ceasefire.evaluate import evaluate, evaluate_main_admin1, load_jsonl, load_optional

# One actor name per group code, to turn gold rows into predictions.
ACTOR_NAMES = {
    "UNK": "Unidentified Armed Group (Syria)", "IS": "Islamic State", "NUSRA": "Hayat Tahrir al-Sham",
    "HEZ": "Hezbollah", "RUS": "Military Forces of Russia (2000-)", "IRN": "Military Forces of Iran",
    "ISR": "Military Forces of Israel", "TUR": "Military Forces of Turkey", "USCOAL": "Operation Inherent Resolve",
    "SDF": "SDF: Syrian Democratic Forces", "UN": "United Nations", "PROT": "Protesters (Syria)",
    "CIV": "Civilians (Syria)", "REB": "Opposition Rebels (Syria)", "SYR": "Military Forces of Syria (2000-)",
}
SPELLINGS = {"Idlib": "Idleb Governorate", "Deir ez-Zor": "Dayr az Zawr", "Al-Hasakah": "Hassakeh",
             "Raqqa": "Ar-Raqqah province", "Daraa": "Dar'a", "Rif Dimashq": "Rural Damascus"}
GOVERNORATES = ["Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Rif Dimashq", "Daraa", "Raqqa"]


def referee(shared_data: Path, gold: Path, pred: Path, *extra: str) -> dict:
    script = shared_data.parent / "tools" / "score_events.py"
    if not script.is_file():
        pytest.skip(f"referee scorer not found at {script}")
    done = subprocess.run([sys.executable, str(script), str(gold), str(pred), *extra, "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def as_prediction(gold: dict) -> dict:
    month = len(gold["date"]) == 7
    fatalities = gold["fatalities"][0] if isinstance(gold["fatalities"], list) else gold["fatalities"]
    verdict = gold.get("verdict")
    return {
        "report_id": gold.get("doc"), "event_date": gold["date"] + "-01" if month else gold["date"],
        "date_precision": "month" if month else "day", "event_type": gold["type"],
        "sub_event_type": gold["sub"][0], "actor1": ACTOR_NAMES.get(gold["actor1"][0], gold["actor1"][0]),
        "actor2": ACTOR_NAMES.get(gold["actor2"][0]) if gold["actor2"] else None,
        "location": gold["place"], "admin1": gold["admin1"], "fatalities": fatalities,
        "verdicts": [{"agreement": "a", "status": verdict}] if verdict not in (None, "any") else [],
    }


def perturbed(golds: list[dict], seed: int) -> list[dict]:
    """Predictions with the mistakes extraction makes: wrong governorate, shifted or coarse dates,
    missing and duplicated events, other spellings, other actors, no document id."""
    rng = random.Random(seed)
    rows = []
    for gold in golds:
        pred = as_prediction(gold)
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            pred["admin1"] = rng.choice(GOVERNORATES)
        elif roll < 0.3 and len(gold["date"]) == 10:
            day = date.fromisoformat(gold["date"]) + timedelta(days=rng.choice([-3, -1, 1, 2, 40]))
            pred["event_date"] = day.isoformat()
        elif roll < 0.35:
            pred["date_precision"] = rng.choice(["month", "year", 2, 3, "week"])
            pred["event_date"] = pred["event_date"][:8] + "15"
        elif roll < 0.4:
            pred["admin1"] = None
        elif roll < 0.45:
            pred["admin1"] = SPELLINGS.get(pred["admin1"], pred["admin1"].upper())
        elif roll < 0.5:
            pred["actor1"] = rng.choice(list(ACTOR_NAMES.values()) + ["Some Militia", ""])
            pred["sub_event_type"] = "Armed clash"
        elif roll < 0.55:
            pred["location"] = "near " + (pred["location"] or "") + " city"
        elif roll < 0.6:
            pred.pop("report_id")
        elif roll < 0.65:
            pred["fatalities"] = (pred["fatalities"] or 0) + 1
            pred["verdicts"] = [{"status": rng.choice(["violation", "none", "excluded"])}]
        rows.append(pred)
        if rng.random() < 0.2:
            twin = dict(pred, location="somewhere else", actor1="Islamic State")
            rows.append(twin)
    rng.shuffle(rows)
    return rows


@pytest.mark.parametrize("name", ["acled_syria_dev", "examples_dev"])
def test_evaluate_gold_as_prediction_agrees_with_referee(shared_data, tmp_path, name):
    gold_path = shared_data / f"{name}.gold.jsonl"
    golds = load_jsonl(gold_path)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [as_prediction(g) for g in golds])
    ours = evaluate(golds, load_jsonl(pred_path))
    assert ours == referee(shared_data, gold_path, pred_path)
    assert ours["recall"] == 1.0 and ours["precision"] == 1.0


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("name", ["acled_syria_dev", "examples_dev"])
def test_evaluate_perturbed_predictions_agree_with_referee(shared_data, tmp_path, name, seed):
    gold_path = shared_data / f"{name}.gold.jsonl"
    golds = load_jsonl(gold_path)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", perturbed(golds, seed))
    ours = evaluate(golds, load_jsonl(pred_path))
    theirs = referee(shared_data, gold_path, pred_path)
    assert ours == theirs
    if name == "acled_syria_dev":
        assert 0 < ours["false_positives"] and 0.5 < ours["recall"] < 1.0


def test_evaluate_optional_list_agrees_with_referee(shared_data, tmp_path):
    gold_path = shared_data / "acled_syria_dev.gold.jsonl"
    golds = load_jsonl(gold_path)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", perturbed(golds, 7))
    optional = tmp_path / "optional.txt"
    optional.write_text("# where extra events are fine\nIdlib|any\nAleppo|Battles\nRaqqa | Explosions/Remote violence\n",
                        encoding="utf-8")
    ours = evaluate(golds, load_jsonl(pred_path), load_optional(optional))
    assert ours == referee(shared_data, gold_path, pred_path, "--optional", str(optional))
    assert ours["neutral"] > 0


def synthetic(seed: int) -> tuple[list[dict], list[dict]]:
    """Many near-misses on few keys: gold without documents, month golds, tolerances, ties."""
    rng = random.Random(seed)
    types = {"Battles": ["Armed clash"], "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack"]}
    places = ["Saraqib", "Kafranbel", "Jablah", "Ariha", "al-Zarah", ""]
    golds, preds = [], []
    for i in range(150):
        typ = rng.choice(list(types))
        day = date(2016, rng.choice([5, 6]), rng.randint(1, 30))
        golds.append({
            "id": f"G{i}", "doc": rng.choice(["d1", "d2", None]),
            "date": day.isoformat()[:7] if rng.random() < 0.2 else day.isoformat(),
            "date_tol": rng.choice([0, 0, 1, 3, 45]), "type": typ, "sub": rng.sample(types[typ], 1),
            "actor1": rng.sample(["RUS", "SYR", "UNK", "REB"], rng.randint(1, 2)),
            "actor2": rng.choice([[], ["CIV"]]), "place": rng.choice(places),
            "admin1": rng.choice(["Idlib", "Latakia"]), "fatalities": rng.choice([None, 0, 3, [2, 5]]),
            "verdict": rng.choice([None, "any", "violation", "none"]),
        })
    for i in range(220):
        typ = rng.choice(list(types))
        day = date(2016, rng.choice([5, 6, 7]), rng.randint(1, 30))
        pred = {
            "event_date": day.isoformat() if rng.random() < 0.95 else "not a date",
            "date_precision": rng.choice(["day", "day", "week", "month", "year", 2, 3]),
            "event_type": rng.choice([typ, typ.upper() + " "]), "sub_event_type": rng.choice(types[typ]),
            "actor1": rng.choice(list(ACTOR_NAMES.values()) + [None]), "actor2": rng.choice([None, "Civilians (Syria)"]),
            "location": rng.choice(["Saraqib", "Kafranbel town", "Jablah", "al-Zarah", "Ariha", None]),
            "admin1": rng.choice(["Idlib", "Idleb", "Latakia", "Lattakia province", None, "Somewhere"]),
            "fatalities": rng.choice([None, 0, 2, 3, 5]),
            "verdicts": rng.choice([[], [{"status": "violation"}], [{"status": "none"}, {"status": "not_applicable"}]]),
        }
        docs = rng.choice([["d1"], ["d2"], ["d1", "d2"], None])
        if docs:
            pred["report_ids" if len(docs) > 1 else "report_id"] = docs if len(docs) > 1 else docs[0]
        preds.append(pred)
    return golds, preds


@pytest.mark.parametrize("seed", [11, 12])
def test_evaluate_synthetic_edge_cases_agree_with_referee(shared_data, tmp_path, seed):
    golds, preds = synthetic(seed)
    gold_path = write_jsonl(tmp_path / "gold.jsonl", golds)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", preds)
    ours = evaluate(load_jsonl(gold_path), load_jsonl(pred_path))
    assert ours == referee(shared_data, gold_path, pred_path)
    assert ours["matched"] > 20


def test_evaluate_main_admin1_agrees_with_referee(shared_data, tmp_path):
    gold_path = shared_data / "fakes_dev.gold.jsonl"
    golds = load_jsonl(gold_path)
    rng = random.Random(5)
    preds = []
    for gold in golds:
        if rng.random() < 0.1:
            continue  # no events for this document
        right = {"Damascus": rng.choice(["Damascus", "Rif Dimashq"])}.get(gold["admin1"], gold["admin1"])
        picks = [right] * rng.randint(1, 2) + [rng.choice(GOVERNORATES) for _ in range(rng.randint(0, 3))]
        rng.shuffle(picks)
        preds += [{"report_id": gold["doc"], "admin1": SPELLINGS.get(a, a), "event_type": "Battles"} for a in picks]
    preds.append({"report_id": golds[0]["doc"], "admin1": None})
    pred_path = write_jsonl(tmp_path / "pred.jsonl", preds)
    ours = evaluate_main_admin1(golds, load_jsonl(pred_path))
    assert ours == referee(shared_data, gold_path, pred_path, "--main-admin1")
    assert 0.5 < ours["main_admin1_accuracy"] < 1.0 and ours["wrong_examples"]
