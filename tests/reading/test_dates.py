"""Dates at any precision, relative dates, and how they compare."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from verify.reading.dates import compare, extract_dates, parse_published


def d(text: str, published=None):
    return extract_dates(text, published)[0]


def test_month_day_and_year_forms():
    assert (d("On September 15, 2022").year, d("On September 15, 2022").month, d("On September 15, 2022").day) == (2022, 9, 15)
    assert (d("15 March 2020").month, d("15 March 2020").day) == (3, 15)
    assert (d("in June 2024").year, d("in June 2024").month) == (2024, 6)


def test_a_month_does_not_contradict_the_same_month_with_a_year():
    assert compare(d("in November"), d("in November 2017")) is True


def test_different_years_disagree_and_unrelated_precisions_are_incomparable():
    assert compare(d("in 2018"), d("in 2020")) is False
    assert compare(d("on June 5"), d("in 2020")) is None


def test_since_dates_compare_as_start_points():
    assert compare(d("since January 2023"), d("since June 2024")) is False
    assert compare(d("after 2017"), d("in 2019")) is True


def test_relative_dates_resolve_against_publication():
    assert (d("last November", date(2022, 10, 5)).year, d("last November", date(2022, 10, 5)).month) == (2021, 11)
    assert d("last month", date(2022, 10, 5)).month == 9


def test_may_the_verb_is_not_a_month():
    assert extract_dates("It may rain") == []


def test_published_metadata_forms():
    assert parse_published("2022-10") == date(2022, 10, 1)
    assert parse_published("nonsense") is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_parse_back(day):
    text = day.strftime("%B ") + str(day.day) + day.strftime(", %Y")
    got = d(text)
    assert (got.year, got.month, got.day) == (day.year, day.month, day.day)


def test_that_year_refers_back_to_the_last_year_named():
    from verify.reading.dates import last_year

    anchor = last_year("In 2019, the party leader announced his return.")
    assert anchor == 2019
    assert [x.year for x in extract_dates("The court issued a warrant that year.", anchor_year=anchor)] == [2019]


def test_month_bound_without_a_year_is_met_by_an_earlier_month():
    bound = extract_dates("before June")[0]
    assert compare(bound, extract_dates("born 20 March 1963")[0]) is True


def test_month_bound_without_a_year_never_conflicts():
    bound = extract_dates("before June")[0]
    assert compare(bound, extract_dates("born 20 August 1963")[0]) is None
    assert compare(bound, extract_dates("in June 1963")[0]) is None


def test_decade_part_is_a_span_of_years():
    (d,) = extract_dates("Neymar was born in the early 1980s.")
    assert (d.year, d.last_year) == (1980, 1983)


def test_year_inside_the_decade_agrees_and_outside_disagrees():
    (d,) = extract_dates("in the early 1980s")
    assert compare(d, extract_dates("born 5 February 1982")[0]) is True
    assert compare(d, extract_dates("born 1992")[0]) is False


def test_decade_after_since_is_open():
    (d,) = extract_dates("since the 1990s")
    assert d.op == ">=" and compare(d, extract_dates("in 2005")[0]) is True


def test_decade_after_an_unread_bound_is_skipped():
    assert extract_dates("from at least the 1990s") == []


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_day_first_dates_parse_back_and_match_month_first(day):
    first = d(f"{day.day} {day.strftime('%B %Y')}")
    assert (first.year, first.month, first.day) == (day.year, day.month, day.day)
    assert compare(first, d(day.strftime("%B ") + f"{day.day}, {day.year}")) is True


@given(st.integers(min_value=1901, max_value=2098))
def test_year_bounds_are_consistent_intervals(year):
    before, after = d(f"before {year}"), d(f"after {year}")
    assert compare(before, d(f"in {year - 1}")) is True
    assert compare(before, d(f"in {year + 1}")) is False
    assert compare(after, d(f"in {year + 1}")) is True
    assert compare(after, d(f"in {year - 1}")) is False


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_date_comparison_is_symmetric(a, b):
    x, y = d(a.strftime("%B ") + f"{a.day}, {a.year}"), d(b.strftime("%B ") + f"{b.day}, {b.year}")
    assert compare(x, y) == compare(y, x) == (a == b)


def test_next_month_and_year_look_forward_from_publication():
    assert (d("next month", date(2022, 12, 5)).year, d("next month", date(2022, 12, 5)).month) == (2023, 1)
    assert d("next year", date(2022, 10, 5)).year == 2023
    assert d("next November", date(2022, 12, 5)).year == 2023


def test_years_and_months_ago_count_back_from_publication():
    assert d("two years ago", date(2022, 10, 5)).year == 2020
    assert (d("14 months ago", date(2022, 10, 5)).year, d("14 months ago", date(2022, 10, 5)).month) == (2021, 8)
    assert extract_dates("two years ago") == []  # nothing to count back from


def test_part_of_a_month_or_year_excludes_days_and_months_outside_it():
    assert compare(d("late February 2023"), d("February 3, 2023")) is False
    assert compare(d("late February 2023"), d("February 25, 2023")) is True
    assert compare(d("early 2019"), d("October 2019")) is False
    assert compare(d("mid-2020"), d("June 2020")) is True
    assert compare(d("late February 2023"), d("February 2023")) is True  # less precise: no conflict


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_falls_in_exactly_one_part_of_its_month(day):
    text = day.strftime("%B ") + f"{day.day}, {day.year}"
    parts = [p for p in ("early", "mid", "late")
             if compare(d(f"{p} {day.strftime('%B')} {day.year}"), d(text))]
    assert len(parts) == 1


@pytest.mark.parametrize("text, months", [
    ("The office closed in May after the vote.", [5]),
    ("Prices rose from late May.", [5]),
    ("Since May, three ferries have sailed.", [5]),
    ("The ferry may sail in June.", [6]),          # the modal verb is no month
    ("May the best crew win.", []),
    ("Some may argue otherwise.", []),
])
def test_may_is_the_month_after_a_preposition_and_the_modal_verb_otherwise(text, months):
    assert [d.month for d in extract_dates(text)] == months


@pytest.mark.parametrize("text", ["from 1995 to 2005", "between 1995 and 2005", "in 1995-2005",
                                  "from 1995 through 2005", "between 1995 and 2005,"])
def test_two_years_joined_as_a_span_read_as_one_span(text):
    (span,) = extract_dates(f"Exports grew {text} in the north.")
    assert (span.year, span.last_year, span.op, span.span) == (1995, 2005, "=", True)


@pytest.mark.parametrize("text", ["in 1995 and 2005", "from 1995, and in 2005", "from May 1995 to 2005",
                                  "from 2005 to 1995"])
def test_two_years_not_joined_as_a_span_stay_two(text):
    assert len(extract_dates(f"Exports grew {text} in the north.")) == 2


@given(st.integers(min_value=1900, max_value=2090), st.integers(min_value=1, max_value=9),
       st.integers(min_value=1, max_value=9))
def test_stated_spans_agree_only_when_both_ends_agree(start, length, other):
    span = d(f"from {start} to {start + length}")
    assert compare(span, d(f"between {start} and {start + length}")) is True
    if other != length:
        assert compare(span, d(f"between {start} and {start + other}")) is False
        assert compare(d(f"between {start} and {start + other}"), span) is False


def test_a_year_inside_a_stated_span_is_not_a_conflict():
    assert compare(d("from 1995 to 2005"), d("in 2001")) is not False
