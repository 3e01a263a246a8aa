"""`ceasefire ingest | export | review | users | audit`: thin wrappers over ceasefire.store."""
from __future__ import annotations

import json

import click

from ceasefire.errors import AuthError

DB = click.option("--db", envvar="CEASEFIRE_DB", default=None,
                  help="Database URL or SQLite file (default: $CEASEFIRE_DB or ./ceasefire.db).")
FILTERS = (
    ("date-from", "From this ISO date."), ("date-to", "Up to this ISO date."),
    ("event-type", "Exact event type."), ("sub-event-type", "Exact sub-event type."),
    ("actor", "Substring of actor1 or actor2."), ("admin1", "Exact admin1."), ("country", "Exact country."),
    ("verdict", "Verdict status."), ("agreement", "Agreement id."),
    ("review-status", "unverified, verified or rejected."), ("text", "Substring of evidence, notes or location."),
    ("report-id", "Events drawn from this report."),
)


def filter_options(command):
    """The EventFilter fields as options, shared by `export` and `review list`."""
    for name, text in reversed(FILTERS):
        command = click.option(f"--{name}", default=None, help=text)(command)
    return command


def _filters(options: dict):
    from ceasefire.store import EventFilter

    return EventFilter.from_dict(options).validate()


def _open(db: str | None):
    from ceasefire.store import Store

    return Store.open(db)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DB
@click.option("--no-extract", is_flag=True, help="Store reports without extracting events from them.")
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--batch-size", type=int, default=500, show_default=True, help="Items per transaction.")
@click.option("--max-bytes", type=int, default=None, help="Size limit of one document (default 20 MB).")
@click.option("--progress/--no-progress", default=None, help="Progress line (default: when stderr is a terminal).")
def ingest_command(paths, db, no_extract, workers, batch_size, max_bytes, progress):
    """Read files, folders or - (stdin) into the database; bad files and lines are listed, the rest stored."""
    from ceasefire.store import ingest

    with _open(db) as store:
        summary = ingest(paths, store, extract=not no_extract, batch_size=batch_size, progress=progress,
                         workers=workers, on_error=lambda error: click.echo(str(error), err=True),
                         max_bytes=max_bytes)
    click.echo(str(summary))
    if summary.errors:
        raise click.ClickException(f"{len(summary.errors)} input error(s); everything else was stored")


@click.command("export")
@DB
@click.option("--format", "format_", type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]),
              default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", help="Output file (default: stdout).")
@filter_options
def export_command(db, format_, output, **options):
    """Write the events matching the filters as ACLED CSV, JSONL, GeoJSON or Parquet."""
    from ceasefire.store import export

    filters = _filters(options)
    with _open(db) as store:
        count = export(store, filters, format_, output)
    click.echo(f"{count} events exported", err=True)


# --- review ------------------------------------------------------------------------------------

@click.group("review")
def review_group():
    """List events and record analysts' decisions (each one goes to the audit log)."""


def _who(store, user: str | None, token: str | None):
    """The acting user: by token, or by name for local use of a database one can already write."""
    if token:
        found = store.authenticate(token)
        if found is None:
            raise AuthError("unknown token", code="E401")
        return found
    if user:
        found = store.user(user)
        if found is None:
            raise AuthError(f"no user {user!r}; add one with `ceasefire users add`", code="E401")
        return found
    raise click.UsageError("give --user NAME or --token TOKEN")


ACTING = (
    click.option("--user", default=None, help="Acting user's name."),
    click.option("--token", envvar="CEASEFIRE_TOKEN", default=None, help="Acting user's token."),
    click.option("--reason", required=True, help="Why (kept in the audit log)."),
    DB,
)


def acting(command):
    for option in reversed(ACTING):
        command = option(command)
    return command


def _review(db, user, token, reason, event_id, action, **fields):
    with _open(db) as store:
        event = store.review(event_id, action, _who(store, user, token), reason, **fields)
    click.echo(f"{action}: {event['event_id']} is now {event['review_status']}"
               + (f" (merged into {event['merged_into']})" if event.get("merged_into") else ""))


@review_group.command("list")
@DB
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@filter_options
def review_list(db, limit, offset, **options):
    """Events matching the filters, newest first, one line each."""
    filters = _filters(options)
    with _open(db) as store:
        total = store.count_events(filters)
        for event in store.events(filters, limit=limit, offset=offset):
            click.echo("\t".join(str(event.get(key) or "") for key in (
                "event_id", "event_date", "review_status", "event_type", "sub_event_type", "admin1", "location",
                "actor1", "actor2", "fatalities")))
    click.echo(f"{total} events match", err=True)


@review_group.command("verify")
@click.argument("event_id")
@acting
def review_verify(event_id, user, token, reason, db):
    """Mark an event verified."""
    _review(db, user, token, reason, event_id, "verify")


@review_group.command("reject")
@click.argument("event_id")
@acting
def review_reject(event_id, user, token, reason, db):
    """Mark an event rejected."""
    _review(db, user, token, reason, event_id, "reject")


@review_group.command("merge")
@click.argument("event_id")
@click.option("--into", required=True, help="The event that absorbs EVENT_ID.")
@acting
def review_merge(event_id, into, user, token, reason, db):
    """Merge an event into another one (its mentions, reports and claims move over)."""
    _review(db, user, token, reason, event_id, "merge", into=into)


@review_group.command("split")
@click.argument("event_id")
@click.option("--mention", "mentions", multiple=True, required=True, help="Mention id to move out (repeat).")
@acting
def review_split(event_id, mentions, user, token, reason, db):
    """Move mentions out of an event, each into a new event."""
    _review(db, user, token, reason, event_id, "split", mentions=list(mentions))


@review_group.command("correct")
@click.argument("event_id")
@click.option("--set", "changes", multiple=True, required=True, metavar="FIELD=VALUE",
              help="A field change, e.g. --set fatalities=3 (repeat).")
@acting
def review_correct(event_id, changes, user, token, reason, db):
    """Correct fields of an event (checked against the EVENTS.md types and sub-types)."""
    fields = {}
    for change in changes:
        name, sep, value = change.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{change!r} is not FIELD=VALUE", param_hint="--set")
        fields[name.strip()] = value
    _review(db, user, token, reason, event_id, "correct", **fields)


# --- users and audit ------------------------------------------------------------------------------

@click.group("users")
def users_group():
    """Users and their roles: viewer (reads), analyst (reviews), admin (manages users)."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "analyst", "admin"]), default="analyst", show_default=True)
@click.option("--token", envvar="CEASEFIRE_TOKEN", default=None, help="An admin's token, when acting as one.")
@DB
def users_add(name, role, token, db):
    """Add a user and print their token (shown this once; only its hash is kept)."""
    with _open(db) as store:
        by = _who(store, None, token) if token else None
        new = store.add_user(name, role, by=by)
    click.echo(new)
    click.echo(f"user {name} ({role}) added; keep the token above, it is not shown again", err=True)


@users_group.command("remove")
@click.argument("name")
@click.option("--token", envvar="CEASEFIRE_TOKEN", default=None, help="An admin's token, when acting as one.")
@DB
def users_remove(name, token, db):
    """Remove a user; their token stops working at once (the last admin cannot be removed)."""
    with _open(db) as store:
        by = _who(store, None, token) if token else None
        store.remove_user(name, by=by)
    click.echo(f"user {name} removed", err=True)


@users_group.command("list")
@DB
def users_list(db):
    """Users and roles."""
    with _open(db) as store:
        for user in store.users():
            click.echo(f"{user.name}\t{user.role}")


@click.group("audit")
def audit_group():
    """The hash-chained audit log."""


@audit_group.command("verify")
@DB
def audit_verify(db):
    """Check the chain; exits non-zero when any entry was edited, deleted or reordered."""
    with _open(db) as store:
        report = store.audit_verify()
    click.echo(str(report))
    if not report.ok:
        raise SystemExit(1)


@audit_group.command("log")
@DB
@click.option("--target", default=None, help="Only entries about this event, user or agreement.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def audit_log(db, target, limit, as_json):
    """Newest entries first."""
    with _open(db) as store:
        for entry in store.audit_log(target=target, limit=limit):
            if as_json:
                click.echo(json.dumps(entry, ensure_ascii=False))
            else:
                click.echo(f"{entry['seq']}\t{entry['at']}\t{entry['user']}\t{entry['action']}\t"
                           f"{entry['target'] or ''}\t{json.dumps(entry['payload'], ensure_ascii=False)}")


COMMANDS: list = [ingest_command, export_command, review_group, users_group, audit_group]
