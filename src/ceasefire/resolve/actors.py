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


TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
QUALIFIERS = frozenset({"government", "regime", "state", "air", "military"})


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word; hyphens, dots and spaces all separate words."""
    return [(m.group(0).replace("’", "'"), m.start(), m.end()) for m in TOKEN.finditer(text)]


@dataclass
class ActorRegistry:
    country: str
    actors: dict[str, Actor] = field(default_factory=dict)
    _alias_to_id: dict[str, str] = field(default_factory=dict)
    # phrase (lower-case words) -> (actor id, case-sensitive original words or None)
    _phrases: dict[tuple[str, ...], tuple[str, tuple[str, ...] | None]] = field(default_factory=dict)
    _adjectives: dict[tuple[str, ...], tuple[str, tuple[str, ...] | None]] = field(default_factory=dict)
    _nouns: frozenset[tuple[str, ...]] = frozenset()
    _longest: int = 1

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

    def find(self, text: str) -> list[ActorMention]:
        """Every actor mention in `text`, leftmost-longest, in text order."""
        words = _tokens(text)
        lower = [w.lower() for w, _, _ in words]
        found: list[ActorMention] = []
        i = 0
        while i < len(words):
            match = self._match_at(words, lower, i)
            if match is None:
                i += 1
                continue
            end, actor_id, via_adjective = match
            start_char, end_char = words[i][1], words[end - 1][2]
            found.append(ActorMention(self.actors[actor_id], text[start_char:end_char], start_char, end_char,
                                      via_adjective))
            i = end
        return found

    def _match_at(self, words, lower, i) -> tuple[int, str, bool] | None:
        best: tuple[int, str, bool] | None = None
        for n in range(min(self._longest, len(words) - i), 0, -1):
            entry = self._phrases.get(tuple(lower[i:i + n]))
            if entry and _case_ok(entry[1], words, i):
                best = (i + n, entry[0], False)
                break
        for n in range(min(self._longest, len(words) - i), 0, -1):
            entry = self._adjectives.get(tuple(lower[i:i + n]))
            if not entry or not _case_ok(entry[1], words, i):
                continue
            j = i + n
            if j < len(words) and lower[j] in QUALIFIERS and (j + 1 < len(words)):
                noun_end = self._noun_at(lower, j + 1) or self._noun_at(lower, j)
            else:
                noun_end = self._noun_at(lower, j)
            if noun_end and (best is None or noun_end > best[0]):
                best = (noun_end, entry[0], True)
            break
        return best

    def _noun_at(self, lower: list[str], j: int) -> int | None:
        for n in (3, 2, 1):
            if tuple(lower[j:j + n]) in self._nouns and j + n <= len(lower):
                return j + n
        return None

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())


def _case_ok(original: tuple[str, ...] | None, words, i: int) -> bool:
    return original is None or tuple(w for w, _, _ in words[i:i + len(original)]) == original


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
        for key in ("id", "name", "kind"):
            if not isinstance(row, dict) or not row.get(key):
                raise ValidationError(f"every actor needs '{key}'", path=str(path), field=key, code="E203")
    return rows


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _phrase_key(alias: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    words = tuple(w for w, _, _ in _tokens(alias))
    return tuple(w.lower() for w in words), (words if _is_acronym(alias) else None)


@lru_cache(maxsize=None)
def _load(country: str) -> ActorRegistry:
    registry = ActorRegistry(country)
    paths = [ACTORS_DIR / "international.yaml"]
    if (ACTORS_DIR / f"{country}.yaml").exists():
        paths.append(ACTORS_DIR / f"{country}.yaml")
    nouns = yaml.safe_load(NOUNS_FILE.read_text(encoding="utf-8"))["nouns"]
    registry._nouns = frozenset(_phrase_key(n)[0] for n in nouns)
    for path in paths:
        for row in _read(path):
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
                key, cased = _phrase_key(alias)
                if key:
                    registry._phrases.setdefault(key, (actor.id, cased))
            for adjective in row.get("adjectives") or ():
                key, cased = _phrase_key(adjective)
                if key:
                    registry._adjectives.setdefault(key, (actor.id, cased))
    registry._longest = max(len(k) for k in list(registry._phrases) + list(registry._adjectives))
    for actor in registry.actors.values():
        if actor.parent and actor.parent not in registry.actors:
            raise ValidationError(f"actor '{actor.id}' names unknown parent '{actor.parent}'",
                                  path=str(paths[-1]), field="parent", code="E204")
    return registry
