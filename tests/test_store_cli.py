"""The CLI: ingest, export, review, users and audit, driven through click."""
from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from ceasefire.cli import cli
from test_ingest_readers import acled_row, write_acled


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_store_cli_ingest_lists_bad_lines_stores_the_rest_and_fails(tmp_path):
    db = str(tmp_path / "c.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text('{"id": "1", "text": "One."}\n{"id": "2", "text": \n'
                                             '{"id": "3", "text": "Three."}\n', encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01")
    result = _run("ingest", str(tmp_path / "in"), "--db", db, "--no-extract")
    assert result.exit_code == 1
    assert f"{tmp_path / 'in' / 'a.jsonl'}:2: [E105]" in result.output
    assert f"{tmp_path / 'in' / 'b.txt'}:1: [E102]" in result.output
    assert "2 reports stored" in result.output and "2 input error(s)" in result.output
    assert "Traceback" not in result.output
    again = _run("ingest", str(tmp_path / "in" / "a.jsonl"), "--db", db, "--no-extract")
    assert "0 reports stored (2 already stored)" in again.output


def test_store_cli_review_users_audit_and_export(tmp_path):
    db = str(tmp_path / "c.db")
    write_acled(tmp_path / "a.csv", [acled_row(1), acled_row(2, admin1="Aleppo")])
    assert _run("ingest", str(tmp_path / "a.csv"), "--db", db).exit_code == 0
    added = _run("users", "add", "ana", "--role", "analyst", "--db", db)
    token = added.output.splitlines()[0]
    assert added.exit_code == 0 and token.startswith("cf_")
    viewer = _run("users", "add", "vic", "--role", "viewer", "--db", db).output.splitlines()[0]
    assert _run("users", "list", "--db", db).output == "ana\tanalyst\nvic\tviewer\n"

    done = _run("review", "verify", "SYR1", "--token", token, "--reason", "seen", "--db", db)
    assert done.exit_code == 0 and "verified" in done.output
    refused = _run("review", "reject", "SYR1", "--token", viewer, "--reason", "no", "--db", db)
    assert refused.exit_code == 1 and "[E402]" in refused.output
    fixed = _run("review", "correct", "SYR2", "--set", "fatalities=2", "--user", "ana", "--reason", "r", "--db", db)
    assert fixed.exit_code == 0
    bad = _run("review", "correct", "SYR2", "--set", "sub_event_type=Riot", "--user", "ana", "--reason", "r",
               "--db", db)
    assert bad.exit_code == 1 and "field 'sub_event_type'" in bad.output
    listed = _run("review", "list", "--review-status", "verified", "--db", db)
    assert listed.output.split("\t")[0] == "SYR1"

    exported = _run("export", "--format", "jsonl", "--admin1", "Aleppo", "--db", db)
    [line] = [json.loads(x) for x in exported.output.splitlines() if x.startswith("{")]
    assert (line["event_id"], line["fatalities"]) == ("SYR2", 2)
    out = tmp_path / "e.csv"
    assert _run("export", "--format", "acled-csv", "-o", str(out), "--db", db).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 3

    log = _run("audit", "log", "--json", "--db", db)
    actions = [json.loads(x)["action"] for x in log.output.splitlines()]
    assert actions == ["review.correct", "review.verify", "users.add", "users.add", "ingest"]
    assert _run("audit", "verify", "--db", db).exit_code == 0
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET user = 'mallory' WHERE seq = 4"))
    engine.dispose()
    tampered = _run("audit", "verify", "--db", db)
    assert tampered.exit_code == 1 and "TAMPERED" in tampered.output and "seq 4" in tampered.output


def test_store_cli_review_needs_a_known_user(tmp_path):
    db = str(tmp_path / "c.db")
    result = _run("review", "verify", "x", "--user", "nobody", "--reason", "r", "--db", db)
    assert result.exit_code == 1 and "[E401]" in result.output


def test_store_cli_users_remove_revokes_a_token(tmp_path):
    db = str(tmp_path / "u.db")
    admin = _run("users", "add", "root", "--role", "admin", "--db", db).output.splitlines()[0]
    viewer = _run("users", "add", "vic", "--role", "viewer", "--token", admin, "--db", db).output.splitlines()[0]
    refused = _run("users", "remove", "root", "--token", viewer, "--db", db)
    assert refused.exit_code == 1 and "[E402]" in refused.output and "Traceback" not in refused.output
    assert _run("users", "remove", "vic", "--token", admin, "--db", db).exit_code == 0
    assert _run("users", "list", "--db", db).output == "root\tadmin\n"
    last = _run("users", "remove", "root", "--db", db)
    assert last.exit_code == 1 and "[E405]" in last.output and "last admin" in last.output
