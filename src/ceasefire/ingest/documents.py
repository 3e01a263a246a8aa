"""Whole-file documents: plain text, HTML and PDF, each one Report."""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from ceasefire.ingest.errors import E101, E103, E110, input_error
from ceasefire.ingest.hookspecs import Item, Reader, Source, hookimpl
from ceasefire.model import Report


def decode(source: Source, data: bytes) -> str | Item:
    """UTF-8 text, or an InputError naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return input_error(E103, source.name, line, f"byte 0x{data[error.start]:02x} at offset {error.start}")


def _whole_text(source: Source) -> str | Item:
    with source.open() as handle:
        return decode(source, handle.read())


HEADER_FIELDS = {"source": "source", "published": "published", "date": "published", "title": "title",
                 "url": "url", "link": "url"}
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*?)\s*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A leading block of `Source:`, `Published:`, `Title:`, `URL:` lines, ended by a blank line,
    is the report's metadata; the rest is its body. Text without such a block is all body."""
    head, sep, body = text.lstrip("\ufeff").partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        match = HEADER_LINE.match(line)
        key = match and HEADER_FIELDS.get(match.group("key").lower())
        if not key:
            return {}, text
        fields[key] = match.group("value")
    return (fields, body) if sep and fields else ({}, text)


def read_text(source: Source) -> Iterator[Item]:
    text = _whole_text(source)
    if not isinstance(text, str):
        yield text
        return
    fields, body = split_header(text)
    if not body.strip():
        yield input_error(E101, source.name, None, "only whitespace")
        return
    title = fields.get("title") or body.strip().splitlines()[0].lstrip("# ").strip()[:200]
    yield Report.named_by_content(body, title=title or None, path=source.name,
                                  source=fields.get("source") or None, url=fields.get("url") or None,
                                  published=parse_published(fields.get("published")))


class _VisibleText(HTMLParser):
    """Collects visible text, the <title> and a published date from meta/time tags."""

    HIDDEN = {"script", "style", "noscript", "template", "head", "svg"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "blockquote", "pre", "ul", "ol", "table", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.published: str | None = None
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and values.get("property", values.get("name", "")) in (
                "article:published_time", "datePublished", "date", "pubdate"):
            self.published = self.published or values.get("content")
        elif tag == "time" and values.get("datetime"):
            self.published = self.published or values["datetime"]
        if tag == "title":
            self._in_title = True
        elif tag in self.HIDDEN:
            self._hidden += 1
        if tag in self.BLOCKS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def text(self) -> str:
        """The visible text: one paragraph per block element (p, li, h1 ...), a blank line between
        them, so that a block always ends a sentence; <br> breaks a line within one."""
        paragraphs = []
        for block in re.split(r"\n[ \t\r\f\v]*\n", "".join(self.parts)):
            lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in block.split("\n"))
            paragraph = "\n".join(line for line in lines if line)
            if paragraph:
                paragraphs.append(paragraph)
        return "\n\n".join(paragraphs)


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_html(source: Source) -> Iterator[Item]:
    markup = _whole_text(source)
    if not isinstance(markup, str):
        yield markup
        return
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = parser.text()
    if not text:
        yield input_error(E101, source.name, None, "no visible text")
        return
    title = " ".join("".join(parser.title).split()) or None
    yield Report.named_by_content(text, title=title, published=parse_published(parser.published),
                                  path=source.name)


# Glyphs a PDF font draws in place of letters: Latin ligatures ("ﬁ") and Arabic letters in their
# shaped forms. Triggers, names and numbers are read by their letters, so a PDF's text gets these back.
PRESENTATION_FORMS = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefe]+")


def plain_letters(text: str) -> str:
    """'ﬁghting' -> 'fighting', 'ﻗﺼﻒ' -> 'قصف'; every other character as it was."""
    return PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)


def read_pdf(source: Source) -> Iterator[Item]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    with source.open() as handle:
        data = handle.read()
    try:
        pdf = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in pdf.pages]
        title = (pdf.metadata.title if pdf.metadata else None) or None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as error:
        yield input_error(E110, source.name, None, f"PDF: {type(error).__name__}: {error}")
        return
    text = plain_letters("\n\n".join(page.strip() for page in pages if page.strip()))
    if not text:
        yield input_error(E101, source.name, None, "PDF has no extractable text")
        return
    yield Report.named_by_content(text, title=str(title) if title else None, path=source.name)


@hookimpl
def ceasefire_readers() -> list[Reader]:
    return [
        Reader("text", (".txt", ".md", ".text"), read_text),
        Reader("html", (".html", ".htm"), read_html),
        Reader("pdf", (".pdf",), read_pdf, text=False),
    ]
