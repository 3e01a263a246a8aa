"""Reports, mentions, events and their filters, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from ceasefire.errors import ValidationError
from ceasefire.model import Event, Report
from ceasefire.store import EventFilter, Store


def _event(number: int, report_id: str, **fields) -> Event:
    values = dict(event_date=f"2016-05-{number:02d}", event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", actor1="Military Forces of Russia", admin1="Aleppo",
                  country="Syria", location=f"Place {number}", latitude=36.0, longitude=37.0,
                  evidence=[{"report_id": report_id, "sentence": f"Strike number {number}.", "start": 0, "end": 10}])
    values.update(fields)
    return Event(report_id=report_id, **values)


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened


def _fill(store: Store) -> None:
    store.add_reports([Report("r1", "Report one."), Report("r2", "Report two.")])
    store.add_mentions("r1", [_event(1, "r1"), _event(2, "r1", admin1="Idlib", actor2="Civilians (Syria)",
                                                      event_type="Violence against civilians",
                                                      sub_event_type="Attack")])
    store.add_mentions("r2", [_event(3, "r2", actor1="Islamic State", country="Iraq", admin1="Ninewa",
                                     location="Mosul 100%")])


def test_store_reports_are_idempotent_by_content_hash(store):
    first = store.add_reports([Report("a", "Same text."), Report("b", "Same text."), Report("c", "Other.")])
    assert (first.reports_added, first.reports_duplicate) == (2, 1)
    assert first.ids == {"a": "a", "b": "a", "c": "c"}
    again = store.add_reports([Report("z", "Same text.")])
    assert (again.reports_added, again.reports_duplicate, again.ids) == (0, 1, {"z": "a"})
    assert store.count_reports() == 2


def test_store_report_id_reused_for_other_text_is_an_error_not_a_loss(store):
    store.add_reports([Report("a", "First text.")])
    result = store.add_reports([Report("a", "Second text."), Report("b", "Third.")])
    assert [e.code for e in result.errors] == ["E304"]
    assert store.report("a")["text"] == "First text." and store.report("b")["text"] == "Third."


def test_store_mentions_are_idempotent_and_each_is_an_event(store):
    _fill(store)
    again = store.add_mentions("r1", [_event(1, "r1")])
    assert (again.mentions_added, again.mentions_duplicate) == (0, 1)
    assert store.count_events() == 3
    assert store.report("r1")["event_ids"] == sorted(e["event_id"] for e in store.events(EventFilter(report_id="r1")))
    assert len(store.report("r1")["event_ids"]) == 2


def test_store_filters_select_the_right_events(store):
    _fill(store)

    def dates(**values):
        return [e["event_date"] for e in store.events(EventFilter(**values))]

    assert dates() == ["2016-05-03", "2016-05-02", "2016-05-01"]
    assert dates(date_from="2016-05-02", date_to="2016-05-02") == ["2016-05-02"]
    assert dates(event_type="Violence against civilians") == ["2016-05-02"]
    assert dates(sub_event_type="Air/drone strike") == ["2016-05-03", "2016-05-01"]
    assert dates(actor="civilians") == ["2016-05-02"]
    assert dates(actor="RUSSIA") == ["2016-05-02", "2016-05-01"]
    assert dates(admin1="Idlib") == ["2016-05-02"]
    assert dates(country="Iraq") == ["2016-05-03"]
    assert dates(text="strike number 1") == ["2016-05-01"]
    assert dates(text="100%") == ["2016-05-03"]
    assert dates(text="%") == ["2016-05-03"]
    assert dates(report_id="r2") == ["2016-05-03"]
    assert dates(review_status="verified") == []
    assert store.count_events(EventFilter(actor="russia")) == 2
    assert [e["event_date"] for e in store.events(EventFilter(), limit=1, offset=1)] == ["2016-05-02"]


def test_store_verdict_filter_and_replacement_per_agreement(store):
    _fill(store)
    ids = [e["event_id"] for e in store.events(EventFilter())]
    store.set_verdicts("cessation-2016", {ids[0]: [{"agreement": "cessation-2016", "status": "excluded",
                                                    "reason": "listed group"}],
                                          ids[1]: [{"agreement": "cessation-2016", "status": "violation",
                                                    "reason": "strike", "claim": {"source": "x"}}]})
    store.set_verdicts("other", {ids[2]: [{"agreement": "other", "status": "violation", "reason": "r"}]})
    assert [e["event_id"] for e in store.events(EventFilter(verdict="violation"))] == [ids[1], ids[2]]
    assert [e["event_id"] for e in store.events(EventFilter(verdict="violation", agreement="other"))] == [ids[2]]
    assert store.event(ids[1])["verdicts"][0]["claim"] == {"source": "x"}
    store.set_verdicts("cessation-2016", {ids[0]: [{"agreement": "cessation-2016", "status": "none",
                                                    "reason": "recomputed"}]})
    assert [v["status"] for v in store.verdicts(agreement="cessation-2016")] == ["none"]
    assert len(store.verdicts()) == 2
    with pytest.raises(ValidationError):
        store.set_verdicts("x", {ids[0]: [{"status": "maybe"}]})


def test_store_event_detail_has_evidence_reports_and_history(store):
    _fill(store)
    [event_id] = [e["event_id"] for e in store.events(EventFilter(report_id="r2"))]
    found = store.event(event_id)
    assert found["evidence"][0]["sentence"] == "Strike number 3."
    assert [r["text"] for r in found["reports"]] == ["Report two."]
    assert [m["mention_id"] for m in found["mentions"]] == [event_id]
    assert found["history"] == [] and found["review_status"] == "unverified"
    assert store.event("nope") is None and store.report("nope") is None


def test_store_bad_filter_is_a_validation_error(store):
    with pytest.raises(ValidationError) as raised:
        store.events(EventFilter(date_from="yesterday"))
    assert raised.value.field == "date_from"
    assert EventFilter.from_dict({"actor": "x", "bogus": 1, "admin1": ""}) == EventFilter(actor="x")


def test_store_relink_keeps_review_of_unchanged_events(store):
    from ceasefire.store import User

    _fill(store)
    analyst = User("ana", "analyst")
    ids = sorted(e["event_id"] for e in store.events(EventFilter()))
    store.review(ids[0], "verify", analyst, "seen it")
    store.review(ids[1], "correct", analyst, "typo", location="Corrected")
    before = {e["event_id"]: e for e in store.events(EventFilter())}
    summary = store.relink()
    after = {e["event_id"]: e for e in store.events(EventFilter())}
    assert summary["mentions"] == 3
    for event_id in ids:
        if event_id in after:  # mention set unchanged: same id, same decision, same fields
            assert after[event_id]["review_status"] == before[event_id]["review_status"]
            assert after[event_id]["location"] == before[event_id]["location"]
    assert store.relink() == dict(summary, reviews_kept=summary["reviews_kept"], verdicts_dropped=0)
    assert store.audit_verify().ok


def test_store_relink_leaves_analysts_merges_and_reviewed_events_as_they_are(store):
    from ceasefire.store import User

    _fill(store)
    analyst = User("ana", "analyst")
    by_place = {e["location"]: e["event_id"] for e in store.events(EventFilter())}
    first, second, third = by_place["Place 1"], by_place["Place 2"], by_place["Mosul 100%"]
    store.review(first, "merge", analyst, "same strike, two places named", into=second)
    store.review(third, "verify", analyst, "matches the wire")
    # a second report of the verified event, which the linker would join to it
    store.add_reports([Report("r3", "Report three.")])
    store.add_mentions("r3", [_event(3, "r3", actor1="Islamic State", country="Iraq", admin1="Ninewa",
                                     location="Mosul 100%")])
    assert len(store.mentions()) == 4
    summary = store.relink()
    merged, kept = store.event(second), store.event(third)
    assert sorted(m["mention_id"] for m in merged["mentions"]) == sorted([first, second])
    assert store.event(first)["merged_into"] == second
    assert kept["review_status"] == "verified" and [m["report_id"] for m in kept["mentions"]] == ["r2"]
    fresh = [e for e in store.events(EventFilter()) if e["event_id"] not in (second, third)]
    assert [e["report_ids"] for e in fresh] == [["r3"]] and fresh[0]["review_status"] == "unverified"
    assert summary == {"mentions": 4, "events": 3, "reviews_kept": 2, "verdicts_dropped": 0}
    assert store.relink() == summary
    assert store.audit_verify().ok


def test_store_reports_list_newest_first_with_undated_last(store):
    from datetime import date

    store.add_reports([Report("u", "Undated."), Report("o", "Old.", published=date(2016, 1, 2)),
                       Report("n", "New.", published=date(2016, 3, 4), title="Shelling")])
    assert [r["id"] for r in store.reports()] == ["n", "o", "u"]
    assert "text" not in store.reports()[0] and store.reports(with_text=True)[0]["text"] == "New."
    assert [r["id"] for r in store.reports(text="shell")] == ["n"] and store.count_reports(text="OLD") == 1
