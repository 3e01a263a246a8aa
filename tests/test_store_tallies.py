"""Tallies counted in SQL give exactly the rows of the Python tally, on SQLite and PostgreSQL."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, text

from ceasefire.assess import assess, load_agreement, tally
from ceasefire.assess.tally import KEYS
from ceasefire.model import SUB_EVENT_TYPES, Event
from ceasefire.store import EventFilter, Store
from ceasefire.store.database import alembic_config

AGREEMENT = "syria-coh-2016"
ACTORS = ["Military Forces of Russia (2000-)", "4th Armoured Division", "Syrian regime forces",
          "Military Forces of Syria (2000-)", "Islamic State", "Jabhat al-Nusra", "Opposition Rebels (Syria)",
          "terrorist groups", None, "", "Some Militia Nobody Knows", "Military Forces of Israel (1948-)"]
SUBS = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Suicide bomb", "Attack",
        "Aid blocked", "Siege", "Aid delivered", "Peaceful protest", "Government regains territory"]
ADMIN1 = ["Aleppo", "Idlib", "Rif Dimashq", "Homs", "Deir ez-Zor", "Daraa", None]
FILTERS = [EventFilter(), EventFilter(date_from="2016-03-01", date_to="2016-03-31"), EventFilter(admin1="Aleppo"),
           EventFilter(actor="syria"), EventFilter(verdict="violation", agreement=AGREEMENT),
           EventFilter(event_type="Explosions/Remote violence", date_from="2016-02-20")]


def generate(count: int, seed: int) -> list[Event]:
    """Events over 2016 with contested claims, unknown and unnamed perpetrators, convoys blocked
    by someone other than the aid provider, and events without a governorate."""
    rng = random.Random(seed)
    events = []
    for index in range(count):
        sub = rng.choice(SUBS)
        name = rng.choice(ACTORS)
        actor2 = rng.choice([None, "Civilians (Syria)", "Islamic State", "Military Forces of Syria (2000-)"])
        if sub == "Aid blocked" and rng.random() < 0.5:
            name, actor2 = "United Nations", rng.choice(["Military Forces of Syria (2000-)", "Islamic State", None])
        claims = []
        if rng.random() < 0.1:
            other = rng.choice([a for a in ACTORS if a != name])
            claims = [{"source": "outlet-a", "report_id": f"a{index}", "actor1": name},
                      {"source": "outlet-b", "report_id": f"b{index}", "actor1": other}]
        day = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 300))
        events.append(Event(day.isoformat(), SUB_EVENT_TYPES[sub], sub, actor1=name, actor2=actor2,
                            admin1=rng.choice(ADMIN1), location=None, country="Syria",
                            fatalities=rng.choice([None, 0, 1, 3, 12]), report_id=f"r{index}", claims=claims,
                            evidence=[{"report_id": f"r{index}", "sentence": "Aid trucks were removed.",
                                       "start": 0, "end": 10}] if rng.random() < 0.3 else []))
    return events


@pytest.fixture(scope="module")
def assessed() -> list[Event]:
    return list(assess(generate(400, seed=5), load_agreement(AGREEMENT)))


@pytest.fixture
def store(db_url, assessed):
    """The events stored; verdicts stored for all but every fifth event."""
    with Store.open(db_url) as opened:
        opened.add_mentions(None, assessed)
        opened.set_verdicts(AGREEMENT, {event.event_id: [v for v in event.verdicts if v["agreement"] == AGREEMENT]
                                        for number, event in enumerate(assessed) if number % 5})
        yield opened


def _python(store: Store, filters: EventFilter, by: str) -> dict:
    return tally(store.iter_events(filters), AGREEMENT, by=by).to_dict()


@pytest.mark.parametrize("by", KEYS)
def test_sql_tally_equals_python_tally_for_every_filter(store, by):
    for filters in FILTERS:
        sql = store.tally(AGREEMENT, by=by, filters=filters).to_dict()
        assert sql == _python(store, filters, by), (by, filters)
    assert sql["totals"]["events"] > 0


def test_sql_tally_of_the_store_equals_the_tally_of_the_assessed_events(store, assessed):
    """Stored party keys and contested flags are what the Python tally works out from the
    judge's verdicts; events stored without verdicts are assessed on the fly."""
    assert store.count_events(EventFilter(agreement=AGREEMENT)) == len(assessed) - len(assessed[::5])
    for by in KEYS:
        assert store.tally(AGREEMENT, by=by).to_dict() == tally(assessed, AGREEMENT, by=by).to_dict()
    totals = store.tally(AGREEMENT).totals
    assert totals["contested"] > 0 and totals["violations"] > 0 and totals["access_denied"] > 0
    assert totals["events"] == len(assessed)


def test_sql_tally_rows_name_the_rolled_up_party(store):
    rows = {row["key"]: row for row in store.tally(AGREEMENT).rows}
    assert "Military Forces of Syria (2000-)" in rows and "(unidentified)" in rows
    assert "4th Armoured Division" not in rows and "Syrian regime forces" not in rows
    assert "Some Militia Nobody Knows" in rows  # unknown names are kept as written


def test_sql_tally_reads_verdicts_stored_without_party(store):
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE verdicts SET party = NULL WHERE status = 'violation'"))
    for by in ("party", "admin1"):
        assert store.tally(AGREEMENT, by=by).to_dict() == _python(store, EventFilter(), by)


def test_sql_tally_rejects_unknown_key(store):
    with pytest.raises(ValueError):
        store.tally(AGREEMENT, by="colour")


def test_set_verdicts_records_party_and_contested(store, assessed):
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT event_id, party, contested FROM verdicts")).all()
    contested = {event.event_id for event in assessed if len(event.verdicts) > 1}
    assert rows and all(row.party for row in rows)
    assert {row.event_id for row in rows if row.contested} == {e for e in contested if e in {r.event_id for r in rows}}


def test_migration_fills_party_and_contested_of_verdicts_stored_before(db_url, assessed):
    """Verdicts stored before 0005 kept no party: they get the one the tally worked out from
    the perpetrator's name (the judge's own, e.g. who blocked a convoy, comes with re-assessing)."""
    from alembic import command

    unparty = [Event.from_dict({**e.to_dict(), "verdicts": [{k: x for k, x in v.items() if k != "party"}
                                                             for v in e.verdicts]}) for e in assessed]
    want = {by: tally(unparty, AGREEMENT, by=by).to_dict() for by in KEYS}
    assert want["party"] != tally(assessed, AGREEMENT).to_dict()  # the blocked convoys
    with Store.open(db_url) as store:
        store.add_mentions(None, assessed)
        store.set_verdicts(AGREEMENT, {e.event_id: e.verdicts for e in assessed})
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0004")
            assert "party" not in {column["name"] for column in inspect(connection).get_columns("verdicts")}
    with Store.open(db_url) as store:
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM verdicts WHERE party IS NULL")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM verdicts WHERE contested")).scalar() > 0
        for by in KEYS:
            assert store.tally(AGREEMENT, by=by).to_dict() == want[by]
            spring = EventFilter(date_from="2016-03-01", date_to="2016-05-31")  # read from the copies
            assert store.tally(AGREEMENT, by=by, filters=spring).to_dict() == _python(store, spring, by)


def test_sql_tally_follows_a_corrected_fatality_count(store, assessed):
    """The verdict rows' copy of the event's fatalities follows corrections made in review."""
    store.add_user("ana", "analyst")
    target = next(e for number, e in enumerate(assessed)  # one whose verdicts are stored
                  if number % 5 and [v["status"] for v in e.verdicts] == ["violation"])
    before = store.tally(AGREEMENT).totals["fatalities"]
    store.review(target.event_id, "correct", store.user("ana"), "recount from the hospital list",
                 fatalities=(target.fatalities or 0) + 100)
    after = store.tally(AGREEMENT)
    assert after.totals["fatalities"] == before + 100
    assert after.to_dict() == _python(store, EventFilter(), "party")


def test_sql_tally_over_a_date_range_follows_reviews(store, assessed):
    """Tallies over a date range read the verdicts' copies of date, governorate and merged_into:
    corrections and merges made in review reach them."""
    ana = store.add_user("ana", "analyst") and store.user("ana")
    march = [e for number, e in enumerate(assessed) if number % 5 and e.event_date.startswith("2016-03")]
    store.review(march[0].event_id, "correct", ana, "wrong month", event_date="2016-04-02")
    store.review(march[1].event_id, "correct", ana, "wrong place", admin1="Hama", location="Hama")
    store.review(march[2].event_id, "merge", ana, "same strike", into=march[3].event_id)
    in_march = EventFilter(date_from="2016-03-01", date_to="2016-03-31")
    for filters in (in_march, EventFilter(date_from="2016-03-01", date_to="2016-04-30", admin1="Hama"),
                    EventFilter(date_to="2016-04-10", include_merged=True)):
        for by in KEYS:
            assert store.tally(AGREEMENT, by=by, filters=filters).to_dict() == _python(store, filters, by)
    rows = {row["key"]: row["events"] for row in store.tally(AGREEMENT, by="admin1", filters=in_march).rows}
    assert rows["Hama"] == 1


def test_assess_store_stores_party_keys_of_an_agreement_read_from_a_file(db_url, assessed, tmp_path):
    """An agreement that is not installed: the party keys come from its own actor registry."""
    from ceasefire.assess import read_agreement
    from ceasefire.assess.agreements import installed_agreements
    from ceasefire.pipeline import assess_store

    source = installed_agreements()[AGREEMENT].read_text(encoding="utf-8")
    path = tmp_path / "local.yaml"
    path.write_text(source.replace(f"id: {AGREEMENT}", "id: local-coh", 1), encoding="utf-8")
    local = read_agreement(path)
    with Store.open(db_url) as store:
        store.add_mentions(None, [Event.from_dict({**e.to_dict(), "verdicts": []}) for e in assessed])
        assess_store(store, local)
        result = store.tally(local).to_dict()
        assert result == tally(store.iter_events(), local).to_dict()
        assert "(unidentified)" in {row["key"] for row in result["rows"]}


def test_verdicts_of_events_not_stored_are_left_out(store, assessed):
    """As relink drops them: a tally over the verdicts alone then counts only stored events."""
    one = next(e for e in assessed if len(e.verdicts) == 1)
    stored = store.set_verdicts(AGREEMENT, {"no-such-event": one.verdicts, one.event_id: one.verdicts})
    assert stored == 1 and {v["event_id"] for v in store.verdicts(agreement=AGREEMENT)} == {one.event_id}
    assert store.tally(AGREEMENT).to_dict() == tally(assessed, AGREEMENT).to_dict()
