"""Where a sentence's event happened: the places it names, less origins, speakers' seats and
actors' names; a list of towns is an event at each."""
from __future__ import annotations

from ceasefire.extract.lexicon import Trigger, load_role_patterns
from ceasefire.extract.sentence import PlaceMention, Sentence, sentence_text_before, sentence_text_between
from ceasefire.resolve.places import Place

_ROLES = load_role_patterns()
ORIGIN_BEFORE = _ROLES["origin_before"]
DEPARTURE_BEFORE = _ROLES["departure_before"]
OUTLET_AFTER = _ROLES["outlet_after"]
SEAT_AFTER = _ROLES["seat_after"]
DATELINE_AFTER = _ROLES["dateline_after"]
SEAT_BEFORE = _ROLES["seat_before"]
GOVERNMENT_SEAT_BEFORE = _ROLES["government_seat_before"]
GOVERNMENT_SEAT_AFTER = _ROLES["government_seat_after"]
LIST_LEAD = _ROLES["list_lead"]
LOCATED_LIST_GAP = _ROLES["located_list_gap"]
LOCATOR_GAP = _ROLES["locator_gap"]
TOPIC_AFTER = _ROLES["topic_after"]
LIST_GAP = _ROLES["list_gap"]
PLACE_HEADING_AFTER = _ROLES["place_heading_after"]
DESTINATION_BEFORE = _ROLES["destination_before"]
PLACE_LEAD_BEFORE = _ROLES["place_lead_before"]
PLACE_LEAD_AFTER = _ROLES["place_lead_after"]
PLACE_LEAD_SUBJECT_GAP = _ROLES["place_lead_subject_gap"]
PARALLEL_GAP = _ROLES["parallel_gap"]
ROUTE_AFTER = _ROLES["route_after"]


def event_places(sentence: Sentence) -> list[Place]:
    """Places the sentence says something happened at (origins and actor names left out)."""
    return [m.place for m in usable_places(sentence)]


def usable_places(sentence: Sentence) -> list[PlaceMention]:
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
        if _names_its_capital(mention.place) and any(
                m.start >= mention.end and not _names_its_capital(m.place)
                and LOCATOR_GAP.match(sentence_text_between(sentence, mention.end, m.start)) for m in sentence.places):
            continue  # "the Damascus suburb of Daraya": Daraya (but "the Daraya suburb of Damascus": Daraya too)
        if any(a.start <= mention.start and mention.end <= a.end for a in sentence.actors):
            continue  # part of an actor's name ("Deir ez-Zor Military Council")
        after = sentence.text[mention.end - sentence.start:]
        if OUTLET_AFTER.match(after) or TOPIC_AFTER.match(after) or speaker_seat(sentence, mention.start, mention.end) \
                or (mention.text.isupper() and DATELINE_AFTER.match(after)):
            continue  # a channel or truce named after a place, where a speaker or reporter sits, a speaker's name
        usable.append(mention)
    return usable


def _names_its_capital(place: Place) -> bool:
    """A governorate, or the city it is named after."""
    return place.kind == "admin1" or place.name == place.admin1


def speaker_seat(sentence: Sentence, start: int, end: int) -> bool:
    """Is the place at start:end where a speaker sits ("the ministry in Moscow said"), a speaker's
    name, or a government called by its seat ("blames on Damascus")?"""
    after = sentence.text[end - sentence.start:]
    return bool(SEAT_AFTER.match(after) and SEAT_BEFORE.search(sentence_text_before(sentence, start, 40))
                or GOVERNMENT_SEAT_AFTER.match(after)
                or GOVERNMENT_SEAT_BEFORE.search(sentence_text_before(sentence, start, 40)))


def places_of(sentence: Sentence, trigger: Trigger, before: int | None = None) -> list[Place]:
    """The place(s) the event happened at: a list of towns gives several. People are evacuated from
    a place, not where they are taken ("buses carried 700 fighters to Idlib province"). With
    `before`, only places named before that offset (what follows it tells of another act)."""
    usable = [m for m in usable_places(sentence) if before is None or m.start < before]
    if trigger.sub == "Evacuation":
        usable = [m for m in usable if not DESTINATION_BEFORE.search(sentence_text_before(sentence, m.start, 40))]
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
        if not any(same_place(mention.place, p) for p in places):
            places.append(mention.place)
    return places


def _around_capital(place: Place) -> bool:
    """The area around the city a governorate is named after ("the countryside of Idlib")."""
    return place.kind == "city" and place.geo_precision == 2 and place.name == place.admin1


def _parallel_groups(sentence: Sentence, groups: list[list[PlaceMention]],
                     chosen: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Lists after the chosen one that the same preposition opens, joined by "and": "delivered
    aid to Madaya and Zabadani and, at the same time, to Foua and Kefraya"; or each located by its
    governorate: "Madaya and al-Zabadani in Damascus Countryside and Kafraya and al-Fouaa in Idlib"."""
    lead = LIST_LEAD.search(sentence_text_before(sentence, chosen[0].start, 12))
    found, last = [], chosen[-1]
    for group in groups:
        if group[0].start <= last.start:
            continue
        gap = sentence_text_between(sentence, last.end, group[0].start)
        again = LIST_LEAD.search(gap[-12:])
        located = LOCATED_LIST_GAP.match(gap) and any(
            m.place.kind == "admin1" and last.end <= m.start and m.end <= group[0].start for m in sentence.places)
        if not (lead and again and again.group(1).lower() == lead.group(1).lower() and PARALLEL_GAP.search(gap)) \
                and not located:
            break
        found.append(group)
        last = group[-1]
    return found


def _is_span_of_route(sentence: Sentence, mention: PlaceMention) -> bool:
    after = sentence.text[mention.end - sentence.start: mention.end - sentence.start + 30]
    return bool(ROUTE_AFTER.match(after))


def same_place(a: Place, b: Place) -> bool:
    return a.name == b.name and a.admin1 == b.admin1


def place_heading(sentence: Sentence) -> bool:
    """Does the sentence open with a place as a heading ("Hama: ...", "Damascus countryside: ..."), as
    monitors' daily roundups do, or turn to a place first ("In Hama province, regime forces ...", or
    with the comma lost, "In Aleppo terrorist groups fired ...")?"""
    first = sentence.places[0] if sentence.places else None
    if first is None:
        return False
    lead = sentence.text[:first.start - sentence.start]
    after = sentence.text[first.end - sentence.start:]
    return (not lead and bool(PLACE_HEADING_AFTER.match(after))) or (
        bool(PLACE_LEAD_BEFORE.fullmatch(lead)) and (bool(PLACE_LEAD_AFTER.match(after)) or any(
            a.start >= first.end and PLACE_LEAD_SUBJECT_GAP.match(sentence_text_between(sentence, first.end, a.start))
            for a in sentence.actors)))

