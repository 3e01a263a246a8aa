"""One-event reports and what extraction must read from them: who, what and where, case by case.

Each case is a report of one event, written for this table, and the fields its event must have.
"""
from __future__ import annotations

import pytest

from ceasefire import extract

SYRIA = "Military Forces of Syria (2000-)"
CIVILIANS = "Civilians (Syria)"

CASES = [
    # who did it
    ("custody: regime prisons",
     "On 28 April 2020, a man from Harasta died under torture in one of regime prisons.", "2020-05-10",
     {"sub_event_type": "Attack", "actor1": SYRIA, "actor2": CIVILIANS}),
    ("custody of",
     "On 28 April 2020, three detainees died in the custody of regime forces in Homs.", "2020-05-10",
     {"sub_event_type": "Attack", "actor1": SYRIA, "actor2": CIVILIANS}),
    ("custody: SDF",
     "On 28 April 2020, a detainee died in SDF custody in Hasakah.", "2020-05-10",
     {"sub_event_type": "Attack", "actor1": "SDF: Syrian Democratic Forces", "actor2": CIVILIANS}),
    ("gunmen said to belong to a group are that group",
     "On 30 April 2020, gunmen believed to belong to IS shot and killed a man near Mayadin in Deir ez-Zor.",
     "2020-05-10", {"sub_event_type": "Attack", "actor1": "Islamic State"}),
    ("gunmen of a group who are killed stay the harmed",
     "On 30 April 2020, regime forces killed gunmen affiliated with IS near Mayadin.", "2020-05-10",
     {"actor1": SYRIA, "actor2": "Unidentified Armed Group (Syria)"}),
    ("killing terrorists, in state media, is a battle",
     "The Syrian army encountered an attack on one of its posts in Assal al-Ward on Monday, killing 10 terrorists.",
     "2014-10-01", {"sub_event_type": "Armed clash", "actor1": SYRIA}),
    ("a terrorist attack killing persons stays an attack",
     "Nine persons were killed on Monday in a terrorist attack in Aleppo city.", "2016-08-15",
     {"sub_event_type": "Attack"}),
    ("barrel bombs with no perpetrator named are the government's",
     "Fifteen civilians were killed in a barrel bomb attack on Darayya on Thursday.", "2016-08-26",
     {"actor1": SYRIA, "actor2": CIVILIANS}),
    ("accompanied by: an associate, not the perpetrator",
     "On 4 May 2020, regime security forces, accompanied by Russian forces, arrested four managers in Aleppo city.",
     "2020-05-10", {"sub_event_type": "Arrests", "actor1": SYRIA, "actor2": CIVILIANS}),
    ("supported by: an associate, not the opponent",
     "On 28 April 2020, clashes took place between regime forces supported by QSD and Turkish forces near "
     "Tal Tamr in Al-Hasakeh countryside.", "2020-05-10",
     {"actor1": SYRIA, "actor2": "Military Forces of Turkey (2002-)"}),
    ("coordinated perpetrators are one side",
     "On 13 October 2016, Russian and Syrian jets pounded Bustan al-Qasr in Aleppo, killing 13 civilians.",
     "2016-10-14", {"actor1": "Military Forces of Russia (2000-)", "actor2": CIVILIANS}),
    ("disrupted weapons use: whose weapon was stopped, then who stopped it",
     "On 4 May 2020, opposition factions shot down a regime drone over Al Ghab Plain in Hama.", "2020-05-10",
     {"sub_event_type": "Disrupted weapons use", "actor1": SYRIA, "actor2": "Opposition Rebels (Syria)"}),
    ("a bullet from an actor names the perpetrator",
     "On 5 May 2020, a child was killed by a sniper's bullet from regime forces in Saraqib.", "2020-05-10",
     {"sub_event_type": "Attack", "actor1": SYRIA, "admin1": "Idlib", "location": "Saraqib"}),
    ("an attack that came from an actor names the perpetrator",
     "The United States says the August 21 chemical attack on the outskirts of Damascus came from government forces "
     "and killed more than 1400 people.", "2013-09-10",
     {"sub_event_type": "Chemical weapon", "actor1": SYRIA}),
    ("an air force that pounded a place struck from the air",
     "Assads air force pounded the neighborhood of Al-Maghayer in Aleppo on Tuesday killing 26 civilians.",
     "2015-07-22", {"sub_event_type": "Air/drone strike", "actor1": SYRIA, "fatalities": 26}),
    ("a group's fighters and a second group are one side",
     "Militants from Nusra and the so-called Ahrar al-Sham group launched mortar attacks on al-Sqeilbiyeh in Hama "
     "on Sunday killing one civilian.", "2016-04-24",
     {"actor1": "Jabhat al-Nusra", "actor2": CIVILIANS, "fatalities": 1}),
    ("whom a report is sourced to takes no side",
     "According to Lebanese group Hezbollah more than 30 Nusra Front militants were killed by the Syrian army in "
     "clashes near Abu Lefeh in Hama province on Sunday.", "2017-10-30",
     {"sub_event_type": "Armed clash", "actor1": SYRIA, "actor2": "Jabhat al-Nusra"}),
    ("a report sourced to is no actor, its subject still is",
     "According to report ISIS has executed 12 people in the town of Abu Hamam in Deir Ezzor on Thursday.",
     "2015-07-10", {"actor1": "Islamic State"}),
    ("a group whose men died in a blast is what it hit",
     "25 Al-Nusra fighters were killed when a bomb exploded in a mosque in Ariha on Friday.", "2015-07-04",
     {"sub_event_type": "Remote explosive/landmine/IED", "actor1": "Unidentified Armed Group (Syria)",
      "actor2": "Jabhat al-Nusra"}),
    ("a group's men counted dead, a dateline's year no count",
     "Monday 22 Sep 2014 Syrian government air strikes killed at least 42 people in Idlib province on Sunday.",
     "2014-09-22", {"actor1": SYRIA}),
    ("an air-capable party's raids are air strikes, the soldiers they killed the target",
     "At least 10 Syrian soldiers were killed in Israeli raids near the Golan Heights on Sunday.", "2014-06-23",
     {"sub_event_type": "Air/drone strike", "actor1": "Military Forces of Israel (1948-)", "actor2": SYRIA}),
    ("a time word between an adjective and its noun",
     "Israeli overnight air raids hit army positions near the Golan Heights on Sunday.", "2014-06-23",
     {"sub_event_type": "Air/drone strike", "actor1": "Military Forces of Israel (1948-)"}),
    ("who flew an air strike is an air-capable party named before it, not the first group named",
     "US-led strikes hit Nusra in Syria as well as IS Monitor AFP Tuesday 23 Sep 2014 A US-led coalition carried "
     "out air strikes against positions of Al-Nusra Front in western Aleppo province on Tuesday killing seven.",
     "2014-09-23",
     {"sub_event_type": "Air/drone strike", "actor1": "Global Coalition Against Daesh"}),
    ("dead after strikes: what killed them, not an earlier event; rebel-held is no combatant",
     "10 dead after strikes on rebel-held hospitals in Idlib on Thursday, a monitor said.", "2017-04-27",
     {"sub_event_type": "Air/drone strike", "fatalities": 10}),
    ("fighters named as who did it, or as fighting to overthrow someone, make no battle",
     "Two car bombs killed at least 25 people in Karm al-Luz in Homs on Wednesday. Another 100 people were wounded "
     "in the attacks SANA blamed on terrorists, the government's term for people fighting to overthrow Assad.",
     "2014-04-09", {"sub_event_type": "Remote explosive/landmine/IED", "fatalities": 25}),
    ("a gas attack is a chemical weapon",
     "An alleged gas attack on rebel-held suburbs of the capital on Wednesday killed more than 130 people, "
     "activists said.", "2013-08-24", {"sub_event_type": "Chemical weapon", "fatalities": 130}),
    ("rebels said to have used chemical arms",
     "State media said rebels in Jobar in Damascus used chemical arms against government troops on Saturday.",
     "2013-08-24", {"sub_event_type": "Chemical weapon", "actor1": "Opposition Rebels (Syria)"}),
    ("an air force that destroyed vehicles struck from the air",
     "In Hama the army air force destroyed vehicles of Jund al-Aqsa terrorists near Kafr Zita on Monday.",
     "2016-07-05", {"sub_event_type": "Air/drone strike", "actor1": SYRIA, "location": "Kafr Zayta"}),
    ("an airstrike of a coalition, which claimed lives",
     "An airstrike of the US-led anti-terror coalition has claimed lives of eight civilians in the city of "
     "Al-Tabqah west of Raqqa on Sunday.", "2017-04-30",
     {"sub_event_type": "Air/drone strike", "actor1": "Global Coalition Against Daesh", "fatalities": 8}),
    ("wresting control of farms is regaining territory",
     "On Thursday Syrian troops and Hezbollah fighters managed to completely wrest control over the Mallah farms "
     "near Aleppo.", "2016-07-07", {"sub_event_type": "Government regains territory", "actor1": SYRIA}),
    ("who killed, after a headline's killing word",
     "Reports of summary executions as Aleppo falls The UN said it had received reports that pro-government forces "
     "killed at least 82 civilians in four neighbourhoods of eastern Aleppo on Monday.", "2016-12-13",
     {"sub_event_type": "Attack", "actor1": SYRIA, "actor2": CIVILIANS, "fatalities": 82}),
    ("whom the army killed in an ambush is not who laid it",
     "Syria army kills 32 rebels in Daraa province ambush NGO AFP Sunday 24 Aug 2014 Syrian troops killed 32 "
     "rebels in an ambush in the southern province of Daraa on Sunday.", "2014-08-24",
     {"sub_event_type": "Armed clash", "actor1": SYRIA, "actor2": "Opposition Rebels (Syria)"}),
    ("rockets with chemical agents",
     "Activists said rockets with chemical agents hit the suburb of Zamalka on Wednesday during a "
     "pre-dawn bombardment by government forces.", "2013-08-21",
     {"sub_event_type": "Chemical weapon", "actor1": SYRIA}),
    ("rioting in protest: rioters, a violent demonstration",
     "On 6 May 2020, rioters burned tires and blocked roads in Sweida city in protest of rising prices.",
     "2020-05-10", {"sub_event_type": "Violent demonstration", "actor1": "Rioters (Syria)"}),
    ("a protest whose next sentence tells of rioting was a violent demonstration",
     "On 7 May 2020, a demonstration took place in Dar'a city against an arrest. Rioters blocked the road and set "
     "rubber tires on fire.", "2020-05-10", {"sub_event_type": "Violent demonstration", "actor1": "Rioters (Syria)"}),
    ("territory handed over: who gave it, who took it",
     "On 7 May 2020, QSD handed over 3 villages near Manbij to regime forces under a Russian-brokered deal.",
     "2020-05-10", {"sub_event_type": "Non-violent transfer of territory", "actor1": "SDF: Syrian Democratic Forces",
                    "actor2": SYRIA}),
    ("an aid agency is never the perpetrator; its convoy or staff can be the harmed",
     "An aid convoy was hit by air strikes near Urum al-Kubra in Aleppo on Monday, killing 20 civilians and "
     "a SARC staff member.", "2016-09-20",
     {"actor1": "Unidentified Armed Group (Syria)", "actor2": "Syrian Arab Red Crescent"}),
    ("an aid agency that only speaks of the event takes no side",
     "UNICEF said 22 children were killed in regime air strikes on a school in Hass in Idlib on Wednesday.",
     "2016-10-27", {"actor1": SYRIA, "actor2": CIVILIANS}),
    # where it happened
    ("a place inside an actor's name is no place",
     "On 8 May 2020, clashes took place between al Sham Corps and unidentified gunmen on the outskirts of "
     "Kafraya in Idleb.", "2020-05-10", {"admin1": "Idlib", "location": "Kafraya"}),
    ("a name after an attack verb, spelled otherwise",
     "On 6 May 2020, Turkish forces shelled Ein Issa with artillery.", "2020-05-10",
     {"admin1": "Raqqa", "location": "Ayn Isa"}),
    ("a name after a possessive",
     "On 29 April 2020, a man from Saqba died under torture in the regime's Sidnaya military prison.", "2020-05-10",
     {"admin1": "Rif Dimashq", "location": "Saydnaya"}),
    ("a place's possessive: Aleppo's",
     "On 3 May 2020, regime shelling hit Aleppo's eastern districts, killing two civilians.", "2020-05-10",
     {"admin1": "Aleppo", "location": "Aleppo"}),
    ("a place's possessive: Afrin’s",
     "On 3 May 2020, Turkish forces closed all of Afrin’s entrances after a car bomb.", "2020-05-10",
     {"admin1": "Aleppo", "location": "Afrin"}),
    ("every place of an origin list is an origin",
     "A suicide car bombing tore through buses carrying evacuees on Saturday, killing dozens of children. The "
     "blast hit a convoy carrying residents from the towns of Fuaa and Kafraya as they waited at a transit point "
     "west of Aleppo.", "2017-04-16", {"admin1": "Aleppo", "location": "Aleppo"}),
    ("from entering a place is no origin",
     "Government forces prevented an aid convoy from entering Douma on Thursday.", "2016-05-14",
     {"sub_event_type": "Aid blocked", "admin1": "Rif Dimashq", "location": "Duma"}),
    ("an evacuation from a place happened there",
     "The Syrian Arab Red Crescent evacuated 120 wounded people from eastern Aleppo on Thursday.", "2016-12-17",
     {"sub_event_type": "Evacuation", "admin1": "Aleppo"}),
    ("a governorate the people left for is not where the town is",
     "Hundreds of families left Moadamiyeh for Idlib on Saturday under an evacuation deal.", "2016-09-20",
     {"sub_event_type": "Evacuation", "admin1": "Rif Dimashq", "location": "Muadamiyat al-Sham"}),
    ("a governorate after the village locates it",
     "Government forces shelled the village of Zara, in the central province of Hama, on Monday.", "2016-09-20",
     {"admin1": "Hama", "location": "Zara"}),
    ("a governorate after a town and a comma only locates it",
     "On 4 May 2020, regime forces arrested 3 young men at a checkpoint in Jasim, Dar'a.", "2020-05-10",
     {"admin1": "Daraa", "location": "Jasim"}),
    ("those arrested are civilians unless a group is named",
     "On 3 May 2020, regime security forces arrested 28 technicians of a telecom company in Damascus.",
     "2020-05-10", {"sub_event_type": "Arrests", "actor1": SYRIA, "actor2": CIVILIANS}),
    ("an accusation names no side",
     "On 5 May 2020, regime security forces arrested five young men in Jasim on charges of belonging to "
     "the FSA.", "2020-05-10", {"sub_event_type": "Arrests", "actor1": SYRIA, "actor2": CIVILIANS}),
    ("whose vehicle a bomb hit is the target",
     "On 6 May 2020, an IED planted by an unknown armed group exploded in a Turkish military vehicle near "
     "Afrin.", "2020-05-10", {"actor1": "Unidentified Armed Group (Syria)",
                              "actor2": "Military Forces of Turkey (2002-)"}),
    ("a convoy turned back from a town was stopped there",
     "A UN convoy carrying medicine was turned back from besieged Daraya on Thursday after government forces "
     "refused to let it through.", "2016-05-13",
     {"sub_event_type": "Aid blocked", "location": "Darayya", "actor2": "United Nations"}),
    ("who accuses takes no side",
     "Rebels accused government forces of shelling Kafr Zita in Hama on Sunday.", "2016-02-29",
     {"actor1": SYRIA}),
    ("an advance with clashes is a battle, not a capture",
     "Government forces advanced into the outskirts of Tabqa on Friday, clashing with Islamic State fighters.",
     "2016-06-10", {"sub_event_type": "Armed clash", "actor1": SYRIA, "actor2": "Islamic State"}),
    ("militiamen take their adjective's actor",
     "Four people were shot dead by pro-government militiamen at a checkpoint in Aleppo on Friday.", "2016-12-16",
     {"actor1": SYRIA, "fatalities": 4}),
    ("a channel named after a town is no place",
     "The Lebanon-based al-Mayadeen TV said that rebel shelling on two neighbourhoods of Aleppo killed 11 people "
     "on Sunday.", "2016-04-24", {"location": "Aleppo", "admin1": "Aleppo"}),
    ("who holds the siege did not deliver the aid",
     "A convoy of 44 trucks carrying food and medicine entered Madaya on Monday, where residents have been "
     "besieged by government forces and Hezbollah for months.", "2016-01-12",
     {"sub_event_type": "Aid delivered", "actor1": None, "location": "Madaya"}),
    ("named neighbourhoods seized are territory taken",
     "Government forces and allied militias seized the Sakhour and Haydariya neighbourhoods of Aleppo from rebels "
     "on Tuesday.", "2016-11-30",
     {"sub_event_type": "Government regains territory", "actor1": SYRIA, "actor2": "Opposition Rebels (Syria)"}),
    ("an actor said of the aircraft",
     "On Wednesday, 14 civilians were killed when warplanes believed to be Russian targeted the market in "
     "Maarrat al-Numan.", "2016-04-20", {"actor1": "Military Forces of Russia (2000-)", "fatalities": 14}),
    ("an agency's office that speaks takes no side",
     "Syrian troops and their allies killed at least 82 civilians in eastern Aleppo on Monday, the UN human rights "
     "office said.", "2016-12-13", {"actor1": SYRIA, "actor2": CIVILIANS, "fatalities": 82}),
    ("a downed aircraft's crew are no civilians",
     "A Russian Mi-8 helicopter was shot down over Idlib province on Monday, killing all five people on board.",
     "2016-08-02", {"sub_event_type": "Disrupted weapons use", "actor2": None, "fatalities": 5}),
    ("an armed group storming a building is no mob",
     "Nusra Front fighters stormed the headquarters of a rival faction in Maarat al-Numan overnight, seizing "
     "its weapons.", "2016-06-08", {"sub_event_type": "Armed clash", "actor1": "Jabhat al-Nusra"}),
    ("rioting prisoners are a mob",
     "On 3 May 2020, IS fighters detained in an SDF prison in Al-Hasakeh city rioted, tearing down doors.",
     "2020-05-10", {"sub_event_type": "Mob violence"}),
    ("cutting the last road into a city is a siege",
     "Government forces completed the encirclement of eastern Aleppo on Wednesday, cutting the Castello road, "
     "the last supply route into the area.", "2016-07-28", {"sub_event_type": "Siege", "actor1": SYRIA}),
    ("who speaks for a side takes no side",
     "A Kurdish YPG official said Syrian government warplanes bombed Kurdish positions in Hasaka city on Friday.",
     "2016-08-20", {"actor1": SYRIA, "actor2": "SDF: Syrian Democratic Forces"}),
    ("a truce's mediators are no side",
     "A ceasefire brokered by Russia and Turkey largely held on Saturday, though clashes were reported in Wadi "
     "Barada, where government forces and Hezbollah fought rebels.", "2016-12-31",
     {"sub_event_type": "Armed clash", "actor1": SYRIA, "actor2": "Opposition Rebels (Syria)"}),
    ("two actors joined by 'and' that clash are the two sides",
     "Regime forces and rebels clashed in Kafr Zita on Monday.", "2016-05-03",
     {"actor1": SYRIA, "actor2": "Opposition Rebels (Syria)"}),
    ("capturing a named site is territory taken",
     "Rebels broke the siege of eastern Aleppo on Saturday after capturing the artillery academy in Ramouseh.",
     "2016-08-07", {"sub_event_type": "Non-state actor overtakes territory"}),
    ("recapturing a town named before",
     "Islamic State militants seized the town of Qaryatayn in August 2015. Government forces recaptured it on "
     "Sunday, state TV said.", "2016-04-04", {"sub_event_type": "Government regains territory", "actor1": SYRIA}),
    ("a shell that hits a school is shelling",
     "Two children were killed when a shell hit their school in western Aleppo on Sunday.", "2016-10-31",
     {"sub_event_type": "Shelling/artillery/missile attack", "fatalities": 2}),
    ("a headline in the present tense",
     "IS militants execute 24 civilians after seizing a village near Manbij.", "2016-07-29",
     {"sub_event_type": "Attack", "actor1": "Islamic State", "fatalities": 24}),
    ("a wire dateline's city is the reporter's, not the event's",
     "Damascus, Feb 27 (SANA) - Terrorist organizations violated the truce 15 times on Saturday, including "
     "shelling of residential areas in Latakia countryside.", "2016-02-27", {"admin1": "Latakia"}),
    ("where a speaker sits is no event place",
     "Terrorists shelled residential areas in Latakia countryside on Saturday, the reconciliation center in "
     "Hmeimim said.", "2016-02-27", {"admin1": "Latakia"}),
    ("bombs that went off",
     "Two bombs went off in Homs on Monday, killing eight people.", "2016-09-06",
     {"sub_event_type": "Remote explosive/landmine/IED", "fatalities": 8}),
    ("a named district of a city is coded at the city",
     "Rebels shelled the Midan district of Aleppo on May 6, killing two civilians.", "2016-05-07",
     {"location": "Aleppo", "admin1": "Aleppo", "geo_precision": 1}),
    ("a village the index lacks is named, located by the governorate after it",
     "On 3 May 2020, regime forces shelled the outskirts of Tell Qarmuz in the southern countryside of Idleb.",
     "2020-05-10", {"admin1": "Idlib", "location": "Tell Qarmuz", "geo_precision": 3}),
    ("an unknown village with its place word and governorate",
     "On 3 May 2020, a landmine exploded in Ein Marzouq village in Hama countryside, killing a shepherd.",
     "2020-05-10", {"admin1": "Hama", "location": "Ein Marzouq", "fatalities": 1}),
    ("an unknown village is placed at the known area after it",
     "On 2 May 2020, regime forces shelled the village of Tell Qarmuz in Jabal al-Zawiya in the southern "
     "countryside of Idleb.", "2020-05-10", {"admin1": "Idlib", "location": "Tell Qarmuz", "geo_precision": 2}),
    ("an unknown village in the countryside of a known town",
     "On 2 May 2020, Turkish forces shelled the vicinity of Ein Marzouq village in the north-western "
     "countryside of Ein Issa in Ar-Raqqa.", "2020-05-10", {"admin1": "Raqqa", "location": "Ein Marzouq"}),
    ("a front named after an unknown village",
     "On 4 May 2020, regime forces clashed with rebels on Tell Qarmuz frontline in Idleb.", "2020-05-10",
     {"admin1": "Idlib", "location": "Tell Qarmuz"}),
    ("a compass word after a name is not part of it",
     "Clashes killed 40 fighters on Saturday in Tell Qarmuz Northwest of Aleppo.", "2016-07-03",
     {"admin1": "Aleppo", "location": "Tell Qarmuz"}),
    ("a compass word alone is no place",
     "Clashes killed 5 soldiers on Saturday near the Eastern city of Deir Ezzur.", "2016-07-03",
     {"location": "Deir ez-Zor"}),
    ("an unknown name no governorate locates is no place",
     "On 3 May 2020, regime forces shelled Tell Qarmuz.", "2020-05-10", {"location": None, "admin1": None}),
    ("capitals of a title-case headline are no names",
     "Five Civilians Killed in Terrorist Rocket Attacks in Aleppo.", "2016-07-07",
     {"location": "Aleppo", "admin1": "Aleppo"}),
    ("a group's name before a governorate is no place",
     "On 3 May 2020, clashes erupted in Jaysh al-Islam positions in Idleb.", "2020-05-10",
     {"location": "Idlib", "admin1": "Idlib"}),
    ("reporting verbs are no tally",
     "Activists have reported that regime shelling killed five civilians in Saraqib on Monday.", "2020-05-06",
     {"location": "Saraqib", "fatalities": 5}),
]


@pytest.mark.parametrize("text, published, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_extract_case(text, published, expected):
    events = extract(text, published=published, report_id="r1")
    assert len(events) == 1, [e.to_dict() for e in events]
    assert {field: getattr(events[0], field) for field in expected} == expected


def test_extract_country_possessive_lead_comes_from_the_country_pack():
    from ceasefire.extract.pipeline import proper_name_pattern

    assert proper_name_pattern("Yemen").search("Yemen's Taiz was shelled").group(1) == "Taiz"
    assert proper_name_pattern("Syria").search("Yemen's Taiz was shelled") is None


def test_extract_days_months_and_countries_are_never_places():
    from ceasefire.resolve.gazetteer import not_places

    assert {"may", "sunday", "syria", "turkish", "ramadan"} <= not_places()


def test_extract_role_patterns_are_data_and_a_bad_one_is_named(tmp_path):
    from ceasefire.errors import ValidationError
    from ceasefire.extract.lexicon import ROLES_FILE, load_role_patterns

    assert load_role_patterns(ROLES_FILE)["custodian_named"].search("regime prisons")
    bad = tmp_path / "roles.yaml"
    bad.write_text("words:\n  custody: 'prison'\nby_before: '\\bby (?:the'\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="bad pattern") as caught:
        load_role_patterns(bad)
    assert (caught.value.field, caught.value.path) == ("by_before", str(bad))


def test_extract_the_following_day_is_dated_from_the_event_before():
    text = ("On Monday, government helicopters dropped barrel bombs on Kafr Hamra, killing four civilians. "
            "The following day, opposition factions shelled the Midan neighbourhood of Aleppo with rockets.")
    first, second = extract(text, published="2016-05-14", report_id="r1")
    assert (first.event_date, second.event_date) == ("2016-05-09", "2016-05-10")
    assert second.date_precision == "day"


def test_extract_role_pattern_naming_unknown_words_is_refused(tmp_path):
    from ceasefire.errors import ValidationError
    from ceasefire.extract.lexicon import load_role_patterns

    bad = tmp_path / "roles.yaml"
    bad.write_text("words:\n  custody: 'prison'\ncustodian_named: '\\b{custodians}$'\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="no words named 'custodians'"):
        load_role_patterns(bad)


def test_extract_governorates_listed_with_a_city_are_their_cities():
    text = "On Monday, terrorists fired rocket shells on neighbourhoods in Aleppo, Hama and Damascus, killing five."
    events = extract(text, published="2016-11-25", report_id="r1")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [
        ("Aleppo", "Aleppo", 1), ("Hama", "Hama", 1), ("Damascus", "Damascus", 1)]


def test_extract_a_running_tally_is_no_event():
    assert extract("The Observatory has documented 400 civilians killed in Idlib.", published="2016-11-25") == []
    assert extract("Clashes between two factions in Eastern Ghouta have killed more than 300 fighters since late "
                   "April.", published="2016-05-21") == []


def test_extract_a_report_is_not_placed_where_something_happened_long_ago():
    text = ("Nerve agent symptoms seen after attack, WHO says. Victims of a suspected chemical attack appeared to "
            "show symptoms of a nerve agent, the WHO said on Wednesday, putting the death toll at 70. Russia said "
            "the rebels had used the same chemical weapons in Aleppo last year. Doctors in Idlib province treated "
            "dozens of patients.")
    assert [e.admin1 for e in extract(text, published="2017-04-05", report_id="r1")] == ["Idlib"]


def test_extract_governorates_listed_alone_are_an_event_each():
    events = extract("Rebels said government forces violated the truce with shelling in Hama and Latakia on Sunday.",
                     published="2016-02-29", report_id="r1")
    assert [(e.admin1, e.sub_event_type) for e in events] == [
        ("Hama", "Shelling/artillery/missile attack"), ("Latakia", "Shelling/artillery/missile attack")]


def test_extract_a_later_sentence_names_who_carried_the_event_out():
    text = ("Air strikes hit a hospital in the rebel-held part of Aleppo late on Wednesday, killing at least 27 "
            "people, the charity said. The raids on the Sukkari district were carried out by government warplanes, "
            "the Observatory said. The city was evacuated by rebels last year.")
    events = extract(text, published="2016-04-28", report_id="r1")
    assert [(e.actor1, e.fatalities) for e in events] == [(SYRIA, 27)]


def test_extract_only_a_party_with_aircraft_flies_an_air_strike():
    text = ("On May 21, rebels recaptured the village of Kafr Nabudah in Hama. Late on Friday, an air strike hit the "
            "market in Kafr Nabl, killing nine.")
    events = extract(text, published="2016-05-30", report_id="r1")
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Non-state actor overtakes territory", "Opposition Rebels (Syria)"),
        ("Air/drone strike", "Unidentified Armed Group (Syria)")]


def test_extract_the_day_someone_spoke_does_not_date_the_event():
    text = ("The Observatory announced on Sunday that rebels mounted an attack to recapture the Castello road on "
            "Thursday, killing 29 fighters.")
    assert [e.event_date for e in extract(text, published="2016-07-11", report_id="r1")] == ["2016-07-07"]


def test_extract_a_report_only_about_the_past_keeps_its_events():
    retrospective = ("Human Rights Watch said on Wednesday that an air strike on a school in the village of Hass in "
                     "Idlib province on October 26, 2016 killed 22 children.")
    assert [(e.event_date, e.fatalities) for e in extract(retrospective, published="2017-03-01")] == [
        ("2016-10-26", 22)]
    news = ("Air strikes killed five people in Saraqib on Monday. On March 3, 2015, a similar strike killed 20 "
            "people in Saraqib.")
    assert [e.event_date for e in extract(news, published="2016-03-08")] == ["2016-03-07"]


def test_extract_lists_that_the_same_preposition_opens_are_all_places():
    text = ("On Wednesday, joint convoys delivered food and medicine to Madaya and Zabadani in the Damascus "
            "countryside and, at the same time, to Foua and Kefraya in Idlib governorate.")
    events = extract(text, published="2016-04-21", report_id="r1")
    assert [(e.sub_event_type, e.admin1) for e in events] == [
        ("Aid delivered", "Rif Dimashq"), ("Aid delivered", "Rif Dimashq"),
        ("Aid delivered", "Idlib"), ("Aid delivered", "Idlib")]


def test_extract_a_blank_line_ends_a_sentence():
    text = ("Residents said officers at the checkpoint removed surgical supplies from the trucks before they were "
            "allowed into Daraya\n\nWithin hours of the convoy leaving, government artillery shelled Daraya, killing "
            "two people.")
    events = extract(text, published="2016-06-02", report_id="r1")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Aid partially delivered", 0), ("Shelling/artillery/missile attack", 2)]
    assert events[1].evidence[0]["sentence"].startswith("Within hours")


def test_extract_an_attack_is_no_part_of_an_aid_delivery_nor_of_another_partys_attack():
    text = ("An aid convoy entered the besieged town of Daraya on Wednesday. Government artillery shelled Daraya, "
            "killing two people. Opposition factions fired mortar shells at Daraya on Wednesday, killing one.")
    events = extract(text, published="2016-06-02", report_id="r1")
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Aid delivered", None), ("Shelling/artillery/missile attack", SYRIA),
        ("Shelling/artillery/missile attack", "Opposition Rebels (Syria)")]


def test_extract_a_denial_is_no_event():
    assert extract("Russia denied claims that its jets bombed a market in Maarat al-Numan on Sunday.",
                   published="2016-06-13") == []


def test_extract_each_list_item_is_a_sentence():
    text = ("Weekly access update\n"
            "- 12 May: an inter-agency convoy to Daraya was denied entry at the last checkpoint\n"
            "- 13 May: WFP airdropped 20 tonnes of food over Deir ez-Zor\n"
            "• 15 May: government forces shelled Douma, killing 3")
    events = extract(text, published="2016-05-16", report_id="r1")
    assert [(e.event_date, e.sub_event_type, e.fatalities) for e in events] == [
        ("2016-05-12", "Aid blocked", 0), ("2016-05-13", "Airdrop", 0),
        ("2016-05-15", "Shelling/artillery/missile attack", 3)]
    assert events[2].evidence[0]["sentence"] == "• 15 May: government forces shelled Douma, killing 3"


def test_extract_later_sentences_tell_whose_convoy_it_was_and_what_it_lacked():
    text = ("An aid convoy entered the besieged town of Daraya on Wednesday. The trucks of the Syrian Arab Red "
            "Crescent and the United Nations brought medicines and baby milk. Residents said government officers "
            "at the checkpoint removed surgical supplies from the trucks before they were allowed into the town.")
    [event] = extract(text, published="2016-06-02", report_id="r1")
    assert (event.sub_event_type, event.actor1) == ("Aid partially delivered", "Syrian Arab Red Crescent")
    assert len(event.evidence) == 3


def test_extract_a_sentence_turning_to_another_event_is_no_elaboration():
    text = ("Warplanes struck the Sukkari district of Aleppo on Tuesday, killing 9 civilians. Meanwhile, rebel "
            "factions fired rockets on the neighbourhood of al-Midan, killing 4 civilians.")
    events = extract(text, published="2016-05-04")
    assert sorted((e.sub_event_type, e.actor1, e.fatalities) for e in events) == [
        ("Air/drone strike", "Unidentified Armed Group (Syria)", 9),
        ("Shelling/artillery/missile attack", "Opposition Rebels (Syria)", 4)]


def test_extract_a_party_without_aircraft_is_never_an_air_strikes_perpetrator():
    events = extract("Airstrikes on villages held by militants near Manbij killed 12 civilians on Tuesday.",
                     published="2016-07-20")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Air/drone strike", "Unidentified Armed Group (Syria)")]


def test_extract_a_period_start_never_dates_the_event():
    text = ("For the first time since March 2013, a convoy of the United Nations entered the besieged town of "
            "Madaya on Thursday. On the same day, aid reached the town of Zabadani.")
    events = extract(text, published="2016-06-10")
    assert sorted((e.location, e.event_date) for e in events) == [
        ("Az Zabadani", "2016-06-09"), ("Madaya", "2016-06-09")]


def test_extract_a_dateline_year_counts_no_dead():
    events = extract("Posted on October 3 2016 Ten civilians were killed in a car bomb explosion in Hasakah city.",
                     published="2016-10-04")
    assert [e.fatalities for e in events] == [10]


def test_extract_a_countryside_named_before_a_town_only_locates_it():
    events = extract("In the countryside of Idlib, regime helicopters dropped barrel bombs on the town of Saraqeb on "
                     "Friday, killing a woman and her daughter.", published="2016-05-07")
    assert [(e.location, e.fatalities) for e in events] == [("Saraqib", 2)]


def test_extract_a_news_agency_of_a_group_speaks_and_takes_no_side():
    events = extract("The IS-run Amaq news agency claimed 40 civilians were killed in coalition airstrikes on "
                     "Raqqa on Sunday.", published="2016-07-05")
    assert [(e.actor1, e.fatalities) for e in events] == [("Global Coalition Against Daesh", 40)]


def test_extract_bombs_that_kill_are_explosions_not_attacks():
    events = extract("Two bombs tore through a market in Azaz on Thursday, killing at least 14 people.",
                     published="2016-10-14")
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 14)]


def test_extract_those_a_bomb_kills_are_not_its_perpetrators():
    events = extract("A bomb killed 9 pro-government militiamen in Qardaha on Sunday.", published="2016-03-21")
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)")]


def test_extract_a_claim_before_the_attacks_names_their_perpetrator():
    text = ("Islamic State claimed the twin bombings that hit the coast on Tuesday. In Baniyas, a car bomb killed "
            "12 people at a checkpoint. In Tartus, a suicide attacker killed 20 at the bus station.")
    events = extract(text, published="2016-09-07")
    assert sorted((e.location, e.actor1) for e in events if e.location != "Syria") == [
        ("Baniyas", "Islamic State"), ("Tartus", "Islamic State")]


def test_extract_a_place_of_a_list_told_alone_gives_its_own_toll_and_kind():
    text = ("Bombs ripped through Tartus and Jableh on Monday, killing at least 140 people. In Jableh, suicide "
            "bombers blew themselves up at the hospital, killing 95.")
    events = {e.location: e for e in extract(text, published="2016-05-24")}
    assert (events["Jablah"].sub_event_type, events["Jablah"].fatalities) == ("Suicide bomb", 95)
    assert events["Tartus"].fatalities is None  # the list's toll is not split


def test_extract_a_convoy_struck_with_no_weapon_named_was_struck_from_the_air():
    events = extract("An aid convoy was struck on Monday night near Tell Rifaat, killing 12 drivers.",
                     published="2016-09-20")
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [
        ("Air/drone strike", "2016-09-19", 12)]


def test_extract_an_unknown_village_in_the_rural_part_of_a_governorate_is_named():
    events = extract("Shells hit the village of Kafr Naha, in rural western Aleppo, on Sunday, killing two "
                     "children.", published="2016-06-13")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Kafr Naha", "Aleppo", 3)]


def test_extract_state_media_restoring_security_to_a_town_is_retaking_it():
    text = ("Army units, backed by the allied Russian air force, restored security and stability to the town of "
            "al-Qaryatain in the countryside of Homs on Sunday after fierce battles with ISIS.")
    events = extract(text, published="2016-04-04")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Government regains territory", SYRIA, "Islamic State")]


def test_extract_terrorists_of_a_named_group_are_that_group():
    events = extract("Terrorists of Jabhat al-Nusra fired rocket shells on al-Hamdaniyeh neighborhood in Aleppo "
                     "city on Monday, killing two civilians.", published="2016-05-03")
    assert [(e.actor1, e.actor2) for e in events] == [("Jabhat al-Nusra", CIVILIANS)]


def test_extract_what_happened_then_is_an_event_of_that_day_and_place():
    text = ("Government aircraft struck rebel positions near the town of Morek on Tuesday, killing 11 fighters. "
            "The rebels said the strikes had not stopped them. Rebel fighters then overran two checkpoints "
            "south of the town, the Observatory said.")
    events = extract(text, published="2016-05-11")
    assert sorted((e.sub_event_type, e.event_date) for e in events) == [
        ("Air/drone strike", "2016-05-10"), ("Non-state actor overtakes territory", "2016-05-10")]


def test_extract_aid_carried_but_no_food_was_partly_delivered_and_the_next_delivery_is_the_same_agencys():
    text = ("A convoy of the World Food Programme entered the besieged town of Moadamiyeh on Thursday. It carried "
            "medicines and baby milk, but no food. The same day, aid reached the town of Daraya.")
    events = extract(text, published="2016-06-03")
    assert sorted((e.location, e.sub_event_type) for e in events) == [
        ("Darayya", "Aid delivered"), ("Muadamiyat al-Sham", "Aid partially delivered")]
    assert events[0].actor1 == events[1].actor1 == "United Nations"  # WFP is a UN agency


def test_extract_what_happened_in_another_country_is_no_event_here():
    text = ("Islamic State fighters seized two villages near Marea on Tuesday. Three suicide bombers blew "
            "themselves up on Monday in the village of al-Qaa in northeast Lebanon, killing five people.")
    events = extract(text, published="2016-06-29")
    assert [(e.location, e.sub_event_type) for e in events] == [("Mari", "Non-state actor overtakes territory")]


def test_extract_what_happened_in_a_city_abroad_is_no_event_here():
    text = ("Aleppo: regime warplanes struck Anadan on Monday, killing four. On Tuesday, a car bomb killed 28 people "
            "in Ankara, Turkish officials said. Rockets fired from Syria hit Kilis on Wednesday, killing two.")
    events = extract(text, published="2016-05-12")
    assert [(e.location, e.event_date) for e in events] == [("Anadan", "2016-05-09")]


def test_extract_a_city_abroad_before_a_lost_full_stop_is_no_place_here():
    # "Kirkuk In" (the next sentence run in) once sounded like a village in Idlib
    text = ("Kurdish forces advanced on Azaz on Saturday. Peshmerga shot dead six IS suicide bombers west of Kirkuk "
            "In a separate event a suicide attack on Peshmerga lines was foiled Saturday.")
    events = extract(text, published="2016-03-12")
    assert [e.admin1 for e in events] == ["Aleppo"]


def test_extract_the_dead_of_an_earlier_act_are_not_the_events():
    text = ("Three suicide bombers blew themselves up near the police headquarters in Damascus on Wednesday, killing "
            "one person. The attack came a day after 17 people were killed in an attack on a police station in Midan.")
    assert [e.fatalities for e in extract(text, published="2017-10-11")] == [1]
    # ...but a toll told after the event's own act still counts
    text = ("A car bomb exploded in Azaz on Monday, killing 10. Following the attack, the toll rose to 20 "
            "killed, the monitor said.")
    assert [e.fatalities for e in extract(text, published="2016-05-10")] == [20]


def test_extract_what_an_event_answered_is_not_where_or_when_it_happened():
    text = ("A US missile strike on a military airfield near Homs killed five people on Thursday. Trump said the "
            "attack was a response to the alleged chemical weapon use in Idlib on Tuesday which Washington blames "
            "on Damascus.")
    events = extract(text, published="2017-04-07")
    assert [(e.admin1, e.event_date, e.fatalities) for e in events] == [("Homs", "2017-04-06", 5)]


def test_extract_a_place_claiming_lives_is_no_speaker():
    [event] = extract("On Tuesday an alleged chemical weapon attack in Syrias Idlib province claimed the lives of some "
                      "80 people.", published="2017-04-05")
    assert (event.sub_event_type, event.admin1, event.event_date, event.fatalities) == (
        "Chemical weapon", "Idlib", "2017-04-04", 80)


def test_extract_a_government_called_by_its_seat_is_no_place():
    events = extract("Troops loyal to Damascus shelled Kafr Zita on Monday, killing two. The opposition blamed the "
                     "attack on Damascus.", published="2016-05-10")
    assert [e.location for e in events] == ["Kafr Zayta"]


def test_extract_a_later_sentence_naming_the_aircraft_tells_who_flew_the_strike():
    text = ("Air strikes on a hospital in Deir Sharqi in Idlib province on Thursday left 10 people dead, a monitor "
            "said. Apparently Russian aircraft carried out four successive raids at dawn on the hospital, it said.")
    [event] = extract(text, published="2017-04-27")
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Military Forces of Russia (2000-)")
    # ...not a party only named in the sentence ("an official Anadolu Agency put the toll at 85")
    text = ("Air strikes on Tokhar in Aleppo province killed 56 civilians on Tuesday. Turkey's official Anadolu "
            "Agency put the death toll of the air strikes at 85.")
    assert [e.actor1 for e in extract(text, published="2016-07-19")] == ["Unidentified Armed Group (Syria)"]


def test_extract_a_dateline_inside_the_page_places_no_event():
    text = ("Related Syrian Army Repelled Daesh Attack East of Hama DAMASCUS (Sputnik) The death toll following "
            "the Daesh attack on Aqareb es Safi village in Hama province on Thursday reached 51 people.")
    assert {e.admin1 for e in extract(text, published="2017-05-18")} == {"Hama"}


def test_extract_a_toll_across_the_country_is_not_the_first_towns():
    text = ("Syrian government air strikes on opposition-held towns across the country killed at least 44 people on "
            "Monday a monitoring group said. In Jassem in the southern province of Daraa 16 civilians were killed in "
            "four air strikes.")
    assert [(e.location, e.fatalities) for e in extract(text, published="2015-02-03")] == [("Jasim", 16)]


def test_extract_a_toll_across_the_reports_country_by_name_is_not_the_first_towns():
    text = ("Government air strikes across Syria killed 44 people on Monday. In Jassem, 16 people were killed. "
            "In Douma, 12 people were killed.")
    assert [(e.location, e.fatalities) for e in extract(text, published="2015-02-03")] == [("Jasim", 16), ("Duma", 12)]


def test_extract_items_of_a_roundup_of_strikes_are_strikes_by_its_perpetrator():
    text = ("Syrian government air strikes on opposition-held towns across the country killed at least 44 people on "
            "Monday a monitoring group said. In Jassem in Daraa province 16 civilians were killed in four air "
            "strikes. Elsewhere air strikes on Douma east of Damascus killed at least 10 civilians. At Khan Sheikhun "
            "in Idlib province 15 people were killed.")
    events = extract(text, published="2015-02-03")
    assert [(e.location, e.sub_event_type, e.actor1) for e in events] == [
        ("Jasim", "Air/drone strike", SYRIA), ("Duma", "Air/drone strike", SYRIA),
        ("Khan Shaykhun", "Air/drone strike", SYRIA)]


def test_extract_after_background_of_another_place_an_item_takes_the_news_day():
    text = ("Bomb blasts hit Tartous and Hasakeh on Monday killing at least 38 people. Hasakeh city has been "
            "regularly targeted by IS including in July when a bomber on a motorcycle killed at least 16 people. "
            "In central Homs city at least three people were killed in a car bomb. Al-Zahraa has also been "
            "targeted before including by a double bomb blast in February that was claimed by IS.")
    events = extract(text, published="2016-09-05")
    homs = [e for e in events if e.admin1 == "Homs"]
    assert [(e.event_date, e.fatalities, e.actor1) for e in homs] == [
        ("2016-09-05", 3, "Unidentified Armed Group (Syria)")]  # a claim of February's blast is not of Monday's


def test_extract_an_unknown_village_in_a_held_governorate_is_there():
    [event] = extract("Air strikes on a school complex in the village of Hass in rebel-held Idlib province killed at "
                      "least 22 children on Wednesday.", published="2016-10-27")
    assert (event.location, event.admin1) == ("Hass", "Idlib")


def test_extract_a_known_place_is_not_moved_by_a_governorate_after_a_bare_space():
    events = extract("Tags Syria IS Sayyida Zeinab Homs bombings In Sayyida Zeinab a car bomb exploded near a bus "
                     "station killing at least 83 people on Sunday.", published="2016-02-22")
    assert {e.admin1 for e in events if e.location == "Sayyida Zeinab"} == {"Rif Dimashq"}


def test_extract_an_actor_named_after_a_speakers_words_killed_no_one():
    text = ("US-led coalition aircraft bombed positions of the Syrian army on the Thardah mountain near Deir ez-Zor "
            "airport on Saturday. Sixty-two soldiers were killed the statement said adding that the strike allowed "
            "Daesh militants to advance on the hill.")
    events = extract(text, published="2016-09-18")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in events] == [
        ("Air/drone strike", "Global Coalition Against Daesh", 62)]


def test_extract_lists_each_located_by_its_governorate_are_one_events_places():
    text = ("Convoys of humanitarian aid entered on Wednesday the towns of Madaya and al-Zabadani in Damascus "
            "Countryside and Kafraya and al-Fouaa in Idlib countryside.")
    events = extract(text, published="2016-02-18")
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Aid delivered", "Madaya"), ("Aid delivered", "Az Zabadani"), ("Aid delivered", "Kafraya"),
        ("Aid delivered", "Al-Fuah")]


def test_extract_a_city_that_only_locates_its_suburb_is_not_the_place():
    for text in ("The first buses left the besieged Damascus suburb of Daraya on Friday under an evacuation deal.",
                 "The first buses left the besieged Daraya suburb of Damascus on Friday under an evacuation deal."):
        assert [e.location for e in extract(text, published="2016-08-27")] == ["Darayya"]


def test_extract_a_statement_naming_the_town_day_and_dead_is_the_events_account():
    text = ("The Syrian Coalition condemned the shelling by regime forces of residential neighborhoods in the town of "
            "Kafr Nabl in rural Idlib on Thursday which killed seven civilians. Regime warplanes also struck the town "
            "of Talbiseh in rural Homs early on Friday killing four civilians activists said.")
    events = extract(text, published="2016-05-13")
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [
        ("Kafranbel", "2016-05-12", 7), ("Tallbisah", "2016-05-13", 4)]
    # ...but a statement with no such account stays none
    assert extract("The Coalition condemned the regime's continued violations of the truce in rural Idlib.",
                   published="2016-05-13") == []


def test_extract_a_photo_credit_ends_its_caption():
    text = ("A member of the regime forces runs near destroyed buildings in the city of Hasakeh on Monday (AFP photo) "
            "BEIRUT Thirteen civilians were killed in aerial attacks by the government on Wednesday in Taduf in "
            "Aleppo province a monitoring group said.")
    events = extract(text, published="2015-07-15")
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [("Tadif", "2015-07-15", 13)]


def test_extract_a_town_called_a_district_of_its_governorate_stays_the_town():
    text = ("At least 6 civilians were killed in regime airstrikes on a refugee camp in Idlib province on Wednesday. "
            "A civil defense official said a camp east of Idlibs Maarat al-Numaan district was targeted by regime "
            "war planes.")
    assert [e.location for e in extract(text, published="2017-04-27")] == ["Maarrat an Numan"]
    # ...while a quarter named like a town elsewhere is the city's
    [event] = extract("Terrorists fired rocket shells on al-Midan neighborhood in Aleppo city on Monday killing three "
                      "civilians.", published="2016-07-05")
    assert (event.location, event.admin1) == ("Aleppo", "Aleppo")


def test_extract_a_truce_named_after_a_place_and_fighting_people_fled_are_no_event_there():
    text = ("Aleppo truce extended as 28 killed in air strikes on Idlib camp Syrian regime warplanes struck a camp for "
            "displaced people in Idlib province on Thursday killing at least 28 people. The camp at Kamouna near the "
            "town of Sarmada housed families who had fled fighting in Aleppo and Hama.")
    events = extract(text, published="2016-05-05")
    assert [(e.sub_event_type, e.admin1, e.fatalities) for e in events] == [("Air/drone strike", "Idlib", 28)]


def test_extract_dead_of_the_other_side_told_as_also_killed_are_added():
    text = ("Daesh terrorists have launched an attack on Kurdish-controlled areas in Hasakah province killing eight "
            "fighters of the Kurdish Peoples Protection Units (YPG). The attack took place near the town of "
            "al-Shaddadi on Saturday the Observatory said adding that 15 Daesh militants were also killed.")
    [event] = extract(text, published="2016-05-29")
    assert (event.location, event.event_date, event.fatalities) == ("Ash Shaddadah", "2016-05-28", 23)


def test_extract_a_headline_strike_takes_its_perpetrator_and_victims_from_the_lede():
    text = ("Monday 26 Sep 2016 Strikes pound Aleppo as diplomacy fails AFP Russian and Syrian warplanes pounded "
            "rebel-held districts of eastern Aleppo on Monday killing at least 26 civilians the Observatory said. On "
            "Sunday regime troops backed by militias seized the Handarat camp from rebels.")
    events = extract(text, published="2016-09-26")
    assert [(e.sub_event_type, e.actor1, e.actor2, e.event_date) for e in events] == [
        ("Air/drone strike", "Military Forces of Russia (2000-)", CIVILIANS, "2016-09-26"),
        ("Government regains territory", SYRIA, "Opposition Rebels (Syria)", "2016-09-25")]


def test_extract_an_act_a_sentence_turns_back_to_with_its_place_and_dead_is_an_event():
    text = ("Turkish warplanes struck YPG positions near the village of Amarneh south of Jarablus on Sunday killing "
            "25 fighters. The strikes came after a Turkish soldier was killed when a tank was hit by a rocket fired "
            "by the YPG near Jarablus on Saturday.")
    events = extract(text, published="2016-08-28")
    assert sorted((e.event_date, e.sub_event_type, e.actor1, e.fatalities) for e in events) == [
        ("2016-08-27", "Shelling/artillery/missile attack", "SDF: Syrian Democratic Forces", 1),
        ("2016-08-28", "Air/drone strike", "Military Forces of Turkey (2002-)", 25)]
    # ...not when the report does not tell its day
    text = ("A car bomb killed 17 people at the Bab al-Salama crossing on Thursday. The latest attack comes one week "
            "after an IS suicide bomber blew himself up at a border crossing in Idlib province killing 29 fighters.")
    assert [e.admin1 for e in extract(text, published="2016-10-13")] == ["Aleppo"]


def test_extract_a_headline_announcing_an_event_long_past_is_no_news():
    text = ("ISIL Used Chemical Weapons against Kurds in Hasakeh. Militants of ISIL fired missiles containing toxic "
            "gas at Kurdish forces in Hasakeh province last month the forces and a monitoring group said. On Sunday "
            "Kurdish fighters repelled an ISIL attack near Tal Tamr.")
    events = extract(text, published="2015-07-20")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Armed clash", "2015-07-19")]


def test_extract_terrorists_who_also_fired_on_another_town_are_another_event():
    text = ("Terrorists violate cessation of hostilities agreement in Latakia and Hama. Terrorist organizations "
            "violated the cessation of hostilities agreement on Monday by targeting with "
            "mortar shells the village of Kinsibba in Latakia northern countryside a military source said. The source "
            "added that the terrorists also fired rocket shells on the town of Mhardeh in Hama northern countryside "
            "causing material damage.")
    assert [e.admin1 for e in extract(text, published="2016-03-01")] == ["Latakia", "Hama"]


def test_extract_a_toll_in_areas_of_a_region_is_not_the_first_towns():
    text = ("At least 50 civilians were killed when missiles hit five medical facilities in rebel-held areas of "
            "northern Syria on Monday the United Nations said. In Azaz near the Turkish border 14 people were killed "
            "when missiles struck a childrens hospital.")
    assert [(e.location, e.fatalities) for e in extract(text, published="2016-02-16")] == [("Izaz", 14)]


def test_extract_a_tag_list_the_lede_does_not_repeat_ends_where_a_sentence_opens():
    from ceasefire.extract.lexicon import furniture, load_boilerplate

    text = ("Syrian regime air strikes have killed at least 10 people in Douma. Tags Syria Douma Eastern Ghouta air "
            "strikes Syrian regime Ten civilians were killed on Tuesday when regime warplanes struck a market in Douma.")
    assert [text[s:e] for s, e in furniture(text, load_boilerplate())] == [
        "Tags Syria Douma Eastern Ghouta air strikes Syrian regime"]
    far = "Tags " + "Syria Aleppo " * 20 + "At least 10 people were killed."  # no end close enough: the word alone
    assert [far[s:e] for s, e in furniture(far, load_boilerplate())] == ["Tags"]


def test_extract_where_an_earlier_act_happened_is_not_where_the_event_did():
    text = ("At least 19 people were killed in air strikes near the Syrian capital on Tuesday just hours after a "
            "suspected chemical gas attack left dozens dead in Khan Sheikhun. Six children were among the dead in "
            "Eastern Ghouta the monitor said.")
    events = extract(text, published="2017-04-04")
    assert ("Air/drone strike", "Rif Dimashq") in {(e.sub_event_type, e.admin1) for e in events}
    assert ("Air/drone strike", "Idlib") not in {(e.sub_event_type, e.admin1) for e in events}
    # ...but where people fled is where they were killed
    [event] = extract("The observatory reported that 56 civilians were killed in strikes as they fled a village near "
                      "Manbij on July 19.", published="2016-07-28")
    assert (event.location, event.event_date) == ("Manbij", "2016-07-19")


def test_extract_an_assault_on_the_edge_of_the_city_just_told_is_there():
    text = ("Rebel rocket fire on government-held western Aleppo killed at least 15 civilians on Sunday. The Observatory "
            "put the toll at 18 civilians. The rebels launched an assault on Friday on the Dahiyat al-Assad district on "
            "the western edge of the city and captured parts of it.")
    events = extract(text, published="2016-10-31")
    assert [(e.sub_event_type, e.event_date) for e in events] == [
        ("Shelling/artillery/missile attack", "2016-10-30"), ("Armed clash", "2016-10-28")]


def test_extract_the_event_named_as_told_close_after_an_undated_headline_tells_its_day():
    text = ("Militants shell Aleppo residential areas kill 9. Militants have fired mortar shells at residential areas "
            "in the city of Aleppo killing at least nine people. State television said the attacks on Friday "
            "targeted the neighborhoods of al-Midan and al-Sulaymaniyah.")
    assert [(e.event_date, e.fatalities) for e in extract(text, published="2016-04-23")] == [("2016-04-22", 9)]
    # ...a byline between; and never the day someone spoke
    text = ("First buses leave Syrias Daraya under evacuation deal. Reuters Staff. The first buses carrying rebel "
            "fighters and civilians left the besieged suburb of Daraya on Friday under a deal.")
    assert [e.event_date for e in extract(text, published="2016-08-27")] == ["2016-08-26"]
    text = ("At least four people were killed in an explosion in the town of al-Qardaha. The Observatory said Sunday "
            "that the explosion took the lives of 2 women and 2 soldiers.")
    assert [e.event_date for e in extract(text, published="2015-02-21")] == ["2015-02-21"]


def test_extract_a_kind_of_attack_dated_to_an_earlier_month_is_no_attack_told():
    text = ("On Friday at least 13 civilians died in air strikes around Khan Sheikhoun, the site of the regime's "
            "deadly chemical attack in April, the Observatory said.")
    [event] = extract(text, published="2017-10-08")
    assert (event.sub_event_type, event.event_date, event.fatalities) == ("Air/drone strike", "2017-10-06", 13)


def test_extract_a_claim_that_names_its_day_is_of_that_days_attack():
    text = ("Suicide bombers blew up two vehicles in the towns of Jibrin and Al-Humeiri in Hama province on Friday "
            "killing at least 18 people. Fridays attack came after a double car bombing claimed by Al-Qaeda killed at "
            "least 100 people on Tuesday in a district of Homs.")
    events = extract(text, published="2014-05-03")
    assert {e.admin1: e.actor1 for e in events}["Hama"] == "Unidentified Armed Group (Syria)"


def test_extract_a_ledes_attack_is_dated_by_the_day_said_right_after_it():
    text = ("The UN suspended all aid convoys in Syria on Tuesday after a convoy of the Red Crescent was hit by air "
            "strikes near Aleppo the previous night killing about 20 civilians.")
    [event] = extract(text, published="2016-09-20")
    assert (event.sub_event_type, event.event_date, event.fatalities) == ("Air/drone strike", "2016-09-19", 20)


def test_extract_the_support_an_act_had_is_no_act_told():
    text = ("Syrian army troops backed by Russian airstrikes have retaken several villages from Daesh in Raqqa "
            "province. The army took control of the villages of Abu al-Alaj and al-Bir on Wednesday after fierce "
            "clashes a military source said.")
    events = extract(text, published="2016-06-23")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Government regains territory", "2016-06-22")]
    # ...while rebels backed by a country are still who captured a town
    [event] = extract("Syrian rebels backed by Turkey captured the border town of al-Rai from IS on Saturday.",
                      published="2016-08-13")
    assert (event.sub_event_type, event.actor1) == ("Non-state actor overtakes territory", "Opposition Rebels (Syria)")


def test_extract_an_undated_strike_further_on_told_in_the_past_is_an_event_a_habit_is_not():
    text = ("Daesh terrorists have launched an attack on Kurdish-controlled areas near the town of al-Shaddadi in "
            "Hasakah province on Saturday killing eight fighters. Fifteen Daesh militants were also killed. The "
            "US-led coalition conducted several airstrikes against Daesh positions in the area the monitoring group "
            "added.")
    events = extract(text, published="2016-05-29")
    assert ("Air/drone strike", "Global Coalition Against Daesh") in {(e.sub_event_type, e.actor1) for e in events}
    text = ("Daesh terrorists have launched an attack on Kurdish-controlled areas near the town of al-Shaddadi in "
            "Hasakah province on Saturday killing eight fighters. Fifteen Daesh militants were also killed. The "
            "US-led coalition has regularly conducted airstrikes against Daesh positions in the area.")
    events = extract(text, published="2016-05-29")
    assert "Air/drone strike" not in {e.sub_event_type for e in events}


def test_extract_an_undated_strike_near_the_town_just_told_is_there():
    text = ("Syrian government forces have recaptured the strategic town of Salma in Latakia province from militants "
            "after days of heavy fighting. The town had been held by militants since 2012. Russian warplanes carried "
            "out several airstrikes on militant positions near the town in support of the advance.")
    events = extract(text, published="2016-01-07")
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Government regains territory", "Salma"), ("Air/drone strike", "Salma")]


def test_extract_a_speakers_seat_abroad_does_not_move_the_event_abroad():
    text = ("Russian air strikes killed 30 Islamic State fighters in Mayadin on Friday, the defence ministry in "
            "Moscow said. On Saturday, 40 more fighters were killed in air strikes, the ministry in Moscow said.")
    events = extract(text, published="2017-10-08")
    assert [(e.location, e.fatalities) for e in events] == [("Al Mayadin", 30), ("Al Mayadin", 40)]


def test_extract_a_governorates_summary_is_the_event_told_at_its_town():
    text = ("Missiles hit hospitals and schools in Aleppo and Idlib provinces on Monday, killing dozens. In Azaz, "
            "a children's hospital was hit, killing 14 people. In Maarat al-Numan, a clinic was hit, killing 9.")
    events = extract(text, published="2016-02-16")
    assert sorted((e.location, e.admin1, e.event_type, e.fatalities) for e in events) == [
        ("Izaz", "Aleppo", "Explosions/Remote violence", 14),
        ("Maarrat an Numan", "Idlib", "Explosions/Remote violence", 9)]


def test_extract_a_lull_a_period_and_those_fleeing_fighting_are_no_events():
    text = ("Protesters marched in Kafr Nabl on Friday. The protests were made possible by the lull in air strikes "
            "since the truce began on February 27. Many of them fled fighting in Hama last year.")
    events = extract(text, published="2016-03-12")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_extract_each_item_of_a_monitors_roundup_is_an_event():
    text = ("Daily report, 4 July.\n"
            "Idlib: A car bomb exploded in Idlib city on Monday, killing 5 people.\n"
            "Hama: Regime forces shelled the towns of Kafr Zita and al-Latamneh, wounding several civilians.")
    events = extract(text, published="2016-07-05")
    assert sorted((e.location, e.sub_event_type, e.event_date) for e in events) == [
        ("Idlib", "Remote explosive/landmine/IED", "2016-07-04"),
        ("Kafr Zayta", "Shelling/artillery/missile attack", "2016-07-04"),
        ("Latamneh", "Shelling/artillery/missile attack", "2016-07-04")]


def test_extract_a_killing_told_with_an_evacuation_is_the_event():
    events = extract("Six people were killed when a bomb went off near buses carrying evacuees in Aleppo on "
                     "Wednesday as the evacuation of four towns resumed.", published="2017-04-20")
    assert [(e.event_type, e.fatalities) for e in events] == [("Explosions/Remote violence", 6)]


def test_extract_a_protest_dispersed_in_the_next_sentence_had_an_intervention():
    text = ("Hundreds of people protested in Kafr Nabl on Friday against Jabhat al-Nusra. Nusra fighters fired "
            "into the air to disperse the crowd and detained two activists.")
    events = extract(text, published="2016-03-12")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Protest with intervention", "Jabhat al-Nusra")]


def test_extract_the_other_sides_toll_of_the_strikes_told_before_is_no_new_event():
    text = ("Turkish warplanes struck Kurdish YPG positions north of Aleppo on Wednesday night, killing up to 200 "
            "fighters, the Turkish army said. The YPG said only 10 of its fighters were killed in the strikes.")
    events = extract(text, published="2016-10-20")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Air/drone strike", "Military Forces of Turkey (2002-)")]


def test_extract_strikes_with_no_weapon_named_are_air_strikes():
    events = extract("Russian strikes killed 12 civilians in the town of Maarzita on Thursday.", published="2017-04-28")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Air/drone strike", "Military Forces of Russia (2000-)")]


def test_extract_what_was_reported_hours_later_is_an_event_of_that_day():
    text = ("Rebels shot down a Russian helicopter over Idlib province on Monday, killing all five people on board. "
            "The Russian defence ministry confirmed the loss. Hours later, a chlorine attack was reported in the "
            "town of Saraqeb.")
    events = extract(text, published="2016-08-02")
    assert sorted((e.sub_event_type, e.event_date) for e in events) == [
        ("Chemical weapon", "2016-08-01"), ("Disrupted weapons use", "2016-08-01")]


def test_extract_an_unknown_village_near_a_town_is_placed_at_the_town():
    events = extract("Turkish-backed rebels attacked the village of Kafr Naha near Azaz on Thursday, killing eight "
                     "YPG fighters.", published="2016-02-26")
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Kafr Naha", "Aleppo", 2)]


def test_extract_the_group_named_just_before_is_who_acted_and_a_pretext_names_no_side():
    text = ("The Islamic State group executed 12 men in al-Mayadeen on Sunday, accusing them of spying for the "
            "US-led coalition. In Raqqa, the group abducted three activists on Saturday night.")
    events = extract(text, published="2016-05-16")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Attack", "Islamic State", CIVILIANS), ("Abduction/forced disappearance", "Islamic State", CIVILIANS)]


def test_extract_another_kind_of_violence_the_same_day_and_place_is_an_event_of_its_own():
    text = ("Government forces seized three districts of eastern Aleppo on Monday, the army said. Air strikes "
            "killed at least 10 civilians in the city on Monday, rescuers said.")
    events = extract(text, published="2016-11-29")
    assert sorted((e.event_type, e.fatalities) for e in events) == [
        ("Battles", 0), ("Explosions/Remote violence", 10)]


def test_extract_a_death_told_first_and_its_weapon_told_next_are_one_event():
    text = ("A child was killed in Aleppo on Saturday, state media said. Aleppo: terrorists fired mortar shells "
            "on the al-Midan neighborhood on Saturday, killing a child.")
    events = extract(text, published="2016-04-24")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Shelling/artillery/missile attack", 1)]


def test_extract_strikes_halted_are_no_event():
    events = extract("Russian warplanes halted air strikes on Aleppo on Thursday as a pause began.",
                     published="2016-10-20")
    assert events == []


def test_extract_a_sentence_turning_to_a_place_first_tells_an_event_of_its_own():
    text = ("Government helicopters dropped barrel bombs on Daraya on Sunday morning, the Observatory said. "
            "The opposition called it a breach of the truce. In Hama province, regime forces shelled the town "
            "of Kafr Zita.")
    events = extract(text, published="2016-02-29")
    assert sorted((e.location, e.event_date) for e in events) == [("Darayya", "2016-02-28"), ("Kafr Zayta", "2016-02-28")]


def test_extract_the_parts_of_a_tally_are_no_event():
    text = ("The reconciliation centre registered 9 violations of the truce over the past 24 hours, 4 of them in "
            "Latakia province. Most were shelling of residential areas by armed groups, the centre said.")
    assert extract(text, published="2016-03-06") == []


def test_extract_the_body_of_a_fighter_names_the_dead_not_the_perpetrator():
    events = extract("On 3 May 2020, the body of a regime fighter with gunshot wounds was found near Kahil in Daraa.",
                     published="2020-05-03")
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Syria)", SYRIA)]


def test_extract_leaving_a_besieged_town_under_a_deal_is_its_evacuation_not_a_siege():
    text = ("The last rebels and civilians left the besieged town of Daraya on Friday under a deal with the "
            "government. Buses carried some 700 fighters to Idlib province and 4,000 civilians to shelters near "
            "Damascus.")
    events = extract(text, published="2016-08-27")
    assert [(e.sub_event_type, e.location) for e in events] == [("Evacuation", "Darayya")]


def test_extract_a_named_place_recaptured_and_a_turn_to_another_event_are_events_of_their_own():
    text = ("Islamic State fighters seized two villages north of Aleppo on Friday, the Observatory said. Thousands "
            "of people fled towards the border. On Sunday, rebels recaptured Kafr Kalbin after heavy fighting "
            "near Marea. Meanwhile, hundreds of people demonstrated in the town of Azaz.")
    events = extract(text, published="2016-05-29")
    assert sorted((e.sub_event_type, e.actor1) for e in events) == [
        ("Non-state actor overtakes territory", "Islamic State"),
        ("Non-state actor overtakes territory", "Opposition Rebels (Syria)"),
        ("Peaceful protest", "Protesters (Syria)")]


def test_extract_houses_stormed_and_offices_set_on_fire_are_property_destruction_not_territory():
    text = ("ISIS members stormed houses in the town of al-Mayadeen on Sunday and confiscated the property of "
            "residents. Several offices in Amuda were set on fire on Sunday.")
    events = extract(text, published="2016-10-10")
    assert {e.sub_event_type for e in events} == {"Looting/property destruction"}


def test_extract_a_later_claim_names_the_perpetrator_and_a_checkpoints_owner_is_its_target():
    text = ("A car bomb exploded at a checkpoint run by Kurdish Asayish forces in the city of Hasakah on Monday, "
            "killing at least 5 people. Islamic State later claimed the attack.")
    events = extract(text, published="2016-06-21")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Remote explosive/landmine/IED", "Islamic State")]


def test_extract_two_acts_by_two_actors_in_one_sentence_are_two_events():
    text = ("Aleppo: A child was killed by sniper fire in the Bustan al-Qasr neighbourhood on Wednesday.\n"
            "Idleb: Jaysh al-Fatah fighters shelled the villages of Foua and Kefraya with mortars, and regime "
            "warplanes struck the town of Binnish in response.")
    events = extract(text, published="2016-03-31")
    assert sorted((e.location, e.sub_event_type, e.actor1) for e in events if e.admin1 == "Idlib") == [
        ("Al-Fuah", "Shelling/artillery/missile attack", "Opposition Rebels (Syria)"),
        ("Binnish", "Air/drone strike", SYRIA),
        ("Kafraya", "Shelling/artillery/missile attack", "Opposition Rebels (Syria)")]


def test_extract_a_country_named_as_a_place_is_no_party():
    events = extract("Syrian troops captured the town of Ratyan north of Aleppo on Wednesday, cutting a rebel supply "
                     "line to Turkey.", published="2016-02-11")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Government regains territory", None)]


def test_extract_an_agencys_dateline_place_is_the_reporters_and_a_town_held_by_a_group_names_no_side():
    text = ("Damascus, SANA - Terrorist organizations fired rocket shells on the New Aleppo neighborhood in Aleppo "
            "city on Sunday, killing 6 civilians. Russian air strikes killed 23 civilians in the Islamic State-held "
            "town of Khusham on Sunday.")
    events = extract(text, published="2016-10-31")
    assert sorted((e.admin1, e.actor2) for e in events) == [("Aleppo", CIVILIANS), ("Deir ez-Zor", CIVILIANS)]


def test_extract_an_attack_repelled_is_a_battle_of_its_own():
    text = ("Terrorists fired rocket shells on the New Aleppo neighborhood in Aleppo city on Sunday, killing 6 "
            "civilians. Army units repelled an attack by terrorists in the direction of Dahiyet al-Assad.")
    events = extract(text, published="2016-10-31")
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Shelling/artillery/missile attack"]


def test_extract_the_subject_of_a_passive_is_the_target():
    events = extract("An Asayish patrol was ambushed near the village of Tal Tamr on Thursday, and two of its members "
                     "were killed.", published="2016-09-30")
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Syria)", "SDF: Syrian Democratic Forces")]


def test_extract_warplanes_leaving_a_base_are_a_movement_not_a_strike():
    events = extract("The first group of Russian warplanes left the Hmeimim air base in Latakia province on Tuesday.",
                     published="2016-03-16")
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]


def test_extract_storming_positions_after_a_bomb_is_an_event_of_its_own():
    text = ("Dara'a: Rebels detonated a tunnel bomb under army positions in Dara'a city on Thursday, killing 12 "
            "soldiers. Rebel fighters then stormed the positions.")
    events = extract(text, published="2016-09-30")
    assert sorted(e.event_type for e in events) == ["Battles", "Explosions/Remote violence"]


def test_extract_a_clause_after_where_keeps_the_place_said_before_it():
    text = ("Rebels shelled the Midan district of Aleppo on Thursday. Outside the city, government forces clashed "
            "with rebels near Khan Touman on Thursday, where the rebels captured the village on Friday.")
    events = extract(text, published="2016-05-07")
    assert ("Khan Touman", "Non-state actor overtakes territory", "2016-05-06") in {
        (e.location, e.sub_event_type, e.event_date) for e in events}


def test_extract_fighting_that_only_frames_a_truce_is_no_event():
    text = ("A 48-hour truce in Aleppo came into effect on Thursday, the army said, after two weeks of fighting that "
            "killed hundreds of people.")
    assert extract(text, published="2016-05-06") == []


def test_extract_a_group_among_others_is_on_their_side_and_a_counter_attack_later_is_its_own_event():
    text = ("Rebels including Jabhat al-Nusra fighters shot down a Syrian air force warplane near al-Eis on "
            "Tuesday. Government forces launched a counter-attack on al-Eis later in the day.")
    events = extract(text, published="2016-04-05")
    assert sorted((e.sub_event_type, e.actor1, e.actor2) for e in events) == [
        ("Armed clash", SYRIA, None), ("Disrupted weapons use", SYRIA, "Opposition Rebels (Syria)")]


def test_extract_where_shooters_are_positioned_is_no_event_place_and_a_town_listed_after_a_town_is_one():
    text = ("Three citizens were killed by rocket shells on Mhardeh city in Hama countryside on Sunday. The "
            "terrorist groups positioned in Kafr Zita fired the shells. On Monday, airstrikes targeted the towns of "
            "Atareb and Darat Izza in the western countryside of Aleppo.")
    events = extract(text, published="2016-07-26")
    assert sorted(e.location for e in events) == ["Al Atarib", "Darat Izzah", "Maharda"]


def test_extract_an_aleppo_quarter_named_after_a_town_is_in_the_city_and_a_postponed_convoy_is_blocked():
    text = ("Regime helicopters dropped barrel bombs on the Tariq al-Bab neighbourhood of Aleppo on Monday, killing "
            "9 civilians. On Monday, a planned convoy to the besieged town of Darayya was postponed after the "
            "authorities did not provide security guarantees.")
    events = {e.sub_event_type: e for e in extract(text, published="2016-07-12")}
    assert events["Air/drone strike"].admin1 == "Aleppo" and events["Air/drone strike"].location != "Al Bab"
    assert (events["Aid blocked"].location, events["Aid blocked"].actor1) == ("Darayya", SYRIA)


def test_extract_a_route_from_a_place_happened_on_it():
    """"the road from Aleppo to Azaz" names where the event was, not where someone came from."""
    from ceasefire.extract.lexicon import ROLES_FILE, load_role_patterns

    patterns = load_role_patterns(ROLES_FILE)
    assert patterns["route_after"].match(" to Azaz") and not patterns["route_after"].match(" towards Azaz")
    assert patterns["parallel_gap"].search(" and, at the same time, to ") and not patterns["parallel_gap"].search(
        ", then to ")
    events = extract("On Monday, government warplanes struck the road from Hreitan to Azaz, killing three.",
                     published="2016-05-10", report_id="r1")
    assert [e.location for e in events][:1] == ["Huraytan"]  # GeoNames spelling of Hreitan


def test_extract_a_wire_dateline_that_lost_its_comma_dates_the_report_not_the_event():
    text = "BEIRUT July 20 (Reuters) - Coalition air strikes killed at least 56 civilians in Manbij on Tuesday."
    [event] = extract(text, published="2016-07-20")
    assert (event.event_date, event.location) == ("2016-07-19", "Manbij")
    [event] = extract("Hama SANA - Terrorists shelled the town of Mhardeh on Monday killing two civilians.",
                      published="2016-05-10")
    assert event.location == "Maharda"  # Hama is where the reporter is


def test_extract_a_place_lead_that_lost_its_comma_opens_an_item():
    text = ("Terrorists attacked the village of Zara in Hama countryside on Thursday killing 19 civilians. "
            "The army sent reinforcements to the area. "
            "In Aleppo terrorist groups fired rocket shells on Sheikh Maqsoud neighborhood injuring four civilians.")
    events = extract(text, published="2016-05-12")
    assert [(e.admin1, e.sub_event_type) for e in events][-1] == ("Aleppo", "Shelling/artillery/missile attack")


def test_extract_an_offensive_ranks_below_the_weapon_that_struck():
    text = ("Coalition air strikes killed at least 56 civilians in the village of Tokhar on Tuesday as U.S.-backed "
            "forces pressed their offensive against Islamic State.")
    [event] = extract(text, published="2016-07-20")
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", 56)


def test_extract_warplanes_of_a_party_are_that_partys():
    [event] = extract("Warplanes of the US-led coalition struck Syrian army positions near Deir Ezzor airport on "
                      "Saturday killing 62 soldiers.", published="2016-09-18")
    assert (event.actor1, event.actor2) == ("Global Coalition Against Daesh", "Military Forces of Syria (2000-)")


def test_extract_what_happened_right_after_or_later_is_its_own_event():
    text = ("Coalition warplanes struck army positions on Tharda mountain near Deir Ezzor airport on Saturday killing "
            "62 soldiers. It said the raid paved the way for ISIS terrorists who attacked the positions right "
            "after and seized the hill. Army units backed by the air force later regained control of the hill after "
            "fierce clashes. The Russian Defence Ministry said the strikes threatened the ceasefire that took "
            "effect on Monday.")
    events = extract(text, published="2016-09-18")
    assert [(e.event_date, e.sub_event_type, e.actor1) for e in events] == [
        ("2016-09-17", "Air/drone strike", "Global Coalition Against Daesh"),
        ("2016-09-17", "Non-state actor overtakes territory", "Islamic State"),
        ("2016-09-17", "Government regains territory", "Military Forces of Syria (2000-)")]


def test_extract_a_statement_after_a_headline_tells_its_day_and_town():
    text = ("Friday 01 April 2016 Regime Airstrike Kills 33 in Eastern Ghouta. The Syrian Coalition condemned the "
            "airstrike that targeted the town of Deir al-Asafir in Eastern Ghouta on Thursday which killed 33 civilians.")
    [event] = extract(text, published="2016-04-01")
    assert (event.event_date, event.location, event.fatalities) == ("2016-03-31", "Dayr al Asafir", 33)


def test_extract_gunmen_who_only_board_buses_are_no_event():
    text = ("Homs SANA - A new batch of gunmen and their families left al-Waer neighborhood in Homs city on Thursday "
            "under the reconciliation agreement. A source told SANA that 120 gunmen and 150 of their family members "
            "boarded buses heading to the northern countryside of Idleb.")
    assert [(e.sub_event_type, e.admin1) for e in extract(text, published="2016-09-22")] == [("Evacuation", "Homs")]


def test_extract_terrorists_from_a_named_group_are_that_group():
    [event] = extract("Terrorists from Jabhat al-Nusra attacked the village of Zara in Hama countryside on Thursday "
                      "killing 19 civilians.", published="2016-05-12")
    assert (event.actor1, event.actor2, event.location) == ("Jabhat al-Nusra", "Civilians (Syria)", "Zara")
    [event] = extract("Army and armed forces units clashed with terrorists in Kafr Zita on Monday.",
                      published="2016-05-12")
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "Military Forces of Syria (2000-)")


def test_extract_leaving_in_implementation_of_an_agreement_is_an_evacuation():
    text = ("Damascus Countryside SANA - The last batch of gunmen and their families left Daraya city on Saturday in "
            "implementation of the settlement agreement reached in the city. Buses transported about 700 gunmen and "
            "4000 civilians from the city to Idleb countryside.")
    assert [(e.sub_event_type, e.location) for e in extract(text, published="2016-08-27")] == [
        ("Evacuation", "Darayya")]
    [event] = extract("The town of Kafr Nabudah was cleared of terrorists by army units on Monday.", published="2016-05-10")
    assert (event.sub_event_type, event.actor1) == ("Government regains territory", "Military Forces of Syria (2000-)")


def test_extract_an_inquiry_into_what_happened_is_no_event():
    text = ("At least 15 civilians were killed in coalition air strikes on the town of Ghandoura on Thursday. The "
            "strikes came a day after the coalition opened a formal investigation to determine whether its air "
            "strikes last week near Manbij killed more than 100 civilians.")
    assert [(e.location, e.fatalities) for e in extract(text, published="2016-07-29")] == [("Al Ghandurah", 15)]


def test_extract_infighting_is_a_battle_and_near_damascus_is_not_in_it():
    text = ("Fighting between Jaish al-Islam and Faylaq al-Rahman in the besieged Eastern Ghouta region near Damascus "
            "killed more than 50 fighters on Thursday. Infighting between rebel groups killed dozens.")
    events = extract(text, published="2016-04-30")
    assert [(e.sub_event_type, e.location, e.admin1) for e in events] == [
        ("Armed clash", "Eastern Ghouta", "Rif Dimashq")]


def test_extract_a_group_whose_headquarters_was_hit_is_the_target():
    [event] = extract("In Idlib city a suicide car bomb exploded near a Faylaq al-Sham headquarters on Sunday killing "
                      "four fighters.", published="2016-08-07")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Suicide bomb", "Unidentified Armed Group (Syria)", "Opposition Rebels (Syria)")


def test_extract_what_attackers_also_did_is_its_own_event():
    text = ("Daesh terrorists killed at least 85 civilians and soldiers in an attack on the neighborhood of "
            "al-Baghaliyeh in Deir Ezzor on Saturday. The terrorists also kidnapped more than 400 civilians from the "
            "area. The editor of a newspaper was also arrested.")
    events = extract(text, published="2016-01-17")
    assert [(e.event_date, e.sub_event_type, e.actor1) for e in events] == [
        ("2016-01-16", "Attack", "Islamic State"),
        ("2016-01-16", "Abduction/forced disappearance", "Islamic State")]


def test_extract_a_dated_toll_further_on_is_an_event_where_the_report_is():
    text = ("The Syrian army regained control of the Sakhour district of eastern Aleppo on Monday. Thousands of "
            "civilians fled towards government-held areas. The Russian Centre for Reconciliation said militants "
            "shelled the Furqan district killing three civilians on Monday. In this month alone 37 patients have died.")
    events = extract(text, published="2016-11-29")
    assert [(e.sub_event_type, e.admin1, e.fatalities) for e in events] == [
        ("Government regains territory", "Aleppo", 0), ("Shelling/artillery/missile attack", "Aleppo", 3)]


def test_extract_two_summaries_of_a_towns_event_with_its_dead_are_that_event():
    text = ("A mosque blast in Idlib has left 25 militants of Al-Nusra Front dead. Situated in the north the Idlib "
            "province saw 25 Al-Nusra fighters killed when a bomb exploded in a mosque on Friday said a monitor. "
            "Twenty-five members of Al-Nusra Front died in an explosion inside a mosque in the city of Ariha in Idlib "
            "province, the monitor said.")
    events = extract(text, published="2015-07-04")
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [("Ariha", "2015-07-03", 25)]


def test_extract_a_campaigns_toll_is_no_event_of_its_own():
    text = ("Regime warplanes struck Hreitan on Friday, killing four civilians. Over 750 people have so far been "
            "killed in the ongoing bombing campaign on the city and its countryside.")
    events = extract(text, published="2016-12-03")
    assert [(e.location, e.fatalities) for e in events] == [("Huraytan", 4)]


def test_extract_daraas_affiliate_of_is_and_sohrs_islamic_factions_are_known():
    [event] = extract("In Daraa province the Islamic factions clashed with Jaysh Khalid bin al-Waleed in the vicinity "
                      "of the town of Tasil on Monday.", published="2016-10-18")
    assert (event.sub_event_type, event.actor1, event.actor2, event.location) == (
        "Armed clash", "Opposition Rebels (Syria)", "Jaysh Khalid ibn al-Walid (Islamic State)", "Tasil")


def test_extract_two_blows_at_two_places_each_keep_their_dead():
    text = ("Four suicide bombers and a car bomb hit Jableh on Monday killing 100 people while three explosions hit a "
            "bus station in Tartus killing 48.")
    events = extract(text, published="2016-05-24")
    assert sorted((e.location, e.sub_event_type, e.fatalities) for e in events) == [
        ("Jablah", "Suicide bomb", 100), ("Tartus", "Remote explosive/landmine/IED", 48)]
    assert {e.event_date for e in events} == {"2016-05-23"}  # the second clause keeps the sentence's day


def test_extract_a_ledes_day_of_what_followed_is_not_the_attacks():
    text = ("Tuesday 20 Sep 2016 UN suspends Syria aid convoys after deadly attack. The United Nations suspended all "
            "aid convoys in Syria on Tuesday after an attack on a convoy near Aleppo killed around 20 civilians. The "
            "convoy of 31 trucks was hit late on Monday as it unloaded aid at a warehouse in the town of Urum "
            "al-Kubra west of Aleppo. Hours later warplanes pounded rebel-held districts of eastern Aleppo killing "
            "at least 12 people.")
    events = extract(text, published="2016-09-20")
    assert [(e.event_date, e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("2016-09-19", "Air/drone strike", "Urum al-Kubra", 20),
        ("2016-09-19", "Air/drone strike", "Aleppo", 12)]


def test_extract_page_furniture_is_not_read_but_the_report_is_kept_whole():
    from ceasefire.extract.lexicon import furniture, load_boilerplate

    text = ("Wednesday 27 Jul 2016 Double bomb attack kills 31 in Qamishli AFP Print Tweet Views 729 Related Regime "
            "air strikes kill 15 in Aleppo Double bomb attack kills 31 in Qamishli -A double bomb attack killed 31 "
            "people in the city of Qamishli on Wednesday. Source TRTWorld and agencies Related News Israeli jets "
            "strike Hezbollah convoy in Homs")
    spans = furniture(text, load_boilerplate())
    assert [text[s:e][:18] for s, e in spans] == ["Print Tweet Views ", "Source TRTWorld an"]
    events = extract(text, published="2016-07-27")
    assert [(e.location, e.fatalities) for e in events] == [("Al Qamishli", 31)]
    assert all(text[ev["start"]:ev["end"]] == ev["sentence"] for e in events for ev in e.to_dict()["evidence"])


def test_extract_a_bad_boilerplate_span_is_named(tmp_path):
    from ceasefire.errors import ValidationError
    from ceasefire.extract.lexicon import load_boilerplate

    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("spans:\n  - start: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="bad span") as caught:
        load_boilerplate(bad)
    assert caught.value.path == str(bad)


def test_extract_a_tag_list_before_the_repeated_lede_is_furniture():
    from ceasefire.extract.lexicon import furniture, load_boilerplate

    text = ("A suicide bomber struck a wedding in Tall Tawil in Hasakeh province on Monday killing 22 people. Tags "
            "Syria Hassakeh Kurds Suicide Attack SDF A suicide bomber struck a wedding in Tall Tawil in Hasakeh "
            "province on Monday. Tags Daesh Raqqa Community standardsDiscussion Comment via Sputnik News")
    spans = furniture(text, load_boilerplate())
    assert [text[s:e] for s, e in spans] == [
        "Tags Syria Hassakeh Kurds Suicide Attack SDF ",
        "Tags Daesh Raqqa Community standardsDiscussion Comment via Sputnik News"]
    [event] = extract(text, published="2016-10-04")
    assert (event.location, event.actor1) == ("Tall Tawil", "Unidentified Armed Group (Syria)")  # not the tags' SDF


def test_extract_shelling_amid_clashes_is_part_of_the_battle_but_shells_on_civilians_are_not():
    text = ("The Army of Conquest began its assault on Fuaa on Wednesday. Dozens of shells fell on Fuaa overnight "
            "Wednesday the Observatory said.")
    events = extract(text, published="2015-07-16")
    assert [(e.sub_event_type, e.location) for e in events] == [("Armed clash", "Al-Fuah")]
    text = ("Terrorists fired rocket shells on the New Aleppo neighborhood in Aleppo city on Sunday, killing 6 "
            "civilians. Army units clashed with terrorists in Aleppo city on Sunday.")
    assert sorted(e.sub_event_type for e in extract(text, published="2016-10-31")) == [
        "Armed clash", "Shelling/artillery/missile attack"]


def test_extract_furniture_whose_end_never_comes_is_only_its_start():
    from ceasefire.extract.lexicon import furniture, load_boilerplate

    text = "Syria regime breaks siege AFP Print Tweet Views 605 Syrian forces broke the siege of Nubl on Wednesday."
    assert [text[s:e] for s, e in furniture(text, load_boilerplate())] == ["Print Tweet Views 605"]


def test_extract_an_embedded_tweets_link_and_byline_end_a_sentence():
    from ceasefire.extract.lexicon import furniture, load_boilerplate

    text = ("Bab Tadmor Homs - SANA pic.twitter.comwAOZTxImcu Hassan Ridha (sayedridha) September 5 2016 Regime media "
            "also reported that eight people were killed in a bombing in Hasakeh.")
    assert [text[s:e] for s, e in furniture(text, load_boilerplate())] == [
        "pic.twitter.comwAOZTxImcu Hassan Ridha (sayedridha) September 5 2016"]
    assert [(e.admin1, e.fatalities) for e in extract(text, published="2016-09-05")] == [("Al-Hasakah", 8)]


def test_extract_a_bombardment_amid_clashes_is_two_events():
    text = ("Regime helicopters dropped at least 14 barrel bombs on Daraya today amid violent clashes between regime "
            "forces and the Islamic factions on the edges of the city.")
    events = extract(text, published="2016-06-09")
    assert sorted((e.sub_event_type, e.location) for e in events) == [
        ("Air/drone strike", "Darayya"), ("Armed clash", "Darayya")]


def test_extract_an_alliance_member_and_a_circumstance_are_no_side():
    [event] = extract("Jaish al-Fatah an alliance that includes Al-Nusra Front seized the village of Khan Tuman from "
                      "government forces on Thursday.", published="2016-05-06")
    assert (event.actor1, event.actor2) == ("Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")
    [event] = extract("Islamic State fighters recaptured the city of Palmyra from the army on Sunday despite Russian "
                      "air strikes.", published="2016-12-11")
    assert (event.actor1, event.actor2) == ("Islamic State", "Military Forces of Syria (2000-)")


def test_extract_forces_that_advanced_into_a_district_fought_there():
    [event] = extract("Government forces advanced into the Sheikh Saeed district of Aleppo on Sunday.",
                      published="2016-12-11")
    assert (event.sub_event_type, event.admin1) == ("Armed clash", "Aleppo")


def test_extract_a_dateline_after_the_headline_is_the_reporters_not_the_events():
    text = ("Syria: MSF-supported hospital hit in Idlib governorate. Amman 25 July 2016 - An MSF-supported hospital in "
            "the town of Millis in Idlib governorate was hit by air strikes on Sunday killing a staff member and three "
            "patients.")
    [event] = extract(text, published="2016-07-26")
    assert (event.event_date, event.location, event.fatalities) == ("2016-07-24", "Millis", 4)
    [event] = extract("Army units carried out operations against Jund al-Aqsa terrorists in the northern countryside of "
                      "Hama on Thursday killing dozens of them.", published="2016-10-14")
    assert (event.sub_event_type, event.actor2) == ("Armed clash", "Jund al-Aqsa")


def test_extract_boilerplate_patterns_open_with_a_literal_to_be_searched_for_fast():
    import re._constants as constants
    import re._parser as parser

    from ceasefire.extract.lexicon import load_boilerplate

    for span in load_boilerplate():
        first = parser.parse(span.start.pattern)[0][0]
        assert first == constants.LITERAL, span.start.pattern


def test_extract_a_party_named_with_its_weapon_fired_it():
    [event] = extract("Rebel rocket fire on government-held districts of Aleppo killed 14 civilians on Thursday.",
                      published="2016-04-28")
    assert (event.actor1, event.actor2, event.fatalities) == ("Opposition Rebels (Syria)", "Civilians (Syria)", 14)


def test_extract_a_quarter_late_in_a_list_of_quarters_is_of_the_reports_city():
    text = ("Terrorists fired rocket shells on Aleppo on Sunday killing 10 people. The terrorists also fired rocket "
            "shells on the neighborhoods of al-Sabil al-Mogambo al-Furqan and al-Midan killing two persons.")
    events = extract(text, published="2016-11-20")
    assert {(e.location, e.admin1) for e in events} == {("Aleppo", "Aleppo")}  # not Damascus's al-Midan


def test_extract_a_village_that_only_sounds_like_a_governorate_is_the_ledes_village():
    text = ("KOBANI - YPG fighters freed the Tishrin Dam from ISIS gangs on Saturday December 26 according to the SDF. "
            "ISIS gangs attacked SDF positions near the village of Qenter on Thursday night and were pushed back "
            "after clashes that left 12 gang members dead.")
    events = extract(text, published="2016-01-29")
    assert [(e.event_date, e.sub_event_type, e.admin1) for e in events] == [
        ("2015-12-26", "Non-state actor overtakes territory", "Aleppo"), ("2016-01-28", "Armed clash", "Aleppo")]


def test_extract_a_district_of_a_city_is_in_that_city_and_a_vacuum_missile_is_dropped_from_the_air():
    [event] = extract("At least 15 civilians were killed in raids in a northern district of Manbij on Monday.",
                      published="2016-07-19")
    assert (event.location, event.admin1) == ("Manbij", "Aleppo")
    [event] = extract("Ten civilians were killed when a vacuum missile struck a crowded market in the Douma suburb of "
                      "Damascus on Thursday.", published="2016-06-24")
    assert (event.sub_event_type, event.location, event.fatalities) == ("Air/drone strike", "Duma", 10)
