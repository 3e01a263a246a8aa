"""Events as JSONL (one EVENTS.md record per line): reading is `ceasefire.ingest.events`."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ceasefire.model import Event


def write_events(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
