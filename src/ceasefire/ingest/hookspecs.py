"""Readers are plugins: each answers `ceasefire_readers()` with a list of Reader.

Built-in readers register through the same hook, so a third-party package adds a format
by exposing a module with a `ceasefire_readers` hookimpl under the `ceasefire` entry point.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Union

import pluggy

from ceasefire.errors import InputError
from ceasefire.model import Event, Report

hookspec = pluggy.HookspecMarker("ceasefire")
hookimpl = pluggy.HookimplMarker("ceasefire")

Item = Union[Report, Event, InputError]


@dataclass
class Source:
    """One input: a file on disk or stdin, opened as bytes by the reader."""

    name: str  # shown in error messages
    open: Callable[[], IO[bytes]]
    head: bytes  # the first bytes, for sniffing
    size: int | None
    max_bytes: int  # limit of one document (a whole text file, one JSONL line, one CSV row)


@dataclass(frozen=True)
class Reader:
    """Reads one kind of file into Reports, Events and InputErrors (never raises)."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Source], Iterator[Item]]
    sniff: Callable[[bytes], bool] | None = None  # when several readers share a suffix
    text: bool = True  # False: binary format, skip the NUL/UTF-8 checks (PDF)
    whole: bool = True  # True: the whole file is one document, so the size limit applies to it


class ReaderSpec:
    @hookspec
    def ceasefire_readers(self) -> list[Reader]:
        """Readers this plugin provides."""


def plugin_manager() -> pluggy.PluginManager:
    from ceasefire.ingest import acled, documents, jsonl, ucdp

    manager = pluggy.PluginManager("ceasefire")
    manager.add_hookspecs(ReaderSpec)
    for module in (documents, jsonl, acled, ucdp):  # built-ins, the same way as plugins
        manager.register(module)
    manager.load_setuptools_entrypoints("ceasefire")
    return manager


def readers() -> list[Reader]:
    """Every registered reader, built-ins first."""
    return [reader for batch in reversed(plugin_manager().hook.ceasefire_readers()) for reader in batch]
