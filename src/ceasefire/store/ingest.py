"""ingest(paths, store): read files, extract events from new reports, store in resumable batches."""
from __future__ import annotations

import gc
import multiprocessing
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ceasefire.errors import CeasefireError, InputError
from ceasefire.ingest import read_paths
from ceasefire.model import Event, Report
from ceasefire.store.audit import now
from ceasefire.store.records import Batch, prepare
from ceasefire.store.store import Actor, IngestResult, Store

E307 = "E307"  # extraction asked for but not available
E308 = "E308"  # extraction failed on one report
E309 = "E309"  # the reading process failed
READ_PROCESS_BYTES = 8 * 1024 * 1024
BULK_BYTES = 64 * 1024 * 1024
# a bulk load commits at least this many rows at a time: each commit rewrites every page the rows
# touched in the content-hash index, whose keys are random, so few large commits write far less
BULK_TRANSACTION_ROWS = 50_000
ROW_BYTES = 500  # a guess at an average dataset row, to compare an input with the store's size


@dataclass
class IngestSummary:
    """Totals of one ingest run; `errors` holds every bad file/line, in reading order."""

    reports_added: int = 0
    reports_duplicate: int = 0
    mentions_added: int = 0
    mentions_duplicate: int = 0
    batches: int = 0
    errors: list[CeasefireError] = field(default_factory=list)

    def add(self, result: IngestResult) -> None:
        self.reports_added += result.reports_added
        self.reports_duplicate += result.reports_duplicate
        self.mentions_added += result.mentions_added
        self.mentions_duplicate += result.mentions_duplicate
        self.batches += 1

    def __str__(self) -> str:
        return (f"{self.reports_added} reports stored ({self.reports_duplicate} already stored), "
                f"{self.mentions_added} events stored ({self.mentions_duplicate} already stored), "
                f"{len(self.errors)} errors")


def _extractor() -> Callable:
    try:
        from ceasefire.extract import extract_reports
    except ImportError as error:
        raise CeasefireError(f"event extraction is not available ({error}); ingest with --no-extract",
                             code=E307) from None
    return extract_reports


class _Progress:
    """A rich status line on stderr: only on a terminal, or when asked."""

    def __init__(self, enabled: bool | None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.progress = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("ingest"), TextColumn("{task.description}"),
                                     TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self.progress.start()
            self.task = self.progress.add_task("starting", total=None)
        return self

    def update(self, summary: IngestSummary) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=(
                f"{summary.reports_added + summary.reports_duplicate} reports, "
                f"{summary.mentions_added + summary.mentions_duplicate} events, {len(summary.errors)} errors"))

    def __exit__(self, *_exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


class Chunk(NamedTuple):
    """One batch of what was read: errors, text reports (extracted before storing) and dataset rows."""

    errors: list[CeasefireError]
    documents: list[Report]
    rows: Batch


def read_chunks(paths: Iterable[str | Path], batch_size: int, max_bytes: int | None = None) -> Iterator[Chunk]:
    """What `read_paths` gives, cut every `batch_size` items, with dataset rows prepared for storing.
    A dataset row's report comes just before its event: a cut never falls between them."""
    reports: list[Report] = []
    events: list[Event] = []
    errors: list[CeasefireError] = []

    def cut() -> Chunk:
        from_rows = {event.report_id for event in events}
        documents = [report for report in reports if report.id not in from_rows]
        dataset = [report for report in reports if report.id in from_rows] if from_rows else []
        chunk = Chunk(list(errors), documents, prepare(dataset, events, at=now()))
        reports.clear(), events.clear(), errors.clear()
        return chunk

    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            errors.append(item)
        elif isinstance(item, Report):
            if len(reports) + len(events) >= 2 * batch_size:
                yield cut()
            reports.append(item)
        else:
            events.append(item)
            if len(reports) + len(events) >= batch_size:
                yield cut()
    if reports or events or errors:
        yield cut()


def read_in_process(paths: list[str | Path], batch_size: int, max_bytes: int | None = None) -> Iterator[Chunk]:
    """`read_chunks` run in a forked process, so reading and preparing rows overlaps with storing.
    Each chunk comes as two messages: its errors and documents, pickled, then its rows as bytes
    (`Batch.to_bytes`). The process ends when the reader side goes away."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_send_chunks, args=(receive, send, paths, batch_size, max_bytes),
                              name="ceasefire-read", daemon=True)
    process.start()
    send.close()
    try:
        while True:
            try:
                message = receive.recv()
                if message is None:
                    return
                if isinstance(message, BaseException):
                    raise message
                errors, documents = message
                rows = receive.recv_bytes()
            except EOFError:
                raise CeasefireError("the reading process stopped before the end of the input",
                                     code=E309) from None
            yield Chunk(errors, documents, Batch.from_bytes(rows))
    finally:
        receive.close()
        process.join(timeout=5)
        if process.is_alive():
            process.terminate()


def _send_chunks(receive, send, paths, batch_size: int, max_bytes: int | None) -> None:
    """Read and prepare chunks, and hand them to a thread that sends them: reading goes on while
    the storing side is busy with a long transaction, up to a transaction's worth of chunks ahead."""
    receive.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the ingesting process's to handle
    gc.disable()  # rows hold no reference cycles, and collecting passes cost as much as reading them
    outbox: queue.Queue = queue.Queue(maxsize=max(2, -(-BULK_TRANSACTION_ROWS // batch_size)))
    gone = threading.Event()  # nobody is reading any more

    def deliver() -> None:
        try:
            while (message := outbox.get()) is not None:
                if isinstance(message, BaseException):
                    send.send(message)
                    return
                head, rows = message
                send.send(head)
                send.send_bytes(rows)
            send.send(None)
        except (BrokenPipeError, ConnectionResetError):
            gone.set()

    def put(message: Any) -> bool:
        while not gone.is_set():
            try:
                outbox.put(message, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    sender = threading.Thread(target=deliver, name="ceasefire-send")
    sender.start()
    try:
        for chunk in read_chunks(paths, batch_size, max_bytes):
            if not put(((chunk.errors, chunk.documents), chunk.rows.to_bytes())):
                return
        put(None)
    except Exception as error:  # raised again on the storing side, with its message
        put(error if isinstance(error, CeasefireError) else CeasefireError(
            f"reading failed: {type(error).__name__}: {error}", code=E309))
    finally:
        sender.join()


def _input_bytes(paths: list[str | Path]) -> int:
    total = 0
    for given in paths:
        path = Path(given)
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
    return total


def ingest(paths: Iterable[str | Path], store: Store, extract: bool = True, batch_size: int = 500,
           progress: bool | None = None, workers: int = 1, user: Actor = "system",
           on_error: Callable[[CeasefireError], None] | None = None,
           max_bytes: int | None = None, read_process: bool | None = None,
           bulk: bool | None = None) -> IngestSummary:
    """Read `paths` (files, folders, `-`) into `store`, committing every `batch_size` items.

    Reports are stored once by content hash and dataset rows once by their event id, so
    running again after a crash stores only what is missing. New text reports go through
    `ceasefire.extract.extract_reports` when `extract`; dataset rows (ACLED, UCDP) are events
    already. Bad files and lines are collected in `errors` (and passed to `on_error` as they
    come) while the rest is stored. `read_process`: read in a separate process (default: for
    inputs over READ_PROCESS_BYTES, where the platform can fork). `bulk`: on SQLite, build the
    lookup indexes once at the end instead of row by row, and commit at least
    BULK_TRANSACTION_ROWS items at a time (default: for inputs over BULK_BYTES that look larger
    than what is stored).
    """
    extractor = _extractor() if extract else None
    summary = IngestSummary()
    paths = list(paths)
    size = 0 if "-" in map(str, paths) else _input_bytes(paths)
    if read_process is None:
        read_process = "fork" in multiprocessing.get_all_start_methods() and size >= READ_PROCESS_BYTES
    if bulk is None:
        bulk = size >= BULK_BYTES and store.count_events() < size // ROW_BYTES
    chunks = (read_in_process if read_process else read_chunks)(paths, batch_size, max_bytes)

    def _error(error: CeasefireError) -> None:
        summary.errors.append(error)
        if on_error is not None:
            on_error(error)

    def batches() -> Iterator[Batch]:
        for chunk in chunks:
            for error in chunk.errors:
                _error(error)
            extracted: dict[str, list[Event]] = {}
            failed: set[str] = set()
            if extractor is not None and chunk.documents:
                stored = store.known_reports(report.sha256 for report in chunk.documents)
                fresh = [report for report in chunk.documents if report.sha256 not in stored]
                for report, found in extractor(fresh, workers=workers):
                    if isinstance(found, list):
                        extracted[report.id] = found
                    else:  # not stored, so a later run tries again
                        failed.add(report.id)
                        _error(CeasefireError(f"extraction failed: {getattr(found, 'error', found)}",
                                              path=report.path or report.id, code=E308))
            documents = [report for report in chunk.documents if report.id not in failed]
            yield prepare(documents, (), extracted, at=now()) + chunk.rows

    per_transaction = BULK_TRANSACTION_ROWS if bulk else 1  # otherwise each chunk on its own
    with _Progress(progress) as bar, (store.deferred_indexes() if bulk else nullcontext()):
        for batch in _joined(batches(), per_transaction):
            result = store.add_rows(batch, user=user)
            summary.add(result)
            for error in result.errors:
                _error(error)
            bar.update(summary)
    return summary


def _joined(batches: Iterable[Batch], rows: int) -> Iterator[Batch]:
    """Consecutive batches joined until each holds at least `rows` reports and mentions (empty
    batches are not given)."""
    joined = Batch([], [])
    for batch in batches:
        joined.reports.extend(batch.reports)
        joined.mentions.extend(batch.mentions)
        if len(joined.reports) + len(joined.mentions) >= rows:
            yield joined
            joined = Batch([], [])
    if joined.reports or joined.mentions:
        yield joined
