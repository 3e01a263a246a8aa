"""Users, roles and tokens. Tokens are random and high-entropy, so a plain sha256 is stored."""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from ceasefire.errors import AuthError, ValidationError

ROLES = ("viewer", "analyst", "admin")
# action -> roles allowed; a viewer changes nothing, analysts review, admins manage users
PERMISSIONS = {
    "read": {"viewer", "analyst", "admin"},
    "review": {"analyst", "admin"},
    "ingest": {"analyst", "admin"},
    "assess": {"analyst", "admin"},
    "users": {"admin"},
}
E401 = "E401"  # unknown user or token
E402 = "E402"  # role does not allow the action
E403 = "E403"  # bad user name or role
E404 = "E404"  # no such user
E405 = "E405"  # removing the last admin
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


@dataclass(frozen=True)
class User:
    name: str
    role: str


def new_token() -> str:
    return "cf_" + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_new_user(name: str, role: str) -> None:
    if not NAME.match(name or ""):
        raise ValidationError(f"user name {name!r} must be 1-64 letters, digits or _.@-", field="name", code=E403)
    if role not in ROLES:
        raise ValidationError(f"role {role!r} is not one of {', '.join(ROLES)}", field="role", code=E403)


def require(user: User | None, action: str) -> User:
    """The user, if their role allows `action`; AuthError otherwise."""
    if user is None:
        raise AuthError("unknown user or token", code=E401)
    if action not in PERMISSIONS:
        raise AuthError(f"unknown action {action!r}", code=E402)
    if user.role not in PERMISSIONS[action]:
        raise AuthError(f"user {user.name!r} ({user.role}) may not {action}", code=E402)
    return user
