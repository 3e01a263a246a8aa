"""Besieged areas as data and the humanitarian-access ledger."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.assess import access_ledger, link_area, load_areas, read_areas
from ceasefire.assess.areas import AREAS_DIR
from ceasefire.cli import cli
from ceasefire.errors import ValidationError
from ceasefire.model import SUB_EVENT_TYPES, Event

SYRIA = "Military Forces of Syria (2000-)"


def event(day, sub, place, admin1="Rif Dimashq", actor1=None, sentence=None, **more):
    if sentence:
        more["evidence"] = [{"report_id": "r", "sentence": sentence, "start": 0, "end": len(sentence)}]
    return Event(day, SUB_EVENT_TYPES[sub], sub, actor1=actor1, location=place, admin1=admin1, country="Syria",
                 report_id="r", **more)


@pytest.fixture(scope="module")
def areas():
    return load_areas("SY")


def by_id(ledger):
    return {status.area.id: status for status in ledger}


def test_access_areas_file_has_the_2016_sieges(areas):
    ids = {area.id for area in areas}
    assert {"daraya", "madaya", "deir-ez-zor", "foua-kefraya", "eastern-ghouta", "moadamiyeh", "yarmouk",
            "al-waer", "kafr-batna", "zabadani", "eastern-aleppo"} <= ids
    deir = next(a for a in areas if a.id == "deir-ez-zor")
    assert deir.besieged_by == ["islamic-state"] and deir.population > 0 and deir.refs
    aleppo = next(a for a in areas if a.id == "eastern-aleppo")
    assert str(aleppo.since) == "2016-07-17"


def test_access_link_by_alias_location_and_proximity(areas):
    assert link_area(event("2016-05-12", "Aid blocked", "Darayya"), areas).id == "daraya"
    assert link_area(event("2016-04-20", "Aid delivered", "Bqine"), areas).id == "madaya"
    assert link_area(event("2016-04-20", "Aid delivered", "Kafr Batna"), areas).id == "kafr-batna"
    near = event("2016-04-20", "Aid delivered", "a village", latitude=33.462, longitude=36.238)
    assert link_area(near, areas).id == "daraya"
    far = event("2016-04-20", "Aid delivered", "Palmyra", admin1="Homs", latitude=34.55, longitude=38.27)
    assert link_area(far, areas) is None


def test_access_link_by_evidence_mention(areas):
    told = event("2016-04-10", "Airdrop", None, admin1="Deir ez-Zor",
                 sentence="A WFP plane dropped food over Deir ez-Zor city.")
    assert link_area(told, areas).id == "deir-ez-zor"


def test_access_ledger_last_delivery_days_and_blocked_by(areas):
    events = [
        event("2016-05-12", "Aid blocked", "Daraya", actor1=SYRIA),
        event("2016-06-01", "Aid partially delivered", "Daraya", actor1="United Nations",
              sentence="Medicines for 4,000 people, but no food."),
        event("2016-06-09", "Aid delivered", "Darayya", actor1="United Nations",
              sentence="Food for 2,400 people for one month."),
        event("2016-06-20", "Aid blocked", "Daraya", actor1=SYRIA),
        event("2016-04-10", "Airdrop", "Deir ez-Zor", admin1="Deir ez-Zor", actor1="United Nations"),
        event("2016-06-09", "Air/drone strike", "Daraya", actor1=SYRIA),  # not an access event
    ]
    ledger = by_id(access_ledger(events, areas, as_of="2016-06-30"))
    daraya = ledger["daraya"]
    assert daraya.last_delivery.isoformat() == "2016-06-09"
    assert daraya.days_without_access == 21
    assert (daraya.deliveries, daraya.blocked) == (2, 2)
    assert daraya.blocked_by == {SYRIA: 2}
    assert daraya.people_reached == 4000 and daraya.population == 4000
    assert [row["date"] for row in daraya.timeline] == ["2016-05-12", "2016-06-01", "2016-06-09", "2016-06-20"]
    assert ledger["deir-ez-zor"].days_without_access == 81
    madaya = ledger["madaya"]
    assert madaya.last_delivery is None and madaya.days_without_access == (
        __import__("datetime").date(2016, 6, 30) - madaya.area.since).days


def test_access_ledger_as_of_ignores_later_events(areas):
    events = [event("2016-05-12", "Aid blocked", "Daraya", actor1=SYRIA),
              event("2016-06-09", "Aid delivered", "Daraya")]
    daraya = by_id(access_ledger(events, areas, as_of="2016-05-31"))["daraya"]
    assert daraya.last_delivery is None and daraya.blocked == 1 and len(daraya.timeline) == 1


def test_access_ledger_default_as_of_is_latest_event(areas):
    ledger = access_ledger([event("2016-06-09", "Aid delivered", "Daraya")], areas)
    assert ledger[0].as_of.isoformat() == "2016-06-09"


AREA_FILE = """\
country: SY
title: Test areas
framing: test
refs: [test]
areas:
  - id: testville
    name: Testville
    status: besieged
    place: {location: Testville, admin1: Homs, lat: 34.7, lon: 36.7}
    besieged_by: [syria-government]
    population: 100
    since: 2016-01-01
    refs: [test]
"""


def area_error(tmp_path: Path, text: str) -> ValidationError:
    path = tmp_path / "areas.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_areas(path)
    return caught.value


def test_access_area_file_valid(tmp_path):
    path = tmp_path / "areas.yaml"
    path.write_text(AREA_FILE, encoding="utf-8")
    assert [a.id for a in read_areas(path).areas] == ["testville"]


def test_access_area_errors_name_file_line_field(tmp_path):
    missing = area_error(tmp_path, AREA_FILE.replace("    population: 100\n", ""))
    assert (missing.line, missing.field) == (6, "areas.0.population") and missing.path.endswith("areas.yaml")
    wrong = area_error(tmp_path, AREA_FILE.replace("population: 100", "population: many"))
    assert (wrong.line, wrong.field) == (11, "areas.0.population")
    actor = area_error(tmp_path, AREA_FILE.replace("[syria-government]", "[syria-gov]"))
    assert (actor.line, actor.field) == (10, "areas.0.besieged_by.0") and "syria-gov" in actor.message
    day = area_error(tmp_path, AREA_FILE.replace("since: 2016-01-01", "since: 2016-13-01"))
    assert (day.line, day.field) == (12, "areas.0.since")
    status = area_error(tmp_path, AREA_FILE.replace("status: besieged", "status: cut off"))
    assert (status.line, status.field) == (8, "areas.0.status")


def test_access_installed_area_files_are_valid():
    for path in AREAS_DIR.glob("*.yaml"):
        assert read_areas(path).areas


def test_access_cli_json_and_table(tmp_path):
    rows = [event("2016-05-12", "Aid blocked", "Daraya", actor1=SYRIA).to_dict(),
            event("2016-06-09", "Aid delivered", "Daraya").to_dict()]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["access", "--as-of", "2016-06-30", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    daraya = next(line for line in json.loads(result.output) if line["area"] == "daraya")
    assert daraya["last_delivery"] == "2016-06-09" and daraya["blocked_by"] == {SYRIA: 1}
    table = runner.invoke(cli, ["access", "--format", "csv", str(path)])
    assert table.exit_code == 0 and table.output.startswith("area,name,status,active")
    assert "daraya,Daraya,besieged,True" in table.output


def test_access_ledger_counts_days_only_while_besieged(areas):
    before = by_id(access_ledger([], areas, as_of="2016-06-30"))
    assert before["eastern-aleppo"].active is False and before["eastern-aleppo"].days_without_access is None
    assert before["madaya"].counted_from == "siege start"
    after = by_id(access_ledger([], areas, as_of="2016-10-01"))
    assert after["daraya"].active is False and after["daraya"].days_without_access is None
    assert after["eastern-aleppo"].days_without_access == 76
