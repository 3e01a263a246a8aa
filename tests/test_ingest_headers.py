from ceasefire.ingest import read_paths
from ceasefire.ingest.documents import split_header


def test_ingest_headers_give_source_date_title_and_body(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Source: Levant Wire\nPublished: 2016-05-12\nTitle: Convoy turned back\nURL: http://x.example/1\n\n"
                    "The convoy was turned back at the checkpoint.\n", encoding="utf-8")
    (report,) = list(read_paths([path]))
    assert report.source == "Levant Wire"
    assert report.published.isoformat() == "2016-05-12"
    assert report.title == "Convoy turned back"
    assert report.url == "http://x.example/1"
    assert report.text == "The convoy was turned back at the checkpoint.\n"


def test_ingest_headers_plain_text_is_all_body():
    text = "Note: this is prose.\n\nMore prose."
    assert split_header(text) == ({}, text)
    assert split_header("Just one paragraph.") == ({}, "Just one paragraph.")
