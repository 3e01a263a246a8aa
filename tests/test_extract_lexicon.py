import pytest

from ceasefire.errors import ValidationError
from ceasefire.extract.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def top(lexicon, text):
    found = lexicon.triggers(text)
    return found[0].sub if found else None


@pytest.mark.parametrize("text, sub", [
    ("Russian air strikes hit the only road into Aleppo", "Air/drone strike"),
    ("regime helicopters dropped barrel bombs on the town", "Air/drone strike"),
    ("seven car bombs in Tartus and Jableh killed over 140", "Remote explosive/landmine/IED"),
    ("a suicide bomber blew himself up at a checkpoint", "Suicide bomb"),
    ("rebels shelled the neighbourhood with mortars", "Shelling/artillery/missile attack"),
    ("clashes took place amid regime shelling on the area", "Armed clash"),
    ("a four-truck convoy to besieged Daraya turned back at a checkpoint", "Aid blocked"),
    ("the first aid convoy since 2012 entered Daraya", "Aid delivered"),
    ("only part of the aid reached Douma", "Aid partially delivered"),
    ("aid reached Douma, but surgical kits were taken off the trucks", "Aid partially delivered"),
    ("WFP airdrops reached Deir ez-Zor", "Airdrop"),
    ("a demonstration took place in the town", "Peaceful protest"),
    ("rioters burned tires and blocked roads in protest of prices", "Violent demonstration"),
    ("rioters attacked shops in the market", "Mob violence"),
    ("the SDF handed over 3 villages near Manbij to regime forces", "Non-violent transfer of territory"),
    ("gunmen shot dead a man", "kill"),
    ("a man died under torture in a regime prison", "kill"),
    ("security forces arrested ten young men", "arrest"),
    ("gunmen abducted three civilians", "Abduction/forced disappearance"),
    ("gunmen abducted 9 regime soldiers", "Armed clash"),
    ("regime forces captured 2 rebels on the front", "Armed clash"),
    ("HTS abducted two members of a media team", "Abduction/forced disappearance"),
    ("fighters looted shops", "Looting/property destruction"),
    ("Turkish forces brought in military reinforcements", "Change to group/activity"),
    ("opposition factions shot down a drone", "Disrupted weapons use"),
    ("rebels downed a Syrian government warplane", "Disrupted weapons use"),
])
def test_extract_lexicon_top_trigger(lexicon, text, sub):
    assert top(lexicon, text) == sub


def test_extract_lexicon_what_was_done_ranks_above_who_did_it(lexicon):
    first = lexicon.triggers("gunmen believed to belong to IS shot and killed a man")[0]
    assert (first.sub, first.text) == ("kill", "shot and killed")


def test_extract_lexicon_negated_trigger_is_ignored(lexicon):
    assert lexicon.triggers("No arrests or clashes were reported.") == []


def test_extract_lexicon_negation_stops_at_a_clause_break(lexicon):
    found = lexicon.triggers("no one was killed when rockets hit the town")
    assert [t.text for t in found] == ["rockets"]


def test_extract_lexicon_background_clause_ranks_last(lexicon):
    text = "forces carried out raids and arrests following the targeting of a vehicle with an IED"
    assert top(lexicon, text) == "arrest"


@pytest.mark.parametrize("text, cue", [
    ("The attacks came one day after militants targeted four neighbourhoods", "after"),
    ("Ten people were dead after strikes on two hospitals", None),  # what killed them
    ("Rebels attacked the checkpoint the following day", None),
    ("Troops shelled the hill right after, and seized it", None),
])
def test_extract_lexicon_background_cues(lexicon, text, cue):
    found = lexicon.background.search(text)
    assert (found.group(0) if found else None) == cue


@pytest.mark.parametrize("text", [
    "The war has killed 408 civilians in the town since 2014.",
    "Syria's conflict has killed more than 280,000 people since it started in 2011.",
    "The Security Council condemned the attacks on hospitals.",
    "Regime and Russian forces have lately intensified aerial bombardment.",
])
def test_extract_lexicon_not_events(lexicon, text):
    assert lexicon.is_not_event(text)


def test_extract_lexicon_lede_label(lexicon):
    assert lexicon.label("Looting: On 9 May 2020, rebels looted crops")[0] == "Looting/property destruction"
    assert lexicon.label("On 9 May 2020, rebels looted crops") is None


def test_extract_lexicon_protest_outcomes(lexicon):
    assert lexicon.protest_outcome("Rioters blocked the road and set tires on fire") == "Violent demonstration"
    assert lexicon.protest_outcome("security forces opened fire on the crowd, killing two") \
        == "Excessive force against protesters"
    assert lexicon.protest_outcome("residents marched peacefully") is None


def test_extract_lexicon_period_kept_when_the_day_is_given(lexicon):
    text = "Bombings struck Tartus on Monday, the deadliest attack since the war began."
    assert lexicon.is_not_event(text)
    assert not lexicon.is_not_event(text, dated=True)


def test_extract_lexicon_plans_of_others_are_not_plans_of_attack(lexicon):
    assert not lexicon.is_not_event("Residents protested, denouncing HTS plans to open crossings.")
    assert lexicon.is_not_event("The army is preparing to storm the town.")


def test_extract_lexicon_claims_of_responsibility(lexicon):
    assert lexicon.claims_responsibility("The Islamic State group claimed the bombings in a statement.")
    assert not lexicon.claims_responsibility("The government claimed victory.")


def test_extract_lexicon_since_a_weekday_is_a_period(lexicon):
    text = "Since Saturday at least 68 civilians have been killed in aerial attacks on the town."
    assert lexicon.period_spans(text)
    assert lexicon.is_not_event(text)


def test_extract_lexicon_pattern_ending_in_a_space_is_refused(tmp_path):
    bad = tmp_path / "triggers.yaml"
    bad.write_text("rules:\n  - sub: kill\n    priority: 70\n    patterns: ['downed (?:a |the )?']\n",
                   encoding="utf-8")
    with pytest.raises(ValidationError, match="ends in a space") as caught:
        load_lexicon(bad)
    assert caught.value.field == "rules[0].patterns"


def test_lexicon_weakest_rule_of_a_sub_type_is_read_from_the_data():
    lexicon = load_lexicon()
    blast = next(t for t in lexicon.triggers("A blast hit the town.") if t.sub == "Remote explosive/landmine/IED")
    car_bomb = next(t for t in lexicon.triggers("A car bomb hit the town."))
    assert lexicon.weakest("Remote explosive/landmine/IED") == blast.priority < car_bomb.priority
