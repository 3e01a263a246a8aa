"""The bundled sample reports keep the header format the plain-text reader expects."""
from __future__ import annotations

import json
import re
from datetime import date

from ceasefire.config import PACKAGE_DATA

SAMPLES = PACKAGE_DATA / "samples"
HEADER = re.compile(r"^(Source|Published|Title|URL): (.+)$")


def test_assess_samples_text_headers():
    texts = sorted(SAMPLES.glob("*.txt"))
    assert len(texts) >= 12
    for path in texts:
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        lines = head.splitlines()
        assert lines[0].startswith("Source: ") and lines[1].startswith("Published: "), path.name
        assert all(HEADER.match(line) for line in lines), path.name
        assert date.fromisoformat(lines[1].split(": ", 1)[1]).year == 2016, path.name
        assert len(body.split()) >= 40, path.name


def test_assess_samples_html_and_batch():
    (page,) = SAMPLES.glob("*.html")
    markup = page.read_text(encoding="utf-8")
    assert '<meta property="article:published_time" content="2016-' in markup and "<title>" in markup
    (batch,) = SAMPLES.glob("*.jsonl")
    docs = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(docs) >= 3
    for doc in docs:
        assert doc["id"] and doc["text"] and date.fromisoformat(doc["published"]).year == 2016


def test_assess_samples_readme_explains_format():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "Source: NAME" in readme and "Published: YYYY-MM-DD" in readme and "written for" in readme
