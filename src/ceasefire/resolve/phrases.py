"""Find known phrases in text by their words: a dictionary lookup per position, no big regex.

Hyphens, dots and spaces all separate words, so "al-Nusra", "al Nusra" and "Al-Nusra" are one
phrase; apostrophes stay inside words ("Dar'a"), but a possessive 's is no part of its word
("Aleppo's countryside" names Aleppo). Used by the actor registry and the gazetteer.
A text's words can be split once (`Words`) and scanned by several indexes, or a part at a time.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Callable, Collection, Generic, Iterable, Iterator, TypeVar

WORD = re.compile(r"([^\W_]+(?:'(?!s\b)[^\W_]+)*)(?:'s\b)?")
Value = TypeVar("Value")


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word of `text`, ’ written ', a possessive 's left out."""
    return [(m.group(1), m.start(), m.end(1)) for m in WORD.finditer(text.replace("’", "'"))]


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w, _, _ in words(phrase))


class Words:
    """The words of one text, split once: `tokens` as `words` gives them, `lower` lower-cased."""

    __slots__ = ("text", "tokens", "lower", "starts", "_positions")

    def __init__(self, text: str):
        self.text = text
        self.tokens = words(text)
        self.lower = [w.lower() for w, _, _ in self.tokens]
        self.starts = [start for _, start, _ in self.tokens]
        self._positions: dict[int, tuple[Collection[str], list[int]]] = {}

    def positions(self, first_words: Collection[str], start: int = 0, stop: int | None = None) -> list[int]:
        """Indexes of the words start..stop that are in `first_words`."""
        cached = self._positions.get(id(first_words))
        if cached is None or cached[0] is not first_words:
            cached = self._positions[id(first_words)] = (
                first_words, [i for i, word in enumerate(self.lower) if word in first_words])
        found = cached[1]
        if start == 0 and stop is None:
            return found
        stop = len(self.lower) if stop is None else stop
        return found[bisect_left(found, start):bisect_left(found, stop)]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Word indexes (first, stop) of text[start:end] when no word runs across either edge
        (then the part's own words are these words); None otherwise."""
        tokens = self.tokens
        first = bisect_left(self.starts, start)
        stop = bisect_left(self.starts, end, first)
        if first and tokens[first - 1][2] > start or stop and tokens[stop - 1][2] > end:
            return None
        return first, stop


MatchAt = Callable[[list, list, int, int], Any]


class PhraseIndex(Generic[Value]):
    """Phrases -> values; `find` gives leftmost-longest matches. A phrase added with
    `cased=True` matches only with the same capitals ("IS" but not "is")."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], tuple[Value, tuple[str, ...] | None]] = {}
        self._lengths_from: dict[str, tuple[int, ...]] = {}  # first word -> lengths of its phrases, longest first
        self._seconds: dict[str, set[str]] = {}  # first word -> second words of its longer phrases
        self.longest = 0

    def add(self, phrase: str, value: Value, cased: bool = False) -> None:
        key = phrase_key(phrase)
        if not key or key in self._entries:
            return
        original = tuple(w for w, _, _ in words(phrase)) if cased else None
        self._entries[key] = (value, original)
        lengths = self._lengths_from.get(key[0], ())
        if len(key) not in lengths:
            self._lengths_from[key[0]] = tuple(sorted((*lengths, len(key)), reverse=True))
        if len(key) > 1:
            self._seconds.setdefault(key[0], set()).add(key[1])
        self.longest = max(self.longest, len(key))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def first_words(self) -> Collection[str]:
        """Lower-cased words a phrase can start with (a live view: keep it, it stays current)."""
        return self._lengths_from

    def match_at(self, tokens: list[tuple[str, int, int]], lower: list[str], i: int,
                 stop: int | None = None) -> tuple[int, Value] | None:
        """The longest phrase starting at word i and ending before word `stop`: (end word index, value)."""
        stop = len(tokens) if stop is None else stop
        lengths = self._lengths_from.get(lower[i]) if i < stop else None
        if not lengths:
            return None
        if lengths[0] > 1 and (i + 1 >= stop or lower[i + 1] not in self._seconds[lower[i]]):
            if lengths[-1] != 1:
                return None
            lengths = (1,)  # no longer phrase goes on with the next word
        entries = self._entries
        for n in lengths:
            if n > stop - i:
                continue
            entry = entries.get(tuple(lower[i:i + n]))
            if entry and (entry[1] is None or tuple(w for w, _, _ in tokens[i:i + n]) == entry[1]):
                return i + n, entry[0]
        return None

    def find(self, text: str, split: Words | None = None) -> Iterator[tuple[int, int, Value]]:
        """(start char, end char, value) of each match, leftmost-longest, in text order.
        `split`: the text's words, when they are at hand."""
        return scan(text, self.match_at, split, self.first_words)


def scan(text: str, match_at: MatchAt, split: Words | None = None, first_words: Collection[str] | None = None,
         start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int, Any]]:
    """Leftmost-longest matches of `match_at(tokens, lower, i, stop) -> (end word, value) | None`
    among words start..stop of the text. With `first_words`, only words in it are tried (a phrase
    can start nowhere else)."""
    split = split or Words(text)
    tokens, lower = split.tokens, split.lower
    stop = len(tokens) if stop is None else stop
    positions: Iterable[int] = range(start, stop) if first_words is None else split.positions(first_words, start, stop)
    done = start
    for i in positions:
        if i < done:
            continue
        match = match_at(tokens, lower, i, stop)
        if match is None:
            continue
        end, value = match
        yield tokens[i][1], tokens[end - 1][2], value
        done = end
