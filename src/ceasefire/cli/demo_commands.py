"""`ceasefire demo` and `ceasefire run`: the whole flow, reports in, a monitor's summary out."""
from __future__ import annotations

import click

from ceasefire.config import database_url


def _print_summary(summary) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{summary.reports}[/] reports, [bold]{summary.events}[/] events in {summary.db_url}")
    for error in summary.errors:
        click.echo(f"Error: {error}", err=True)
    types = Table(title="Events by type")
    types.add_column("event type")
    types.add_column("events", justify="right")
    for event_type, count in summary.by_type.most_common():
        types.add_row(event_type, str(count))
    console.print(types)
    if summary.agreement:
        verdicts = ", ".join(f"{n} {status}" for status, n in sorted(summary.verdicts.items()))
        console.print(f"Verdicts under [bold]{summary.agreement}[/]: {verdicts or 'none'}")
        parties = Table(title=f"Violations by party ({summary.agreement})")
        for column in ("party", "violations", "fatalities", "access denied", "excluded", "unattributed"):
            parties.add_column(column, justify="left" if column == "party" else "right")
        for row in summary.by_party:
            parties.add_row(str(row["key"]), *(str(row.get(k, 0)) for k in
                            ("violations", "fatalities", "access_denied", "excluded", "unattributed")))
        console.print(parties)
    if summary.access:
        access = Table(title="Humanitarian access to besieged areas")
        for column in ("area", "besieged by", "population", "last delivery", "days without", "blocked"):
            access.add_column(column)
        for row in summary.access:
            access.add_row(row["name"], ", ".join(row["besieged_by"]), f"{row['population']:,}",
                           row["last_delivery"] or "-",
                           "-" if row["days_without_access"] is None else str(row["days_without_access"]),
                           str(row["blocked"]))
        console.print(access)


@click.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="Database URL or SQLite file (default: CEASEFIRE_DB or ceasefire.db).")
@click.option("--agreement", help="Agreement to assess against (default: the scenario's).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
def run_command(paths, db, agreement, workers):
    """Ingest reports, extract and link their events, assess them, and print a summary."""
    from ceasefire.pipeline import run

    summary = run(paths, database_url(db), agreement_id=agreement, workers=workers)
    _print_summary(summary)
    if summary.errors:
        raise SystemExit(1)


@click.command("demo")
@click.option("--db", default="ceasefire-demo.db", show_default=True, help="Where the demo database goes.")
@click.option("--serve", is_flag=True, help="Then open the dashboard on http://127.0.0.1:8000.")
@click.option("--port", default=8000, show_default=True)
def demo_command(db, serve, port):
    """Run the whole flow on the bundled sample reports of the built-in scenario (SQLite)."""
    from ceasefire.pipeline import run_demo
    from ceasefire.resolve.gazetteer import Gazetteer
    from ceasefire.config import default_country

    click.echo(f"Place index for {default_country()}: {Gazetteer.open(default_country()).path}")
    summary = run_demo(database_url(db))
    _print_summary(summary)
    if serve:
        from ceasefire.api import serve as serve_app

        click.echo(f"Dashboard: http://127.0.0.1:{port}/ (public read; Ctrl-C to stop)")
        serve_app(database_url(db), port=port, public_read=True)
    else:
        click.echo(f"Open the dashboard: ceasefire serve --db {db} --public-read")


COMMANDS = [run_command, demo_command]
