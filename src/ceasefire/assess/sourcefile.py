"""Reviewed YAML data files read with line numbers, so schema errors point at file:line (field).

Dates stay strings while loading (pydantic parses them), so a bad date is reported with its line
like any other field instead of failing inside the YAML parser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pydantic
import yaml

from ceasefire.errors import ValidationError

Loc = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates are left to the schema."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SourceFile:
    """A YAML file's data plus the line of every key and list item in it."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValidationError(f"cannot read file: {error}", path=str(self.path), code="E210") from None
        try:
            node = yaml.compose(text, Loader=_Loader)
            self.data = yaml.load(text, Loader=_Loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error)
            raise ValidationError(f"not valid YAML: {problem}", path=str(self.path),
                                  line=mark.line + 1 if mark else None, code="E210") from None
        self.lines: dict[Loc, int] = {}
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, loc: Loc) -> None:
        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = loc + (key.value,)
                self._walk(value, child)
                self.lines[child] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, loc + (index,))

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest enclosing key when `loc` is missing from the file."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)

    def error(self, message: str, loc: Loc, code: str = "E212") -> ValidationError:
        field = ".".join(str(part) for part in loc) or None
        return ValidationError(message, path=str(self.path), line=self.line_of(loc), field=field, code=code)

    def parse(self, model: type[pydantic.BaseModel]) -> Any:
        """Validate the data against `model`; the first problem becomes one ValidationError."""
        if not isinstance(self.data, dict):
            raise self.error("expected a mapping of fields at the top of the file", (), code="E211")
        try:
            return model.model_validate(self.data)
        except pydantic.ValidationError as error:
            problem = error.errors()[0]
            loc = tuple(part for part in problem["loc"] if not _is_union_tag(part))
            message = problem["msg"]
            if problem["type"] == "missing":
                message = "required field is missing"
            elif problem["type"] == "extra_forbidden":
                message = "unknown field"
            raise self.error(message, loc, code="E211") from None


def _is_union_tag(part: Any) -> bool:
    """Pydantic inserts validator names ('function-after[...]') into some locs."""
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))
