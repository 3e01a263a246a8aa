"""Who publishes a report: outlets, their owners and the wire services they copy.

Linking counts sources once per owner, so SANA and Syrian state television, or Al-Manar and
Al-Nour, give one voice, not two; a wire story reprinted by ten papers is one account. The
registry is reviewed data (`data/sources/outlets.yaml`); an outlet it does not know is its own
owner.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError

DEFAULT_PATH = PACKAGE_DATA / "sources" / "outlets.yaml"
OWNER_KINDS = ("state", "party", "private", "ngo", "coalition")


@dataclass(frozen=True)
class Owner:
    id: str
    name: str
    kind: str
    country: str | None = None


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    owner: str
    kind: str = "outlet"
    wire: bool = False
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


@lru_cache(maxsize=50_000)
def source_key(name: str) -> str:
    """A source name folded for lookup: 'Al-Manar TV' -> 'al manar tv'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping so errors can name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


@dataclass
class SourceRegistry:
    """Outlets by id and alias; answers 'who owns this source' and 'which wires does it copy'."""

    owners: dict[str, Owner] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)
    _wire_pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _wire_names: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "SourceRegistry":
        """Read and check a registry file; the packaged one by default."""
        path = Path(path) if path else DEFAULT_PATH
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe loader)
        except OSError as error:
            raise ValidationError(f"cannot read source registry: {error.strerror}", path=str(path),
                                  code="E230") from None
        except yaml.YAMLError as error:
            line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else None
            raise ValidationError(f"not valid YAML: {getattr(error, 'problem', error)}", path=str(path),
                                  line=line, code="E231") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("owners"), dict) \
                or not isinstance(raw.get("outlets"), list):
            raise ValidationError("expected 'owners' (a mapping) and 'outlets' (a list)", path=str(path),
                                  code="E232")
        registry = cls()
        for owner_id, row in raw["owners"].items():
            if owner_id == "__line__":
                continue
            registry._add_owner(str(owner_id), row, str(path))
        for row in raw["outlets"]:
            registry._add_outlet(row, str(path))
        return registry

    def _add_owner(self, owner_id: str, row: Any, path: str) -> None:
        line = row.get("__line__") if isinstance(row, dict) else None
        if not isinstance(row, dict) or not row.get("name"):
            raise ValidationError(f"owner '{owner_id}' needs a name", path=path, line=line, field="name",
                                  code="E233")
        if row.get("kind") not in OWNER_KINDS:
            raise ValidationError(f"owner '{owner_id}' kind must be one of {', '.join(OWNER_KINDS)}",
                                  path=path, line=line, field="kind", code="E233")
        self.owners[owner_id] = Owner(owner_id, str(row["name"]), row["kind"], row.get("country"))

    def _add_outlet(self, row: Any, path: str) -> None:
        line = row.get("__line__") if isinstance(row, dict) else None
        if not isinstance(row, dict) or not row.get("id") or not row.get("name"):
            raise ValidationError("an outlet needs an id and a name", path=path, line=line, field="id",
                                  code="E234")
        outlet_id = str(row["id"])
        if outlet_id in self.outlets:
            raise ValidationError(f"outlet '{outlet_id}' is listed twice", path=path, line=line, field="id",
                                  code="E235")
        if row.get("owner") not in self.owners:
            raise ValidationError(f"outlet '{outlet_id}' names unknown owner '{row.get('owner')}'", path=path,
                                  line=line, field="owner", code="E236")
        outlet = Outlet(
            id=outlet_id, name=str(row["name"]), owner=row["owner"], kind=str(row.get("kind", "outlet")),
            wire=bool(row.get("wire", False)), aliases=tuple(str(a) for a in row.get("aliases") or ()),
            domains=tuple(str(d).casefold() for d in row.get("domains") or ()),
        )
        for name in (outlet.id, outlet.name, *outlet.aliases, *outlet.domains):
            key = source_key(name)
            if self._by_alias.get(key, outlet_id) != outlet_id:
                raise ValidationError(f"alias '{name}' of '{outlet_id}' already names '{self._by_alias[key]}'",
                                      path=path, line=line, field="aliases", code="E237")
            self._by_alias[key] = outlet_id
        self.outlets[outlet_id] = outlet
        self._wire_pattern = None

    def outlet(self, source: str | None) -> Outlet | None:
        """The outlet a report's `source` names (id, alias, domain or URL), or None."""
        if not source:
            return None
        found = self._by_alias.get(source_key(source))
        if found:
            return self.outlets[found]
        host = re.sub(r"^[a-z]+://", "", source.strip().casefold()).split("/", 1)[0]
        while host.count("."):
            found = self._by_alias.get(source_key(host))
            if found:
                return self.outlets[found]
            host = host.split(".", 1)[1]
        return None

    def owner_of(self, source: str | None) -> str | None:
        """Owner id for a known outlet; an unknown source is its own owner ('source:<key>')."""
        outlet = self.outlet(source)
        if outlet:
            return outlet.owner
        return f"source:{source_key(source)}" if source else None

    def wires_in(self, text: str) -> set[str]:
        """Ids of wire services credited in a text: '(AFP)', '--Reuters', 'told Reuters'."""
        if not text:
            return set()
        if self._wire_pattern is None:
            self._compile_wires()
        assert self._wire_pattern is not None
        return {self._wire_names[m.group(0).casefold()] for m in self._wire_pattern.finditer(text)}

    def _compile_wires(self) -> None:
        names: dict[str, str] = {}
        parts = []
        for outlet in self.outlets.values():
            if not outlet.wire:
                continue
            for name in {outlet.name, *outlet.aliases}:
                names[name.casefold()] = outlet.id
                body = re.escape(name)
                # Short capitalised credits ("AP", "AFP") must match exactly, not "ap" inside prose.
                parts.append(body if name.isupper() and len(name) <= 4 else f"(?i:{body})")
        self._wire_names = names
        self._wire_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(parts, key=len, reverse=True))
                                        + r")(?![\w-])") if parts else re.compile(r"(?!x)x")


_DEFAULT: SourceRegistry | None = None


def default_registry() -> SourceRegistry:
    """The packaged registry, read once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SourceRegistry.load()
    return _DEFAULT
