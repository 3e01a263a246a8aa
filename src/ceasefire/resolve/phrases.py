"""Find known phrases in text by their words: a dictionary lookup per position, no big regex.

Hyphens, dots and spaces all separate words, so "al-Nusra", "al Nusra" and "Al-Nusra" are one
phrase; apostrophes stay inside words ("Assad's"). Used by the actor registry and the gazetteer.
"""
from __future__ import annotations

import re
from typing import Any, Generic, Iterator, TypeVar

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
Value = TypeVar("Value")


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of `text`."""
    return [(m.group(0).replace("’", "'"), m.start(), m.end()) for m in WORD.finditer(text)]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w, _, _ in words(phrase))


class PhraseIndex(Generic[Value]):
    """Phrases -> values; `find` gives leftmost-longest matches. A phrase added with
    `cased=True` matches only with the same capitals ("IS" but not "is")."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], tuple[Value, tuple[str, ...] | None]] = {}
        self._longest_from: dict[str, int] = {}  # first word -> longest phrase starting with it
        self.longest = 0

    def add(self, phrase: str, value: Value, cased: bool = False) -> None:
        key = phrase_key(phrase)
        if not key or key in self._entries:
            return
        original = tuple(w for w, _, _ in words(phrase)) if cased else None
        self._entries[key] = (value, original)
        self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))
        self.longest = max(self.longest, len(key))

    def __len__(self) -> int:
        return len(self._entries)

    def match_at(self, tokens: list[tuple[str, int, int]], lower: list[str], i: int) -> tuple[int, Value] | None:
        """The longest phrase starting at word i: (end word index, value)."""
        longest = self._longest_from.get(lower[i]) if i < len(lower) else None
        if not longest:
            return None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            entry = self._entries.get(tuple(lower[i:i + n]))
            if entry and (entry[1] is None or tuple(w for w, _, _ in tokens[i:i + n]) == entry[1]):
                return i + n, entry[0]
        return None

    def find(self, text: str) -> Iterator[tuple[int, int, Value]]:
        """(start char, end char, value) of each match, leftmost-longest, in text order."""
        return scan(text, self.match_at)


def scan(text: str, match_at) -> Iterator[tuple[int, int, Any]]:
    """Leftmost-longest matches of `match_at(tokens, lower, i) -> (end word, value) | None`."""
    tokens = words(text)
    lower = [w.lower() for w, _, _ in tokens]
    i = 0
    while i < len(tokens):
        match = match_at(tokens, lower, i)
        if match is None:
            i += 1
            continue
        end, value = match
        yield tokens[i][1], tokens[end - 1][2], value
        i = end
