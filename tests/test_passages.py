"""Sentence passages: exact offsets, lines, abbreviations, headings, glued lines."""
from __future__ import annotations

from verify import Source, split_passages


def _split(text: str, kind: str = "txt"):
    return split_passages(Source(id="s", path="s", title="t", sha256="x", text=text, kind=kind))


def test_every_passage_is_an_exact_slice_of_the_file(data):
    text = (data / "corpus/notes.txt").read_text()
    for p in _split(text):
        assert text[p.start:p.end] == p.text


def test_abbreviations_and_initials_do_not_end_sentences():
    ps = _split("The U.N. agency said Dr. Lim arrived in Bangkok on Jan. 5. He stayed for three weeks.")
    assert [p.text for p in ps] == ["The U.N. agency said Dr. Lim arrived in Bangkok on Jan. 5.",
                                    "He stayed for three weeks."]


def test_heading_without_final_stop_is_its_own_passage():
    ps = _split("Headline without a stop\nThe body starts here.")
    assert [p.text for p in ps] == ["Headline without a stop", "The body starts here."]


def test_sentences_glued_by_scraping_are_split():
    ps = _split("She was re-elected in 2021.She received 61 percent.")
    assert [p.text for p in ps] == ["She was re-elected in 2021.", "She received 61 percent."]


def test_closing_quote_stays_with_its_sentence():
    ps = _split('"We will not leave," said Lee. "Never." The council agreed.')
    assert [p.text for p in ps] == ['"We will not leave," said Lee.', '"Never."', "The council agreed."]


def test_line_numbers_are_one_based_lines_of_the_file():
    ps = _split("First line.\n\nThird line. Same line.\nFourth.")
    assert [(p.text, p.line) for p in ps] == [("First line.", 1), ("Third line.", 3),
                                               ("Same line.", 3), ("Fourth.", 4)]


def test_hard_wrapped_lines_join_into_one_sentence():
    ps = _split("The council approved the\nbudget on Monday.")
    assert [p.text for p in ps] == ["The council approved the\nbudget on Monday."]


def test_markdown_heading_marks_are_not_part_of_the_passage():
    ps = _split("# Harbour report\n\nShips docked.", kind="md")
    assert ps[0].text == "Harbour report"


def test_paragraph_numbers_group_sentences():
    ps = _split("One. Two.\n\nThree.")
    assert [p.para for p in ps] == [0, 0, 1]
