"""Quantities as intervals: digits, words, qualifiers, units, ranges."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from verify.reading.facts import read_facts
from verify.reading.quantities import MEASURES, agree, confirms, extract_quantities, same_kind


def q(text: str):
    found = extract_quantities(text)
    assert found, f"no quantity in {text!r}"
    return found[0]


@pytest.mark.parametrize("text,value", [
    ("three people", 3), ("twelve", 12), ("two hundred", 200), ("a dozen", 12),
    ("1,200 people", 1200), ("4.5 of them", 4.5), ("twenty-five", 25), ("1.5 million", 1_500_000),
])
def test_numbers_in_digits_and_words(text, value):
    assert q(text).value == value


def test_duration_words_and_hyphenated_digits_agree():
    assert agree(q("a 12-year sentence"), q("twelve years in prison"))
    assert not agree(q("a 12-year sentence"), q("ten years in prison"))


def test_money_currency_forms_are_one_unit():
    assert {q(t).unit for t in ("3,000 USD", "3,000 US dollars", "$3,000")} == {"USD"}
    assert q("100,000 baht").unit == "THB"


def test_ages_in_their_usual_forms():
    for text in ("a 73-year-old man", "aged 37", "at the age of 37", "37 years old"):
        assert q(text).kind == "age"


def test_qualifiers_are_intervals():
    assert not agree(q("fewer than 100"), q("more than 200"))
    assert agree(q("nearly 5,000"), q("some 4,800"))
    assert not agree(q("48,000"), q("some 4,800"))
    assert agree(q("at least 1,200"), q("1,500"))


def test_ranges_span_units():
    r = q("18 months to two years")
    assert r.kind == "duration" and math.isclose(r.lo, 18 * 30.44) and math.isclose(r.hi, 730.5)
    assert agree(q("five to 10 years"), q("seven years"))


def test_percentages_and_times():
    assert q("61 percent").kind == "percent" and q("less than 1%").hi < 1
    assert q("moved twice").value == 2 and q("three times").kind == "times"


def test_years_are_not_counts():
    assert q("in 2018").kind == "year"


def test_digits_glued_to_letters_are_not_quantities():
    assert extract_quantities("COVID-19 and B52") == []


_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    t, u = divmod(n, 10)
    return _TENS[t] + (f"-{_WORDS[u]}" if u else "")


@given(st.integers(min_value=2, max_value=99))
def test_number_words_and_digits_round_trip(n):
    assert q(f"{_spell(n)} boats").value == q(f"{n} boats").value == n


@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["about", "more than", "fewer than", "nearly", "at least", "up to", ""]))
def test_intervals_are_consistent(n, qual):
    text = f"{qual} {n:,} people".strip()
    x = q(text)
    assert x.lo <= x.hi
    assert agree(x, x)


def test_strict_bound_excludes_a_figure_just_past_it():
    a = extract_quantities("fewer than 19,000 deaths")[0]
    b = extract_quantities("19,323 deaths")[0]
    assert not agree(a, b)


def test_less_than_ten_excludes_ten():
    a = extract_quantities("less than ten titles")[0]
    b = extract_quantities("ten titles")[0]
    assert not agree(a, b)


def test_small_counts_get_no_rounding_slack():
    a = extract_quantities("number 91")[0]
    b = extract_quantities("number 92")[0]
    assert not agree(a, b)


def test_large_exact_figures_keep_rounding_slack():
    a = extract_quantities("4,800 refugees")[0]
    b = extract_quantities("4,812 refugees")[0]
    assert agree(a, b)


def test_crowd_bound_is_not_an_age():
    a = extract_quantities("more than 200 fled")[0]
    b = extract_quantities("a 22-year-old manager")[0]
    assert not same_kind(a, b)


def test_lower_than_is_a_bound():
    q = extract_quantities("a rating lower than 21%")[0]
    assert q.hi < 21


def test_number_word_inside_a_name_is_not_a_quantity():
    assert extract_quantities("the lead vocalist of Twenty-One Pilots") == []


def test_open_bound_does_not_confirm_an_exact_figure():
    exact = extract_quantities("39 years old")[0]
    bound = extract_quantities("younger than 45 years old")[0]
    assert agree(exact, bound) and not confirms(exact, bound)


def test_number_opening_a_title_is_not_a_quantity():
    assert extract_quantities("On Rotten Tomatoes, 47 Meters Down has a rating") == []


def test_number_before_a_nationality_is_still_a_count():
    assert [q.value for q in extract_quantities("Three Cambodians were deported")] == [3]


def test_ordinal_inside_a_name_is_not_an_ordinal():
    assert [q.text for q in extract_quantities("She is the third African-American First Lady.")] == ["third"]


def test_digits_glued_to_letters_are_not_counts():
    assert [q.kind for q in extract_quantities("at the corner of 42nd Street")] == ["ordinal"]


def test_number_after_an_acronym_is_part_of_a_title():
    assert extract_quantities("He is included in the game FIFA 09.") == []


def test_number_after_a_country_acronym_is_still_a_figure():
    assert [q.value for q in extract_quantities("Congress sent the US 500 troops.")] == [500]


def test_score_out_of_a_hundred_reads_as_a_percentage():
    (q,) = extract_quantities("the film has a score of 72 out of 100")
    assert (q.kind, q.lo, q.hi) == ("percent", 72, 72)


def test_score_on_another_scale_is_only_comparable_on_that_scale():
    (a,) = extract_quantities("an average rating of 6.8/10")
    (b,) = extract_quantities("a rating of 68 out of 1000")
    assert a.kind == "score" and not same_kind(a, b)


def test_whole_number_agrees_with_the_decimal_it_rounds():
    (a,) = extract_quantities("97% agree")
    (b,) = extract_quantities("97.1% agree")
    (c,) = extract_quantities("96.4% agree")
    assert agree(a, b) and not agree(a, c)


def test_currency_sign_set_apart_from_its_figure_is_still_money():
    (q,) = extract_quantities("grossed less than $ 16 million in other territories")
    assert (q.kind, q.unit, q.hi < 16e6) == ("money", "USD", True)


def test_numbers_that_name_are_labels_not_counts():
    from verify.reading.facts import read_facts
    for text in ("BRCA 1 mutation carriers", "type 2 diabetes", "HTLV-1 infection", "5' UTRs show it"):
        assert all(q.kind == "label" for q in read_facts(text).quantities), text


def test_ratio_and_rate_per_hundred_thousand_are_not_read_as_counts():
    from verify.reading.facts import read_facts
    assert not [q for q in read_facts("1/2000 people in the UK").quantities if q.kind == "count"]
    assert not [q for q in read_facts("378/100 000 persons").quantities if q.kind == "percent"]


def test_count_after_an_acronym_of_many_digits_stays_a_count():
    from verify.reading.facts import read_facts
    assert [q.kind for q in read_facts("CNRP 200 members").quantities] == ["count"]


def test_once_meaning_formerly_is_no_count():
    assert extract_quantities("Alan Shearer, who once was England's captain, retired.") == []
    assert extract_quantities("Once the war ended, he went home.") == []


def test_once_as_a_count_is_one_time():
    assert [q.value for q in extract_quantities("He won the title once.")] == [1]
    assert [q.value for q in extract_quantities("She held it once and the cup five times.")] == [1, 5]


def test_ordinal_after_a_comparison_is_no_rank_of_its_own():
    assert extract_quantities("It was more than the first album they made.") == []
    assert extract_quantities("They met after the second round.") == []
    assert [q.value for q in extract_quantities("It was their second album.")] == [2]


@given(st.integers(min_value=1, max_value=10**7))
def test_currency_written_three_ways_is_one_sum(n):
    assert q(f"${n:,}").lo == q(f"{n:,} US dollars").lo == q(f"{n:,} USD").lo == n
    assert same_kind(q(f"${n:,}"), q(f"{n:,} US dollars"))


@given(st.integers(min_value=2, max_value=10**6))
def test_opposite_bounds_at_one_figure_never_agree(n):
    assert not agree(q(f"more than {n:,} people"), q(f"fewer than {n:,} people"))
    assert agree(q(f"more than {n:,} people"), q(f"{n + 1:,} people"))


def test_a_decade_is_ten_years_and_keeps_its_qualifier():
    assert agree(q("a decade in prison"), q("ten years in prison"))
    assert agree(q("more than a decade"), q("twelve years"))
    assert not agree(q("more than a decade"), q("five years"))
    assert agree(q("half a century"), q("50 years"))
    assert [x.text for x in extract_quantities("one decade")] == ["one decade"]


def test_plural_round_numbers_are_loose_intervals():
    assert q("dozens of exiles").lo == 24 and q("tens of thousands of people").lo == 20_000
    assert confirms(q("dozens of exiles"), q("40 exiles"))
    assert not confirms(q("40 exiles"), q("dozens of exiles"))


def test_a_range_allows_a_figure_inside_it_without_stating_it():
    assert agree(q("7 years"), q("five to 10 years"))
    assert not confirms(q("7 years"), q("five to 10 years"))
    assert confirms(q("18 months to two years"), q("20 months"))


@given(st.integers(min_value=2, max_value=10))
def test_one_in_n_is_the_matching_percentage(n):
    share = q(f"one in {_spell(n)} exiles")
    assert share.kind == "percent" and agree(share, q(f"{100 / n:.1f}% of exiles"))


def test_fractions_of_a_group_are_percentages_and_hide_their_parts():
    assert [(x.kind, round(x.value)) for x in extract_quantities("a third of the exiles")] == [("percent", 33)]
    assert round(q("two-thirds of voters").value) == 67
    assert [x.kind for x in extract_quantities("in the first half of 2019")] == ["ordinal", "year"]


_PIECES = st.sampled_from(["one", "in", "0", "00", "1", "5", "of", "a", "third", "half", "dozens",
                           "more than", "less than", "the", "%", "$", "years", "out of", "-", "to",
                           "between", "and", "once", "decade", "1,000", "2.5", "million", " "])


@given(st.lists(_PIECES, max_size=12).map(" ".join))
def test_any_mix_of_number_words_parses_without_error(text):
    for x in extract_quantities(text):
        assert x.lo <= x.hi


@pytest.mark.parametrize("text, lo, hi", [
    ("2 to 3 million", 2_000_000, 3_000_000),   # the scale after the second number is both's
    ("1 - half million", 1, 500_000),           # ... unless it would put the first above it
])
def test_a_range_takes_its_scale_from_its_second_number(text, lo, hi):
    got = q(text)
    assert (got.lo, got.hi) == (lo, hi)


@pytest.mark.parametrize("text, unit, value", [
    ("4.5 tonnes", "mass", 4500.0),
    ("40 kg of rice", "mass", 40.0),
    ("a 5-mile walk", "length", 8046.72),
    ("150 km north of the capital", "length", 150_000.0),
    ("39 kilobytes", "data", 39_000.0),
    ("26.6 megabytes", "data", 26_600_000.0),
    ("winds of 100 mph", "speed", 44.704),
    ("a 200 MW plant", "power", 200_000_000.0),
    ("an average of 31 °F", "temperature-fahrenheit", 31.0),
    ("warmed by 0.2°C a decade", "temperature-celsius", 0.2),
    ("about 1.1 degrees Celsius", "temperature-celsius", 1.1),
])
def test_a_unit_of_measure_reads_as_its_dimension_in_base_units(text, unit, value):
    got = q(text)
    assert (got.kind, got.unit) == ("measure", unit)
    assert got.value == pytest.approx(value)


@pytest.mark.parametrize("a, b, same", [
    ("5 km", "3.1 miles", True),            # a conversion, rounded
    ("39 kilobytes", "39 megabytes", False),  # the same number of another unit
    ("12 miles", "12 km", False),             # the same number of another unit
    ("about 40 kg", "42 kilograms", True),
])
def test_figures_in_units_of_one_dimension_compare_after_conversion(a, b, same):
    qa, qb = q(a), q(b)
    assert same_kind(qa, qb)
    assert agree(qa, qb) is same


def test_other_figures_in_other_units_are_not_compared():
    # 'about 8 inches' and '0.16 metres' may be two readings, each rounded its own way
    assert not same_kind(q("about 8 inches"), q("0.16 metres"))


def test_figures_of_different_dimensions_are_never_compared():
    assert not same_kind(q("5 km"), q("5 kg"))


def test_a_celsius_and_a_fahrenheit_figure_are_not_compared_but_two_celsius_figures_are():
    # the scales differ by an offset, not a factor: 30 °C is 86 °F
    assert not same_kind(q("30 °C"), q("86 °F"))
    assert same_kind(q("1.5 °C"), q("2 degrees Celsius")) and not agree(q("1.5 °C"), q("2 degrees Celsius"))


def test_a_degree_sign_and_its_scale_letter_are_no_name():
    assert read_facts("The coldest month is January, at 31 °F (0.6 °C).").entities == []


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["km", "miles", "kg", "tonnes", "MB", "mph"]))
def test_any_whole_figure_with_a_unit_reads_back_in_base_units(n, word):
    dim, factor = MEASURES[word.lower()]
    got = q(f"{n:,} {word}")
    assert (got.kind, got.unit) == ("measure", dim) and got.value == pytest.approx(n * factor)


@pytest.mark.parametrize("claim, passage, expected", [
    ("up to $4.9bn", "up to $12.9bn", False),     # two caps: close or not, as 'more than' bounds are
    ("up to $12bn", "up to $12.9bn", True),
    ("fewer than 50", "at most 48", True),
    ("at most 20", "fewer than 90", False),
])
def test_two_upper_bounds_agree_only_when_close(claim, passage, expected):
    (a,), (b,) = extract_quantities(claim), extract_quantities(passage)
    assert agree(a, b) is expected


@pytest.mark.parametrize("text", ["between 1995 and 2005", "from 1995 to 2005", "1995 to 2005"])
def test_a_span_of_years_is_no_count(text):
    assert not [q for q in extract_quantities(f"Exports grew 40 percent {text}.") if q.kind == "count"]


@pytest.mark.parametrize("text, score", [
    ("Croatia won 3-1 against Slovakia on Saturday.", "3-1"),
    ("Croatia beat Slovakia 2-1.", "2-1"),
    ("The bill passed 52-48 in the Senate.", "52-48"),
    ("It was a 4–0 rout of Belarus.", "4–0"),
    ("Germany lost 1-3 to Spain.", "1-3"),
])
def test_two_numbers_dashed_beside_a_result_are_a_score(text, score):
    (q,) = [q for q in extract_quantities(text) if q.kind == "score"]
    assert q.text == score


@pytest.mark.parametrize("text", [
    "Between 10-15 people won prizes.",      # a range of a counted noun
    "10-15 people won prizes.",
    "He served 3-5 years after the defeat.",  # a duration
    "The shop is open 9-5 on weekdays.",     # no result in the clause
    "They won 2-1.5 points.",                 # a decimal
])
def test_dashed_numbers_that_are_no_score(text):
    assert not [q for q in extract_quantities(text) if q.kind == "score"]


@given(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_a_score_reads_the_same_from_either_side(a, b):
    won = [q for q in extract_quantities(f"Leeds won {a}-{b} against York.") if q.kind == "score"][0]
    lost = [q for q in extract_quantities(f"York lost {b}-{a} to Leeds.") if q.kind == "score"][0]
    assert agree(won, lost) and same_kind(won, lost)
    other = [q for q in extract_quantities(f"Leeds won {a + 1}-{b} against York.") if q.kind == "score"][0]
    assert not agree(won, other)


@pytest.mark.parametrize("text, unit", [
    ("The listing raised HK$88 billion.", "HKD"),
    ("The listing raised 88 billion Hong Kong dollars.", "HKD"),
    ("The fund holds S$2 million.", "SGD"),
    ("The fine was A$40,000.", "AUD"),
    ("He paid $3,000 to smugglers.", "USD"),
    ("He paid 100,000 baht to smugglers.", "THB"),
    ("It cost 5 million rupiah.", "IDR"),
])
def test_a_sum_is_read_in_its_own_currency(text, unit):
    (q,) = extract_quantities(text)
    assert (q.kind, q.unit) == ("money", unit)


def test_a_sum_in_another_dollar_never_meets_us_dollars():
    hk, us = extract_quantities("It raised HK$88 billion.")[0], extract_quantities("It raised $88 billion.")[0]
    assert not same_kind(hk, us)  # two currencies are never compared: no conflict, no confirmation


def test_currencies_are_read_from_their_data_file():
    from verify import lexicon

    assert ("hk$", "HKD") in lexicon.currencies() and ("baht", "THB") in lexicon.currencies()


@pytest.mark.parametrize("text, value", [
    ("Power was cut to 18 Northern and central California counties.", 18.0),
    ("Rain fell on 3 Southern states.", 3.0),
])
def test_a_direction_after_a_number_is_no_title(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


def test_a_titlecase_word_after_a_number_is_still_a_title():
    assert extract_quantities("They watched 47 Meters Down on Friday.") == []


_NUMBERISH = st.sampled_from(["about", "twenty-one", "Thirty", "dozen", "half", "percent", "$", "HK$",
                          "million", "years", "old", "more than", "the", "deported", "one", "None",
                          "often", "twelve", "seventy", "7", "3.5", "1,000", "-", " ", ",", "to"])


@given(st.lists(_NUMBERISH, max_size=12).map(" ".join) | st.text(max_size=60))
def test_a_text_the_quick_number_test_passes_over_holds_no_quantity(text):
    from verify.reading.quantities import _ANY_NUMBER, _QTY_RE

    if _ANY_NUMBER.search(text) is None:
        assert _QTY_RE.search(text) is None
