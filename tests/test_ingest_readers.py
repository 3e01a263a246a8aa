"""Readers: each format in, Reports and Events out, deterministic order."""
from __future__ import annotations

import csv
import io
import json
import sys


from ceasefire.errors import InputError
from ceasefire.ingest import ImportedEvent, read_paths, readers
from ceasefire.ingest.documents import plain_letters
from ceasefire.model import Event, Report

ACLED_HEADER = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
]


def acled_row(number: int, **changes: str) -> dict[str, str]:
    """One ACLED-shaped row (made up, in ACLED's spelling)."""
    row = dict.fromkeys(ACLED_HEADER, "")
    row.update({
        "data_id": str(9000000 + number), "iso": "760", "event_id_cnty": f"SYR{number}",
        "event_id_no_cnty": str(number), "event_date": "9-May-20", "year": "2020", "time_precision": "1",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Syria (2000-)", "inter1": "1", "inter2": "0", "interaction": "10",
        "region": "Middle East", "country": "Syria", "admin1": "Idleb", "admin2": "Ariha", "admin3": "Ariha",
        "location": "Bara", "latitude": "35.686", "longitude": "36.5424", "geo_precision": "1",
        "source": "SOHR", "source_scale": "Other", "notes": f"On 9 May 2020, forces shelled Bara ({number}).",
        "fatalities": "0", "timestamp": "1589243119", "iso3": "SYR",
    })
    row.update(changes)
    return row


def write_acled(path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_HEADER)
        writer.writeheader()
        writer.writerows(rows)


def test_ingest_text_file_is_one_report_named_by_content_hash(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit Douma.\nTwo killed.", encoding="utf-8")
    [report] = list(read_paths([tmp_path / "a.txt"]))
    assert isinstance(report, Report)
    assert report.text == "Shelling hit Douma.\nTwo killed."
    assert report.id == report.sha256[:16]
    assert report.path.endswith("a.txt")


def test_ingest_html_keeps_visible_text_title_and_published_date(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Strikes on Aleppo</title><meta property='article:published_time' "
        "content='2016-09-20T10:00:00Z'><style>p{color:red}</style></head><body><script>var x=1;</script>"
        "<p>Air strikes hit <b>eastern Aleppo</b> &amp; its countryside.</p><p>Five died.</p></body></html>",
        encoding="utf-8")
    [report] = list(read_paths([tmp_path / "a.html"]))
    assert report.title == "Strikes on Aleppo"
    assert report.published.isoformat() == "2016-09-20"
    assert report.text == "Air strikes hit eastern Aleppo & its countryside.\n\nFive died."  # a block per paragraph


def test_ingest_html_time_tag_gives_published_date(tmp_path):
    (tmp_path / "b.htm").write_text("<p>Clashes.</p><time datetime='2016-03-01'>1 March</time>", encoding="utf-8")
    [report] = list(read_paths([tmp_path / "b.htm"]))
    assert report.published.isoformat() == "2016-03-01"


def test_ingest_pdf_text_is_extracted(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["pdf.fonttype"] = 42
    figure = plt.figure()
    figure.text(0.1, 0.5, "Shelling hit Douma on 3 May 2016.")
    figure.savefig(tmp_path / "a.pdf")
    plt.close(figure)
    [report] = list(read_paths([tmp_path / "a.pdf"]))
    assert isinstance(report, Report)
    assert "Shelling hit Douma on 3 May 2016." in report.text


def test_ingest_pdf_ligatures_and_shaped_arabic_read_back_as_letters(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["pdf.fonttype"] = 42
    figure = plt.figure()
    figure.text(0.1, 0.6, "Heavy \ufb01ghting near the air\ufb01eld; families \ufb02ed.")
    figure.text(0.1, 0.4, "\ufed7\ufebc\ufed2 \ufea3\ufee0\ufe90")  # shaped forms of "قصف حلب"
    figure.savefig(tmp_path / "a.pdf")
    plt.close(figure)
    [report] = list(read_paths([tmp_path / "a.pdf"]))
    assert "Heavy fighting near the airfield; families fled." in report.text
    assert "\u0642\u0635\u0641" in report.text and "\u062d\u0644\u0628" in report.text  # words; order is pypdf's
    assert not any("\ufb00" <= char <= "\ufefe" for char in report.text)


def test_plain_letters_leaves_other_characters_alone():
    text = "Killed: ٢٠ ½ “quoted” Ⅻ ² – done"
    assert plain_letters(text) == text


def test_ingest_jsonl_lines_are_reports_with_their_fields(tmp_path):
    rows = [{"id": "r1", "text": "Clashes in Daraa.", "published": "2016-05-02", "title": "T", "source": "S",
             "url": "http://x"}, {"text": "No id here."}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = list(read_paths([tmp_path / "b.jsonl"]))
    assert (first.id, first.published.isoformat(), first.title, first.source, first.url) == \
        ("r1", "2016-05-02", "T", "S", "http://x")
    assert second.id == second.sha256[:16]


def test_ingest_acled_rows_become_events_and_notes_reports(tmp_path):
    write_acled(tmp_path / "acled.csv", [
        acled_row(1), acled_row(2, event_date="09 May 2020", time_precision="2", fatalities="4", notes=""),
        acled_row(3, event_date="2020-05-11", time_precision="3"),
    ])
    items = list(read_paths([tmp_path / "acled.csv"]))
    events = [i for i in items if isinstance(i, Event)]
    reports = [i for i in items if isinstance(i, Report)]
    assert [e.event_id for e in events] == ["SYR1", "SYR2", "SYR3"]
    assert [e.event_date for e in events] == ["2020-05-09", "2020-05-09", "2020-05-11"]
    assert [e.date_precision for e in events] == ["day", "week", "month"]
    assert events[1].fatalities == 4 and events[0].latitude == 35.686
    assert events[0].notes == reports[0].text and events[0].source == "SOHR"
    assert events[0].evidence[0]["report_id"] == reports[0].id == "SYR1"
    assert [r.id for r in reports] == ["SYR1", "SYR3"]  # row 2 has no notes
    assert isinstance(events[0], ImportedEvent) and events[0].source_row["data_id"] == "9000001"


def test_ingest_ucdp_rows_map_violence_types_and_keep_low_high(tmp_path):
    header = ["id", "relid", "year", "type_of_violence", "side_a", "side_b", "date_start", "date_end", "best",
              "low", "high", "latitude", "longitude", "adm_1", "where_coordinates", "where_prec", "country",
              "source_article", "source_headline"]
    rows = [
        ["101", "SYR-1", "2016", "1", "Government of Syria", "Syrian insurgents", "2016-05-02", "2016-05-02",
         "7", "5", "12", "36.2", "37.1", "Aleppo governorate", "Aleppo town", "1", "Syria", "AFP 2016-05-03",
         "Clashes in Aleppo"],
        ["102", "SYR-2", "2016", "3", "IS", "Civilians", "2016-05-01", "2016-05-20", "3", "3", "3", "", "", "",
         "", "", "Syria", "", ""],
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    (tmp_path / "ged.csv").write_text(buffer.getvalue(), encoding="utf-8")
    items = list(read_paths([tmp_path / "ged.csv"]))
    events = [i for i in items if isinstance(i, Event)]
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Battles", "Armed clash"), ("Violence against civilians", "Attack")]
    assert events[0].fatalities == 7
    assert events[0].claims[0]["fatalities_low"] == 5 and events[0].claims[0]["fatalities_high"] == 12
    assert events[0].actor1 == "Government of Syria" and events[0].location == "Aleppo town"
    assert events[1].date_precision == "month" and events[1].latitude is None
    assert sum(isinstance(i, Report) for i in items) == 1


def test_ingest_folders_are_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("third", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text("second", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped dotfile", encoding="utf-8")
    texts = [r.text for r in read_paths([tmp_path])]
    assert texts == ["first", "second", "third"]
    assert texts == [r.text for r in read_paths([tmp_path])]


def test_ingest_stdin_is_sniffed(monkeypatch):
    data = json.dumps({"id": "s1", "text": "From stdin."}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [report] = list(read_paths(["-"]))
    assert report.id == "s1" and report.path == "<stdin>:1"


def test_ingest_readers_are_registered_through_the_hook():
    names = {reader.name for reader in readers()}
    assert {"text", "html", "pdf", "jsonl", "acled-csv", "ucdp-ged-csv"} <= names


def test_ingest_shared_acled_dev_rows_all_read(shared_data):
    items = list(read_paths([shared_data / "acled_syria_dev.csv"]))
    assert not [i for i in items if isinstance(i, InputError)]
    with open(shared_data / "acled_syria_dev.csv", encoding="utf-8") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    assert sum(isinstance(i, Event) for i in items) == rows


def test_report_named_by_content_and_hashed_once_per_text():
    from ceasefire.model import Report, content_hash

    report = Report.named_by_content("Shelling hit Aleppo.", title="t")
    assert report.id == content_hash("Shelling hit Aleppo.")[:16] and report.title == "t"
    assert report.sha256 == content_hash("Shelling hit Aleppo.")
    report.text = "Shelling hit Idlib."
    assert report.sha256 == content_hash("Shelling hit Idlib.")  # a new text, a new hash
