"""Sentences with their triggers, places, actors, dates and casualties -> event records.

ACLED's granularity: one event per place and day. A sentence with a trigger starts an event for
each place it names (a list of towns gives one event per town); a sentence that adds nothing new
(no new place, no new date) elaborates the event before it. Events of one report on the same day,
place and type are one event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ceasefire.extract.lexicon import Lexicon, Trigger, load_role_patterns
from ceasefire.extract.roles import (
    AID_KINDS, AIR_KINDS, ARMED_KINDS, OBSTRUCTIONS, VICTIM_KINDS, VIOLENT_TYPES, aid_roles, can_perpetrate,
    default_actors, roles, settle_sub,
)
from ceasefire.extract.sentence import DateMention, Sentence, sentence_text_before
from ceasefire.extract.where import place_heading, places_of, same_place, speaker_seat, usable_places
from ceasefire.model import SUB_EVENT_TYPES, Event
from ceasefire.resolve.actors import Actor, ActorRegistry
from ceasefire.resolve.places import Place

TERRITORY_CHANGES = {"Non-state actor overtakes territory", "Government regains territory"}
DISTINCT_ACTS = {"Attack", "Abduction/forced disappearance", "Sexual violence"}  # killing and kidnapping: two events
LEDE_SENTENCES = 2  # a headline and its first sentence
ONE_SIDED_TYPES = {"Explosions/Remote violence", "Violence against civilians"}  # one side acts on another
GENERIC_EXPLOSION = "Remote explosive/landmine/IED"  # its weakest trigger ("a blast") names no kind of weapon
_ROLES = load_role_patterns()
DONE_BY_BEFORE = _ROLES["done_by_before"]
SPEECH_BEFORE = _ROLES["speech_before"]
DEFINITE_BEFORE = _ROLES["definite_before"]
AIRCRAFT_NAMED = _ROLES["aircraft_named"]
FLIGHT_BEFORE = _ROLES["flight_before"]
FLED = _ROLES["flight_cue"]
ALSO_KILLED = _ROLES["also_killed"]
ACROSS_PLACES = _ROLES["across_places"]
ACROSS_BEFORE = _ROLES["across_before"]
EARLIER_CUE = _ROLES["earlier_cue"]
SAME_PLACE_NAMED = _ROLES["same_place_named"]
STRIKE_TOLD = _ROLES["strike_told"]
HABIT = _ROLES["habit"]
DURATION_BEFORE = _ROLES["duration_before"]


@dataclass
class Draft:
    sub: str
    trigger: Trigger
    place: Place | None
    day: date | None
    precision: str
    actor1: Actor | None
    actor2: Actor | None
    fatalities: int | None
    deaths_mentioned: bool
    sentences: list[Sentence]
    shared_place: bool = False  # one of several places of one sentence: deaths can't be split
    dated: bool = True  # the date was stated, not taken from publication


@dataclass
class ReportContext:
    report_id: str | None
    published: date | None
    source: str | None
    country_name: str
    registry: ActorRegistry
    lexicon: Lexicon
    first_place: Callable[..., Place | None] = lambda after=None: None  # where the report is about, read when needed
    abroad: re.Pattern | None = None  # "in northeast Lebanon": another country, where no event of ours is


def assemble(sentences: list[Sentence], context: ReportContext, *, strict: bool = True) -> list[Event]:
    """The events of one report. With strict=False, statement-like sentences count too when they
    count the dead ("X condemned the strike that killed 35 in Idlib")."""
    drafts: list[Draft] = []
    recent_actor: Actor | None = None
    claim: tuple[Actor, Sentence] | None = None  # who claimed the attacks told so far
    roundup: Draft | None = None  # "air strikes across the country killed 44": the items that follow are its
    for index, sentence in enumerate(sentences):
        perpetrators = [m for m in sentence.actors if can_perpetrate(m.actor)]
        if perpetrators and context.lexicon.claims_responsibility(sentence.text, sentence.folded) and not any(
                is_background(d.day, d.precision, context.published, context.lexicon) for d in sentence.dates):
            # (a claim of a blast "in February" is of that blast, not of the news told)
            claim = (perpetrators[0].actor, sentence)
            for draft in drafts:
                if draft.day == _claimed_day(sentence, drafts):
                    _claimed(draft, perpetrators[0].actor, sentence)
            if drafts and not sentence.places:
                continue  # "IS later claimed the attack": the attacks told before, no event of its own
        if not sentence.triggers and not sentence.label:
            if perpetrators:
                recent_actor = perpetrators[0].actor
            continue
        periods = context.lexicon.period_spans(sentence.text, sentence.folded)
        dated = any(d.precision == "day" and not any(s <= d.start - sentence.start < e for s, e in periods)
                    for d in sentence.dates)  # "since Saturday" dates a period, not an event
        period = bool(periods) and not dated
        statement = context.lexicon.is_statement(sentence.text, sentence.folded)
        counted = _counts_dead(sentence)
        background = all(t.priority <= 0 for t in sentence.triggers) and bool(periods) and not sentence.label
        not_news = _is_toll(sentence, context) or period or background
        if not_news or (statement and (strict or not counted)):
            told = statement and drafts and not period and _take_day_and_town(drafts[-1], sentence)
            if told:
                drafts[-1].sentences.append(sentence)
            # a statement naming the town, day and dead of an attack told nowhere else is its account:
            # "condemned the shelling of Kafr Nabl on Thursday which killed seven civilians"
            if told or not_news or not (counted and _names_town_and_day(sentence)):
                if perpetrators:
                    recent_actor = perpetrators[0].actor
                continue
        news = next((d for d in reversed(drafts) if not _is_background(d, context)), None)
        new = _drafts_of(sentence, context, drafts[-1] if drafts else None, recent_actor, periods,
                         in_lede=(index if sentence.order is None else sentence.order) < LEDE_SENTENCES, news=news)
        if new is None:
            continue
        if not new:  # an elaboration of the event before
            _elaborate(drafts[-1], sentence, context)
            _protest_turned(drafts[-1], sentence, context)
        before = _earlier_event(sentence, context, (new or drafts)[-1], recent_actor)
        if before is not None:  # "The assault came after rebels fired 70 rockets at the capital killing seven"
            new = [*new, before]
        for draft in new:  # "IS claimed the bombings. In Jableh, suicide bombers ...": the attacks it claimed
            if claim is not None and claim[1] is not sentence and draft.day == _claimed_day(claim[1], drafts):
                _claimed(draft, claim[0], claim[1])
            if roundup is not None and draft.day == roundup.day:
                _part_of(draft, roundup)
        if roundup is None and new and _across_places(sentence, context):
            roundup = new[0]
        drafts.extend(new)
        if perpetrators:
            recent_actor = perpetrators[0].actor
    # Events long past are background to a report's news, and so is an undated headline that
    # announces one of them; a report only about the past (a monitor's retrospective, a rights
    # group's investigation) keeps them.
    past = [d for d in drafts if _is_background(d, context)]
    drafts = [d for d in drafts if not any(d is p for p in past) and not _announces(d, past, drafts)] or drafts
    return [_event(d, context) for d in _merge_same_day_place(drafts)]


def _announces(draft: Draft, past: list[Draft], drafts: list[Draft]) -> bool:
    """Is the draft a report's undated headline ("ISIL Used Chemical Weapons against Kurds in
    Hasakeh") whose event is told further on as long past ("... fired toxic gas at Kurdish forces
    last month"), and told as no news?"""
    if draft.dated or _order(draft) != 0:
        return False
    told = [d for d in drafts if d is not draft and d.sub == draft.sub
            and (d.place is None or draft.place is None or d.place.admin1 == draft.place.admin1)]
    return bool(told) and all(any(d is p for p in past) for d in told)


def _names_town_and_day(sentence: Sentence) -> bool:
    """Does a sentence name a town and the day of what happened (a statement that does tells the event
    it is about)?"""
    return _told_day(sentence) is not None and any(m.place.kind not in ("admin1", "country") for m in sentence.places)


def _part_of(draft: Draft, roundup: Draft) -> None:
    """An item of a roundup that opened with strikes across the country ("At Khan Sheikhun 15 people
    were killed"): the roundup's weapon and perpetrator where the item names none."""
    if draft.trigger.sub == "kill" and roundup.trigger.sub != "kill" and draft.sub in ("Attack", "Armed clash"):
        draft.sub, draft.trigger = roundup.sub, roundup.trigger
    if draft.sub == roundup.sub and (draft.actor1 is None or draft.actor1.kind == "unidentified"):
        draft.actor1 = roundup.actor1


def _take_day_and_town(draft: Draft, sentence: Sentence) -> bool:
    """Does a sentence right after a headline's undated event (a statement too), or one close after
    it that names that event as told ("the first buses"), tell its day and its town? They are taken: "Regime
    airstrike kills 33 in Eastern Ghouta. The Coalition condemned the airstrike that targeted the
    town of Deir al-Asafir in Eastern Ghouta on Thursday"."""
    if draft.dated:
        return False
    kinds = {SUB_EVENT_TYPES[draft.sub]} | ({"Explosions/Remote violence"} if draft.trigger.sub == "kill" else set())
    trigger = next((t for t in sentence.triggers if t.priority > 0 and (
        _told_type(t) in kinds  # or "the attack" told before, whatever it was:
        or (t.sub == "kill" and DEFINITE_BEFORE.search(sentence_text_before(sentence, t.start, 30))))), None)
    day = _told_day(sentence)
    if trigger is None or day is None or not (_follows(draft, sentence) or (
            _near(draft, sentence) and DEFINITE_BEFORE.search(sentence_text_before(sentence, trigger.start, 30)))):
        return False
    draft.day, draft.precision, draft.dated = day.day, "day", True
    towns = [p for p in places_of(sentence, trigger) if p.kind not in ("admin1", "country")]
    if towns and (draft.place is None or towns[0].admin1 == draft.place.admin1):
        draft.place = towns[0]
    return True


def _is_toll(sentence: Sentence, context: ReportContext) -> bool:
    """A war's death toll ("more than 280000 people have been killed") is no event; a chemical
    attack that killed 1,400 is one."""
    limit = context.lexicon.aggregate_deaths
    named_attack = any(t.sub != "kill" and t.priority > 0 for t in sentence.triggers)
    return any(c.count is not None and c.count >= (limit * 10 if named_attack else limit) for c in sentence.casualties)


def _is_background(draft: Draft, context: ReportContext) -> bool:
    """Events long before publication, or a whole earlier month or year, are context."""
    return is_background(draft.day, draft.precision, context.published, context.lexicon)


def is_background(day: date | None, precision: str, published: date | None, lexicon: Lexicon) -> bool:
    """Is a date long before publication, or a whole earlier month or year?"""
    if day is None or published is None:
        return False
    if precision in ("month", "year"):
        return (day.year, day.month) < (published.year, published.month) \
            if precision == "month" else day.year < published.year
    return (published - day).days >= lexicon.background_days


# --- one sentence -----------------------------------------------------------------------------

def _drafts_of(sentence: Sentence, context: ReportContext, previous: Draft | None,
               recent_actor: Actor | None, periods: list[tuple[int, int]], in_lede: bool = True,
               news: Draft | None = None) -> list[Draft] | None:
    """New drafts for a sentence; [] when it only elaborates `previous`; None when it is no event.
    Past the lede, a new event needs a date or a death toll of its own: undated asides
    ("the regime has bombarded areas in Aleppo province") describe, they don't report. An undated
    event takes the day of the event before; after one dated only to a month or year at another
    place ("Hasakeh has been targeted, in July by a bomber ... In Homs, three were killed"), the
    day of `news`, the latest event told that is not background."""
    trigger = sentence.triggers[0] if sentence.triggers else None
    if trigger is not None and not sentence.label and all(
            FLIGHT_BEFORE.search(sentence_text_before(sentence, t.start, 40)) for t in sentence.triggers) \
            and not _counts_dead(sentence):
        return None  # "families who had fled fighting in Aleppo": what they fled, not an event told
    if sentence.label:
        sub = sentence.label
        trigger = trigger or Trigger(sub, 100, sentence.text[:1], sentence.start, sentence.start + 1)
    elif trigger is None:
        return None
    else:
        trigger = _violence_over_aid(sentence, trigger)
        sub = trigger.sub
    # "the attack was a response to chemical weapon use in Idlib on Tuesday", "19 were killed near the
    # capital hours after a gas attack in Khan Sheikhun": Idlib, Tuesday and Khan Sheikhun are the earlier act's
    earlier = _earlier_act(sentence, context)
    if earlier is not None and (trigger.start >= earlier or _one_battle(sentence, trigger, earlier)):
        earlier = None  # the sentence's event is the act after the cue, or the same battle ("after heavy fighting")
    # ...and of one told before, its dead are not those of the act it answered ("the attack came a day
    # after 17 were killed"), while "retook Palmyra after killing 100" are the event's own
    told_before = earlier is not None and previous is not None and DEFINITE_BEFORE.search(
        sentence_text_before(sentence, trigger.start, 30))
    places = places_of(sentence, trigger, before=earlier)
    summary = False
    own_date = _sentence_date(sentence, periods)
    if own_date is not None and earlier is not None and own_date.start >= earlier:
        own_date = None
    if own_date is not None and own_date.after is not None:
        if previous is None or previous.day is None or previous.precision != "day":
            own_date = None  # "the next day" after nothing dated to the day
        else:
            own_date = DateMention(previous.day + timedelta(days=own_date.after), "day", own_date.start,
                                   own_date.end)
    if own_date is not None and in_lede and trigger.priority <= 0 and not any(
            0 <= own_date.start - t.end <= 40 for t in sentence.triggers):
        # a lede's "the UN suspended convoys on Tuesday after an attack ...": not the attack's day, which
        # is one said right after it ("... hit by air strikes near Aleppo the previous night") if any
        own_date = next((d for d in sentence.dates if d.precision == "day" and d.after is None and any(
            0 <= d.start - t.end <= 40 for t in sentence.triggers)), None)
    actor1, actor2 = roles(sentence, trigger, context.registry)
    meanwhile = previous is not None and context.lexicon.turns_away(sentence.text, sentence.folded)
    next_on = previous is not None and context.lexicon.goes_on(sentence.text, sentence.folded)
    another_act = next_on and settle_sub(sub, sentence, trigger, actor1, actor2) != previous.sub  # "then seized"
    if previous is not None and not meanwhile and not another_act and (
            context.lexicon.continues(sentence.text, sentence.folded)
            or _elaborates(sentence, places, own_date, previous, trigger, actor1)):
        return []
    in_lede = in_lede or place_heading(sentence)  # "Hama: Regime forces shelled ...": a roundup's own item
    if not in_lede and own_date is None and not sentence.label and not next_on and not meanwhile \
            and not _counts_dead(sentence) \
            and not _strike_told(sentence, trigger, actor1):
        return None
    if not places:
        if _abroad(sentence, context):
            return None  # it happened in another country
        dated_dead = own_date is not None and own_date.precision == "day" and _counts_dead(sentence)
        if not in_lede and previous is not None and not next_on and not dated_dead and not _follows(previous, sentence) \
                and not ((own_date is not None or _strike_told(sentence, trigger, actor1))
                         and SAME_PLACE_NAMED.search(sentence.text)):
            return None  # a place-less aside further on: where it happened is unknown (unless dated, with its
            # dead, or said to be "on the western edge of the city" or "in the area" just told)
        fallback = previous.place if previous else context.first_place()
        if earlier is not None and fallback is not None and any(  # not where the earlier act was
                m.start >= earlier and same_place(m.place, fallback) for m in sentence.places):
            fallback = context.first_place(after=sentence.end)
        places = [fallback] if fallback else [None]
        # "air strikes across the country killed 44 ... In Jassem 16 were killed": the toll of many places
        summary = _across_places(sentence, context)
    if own_date is not None:
        day, precision = own_date.day, own_date.precision
    elif previous is not None and previous.day is not None and (
            previous.precision == "day" or news is None or _at(previous, places)):
        day, precision = previous.day, previous.precision
    elif news is not None and news.day is not None:  # not a month of the background told of another place
        day, precision = news.day, news.precision
    else:
        day, precision = context.published, "day"
    sub = settle_sub(sub, sentence, trigger, actor1, actor2)
    if sub == "Air/drone strike" and actor1 is not None and actor1.kind in ARMED_KINDS - AIR_KINDS:
        actor1 = None  # "militants" near "airstrikes": a party without aircraft flew none
    if sub == "Peaceful protest":
        sub = context.lexicon.protest_outcome(sentence.text, sentence.folded) or sub
    if sub is None:
        return None
    if SUB_EVENT_TYPES[sub] == "Humanitarian access":
        actor1, actor2 = aid_roles(sub, sentence, actor1, actor2)
        if actor1 is None and sub not in OBSTRUCTIONS and previous is not None and _humanitarian(previous.sub) \
                and previous.sub not in OBSTRUCTIONS:
            actor1 = previous.actor1  # "The same day, aid reached Moadamiyeh": the agency delivering before
    if sub == "Disrupted weapons use" and actor2 is not None and actor2.kind in ARMED_KINDS:
        actor1, actor2 = actor2, actor1  # as ACLED codes it: whose weapon was stopped, then who stopped it
    if sub == "Disrupted weapons use" and actor2 is not None and actor2.kind == "civilian":
        actor2 = None  # "killing all five people on board": the crew, not a party
    actor1, actor2 = default_actors(sub, actor1, actor2, sentence, context.registry, recent_actor, trigger.start)
    killed = [c for c in sentence.casualties if c.kind == "killed" and (not told_before or c.start < earlier)]
    deaths = bool(killed)
    fatalities = next((c.count for c in killed if c.count is not None), None) if killed else 0
    shared = len(places) > 1 or summary
    dated = own_date is not None or (previous is not None and previous.dated)
    return [Draft(sub, trigger, place, day, precision, actor1, actor2,
                  None if shared and deaths else fatalities, deaths, [sentence], shared, dated)
            for place in places]


def _strike_told(sentence: Sentence, trigger: Trigger, actor1: Actor | None) -> bool:
    """Does an undated sentence further on tell a strike a named party carried out, in the past
    tense ("US-led coalition aircraft struck IS positions in the area"), not a habit or a campaign
    ("the regime has bombarded areas in Aleppo province")?"""
    return (trigger.priority > 0 and SUB_EVENT_TYPES.get(trigger.sub) == "Explosions/Remote violence"
            and actor1 is not None and actor1.kind in AIR_KINDS and not actor1.label_only
            and bool(STRIKE_TOLD.search(sentence.text)) and not HABIT.search(sentence.text))


def _across_places(sentence: Sentence, context: ReportContext) -> bool:
    """Does the sentence tell of many places at once ("across the country", "in several towns",
    "throughout Syria")?"""
    return bool(ACROSS_PLACES.search(sentence.text)) or any(
        ACROSS_BEFORE.search(sentence.text, 0, m.start())
        for m in re.finditer(rf"\b{re.escape(context.country_name)}\b", sentence.text))


def _at(draft: Draft, places: list[Place | None]) -> bool:
    """Is the draft at the first of these places?"""
    return draft.place is not None and bool(places) and places[0] is not None and same_place(places[0], draft.place)


def _violence_over_aid(sentence: Sentence, trigger: Trigger) -> Trigger:
    """A sentence telling of aid and of killing ("the evacuation was suspended after militias opened
    fire on the buses, killing one") reports the killing."""
    if not _humanitarian(trigger.sub) or not _counts_dead(sentence):
        return trigger
    violent = (t for t in sentence.triggers if t.priority > 0
               and (t.sub == "kill" or SUB_EVENT_TYPES.get(t.sub) in VIOLENT_TYPES))
    return next(violent, trigger)


def _abroad(sentence: Sentence, context: ReportContext) -> bool:
    """Does the sentence say it happened in another country ("in northeast Lebanon", "in Ankara"),
    outside any armed group's name ("Islamic State in Iraq and Syria")? "people in Ankara" are there."""
    if context.abroad is None:
        return False
    found = ((sentence.start + m.start(), sentence.start + m.start("name"), sentence.start + m.end())
             for m in context.abroad.finditer(sentence.text))
    return any(not speaker_seat(sentence, name, end)
               and not any(a.start < end and start <= a.end + can_perpetrate(a.actor) for a in sentence.actors)
               for start, name, end in found)


def _near(draft: Draft, sentence: Sentence) -> bool:
    """Is the sentence at most two sentences after the draft's last one (a byline between)?"""
    return sentence.order is not None and any(
        s.order is not None and 0 < sentence.order - s.order <= 2 for s in draft.sentences)


def _follows(draft: Draft, sentence: Sentence) -> bool:
    """Does the sentence come right after the draft's last sentence?"""
    return any(0 <= sentence.start - s.end <= 3 for s in draft.sentences)


def _elaborates(sentence: Sentence, places: list[Place], own_date: DateMention | None,
                previous: Draft, trigger: Trigger, actor1: Actor | None) -> bool:
    """Does the sentence tell more of the event before (same place and day, same kind of event,
    no other perpetrator), rather than an event of its own?"""
    if sentence.label or _humanitarian(trigger.sub) != _humanitarian(previous.sub):
        return False  # "the convoy entered Daraya ... government artillery shelled Daraya"
    there = not places or (previous.place is not None and all(same_place(p, previous.place) for p in places))
    definite = DEFINITE_BEFORE.search(sentence_text_before(sentence, trigger.start, 30))
    # ("Militants fired mortar shells at Aleppo killing nine. The attacks on Friday targeted al-Midan": its day)
    same_day = own_date is None or own_date.day == previous.day or (not previous.dated and bool(definite))
    if not (there and same_day):
        return False
    if trigger.sub != "kill" and SUB_EVENT_TYPES.get(trigger.sub) == SUB_EVENT_TYPES[previous.sub] and definite:
        return True  # "only 10 of its fighters were killed in the strikes": the strikes told before
    told_type = _told_type(trigger)
    if trigger.sub != "kill" and trigger.priority > 0 and previous.trigger.sub != "kill" \
            and told_type in VIOLENT_TYPES and told_type != SUB_EVENT_TYPES[previous.sub] \
            and SUB_EVENT_TYPES[previous.sub] in VIOLENT_TYPES | {"Strategic developments"}:
        return False  # "seized three districts ... air strikes killed 10"; "shot down a jet ... a counter-attack"
    return not _other_side(actor1, previous)


def _order(draft: Draft) -> int | None:
    """Which sentence of the report the draft was started by."""
    return draft.sentences[0].order if draft.sentences else None


def _humanitarian(sub: str) -> bool:
    return SUB_EVENT_TYPES.get(sub) == "Humanitarian access"


def _other_side(actor: Actor | None, draft: Draft) -> bool:
    """Is `actor` a named perpetrator that is neither side of the draft's one-sided attack (in a
    battle, whoever else is named may be the other side; at an aid delivery, who obstructs it)? A
    party that flies no aircraft is never the one behind an air strike."""
    if (draft.sub == "Air/drone strike" and actor is not None and actor.kind in ARMED_KINDS
            and actor.kind not in AIR_KINDS and not actor.label_only):
        return True
    if SUB_EVENT_TYPES[draft.sub] not in ONE_SIDED_TYPES or draft.actor1 is None or draft.actor1.kind == "unidentified":
        return False  # an unnamed perpetrator may be the one named now
    return (actor is not None and actor.kind in ARMED_KINDS and not actor.label_only
            and all(actor.id != a.id for a in (draft.actor1, draft.actor2) if a is not None))


def _claimed_day(sentence: Sentence, drafts: list[Draft]) -> date | None:
    """The day of the attacks a claim is about: the day it names ("a double car bombing claimed by
    Al-Qaeda killed 100 on Tuesday"), or else that of the last event told before it."""
    named = _told_day(sentence)
    if named is not None:
        return named.day
    before = [d for d in drafts if any(s.start <= sentence.start for s in d.sentences)]
    return before[-1].day if before else None


def _told_day(sentence: Sentence) -> DateMention | None:
    """The first day a sentence names for what happened, not the day someone spoke of it."""
    return next((d for d in sentence.dates if d.precision == "day" and d.after is None
                 and not SPEECH_BEFORE.search(sentence_text_before(sentence, d.start, 40))), None)


def _counts_dead(sentence: Sentence) -> bool:
    """Does the sentence count the dead ("killing seven"), not only mention them?"""
    return any(c.kind == "killed" and c.count for c in sentence.casualties)


def _claimed(draft: Draft, actor: Actor, sentence: Sentence) -> None:
    """A claim of responsibility names the perpetrator an event's own sentence did not."""
    if actor.label_only or (draft.actor1 is not None and draft.actor1.kind != "unidentified") \
            or SUB_EVENT_TYPES[draft.sub] not in ONE_SIDED_TYPES:
        return
    draft.actor1 = actor
    if sentence not in draft.sentences:
        draft.sentences.append(sentence)


def _elaborate(draft: Draft, sentence: Sentence, context: ReportContext) -> None:
    _take_day_and_town(draft, sentence)
    draft.sentences.append(sentence)
    if SUB_EVENT_TYPES[draft.sub] == "Humanitarian access":
        # "The trucks of the Red Crescent and the UN brought medicines": whose convoy it was
        top = sentence.triggers[0] if sentence.triggers else None
        if draft.sub == "Aid delivered" and top is not None and top.sub == "Aid partially delivered":
            draft.sub, draft.trigger = top.sub, top  # "... removed surgical supplies": only part arrived
        agencies = [m.actor for m in sentence.actors if m.actor.kind in AID_KINDS]
        if agencies and draft.sub in OBSTRUCTIONS and draft.actor2 is None:
            draft.actor2 = agencies[0]
        elif agencies and draft.sub not in OBSTRUCTIONS and draft.actor1 is None:
            draft.actor1 = agencies[0]
    if draft.actor1 is None or draft.actor1.kind == "unidentified":
        # "the raids were carried out by government warplanes" names who did it
        by = [m.actor for m in sentence.actors if can_perpetrate(m.actor) and not m.actor.label_only
              and DONE_BY_BEFORE.search(sentence_text_before(sentence, m.start, 40))]
        if by and (draft.actor2 is None or by[0].id != draft.actor2.id):
            draft.actor1 = by[0]
        elif (named := _named_perpetrator(draft, sentence, context)) is not None:
            draft.actor1 = named  # "Strikes hit Aleppo. A US-led coalition carried out the air strikes ..."
        elif sentence.order == _order(draft) and SUB_EVENT_TYPES[draft.sub] == "Battles":
            # a clause of the same sentence names the sides: "clashes in Wadi Barada, where government
            # forces and Hezbollah fought rebels"
            told = next((t for t in sentence.triggers if t.priority > 0), None)
            sides = roles(sentence, told, context.registry) if told is not None else (None, None)
            if sides[0] is not None and not sides[0].label_only:
                draft.actor1, draft.actor2 = sides[0], sides[1] or draft.actor2
    if sentence.dates and sentence.dates[0].day == draft.day and any(t.priority > 0 for t in sentence.triggers):
        draft.dated = True  # (a day of what followed the event, "suspended convoys on Tuesday after ...", is not its)
    top = next((t for t in sentence.triggers if t.sub != "kill" and t.priority > 0), None)
    generic = draft.trigger.priority <= context.lexicon.weakest(GENERIC_EXPLOSION)
    if top is not None and SUB_EVENT_TYPES.get(top.sub) == SUB_EVENT_TYPES[draft.sub] == "Explosions/Remote violence" \
            and generic and top.priority > draft.trigger.priority:
        draft.sub, draft.trigger = top.sub, top  # "bombs hit Jableh ... suicide bombers blew themselves up"
    elif top is not None and draft.trigger.sub == "kill" and draft.sub == "Attack" \
            and SUB_EVENT_TYPES.get(top.sub) == "Explosions/Remote violence":
        draft.sub, draft.trigger = top.sub, top  # "three killed in Damascus ... rocket shells fell on": the weapon
    if draft.shared_place and draft.place is not None and sentence.places \
            and all(same_place(m.place, draft.place) or (m.place.kind == "admin1" and m.place.admin1 == draft.place.admin1)
                    for m in sentence.places):
        draft.shared_place = False  # "In Jableh, ... killing 100": this place's own toll
        draft.fatalities = None
    earlier = _earlier_act(sentence, context)
    killed = [c for c in sentence.casualties if c.kind == "killed" and (earlier is None or c.start < earlier)]
    if not killed or draft.shared_place:
        return
    if draft.actor2 is None and SUB_EVENT_TYPES[draft.sub] in ONE_SIDED_TYPES:  # "... killing at least 26 civilians"
        draft.actor2 = next((m.actor for m in sentence.actors if m.actor.kind == "civilian"), None)
    draft.deaths_mentioned = True
    also = [c.count for c in killed
            if c.count and ALSO_KILLED.search(sentence.text[c.start - sentence.start:c.end - sentence.start])]
    if also and draft.fatalities:  # "... killing eight YPG fighters ... 15 Daesh militants were also killed"
        draft.fatalities += sum(also)
        return
    counts = [c.count for c in killed if c.count is not None]
    if counts and (draft.fatalities is None or draft.fatalities == 0 or max(counts) > draft.fatalities):
        draft.fatalities = max(counts)


def _earlier_event(sentence: Sentence, context: ReportContext, told: Draft,
                   recent_actor: Actor | None) -> Draft | None:
    """The act a sentence turns back to, when it names that act's weapon, place and dead: "The
    assault came after rebels fired 70 rockets at the capital killing seven". Dated as the sentence
    dates it, or as the event told ("came after"; a day before for "a day after"); None otherwise."""
    earlier = _earlier_act(sentence, context)
    cue = EARLIER_CUE.match(sentence.text, earlier - sentence.start) if earlier is not None else None
    if cue is None or DURATION_BEFORE.search(sentence_text_before(sentence, earlier, 20)):
        return None  # ("comes one week after ...": on a day the report does not tell)
    trigger = next((t for t in sentence.triggers if t.start >= earlier and t.sub != "kill"), None)
    killed = [c for c in sentence.casualties if c.kind == "killed" and c.count and c.start >= earlier]
    places = [m.place for m in usable_places(sentence) if m.start >= earlier and m.place.kind != "country"]
    if trigger is None or not killed or not places:
        return None
    said = next((d for d in sentence.dates if d.start >= earlier and d.precision == "day"), None)
    if said is not None:
        day = said.day
    elif told.day is not None and told.precision == "day" and cue.group("days") in (None, "a", "one"):
        day = told.day - timedelta(days=1) if cue.group("days") else told.day
    else:
        return None  # "days after": on a day the report does not tell
    actor1, actor2 = roles(sentence, trigger, context.registry)
    sub = settle_sub(trigger.sub, sentence, trigger, actor1, actor2)
    if sub is None:
        return None
    actor1, actor2 = default_actors(sub, actor1, actor2, sentence, context.registry, recent_actor, trigger.start)
    return Draft(sub, trigger, places[0], day, "day", actor1, actor2, killed[0].count, True, [sentence], False, True)


def _named_perpetrator(draft: Draft, sentence: Sentence, context: ReportContext) -> Actor | None:
    """Whose aircraft a sentence telling more of an air strike with no known perpetrator names as
    striking ("Apparently Russian aircraft carried out four successive raids"); None otherwise."""
    if draft.sub != "Air/drone strike":
        return None
    told = next((t for t in sentence.triggers if t.priority > 0 and t.sub == draft.sub), None)
    actor = roles(sentence, told, context.registry)[0] if told is not None else None
    if actor is None or actor.kind not in AIR_KINDS or not any(  # ("Russian and Syrian warplanes": one noun)
            m.actor.kind in AIR_KINDS and m.via_adjective and AIRCRAFT_NAMED.search(m.text) for m in sentence.actors):
        return None
    return actor if draft.actor2 is None or actor.id != draft.actor2.id else None


def _one_battle(sentence: Sentence, trigger: Trigger, earlier: int) -> bool:
    """Are the event and the act told after the cue one battle ("rebels recaptured Kafr Kalbin after
    heavy fighting near Marea")?"""
    then = next((t for t in sentence.triggers if t.start >= earlier), None)
    return then is not None and _told_type(trigger) == _told_type(then) == "Battles"


def _told_type(trigger: Trigger) -> str | None:
    return "Battles" if trigger.sub == "territory" else SUB_EVENT_TYPES.get(trigger.sub)


def _earlier_act(sentence: Sentence, context: ReportContext) -> int | None:
    """Where a sentence that tells of the event turns to an act before it: "The attacks came one day
    after militants targeted four neighbourhoods, leading to four deaths" (the four dead are not the
    event's). None when no act is told before the background cue ("Following the attack, the toll rose")."""
    cue = context.lexicon.background.search(sentence.text, sentence.folded)
    if cue is None or not any(t.start < sentence.start + cue.start() for t in sentence.triggers) \
            or FLED.match(sentence.text, cue.start()):
        return None  # ("56 civilians were killed in strikes as they fled a village near Manbij": the event's)
    return sentence.start + cue.start()


def _protest_turned(draft: Draft, sentence: Sentence, context: ReportContext) -> None:
    """A protest whose next sentence tells of rioting ("Rioters blocked the road and set tires on
    fire") was a violent demonstration; of its dispersal ("fighters fired into the air to disperse
    the crowd"), a protest with intervention."""
    if SUB_EVENT_TYPES[draft.sub] != "Protests":
        return
    outcome = context.lexicon.protest_outcome(sentence.text, sentence.folded)
    if outcome == "Violent demonstration":
        draft.sub = "Violent demonstration"
        draft.actor1 = context.registry.get("rioters") or draft.actor1
    elif outcome is not None and draft.sub == "Peaceful protest":
        draft.sub = outcome
        draft.actor2 = draft.actor2 or next((m.actor for m in sentence.actors if m.actor.kind in ARMED_KINDS), None)


def _sentence_date(sentence: Sentence, periods: list[tuple[int, int]] = ()) -> DateMention | None:
    """The sentence's first date, passing over the day someone spoke when another date follows;
    a period's start ("for the first time since November 2012") dates no event."""
    dates = [d for d in sentence.dates if not any(s <= d.start - sentence.start < e for s, e in periods)]
    told = (d for d in dates if not SPEECH_BEFORE.search(sentence_text_before(sentence, d.start, 40)))
    return next(told, dates[0] if dates else None)


# --- the report's events ----------------------------------------------------------------------

def _merge_same_day_place(drafts: list[Draft]) -> list[Draft]:
    """One event per place, day and type. A headline's undated event is the dated one it announces,
    and an event placed only in a governorate is the one told at a town of it that day."""
    merged: list[Draft] = []
    for draft in _into_told_places(_undated_into_dated(drafts)):
        twin = next((m for m in merged if m.day == draft.day and _one_kind(m, draft)
                     and _same_place_or_both_none(m.place, draft.place) and not _other_side(draft.actor1, m)), None)
        if twin is None:
            merged.append(draft)
            continue
        twin.sentences.extend(s for s in draft.sentences if s not in twin.sentences)
        battles = [SUB_EVENT_TYPES[d.sub] == "Battles" for d in (twin, draft)]
        if battles[0] != battles[1]:  # a battle stays one, whatever was shelled in it
            if battles[1]:
                twin.sub, twin.trigger = draft.sub, draft.trigger
        elif draft.trigger.priority > twin.trigger.priority or (
                twin.trigger.sub == "kill" and draft.trigger.sub != "kill"):
            twin.sub, twin.trigger = draft.sub, draft.trigger
        if twin.actor1 is None or (twin.actor1.kind == "unidentified" and draft.actor1 is not None):
            twin.actor1 = draft.actor1
        twin.actor2 = twin.actor2 or draft.actor2
        if draft.fatalities is not None and (twin.fatalities is None or draft.fatalities > twin.fatalities):
            twin.fatalities = draft.fatalities
    return merged


def _into_told_places(drafts: list[Draft]) -> list[Draft]:
    """"Missiles hit hospitals in Aleppo and Idlib provinces ... In Azaz, a hospital was hit, killing
    14": the governorate's event is the town's, which takes its weapon when it names none."""
    kept: list[Draft] = []
    for draft in drafts:
        if any(d is draft for d in kept):
            continue  # a town's event, already standing where its summary did
        towns = []
        if draft.place is not None and draft.place.kind == "admin1":
            # a town whose event a summary already took takes a second summary only with the same dead
            # ("a mosque blast in Idlib left 25 dead ... the Idlib province saw 25 fighters killed")
            towns = [d for d in drafts if d is not draft and d.day == draft.day and d.place is not None
                     and d.place.kind != "admin1" and d.place.admin1 == draft.place.admin1 and _same_kind(d, draft)
                     and (not any(k is d for k in kept) or (draft.fatalities and d.fatalities == draft.fatalities))]
        if not towns:
            kept.append(draft)
            continue
        told = towns[0]
        if len(towns) == 1 and draft.fatalities and not told.fatalities:
            told.fatalities = draft.fatalities  # the only town told, with no toll of its own: the summary's
        if told.trigger.sub == "kill" and draft.trigger.sub != "kill":
            told.sub, told.trigger = draft.sub, draft.trigger  # the summary names the weapon
        told.sentences.extend(s for s in draft.sentences if s not in told.sentences)
        if told.actor1 is None or told.actor1.kind == "unidentified":
            told.actor1 = draft.actor1 or told.actor1
        told.actor2 = told.actor2 or draft.actor2
        if not any(k is told for k in kept):
            kept.append(told)  # where the summary stood: the report told it first
    return kept


def _same_kind(told: Draft, summary: Draft) -> bool:
    """Can the town's event be the one the governorate's summary tells: one kind of event (an
    attack read only from its deaths is the explosion that names its weapon), by no other side?"""
    return _one_kind(told, summary) and not _other_side(told.actor1, summary)


def _one_kind(a: Draft, b: Draft) -> bool:
    """The same type of event, or an attack read only from its deaths ("a child killed in Aleppo")
    and the explosion that tells its weapon ("a mortar shell fell on Aleppo"). Ground taken and
    ground retaken ("IS seized the hill; the army later regained it") are two events, and so are
    killing and kidnapping ("... also kidnapped 400 civilians")."""
    if {a.sub, b.sub} == TERRITORY_CHANGES or (a.sub != b.sub and {a.sub, b.sub} <= DISTINCT_ACTS):
        return False
    if SUB_EVENT_TYPES[a.sub] == SUB_EVENT_TYPES[b.sub]:
        return True
    if {a.sub, b.sub} == {"Armed clash", "Shelling/artillery/missile attack"}:
        shelling = a if a.sub != "Armed clash" else b
        # shelling amid clashes at the place that day is part of the battle (ACLED); shells on civilians are not
        return shelling.actor2 is None or shelling.actor2.kind not in VICTIM_KINDS
    generic = [d for d in (a, b) if d.trigger.sub == "kill" and d.sub == "Attack"]
    weapon = [d for d in (a, b) if SUB_EVENT_TYPES[d.sub] == "Explosions/Remote violence"]
    return bool(generic) and bool(weapon)


def _undated_into_dated(drafts: list[Draft]) -> list[Draft]:
    for draft in drafts:
        if draft.dated or draft.day is None:
            continue
        match = next((d for d in drafts if d is not draft and d.dated and d.day is not None
                      and 0 <= (draft.day - d.day).days <= 2 and SUB_EVENT_TYPES[d.sub] == SUB_EVENT_TYPES[draft.sub]
                      and _same_place_or_both_none(d.place, draft.place)), None)
        if match is not None:
            draft.day, draft.precision, draft.dated = match.day, match.precision, True
    return drafts


def _same_place_or_both_none(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is b
    return same_place(a, b)


def _event(draft: Draft, context: ReportContext) -> Event:
    place = draft.place
    evidence = [{"report_id": context.report_id, "sentence": s.text, "start": s.start, "end": s.end}
                for s in sorted(draft.sentences, key=lambda s: s.start)]
    fatalities = draft.fatalities
    if fatalities is None and not draft.deaths_mentioned:
        fatalities = 0
    return Event(
        event_date=draft.day.isoformat() if draft.day else None,
        date_precision=draft.precision,
        event_type=SUB_EVENT_TYPES[draft.sub],
        sub_event_type=draft.sub,
        actor1=draft.actor1.name if draft.actor1 else None,
        actor2=draft.actor2.name if draft.actor2 and draft.actor2 is not draft.actor1 else None,  # one side is no two
        location=place.name if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        country=context.country_name,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=fatalities,
        report_id=context.report_id,
        evidence=evidence,
        source=context.source,
    )
