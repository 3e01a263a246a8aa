"""The extraction pipeline: spaCy for sentences, the gazetteer and the lexicons for the rest.

`extract(text, published=...)` gives the events of one report; `extract_reports(reports,
workers=N)` streams a batch, in order, over N processes. The spaCy pipeline is assembled from
`data/pipeline.yaml` (which components of the English model to keep); gazetteer names are marked
after it, on spaCy's tokens, by `PlaceRuler`.
"""
from __future__ import annotations

import multiprocessing
import re
from collections import deque
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, get_model_meta, get_package_path

from ceasefire.config import PACKAGE_DATA, default_country
from ceasefire.errors import CeasefireError
from ceasefire.extract.events import LEDE_SENTENCES, ReportContext, assemble, is_background
from ceasefire.extract.lexicon import Lexicon, Trigger, furniture, load_boilerplate, load_lexicon
from ceasefire.extract.roles import CLAUSE_BREAKS, can_perpetrate
from ceasefire.extract.sentence import Casualty, DateMention, PlaceMention, Sentence, clauses
from ceasefire.extract.where import LIST_GAP, event_places
from ceasefire.model import Event, Report
from ceasefire.resolve import dates, numbers
from ceasefire.resolve.actors import ActorMention, ActorRegistry
from ceasefire.resolve.gazetteer import Gazetteer, abroad_pattern, ambiguous_words, load_country_pack, not_places
from ceasefire.resolve.patterns import Folded, fold
from ceasefire.resolve.phrases import PhraseIndex, Words
from ceasefire.resolve.places import Place, distance_km, site_at

PIPELINE_FILE = PACKAGE_DATA / "pipeline.yaml"
_ARTICLE = r"(?:(?:al|el|an|ar|as|ad|ash|at|az|Al|El|An|Ar|As|Ad|Ash|At|Az)[- ])"
NEIGHBOURHOOD_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s+)(?:al-|el-|Al-|El-)?[A-Z][\w'’-]*)*\s+(?:neighbou?rhoods?|districts?|quarters?)\b")
NEIGHBOURHOOD_BEFORE = Folded(r"\b(?:neighbou?rhoods?|districts?|quarters?)\s+of\s+(?:the\s+)?$")
# A later name of a list of quarters: "the neighborhoods of al-Sabil al-Mogambo al-Furqan and al-Midan".
NEIGHBOURHOOD_LISTED = re.compile(
    r"\b(?:neighbou?rhoods|districts|quarters)\s+of\s+(?:(?:al-|el-|Al-|El-)?[A-Z][\w'’-]*,?\s+(?:and\s+)?){1,6}$")
# Text between blank lines, and list items: a line that opens with a bullet ("- 12 May: ...").
PARAGRAPH_PART = re.compile(r"(?:(?!\n[ \t]*\n|\n[ \t]*(?:[-•*▪–]|\d{1,2}[.)])[ \t])[\s\S])+")
PAST_GAP = 12  # characters between a trigger and an earlier month or year that dates it ("attack in April")
QUARTER_KM = 10  # how far from its city's point a known town called a district can be one of its quarters
NEIGHBOURHOOD_NAMED = re.compile(r"\s(?:neighbou?rhood|district|quarter)$", re.I)  # "the Midan district of Aleppo"
# A name listed after a place: "Atareb and Darat Izza", "Atareb, Darat Izza".
LISTED_NAME = re.compile(rf"(?:\s*,\s*|\s+and\s+)({_ARTICLE}?[A-Z][a-z'’]+(?:[ -]{_ARTICLE}?[A-Z][a-z'’]+){{0,2}})")
# A dateline with no date: "Damascus, SANA - ...", "Hama SANA - ..." (its place is the reporter's).
AGENCY_DATELINE = re.compile(r"\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3},?\s+\(?[A-Z][A-Za-z]{1,12}\)?\s*[-–—]+\s")
QUALIFIER_GAP = re.compile(r"^\s*,\s*$")  # "Jasim, Dar'a": a town, then its governorate
# Between a place and the governorate that locates it: "Zara, in the central province of Hama", not
# "left Moadamiyeh for Idlib" nor "Eastern Ghouta near Damascus" (nor a bare space: "Tags Sayyida
# Zeinab Homs bombings" lists two places).
REGION_GAP = re.compile(
    r"^\s*,?\s*(?:(?:in|of|within)\s+)?(?:the\s+)?"
    r"(?:(?!(?:for|to|towards|from|and|or|near|outside|around)\b)[\w'-]+\s+){0,6}$", re.I)
# Words after which a capitalised name is looked up in the index even when spelled otherwise
# ("in Quamishli", "shelled Ein Issa"); the country's possessive is added per country ("Syria's").
NAME_LEADS = ("in", "at", "near", "of", "outside", "around", "on", "to", "shelled", "struck", "hit", "bombed",
              "bombarded", "pounded", "stormed", "raided", "captured", "recaptured", "retook", "seized",
              "entered", "besieged")
# A name the index does not know at all is a place only when these frame it: a place word or a
# place preposition before it, and a known place that locates it right after ("shelled the
# outskirts of Nayrab in Idleb", "the village of Taara in the western countryside of As-Sweida", "the
# village of Hass in rebel-held Idlib province").
UNLISTED_BEFORE = Folded(
    r"(?:\b(?:in|at|near|outside|around|on)|\b(?:village|town|city|area|outskirts|vicinity|countryside|"
    r"neighbou?rhood|camp|district)\s+of|\b(?:shelled|struck|bombed|bombarded|pounded|stormed|raided))"
    r"\s+(?:the\s+)?$")
_COMPASS = r"(?:north|south|east|west)"
UNLISTED_GAP = re.compile(
    r"^(?:\s+(?:town|village|city|area|front|frontline|camp|desert|outskirts|countryside))?"
    rf"(?:\s*,\s*|\s*,?\s+(?:{_COMPASS}\w*\s+)?(?:in|of|near)\s+(?:the\s+)?(?:[\w-]+-(?:held|controlled)\s+)?(?:rural\s+)?"
    rf"(?:{_COMPASS}(?:ern)?(?:-{_COMPASS}(?:ern)?)?\s+)?"
    r"(?:(?:countryside|province|governorate|outskirts)\s+of\s+)?)$", re.I)


def proper_name_pattern(country_name: str) -> re.Pattern:
    leads = "|".join((*NAME_LEADS, rf"{re.escape(country_name)}'?s"))
    return re.compile(rf"\b(?:{leads})\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?({_ARTICLE}?[A-Z][a-z'’]+"
                      rf"(?:[ -]{_ARTICLE}?[A-Z][a-z'’]+){{0,2}})")


if not Doc.has_extension("ceasefire_events"):
    Doc.set_extension("ceasefire_events", default=None)


class PlaceRuler:
    """Marks every gazetteer name in a report (spaCy's own NER mislabels Arabic place names:
    Tartus as ORG, Zara as PERSON). Names are found by their words, then widened to whole spaCy
    tokens; where two overlap, the longer (then the first) is kept."""

    def __init__(self, country: str):
        self.country = country
        self.names: PhraseIndex[str] = PhraseIndex()
        for surface, key in Gazetteer.open(country).surface_forms():
            self.names.add(surface, key)

    def find(self, doc: Doc, text: str, split: Words) -> list[tuple[int, int, str]]:
        """(start, end, text) of each name in `doc`, whose text is `text` and words `split`."""
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end, _ in self.names.find(text, split)]
        return [(s.start_char, s.end_char, text[s.start_char:s.end_char])
                for s in filter_spans([s for s in spans if s is not None])]


@dataclass
class _Names:
    """What is found once in a whole report: gazetteer names, governorates, the dateline (offsets)."""

    places: list[tuple[int, int, str]]
    regions: list[tuple[int, int, str, bool]]
    dateline: tuple[int, int] = (0, 0)  # the dateline's offsets: its date is the report's, its place the reporter's


@dataclass(frozen=True)
class Settings:
    model: str
    keep: tuple[str, ...]
    batch_size: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    data = yaml.safe_load(PIPELINE_FILE.read_text(encoding="utf-8"))
    return Settings(model=data["model"], keep=tuple(data["keep"]), batch_size=int(data.get("batch_size", 32)))


@lru_cache(maxsize=4)
def load_nlp(country: str) -> Language:
    """The model's kept components (the others are never built); places are marked after it."""
    return model_pipeline()


def model_pipeline() -> Language:
    """The spaCy model as configured in pipeline.yaml, without our components."""
    config = settings()
    components = get_model_meta(get_package_path(config.model)).get("components", [])
    nlp = spacy.load(config.model, exclude=[c for c in components if c not in config.keep])
    for name in config.keep:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    return nlp


class Extractor:
    """Everything one process needs to turn reports into events for one country."""

    def __init__(self, country: str | None = None):
        self.country = (country or default_country()).upper()
        self.nlp = load_nlp(self.country)
        self.gazetteer = Gazetteer.open(self.country)
        self.ruler = PlaceRuler(self.country)
        self.registry = ActorRegistry.load(self.country)
        self.lexicon = load_lexicon()
        self.boilerplate = load_boilerplate()
        pack = load_country_pack(self.country)
        self.country_name = pack.name if pack else self.country
        self.proper_name = proper_name_pattern(self.country_name)
        self.abroad = abroad_pattern(self.country)

    def events(self, reports: Iterable[Report]) -> Iterator[tuple[Report, list[Event]]]:
        reports = list(reports)
        texts = ((report.text or "", report) for report in reports)
        for doc, report in self.nlp.pipe(texts, as_tuples=True, batch_size=settings().batch_size):
            yield report, self.doc_events(doc, report)

    def doc_events(self, doc: Doc, report: Report) -> list[Event]:
        text = report.text or ""  # the doc's text, without joining its tokens again
        reference = dates.dateline(text[:160], report.published)
        inner = dates.inner_dateline(text, report.published) if reference is None else None
        published = (reference or inner).day if (reference or inner) else report.published
        split = Words(text)
        spans = []  # (first token, start, text) of each sentence
        skip = furniture(text, self.boilerplate)
        for sent in doc.sents:
            first_token = sent.start
            for part in PARAGRAPH_PART.finditer(text, sent.start_char, sent.end_char):  # blank lines, list items
                for start, end in _outside(part.start(), part.end(), skip):  # page furniture is not read
                    raw = text[start:end]
                    body = raw.strip()
                    if body:
                        spans.append((first_token, start + len(raw) - len(raw.lstrip()), body))
                        first_token = -1
        agency = AGENCY_DATELINE.match(text) if reference is None and inner is None else None
        # the dateline: the reporter's place and the report's date, never the event's
        dateline = ((0, reference.end) if reference else (inner.start, inner.end) if inner
                    else (0, agency.end()) if agency else (0, 0))
        names = _Names(
            places=[p for p in self.ruler.find(doc, text, split) if not dateline[0] <= p[0] < dateline[1]],
            regions=[r for r in self.gazetteer.admin1_mentions(text, split) if not dateline[0] <= r[0] < dateline[1]],
            dateline=dateline,
        )
        lede = spans[:LEDE_SENTENCES]
        lede_end = lede[-1][1] + len(lede[-1][2]) if lede else 0
        hint = next((region for start, _, region, _ in names.regions if start < lede_end), None)
        unread: dict[int, str | None] = {}  # id of a sentence whose places are not read yet -> its hint
        folded = fold(text)  # the whole report's: each sentence's is a slice of it
        sentences = [self._sentence(span, published, hint, names, split, unread, folded) for span in lede]
        if hint is None:  # the lede names no governorate: the governorate of its first place
            hint = next((p.admin1 for s in sentences for p in event_places(self._placed(s, names, unread))), None)
            for sentence in sentences[1:] if hint is not None else ():  # its other places, read with it
                if id(sentence) in unread:
                    unread[id(sentence)] = hint
                else:
                    sentence.places = self._places(sentence, hint, names)
        sentences += [self._sentence(span, published, hint, names, split, unread, folded)
                      for span in spans[LEDE_SENTENCES:]]
        for order, sentence in enumerate(sentences):
            sentence.order = order
        sentences = [clause for sentence in sentences
                     for clause in clauses(sentence, CLAUSE_BREAKS, lambda mention: can_perpetrate(mention.actor))]

        found: list[Place | None] = []
        day = published or report.published

        def first_place(after: int | None = None) -> Place | None:
            """Where a report is about: the first place it says something happened at, not long
            ago ("the rebels had used the same weapons in Aleppo last year" is no such place); with
            `after`, the first said after that offset."""
            if after is None and found:
                return found[0]
            place = next((p for s in sentences if after is None or s.start > after
                          for p in event_places(self._placed(s, names, unread)) if not long_ago(s)), None)
            if after is None:
                found.append(place)
            return place

        def long_ago(sentence: Sentence) -> bool:
            said = sentence.dates if sentence.triggers or sentence.label else dates.find_dates(sentence.text, day)
            return any(is_background(d.day, d.precision, day, self.lexicon) for d in said)

        context = ReportContext(
            report_id=report.id, published=day, source=report.source,
            country_name=self.country_name, registry=self.registry, lexicon=self.lexicon,
            first_place=first_place, abroad=self.abroad,
        )
        return assemble(sentences, context) or assemble(sentences, context, strict=False)

    def _sentence(self, span: tuple[int, int, str], published: date | None, hint: str | None, names: "_Names",
                  split: Words, unread: dict[int, str | None], folded: str | None) -> Sentence:
        """What one sentence says. One without a trigger (or lede label) is no event of its own:
        its dates and counts are never read, its places only when asked for (`_placed`)."""
        first_token, start, text = span
        end = start + len(text)
        sentence = Sentence(start=start, end=end, text=text,
                            folded=folded[start:end] if folded is not None else None)
        label = self.lexicon.label(text, sentence.folded) if first_token == 0 else None
        if label:
            sentence.label = label[0]
        sentence.triggers = self.lexicon.triggers(text, sentence.folded, start)
        words = split.span(start, end)
        if words is not None:
            sentence.actors = self.registry.find(split.text, split, *words)
        else:  # a word runs across the sentence's edge: read the sentence alone
            sentence.actors = [ActorMention(m.actor, m.text, m.start + start, m.end + start, m.via_adjective)
                               for m in self.registry.find(text)]
        if not sentence.triggers and not sentence.label:
            unread[id(sentence)] = hint
            return sentence
        first, last = names.dateline
        sentence.dates = [DateMention(d.day, d.precision, start + d.start, start + d.end, d.after)
                          for d in dates.find_dates(text, published)
                          if not first <= start + d.start < last]  # a dateline dates the report
        sentence.triggers = _dated_long_ago(sentence, published, self.lexicon)
        cut_from, cut_to = (min(len(text), max(0, edge - start)) for edge in (first, last))
        told = text[:cut_from] + " " * (cut_to - cut_from) + text[cut_to:]
        sentence.casualties = [Casualty(c.count, c.kind, start + c.start, start + c.end)
                               for c in numbers.find_casualties(told)]  # a dateline's year counts no dead
        sentence.places = self._places(sentence, hint, names)
        return sentence

    def _placed(self, sentence: Sentence, names: "_Names", unread: dict[int, str | None]) -> Sentence:
        """The sentence, its places read."""
        if id(sentence) in unread:
            sentence.places = self._places(sentence, unread.pop(id(sentence)), names)
        return sentence

    def _places(self, sentence: Sentence, hint: str | None, names: "_Names") -> list[PlaceMention]:
        """Gazetteer names in the sentence, plus capitalised names after a preposition: those the
        gazetteer knows under another spelling ("in Quamishli", "in the regime's Sidnaya prison"),
        and those it lacks, when a known place right after locates them ("the village of Ftireh in
        Jabal al-Zawiya", "Tell Qarmuz in the countryside of Idleb")."""
        text, offset, stop = sentence.text, sentence.start, sentence.end
        found = [(start - offset, end - offset, surface) for start, end, surface in names.places
                 if offset <= start and end <= stop]
        unlisted = []
        for match in self.proper_name.finditer(text):
            start, end = match.span(1)
            name = _without_trailing(match.group(1), name_ends())  # "al-Malaah Northwest", "Kirkuk In a ..."
            end = start + len(name)
            if not name or name.lower() in not_places() or any(s < end and start < e for s, e, _ in found):
                continue
            if self.gazetteer.lookup(name)[1]:  # known to the index under some spelling
                found.append((start, end, name))
            elif self._framed_as_place(sentence, start, end):
                unlisted.append((start, end, name))
        found += self._listed_after(text, found)
        if not found:
            return []
        found.sort()
        regions = [(start - offset, end - offset, region, said) for start, end, region, said in names.regions
                   if offset <= start and end <= stop]
        named = {region for _, _, region, _ in regions}
        mentions = []
        for start, end, surface in found:
            near = next((region for s, e, region, _ in regions if not (s <= start < e)), None)
            place = self.gazetteer.resolve(surface, context=text, near_admin1=near, at=start)
            if near is None and hint and (place is None or place.admin1 != hint):
                # the report's governorate picks between homonyms; it does not invent places
                local = self.gazetteer.resolve(surface, context=text, near_admin1=hint, at=start)
                if local is not None and local.admin1 == hint and not _located_by_region_only(local):
                    place = local
            if place is None or not place.admin1:
                continue
            if (len(named) == 1 and place.kind not in ("admin1", "country", "city") and place.admin1 not in named
                    and any(REGION_GAP.match(text[end:s]) and text[end:s].strip() for s, _, _, _ in regions if s >= end)):
                place = self._in_region(surface, next(iter(named)))  # "Zara, in the province of Hama"
            quarter = place.kind != "city" and (  # "a northern district of Manbij" is in Manbij
                NEIGHBOURHOOD_AFTER.match(text[end:end + 80]) or NEIGHBOURHOOD_NAMED.search(surface)
                or NEIGHBOURHOOD_BEFORE.search(text[max(0, start - 60):start])
                or NEIGHBOURHOOD_LISTED.search(text[max(0, start - 120):start]))
            city = self._city_of(named, hint) if quarter else None
            if city is not None and not (  # a town of the governorate further off: "Maarat al-Numaan district"
                    "district" in quarter.group(0).lower() and place.admin1 == city.admin1 and place.geo_precision == 1
                    and distance_km(place.latitude, place.longitude, city.latitude, city.longitude) > QUARTER_KM):
                place = city  # a quarter of the city the report is about (or its homonym elsewhere): ACLED codes the city
            mentions.append(PlaceMention(surface, offset + start, offset + end, place))
        return self._cities_in_lists(self._located_unlisted(mentions, unlisted, text, offset), text, offset)

    def _listed_after(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Names listed right after a place that the index knows under another spelling: "the towns
        of Atareb and Darat Izza"."""
        listed = []
        for _, end, _ in found:
            match = LISTED_NAME.match(text, end)
            if match is None or any(s < match.end(1) and match.start(1) < e for s, e, _ in found):
                continue
            name = _without_trailing(match.group(1), name_ends())
            level, places = self.gazetteer.lookup(name) if name and name.lower() not in not_places() else (None, [])
            if places and level != "phonetic":  # a spelling, not a name that only sounds alike
                listed.append((match.start(1), match.start(1) + len(name), name))
        return listed

    def _framed_as_place(self, sentence: Sentence, start: int, end: int) -> bool:
        """Is the unknown name at start:end of the sentence said as a place ("in X", "the village
        of X", "shelled X"), and neither an actor's name nor words of the event?"""
        text, offset = sentence.text, sentence.start
        if not UNLISTED_BEFORE.search(text[max(0, start - 40):start]) or _headline(sentence):
            return False
        if self.lexicon.triggers(text[start:end], None, 0):
            return False  # "in Terrorist Rocket Attacks in Aleppo": words of the event, not a name
        return not any(a.start < offset + end and offset + start < a.end for a in sentence.actors)

    def _located_unlisted(self, mentions: list[PlaceMention], unlisted: list[tuple[int, int, str]], text: str,
                          offset: int) -> list[PlaceMention]:
        """Each unknown name that a known place right after it locates, placed there: at its
        point (precision 2) for a town or area, which then only locates it; at the governorate's
        (precision 3) for a governorate."""
        located, anchors = [], []
        for start, end, name in unlisted:
            anchor = next((m for m in mentions if m.start - offset >= end
                           and UNLISTED_GAP.match(text[end:m.start - offset])), None)
            if anchor is None:
                continue
            region = anchor.place.kind in ("admin1", "country")
            if not region:
                anchors.append(anchor)
            place = site_at(anchor.place, name, 3 if region else 2)
            located.append(PlaceMention(name, offset + start, offset + end, place))
        return sorted([m for m in mentions if m not in anchors] + located, key=lambda m: m.start)

    def _cities_in_lists(self, mentions: list[PlaceMention], text: str, offset: int) -> list[PlaceMention]:
        """In "car bombs in Tartus and Jableh" (or "in Aleppo, Hama and Damascus") a governorate's
        name listed with towns is its city; in "in Jasim, Dar'a" it only says where the town is."""
        lists: list[list[PlaceMention]] = []
        for i, mention in enumerate(mentions):
            before = mentions[i - 1] if i else None
            if before is not None and LIST_GAP.match(text[before.end - offset:mention.start - offset]):
                lists[-1].append(mention)
            else:
                lists.append([mention])
        for listed in lists:
            if all(m.place.kind in ("admin1", "country") for m in listed):
                continue  # "in Idlib and Hama provinces"
            for i, mention in enumerate(listed):
                town = listed[i - 1] if i else None
                if mention.place.kind != "admin1" or (
                        town is not None and town.place.admin1 == mention.place.admin1
                        and QUALIFIER_GAP.match(text[town.end - offset:mention.start - offset])):
                    continue
                city = self._city_of({mention.place.admin1}, None)
                if city is not None:
                    mention.place = city
        return mentions

    def _city_of(self, named: set[str], hint: str | None) -> Place | None:
        """The city a neighbourhood belongs to: the governorate's capital named here or in the lede."""
        region = next(iter(named)) if len(named) == 1 else hint
        if not region:
            return None
        city = self.gazetteer.resolve(f"{region} city", context=f"in {region} city", near_admin1=region)
        return city if city is not None and city.kind == "city" and city.admin1 == region else None

    def _in_region(self, name: str, region: str) -> Place:
        """A place the index puts elsewhere, located only by the governorate the report gives."""
        return site_at(self.gazetteer.admin1_place(region), name, 2)  # a governorate named in the text


def _outside(start: int, end: int, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of start:end outside the sorted spans `skip`."""
    parts = []
    for s, e in skip:
        if e <= start or s >= end:
            continue
        if s > start:
            parts.append((start, s))
        start = max(start, e)
    if start < end:
        parts.append((start, end))
    return parts


def _dated_long_ago(sentence: Sentence, published: date | None, lexicon: Lexicon) -> list[Trigger]:
    """The sentence's triggers, those dated right after to an earlier month or year ranked below the
    others: "around Khan Sheikhoun, the site of the regime's chemical attack in April" is no attack told."""
    past = [d for d in sentence.dates
            if d.precision in ("month", "year") and is_background(d.day, d.precision, published, lexicon)]
    if not past:
        return sentence.triggers
    ranked = [replace(t, priority=t.priority - 100) if any(0 <= d.start - t.end <= PAST_GAP for d in past) else t
              for t in sentence.triggers]
    return sorted(ranked, key=lambda t: (-t.priority, t.start))


@lru_cache(maxsize=1)
def name_ends() -> frozenset[str]:
    """Words a capitalised name never ends with: those never a place, and function words that
    open the next sentence when a page lost its full stop ("west of Kirkuk In a separate event")."""
    return not_places() | ambiguous_words()[1]


def _without_trailing(name: str, words: frozenset[str]) -> str:
    """The name without the listed words at its end."""
    parts = name.split(" ")
    while parts and parts[-1].lower() in words:
        parts.pop()
    return " ".join(parts)


def _headline(sentence: Sentence) -> bool:
    """A sentence in title case ("Five Civilians Killed in Terrorist Rocket Attacks in Aleppo"),
    where capitals do not mark names: its event words are capitalised too."""
    if not any(t.text[:1].isupper() and t.start > sentence.start for t in sentence.triggers):
        return False
    words = [w for w in sentence.text.split() if w[:1].isalpha() and len(w) > 3]
    return sum(w[:1].isupper() for w in words) > 0.5 * len(words)


def _located_by_region_only(place: Place) -> bool:
    """A name the index lacks, placed only by the governorate around it."""
    return place.kind == "site" and place.geo_precision == 3 and place.geonameid is None


# --- public API ---------------------------------------------------------------------------------

_EXTRACTORS: dict[str, Extractor] = {}


def extractor(country: str | None = None) -> Extractor:
    key = (country or default_country()).upper()
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(key)
    return _EXTRACTORS[key]


def extract(text: str, published: date | str | None = None, *, report_id: str | None = None,
            source: str | None = None, country: str | None = None) -> list[Event]:
    """The events one report describes, each with the sentence(s) it was drawn from."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    report = Report(id=report_id or "report", text=text or "", published=published, source=source)
    return next(extractor(country).events([report]))[1]


@dataclass
class ExtractionFailure:
    report: Report | None  # None only between a worker and `extract_reports`
    error: str


def extract_reports(reports: Iterable[Report], workers: int = 1, country: str | None = None,
                    chunk: int | None = None, then: Callable[[list[Event]], Iterable[Event]] | None = None,
                    ) -> Iterator[tuple[Report, list[Event] | ExtractionFailure]]:
    """Events of each report, in input order. A report that fails is yielded with the failure;
    the batch goes on. `then` (a picklable function, e.g. a later stage) runs on each report's
    events inside the worker, so it is spread over the workers too. Reports go through spaCy
    and to the workers `chunk` at a time (default: the pipeline's batch size)."""
    country = (country or default_country()).upper()
    Gazetteer.open(country)  # build the place index once, before any worker starts
    if workers <= 1:
        for batch in _chunks(reports, chunk or settings().batch_size):
            yield from _paired(batch, _extract_batch((country, batch, then)))
        return
    extractor(country)  # loaded once here; forked workers share it instead of each loading the model
    sent: deque[list[Report]] = deque()  # batches handed to the pool, in order; results come back in it

    def jobs() -> Iterator[tuple]:
        for batch in _chunks(reports, chunk or settings().batch_size):
            sent.append(batch)
            yield country, batch, then

    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for results in pool.imap(_extract_batch, jobs()):
            yield from _paired(sent.popleft(), results)  # reports stay here: only events come back


def _paired(batch: list[Report], results: list[list[Event] | ExtractionFailure]
            ) -> Iterator[tuple[Report, list[Event] | ExtractionFailure]]:
    for report, result in zip(batch, results):
        if isinstance(result, ExtractionFailure):
            result = ExtractionFailure(report, result.error)
        yield report, result


def _extract_batch(job: tuple) -> list[list[Event] | ExtractionFailure]:
    """The events of each report of a batch, or its failure (without the report: the caller has it)."""
    country, batch, then = job
    engine = extractor(country)

    def events(reports: list[Report]) -> list[list[Event]]:
        found = [evs for _, evs in engine.events(reports)]
        return [list(then(evs)) for evs in found] if then else found

    try:
        return events(batch)
    except Exception:  # one bad report must not take its batch down: retry one by one
        results: list[list[Event] | ExtractionFailure] = []
        for report in batch:
            try:
                results.extend(events([report]))
            except Exception as error:  # noqa: BLE001 - reported per report, never raised
                message = error.message if isinstance(error, CeasefireError) else f"{type(error).__name__}: {error}"
                results.append(ExtractionFailure(None, message))
        return results


def _chunks(items: Iterable[Report], size: int) -> Iterator[list[Report]]:
    batch: list[Report] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
