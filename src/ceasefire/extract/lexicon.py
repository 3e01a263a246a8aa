"""The trigger lexicon (`data/lexicons/triggers.yaml`), compiled once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError
from ceasefire.resolve.patterns import ASCII_LOWER, UNFOLDED, Folded, WordsPattern, fold
from ceasefire.model import SUB_EVENT_TYPES

TRIGGERS_FILE = PACKAGE_DATA / "lexicons" / "triggers.yaml"
ROLES_FILE = PACKAGE_DATA / "lexicons" / "roles.yaml"
BOILERPLATE_FILE = PACKAGE_DATA / "lexicons" / "boilerplate.yaml"
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
    """The compiled lexicon. Every `folded` argument is `patterns.fold(text)`, when the caller
    has it (see `Sentence.folded`); without it the text is folded here."""

    combined: WordsPattern  # every ungated rule, over ASCII-lowered text
    rule_of: dict[str, tuple[str, int]]  # key of a rule in `combined` -> (sub, priority)
    requires: tuple[Folded, ...]  # the distinct `requires` patterns of gated rules
    gated: tuple[tuple[str, int, Folded, int], ...]  # (sub, priority, pattern, index into requires)
    labels: dict[str, str]
    label_pattern: Folded | None
    negation_cues: Folded
    negation_window: int
    not_events: Folded
    periods: Folded
    protest_outcomes: tuple[tuple[str, Folded], ...]
    anaphora: Folded
    switch_cues: Folded
    sequence_cues: Folded
    supports: Folded  # the support an act had: "backed by Russian airstrikes" (no act told of its own)
    background: Folded
    background_days: int
    aggregate_deaths: int
    claims: Folded

    def weakest(self, sub: str) -> int:
        """The lowest priority of the rules for `sub`: its trigger that says least ("a blast")."""
        return min(priority for rule_sub, priority in (*self.rule_of.values(), *((g[0], g[1]) for g in self.gated))
                   if rule_sub == sub)

    def claims_responsibility(self, sentence: str, folded=UNFOLDED) -> bool:
        return bool(self.claims.search(sentence, folded))

    def triggers(self, text: str, folded=UNFOLDED, offset: int = 0) -> list[Trigger]:
        """Triggers in `text`, negated ones left out, highest priority first then text order.
        Triggers after a background cue ("following the attack on ...") rank below the others, and
        those naming the support an act had ("backed by Russian airstrikes") are no triggers.
        One pass of one pattern: where rules overlap, the higher-priority rule takes the words.
        `offset` is added to the triggers' offsets (where `text` starts in a longer one)."""
        if folded is UNFOLDED:
            folded = fold(text)
        lowered = folded if folded is not None else text.translate(ASCII_LOWER)
        rule_of = self.rule_of
        matches = [((start, end), rule_of[key]) for start, end, key in self.combined.finditer(lowered)]
        if self.gated:
            required = [pattern.search(text, folded) is not None for pattern in self.requires]
            for sub, priority, pattern, requires in self.gated:
                if required[requires]:
                    matches.extend((m.span(), (sub, priority)) for m in pattern.finditer(text, folded))
        if not matches:
            return []
        cue = self.background.search(text, folded)
        support = self.supports.search(text, folded)
        found: list[Trigger] = []
        window = self.negation_window
        for (start, end), (sub, priority) in matches:
            begin = max(0, start - window)
            if self.negation_cues.search(text[begin:start], folded[begin:start] if folded is not None else None):
                continue
            if support is not None and support.start() <= start and end <= support.end():
                continue  # "troops backed by Russian airstrikes retook ...": the airstrikes are no act told
            if cue is not None and start > cue.start():
                priority -= 100
            found.append(Trigger(sub, priority, text[start:end], start + offset, end + offset))
        found.sort(key=lambda t: (-t.priority, t.start))
        return found

    def protest_outcome(self, text: str, folded=UNFOLDED) -> str | None:
        """The protest sub-type a sentence's other words call for, if any."""
        for sub, pattern in self.protest_outcomes:
            if pattern.search(text, folded):
                return sub
        return None

    def continues(self, sentence: str, folded=UNFOLDED) -> bool:
        """Does the sentence open by referring back to the event before it?"""
        return bool(self.anaphora.match(sentence, folded))

    def goes_on(self, sentence: str, folded=UNFOLDED) -> bool:
        """Does the sentence tell what happened next ("IS fighters then overran the hill")?"""
        return bool(self.sequence_cues.search(sentence, folded))

    def turns_away(self, sentence: str, folded=UNFOLDED) -> bool:
        """Does the sentence open by turning to another event ("Meanwhile, ...", "Separately, ...")?"""
        return bool(self.switch_cues.match(sentence, folded))

    def label(self, text: str, folded=UNFOLDED) -> tuple[str, int] | None:
        """A lede naming the sub-type ("Looting: On 9 May ..."): (sub-type, end of lede)."""
        if self.label_pattern is None:
            return None
        match = self.label_pattern.match(text, folded)
        if not match:
            return None
        return self.labels[match.group(1).lower()], match.end()

    def period_spans(self, sentence: str, folded=UNFOLDED) -> list[tuple[int, int]]:
        return [m.span() for m in self.periods.finditer(sentence, folded)]

    def is_statement(self, sentence: str, folded=UNFOLDED) -> bool:
        """A statement, plan or background sentence."""
        return bool(self.not_events.search(sentence, folded))

    def is_not_event(self, sentence: str, dated: bool = False) -> bool:
        """A statement, plan or background; or a period, unless the sentence dates a day."""
        folded = fold(sentence)
        return self.is_statement(sentence, folded) or (not dated and bool(self.periods.search(sentence, folded)))

    def _negated(self, text: str, start: int) -> bool:
        before = text[max(0, start - self.negation_window):start]
        return bool(self.negation_cues.search(before))


TRAILING_SPACE = re.compile(r"(?:\s|\\s)[)?*]*$")


def _compile(pattern: str, path: Path, where: str) -> Folded:
    return _folded(rf"(?<![\w-])(?:{pattern})(?![\w])", path, where, pattern)


def _folded(full: str, path: Path, where: str, pattern: str | None = None) -> Folded:
    try:
        return Folded(full)
    except re.error as error:
        raise ValidationError(f"bad pattern {pattern or full!r}: {error}", path=str(path), field=where,
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
        for pattern in rule["patterns"]:
            if TRAILING_SPACE.search(pattern):  # a trigger ends at a word's end: this would never match
                raise ValidationError(f"pattern {pattern!r} ends in a space", path=str(path),
                                      field=f"rules[{index}].patterns", code="E210")
        patterns = "|".join(f"(?:{p})" for p in rule["patterns"])
        if rule.get("requires"):
            _compile(rule["requires"], path, f"rules[{index}].requires")
        rules.append((sub, int(rule["priority"]), _compile(patterns, path, f"rules[{index}].patterns"), patterns,
                      rule.get("requires")))
    rules.sort(key=lambda r: -r[1])
    requires = list(dict.fromkeys(r[4] for r in rules if r[4]))  # rules often share one
    compiled_requires = [_compile(pattern, path, "requires") for pattern in requires]
    gated = tuple((sub, priority, pattern, requires.index(needs)) for sub, priority, pattern, _, needs in rules if needs)
    rules = [r for r in rules if r[4] is None]
    rule_of = {f"r{i}": (sub, priority) for i, (sub, priority, *_) in enumerate(rules)}
    # one pattern over ASCII-lowered text: much faster than case-insensitive matching
    combined = WordsPattern([(f"r{i}", raw.translate(ASCII_LOWER)) for i, raw in enumerate(r[3] for r in rules)])
    labels = {k.lower(): v for k, v in (data.get("labels") or {}).items()}
    for key, sub in labels.items():
        if sub not in SUB_EVENT_TYPES:
            raise ValidationError(f"unknown sub-event type {sub!r}", path=str(path), field=f"labels.{key}",
                                  code="E211")
    label_pattern = None
    if labels:
        alternatives = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
        label_pattern = _folded(rf"\s*({alternatives})\s*:\s*", path, "labels")
    negation = data.get("negation") or {}
    cues = "|".join(re.escape(c) for c in negation.get("cues", ["no"]))
    breaks = "|".join(re.escape(w) for w in negation.get("clause_breaks") or []) or "(?!)"
    not_events = "|".join(f"(?:{p})" for p in data.get("not_events") or ["(?!)"])
    outcomes = []
    for sub, patterns in (data.get("protest_outcomes") or {}).items():
        if sub not in SUB_EVENT_TYPES:
            raise ValidationError(f"unknown sub-event type {sub!r}", path=str(path),
                                  field=f"protest_outcomes.{sub}", code="E211")
        outcomes.append((sub, _compile("|".join(f"(?:{p})" for p in patterns), path, f"protest_outcomes.{sub}")))
    anaphora = "|".join(re.escape(w) for w in sorted(data.get("anaphora") or ["(?!)"], key=len, reverse=True))
    switches = "|".join(re.escape(w) for w in sorted(data.get("switches") or ["(?!)"], key=len, reverse=True))
    background = "|".join(re.escape(w) for w in data.get("background_cues") or [])
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in data.get("background_cues_not_after") or [])
    not_before = "|".join(f"(?:{p})" for p in data.get("background_cues_not_before") or ["(?!)"])
    return Lexicon(
        combined=combined, rule_of=rule_of, requires=tuple(compiled_requires), gated=gated, labels=labels,
        label_pattern=label_pattern,
        negation_cues=_folded(rf"\b(?:{cues})\b(?:(?!\b(?:{breaks})\b)[^.;,])*$", path, "negation.cues"),
        negation_window=int(negation.get("window", 30)),
        not_events=_folded(not_events, path, "not_events"),
        periods=_folded("|".join(f"(?:{p})" for p in data.get("periods") or ["(?!)"]), path, "periods"),
        protest_outcomes=tuple(outcomes),
        anaphora=_folded(rf"\s*(?:{anaphora})\b", path, "anaphora"),
        switch_cues=_folded(rf"\s*(?:{switches})\b", path, "switches"),
        sequence_cues=_folded("|".join(f"(?:{p})" for p in data.get("sequence") or ["(?!)"]), path, "sequence"),
        supports=_folded("|".join(f"(?:{p})" for p in data.get("supports") or ["(?!)"]), path, "supports"),
        background=_folded(rf"{not_after}\b(?:{background or '(?!)'})\b(?!{not_before})", path, "background_cues"),
        background_days=int(data.get("background_days", 45)),
        aggregate_deaths=int(data.get("aggregate_deaths", 1000)),
        claims=_compile("|".join(f"(?:{p})" for p in data.get("claims") or ["(?!)"]), path, "claims"),
    )


@lru_cache(maxsize=None)
def load_role_patterns(path: Path = ROLES_FILE) -> dict[str, re.Pattern]:
    """The patterns of `data/lexicons/roles.yaml`, compiled case-insensitive, each `{name}` of
    `words` filled in."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = data.pop("words", None) or {}
    patterns = {}
    for name, pattern in data.items():
        for word, group in words.items():
            pattern = pattern.replace("{" + word + "}", group)
        unknown = re.search(r"\{([a-z_]+)\}", pattern)
        if unknown:
            raise ValidationError(f"no words named {unknown.group(1)!r}", path=str(path), field=name, code="E210")
        try:
            patterns[name] = re.compile(pattern, re.I)
        except re.error as error:
            raise ValidationError(f"bad pattern {pattern!r}: {error}", path=str(path), field=name,
                                  code="E210") from None
    return patterns


@dataclass(frozen=True)
class FurnitureSpan:
    start: re.Pattern
    end: re.Pattern | None = None
    until_repeat: bool = False
    alone: bool = False  # the start match is the whole span
    within: int | None = None  # how far after the start the end may come (characters)


REPEAT_CHARS = 30  # how much of the text before a span must start again to end it
REPEAT_WITHIN = 300


@lru_cache(maxsize=None)
def load_boilerplate(path: Path = BOILERPLATE_FILE) -> tuple[FurnitureSpan, ...]:
    """The page furniture of `data/lexicons/boilerplate.yaml`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    spans = []
    for index, row in enumerate(data.get("spans") or []):
        try:
            spans.append(FurnitureSpan(re.compile(row["start"]), re.compile(row["end"]) if row.get("end") else None,
                                       bool(row.get("until_repeat")), bool(row.get("alone")),
                                       int(row["within"]) if row.get("within") else None))
        except (re.error, KeyError, TypeError) as error:
            raise ValidationError(f"bad span {row!r}: {error}", path=str(path), field=f"spans[{index}]",
                                  code="E210") from None
    return tuple(spans)


def furniture(text: str, spans: tuple[FurnitureSpan, ...]) -> list[tuple[int, int]]:
    """Offsets of the page furniture in a report's text."""
    found = []
    for span in spans:
        for match in span.start.finditer(text):
            if span.alone:
                found.append(match.span())
                continue
            if span.until_repeat:
                stop = _repeat(text, match.end())
                if stop is not None:
                    found.append((match.start(), stop))
                    continue
                if span.end is None:
                    continue
            if span.end is None:
                found.append((match.start(), len(text)))
                break  # to the end of the page
            stop = span.end.search(text, match.end(), match.end() + span.within if span.within else len(text))
            found.append((match.start(), stop.end() if stop is not None else match.end()))  # no end: the match alone
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _repeat(text: str, after: int) -> int | None:
    """Where, within REPEAT_WITHIN characters after `after`, a sentence said before it starts again
    (its first REPEAT_CHARS characters, from a capital)."""
    before = text[:after]
    openings = {before[m.start():m.start() + REPEAT_CHARS]
                for m in re.finditer(r"(?:^|(?<=[.!?]\s)|(?<=\d{4}\s))[A-Z\"]", before)}
    for offset in range(after, min(len(text) - REPEAT_CHARS, after + REPEAT_WITHIN) + 1):
        if text[offset - 1].isspace() and text[offset:offset + REPEAT_CHARS] in openings:
            return offset
    return None
