"""Faster forms of the lexicon's regular expressions, matching exactly where the plain forms match.

Python's `re` is slow on case-insensitive patterns and on long alternations that open with an
assertion: it then tries every alternative at every position. Two rewrites avoid that:

- `Folded`: a case-insensitive pattern is run case-sensitively, its letters lower-cased, over the
  text with ASCII letters lower-cased (`fold`). The two agree on every text without the four
  characters that case-fold to ASCII letters (İ ı ſ K); on those the plain pattern runs.
- `words_pattern`: an ordered alternation of word patterns, each to start and end on a word
  boundary, regrouped by first letter so that `re` scans for those letters and tries only the
  alternatives that can start there. The first alternative to match still wins.
"""
from __future__ import annotations

import re
import string
from typing import Hashable, Iterator

try:  # Python 3.11+
    import re._constants as _sre
    import re._parser as _parser
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets
# The only characters that re.IGNORECASE matches to an ASCII letter besides the letters themselves.
FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_QUANTIFIERS = frozenset("?*+{")


def fold(text: str) -> str | None:
    """`text` with ASCII letters lower-cased (same offsets); None when a case-insensitive pattern
    could match it where the folded form does not."""
    return None if FOLDS.search(text) else text.translate(ASCII_LOWER)


def lower_pattern(pattern: str) -> str | None:
    """The pattern with its ASCII letters lower-cased, when that, run case-sensitively over folded
    text, matches exactly where `pattern` matches case-insensitively; None when that can't be told."""
    if not pattern.isascii():
        return None
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1:i + 2]
            if not escaped or escaped in "xuUN" or escaped.isdigit():
                return None  # character codes and back-references: not worth reading
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "(" and pattern[i + 1:i + 4] == "?P<":
            close = pattern.find(">", i)
            if close < 0:
                return None
            out.append(pattern[i:close + 1])  # a group's name keeps its case
            i = close + 1
            continue
        if char == "(" and pattern[i + 1:i + 2] == "?" and pattern[i + 2:i + 3] not in (":", "=", "!", "<"):
            return None  # inline flags, references to named groups
        out.append(char.lower() if char in string.ascii_uppercase else char)
        i += 1
    lowered = "".join(out)
    try:
        original, folded = _parser.parse(pattern, re.IGNORECASE), _parser.parse(lowered, 0)
    except re.error:
        return None
    return lowered if _same_shape(original, folded) else None


def _same_shape(a, b) -> bool:
    """Parse trees equal but for the case of letters."""
    if not (isinstance(a, _parser.SubPattern) and isinstance(b, _parser.SubPattern)):
        return False
    return _same_items(a.data, b.data)


def _same_items(items, others) -> bool:
    return len(items) == len(others) and all(_same_item(x, y) for x, y in zip(items, others))


def _same_item(item, other) -> bool:
    (op, av), (op2, av2) = item, other
    if op is not op2:
        return False
    if op in (_sre.LITERAL, _sre.NOT_LITERAL):
        return chr(av).lower() == chr(av2)
    if op is _sre.RANGE:  # within the capitals, within the small letters, or no letters at all
        (low, high), (low2, high2) = av, av2
        span = "".join(map(chr, range(low, high + 1)))
        if not any(c in string.ascii_letters for c in span):
            return av == av2
        cased = span.isupper() and span.isalpha() or span.islower() and span.isalpha()
        return cased and (chr(low).lower(), chr(high).lower()) == (chr(low2), chr(high2))
    if op is _sre.IN:
        return _same_items(av, av2)
    if op is _sre.BRANCH:
        return len(av[1]) == len(av2[1]) and all(_same_shape(x, y) for x, y in zip(av[1], av2[1]))
    if op is _sre.SUBPATTERN:
        return av[0] == av2[0] and not (av[1] or av[2] or av2[1] or av2[2]) and _same_shape(av[3], av2[3])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)):
        return av[:2] == av2[:2] and _same_shape(av[2], av2[2])
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return av[0] == av2[0] and _same_shape(av[1], av2[1])
    if op in (_sre.AT, _sre.CATEGORY, _sre.ANY, _sre.NEGATE):
        return av == av2
    return False  # back-references, conditionals ...: not rewritten


UNFOLDED = object()  # a `folded` argument not given: the text is folded when needed


class Folded:
    """A case-insensitive pattern, run the fast way (see `fold`) whenever it can be.
    `folded` is `fold(text)` when the caller has it (None included). Matches are of the text
    searched: take their spans, and the words from the original."""

    __slots__ = ("plain", "fast", "pattern")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.plain = re.compile(pattern, re.IGNORECASE)
        lowered = lower_pattern(pattern)
        self.fast = re.compile(lowered) if lowered is not None else None

    def _pick(self, text: str, folded) -> tuple[re.Pattern, str]:
        if self.fast is None:
            return self.plain, text
        if folded is UNFOLDED:
            folded = fold(text)
        return (self.fast, folded) if folded is not None else (self.plain, text)

    def search(self, text: str, folded=UNFOLDED) -> re.Match | None:
        pattern, subject = self._pick(text, folded)
        return pattern.search(subject)

    def match(self, text: str, folded=UNFOLDED) -> re.Match | None:
        pattern, subject = self._pick(text, folded)
        return pattern.match(subject)

    def finditer(self, text: str, folded=UNFOLDED) -> Iterator[re.Match]:
        pattern, subject = self._pick(text, folded)
        return pattern.finditer(subject)


# --- alternations of words ---------------------------------------------------------------------

def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each bracket and bar outside escapes and character
    classes, then (length, "", depth), with depth -1 when a class is left open."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif char in "()|":
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1
    yield len(pattern), "", -1 if in_class else depth


def _split_top(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern; None when its brackets do not balance."""
    parts, start = [], 0
    for i, char, depth in _structure(pattern):
        if depth < 0 or (not char and depth):
            return None
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int:
    """Index of the bracket closing the group that opens the pattern."""
    return next((i for i, char, depth in _structure(pattern) if char == ")" and depth == 0), -1)


def _literal_first(pattern: str, limit: int = 64) -> list[str] | None:
    """The pattern as alternatives, in the order `re` tries them, each opening with one plain
    letter or digit ("(?:hand )?grenades?" -> "hand grenades?", "grenades?") or a class (`_first_atom`);
    None when it can't be split so."""
    parts = _split_top(pattern)
    if parts is None:
        return None
    if len(parts) > 1:
        return _each_literal_first(parts, limit)
    if pattern[:1].isascii() and pattern[:1].isalnum() and pattern[1:2] not in _QUANTIFIERS:
        return [pattern]
    if _first_atom(pattern):
        return [pattern]
    if not pattern.startswith("(?:"):
        return None
    end = _group_end(pattern)
    options = _split_top(pattern[3:end]) if end > 0 else None
    if options is None:
        return None
    after = pattern[end + 1:]
    if after[:1] == "?" and after[1:2] not in ("?", "+"):
        sequence = [option + after[1:] for option in options] + [after[1:]]
    elif after[:1] in _QUANTIFIERS:
        return None
    else:
        sequence = [option + after for option in options]
    return _each_literal_first(sequence, limit)


def _each_literal_first(alternatives: list[str], limit: int) -> list[str] | None:
    """`_literal_first` of each alternative, in order; None when one can't be split or too many."""
    out: list[str] = []
    for alternative in alternatives:
        found = _literal_first(alternative, limit)
        if found is None:
            return None
        out += found
    return out if len(out) <= limit else None


def _first_atom(pattern: str) -> str | None:
    """A leading class (\\d, \\w or a simple bracketed one), as a pattern of its own."""
    if pattern[:2] in ("\\d", "\\w"):
        return pattern[:2]
    if pattern.startswith("[") and "\\" not in pattern[:pattern.find("]", 2) + 1]:
        end = pattern.find("]", 2 if pattern[1:2] != "^" else 3)
        return pattern[:end + 1] if end > 0 else None
    return None


class WordsPattern:
    """Lower-case word patterns tried in order, each to start a word (after no letter, digit or
    hyphen) and end one: `finditer` gives what
    `re.compile(r"(?<![\\w-])(?=\\w)(?:(?P<k1>p1)|(?P<k2>p2)|...)(?!\\w)").finditer(text)` gives
    for keys k1, k2 ..., as (start, end, key), but faster: the alternatives are regrouped by their
    first letter, so that `re` looks for those letters and tries only the alternatives that can
    start there. Alternatives opening with a class (`\\d+ raids`) go to a second pattern; a class
    that could start where a letter's alternatives start leaves everything in one plain pattern."""

    def __init__(self, alternatives: list[tuple[Hashable, str]]):
        self.keys: dict[str, Hashable] = {}
        self.tail: re.Pattern | None = None
        split = self._split(alternatives)
        if split is None:
            body = "|".join(f"(?P<p{number}>{pattern})" for number, (_, pattern) in enumerate(alternatives))
            self.keys = {f"p{number}": key for number, (key, _) in enumerate(alternatives)}
            self.main = re.compile(rf"(?<![\w-])(?=\w)(?:{body})(?!\w)")
            return
        buckets, tail = split
        branches = [f"{letter}(?<![\\w-]{letter})(?:{self._runs(entries, f'b{index}_')})"
                    for index, (letter, entries) in enumerate(buckets.items())]
        self.main = re.compile(f"(?:{'|'.join(branches) or '(?!)'})(?!\\w)")
        if tail:
            self.tail = re.compile(f"(?:{self._runs(tail, 't_')})(?!\\w)")

    @staticmethod
    def _split(alternatives: list[tuple[Hashable, str]]):
        buckets: dict[str, list[tuple[Hashable, str]]] = {}  # first letter -> (key, rest of the pattern)
        tail: list[tuple[Hashable, str]] = []  # (key, pattern opening with a class, checked after it)
        for key, pattern in alternatives:
            expanded = _literal_first(pattern)
            if expanded is None:
                return None
            for alternative in expanded:
                atom = _first_atom(alternative)
                if atom is None:
                    if not re.fullmatch(r"[a-z0-9]", alternative[0]):
                        return None
                    buckets.setdefault(alternative[0], []).append((key, alternative[1:]))
                    continue
                rest = alternative[len(atom):]
                if rest[:1] == "+" and rest[1:2] not in ("?", "+"):
                    rest = atom + "*" + rest[1:]
                elif rest[:1] in _QUANTIFIERS:
                    return None
                # the class must stand for one word character: then the word-start check is one look back
                tail.append((key, f"{atom}(?<=\\w)(?<![\\w-]{atom}){rest}"))
        for _, pattern in tail:  # a class must not start where a letter's alternatives start
            atom = re.compile(_first_atom(pattern) or "")
            if any(atom.fullmatch(letter) for letter in buckets):
                return None
        return buckets, tail

    def _runs(self, entries: list[tuple[Hashable, str]], prefix: str) -> str:
        """Consecutive entries of one key in one named group."""
        runs: list[tuple[Hashable, list[str]]] = []
        for key, pattern in entries:
            if runs and runs[-1][0] == key:
                runs[-1][1].append(pattern)
            else:
                runs.append((key, [pattern]))
        groups = []
        for number, (key, patterns) in enumerate(runs):
            name = f"{prefix}{number}"
            self.keys[name] = key
            groups.append(f"(?:{'|'.join(f'(?:{p})' for p in patterns)})(?P<{name}>)")  # empty: only names the run
        return "|".join(groups)

    def finditer(self, text: str) -> Iterator[tuple[int, int, Hashable]]:
        keys = self.keys
        if self.tail is None or self.tail.search(text) is None:  # the usual case: no class alternative anywhere
            for m in self.main.finditer(text):
                yield m.start(), m.end(), keys[m.lastgroup]
            return
        # two patterns that never match at one position, read as one: leftmost first, no overlaps
        main, tail = self.main, self.tail
        a, b = main.search(text), tail.search(text)
        while a is not None or b is not None:
            m = a if b is None or (a is not None and a.start() < b.start()) else b
            yield m.start(), m.end(), keys[m.lastgroup]
            end = m.end()
            if a is not None and a.start() < end:
                a = main.search(text, end)
            if b is not None and b.start() < end:
                b = tail.search(text, end)
