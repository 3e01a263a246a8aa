"""Tallies reconcile exactly with the events they summarise (seeded random event sets)."""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from ceasefire.assess import assess, load_agreement, tally
from ceasefire.assess.tally import COLUMNS
from ceasefire.cli import cli
from ceasefire.model import SUB_EVENT_TYPES, Event

SYRIA = "Military Forces of Syria (2000-)"
ACTORS = [  # (actor1 as written, the party a tally should file it under)
    ("Military Forces of Russia (2000-)", "Military Forces of Russia (2000-)"),
    ("4th Armoured Division", SYRIA),
    ("Syrian regime forces", SYRIA),
    (SYRIA, SYRIA),
    ("Islamic State", "Islamic State"),
    ("Jabhat al-Nusra", "Jabhat al-Nusra"),
    ("Opposition Rebels (Syria)", "Opposition Rebels (Syria)"),
    ("terrorist groups", "(unidentified)"),
    (None, "(unidentified)"),
    ("Military Forces of Israel (1948-)", "Military Forces of Israel (1948-)"),
]
SUBS = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Suicide bomb", "Attack",
        "Aid blocked", "Siege", "Aid delivered", "Peaceful protest", "Government regains territory"]
ADMIN1 = ["Aleppo", "Idlib", "Rif Dimashq", "Homs", "Deir ez-Zor", "Daraa"]
STATUS_COLUMN = {"violation": "violations", "access_denied": "access_denied", "excluded": "excluded",
                 "unattributed": "unattributed", "none": "none"}


def generate(count: int, seed: int) -> tuple[list[Event], dict[str, list[str]]]:
    """Events plus, for each, the parties its verdicts should be filed under."""
    rng = random.Random(seed)
    events, parties = [], {}
    start = date(2016, 1, 1)
    for index in range(count):
        sub = rng.choice(SUBS)
        day = start + timedelta(days=rng.randrange(0, 425))
        name, party = rng.choice(ACTORS)
        claims, expected = [], [party]
        if rng.random() < 0.08:
            other, other_party = rng.choice([a for a in ACTORS if a[1] != party])
            claims = [{"source": "outlet-a", "report_id": f"a{index}", "actor1": name},
                      {"source": "outlet-b", "report_id": f"b{index}", "actor1": other}]
            expected = [party, other_party]
        event = Event(day.isoformat(), SUB_EVENT_TYPES[sub], sub, actor1=name, admin1=rng.choice(ADMIN1),
                      location=None, country="Syria", fatalities=rng.choice([None, 0, 1, 3, 12, 40]),
                      report_id=f"r{index}", claims=claims)
        events.append(event)
        parties[event.event_id] = expected
    return events, parties


@pytest.fixture(scope="module")
def assessed():
    coh = load_agreement("syria-coh-2016")
    events, parties = generate(3000, seed=2016)
    return list(assess(events, coh)), parties


def expected_rows(events, parties, key_of):
    """Recount from the verdicts, by the rules of the tally's docstring, in plain code."""
    rows: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for event in events:
        verdicts = [v for v in event.verdicts if v["agreement"] == "syria-coh-2016"]
        totals["events"] += 1
        keys = key_of(event)
        if len(verdicts) > 1:
            totals["contested"] += 1
            for key in dict.fromkeys(keys):
                rows[key]["events"] += 1
                rows[key]["contested"] += 1
            continue
        column = STATUS_COLUMN[verdicts[0]["status"]]
        rows[keys[0]]["events"] += 1
        rows[keys[0]][column] += 1
        totals[column] += 1
        if column == "violations":
            rows[keys[0]]["fatalities"] += event.fatalities or 0
            totals["fatalities"] += event.fatalities or 0
    return rows, totals


def check(result, rows, totals):
    got = {row["key"]: {c: row[c] for c in COLUMNS} for row in result.rows}
    want = {key: {c: counts[c] for c in COLUMNS} for key, counts in rows.items()}
    assert got == want
    assert result.totals == {c: totals[c] for c in COLUMNS}


def test_tally_by_party_reconciles(assessed):
    events, parties = assessed
    result = tally(events, "syria-coh-2016", by="party")
    check(result, *expected_rows(events, parties, lambda e: parties[e.event_id]))
    for column in ("violations", "fatalities", "access_denied", "excluded", "unattributed", "none"):
        assert sum(row[column] for row in result.rows) == result.totals[column]
    extra_claims = sum(len(set(p)) - 1 for e in events for p in [parties[e.event_id]] if len(e.verdicts) > 1)
    assert sum(row["events"] for row in result.rows) == result.totals["events"] + extra_claims
    assert result.totals["contested"] > 0 and result.totals["violations"] > 0


def test_tally_by_admin1_reconciles(assessed):
    events, parties = assessed
    result = tally(events, "syria-coh-2016", by="admin1")
    check(result, *expected_rows(events, parties, lambda e: [e.admin1]))
    for column in COLUMNS:
        assert sum(row[column] for row in result.rows) == result.totals[column]


def test_tally_by_week_reconciles(assessed):
    events, parties = assessed
    result = tally(events, "syria-coh-2016", by="week")
    key_of = lambda e: [date.fromisoformat(e.event_date).strftime("%G-W%V")]  # noqa: E731
    check(result, *expected_rows(events, parties, key_of))
    assert result.totals["events"] == len(events)


def test_tally_by_type_and_date_range(assessed):
    events, parties = assessed
    result = tally(events, "syria-coh-2016", by="type", date_from="2016-05-01", date_to="2016-05-31")
    in_may = [e for e in events if e.event_date.startswith("2016-05")]
    check(result, *expected_rows(in_may, parties, lambda e: [e.sub_event_type]))


def test_tally_assesses_events_without_verdicts(assessed):
    events, _ = assessed
    raw = [Event.from_dict({**e.to_dict(), "verdicts": []}) for e in events[:500]]
    assert tally(raw, "syria-coh-2016", by="party").to_dict() == tally(events[:500], "syria-coh-2016").to_dict()


def test_tally_rejects_unknown_key():
    with pytest.raises(ValueError):
        tally([], "syria-coh-2016", by="colour")


def test_tally_cli_csv_total_line_matches_library(assessed, tmp_path):
    events, _ = assessed
    path = tmp_path / "events.jsonl"
    from ceasefire.assess.eventstream import write_events

    with path.open("w", encoding="utf-8") as out:
        write_events(events[:400], out)
    result = CliRunner().invoke(cli, ["tally", "--agreement", "syria-coh-2016", "--by", "admin1",
                                      "--format", "csv", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "admin1," + ",".join(COLUMNS)
    totals = tally(events[:400], "syria-coh-2016", by="admin1").totals
    assert lines[-1] == "TOTAL," + ",".join(str(totals[c]) for c in COLUMNS)
