"""The actor registry: canonical actors and the aliases reports call them by.

Registries are data (`data/actors/international.yaml` plus one file per country). A mention is
found by alias ("Daech", "ISIS") or by an actor's adjective followed by a military noun
("Russian warplanes"). Partisan labels ("terrorist groups") resolve to the unidentified actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError
from ceasefire.resolve.phrases import PhraseIndex, Words, scan

ACTORS_DIR = PACKAGE_DATA / "actors"
NOUNS_FILE = PACKAGE_DATA / "lexicons" / "military_nouns.yaml"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    parent: str | None = None
    groups: tuple[str, ...] = ()
    label_only: bool = False


@dataclass(frozen=True)
class ActorMention:
    actor: Actor
    text: str
    start: int
    end: int
    via_adjective: bool = False




@dataclass
class ActorRegistry:
    country: str
    actors: dict[str, Actor] = field(default_factory=dict)
    _alias_to_id: dict[str, str] = field(default_factory=dict)
    _aliases: PhraseIndex = field(default_factory=PhraseIndex)  # alias -> actor id
    _adjectives: PhraseIndex = field(default_factory=PhraseIndex)  # "Russian" -> russia
    _nouns: PhraseIndex = field(default_factory=PhraseIndex)  # military nouns
    _weapons: PhraseIndex = field(default_factory=PhraseIndex)  # weapon only one actor uses -> actor id
    _qualifiers: frozenset[str] = frozenset()  # "government" in "government forces"
    _attributions: frozenset[str] = frozenset()  # "believed" in "warplanes believed to be Russian"
    _first_words: frozenset[str] | None = None  # words a mention can start with, once loaded

    @classmethod
    def load(cls, country: str) -> "ActorRegistry":
        return _load(country.upper())

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def by_name(self, name: str | None) -> Actor | None:
        """An actor by id, canonical name or alias (case-insensitive)."""
        if not name:
            return None
        key = name.strip()
        if key in self.actors:
            return self.actors[key]
        actor_id = self._alias_to_id.get(key) or self._alias_to_id.get(key.lower())
        return self.actors.get(actor_id) if actor_id else None

    def lineage(self, actor: Actor) -> list[Actor]:
        """The actor, then its parent, grandparent ..."""
        chain, seen = [actor], {actor.id}
        while chain[-1].parent and chain[-1].parent not in seen:
            parent = self.actors.get(chain[-1].parent)
            if parent is None:
                break
            chain.append(parent)
            seen.add(parent.id)
        return chain

    def wielder(self, text: str) -> Actor | None:
        """The actor whose weapon `text` names, where only one actor uses it ("barrel bombs")."""
        found = next(self._weapons.find(text), None)
        return self.actors[found[2]] if found else None

    def find(self, text: str, split: Words | None = None, start: int = 0, stop: int | None = None
             ) -> list[ActorMention]:
        """Every actor mention in `text`, leftmost-longest, in text order. With `split` (the words
        of `text`), only words start..stop are read and offsets stay those of `text`."""
        firsts = self._first_words
        if firsts is None:
            firsts = self._first_words = frozenset(self._aliases.first_words) | frozenset(self._adjectives.first_words)
        return [ActorMention(self.actors[actor_id], text[begin:end], begin, end, via_adjective)
                for begin, end, (actor_id, via_adjective) in scan(text, self._match_at, split, firsts, start, stop)]

    def _match_at(self, tokens, lower, i, stop=None) -> tuple[int, tuple[str, bool]] | None:
        """An alias, or an adjective + optional qualifier + military noun, whichever is longer.
        In "Turkish and Russian forces" the first adjective shares the noun: it is a mention of its own."""
        stop = len(tokens) if stop is None else stop
        best = self._aliases.match_at(tokens, lower, i, stop)
        result = (best[0], (best[1], False)) if best else None
        adjective = self._adjectives.match_at(tokens, lower, i, stop)
        if adjective:
            j, actor_id = adjective
            noun = self._noun_at(tokens, lower, j, stop)
            if noun is None and j + 1 < stop and lower[j] in ("and", "or"):
                other = self._adjectives.match_at(tokens, lower, j + 1, stop)
                if other and self._noun_at(tokens, lower, other[0], stop):
                    noun = (j, None)  # the adjective alone, its noun after the next one
            if noun is None and self._attributed(tokens, lower, i):
                noun = (j, None)  # "jets believed to be Russian"
            if noun and (result is None or noun[0] > result[0]):
                result = (noun[0], (actor_id, True))
        if result is not None and lower[i] == "the" and i + 1 < stop:
            # "the Army of Conquest": a longer name right after "the" beats the alias "the army"
            inner = self._match_at(tokens, lower, i + 1, stop)
            if inner is not None and inner[0] > result[0]:
                return None
        return result

    def _attributed(self, tokens, lower, i) -> bool:
        """Is word i said to be what a military noun is ("warplanes believed to be" ...)?"""
        if i < 4 or lower[i - 2:i] != ["to", "be"] or lower[i - 3] not in self._attributions:
            return False
        end = i - 3
        for k in range(max(0, end - 3), end):
            found = self._nouns.match_at(tokens, lower, k, end)
            if found is not None and found[0] == end:
                return True
        return False

    def _noun_at(self, tokens, lower, j, stop) -> tuple[int, bool] | None:
        """A military noun at word j, after an optional qualifier ("government forces")."""
        noun = self._nouns.match_at(tokens, lower, j, stop)
        if noun is None and j < stop and lower[j] in self._qualifiers:
            noun = self._nouns.match_at(tokens, lower, j + 1, stop)
        return noun

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())


def _read(path: Path) -> list[dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise ValidationError(f"not valid YAML: {error}", path=str(path),
                              line=line + 1 if line is not None else None, code="E201") from None
    rows = data.get("actors")
    if not isinstance(rows, list):
        raise ValidationError("expected a list under 'actors'", path=str(path), field="actors", code="E202")
    for row in rows:
        for key in ("id",) if isinstance(row, dict) and row.get("extends") else ("id", "name", "kind"):
            if not isinstance(row, dict) or not row.get(key):
                raise ValidationError(f"every actor needs '{key}'", path=str(path), field=key, code="E203")
    return rows


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _possessive_unmarked(phrase: str, name_only: bool) -> str | None:
    """The phrase as pages that lose apostrophes write its possessive: "Assad's" -> "Assads";
    with `name_only`, a name without 's is taken as one too ("Russia" -> "Russias warplanes").
    Acronyms, words already ending in s and, for `name_only`, lower-case words get none."""
    marked = re.search(r"['’]s\b", phrase)
    if marked:
        return phrase[:marked.start()] + "s" + phrase[marked.end():]
    last = phrase.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
    if not name_only or _is_acronym(phrase) or not last[:1].isupper() or last.endswith(("s", "S")):
        return None
    return phrase + "s"


@lru_cache(maxsize=None)
def _load(country: str) -> ActorRegistry:
    registry = ActorRegistry(country)
    paths = [ACTORS_DIR / "international.yaml"]
    if (ACTORS_DIR / f"{country}.yaml").exists():
        paths.append(ACTORS_DIR / f"{country}.yaml")
    lexicon = yaml.safe_load(NOUNS_FILE.read_text(encoding="utf-8"))
    registry._qualifiers = frozenset(lexicon.get("qualifiers") or ())
    registry._attributions = frozenset(lexicon.get("attributions") or ())
    for noun in lexicon["nouns"]:
        registry._nouns.add(noun, True)
    for path in paths:
        for row in _read(path):
            if row.get("extends"):  # a country's own words for an actor defined before it
                if row["id"] not in registry.actors:
                    raise ValidationError(f"actor '{row['id']}' to extend is not defined before",
                                          path=str(path), field="id", code="E203")
                actor = registry.actors[row["id"]]
            else:
                actor = Actor(
                    id=row["id"], name=row["name"], kind=row["kind"], parent=row.get("parent"),
                    groups=tuple(row.get("groups") or ()), label_only=bool(row.get("label_only")),
                )
                registry.actors[actor.id] = actor
                registry._alias_to_id[actor.name] = actor.id
                registry._alias_to_id[actor.name.lower()] = actor.id
            for alias in row.get("aliases") or ():
                registry._alias_to_id.setdefault(alias, actor.id)
                if not _is_acronym(alias):
                    registry._alias_to_id.setdefault(alias.lower(), actor.id)
                for spelling in (alias, _possessive_unmarked(alias, name_only=True)):
                    if spelling:
                        registry._aliases.add(spelling, actor.id, cased=_is_acronym(alias))
            for adjective in row.get("adjectives") or ():
                for spelling in (adjective, _possessive_unmarked(adjective, name_only=False)):
                    if spelling:
                        registry._adjectives.add(spelling, actor.id, cased=_is_acronym(adjective))
            for weapon in row.get("weapons") or ():
                registry._weapons.add(weapon, actor.id)
    for actor in registry.actors.values():
        if actor.parent and actor.parent not in registry.actors:
            raise ValidationError(f"actor '{actor.id}' names unknown parent '{actor.parent}'",
                                  path=str(paths[-1]), field="parent", code="E204")
    return registry
