"""Date expressions: find_dates, resolve_date and dateline (resolve/dates.py)."""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceasefire.errors import ValidationError
from ceasefire.resolve import dates
from ceasefire.resolve.dates import ResolvedDate, dateline, find_dates, resolve_date

TUESDAY = date(2016, 5, 31)     # a Tuesday


def found(text: str, published: date | None = TUESDAY) -> list[tuple[str, str, str]]:
    return [(d.text, d.day.isoformat(), d.precision) for d in find_dates(text, published)]


@pytest.mark.parametrize("text, expected", [
    # weekdays: the most recent such day on or before publication
    ("Jets struck on Sunday.", [("Sunday", "2016-05-29", "day")]),
    ("The city was hit late on Monday.", [("Monday", "2016-05-30", "day")]),
    ("Two children were killed on Tuesday morning.", [("Tuesday", "2016-05-31", "day")]),
    ("He was killed last Tuesday.", [("last Tuesday", "2016-05-24", "day")]),
    ("Talks resume next Friday.", [("next Friday", "2016-06-03", "day")]),
    ("The council met on Wednesday, May 5.", [("Wednesday, May 5", "2016-05-05", "day")]),
    ("Wednesday, May 5 was quiet.", [("Wednesday, May 5", "2016-05-05", "day")]),
    # words relative to publication
    ("The deadly overnight airstrikes hit Idlib.", [("overnight", "2016-05-30", "day")]),
    ("Fighting resumed today.", [("today", "2016-05-31", "day")]),
    ("Fighting resumed yesterday.", [("yesterday", "2016-05-30", "day")]),
    ("Clashes broke out the day before.", [("the day before", "2016-05-30", "day")]),
    ("Shelling went on last night.", [("last night", "2016-05-30", "day")]),
    ("Shelling went on this morning.", [("this morning", "2016-05-31", "day")]),
    ("It happened the day before yesterday.", [("the day before yesterday", "2016-05-29", "day")]),
    ("Raids intensified earlier this week.", [("earlier this week", "2016-05-30", "week")]),
    ("Raids intensified last week.", [("last week", "2016-05-23", "week")]),
    ("Raids intensified last month.", [("last month", "2016-04-01", "month")]),
    ("Raids intensified last year.", [("last year", "2015-01-01", "year")]),
    ("The town fell two days ago.", [("two days ago", "2016-05-29", "day")]),
    ("The town fell 3 weeks ago.", [("3 weeks ago", "2016-05-10", "week")]),
    ("Strikes over the weekend killed 5.", [("the weekend", "2016-05-28", "week")]),
    # months and years
    ("The siege began in March.", [("March", "2016-03-01", "month")]),
    ("The siege began in March 2016.", [("March 2016", "2016-03-01", "month")]),
    ("The siege began last March.", [("last March", "2016-03-01", "month")]),
    ("It declared a caliphate in June last year.", [("June last year", "2015-06-01", "month")]),
    ("The siege has lasted since 2014.", [("2014", "2014-01-01", "year")]),
    ("The attack in 2013 killed hundreds.", [("2013", "2013-01-01", "year")]),
    ("Talks failed in late 2015.", [("late 2015", "2015-09-01", "year")]),
    ("Talks failed in early 2016.", [("early 2016", "2016-01-01", "year")]),
    # days and months
    ("On May 14 the council met.", [("May 14", "2016-05-14", "day")]),
    ("On 14 May the council met.", [("14 May", "2016-05-14", "day")]),
    ("On the 14th of May the council met.", [("the 14th of May", "2016-05-14", "day")]),
    ("On 9 May 2020, regime forces shelled Nayrab.", [("9 May 2020", "2020-05-09", "day")]),
    ("On August 21 2013 rockets hit Ghouta.", [("August 21 2013", "2013-08-21", "day")]),
    ("On August 21, 2013 rockets hit Ghouta.", [("August 21, 2013", "2013-08-21", "day")]),
    ("Event date 9-May-20.", [("9-May-20", "2020-05-09", "day")]),
    ("Event date 2016-05-09.", [("2016-05-09", "2016-05-09", "day")]),
    ("04-06-2016 40 Civilians Killed", [("04-06-2016", "2016-06-04", "day")]),
    ("01.02.2015 A bus blast", [("01.02.2015", "2015-02-01", "day")]),
    ("He was kidnapped on 3/4/2020 near Roma.", [("3/4/2020", "2020-04-03", "day")]),
    ("Dated 12/25/2015.", [("12/25/2015", "2015-12-25", "day")]),
    ("Posted Sept. 5th '16.", [("Sept. 5th '16", "2016-09-05", "day")]),
    # parts of months and spans: week precision, first day
    ("Aid arrived in mid-March.", [("mid-March", "2016-03-11", "week")]),
    ("Aid arrived in early May.", [("early May", "2016-05-01", "week")]),
    ("Aid arrived in late May.", [("late May", "2016-05-21", "week")]),
    ("Aid arrives by the end of May 2016.", [("the end of May 2016", "2016-05-25", "week")]),
    ("Aid arrived at the end of May 2016.", [("the end of May 2016", "2016-05-25", "week")]),
    ("Clashes over the weekend of May 19-21 left 9 dead.", [("the weekend of May 19-21", "2016-05-19", "week")]),
    ("Clashes between 3 and 5 May left 9 dead.", [("between 3 and 5 May", "2016-05-03", "week")]),
    ("Clashes on 3-5 May left 9 dead.", [("3-5 May", "2016-05-03", "week")]),
    ("Jets struck on the night of May 21-22.", [("the night of May 21-22", "2016-05-21", "day")]),
    # a day of the month alone: this month, or the last one when the day is still to come
    ("On the 18th, clashes erupted.", [("the 18th", "2016-05-18", "day")]),
    ("Rebels attacked on the 31st at dawn.", [("the 31st", "2016-05-31", "day")]),
    ("The 4th Armoured Division stopped it.", []),
    # the fallback: an expression the rules do not read goes to dateparser
    ("It started on the 5th of last month.", [("the 5th of last month", "2016-04-05", "day")]),
])
def test_dates_find_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a missing year puts the date closest before (or at) publication
    ("On May 14 the council met.", date(2016, 5, 10), [("May 14", "2015-05-14", "day")]),
    ("On 14 May the council met.", date(2016, 5, 14), [("14 May", "2016-05-14", "day")]),
    ("On 29 February troops entered.", date(2017, 3, 1), [("29 February", "2016-02-29", "day")]),
    ("The siege began in March.", date(2016, 2, 10), [("March", "2015-03-01", "month")]),
    ("The siege began in March.", date(2016, 3, 10), [("March", "2016-03-01", "month")]),
    ("Jets struck last Sunday.", date(2016, 5, 29), [("last Sunday", "2016-05-22", "day")]),
    ("Jets struck on Sunday.", date(2016, 5, 29), [("Sunday", "2016-05-29", "day")]),
    ("Raids intensified last month.", date(2016, 1, 15), [("last month", "2015-12-01", "month")]),
    ("Strikes at the weekend killed 5.", date(2016, 5, 29), [("the weekend", "2016-05-28", "week")]),
    ("Strikes last weekend killed 5.", date(2016, 5, 29), [("last weekend", "2016-05-21", "week")]),
])
def test_dates_resolve_against_publication(text, published, expected):
    assert found(text, published) == expected


def test_dates_publication_may_be_a_datetime():
    from datetime import datetime

    assert found("On May 14 and on Sunday.", datetime(2016, 5, 31, 18, 14)) == [
        ("May 14", "2016-05-14", "day"), ("Sunday", "2016-05-29", "day")]


@pytest.mark.parametrize("published", [date.min, date.max])
def test_dates_at_the_ends_of_the_calendar_nothing_overflows(published):
    text = "yesterday, tomorrow, last month, next Friday, in March, last year, 3 weeks ago"
    for d in find_dates(text, published):
        assert text[d.start:d.end] == d.text


def test_dates_without_publication_only_absolute_dates():
    text = "On Sunday, yesterday and on 9 May 2020 and in March and May 14."
    assert found(text, None) == [("9 May 2020", "2020-05-09", "day")]


@pytest.mark.parametrize("text", [
    "18:14 GMT",
    "12 civilians were killed",
    "Security Council Resolution 2268",
    "170 people were wounded",
    "The siege went on for five years",
    "The army may 5 times refuse.",
    "Protesters march through the town.",
    "He said that may be true.",
    "the 3rd battalion",
])
def test_dates_ignore_times_counts_and_durations(text):
    assert found(text) == []


def test_dates_clock_time_after_a_dateline_is_not_a_date():
    text = "Tuesday 31 May 2016 18:14 Deadly Russian Airstrikes Kill 35"
    assert found(text) == [("Tuesday 31 May 2016", "2016-05-31", "day")]


def test_dates_whole_article_in_order_with_offsets():
    text = ("Tuesday 31 May 2016 18:14 Deadly Russian Airstrikes Kill 35. The deadly overnight airstrikes "
            "hit the city late on Monday. Two children were killed in airstrikes on Tuesday morning. "
            "On May 14 the UN Security Council expressed its outrage.")
    result = find_dates(text, TUESDAY)
    assert [(d.text, d.day.isoformat()) for d in result] == [
        ("Tuesday 31 May 2016", "2016-05-31"), ("overnight", "2016-05-30"), ("Monday", "2016-05-30"),
        ("Tuesday", "2016-05-31"), ("May 14", "2016-05-14")]
    for d in result:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("expression, published, expected", [
    ("on Sunday", TUESDAY, ("Sunday", "2016-05-29", "day", 3)),
    ("late on Monday", TUESDAY, ("Monday", "2016-05-30", "day", 8)),
    ("9-May-20", None, ("9-May-20", "2020-05-09", "day", 0)),
    ("late 2015", None, ("late 2015", "2015-09-01", "year", 0)),
    ("the 5th of last month", TUESDAY, ("the 5th of last month", "2016-04-05", "day", 0)),
    ("a fortnight ago", TUESDAY, ("a fortnight ago", "2016-05-17", "week", 0)),
    ("on the 3rd", TUESDAY, ("the 3rd", "2016-05-03", "day", 3)),
])
def test_dates_resolve_date(expression, published, expected):
    resolved = resolve_date(expression, published)
    assert (resolved.text, resolved.day.isoformat(), resolved.precision, resolved.start) == expected
    assert expression[resolved.start:resolved.end] == resolved.text


@pytest.mark.parametrize("expression, published", [
    ("yesterday", None),            # relative, and nothing to resolve it against
    ("on Sunday", None),
    ("the 5th of last month", None),
    ("the 3rd", None),              # a day of which month?
    ("twelve civilians", TUESDAY),
    ("", TUESDAY),
])
def test_dates_resolve_date_refuses(expression, published):
    assert resolve_date(expression, published) is None


@pytest.mark.parametrize("text, expected", [
    ("Wednesday 27 Jul 2016 Double bomb attack kills 31", ("Wednesday 27 Jul 2016", "2016-07-27")),
    ("04-06-2016 40 Civilians Killed 100 Injured", ("04-06-2016", "2016-06-04")),
    ("Tuesday 31 May 2016 18:14 Deadly Russian Airstrikes", ("Tuesday 31 May 2016", "2016-05-31")),
    ("Wed 05 Apr 2017 Syria attack symptoms", ("Wed 05 Apr 2017", "2017-04-05")),
    ("  12 February 2015 Casualties mount", ("12 February 2015", "2015-02-12")),
    ("Posted on April 19 2017 by Asharq Al-Awsat", ("April 19 2017", "2017-04-19")),
    ("07.04.2017(updated 1121 07.04.2017) Get short URL", ("07.04.2017(updated 1121 07.04.2017)", "2017-04-07")),
    ("Sat Aug 13 2016 200 Terrorists Killed", ("Sat Aug 13 2016", "2016-08-13")),
    ("Last updated at Jun 062016 AMMAN Nearly 50 air strikes", ("Jun 062016", "2016-06-06")),
])
def test_dates_dateline(text, expected):
    resolved = dateline(text)
    assert (resolved.text, resolved.day.isoformat()) == expected
    assert resolved.precision == "day"
    assert text[resolved.start:resolved.end] == resolved.text


@pytest.mark.parametrize("text", [
    "10 Syrian troops killed in clashes with IS Monitor AFP Tuesday 14 Oct 2014",
    "Syria attack on Sunday",
    "March 2016 was the worst month",
    "May '16 was the worst month",
    "1. Ghouta: On August 21 2013",
    "",
])
def test_dates_dateline_only_a_full_date_at_the_start(text):
    assert dateline(text) is None


@pytest.mark.parametrize("text, day", [
    ("BEIRUT, Oct 4 (Reuters) - Syrian government forces advanced", "2016-10-04"),
    ("Damascus, Feb 27 (SANA) - Terrorist organizations violated", "2017-02-27"),
    ("Geneva, 12 January 2017 - Syrian government forces", "2017-01-12"),  # no agency named
])
def test_dates_wire_dateline_ends_after_its_dash(text, day):
    resolved = dateline(text, date(2017, 3, 1))
    assert resolved.day.isoformat() == day and resolved.precision == "day"
    assert text[resolved.end:].startswith(("Syrian", "Terrorist"))


def test_dates_a_datelines_update_time_is_part_of_it():
    text = "18.09.2016(updated 1127 18.09.2016) Get short URL Coalition jets struck"
    resolved = dateline(text, date(2016, 9, 18))
    assert resolved.day.isoformat() == "2016-09-18" and text[resolved.end:].startswith(" Get short URL")


def test_dates_a_dateline_that_is_no_date_is_none_and_month_first_when_the_page_says_so():
    assert dateline("31.02.2016 Get short URL Coalition jets struck", date(2016, 3, 1)) is None
    assert dateline("06/12/2016 22:15 Hezbollah fighters killed", date(2016, 6, 12)).day == date(2016, 6, 12)
    assert dateline("06/12/2016 22:15 Hezbollah fighters killed", date(2016, 12, 6)).day == date(2016, 12, 6)
    assert dateline("04-06-2016 40 Civilians Killed").day == date(2016, 6, 4)  # day first otherwise


def test_dates_wire_dateline_needs_a_day_of_a_month():
    assert dateline("In Aleppo, on Monday (local time) - shelling resumed", date(2016, 2, 27)) is None
    assert dateline("In Aleppo, on Monday - shelling resumed", date(2016, 2, 27)) is None


_PIECES = st.sampled_from([
    "on ", "Sunday", "May", "may", " 5", "14", "2016", "-", "/", ".", ",", " ", "between ", " and ",
    "late ", "mid-", "March", "the ", "weekend ", "of ", "last ", "week", "ago", "two ", "days ",
    "yesterday", "18:14", "9-May-20", "'16", "Wed ", "the 5th of last month", "x", "\n", "é", "İ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join) | st.text(max_size=80),
       st.none() | st.dates())
def test_dates_find_dates_never_raises_and_offsets_slice_back(text, published):
    result = find_dates(text, published)
    last_end = 0
    for d in result:
        assert isinstance(d, ResolvedDate)
        assert text[d.start:d.end] == d.text
        assert d.start >= last_end           # in text order, non-overlapping
        assert d.precision in ("day", "week", "month", "year")
        last_end = d.end
    assert dateline(text) is None or dateline(text).start >= 0


# --- the lexicon ----------------------------------------------------------------------------

def test_dates_lexicon_months_and_weekdays_complete():
    grammar = dates._grammar()
    assert sorted(set(grammar.months.values())) == list(range(1, 13))
    assert sorted(set(grammar.weekdays.values())) == list(range(7))
    assert grammar.month_parts["mid"] == 11 and grammar.month_parts["end of"] == 25


@pytest.fixture
def broken_lexicon(tmp_path, monkeypatch):
    path = tmp_path / "dates.yaml"
    monkeypatch.setattr(dates, "LEXICON_FILE", path)
    dates._grammar.cache_clear()
    yield path
    dates._grammar.cache_clear()


def test_dates_lexicon_bad_yaml_names_file_and_line(broken_lexicon):
    broken_lexicon.write_text("months:\n  1: [january\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        find_dates("on Sunday", TUESDAY)
    assert str(broken_lexicon) in str(error.value) and error.value.line is not None


def test_dates_lexicon_missing_section_is_named(broken_lexicon):
    broken_lexicon.write_text("months: {1: [january]}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        find_dates("on Sunday", TUESDAY)
    assert error.value.field == "weekdays"


# --- the dev sets ---------------------------------------------------------------------------

def _docs(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dates_acled_notes_first_date_is_the_event_date(shared_data):
    gold = {row["doc"]: row["date"] for row in _docs(shared_data / "acled_syria_dev.gold.jsonl")}
    docs = _docs(shared_data / "acled_syria_dev.docs.jsonl")
    agree = 0
    for doc in docs:
        result = find_dates(doc["text"], date.fromisoformat(doc["published"]))
        agree += bool(result) and result[0].day.isoformat() == gold[doc["id"]]
    assert len(docs) > 100
    assert agree / len(docs) >= 0.95


def test_dates_fakes_articles_datelines(shared_data):
    docs = _docs(shared_data / "fakes_dev.docs.jsonl")
    with_dateline = same_day = 0
    for doc in docs:
        published = date.fromisoformat(doc["published"])
        assert find_dates(doc["text"], published) is not None
        line = dateline(doc["text"])
        if line is not None:
            with_dateline += 1
            same_day += line.day == published
    assert len(docs) > 300
    # many AFP articles start with their headline; the dataset's own dates are sometimes off
    assert with_dateline / len(docs) >= 0.7
    assert same_day / with_dateline >= 0.7


def test_dates_the_following_day_counts_from_the_event_told_before():
    [told] = find_dates("The following day, rebels shelled the town.", TUESDAY)
    assert (told.text, told.after) == ("The following day", 1)
    [told] = find_dates("Two days later the convoy turned back.", TUESDAY)
    assert told.after == 2
    assert find_dates("On Sunday jets struck.", TUESDAY)[0].after is None


def test_a_dateline_after_the_headline_dates_the_report():
    from ceasefire.resolve.dates import inner_dateline

    text = "Syria: MSF-supported hospital hit in Idlib governorate. Amman 25 July 2016 - An MSF hospital was hit."
    found = inner_dateline(text)
    assert found.day == date(2016, 7, 25) and text[found.start:found.end] == "Amman 25 July 2016 - "
    text = "Syria: Cluster Munitions Used on Aleppo (Beirut, October 5, 2016) - Russian and Syrian forces ..."
    found = inner_dateline(text)
    assert found.day == date(2016, 10, 5) and text[found.start:found.end] == "(Beirut, October 5, 2016) - "
    assert inner_dateline("Regime jets struck Aleppo. Rebels shelled the city on Monday - a source said.") is None
