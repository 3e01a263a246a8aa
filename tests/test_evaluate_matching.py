"""Scoring rules on small hand-written rows: dates, documents, the optional list, field accuracy
and document-level governorates. Needs no shared data."""
from __future__ import annotations

import pytest

from ceasefire.errors import InputError
from ceasefire.evaluate import evaluate, evaluate_main_admin1, format_result


def gold(**overrides) -> dict:
    row = {"id": "G1", "doc": "d1", "date": "2016-05-10", "date_tol": 0, "type": "Battles",
           "sub": ["Armed clash"], "actor1": ["SYR"], "actor2": [], "place": "Saraqeb", "admin1": "Idlib",
           "fatalities": None, "verdict": None}
    row.update(overrides)
    return row


def pred(**overrides) -> dict:
    row = {"report_id": "d1", "event_date": "2016-05-10", "date_precision": "day", "event_type": "Battles",
           "sub_event_type": "Armed clash", "actor1": "Military Forces of Syria (2000-)", "actor2": None,
           "location": "Saraqib", "admin1": "Idlib", "fatalities": None, "verdicts": []}
    row.update(overrides)
    return row


def matched(g: dict, p: dict) -> bool:
    return evaluate([g], [p])["matched"] == 1


def test_matching_exact_event_scores_one():
    result = evaluate([gold()], [pred()])
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert result["field_accuracy"]["place"] == 1.0 and result["field_accuracy"]["actor1"] == 1.0


def test_matching_date_tolerance():
    assert not matched(gold(), pred(event_date="2016-05-11"))
    assert matched(gold(date_tol=1), pred(event_date="2016-05-11"))
    assert matched(gold(date_tol=1), pred(event_date="2016-05-09"))
    assert not matched(gold(date_tol=1), pred(event_date="2016-05-12"))
    assert matched(gold(date="2016-05-30", date_tol=3), pred(event_date="2016-06-02"))
    assert matched(gold(date_tol=400), pred(event_date="2017-05-01"))
    assert not matched(gold(date_tol=400), pred(event_date="2017-06-20"))


def test_matching_month_gold_takes_any_day_of_it():
    assert matched(gold(date="2016-05"), pred(event_date="2016-05-31"))
    assert not matched(gold(date="2016-05"), pred(event_date="2016-06-01"))


def test_matching_coarse_precision_compares_month_or_year():
    assert matched(gold(), pred(event_date="2016-05-01", date_precision="month"))
    assert not matched(gold(), pred(event_date="2016-04-30", date_precision="month"))
    assert matched(gold(), pred(event_date="2016-01-01", date_precision="year"))
    assert not matched(gold(), pred(event_date="2015-05-10", date_precision="year"))
    assert matched(gold(), pred(event_date="2016-03-01", date_precision=3))
    assert not matched(gold(), pred(event_date="2016-05-13", date_precision="week"))


def test_matching_unreadable_date_never_matches():
    result = evaluate([gold()], [pred(event_date="soon")])
    assert result["matched"] == 0 and result["false_positives"] == 1


def test_matching_documents_must_agree_when_both_carry_one():
    assert not matched(gold(), pred(report_id="d2"))
    assert matched(gold(), pred(report_id=None, report_ids=["d2", "d1"]))
    assert matched(gold(), pred(report_id=None))
    assert matched(gold(doc=None), pred(report_id="anything"))


def test_matching_governorate_and_type_spellings():
    assert matched(gold(), pred(admin1="Idleb Governorate", event_type=" battles "))
    assert not matched(gold(), pred(admin1="Hama"))
    assert matched(gold(admin1="Deir ez-Zor"), pred(admin1="Deir al-Zour"))


def test_matching_best_pair_first_place_then_sub_then_actor():
    golds = [gold(id="A", place="Ariha"), gold(id="B", place="Saraqeb")]
    preds = [pred(location="Saraqeb"), pred(location="Ariha town")]
    result = evaluate(golds, preds)
    assert result["matched"] == 2 and result["field_accuracy"]["place"] == 1.0
    golds = [gold(id="A", sub=["Government regains territory"]), gold(id="B")]
    result = evaluate(golds, [pred()])
    assert result["missed"] == ["A"]


def test_matching_prediction_used_once():
    result = evaluate([gold(id="A"), gold(id="B")], [pred()])
    assert result["matched"] == 1 and result["missed"] == ["B"]
    result = evaluate([gold()], [pred(), pred()])
    assert (result["matched"], result["false_positives"], result["precision"]) == (1, 1, 0.5)


def test_matching_optional_list_makes_extras_neutral():
    extra = pred(admin1="Aleppo", location="Aleppo")
    assert evaluate([gold()], [pred(), extra])["false_positives"] == 1
    result = evaluate([gold()], [pred(), extra], {("Aleppo", "battles")})
    assert (result["false_positives"], result["neutral"], result["precision"]) == (0, 1, 1.0)
    assert evaluate([gold()], [pred(), extra], {("Aleppo", "any")})["neutral"] == 1
    assert evaluate([gold()], [pred(), extra], {("Aleppo", "protests")})["false_positives"] == 1


def test_matching_prediction_without_admin1_is_not_scored():
    result = evaluate([gold()], [pred(), pred(admin1=None), pred(admin1="")])
    assert (result["unscored_no_admin1"], result["false_positives"], result["precision"]) == (2, 0, 1.0)


def test_matching_field_accuracy_only_where_gold_labels():
    g = gold(actor2=["CIV"], fatalities=[12, 13], verdict="violation")
    p = pred(actor2="Civilians (Syria)", fatalities=13, verdicts=[{"agreement": "x", "status": "violation"}])
    result = evaluate([g, gold(id="G2", date="2016-05-11")], [p, pred(event_date="2016-05-11", fatalities=4)])
    assert result["field_counts"] == {"place": 2, "sub_event_type": 2, "actor1": 2, "actor2": 1,
                                      "fatalities": 1, "verdict": 1}
    assert result["field_accuracy"]["verdict"] == 1.0 and result["field_accuracy"]["fatalities"] == 1.0
    wrong = evaluate([g], [pred(actor2="Islamic State", fatalities=40)])["field_accuracy"]
    assert (wrong["actor2"], wrong["fatalities"], wrong["verdict"]) == (0.0, 0.0, 0.0)


def test_matching_verdict_none_accepts_no_verdicts():
    g = gold(verdict="none")
    assert evaluate([g], [pred()])["field_accuracy"]["verdict"] == 1.0
    assert evaluate([g], [pred(verdicts=[{"status": "not_applicable"}])])["field_accuracy"]["verdict"] == 1.0
    assert evaluate([g], [pred(verdicts=[{"status": "violation"}])])["field_accuracy"]["verdict"] == 0.0


def test_matching_empty_inputs():
    result = evaluate([], [])
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("field, value", [("date", "10 May 2016"), ("date", "2016-13"), ("type", None),
                                          ("sub", "Armed clash"), ("date_tol", "two"), ("fatalities", "3")])
def test_matching_bad_gold_row_names_row_and_field(field, value):
    with pytest.raises(InputError) as error:
        evaluate([gold(), gold(id="G2", **{field: value})], [])
    assert "gold row 2" in str(error.value) and error.value.field == field


def test_main_admin1_most_named_governorate_wins():
    golds = [{"doc": "a", "admin1": "Idlib"}, {"doc": "b", "admin1": "Aleppo"}, {"doc": "c", "admin1": "Hama"}]
    preds = [{"report_id": "a", "admin1": "Hama"}, {"report_id": "a", "admin1": "Idleb"},
             {"report_id": "a", "admin1": "Idlib"}, {"report_id": "b", "admin1": "Idlib"},
             {"report_id": "b", "admin1": "Aleppo"}]
    result = evaluate_main_admin1(golds, preds)
    assert result["with_events"] == 2 and result["coverage"] == round(2 / 3, 3)
    assert result["main_admin1_accuracy"] == round(1 / 3, 3)  # b: tie, first named (Idlib) wins
    assert result["wrong_examples"] == [{"doc": "b", "gold": "Aleppo", "main": "Idlib"}]


def test_main_admin1_damascus_covers_its_countryside():
    golds = [{"doc": "a", "admin1": "Damascus"}, {"doc": "b", "admin1": "Rif Dimashq"}]
    preds = [{"report_ids": ["a"], "admin1": "Rural Damascus"}, {"report_id": "b", "admin1": "Damascus"}]
    assert evaluate_main_admin1(golds, preds)["main_admin1_accuracy"] == 1.0
    golds = [{"doc": "a", "admin1": "Aleppo"}]
    assert evaluate_main_admin1(golds, [{"report_id": "a", "admin1": "Rif Dimashq"}])["main_admin1_accuracy"] == 0.0


def test_main_admin1_gold_row_without_doc_is_an_error():
    with pytest.raises(InputError) as error:
        evaluate_main_admin1([{"admin1": "Idlib"}], [])
    assert error.value.field == "doc" and "gold row 1" in str(error.value)


def test_format_result_shows_scores_and_misses():
    text = format_result(evaluate([gold(), gold(id="G9", admin1="Hama")], [pred(), pred(admin1="Homs")]))
    assert "precision 0.500  recall 0.500  F1 0.500" in text
    assert "missed gold events (1): G9" in text and "(Homs)" in text
    text = format_result(evaluate_main_admin1([{"doc": "a", "admin1": "Idlib"}], [{"report_id": "a", "admin1": "Hama"}]))
    assert "main admin1 accuracy 0.000" in text and "doc a: gold Idlib, predicted Hama" in text
