"""`verify comments PAGE`: reader comments read from an article page (file or URL).

Fixtures under tests/data/comments/ are hand-written pages in the markup of common comment
systems (WordPress, schema.org, a section only trafilatura recognises, none at all).
"""
from __future__ import annotations

import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from verify.cli import cli
from verify.errors import FetchError, InputError
from verify.pipeline.comments import assess, read_comment_page, read_page_file

DATA = Path(__file__).parents[1] / "data" / "comments"
WORDPRESS = DATA / "wordpress.html"


def by_id(comments) -> dict:
    return {c.id: c for c in comments}


def run(*args: str, tmp_path: Path) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["comments", *args, "--cache", str(tmp_path / "cache")])
    return res.exit_code, res.stdout, res.stderr


# --- reading markup -----------------------------------------------------------------------


def test_wordpress_replies_are_threaded_by_nesting():
    comments, _ = read_page_file(WORDPRESS)
    assert [(c.id, c.parent_id) for c in comments] == [
        ("comment-11", None), ("comment-12", "comment-11"), ("comment-13", "comment-12"), ("comment-14", None)]


def test_wordpress_author_and_date_are_read():
    c = by_id(read_page_file(WORDPRESS)[0])
    assert (c["comment-11"].author, c["comment-11"].date) == ("Ana Ruiz", "2022-10-02T09:15:00+00:00")
    assert c["comment-12"].author == "Ben Osei"  # the name inside the author's link


def test_comment_text_leaves_out_author_date_and_reply_link():
    c = by_id(read_page_file(WORDPRESS)[0])
    assert c["comment-11"].text == "Riverland signed the refugee convention years ago, so this article is wrong."


def test_comment_markup_written_as_text_stays_text():
    c = by_id(read_page_file(WORDPRESS)[0])["comment-14"]
    assert "<script>alert(1)</script>" in c.text and c.author == "<b>Cleo</b>"
    assert c.text.endswith("I hope the council listens.")  # paragraphs joined


def test_empty_comment_is_skipped_naming_its_place():
    comments, skipped = read_page_file(WORDPRESS)
    assert "comment-15" not in by_id(comments)
    assert [(s.what, s.reason) for s in skipped] == [(f"{WORDPRESS} comment 5 (id comment-15)", "no text")]


def test_schema_org_comments_are_read():
    comments, skipped = read_page_file(DATA / "schema.html")
    assert [(c.id, c.parent_id, c.author, c.date) for c in comments] == [
        ("r-501", None, "Priya", "2022-09-20T12:00:00Z"), ("r-502", "r-501", "Omar", "2022-09-20T13:10:00Z"),
        ("r-503", None, "Lena", "2022-09-21T08:30:00Z")]
    assert comments[0].text == "The bridge was opened in 2004, not 1998." and skipped == []


def test_trafilatura_fallback_gives_flat_comments():
    comments, _ = read_page_file(DATA / "fallback.html")
    assert [c.text for c in comments] == ["The police deported four activists last year, not three.",
                                          "Nobody should live in fear like this."]
    assert all(c.parent_id is None for c in comments)


def test_page_without_comments_is_an_input_error_naming_it():
    with pytest.raises(InputError, match=r"no-comments\.html: no reader comments found"):
        read_page_file(DATA / "no-comments.html")


def test_comment_inside_a_comment_wrapper_is_one_comment():
    page = ('<ol class="commentlist"><li class="comment" id="comment-1"><img class="avatar" src="a.png">'
            '<div class="comment"><p><span class="author">May</span> &bull; <a class="time" '
            'datetime="2014-12-06T15:38:13+00:00">2 weeks ago</a></p><p>They came in 2012.</p>'
            '<a class="comment-reply-link" href="#">Reply</a></div><ul class="children">'
            '<li class="comment" id="comment-2"><div class="comment"><p><span class="author">Ted</span></p>'
            '<p>No, in 2013.</p></div></li></ul></li></ol>')
    comments, _ = read_comment_page(page, "p.html")
    assert [(c.id, c.parent_id, c.author, c.text) for c in comments] == [
        ("comment-1", None, "May", "They came in 2012."), ("comment-2", "comment-1", "Ted", "No, in 2013.")]
    assert comments[0].date == "2014-12-06T15:38:13+00:00"


def test_flat_list_is_threaded_by_depth_classes():
    li = '<li class="comment depth-{d}" id="comment-{i}"><p>Words of comment {i}.</p></li>'
    page = "<ol class='comment-list'>" + "".join(li.format(d=d, i=i) for i, d in
                                                 enumerate([1, 2, 3, 2, 1, 2], 1)) + "</ol>"
    comments, _ = read_comment_page(page, "flat.html")
    assert [c.parent_id for c in comments] == [None, "comment-1", "comment-2", "comment-1", None, "comment-5"]


def test_parent_named_by_data_attribute_is_used():
    page = ('<div class="comment" id="comment-7" data-parent-id="0"><p>First words here.</p></div>'
            '<div class="comment" id="comment-8" data-parent-id="7"><p>Reply words here.</p></div>')
    comments, _ = read_comment_page(page, "attr.html")
    assert [c.parent_id for c in comments] == [None, "comment-7"]


def test_disqus_markup_is_read():
    page = ('<div id="disqus_thread"><ul id="post-list" class="post-list"><li class="post" id="post-7">'
            '<div class="post-content"><header><span class="author"><a>Kim</a></span><span class="post-meta">'
            '<a class="time-ago" title="Tuesday, May 3, 2022 10:00 AM">2 hours ago</a></span></header>'
            '<div class="post-body"><div class="post-message"><p>The bridge is older than that.</p></div></div>'
            '</div><ul class="children"><li class="post" id="post-8"><div class="post-message"><p>It is not.</p>'
            '</div></li></ul></li></ul></div>')
    comments, _ = read_comment_page(page, "d.html")
    assert [(c.id, c.parent_id, c.author) for c in comments] == [("post-7", None, "Kim"), ("post-8", "post-7", "")]
    assert comments[0].text == "The bridge is older than that."
    assert comments[0].date == "Tuesday, May 3, 2022 10:00 AM"


def test_article_teasers_sharing_the_class_name_are_not_comments():
    page = ('<article><p>Body text of the article that is long enough.</p></article><ul>'
            '<li class="item comment premium"><h3><a href="/opinion/a">Comment: The budget is a chance</a></h3>'
            '<div class="item-author-name">Staff</div></li></ul>')
    with pytest.raises(InputError, match="no reader comments"):
        read_comment_page(page, "t.html")


def test_script_and_form_text_never_becomes_a_comment():
    page = ('<ol class="comment-list"><li class="comment" id="c1"><div class="comment-content"><p>Real words here.'
            '</p><script>var secret = "comment";</script><form><textarea>draft reply</textarea></form></div></li>'
            '</ol>')
    comments, _ = read_comment_page(page, "s.html")
    assert [c.text for c in comments] == ["Real words here."]


def test_broken_bytes_skip_only_that_comment(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(
        '<meta charset="utf-8"><ol class="comment-list"><li class="comment" id="a"><p>Fine words, café.</p></li>'
        '<li class="comment" id="b"><p>Broken '.encode() + b"\xff\xfe" + b' bytes.</p></li>'
        b'<li class="comment" id="c"><p>More fine words.</p></li></ol>')
    comments, skipped = read_page_file(page)
    assert [c.id for c in comments] == ["a", "c"]
    assert skipped[0].reason.startswith("broken encoding") and "(id b)" in skipped[0].what


# --- any thread survives the trip through markup --------------------------------------------

WORDS = st.text(alphabet=st.sampled_from(list("abcXYZ019 .,?!'\"<>&;:/()[]=")), min_size=1, max_size=30)


def render_thread(parents: list[int], texts: list[str]) -> str:
    def li(i: int) -> str:
        kids = "".join(li(j) for j, p in enumerate(parents) if p == i)
        return (f'<li class="comment depth-x" id="comment-{i}"><article class="comment-body"><footer class="comment-meta">'
                f'<div class="comment-author vcard"><b class="fn">U{i}</b> says:</div></footer>'
                f'<div class="comment-content"><p>{html.escape(texts[i])}</p></div>'
                f'<div class="reply"><a class="comment-reply-link">Reply</a></div></article>'
                f'{f"<ol class=children>{kids}</ol>" if kids else ""}</li>')

    roots = "".join(li(i) for i, p in enumerate(parents) if p < 0)
    return f"<html><body><p>Article.</p><ol class='comment-list'>{roots}</ol></body></html>"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), n=st.integers(1, 8))
def test_any_comment_tree_is_read_back(data, n):
    parents = [data.draw(st.integers(-1, i - 1)) for i in range(n)]
    texts = data.draw(st.lists(WORDS.filter(lambda s: s.strip()), min_size=n, max_size=n))
    comments, skipped = read_comment_page(render_thread(parents, texts), "gen.html")
    assert skipped == []
    got = {c.id: (c.parent_id, c.author, c.text) for c in comments}
    assert got == {f"comment-{i}": (f"comment-{p}" if p >= 0 else None, f"U{i}", " ".join(texts[i].split()))
                   for i, p in enumerate(parents)}


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_page_reads_or_raises_input_error(page):
    try:
        comments, _ = read_comment_page(page, "x.html")
    except InputError:
        return
    ids = {c.id for c in comments}
    assert all(c.text.strip() and (c.parent_id is None or c.parent_id in ids) for c in comments)


# --- checking a page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_report(tmp_path_factory) -> dict:
    return assess(WORDPRESS, cache=tmp_path_factory.mktemp("cache")).to_dict()


def test_page_is_its_own_article_when_none_is_named(page_report):
    assert [s["path"] for s in page_report["sources"]] == [str(WORDPRESS)]
    assert page_report["article"] == str(WORDPRESS)


def test_claim_in_page_comment_is_checked_against_the_page(page_report):
    c = next(c for c in page_report["comments"] if c["id"] == "comment-11")
    assert c["kind"] == "claim" and c["verdict"] == "contradicted"


def test_reply_with_typographic_apostrophe_disputes_its_parent(page_report):
    c = next(c for c in page_report["comments"] if c["id"] == "comment-12")
    assert c["disputes_parent"] is True  # "That’s not true, ..."


def test_cli_reads_a_page_without_article(tmp_path):
    code, out, err = run(str(WORDPRESS), "-f", "json", tmp_path=tmp_path)
    assert code == 0 and len(json.loads(out)["comments"]) == 4
    assert "comment 5 (id comment-15): no text" in err


def test_cli_page_without_comments_is_a_one_line_error(tmp_path):
    code, _, err = run(str(DATA / "no-comments.html"), tmp_path=tmp_path)
    assert code == 2 and "no-comments.html: no reader comments found" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_export_still_needs_an_article(tmp_path):
    code, _, err = run(str(DATA / "comments.csv"), tmp_path=tmp_path)
    assert code == 2 and "comments.csv" in err and "--article" in err


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_page_comment_markup_is_escaped_in_reports(tmp_path, fmt):
    code, out, _ = run(str(WORDPRESS), "-f", fmt, tmp_path=tmp_path)
    assert code == 0 and "<script>alert(1)" not in out and "<b>Cleo</b>" not in out
    assert "alert(1)" in out


def test_terminal_prints_page_comment_markup_literally(tmp_path):
    code, out, _ = run(str(WORDPRESS), "--no-color", tmp_path=tmp_path)
    assert code == 0 and "[bold red]Shame[/]" in out


# --- a page by URL --------------------------------------------------------------------------


class _Pages(BaseHTTPRequestHandler):
    requested: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).requested.append(self.path)
        if self.path == "/exiles":
            body = WORDPRESS.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            body = b"not here"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def local():
    from verify.web.fetch import FetchOptions

    return FetchOptions(timeout=2.0, retries=0, allow_networks=("127.0.0.1/32",))


def test_page_url_is_fetched_once_and_is_the_article(site, tmp_path):
    _Pages.requested.clear()
    d = assess(f"{site}/exiles", cache=tmp_path, fetch_options=local()).to_dict()
    assert [c["id"] for c in d["comments"]] == ["comment-11", "comment-12", "comment-13", "comment-14"]
    assert d["sources"][0]["url"] == f"{site}/exiles"
    assert _Pages.requested.count("/exiles") == 1 and set(_Pages.requested) <= {"/exiles", "/robots.txt"}


def test_page_url_that_fails_is_a_fetch_error_naming_it(site, tmp_path):
    with pytest.raises(FetchError, match=r"/gone"):
        assess(f"{site}/gone", cache=tmp_path, fetch_options=local())


def test_offline_comment_page_that_was_never_archived_is_a_one_line_error(tmp_path):
    code, out, err = run("https://example.invalid/page", "--offline", tmp_path=tmp_path)
    assert code == 2 and out == ""
    assert err.strip() == "verify: error: https://example.invalid/page: not in the cache (offline)"
