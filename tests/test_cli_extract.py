"""`ceasefire extract` on good and bad files: one clear line per bad file, the rest extracted."""
import json

from click.testing import CliRunner

from ceasefire.cli import cli

GOOD = "Regime forces shelled Douma on Monday, killing three civilians.\n"


def run(*args, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_cli_extract_single_report_jsonl(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(GOOD, encoding="utf-8")
    result = run("extract", str(report), "--published", "2016-05-03")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 1
    assert events[0]["admin1"] == "Rif Dimashq" and events[0]["event_date"] == "2016-05-02"
    assert events[0]["verdicts"], "the scenario's agreement is applied"


def test_cli_extract_bad_files_are_named_and_the_batch_goes_on(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    (folder / "d_latin1.txt").write_bytes("Les forces ont bombard\xe9 la ville.".encode("latin-1"))
    (folder / "e_large.txt").write_text("word " * 4000, encoding="utf-8")
    monkeypatch.setenv("CEASEFIRE_MAX_INPUT_BYTES", "10000")
    result = run("extract", str(folder), "--published", "2016-05-03")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    for name in ("b_binary.txt", "c_empty.txt", "d_latin1.txt", "e_large.txt"):
        assert sum(name in line for line in errors) == 1, (name, result.stderr)
    assert "Traceback" not in result.output
    assert "4 of 5 documents failed" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["admin1"] for e in events] == ["Rif Dimashq"]


def test_cli_extract_docs_batch_names_the_bad_line(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "text": GOOD, "published": "2016-05-03"}),
        "{not json",
        json.dumps({"id": "c", "text": "Gunmen shot dead a man in Daraa on Sunday.", "published": "2016-05-03"}),
    ]) + "\n", encoding="utf-8")
    result = run("extract", "--docs", str(batch), "--format", "jsonl", "--agreement", "none")
    assert result.exit_code == 1
    assert f"{batch}:2" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted({e["report_id"] for e in events}) == ["a", "c"]
    assert all(e["verdicts"] == [] for e in events)


def test_cli_extract_csv_and_geojson(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(GOOD, encoding="utf-8")
    csv_out = run("extract", str(report), "--published", "2016-05-03", "--format", "csv")
    assert csv_out.exit_code == 0
    header = csv_out.stdout.splitlines()[0]
    assert "event_date" in header and "sub_event_type" in header and "admin1" in header
    geo = json.loads(run("extract", str(report), "--published", "2016-05-03", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1


def test_cli_extract_needs_an_input():
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2
    assert "give a PATH" in result.output
