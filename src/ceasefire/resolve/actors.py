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


@dataclass
class ActorRegistry:
    country: str
    actors: dict[str, Actor] = field(default_factory=dict)
    _alias_to_id: dict[str, str] = field(default_factory=dict)
    _pattern: re.Pattern | None = None
    _case_pattern: re.Pattern | None = None

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
        """Every actor mention in `text`, longest first at each position, in text order."""
        found: list[ActorMention] = []
        for pattern in (self._case_pattern, self._pattern):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                found.append(self._mention(match))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        result: list[ActorMention] = []
        last_end = -1
        for mention in found:
            if mention.start >= last_end:
                result.append(mention)
                last_end = mention.end
        return result

    def _mention(self, match: re.Match) -> ActorMention:
        group = match.lastgroup or ""
        actor = self.actors[self._group_ids[group]]
        return ActorMention(actor, match.group(0), match.start(), match.end(), group.startswith("adj"))

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
        for key in ("id", "name", "kind"):
            if not isinstance(row, dict) or not row.get(key):
                raise ValidationError(f"every actor needs '{key}'", path=str(path), field=key, code="E203")
    return rows


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _phrase(alias: str) -> str:
    escaped = re.escape(alias).replace(r"\ ", r"[\s-]+").replace("'", "['’]?")
    return rf"(?<![\w-]){escaped}(?![\w-])"


@lru_cache(maxsize=None)
def _load(country: str) -> ActorRegistry:
    registry = ActorRegistry(country)
    paths = [ACTORS_DIR / "international.yaml"]
    if (ACTORS_DIR / f"{country}.yaml").exists():
        paths.append(ACTORS_DIR / f"{country}.yaml")
    nouns = sorted(yaml.safe_load(NOUNS_FILE.read_text(encoding="utf-8"))["nouns"], key=len, reverse=True)
    noun_alt = "|".join(_phrase(n)[len(r"(?<![\w-])"):] for n in nouns)
    plain, cased, group_ids = [], [], {}
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
                (cased if _is_acronym(alias) else plain).append((alias, actor.id, False))
            for adjective in row.get("adjectives") or ():
                (cased if _is_acronym(adjective) else plain).append((adjective, actor.id, True))
    for entries, flags, attr in ((plain, re.IGNORECASE, "_pattern"), (cased, 0, "_case_pattern")):
        parts = []
        for index, (alias, actor_id, is_adjective) in enumerate(sorted(entries, key=lambda e: -len(e[0]))):
            name = f"{'adj' if is_adjective else 'alias'}{attr[1]}{index}"
            group_ids[name] = actor_id
            body = _phrase(alias)
            if is_adjective:  # "Russian" + optional "government"/"air" + a military noun
                body = body[: -len(r"(?![\w-])")] + rf"(?:[\s-]+(?:government|regime|state|air|military))?[\s-]+(?:{noun_alt})"
            parts.append(f"(?P<{name}>{body})")
        if parts:
            setattr(registry, attr, re.compile("|".join(parts), flags))
    registry._group_ids = group_ids
    for actor in registry.actors.values():
        if actor.parent and actor.parent not in registry.actors:
            raise ValidationError(f"actor '{actor.id}' names unknown parent '{actor.parent}'",
                                  path=str(paths[-1]), field="parent", code="E204")
    return registry
