"""verify.lexicon: every word list in one data file, read once."""
import pytest

from verify import lexicon
from verify.reading.dates import MONTHS
from verify.reading.facts import DENIAL_VERBS
from verify.reading.polarity import DENIAL_WORDS
from verify.text import TENS, UNITS, stem


def test_lists_are_read_once():
    assert lexicon.number_words() is lexicon.number_words()
    assert lexicon.months() is lexicon.months()
    assert lexicon.denial_verbs() is lexicon.denial_verbs()


def test_number_words():
    assert UNITS["zero"] == 0 and UNITS["nineteen"] == 19 and len(UNITS) == 20
    assert list(TENS) == ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    assert sorted(UNITS.values()) == list(range(20))


def test_months():
    assert lexicon.month_names()[0] == "january" and len(lexicon.month_names()) == 12
    assert "may" not in lexicon.month_abbreviations()
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert len(MONTHS) == 24 and set(MONTHS.values()) == set(range(1, 13))


def test_denial_verbs():
    forms = [w for w, _ in lexicon.denial_verbs()]
    assert len(forms) == len(set(forms)) == 17
    assert DENIAL_VERBS == {stem(w) for w in forms}
    assert DENIAL_WORDS < set(forms) and "denied" in DENIAL_WORDS and "dispute" not in DENIAL_WORDS


def test_data_files_name_their_readers():
    for name in ("number_words", "months", "denial_verbs", "stance_words", "measures"):
        text = (lexicon._DATA / f"{name}.tsv").read_text(encoding="utf-8")
        assert text.startswith("# ") and "Read by verify.lexicon" in text
    for name in ("synonyms", "irregular_verbs", "antonyms", "currencies"):
        text = (lexicon._DATA / f"{name}.tsv").read_text(encoding="utf-8")
        assert text.startswith("# ") and "Read by verify.lexicon" in text


def test_synonyms_come_from_the_data_files():
    from verify.text import SYNONYM, canon, stem

    assert lexicon.synonym_groups()[0][0] == "deport" and canon("expels") == canon("deported")
    assert ("paid", "pay") in lexicon.irregular_verbs() and canon("paid") == stem("pay")
    assert SYNONYM[stem("annual")] == stem("annual")


def test_the_index_reads_no_stance_module():
    """The passage index normalises words with ``text`` and ``lexicon`` alone: a stance rule
    can change without rebuilding any index."""
    import ast
    from pathlib import Path

    import verify.retrieval.index as ix

    tree = ast.parse(Path(ix.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m and ("reading" in m or "stance" in m) for m in imported), imported


@pytest.mark.parametrize("group", ["back_reference", "window", "snapshot", "indefinite", "pointer"])
def test_each_stance_word_group_is_read_from_its_data_file(group):
    assert lexicon.stance_words(group) and all(w == w.strip().lower() for w in lexicon.stance_words(group))


def test_an_unknown_stance_word_group_is_refused():
    with pytest.raises(KeyError, match="no word group"):
        lexicon.stance_words("astrology")


def test_units_of_measure_name_a_dimension_and_a_positive_factor():
    rows = lexicon.measures()
    assert len({w for w, _, _ in rows}) == len(rows)  # each unit word defined once
    assert all(f > 0 for _, _, f in rows)


def test_opposites_come_from_their_data_file_and_meet_in_any_form():
    from verify.reading.facts import ANTONYMS
    from verify.text import canon

    assert ("increase", "decrease") in lexicon.antonym_pairs()
    # the stemmer keeps 'approve' whole but cuts 'approves' to 'approv': both find 'rejected'
    for form in ("approve", "approves", "approved", "approving"):
        assert canon("rejected") in ANTONYMS[canon(form)], form
    assert canon("approves") in ANTONYMS[canon("rejects")]
