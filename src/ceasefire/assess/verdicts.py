"""Verdicts: does an event break an agreement, and who is answerable for it.

`assess(events, agreement)` adds one verdict per agreement to each event (one per claim when
sources disagree on the perpetrator) and never changes any other field. Verdicts can be
recomputed at any time: a new run replaces that agreement's earlier verdicts and keeps others.
"""
from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from ceasefire.assess.agreements import Agreement, LocalTruce, Party, ProhibitedAct, load_agreement
from ceasefire.assess.areas import AccessArea, link_area, load_areas
from ceasefire.assess.zones import in_countries, normal_name, zone_match
from ceasefire.model import SUB_EVENT_TYPES, Event
from ceasefire.resolve.actors import Actor, ActorRegistry

_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")


class ActorLookup:
    """Actor strings back to registry actors, tolerant of other spellings.

    In order: the registry's own id/name/alias lookup; the ACLED name with its year range removed
    ("Military Forces of Syria (2011-)" is the Syrian government); then the longest actor mention
    the registry finds inside the string ("Islamic State (Syria)", "Syrian regime forces").
    """

    def __init__(self, registry: ActorRegistry):
        self.registry = registry
        self._by_key = {}
        for actor in registry:
            if not actor.label_only:
                self._by_key.setdefault(normal_name(_YEARS.sub("", actor.name)), actor)

    def __call__(self, name: str | None) -> Actor | None:
        if not name or not name.strip():
            return None
        actor = self.registry.by_name(name)
        if actor is None:
            actor = self._by_key.get(normal_name(_YEARS.sub("", name)))
        if actor is None:
            mentions = self.registry.find(name)
            if mentions:
                actor = max(mentions, key=lambda m: m.end - m.start).actor
        return actor


@dataclasses.dataclass
class _Account:
    """The facts one verdict is about: the event's own, or one source's claim."""

    actor1: str | None
    actor2: str | None
    fatalities: int | None
    event_type: str
    sub_event_type: str
    claim: dict[str, Any] | None = None


class Judge:
    """Applies one agreement's clauses to events."""

    def __init__(self, agreement: Agreement, registry: ActorRegistry | None = None,
                 areas: list[AccessArea] | None = None):
        self.agreement = agreement
        self.registry = registry or agreement.registry()
        self.lookup = ActorLookup(self.registry)
        wanted = {area for obligation in agreement.obligations for area in obligation.areas}
        self.areas = [a for a in (areas if areas is not None else load_areas(agreement.country)) if a.id in wanted]

    def verdicts(self, event: Event) -> list[dict[str, Any]]:
        return [self.verdict(event, account) for account in self.accounts(event)]

    def accounts(self, event: Event) -> list[_Account]:
        own = _Account(event.actor1, event.actor2, event.fatalities, event.event_type, event.sub_event_type)
        perpetrators = {}
        for claim in event.claims or ():  # a claim naming no one does not contest the others
            if (claim.get("actor1") or "").strip():
                actor = self.lookup(claim["actor1"])
                perpetrators.setdefault(actor.id if actor else normal_name(claim["actor1"]), claim)
        if len(perpetrators) < 2:
            return [own]
        accounts = []
        for claim in event.claims:
            sub = claim.get("sub_event_type") or event.sub_event_type
            accounts.append(_Account(
                claim.get("actor1"), claim.get("actor2", event.actor2),
                claim.get("fatalities", event.fatalities), SUB_EVENT_TYPES.get(sub, event.event_type), sub,
                {"source": claim.get("source"), "report_id": claim.get("report_id"), "actor1": claim.get("actor1")},
            ))
        return accounts

    def verdict(self, event: Event, account: _Account) -> dict[str, Any]:
        found = _Finding(self.agreement, event, account)
        self._judge(found)
        return found.as_dict()

    # --- the rules, in order: when, where, what, who -----------------------------------------

    def _judge(self, found: "_Finding") -> None:
        event, account, agreement = found.event, found.account, self.agreement
        day = _day(event.event_date)
        if day is None:
            return found.none("the event has no usable date", "window")
        if in_countries(event.country, agreement.scope.countries) is False:
            return found.none(f"{event.country} is outside the agreement's scope ({agreement.scope.ref})", "scope")
        scope = agreement.scope
        if (scope.admin1 or scope.places or scope.polygons) and not zone_match(
                event, scope.admin1, scope.places, [list(map(list, r)) for r in scope.polygons]):
            return found.none(f"{found.where()} is outside the agreement's scope ({scope.ref})", "scope")
        truce = self._truce(event, day)
        in_window = agreement.start <= day and (agreement.end is None or day <= agreement.end)
        if truce is not None:
            found.because(f"within the {truce.name} (from {truce.start.isoformat()}; {truce.ref})")
        elif in_window:
            found.because(f"while the agreement is in force (from {agreement.start.isoformat()})")
        else:
            return found.none(f"{day.isoformat()} is outside the agreement's window ({agreement.window()})", "window")
        if account.event_type == "Humanitarian access":
            return self._access(found)
        act = self._prohibited(event, account)
        if act is None:
            return found.none(f"{account.sub_event_type.lower()} is not a prohibited act", "prohibited")
        found.clause = f"prohibited.{act.id}"
        found.act = f"{act.label} are prohibited ({act.ref})"
        self._perpetrator(found, "violation")

    def _access(self, found: "_Finding") -> None:
        event, account = found.event, found.account
        area = link_area(event, self.areas) if self.areas else None
        for obligation in self.agreement.obligations:
            if not (obligation.everywhere or (area and area.id in obligation.areas)):
                continue
            denial = account.sub_event_type in obligation.denial_sub_event_types
            if account.sub_event_type in obligation.partial_sub_event_types:
                words = _keywords_in(_evidence_text(event), obligation.removal_keywords)
                denial = bool(words)
            if not denial:
                return found.none(f"{account.sub_event_type.lower()} does not deny access", f"obligations.{obligation.id}")
            place = f" to {area.name}" if area else ""
            found.clause = f"obligations.{obligation.id}"
            found.act = f"{obligation.label}{place} is required ({obligation.ref})"
            self._blocker(found, obligation.aid_providers)
            return self._perpetrator(found, "access_denied")
        found.none("no access obligation covers this place", "obligations")

    def _blocker(self, found: "_Finding", providers: list[str]) -> None:
        """When actor1 is the aid provider (a convoy 'blocked' names who ran it), the one denying
        access is actor2 or, failing that, the first other armed actor the evidence names."""
        provider = self.lookup(found.account.actor1)
        if provider is None or not set(providers) & {g for a in self.registry.lineage(provider) for g in a.groups}:
            return
        candidates = [found.account.actor2] + [m.text for m in self.registry.find(_evidence_text(found.event))]
        for name in candidates:
            actor = self.lookup(name)
            if actor is None or actor.kind == "civilian" or actor.label_only:
                continue
            if set(providers) & {g for a in self.registry.lineage(actor) for g in a.groups}:
                continue
            found.account = dataclasses.replace(found.account, actor1=actor.name)
            found.extra.append(f"{provider.name} ran the aid; {actor.name} is named as blocking it")
            return
        found.account = dataclasses.replace(found.account, actor1=None)
        found.extra.append(f"{provider.name} ran the aid; no one is named as blocking it")

    def _perpetrator(self, found: "_Finding", status: str) -> None:
        account = found.account
        actor = self.lookup(account.actor1)
        if actor is None and account.actor1 and account.actor1.strip():
            return found.none(f"'{account.actor1}' is not a party to the agreement", found.clause)
        if actor is None or actor.kind == "unidentified" or actor.label_only:
            found.perpetrator = account.actor1 or "an unnamed perpetrator"
            if not account.actor1:
                who = "no perpetrator is named"
            elif actor.label_only:
                who = f"'{account.actor1}' identifies no one"
            else:
                who = "the perpetrator is not identified"
            return found.set("unattributed", who)
        chain = self.registry.lineage(actor)
        found.party = chain[-1].name
        excluded = self.agreement.binding(self.agreement.excluded, chain)
        if excluded is not None:
            return found.set("excluded", f"{_label(excluded, actor)} is excluded ({excluded.ref})",
                             f"excluded.{excluded.actor or excluded.group}")
        party = self.agreement.binding(self.agreement.parties, chain)
        if party is None:
            return found.none(f"{actor.name} is not bound by the agreement", "parties")
        found.bound = f"{_label(party, actor)} is bound ({party.ref})"
        target = self.lookup(account.actor2)
        target_excluded = self.agreement.binding(self.agreement.excluded, self.registry.lineage(target)) if target else None
        if status == "violation" and target_excluded is not None:
            found.set("none", f"the target, {_label(target_excluded, target)}, is excluded ({target_excluded.ref})",
                      f"excluded.{target_excluded.actor or target_excluded.group}")
            return self._civilian_harm(found)
        found.set(status, None)

    def _civilian_harm(self, found: "_Finding") -> None:
        rule = self.agreement.civilian_harm
        if rule is None or not (found.account.fatalities or 0) > 0:
            return
        text = _evidence_text(found.event)
        target = self.lookup(found.account.actor2)
        named = target is not None and target.kind in rule.target_kinds
        words = _keywords_in(text, rule.keywords)
        if named or words:
            found.civilian_harm = True
            found.extra.append(f"civilians were reportedly harmed ({found.account.fatalities} killed; {rule.ref})")

    def _truce(self, event: Event, day: date) -> LocalTruce | None:
        for truce in self.agreement.local_truces:
            end = truce.end or self.agreement.end  # an open truce lasts as long as its agreement
            if truce.start <= day and (end is None or day <= end):
                zone = truce.zone
                if zone_match(event, zone.admin1, zone.places, [list(map(list, r)) for r in zone.polygons]):
                    return truce
        return None

    def _prohibited(self, event: Event, account: _Account) -> ProhibitedAct | None:
        text = None
        for act in self.agreement.prohibited:
            if act.event_types and account.event_type not in act.event_types:
                continue
            if act.sub_event_types and account.sub_event_type not in act.sub_event_types:
                continue
            if act.target_kinds:
                target = self.lookup(account.actor2)
                if target is None or target.kind not in act.target_kinds:
                    continue
            if act.evidence_keywords:
                text = _evidence_text(event) if text is None else text
                if not _keywords_in(text, act.evidence_keywords):
                    continue
            return act
        return None


class _Finding:
    """A verdict being built: status, the clause that decided it, and the reason's parts."""

    def __init__(self, agreement: Agreement, event: Event, account: _Account):
        self.agreement, self.event, self.account = agreement, event, account
        self.status, self.clause, self.party = "none", "scope", None
        self.parts: list[str] = []
        self.bound = self.act = self.perpetrator = None
        self.extra: list[str] = []
        self.civilian_harm = False

    def where(self) -> str:
        place = self.event.location or self.event.admin1 or "an unknown place"
        if self.event.admin1 and self.event.location and self.event.admin1 != self.event.location:
            place += f" ({self.event.admin1})"
        return place

    def because(self, part: str) -> None:
        self.parts.append(part)

    def none(self, why: str, clause: str) -> None:
        self.set("none", why, clause)

    def set(self, status: str, why: str | None, clause: str | None = None) -> None:
        self.status = status
        if clause:
            self.clause = clause
        self.why = why

    def as_dict(self) -> dict[str, Any]:
        account = self.account
        by = f" by {account.actor1}" if account.actor1 else ""
        head = f"{account.sub_event_type}{by} in {self.where()} on {self.event.event_date}"
        parts = []
        if self.bound and self.status != "excluded":
            parts.append(self.bound)
        parts += self.parts
        if self.act:
            parts.append(self.act)
        if getattr(self, "why", None):
            parts.append(self.why)
        parts += self.extra
        verdict = {
            "agreement": self.agreement.id, "status": self.status, "reason": f"{head}: {'; '.join(parts)}",
            "clause": self.clause, "claim": account.claim, "party": self.party,
        }
        if self.civilian_harm:
            verdict["civilian_harm"] = True
        return verdict


def _label(clause: Party, actor: Actor) -> str:
    return clause.label or actor.name


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _evidence_text(event: Event) -> str:
    parts = [row.get("sentence") or "" for row in event.evidence or () if isinstance(row, dict)]
    if event.notes:
        parts.append(event.notes)
    return " ".join(parts)


@lru_cache(maxsize=256)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern:
    words = "|".join(re.escape(word) for word in sorted(keywords, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _keywords_in(text: str, keywords: list[str]) -> list[str]:
    """The keywords found in `text`, as whole words, case-insensitively."""
    if not text or not keywords:
        return []
    return _keyword_pattern(tuple(keywords)).findall(text)


def assess(events: Iterable[Event | dict], agreement: Agreement | str,
           registry: ActorRegistry | None = None) -> Iterator[Event]:
    """Each event with this agreement's verdicts (re)computed; other fields are left as they were."""
    if isinstance(agreement, str):
        agreement = load_agreement(agreement)
    judge = Judge(agreement, registry)
    for event in events:
        if isinstance(event, dict):
            event = Event.from_dict(event)
        kept = [v for v in event.verdicts or () if v.get("agreement") != agreement.id]
        assessed = copy.copy(event)  # a shallow copy: the caller's event keeps its own verdicts list
        assessed.verdicts = kept + judge.verdicts(event)
        yield assessed
