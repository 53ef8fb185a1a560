"""`verify fetch` against a real, misbehaving HTTP server on 127.0.0.1 (tests/fetch_server.py).

The server is loopback, which the address policy refuses by default; the tests allow exactly
127.0.0.1/32 through ``allow_networks`` so that redirects to 10.0.0.1 or the metadata address
are still refused by the real policy.
"""
from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))
from fetch_server import ARTICLE, DATA, FetchTestServer  # noqa: E402

from verify.cli.fetch import fetch_command  # noqa: E402
from verify.errors import FetchError  # noqa: E402
from verify.inputs.sources import parse_front_matter  # noqa: E402
from verify.web import (
    extract as _extract,  # noqa: E402
    netpolicy as _netpolicy,
)
from verify.web.fetch import FetchOptions, fetch_source, fetch_urls, parse_retry_after  # noqa: E402

LOCAL = ("127.0.0.1/32",)


@pytest.fixture(scope="module")
def _running_server():
    srv = FetchTestServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_running_server):
    """The module's server with its request log, counters and robots.txt reset."""
    _running_server.reset()
    return _running_server


def opts(**kw) -> FetchOptions:
    base = dict(timeout=2.0, retries=0, backoff=0.01, max_retry_wait=0.05, allow_networks=LOCAL)
    base.update(kw)
    return FetchOptions(**base)


def one(server, path, tmp_path, **kw):
    return fetch_urls([server.url(path)], tmp_path / "src", opts(**kw)).results[0]


def f1(gold: str, pred: str) -> float:
    g, p = Counter(re.findall(r"\w+", gold)), Counter(re.findall(r"\w+", pred))
    inter = sum((g & p).values())
    return 0.0 if not inter else 2 * inter / (sum(g.values()) + sum(p.values()))


# -- real pages -------------------------------------------------------------------------


def test_article_is_written_with_front_matter(server, tmp_path):
    r = one(server, f"/article/{ARTICLE}", tmp_path)
    assert r.status == "fetched", r.reason
    text = r.path.read_text(encoding="utf-8")
    fields, offset = parse_front_matter(text)
    body = text[offset:]
    raw = (DATA / f"{ARTICLE}.html").read_bytes()
    assert fields["url"] == server.url(f"/article/{ARTICLE}")
    assert fields["final_url"] == fields["url"]
    assert fields["status"] == "200"
    assert fields["sha256"] == hashlib.sha256(raw).hexdigest()
    assert fields["title"] and fields["fetched_at"]
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))[ARTICLE]["articleBody"]
    assert f1(gold, body) > 0.85


def test_written_document_loads_as_a_source_without_the_archive(server, tmp_path):
    from verify.inputs.sources import load_sources

    r = one(server, f"/article/{ARTICLE}", tmp_path)
    sources, skipped = load_sources([tmp_path / "src"])
    assert len(sources) == 1 and not skipped  # .raw/ is not read as sources
    assert sources[0].url == server.url(f"/article/{ARTICLE}") and sources[0].title == r.title


def test_raw_body_is_archived_byte_for_byte(server, tmp_path):
    r = one(server, f"/article/{ARTICLE}", tmp_path)
    fields, _ = parse_front_matter(r.path.read_text(encoding="utf-8"))
    raw_path = tmp_path / "src" / fields["raw"]
    assert fields["raw"].startswith(".raw/")
    assert raw_path.read_bytes() == (DATA / f"{ARTICLE}.html").read_bytes()


def test_all_real_pages_extract(server, tmp_path):
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    report = fetch_urls([server.url(f"/article/{h}") for h in gold], tmp_path, opts())
    for h, r in zip(gold, report.results):
        text = r.path.read_text(encoding="utf-8")
        assert f1(gold[h]["articleBody"], text[parse_front_matter(text)[1]:]) > 0.8, h


def test_second_run_revalidates_with_etag(server, tmp_path):
    first = one(server, f"/article/{ARTICLE}", tmp_path)
    second = one(server, f"/article/{ARTICLE}", tmp_path)
    assert second.status == "cached" and second.path == first.path
    sent = [h for p, h in server.requests if p == f"/article/{ARTICLE}"][-1]
    assert sent.get("If-None-Match") and sent.get("If-Modified-Since")


def test_refresh_downloads_again_without_validators(server, tmp_path):
    one(server, f"/article/{ARTICLE}", tmp_path)
    again = one(server, f"/article/{ARTICLE}", tmp_path, refresh=True)
    assert again.status == "fetched"
    sent = [h for p, h in server.requests if p == f"/article/{ARTICLE}"][-1]
    assert "If-None-Match" not in sent


def test_offline_uses_archive_and_names_missing_urls(server, tmp_path):
    one(server, f"/article/{ARTICLE}", tmp_path)
    seen = len(server.requests)
    report = fetch_urls([server.url(f"/article/{ARTICLE}"), server.url("/never")], tmp_path / "src",
                        opts(offline=True))
    assert len(server.requests) == seen  # no network at all
    assert [r.status for r in report.results] == ["cached", "failed"]
    assert "not in the cache" in report.results[1].reason


def test_offline_rewrites_deleted_document_from_archive(server, tmp_path):
    r = one(server, f"/article/{ARTICLE}", tmp_path)
    text = r.path.read_text(encoding="utf-8")
    r.path.unlink()
    again = one(server, f"/article/{ARTICLE}", tmp_path, offline=True)
    assert again.path.read_text(encoding="utf-8") == text


def test_changed_title_replaces_the_old_document(server, tmp_path):
    first = one(server, "/changing", tmp_path)
    second = one(server, "/changing", tmp_path)
    assert first.path != second.path and not first.path.exists()
    assert list((tmp_path / "src").glob("*.txt")) == [second.path]


def test_documents_are_not_private_files(server, tmp_path):
    r = one(server, f"/article/{ARTICLE}", tmp_path)
    umask = os.umask(0o22)
    os.umask(umask)
    assert r.path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_gzip_response_is_decompressed(server, tmp_path):
    r = one(server, "/gzip", tmp_path)
    assert r.status == "fetched"
    fields, _ = parse_front_matter(r.path.read_text(encoding="utf-8"))
    assert fields["sha256"] == hashlib.sha256((DATA / f"{ARTICLE}.html").read_bytes()).hexdigest()


def test_plain_text_is_kept_as_is(server, tmp_path):
    r = one(server, "/plain.txt", tmp_path)
    text = r.path.read_text(encoding="utf-8")
    fields, offset = parse_front_matter(text)
    body = text[offset:]
    assert fields["title"] == "Plain notes" and "twelve million dollars" in body


def test_user_agent_is_sent(server, tmp_path):
    one(server, f"/article/{ARTICLE}", tmp_path)
    assert all(h["User-Agent"].startswith("verify-fetch/") for _, h in server.requests)


# -- misbehaving server -----------------------------------------------------------------


def test_response_slower_than_timeout_fails(server, tmp_path):
    start = time.monotonic()
    r = one(server, "/slow?s=3", tmp_path, timeout=0.3)
    assert r.status == "failed" and "timed out" in r.reason
    assert time.monotonic() - start < 2


def test_dripping_body_hits_total_timeout(server, tmp_path):
    r = one(server, "/drip", tmp_path, timeout=0.5)
    assert r.status == "failed" and "timed out" in r.reason


def test_503_then_success_is_retried_with_capped_retry_after(server, tmp_path):
    start = time.monotonic()
    r = one(server, "/flaky?fail=2&ra=120", tmp_path, retries=3)
    assert r.status == "fetched", r.reason
    assert server.hits["/flaky"] == 3
    assert time.monotonic() - start < 2  # Retry-After: 120 was capped by max_retry_wait


def test_503_beyond_retries_fails_with_status(server, tmp_path):
    r = one(server, "/flaky?fail=5", tmp_path, retries=1)
    assert r.status == "failed" and r.http_status == 503 and "503" in r.reason


def test_404_fails_with_status(server, tmp_path):
    r = one(server, "/missing", tmp_path)
    assert r.status == "failed" and r.http_status == 404 and "HTTP 404" in r.reason


def test_redirect_is_followed_and_final_url_recorded(server, tmp_path):
    r = one(server, "/chain/2", tmp_path)
    assert r.status == "fetched"
    fields, _ = parse_front_matter(r.path.read_text(encoding="utf-8"))
    assert fields["final_url"] == server.url(f"/article/{ARTICLE}")
    assert fields["url"] == server.url("/chain/2")


def test_redirect_loop_is_reported(server, tmp_path):
    r = one(server, "/loop-a", tmp_path)
    assert r.status == "failed" and "redirect loop" in r.reason


def test_too_many_redirects_fail(server, tmp_path):
    r = one(server, "/chain/9", tmp_path, max_redirects=3)
    assert r.status == "failed" and "more than 3 redirects" in r.reason


@pytest.mark.parametrize("target", ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]:8080/", "http://192.168.1.1/"])
def test_redirect_to_private_address_is_refused(server, tmp_path, target):
    r = one(server, "/redirect?to=" + target, tmp_path)
    assert r.status == "failed" and "refused" in r.reason
    assert "is " in r.reason  # names why: private, link-local, metadata ...


def test_metadata_address_is_named_as_such(server, tmp_path):
    r = one(server, "/redirect?to=http://169.254.169.254/latest/", tmp_path)
    assert "metadata" in r.reason


def test_loopback_is_refused_by_default(server, tmp_path):
    r = fetch_urls([server.url(f"/article/{ARTICLE}")], tmp_path, FetchOptions(timeout=1, retries=0)).results[0]
    assert r.status == "failed" and "loopback" in r.reason
    assert server.requests == []  # refused before any byte was sent


def test_loopback_hostname_is_refused_after_dns(server, tmp_path):
    url = server.url("/plain.txt").replace("127.0.0.1", "localhost")
    r = fetch_urls([url], tmp_path, FetchOptions(timeout=1, retries=0)).results[0]
    assert r.status == "failed" and "refused localhost" in r.reason


def test_connect_time_guard_refuses_even_without_precheck(server):
    backend = _netpolicy.guarded_backend(False, ())
    with pytest.raises(_netpolicy.AddressRefused):
        backend.connect_tcp("127.0.0.1", server.server_address[1], timeout=1)
    allowed = _netpolicy.guarded_backend(False, _netpolicy.parse_networks(LOCAL))
    allowed.connect_tcp("127.0.0.1", server.server_address[1], timeout=1).close()


def test_allow_private_lets_loopback_through(server, tmp_path):
    r = fetch_urls([server.url(f"/article/{ARTICLE}")], tmp_path,
                   FetchOptions(timeout=2, retries=0, allow_private=True)).results[0]
    assert r.status == "fetched"


def test_redirect_to_other_scheme_is_refused(server, tmp_path):
    r = one(server, "/redirect?to=file:///etc/passwd", tmp_path)
    assert r.status == "failed" and "scheme" in r.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "notaurl"])
def test_non_http_urls_are_refused(tmp_path, url):
    r = fetch_urls([url], tmp_path, opts()).results[0]
    assert r.status == "failed" and ("scheme" in r.reason or "host" in r.reason)


def test_body_over_cap_is_refused_by_content_length(server, tmp_path):
    r = one(server, "/big?n=300000", tmp_path, max_bytes=100_000)
    assert r.status == "failed" and "cap" in r.reason


def test_streamed_body_over_cap_is_cut(server, tmp_path):
    r = one(server, "/big-chunked", tmp_path, max_bytes=100_000)
    assert r.status == "failed" and "cap" in r.reason


def test_wrong_utf8_declaration_is_overruled(server, tmp_path):
    r = one(server, "/wrong-charset", tmp_path)
    text = r.path.read_text(encoding="utf-8")
    assert "crème brûlée" in text and "\ufffd" not in text


def test_latin1_declaration_on_utf8_body_is_overruled(server, tmp_path):
    r = one(server, "/wrong-charset-latin1", tmp_path)
    text = r.path.read_text(encoding="utf-8")
    assert "crème brûlée" in text and "Ã" not in text


def test_binary_content_type_is_skipped(server, tmp_path):
    r = one(server, "/binary", tmp_path)
    assert r.status == "failed" and "application/octet-stream" in r.reason
    assert not list((tmp_path / "src").glob("*.txt"))


def test_binary_body_labelled_html_is_skipped(server, tmp_path):
    r = one(server, "/image-as-html", tmp_path)
    assert r.status == "failed" and "binary" in r.reason


@pytest.mark.parametrize("path", ["/doc.pdf", "/pdf-as-html"])
def test_pdf_is_skipped_with_reason(server, tmp_path, path):
    r = one(server, path, tmp_path)
    assert r.status == "failed" and "pdf" in r.reason.lower()


def test_robots_disallow_is_honoured(server, tmp_path):
    r = one(server, f"/private/{ARTICLE}", tmp_path)
    assert r.status == "failed" and "robots.txt" in r.reason
    assert f"/private/{ARTICLE}" not in server.hits


def test_ignore_robots_fetches_disallowed_page(server, tmp_path):
    r = one(server, f"/private/{ARTICLE}", tmp_path, respect_robots=False)
    assert r.status == "fetched"
    assert "/robots.txt" not in server.hits


def test_missing_robots_allows_everything(server, tmp_path):
    server.robots = None
    assert one(server, f"/private/{ARTICLE}", tmp_path).status == "fetched"


@pytest.mark.parametrize("title", ["../../etc/passwd", "..\\..\\windows\\system32", "/etc/passwd", "CON",
                                   "....//....//x", "a\x00b\nstatus: 999", ""])
def test_malicious_title_stays_in_target_folder(server, tmp_path, title):
    from urllib.parse import quote

    into = tmp_path / "src"
    r = fetch_urls([server.url("/evil-title?t=" + quote(title))], into, opts()).results[0]
    assert r.status == "fetched", r.reason
    assert r.path.parent == into.resolve()
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}\.txt", r.path.name)
    written = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(into.resolve() in p.resolve().parents for p in written)
    fields, _ = parse_front_matter(r.path.read_text(encoding="utf-8"))
    assert fields["status"] == "200"  # a newline in the title cannot forge a field


def test_one_failure_does_not_stop_the_others(server, tmp_path):
    urls = [server.url("/missing"), server.url(f"/article/{ARTICLE}"), server.url("/loop-a"), server.url("/plain.txt")]
    report = fetch_urls(urls, tmp_path, opts(concurrency=3))
    assert [r.status for r in report.results] == ["failed", "fetched", "failed", "fetched"]
    assert not report.ok and len(report.failed) == 2


def test_fetch_source_returns_document_path(server, tmp_path):
    path = fetch_source(server.url(f"/article/{ARTICLE}"), tmp_path / "cache", opts())
    assert path.is_file() and path.parent == (tmp_path / "cache").resolve()


def test_fetch_source_raises_fetch_error_naming_url(server, tmp_path):
    with pytest.raises(FetchError, match=re.escape(server.url("/missing"))):
        fetch_source(server.url("/missing"), tmp_path, opts())


# -- CLI --------------------------------------------------------------------------------


def test_cli_prints_table_and_exits_1_when_any_failed(server, tmp_path):
    # --allow-private: the CLI has no finer switch, and the server is loopback.
    res = CliRunner().invoke(fetch_command, [server.url(f"/article/{ARTICLE}"), server.url("/missing"),
                                             "--into", str(tmp_path / "s"), "--allow-private", "--retries", "0"])
    assert res.exit_code == 1
    assert "fetched" in res.stdout and "failed" in res.stdout and "HTTP 404" in res.stdout


def test_cli_reads_url_file_and_exits_0(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages\n{server.url(f'/article/{ARTICLE}')}\n\n", encoding="utf-8")
    res = CliRunner().invoke(fetch_command, ["--urls", str(listing), "--into", str(tmp_path / "s"), "--allow-private"])
    assert res.exit_code == 0, res.output
    assert len(list((tmp_path / "s").glob("*.txt"))) == 1


def test_cli_without_urls_is_usage_error(tmp_path):
    assert CliRunner().invoke(fetch_command, ["--into", str(tmp_path)]).exit_code == 2


def test_cli_unusable_target_folder_is_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = CliRunner().invoke(fetch_command, ["https://example.org/", "--offline", "--into", str(blocker / "sub")])
    assert res.exit_code == 2 and "cannot create" in res.output


def test_cli_refresh_with_offline_is_usage_error(tmp_path):
    assert CliRunner().invoke(fetch_command, ["http://x.org", "--refresh", "--offline"]).exit_code == 2


def test_cli_offline_lists_missing_urls(tmp_path):
    res = CliRunner().invoke(fetch_command, ["https://example.org/a", "--offline", "--into", str(tmp_path)])
    assert res.exit_code == 1 and "not in the cache" in res.stdout


# -- pure parts -------------------------------------------------------------------------


@pytest.mark.parametrize("addr", ["10.1.2.3", "172.16.0.1", "192.168.0.1", "127.0.0.1", "169.254.169.254", "0.0.0.0",
                                  "224.0.0.1", "100.64.0.1", "240.0.0.1", "::1", "fe80::1", "fd00:ec2::254",
                                  "::ffff:10.0.0.1", "ff02::1"])
def test_non_public_addresses_are_refused(addr):
    assert _netpolicy.address_refusal(ipaddress.ip_address(addr)) is not None


@pytest.mark.parametrize("addr", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(addr):
    assert _netpolicy.address_refusal(ipaddress.ip_address(addr)) is None


def test_allow_networks_is_an_exact_exception():
    nets = _netpolicy.parse_networks(["127.0.0.1/32"])
    assert _netpolicy.address_refusal(ipaddress.ip_address("127.0.0.1"), False, nets) is None
    assert _netpolicy.address_refusal(ipaddress.ip_address("127.0.0.2"), False, nets) is not None


def test_retry_after_accepts_seconds_and_dates():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=100))
def test_document_name_is_always_a_bare_safe_name(title, url):
    name = _extract.document_name(title, url)
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}\.txt", name) and len(name) < 90


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "author", "url", "published"]), st.text(max_size=80)),
       st.text(max_size=200))
def test_front_matter_round_trips_single_line_values(fields, body):
    doc = _extract.render_document(fields, body)
    parsed, offset = parse_front_matter(doc)
    assert set(parsed) <= set(fields)
    for k, v in parsed.items():
        assert v == _extract.clean_value(fields[k])
    assert doc[offset:].strip() == body.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "cp1252", "latin-1", None, "bogus"]))
def test_decode_body_never_raises(text, declared):
    data = text.encode("utf-8")
    decoded, charset = _extract.decode_body(data, f"text/html; charset={declared}" if declared else None)
    assert decoded == text.lstrip("\ufeff") or not text


def test_check_accepts_url_sources_and_lists_failed_urls(server, tmp_path):
    from verify import check

    report = check(["The article is about something."],
                   [server.url(f"/article/{ARTICLE}"), server.url("/missing")],
                   cache=tmp_path / "cache", fetch_options=opts())
    assert len(report.sources) == 1 and report.sources[0].url == server.url(f"/article/{ARTICLE}")
    assert [(s.what, s.kind) for s in report.skipped] == [(server.url("/missing"), "url")]


def test_check_offline_reuses_the_archived_copy(server, tmp_path):
    from verify import check

    url = server.url(f"/article/{ARTICLE}")
    check(["x"], [url], cache=tmp_path / "cache", fetch_options=opts())
    server.reset()
    report = check(["x"], [url], cache=tmp_path / "cache", fetch_options=opts(offline=True))
    assert len(report.sources) == 1 and server.requests == []


def test_progress_on_a_terminal_shows_a_bar_and_fetches(server, tmp_path):
    # `verify fetch` asks for it when stderr is a terminal: it once imported rich's columns
    # from the wrong module and failed there
    report = fetch_urls([server.url(f"/article/{ARTICLE}")], tmp_path, opts(), progress=True)
    assert report.results[0].status == "fetched", report.results[0].reason
