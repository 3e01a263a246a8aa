"""Agreements as data: the installed files, the template, and clear errors on bad files."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.assess.agreements import AGREEMENTS_DIR, installed_agreements, load_agreement, read_agreement
from ceasefire.cli import cli
from ceasefire.errors import InputError, ValidationError

TEMPLATE = AGREEMENTS_DIR / "template.yaml"
MINIMAL = """\
id: test-truce
name: Test truce
country: SY
sources:
  - ref: Test statement
start: 2016-03-01
parties:
  - actor: syria-government
    ref: Test statement, §1
excluded:
  - group: un-designated
    ref: Test statement, §2
scope:
  countries: [SY]
  ref: Test statement, §1
prohibited:
  - id: strikes
    label: air strikes
    sub_event_types: [Air/drone strike]
    ref: Test statement, §3
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        read_agreement(write(tmp_path, text))
    return caught.value


def test_agreements_installed_load_and_ids_match_file_names():
    found = installed_agreements()
    assert {"syria-coh-2016", "syria-aleppo-truce-2016-05"} <= set(found)
    assert "template" not in found
    for agreement_id, path in found.items():
        assert read_agreement(path).id == agreement_id == path.stem


def test_agreements_coh_binds_guarantors_and_excludes_designated_groups():
    coh = load_agreement("syria-coh-2016")
    guarantors = {p.actor for p in coh.parties if p.role == "guarantor"}
    assert guarantors == {"russia", "us-coalition"}
    assert {"islamic-state", "nusra"} <= {p.actor for p in coh.excluded}
    assert "un-designated" in {p.group for p in coh.excluded}
    assert {t.id for t in coh.local_truces} >= {"aleppo-calm", "eastern-ghouta-calm"}
    assert str(coh.start) == "2016-02-27"
    every = [*coh.parties, *coh.excluded, coh.scope, *coh.local_truces, *coh.prohibited, *coh.obligations]
    assert all(clause.ref.strip() for clause in every)


def test_agreements_template_is_valid_but_not_installed():
    template = read_agreement(TEMPLATE)
    assert template.id == "example-ceasefire-0000"
    with pytest.raises(InputError):
        load_agreement("example-ceasefire-0000")


def test_agreements_minimal_file_is_valid(tmp_path):
    agreement = read_agreement(write(tmp_path, MINIMAL))
    assert agreement.clause_count == 4


def test_agreements_missing_field_names_file_line_and_field(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("    label: air strikes\n", ""))
    assert error.path.endswith("bad.yaml")
    assert error.field == "prohibited.0.label"
    assert error.line == 17  # the clause's first line: where the field is missing
    assert "bad.yaml:17" in str(error) and "required field is missing" in str(error)


def test_agreements_wrong_type_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("  countries: [SY]", "  countries: SY"))
    assert (error.line, error.field) == (14, "scope.countries")


def test_agreements_unknown_actor_id_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("actor: syria-government", "actor: syria-goverment"))
    assert (error.line, error.field) == (8, "parties.0.actor")
    assert "unknown actor id 'syria-goverment'" in error.message


def test_agreements_unknown_group_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("group: un-designated", "group: designated"))
    assert (error.line, error.field) == (11, "excluded.0.group")


def test_agreements_bad_date_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("start: 2016-03-01", "start: 2016-02-30"))
    assert (error.line, error.field) == (6, "start")


def test_agreements_end_before_start_is_refused(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("start: 2016-03-01", "start: 2016-03-01\nend: 2016-01-01"))
    assert "'end' is before 'start'" in error.message


def test_agreements_unknown_event_type_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("[Air/drone strike]", "[Airstrike]"))
    assert (error.line, error.field) == (19, "prohibited.0.sub_event_types.0")


def test_agreements_unknown_area_names_line(tmp_path):
    text = MINIMAL + "obligations:\n  - id: access\n    label: access\n    areas: [daraya, atlantis]\n    ref: x\n"
    error = error_for(tmp_path, text)
    assert (error.line, error.field, error.code) == (24, "obligations.0.areas.1", "E213")


def test_agreements_unknown_field_is_refused(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("name: Test truce", "name: Test truce\ntitle: oops"))
    assert (error.line, error.field) == (3, "title") and "unknown field" in error.message


def test_agreements_broken_yaml_names_line(tmp_path):
    error = error_for(tmp_path, MINIMAL.replace("  countries: [SY]", "  countries: [SY"))
    assert error.code == "E210" and error.line is not None and error.line >= 14


def test_agreements_cli_lists_shows_and_checks(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(cli, ["agreements"])
    assert listed.exit_code == 0 and "syria-coh-2016" in listed.output and "2016-02-27" in listed.output
    shown = runner.invoke(cli, ["agreements", "show", "syria-coh-2016"])
    assert shown.exit_code == 0 and "UNSC res. 2268" in shown.output and "aleppo-calm" in shown.output
    good = runner.invoke(cli, ["agreements", "check", str(TEMPLATE)])
    assert good.exit_code == 0 and "ok" in good.output


def test_agreements_cli_check_reports_one_line_error(tmp_path):
    path = write(tmp_path, MINIMAL.replace("start: 2016-03-01", "start: March"))
    result = CliRunner().invoke(cli, ["agreements", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:6" in result.output and "field 'start'" in result.output
    assert "Traceback" not in result.output


def test_agreements_cli_unknown_id_is_one_line():
    result = CliRunner().invoke(cli, ["agreements", "show", "no-such-truce"])
    assert result.exit_code == 1 and "E121" in result.output and "syria-coh-2016" in result.output
