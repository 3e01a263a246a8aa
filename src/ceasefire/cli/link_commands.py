"""`ceasefire link`: stateless, mentions JSONL in, linked events JSONL out."""
from __future__ import annotations

import sys

import click


@click.command()
@click.argument("events", type=click.Path(dir_okay=False))
@click.option("--docs", type=click.Path(dir_okay=False),
              help="The input documents batch, to take each report's source from when events lack one.")
@click.option("--sources", "registry_path", type=click.Path(dir_okay=False),
              help="An outlet registry YAML instead of the packaged one.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def link(events, docs, registry_path, output):
    """Link event mentions (EVENTS: JSONL from `ceasefire extract`) across reports.

    Prints one linked event per line: the merged record with every source's claims, plus
    `mention_ids`, `independent_sources` and `link_reasons`.
    """
    from ceasefire.link import SourceRegistry, link_mentions
    from ceasefire.link.jsonl import read_events, read_sources, write_linked

    registry = SourceRegistry.load(registry_path) if registry_path else None
    mentions = list(read_events(events, read_sources(docs) if docs else None))
    linked = link_mentions(mentions, registry)
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        write_linked(linked, handle)
    finally:
        if output:
            handle.close()
    click.echo(f"{len(mentions)} mentions -> {len(linked)} events", err=True)


COMMANDS: list = [link]
