"""`verify comments`: reading exports, kinds and verdicts per comment, thread flags, output."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from verify.cli import cli
from verify.errors import InputError
from verify.pipeline.comments import assess, overall, read_comments

DATA = Path(__file__).parents[1] / "data" / "comments"
ARTICLE = DATA / "article.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    cache = tmp_path_factory.mktemp("cache")
    return assess(DATA / "comments.csv", ARTICLE, cache=cache).to_dict()


@pytest.fixture(scope="module")
def by_id(report) -> dict:
    return {c["id"]: c for c in report["comments"]}


def run(*args: str, tmp_path: Path) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["comments", *args, "--cache", str(tmp_path / "cache")])
    return res.exit_code, res.stdout, res.stderr


# --- reading -------------------------------------------------------------------------------


def test_csv_columns_are_read():
    comments, _ = read_comments(DATA / "comments.csv")
    first = comments[0]
    assert (first.id, first.parent_id, first.author, first.date) == ("1", None, "Ana", "2022-10-02")
    assert comments[1].parent_id == "1"


def test_csv_aliases_are_accepted(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("comment_id,in_reply_to,user,created_at,body\nx,,Al,2024-01-01,Hello there everyone\n"
                 "y,x,Bo,2024-01-02,The bridge opened in 1998.\n", encoding="utf-8")
    comments, skipped = read_comments(p)
    assert [(c.id, c.parent_id, c.author, c.date) for c in comments] == [
        ("x", None, "Al", "2024-01-01"), ("y", "x", "Bo", "2024-01-02")]
    assert skipped == []


def test_semicolon_csv_is_read(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id;text\n1;One; two and three\n", encoding="utf-8")
    comments, _ = read_comments(p)
    assert comments[0].text == "One"  # the header's delimiter wins, even inside text


def test_json_object_with_comments_list_is_read():
    comments, skipped = read_comments(DATA / "comments.json")
    assert [c.id for c in comments] == ["1", "2"] and comments[1].parent_id == "1"
    assert skipped == []


def test_jsonl_bad_lines_and_empty_text_are_skipped():
    comments, skipped = read_comments(DATA / "comments.jsonl")
    assert [c.id for c in comments] == ["a", "b"]
    assert comments[0].author == "Jo"  # {"user": {"name": ...}}
    assert [s.reason for s in skipped] == ["not valid JSON", "no text"]
    assert all(s.kind == "row" and "row" in s.what for s in skipped)


def test_row_without_text_is_skipped():
    _, skipped = read_comments(DATA / "comments.csv")
    assert any(s.reason == "no text" and s.what.endswith("row 8") for s in skipped)


def test_reply_to_unknown_parent_is_skipped():
    comments, skipped = read_comments(DATA / "comments.csv")
    assert "8" not in {c.id for c in comments}
    assert any("unknown parent '99'" in s.reason for s in skipped)


def test_reply_to_a_skipped_comment_is_skipped(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,parent_id,text\n1,,\n2,1,A reply to nothing.\n3,2,Deeper still.\n", encoding="utf-8")
    comments, skipped = read_comments(p)
    assert comments == [] and len(skipped) == 3


def test_broken_encoding_skips_only_that_row(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n1,Fine text here.\n2,Broken \xff\xfe bytes.\n3,More fine text.\n")
    comments, skipped = read_comments(p)
    assert [c.id for c in comments] == ["1", "3"]
    assert skipped[0].reason.startswith("broken encoding")


def test_reply_loop_is_skipped(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,parent_id,text\n1,2,First.\n2,1,Second.\n3,3,Self.\n4,,Fine.\n", encoding="utf-8")
    comments, skipped = read_comments(p)
    assert [c.id for c in comments] == ["4"]
    assert {s.reason for s in skipped} == {"replies form a loop"}


def test_duplicate_id_is_skipped(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,text\n1,First.\n1,Again.\n", encoding="utf-8")
    comments, skipped = read_comments(p)
    assert len(comments) == 1 and "duplicate" in skipped[0].reason


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_comments(tmp_path / "nope.csv")


def test_csv_without_text_column_is_an_input_error(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text column"):
        read_comments(p)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.text(max_size=5), st.text(max_size=5), st.text(max_size=40)), max_size=8))
def test_any_csv_reads_or_raises_input_error(tmp_path, rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "parent_id", "text"])
    w.writerows(rows)
    p = tmp_path / "h.csv"
    p.write_text(buf.getvalue(), encoding="utf-8", errors="surrogatepass")
    try:
        comments, skipped = read_comments(p)
    except InputError:
        return
    ids = {c.id for c in comments}
    assert all(c.parent_id is None or c.parent_id in ids for c in comments)
    assert all(c.text.strip() for c in comments)


# --- judging -------------------------------------------------------------------------------


def test_overall_verdict_worst_news_wins():
    assert overall([]) is None
    assert overall(["supported", "unverified"]) == "unverified"
    assert overall(["supported", "disputed", "unverified"]) == "disputed"
    assert overall(["supported", "contradicted", "disputed"]) == "contradicted"
    assert overall(["supported"]) == "supported"


def test_reply_word_in_front_is_not_part_of_the_claim():
    from verify.pipeline.comments import claim_texts

    assert claim_texts("No, the bridge opened in 1998.")[2] == ["The bridge opened in 1998"]
    assert claim_texts("No activists were deported in 2019.")[2] == ["No activists were deported in 2019"]


@pytest.mark.parametrize("text, parts", [
    ("Three were deported in May, and two remain in prison.", ["Three were deported in May", "Two remain in prison"]),
    # a part with no subject of its own goes on about the first part's
    ("The ferry left Dover at noon, and may have sunk near Calais.",
     ["The ferry left Dover at noon, and may have sunk near Calais"]),
    ("The plant closed in 2009, and reopened in 2012.", ["The plant closed in 2009, and reopened in 2012"]),
])
def test_a_comment_is_checked_in_parts_that_each_have_a_subject(text, parts):
    from verify.pipeline.comment_judge import _parts

    assert _parts(text.rstrip(".")) == parts


@pytest.mark.parametrize("evidence_score, verdict, kind", [
    (0.35, "unverified", "claim"),    # a passage states most of it: the same facts, undecided
    (0.10, "unverified", "opinion"),  # nothing speaks to it
    (0.10, "supported", "claim"),     # the sources decide it
])
def test_a_plain_statement_the_model_doubts_is_a_claim_when_the_sources_speak_to_it(evidence_score, verdict, kind):
    from verify.model import Claim, ClaimResult, Comment, Evidence
    from verify.pipeline.comments import _judge_comment

    def check(cid: str, i: int, text: str, row: int) -> ClaimResult:
        ev = Evidence(stance="related", source="a.txt", passage="The night porter locked the door.", line=1,
                      start=0, end=10, score=evidence_score, reason="r")
        return ClaimResult(Claim(f"{cid}.{i}", text, row=row), verdict, 0.5, [ev], "r")

    c = Comment(id="c1", parent_id=None, author="a", date="", text="The night porter locked the side door before midnight.")
    assert _judge_comment(c, check).kind == kind


def test_public_names_stay_importable_from_comments_module():
    import verify.pipeline.comments as m

    assert all(hasattr(m, name) for name in m.__all__)
    assert {"Comment", "CommentsReport", "assess", "read_comments", "comment_section"} <= set(m.__all__)


def test_claim_against_article_is_contradicted(by_id):
    c = by_id["1"]
    assert c["kind"] == "claim" and c["verdict"] == "contradicted"
    assert c["claims"][0]["evidence"][0]["stance"] == "contradicts"


def test_opinion_has_no_verdict_and_no_claims(by_id):
    assert by_id["3"]["kind"] == "opinion"
    assert by_id["3"]["verdict"] is None and by_id["3"]["claims"] == []


def test_question_is_a_question(by_id):
    assert by_id["4"]["kind"] == "question" and by_id["4"]["verdict"] is None


def test_hedge_keeps_the_claim_checkable(by_id):
    c = by_id["6"]
    assert c["kind"] == "claim" and c["verdict"] == "supported"
    assert not c["claims"][0]["claim"].lower().startswith("i heard")


def test_reply_disputing_parent_is_flagged(report, by_id):
    assert by_id["2"]["disputes_parent"] is True
    thread = next(t for t in report["threads"] if t["id"] == "1")
    assert thread["comments"] == ["1", "2"]
    assert any("disputes" in f for f in thread["flags"])


def test_comment_echoed_in_article_page_is_not_its_own_evidence(by_id):
    # the article page carries the comment section; a comment must not support itself
    assert by_id["9"]["verdict"] == "unverified"


def test_disagreeing_verdicts_in_a_thread_are_flagged(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,parent_id,text\n1,,Riverland signed the 1951 Refugee Convention.\n"
                 "2,1,The harbour bridge in Riverland was opened in 1998 by the city council.\n",
                 encoding="utf-8")
    d = assess(p, ARTICLE, cache=tmp_path / "cache").to_dict()
    assert [c["verdict"] for c in d["comments"]] == ["contradicted", "supported"]
    assert any("disagree" in f for f in d["threads"][0]["flags"])


def test_summary_counts_comments_needing_attention(report):
    s = report["summary"]
    assert s["comments"] == len(report["comments"]) == 8
    assert s["need_attention"] == 2  # the contradicted claim and the reply disputing it
    assert s["skipped"] == 2


def test_article_is_always_a_source(report):
    assert [s["id"] for s in report["sources"]] == ["article.txt"] or \
        any(s["path"].endswith("article.txt") for s in report["sources"])


def test_missing_article_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such article"):
        assess(DATA / "comments.csv", tmp_path / "none.txt", cache=tmp_path)


# --- command line --------------------------------------------------------------------------


def test_cli_json_has_the_documented_shape(tmp_path):
    code, out, err = run(str(DATA / "comments.csv"), "--article", str(ARTICLE), "-f", "json", tmp_path=tmp_path)
    assert code == 0
    d = json.loads(out)
    assert {"comments", "threads", "summary", "sources", "skipped"} <= set(d)
    assert {"id", "parent_id", "author", "date", "kind", "reason", "verdict", "claims", "thread",
            "flags"} <= set(d["comments"][0])
    assert {"claim", "verdict", "confidence", "evidence"} <= set(d["comments"][0]["claims"][0])
    assert "skipped" in err and "row 8" in err


def test_cli_csv_escapes_spreadsheet_formulas(tmp_path):
    code, out, _ = run(str(DATA / "comments.csv"), "--article", str(ARTICLE), "-f", "csv", tmp_path=tmp_path)
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == "10")
    assert row["text"].startswith("'=HYPERLINK") and row["author"] == "'=cmd"
    assert code == 0


def test_cli_terminal_prints_reader_markup_literally(tmp_path):
    code, out, _ = run(str(DATA / "comments.csv"), "--article", str(ARTICLE), "--no-color", tmp_path=tmp_path)
    assert code == 0
    assert "[bold red]Riverland[/]" in out
    assert "need a moderator's attention" in out and "CONTRADICTED" in out


def test_cli_terminal_indents_replies_under_parents(tmp_path):
    _, out, _ = run(str(DATA / "comments.csv"), "--article", str(ARTICLE), "--no-color", tmp_path=tmp_path)
    lines = out.splitlines()
    parent = next(i for i, ln in enumerate(lines) if "Ana" in ln)
    reply = next(i for i, ln in enumerate(lines) if "Ben" in ln)
    assert reply > parent
    indent = lambda s: len(s) - len(s.lstrip())  # noqa: E731
    assert indent(lines[reply]) > indent(lines[parent])


def test_cli_markdown_report(tmp_path):
    out_file = tmp_path / "r.md"
    code, _, err = run(str(DATA / "comments.csv"), "--article", str(ARTICLE), "-f", "markdown", "-o",
                       str(out_file), tmp_path=tmp_path)
    assert code == 0 and "wrote" in err
    assert "Comment review" in out_file.read_text(encoding="utf-8")


def test_cli_missing_article_is_one_line_error(tmp_path):
    code, _, err = run(str(DATA / "comments.csv"), "--article", str(tmp_path / "no.txt"), tmp_path=tmp_path)
    assert code == 2 and "no such article" in err and "Traceback" not in err


def test_comment_section_starts_at_a_run_of_comments_not_a_lone_quote():
    from verify.pipeline.comments import Comment, comment_section

    page = ("Body. The bridge was opened in 1998 by the council. " + "More body text here. " * 80 + "\n\n"
            "Comments\n\nThe mayor owns three hotels downtown.\n\nNobody should live in fear like this.\n")
    quote = Comment("q", "The bridge was opened in 1998 by the council.")
    a = Comment("a", "The mayor owns three hotels downtown.")
    b = Comment("b", "Nobody should live in fear like this.")
    assert comment_section(page, [quote, a, b]) == page.index("The mayor")
    assert comment_section(page, [quote]) is None


def test_every_sentence_of_the_article_is_a_candidate_for_a_comment_about_it(tmp_path):
    # a comment's words may match another report better than the article it is under
    from verify.model import Claim
    from verify.pipeline.check import open_index
    from verify.pipeline.claim_check import claim_candidates

    (tmp_path / "article.txt").write_text(
        "The ferry left Port Arden at noon. Officials gave no reason. It was carrying 212 passengers.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        "The ferry was carrying passengers and cars at noon, the harbour said.\n", encoding="utf-8")
    index, srcs, _ = open_index([tmp_path / "article.txt", tmp_path / "other.txt"], tmp_path / "cache")
    by_id = {s.id: s for s in srcs}
    article = next(s.id for s in srcs if s.path.endswith("article.txt"))
    claim = Claim("c1", "The ferry was carrying 200 people.")
    plain = {(c.passage.source_id, c.passage.index) for c in claim_candidates(claim, index, by_id)}
    about = {(c.passage.source_id, c.passage.index) for c in claim_candidates(claim, index, by_id, article)}
    assert (article, 1) not in plain  # it shares no word with the claim
    assert {(article, 0), (article, 1), (article, 2)} <= about and plain <= about
