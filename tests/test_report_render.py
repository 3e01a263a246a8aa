"""Situation reports render from plain data, with no store and no network."""
from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from ceasefire.errors import InputError
from ceasefire.report import Situation, render_report


def _event(event_id, day, status, fatalities, *, location="Darayya", admin1="Rif Dimashq", sentence=None):
    return {
        "event_id": event_id, "event_date": day, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia", "actor2": "Civilians (Syria)",
        "location": location, "admin1": admin1, "fatalities": fatalities,
        "verdicts": [{"agreement": "cohs", "status": status, "reason": "test"}] if status else [],
        "evidence": [{"report_id": f"r-{event_id}", "sentence": sentence or f"Jets struck {location}."}],
    }


@pytest.fixture
def situation() -> Situation:
    events = [
        _event("e1", "2016-02-28", "violation", 7, sentence="Jets struck <script>alert(1)</script> Darayya."),
        _event("e2", "2016-02-28", "violation", 3, location="Douma"),
        _event("e3", "2016-03-02", "excluded", 40, location="Palmyra", admin1="Homs"),
        _event("e4", "2016-03-03", None, None, location="Idlib", admin1="Idlib"),
    ]
    return Situation(
        agreement={"id": "cohs", "name": "Cessation of Hostilities"}, date_from=date(2016, 2, 27),
        date_to=date(2016, 3, 4), events=events,
        by_party=[{"key": "Military Forces of Russia", "violations": 2, "excluded": 0, "events": 2, "fatalities": 10}],
        by_admin1=[{"key": "Rif Dimashq", "violations": 2, "events": 2, "fatalities": 10}],
        access=[{"area": "madaya", "name": "Madaya", "admin1": "Rif Dimashq", "status": "besieged", "population": 40000}],
    )


def test_report_headline_counts_violations_and_deaths(situation):
    headline = dict(situation.headline())
    assert headline["Events recorded"] == 4
    assert headline["Violations"] == 2
    assert headline["Deaths in violations"] == 10
    assert headline["All reported deaths"] == 50
    assert headline["Besieged areas"] == 1


def test_report_violations_per_day_covers_every_day(situation):
    days = situation.violations_per_day()
    assert len(days) == 7
    assert days[0] == (date(2016, 2, 27), 0)
    assert days[1] == (date(2016, 2, 28), 2)


def test_report_notable_puts_violations_first(situation):
    assert [e["event_id"] for e in situation.notable()][:3] == ["e1", "e2", "e3"]


def test_report_html_escapes_report_text(situation):
    html = render_report(situation, "html").decode("utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert "<svg" in html  # the chart is inlined
    assert "Madaya" in html and "Military Forces of Russia" in html
    assert "http://" not in html.split("<svg", 1)[0]  # nothing fetched from outside before the chart


def test_report_pdf_has_sections_and_sources(situation):
    pdf = pypdf.PdfReader(io.BytesIO(render_report(situation, "pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for heading in ("HEADLINE", "VIOLATIONS PER DAY", "TALLIES BY PARTY", "TALLIES BY GOVERNORATE",
                    "HUMANITARIAN ACCESS", "NOTABLE INCIDENTS"):
        assert heading in text
    assert "Jets struck Douma." in text
    assert "Madaya" in text


def test_report_empty_period_still_renders():
    empty = Situation(agreement={"id": "x"}, date_from=date(2020, 1, 1), date_to=date(2020, 1, 1), events=[])
    assert "No incidents in this period." in render_report(empty, "html").decode("utf-8")
    assert render_report(empty, "pdf").startswith(b"%PDF")


def test_report_unknown_format_is_an_input_error(situation):
    with pytest.raises(InputError, match="unknown report format"):
        render_report(situation, "docx")


def test_report_tally_table_orders_by_violations():
    from ceasefire.report.situation import tally_table

    header, body = tally_table([
        {"key": "A", "events": 5, "none": 5},
        {"key": "B", "events": 3, "violations": 2, "excluded": 1, "fatalities": 7},
    ])
    assert header[0] == "" and header[-2:] == ["events", "deaths"]
    assert body[0] == ["B", 2, 1, 0, 0, 0, 0, 3, 7]
    assert body[1][0] == "A"
