"""Merged events keep every source's claim: attribution, fatalities, independent sources."""
from __future__ import annotations

from test_link_mentions import mention

from ceasefire.link import contested_actors, fatality_range, link_mentions


def only(linked):
    assert len(linked) == 1, [le.mention_ids for le in linked]
    return linked[0]


def test_link_contested_attribution_keeps_both_claims():
    regime = mention("r1", "etilaf", actor1="Military Forces of Syria", fatalities=12)
    rebels = mention("r2", "sana", actor1="Opposition Rebels (Syria)", fatalities=40)
    linked = only(link_mentions([regime, rebels]))
    claims = {c["source"]: c["actor1"] for c in linked.event.claims}
    assert claims == {"etilaf": "Military Forces of Syria", "sana": "Opposition Rebels (Syria)"}
    assert contested_actors(linked.event) == {"Military Forces of Syria": ["etilaf"],
                                              "Opposition Rebels (Syria)": ["sana"]}
    assert linked.event.actor1 is None  # one source each: unattributed
    assert "contested attribution" in linked.event.notes


def test_link_contested_majority_of_independent_sources_wins():
    a = mention("r1", "etilaf", actor1="Military Forces of Syria")
    b = mention("r2", "aljazeera", actor1="Military Forces of Syria")
    c = mention("r3", "sana", actor1="Opposition Rebels (Syria)")
    event = only(link_mentions([a, b, c])).event
    assert event.actor1 == "Military Forces of Syria"
    assert set(contested_actors(event)) == {"Military Forces of Syria", "Opposition Rebels (Syria)"}


def test_link_fatality_low_best_high():
    counts = {"r1": 12, "r2": 40, "r3": 19, "r4": None}
    sources = {"r1": "sana", "r2": "etilaf", "r3": "aljazeera", "r4": "trt"}
    linked = only(link_mentions([mention(r, sources[r], fatalities=n) for r, n in counts.items()]))
    assert fatality_range(linked.event) == (12, 19, 40)
    assert linked.event.fatalities == 19


def test_link_fatality_median_rounds_down():
    linked = only(link_mentions([mention("r1", "sana", fatalities=12), mention("r2", "etilaf", fatalities=15)]))
    assert linked.event.fatalities == 13  # median 13.5, conservative
    assert fatality_range(linked.event) == (12, 13, 15)


def test_link_fatality_range_of_single_mention():
    event = only(link_mentions([mention("r1", fatalities=7)])).event
    assert fatality_range(event) == (7, 7, 7)
    assert fatality_range(only(link_mentions([mention("r2")])).event) == (None, None, None)


def test_link_two_outlets_of_one_owner_counted_once():
    state_agency = mention("r1", "SANA", fatalities=10)
    state_tv = mention("r2", "Syrian state TV", fatalities=10)
    other = mention("r3", "etilaf", fatalities=30)
    linked = only(link_mentions([state_agency, state_tv, other]))
    assert len(linked.mention_ids) == 3
    assert linked.independent_sources == 2
    # the state figure counts once: median of (10, 30), not of (10, 10, 30)
    assert linked.event.fatalities == 20


def test_link_wire_copy_counted_once():
    ahram = mention("r1", "ahram", sentence="Eleven children were killed in a barrel bomb attack, AFP reported.")
    jordan = mention("r2", "jordantimes", sentence="A barrel bomb killed 11 children on Thursday (AFP).")
    reuters = mention("r3", "reuters", sentence="Helicopters dropped barrel bombs on the district, a monitor said.")
    linked = only(link_mentions([ahram, jordan, reuters]))
    assert linked.independent_sources == 2
    groups = {c["report_id"]: c["independent_group"] for c in linked.event.claims}
    assert groups["r1"] == groups["r2"] != groups["r3"]


def test_link_near_identical_evidence_counted_once():
    text = ("Airstrikes by US-led coalition fighter jets have killed at least 21 civilians in northern "
            "Syrian territories held by ISIL terrorists")
    a = mention("r1", "manar", sentence=text)
    b = mention("r2", "alaraby", sentence=text.replace("ISIL terrorists", "the Islamic State group"))
    c = mention("r3", "etilaf", sentence="The regime bombed the town at dawn, activists said.")
    linked = only(link_mentions([a, b, c]))
    assert linked.independent_sources == 2


def test_link_unknown_outlets_are_independent():
    linked = only(link_mentions([mention("r1", "Some Local Blog"), mention("r2", "Another Paper")]))
    assert linked.independent_sources == 2


def test_link_merged_event_keeps_all_reports_and_evidence():
    a, b = mention("r1", "sana"), mention("r2", "etilaf")
    event = only(link_mentions([a, b])).event
    assert event.report_ids == ["r1", "r2"]
    assert [e["report_id"] for e in event.evidence] == ["r1", "r2"]
    assert {c["event_id"] for c in event.claims} == {a.event_id, b.event_id}
