"""Do two mentions describe the same event? Type, date, place and actors, with reasons.

The rules, in order (a pair must pass every one):

- **never the same report**: extraction gives one mention per place and day per report, so two
  mentions of one report are two events by construction;
- **type**: the same type family (`LinkConfig.families`). Battles, Explosions/Remote violence and
  Violence against civilians form one family, because one side calls it shelling and the other a
  clash or an attack on civilians; a *cross-type* pair needs the same place (or points within
  `max_km`) and, at day precision, the same day;
- **date**: the window follows the coarser precision of the two: day +-1, week +-7, month the
  same month, year the same year. Two day-precise mentions a day apart need the same type and
  the same place (or points within `max_km`); so does any pair with a week-, month- or
  year-precise date;
- **place**: never across admin1 (or country); then the same normalised location, or both
  coordinates within `max_km`, or the same admin2. A match on admin2 only, or with one side
  placed only at admin1 level (*coarse*), needs the same sub-type; a coarse one also the same
  day at day precision;
- **actors**: no actor1 on one side (an "Unidentified Armed Group" counts as none), the same
  actor1, or the same two sides swapped. Different perpetrators for one harm are a *contested*
  attribution: accepted only for the same event type, the same place (or points within
  `max_km`) and day-precise dates at most a day apart, and recorded as contested.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ceasefire.model import Event
from ceasefire.resolve.places import distance_km

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

DEFAULT_FAMILIES: dict[str, str] = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
    "Humanitarian access": "humanitarian access",
}

# place match strength
SAME_PLACE, NEAR, SAME_ADMIN2, COARSE = 3, 2, 1, 0


@dataclass(frozen=True)
class LinkConfig:
    """Tunable thresholds; the defaults are the documented rules."""

    max_km: float = 10.0
    day_window: int = 1
    week_window: int = 7
    near_copy_jaccard: float = 0.5  # evidence shingle overlap above which two reports are one copy
    shingle_size: int = 3
    allow_contested: bool = True
    # actor names that say "we do not know who": treated as no actor, never as a contested one
    unknown_actors: tuple[str, ...] = ("unidentified", "unknown")
    families: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FAMILIES))

    def family(self, event_type: str) -> str:
        return self.families.get(event_type, event_type)


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|at|az|an)\s+")


@lru_cache(maxsize=200_000)
def place_key(name: str | None) -> str | None:
    """'Al-Bab' -> 'bab', 'Deir ez-Zor' -> 'deir ez zor': spelling noise removed, words kept."""
    if not name:
        return None
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    return _ARTICLE.sub("", text) or None


@lru_cache(maxsize=20_000)
def actor_key(name: str | None) -> str | None:
    """'Military Forces of Syria (2000-)' -> 'military forces of syria'."""
    if not name:
        return None
    text = re.sub(r"\([^)]*\)", " ", name).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split()) or None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_window(day: date, precision: str, config: LinkConfig) -> tuple[date, date]:
    """The days a mention of this date and precision can match."""
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date(day.year, day.month, 1), date.fromordinal(following.toordinal() - 1)
    span = config.week_window if precision == "week" else config.day_window
    return date.fromordinal(day.toordinal() - span), date.fromordinal(day.toordinal() + span)


class Mention:
    """The fields linking looks at, normalised once per mention."""

    __slots__ = ("index", "event", "event_id", "report", "day", "rank", "precision", "event_type",
                 "sub_type", "family", "country", "admin1", "admin2", "place", "lat", "lon", "actor1",
                 "actor2")

    def __init__(self, index: int, event: Event, config: LinkConfig):
        self.index = index
        self.event = event
        self.event_id = event.event_id or event.stable_id()
        self.report = event.report_id or (event.report_ids[0] if event.report_ids else None)
        self.day = parse_date(event.event_date)
        self.precision = event.date_precision if event.date_precision in PRECISION_RANK else "day"
        self.rank = PRECISION_RANK[self.precision]
        self.event_type = event.event_type
        self.sub_type = event.sub_event_type
        self.family = config.family(event.event_type)
        self.country = (event.country or "").casefold() or None
        self.admin1 = place_key(event.admin1)
        self.admin2 = place_key(event.admin2)
        place = place_key(event.location)
        # A location that only repeats the governorate is no finer than admin1.
        self.place = None if place == self.admin1 and (event.geo_precision or 3) >= 3 else place
        has_point = event.latitude is not None and event.longitude is not None
        self.lat = float(event.latitude) if has_point else None
        self.lon = float(event.longitude) if has_point else None
        self.actor1 = _known(actor_key(event.actor1), config)
        self.actor2 = _known(actor_key(event.actor2), config)


def _known(actor: str | None, config: LinkConfig) -> str | None:
    return None if actor is None or actor.startswith(config.unknown_actors) else actor


@dataclass
class Match:
    """The outcome of comparing two mentions: accepted or not, a score, and why."""

    linked: bool
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    contested: bool = False
    hard: bool = False  # a conflict no chain of other links may bridge (report, date, admin1, actors)


def _days_apart(a: Mention, b: Mention, config: LinkConfig) -> int | None:
    """Days between the two dates if they fit the window of the coarser precision, else None."""
    assert a.day is not None and b.day is not None
    apart = abs(a.day.toordinal() - b.day.toordinal())
    coarse = a.precision if a.rank >= b.rank else b.precision
    if coarse == "year":
        return apart if a.day.year == b.day.year else None
    if coarse == "month":
        return apart if (a.day.year, a.day.month) == (b.day.year, b.day.month) else None
    limit = config.week_window if coarse == "week" else config.day_window
    return apart if apart <= limit else None


def _place(a: Mention, b: Mention, config: LinkConfig) -> tuple[int | None, float | None]:
    """Place match strength (None: incompatible) and the distance when both have points."""
    if a.place and a.place == b.place:
        return SAME_PLACE, None
    km = None
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        if km <= config.max_km:
            return NEAR, km
    if a.admin2 and a.admin2 == b.admin2:
        return SAME_ADMIN2, km
    if a.place is None or b.place is None:
        return COARSE, km
    return None, km


# why a pair was refused; HARD ones may not be bridged by a chain of other links
(REPORT, ADMIN1, FAMILY, NO_DATE, DATE, PLACE, CROSS_TYPE, NO_ADMIN1, COARSE_PLACE, ACTORS, DAY_APART, COARSE_DATE,
 WEAK_PLACE) = range(13)
HARD = {REPORT, ADMIN1, FAMILY, NO_DATE, DATE, ACTORS}


Decision = tuple  # (refusal or None, score, contested, days apart, place strength, km)


def decide(a: Mention, b: Mention, config: LinkConfig) -> Decision:
    """The rules of this module as plain values, for the hot loop; `compare` explains them."""
    refusal = None
    apart = strength = km = None
    if a.report is not None and a.report == b.report:
        refusal = REPORT
    elif a.country != b.country or a.admin1 != b.admin1:
        refusal = ADMIN1
    elif a.family != b.family:
        refusal = FAMILY
    elif a.day is None or b.day is None:
        refusal = NO_DATE
    else:
        apart = _days_apart(a, b, config)
        if apart is None:
            refusal = DATE
        else:
            strength, km = _place(a, b, config)
    same_type = a.event_type == b.event_type
    contested = False
    if refusal is None:
        assert apart is not None
        if strength is None:
            refusal = PLACE
        elif not same_type and strength < NEAR:
            refusal = CROSS_TYPE
        elif apart > 0 and a.rank == b.rank == 0 and not (same_type and strength >= NEAR):
            refusal = DAY_APART
        elif max(a.rank, b.rank) > 0 and not (same_type and strength >= NEAR):
            refusal = COARSE_DATE
        elif strength == COARSE and a.admin1 is None:
            refusal = NO_ADMIN1
        elif strength <= SAME_ADMIN2 and (a.sub_type != b.sub_type or not same_type):
            refusal = WEAK_PLACE
        elif strength == COARSE and (apart > 0 or a.rank != b.rank):
            refusal = COARSE_PLACE
        elif a.actor1 and b.actor1 and a.actor1 != b.actor1 and not (a.actor1 == b.actor2 and a.actor2 == b.actor1):
            strong = same_type and strength >= NEAR and apart <= 1 and max(a.rank, b.rank) == 0
            if config.allow_contested and strong:
                contested = True
            else:
                refusal = ACTORS
    score = 0
    if refusal is None:
        assert apart is not None and strength is not None
        score = (3 if same_type and a.sub_type == b.sub_type else 2 if same_type else 0)
        score += (2 if apart == 0 else 1 if apart <= 1 else 0) + strength
        score += 0 if contested else 1 if (a.actor1 is None or b.actor1 is None) else 2
    return refusal, score, contested, apart, strength, km


def compare(a: Mention, b: Mention, config: LinkConfig) -> Match:
    """Apply the rules of this module to two mentions, with reasons."""
    refusal, score, contested, apart, strength, km = decide(a, b, config)
    return Match(refusal is None, score=score, contested=contested, hard=refusal in HARD,
                 reasons=_reasons(a, b, refusal, apart, strength, km, contested))


def _reasons(a: Mention, b: Mention, refusal: int | None, apart: int | None, strength: int | None,
             km: float | None, contested: bool) -> list[str]:
    """The human-readable account of `compare`: what agreed, then what refused the link."""
    ea, eb = a.event, b.event
    if refusal == REPORT:
        return [f"same report '{a.report}': different events by construction"]
    if refusal == ADMIN1:
        return [f"different admin1 '{ea.admin1}' and '{eb.admin1}'"]
    if refusal == FAMILY:
        return [f"different type families '{a.event_type}' and '{b.event_type}'"]
    if a.event_type == b.event_type and a.sub_type == b.sub_type:
        reasons = [f"same sub-type '{a.sub_type}'"]
    elif a.event_type == b.event_type:
        reasons = [f"same type '{a.event_type}' ('{a.sub_type}' / '{b.sub_type}')"]
    else:
        reasons = [f"compatible types '{a.event_type}' / '{b.event_type}' (family '{a.family}')"]
    if refusal == NO_DATE:
        return reasons + ["a date is missing"]
    if refusal == DATE:
        return reasons + [f"dates {ea.event_date} and {eb.event_date} too far apart for "
                          f"{a.precision}/{b.precision} precision"]
    reasons.append(f"dates {ea.event_date} / {eb.event_date} ({apart} days apart, {a.precision}/{b.precision} precision)")
    if strength == SAME_PLACE:
        reasons.append(f"same place '{ea.location}'")
    elif strength == NEAR:
        reasons.append(f"{km:.1f} km apart ('{ea.location}', '{eb.location}')")
    elif strength == SAME_ADMIN2:
        reasons.append(f"same admin2 '{ea.admin2}'")
    elif strength == COARSE:
        reasons.append(f"one side placed only at admin1 '{ea.admin1 or eb.admin1}'")
    else:
        return reasons + [f"different places '{ea.location}' and '{eb.location}'"]
    refused = {
        CROSS_TYPE: "different types need the same place",
        DAY_APART: "a day apart needs the same type and the same place",
        NO_ADMIN1: "no admin1 and no place on one side",
        COARSE_PLACE: "a place known only at admin1 needs the same day",
        COARSE_DATE: "a week- or month-precise date needs the same type and the same place",
        WEAK_PLACE: "a match on admin2 or admin1 only needs the same sub-type",
        ACTORS: f"different actor1 '{ea.actor1}' / '{eb.actor1}' without strong agreement on type, place and day",
    }
    if refusal in refused:
        return reasons + [refused[refusal]]
    if contested:
        reasons.append(f"contested attribution: '{ea.actor1}' vs '{eb.actor1}'")
    elif a.actor1 is None or b.actor1 is None:
        reasons.append("actor1 given on one side only" if (a.actor1 or b.actor1) else "no actor1 on either side")
    elif a.actor1 == b.actor1:
        reasons.append(f"same actor1 '{ea.actor1}'")
    else:
        reasons.append(f"same sides '{ea.actor1}' and '{ea.actor2}', named in the other order")
    return reasons


def explain(a: Event, b: Event, config: LinkConfig | None = None) -> tuple[bool, list[str]]:
    """Would these two mentions link, and why (or why not)."""
    config = config or LinkConfig()
    match = compare(Mention(0, a, config), Mention(1, b, config), config)
    return match.linked, match.reasons


__all__ = ["HARD", "LinkConfig", "Match", "Mention", "compare", "decide", "date_window", "explain",
           "place_key", "actor_key"]
