"""`ceasefire` commands of this stage."""
import click  # noqa: F401

COMMANDS: list = []
