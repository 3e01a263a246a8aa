"""`ceasefire assess`: a filter on JSONL streams and files, and on the store with --db."""
from __future__ import annotations

import json

from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.model import Event

RUSSIA = "Military Forces of Russia (2000-)"


def rows():
    return [
        Event("2016-05-23", "Explosions/Remote violence", "Air/drone strike", actor1=RUSSIA, location="Aleppo",
              admin1="Aleppo", country="Syria", report_id="r1", fatalities=3),
        Event("2016-05-23", "Explosions/Remote violence", "Suicide bomb", actor1="Islamic State", location="Jableh",
              admin1="Latakia", country="Syria", report_id="r2", fatalities=140),
        Event("2016-05-12", "Humanitarian access", "Aid blocked", actor1="Military Forces of Syria (2000-)",
              location="Daraya", admin1="Rif Dimashq", country="Syria", report_id="r3"),
    ]


def jsonl(events) -> str:
    return "".join(json.dumps(e.to_dict()) + "\n" for e in events)


def test_assess_cli_filters_stdin_jsonl():
    result = CliRunner().invoke(cli, ["assess", "--agreement", "syria-coh-2016"], input=jsonl(rows()))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [row["verdicts"][0]["status"] for row in out] == ["violation", "excluded", "access_denied"]
    assert [row["event_id"] for row in out] == [e.event_id for e in rows()]
    assert all(row["fatalities"] == e.fatalities for row, e in zip(out, rows()))


def test_assess_cli_file_argument_and_table(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(rows()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["assess", "--agreement", "syria-coh-2016", "--format", "table", str(path)])
    assert result.exit_code == 0, result.output
    assert "access_denied" in result.output and "excluded" in result.output


def test_assess_cli_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "events.jsonl"
    bad = jsonl(rows()[:1]) + '{"event_date": "2016-05-01", "sub_event_type": "Airstrike"}\n'
    path.write_text(bad, encoding="utf-8")
    result = CliRunner().invoke(cli, ["assess", "--agreement", "syria-coh-2016", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2" in result.output and "sub_event_type" in result.output and "E120" in result.output
    assert "Traceback" not in result.output


def test_assess_cli_not_json_is_one_line():
    result = CliRunner().invoke(cli, ["assess", "--agreement", "syria-coh-2016"], input="{oops\n")
    assert result.exit_code == 1 and "<stdin>:1" in result.output and "Traceback" not in result.output


def test_assess_cli_unknown_agreement():
    result = CliRunner().invoke(cli, ["assess", "--agreement", "nope"], input="")
    assert result.exit_code == 1 and "E121" in result.output


def test_assess_cli_db_stores_verdicts_and_tally_reads_them(db_url):
    from ceasefire.store import Store

    with Store.open(db_url) as store:
        for event in rows():
            store.add_mentions(event.report_id, [event])
        before = store.count_events()
    runner = CliRunner()
    result = runner.invoke(cli, ["assess", "--agreement", "syria-coh-2016", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "3 events assessed" in result.output
    with Store.open(db_url) as store:
        stored = sorted(v["status"] for v in store.verdicts(agreement="syria-coh-2016"))
        assert store.count_events() == before
    assert stored == ["access_denied", "excluded", "violation"]
    again = runner.invoke(cli, ["assess", "--agreement", "syria-coh-2016", "--db", db_url])
    assert again.exit_code == 0
    with Store.open(db_url) as store:
        assert len(store.verdicts(agreement="syria-coh-2016")) == 3
    tallied = runner.invoke(cli, ["tally", "--agreement", "syria-coh-2016", "--by", "party", "--format", "json",
                                  "--db", db_url])
    assert tallied.exit_code == 0, tallied.output
    result = json.loads(tallied.output)
    assert result["totals"]["violations"] == 1 and result["totals"]["excluded"] == 1
    assert {row["key"] for row in result["rows"]} == {RUSSIA, "Islamic State", "Military Forces of Syria (2000-)"}
    access = runner.invoke(cli, ["access", "--format", "json", "--db", db_url])
    assert access.exit_code == 0, access.output
    daraya = next(line for line in json.loads(access.output) if line["area"] == "daraya")
    assert daraya["blocked"] == 1
