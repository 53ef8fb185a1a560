"""Quotations: finding them with their speaker, and matching them against source passages."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from verify.reading.quotes import Quote, find_quotes, match_quote, same_person

DATA = Path(__file__).parents[1] / "data" / "quotes"
SOURCE = (DATA / "source.txt").read_text(encoding="utf-8")
DRAFT = (DATA / "draft.md").read_text(encoding="utf-8")
# The source as paragraph passages, in document order, as match_quote expects.
PARAGRAPHS = [("source.txt", p.strip()) for p in SOURCE.split("\n\n") if p.strip()]


def _sentences(text: str) -> list[tuple[str, str]]:
    """Sentence passages, crudely: a quote then runs over two of them."""
    import re
    return [("source.txt", s) for p in text.split("\n\n") for s in re.split(r"(?<=[.!?])\s+", p.strip()) if s]


def _quote(text: str, speaker: str | None) -> Quote:
    return Quote(text=text, speaker=speaker, start=0, end=len(text), line=1)


# --- find_quotes --------------------------------------------------------------------------

def test_speaker_after_the_quote():
    (q,) = find_quotes('"If we stay here, we will be scared," Chantra said.')
    assert q.text == "If we stay here, we will be scared," and q.speaker == "Chantra"


def test_said_before_the_name_after_the_quote():
    (q,) = find_quotes("“I live by asking for food,” said Sat Pha.")
    assert q.speaker == "Sat Pha"


def test_name_said_colon_before_the_quote():
    (q,) = find_quotes('Mayor Paul Okafor said: "The money was never sent to us."')
    assert q.speaker == "Paul Okafor"


def test_role_and_organisation_are_cut_from_the_speaker():
    text = '"We have never seized politicians," said National Police spokesperson Chhay Kim Khoeun of the ministry.'
    assert find_quotes(text)[0].speaker == "Chhay Kim Khoeun"


def test_descriptor_speaker_is_followed_back_to_the_last_named_person():
    text = 'Pha said she does not feel safe.\n\n"We dare not go out at night," said the activist.'
    q = find_quotes(text)[0]
    assert q.speaker == "Pha" and q.cue == "the activist"


def test_pronoun_speaker_is_followed_back_to_the_last_named_person():
    text = 'Mayor Paul Okafor spoke first.\nOkafor said the dykes were late.\n\n"We are still waiting," he said.'
    assert find_quotes(text)[0].speaker == "Okafor"


def test_quote_without_attribution_continues_the_previous_speaker():
    text = '"It is the third time," said Marie Dubé. "We lost everything we had."'
    assert [q.speaker for q in find_quotes(text)] == ["Marie Dubé", "Marie Dubé"]


def test_non_person_cue_is_kept_as_written():
    (q,) = find_quotes("“I will send the three of you to prison,” the message said.")
    assert q.speaker == "the message"


def test_scare_quotes_of_one_or_two_words_are_not_quotations():
    assert find_quotes('The exiles are in "serious danger," he said.') == []


def test_quote_positions_point_into_the_text():
    quotes = find_quotes(DRAFT)
    assert [q.line for q in quotes] == [3, 5, 7, 9, 11]
    for q in quotes:
        assert q.text in DRAFT[q.start:q.end]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab A said, ."“”\n')), max_size=100))
def test_find_quotes_accepts_any_text(text):
    for q in find_quotes(text, min_words=1):
        assert 0 <= q.start < q.end <= len(text) and q.line >= 1


# --- match_quote --------------------------------------------------------------------------

def test_same_words_with_other_case_and_punctuation_are_exact():
    m = match_quote(_quote("it is the third time in ten years", "Marie Dubé"), PARAGRAPHS)
    assert m.status == "exact" and m.source == "source.txt" and m.score == 1.0


def test_diacritics_do_not_matter_for_the_speaker():
    m = match_quote(_quote("It is the third time in ten years.", "Marie Dube"), PARAGRAPHS)
    assert m.status == "exact" and m.source_speaker == "Marie Dubé"


def test_bracketed_insertion_in_the_source_can_be_left_out():
    m = match_quote(_quote("The money was promised but it never arrived", "Okafor"), PARAGRAPHS)
    assert m.status == "exact"


def test_bracketed_insertion_can_be_kept():
    m = match_quote(_quote("The money was promised by the regional council but it never arrived", "Okafor"),
                    PARAGRAPHS)
    assert m.status == "exact"


def test_ellipsis_in_the_source_is_exact():
    m = match_quote(_quote("People are tired but nobody here is giving up", "Lena Sørensen"), PARAGRAPHS)
    assert m.status == "exact"


def test_ellipsis_in_the_draft_is_exact():
    m = match_quote(_quote("We lost everything ... the photographs", "Marie Dubé"), PARAGRAPHS)
    assert m.status == "exact"


def test_changed_word_is_altered_with_a_word_diff():
    m = match_quote(_quote("The money was promised but it never came", "Paul Okafor"), PARAGRAPHS)
    assert m.status == "altered" and "[-arrived-]{+came+}" in (m.diff or "")


def test_dropped_word_is_altered():
    m = match_quote(_quote("We lost everything in the floor, the fridge, the sofa", "Marie Dubé"), PARAGRAPHS)
    assert m.status == "altered" and "[-ground-]" in (m.diff or "")


def test_words_given_to_someone_else_are_misattributed():
    m = match_quote(_quote("People are tired but nobody here is giving up", "Paul Okafor"), PARAGRAPHS)
    assert m.status == "misattributed" and m.source_speaker == "Lena Sørensen"


def test_unattributed_source_paragraph_takes_the_last_speaker():
    m = match_quote(_quote("Next winter will be worse if nothing is built.", "Marie Dubé"), PARAGRAPHS)
    assert m.status == "misattributed" and m.source_speaker == "Lena Sørensen"


def test_unknown_words_are_not_found():
    m = match_quote(_quote("We will rebuild the bakery within a month", "Marie Dubé"), PARAGRAPHS)
    assert m.status == "not-found" and m.source is None


def test_quote_running_over_two_sentence_passages_is_found():
    m = match_quote(_quote("We lost everything in the ground floor, the fridge, the sofa, the "
                           "photographs. It is the third time in ten years", "Marie Dubé"), _sentences(SOURCE))
    assert m.status == "exact"


def test_sentence_passages_still_find_the_pronoun_speaker():
    m = match_quote(_quote("We are still waiting.", "Lena Sørensen"), _sentences(SOURCE))
    assert m.status == "misattributed" and m.source_speaker == "Paul Okafor"


def test_unnamed_speaker_is_never_misattributed():
    m = match_quote(_quote("People are tired but nobody here is giving up", "the volunteer"), PARAGRAPHS)
    assert m.status == "exact"


def test_names_match_by_any_part_or_surname():
    assert same_person("Chhay Kim Khoeun", "Kim Khoeun")
    assert same_person("Duong Chantra", "Chantra")
    assert not same_person("Hong Theng", "Duong Chantra")


def test_draft_fixture_end_to_end():
    got = [match_quote(q, PARAGRAPHS).status for q in find_quotes(DRAFT)]
    assert got == ["exact", "exact", "altered", "misattributed", "not-found"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("river town money rose tired winter flood aid meals mayor".split()),
                min_size=4, max_size=12))
def test_a_quote_copied_from_a_passage_is_exact(words):
    sentence = " ".join(words)
    passages = PARAGRAPHS + [("extra.txt", f"“{sentence.capitalize()},” said Ann Lee.")]
    m = match_quote(_quote(sentence, "Ann Lee"), passages)
    assert m.status == "exact"


@pytest.mark.parametrize("text, speaker", [
    ('Mayor Ada Quist spoke first. Council leader Tomas Berg summed it up: "We are out of money and out of time."',
     "Tomas Berg"),
    # a word capitalised only to open the sentence names nobody: the quote keeps the last speaker
    ('Ada Quist said the doors were locked. Officers found a note: "You will never find us again."', "Ada Quist"),
])
def test_a_quote_after_a_colon_is_said_by_the_full_name_opening_its_sentence(text, speaker):
    (q,) = find_quotes(text)
    assert q.speaker == speaker
