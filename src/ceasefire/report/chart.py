"""The violations-per-day chart, drawn with matplotlib (no display, no network)."""
from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: E402

RED = "#c62828"


def violations_chart(days: list[tuple[date, int]], fmt: str = "svg") -> bytes:
    """A bar chart of violations per day as SVG or PNG bytes."""
    fig, ax = plt.subplots(figsize=(7.5, 2.4), dpi=150)
    try:
        xs = [d for d, _ in days]
        ys = [n for _, n in days]
        ax.bar(xs, ys, color=RED, width=0.8)
        ax.set_ylabel("violations")
        ax.set_ylim(0, max(ys + [1]) * 1.15)
        locator = AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.yaxis.get_major_locator().set_params(integer=True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color="#e5e8ec", linewidth=0.6)
        ax.set_axisbelow(True)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
        return buffer.getvalue()
    finally:
        plt.close(fig)
