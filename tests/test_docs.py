"""Docs are tested: every command is in the README, every record field in docs/events.md."""
from dataclasses import fields
from pathlib import Path

import pytest

from ceasefire.cli import cli
from ceasefire.model import EVENT_TYPES, Event

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
EVENTS_DOC = (REPO / "docs" / "events.md").read_text(encoding="utf-8")


def test_docs_readme_opens_with_the_two_commands():
    block = README.split("```")[1]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make demo", "make test"]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_readme_names_every_command(name):
    assert f"ceasefire {name}" in README


@pytest.mark.parametrize("name", [f.name for f in fields(Event)])
def test_docs_every_event_field_is_documented(name):
    assert f"`{name}`" in EVENTS_DOC


@pytest.mark.parametrize("sub", [s for subs in EVENT_TYPES.values() for s in subs])
def test_docs_every_sub_event_type_is_documented(sub):
    assert f"`{sub}`" in EVENTS_DOC
