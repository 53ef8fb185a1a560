"""Finding and reading sources: ids, hashes, front matter, skips."""
from __future__ import annotations

import hashlib

import pytest

from verify import load_sources
from verify.inputs.sources import parse_front_matter


def test_sample_corpus_has_four_sources_with_titles_and_hashes(sample_sources):
    sources, skipped = load_sources([sample_sources])
    assert len(sources) == 4 and skipped == []
    for s in sources:
        assert s.title and len(s.sha256) == 64


def test_source_id_is_the_path_relative_to_where_it_was_given(data, monkeypatch):
    monkeypatch.chdir(data)
    sources, _ = load_sources(["corpus"])
    assert "corpus/notes.txt" in [s.id for s in sources]


def test_sha256_is_of_the_file_bytes(data):
    sources, _ = load_sources([data / "corpus" / "notes.txt"])
    assert sources[0].sha256 == hashlib.sha256((data / "corpus/notes.txt").read_bytes()).hexdigest()


def test_binary_empty_and_unknown_types_are_skipped_with_reasons(data):
    sources, skipped = load_sources([data / "corpus"])
    reasons = {s.what.split("/")[-1]: s.reason for s in skipped}
    assert reasons["image.txt"] == "binary file, not text"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["data.pdf"] == "unsupported file type '.pdf'"
    assert {s.id.split("/")[-1] for s in sources} >= {"notes.txt", "markup.md", "latin1-cafe.txt"}


def test_latin1_source_is_decoded_not_lost(data):
    sources, _ = load_sources([data / "corpus" / "latin1-cafe.txt"])
    assert "café" in sources[0].text


def test_front_matter_is_metadata_not_text(data):
    sources, _ = load_sources([data / "corpus" / "markup.md"])
    s = sources[0]
    assert s.title == "A [bold]markup[/bold] test"
    assert s.published == "2024-03-01"
    assert not s.text[s.body_offset:].startswith("---")


def test_text_without_closing_front_matter_is_all_body():
    assert parse_front_matter("---\nnot: closed\nbody") == ({}, 0)


@pytest.mark.parametrize("case, text, meta, body", [
    ("key: value lines", "---\ntitle: A\npublished: 2024-03-01\n---\nBody.", {"title": "A", "published": "2024-03-01"},
     "Body."),
    ("keys are read in lower case", "---\nTitle: A\n---\nBody.", {"title": "A"}, "Body."),
    ("one pair of quotes is taken off", "---\ntitle: \"A 'B' C\"\n---\nBody.", {"title": "A 'B' C"}, "Body."),
    ("YAML lists, comments and blank lines are skipped", "---\ntitle: A\n# note\n\ntags:\n  - x\n- y\n---\nBody.",
     {"title": "A", "tags": ""}, "Body."),
    ("a dashed rule over prose is no front matter", "---\nJust a rule over prose.\n---\nMore.", {},
     "---\nJust a rule over prose.\n---\nMore."),
])
def test_front_matter_reading(case, text, meta, body):
    got, offset = parse_front_matter(text)
    assert (got, text[offset:]) == (meta, body), case


def test_a_drafts_front_matter_is_blanked_and_its_lines_still_count(tmp_path):
    from verify.inputs.drafts import read_draft

    draft = tmp_path / "draft.md"
    draft.write_text("---\ntitle: Draft\ntags:\n  - news\n---\nThe mayor resigned.\n", encoding="utf-8")
    text, _name = read_draft(draft)
    assert text.splitlines()[5] == "The mayor resigned." and "title" not in text


def test_missing_path_is_skipped_not_fatal(tmp_path):
    sources, skipped = load_sources([tmp_path / "nothing-here"])
    assert sources == [] and skipped[0].reason == "no such file or folder"


def test_html_source_text_is_extracted(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The harbour authority said 42 ships docked in January."] * 8)
    page.write_text(f"<html><head><title>Harbour</title></head><body><nav>Menu Home</nav>"
                    f"<article><h1>Harbour news</h1><p>{body}</p></article></body></html>")
    sources, skipped = load_sources([page])
    assert skipped == [] and "42 ships docked" in sources[0].text
