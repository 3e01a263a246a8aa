"""Reading the files `ceasefire eval` scores: JSONL rows and the optional ADMIN1|TYPE list."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ceasefire.errors import InputError


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """One JSON object per non-blank line. A line that is not one raises InputError naming the
    file and line."""
    name = str(path)
    rows = []
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    raise InputError("not UTF-8 text", path=name, line=number, code="E140") from None
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"not valid JSON: {error.msg} (column {error.colno})", path=name,
                                     line=number, code="E140") from None
                if not isinstance(row, dict):
                    raise InputError(f"expected a JSON object, found {type(row).__name__}", path=name,
                                     line=number, code="E140")
                rows.append(row)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=name, code="E140") from None
    return rows


def load_optional(path: str | Path) -> frozenset[tuple[str, str]]:
    """Lines "ADMIN1|TYPE" (TYPE may be "any"; "#" starts a comment): where unmatched
    predictions are neither rewarded nor counted as false positives."""
    name = str(path)
    allowed = set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {getattr(error, 'strerror', None) or error}", path=name,
                         code="E140") from None
    for number, line in enumerate(lines, 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        admin1, _, typ = (part.strip() for part in line.partition("|"))
        if not admin1 or not typ:
            raise InputError(f"expected ADMIN1|TYPE, found {line!r}", path=name, line=number, code="E142")
        allowed.add((admin1, typ.lower()))
    return frozenset(allowed)
