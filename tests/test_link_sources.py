"""The outlet registry: owners, aliases, wire credits, and clear errors for a bad file."""
from __future__ import annotations

import pytest

from ceasefire.errors import ValidationError
from ceasefire.link import SourceRegistry, default_registry

FAKES_SOURCES = ("ahram", "alalam", "alaraby", "arabiya", "asharq", "asharqalawsat", "dailysabah", "etilaf",
                 "jordantimes", "manar", "nna", "reuters", "sana", "sputnik", "tass", "trt")


def test_sources_registry_knows_fakes_outlets():
    registry = default_registry()
    unknown = [name for name in FAKES_SOURCES if registry.outlet(name) is None]
    assert unknown == []


def test_sources_one_owner_groups():
    registry = default_registry()
    assert registry.owner_of("SANA") == registry.owner_of("Syrian state TV") == registry.owner_of("sana.sy")
    assert registry.owner_of("manar") == registry.owner_of("Al-Nour") == "hezbollah"
    assert registry.owner_of("alalam") == registry.owner_of("Press TV")
    assert registry.owner_of("sputnik") == registry.owner_of("RIA Novosti")
    assert registry.owner_of("ahram") != registry.owner_of("sana")
    assert registry.owner_of("etilaf") != registry.owner_of("sana")
    assert registry.owner_of("dailysabah") != registry.owner_of("trt")  # private group vs state broadcaster


def test_sources_unknown_outlet_is_its_own_owner():
    registry = default_registry()
    assert registry.outlet("Some Local Blog") is None
    assert registry.owner_of("Some Local Blog") == "source:some local blog"
    assert registry.owner_of(None) is None


def test_sources_outlet_from_url():
    registry = default_registry()
    assert registry.outlet("https://english.ahram.org.eg/NewsContent/2/8/1.aspx").id == "ahram"
    assert registry.outlet("http://www.reuters.com/article/x").id == "reuters"


def test_sources_wire_credits_in_text():
    registry = default_registry()
    assert registry.wires_in("Eleven children were killed, AFP reported.") == {"afp"}
    assert registry.wires_in("the blast (Reuters) -- and the Associated Press said") == {"reuters", "ap"}
    assert registry.wires_in("the map shows an apex of the capital") == set()
    assert registry.wires_in("") == set()


def test_sources_every_outlet_has_known_owner():
    registry = default_registry()
    assert registry.outlets and all(o.owner in registry.owners for o in registry.outlets.values())
    assert {o.id for o in registry.outlets.values() if o.wire} >= {"reuters", "afp", "ap"}


def test_sources_unknown_owner_names_file_line_and_field(tmp_path):
    path = tmp_path / "outlets.yaml"
    path.write_text("owners:\n  a: {name: A, kind: state}\noutlets:\n  - {id: x, name: X, owner: a}\n"
                    "  - {id: y, name: Y, owner: nobody}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        SourceRegistry.load(path)
    message = str(info.value)
    assert f"{path}:5" in message and "unknown owner 'nobody'" in message and "field 'owner'" in message


def test_sources_duplicate_alias_rejected(tmp_path):
    path = tmp_path / "outlets.yaml"
    path.write_text("owners:\n  a: {name: A, kind: state}\noutlets:\n  - {id: x, name: X, owner: a, aliases: [Z]}\n"
                    "  - {id: y, name: Y, owner: a, aliases: [z]}\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="alias 'z' of 'y' already names 'x'"):
        SourceRegistry.load(path)


def test_sources_bad_yaml_and_missing_file(tmp_path):
    path = tmp_path / "outlets.yaml"
    path.write_text("owners: {a: [\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid YAML"):
        SourceRegistry.load(path)
    with pytest.raises(ValidationError, match="cannot read source registry"):
        SourceRegistry.load(tmp_path / "missing.yaml")
