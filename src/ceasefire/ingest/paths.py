"""read_paths: files, folders and stdin, each handed to the reader registered for it."""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ceasefire.ingest.errors import E101, E102, E104, E109, E110, E111, E112, input_error
from ceasefire.ingest.hookspecs import Item, Reader, Source, readers

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HEAD_BYTES = 64 * 1024


def max_bytes_default() -> int:
    """The size limit of one document: CEASEFIRE_MAX_INPUT_BYTES, else 20 MB."""
    value = os.environ.get("CEASEFIRE_MAX_INPUT_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


def read_paths(paths: Iterable[str | Path], max_bytes: int | None = None) -> Iterator[Item]:
    """Reports, Events and InputErrors from files, folders (recursive, sorted) and `-` (stdin).

    A file no reader accepts, or that is empty, binary, not UTF-8, over the size limit or
    truncated, gives an InputError naming file and line; the other files are still read.
    The limit applies to one document: a whole text/HTML/PDF file, one JSONL line, one CSV row.
    """
    table = readers()
    limit = max_bytes or max_bytes_default()
    for given in paths:
        if str(given) == "-":
            yield from _read_source(_stdin_source(limit), table, suffix=None)
            continue
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                yield from _read_file(file, table, limit)
        elif path.is_file():
            yield from _read_file(path, table, limit)
        else:
            yield input_error(E112, str(path))


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def _read_file(path: Path, table: list[Reader], limit: int) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as error:
        yield input_error(E110, str(path), None, error.strerror or str(error))
        return
    source = Source(name=str(path), open=lambda: path.open("rb"), head=head, size=size, max_bytes=limit)
    yield from _read_source(source, table, suffix=path.suffix.lower())


def _stdin_source(limit: int) -> Source:
    data = sys.stdin.buffer.read()
    return Source(name="<stdin>", open=lambda: io.BytesIO(data), head=data[:HEAD_BYTES], size=len(data),
                  max_bytes=limit)


def choose(source: Source, table: list[Reader], suffix: str | None) -> Reader | None:
    """The reader for a suffix (sniffing when several share it); stdin is sniffed by content."""
    if suffix is None:
        stripped = source.head.lstrip()
        suffix = ".pdf" if stripped.startswith(b"%PDF") else ".jsonl" if stripped.startswith(b"{") else (
            ".html" if stripped[:15].lower().startswith((b"<!doctype html", b"<html")) else ".csv")
        candidates = [r for r in table if suffix in r.suffixes]
        if suffix == ".csv" and not any(r.sniff and r.sniff(source.head) for r in candidates):
            suffix = ".txt"
    candidates = [reader for reader in table if suffix in reader.suffixes]
    if len(candidates) == 1 and candidates[0].sniff is None:
        return candidates[0]
    return next((reader for reader in candidates if reader.sniff is None or reader.sniff(source.head)), None)


def _read_source(source: Source, table: list[Reader], suffix: str | None) -> Iterator[Item]:
    if not source.size:
        yield input_error(E101, source.name)
        return
    reader = choose(source, table, suffix)
    if reader is None:
        known = any(suffix in r.suffixes for r in table)
        yield input_error(E111 if known else E109, source.name, 1 if known else None,
                          None if known else f"suffix {suffix or '(none)'!r}")
        return
    if reader.text and b"\x00" in source.head:
        yield input_error(E102, source.name, source.head[: source.head.index(b"\x00")].count(b"\n") + 1)
        return
    if reader.whole and source.size > source.max_bytes:
        yield input_error(E104, source.name, None, f"{source.size} bytes > {source.max_bytes}")
        return
    try:
        yield from reader.read(source)
    except OSError as error:
        yield input_error(E110, source.name, None, error.strerror or str(error))
