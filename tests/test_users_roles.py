"""Users: tokens shown once and stored hashed; roles decide who may do what."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from ceasefire.errors import AuthError, ValidationError
from ceasefire.store import Store, User
from ceasefire.store.schema import users


def test_users_token_authenticates_and_only_its_hash_is_stored(db_url):
    with Store.open(db_url) as store:
        token = store.add_user("ana", "analyst")
        assert store.authenticate(token) == User("ana", "analyst")
        assert store.authenticate(token + "x") is None and store.authenticate("") is None
        with store.engine.connect() as connection:
            stored = connection.execute(select(users.c.token_hash)).scalar_one()
        assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
        assert len(token) > 40


def test_users_roles_allow_and_forbid(db_url):
    with Store.open(db_url) as store:
        admin = store.authenticate(store.add_user("root", "admin"))
        viewer = store.authenticate(store.add_user("vic", "viewer", by=admin))
        analyst = store.authenticate(store.add_user("ana", "analyst", by=admin))
        assert store.require(viewer, "read") == viewer
        for user, action in ((viewer, "review"), (viewer, "ingest"), (analyst, "users")):
            with pytest.raises(AuthError):
                store.require(user, action)
        assert store.require(analyst, "review") == analyst
        with pytest.raises(AuthError):
            store.add_user("eve", "admin", by=analyst)
        assert [u.name for u in store.users()] == ["ana", "root", "vic"]
        assert [e["action"] for e in store.audit_log()] == ["users.add"] * 3


def test_users_bad_names_roles_and_duplicates_are_refused(db_url):
    with Store.open(db_url) as store:
        store.add_user("ana", "analyst")
        for name, role in (("ana", "viewer"), ("bad name", "viewer"), ("bob", "owner")):
            with pytest.raises(ValidationError):
                store.add_user(name, role)
        assert [u.name for u in store.users()] == ["ana"]


def test_users_removed_user_token_stops_working_and_the_last_admin_stays(db_url):
    with Store.open(db_url) as store:
        admin = store.authenticate(store.add_user("root", "admin"))
        analyst_token = store.add_user("ana", "analyst", by=admin)
        analyst = store.authenticate(analyst_token)
        with pytest.raises(AuthError):
            store.remove_user("root", by=analyst)
        store.remove_user("ana", by=admin)
        assert store.authenticate(analyst_token) is None
        with pytest.raises(ValidationError) as missing:
            store.remove_user("ana", by=admin)
        assert missing.value.code == "E404"
        with pytest.raises(ValidationError) as last:
            store.remove_user("root", by=admin)
        assert last.value.code == "E405" and [u.name for u in store.users()] == ["root"]
        assert [(e["action"], e["target"], e["user"]) for e in store.audit_log()][0] == ("users.remove", "ana", "root")
        assert store.audit_verify().ok
