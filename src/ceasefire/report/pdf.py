"""The situation report as PDF, with fpdf2 (pure Python) and matplotlib's DejaVu fonts."""
from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from ceasefire.report.chart import violations_chart
from ceasefire.report.situation import Situation, access_table, sources_of, tally_table

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
NAVY, GREY, RED = (20, 33, 61), (93, 107, 124), (198, 40, 40)


class _Page(FPDF):
    def __init__(self, situation: Situation):
        super().__init__(format="A4")
        self.situation = situation
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=16)
        self.set_margins(14, 14, 14)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.situation.title} · {self.situation.period} · page {self.page_no()}", align="C")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font("DejaVu", "B", 10.5)
        self.set_text_color(*NAVY)
        self.cell(0, 7, text.upper(), new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(217, 222, 229)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)
        self.set_text_color(0, 0, 0)

    def text_block(self, text: str, size: float = 9, style: str = "", colour=(28, 36, 48)) -> None:
        self.set_font("DejaVu", style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def grid(self, header: list[str], body: list[list], numeric_from: int = 1) -> None:
        """A table; the first column is wider when the rest are numbers."""
        if not body:
            self.text_block("Nothing recorded.")
            return
        self.set_font("DejaVu", "", 7.5)
        widths = [3.2 if numeric_from else 1] + [1] * (len(header) - 1)
        align = ["LEFT"] + ["RIGHT" if numeric_from else "LEFT"] * (len(header) - 1)
        with self.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", color=GREY),
                        line_height=4.6, text_align=align, borders_layout="HORIZONTAL_LINES") as table:
            table.row([str(h) for h in header])
            for values in body:
                table.row([str(v) for v in values])


def render_pdf(situation: Situation) -> bytes:
    pdf = _Page(situation)
    pdf.set_title(situation.title)
    pdf.set_creator("ceasefire")
    pdf.add_page()
    pdf.text_block(situation.title, 16, "B", NAVY)
    pdf.text_block(f"Period {situation.period} · agreement {situation.agreement_id} · "
                   f"generated {situation.generated.isoformat()}", 8.5, "", GREY)

    pdf.heading("Headline")
    pdf.grid(["", ""], [[label, f"{value:,}"] for label, value in situation.headline()])

    pdf.heading("Violations per day")
    png = violations_chart(situation.violations_per_day(), "png")
    pdf.image(io.BytesIO(png), w=pdf.epw)

    for title, table in (("Tallies by party", tally_table(situation.by_party)),
                         ("Tallies by governorate", tally_table(situation.by_admin1)),
                         ("Humanitarian access", access_table(situation.access))):
        pdf.heading(title)
        pdf.grid(*table, numeric_from=0 if title == "Humanitarian access" else 1)

    pdf.heading("Notable incidents")
    notable = situation.notable()
    if not notable:
        pdf.text_block("No incidents in this period.")
    for event in notable:
        status = situation.status(event) or "not assessed"
        place = event.get("location") or event.get("admin1") or "unknown place"
        if event.get("location") and event.get("admin1"):
            place += f" ({event['admin1']})"
        pdf.text_block(f"{event.get('event_date') or 'undated'} · {event.get('sub_event_type') or event.get('event_type')}"
                       f" · {place} — {status}", 9.5, "B", RED if status == "violation" else NAVY)
        who = event.get("actor1") or "unidentified"
        if event.get("actor2"):
            who += f" against {event['actor2']}"
        if event.get("fatalities") is not None:
            who += f" · {event['fatalities']} killed"
        pdf.text_block(who, 8.5, "", GREY)
        for quote in sources_of(event):
            pdf.text_block(quote, 8.5, "", (55, 65, 79))
        pdf.ln(2)
    return bytes(pdf.output())
