"""A sentence of a report and what it names: triggers, places, actors, dates and casualties,
with offsets into the report's text."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ceasefire.extract.lexicon import Trigger
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
    folded: str | None = field(default=None, repr=False, compare=False)  # `patterns.fold(text)`; None: unknown

    def __post_init__(self) -> None:
        if self.folded is None:
            self.folded = fold(self.text)


def sentence_text_before(sentence: Sentence, offset: int, width: int) -> str:
    local = offset - sentence.start
    return sentence.text[max(0, local - width):local]


def sentence_text_between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]

