"""Numbered errors with stable codes users can search for."""
from __future__ import annotations


class CeasefireError(Exception):
    """An error a user can act on. Rendered as one line, never a traceback."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 field: str | None = None, code: str | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        if code:
            self.code = code
        super().__init__(str(self))

    def __reduce__(self):  # sent to another process whole, without calling __init__ again
        return (_rebuild, (type(self), self.args, self.__dict__))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "")
            where += ": "
        what = f" (field '{self.field}')" if self.field else ""
        return f"{where}[{self.code}] {self.message}{what}"


def _rebuild(kind: type, args: tuple, state: dict) -> CeasefireError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class InputError(CeasefireError):
    """A report or data file that cannot be read."""

    code = "E100"


class ValidationError(CeasefireError):
    """A data file (agreement, registry, area list) that does not fit its schema."""

    code = "E200"


class StoreError(CeasefireError):
    """The database refused or is not at the expected schema."""

    code = "E300"


class AuthError(CeasefireError):
    """A user or token is unknown, or its role does not allow the action."""

    code = "E400"
