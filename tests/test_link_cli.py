"""`ceasefire link`: events JSONL in, linked events JSONL out, one clear line for bad input."""
from __future__ import annotations

import json

from click.testing import CliRunner
from test_link_mentions import mention

from ceasefire.cli import cli


def write_events(path, events) -> None:
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events), encoding="utf-8")


def test_cli_link_merges_and_reports_claims(tmp_path):
    events = tmp_path / "events.jsonl"
    a, b = mention("r1", fatalities=12), mention("r2", fatalities=40)
    a.source = b.source = None
    write_events(events, [a, b, mention("r3", day="2016-08-30")])
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "r1", "text": "x", "source": "sana"}) + "\n"
                    + json.dumps({"id": "r2", "text": "y", "source": "etilaf"}) + "\n", encoding="utf-8")
    out = tmp_path / "linked.jsonl"
    result = CliRunner().invoke(cli, ["link", str(events), "--docs", str(docs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    merged = next(r for r in rows if len(r["mention_ids"]) == 2)
    assert merged["report_ids"] == ["r1", "r2"]
    assert {c["source"] for c in merged["claims"]} == {"sana", "etilaf"}
    assert merged["independent_sources"] == 2 and merged["fatalities"] == 26
    assert merged["link_reasons"] and "3 mentions -> 2 events" in result.output


def test_cli_link_bad_line_names_file_line_and_field(tmp_path):
    events = tmp_path / "events.jsonl"
    good = json.dumps(mention("r1").to_dict())
    bad = mention("r2").to_dict()
    bad["sub_event_type"] = "Armed clash"
    events.write_text(good + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["link", str(events)])
    assert result.exit_code == 1
    assert f"{events}:2" in result.output and "field 'sub_event_type'" in result.output
    assert "Traceback" not in result.output


def test_cli_link_not_json(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["link", str(events)])
    assert result.exit_code == 1 and f"{events}:1" in result.output and "not JSON" in result.output
