"""`ceasefire report` against a real SQLite store: HTML and PDF files, and clear errors."""
from __future__ import annotations

import pypdf
import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.store import Store
from ceasefire.web.demo import build_demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "demo.db"
    with Store.open(f"sqlite:///{path}") as store:
        build_demo(store)
    return str(path)


def _report(demo_db, out, *extra):
    return CliRunner().invoke(cli, ["report", "--agreement", "syria-coh-2016", "--from", "2016-02-27",
                                    "--to", "2016-03-15", "--db", demo_db, "-o", str(out), *extra])


def test_report_cli_writes_html(demo_db, tmp_path):
    result = _report(demo_db, tmp_path / "week.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "week.html").read_text(encoding="utf-8")
    assert "Cessation of Hostilities" in html and "Madaya" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert "17 violations" in result.output


def test_report_cli_writes_pdf(demo_db, tmp_path):
    result = _report(demo_db, tmp_path / "week.pdf", "--format", "pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "week.pdf").pages)
    assert "NOTABLE INCIDENTS" in text and "Daraya" in text


def test_report_cli_unknown_agreement_is_one_line(demo_db, tmp_path):
    result = CliRunner().invoke(cli, ["report", "--agreement", "nope", "--from", "2016-03-01", "--to", "2016-03-02",
                                      "--db", demo_db, "-o", str(tmp_path / "x.html")])
    assert result.exit_code != 0
    assert "[E121] no agreement 'nope'" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.html").exists()
