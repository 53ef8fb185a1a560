"""A claim in parts: its main statement, and its aside about its subject (verify.reading.parts)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from verify.reading.parts import parts


@pytest.mark.parametrize("claim, main, side", [
    ("Lena Brook, a nurse from Leeds, runs the village bakery.",
     "Lena Brook runs the village bakery.", "Lena Brook is a nurse from Leeds."),
    ("Omar Haddad, aged 58, chairs the port authority.",
     "Omar Haddad chairs the port authority.", "Omar Haddad is aged 58."),
    ("Judge Ana Ruiz, who led the inquiry, retired in 2021.",
     "Judge Ana Ruiz retired in 2021.", "Judge Ana Ruiz led the inquiry."),
    ("The old mill, restored in 1990, was sold for 1,200,000 euros.",
     "The old mill was sold for 1,200,000 euros.", "The old mill was restored in 1990."),
    ("The 64-year-old Haddad has chaired the port authority since 2015.",
     "Haddad has chaired the port authority since 2015.", "Haddad is 64-year-old."),
])
def test_an_aside_about_the_subject_is_split_from_the_main_statement(claim, main, side):
    assert (main, side) in parts(claim)


@pytest.mark.parametrize("case, claim", [
    ("no aside", "Lena Brook runs the village bakery in Leeds."),
    ("a list", "Lena Brook speaks Polish, German and Czech fluently."),
    ("a list of subjects", "Storms, floods, droughts and heatwaves have grown more frequent."),
    ("a longer list", "Volcanoes, ocean currents, clouds, dust - all of these shape the climate."),
    ("an opening phrase, not a subject", "In March, Lena Brook, a nurse, opened a bakery."),
    ("a date first", "On 3 May 2020, aged 58, Omar Haddad left the port authority."),
    ("a condition", "The drug, when taken with aspirin, lowers blood pressure."),
    ("an example", "Seabirds, such as puffins, nest on the cliffs."),
    ("a place in apposition", "Leeds, England, has a new bakery."),
    ("an age before a common noun", "A 43-year-old man was rescued from the cliffs."),
    ("no subject named", "At least 12 people, most of them children, were rescued."),
])
def test_a_claim_without_an_aside_about_a_named_subject_is_not_split(case, claim):
    assert parts(claim) == [], case


@given(st.text(alphabet=st.sampled_from(list("abcdefghij ABCDEFG,.'-0123456789")), max_size=80))
def test_parts_never_fails_and_only_restates_the_claims_words(claim):
    allowed = set(claim.replace(",", " ").replace(".", " ").split()) | {"is", "was"}
    for main, side in parts(claim):
        for text in (main, side):
            assert text.endswith(".")
            assert set(text.replace(",", " ").replace(".", " ").split()) <= allowed
