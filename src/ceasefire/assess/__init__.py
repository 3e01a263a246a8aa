"""Agreements (data) -> verdicts; tallies; the humanitarian-access ledger."""
from __future__ import annotations

from ceasefire.assess.access import AreaStatus, access_ledger
from ceasefire.assess.agreements import Agreement, installed_agreements, load_agreement, read_agreement
from ceasefire.assess.areas import AccessArea, link_area, load_areas, read_areas
from ceasefire.assess.tally import Tally, tally
from ceasefire.assess.verdicts import ActorLookup, Judge, assess

__all__ = [
    "AccessArea", "ActorLookup", "Agreement", "AreaStatus", "Judge", "Tally", "access_ledger", "assess",
    "installed_agreements", "link_area", "load_agreement", "load_areas", "read_agreement", "read_areas", "tally",
]
