"""`newslens fetch` against a web site on 127.0.0.1 that each test starts (tests/fetch_server.py): robots.txt,
per-host delays measured from the server's own clock, retries, timeouts, redirects, size limits, and resuming
after Ctrl-C or a kill. pytest-socket lets these tests connect to 127.0.0.1 and nowhere else."""

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from fetch_server import ROBOTS_ALL, LocalSite, Reply, page
from fetch_server import no_proxy, site  # noqa: F401 (fixtures these tests use by name)
from newslens.cli import main
from newslens.fetch import FetchOptions, UrlRecord, fetch_urls, iter_warc_articles
from newslens.fetch.warc import complete_length, read_metadata_records

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

FAST = dict(delay=0.05, backoff=0.05, timeout=5, trust_env=False)


def records(*urls):
    return [UrlRecord(u, {"source": "text", "line": i}) for i, u in enumerate(urls, start=1)]


def log_rows(warc: Path) -> dict[str, dict]:
    with open(warc.with_name(warc.name.replace(".warc.gz", ".fetch_log.csv")), newline="") as fh:
        return {row["url"]: row for row in csv.DictReader(fh)}


def all_records(warc: Path):
    """Every record, every payload read: warcio must read the whole file."""
    assert complete_length(warc) == warc.stat().st_size
    out = []
    with open(warc, "rb") as fh:
        for record in ArchiveIterator(fh):
            out.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read(),
                        record))
    return out


def gaps(times):
    return [b - a for a, b in zip(times, times[1:])]


def test_default_delay_is_at_least_a_second_per_host_by_the_servers_clock(site, tmp_path):
    urls = [site.route(f"/p{i}", Reply(200, page(f"P{i}"))) for i in range(4)]
    summary = fetch_urls(records(*urls), tmp_path / "p.warc.gz",
                         FetchOptions(user_agent="Test Suite test@example.org", trust_env=False))
    assert summary.ok == 4
    times = site.times()                           # robots.txt, then the four pages
    assert site.paths() == ["/robots.txt", "/p0", "/p1", "/p2", "/p3"]
    assert min(gaps(times)) >= 1.0
    assert (len(times) - 1) / (times[-1] - times[0]) <= 1.0       # requests per second to this host
    agent = site.hits[1][2]["User-Agent"]
    assert agent.startswith("newslens/") and "contact: Test Suite test@example.org" in agent


def test_robots_txt_disallow_and_crawl_delay_are_obeyed(site, tmp_path):
    site.route("/robots.txt", Reply(200, b"User-agent: newslens\nCrawl-delay: 0.6\nDisallow: /private\n\n"
                                         b"User-agent: *\nDisallow: /\n", content_type="text/plain"))
    urls = [site.route(p, Reply(200, page(p))) for p in ("/a", "/private/b", "/c", "/d")]
    site.route("/to-private", Reply(302, headers={"Location": "/private/b"}))
    warc = tmp_path / "p.warc.gz"
    fetch_urls(records(*urls, site.url("/to-private")), warc, FetchOptions(**FAST))
    assert site.paths() == ["/robots.txt", "/a", "/c", "/d", "/to-private"]     # robots.txt once; no /private
    assert min(gaps(site.times())) >= 0.6
    rows = log_rows(warc)
    assert rows[site.url("/private/b")]["robots"] == "disallowed"
    assert rows[site.url("/private/b")]["attempts"] == "0"
    assert rows[site.url("/to-private")]["error"] == f"disallowed by robots.txt (redirected to {site.url('/private/b')})"
    assert rows[site.url("/a")]["robots"] == "allowed"


def test_missing_robots_allows_and_unreachable_robots_skips_the_host(tmp_path):
    with LocalSite() as open_site, LocalSite() as broken:
        a = open_site.route("/a", Reply(200, page("A")))                 # no robots.txt route: 404
        broken.route("/robots.txt", Reply(503, b"down", content_type="text/plain"))
        b = broken.route("/b", Reply(200, page("B")))
        warc = tmp_path / "p.warc.gz"
        summary = fetch_urls(records(a, b), warc, FetchOptions(retries=1, **FAST))
        assert open_site.paths() == ["/robots.txt", "/a"]
        assert broken.paths() == ["/robots.txt", "/robots.txt"]           # retried once, then the host skipped
    rows = log_rows(warc)
    assert rows[a]["status"] == "200" and rows[b]["robots"] == "unreachable"
    assert rows[b]["error"] == "robots.txt answered HTTP 503; host skipped"
    assert (summary.ok, summary.failed) == (1, 1)
    robots_responses = [r for t, u, _, r in all_records(warc) if t == "response" and u.endswith("/robots.txt")]
    assert len(robots_responses) == 3                                     # every request is in the WARC


def test_404_500_and_429_with_retry_after(site, tmp_path):
    u404 = site.route("/gone", Reply(404, b"<html>gone</html>"))
    u500 = site.route("/broken", Reply(500, b"oops"))
    u429 = site.route("/busy", Reply(429, b"slow down", headers={"Retry-After": "1"}), Reply(200, page("Busy")))
    ulong = site.route("/later", Reply(503, b"", headers={"Retry-After": "9999"}))
    warc = tmp_path / "p.warc.gz"
    fetch_urls(records(u404, u500, u429, ulong), warc, FetchOptions(retries=2, **FAST))
    rows = log_rows(warc)
    assert (rows[u404]["status"], rows[u404]["attempts"], rows[u404]["error"]) == ("404", "1", "HTTP 404 Not Found")
    assert (rows[u500]["status"], rows[u500]["attempts"]) == ("500", "3")
    assert (rows[u429]["status"], rows[u429]["attempts"], rows[u429]["error"]) == ("200", "2", "")
    assert gaps(site.times("/busy"))[0] >= 1.0                           # Retry-After: 1, by the server's clock
    assert rows[ulong]["attempts"] == "1" and "Retry-After 9999 s is longer than" in rows[ulong]["error"]
    assert [a["url"] for a in iter_warc_articles(warc)] == [u429]


def test_a_server_that_does_not_answer_in_time(site, tmp_path):
    slow = site.route("/slow", Reply(200, page("Slow"), wait=10))
    fast = site.route("/fast", Reply(200, page("Fast")))
    warc = tmp_path / "p.warc.gz"
    fetch_urls(records(slow, fast), warc, FetchOptions(**{**FAST, "timeout": 0.5}, retries=1))
    rows = log_rows(warc)
    assert rows[slow]["status"] == "" and rows[slow]["error"].startswith("timeout after 0.5 s")
    assert rows[slow]["attempts"] == "2" and rows[fast]["status"] == "200"
    kinds = [(t, u) for t, u, _, _ in all_records(warc) if u == slow]
    assert kinds == [("request", slow), ("request", slow), ("metadata", slow)]   # requests kept, no response


def test_redirects_are_followed_and_recorded(site, tmp_path):
    start = site.route("/old", Reply(301, headers={"Location": site.url("/middle")}))
    site.route("/middle", Reply(302, headers={"Location": "/new"}))             # relative Location
    final = site.route("/new", Reply(200, page("New")))
    loop = site.route("/loop", Reply(302, headers={"Location": "/loop"}))
    warc = tmp_path / "p.warc.gz"
    fetch_urls(records(start, loop), warc, FetchOptions(max_redirects=3, **FAST))
    rows = log_rows(warc)
    assert (rows[start]["final_url"], rows[start]["redirects"], rows[start]["status"]) == (final, "2", "200")
    assert rows[loop]["error"] == "more than 3 redirects" and rows[loop]["attempts"] == "4"
    responses = [(u, r.http_headers.get_statuscode()) for t, u, _, r in all_records(warc) if t == "response"]
    assert responses[1:4] == [(start, "301"), (site.url("/middle"), "302"), (final, "200")]
    [article] = iter_warc_articles(warc)
    assert (article["url"], article["final_url"]) == (start, final) and b"<h1>New</h1>" in article["html"]


def test_non_html_is_kept_but_not_read_and_large_responses_are_cut(site, tmp_path):
    pdf = site.route("/report.pdf", Reply(200, b"%PDF-1.4 " * 100, content_type="application/pdf"))
    huge = site.route("/huge", Reply(200, page("Huge", "word " * 60_000)))
    warc = tmp_path / "p.warc.gz"
    summary = fetch_urls(records(pdf, huge), warc, FetchOptions(max_bytes=100_000, **FAST))
    rows = log_rows(warc)
    assert rows[pdf]["content_type"] == "application/pdf" and rows[pdf]["bytes"] == "900"
    assert (rows[huge]["truncated"], rows[huge]["bytes"]) == ("length", "100000")
    assert rows[huge]["error"] == "over the size limit: kept the first 100000 bytes" and summary.truncated == 1
    [cut] = [r for t, u, body, r in all_records(warc) if t == "response" and u == huge]
    assert cut.rec_headers.get_header("WARC-Truncated") == "length"
    assert [a["url"] for a in iter_warc_articles(warc)] == [huge]


def test_parallel_across_hosts_never_within_one(tmp_path):
    with LocalSite() as one, LocalSite() as two:
        urls = []
        for s in (one, two):
            s.route("/robots.txt", ROBOTS_ALL)
            urls += [s.route(f"/p{i}", Reply(200, page(f"P{i}"))) for i in range(3)]
        fetch_urls(records(*urls), tmp_path / "both.warc.gz", FetchOptions(**{**FAST, "delay": 0.4}, workers=2))
        for s in (one, two):
            assert min(gaps(s.times())) >= 0.4
        assert one.times()[0] < two.times()[-1] and two.times()[0] < one.times()[-1]   # the hosts overlap
        one.hits.clear(), two.hits.clear()
        urls2 = [s.route(f"/q{i}", Reply(200, page(f"Q{i}"))) for s in (one, two) for i in range(2)]
        fetch_urls(records(*urls2), tmp_path / "serial.warc.gz", FetchOptions(**FAST, workers=1))
        assert one.times()[-1] < two.times()[0]                        # one worker: one host after the other


def test_resume_after_ctrl_c_fetches_each_page_once(site, tmp_path):
    urls = [site.route(f"/p{i}", Reply(200, page(f"P{i}"))) for i in range(6)]
    warc = tmp_path / "p.warc.gz"

    def interrupt_after_two(result, done, todo):
        if done == 2:
            raise KeyboardInterrupt            # what Ctrl-C does at this point of the loop

    first = fetch_urls(records(*urls), warc, FetchOptions(**FAST), progress=interrupt_after_two)
    assert first.interrupted and 2 <= first.fetched <= 3
    assert len(all_records(warc)) > 0 and len(log_rows(warc)) == first.fetched
    second = fetch_urls(records(*urls), warc, FetchOptions(**FAST))
    assert not second.interrupted and second.already_done == first.fetched
    assert second.fetched == 6 - first.fetched
    assert sorted(p for p in site.paths() if p != "/robots.txt") == [f"/p{i}" for i in range(6)]   # once each
    metadata = [u for t, u, _, _ in all_records(warc) if t == "metadata"]
    assert sorted(metadata) == sorted(urls)
    assert [t for t, *_ in all_records(warc)].count("warcinfo") == 2
    assert len(log_rows(warc)) == 6 and len(list(iter_warc_articles(warc))) == 6


def _run_cli_in_background(url_list, warc):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1] / "lib"),
                                                          os.environ.get("PYTHONPATH", "")])}
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env.pop(name, None)
    return subprocess.Popen([sys.executable, "-m", "newslens.cli", "fetch", str(url_list), "--out", str(warc),
                             "--delay", "0.4", "--user-agent", "Test Suite test@example.org"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_rows(warc, process, rows, seconds=60):
    log = warc.with_name("p.fetch_log.csv")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if log.exists() and log.read_text().count("\n") >= rows + 1:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "kill"])
def test_a_killed_run_leaves_a_whole_warc_and_resumes(site, tmp_path, how):
    urls = [site.route(f"/p{i}", Reply(200, page(f"P{i}"))) for i in range(8)]
    url_list = tmp_path / "urls.txt"
    url_list.write_text("\n".join(urls) + "\n")
    warc = tmp_path / "p.warc.gz"
    process = _run_cli_in_background(url_list, warc)
    try:
        assert _wait_for_rows(warc, process, 2), process.stderr.read() if process.poll() is not None else "slow"
        process.send_signal(how)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    if how == signal.SIGTERM:
        assert process.returncode == 130 and "run the same command again to resume" in err
    assert {t for t, *_ in all_records(warc)} >= {"warcinfo", "request", "response", "metadata"}   # reads whole
    before = set(read_metadata_records(warc))
    assert 2 <= len(before) < 8
    summary = fetch_urls(records(*urls), warc, FetchOptions(**FAST))
    assert summary.already_done >= len(before) and not summary.interrupted
    metadata = [u for t, u, _, _ in all_records(warc) if t == "metadata"]
    assert sorted(metadata) == sorted(urls)                       # each URL once in the WARC
    assert len(log_rows(warc)) == 8


def test_cli_mediacloud_list_to_warc_and_rerun(site, tmp_path, capsys):
    a = site.route("/2022/02/24/a.html", Reply(200, page("A")))
    b = site.route("/2022/02/25/b.html", Reply(200, page("B")))
    url_list = tmp_path / "mediacloud.csv"
    url_list.write_text("stories_id,publish_date,title,url,language,media_name\n"
                        f"1,2022-02-24 05:00:00,A,{a},en,Local Daily\n2,2022-02-25 06:00:00,B,{b},en,Local Daily\n")
    warc = tmp_path / "pages.warc.gz"
    argv = ["fetch", str(url_list), "--out", str(warc), "--delay", "0.1", "--user-agent", "Test test@example.org"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "2 URLs, 0 already fetched; fetched 2: 2 ok" in out and "[2/2] 200" in err
    articles = list(iter_warc_articles(warc))
    assert [(x["outlet"], x["publish_date"]) for x in articles] == [("Local Daily", "2022-02-24 05:00:00"),
                                                                   ("Local Daily", "2022-02-25 06:00:00")]
    assert articles[0]["metadata"]["columns"]["stories_id"] == "1"
    requests_made = len(site.hits)
    assert main(argv) == 0 and "2 already fetched; fetched 0" in capsys.readouterr().out
    warc.with_name("pages.fetch_log.csv").unlink()                  # the log is rebuilt from the WARC
    assert main(argv) == 0 and "2 already fetched; fetched 0" in capsys.readouterr().out
    assert len(site.hits) == requests_made and set(log_rows(warc)) == {a, b}


def test_retry_errors_fetches_failed_urls_again(site, tmp_path, capsys):
    flaky = site.route("/flaky", Reply(503, b"later"), Reply(200, page("Flaky")))
    url_list = tmp_path / "u.txt"
    url_list.write_text(flaky + "\n")
    warc = tmp_path / "p.warc.gz"
    argv = ["fetch", str(url_list), "--out", str(warc), "--delay", "0.1", "--retries", "0"]
    assert main(argv) == 0 and "1 HTTP errors" in capsys.readouterr().out
    assert main(argv) == 0 and "1 already fetched" in capsys.readouterr().out
    assert main(argv + ["--retry-errors"]) == 0 and "fetched 1: 1 ok" in capsys.readouterr().out
    assert [a["url"] for a in iter_warc_articles(warc)] == [flaky]


def test_bytes_are_kept_as_sent_and_read_back_decoded(site, tmp_path):
    import gzip

    html = page("Zipped", "Übersee café")
    url = site.route("/zipped", Reply(200, gzip.compress(html), content_type="text/html; charset=utf-8",
                                      headers={"Content-Encoding": "gzip", "Set-Cookie": "a=1", "X-Twice": "1"}))
    site.routes["/zipped"].headers = [*site.routes["/zipped"].headers.items(), ("Set-Cookie", "b=2")]
    warc = tmp_path / "p.warc.gz"
    fetch_urls(records(url), warc, FetchOptions(**FAST))
    [response] = [r for t, u, _, r in all_records(warc) if t == "response" and u == url]
    assert response.http_headers.get_header("Content-Encoding") == "gzip"
    assert [v for k, v in response.http_headers.headers if k.lower() == "set-cookie"] == ["a=1", "b=2"]
    assert response.rec_headers.get_header("WARC-IP-Address") == "127.0.0.1"
    [article] = iter_warc_articles(warc)
    assert article["html"] == html and article["charset"] == "utf-8"


def test_requests_made_for_a_url_left_unfinished_are_kept_and_the_url_fetched_again(tmp_path):
    with LocalSite() as quick, LocalSite() as slow:
        quick.route("/robots.txt", ROBOTS_ALL)
        a = quick.route("/a", Reply(200, page("A"), wait=1.0))      # the slow host has its robots.txt by then
        slow.route("/robots.txt", Reply(200, b"User-agent: *\nCrawl-delay: 30\n", content_type="text/plain"))
        b = slow.route("/b", Reply(200, page("B")))
        warc = tmp_path / "p.warc.gz"

        def interrupt(result, done, todo):
            raise KeyboardInterrupt         # while the slow host's worker waits out its Crawl-delay

        first = fetch_urls(records(a, b), warc, FetchOptions(**FAST, workers=2), progress=interrupt)
        assert first.interrupted and first.fetched == 1 and slow.paths() == ["/robots.txt"]
        kept = [(t, u) for t, u, _, _ in all_records(warc) if u and u.startswith(slow.url("/"))]
        assert kept == [("request", slow.url("/robots.txt")), ("response", slow.url("/robots.txt"))]
        slow.route("/robots.txt", ROBOTS_ALL)
        second = fetch_urls(records(a, b), warc, FetchOptions(**FAST, workers=2))
        assert (second.already_done, second.ok) == (1, 1) and slow.paths() == ["/robots.txt", "/robots.txt", "/b"]
