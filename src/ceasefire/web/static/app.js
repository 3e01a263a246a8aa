/* The dashboard: views chosen and filtered by the URL hash, data from /api/v1.
   Everything that comes from reports is written with textContent, never as HTML. */
"use strict";

(() => {
  const { el, legend, statusColour, tallies, timeline, STATUSES, PALETTE } = CeasefireCharts;
  const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments", "Humanitarian access"];
  const FILTERS = ["date_from", "date_to", "agreement", "event_type", "admin1", "actor", "verdict", "review_status", "text"];
  const PAGE = 50, MAP_LIMIT = 1000;
  const $ = (selector) => document.querySelector(selector);
  let geojson = null, mapCountry = null, me = null, renders = 0;

  /* --- state in the URL ------------------------------------------------------------------- */
  function state() {
    const params = new URLSearchParams(location.hash.slice(1));
    return { view: params.get("view") || "overview", params };
  }
  function go(changes) {
    const params = state().params;
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") params.delete(key); else params.set(key, value);
    }
    location.hash = params.toString();
  }
  function filterQuery(extra) {
    const query = new URLSearchParams();
    const params = state().params;
    for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
    for (const [key, value] of Object.entries(extra || {})) query.set(key, value);
    return query.toString();
  }

  /* --- the API ------------------------------------------------------------------------------ */
  function token() { return localStorage.getItem("ceasefire.token") || ""; }
  async function api(path, options) {
    const headers = { Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    if (options && options.body) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { ...options, headers });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((body.error && body.error.message) || response.statusText);
      error.code = (body.error && body.error.code) || "E" + response.status;
      error.status = response.status;
      throw error;
    }
    return body;
  }
  function notice(message, isError) {
    const box = $("#notice");
    box.textContent = message;
    box.className = isError ? "notice error" : "notice";
    box.hidden = !message;
  }
  function fail(error) { notice(`[${error.code || "E000"}] ${error.message}`, true); }

  /* --- small builders ----------------------------------------------------------------------- */
  const td = (text, cls) => el("td", cls ? { class: cls, text: text ?? "" } : { text: text ?? "" });
  let agreements = [];
  let inForce = "";
  /* The agreement in the URL, else the one in force on the newest event shown (see overview). */
  function currentAgreement() {
    return state().params.get("agreement") || inForce || (agreements[0] && agreements[0].id) || "";
  }
  function agreementInForce(day) {
    const live = agreements.filter((a) => a.start <= day && (!a.end || a.end >= day));
    live.sort((a, b) => (a.start < b.start ? 1 : -1));
    return live.length ? live[0].id : "";
  }
  function verdictOf(event) {
    const wanted = currentAgreement();
    const list = event.verdicts || [];
    const hit = list.find((v) => !wanted || v.agreement === wanted) || null;
    return hit ? hit.status : null;
  }
  function pill(status, cls) { return el("span", { class: "pill " + (cls || status || ""), text: status || "—" }); }
  const typeColour = (event) => PALETTE[Math.max(0, TYPES.indexOf(event.event_type))];
  function colourOf(event) {
    if ($("#colour-by").value === "type") return typeColour(event);
    const status = verdictOf(event);
    return status ? statusColour(status) : "#b0bac6";
  }

  /* --- views -------------------------------------------------------------------------------- */
  async function overview() {
    const [page, access] = await Promise.all([
      api("/api/v1/events?" + filterQuery({ limit: MAP_LIMIT })),
      api("/api/v1/access?" + filterQuery()).catch(() => ({ rows: [] })),
    ]);
    const newest = page.items.map((e) => e.event_date).find(Boolean);
    inForce = newest ? agreementInForce(newest) : "";
    const agreement = currentAgreement();
    const none = { rows: [], totals: {} };
    const [tally, byArea] = agreement ? await Promise.all(["party", "admin1"].map((by) =>
      api("/api/v1/tallies?" + filterQuery({ by, agreement })))) : [none, none];
    const fatalities = page.items.reduce((n, e) => n + (e.fatalities || 0), 0);
    const violations = tally.totals.violations || 0;
    const denied = (access.rows || []).filter((r) => r.status === "besieged").length;
    $("#headline").replaceChildren(
      stat("Events", totalOf(page), ""),
      stat(page.total > page.items.length ? `Fatalities (first ${page.items.length})` : "Fatalities", fatalities, ""),
      stat("Violations", violations, "violation"),
      stat("Deaths in violations", tally.totals.fatalities || 0, "violation"),
      stat("Besieged areas", denied, "access"),
    );
    await ensureMap(page.items.map((e) => e.country).find(Boolean));
    if (geojson) {
      const weights = {};
      for (const e of page.items) if (verdictOf(e) === "violation" && e.admin1) weights[e.admin1] = (weights[e.admin1] || 0) + 1;
      const drawn = CeasefireMap.draw($("#map"), geojson, page.items, colourOf, (e) => go({ view: "event", id: e.event_id }), weights);
      $("#map").dataset.marks = String(drawn);
    }
    const byType = $("#colour-by").value === "type";
    legend($("#legend"), byType ? TYPES.map((t, i) => [t, PALETTE[i]])
      : [...STATUSES.map((s) => [s.replace("_", " "), statusColour(s)]), ["not assessed", "#b0bac6"]]);
    tallies($("#tallies"), tally.rows);
    tallies($("#tallies-admin1"), byArea.rows);
    $("#tally-hint").textContent = agreement ? `under ${agreement}` : "no agreement installed";
    timeline($("#timeline"), page.items);
    const partial = page.total > page.items.length ? `newest ${number(page.items.length)} of ${totalOf(page)} events` : "";
    $("#map-hint").textContent = partial;
    $("#timeline-hint").textContent = "events per day by party; line: fatalities" + (partial ? ` (${partial})` : "");
    const names = [...new Set(page.items.map((e) => e.admin1).filter(Boolean))].sort();
    $("#admin1-list").replaceChildren(...names.map((n) => el("option", { value: n })));
  }
  async function ensureMap(country) {
    if (!country || country === mapCountry) return;
    geojson = await api("/api/v1/map?country=" + encodeURIComponent(country)).catch(() => null);
    mapCountry = country;
  }
  // a large result is counted only so far: its total is then a lower bound
  function totalOf(page) {
    return page.total_exact === false ? `at least ${number(page.total)}` : number(page.total);
  }
  function stat(label, value, cls) {
    return el("div", { class: "stat " + cls }, el("div", { class: "value", text: String(value) }), el("div", { class: "label", text: label }));
  }

  async function events() {
    const offset = Number(state().params.get("offset") || 0);
    const page = await api("/api/v1/events?" + filterQuery({ limit: PAGE, offset }));
    const rows = page.items.map((e) => {
      const row = el("tr", { class: "link", "data-event-id": e.event_id },
        td(e.event_date), td(e.event_type), td(e.sub_event_type), td(e.actor1), td(e.actor2), td(e.location),
        td(e.admin1), td(e.fatalities ?? "", "num"), el("td", {}, pill(verdictOf(e))),
        el("td", {}, pill(e.review_status || "unverified", "review")));
      row.addEventListener("click", () => go({ view: "event", id: e.event_id }));
      return row;
    });
    $("#events-table tbody").replaceChildren(...rows);
    $("#events-count").textContent = `${totalOf(page)} events`;
    $("#page").textContent = page.items.length ? `${offset + 1}–${offset + page.items.length} of ${totalOf(page)}` : "none";
    $("#prev").disabled = offset === 0;
    $("#next").disabled = page.total_exact === false ? page.items.length < PAGE : offset + PAGE >= page.total;
  }

  function plainTable(table, rows, preferred) {
    const keys = preferred.filter((k) => rows.some((r) => k in r));
    for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key) && typeof row[key] !== "object") keys.push(key);
    table.querySelector("thead").replaceChildren(el("tr", {}, ...keys.map((k) => el("th", { text: k.replace(/_/g, " ") }))));
    table.querySelector("tbody").replaceChildren(...rows.map((r) => el("tr", {}, ...keys.map((k) => td(r[k] === null || r[k] === undefined ? "" : String(r[k]))))));
    if (!rows.length) table.querySelector("tbody").append(el("tr", {}, el("td", { text: "Nothing to show for these filters." })));
  }

  const ACCESS_COLUMNS = [["name", "Area"], ["admin1", "Governorate"], ["status", "Status"], ["besieged_by", "Besieged by"],
    ["population", "Population"], ["last_delivery", "Last delivery"], ["days_without_access", "Days without access"],
    ["deliveries", "Deliveries"], ["blocked", "Blocked"], ["people_reached", "People reached"]];
  const number = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en"));
  async function access() {
    const ledger = await api("/api/v1/access?" + filterQuery());
    const table = $("#access-table");
    table.querySelector("thead").replaceChildren(el("tr", {}, ...ACCESS_COLUMNS.map(([key, label]) =>
      el("th", { text: label, class: /population|days|deliveries|blocked|reached/.test(key) ? "num" : "" }))));
    table.querySelector("tbody").replaceChildren(...(ledger.rows || []).map((r) => el("tr", {},
      td(r.name || r.area), td(r.admin1), el("td", {}, pill(r.status, r.status === "besieged" ? "access_denied" : "unattributed")),
      td((r.besieged_by || []).join(", ")), td(number(r.population), "num"), td(r.last_delivery || "none recorded"),
      td(number(r.days_without_access), r.days_without_access > 30 ? "num alert" : "num"), td(number(r.deliveries), "num"),
      td(number(r.blocked), "num"), td(number(r.people_reached), "num"))));
    $("#access-hint").textContent = ledger.as_of ? `as of ${ledger.as_of}` : "";
  }

  async function eventPage() {
    const id = state().params.get("id");
    const e = await api("/api/v1/events/" + encodeURIComponent(id));
    const back = el("a", { href: "#view=events", class: "back", text: "← all events" });
    const facts = el("dl", { class: "facts" });
    for (const [label, value] of [["Date", e.event_date], ["Type", e.event_type], ["Sub-type", e.sub_event_type],
      ["Actor 1", e.actor1], ["Actor 2", e.actor2], ["Location", e.location], ["Governorate", e.admin1],
      ["Country", e.country], ["Fatalities", e.fatalities], ["Review", e.review_status || "unverified"], ["Event id", e.event_id]]) {
      facts.append(el("div", {}, el("dt", { text: label }), el("dd", { text: value ?? "—" })));
    }
    const verdicts = el("table", { class: "data" }, el("thead", {}, el("tr", {}, el("th", { text: "Agreement" }), el("th", { text: "Verdict" }), el("th", { text: "Reason" }))),
      el("tbody", {}, ...(e.verdicts || []).map((v) => el("tr", {}, td(v.agreement), el("td", {}, pill(v.status)), td(v.reason)))));
    const claims = el("table", { class: "data claims" });
    plainTable(claims.appendChild(el("thead")).parentNode.appendChild(el("tbody")).parentNode, e.claims || [],
      ["report_id", "source", "actor1", "actor2", "fatalities", "event_date", "location"]);
    const sources = (e.reports || []).map((r) => el("div", {},
      el("h4", { text: `${r.title || r.id}${r.source ? " — " + r.source : ""}${r.published ? " (" + r.published + ")" : ""}` }),
      highlighted(r.text || "", (e.evidence || []).filter((x) => !x.report_id || x.report_id === r.id))));
    if (!sources.length) for (const x of e.evidence || []) sources.push(el("blockquote", { class: "source", text: x.sentence }));
    $("#event-detail").replaceChildren(el("div", { class: "detail" }, back,
      el("h3", { text: `${e.sub_event_type || e.event_type} in ${e.location || e.admin1 || "unknown place"}` }),
      facts, ...(me && me.can_review ? [el("div", { class: "review-box" }, ...reviewControls(e, render))] : []),
      el("h2", { text: "Verdicts" }), verdicts, el("h2", { text: "Claims by source" }), claims,
      el("h2", { text: "Sources" }), ...sources, ...(e.history && e.history.length ? [el("h2", { text: "History" }), history(e.history)] : [])));
  }
  function history(entries) {
    const table = el("table", { class: "data" }, el("thead"), el("tbody"));
    plainTable(table, entries.map((h) => ({ at: h.at, user: h.user, action: h.action,
      reason: (h.payload && h.payload.reason) || "" })), ["at", "user", "action", "reason"]);
    return table;
  }
  /* The report text with its evidence spans marked; every piece is a text node. */
  function highlighted(text, evidence) {
    const box = el("div", { class: "source" });
    const spans = evidence.map((x) => {
      let start = x.start, end = x.end;
      if (!(Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === x.sentence)) {
        start = text.indexOf(x.sentence); end = start + x.sentence.length;
      }
      return [start, end];
    }).filter(([s]) => s >= 0).sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [start, end] of spans) {
      if (start < at) continue;
      box.append(document.createTextNode(text.slice(at, start)), el("mark", { text: text.slice(start, end) }));
      at = end;
    }
    box.append(document.createTextNode(text.slice(at)));
    return box;
  }

  /* A reason box and Verify / Reject buttons; the server decides who may use them. */
  function reviewControls(e, done) {
    const reason = el("input", { class: "review-reason", placeholder: "reason (required)", "aria-label": "reason" });
    const act = (action) => {
      const button = el("button", { type: "button", class: action, "data-action": action, text: action === "verify" ? "Verify" : "Reject" });
      button.addEventListener("click", async () => {
        if (!reason.value.trim()) { notice("Give a reason for the review.", true); reason.focus(); return; }
        try {
          await api(`/api/v1/events/${encodeURIComponent(e.event_id)}/review`,
            { method: "POST", body: JSON.stringify({ action, reason: reason.value.trim() }) });
          done();
          notice(`${e.event_id}: ${action === "verify" ? "verified" : "rejected"}.`);
        } catch (error) { fail(error); }
      });
      return button;
    };
    return [reason, el("span", { class: "actions" }, act("verify"), " ", act("reject"))];
  }

  async function review() {
    const page = await api("/api/v1/events?" + filterQuery({ review_status: "unverified", limit: 100 }));
    const rows = page.items.map((e) => {
      const link = el("a", { href: "#view=event&id=" + encodeURIComponent(e.event_id), text: `${e.sub_event_type || e.event_type}` });
      const row = el("tr", { "data-event-id": e.event_id });
      const [reason, actions] = reviewControls(e, () => row.remove());
      row.append(td(e.event_date), el("td", {}, link), td(e.location || e.admin1),
        td(e.fatalities ?? "", "num"), el("td", {}, pill(verdictOf(e))), el("td", {}, reason), el("td", {}, actions));
      return row;
    });
    $("#review-table tbody").replaceChildren(...rows);
    if (!rows.length) $("#review-table tbody").append(el("tr", {}, el("td", { text: "Nothing waiting for review." })));
  }

  async function audit() {
    const [log, chain] = await Promise.all([api("/api/v1/audit?limit=200"), api("/api/v1/audit/verify").catch(() => null)]);
    plainTable($("#audit-table"), log.items.map((x) => ({
      seq: x.seq, at: (x.at || "").replace("T", " ").slice(0, 19), user: x.user, action: x.action, target: x.target || "",
      details: x.payload && typeof x.payload === "object"
        ? (x.payload.reason || Object.entries(x.payload).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join(", "))
        : String(x.payload ?? ""),
      hash: (x.hash || "").slice(0, 12) + "…",
    })), ["seq", "at", "user", "action", "target", "details", "hash"]);
    $("#audit-chain").textContent = chain ? (chain.ok ? "hash chain intact" : "hash chain BROKEN") : "";
  }

  const VIEWS = { overview, events, access, event: eventPage, review, audit };

  async function render() {
    const { view, params } = state();
    for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== "view-" + view;
    for (const tab of document.querySelectorAll("#tabs a[data-view]")) tab.classList.toggle("active", tab.dataset.view === view);
    const form = $("#filters");
    for (const key of FILTERS) if (form.elements[key]) form.elements[key].value = params.get(key) || "";
    notice("");
    delete document.body.dataset.ready;
    const run = ++renders;
    try {
      await (VIEWS[view] || overview)();
    } catch (error) {
      if (error.status === 401 && !token()) notice("This server needs an access token: enter yours above.", true);
      else fail(error);
    }
    if (run === renders) document.body.dataset.ready = view;
  }

  async function whoami() {
    me = null;
    if (token()) {
      try { me = await api("/api/v1/users/me"); } catch (error) { fail(error); }
    }
    document.body.classList.toggle("analyst", !!(me && me.can_review));
    const who = $("#whoami");
    who.replaceChildren(me ? el("span", {}, el("b", { text: me.name }), " · " + me.role) : "not signed in");
    $("#signout").hidden = !token();
    $("#token").hidden = !!token();
    $("#signin").hidden = !!token();
  }

  async function start() {
    for (const type of TYPES) $("#filters").elements.event_type.append(el("option", { text: type }));
    $("#filters").addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const view = state().view;
      go(Object.fromEntries([...FILTERS.map((k) => [k, data.get(k)]), ["offset", null],
        ["view", view === "event" ? "events" : view]]));
    });
    $("#reset").addEventListener("click", () => { location.hash = "view=" + state().view; });
    $("#prev").addEventListener("click", () => go({ offset: Math.max(0, Number(state().params.get("offset") || 0) - PAGE) }));
    $("#next").addEventListener("click", () => go({ offset: Number(state().params.get("offset") || 0) + PAGE }));
    $("#colour-by").addEventListener("change", render);
    $("#login").addEventListener("submit", async (event) => {
      event.preventDefault();
      localStorage.setItem("ceasefire.token", $("#token").value.trim());
      $("#token").value = "";
      await whoami();
      await loadAgreements();
      render();
    });
    $("#signout").addEventListener("click", async () => {
      localStorage.removeItem("ceasefire.token");
      await whoami();
      await loadAgreements();
      render();
    });
    window.addEventListener("hashchange", render);
    await whoami();
    await loadAgreements();
    render();
  }

  async function loadAgreements() {
    agreements = (await api("/api/v1/agreements").catch(() => ({ items: [] }))).items || [];
    const select = $("#filters").elements.agreement;
    select.replaceChildren(el("option", { value: "", text: "any" }));
    for (const a of agreements) select.append(el("option", { value: a.id, text: a.name || a.id }));
    select.value = state().params.get("agreement") || "";
  }

  start();
})();
