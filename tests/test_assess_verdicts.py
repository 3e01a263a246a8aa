"""Verdicts on hand-written events, one test per rule path of syria-coh-2016."""
from __future__ import annotations

import pytest

from ceasefire.assess import assess, load_agreement
from ceasefire.model import Event

RUSSIA = "Military Forces of Russia (2000-)"
SYRIA = "Military Forces of Syria (2000-)"


@pytest.fixture(scope="module")
def coh():
    return load_agreement("syria-coh-2016")


def event(day, sub, actor1=None, *, place="Aleppo", admin1="Aleppo", country="Syria", sentence=None, **more):
    from ceasefire.model import SUB_EVENT_TYPES

    if sentence:
        more["evidence"] = [{"report_id": "r1", "sentence": sentence, "start": 0, "end": len(sentence)}]
    return Event(day, SUB_EVENT_TYPES[sub], sub, actor1=actor1, location=place, admin1=admin1, country=country,
                 report_id="r1", **more)


def verdicts(coh, *events):
    return [[v for v in e.verdicts if v["agreement"] == coh.id] for e in assess(list(events), coh)]


def one(coh, item):
    (found,) = verdicts(coh, item)
    assert len(found) == 1
    return found[0]


def test_verdicts_bound_party_in_window_is_violation(coh):
    verdict = one(coh, event("2016-05-23", "Air/drone strike", RUSSIA))
    assert verdict["status"] == "violation"
    assert verdict["clause"] == "prohibited.air-strikes"
    assert "Russia is bound" in verdict["reason"] and "Aleppo truce (from 2016-05-05" in verdict["reason"]
    assert "air strikes are prohibited" in verdict["reason"]


def test_verdicts_bound_party_before_window_is_none(coh):
    verdict = one(coh, event("2016-02-20", "Air/drone strike", RUSSIA))
    assert verdict["status"] == "none"
    assert verdict["clause"] == "window"
    assert "outside the agreement's window" in verdict["reason"]


def test_verdicts_after_end_is_none(coh):
    assert one(coh, event("2017-01-15", "Air/drone strike", RUSSIA))["status"] == "none"


def test_verdicts_local_truce_named_only_inside_its_zone(coh):
    inside = one(coh, event("2016-05-10", "Shelling/artillery/missile attack", SYRIA, place="Sheikh Maqsoud"))
    outside = one(coh, event("2016-05-10", "Shelling/artillery/missile attack", SYRIA, place="Palmyra", admin1="Homs"))
    assert inside["status"] == outside["status"] == "violation"
    assert "Aleppo truce" in inside["reason"]
    assert "Aleppo truce" not in outside["reason"] and "while the agreement is in force" in outside["reason"]


def test_verdicts_local_truce_before_its_start_not_named(coh):
    verdict = one(coh, event("2016-05-01", "Air/drone strike", RUSSIA))
    assert verdict["status"] == "violation"
    assert "Aleppo truce" not in verdict["reason"]


def test_verdicts_local_truce_polygon_by_coordinates(coh):
    verdict = one(coh, event("2016-05-10", "Air/drone strike", RUSSIA, place="Some district", latitude=36.2,
                             longitude=37.15))
    assert "Aleppo truce" in verdict["reason"]


def test_verdicts_unit_binds_through_parent(coh):
    verdict = one(coh, event("2016-05-10", "Armed clash", "4th Armoured Division", place="Daraya",
                             admin1="Rif Dimashq"))
    assert verdict["status"] == "violation"
    assert verdict["party"] == SYRIA
    assert "the Syrian government is bound" in verdict["reason"]


def test_verdicts_excluded_perpetrator(coh):
    verdict = one(coh, event("2016-05-23", "Suicide bomb", "Islamic State", place="Jableh", admin1="Latakia",
                             fatalities=140))
    assert verdict["status"] == "excluded"
    assert verdict["clause"] == "excluded.islamic-state"
    assert "Islamic State is excluded" in verdict["reason"]


def test_verdicts_un_designated_group_is_excluded(coh):
    verdict = one(coh, event("2016-05-06", "Non-state actor overtakes territory", "Jabhat Fateh al-Sham",
                             place="Khan Touman"))
    assert verdict["status"] == "excluded"


def test_verdicts_excluded_target_is_none_with_civilian_harm(coh):
    verdict = one(coh, event("2016-07-19", "Air/drone strike", "Global Coalition Against Daesh",
                             actor2="Islamic State", place="Tokhar", fatalities=56,
                             sentence="The strikes on Islamic State positions killed at least 56 civilians."))
    assert verdict["status"] == "none"
    assert "the target, Islamic State, is excluded" in verdict["reason"]
    assert verdict["civilian_harm"] is True
    assert "civilians were reportedly harmed" in verdict["reason"]


def test_verdicts_excluded_target_without_civilians_has_no_flag(coh):
    verdict = one(coh, event("2016-07-19", "Air/drone strike", RUSSIA, actor2="Jabhat al-Nusra", fatalities=12,
                             sentence="Strikes hit Nusra positions, killing 12 fighters."))
    assert verdict["status"] == "none"
    assert "civilian_harm" not in verdict


def test_verdicts_no_actor_is_unattributed(coh):
    verdict = one(coh, event("2016-05-10", "Shelling/artillery/missile attack", None))
    assert verdict["status"] == "unattributed"
    assert "no perpetrator is named" in verdict["reason"]


def test_verdicts_partisan_label_is_unattributed(coh):
    verdict = one(coh, event("2016-04-05", "Shelling/artillery/missile attack", "terrorist groups",
                             place="Sheikh Maqsoud"))
    assert verdict["status"] == "unattributed"
    assert "'terrorist groups' identifies no one" in verdict["reason"]


def test_verdicts_unidentified_actor_is_unattributed(coh):
    assert one(coh, event("2016-05-10", "Remote explosive/landmine/IED",
                          "Unidentified Armed Group (Syria)"))["status"] == "unattributed"


def test_verdicts_aid_blocked_by_bound_party_is_access_denied(coh):
    verdict = one(coh, event("2016-05-12", "Aid blocked", SYRIA, place="Daraya", admin1="Rif Dimashq"))
    assert verdict["status"] == "access_denied"
    assert verdict["clause"] == "obligations.humanitarian-access"
    assert "humanitarian access to Daraya is required" in verdict["reason"]


def test_verdicts_siege_by_excluded_party_is_excluded(coh):
    verdict = one(coh, event("2016-04-10", "Siege", "Islamic State", place="Deir ez-Zor", admin1="Deir ez-Zor"))
    assert verdict["status"] == "excluded"


def test_verdicts_partial_delivery_with_items_removed_is_access_denied(coh):
    removed = one(coh, event("2016-06-01", "Aid partially delivered", SYRIA, place="Darayya", admin1="Rif Dimashq",
                             sentence="Officers removed surgical supplies from the trucks at the checkpoint."))
    plain = one(coh, event("2016-06-01", "Aid partially delivered", SYRIA, place="Darayya", admin1="Rif Dimashq",
                           sentence="The convoy carried medicines but no food."))
    assert removed["status"] == "access_denied"
    assert plain["status"] == "none"


def test_verdicts_delivery_is_not_a_violation(coh):
    assert one(coh, event("2016-06-09", "Aid delivered", "United Nations", place="Daraya",
                          admin1="Rif Dimashq"))["status"] == "none"


def test_verdicts_contested_claims_give_one_verdict_each(coh):
    contested = event("2016-04-05", "Shelling/artillery/missile attack", "Opposition Rebels (Syria)",
                      place="Sheikh Maqsoud", claims=[
                          {"source": "state outlet", "report_id": "a", "actor1": "terrorist groups", "fatalities": 3},
                          {"source": "Kurdish outlet", "report_id": "b", "actor1": "Opposition Rebels (Syria)",
                           "fatalities": 5}])
    (found,) = verdicts(coh, contested)
    assert [v["status"] for v in found] == ["unattributed", "violation"]
    assert [v["claim"]["source"] for v in found] == ["state outlet", "Kurdish outlet"]


def test_verdicts_agreeing_claims_give_one_verdict(coh):
    agreed = event("2016-05-10", "Air/drone strike", RUSSIA, claims=[
        {"source": "a", "actor1": RUSSIA}, {"source": "b", "actor1": "Russian Aerospace Forces"}])
    (found,) = verdicts(coh, agreed)
    assert len(found) == 1 and found[0]["claim"] is None and found[0]["status"] == "violation"


def test_verdicts_other_country_is_out_of_scope(coh):
    verdict = one(coh, event("2016-05-10", "Shelling/artillery/missile attack", "Military Forces of Turkey (2002-)",
                             place="Kilis", admin1="Kilis", country="Turkey"))
    assert verdict["status"] == "none"
    assert verdict["clause"] == "scope"


def test_verdicts_unbound_actor_is_none(coh):
    verdict = one(coh, event("2016-05-10", "Air/drone strike", "Military Forces of Israel (1948-)",
                             place="Quneitra", admin1="Quneitra"))
    assert verdict["status"] == "none"
    assert "is not bound" in verdict["reason"]


def test_verdicts_not_prohibited_act_is_none(coh):
    verdict = one(coh, event("2016-05-10", "Peaceful protest", "Protesters (Syria)"))
    assert verdict["status"] == "none"
    assert "not a prohibited act" in verdict["reason"]


def test_verdicts_medical_facility_clause_cited_first(coh):
    verdict = one(coh, event("2016-04-27", "Air/drone strike", SYRIA,
                             sentence="An air strike destroyed al-Quds hospital in the Sukkari district."))
    assert verdict["clause"] == "prohibited.medical-facilities"


def test_verdicts_tolerant_actor_names(coh):
    acled = one(coh, event("2016-05-10", "Air/drone strike", "Military Forces of Syria (2011-)"))
    wording = one(coh, event("2016-05-10", "Air/drone strike", "Islamic State (Syria)"))
    assert acled["status"] == "violation" and acled["party"] == SYRIA
    assert wording["status"] == "excluded"


def test_verdicts_recomputed_replace_only_their_agreement(coh):
    first = next(assess([event("2016-05-10", "Air/drone strike", RUSSIA,
                               verdicts=[{"agreement": "other", "status": "none", "reason": "x"}])], coh))
    again = next(assess([first], coh))
    assert [v["agreement"] for v in again.verdicts] == ["other", coh.id]


def test_verdicts_leave_other_fields_unchanged(coh):
    original = event("2016-05-10", "Air/drone strike", RUSSIA, fatalities=4, sentence="Jets struck the market.")
    before = original.to_dict()
    assessed = next(assess([original], coh))
    after = assessed.to_dict()
    assert original.to_dict() == before
    assert {k: v for k, v in after.items() if k != "verdicts"} == {k: v for k, v in before.items() if k != "verdicts"}


def test_verdicts_aleppo_truce_agreement_scope():
    truce = load_agreement("syria-aleppo-truce-2016-05")
    city = next(assess([event("2016-05-10", "Air/drone strike", RUSSIA)], truce)).verdicts[0]
    idlib = next(assess([event("2016-05-10", "Air/drone strike", RUSSIA, place="Idlib", admin1="Idlib")], truce)).verdicts[0]
    early = next(assess([event("2016-05-01", "Air/drone strike", RUSSIA)], truce)).verdicts[0]
    assert (city["status"], idlib["status"], early["status"]) == ("violation", "none", "none")
    assert idlib["clause"] == "scope"


def test_verdicts_blocked_convoy_named_by_its_operator_finds_the_blocker(coh):
    named = one(coh, event("2016-05-12", "Aid blocked", "Syrian Arab Red Crescent", actor2="United Nations",
                           place="Daraya", admin1="Rif Dimashq",
                           sentence="The trucks were turned back by government forces at the checkpoint."))
    unnamed = one(coh, event("2016-05-12", "Aid blocked", "United Nations", place="Daraya", admin1="Rif Dimashq",
                             sentence="The convoy could not enter the town."))
    assert named["status"] == "access_denied" and named["party"] == SYRIA
    assert "Syrian Arab Red Crescent ran the aid" in named["reason"]
    assert unnamed["status"] == "unattributed"


def test_verdicts_claim_naming_no_one_does_not_contest(coh):
    partial = event("2016-05-10", "Air/drone strike", RUSSIA, claims=[
        {"source": "a", "actor1": RUSSIA}, {"source": "b", "actor1": None}])
    (found,) = verdicts(coh, partial)
    assert len(found) == 1 and found[0]["status"] == "violation"
