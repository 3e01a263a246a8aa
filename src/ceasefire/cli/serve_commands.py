"""`ceasefire serve` (API and dashboard) and `ceasefire report` (situation reports)."""
from __future__ import annotations

from pathlib import Path

import click

from ceasefire.config import database_url


@click.command()
@click.option("--db", "db", help="database URL or SQLite file (default: CEASEFIRE_DB or ./ceasefire.db)")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--public-read", is_flag=True, help="let anyone read without a token (writing still needs one)")
def serve(db: str | None, host: str, port: int, public_read: bool) -> None:
    """Serve the REST API at /api/v1, its docs at /docs and the dashboard at /."""
    import uvicorn

    from ceasefire.api import create_app

    app = create_app(database_url(db), public_read=public_read)
    click.echo(f"ceasefire on http://{host}:{port}/ (API docs at /docs; "
               f"reading {'open to all' if public_read else 'needs a token'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@click.option("--agreement", "agreement", required=True, help="agreement id, e.g. from `ceasefire agreements`")
@click.option("--from", "date_from", required=True, type=click.DateTime(["%Y-%m-%d"]), help="first day (YYYY-MM-DD)")
@click.option("--to", "date_to", required=True, type=click.DateTime(["%Y-%m-%d"]), help="last day (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True)
@click.option("--db", "db", help="database URL or SQLite file (default: CEASEFIRE_DB or ./ceasefire.db)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="file to write (default: report-AGREEMENT-FROM-TO.FORMAT)")
def report(agreement: str, date_from, date_to, fmt: str, db: str | None, output: Path | None) -> None:
    """Write a situation report for one agreement and period."""
    from ceasefire.report import render_report
    from ceasefire.report.gather import gather
    from ceasefire.store import Store

    first, last = date_from.date(), date_to.date()
    if first > last:
        raise click.BadParameter("--from is after --to", param_hint="--from")
    situation = gather(Store.open(database_url(db)), agreement, first, last)
    output = output or Path(f"report-{agreement}-{first}-{last}.{fmt}")
    output.write_bytes(render_report(situation, fmt))
    click.echo(f"{output}: {len(situation.events)} events, {len(situation.violations())} violations")


COMMANDS = [serve, report]
