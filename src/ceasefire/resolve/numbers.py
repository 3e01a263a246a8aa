"""Casualty counts in report sentences, read with ACLED's conservative rules.

`parse_number` reads one count ("1,200", "twenty-one", "a dozen", "a father and his son");
`find_casualties` finds the deaths and injuries a sentence reports. The vocabulary (number words,
vague quantities and what they count as, trigger verbs, person and thing nouns) is data:
`data/lexicons/numbers.yaml`.

Choices, following ACLED: the reported number is kept ("at least 19" is 19, "over 140" is 140,
"up to 30" is 30, "between 229 and 425" is 229) and marked approximate; "dozens" is 12,
"hundreds" 100, "scores" 20, an unspecific plural ("several", "many") 10. Injuries are never
deaths. A phrase that joins deaths and injuries without telling them apart ("killed or injured
12", "dozens dead and wounded") gives both kinds with count None: deaths happened, number unknown.
"no casualties" gives 0 for both kinds. Counts add up across a list of victims ("76 children and
41 women" is 117, "a father and his son" 2); ages ("a 12-year-old boy", "aged 30 and 35"), dates,
years and numbers of things ("20 rockets", "5 km") are not counts.

A count belongs to the verb before it ("killed 31 people"), the verb after it ("31 people were
killed", "12 civilians dead") or a toll ("the death toll reached 3"). Only sentences holding a
trigger stem are tokenised, and only tokens near a trigger are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError

LEXICON_FILE = PACKAGE_DATA / "lexicons" / "numbers.yaml"
DATES_FILE = PACKAGE_DATA / "lexicons" / "dates.yaml"
KINDS = ("killed", "injured")

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!\d)"          # 1,200
    r"|\d+(?:[.:/]\d+)+"                # 18:14, 3/4/2020, 1.5: never a count
    r"|\d+(?:-[^\W\d_]+)+"              # 12-year-old
    r"|\d+"
    r"|[^\W\d_]+(?:['’\-][^\W_]+)*"     # words, al-Nusra, twenty-one, regime's
    r"|[^\w\s]"
)
_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+(?=\s|$))?|[.!?;]+")
_YEAR_PREPOSITIONS = frozenset("in since until till during from by of to between and early mid late".split())
_SINGULAR_DETERMINERS = frozenset("a an the his her its their another this that".split())
_PRONOUNS_ONE = frozenset(("he", "she", "him"))
_MODIFIERS_AFTER = frozenset("more other others additional further people persons".split())
_QUOTES = frozenset('"“”«»')
_NEGATIONS = frozenset(("no", "neither", "nor", "without", "zero", "nobody", "none"))
_PLURAL_NOUN_TRIGGERS = frozenset("deaths fatalities bodies corpses casualties injuries".split())
_LISTING = frozenset("including among amongst mostly mainly most many some half".split())
_ZERO_SKIP = frozenset(
    "immediate reported reports report word news information of other further civilian human "
    "serious major confirmed known any more causing immediately".split()
)


@dataclass(frozen=True)
class Casualties:
    count: int | None   # None when a mention says deaths happened but gives no number at all
    kind: str           # "killed" | "injured"
    text: str           # the matched phrase
    start: int
    end: int
    approximate: bool   # "about", "at least", "more than", "dozens" ...


# --- the lexicon ----------------------------------------------------------------------------

class Phrases:
    """Multi-word entries indexed by first and by last word, longest first."""

    __slots__ = ("first", "last")

    def __init__(self, words=()):
        entries = {tuple(_TOKEN.findall(str(entry).lower())) for entry in words} - {()}
        ordered = sorted(entries, key=len, reverse=True)
        self.first: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.last: dict[str, tuple[tuple[str, ...], ...]] = {}
        for parts in ordered:
            self.first[parts[0]] = self.first.get(parts[0], ()) + (parts,)
            self.last[parts[-1]] = self.last.get(parts[-1], ()) + (parts,)




def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word == "child":
        return "children"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@dataclass(frozen=True)
class _Lexicon:
    numbers: dict[str, int]        # "one" .. "ninety"
    scales: dict[str, int]         # "hundred", "thousand", "million"
    vague: dict[tuple[str, ...], int]
    vague_index: Phrases
    approximate: Phrases
    exact: Phrases
    unknown: Phrases
    persons: frozenset[str]        # singular heads
    plural_persons: frozenset[str]
    kin: frozenset[str]
    things: frozenset[str]
    stop: frozenset[str]
    fillers: frozenset[str]
    irregular_participles: frozenset[str]  # "shot" in "were shot and wounded"
    particles: frozenset[str]      # "up" in "were rounded up and executed"
    asides: frozenset[str]
    groups: frozenset[str]         # "of one family": a number of groups, no count of its own
    before: dict[str, Phrases]     # kind (killed, injured, both) -> phrases said before a count
    after: dict[str, Phrases]
    bare: dict[str, Phrases]
    none: dict[str, Phrases]
    toll: dict[str, Phrases]
    toll_verbs: Phrases
    negations: frozenset[str]
    months: frozenset[str]         # "9 May" is a date, not nine people
    triggers: frozenset[str]       # first words of every trigger phrase
    stems: tuple[str, ...]         # a sentence without any of these reports no casualties
    starts: frozenset[str]         # words a count can start with (besides digits)
    singular_heads: frozenset[str]  # persons and kin


def read_lexicon(path: Path) -> dict:
    """A reviewed YAML lexicon as a mapping; anything else is one error naming the file (and line)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ValidationError(f"not valid YAML: {getattr(error, 'problem', error)}", path=str(path),
                              line=mark.line + 1 if mark else None, code="E210") from None
    except OSError as error:
        raise ValidationError(f"cannot read the lexicon: {error.strerror}", path=str(path), code="E210") from None
    if not isinstance(data, dict):
        raise ValidationError("expected a mapping", path=str(path), code="E211")
    return data


def _section(data: dict, key: str, kind: type = list):
    """One section of numbers.yaml, of the expected type, its words all strings."""
    value = data.get(key)
    if not isinstance(value, kind) or not value:
        raise ValidationError(f"'{key}' must be a non-empty {kind.__name__}", path=str(LEXICON_FILE),
                              field=key, code="E211")
    entries = value if kind is list else [w for v in value.values() if isinstance(v, list) for w in v]
    for entry in entries:
        if not isinstance(entry, str):   # a bare `no` or `on` is a YAML boolean
            raise ValidationError(f"entry {entry!r} is not a string; quote it", path=str(LEXICON_FILE),
                                  field=key, code="E211")
    return value


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The casualty vocabulary, read once from numbers.yaml (month names from dates.yaml)."""
    data = read_lexicon(LEXICON_FILE)
    _FLAGS.clear()                # what words can be depends on this lexicon

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _section(data, key))

    kinds = {kind: _section(data, kind, dict) for kind in KINDS}
    table = {part: {kind: Phrases(kinds[kind].get(part, [])) for kind in KINDS}
             for part in ("before", "after", "bare", "none", "toll")}
    table["before"]["both"] = table["after"]["both"] = Phrases(_section(data, "both"))
    table["none"]["both"] = Phrases(_section(data, "none_both"))
    triggers = {w for part in ("before", "after") for p in table[part].values() for w in p.first}
    triggers -= {"the", "left", "claims", "claimed", "claiming", "bodies", "body", "number", "death", "toll"}
    persons = words("persons")
    numbers = {str(k): int(v) for key in ("units", "tens") for k, v in _section(data, key, dict).items()}
    starts = set(_SINGULAR_DETERMINERS) | set(_PRONOUNS_ONE) | {"between"} | set(numbers)
    for key in ("vague", "approximate", "exact", "unknown"):
        starts |= set(Phrases(data[key]).first)
    calendar = read_lexicon(DATES_FILE)
    months = calendar.get("months", {})
    weekdays = {str(w).lower() for names in calendar.get("weekdays", {}).values() for w in names
                if len(str(w)) > 3}
    return _Lexicon(
        numbers=numbers,
        scales={str(k): int(v) for k, v in _section(data, "scales", dict).items()},
        vague={tuple(_TOKEN.findall(str(k).lower())): int(v) for k, v in _section(data, "vague", dict).items()},
        vague_index=Phrases(data["vague"]),
        approximate=Phrases(_section(data, "approximate")),
        exact=Phrases(_section(data, "exact")),
        unknown=Phrases(_section(data, "unknown")),
        persons=persons,
        plural_persons=words("plural_persons") | {_plural(w) for w in persons},
        kin=words("kin"),
        things=words("things"),
        stop=words("stop") | weekdays,
        fillers=words("fillers"),
        irregular_participles=words("irregular_participles"),
        particles=words("particles"),
        asides=words("asides"),
        groups=words("groups"),
        before=table["before"],
        after=table["after"],
        bare=table["bare"],
        none=table["none"],
        toll=table["toll"],
        toll_verbs=Phrases(_section(data, "toll_verbs")),
        negations=words("negations"),
        months=frozenset(str(w).lower() for names in months.values() for w in names),
        triggers=frozenset(triggers | {"killed", "dead", "injured", "wounded"}),
        stems=tuple(sorted(words("stems"))),
        starts=frozenset(starts),
        singular_heads=persons | words("kin"),
    )


# --- tokens ---------------------------------------------------------------------------------

_TRIGGER, _PERSON, _START, _OTHER = 1, 2, 4, 8
_FLAGS: dict[str, int] = {}          # word -> what it can be, filled as words are met


def _flags(word: str) -> int:
    """What a word can be in a casualty phrase: a trigger stem, a person, the start of a count."""
    lex = lexicon()
    flags = _OTHER
    if word.startswith(lex.stems):
        flags |= _TRIGGER
    if (word[:-2] if word.endswith(("'s", "’s")) else word) in lex.singular_heads:
        flags |= _PERSON
    if word[0].isdecimal() or word in lex.starts or word.split("-")[0] in lex.numbers or word in _NEGATIONS:
        flags |= _START
    if len(_FLAGS) < 200_000:
        _FLAGS[word] = flags
    return flags


class _Tokens:
    """Lower-cased tokens of one sentence with their character offsets."""

    __slots__ = ("words", "raw", "starts", "ends", "flags")

    def __init__(self, text: str, offset: int = 0):
        found = list(_TOKEN.finditer(text))
        self.raw = [m.group() for m in found]
        self.words = [w.lower() for w in self.raw]
        self.starts = [m.start() + offset for m in found]
        self.ends = [m.end() + offset for m in found]
        self.flags = [_FLAGS.get(w) or _flags(w) for w in self.words]

    def people_ahead(self, i: int, reach: int = 7) -> bool:
        """Whether a singular person noun ("man", "civilian's") follows token i within reach."""
        return any(f & _PERSON for f in self.flags[i + 1:i + 1 + reach])

    def __len__(self) -> int:
        return len(self.words)

    def match(self, i: int, phrases: Phrases) -> int:
        """Length of the longest phrase starting at token i, 0 if none."""
        words = self.words
        if i >= len(words) or words[i] not in phrases.first:
            return 0
        for parts in phrases.first[words[i]]:
            if tuple(words[i:i + len(parts)]) == parts:
                return len(parts)
        return 0

    def match_before(self, i: int, phrases: Phrases) -> int:
        """Length of the longest phrase ending just before token i, 0 if none."""
        words = self.words
        if i < 1 or words[i - 1] not in phrases.last:
            return 0
        for parts in phrases.last[words[i - 1]]:
            if len(parts) <= i and tuple(words[i - len(parts):i]) == parts:
                return len(parts)
        return 0

    def is_name(self, i: int) -> bool:
        """An acronym ("IS", "QSD", "SDF"), never a function word."""
        word = self.raw[i]
        return len(word) >= 2 and word.isupper() and word.isalpha()


# --- counts ---------------------------------------------------------------------------------

@dataclass
class _Count:
    value: int | None
    approximate: bool
    start: int        # first token
    end: int          # one past the last token of the number (then of the noun phrase)
    known: bool = True
    head: str | None = None
    singular: bool = False


def _digits(tokens: _Tokens, i: int) -> int | None:
    word = tokens.words[i]
    if not word[0].isdecimal() or not word.replace(",", "").isdecimal():
        return None
    value = int(word.replace(",", ""))
    months = lexicon().months
    if "," not in word and 1900 <= value <= 2099:
        before = tokens.words[i - 1] if i else ""
        if before in _YEAR_PREPOSITIONS or before in months or before == ",":
            return None
    if i + 1 < len(tokens) and tokens.words[i + 1] in months and tokens.raw[i + 1][0].isupper():
        return None           # "9 May"
    if i and tokens.words[i - 1] in months and tokens.raw[i - 1][0].isupper():
        return None           # "May 9"
    return value


def _word_number(tokens: _Tokens, i: int) -> tuple[int, int] | None:
    """'seven', 'twenty-one', 'thirty five', 'two hundred and forty' -> (value, end)."""
    lex = lexicon()
    total = current = 0
    j, seen = i, False
    while j < len(tokens):
        word = tokens.words[j]
        parts = word.split("-") if "-" in word else [word]
        if all(p in lex.numbers for p in parts) and len(parts) <= 2:
            current += sum(lex.numbers[p] for p in parts)
            seen = True
        elif word in lex.scales and seen:
            scale = lex.scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * scale, 0
        elif word == "and" and seen and j + 1 < len(tokens) and tokens.words[j + 1] in lex.numbers:
            pass
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j


def _read_number(tokens: _Tokens, i: int, nested: bool = False) -> _Count | None:
    """A number with its qualifiers: 'at least 19', 'dozens of', 'between 3 and 5'."""
    lex = lexicon()
    n = len(tokens)
    start, approximate = i, False
    size = tokens.match(i, lex.unknown)
    if size:
        return _Count(None, True, start, i + size, known=False)
    for _ in range(2):        # "at least another", "a total of some"
        size = tokens.match(i, lex.approximate)
        if size and tokens.words[i] != "over" or size and i + 1 < n and _starts_number(tokens, i + 1):
            approximate, i = True, i + size
            continue
        size = tokens.match(i, lex.exact)
        if size and i + size < n and _starts_number(tokens, i + size):
            i += size
            continue
        break
    if i >= n:
        return None
    if tokens.words[i] == "between" and not nested:
        low = _read_number(tokens, i + 1, nested=True)
        if low and low.end < n and tokens.words[low.end] == "and":
            high = _read_number(tokens, low.end + 1, nested=True)
            if high:
                return _Count(low.value, True, start, high.end)
        return None
    word = tokens.words[i]
    if word in ("a", "an") and tokens.words[i + 1:i + 3] == ["family", "of"] and not nested:
        inner = _read_number(tokens, i + 3, nested=True)
        if inner and inner.value:
            return _Count(inner.value, inner.approximate, start, inner.end, head="family")
    size = tokens.match(i, lex.vague_index)
    if size:
        value = lex.vague[tuple(tokens.words[i:i + size])]
        end = i + size
        if end < n and tokens.words[end] == "of" and tokens.words[i + size - 1] not in ("of",):
            end += 1
        return _Count(value, True, start, end)
    value = _digits(tokens, i)
    if value is not None:
        end = i + 1
        if end < n and tokens.words[end] in lex.scales and tokens.words[end] != "hundred":
            value, end = value * lex.scales[tokens.words[end]], end + 1
    else:
        spoken = _word_number(tokens, i)
        if spoken is None:
            return None
        value, end = spoken
    # "3 or 4", "30-40", "20 to 25": the lower figure
    if end + 1 < n and tokens.words[end] in ("-", "–", "to", "or"):
        high = _digits(tokens, end + 1) if tokens.words[end + 1][0].isdecimal() else None
        if high is None and tokens.words[end + 1] in lex.numbers:
            high = lex.numbers[tokens.words[end + 1]]
        if high is not None and high >= value:
            return _Count(value, True, start, end + 2)
    return _Count(value, approximate, start, end)


def _starts_number(tokens: _Tokens, i: int) -> bool:
    lex = lexicon()
    word = tokens.words[i]
    return (word[0].isdecimal() or word.split("-")[0] in lex.numbers or word == "between"
            or bool(tokens.match(i, lex.vague_index)) or word in ("a", "an", "another"))


def _is_person(word: str) -> bool:
    lex = lexicon()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word in lex.persons or word in lex.plural_persons or word in lex.kin


def _singular(word: str) -> bool:
    lex = lexicon()
    word = word[:-2] if word.endswith(("'s", "’s")) else word
    return word in lex.persons or word in lex.kin


def _read_phrase(tokens: _Tokens, i: int, through_triggers: bool = True,
                 coordinate: bool = True) -> _Count | None:
    """A count and the noun phrase it counts: 'at least 35 civilians', 'a 12-year-old boy',
    'two children and their mother'. None when the number counts something else.
    `through_triggers` lets a coordinated count carry its own verb ("76 children and 41 women
    were killed"); it is off when a verb before the count already governs it."""
    lex = lexicon()
    n = len(tokens)
    word = tokens.words[i]
    if word in _PRONOUNS_ONE:
        return _Count(1, False, i, i + 1, head=word, singular=True)
    if "aged" in tokens.words[max(0, i - 3):i]:
        return None               # "aged 30 and 35": ages, not a count
    if word in _SINGULAR_DETERMINERS and not (word in ("a", "an", "another") and
                                              _read_number_guard(tokens, i)):
        if not tokens.people_ahead(i):
            return None           # no person within reach: "the attack", "a car"
        count = _Count(1, False, i, i + 1, singular=True)
    else:
        count = _read_number(tokens, i)
    if count is None:
        return None
    j = count.end
    if j < n and tokens.words[j] == "of" and count.value is not None:   # "3 of its fighters"
        j += 1
        if j < n and tokens.words[j] in ("the", "its", "their", "his", "her", "these", "those", "whom"):
            j += 1
    while j < n and tokens.words[j] in _MODIFIERS_AFTER and tokens.words[j] not in ("people", "persons"):
        count.head = tokens.words[j] if tokens.words[j] == "others" else count.head
        j += 1
    taken = 0
    while j < n and taken < 6:
        word = tokens.words[j]
        age = _age_end(tokens, j)
        if age:
            j = age
            continue
        name = tokens.is_name(j)
        if not name and (word in lex.stop or word in lex.fillers or word in lex.triggers
                         or not word[0].isalpha() or word in lex.negations):
            break
        count.head = word
        taken += 1
        j += 1
        if (word in lex.things or _is_person(word)) and not name and not (
                j < n and (_is_person(tokens.words[j]) or tokens.words[j] in lex.things)):
            break
    count.end = (j < n and _age_end(tokens, j)) or j       # "students between 7 and 12 years old"
    head = count.head
    if head in lex.things and head not in ("others",):
        return None
    if count.singular and not (head and _is_person(head) and _singular(head)):
        return None
    if count.value is None and count.known:
        return None
    if coordinate:
        _add_coordinated(tokens, count, through_triggers)
    return count


def _age_end(tokens: _Tokens, j: int) -> int:
    """The end of an age said inside a noun phrase ('12-year-old', '12 years old', 'between 7 and
    12 years old', 'aged 15'), 0 if none starts at token j."""
    words = tokens.words
    if words[j].endswith(("-year-old", "-years-old")):
        return j + 1
    k = j + 1 if words[j] == "aged" else j
    k += words[k:k + 1] == ["between"]
    if k >= len(words) or not words[k].isdecimal():
        return 0
    k += 1
    if words[k:k + 1] in (["and"], ["to"], ["-"]) and words[k + 1:k + 2] and words[k + 1].isdecimal():
        k += 2
    if words[k:k + 2] in (["year", "old"], ["years", "old"]):
        return k + 2
    return k if words[j] == "aged" else 0


def _read_number_guard(tokens: _Tokens, i: int) -> bool:
    """'a dozen', 'a number of', 'a family of five', 'another 120': a number, not one person."""
    lex = lexicon()
    if tokens.match(i, lex.vague_index) or tokens.match(i, lex.unknown):
        return True
    size = tokens.match(i, lex.exact)
    if size and i + size < len(tokens) and _starts_number(tokens, i + size):
        return True
    return tokens.words[i + 1:i + 3] == ["family", "of"]


def _add_coordinated(tokens: _Tokens, count: _Count, through_triggers: bool) -> None:
    """'a father and his son' -> 2; 'two children and their mother' -> 3;
    '76 children and 41 women' -> 117; '120 soldiers and pro-regime militiamen' stays 120."""
    lex = lexicon()
    n = len(tokens)
    for _ in range(8):                # a list of victims, not a whole page of them
        if not (count.end + 1 < n and tokens.words[count.end] == "and"):
            return
        j = count.end + 1
        if tokens.words[j] in ("his", "her", "their") and count.head and _is_person(count.head):
            j += 1
            inner = _read_number(tokens, j) if j < n and _starts_number(tokens, j) else None
            k = inner.end if inner else j
            while k < n and k - j < 3 and tokens.words[k] not in lex.kin and tokens.words[k].isalpha() \
                    and tokens.words[k] not in lex.stop and tokens.words[k] not in lex.fillers:
                k += 1
            if k >= n or tokens.words[k] not in lex.kin:
                return
            kin = tokens.words[k]
            singular = kin in lex.persons
            added = inner.value if inner and inner.value else (1 if singular else 2)
            count.value = (count.value or 0) + added
            count.approximate = count.approximate or (inner is None and not singular)
            count.end, count.head = k + 1, kin
            continue
        if _starts_number(tokens, j):
            other = _read_phrase(tokens, j, through_triggers, coordinate=False)
            if other is None or other.value is None or not (other.head and _is_person(other.head)):
                return
            if not through_triggers and _after_trigger(tokens, other.end):   # "31 people and 170 wounded"
                return
            count.value = (count.value or 0) + other.value
            count.approximate = count.approximate or other.approximate
            count.end, count.head = other.end, other.head
            continue
        # "120 soldiers and pro-regime militiamen": more people under the same count
        k = j
        while k < n and k - j < 3 and _plain_word(tokens, k):
            if tokens.words[k] in lex.plural_persons:
                count.end = k + 1
                break
            k += 1
        else:
            return
        if count.end != k + 1:
            return


def _plain_word(tokens: _Tokens, k: int) -> bool:
    lex = lexicon()
    word = tokens.words[k]
    return word[0].isalpha() and (tokens.is_name(k) or (
        word not in lex.stop and word not in lex.fillers and word not in lex.triggers))


def _skip_fillers(tokens: _Tokens, k: int, limit: int = 6) -> int:
    lex = lexicon()
    start, n = k, len(tokens)
    while k < n and k - start < limit:
        if tokens.words[k] in lex.fillers and not tokens.is_name(k):
            k += 1
        elif tokens.words[k] == "among" and k + 1 < n and tokens.words[k + 1] in ("those", "the"):
            k += 2
        else:
            break
    return k


def _after_trigger(tokens: _Tokens, j: int, chained: bool = True) -> tuple[str, int] | None:
    """The kind and end of the verb that follows a counted phrase ('were also killed'), also
    after another participle ('were rounded up and executed', 'were abducted and later killed')."""
    lex = lexicon()
    k = _skip_fillers(tokens, j)
    for kind in ("both", "killed", "injured"):
        size = tokens.match(k, lex.after[kind])
        if size:
            return kind, k + size
    n = len(tokens)
    if chained and k < n and not tokens.is_name(k) and (
            tokens.words[k].endswith("ed") or tokens.words[k] in lex.irregular_participles):
        k += 1
        if k < n and tokens.words[k] in lex.particles:
            k += 1
        if k + 1 < n and tokens.words[k] == "and":
            return _after_trigger(tokens, k + 1, chained=False)
    return None


def _right(tokens: _Tokens, j: int, asides: bool = True) -> tuple[str, int] | None:
    """The verb a count is the subject of: '31 people were killed', '11 civilians including three
    children were killed', 'a man from Ankhel died'."""
    lex = lexicon()
    n = len(tokens)
    found = _after_trigger(tokens, j)
    if found is None and j < n and tokens.words[j] in lex.asides and asides:
        listing = False      # "including three children": numbers inside belong to the aside
        k = j
        while k < min(n, j + 12):
            age = _age_end(tokens, k)
            if age:                                 # ", aged 30 and 35," is no count
                k = age
                continue
            listing = listing or tokens.words[k] in _LISTING
            if not listing and k > j and tokens.words[k] not in ("a", "an") and _starts_number(tokens, k) \
                    and not (k + 1 < n and tokens.words[k + 1] in lex.groups):
                return None                         # "3 in addition to 8 injured": another count
            if tokens.match(k, lex.before["killed"]) and not tokens.match(k, lex.after["killed"]):
                return None                         # "5 people in a raid killing ..." is another clause
            if tokens.words[k] in ("and", "or", "but") and k + 1 < n and _starts_number(tokens, k + 1):
                return None                         # "31 people and 170 wounded": another count
            found = _after_trigger(tokens, k)
            if found:
                break
            k += 1
    if found is None:
        return None
    kind, end = found
    # "20 rockets killed 5": the verb has its own object, so the count is not its subject
    if end < n and _starts_number(tokens, end):
        obj = _read_phrase(tokens, end, through_triggers=False)
        if obj is not None and _after_trigger(tokens, obj.end) is None:
            return None
    return kind, end


def _left(tokens: _Tokens, i: int) -> tuple[str, int] | None:
    """The verb a count is the object of: 'killed 31 people', 'claimed the lives of 9'."""
    lex = lexicon()
    for kind in ("both", "killed", "injured"):
        size = tokens.match_before(i, lex.before[kind])
        if size:
            return kind, i - size
    return None


def _toll(tokens: _Tokens, i: int, used: list[bool]) -> tuple[str, int] | None:
    """'the death toll in al-Faid reached 3', 'the number of civilians who have been martyred
    ... has become around 40'."""
    lex = lexicon()
    size = tokens.match_before(i, lex.toll_verbs)
    if not size:
        return None
    for k in range(i - size - 1, max(-1, i - size - 22), -1):
        if used[k]:
            return None
        for kind in KINDS:
            if tokens.match(k, lex.toll[kind]):
                return kind, k
        if tokens.words[k] == "number" and k + 1 < len(tokens) and tokens.words[k + 1] == "of":
            for m in range(k + 2, min(i, k + 10)):
                for kind in KINDS:
                    if tokens.match(m, lex.after[kind]) or tokens.match(m, lex.bare[kind]):
                        return kind, k
    return None


def _zero(tokens: _Tokens, i: int) -> tuple[list[tuple[str, int, int]], int] | None:
    """'Neither fatalities nor injuries', 'no casualties', 'no one was killed' -> count 0."""
    lex = lexicon()
    n = len(tokens)
    word = tokens.words[i]
    if word in ("nobody", "none") or (word == "no" and i + 1 < n and tokens.words[i + 1] == "one"):
        found = _after_trigger(tokens, i + (2 if word == "no" else 1))
        if found is None:
            return None
        kind, end = found
        kinds = KINDS if kind == "both" else (kind,)
        return [(k, i, end) for k in kinds], end
    if word not in lex.negations:
        return None
    k = i + 1
    while k < n and k - i <= 3 and tokens.words[k] in _ZERO_SKIP:
        k += 1
    mentions: list[tuple[str, int, int]] = []
    while k < n:
        for kind in ("both", "killed", "injured"):
            size = tokens.match(k, lex.none[kind])
            if size:
                break
        else:
            break
        mentions.extend((kd, i, k + size) for kd in (KINDS if kind == "both" else (kind,)))
        k += size
        if k + 1 < n and tokens.words[k] in ("or", "and"):
            k += 1
        else:
            break
    if not mentions:
        return None
    return mentions, k


def _can_start(tokens: _Tokens, i: int) -> bool:
    word = tokens.words[i]
    return word[0].isdecimal() or word in lexicon().starts or word.split("-")[0] in lexicon().numbers


def _candidates(tokens: _Tokens) -> list[int]:
    """Tokens that may start a count or a 'no fatalities', close enough to a trigger word to be
    its count (a toll is said furthest away)."""
    flags = tokens.flags
    near = bytearray(len(flags))
    for k, flag in enumerate(flags):
        if flag & _TRIGGER:
            near[max(0, k - 26):k + 24] = b"\x01" * (min(len(near), k + 24) - max(0, k - 26))
    return [k for k, flag in enumerate(flags) if flag & _START and near[k]]


def _sentence_casualties(tokens: _Tokens, text: str) -> list[Casualties]:
    lex = lexicon()
    n = len(tokens)
    used = [False] * n
    spans: list[tuple[int, int, str, int | None, bool]] = []   # first token, end token, kind, count, approx

    def emit(first: int, end: int, kind: str, value: int | None, approximate: bool) -> None:
        for k in (KINDS if kind == "both" else (kind,)):
            spans.append((first, end, k, None if kind == "both" else value, approximate or kind == "both"))
        for k in range(first, end):
            used[k] = True

    done = 0                      # tokens before this one are read
    for i in _candidates(tokens):
        if i < done or used[i]:
            continue
        zero = _zero(tokens, i) if tokens.words[i] in _NEGATIONS else None
        if zero:
            mentions, done = zero
            for kind, first, last in mentions:
                spans.append((first, last, kind, 0, False))
            for k in range(i, done):
                used[k] = True
            continue
        left = _left(tokens, i - 1 if i and tokens.words[i - 1] in _QUOTES else i)
        if left and any(used[left[1]:i]):
            left = None
        count = _read_phrase(tokens, i, through_triggers=left is None)
        if count is None:
            continue
        right = _right(tokens, count.end, asides=left is None)
        if right and count.singular and tokens.words[right[1] - 1] in _PLURAL_NOUN_TRIGGERS:
            right = None                  # "the other jihadist deaths": not one death
        if right and not any(used[count.end:right[1]]):
            emit(i, right[1], right[0], count.value, count.approximate)
            done = right[1]
            continue
        if left:
            emit(left[1], count.end, left[0], count.value, count.approximate)
            done = count.end
            continue
        toll = _toll(tokens, i, used) if count.value is not None and not count.singular else None
        if toll:
            emit(toll[1], count.end, toll[0], count.value, count.approximate)
            done = count.end
    # deaths or injuries said to have happened, with no number anywhere in the sentence
    counted = {kind for _, _, kind, _, _ in spans}
    for kind in KINDS:
        if kind in counted:
            continue
        first_words = lex.bare[kind].first
        for k in range(n):
            size = 0 if used[k] or tokens.words[k] not in first_words else tokens.match(k, lex.bare[kind])
            if size:
                spans.append((k, k + size, kind, None, True))
                break
    spans.sort(key=lambda s: (s[0], KINDS.index(s[2])))
    return [Casualties(count, kind, text[tokens.starts[a]:tokens.ends[b - 1]], tokens.starts[a],
                       tokens.ends[b - 1], approx) for a, b, kind, count, approx in spans]


def find_casualties(text: str) -> list[Casualties]:
    """Deaths and injuries reported in a sentence (or a whole text), with ACLED's conservative
    rules, in text order."""
    stems = lexicon().stems
    found: list[Casualties] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        lower = sentence.lower()
        if any(stem in lower for stem in stems):
            found.extend(_sentence_casualties(_Tokens(sentence, match.start()), text))
    return found


def parse_number(text: str) -> int | None:
    """'19', '1,200', 'seven', 'twenty-one', 'a dozen', 'dozens', 'hundreds', 'a father and his
    son', 'a family of five' -> the count; None when the text does not start with one."""
    tokens = _Tokens(text.strip())
    if not len(tokens) or not _can_start(tokens, 0):
        return None
    count = _read_phrase(tokens, 0) or _read_number(tokens, 0)
    return count.value if count else None
