"""Agreements as data: reviewed YAML files under data/agreements/, validated by a schema.

Every clause carries `ref`, the resolution or statement it comes from, so each verdict can cite
its source. See docs/agreements.md for every field.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from ceasefire.assess.sourcefile import SourceFile
from ceasefire.assess.zones import country_code
from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import InputError
from ceasefire.model import EVENT_TYPES, SUB_EVENT_TYPES
from ceasefire.resolve.actors import Actor, ActorRegistry

AGREEMENTS_DIR = PACKAGE_DATA / "agreements"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Clause(_Strict):
    ref: str = Field(min_length=1)


class Source(_Strict):
    ref: str = Field(min_length=1)
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None


class Party(Clause):
    """An actor id or a registry group; `label` is the short name used in reasons."""

    actor: str | None = None
    group: str | None = None
    label: str | None = None
    role: Literal["party", "guarantor"] = "party"

    @model_validator(mode="after")
    def _one_of(self) -> "Party":
        if bool(self.actor) == bool(self.group):
            raise ValueError("give exactly one of 'actor' or 'group'")
        return self


class Zone(_Strict):
    admin1: list[str] = []
    places: list[str] = []
    polygons: list[list[tuple[float, float]]] = []

    @field_validator("polygons")
    @classmethod
    def _rings(cls, rings: list) -> list:
        for ring in rings:
            if len(ring) < 3:
                raise ValueError("a polygon ring needs at least three [lon, lat] points")
        return rings


class Scope(Zone):
    ref: str = Field(min_length=1)
    countries: list[str] = Field(min_length=1)

    @field_validator("countries")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if country_code(code) is None:
                raise ValueError(f"'{code}' is not a country name or ISO code")
        return [country_code(code) for code in codes]


class LocalTruce(Clause):
    id: str
    name: str
    zone: Zone
    start: dt.date
    end: dt.date | None = None


def _event_type(value: str) -> str:
    if value not in EVENT_TYPES:
        raise ValueError(f"'{value}' is not an event type of EVENTS.md")
    return value


def _sub_event_type(value: str) -> str:
    if value not in SUB_EVENT_TYPES:
        raise ValueError(f"'{value}' is not a sub-event type of EVENTS.md")
    return value


EventType = Annotated[str, AfterValidator(_event_type)]
SubEventType = Annotated[str, AfterValidator(_sub_event_type)]


class ProhibitedAct(Clause):
    """Matches an event when every given filter matches (an empty filter matches anything)."""

    id: str
    label: str
    event_types: list[EventType] = []
    sub_event_types: list[SubEventType] = []
    target_kinds: list[str] = []
    evidence_keywords: list[str] = []


class CivilianHarm(Clause):
    """When an attack on an excluded party still harmed civilians."""

    target_kinds: list[str] = ["civilian"]
    keywords: list[str] = Field(min_length=1)


class Obligation(Clause):
    id: str
    label: str
    kind: Literal["humanitarian_access"] = "humanitarian_access"
    areas: list[str] = []
    everywhere: bool = False
    denial_sub_event_types: list[SubEventType] = ["Aid blocked", "Siege"]
    partial_sub_event_types: list[SubEventType] = ["Aid partially delivered"]
    removal_keywords: list[str] = []
    aid_providers: list[str] = ["humanitarian"]


class Agreement(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    name: str
    country: str
    sources: list[Source] = Field(min_length=1)
    start: dt.date
    end: dt.date | None = None
    parties: list[Party] = Field(min_length=1)
    excluded: list[Party] = []
    scope: Scope
    local_truces: list[LocalTruce] = []
    prohibited: list[ProhibitedAct] = Field(min_length=1)
    civilian_harm: CivilianHarm | None = None
    obligations: list[Obligation] = []
    notes: str | None = None

    @model_validator(mode="after")
    def _window(self) -> "Agreement":
        if self.end and self.end < self.start:
            raise ValueError("'end' is before 'start'")
        return self

    @property
    def clause_count(self) -> int:
        return (len(self.parties) + len(self.excluded) + 1 + len(self.local_truces) + len(self.prohibited)
                + len(self.obligations) + (1 if self.civilian_harm else 0))

    def window(self) -> str:
        return f"{self.start.isoformat()} .. {self.end.isoformat() if self.end else 'open'}"

    def registry(self) -> ActorRegistry:
        return ActorRegistry.load(self.country)

    def binding(self, clauses: list[Party], chain: list[Actor]) -> Party | None:
        """The first clause naming the actor, one of its parents, or one of their groups."""
        for clause in clauses:
            for actor in chain:
                if clause.actor == actor.id or (clause.group and clause.group in actor.groups):
                    return clause
        return None


def _check_references(agreement: Agreement, source: SourceFile) -> None:
    """Actor ids, groups and area ids must exist, each error pointing at its line."""
    from ceasefire.assess.areas import installed_area_ids

    registry = agreement.registry()
    groups = {group for actor in registry for group in actor.groups}
    for key in ("parties", "excluded"):
        for index, clause in enumerate(getattr(agreement, key)):
            if clause.actor and registry.get(clause.actor) is None:
                raise source.error(f"unknown actor id '{clause.actor}' (not in the {agreement.country} registry)",
                                   (key, index, "actor"))
            if clause.group and clause.group not in groups:
                raise source.error(f"unknown actor group '{clause.group}'", (key, index, "group"))
    known_areas = installed_area_ids(agreement.country)
    for index, obligation in enumerate(agreement.obligations):
        for position, group in enumerate(obligation.aid_providers):
            if group not in groups:
                raise source.error(f"unknown actor group '{group}'", ("obligations", index, "aid_providers", position))
        for position, area in enumerate(obligation.areas):
            if area not in known_areas:
                raise source.error(f"unknown area id '{area}' (not in data/areas for {agreement.country})",
                                   ("obligations", index, "areas", position), code="E213")


def read_agreement(path: Path | str) -> Agreement:
    """Validate one agreement file; raises ValidationError naming file, line and field."""
    source = SourceFile(path)
    agreement = source.parse(Agreement)
    _check_references(agreement, source)
    return agreement


def installed_agreements() -> dict[str, Path]:
    """Agreement id -> file, for every file in data/agreements/ except the template."""
    found = {}
    for path in sorted(AGREEMENTS_DIR.glob("*.yaml")):
        if not path.name.startswith("template"):
            found[path.stem] = path
    return found


@lru_cache(maxsize=64)
def _installed(path: Path, mtime: float) -> Agreement:
    return read_agreement(path)


def load_agreement(agreement_id: str) -> Agreement:
    """An installed agreement by id (read again only when its file changes), or any agreement
    file by path."""
    installed = installed_agreements()
    if agreement_id in installed:
        path = installed[agreement_id]
        return _installed(path, path.stat().st_mtime)
    if Path(agreement_id).is_file():
        return read_agreement(agreement_id)
    raise InputError(f"no agreement '{agreement_id}'; installed: {', '.join(installed) or 'none'}",
                     field="agreement", code="E121")
