"""Besieged and hard-to-reach areas as data (data/areas/*.yaml), and linking events to them."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ceasefire.assess.sourcefile import SourceFile
from ceasefire.assess.zones import normal_name
from ceasefire.resolve.places import distance_km
from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import InputError
from ceasefire.model import Event
from ceasefire.resolve.actors import ActorRegistry

AREAS_DIR = PACKAGE_DATA / "areas"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AreaPlace(_Strict):
    location: str
    admin1: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class AccessArea(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    status: Literal["besieged", "hard-to-reach"]
    place: AreaPlace
    radius_km: float = Field(default=3.0, gt=0)
    besieged_by: list[str] = Field(min_length=1)
    population: int = Field(ge=0)
    since: date | None = None
    until: date | None = None
    aliases: list[str] = []
    refs: list[str] = Field(min_length=1)
    notes: str | None = None

    def names(self) -> list[str]:
        return [self.name, self.place.location, *self.aliases]


class AreaList(_Strict):
    country: str
    title: str
    framing: str
    refs: list[str] = Field(min_length=1)
    areas: list[AccessArea] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> "AreaList":
        seen = set()
        for area in self.areas:
            if area.id in seen:
                raise ValueError(f"area id '{area.id}' is used twice")
            seen.add(area.id)
        return self


def read_areas(path: Path | str) -> AreaList:
    """Validate one area file; raises ValidationError naming file, line and field."""
    source = SourceFile(path)
    areas = source.parse(AreaList)
    registry = ActorRegistry.load(areas.country)
    for index, area in enumerate(areas.areas):
        for position, actor in enumerate(area.besieged_by):
            if registry.get(actor) is None:
                raise source.error(f"unknown actor id '{actor}' (not in the {areas.country} registry)",
                                   ("areas", index, "besieged_by", position))
    return areas


def installed_area_files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(AREAS_DIR.glob("*.yaml"))}


@lru_cache(maxsize=None)
def _installed(path: Path, mtime: float) -> AreaList:
    return read_areas(path)


def _lists(country: str | None = None) -> list[AreaList]:
    lists = [_installed(p, p.stat().st_mtime) for p in installed_area_files().values()]
    return [a for a in lists if country is None or a.country.upper() == country.upper()]


def installed_area_ids(country: str) -> set[str]:
    return {area.id for area_list in _lists(country) for area in area_list.areas}


def load_areas(country: str | None = None, source: str | None = None) -> list[AccessArea]:
    """Installed areas (of one country), or the areas of one file given by stem or path."""
    if source is None:
        return [area for area_list in _lists(country) for area in area_list.areas]
    installed = installed_area_files()
    if source in installed:
        return list(_installed(installed[source], installed[source].stat().st_mtime).areas)
    if Path(source).is_file():
        return list(read_areas(source).areas)
    raise InputError(f"no area list '{source}'; installed: {', '.join(installed) or 'none'}",
                     field="areas", code="E122")


def link_area(event: Event, areas: list[AccessArea]) -> AccessArea | None:
    """The area an event is about: by its location's name or alias, then by distance, then by
    a name the evidence mentions."""
    location = normal_name(event.location)
    if location:
        for area in areas:
            if location in {normal_name(name) for name in area.names()}:
                return area
    if event.latitude is not None and event.longitude is not None:
        near = [(distance_km(event.latitude, event.longitude, a.place.lat, a.place.lon), a) for a in areas]
        near = [(d, a) for d, a in near if d <= a.radius_km]
        if near:
            return min(near, key=lambda pair: pair[0])[1]
    text = " ".join(row.get("sentence") or "" for row in event.evidence or () if isinstance(row, dict))
    if text:
        best = None
        for area in areas:
            for name in area.names():
                match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
                if match and (best is None or match.start() < best[0]):
                    best = (match.start(), area)
        if best:
            return best[1]
    return None
