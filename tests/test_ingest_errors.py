"""Bad input: one clear error naming file and line, and the rest is still read."""
from __future__ import annotations

import json

from ceasefire.errors import InputError
from ceasefire.ingest import read_paths
from ceasefire.model import Event, Report
from test_ingest_readers import ACLED_HEADER, acled_row, write_acled


def _split(items):
    items = list(items)
    errors = [i for i in items if isinstance(i, InputError)]
    return errors, [i for i in items if not isinstance(i, InputError)]


def test_ingest_binary_empty_and_unknown_files_are_errors_and_others_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"text\x00with nul")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.docx").write_bytes(b"whatever")
    (tmp_path / "d.txt").write_text("good one", encoding="utf-8")
    errors, items = _split(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [e.code for e in errors] == ["E102", "E101", "E109", "E112"]
    assert errors[0].path.endswith("a.txt") and errors[0].line == 1
    assert [r.text for r in items] == ["good one"]


def test_ingest_not_utf8_names_the_line(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"line one\nline two \xff\xfe bad\n")
    [error] = list(read_paths([tmp_path / "a.txt"]))
    assert isinstance(error, InputError) and error.code == "E103" and error.line == 2
    assert "a.txt:2" in str(error)


def test_ingest_size_limit_applies_per_document(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    lines = [json.dumps({"id": "small", "text": "ok"}), json.dumps({"id": "big", "text": "y" * 300})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors, items = _split(read_paths([tmp_path / "big.txt", tmp_path / "batch.jsonl"], max_bytes=100))
    assert [(e.code, e.line) for e in errors] == [("E104", None), ("E104", 2)]
    assert [r.id for r in items] == ["small"]


def test_ingest_malformed_and_truncated_jsonl_lines_name_their_line(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(
        b'{"id": "1", "text": "one"}\n{"id": "2", "text": \n[1, 2]\n{"id": "4"}\n'
        b'{"id": "5", "text": "five", "published": "last week"}\n{"id": "6", "text": "bad \xff"}\n'
        b'{"id": "7", "text": "seven"}\n{"id": "8", "text": "trunc')
    errors, items = _split(read_paths([tmp_path / "a.jsonl"]))
    assert [(e.code, e.line, e.field) for e in errors] == [
        ("E105", 2, None), ("E105", 3, None), ("E106", 4, "text"), ("E108", 5, "published"),
        ("E103", 6, None), ("E105", 8, None)]
    assert "truncated" in str(errors[-1])
    assert [r.id for r in items] == ["1", "7"]


def test_ingest_broken_csv_row_is_an_error_and_other_rows_are_stored(tmp_path):
    path = tmp_path / "acled.csv"
    write_acled(path, [acled_row(1), acled_row(2), acled_row(3, event_date="31-Foo-20"),
                       acled_row(4, event_type="Battles", sub_event_type="Air/drone strike"), acled_row(5)])
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "7000,760,SYR2,short row"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors, items = _split(read_paths([path]))
    assert [(e.code, e.line, e.field) for e in errors] == [
        ("E107", 3, None), ("E108", 4, "event_date"), ("E108", 5, "sub_event_type")]
    assert str(errors[0]).startswith(f"{path}:3: [E107]")
    assert [e.event_id for e in items if isinstance(e, Event)] == ["SYR1", "SYR5"]


def test_ingest_bad_encoding_in_one_csv_row_names_row_and_field(tmp_path):
    path = tmp_path / "acled.csv"
    write_acled(path, [acled_row(1), acled_row(2, location="PLACEHOLDER"), acled_row(3)])
    path.write_bytes(path.read_bytes().replace(b"PLACEHOLDER", b"Bar\xe9"))
    errors, items = _split(read_paths([path]))
    assert [(e.code, e.line, e.field) for e in errors] == [("E103", 3, "location")]
    assert [e.event_id for e in items if isinstance(e, Event)] == ["SYR1", "SYR3"]


def test_ingest_truncated_csv_is_an_error_at_its_last_line(tmp_path):
    path = tmp_path / "acled.csv"
    write_acled(path, [acled_row(1), acled_row(2, notes='He said "hold", then'), acled_row(3)])
    data = path.read_bytes()
    cut = data[: data.rindex(b'"On 9 May') + 5]  # in the notes of the last row: open quote never closed
    path.write_bytes(cut)
    errors, items = _split(read_paths([path]))
    assert [(e.code, e.line) for e in errors] == [("E107", 4)]
    assert [e.event_id for e in items if isinstance(e, Event)] == ["SYR1", "SYR2"]


def test_ingest_csv_of_unknown_dataset_names_the_header(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    [error] = list(read_paths([tmp_path / "x.csv"]))
    assert (error.code, error.line) == ("E111", 1)


def test_ingest_truncated_pdf_is_an_error(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    [error] = list(read_paths([tmp_path / "a.pdf"]))
    assert isinstance(error, InputError) and error.code in ("E110", "E101")


def test_ingest_header_only_csv_gives_nothing_and_no_error(tmp_path):
    (tmp_path / "a.csv").write_text(",".join(ACLED_HEADER) + "\n", encoding="utf-8")
    assert list(read_paths([tmp_path / "a.csv"])) == []
    assert not any(isinstance(i, Report) for i in read_paths([tmp_path / "a.csv"]))
