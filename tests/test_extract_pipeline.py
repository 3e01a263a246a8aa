"""Extraction end to end on short reports written for these tests."""
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceasefire import extract as extraction
from ceasefire.model import EVENT_TYPES


def extract(text, published="2016-05-24"):
    return extraction.extract(text, published=published, report_id="r1")


def only(events):
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


def test_extract_air_strike_by_russia():
    event = only(extract("Russian air strikes hit the only road into Aleppo on Sunday, violating the truce."))
    assert event.sub_event_type == "Air/drone strike"
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 == "Military Forces of Russia (2000-)"
    assert event.admin1 == "Aleppo"
    assert event.event_date == "2016-05-22"


def test_extract_one_event_per_place_of_a_list():
    events = extract("Seven car bombs in Tartus and Jableh killed over 140 people on Monday, claimed by Daech.")
    assert sorted(e.admin1 for e in events) == ["Latakia", "Tartus"]
    assert {e.actor1 for e in events} == {"Islamic State"}
    assert {e.sub_event_type for e in events} == {"Remote explosive/landmine/IED"}
    assert {e.fatalities for e in events} == {None}  # one toll for two places can't be split
    assert {e.event_date for e in events} == {"2016-05-23"}


def test_extract_blocked_convoy_names_who_blocked_it():
    event = only(extract("A four-truck convoy to besieged Daraya turned back on Thursday after the "
                         "4th Armoured Division demanded it be unloaded.", published="2016-05-13"))
    assert event.event_type == "Humanitarian access"
    assert event.sub_event_type == "Aid blocked"
    assert event.admin1 == "Rif Dimashq"
    assert "4th Armoured Division" in event.actor1


def test_extract_evidence_is_the_exact_sentence():
    text = "Heavy rain fell in the north. Unidentified gunmen shot dead two civilians in Douma on Friday."
    event = only(extract(text))
    evidence = event.evidence[0]
    assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
    assert evidence["sentence"].startswith("Unidentified gunmen")
    assert event.fatalities == 2
    assert event.sub_event_type == "Attack" and event.actor2 == "Civilians (Syria)"


def test_extract_killing_of_fighters_is_a_battle():
    event = only(extract("On 8 May 2016, unidentified gunmen assassinated an SDF fighter in Manbij."))
    assert event.sub_event_type == "Armed clash"
    assert event.actor2.startswith("SDF")


def test_extract_partisan_label_is_unidentified():
    event = only(extract("Terrorist groups fired rocket shells on Aleppo city on Saturday, killing 12 civilians.",
                         published="2016-06-04"))
    assert event.actor1 == "Unidentified Armed Group (Syria)"
    assert event.fatalities == 12


def test_extract_no_deaths_reported_is_zero_fatalities():
    event = only(extract("On 9 May 2020, regime forces shelled the outskirts of Nayrab in Idleb using artillery "
                         "fire. Neither fatalities nor injuries were reported.", published="2020-05-09"))
    assert event.fatalities == 0
    assert event.admin1 == "Idlib"


def test_extract_aggregate_and_statement_are_not_events():
    assert extract("The war has killed 408 civilians in Madaya since 2014.") == []
    assert extract("The Security Council condemned attacks on hospitals in Aleppo.") == []


def test_extract_village_in_named_province():
    event = only(extract("Regime warplanes bombed the village of Zara, in the central province of Hama, on Monday."))
    assert event.admin1 == "Hama"
    assert event.location == "Zara"


def test_extract_elaboration_adds_to_the_event_before():
    text = ("Russian jets struck the National Hospital in Idlib late on Monday. "
            "At least 35 civilians were killed and dozens injured.")
    event = only(extract(text, published="2016-05-31"))
    assert event.fatalities == 35
    assert event.event_date == "2016-05-30"
    assert len(event.evidence) == 2


def test_extract_types_and_subtypes_are_from_the_contract():
    text = ("Clashes erupted between the Syrian army and Nusra Front near Khan Touman on Friday. "
            "Protesters rallied in Maarat al-Numan on Saturday. Security forces arrested ten men in Homs on Sunday.")
    events = extract(text, published="2016-05-23")
    assert events
    for event in events:
        assert event.sub_event_type in EVENT_TYPES[event.event_type]


def test_extract_event_ids_are_stable():
    text = "Unidentified gunmen shot dead two civilians in Douma on Friday."
    assert [e.event_id for e in extract(text)] == [e.event_id for e in extract(text)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_extract_never_raises_on_arbitrary_text(text):
    events = extraction.extract(text, published=date(2016, 5, 1))
    for event in events:
        evidence = event.evidence[0]
        assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Russian warplanes", "bombed", "shelled", "in Aleppo", "Daraya", "killing 12", "on Monday", "IS", "the convoy",
    "was blocked", "at least", "dozens", "Hama province", ",", ".", "\n", "terrorists", "clashes", "0", "-"]),
    max_size=40))
def test_extract_never_raises_on_shuffled_report_words(words):
    extraction.extract(" ".join(words), published="2016-05-01")


def test_extract_reports_keeps_order_across_workers():
    from ceasefire.model import Report

    reports = [Report(id=str(i), text=f"Regime forces shelled Douma on Monday, killing {i + 1} civilians.",
                      published=date(2016, 5, 3)) for i in range(40)]
    one = [(r.id, [e.fatalities for e in evs]) for r, evs in extraction.extract_reports(reports, workers=1)]
    two = [(r.id, [e.fatalities for e in evs]) for r, evs in extraction.extract_reports(reports, workers=2)]
    assert one == two
    assert one[5] == ("5", [6])


def _refuse_report_7(events):
    """A later stage that fails on one report's events."""
    if any(e.report_id == "7" for e in events):
        raise ValueError("report 7 refused")
    return events


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_reports_pairs_a_failure_with_its_report(workers):
    from ceasefire.model import Report

    reports = [Report(id=str(i), text=f"Regime forces shelled Douma on Monday, killing {i + 1} civilians.",
                      published=date(2016, 5, 3)) for i in range(40)]
    found = list(extraction.extract_reports(reports, workers=workers, chunk=6, then=_refuse_report_7))
    assert [r.id for r, _ in found] == [r.id for r in reports]
    failures = [(r, result) for r, result in found if isinstance(result, extraction.ExtractionFailure)]
    assert len(failures) == 1
    report, failure = failures[0]
    assert report.id == "7" and failure.report is report and "report 7 refused" in failure.error
    assert [e.fatalities for e in found[8][1]] == [9]


@pytest.mark.parametrize("name", ["acled_syria_dev", "examples_dev"])
def test_extract_dev_sets_give_events_with_evidence(shared_data, name):
    import json

    rows = [json.loads(line) for line in (shared_data / f"{name}.docs.jsonl").read_text().splitlines()]
    events = [e for row in rows for e in extraction.extract(row["text"], published=row["published"],
                                                               report_id=row["id"])]
    assert len(events) >= len(rows) * 0.9
    assert all(e.evidence and e.report_id for e in events)


def test_extract_claim_of_responsibility_names_the_perpetrator():
    text = ("Car bombs struck Tartus and Jableh on Monday, killing more than 140 people. "
            "The Islamic State group claimed the bombings in a statement.")
    events = extract(text)
    assert len(events) == 2
    assert {e.actor1 for e in events} == {"Islamic State"}


def test_extract_aid_blocked_names_the_obstructing_party_first():
    event = only(extract("A United Nations convoy to Madaya was turned back by government forces on Tuesday.",
                         published="2016-05-18"))
    assert event.sub_event_type == "Aid blocked"
    assert event.actor1 == "Military Forces of Syria (2000-)"
    assert event.actor2 == "United Nations"


def test_extract_placeless_aside_further_on_is_no_event():
    text = ("Regime warplanes struck Douma on Monday, killing 5 civilians. Aid groups appealed for calm. "
            "Residents said the market was crowded. On Sunday, rebels fired mortars at the town.")
    events = extract(text)
    assert [e.event_date for e in events] == ["2016-05-23"]


def test_extract_placeless_dated_toll_further_on_is_an_event_where_the_report_is():
    text = ("Regime warplanes struck Douma on Monday, killing 5 civilians. Aid groups appealed for calm. "
            "Residents said the market was crowded. On Sunday, rebels fired mortars, killing 2 people.")
    events = extract(text)
    assert [(e.event_date, e.location, e.fatalities) for e in events] == [
        ("2016-05-23", "Duma", 5), ("2016-05-22", "Duma", 2)]


def test_extract_toll_since_a_weekday_is_no_event():
    assert extract("Since Saturday at least 68 civilians have been killed in air strikes on Al-Bab.") == []


def test_extract_is_callable_from_the_package_as_the_library_api():
    import ceasefire

    text = "Russian air strikes hit the town of Saraqeb in Idlib province on Sunday, killing at least 19 civilians."
    events = ceasefire.extract(text, published="2016-05-09")
    assert events == ceasefire.extract.extract(text, published="2016-05-09")
    assert [(e.event_date, e.sub_event_type, e.admin1, e.fatalities) for e in events] == [
        ("2016-05-08", "Air/drone strike", "Idlib", 19)]
