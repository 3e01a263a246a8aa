"""One event from its mentions: claims side by side, independent sources, a best fatality count.

- **Claims** keep every source's account: `{source, report_id, event_id, event_date, actor1,
  actor2, fatalities, sub_event_type, owner, independent_group}`.
- **Independent sources**: reports are grouped when their outlets share an owner (registry), when
  they credit the same wire service (or one of them is that wire), or when their evidence
  sentences are near-identical (shingled word Jaccard >= `LinkConfig.near_copy_jaccard`). Each
  group counts once.
- **Fatalities**: each independent group gives one figure (the median of its claims, rounded
  down); the event's `fatalities` is the median of those figures, rounded down (conservative, as
  EVENTS.md asks). `fatality_range(event)` gives (low, best, high) over all claims.
- **Attribution**: when claims name different actor1 the attribution is contested; the merged
  actor1 is the one most independent groups name, or None (unattributed) on a tie.
- **Ids**: a single mention keeps its event_id; a linked event's id is `ev-` plus the first 16 hex
  digits of the SHA-1 of its sorted mention ids, so the same mentions always give the same id.
"""
from __future__ import annotations

import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

from ceasefire.link.compare import PRECISION_RANK, LinkConfig, Mention, actor_key
from ceasefire.link.sources import SourceRegistry
from ceasefire.model import Event


@dataclass
class LinkedEvent:
    """A merged event, the mentions it was built from and why they were merged."""

    event: Event
    mention_ids: list[str]
    reasons: list[str] = field(default_factory=list)
    independent_sources: int = 1


def linked_event_id(mention_ids: Sequence[str]) -> str:
    ids = sorted(mention_ids)
    if len(ids) == 1:
        return ids[0]
    return "ev-" + hashlib.sha1(("link|" + "|".join(ids)).encode("utf-8")).hexdigest()[:16]


_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str, size: int) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def evidence_text(event: Event) -> str:
    return " ".join(str(item.get("sentence", "")) for item in event.evidence or ())


def independent_groups(mentions: Sequence[Mention], registry: SourceRegistry,
                       config: LinkConfig) -> list[int]:
    """A group number per mention; mentions in one group are one source. Numbers are 0..n-1 in
    order of first appearance."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    owners: dict[str, int] = {}
    wires: dict[str, int] = {}
    texts: list[frozenset] = []
    for i, mention in enumerate(mentions):
        source = mention.event.source
        owner = registry.owner_of(source) or f"report:{mention.report or mention.event_id}"
        if owner in owners:
            union(i, owners[owner])
        owners.setdefault(owner, i)
        text = evidence_text(mention.event)
        credited = registry.wires_in(text)
        outlet = registry.outlet(source)
        if outlet is not None and outlet.wire:
            credited.add(outlet.id)
        for wire in credited:
            if wire in wires:
                union(i, wires[wire])
            wires.setdefault(wire, i)
        texts.append(shingles(text, config.shingle_size))
    for i in range(len(mentions)):
        for j in range(i):
            if jaccard(texts[i], texts[j]) >= config.near_copy_jaccard and min(len(texts[i]), len(texts[j])) >= 4:
                union(i, j)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(find(i), len(numbers)) for i in range(len(mentions))]


def _floor_median(values: Sequence[int]) -> int:
    return int(math.floor(statistics.median(values)))


def best_fatalities(claims: Sequence[dict[str, Any]]) -> int | None:
    """Median over independent groups of each group's median claim, rounded down."""
    by_group: dict[Any, list[int]] = defaultdict(list)
    for claim in claims:
        if claim.get("fatalities") is not None:
            by_group[claim.get("independent_group", claim.get("report_id"))].append(int(claim["fatalities"]))
    if not by_group:
        return None
    return _floor_median([_floor_median(values) for _, values in sorted(by_group.items(), key=lambda kv: str(kv[0]))])


def fatality_range(event: Event) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) over the event's claims; a single mention gives its own figure thrice."""
    claims = event.claims or [{"fatalities": event.fatalities, "report_id": event.report_id}]
    values = [int(c["fatalities"]) for c in claims if c.get("fatalities") is not None]
    if not values:
        return None, None, None
    return min(values), best_fatalities(claims), max(values)


def contested_actors(event: Event) -> dict[str, list[str]]:
    """actor1 -> sources naming it, when claims name more than one actor1; else {}."""
    named: dict[str, list[str]] = defaultdict(list)
    keys: dict[str, str] = {}
    for claim in event.claims or ():
        actor = claim.get("actor1")
        if actor:
            name = keys.setdefault(actor_key(actor) or actor, actor)
            named[name].append(str(claim.get("source") or claim.get("report_id")))
    return {actor: sorted(set(sources)) for actor, sources in sorted(named.items())} if len(named) > 1 else {}


def _consensus(values: list[tuple[str | None, int]], fallback: str | None) -> str | None:
    """The value named by most independent groups; fallback on a tie or when none is named."""
    support: dict[str, set[int]] = defaultdict(set)
    spelling: dict[str, str] = {}
    for value, group in values:
        key = actor_key(value)
        if key:
            support[key].add(group)
            spelling.setdefault(key, value or "")
    if not support:
        return None
    if len(support) == 1:
        return spelling[next(iter(support))]
    counts = Counter({key: len(groups) for key, groups in support.items()})
    (first, n1), (_, n2) = counts.most_common(2)
    return spelling[first] if n1 > n2 else fallback


def _representative(mentions: Sequence[Mention]) -> Mention:
    """The most precise mention: finest date, then a point, then finest geo precision."""
    return min(mentions, key=lambda m: (
        PRECISION_RANK.get(m.precision, 0), m.lat is None, m.place is None,
        m.event.geo_precision or 9, m.event_id,
    ))


def merge(mentions: Sequence[Mention], reasons: list[str], registry: SourceRegistry,
          config: LinkConfig) -> LinkedEvent:
    """Build the linked event of one cluster (mentions in a deterministic order)."""
    mentions = sorted(mentions, key=lambda m: m.event_id)
    ids = [m.event_id for m in mentions]
    if len(mentions) == 1:
        return LinkedEvent(event=mentions[0].event, mention_ids=ids, reasons=[], independent_sources=1)
    groups = independent_groups(mentions, registry, config)
    rep = _representative(mentions)
    claims = [{
        "source": m.event.source, "report_id": m.report, "event_id": m.event_id,
        "event_date": m.event.event_date, "actor1": m.event.actor1, "actor2": m.event.actor2,
        "fatalities": m.event.fatalities, "sub_event_type": m.event.sub_event_type,
        "owner": registry.owner_of(m.event.source), "independent_group": group,
    } for m, group in zip(mentions, groups)]
    actor1 = _consensus([(m.event.actor1, g) for m, g in zip(mentions, groups)], None)
    actor2 = _consensus([(m.event.actor2, g) for m, g in zip(mentions, groups)], rep.event.actor2)
    evidence = sorted((dict(item) for m in mentions for item in m.event.evidence or ()),
                      key=lambda item: (str(item.get("report_id")), item.get("start") or 0))
    report_ids = sorted({r for m in mentions for r in (m.event.report_ids or [m.report]) if r})
    base = rep.event
    merged = Event(
        event_date=base.event_date, event_type=base.event_type, sub_event_type=base.sub_event_type,
        date_precision=base.date_precision, actor1=actor1, actor2=actor2,
        assoc_actor_1=base.assoc_actor_1, assoc_actor_2=base.assoc_actor_2, location=base.location,
        admin1=base.admin1, admin2=base.admin2, country=base.country, latitude=base.latitude,
        longitude=base.longitude, geo_precision=base.geo_precision, fatalities=best_fatalities(claims),
        report_id=base.report_id, report_ids=report_ids, evidence=evidence, claims=claims,
        source=base.source, event_id=linked_event_id(ids),
    )
    contested = contested_actors(merged)
    low, best, high = fatality_range(merged)
    notes = [f"linked from {len(mentions)} reports, {max(groups) + 1} independent"]
    if contested:
        notes.append("contested attribution: " + "; ".join(f"{a} ({', '.join(s)})" for a, s in contested.items()))
    if low is not None and low != high:
        notes.append(f"fatalities low {low}, best {best}, high {high}")
    merged.notes = "; ".join(notes)
    return LinkedEvent(event=merged, mention_ids=ids, reasons=reasons, independent_sources=max(groups) + 1)
