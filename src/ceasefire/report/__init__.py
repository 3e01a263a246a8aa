"""Situation reports (HTML, PDF) rendered from plain data."""
from __future__ import annotations

from ceasefire.report.situation import Situation


def render_report(situation: Situation, fmt: str = "html") -> bytes:
    """The report as bytes: UTF-8 HTML or a PDF document."""
    if fmt == "html":
        from ceasefire.report.html import render_html

        return render_html(situation).encode("utf-8")
    if fmt == "pdf":
        from ceasefire.report.pdf import render_pdf

        return render_pdf(situation)
    from ceasefire.errors import InputError

    raise InputError(f"unknown report format {fmt!r}; use html or pdf", field="format")


__all__ = ["Situation", "render_report"]
