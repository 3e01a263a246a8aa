"""Casualty counts: parse_number and find_casualties (resolve/numbers.py)."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.errors import ValidationError
from ceasefire.resolve import numbers
from ceasefire.resolve.numbers import Casualties, find_casualties, parse_number


@pytest.mark.parametrize("text, expected", [
    ("19", 19),
    ("1,200", 1200),
    ("230000", 230000),
    ("seven", 7),
    ("Seven", 7),
    ("twenty-one", 21),
    ("thirty five", 35),
    ("one hundred and twenty", 120),
    ("2 million", 2000000),
    ("a dozen", 12),
    ("dozens", 12),
    ("hundreds", 100),
    ("scores", 20),
    ("several", 10),
    ("a number of", 10),
    ("many", 10),
    ("a few", 3),
    ("at least 19", 19),
    ("more than 140", 140),
    ("up to 30", 30),
    ("between 229 and 425", 229),
    ("a father and his son", 2),
    ("a woman and her three children", 4),
    ("two children and their mother", 3),
    ("a family of five", 5),
    ("a child", 1),
    ("civilians", None),
    ("the attack", None),
    ("", None),
])
def test_numbers_parse_number(text, expected):
    assert parse_number(text) == expected


def kinds(text: str) -> list[tuple[str, int | None]]:
    return [(c.kind, c.count) for c in find_casualties(text)]


@pytest.mark.parametrize("sentence, expected", [
    # the phrasings of ACLED notes and news reports
    ("Eight members of one family were killed when a landmine exploded under their car.", [("killed", 8)]),
    ("A double bomb attack killed 31 people and wounded 170 in Qamishli.", [("killed", 31), ("injured", 170)]),
    ("31 people were killed in the attack.", [("killed", 31)]),
    ("The strike hit the market, killing at least 5 civilians.", [("killed", 5)]),
    ("Terrorists fired shells leaving 12 civilians dead.", [("killed", 12)]),
    ("The death toll reached 3 in addition to 8 injured people.", [("killed", 3), ("injured", 8)]),
    ("The death toll has risen to 40.", [("killed", 40)]),
    ("40 civilians have been martyred by the shelling.", [("killed", 40)]),
    ("The bombing claimed the lives of 9 people.", [("killed", 9)]),
    ("9 dead in Aleppo.", [("killed", 9)]),
    ("The clashes resulted in 2 fatalities.", [("killed", 2)]),
    ("1 fatality was reported.", [("killed", 1)]),
    ("One fatality was reported.", [("killed", 1)]),
    ("Gunmen killed a QSD member.", [("killed", 1)]),
    ("The raid killed two children.", [("killed", 2)]),
    ("The blast killed 6 people, injuring 25 others.", [("killed", 6), ("injured", 25)]),
    ("Dozens more injured in the airstrikes.", [("injured", 12)]),
    ("At least 35 civilians were killed and dozens more injured.", [("killed", 35), ("injured", 12)]),
    ("Five people were killed and 20 wounded.", [("killed", 5), ("injured", 20)]),
    ("The bodies of 7 people were found near the road.", [("killed", 7)]),
    ("A 12-year-old boy was killed by a sniper.", [("killed", 1)]),
    ("A 12 year old boy was killed by a sniper.", [("killed", 1)]),
    ("A father and his son were killed in the strike.", [("killed", 2)]),
    ("Air strikes killed a dentist and two nurses.", [("killed", 3)]),
    ("The strike killed a nurse and two patients.", [("killed", 3)]),
    ("A family of five was killed.", [("killed", 5)]),
    ("Two children and their mother were killed.", [("killed", 3)]),
    ("A child was killed.", [("killed", 1)]),
    ("A civilian was killed.", [("killed", 1)]),
    ("A man was killed.", [("killed", 1)]),
    ("Scores of people died and many were injured.", [("killed", 20), ("injured", 10)]),
    ("Hundreds of civilians died in the attack.", [("killed", 100)]),
    ("Several regime soldiers were wounded.", [("injured", 10)]),
    ("A number of fighters were killed.", [("killed", 10)]),
    ("Thirty five people were killed.", [("killed", 35)]),
    ("Twenty-one civilians were killed.", [("killed", 21)]),
    ("Seven people were killed.", [("killed", 7)]),
    ("Air strikes killed more than 1,200 people.", [("killed", 1200)]),
    ("Over 140 fighters were killed.", [("killed", 140)]),
    ("Up to 30 people were killed.", [("killed", 30)]),
    ("Strikes have killed between 229 and 425 civilians.", [("killed", 229)]),
    ("10 civilians killed 15 injured in rocket attacks", [("killed", 10), ("injured", 15)]),
    ("Two Killed Three Injured in Terrorist Attack", [("killed", 2), ("injured", 3)]),
    ("Double bomb attack kills 31 in Syrian Kurdish city", [("killed", 31)]),
    ("Terrorist Bombing Claims 5 in Latakia", [("killed", 5)]),
    # none at all
    ("Neither fatalities nor injuries were reported.", [("killed", 0), ("injured", 0)]),
    ("Neither injuries nor fatalities were reported.", [("injured", 0), ("killed", 0)]),
    ("No fatalities were reported.", [("killed", 0)]),
    ("No casualties were reported.", [("killed", 0), ("injured", 0)]),
    ("No one was killed.", [("killed", 0)]),
    ("Nobody was hurt in the blast.", [("injured", 0)]),
    # deaths and injuries together: the number of deaths is unknown
    ("Shelling killed or injured 12 people.", [("killed", None), ("injured", None)]),
    ("Dozens dead and wounded in the strike.", [("killed", None), ("injured", None)]),
    ("An unknown number of fighters were killed.", [("killed", None)]),
    ("Civilians were killed in the raid.", [("killed", None)]),
    # asides, sums and other clauses
    ("At least 11 civilians including three children were killed Thursday.", [("killed", 11)]),
    ("4 people, including 2 women, were injured when a landmine exploded.", [("injured", 4)]),
    ("SOHR said 76 children and 41 women were among those killed.", [("killed", 117)]),
    ("Another 120 soldiers and pro-regime militiamen and several dozen Kurdish fighters were also killed.",
     [("killed", 132)]),
    ("IS attacked, killing 11 regime soldiers, while many other militiamen sustained serious injuries.",
     [("killed", 11), ("injured", 10)]),
    ("The number of civilians who have been martyred by the shelling on Saturday has become around 40 "
     "in addition to over 100 injured.", [("killed", 40), ("injured", 100)]),
    ("Five of the dead were killed in al-Midan which also left 25 others injured.",
     [("killed", 5), ("injured", 25)]),
    ("A statement put the death toll at at least 70.", [("killed", 70)]),
    ("Clashes resulted in the killing of 1 member of the police and the injuring of 3 others.",
     [("killed", 1), ("injured", 3)]),
    ("The body of a regime fighter with gunshot wounds was found on the road.", [("killed", 1)]),
    ("A man from Ankhel died as a result of torture.", [("killed", 1)]),
    ("An old man's body was found in the river.", [("killed", 1)]),
    ("Unidentified gunmen assassinated a colonel.", [("killed", 1)]),
    ("IS fighters shot dead a regime's fighter in the desert.", [("killed", 1)]),
    ("1 IS Iraqi fighter was killed and 5 QSD fighters were injured.", [("killed", 1), ("injured", 5)]),
    ("Alloush posted an interview with the pilot before he was killed.", [("killed", 1)]),
    ("Another child was killed in Harasta.", [("killed", 1)]),
    ("More than 330000 people are estimated to have been killed in the war.", [("killed", 330000)]),
    ("A car bomb killed at least 70 people and left more than hundred other wounded.",
     [("killed", 70), ("injured", 100)]),
    ("Half a dozen wounded children were seen.", [("injured", 6)]),
    ("Fourteen of the victims died in airstrikes.", [("killed", 14)]),
    ("165 people total have been wounded.", [("injured", 165)]),
    ('The strike killed "at least 18 jihadist fighters.', [("killed", 18)]),
    ("Reports said up to 33 people may have been killed.", [("killed", 33)]),
    ("Air strikes killed dozens this week in Raqqa.", [("killed", 12)]),
    ("ISIL killed and crucified five civilians.", [("killed", 5)]),
    ("The bomb led to the killing of one person and the injury of 40 others.",
     [("killed", 1), ("injured", 40)]),
    ("The figures say 83 extremists died while more than 100 were left wounded.",
     [("killed", 83), ("injured", 100)]),
    ("Around 41 rebels were rounded up and executed by the group.", [("killed", 41)]),
    ("Three men were abducted and later killed.", [("killed", 3)]),
    ("Two children were shot and wounded.", [("injured", 2)]),
])
def test_numbers_find_casualties(sentence, expected):
    assert kinds(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A total of 20 rockets fired by Russian jets hit the hospital.",
    "A four-truck convoy reached the town.",
    "Security Council Resolution 2268 was adopted.",
    "The village lies 5 km from the front.",
    "The conflict has gone on since 2011.",
    "On 9 May 2020, regime forces shelled the outskirts of Nayrab.",
    "The attack killed",            # a verb with nothing after it, at the end
    "Tuesday 31 May 2016 18:14 Deadly airstrikes hit Idlib.",
    "Five people were arrested and released the same day.",   # a chain that ends in no harm
])
def test_numbers_numbers_of_other_things_are_not_counts(sentence):
    assert [c for c in find_casualties(sentence) if c.count] == []


@pytest.mark.parametrize("sentence, count", [
    ("A 12-year-old boy was killed.", 1),
    ("On 9 May 2020, gunmen killed 2 civilians in al Bab.", 2),
    ("Under Resolution 2268, 20 rockets fell 5 km away, killing 4 soldiers.", 4),
    ("In 2013, 12 people were killed in the town.", 12),
    ("Eight students between 7 and 12 years old were killed.", 8),
    ("Two boys aged 15 were killed.", 2),
    ("Two men, aged 30 and 35, were killed.", 2),
])
def test_numbers_ages_dates_and_units_do_not_leak_into_counts(sentence, count):
    assert [c.count for c in find_casualties(sentence) if c.kind == "killed"] == [count]


@pytest.mark.parametrize("sentence, approximate", [
    ("At least 19 people were killed.", True),
    ("More than 140 people were killed.", True),
    ("About 40 people were killed.", True),
    ("Dozens of people were killed.", True),
    ("19 people were killed.", False),
    ("A total of 24 terrorists were killed.", False),
])
def test_numbers_approximate_flag(sentence, approximate):
    (found,) = find_casualties(sentence)
    assert found.approximate is approximate


def test_numbers_injuries_are_never_deaths():
    text = ("A double bomb attack killed 31 people in Qamishli. Rescue workers said that at least "
            "170 people had also been wounded.")
    found = find_casualties(text)
    assert [(c.kind, c.count) for c in found] == [("killed", 31), ("injured", 170)]
    assert found[1].text == "at least 170 people had also been wounded"


def test_numbers_offsets_point_into_the_whole_text():
    text = "Wed 19 Apr 2017 Aleppo bomb blast kills six. A bomb blast killed six people and injured 32."
    found = find_casualties(text)
    assert [(c.kind, c.count) for c in found] == [("killed", 6), ("killed", 6), ("injured", 32)]
    for c in found:
        assert text[c.start:c.end] == c.text
    assert found[1].text == "killed six people"


def test_numbers_results_are_in_text_order():
    text = "Two children were killed. Later 5 were wounded and 3 people died."
    starts = [c.start for c in find_casualties(text)]
    assert starts == sorted(starts) and len(starts) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-'()killedwoundeatmsorynbfhvgpcu;")), max_size=120)
       | st.text(max_size=80))
def test_numbers_find_casualties_never_raises_and_offsets_slice_back(text):
    for c in find_casualties(text):
        assert isinstance(c, Casualties)
        assert text[c.start:c.end] == c.text
        assert c.kind in ("killed", "injured")
        assert c.count is None or c.count >= 0


@pytest.mark.parametrize("text", [
    "They killed " + " and ".join(["2 men"] * 3000) + ".",
    "They killed " + "between " * 3000 + "3 and 5 people.",
    "They killed " + "a family of " * 3000 + "five.",
])
def test_numbers_long_lists_do_not_exhaust_the_stack(text):
    (found,) = find_casualties(text)
    assert found.kind == "killed"
    assert text[found.start:found.end] == found.text


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_numbers_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value >= 0


# --- the lexicon ----------------------------------------------------------------------------

def test_numbers_lexicon_every_trigger_holds_a_stem():
    lex = numbers.lexicon()
    tables = [lex.before, lex.after, lex.bare, lex.none, lex.toll]
    phrases = {p for table in tables for kind in table.values() for group in kind.first.values() for p in group}
    assert len(phrases) > 100
    missing = [p for p in phrases if not any(w.startswith(lex.stems) for w in p)]
    assert missing == []


def test_numbers_lexicon_lists_have_no_repeats():
    import yaml

    data = yaml.safe_load(numbers.LEXICON_FILE.read_text(encoding="utf-8"))
    lists = [(key, value) for key, value in data.items() if isinstance(value, list)]
    lists += [(f"{key}.{part}", value) for key in numbers.KINDS for part, value in data[key].items()]
    repeated = {key: sorted({w for w in words if words.count(w) > 1}) for key, words in lists}
    assert {key: words for key, words in repeated.items() if words} == {}


def test_numbers_lexicon_negations_survive_yaml():
    # a bare `no` in YAML is the boolean False; the lexicon must keep it as a word
    assert "no" in numbers.lexicon().negations


@pytest.fixture
def broken_lexicon(tmp_path, monkeypatch):
    path = tmp_path / "numbers.yaml"
    monkeypatch.setattr(numbers, "LEXICON_FILE", path)
    numbers.lexicon.cache_clear()
    yield path
    numbers.lexicon.cache_clear()


def test_numbers_lexicon_bad_yaml_names_file_and_line(broken_lexicon):
    broken_lexicon.write_text("units: {one: 1}\ntens: [twenty\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        numbers.lexicon()
    assert str(broken_lexicon) in str(error.value)
    assert error.value.line is not None


def test_numbers_lexicon_unquoted_boolean_is_refused(broken_lexicon):
    text = numbers.PACKAGE_DATA.joinpath("lexicons", "numbers.yaml").read_text(encoding="utf-8")
    broken_lexicon.write_text(text.replace('negations: ["no",', "negations: [no,"), encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        numbers.lexicon()
    assert error.value.field == "negations"


# --- the dev sets ---------------------------------------------------------------------------

def _docs(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_numbers_acled_notes_fatalities_agree_with_acled(shared_data):
    gold = {row["doc"]: row["fatalities"] for row in _docs(shared_data / "acled_syria_dev.gold.jsonl")}
    docs = _docs(shared_data / "acled_syria_dev.docs.jsonl")
    agree = 0
    for doc in docs:
        killed = [c for c in find_casualties(doc["text"]) if c.kind == "killed"]
        counted = [c.count for c in killed if c.count is not None]
        agree += (sum(counted) if counted else (10 if killed else 0)) == gold[doc["id"]]
    assert len(docs) > 100
    assert agree / len(docs) >= 0.9


def test_numbers_fakes_articles_find_stated_tolls(shared_data):
    stated = re.compile(r"\b(\d+) (?:people|civilians) (?:were|have been) killed\b")
    docs = _docs(shared_data / "fakes_dev.docs.jsonl")
    seen = found = 0
    for doc in docs:
        counts = {c.count for c in find_casualties(doc["text"]) if c.kind == "killed"}
        for match in stated.finditer(doc["text"]):
            seen += 1
            found += int(match.group(1)) in counts
    assert seen > 20
    assert found / seen >= 0.95
