"""The passage index: search, incremental updates, format versions."""
from __future__ import annotations

import shutil

from verify import PassageIndex
from verify.inputs.sources import discover
from verify.retrieval.index import FORMAT_VERSION


def _copy(data, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(data / "corpus", corpus)
    return corpus


def test_search_matches_without_diacritics_and_number_words(data, tmp_path):
    corpus = _copy(data, tmp_path)
    (corpus / "bdap.txt").write_text("Y Quynh Bđăp was sentenced to ten years.")
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])
    hits = idx.get([r for r, _ in idx.search("Bdap 10 years")])
    assert hits[0].text == "Y Quynh Bđăp was sentenced to ten years."


def test_only_changed_sources_are_reloaded(data, tmp_path):
    corpus = _copy(data, tmp_path)
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])
    loaded = []

    def loader(sf):
        from verify.inputs.sources import load_source
        loaded.append(sf.id)
        return load_source(sf)

    (corpus / "notes.txt").write_text("A new sentence about harbours.")
    idx.sync(discover([corpus])[0], loader=loader)
    assert [i.split("/")[-1] for i in loaded if not i.endswith((".pdf", "image.txt", "empty.txt"))] == ["notes.txt"]
    assert "A new sentence about harbours." in [p.text for p in idx.get([r for r, _ in idx.search("harbours")])]


def test_deleted_sources_leave_the_index(data, tmp_path):
    corpus = _copy(data, tmp_path)
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])
    (corpus / "notes.txt").unlink()
    idx.sync(discover([corpus])[0])
    assert idx.search("Springfield mayor") == []


def test_index_with_an_old_format_is_rebuilt(tmp_path):
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.db.execute("UPDATE meta SET value='0' WHERE key='format'")
    idx.db.commit()
    idx.close()
    again = PassageIndex(tmp_path / "i.sqlite")
    assert again.db.execute("SELECT value FROM meta WHERE key='format'").fetchone()[0] == FORMAT_VERSION


def _index_of(tmp_path, texts):
    from verify.model import Source
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.add([Source(id=f"s{i}.txt", path=f"s{i}.txt", sha256=str(i), kind="txt", title="", text=t)
             for i, t in enumerate(texts)])
    return idx


def test_decimal_numbers_are_searchable(tmp_path):
    idx = _index_of(tmp_path, ["Inflation reached 12.5 percent in March.", "Rain fell."])
    hits = idx.get([r for r, _ in idx.search("inflation of 12.5 percent")])
    assert hits[0].text == "Inflation reached 12.5 percent in March."


def test_very_common_terms_are_dropped_from_long_queries(tmp_path, monkeypatch):
    import verify.retrieval.index as vi
    monkeypatch.setattr(vi, "COMMON_TERM_POSTINGS", 2)
    idx = _index_of(tmp_path, ["The government spoke.", "The government met.", "The government sat.",
                               "Minister Dara resigned over flooding in Kampot province."])
    terms = idx.query_terms("The government says minister Dara resigned over flooding in Kampot")
    assert "govern" not in terms and {"dara", "kampot"} <= set(terms)


def test_short_queries_keep_every_term_however_common(tmp_path, monkeypatch):
    import verify.retrieval.index as vi
    monkeypatch.setattr(vi, "COMMON_TERM_POSTINGS", 0)
    idx = _index_of(tmp_path, ["The government spoke.", "The government met."])
    assert idx.query_terms("the government spoke") == ["govern", "speak"]


def test_index_format_changes_when_synonym_groups_change():
    from verify.retrieval.index import _format_version
    stop = frozenset({"the"})
    assert _format_version({"expel": "deport"}, stop, []) != _format_version({}, stop, [])
    assert _format_version({}, stop, []) == _format_version({}, frozenset({"the"}), [])


def test_index_format_changes_when_the_stemmer_reads_words_differently():
    from verify.retrieval.index import _format_version
    stop = frozenset({"the"})
    assert _format_version({}, stop, ["deport"]) != _format_version({}, stop, ["deported"])


def test_an_interrupted_build_keeps_what_it_wrote_and_the_next_sync_completes_it(data, tmp_path, monkeypatch):
    import pytest

    import verify.retrieval.index as vi
    from verify.inputs.sources import load_source

    monkeypatch.setattr(vi, "_BATCH", 1)  # commit after every file
    corpus = _copy(data, tmp_path)
    (corpus / "zz-last.txt").write_text("The last file speaks of harbours.", encoding="utf-8")
    files = sorted(discover([corpus])[0], key=lambda f: f.id)
    full = PassageIndex(tmp_path / "full.sqlite")
    full.sync(files)
    calls = []

    def dies_on_last(sf):
        calls.append(sf.id)
        if len(calls) == len(files):
            raise KeyboardInterrupt
        return load_source(sf)

    idx = PassageIndex(tmp_path / "i.sqlite")
    with pytest.raises(KeyboardInterrupt):
        idx.sync(files, loader=dies_on_last)
    idx.close()
    again = PassageIndex(tmp_path / "i.sqlite")
    assert 0 < again.count() < full.count()
    again.sync(files)
    assert again.count() == full.count()
    assert again.search("Springfield mayor") == full.search("Springfield mayor")


def _age(corpus, seconds=3600):
    import os
    import time
    old = time.time() - seconds
    for f in corpus.rglob("*"):
        os.utime(f, (old, old))


def test_a_rerun_over_unchanged_files_does_not_read_them(data, tmp_path, monkeypatch):
    from pathlib import Path
    corpus = _copy(data, tmp_path)
    _age(corpus)
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])

    indexed = {s.path for s in idx.sources()}
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(str(self)) or real(self))
    files, _ = discover([corpus], known=idx.known_stats())
    idx.sync(files)
    assert indexed and not indexed & set(reads)  # only files it could not index are tried again
    assert idx.last_sync.changed == idx.last_sync.added == 0 and idx.last_sync.unchanged > 0


def test_a_file_changed_in_place_is_rehashed_and_reindexed(data, tmp_path):
    corpus = _copy(data, tmp_path)
    _age(corpus)
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])
    (corpus / "notes.txt").write_text("The harbour reopened in May.", encoding="utf-8")
    idx.sync(discover([corpus], known=idx.known_stats())[0])
    assert (idx.last_sync.changed, idx.last_sync.added, idx.last_sync.removed) == (1, 0, 0)
    assert idx.get([r for r, _ in idx.search("harbour reopened")])[0].text == "The harbour reopened in May."


def test_a_file_indexed_moments_after_it_was_written_is_always_rehashed(data, tmp_path, monkeypatch):
    from pathlib import Path
    corpus = _copy(data, tmp_path)  # fresh mtimes: its size and mtime may not reveal an edit
    idx = PassageIndex(tmp_path / "i.sqlite")
    idx.sync(discover([corpus])[0])
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real(self))
    discover([corpus], known=idx.known_stats())
    assert reads


def test_document_frequency_can_be_read_back_from_idf(tmp_path):
    # the stance step recovers how many passages hold a word from two idf values
    # (verify/_stance.py _distinctive): this pins the formula it relies on
    import math
    idx = _index_of(tmp_path, ["The government spoke.", "The government met.", "Rain fell."])
    df = 0.5 * math.exp(idx.idf("\x00") - idx.idf("govern")) - 0.5
    assert round(df, 6) == 2
