"""Expensive reads (tallies, the access ledger) kept until the store next changes.

Every write to the store appends to its audit log in the same transaction, so the newest audit
entry's number is the version of the data: a cached result is used only while it is unchanged.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any


class ReadCache:
    def __init__(self, size: int = 256):
        self.size = size
        self._items: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = Lock()

    @staticmethod
    def version(store: Any) -> int:
        newest = store.audit_log(limit=1)
        return newest[0]["seq"] if newest else 0

    def get(self, store: Any, key: Hashable, compute: Callable[[], Any]) -> Any:
        version = self.version(store)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == version:
                self._items.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
