"""`ceasefire extract` and `ceasefire eval`: stateless, file in, records out."""
from __future__ import annotations

import functools
import json
import sys
from datetime import date

import click

from ceasefire.errors import CeasefireError, InputError

FORMATS = ("jsonl", "csv", "geojson")


def _assessed(agreement, events):
    """Events with the agreement's verdicts (run in the extraction workers)."""
    from ceasefire.assess import assess

    return assess(events, agreement)


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command()
@click.argument("path", required=False)
@click.option("--docs", "docs", type=click.Path(dir_okay=False), help="A JSONL batch (EVENTS.md input format).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for reports that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes to use.")
@click.option("--country", help="ISO code of the country pack (default: the scenario's).")
@click.option("--agreement", help="Assess events against this agreement (default: the scenario's; 'none' to skip).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def extract(path, docs, published, fmt, workers, country, agreement, output):
    """Extract events from a report (PATH, or - for stdin) or a batch (--docs FILE.jsonl).

    Prints one record per event in the format of EVENTS.md, with the verdicts of the scenario's
    agreement. Bad documents are reported one line each; the others are still extracted, and
    the exit code is 1 when any failed.
    """
    from ceasefire.assess import load_agreement
    from ceasefire.config import scenario
    from ceasefire.extract import ExtractionFailure, extract_reports
    from ceasefire.ingest import read_paths
    from ceasefire.model import Report
    from ceasefire.formats import write_acled, write_geojson, write_jsonl

    sources = [p for p in (path, docs) if p]
    if not sources:
        raise click.UsageError("give a PATH (or -) or --docs FILE.jsonl")
    default_published = _parse_day(published)
    agreement_id = agreement or scenario().get("agreement")
    terms = load_agreement(agreement_id) if agreement_id and agreement_id != "none" else None
    then = functools.partial(_assessed, terms) if terms else None
    counts = {"documents": 0, "unreadable": 0, "failed": 0, "events": 0}  # documents: those read

    def reports():
        for item in read_paths(sources):
            if isinstance(item, InputError):
                counts["unreadable"] += 1
                counts["failed"] += 1
                click.echo(f"Error: {item}", err=True)
            elif isinstance(item, Report):
                counts["documents"] += 1
                if item.published is None:
                    item.published = default_published
                yield item

    def records():
        for report, result in extract_reports(reports(), workers=workers, country=country, then=then):
            if isinstance(result, ExtractionFailure):
                counts["failed"] += 1
                click.echo(f"Error: {report.path or report.id}: [E150] extraction failed: {result.error}", err=True)
                continue
            for event in result:
                counts["events"] += 1
                yield event.to_dict()

    writer = {"jsonl": write_jsonl, "csv": write_acled, "geojson": write_geojson}[fmt]
    handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer(records(), handle)
    except CeasefireError:
        raise
    finally:
        if output:
            handle.close()
    if counts["failed"]:
        click.echo(f"{counts['failed']} of {counts['documents'] + counts['unreadable']} documents failed; "
                   f"{counts['events']} events from the others.", err=True)
        sys.exit(1)


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--main-admin1", is_flag=True, help="Score each document's main governorate (gold rows: doc, admin1).")
@click.option("--optional", "optional_path", type=click.Path(exists=True, dir_okay=False),
              help="Lines ADMIN1|TYPE: unmatched predictions there are neither rewarded nor penalised.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def evaluate(gold, pred, main_admin1, optional_path, as_json):
    """Score predicted events (PRED) against labelled ones (GOLD)."""
    from ceasefire import evaluate as scoring

    gold_rows = scoring.load_jsonl(gold)
    pred_rows = scoring.load_jsonl(pred)
    if main_admin1:
        result = scoring.evaluate_main_admin1(gold_rows, pred_rows)
    else:
        optional = scoring.load_optional(optional_path) if optional_path else frozenset()
        result = scoring.evaluate(gold_rows, pred_rows, optional)
    click.echo(json.dumps(result) if as_json else scoring.format_result(result))


COMMANDS = [extract, evaluate]
