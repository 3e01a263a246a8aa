"""Numbered input errors of the readers, in the style of ceasefire.errors."""
from __future__ import annotations

from ceasefire.errors import InputError

E101 = "E101"  # empty file
E102 = "E102"  # binary file (NUL bytes)
E103 = "E103"  # not UTF-8
E104 = "E104"  # over the size limit
E105 = "E105"  # malformed JSON line
E106 = "E106"  # a required field is missing
E107 = "E107"  # broken CSV row (wrong number of fields, unterminated quote)
E108 = "E108"  # a value that does not parse (date, number, event type)
E109 = "E109"  # no reader for this kind of file
E110 = "E110"  # unreadable or truncated document (PDF, OS error)
E111 = "E111"  # CSV header of no known dataset
E112 = "E112"  # path does not exist

MESSAGES = {
    E101: "file is empty",
    E102: "file is binary (NUL bytes), not text",
    E103: "not valid UTF-8",
    E104: "larger than the size limit",
    E105: "malformed JSON",
    E106: "required field missing",
    E107: "broken CSV row",
    E108: "value does not parse",
    E109: "no reader for this kind of file",
    E110: "unreadable or truncated document",
    E111: "CSV header matches no known dataset (ACLED, UCDP GED)",
    E112: "no such file or folder",
}


def input_error(code: str, path: str, line: int | None = None, detail: str | None = None,
                field: str | None = None) -> InputError:
    """One InputError naming the file, the line and, where relevant, the field."""
    message = MESSAGES[code] + (f": {detail}" if detail else "")
    return InputError(message, path=path, line=line, field=field, code=code)
