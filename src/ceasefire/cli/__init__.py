"""The `ceasefire` command: thin wrappers over the library, one module per stage."""
from __future__ import annotations

import os
import sys

import click

from ceasefire import __version__
from ceasefire.errors import CeasefireError


class CeasefireGroup(click.Group):
    """Turns library errors into one clear line and an exit code; never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CeasefireError as error:
            raise click.ClickException(str(error)) from None
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, KeyboardInterrupt):
            raise
        except Exception as error:  # last resort: a bug, reported without a traceback
            if os.environ.get("CEASEFIRE_DEBUG"):
                raise
            click.echo(f"Error: [E999] internal error: {type(error).__name__}: {error} "
                       "(set CEASEFIRE_DEBUG=1 for details)", err=True)
            sys.exit(1)


@click.group(cls=CeasefireGroup)
@click.version_option(__version__, prog_name="ceasefire")
def cli() -> None:
    """Turn reports about a ceasefire into events, verdicts and an access ledger."""


def _register() -> None:
    from ceasefire.cli import (
        assess_commands, demo_commands, extract_commands, gazetteer_commands, link_commands, serve_commands,
        store_commands,
    )

    for module in (extract_commands, gazetteer_commands, store_commands, link_commands, assess_commands,
                   serve_commands, demo_commands):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
