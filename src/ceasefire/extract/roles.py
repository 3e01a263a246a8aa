"""Who did what to whom: a sentence's actors as the perpetrator (actor1) and the other side
(actor2), read with the patterns of data/lexicons/roles.yaml; and the sub-event types that
depend on them (a killing of fighters is a battle, an arrest by the state an arrest)."""
from __future__ import annotations

from ceasefire.extract.lexicon import Trigger, load_role_patterns
from ceasefire.extract.sentence import ClauseBreaks, Sentence, sentence_text_before, sentence_text_between
from ceasefire.model import SUB_EVENT_TYPES
from ceasefire.resolve.actors import Actor, ActorMention, ActorRegistry

ARMED_KINDS = {"state", "foreign-state", "coalition", "rebel", "jihadist", "kurdish", "militia"}
AIR_KINDS = {"state", "foreign-state", "coalition"}  # who can fly an air strike
VICTIM_KINDS = {"civilian", "protester"}
LABELLED_KINDS = {"rebel", "jihadist"}  # whom "the terrorists", "the militants" refer back to
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
AID_KINDS = {"international"}  # who delivers aid; who blocks it is an armed actor
OBSTRUCTIONS = {"Aid blocked", "Siege"}
_ROLES = load_role_patterns()
COMBATANT_WORDS = _ROLES["combatant_words"]
BLAMED_BEFORE = _ROLES["blamed_before"]
CIVILIAN_WORDS = _ROLES["civilian_words"]
VICTIM_OBJECT = _ROLES["victim_object"]
BY_BEFORE = _ROLES["by_before"]
ASSOCIATE_BEFORE = _ROLES["associate_before"]
MEDIATOR_BEFORE = _ROLES["mediator_before"]
PRETEXT_BEFORE = _ROLES["pretext_before"]
ACCUSER_AFTER = _ROLES["accuser_after"]
SOURCE_BEFORE = _ROLES["source_before"]
SPOKESMAN_AFTER = _ROLES["spokesman_after"]
BESIEGER_BEFORE = _ROLES["besieger_before"]
SPEAKER_AFTER = _ROLES["speaker_after"]
TARGET_BEFORE = _ROLES["target_before"]
TARGET_AFTER = _ROLES["target_after"]
CUSTODIAN_AFTER = _ROLES["custodian_after"]
CUSTODIAN_NAMED = _ROLES["custodian_named"]
CUSTODY_OF_BEFORE = _ROLES["custody_of_before"]
AFFILIATION_GAP = _ROLES["affiliation_gap"]
AID_TARGET_AFTER = _ROLES["aid_target_after"]
AID_TARGET_NAMED = _ROLES["aid_target_named"]
COORDINATION = _ROLES["coordination"]
BETWEEN_BEFORE = _ROLES["between_before"]
KILLED_OBJECT_GAP = _ROLES["killed_object_gap"]
VICTIM_BEFORE = _ROLES["victim_before"]
CLAUSE_BREAKS = ClauseBreaks(_ROLES["clause_break"], _ROLES["parallel_break"], _ROLES["concurrent_break"])
OWNER_BEFORE = _ROLES["owner_before"]
OWNER_AFTER = _ROLES["owner_after"]
MEMBER_BEFORE = _ROLES["member_before"]
PASSIVE_GAP = _ROLES["passive_gap"]
DEAD_AFTER = _ROLES["dead_after"]
AIR_RAIDS_NAMED = _ROLES["air_raids_named"]
COUNTED_DEAD = _ROLES["counted_dead"]
KILLED_AFTER = _ROLES["killed_after"]
REPORTED_BETWEEN = _ROLES["reported_between"]
SUBJECT_GAP = _ROLES["subject_gap"]
COUNTRY_AS_PLACE_BEFORE = _ROLES["country_as_place_before"]
ANAPHOR_BEFORE = _ROLES["anaphor_before"]


def can_perpetrate(actor: Actor) -> bool:
    return actor.kind not in VICTIM_KINDS and actor.kind not in AID_KINDS  # aid agencies attack no one


def _affiliated(mentions: list[ActorMention], sentence: Sentence, trigger: Trigger) -> list[ActorMention]:
    """The mentions, where unnamed attackers before the trigger are said to be of a named group, that
    group in their place ("gunmen believed to belong to IS shot..." -> IS, spanning both).
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
            text = sentence.text[mention.start - sentence.start:group.end - sentence.start]
            mention, taken = ActorMention(group.actor, text, mention.start, group.end), k + 1
        named.append(mention)
    return named


def roles(sentence: Sentence, trigger: Trigger, registry: ActorRegistry) -> tuple[Actor | None, Actor | None]:
    mentions = [m for m in _affiliated(sentence.actors, sentence, trigger)
                if not PRETEXT_BEFORE.search(sentence_text_before(sentence, m.start, 60))
                and not SOURCE_BEFORE.search(sentence_text_before(sentence, m.start, 60))
                and not ACCUSER_AFTER.match(sentence.text[m.end - sentence.start:])
                and not SPOKESMAN_AFTER.match(sentence.text[m.end - sentence.start:])]
    associates = _associates(mentions, sentence)
    mentions = [m for m in mentions if m not in associates]
    owners = [m for m in mentions if _names_a_place(sentence, m)]
    mentions = [m for m in mentions if m not in owners] or mentions  # where, not who
    one_sided_blow = SUB_EVENT_TYPES.get(trigger.sub) == "Explosions/Remote violence" or (
        trigger.sub == "kill" and _air_raids(sentence))
    armed = [m for m in mentions if can_perpetrate(m.actor) and m not in owners
             and not (one_sided_blow and _among_the_dead(sentence, m))]
    by = [m for m in armed if BY_BEFORE.search(sentence_text_before(sentence, m.start, 30))]
    if not by and trigger.sub == "kill":
        by = [m for m in armed if _custodian(sentence, m)]
    actor1_mention = None
    if by:
        actor1_mention = by[0]
    else:
        # named before the trigger, or with it ("Rebel rocket fire")
        killed_at = [t.end for t in sentence.triggers if t.sub == "kill"]
        before = [m for m in armed if (m.end <= trigger.end + 1 or m.start <= trigger.start < m.end)
                  and not _killed_object(sentence, m, killed_at)]  # "army kills 32 rebels in ambush": not who
        subjects = [m for m in before if not TARGET_BEFORE.search(sentence_text_before(sentence, m.start, 20))
                    and not PASSIVE_GAP.match(sentence_text_between(sentence, m.end, trigger.start))]
        if trigger.sub == "Air/drone strike":  # "strikes hit Qaeda as well as IS ... a US-led coalition carried out air strikes"
            subjects = [m for m in subjects if m.actor.kind in AIR_KINDS] or subjects
        if subjects:
            actor1_mention = subjects[0]
        elif before and not VICTIM_BEFORE.search(sentence_text_before(sentence, before[0].start, 30)) \
                and not PASSIVE_GAP.match(sentence_text_between(sentence, before[0].end, trigger.start)):
            actor1_mention = before[0]
        else:  # named after the trigger: the perpetrator, unless the dead ("bombs kill 13 pro-Assad fighters")
            after = [m for m in armed if m.start >= trigger.start
                     and not TARGET_BEFORE.search(sentence_text_before(sentence, m.start, 20))
                     and not REPORTED_BETWEEN.search(sentence_text_between(sentence, trigger.end, m.start))
                     and not TARGET_AFTER.match(sentence.text[m.end - sentence.start:])
                     and not _killed_object(sentence, m, killed_at)]
            actor1_mention = after[0] if after else None
            if actor1_mention is None and trigger.sub == "kill":  # "Reports of executions ... forces killed 82"
                actor1_mention = next((m for t in sentence.triggers if t.sub == "kill" and t.start > trigger.end
                                       for m in armed if m.end <= t.start
                                       and SUBJECT_GAP.match(sentence_text_between(sentence, m.end, t.start))), None)
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


def _killed_object(sentence: Sentence, mention: ActorMention, killed_at: list[int]) -> bool:
    """Is the mention whom a killing killed ("kill 13 pro-Assad fighters")?"""
    return any(0 <= mention.start - end and KILLED_OBJECT_GAP.match(sentence_text_between(sentence, end, mention.start))
               for end in killed_at)


def _air_raids(sentence: Sentence) -> bool:
    """Does the sentence name an air-capable party's raids ("Israeli raids", "regime raids")?"""
    return any(m.via_adjective and m.actor.kind in AIR_KINDS and AIR_RAIDS_NAMED.search(m.text)
               for m in sentence.actors)


def _among_the_dead(sentence: Sentence, mention: ActorMention) -> bool:
    """Are the mention's men told as dead ("members of Al-Nusra Front died", "25 Al-Nusra fighters killed")?"""
    after = sentence.text[mention.end - sentence.start:]
    return bool(DEAD_AFTER.match(after) or (KILLED_AFTER.match(after)
                                            and COUNTED_DEAD.search(sentence_text_before(sentence, mention.start, 30))))


def _names_a_place(sentence: Sentence, mention: ActorMention) -> bool:
    """Does the mention say where, not who: a place's holder ("a checkpoint run by Asayish", "the
    IS-held town"), or a country named as a place ("a supply line to Turkey")?"""
    if OWNER_BEFORE.search(sentence_text_before(sentence, mention.start, 40)) \
            or OWNER_AFTER.match(sentence.text[mention.end - sentence.start:]):
        return True
    return (mention.actor.kind == "foreign-state" and " " not in mention.text.strip() and not mention.via_adjective
            and bool(COUNTRY_AS_PLACE_BEFORE.search(sentence_text_before(sentence, mention.start, 30))))


def _associates(mentions: list[ActorMention], sentence: Sentence) -> list[ActorMention]:
    """Actors on someone's side or in between, not parties: "accompanied by Russian forces",
    "a truce brokered by Russia and Turkey" (both)."""
    found: list[ActorMention] = []
    mediators = False
    for mention in mentions:
        before = sentence_text_before(sentence, mention.start, 60)
        if ASSOCIATE_BEFORE.search(before) or (MEMBER_BEFORE.search(before) and mention.start > 0
                                               and any(m.end <= mention.start for m in mentions if m is not mention)):
            found.append(mention)  # "rebels including Jabhat al-Nusra fighters": on the rebels' side
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


def aid_roles(sub: str, sentence: Sentence, actor1: Actor | None,
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


def settle_sub(sub: str, sentence: Sentence, trigger: Trigger, actor1: Actor | None,
                actor2: Actor | None) -> str | None:
    """Roles of the lexicon (kill, arrest, territory) become sub-event types."""
    if sub == "kill":
        if _air_raids(sentence):
            return "Air/drone strike"
        after = sentence.text[trigger.end - sentence.start:]
        if VICTIM_OBJECT.match(after):
            return "Attack"
        target_armed = actor2 is not None and actor2.kind in ARMED_KINDS and not actor2.label_only
        combatants = [m for m in COMBATANT_WORDS.finditer(after[:80]) if not BLAMED_BEFORE.search(after[:m.start()])]
        if target_armed or (combatants and not CIVILIAN_WORDS.search(after[:40])):
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


def default_actors(sub: str, actor1: Actor | None, actor2: Actor | None, sentence: Sentence,
                   registry: ActorRegistry, recent_actor: Actor | None,
                   trigger_start: int = 0) -> tuple[Actor | None, Actor | None]:
    """Actors where the sentence names none, as ACLED codes them: protesters, rioters, an
    unidentified armed group, civilians as the target of an attack or an arrest."""
    event_type = SUB_EVENT_TYPES[sub]
    if event_type == "Protests":
        return registry.get("protesters"), None
    if event_type == "Riots" and (actor1 is None or actor1.kind == "protester"):
        actor1 = registry.get("rioters") or actor1
    if actor1 is not None and actor1.label_only:
        # "the terrorists also kidnapped ...": the insurgent group just named (such labels are never
        # said of a state or of the Kurdish forces' own side in the reports they come from)
        named_before = recent_actor is not None and recent_actor.kind in LABELLED_KINDS \
            and not recent_actor.label_only and ANAPHOR_BEFORE.search(sentence_text_before(sentence, trigger_start, 40))
        actor1 = recent_actor if named_before else registry.get("unidentified") or actor1
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

