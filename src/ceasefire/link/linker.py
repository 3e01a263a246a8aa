"""Link mentions across reports: blocking, pairwise rules, then a careful union.

1. Mentions are sorted by event id (so input order never matters) and put in blocks keyed by
   (country, admin1, type family, day). Each mention probes the days of its own date window
   (day +-1, week +-7, its month, its year); a pair is compared once, from the coarser side, so
   nothing in a window is missed and nothing across admin1 is ever looked at.
2. Each candidate pair goes through `compare` (see `compare.py` for the rules).
3. Accepted pairs are merged strongest first (score, then ids). Two clusters are never merged
   when any two of their mentions are in hard conflict (one report, dates outside the window,
   different perpetrators without strong agreement), so a chain of links cannot fuse events
   that a direct comparison keeps apart.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from ceasefire.link.compare import HARD, LinkConfig, Mention, compare, date_window, decide
from ceasefire.link.merge import LinkedEvent, merge
from ceasefire.link.sources import SourceRegistry, default_registry
from ceasefire.model import Event

BlockKey = tuple[str | None, str | None, str]


def _blocks(mentions: list[Mention]) -> dict[tuple[BlockKey, int], list[int]]:
    blocks: dict[tuple[BlockKey, int], list[int]] = defaultdict(list)
    for m in mentions:
        if m.day is not None:
            blocks[((m.country, m.admin1, m.family), m.day.toordinal())].append(m.index)
    return blocks


def candidate_pairs(mentions: list[Mention], config: LinkConfig) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) that share a block and fall in the coarser side's date window."""
    blocks = _blocks(mentions)
    for m in mentions:
        if m.day is None:
            continue
        key = (m.country, m.admin1, m.family)
        first, last = date_window(m.day, m.precision, config)
        for ordinal in range(first.toordinal(), last.toordinal() + 1):
            for j in blocks.get((key, ordinal), ()):
                other = mentions[j]
                # compare from the coarser side only; equal precision: from the lower index
                if other.rank < m.rank or (other.rank == m.rank and j > m.index):
                    yield (m.index, j) if m.index < j else (j, m.index)


class _Clusters:
    """Union-find that refuses a merge when any two mentions it would join are in hard conflict
    (one report, dates outside the window, different perpetrators without strong agreement)."""

    def __init__(self, mentions: list[Mention], config: LinkConfig):
        self.mentions = mentions
        self.config = config
        self.parent = list(range(len(mentions)))
        self.reports: list[set[str]] = [{m.report} if m.report else set() for m in mentions]
        self.members: list[list[int]] = [[i] for i in range(len(mentions))]

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        small, large = sorted((ri, rj), key=lambda r: (len(self.reports[r]), r))
        if self.reports[small] & self.reports[large]:
            return False
        mentions, config = self.mentions, self.config
        for x in self.members[small]:
            for y in self.members[large]:
                if decide(mentions[x], mentions[y], config)[0] in HARD:
                    return False
        keep, drop = min(ri, rj), max(ri, rj)
        reports, members = self.reports[large], self.members[large]
        reports |= self.reports[small]
        members += self.members[small]
        self.reports[keep], self.reports[drop] = reports, set()
        self.members[keep], self.members[drop] = members, []
        self.parent[drop] = keep
        return True


def link_mentions(mentions: Iterable[Event], sources: SourceRegistry | None = None,
                  config: LinkConfig | None = None) -> list[LinkedEvent]:
    """Merge mentions of the same event across reports. Same input in any order, same output."""
    config = config or LinkConfig()
    registry = sources or default_registry()
    events = sorted(mentions, key=lambda e: (e.event_id or e.stable_id(), e.report_id or "",
                                             e.event_date or "", e.sub_event_type, e.location or ""))
    ordered = [Mention(i, event, config) for i, event in enumerate(events)]
    edges: list[tuple[int, str, str, int, int]] = []
    for i, j in candidate_pairs(ordered, config):
        decision = decide(ordered[i], ordered[j], config)
        if decision[0] is None:
            edges.append((-decision[1], ordered[i].event_id, ordered[j].event_id, i, j))
    edges.sort()
    clusters = _Clusters(ordered, config)
    reasons: dict[int, list[str]] = defaultdict(list)
    accepted: list[tuple[int, int]] = []
    for _, _, _, i, j in edges:
        if clusters.find(i) != clusters.find(j) and clusters.union(i, j):
            accepted.append((i, j))
    del edges
    for i, j in accepted:
        a, b = ordered[i], ordered[j]
        why = compare(a, b, config).reasons
        reasons[clusters.find(i)].append(f"{a.event_id} + {b.event_id}: " + "; ".join(why))
    members: dict[int, list[Mention]] = defaultdict(list)
    for m in ordered:
        members[clusters.find(m.index)].append(m)
    linked = [merge(group, reasons.get(root, []), registry, config) for root, group in members.items()]
    linked.sort(key=lambda le: (le.event.event_date or "", le.event.event_id or ""))
    return linked
