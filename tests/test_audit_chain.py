"""The audit log is hash-chained: rows edited, deleted or reordered behind the app are caught."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from ceasefire.model import Report
from ceasefire.store import Store


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        opened.add_user("root", "admin")
        opened.add_reports([Report("r1", "One.")])
        opened.add_user("ana", "analyst")
        opened.set_verdicts("a1", {})
        opened.add_user("bob", "viewer")
        assert opened.audit_verify().ok and opened.audit_verify().entries == 5
        yield opened


def _raw(store: Store, *statements: str) -> None:
    with store.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def test_audit_every_write_appends_an_entry(store):
    assert [e["action"] for e in reversed(store.audit_log())] == [
        "users.add", "ingest", "users.add", "verdicts", "users.add"]
    newest = store.audit_log(limit=1)[0]
    assert (newest["seq"], newest["user"], newest["target"]) == (5, "system", "bob")


def test_audit_edited_payload_is_caught(store):
    _raw(store, "UPDATE audit_log SET payload = '{\"role\":\"admin\"}' WHERE seq = 3")
    report = store.audit_verify()
    assert not report.ok and any("seq 3" in p and "edited" in p for p in report.problems)


def test_audit_deleted_row_is_caught(store):
    _raw(store, "DELETE FROM audit_log WHERE seq = 2")
    report = store.audit_verify()
    assert not report.ok and any("seq 3" in p for p in report.problems)


def test_audit_swapped_rows_are_caught(store):
    _raw(store, "UPDATE audit_log SET seq = -1 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 3",
         "UPDATE audit_log SET seq = 3 WHERE seq = -1")
    report = store.audit_verify()
    assert not report.ok and any(p.startswith("seq 2") for p in report.problems)


def test_audit_row_cut_from_the_end_is_caught(store):
    _raw(store, "DELETE FROM audit_log WHERE seq = 5")
    report = store.audit_verify()
    assert not report.ok and "cut from the end" in report.problems[-1]


def test_audit_rehashed_edit_is_caught_by_the_next_link(store):
    from ceasefire.store.audit import entry_hash

    row = store.audit_log(limit=5)[-2]  # seq 2
    forged = entry_hash(row["prev_hash"], 2, row["at"], row["user"], row["action"], row["target"], {"x": 1})
    _raw(store, f"UPDATE audit_log SET payload = '{{\"x\": 1}}', hash = '{forged}' WHERE seq = 2")
    report = store.audit_verify()
    assert not report.ok and any("seq 3" in p and "link" in p for p in report.problems)
