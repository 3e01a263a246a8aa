"""Faster forms of regular expressions (resolve/patterns.py) match exactly where the plain forms do."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.extract.lexicon import load_lexicon
from ceasefire.resolve.patterns import ASCII_LOWER, Folded, WordsPattern, fold, lower_pattern
from ceasefire.resolve.phrases import PhraseIndex, Words, words

# Letters, the four characters that case-fold to ASCII letters, digits (ASCII and Arabic-Indic),
# hyphens and stops: what word boundaries and case rules turn on.
ALPHABET = "aAbBeEiIkKlLnNrRsStTdD \u0130\u0131\u017f\u212a0123\u0663-.,;'’\n"
TEXTS = st.text(alphabet=ALPHABET, max_size=60)
WORDS = ["aid", "airstrike", "air strike", "Air-Drop", "killed", "skill", "bread", "raid", "raids", "3 raids",
         "12 raids", "\u0663 raids", "in", "dead", "bed", "since", "Sunday", "a series of raids", "rebels"]
SENTENCES = st.lists(st.sampled_from(WORDS + [" ", ", ", ". ", "-", "’s"]), max_size=12).map("".join)


def spans(matches):
    return [m.span() for m in matches]


def test_patterns_fold_keeps_offsets_and_refuses_case_folding_characters():
    assert fold("Aleppo’s EAST") == "aleppo’s east"
    for char in "\u0130\u0131\u017f\u212a":
        assert fold(f"a{char}b") is None


@pytest.mark.parametrize("pattern, lowered", [
    (r"\bSince (?:Monday|\d{4})\b", r"\bsince (?:monday|\d{4})\b"),
    (r"[A-Z]\w+ (?P<Kind>City|Town)", r"[a-z]\w+ (?P<Kind>city|town)"),
    (r"\W\S\D", r"\W\S\D"),  # escapes keep their case
])
def test_patterns_lower_pattern(pattern, lowered):
    assert lower_pattern(pattern) == lowered


@pytest.mark.parametrize("pattern", [r"[A-z]", r"(a)\1", r"(?i)a", r"\x41", "é"])
def test_patterns_lower_pattern_refuses_what_it_cannot_show_equal(pattern):
    assert lower_pattern(pattern) is None


FOLDED = [r"\b(?:no|not|never)\b[^.;,]*$", r"\bsince (?:last )?(?:monday|sunday)\b", r"[a-k]+ins?",
          r"(?<![\w-])(?:k\w*|Raid(?:ed)?)(?![\w])", r"\s*(?:Looting|Arrests)\s*:\s*", r"[^a-z]+"]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_patterns_folded_matches_as_ignorecase_does(text):
    for pattern in FOLDED:
        folded = Folded(pattern)
        assert folded.fast is not None
        plain = re.compile(pattern, re.IGNORECASE)
        assert spans(folded.finditer(text)) == spans(plain.finditer(text))
        assert spans(folded.finditer(text, fold(text))) == spans(plain.finditer(text))
        assert bool(folded.search(text)) == bool(plain.search(text))
        assert bool(folded.match(text)) == bool(plain.match(text))


WORD_LISTS = [
    [("air", "air ?strikes?|air[- ]?drop(?:s|ped)?"), ("kill", "(?:s)?killed"), ("raid", "(?:\\d+|several|a series of) raids"),
     ("dead", "dead|bed"), ("aid", "aid|(?:hand )?raids?")],
    [("one", "raids?"), ("two", "(?:\\d+|several) raids"), ("three", "rai")],
    [("digit", "3 raids"), ("class", "\\d+ raids")],  # a class where a letter starts: one plain pattern
    [("x", "(?:a|b)+c"), ("y", "since")],  # cannot be split by first letter
]


@pytest.mark.parametrize("alternatives", WORD_LISTS)
@settings(max_examples=200, deadline=None)
@given(text=SENTENCES)
def test_patterns_words_pattern_matches_as_one_alternation_does(alternatives, text):
    lowered = text.translate(ASCII_LOWER)
    body = "|".join(f"(?P<p{n}>{p})" for n, (_, p) in enumerate(alternatives))
    plain = re.compile(rf"(?<![\w-])(?=\w)(?:{body})(?!\w)")
    expected = [(m.start(), m.end(), alternatives[int(m.lastgroup[1:])][0]) for m in plain.finditer(lowered)]
    assert list(WordsPattern(alternatives).finditer(lowered)) == expected


def test_patterns_words_pattern_regroups_by_first_letter():
    split = WordsPattern(WORD_LISTS[0])
    assert split.tail is not None and split.main.pattern.startswith("(?:a(?<!")
    assert WordsPattern(WORD_LISTS[2]).tail is None  # left as one plain pattern


def test_patterns_trigger_lexicon_is_regrouped():
    combined = load_lexicon().combined
    assert not combined.main.pattern.startswith("(?<!")  # re can look for first letters


def test_phrases_words_leave_a_possessive_out_and_keep_inner_apostrophes():
    assert words("Aleppo's east, Dar'a’s old city") == [
        ("Aleppo", 0, 6), ("east", 9, 13), ("Dar'a", 15, 20), ("old", 23, 26), ("city", 27, 31)]


def test_phrases_words_span_refuses_a_word_across_an_edge():
    split = Words("Shelling hit Assad's forces.Then al-Bab")
    assert split.span(0, 12) == (0, 2)
    assert split.span(13, 16) is None  # inside "Assad"
    assert split.span(13, 20) == (2, 3)  # "Assad's": the possessive 's is no part of the word
    assert split.span(13, 28) == (2, 4)
    assert split.span(23, 30) is None  # "forces" cut


@settings(max_examples=200, deadline=None)
@given(SENTENCES)
def test_phrases_find_over_split_words_is_find_over_the_text(text):
    index: PhraseIndex[str] = PhraseIndex()
    for phrase in ("air strike", "raids", "Sunday", "a series of raids", "killed", "in"):
        index.add(phrase, phrase)
    index.add("IS", "IS", cased=True)
    split = Words(text)
    assert list(index.find(text, split)) == list(index.find(text))
    assert [w for w, _, _ in split.tokens] == [w for w, _, _ in words(text)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.text(alphabet="aAbBkK_1 -", min_size=1, max_size=4))
def test_places_find_is_the_whole_word_search_it_replaces(context, name):
    from ceasefire.resolve.places import _find

    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", context, re.IGNORECASE)
    assert _find(context, name) == (found.start() if found else -1)
