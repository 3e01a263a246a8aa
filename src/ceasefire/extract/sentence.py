"""A sentence of a report and what it names: triggers, places, actors, dates and casualties,
with offsets into the report's text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable

from ceasefire.extract.lexicon import Trigger
from ceasefire.model import SUB_EVENT_TYPES
from ceasefire.resolve.actors import ActorMention
from ceasefire.resolve.patterns import fold
from ceasefire.resolve.places import Place


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
    order: int | None = None  # which sentence of the report it is (a clause keeps its sentence's)
    folded: str | None = field(default=None, repr=False, compare=False)  # `patterns.fold(text)`; None: unknown

    def __post_init__(self) -> None:
        if self.folded is None:
            self.folded = fold(self.text)


def sentence_text_before(sentence: Sentence, offset: int, width: int) -> str:
    local = offset - sentence.start
    return sentence.text[max(0, local - width):local]


def sentence_text_between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]


@dataclass(frozen=True)
class ClauseBreaks:
    """Where a sentence parts into clauses (patterns of roles.yaml)."""

    actor: re.Pattern  # before a second act by a second actor
    parallel: re.Pattern | None = None  # before a second blow at a second place, with its own dead
    concurrent: re.Pattern | None = None  # before the clashes a bombardment came amid


def clauses(sentence: Sentence, breaks: ClauseBreaks, acts: Callable[[ActorMention], bool]) -> list[Sentence]:
    """The sentence, or its clauses where each tells an act of its own by an actor of its own
    ("rebels shelled Foua and Kefraya with mortars, and regime warplanes struck Binnish"), or a
    blow of its own at a place of its own with its own dead ("... hit Jableh killing 100 while three
    explosions hit Tartus killing 48"), or a bombardment and the clashes it came amid. A clause that
    names no date, or no place, keeps those the sentence named before it."""
    if sentence.label or len(sentence.triggers) < 2:
        return [sentence]
    told = [t for t in sentence.triggers if t.sub != "kill" and t.priority > 0]
    for found in breaks.actor.finditer(sentence.text):
        cut, resume = sentence.start + found.start(), sentence.start + found.end()
        actor = next((a for a in sentence.actors if a.start >= resume), None)
        if actor is None or actor.start != resume or not acts(actor):
            continue
        if not (any(t.end <= cut for t in told) and any(t.start >= actor.start for t in told)
                and any(a.end <= cut and acts(a) for a in sentence.actors)):
            continue
        return _split(sentence, cut, resume, breaks, acts)
    for found in breaks.parallel.finditer(sentence.text) if breaks.parallel is not None else ():
        cut, resume = sentence.start + found.start(), sentence.start + found.end()
        if all(any(t.start >= start and t.end <= end for t in told)
               and any(start <= m.start and m.end <= end for m in sentence.places)
               and any(c.kind == "killed" and c.count and start <= c.start and c.end <= end
                       for c in sentence.casualties)
               for start, end in ((sentence.start, cut), (resume, sentence.end))):
            return _split(sentence, cut, resume, breaks, acts)
    for found in breaks.concurrent.finditer(sentence.text) if breaks.concurrent is not None else ():
        cut, resume = sentence.start + found.start(), sentence.start + found.end()
        if any(t.end <= cut and SUB_EVENT_TYPES.get(t.sub) == "Explosions/Remote violence" for t in told) \
                and any(t.start >= resume and SUB_EVENT_TYPES.get(t.sub) == "Battles" for t in told) \
                and any(a.start >= resume and acts(a) for a in sentence.actors):
            return _split(sentence, cut, resume, breaks, acts)
    return [sentence]


def _split(sentence: Sentence, cut: int, resume: int, breaks: ClauseBreaks,
           acts: Callable[[ActorMention], bool]) -> list[Sentence]:
    rest = _part(sentence, resume, sentence.end)
    if not rest.dates:
        rest.dates = [DateMention(d.day, d.precision, resume, resume, d.after) for d in sentence.dates]
    if not rest.places:  # "..., where the rebels captured the village": the place said before
        rest.places = [PlaceMention(m.text, rest.end, rest.end, m.place) for m in sentence.places if m.end <= cut]
    return [_part(sentence, sentence.start, cut), *clauses(rest, breaks, acts)]


def _part(sentence: Sentence, start: int, end: int) -> Sentence:
    """What the sentence says between two of its offsets."""
    local = slice(start - sentence.start, end - sentence.start)

    def inside(items: list) -> list:
        return [item for item in items if start <= item.start and item.end <= end]

    return replace(sentence, start=start, end=end, text=sentence.text[local],
                   folded=sentence.folded[local] if sentence.folded is not None else None,
                   triggers=inside(sentence.triggers), places=inside(sentence.places),
                   actors=inside(sentence.actors), dates=inside(sentence.dates),
                   casualties=inside(sentence.casualties))
