"""Sentences with their triggers, places, actors, dates and casualties -> event records.

ACLED's granularity: one event per place and day. A sentence with a trigger starts an event for
each place it names (a list of towns gives one event per town); a sentence that adds nothing new
(no new place, no new date) elaborates the event before it. Events of one report on the same day,
place and type are one event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ceasefire.extract.lexicon import Lexicon, Trigger, load_role_patterns
from ceasefire.resolve.patterns import fold
from ceasefire.model import SUB_EVENT_TYPES, Event
from ceasefire.resolve.actors import Actor, ActorMention, ActorRegistry
from ceasefire.resolve.places import Place

LEDE_SENTENCES = 2  # a headline and its first sentence
ARMED_KINDS = {"state", "foreign-state", "coalition", "rebel", "jihadist", "kurdish", "militia"}
AIR_KINDS = {"state", "foreign-state", "coalition"}  # who can fly an air strike
VICTIM_KINDS = {"civilian", "protester"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
ONE_SIDED_TYPES = {"Explosions/Remote violence", "Violence against civilians"}  # one side acts on another
AID_KINDS = {"international"}  # who delivers aid; who blocks it is an armed actor
OBSTRUCTIONS = {"Aid blocked", "Siege"}
GENERIC_EXPLOSION = 60  # the priority of a blast or bomb whose kind is not said (triggers.yaml)
_ROLES = load_role_patterns()
COMBATANT_WORDS = _ROLES["combatant_words"]
CIVILIAN_WORDS = _ROLES["civilian_words"]
VICTIM_OBJECT = _ROLES["victim_object"]
ORIGIN_BEFORE = _ROLES["origin_before"]
DEPARTURE_BEFORE = _ROLES["departure_before"]
BY_BEFORE = _ROLES["by_before"]
ASSOCIATE_BEFORE = _ROLES["associate_before"]
MEDIATOR_BEFORE = _ROLES["mediator_before"]
PRETEXT_BEFORE = _ROLES["pretext_before"]
ACCUSER_AFTER = _ROLES["accuser_after"]
SPOKESMAN_AFTER = _ROLES["spokesman_after"]
DONE_BY_BEFORE = _ROLES["done_by_before"]
BESIEGER_BEFORE = _ROLES["besieger_before"]
SPEAKER_AFTER = _ROLES["speaker_after"]
OUTLET_AFTER = _ROLES["outlet_after"]
SEAT_AFTER = _ROLES["seat_after"]
SEAT_BEFORE = _ROLES["seat_before"]
SPEECH_BEFORE = _ROLES["speech_before"]
TARGET_BEFORE = _ROLES["target_before"]
CUSTODIAN_AFTER = _ROLES["custodian_after"]
CUSTODIAN_NAMED = _ROLES["custodian_named"]
CUSTODY_OF_BEFORE = _ROLES["custody_of_before"]
AFFILIATION_GAP = _ROLES["affiliation_gap"]
AID_TARGET_AFTER = _ROLES["aid_target_after"]
AID_TARGET_NAMED = _ROLES["aid_target_named"]
COORDINATION = _ROLES["coordination"]
BETWEEN_BEFORE = _ROLES["between_before"]
LIST_LEAD = _ROLES["list_lead"]
LIST_GAP = _ROLES["list_gap"]
KILLED_OBJECT_GAP = _ROLES["killed_object_gap"]
ANAPHOR_BEFORE = _ROLES["anaphor_before"]
DEFINITE_BEFORE = _ROLES["definite_before"]
PLACE_HEADING_AFTER = _ROLES["place_heading_after"]


@dataclass
class PlaceMention:
    text: str
    start: int
    end: int
    place: Place


@dataclass
class Casualty:
    count: int | None
    kind: str  # killed | injured
    start: int
    end: int


@dataclass
class DateMention:
    day: date
    precision: str
    start: int
    end: int
    after: int | None = None  # days after the event told before ("the next day")


@dataclass
class Sentence:
    """What one sentence says; offsets are into the report's text."""

    start: int
    end: int
    text: str
    triggers: list[Trigger] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    label: str | None = None  # a lede naming the sub-type ("Looting: ...")
    folded: str | None = field(default=None, repr=False, compare=False)  # `patterns.fold(text)`; None: unknown

    def __post_init__(self) -> None:
        if self.folded is None:
            self.folded = fold(self.text)


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
    first_place: Callable[[], Place | None] = lambda: None  # where the report is about, read when needed
    abroad: re.Pattern | None = None  # "in northeast Lebanon": another country, where no event of ours is


def assemble(sentences: list[Sentence], context: ReportContext, *, strict: bool = True) -> list[Event]:
    """The events of one report. With strict=False, statement-like sentences count too when they
    count the dead ("X condemned the strike that killed 35 in Idlib")."""
    drafts: list[Draft] = []
    recent_actor: Actor | None = None
    claim: tuple[Actor, Sentence] | None = None  # who claimed the attacks told so far
    for index, sentence in enumerate(sentences):
        perpetrators = [m for m in sentence.actors if _can_perpetrate(m.actor)]
        if perpetrators and context.lexicon.claims_responsibility(sentence.text, sentence.folded):
            claim = (perpetrators[0].actor, sentence)
            for draft in drafts:
                if draft.day == drafts[-1].day:
                    _claimed(draft, perpetrators[0].actor, sentence)
        if not sentence.triggers and not sentence.label:
            if perpetrators:
                recent_actor = perpetrators[0].actor
            continue
        periods = context.lexicon.period_spans(sentence.text, sentence.folded)
        dated = any(d.precision == "day" and not any(s <= d.start - sentence.start < e for s, e in periods)
                    for d in sentence.dates)  # "since Saturday" dates a period, not an event
        period = bool(periods) and not dated
        statement = context.lexicon.is_statement(sentence.text, sentence.folded)
        counted = any(c.kind == "killed" and c.count for c in sentence.casualties)
        if _is_toll(sentence, context) or period or (statement and (strict or not counted)):
            if perpetrators:
                recent_actor = perpetrators[0].actor
            continue
        new = _drafts_of(sentence, context, drafts[-1] if drafts else None, recent_actor,
                         in_lede=index < LEDE_SENTENCES)
        if new is None:
            continue
        if not new:  # an elaboration of the event before
            _elaborate(drafts[-1], sentence)
            _protest_turned(drafts[-1], sentence, context)
        for draft in new:  # "IS claimed the bombings. In Jableh, suicide bombers ...": the attacks it claimed
            if claim is not None and claim[1] is not sentence and draft.day == _claimed_day(claim[1], drafts):
                _claimed(draft, claim[0], claim[1])
        drafts.extend(new)
        if perpetrators:
            recent_actor = perpetrators[0].actor
    # Events long past are background to a report's news; a report only about the past (a
    # monitor's retrospective, a rights group's investigation) keeps them.
    drafts = [d for d in drafts if not _is_background(d, context)] or drafts
    return [_event(d, context) for d in _merge_same_day_place(drafts)]


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
               recent_actor: Actor | None, in_lede: bool = True) -> list[Draft] | None:
    """New drafts for a sentence; [] when it only elaborates `previous`; None when it is no event.
    Past the lede, a new event needs a date or a death toll of its own: undated asides
    ("the regime has bombarded areas in Aleppo province") describe, they don't report."""
    trigger = sentence.triggers[0] if sentence.triggers else None
    if sentence.label:
        sub = sentence.label
        trigger = trigger or Trigger(sub, 100, sentence.text[:1], sentence.start, sentence.start + 1)
    elif trigger is None:
        return None
    else:
        trigger = _violence_over_aid(sentence, trigger)
        sub = trigger.sub
    places = _event_places(sentence, trigger)
    own_date = _sentence_date(sentence, context.lexicon.period_spans(sentence.text, sentence.folded))
    if own_date is not None and own_date.after is not None:
        if previous is None or previous.day is None or previous.precision != "day":
            own_date = None  # "the next day" after nothing dated to the day
        else:
            own_date = DateMention(previous.day + timedelta(days=own_date.after), "day", own_date.start,
                                   own_date.end)
    if previous is not None and not context.lexicon.turns_away(sentence.text, sentence.folded) and (
            context.lexicon.continues(sentence.text, sentence.folded)
            or _elaborates(sentence, places, own_date, previous, trigger, context.registry)):
        return []
    next_on = previous is not None and context.lexicon.goes_on(sentence.text, sentence.folded)
    in_lede = in_lede or _place_heading(sentence)  # "Hama: Regime forces shelled ...": a roundup's own item
    if not in_lede and own_date is None and not sentence.label and not next_on \
            and not any(c.kind == "killed" and c.count for c in sentence.casualties):
        return None
    if not places:
        if _abroad(sentence, context):
            return None  # it happened in another country
        if not in_lede and previous is not None and not next_on and not _follows(previous, sentence):
            return None  # a place-less aside further on: where it happened is unknown
        fallback = previous.place if previous else context.first_place()
        places = [fallback] if fallback else [None]
    if own_date is not None:
        day, precision = own_date.day, own_date.precision
    elif previous is not None and previous.day is not None:
        day, precision = previous.day, previous.precision
    else:
        day, precision = context.published, "day"
    actor1, actor2 = _roles(sentence, trigger, context.registry)
    sub = _settle_sub(sub, sentence, trigger, actor1, actor2)
    if sub == "Air/drone strike" and actor1 is not None and actor1.kind in ARMED_KINDS - AIR_KINDS:
        actor1 = None  # "militants" near "airstrikes": a party without aircraft flew none
    if sub == "Peaceful protest":
        sub = context.lexicon.protest_outcome(sentence.text, sentence.folded) or sub
    if sub is None:
        return None
    if SUB_EVENT_TYPES[sub] == "Humanitarian access":
        actor1, actor2 = _aid_roles(sub, sentence, actor1, actor2)
        if actor1 is None and sub not in OBSTRUCTIONS and previous is not None and _humanitarian(previous.sub) \
                and previous.sub not in OBSTRUCTIONS:
            actor1 = previous.actor1  # "The same day, aid reached Moadamiyeh": the agency delivering before
    if sub == "Disrupted weapons use" and actor2 is not None and actor2.kind in ARMED_KINDS:
        actor1, actor2 = actor2, actor1  # as ACLED codes it: whose weapon was stopped, then who stopped it
    if sub == "Disrupted weapons use" and actor2 is not None and actor2.kind == "civilian":
        actor2 = None  # "killing all five people on board": the crew, not a party
    actor1, actor2 = _default_actors(sub, actor1, actor2, sentence, context, recent_actor, trigger.start)
    killed = [c for c in sentence.casualties if c.kind == "killed"]
    deaths = bool(killed)
    fatalities = next((c.count for c in killed if c.count is not None), None) if killed else 0
    shared = len(places) > 1
    dated = own_date is not None or (previous is not None and previous.dated)
    return [Draft(sub, trigger, place, day, precision, actor1, actor2,
                  None if shared and deaths else fatalities, deaths, [sentence], shared, dated)
            for place in places]


def _violence_over_aid(sentence: Sentence, trigger: Trigger) -> Trigger:
    """A sentence telling of aid and of killing ("the evacuation was suspended after militias opened
    fire on the buses, killing one") reports the killing."""
    if not _humanitarian(trigger.sub) or not any(c.kind == "killed" and c.count for c in sentence.casualties):
        return trigger
    violent = (t for t in sentence.triggers if t.priority > 0
               and (t.sub == "kill" or SUB_EVENT_TYPES.get(t.sub) in VIOLENT_TYPES))
    return next(violent, trigger)


def _place_heading(sentence: Sentence) -> bool:
    """Does the sentence open with a place as a heading ("Hama: ...", "Damascus countryside: ..."), as
    monitors' daily roundups do?"""
    first = sentence.places[0] if sentence.places else None
    return first is not None and first.start == sentence.start \
        and bool(PLACE_HEADING_AFTER.match(sentence.text[first.end - sentence.start:]))


def _abroad(sentence: Sentence, context: ReportContext) -> bool:
    """Does the sentence say it happened in another country ("in northeast Lebanon"), outside any
    actor's name ("Islamic State in Iraq and Syria")?"""
    if context.abroad is None:
        return False
    return any(not any(a.start < sentence.start + m.end() and sentence.start + m.start() <= a.end + 1
                       for a in sentence.actors)
               for m in context.abroad.finditer(sentence.text))


def _follows(draft: Draft, sentence: Sentence) -> bool:
    """Does the sentence come right after the draft's last sentence?"""
    return any(0 <= sentence.start - s.end <= 3 for s in draft.sentences)


def _elaborates(sentence: Sentence, places: list[Place], own_date: DateMention | None,
                previous: Draft, trigger: Trigger, registry: ActorRegistry) -> bool:
    """Does the sentence tell more of the event before (same place and day, same kind of event,
    no other perpetrator), rather than an event of its own?"""
    if sentence.label or _humanitarian(trigger.sub) != _humanitarian(previous.sub):
        return False  # "the convoy entered Daraya ... government artillery shelled Daraya"
    same_place = not places or (previous.place is not None and all(
        _same_place(p, previous.place) for p in places))
    same_day = own_date is None or own_date.day == previous.day
    if not (same_place and same_day):
        return False
    if trigger.sub != "kill" and SUB_EVENT_TYPES.get(trigger.sub) == SUB_EVENT_TYPES[previous.sub] \
            and DEFINITE_BEFORE.search(sentence_text_before(sentence, trigger.start, 30)):
        return True  # "only 10 of its fighters were killed in the strikes": the strikes told before
    told_type = SUB_EVENT_TYPES.get(trigger.sub)
    if trigger.sub != "kill" and trigger.priority > 0 and previous.trigger.sub != "kill" and told_type in VIOLENT_TYPES \
            and SUB_EVENT_TYPES[previous.sub] in VIOLENT_TYPES and told_type != SUB_EVENT_TYPES[previous.sub]:
        return False  # "forces seized three districts ... air strikes killed 10": another kind of event
    actor1, _ = _roles(sentence, trigger, registry)
    return not _other_side(actor1, previous)


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
    """The day of the attacks a claim is about: of the last event told before it."""
    before = [d for d in drafts if any(s.start <= sentence.start for s in d.sentences)]
    return before[-1].day if before else None


def _claimed(draft: Draft, actor: Actor, sentence: Sentence) -> None:
    """A claim of responsibility names the perpetrator an event's own sentence did not."""
    if actor.label_only or (draft.actor1 is not None and draft.actor1.kind != "unidentified") \
            or SUB_EVENT_TYPES[draft.sub] not in ONE_SIDED_TYPES:
        return
    draft.actor1 = actor
    if sentence not in draft.sentences:
        draft.sentences.append(sentence)


def _elaborate(draft: Draft, sentence: Sentence) -> None:
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
        by = [m.actor for m in sentence.actors if _can_perpetrate(m.actor) and not m.actor.label_only
              and DONE_BY_BEFORE.search(sentence_text_before(sentence, m.start, 40))]
        if by and (draft.actor2 is None or by[0].id != draft.actor2.id):
            draft.actor1 = by[0]
    if sentence.dates and sentence.dates[0].day == draft.day:
        draft.dated = True
    top = next((t for t in sentence.triggers if t.sub != "kill" and t.priority > 0), None)
    if top is not None and SUB_EVENT_TYPES.get(top.sub) == SUB_EVENT_TYPES[draft.sub] == "Explosions/Remote violence" \
            and draft.trigger.priority <= GENERIC_EXPLOSION and top.priority > draft.trigger.priority:
        draft.sub, draft.trigger = top.sub, top  # "bombs hit Jableh ... suicide bombers blew themselves up"
    elif top is not None and draft.trigger.sub == "kill" and draft.sub == "Attack" \
            and SUB_EVENT_TYPES.get(top.sub) == "Explosions/Remote violence":
        draft.sub, draft.trigger = top.sub, top  # "three killed in Damascus ... rocket shells fell on": the weapon
    if draft.shared_place and draft.place is not None and sentence.places \
            and all(_same_place(m.place, draft.place) for m in sentence.places):
        draft.shared_place = False  # "In Jableh, ... killing 100": this place's own toll
        draft.fatalities = None
    killed = [c for c in sentence.casualties if c.kind == "killed"]
    if not killed or draft.shared_place:
        return
    draft.deaths_mentioned = True
    counts = [c.count for c in killed if c.count is not None]
    if counts and (draft.fatalities is None or draft.fatalities == 0 or max(counts) > draft.fatalities):
        draft.fatalities = max(counts)


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


def _same_place(a: Place, b: Place) -> bool:
    return a.name == b.name and a.admin1 == b.admin1


def _sentence_date(sentence: Sentence, periods: list[tuple[int, int]] = ()) -> DateMention | None:
    """The sentence's first date, passing over the day someone spoke when another date follows;
    a period's start ("for the first time since November 2012") dates no event."""
    dates = [d for d in sentence.dates if not any(s <= d.start - sentence.start < e for s, e in periods)]
    told = (d for d in dates if not SPEECH_BEFORE.search(sentence_text_before(sentence, d.start, 40)))
    return next(told, dates[0] if dates else None)


def event_places(sentence: Sentence) -> list[Place]:
    """Places the sentence says something happened at (origins and actor names left out)."""
    return [m.place for m in _usable_places(sentence)]


def _usable_places(sentence: Sentence) -> list[PlaceMention]:
    usable = []
    origin: PlaceMention | None = None  # the last place read as an origin
    for mention in sentence.places:
        before = sentence_text_before(sentence, mention.start, 40)
        listed = origin is not None and LIST_GAP.match(sentence_text_between(sentence, origin.end, mention.start))
        if listed or (ORIGIN_BEFORE.search(before) and not _is_span_of_route(sentence, mention)
                      and not DEPARTURE_BEFORE.search(sentence_text_before(sentence, mention.start, 80))):
            origin = mention  # "from Fuaa and Kafraya": both are where someone comes from
            continue  # where someone comes from, not where it happened
        origin = None
        if any(a.start <= mention.start and mention.end <= a.end for a in sentence.actors):
            continue  # part of an actor's name ("Deir ez-Zor Military Council")
        after = sentence.text[mention.end - sentence.start:]
        if OUTLET_AFTER.match(after) or (SEAT_AFTER.match(after) and SEAT_BEFORE.search(before)):
            continue  # a channel named after a place, where a speaker sits, or a speaker's name
        usable.append(mention)
    return usable


def _event_places(sentence: Sentence, trigger: Trigger) -> list[Place]:
    """The place(s) the event happened at: a list of towns gives several."""
    usable = _usable_places(sentence)
    if not usable:
        return []
    specific = [m for m in usable if m.place.kind not in ("admin1", "country")]
    exact = [m for m in specific if m.place.geo_precision == 1]
    # "in the countryside of Idlib, helicopters bombed Kafr Nabl": the town, which the area locates
    specific = [m for m in specific if not _around_capital(m.place)
                or not any(e.place.admin1 == m.place.admin1 for e in exact)]
    if not specific:  # governorates only: the first, or the list it opens ("in Hama and Latakia")
        listed = [usable[0]]
        for mention in usable[1:]:
            if not LIST_GAP.match(sentence_text_between(sentence, listed[-1].end, mention.start)):
                break
            listed.append(mention)
        return [m.place for m in listed if m.place.kind == "admin1"] or [usable[0].place]
    groups: list[list[PlaceMention]] = [[specific[0]]]
    for mention in specific[1:]:
        gap = sentence_text_between(sentence, groups[-1][-1].end, mention.start)
        if LIST_GAP.match(gap):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    best = max(groups, key=lambda g: (len(g), -abs(g[0].start - trigger.start)))
    chosen = min(groups, key=lambda g: abs(g[0].start - trigger.start)) if len(best) == 1 else best
    chosen = chosen + [m for g in _parallel_groups(sentence, groups, chosen) for m in g]
    places: list[Place] = []
    for mention in chosen:
        if not any(_same_place(mention.place, p) for p in places):
            places.append(mention.place)
    return places


def _around_capital(place: Place) -> bool:
    """The area around the city a governorate is named after ("the countryside of Idlib")."""
    return place.kind == "city" and place.geo_precision == 2 and place.name == place.admin1


def _parallel_groups(sentence: Sentence, groups: list[list[PlaceMention]],
                     chosen: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Lists after the chosen one that the same preposition opens, joined by "and": "delivered
    aid to Madaya and Zabadani and, at the same time, to Foua and Kefraya"."""
    lead = LIST_LEAD.search(sentence_text_before(sentence, chosen[0].start, 12))
    if lead is None:
        return []
    found, last = [], chosen[-1]
    for group in groups:
        if group[0].start <= last.start:
            continue
        gap = sentence_text_between(sentence, last.end, group[0].start)
        again = LIST_LEAD.search(gap[-12:])
        if not (again and again.group(1).lower() == lead.group(1).lower() and re.search(r"\band\b", gap)):
            break
        found.append(group)
        last = group[-1]
    return found


def _is_span_of_route(sentence: Sentence, mention: PlaceMention) -> bool:
    after = sentence.text[mention.end - sentence.start: mention.end - sentence.start + 30]
    return bool(re.match(r"\s+to\s+", after))


def sentence_text_before(sentence: Sentence, offset: int, width: int) -> str:
    local = offset - sentence.start
    return sentence.text[max(0, local - width):local]


def sentence_text_between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]


# --- who did what to whom ---------------------------------------------------------------------

def _can_perpetrate(actor: Actor) -> bool:
    return actor.kind not in VICTIM_KINDS and actor.kind not in AID_KINDS  # aid agencies attack no one


def _affiliated(mentions: list[ActorMention], sentence: Sentence, trigger: Trigger) -> list[ActorMention]:
    """The mentions, where unnamed attackers before the trigger are said to be of a named group, that
    group in their place ("gunmen believed to belong to IS shot..." -> IS, standing where the gunmen do).
    After the trigger they are the harmed, and stay as they are."""
    named: list[ActorMention] = []
    taken = -1
    for k, mention in enumerate(mentions):
        if k == taken:
            continue
        group = mentions[k + 1] if k + 1 < len(mentions) else None
        if ((mention.actor.kind == "unidentified" or mention.actor.label_only) and group is not None
                and group.actor.kind in ARMED_KINDS and not group.actor.label_only
                and group.end <= trigger.start
                and AFFILIATION_GAP.match(sentence_text_between(sentence, mention.end, group.start))):
            mention, taken = ActorMention(group.actor, mention.text, mention.start, mention.end), k + 1
        named.append(mention)
    return named


def _roles(sentence: Sentence, trigger: Trigger, registry: ActorRegistry) -> tuple[Actor | None, Actor | None]:
    mentions = [m for m in _affiliated(sentence.actors, sentence, trigger)
                if not PRETEXT_BEFORE.search(sentence_text_before(sentence, m.start, 60))
                and not ACCUSER_AFTER.match(sentence.text[m.end - sentence.start:])
                and not SPOKESMAN_AFTER.match(sentence.text[m.end - sentence.start:])]
    associates = _associates(mentions, sentence)
    mentions = [m for m in mentions if m not in associates]
    armed = [m for m in mentions if _can_perpetrate(m.actor)]
    by = [m for m in armed if BY_BEFORE.search(sentence_text_before(sentence, m.start, 30))]
    if not by and trigger.sub == "kill":
        by = [m for m in armed if _custodian(sentence, m)]
    actor1_mention = None
    if by:
        actor1_mention = by[0]
    else:
        before = [m for m in armed if m.end <= trigger.end + 1]
        subjects = [m for m in before if not TARGET_BEFORE.search(sentence_text_before(sentence, m.start, 20))]
        if subjects:
            actor1_mention = subjects[0]
        elif before:
            actor1_mention = before[0]
        else:  # named after the trigger: the perpetrator, unless the dead ("bombs kill 13 pro-Assad fighters")
            killed_at = [t.end for t in sentence.triggers if t.sub == "kill"]
            after = [m for m in armed if not TARGET_BEFORE.search(sentence_text_before(sentence, m.start, 20))
                     and not any(0 <= m.start - end and KILLED_OBJECT_GAP.match(sentence_text_between(sentence, end, m.start))
                                 for end in killed_at)]
            actor1_mention = after[0] if after else None
    actor1 = actor1_mention.actor if actor1_mention else None
    actor2 = partner = None
    for mention in mentions:
        if mention is actor1_mention or mention.actor.kind == "protester":
            continue
        if actor1_mention is not None and _coordinated(sentence, actor1_mention, mention):
            continue  # "Russian and Syrian jets": one side
        if actor1_mention is not None and _joined(sentence, actor1_mention, mention):
            partner = partner or mention.actor  # "X and Y fought Z": Y is X's side, unless no Z is named
            continue
        if mention.actor.kind in AID_KINDS and not _aid_harmed(sentence, mention):
            continue  # "UNICEF said", "called upon the UN": no side of the event
        if actor1 is not None and _same_side(mention.actor, actor1, registry):
            continue
        if mention.actor.kind == "civilian" and actor2 is not None:
            continue
        if actor2 is None or (actor2.kind == "civilian" and mention.actor.kind != "civilian"
                              and mention.start > trigger.start):
            actor2 = mention.actor
    return actor1, actor2 or partner


def _associates(mentions: list[ActorMention], sentence: Sentence) -> list[ActorMention]:
    """Actors on someone's side or in between, not parties: "accompanied by Russian forces",
    "a truce brokered by Russia and Turkey" (both)."""
    found: list[ActorMention] = []
    mediators = False
    for mention in mentions:
        before = sentence_text_before(sentence, mention.start, 60)
        if ASSOCIATE_BEFORE.search(before):
            found.append(mention)
            mediators = False
        elif MEDIATOR_BEFORE.search(before) or (
                mediators and COORDINATION.match(sentence_text_between(sentence, found[-1].end, mention.start))):
            found.append(mention)
            mediators = True
        else:
            mediators = False
    return found


def _custodian(sentence: Sentence, mention: ActorMention) -> bool:
    """The actor holds the prison or custody the sentence names ("regime prisons", "SDF custody")."""
    return bool(CUSTODIAN_NAMED.search(mention.text)
                or CUSTODIAN_AFTER.match(sentence.text[mention.end - sentence.start:])
                or CUSTODY_OF_BEFORE.search(sentence_text_before(sentence, mention.start, 20)))


def _aid_harmed(sentence: Sentence, mention: ActorMention) -> bool:
    """The agency's convoy, staff or building is named: "a UN convoy", "12 Red Crescent volunteers"."""
    after = sentence.text[mention.end - sentence.start:]
    return bool(AID_TARGET_NAMED.search(mention.text) or AID_TARGET_AFTER.match(after)) \
        and not SPEAKER_AFTER.match(after)


def _and_first(sentence: Sentence, a: ActorMention, b: ActorMention) -> ActorMention | None:
    """The first of two mentions joined by "and" ("X and Y"); None when they are not."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return first if COORDINATION.match(sentence_text_between(sentence, first.end, second.start)) else None


def _joined(sentence: Sentence, a: ActorMention, b: ActorMention) -> bool:
    """"X and Y", not "between X and Y"."""
    first = _and_first(sentence, a, b)
    return first is not None and not BETWEEN_BEFORE.search(sentence_text_before(sentence, first.start, 20))


def _coordinated(sentence: Sentence, a: ActorMention, b: ActorMention) -> bool:
    """Two adjectives sharing one noun ("Russian and Syrian jets")."""
    first = _and_first(sentence, a, b)
    return first is not None and first.via_adjective


def _aid_roles(sub: str, sentence: Sentence, actor1: Actor | None,
               actor2: Actor | None) -> tuple[Actor | None, Actor | None]:
    """Aid blocked or besieged: actor1 is who obstructs, actor2 who was stopped. Aid delivered:
    actor1 is who delivered."""
    armed = [m.actor for m in sentence.actors if m.actor.kind in ARMED_KINDS]
    agencies = [m.actor for m in sentence.actors if m.actor.kind in AID_KINDS]
    if sub in OBSTRUCTIONS:
        by = [m.actor for m in sentence.actors if m.actor.kind in ARMED_KINDS
              and BY_BEFORE.search(sentence_text_before(sentence, m.start, 30))]
        return (by or armed or [None])[0], (agencies or [None])[0]
    besiegers = {m.actor.id for m in sentence.actors
                 if BESIEGER_BEFORE.search(sentence_text_before(sentence, m.start, 40))}
    deliverer = actor1 if actor1 is not None and actor1.id not in besiegers else None
    return (agencies or [deliverer])[0], None


def _same_side(a: Actor, b: Actor, registry: ActorRegistry) -> bool:
    top_a = registry.lineage(a)[-1].id
    top_b = registry.lineage(b)[-1].id
    return top_a == top_b or a.name == b.name


def _settle_sub(sub: str, sentence: Sentence, trigger: Trigger, actor1: Actor | None,
                actor2: Actor | None) -> str | None:
    """Roles of the lexicon (kill, arrest, territory) become sub-event types."""
    if sub == "kill":
        after = sentence.text[trigger.end - sentence.start:]
        if VICTIM_OBJECT.match(after):
            return "Attack"
        target_armed = actor2 is not None and actor2.kind in ARMED_KINDS and not actor2.label_only
        if target_armed or (COMBATANT_WORDS.search(after[:80]) and not CIVILIAN_WORDS.search(after[:40])):
            return "Armed clash"
        return "Attack"
    if sub == "Mob violence" and trigger.text.lower().startswith("storm") and actor1 is not None \
            and actor1.kind in ARMED_KINDS:
        return "Armed clash"  # an armed group storming a building is no mob (rioting prisoners are)
    if sub == "arrest":
        return "Arrests" if actor1 is not None and actor1.kind == "state" else "Abduction/forced disappearance"
    if sub == "territory":
        if actor1 is not None and actor1.kind in ("state", "foreign-state"):
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    return sub if sub in SUB_EVENT_TYPES else None


def _default_actors(sub: str, actor1: Actor | None, actor2: Actor | None, sentence: Sentence,
                    context: ReportContext, recent_actor: Actor | None,
                    trigger_start: int = 0) -> tuple[Actor | None, Actor | None]:
    registry = context.registry
    event_type = SUB_EVENT_TYPES[sub]
    if event_type == "Protests":
        return registry.get("protesters"), None
    if event_type == "Riots" and (actor1 is None or actor1.kind == "protester"):
        actor1 = registry.get("rioters") or actor1
    if actor1 is not None and actor1.label_only:
        actor1 = registry.get("unidentified") or actor1
    if actor2 is not None and actor2.label_only:
        actor2 = registry.get("unidentified") or actor2
    if actor1 is None and event_type in VIOLENT_TYPES:
        if (wielder := registry.wielder(sentence.text)) is not None:  # a weapon only one party uses
            actor1 = wielder
        elif recent_actor is not None and sub == "Air/drone strike" and recent_actor.kind in AIR_KINDS:
            actor1 = recent_actor
        elif recent_actor is not None and recent_actor.kind in ARMED_KINDS - AIR_KINDS \
                and ANAPHOR_BEFORE.search(sentence_text_before(sentence, trigger_start, 40)):
            actor1 = recent_actor  # "the group abducted three activists": the group just named
        else:
            actor1 = registry.get("unidentified")
    if actor2 is None and (event_type == "Violence against civilians" or sub == "Arrests"):
        actor2 = registry.get("civilians")  # ACLED: those arrested are civilians unless a group is named
    if actor2 is None and event_type == "Explosions/Remote violence" and sub != "Disrupted weapons use" \
            and CIVILIAN_WORDS.search(sentence.text) \
            and any(c.kind == "killed" for c in sentence.casualties):
        actor2 = registry.get("civilians")
    if actor1 is not None and actor2 is not None and actor1.id == actor2.id:
        actor2 = None
    return actor1, actor2


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
        if draft.trigger.priority > twin.trigger.priority or (twin.trigger.sub == "kill" and draft.trigger.sub != "kill"):
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
            towns = [d for d in drafts if d is not draft and d.day == draft.day and d.place is not None
                     and d.place.kind != "admin1" and d.place.admin1 == draft.place.admin1
                     and not any(k is d for k in kept) and _same_kind(d, draft)]
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
        kept.append(told)  # where the summary stood: the report told it first
    return kept


def _same_kind(told: Draft, summary: Draft) -> bool:
    """Can the town's event be the one the governorate's summary tells: one kind of event (an
    attack read only from its deaths is the explosion that names its weapon), by no other side?"""
    return _one_kind(told, summary) and not _other_side(told.actor1, summary)


def _one_kind(a: Draft, b: Draft) -> bool:
    """The same type of event, or an attack read only from its deaths ("a child killed in Aleppo")
    and the explosion that tells its weapon ("a mortar shell fell on Aleppo")."""
    if SUB_EVENT_TYPES[a.sub] == SUB_EVENT_TYPES[b.sub]:
        return True
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
    return _same_place(a, b)


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
        actor2=draft.actor2.name if draft.actor2 else None,
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
