"""The comparison rules of one country, read from `data/eval/CC.yaml`: governorate spellings,
place spellings and actor groups."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ceasefire.config import PACKAGE_DATA, default_country
from ceasefire.errors import ValidationError

EVAL_DATA = PACKAGE_DATA / "eval"
_OTHER = re.compile(r"[^a-z0-9]+")


def norm(text: Any) -> str:
    """Accents dropped, lower case, every run of other characters one space."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return _OTHER.sub(" ", text.lower()).strip()


@dataclass
class ScoringRules:
    """How names on either side are made comparable."""

    admin1: dict[str, str]  # normalised spelling -> canonical governorate
    admin1_words: re.Pattern[str]  # dropped before lookup ("province")
    places: dict[str, frozenset[str]]  # normalised name -> every spelling of its group(s)
    actor_groups: tuple[tuple[str, re.Pattern[str]], ...]
    equivalent: dict[str, frozenset[str]]  # main-admin1: label -> governorates it covers
    _groups: dict[str, str | None] = field(default_factory=dict, repr=False)
    _admin1s: dict[Any, str | None] = field(default_factory=dict, repr=False)

    def admin1_of(self, value: Any) -> str | None:
        """The canonical governorate; an unknown spelling stays as normalised; None if empty."""
        if not isinstance(value, str):
            value = str(value) if value else ""
        if value not in self._admin1s:
            key = self.admin1_words.sub("", norm(value)).strip()
            self._admin1s[value] = self.admin1.get(key, key or None)
        return self._admin1s[value]

    def actor_group(self, value: Any) -> str | None:
        """The group code of an actor name (first matching group), None for no actor."""
        text = value if isinstance(value, str) else ("" if value is None else str(value))
        if text not in self._groups:
            self._groups[text] = self._group(text.lower())
        return self._groups[text]

    def _group(self, text: str) -> str | None:
        if not text.strip():
            return None
        for group, pattern in self.actor_groups:
            if pattern.search(text):
                return group
        return "OTHER:" + norm(text)

    def place_names(self, place: Any) -> frozenset[str]:
        """Every normalised spelling that counts as this gold place."""
        key = norm(place)
        return self.places.get(key, frozenset()) | {key}

    def covers(self, label: str) -> frozenset[str]:
        return self.equivalent.get(label, frozenset({label}))


@lru_cache(maxsize=8)
def scoring_rules(country: str | None = None) -> ScoringRules:
    """The rules for `country` (default: the scenario's), from data/eval/<CC>.yaml."""
    code = (country or default_country()).upper()
    path = EVAL_DATA / f"{code}.yaml"
    if not path.is_file():
        raise ValidationError(f"no scoring rules for country {code!r} (expected {path.name} in {EVAL_DATA})",
                              field="country", code="E240")
    return parse_rules(path)


def parse_rules(path: Path) -> ScoringRules:
    """Read and check one rules file; every problem names the file and the field."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ValidationError(f"not valid YAML: {getattr(error, 'problem', error)}", path=where,
                              line=mark.line + 1 if mark else None, code="E240") from None
    if not isinstance(data, dict):
        raise ValidationError("expected a mapping at the top of the file", path=where, code="E240")

    def strings(value: Any, name: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValidationError("expected a list of names", path=where, field=name, code="E241")
        return value

    words = [norm(w) for w in strings(data.get("admin1_words", []), "admin1_words")]
    admin1: dict[str, str] = {}
    table = data.get("admin1")
    if not isinstance(table, dict) or not table:
        raise ValidationError("expected a mapping of governorate -> spellings", path=where, field="admin1",
                              code="E241")
    for canonical, spellings in table.items():
        for spelling in [canonical, *strings(spellings or [], f"admin1.{canonical}")]:
            admin1[norm(spelling)] = str(canonical)

    places: dict[str, frozenset[str]] = {}
    for index, group in enumerate(data.get("places") or []):
        names = frozenset(norm(n) for n in strings(group, f"places[{index}]"))
        for name in names:
            places[name] = places.get(name, frozenset()) | names

    equivalent: dict[str, frozenset[str]] = {}
    for index, group in enumerate(data.get("main_admin1_equivalent") or []):
        names = frozenset(strings(group, f"main_admin1_equivalent[{index}]"))
        for name in names:
            equivalent[name] = equivalent.get(name, frozenset()) | names

    groups = []
    for index, entry in enumerate(data.get("actor_groups") or []):
        name = f"actor_groups[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("group"), str):
            raise ValidationError("each actor group needs a 'group' code and 'patterns'", path=where,
                                  field=name, code="E241")
        patterns = strings(entry.get("patterns"), f"{name}.patterns")
        try:
            groups.append((entry["group"], re.compile("|".join(patterns))))
        except re.error as error:
            raise ValidationError(f"bad pattern: {error}", path=where, field=f"{name}.patterns",
                                  code="E242") from None

    return ScoringRules(
        admin1=admin1,
        admin1_words=re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b") if words
        else re.compile(r"(?!x)x"),
        places=places, actor_groups=tuple(groups), equivalent=equivalent,
    )
