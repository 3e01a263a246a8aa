"""ingest(paths, store): read files, extract events from new reports, store in resumable batches."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ceasefire.errors import CeasefireError, InputError
from ceasefire.ingest import read_paths
from ceasefire.model import Event, Report
from ceasefire.store.store import Actor, IngestResult, Store

E307 = "E307"  # extraction asked for but not available
E308 = "E308"  # extraction failed on one report


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


def ingest(paths: Iterable[str | Path], store: Store, extract: bool = True, batch_size: int = 500,
           progress: bool | None = None, workers: int = 1, user: Actor = "system",
           on_error: Callable[[CeasefireError], None] | None = None,
           max_bytes: int | None = None) -> IngestSummary:
    """Read `paths` (files, folders, `-`) into `store`, committing every `batch_size` items.

    Reports are stored once by content hash and dataset rows once by their event id, so
    running again after a crash stores only what is missing. New text reports go through
    `ceasefire.extract.extract_reports` when `extract`; dataset rows (ACLED, UCDP) are events
    already. Bad files and lines are collected in `errors` (and passed to `on_error` as they
    come) while the rest is stored.
    """
    extractor = _extractor() if extract else None
    summary = IngestSummary()
    reports: list[Report] = []
    events: list[Event] = []

    def flush() -> None:
        if not reports and not events:
            return
        from_rows = {event.report_id for event in events}
        documents = [report for report in reports if report.id not in from_rows]
        extracted: dict[str, list[Event]] = {}
        failed: set[str] = set()
        if extractor is not None and documents:
            stored = store.known_reports(report.sha256 for report in documents)
            fresh = [report for report in documents if report.sha256 not in stored]
            for report, found in extractor(fresh, workers=workers):
                if isinstance(found, list):
                    extracted[report.id] = found
                else:  # not stored, so a later run tries again
                    failed.add(report.id)
                    _error(CeasefireError(f"extraction failed: {getattr(found, 'error', found)}",
                                          path=report.path or report.id, code=E308))
        kept = [report for report in reports if report.id not in failed] if failed else reports
        result = store.add_batch(kept, events, extracted, user=user)
        summary.add(result)
        for error in result.errors:
            _error(error)
        reports.clear()
        events.clear()
        bar.update(summary)

    def _error(error: CeasefireError) -> None:
        summary.errors.append(error)
        if on_error is not None:
            on_error(error)

    with _Progress(progress) as bar:
        for item in read_paths(paths, max_bytes=max_bytes):
            if isinstance(item, InputError):
                _error(item)
            elif isinstance(item, Report):
                # a dataset row's report comes just before its event: never flush between them
                if len(reports) + len(events) >= 2 * batch_size:
                    flush()
                reports.append(item)
            else:
                events.append(item)
                if len(reports) + len(events) >= batch_size:
                    flush()
        flush()
    return summary
