"""`ceasefire agreements | assess | tally | access`: thin wrappers over ceasefire.assess."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager

import click

DB = click.option("--db", default=None, help="Read events from this database (URL or SQLite file) instead of JSONL.")
EVENTS = click.argument("events_file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
DAY = click.DateTime(formats=["%Y-%m-%d"])


@contextmanager
def _events(events_file: str | None, db: str | None, **filters):
    """Events from the store (--db), a JSONL file, or stdin."""
    from ceasefire.ingest.events import read_events

    if db:
        from ceasefire.pipeline import stored_event
        from ceasefire.store import EventFilter, Store

        with Store.open(db) as store:
            yield (stored_event(row) for row in store.iter_events(EventFilter.from_dict(filters).validate()))
        return
    if events_file in (None, "-"):
        yield read_events(sys.stdin, "<stdin>")
        return
    with open(events_file, encoding="utf-8") as handle:
        yield read_events(handle, events_file)


def _print_table(headers: list[str], rows: list[list], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*headers, title=title, show_lines=False)
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _print_csv(headers: list[str], rows: list[list]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    click.echo(out.getvalue(), nl=False)


# --- agreements ----------------------------------------------------------------------------------

@click.group("agreements", invoke_without_command=True)
@click.pass_context
def agreements_group(ctx: click.Context) -> None:
    """List the installed agreements (id, name, window, parties, clauses)."""
    if ctx.invoked_subcommand is not None:
        return
    from ceasefire.assess.agreements import installed_agreements, read_agreement

    rows = []
    for path in installed_agreements().values():
        agreement = read_agreement(path)
        parties = ", ".join(p.label or p.actor or p.group for p in agreement.parties)
        rows.append([agreement.id, agreement.name, agreement.window(), parties, agreement.clause_count])
    _print_table(["id", "name", "window", "parties", "clauses"], rows)


@agreements_group.command("show")
@click.argument("agreement_id")
def agreements_show(agreement_id: str) -> None:
    """Print every clause of one agreement with its source."""
    from ceasefire.assess.agreements import load_agreement

    a = load_agreement(agreement_id)
    click.echo(f"{a.id}: {a.name}\nwindow: {a.window()}   country: {a.country}")
    for source in a.sources:
        click.echo(f"source: {source.ref}" + (f" - {source.title}" if source.title else ""))
    click.echo(f"\nscope: countries {', '.join(a.scope.countries)}"
               + (f"; governorates {', '.join(a.scope.admin1)}" if a.scope.admin1 else "")
               + (f"; places {', '.join(a.scope.places)}" if a.scope.places else "")
               + (f"; {len(a.scope.polygons)} polygon(s)" if a.scope.polygons else "") + f"  [{a.scope.ref}]")
    click.echo("\nbound parties:")
    for p in a.parties:
        click.echo(f"  {p.actor or 'group:' + p.group} ({p.label or ''}{', guarantor' if p.role == 'guarantor' else ''})  [{p.ref}]")
    click.echo("excluded:")
    for p in a.excluded:
        click.echo(f"  {p.actor or 'group:' + p.group} ({p.label or ''})  [{p.ref}]")
    if a.local_truces:
        click.echo("local truces:")
        for t in a.local_truces:
            end = t.end.isoformat() if t.end else "open"
            click.echo(f"  {t.id}: {t.name}, {t.start.isoformat()} .. {end}  [{t.ref}]")
    click.echo("prohibited acts:")
    for act in a.prohibited:
        what = [*act.event_types, *act.sub_event_types]
        if act.target_kinds:
            what.append("against " + "/".join(act.target_kinds))
        if act.evidence_keywords:
            what.append(f"evidence mentions one of {len(act.evidence_keywords)} keywords")
        click.echo(f"  {act.id}: {act.label} ({'; '.join(what) or 'any event'})  [{act.ref}]")
    if a.civilian_harm:
        click.echo(f"civilian harm flag: {', '.join(a.civilian_harm.keywords)}  [{a.civilian_harm.ref}]")
    if a.obligations:
        click.echo("obligations:")
        for o in a.obligations:
            where = "everywhere in scope" if o.everywhere else ""
            if o.areas:
                where += ("; " if where else "") + "areas " + ", ".join(o.areas)
            click.echo(f"  {o.id}: {o.label} ({where})  [{o.ref}]")


@agreements_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def agreements_check(files: tuple[str, ...]) -> None:
    """Validate agreement files; the first problem is named by file, line and field."""
    from ceasefire.assess.agreements import read_agreement

    for path in files:
        agreement = read_agreement(path)
        click.echo(f"{path}: ok ({agreement.id}, {agreement.clause_count} clauses)")


# --- assess --------------------------------------------------------------------------------------

@click.command("assess")
@click.option("--agreement", "agreement_id", required=True, help="Agreement id (see `ceasefire agreements`) or file.")
@click.option("--format", "format_", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@DB
@EVENTS
def assess_command(agreement_id: str, format_: str, db: str | None, events_file: str | None) -> None:
    """Add verdicts to events: a filter on JSONL (file or stdin), or the events of --db."""
    from ceasefire.assess.agreements import load_agreement
    from ceasefire.assess.eventstream import write_events
    from ceasefire.assess.verdicts import assess

    agreement = load_agreement(agreement_id)
    if db:
        _assess_store(agreement, db)
        return
    with _events(events_file, None) as events:
        assessed = assess(events, agreement)
        if format_ == "jsonl":
            write_events(assessed, sys.stdout)
            return
        rows = []
        for event in assessed:
            for verdict in event.verdicts:
                if verdict["agreement"] == agreement.id:
                    who = (verdict.get("claim") or {}).get("actor1", event.actor1)
                    rows.append([event.event_date, event.sub_event_type, who, event.location or event.admin1,
                                 verdict["status"], verdict["reason"]])
    _print_table(["date", "sub-event type", "actor1", "place", "verdict", "reason"], rows, title=agreement.id)


def _assess_store(agreement, db: str) -> None:
    from ceasefire.pipeline import assess_store
    from ceasefire.store import Store

    with Store.open(db) as store:
        counts = assess_store(store, agreement)
        events = store.count_events()
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no verdicts"
    click.echo(f"{events} events assessed against {agreement.id}; {sum(counts.values())} verdicts stored ({summary})")


# --- tally ---------------------------------------------------------------------------------------

@click.command("tally")
@click.option("--agreement", "agreement_id", required=True, help="Agreement id or file.")
@click.option("--by", type=click.Choice(["party", "admin1", "week", "type"]), default="party", show_default=True)
@click.option("--from", "date_from", type=DAY, default=None, help="From this ISO date (inclusive).")
@click.option("--to", "date_to", type=DAY, default=None, help="Up to this ISO date (inclusive).")
@click.option("--format", "format_", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@DB
@EVENTS
def tally_command(agreement_id, by, date_from, date_to, format_, db, events_file) -> None:
    """Violations, fatalities, access denials, excluded and unattributed events per key."""
    from ceasefire.assess.tally import COLUMNS, tally

    date_from = date_from.date().isoformat() if date_from else None
    date_to = date_to.date().isoformat() if date_to else None
    with _events(events_file, db, date_from=date_from, date_to=date_to) as events:
        result = tally(events, agreement_id, by=by, date_from=date_from, date_to=date_to)
    if format_ == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    headers = [by, *COLUMNS]
    rows = [[row["key"], *(row[c] for c in COLUMNS)] for row in result.rows]
    rows.append(["TOTAL", *(result.totals[c] for c in COLUMNS)])
    if format_ == "csv":
        _print_csv(headers, rows)
    else:
        _print_table(headers, rows, title=f"{result.agreement} by {by}")


# --- access --------------------------------------------------------------------------------------

LEDGER_COLUMNS = ["area", "name", "status", "active", "besieged_by", "population", "last_delivery",
                  "days_without_access", "counted_from", "deliveries", "blocked", "blocked_by", "people_reached"]


@click.command("access")
@click.option("--as-of", type=DAY, default=None, help="Ledger as of this ISO date (default: latest access event).")
@click.option("--areas", "areas_source", default=None, help="Area list (file stem in data/areas or a path); default all.")
@click.option("--format", "format_", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@DB
@EVENTS
def access_command(as_of, areas_source, format_, db, events_file) -> None:
    """The humanitarian-access ledger: per besieged area, last delivery, days without access, denials."""
    from ceasefire.assess.access import access_ledger
    from ceasefire.assess.areas import load_areas

    areas = load_areas(source=areas_source) if areas_source else load_areas()
    with _events(events_file, db, event_type="Humanitarian access") as events:
        ledger = access_ledger(events, areas, as_of=as_of.date() if as_of else None)
    lines = [status.to_dict() for status in ledger]
    if format_ == "json":
        click.echo(json.dumps(lines, indent=2))
        return
    rows = []
    for line in lines:
        line = dict(line, besieged_by=", ".join(line["besieged_by"]),
                    blocked_by="; ".join(f"{who} ({n})" for who, n in line["blocked_by"].items()))
        rows.append([line[c] for c in LEDGER_COLUMNS])
    if format_ == "csv":
        _print_csv(LEDGER_COLUMNS, rows)
    else:
        title = f"Humanitarian access as of {ledger[0].as_of.isoformat()}" if ledger else None
        _print_table(LEDGER_COLUMNS, rows, title=title)


COMMANDS: list = [agreements_group, assess_command, tally_command, access_command]
