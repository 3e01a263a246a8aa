"""The trigger lexicon (`data/lexicons/triggers.yaml`), compiled once per process."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError
from ceasefire.model import SUB_EVENT_TYPES

TRIGGERS_FILE = PACKAGE_DATA / "lexicons" / "triggers.yaml"
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets
ROLES = {"kill", "arrest", "territory"}  # sub-types settled in code from who does what to whom


@dataclass(frozen=True)
class Trigger:
    sub: str  # a sub-event type, or a role in ROLES
    priority: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[tuple[str, int, re.Pattern], ...]
    combined: re.Pattern
    rule_of: dict[str, tuple[str, int]]
    gated: tuple[tuple[str, int, re.Pattern, re.Pattern], ...]  # rules tried only where `requires` finds
    labels: dict[str, str]
    label_pattern: re.Pattern | None
    negation_cues: re.Pattern
    negation_window: int
    not_events: re.Pattern
    periods: re.Pattern
    protest_outcomes: tuple[tuple[str, re.Pattern], ...]
    anaphora: re.Pattern
    background: re.Pattern
    background_days: int
    aggregate_deaths: int
    claims: re.Pattern

    def claims_responsibility(self, sentence: str) -> bool:
        return bool(self.claims.search(sentence))

    def triggers(self, text: str) -> list[Trigger]:
        """Triggers in `text`, negated ones left out, highest priority first then text order.
        Triggers after a background cue ("following the attack on ...") rank below the others.
        One pass of one pattern: where rules overlap, the higher-priority rule takes the words."""
        found: list[Trigger] = []
        cue = self.background.search(text)
        matches = [(m.span(), self.rule_of[m.lastgroup]) for m in self.combined.finditer(text.translate(ASCII_LOWER))]
        for sub, priority, pattern, requires in self.gated:
            if requires.search(text):
                matches.extend((m.span(), (sub, priority)) for m in pattern.finditer(text))
        for (start, end), (sub, priority) in matches:
            if self._negated(text, start):
                continue
            if cue is not None and start > cue.start():
                priority -= 100
            found.append(Trigger(sub, priority, text[start:end], start, end))
        found.sort(key=lambda t: (-t.priority, t.start))
        return found

    def protest_outcome(self, text: str) -> str | None:
        """The protest sub-type a sentence's other words call for, if any."""
        for sub, pattern in self.protest_outcomes:
            if pattern.search(text):
                return sub
        return None

    def continues(self, sentence: str) -> bool:
        """Does the sentence open by referring back to the event before it?"""
        return bool(self.anaphora.match(sentence))

    def label(self, text: str) -> tuple[str, int] | None:
        """A lede naming the sub-type ("Looting: On 9 May ..."): (sub-type, end of lede)."""
        if self.label_pattern is None:
            return None
        match = self.label_pattern.match(text)
        if not match:
            return None
        return self.labels[match.group(1).lower()], match.end()

    def period_spans(self, sentence: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.periods.finditer(sentence)]

    def is_statement(self, sentence: str) -> bool:
        """A statement, plan or background sentence."""
        return bool(self.not_events.search(sentence))

    def is_not_event(self, sentence: str, dated: bool = False) -> bool:
        """A statement, plan or background; or a period, unless the sentence dates a day."""
        return bool(self.not_events.search(sentence)) or (not dated and bool(self.periods.search(sentence)))

    def _negated(self, text: str, start: int) -> bool:
        before = text[max(0, start - self.negation_window):start]
        return bool(self.negation_cues.search(before))


def _compile(pattern: str, path: Path, where: str) -> re.Pattern:
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)
    except re.error as error:
        raise ValidationError(f"bad pattern {pattern!r}: {error}", path=str(path), field=where,
                              code="E210") from None


@lru_cache(maxsize=None)
def load_lexicon(path: Path = TRIGGERS_FILE) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for index, rule in enumerate(data.get("rules") or []):
        sub = rule.get("sub")
        if sub not in SUB_EVENT_TYPES and sub not in ROLES:
            raise ValidationError(f"unknown sub-event type {sub!r}", path=str(path),
                                  field=f"rules[{index}].sub", code="E211")
        patterns = "|".join(f"(?:{p})" for p in rule["patterns"])
        requires = _compile(rule["requires"], path, f"rules[{index}].requires") if rule.get("requires") else None
        rules.append((sub, int(rule["priority"]), _compile(patterns, path, f"rules[{index}].patterns"), patterns,
                      requires))
    rules.sort(key=lambda r: -r[1])
    gated = tuple((sub, priority, pattern, requires) for sub, priority, pattern, _, requires in rules if requires)
    rules = [r for r in rules if r[4] is None]
    rule_of = {f"r{i}": (sub, priority) for i, (sub, priority, *_) in enumerate(rules)}
    # one pattern over ASCII-lowered text: much faster than case-insensitive matching
    alternatives = "|".join(f"(?P<r{i}>{raw.translate(ASCII_LOWER)})" for i, raw in enumerate(r[3] for r in rules))
    combined = re.compile(rf"(?<![\w-])(?=\w)(?:{alternatives})(?!\w)")
    labels = {k.lower(): v for k, v in (data.get("labels") or {}).items()}
    for key, sub in labels.items():
        if sub not in SUB_EVENT_TYPES:
            raise ValidationError(f"unknown sub-event type {sub!r}", path=str(path), field=f"labels.{key}",
                                  code="E211")
    label_pattern = None
    if labels:
        alternatives = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
        label_pattern = re.compile(rf"\s*({alternatives})\s*:\s*", re.IGNORECASE)
    negation = data.get("negation") or {}
    cues = "|".join(re.escape(c) for c in negation.get("cues", ["no"]))
    not_events = "|".join(f"(?:{p})" for p in data.get("not_events") or ["(?!)"])
    outcomes = []
    for sub, patterns in (data.get("protest_outcomes") or {}).items():
        if sub not in SUB_EVENT_TYPES:
            raise ValidationError(f"unknown sub-event type {sub!r}", path=str(path),
                                  field=f"protest_outcomes.{sub}", code="E211")
        outcomes.append((sub, _compile("|".join(f"(?:{p})" for p in patterns), path, f"protest_outcomes.{sub}")))
    anaphora = "|".join(re.escape(w) for w in sorted(data.get("anaphora") or ["(?!)"], key=len, reverse=True))
    background = "|".join(re.escape(w) for w in data.get("background_cues") or [])
    return Lexicon(
        rules=tuple((sub, priority, pattern) for sub, priority, pattern, *_ in rules), combined=combined, gated=gated, rule_of=rule_of, labels=labels, label_pattern=label_pattern,
        negation_cues=re.compile(rf"\b(?:{cues})\b[^.;,]*$", re.IGNORECASE),
        negation_window=int(negation.get("window", 30)),
        not_events=re.compile(not_events, re.IGNORECASE),
        periods=re.compile("|".join(f"(?:{p})" for p in data.get("periods") or ["(?!)"]), re.IGNORECASE),
        protest_outcomes=tuple(outcomes),
        anaphora=re.compile(rf"\s*(?:{anaphora})\b", re.IGNORECASE),
        background=re.compile(rf"\b(?:{background or '(?!)'})\b", re.IGNORECASE),
        background_days=int(data.get("background_days", 45)),
        aggregate_deaths=int(data.get("aggregate_deaths", 1000)),
        claims=_compile("|".join(f"(?:{p})" for p in data.get("claims") or ["(?!)"]), path, "claims"),
    )
