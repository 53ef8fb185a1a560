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


def test_splitting_is_linear_in_the_size_of_the_file():
    """Four times the text costs about four times the time (it was quadratic: line numbers
    were counted from the start of the file for every passage)."""
    import time

    from verify.model import Source

    para = "The council approved a budget of $3.5 million. Dr. Lim arrived in Bangkok on Jan. 5.\n"
    def cost(n: int) -> float:
        src = Source(id="big.txt", path="big.txt", title="big", sha256="", text=para * n)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            ps = split_passages(src)
            best = min(best, time.perf_counter() - t0)
        assert ps[-1].line == n
        return best

    small, big = cost(3000), cost(12000)
    assert big < 8 * small  # quadratic would be 16x


def test_indexing_a_big_file_reports_progress_within_it(tmp_path):
    from verify.inputs.sources import discover
    from verify.retrieval.index import PassageIndex

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "big.txt").write_text("Ann Lee was re-elected in 2021. She won.\n" * 5000)
    files, _ = discover([tmp_path / "src"])
    seen = []
    PassageIndex(tmp_path / "i.sqlite").sync(files, progress=lambda n, total: seen.append((n, total)))
    size = files[0].size
    assert len([n for n, _ in seen if 0 < n < size]) >= 3 and seen[-1] == (size, size)


def test_a_draft_is_cut_into_sentences_as_a_sources_passages_are():
    from verify.reading.sentences import sentence_spans

    text = "# A heading\n\nThe mayor, Mr. Smith, resigned on Jan. 5. He was 54.\n- A list item.\n> A quote.\n\nNo stop"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "# A heading", "The mayor, Mr. Smith, resigned on Jan. 5.", "He was 54.", "- A list item.", "> A quote.",
        "No stop"]
