"""Date expressions in reports, resolved against the publication date.

`find_dates` reads every date expression in a text with one precompiled pattern built from
`data/lexicons/dates.yaml`; `resolve_date` reads one expression; `dateline` reads the date news
sites print before the headline. dateparser is asked only about an expression these rules cannot
read, and its answers are cached.

Conventions (news usage): a bare weekday is the most recent such day on or before publication
(the publication day itself when it is that weekday); "last Sunday" is strictly before it.
"overnight" and "last night" are the day before publication. A day and month without a year take
the year that puts them closest before, or at, publication. Numeric dates are day first
("04-06-2016" is 4 June) unless the first number cannot be a month.

Precision follows ACLED's time_precision: "day"; "week" for a week or any span of days (its
first day is given: "mid-March" is the 11th, "late May" the 21st, "the end of May" the 25th,
"between 3 and 5 May" the 3rd); "month" (the 1st of the month); "year" ("late 2015" is
1 September 2015, "since 2014" 1 January 2014).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from ceasefire.config import PACKAGE_DATA
from ceasefire.errors import ValidationError
from ceasefire.resolve.numbers import parse_number, read_lexicon

LEXICON_FILE = PACKAGE_DATA / "lexicons" / "dates.yaml"
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class ResolvedDate:
    day: date            # the day; for month precision the 1st of the month; for a span its first day
    precision: str       # "day" | "week" | "month" | "year"  (week also covers spans of days)
    text: str            # the matched expression
    start: int           # char offsets into the text passed in
    end: int
    after: int | None = None  # "the following day": days after the event told before (day is a guess)


# --- the grammar ----------------------------------------------------------------------------

def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _trie(words) -> str:
    """An alternation that branches on each letter, so a failing word costs one comparison."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)


def _month_alternatives(months) -> str:
    """'May' is a month only when capitalised: 'the army may 5 times' holds no date."""
    words = _alternatives(w for w in months if w != "may")
    return words + "|(?-i:May|MAY)" if "may" in months else words


def _read_lexicon() -> dict:
    data = read_lexicon(LEXICON_FILE)
    keys = ("months", "weekdays", "month_parts", "year_parts", "days", "weeks", "months_back",
            "years_back", "weekends", "prepositions")
    for key in keys:
        if not data.get(key):
            raise ValidationError(f"'{key}' is missing or empty", path=str(LEXICON_FILE), field=key, code="E211")
    return data


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern
    rules: dict[str, Callable]       # rule name -> handler(groups, published) -> (day, precision)
    months: dict[str, int]
    weekdays: dict[str, int]
    month_parts: dict[str, int]
    year_parts: dict[str, int]
    relative: dict[str, tuple[str, int]]   # phrase -> (unit, offset)
    absolute: frozenset[str]         # rules whose dates need no publication date
    groups: dict[str, tuple[tuple[str, str], ...]]   # rule -> (group name, name in the rule)
    anchor: re.Pattern               # words every date expression contains, on lower-cased text
    lead: frozenset[str]             # words that may come before an anchor in an expression
    date_words: frozenset[str]       # month and weekday names, units of time


def _key(text: str) -> str:
    return " ".join(text.lower().replace(".", "").split())


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = _read_lexicon()
    months = {str(w): int(m) for m, words in data["months"].items() for w in words}
    weekdays = {str(w): int(d) for d, words in data["weekdays"].items() for w in words}
    full_months = [words[0] for words in data["months"].values()]
    full_weekdays = [words[0] for words in data["weekdays"].values()]
    relative = {}
    for section, unit in (("days", "day"), ("weeks", "week"), ("months_back", "month"),
                          ("years_back", "year"), ("weekends", "weekend"), ("days_after", "after")):
        relative.update({_key(k): (unit, int(v)) for k, v in data[section].items()})
    prepositions = [str(p) for p in data["prepositions"]]
    phrases = [*relative, *map(_key, data["month_parts"]), *map(_key, data["year_parts"]), *prepositions]
    anchors = {*months, *weekdays, *(p.split()[-1] for p in relative), "day", "days", "week", "weeks",
               "fortnight", "fortnights", "month", "months", "year", "years"}
    lead = {w for p in phrases for w in p.split()} | {"between", "the", "weekend", "of", "last", "this",
                                                   "next", "past", "a", "an", "several", "few"}
    lead |= {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

    MON = rf"(?P<m>{_month_alternatives(months)})\.?(?![a-z])"
    CAP_MON = "(?P<m>(?-i:" + "|".join(w.capitalize() for w in full_months) + r"))\b"
    DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    DAY2 = r"(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
    WD = rf"(?:(?:{_alternatives(weekdays)})\.?,?\s+)?"
    WDF = rf"(?P<wd>{_alternatives(full_weekdays)})\b"
    PREP = rf"\b(?:{_alternatives(prepositions)})\s+"
    NIGHT = r"(?P<night>(?:the\s+)?night\s+of\s+)?"  # "the night of May 21-22" is one night: the 21st
    rules: list[tuple[str, str, Callable]] = [
        ("iso", rf"\b{YEAR}-(?P<m>0?[1-9]|1[0-2])-{DAY}", _numeric),
        ("numeric", rf"\b(?P<a>\d{{1,2}})(?P<sep>[-./])(?P<b>\d{{1,2}})(?P=sep){YEAR}", _numeric),
        ("short", rf"\b{DAY}-{MON}-(?P<y2>\d{{2}})(?!\d)", _day_month),
        ("between", rf"\bbetween\s+(?:the\s+)?{DAY}\s+and\s+(?:the\s+)?{DAY2}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?",
         _span),
        ("span", rf"\b{NIGHT}{DAY}\s*(?:-|–|to)\s*{DAY2}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?", _span),
        ("between_md", rf"\bbetween\s+{MON}\s+{DAY}\s+and\s+{DAY2}(?:,?\s+{YEAR})?", _span),
        ("span_md", rf"\b(?:the\s+weekend\s+of\s+|{NIGHT})?{MON}\s+{DAY}\s*(?:-|–|to)\s*{DAY2}(?:,?\s+{YEAR})?",
         _span),
        ("dmy", rf"\b{WD}(?:the\s+)?{DAY}\s+(?:of\s+)?{MON},?\s*{YEAR}", _day_month),
        ("mdy", rf"\b{WD}{MON}\s+{DAY},?\s+{YEAR}", _day_month),
        ("mdy_glued", rf"\b{WD}{MON}\s+(?P<d>[0-3]\d)(?P<y>(?:19|20)\d\d)(?!\d)", _day_month),   # "Jun 062016"
        ("mdy_short", rf"\b{WD}{MON}\s+{DAY},?\s+['’](?P<y2>\d\d)(?!\d)", _day_month),
        ("dm", rf"\b{WD}(?:the\s+)?{DAY}\s+(?:of\s+)?{MON}", _day_month),
        ("md", rf"\b{WD}{MON}\s+{DAY}(?![.,]?\d)", _day_month),
        ("month_part", rf"\b(?P<part>{_alternatives(data['month_parts'])})[-\s]+{CAP_MON}"
                       rf"(?:,?\s+{YEAR})?", _month_part),
        ("year_part", rf"\b(?P<part>{_alternatives(data['year_parts'])})[-\s]+{YEAR}", _year_part),
        ("month_year", rf"\b{MON},?\s+(?:of\s+)?{YEAR}", _month_year),
        ("month_year_short", rf"\b{MON}\s+['’](?P<y2>\d\d)(?!\d)", _month_year),
        ("ago", r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
                r"\s+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b", _ago),
        ("relative", rf"\b(?P<rel>{_alternatives(relative)})\b", _relative),
        ("weekday", rf"\b(?:(?P<mod>last|this|next|past)\s+)?{WDF}", _weekday),
        ("month_of_year", rf"\b{CAP_MON}\s+(?:of\s+)?(?P<mod>last|this|next)\s+year\b", _month_of_year),
        ("month", rf"{PREP}(?P<core>{CAP_MON})(?!,?\s+(?:of\s+)?(?:\d|(?:last|this|next)\s+year\b))", _month),
        ("month_mod", rf"\b(?P<mod>last|this|next)\s+{CAP_MON}", _month),
        ("year", rf"{PREP}(?P<core>{YEAR})(?![-/.]\d)", _year),
        ("loose", r"\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+of\s+(?:this|last|next)\s+month\b", _fallback),
        # "on the 18th," alone: a day of the publication's month (never "the 4th Armoured Division")
        ("ordinal_day", r"\b(?:on\s+)?the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
                        r"(?=\s*[,.;]|\s*$|\s+(?:at|in|when|as|morning|evening|night)\b)", _ordinal_day),
    ]
    parts, groups = [], {}
    for name, body, _ in rules:
        groups[name] = tuple((f"{name}__{g}", g) for g in dict.fromkeys(re.findall(r"\(\?P<(\w+)>", body)))
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<{name}__\1>", body)
        body = re.sub(r"\(\?P=(\w+)\)", rf"(?P={name}__\1)", body)
        parts.append(f"(?P<{name}>{body})")
    return _Grammar(
        pattern=re.compile("|".join(parts), re.IGNORECASE),
        rules={name: handler for name, _, handler in rules},
        groups=groups,
        anchor=re.compile(r"\b(?:\d+(?:st|nd|rd|th)?|" + _trie(anchors) + r")(?![a-z])"),
        lead=frozenset(lead),
        date_words=frozenset(anchors),
        months=months,
        weekdays=weekdays,
        month_parts={_key(k): int(v) for k, v in data["month_parts"].items()},
        year_parts={_key(k): int(v) for k, v in data["year_parts"].items()},
        relative=relative,
        absolute=frozenset({"iso", "numeric", "short", "dmy", "mdy", "mdy_glued", "mdy_short", "month_year",
                            "month_year_short", "year_part"}),
    )


# --- handlers: groups of one rule -> (day, precision) -----------------------------------------

Resolved = tuple[date, str] | tuple[date, str, int] | None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _latest(month: int, day: int, published: date | None) -> date | None:
    """The year that puts the day closest before, or at, publication."""
    if published is None:
        return None
    for year in (published.year, published.year - 1, published.year - 4):
        found = _safe_date(year, month, day)
        if found and found <= published:
            return found
    return None


def _month_of(g: dict) -> int:
    return _grammar().months[g["m"].lower().rstrip(".")]


def _year_of(g: dict) -> int:
    """'2016', or a two-digit '16' read as 2016 (and '85' as 1985)."""
    if g.get("y"):
        return int(g["y"])
    short = int(g["y2"])
    return 2000 + short if short < 70 else 1900 + short


def _numeric(g: dict, published: date | None) -> Resolved:
    year = int(g["y"])
    if g.get("a"):
        first, second = int(g["a"]), int(g["b"])
        day, month = (second, first) if first <= 12 < second else (first, second)
        if second <= 12 and published is not None and _safe_date(year, first, second) == published:
            day, month = second, first  # "06/12/2016" on a page of 12 June: month first
    else:
        day, month = int(g["d"]), int(g["m"])
    found = _safe_date(year, month, day)
    return (found, "day") if found else None


def _day_month(g: dict, published: date | None) -> Resolved:
    month, day = _month_of(g), int(g["d"])
    if g.get("y"):
        found = _safe_date(int(g["y"]), month, day)
    elif g.get("y2"):
        found = _safe_date(_year_of(g), month, day)
    else:
        found = _latest(month, day, published)
    return (found, "day") if found else None


def _span(g: dict, published: date | None) -> Resolved:
    if int(g["d2"]) <= int(g["d"]):
        return None
    found = _day_month(g, published)
    one_night = g.get("night") and int(g["d2"]) == int(g["d"]) + 1
    return (found[0], "day" if one_night else "week") if found else None


def _month_part(g: dict, published: date | None) -> Resolved:
    month, day = _month_of(g), _grammar().month_parts[_key(g["part"])]
    found = _safe_date(int(g["y"]), month, day) if g.get("y") else _latest(month, day, published)
    return (found, "week") if found else None


def _year_part(g: dict, published: date | None) -> Resolved:
    return date(int(g["y"]), _grammar().year_parts[_key(g["part"])], 1), "year"


def _month_year(g: dict, published: date | None) -> Resolved:
    return date(_year_of(g), _month_of(g), 1), "month"


def _year(g: dict, published: date | None) -> Resolved:
    return date(int(g["y"]), 1, 1), "year"


def _month(g: dict, published: date | None) -> Resolved:
    if published is None:
        return None
    month = _month_of(g)
    year = published.year if month <= published.month else published.year - 1
    mod = (g.get("mod") or "").lower()
    if mod == "last" and month >= published.month:
        year = published.year - 1
    elif mod == "next":
        year = published.year if month > published.month else published.year + 1
    return date(year, month, 1), "month"


def _month_of_year(g: dict, published: date | None) -> Resolved:
    """'June last year', 'March this year'."""
    if published is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[g["mod"].lower()]
    return date(published.year + shift, _month_of(g), 1), "month"


def _weekday(g: dict, published: date | None) -> Resolved:
    if published is None:
        return None
    wanted = _grammar().weekdays[g["wd"].lower()]
    back = (published.weekday() - wanted) % 7
    mod = (g.get("mod") or "").lower()
    if mod in ("last", "past") and back == 0:
        back = 7
    if mod == "next":
        return published + timedelta(days=(wanted - published.weekday()) % 7 or 7), "day"
    return published - timedelta(days=back), "day"


def _relative(g: dict, published: date | None) -> Resolved:
    if published is None:
        return None
    unit, offset = _grammar().relative[_key(g["rel"])]
    if unit == "day":
        return published + timedelta(days=offset), "day"
    if unit == "after":  # after the event told before; publication stands in until it is known
        return published, "day", offset
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=offset), "week"
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if offset < 0 and published.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        return saturday, "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return date(index // 12, index % 12 + 1, 1), "month"
    return date(published.year + offset, 1, 1), "year"


def _ago(g: dict, published: date | None) -> Resolved:
    if published is None:
        return None
    count = parse_number(g["n"]) or 1
    unit = g["unit"].lower()
    if unit == "day":
        return published - timedelta(days=count), "day"
    if unit in ("week", "fortnight"):
        return published - timedelta(weeks=count * (2 if unit == "fortnight" else 1)), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 - count
        return date(index // 12, index % 12 + 1, 1), "month"
    return date(published.year - count, 1, 1), "year"


def _ordinal_day(g: dict, published: date | None) -> Resolved:
    """The day of the publication's month, or of the month before when it is still to come."""
    if published is None:
        return None
    day, index = int(g["d"]), published.year * 12 + published.month - 1
    if day > published.day:
        index -= 1
    found = _safe_date(index // 12, index % 12 + 1, day)
    return (found, "day") if found else None


def _fallback(g: dict, published: date | None) -> Resolved:
    return _dateparser(g["__text"], published) if published else None


@lru_cache(maxsize=4096)
def _dateparser(expression: str, published: date | None) -> Resolved:
    """dateparser, for an expression the rules above cannot read."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    except Exception:          # dateparser raises on odd input; an unreadable date is no date
        return None
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in PRECISIONS else "day"
    found = data.date_obj.date()
    if period == "month":
        found = found.replace(day=1)
    elif period == "year":
        found = found.replace(month=1, day=1)
    return found, period


# --- public API -----------------------------------------------------------------------------

def _resolve_match(match: re.Match, published: date | None) -> ResolvedDate | None:
    grammar = _grammar()
    name = match.lastgroup
    groups = {short: match.group(full) for full, short in grammar.groups[name]}
    groups = {short: value for short, value in groups.items() if value is not None}
    groups["__text"] = match.group()
    try:
        resolved = grammar.rules[name](groups, published)
    except (OverflowError, ValueError):     # a day before year 1 or after 9999
        return None
    if resolved is None:
        return None
    span = match.span(name + "__core") if "core" in groups else match.span()
    after = resolved[2] if len(resolved) > 2 else None
    return ResolvedDate(resolved[0], resolved[1], match.string[span[0]:span[1]], span[0], span[1], after)


def _day_of(published: date | None) -> date | None:
    """A datetime is taken for its day: dates and datetimes do not compare."""
    return published.date() if isinstance(published, datetime) else published


def _lead_starts(text: str, lower: str, position: int, lead: frozenset[str]) -> list[int]:
    """Starts of up to four words before `position` that can open a date expression
    ('between 3 and', 'the end of', 'in', 'two'), earliest first."""
    starts = [position]
    end = position
    for _ in range(4):
        while end > 0 and text[end - 1] in " \t,-–":
            end -= 1
        begin = end
        while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "'"):
            begin -= 1
        word = lower[begin:end]
        ordinal = word[:-2].isdecimal() and word[-2:] in ("st", "nd", "rd", "th")
        if begin == end or word not in lead and not ordinal:   # a plain number is an anchor itself
            break
        starts.append(begin)
        end = begin
    return starts[::-1]


def find_dates(text: str, published: date | None) -> list[ResolvedDate]:
    """Every date expression in `text` (a sentence or a whole article), resolved against the
    publication date, in text order, non-overlapping."""
    grammar = _grammar()
    published = _day_of(published)
    lower = text.lower()
    if len(lower) != len(text):           # a few characters lower-case to two: keep offsets
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: list[ResolvedDate] = []
    done = 0                              # the end of the last expression read
    for anchor in grammar.anchor.finditer(lower):
        position = anchor.start()
        if position < done:
            continue
        for start in _lead_starts(text, lower, position, grammar.lead):
            if start < done:
                continue
            match = grammar.pattern.match(text, start)
            if match is None or match.end() <= position:
                continue
            resolved = _resolve_match(match, published)
            if resolved is not None:
                found.append(resolved)
                done = match.end()
                break
    return found


_WORDS = re.compile(r"[a-z]+|\d{4}")
_LEAD = re.compile(r"\s*(?:(?:late|early)\s+on\s+|(?:on|in|since|during|at|by)\s+)?", re.IGNORECASE)


def resolve_date(expression: str, published: date | None) -> ResolvedDate | None:
    """One date expression ("on Sunday", "9-May-20", "late 2015"); offsets are into `expression`.
    None when it is not a date this module or dateparser can read."""
    published = _day_of(published)
    start = _LEAD.match(expression).end()
    end = len(expression.rstrip(" .,;"))
    if start >= end:
        return None
    match = _grammar().pattern.match(expression[:end], start)
    if match is not None and match.end() == end and match.lastgroup != "loose":
        return _resolve_match(match, published)      # None: relative, and no publication date
    words = set(_WORDS.findall(expression.lower()))
    year = any(w.isdecimal() for w in words)
    if published is None and not year:
        return None                       # relative to what? dateparser would use today
    if words.isdisjoint(_grammar().date_words) and not year:
        return None                       # "the 3rd": no month, year or unit of time to go on
    found = _dateparser(expression[start:end], published)
    if found is None:
        return None
    return ResolvedDate(found[0], found[1], expression[start:end], start, end)


_DATELINE_LEAD = re.compile(r"\s*(?:(?:posted|published|(?:last\s+)?updated|date of publication)(?:\s+on|\s+at)?\s*:?\s*)?",
                            re.IGNORECASE)


# A wire dateline, its comma often lost: "BEIRUT, Oct 4 (Reuters) -", "Damascus Feb 27 (SANA) -", "Geneva, 12 January
# 2016 -" (the place is the reporter's, the date the report's).
_WIRE_DATELINE = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3},?\s+(?P<date>[^()\n]{2,29}?[^()\s])\s*"
    r"(?:\([\w .-]{2,30}\)\s*[-–—]+|[-–—]+\s)\s*")


# A dateline after a headline: "Syria: hospital hit in Idlib. Amman 25 July 2016 - ...", or a rights
# group's "(Beirut, October 5, 2016) - ..." (both the reporter's place and the report's date).
_HEADLINE_END = re.compile(r"[.!?:]\s+")
_PAREN_DATELINE = re.compile(
    r"\((?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}),?\s+(?P<date>[^()\n]{4,30}?)\)\s*[-–—]+\s*")


def inner_dateline(text: str, published: date | None = None, within: int = 300) -> ResolvedDate | None:
    """A dateline after the headline, within the first `within` characters: the report's date,
    with start and end the whole dateline's."""
    paren = _PAREN_DATELINE.search(text, 0, within)
    day = _dated(paren.group("date"), published) if paren is not None else None
    if day is not None:
        return replace(day, start=paren.start(), end=paren.end())
    for cut in _HEADLINE_END.finditer(text, 0, within):
        wire = _WIRE_DATELINE.match(text, cut.end())
        day = _dated(wire.group("date"), published) if wire is not None else None
        if day is not None:
            return replace(day, start=cut.end(), end=wire.end())
    return None


def _dated(text: str, published: date | None) -> ResolvedDate | None:
    """The day a dateline's date part gives: one day of a month ("Feb 27"), not "Monday"."""
    found = find_dates(text, published)
    if len(found) != 1 or found[0].precision != "day" or not any(c.isdigit() for c in found[0].text):
        return None
    return found[0]


_UPDATED = re.compile(r"\s*\((?:last\s+)?updated\b[^)]{0,40}\)", re.I)


def dateline(text: str, published: date | None = None) -> ResolvedDate | None:
    """A date at the very start of an article ("Wednesday 27 Jul 2016 ...", "04-06-2016 ...",
    "Tuesday 31 May 2016 18:14 ..."), which news sites put before the headline; or a wire
    dateline ("BEIRUT, Oct 4 (Reuters) - ..."), read against `published`, whose end is the end of
    the whole dateline."""
    grammar = _grammar()
    start = _DATELINE_LEAD.match(text).end()
    match = grammar.pattern.match(text, start)
    resolved = (_resolve_match(match, published) if match is not None
                and match.lastgroup in grammar.absolute - {"year_part", "month_year", "month_year_short"} else None)
    if resolved is not None:
        updated = _UPDATED.match(text, resolved.end)  # "18.09.2016(updated 1127 18.09.2016)": one dateline
        return replace(resolved, end=updated.end(), text=text[resolved.start:updated.end()]) if updated else resolved
    wire = _WIRE_DATELINE.match(text)
    if wire is None:
        return None
    day = _dated(wire.group("date"), published)
    return replace(day, start=wire.start("date") + day.start, end=wire.end()) if day is not None else None
