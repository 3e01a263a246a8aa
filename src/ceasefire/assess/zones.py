"""Where a clause applies: countries, governorates, named places and lon/lat polygons."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

from ceasefire.model import Event

_ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "ash ", "az ", "at ")


@lru_cache(maxsize=65536)
def normal_name(text: str | None) -> str:
    """A spelling-tolerant key: 'Deir ez-Zor' and 'deir ez zor', 'al-Waer' and 'Waer' agree."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b(governorate|province|muhafazat)\b", "", text).strip()
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article):]
            break
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=None)
def country_code(name: str | None) -> str | None:
    """ISO alpha-2 for a country name or code ('Syria', 'SY', 'SYR'); None when unknown."""
    if not name:
        return None
    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        for country in pycountry.countries:  # common short forms: "Syria", "Iran", "Russia"
            if name.strip().lower() in country.name.lower().split(","):
                return country.alpha_2
        return None


def in_countries(name: str | None, codes: list[str]) -> bool | None:
    """Is the named country one of `codes`? None when no country is given; a name that is not
    a known country is outside every list."""
    if not name or not name.strip():
        return None
    code = country_code(name)
    return code is not None and code in codes


def in_polygon(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting over one ring of [lon, lat] points."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat):
            if lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def zone_match(event: Event, admin1: list[str], places: list[str],
               polygons: list[list[list[float]]]) -> str | None:
    """How the event falls in the zone ('in Aleppo', 'at Douma', 'inside the polygon'), or None."""
    if admin1 and normal_name(event.admin1) in {normal_name(a) for a in admin1}:
        return f"in {event.admin1}"
    if places and event.location and normal_name(event.location) in {normal_name(p) for p in places}:
        return f"at {event.location}"
    if polygons and event.latitude is not None and event.longitude is not None:
        if any(in_polygon(event.longitude, event.latitude, ring) for ring in polygons):
            return "inside the zone's polygon"
    return None
