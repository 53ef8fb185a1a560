"""Reading claims: column discovery, delimiters, encodings, bad files."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from verify import InputError, read_claims
from verify.inputs.claims import parse_claims_csv


def test_semicolon_file_finds_statement_column_case_insensitively(data):
    claims, skipped = read_claims(data / "claims/semicolon.csv")
    assert [c.id for c in claims] == ["c1", "c2"]
    assert claims[0].text == "Ann Lee was re-elected in 2021."
    assert claims[0].fields == {"desk": "politics"}
    assert skipped == []


def test_bom_is_ignored_and_blank_rows_skipped_and_ids_are_row_numbers(data):
    claims, _ = read_claims(data / "claims/bom.csv")
    assert [c.text for c in claims] == ["The council approved a budget of 3.5 million dollars.",
                                        "Ann Lee lost the election."]
    assert claims[0].id == "1"


def test_txt_file_is_one_claim_per_line_ignoring_comments(data):
    claims, _ = read_claims(data / "claims/claims.txt")
    assert [c.text for c in claims] == ["Ann Lee was re-elected in 2021.", "The budget was $3.5 million."]


def test_latin1_file_fails_with_a_hint_to_use_encoding(data):
    with pytest.raises(InputError, match=r"latin1\.csv: not valid utf-8.*--encoding latin-1"):
        read_claims(data / "claims/latin1.csv")


def test_latin1_file_reads_with_encoding_option(data):
    claims, _ = read_claims(data / "claims/latin1.csv", encoding="latin-1")
    assert claims[0].text == "Le café emploie douze personnes."


def test_missing_file_names_the_file():
    with pytest.raises(InputError, match=r"^nope\.csv: no such file$"):
        read_claims("nope.csv")


def test_empty_csv_is_an_input_error(data):
    with pytest.raises(InputError, match="empty file"):
        read_claims(data / "claims/empty.csv")


def test_no_claim_column_lists_the_columns_found(data):
    with pytest.raises(InputError, match=r"no claim column.*'id', 'note'"):
        read_claims(data / "claims/no-claim-column.csv")


def test_single_column_of_any_name_is_the_claim_column():
    claims, _ = parse_claims_csv("Assertion\nThe sky is blue.\n")
    assert claims[0].text == "The sky is blue."


def test_overlong_claim_is_skipped_with_its_row_and_the_rest_kept():
    text = "claim\n" + "x" * 5000 + "\nShort claim.\n"
    claims, skipped = parse_claims_csv(text, "big.csv")
    assert [c.text for c in claims] == ["Short claim."]
    assert skipped[0].what == "big.csv, row 2" and "5,000 characters" in skipped[0].reason


def test_url_column_is_read_as_the_claims_sources():
    claims, _ = parse_claims_csv("claim,url\nX happened.,https://a.example/1 https://b.example/2\n")
    assert claims[0].urls == ["https://a.example/1", "https://b.example/2"]


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40) \
    .filter(lambda s: s.strip() != "" and s == " ".join(s.split()))


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(_cell, _cell), min_size=1, max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_any_written_csv_reads_back_the_same_claims(rows, delimiter, tmp_path_factory):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    w.writerow(["id", "claim"])
    for i, (_, text) in enumerate(rows):
        w.writerow([f"r{i}", text])
    claims, _ = parse_claims_csv(buf.getvalue())
    assert [c.text for c in claims] == [t for _, t in rows]
    assert [c.id for c in claims] == [f"r{i}" for i in range(len(rows))]
