"""link stage: mentions of one event across reports -> one event with every source's claims."""
from __future__ import annotations

from ceasefire.link.compare import LinkConfig, explain
from ceasefire.link.linker import link_mentions
from ceasefire.link.merge import LinkedEvent, contested_actors, fatality_range
from ceasefire.link.sources import Outlet, Owner, SourceRegistry, default_registry

__all__ = [
    "LinkConfig", "LinkedEvent", "Outlet", "Owner", "SourceRegistry", "contested_actors", "default_registry",
    "explain", "fatality_range", "link_mentions",
]
