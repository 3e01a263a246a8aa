"""Linking mentions across reports: which pairs merge, which never do, and why."""
from __future__ import annotations

import random

from ceasefire.link import LinkConfig, explain, link_mentions
from ceasefire.model import Event


def mention(report: str, source: str | None = None, *, day: str = "2016-07-19", precision: str = "day",
            event_type: str = "Explosions/Remote violence", sub: str = "Air/drone strike",
            place: str | None = "Tokhar", admin1: str | None = "Aleppo", admin2: str | None = "Manbij",
            lat: float | None = None, lon: float | None = None, actor1: str | None = None,
            actor2: str | None = None, fatalities: int | None = None, sentence: str | None = None,
            country: str = "Syria") -> Event:
    """One hand-written mention, as extraction would give it."""
    text = sentence or f"{source or report} report {report}"  # too short to look like a copy
    return Event(
        event_date=day, date_precision=precision, event_type=event_type, sub_event_type=sub,
        location=place, admin1=admin1, admin2=admin2, country=country, latitude=lat, longitude=lon,
        geo_precision=1 if place else 3, actor1=actor1, actor2=actor2, fatalities=fatalities,
        report_id=report, source=source or report,
        evidence=[{"report_id": report, "sentence": text, "start": 0, "end": len(text)}],
    )


def groups(linked) -> list[list[str]]:
    """Report ids of each linked event, for readable assertions."""
    return sorted(sorted(le.event.report_ids) for le in linked)


def test_link_same_event_two_sources_merged():
    a = mention("r1", "sana", fatalities=12)
    b = mention("r2", "reuters", fatalities=40)
    linked = link_mentions([a, b])
    assert groups(linked) == [["r1", "r2"]]
    event = linked[0].event
    assert sorted(c["report_id"] for c in event.claims) == ["r1", "r2"]
    assert linked[0].mention_ids == sorted([a.event_id, b.event_id])
    assert len(linked[0].reasons) == 1 and "same place 'Tokhar'" in linked[0].reasons[0]


def test_link_different_days_not_merged():
    linked = link_mentions([mention("r1", day="2016-07-19"), mention("r2", day="2016-07-22")])
    assert groups(linked) == [["r1"], ["r2"]]


def test_link_day_window_is_one_day():
    assert explain(mention("r1", day="2016-07-19"), mention("r2", day="2016-07-20"))[0]
    assert not explain(mention("r1", day="2016-07-19"), mention("r2", day="2016-07-21"))[0]


def test_link_coarse_precision_widens_window():
    exact = mention("r1", day="2016-07-19")
    week = mention("r2", day="2016-07-14", precision="week")
    month = mention("r3", day="2016-07-01", precision="month")
    august = mention("r4", day="2016-08-01", precision="month")
    assert explain(exact, week)[0]
    assert explain(exact, month)[0]
    assert not explain(exact, august)[0]
    assert not explain(mention("r5", day="2016-07-30"), week)[0]  # 16 days from a week-precise date


def test_link_coarse_month_found_by_blocking():
    # the month-precise mention is dated the 1st; the exact one on the 28th must still be found
    linked = link_mentions([mention("r1", day="2016-07-28"), mention("r2", day="2016-07-01", precision="month")])
    assert groups(linked) == [["r1", "r2"]]


def test_link_different_governorates_never_merged():
    a = mention("r1", admin1="Aleppo", lat=36.2, lon=37.1)
    b = mention("r2", admin1="Idlib", lat=36.2, lon=37.1)
    assert groups(link_mentions([a, b])) == [["r1"], ["r2"]]
    ok, reasons = explain(a, b)
    assert not ok and "different admin1" in reasons[0]


def test_link_same_report_never_merged():
    a = mention("r1", place="Tokhar")
    b = mention("r1", place="Tokhar", sub="Shelling/artillery/missile attack")
    c = mention("r2", place="Tokhar")
    linked = link_mentions([a, b, c])
    assert all(len(le.event.report_ids) == len(le.mention_ids) for le in linked)
    assert sorted(len(le.mention_ids) for le in linked) == [1, 2]
    ok, reasons = explain(a, b)
    assert not ok and "same report" in reasons[0]


def test_link_nearby_coordinates_merge_far_do_not():
    a = mention("r1", place="Tokhar", admin2=None, lat=36.600, lon=37.950)
    near = mention("r2", place="Hoshariyeh", admin2=None, lat=36.620, lon=37.990)
    far = mention("r3", place="Jarablus", admin2=None, lat=36.817, lon=38.011)
    assert explain(a, near)[0]
    ok, reasons = explain(a, far)
    assert not ok and "different places" in reasons[-1]


def test_link_same_admin2_merges_different_villages():
    ok, reasons = explain(mention("r1", place="Tokhar"), mention("r2", place="Hoshariyeh"))
    assert ok and "same admin2 'Manbij'" in reasons


def test_link_shelling_vs_clash_same_place_and_day():
    shelling = mention("r1", sub="Shelling/artillery/missile attack", place="Jobar", admin2="Damascus")
    clash = mention("r2", event_type="Battles", sub="Armed clash", place="Jobar", admin2="Damascus")
    ok, reasons = explain(shelling, clash)
    assert ok and "compatible types" in reasons[0]
    nearby = mention("r3", event_type="Battles", sub="Armed clash", place="Qaboun", admin2="Damascus")
    assert not explain(shelling, nearby)[0]  # different types need the same place, not just the district
    protest = mention("r4", event_type="Protests", sub="Peaceful protest", place="Jobar", admin2="Damascus")
    assert not explain(shelling, protest)[0]


def test_link_contested_needs_strong_agreement():
    regime = mention("r1", "etilaf", actor1="Military Forces of Syria", sub="Shelling/artillery/missile attack",
                     place="Salah al-Din")
    rebels = mention("r2", "sana", actor1="Opposition Rebels (Syria)", sub="Shelling/artillery/missile attack",
                     place="Salah al-Din")
    ok, reasons = explain(regime, rebels)
    assert ok and any("contested attribution" in r for r in reasons)
    elsewhere = mention("r3", "sana", actor1="Opposition Rebels (Syria)", sub="Shelling/artillery/missile attack",
                        place="Bustan al-Qasr")  # same district only: too weak to overrule the actors
    assert not explain(regime, elsewhere)[0]


def test_link_chain_cannot_bridge_a_conflict():
    # r2 has no actor, so it fits both; but r1 and r3 blame different actors on different days
    r1 = mention("r1", actor1="Military Forces of Syria", day="2016-07-19")
    r2 = mention("r2", day="2016-07-20")
    r3 = mention("r3", actor1="Islamic State", day="2016-07-21")
    linked = link_mentions([r1, r2, r3])
    assert ["r1", "r2", "r3"] not in groups(linked)
    assert sum(len(le.mention_ids) for le in linked) == 3


def test_link_deterministic_under_shuffled_input():
    mentions = [mention(f"r{i}", day=f"2016-07-{10 + i % 5:02d}", place=("Tokhar", "Manbij", "Bab")[i % 3],
                        actor1=(None, "Islamic State")[i % 2], fatalities=i) for i in range(30)]
    baseline = [(le.event.event_id, le.mention_ids, le.reasons, le.event.fatalities) for le in link_mentions(mentions)]
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        again = [(le.event.event_id, le.mention_ids, le.reasons, le.event.fatalities)
                 for le in link_mentions(shuffled)]
        assert again == baseline
    assert len(baseline) < len(mentions)


def test_link_linked_event_id_is_stable():
    a, b = mention("r1"), mention("r2")
    first = link_mentions([a, b])[0].event.event_id
    assert first == link_mentions([b, a])[0].event.event_id
    assert first.startswith("ev-") and first not in (a.event_id, b.event_id)
    assert link_mentions([a])[0].event.event_id == a.event_id  # a lone mention keeps its id


def test_link_explain_gives_reasons():
    ok, reasons = explain(mention("r1", actor1="Islamic State"), mention("r2", actor1="Islamic State"))
    assert ok
    assert reasons == [
        "same sub-type 'Air/drone strike'",
        "dates 2016-07-19 / 2016-07-19 (0 days apart, day/day precision)",
        "same place 'Tokhar'",
        "same actor1 'Islamic State'",
    ]


def test_link_config_distance_threshold():
    a = mention("r1", place="Tokhar", admin2=None, lat=36.60, lon=37.95)
    b = mention("r2", place="Hoshariyeh", admin2=None, lat=36.65, lon=38.05)  # about 10.5 km
    assert not explain(a, b)[0]
    assert explain(a, b, LinkConfig(max_km=15))[0]


def test_link_unidentified_actor_is_no_actor():
    claimed = mention("r1", actor1="Islamic State", sub="Remote explosive/landmine/IED", place="Qamishli")
    unknown = mention("r2", actor1="Unidentified Armed Group (Syria)", event_type="Violence against civilians",
                      sub="Attack", place="Qamishli")
    ok, reasons = explain(claimed, unknown)
    assert ok and "actor1 given on one side only" in reasons


def test_link_day_apart_needs_same_type_and_place():
    a = mention("r1", place="Tokhar", day="2016-07-19")
    same_district = mention("r2", place="Hoshariyeh", day="2016-07-20")
    assert explain(a, mention("r3", place="Hoshariyeh", day="2016-07-19"))[0]
    ok, reasons = explain(a, same_district)
    assert not ok and reasons[-1] == "a day apart needs the same type and the same place"


def test_link_coarse_date_needs_same_place():
    exact = mention("r1", place="Tokhar", day="2016-07-19")
    week_same_district = mention("r2", place="Hoshariyeh", day="2016-07-14", precision="week")
    ok, reasons = explain(exact, week_same_district)
    assert not ok and "week- or month-precise date" in reasons[-1]


def test_link_admin2_only_needs_same_sub_type():
    a = mention("r1", place="Tokhar", sub="Air/drone strike")
    b = mention("r2", place="Hoshariyeh", sub="Shelling/artillery/missile attack")
    ok, reasons = explain(a, b)
    assert not ok and reasons[-1] == "a match on admin2 or admin1 only needs the same sub-type"
    governorate_only = mention("r3", place=None, admin2=None)
    assert explain(a, governorate_only)[0]
    assert not explain(a, mention("r4", place=None, admin2=None, day="2016-07-20"))[0]
