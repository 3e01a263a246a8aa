"""The situation report as one self-contained HTML page (chart inlined as SVG)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ceasefire.report.chart import violations_chart
from ceasefire.report.situation import Situation, access_table, sources_of, tally_table

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def _svg(situation: Situation) -> Markup:
    svg = violations_chart(situation.violations_per_day(), "svg").decode("utf-8")
    return Markup(svg[svg.index("<svg"):])  # drop the XML prolog; our own drawing, not report text


def render_html(situation: Situation) -> str:
    tables = [
        ("Tallies by party", tally_table(situation.by_party)),
        ("Tallies by governorate", tally_table(situation.by_admin1)),
        ("Humanitarian access", access_table(situation.access)),
    ]
    return _env.get_template("report.html.j2").render(
        s=situation, chart=_svg(situation), tables=tables, sources_of=sources_of)
