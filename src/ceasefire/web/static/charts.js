/* Charts drawn by hand: tally bars (HTML) and the daily timeline (SVG). Text goes in through
   textContent only. */
"use strict";

const CeasefireCharts = (() => {
  const STATUSES = ["violation", "excluded", "access_denied", "unattributed", "none"];
  /* tally columns per verdict status (see assess/tally.py) */
  const COLUMN = { violation: "violations", excluded: "excluded", access_denied: "access_denied", unattributed: "unattributed", none: "none" };
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function statusColour(status) {
    return getComputedStyle(document.documentElement).getPropertyValue("--" + status).trim() || "#78909c";
  }

  /* One row per party: a bar split by verdict status, and the total. */
  function tallies(container, rows) {
    if (!rows.length) { container.replaceChildren(el("p", { class: "hint", text: "No assessed events for these filters." })); return; }
    rows = [...rows].sort((a, b) => (b.violations || 0) - (a.violations || 0) || (b.events || 0) - (a.events || 0));
    const max = Math.max(...rows.map((r) => r.events || 0), 1);
    const table = el("table", { class: "bars" });
    for (const row of rows.slice(0, 14)) {
      const track = el("div", { class: "track" });
      let total = 0;
      for (const status of STATUSES) {
        const n = row[COLUMN[status]] || 0;
        total += n;
        if (!n) continue;
        const seg = el("div", { class: "seg", title: `${status}: ${n}` });
        seg.style.width = (100 * n / max) + "%";
        seg.style.background = statusColour(status);
        track.append(seg);
      }
      table.append(el("tr", {},
        el("td", { class: "name", title: row.key || "unknown", text: row.key || "unknown" }),
        el("td", {}, track),
        el("td", { class: "num", title: "violations", text: String(row.violations || 0) }),
        el("td", { class: "num hint", title: "events (contested: sources disagree on the perpetrator)",
          text: "/ " + (row.events || total) + (row.contested ? ` (${row.contested} contested)` : "") })));
    }
    container.replaceChildren(table);
  }

  function legend(container, entries) {
    container.replaceChildren(...entries.map(([label, colour]) => {
      const item = el("span", { text: label });
      item.style.setProperty("--swatch", colour);
      return item;
    }));
  }

  /* Events per day stacked by party (actor1), with a line for fatalities. */
  function timeline(container, events) {
    const svgEl = CeasefireMap.svgEl;
    const dated = events.filter((e) => e.event_date);
    if (!dated.length) { container.replaceChildren(el("p", { class: "hint", text: "No dated events." })); return; }
    const days = [...new Set(dated.map((e) => e.event_date))].sort();
    const first = new Date(days[0] + "T00:00:00Z"), last = new Date(days[days.length - 1] + "T00:00:00Z");
    const span = Math.round((last - first) / 86400000) + 1;
    const counts = new Map(), deaths = new Array(span).fill(0), partyTotals = new Map();
    for (const e of dated) {
      const i = Math.round((new Date(e.event_date + "T00:00:00Z") - first) / 86400000);
      const party = e.actor1 || "unknown";
      partyTotals.set(party, (partyTotals.get(party) || 0) + 1);
      const key = i + "|" + party;
      counts.set(key, (counts.get(key) || 0) + 1);
      deaths[i] += e.fatalities || 0;
    }
    const parties = [...partyTotals.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    const top = parties.slice(0, PALETTE.length - 1);
    const colourOf = (p) => (top.includes(p) ? PALETTE[top.indexOf(p)] : PALETTE[PALETTE.length - 1]);
    const W = 900, H = 220, L = 34, R = 40, T = 10, B = 24;
    const stacks = Array.from({ length: span }, (_, i) => parties.reduce((n, p) => n + (counts.get(i + "|" + p) || 0), 0));
    const maxCount = Math.max(...stacks, 1), maxDeaths = Math.max(...deaths, 1);
    const bw = (W - L - R) / span;
    const y = (v) => T + (H - T - B) * (1 - v / maxCount);
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img", "aria-label": "events per day" });
    for (const tick of [0, Math.ceil(maxCount / 2), maxCount]) {
      svg.append(svgEl("line", { x1: L, x2: W - R, y1: y(tick), y2: y(tick), class: "gridline" }));
      const label = svgEl("text", { x: L - 4, y: y(tick) + 3, "text-anchor": "end", class: "axis" });
      label.textContent = String(tick);
      svg.append(label);
    }
    for (let i = 0; i < span; i++) {
      let base = 0;
      for (const party of parties) {
        const n = counts.get(i + "|" + party) || 0;
        if (!n) continue;
        const rect = svgEl("rect", { x: (L + i * bw + bw * 0.1).toFixed(1), width: Math.max(bw * 0.8, 1).toFixed(1),
          y: y(base + n).toFixed(1), height: (y(base) - y(base + n)).toFixed(1), fill: colourOf(party) });
        const title = svgEl("title");
        title.textContent = `${dayLabel(first, i)}: ${party} ${n}`;
        rect.append(title);
        svg.append(rect);
        base += n;
      }
    }
    const yd = (v) => T + (H - T - B) * (1 - v / maxDeaths);
    const line = deaths.map((d, i) => `${i ? "L" : "M"}${(L + (i + 0.5) * bw).toFixed(1)},${yd(d).toFixed(1)}`).join("");
    svg.append(svgEl("path", { d: line, class: "deaths" }));
    const deathLabel = svgEl("text", { x: W - R + 4, y: yd(maxDeaths) + 3, class: "axis" });
    deathLabel.textContent = `${maxDeaths} †`;
    svg.append(deathLabel);
    const step = Math.max(1, Math.ceil(span / 8));
    for (let i = 0; i < span; i += step) {
      const label = svgEl("text", { x: L + (i + 0.5) * bw, y: H - 6, "text-anchor": "middle", class: "axis" });
      label.textContent = dayLabel(first, i);
      svg.append(label);
    }
    const key = el("div", { class: "legend" });
    legend(key, [...top.map((p) => [p, colourOf(p)]), ...(parties.length > top.length ? [["others", colourOf(null)]] : [])]);
    container.replaceChildren(svg, key);
  }

  function dayLabel(first, i) {
    return new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10);
  }

  return { el, legend, statusColour, tallies, timeline, STATUSES, PALETTE };
})();
