"""Reading what `ceasefire eval` scores: JSONL rows, the optional list, the rules data, the command."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.errors import InputError, ValidationError
from ceasefire.evaluate import load_jsonl, load_optional, scoring_rules
from ceasefire.evaluate.rules import parse_rules


def test_files_load_jsonl_skips_blank_lines(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"a": 1}\n\n  \n{"a": 2}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"a": 2}]


@pytest.mark.parametrize("bad", ['{"a": 1', "[1, 2]", "not json"])
def test_files_malformed_line_names_file_and_line(tmp_path, bad):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"a": 1}\n\n' + bad + '\n{"a": 2}\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_jsonl(path)
    assert error.value.path == str(path) and error.value.line == 3
    assert str(error.value).startswith(f"{path}:3: [E140]")


def test_files_bad_bytes_name_the_line(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_bytes(b'{"a": 1}\n{"a": "\xff"}\n')
    with pytest.raises(InputError) as error:
        load_jsonl(path)
    assert error.value.line == 2


def test_files_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as error:
        load_jsonl(tmp_path / "absent.jsonl")
    assert "absent.jsonl" in str(error.value)


def test_files_optional_list(tmp_path):
    path = tmp_path / "optional.txt"
    path.write_text("# comment\nIdlib|any\n\nAleppo | Battles  # clashes are fine\n", encoding="utf-8")
    assert load_optional(path) == {("Idlib", "any"), ("Aleppo", "battles")}
    path.write_text("Idlib|any\nAleppo\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_optional(path)
    assert error.value.line == 2


def test_files_rules_pin_spellings_places_and_groups():
    rules = scoring_rules("SY")
    assert rules.admin1_of("Dar'a") == "Daraa" and rules.admin1_of("Idleb Governorate") == "Idlib"
    assert rules.admin1_of("Rural Damascus") == "Rif Dimashq" and rules.admin1_of("Damascus") == "Damascus"
    assert rules.admin1_of("Atlantis") == "atlantis" and rules.admin1_of("") is None
    assert {"kafranbel", "kfar nabel"} <= rules.place_names("Kafr Nabl")
    assert "saraqeb" in rules.place_names("Saraqib") and rules.place_names("Ariha") == {"ariha"}
    groups = {name: rules.actor_group(name) for name in (
        "Military Forces of Syria (2000-)", "4th Armoured Division", "Free Syrian Army", "Civilians (Syria)",
        "Islamic State", "HTS: Hayat Tahrir al-Sham", "Kurdish civilians", "Military Forces of Russia (2000-)",
        "Unidentified Armed Group (Syria)", "Some militia")}
    assert groups == {
        "Military Forces of Syria (2000-)": "SYR", "4th Armoured Division": "SYR", "Free Syrian Army": "REB",
        "Civilians (Syria)": "CIV", "Islamic State": "IS", "HTS: Hayat Tahrir al-Sham": "NUSRA",
        "Kurdish civilians": "SDF", "Military Forces of Russia (2000-)": "RUS",
        "Unidentified Armed Group (Syria)": "UNK", "Some militia": "OTHER:some militia"}
    assert rules.actor_group(None) is None and rules.actor_group("  ") is None
    assert rules.covers("Damascus") == {"Damascus", "Rif Dimashq"} and rules.covers("Hama") == {"Hama"}


def test_files_rules_for_unknown_country_is_an_error():
    with pytest.raises(ValidationError) as error:
        scoring_rules("ZZ")
    assert "ZZ" in str(error.value)


def test_files_bad_rules_file_names_field(tmp_path):
    path = tmp_path / "XX.yaml"
    path.write_text("admin1: {A: [a]}\nactor_groups:\n  - group: X\n    patterns: ['(unclosed']\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        parse_rules(path)
    assert error.value.field == "actor_groups[0].patterns" and str(path) in str(error.value)
    path.write_text("admin1: [A, B]\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        parse_rules(path)
    assert error.value.field == "admin1"


def test_files_eval_command_prints_text_and_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "G1", "doc": "d", "date": "2016-05-10", "type": "Battles",
                                "sub": ["Armed clash"], "actor1": ["SYR"], "actor2": [], "place": "Ariha",
                                "admin1": "Idlib"}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"report_id": "d", "event_date": "2016-05-10", "event_type": "Battles",
                                "admin1": "Idlib", "location": "Ariha"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(gold), str(pred)])
    assert result.exit_code == 0 and "F1 1.000" in result.output
    result = runner.invoke(cli, ["eval", str(gold), str(pred), "--json"])
    assert json.loads(result.output)["matched"] == 1
    pred.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(pred)])
    assert result.exit_code == 1 and f"{pred}:1: [E140]" in result.output and "Traceback" not in result.output
