"""The dashboard in a real headless Chromium against a live server and a demo database."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from ceasefire.api import create_app
from ceasefire.store import EventFilter, Store
from ceasefire.web.demo import build_demo

CHROMIUM = os.environ.get("CEASEFIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but Chromium is missing at {CHROMIUM} (apt-get install chromium)")
    pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium to run the browser test")


@pytest.fixture
def server(tmp_path):
    _need_chromium()
    import uvicorn

    store = Store.open(f"sqlite:///{tmp_path / 'demo.db'}")
    tokens = build_demo(store)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store, tokens
    instance.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _sign_in(page, token: str) -> None:
    if page.is_visible("#signout"):
        page.click("#signout")
    page.fill("#token", token)
    page.click("#signin")


def _ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready='{view}']")


def _verify_first_in_queue(page, base: str, reason: str) -> str:
    """Open the review queue, give a reason and press Verify on its first row; returns the event id."""
    page.goto(base + "/#view=review")
    _ready(page, "review")
    row = page.locator("#review-table tbody tr").first
    event_id = row.get_attribute("data-event-id")
    row.locator("input.review-reason").fill(reason)
    row.locator("button[data-action=verify]").click()
    return event_id


def test_web_dashboard_end_to_end(server, browser, tmp_path):
    from playwright.sync_api import expect

    base, store, tokens = server
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(20_000)
    outside, dialogs = [], []
    page.on("request", lambda request: None if request.url.startswith((base, "data:")) else outside.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(base + "/")
    _sign_in(page, tokens["analyst"])
    page.wait_for_selector("#map circle.mark")
    _ready(page, "overview")

    # the map: one mark per event with coordinates
    placed = [e for e in store.events(limit=1000) if e["latitude"] is not None and e["longitude"] is not None]
    assert page.locator("#map circle.mark").count() == len(placed) == 33
    assert page.locator("#map path.area").count() == 15  # 14 governorates and the UN buffer zone
    screenshot = tmp_path / "dashboard.png"
    page.screenshot(path=str(screenshot), full_page=True)
    print(f"dashboard screenshot: {screenshot}")

    # a filter changes the table, and lives in the URL
    page.goto(base + "/#view=events")
    _ready(page, "events")
    assert page.locator("#events-table tbody tr").count() == 33
    page.fill("#filters input[name=admin1]", "Idlib")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-table tbody tr")).to_have_count(6)
    assert "admin1=Idlib" in page.url
    assert set(page.locator("#events-table tbody td:nth-child(7)").all_inner_texts()) == {"Idlib"}

    # report text is shown as text: the <script> in the Douma report never runs
    douma = store.events(EventFilter(text="<script>"), limit=1)[0]["event_id"]
    page.goto(f"{base}/#view=event&id={douma}")
    _ready(page, "event")
    assert "<script>alert('x')</script>" in page.inner_text(".source mark")
    assert page.locator("#event-detail script").count() == 0 and not dialogs

    # an analyst verifies an event; the audit log shows it
    event_id = _verify_first_in_queue(page, base, "matches two independent reports")
    page.wait_for_selector(f"#notice:has-text('{event_id}: verified')")
    assert store.event(event_id)["review_status"] == "verified"
    page.goto(base + "/#view=audit")
    _ready(page, "audit")
    audit_text = page.inner_text("#audit-table")
    assert "review.verify" in audit_text and event_id in audit_text and "analyst" in audit_text
    assert page.inner_text("#audit-chain") == "hash chain intact"

    # a viewer's attempt is refused and nothing changes
    _sign_in(page, tokens["viewer"])
    page.wait_for_selector("#whoami:has-text('viewer')")
    assert not page.is_visible("#tabs a[data-view=review]")
    other = _verify_first_in_queue(page, base, "trying anyway")
    page.wait_for_selector("#notice.error:has-text('E402')")
    assert store.event(other)["review_status"] == "unverified"
    assert not outside, f"the page fetched from outside: {outside}"


def test_web_dashboard_says_at_least_when_a_total_is_cut_short(server, browser, monkeypatch):
    from playwright.sync_api import expect

    from ceasefire.api.routes import events as event_routes
    from test_store_pages import _events

    base, store, tokens = server
    store.add_mentions(None, _events(3000))
    monkeypatch.setattr(event_routes, "COUNT_BUDGET_MS", 0)  # every count runs out of time
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(20_000)
    page.goto(base + "/#view=events&text=convoy")
    _sign_in(page, tokens["viewer"])
    _ready(page, "events")
    expect(page.locator("#events-count")).to_have_text("at least 51 events")
    expect(page.locator("#page")).to_have_text("1–50 of at least 51")
    assert page.locator("#events-table tbody tr").count() == 50
    assert page.locator("#next").is_enabled()
