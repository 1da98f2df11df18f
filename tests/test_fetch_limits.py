"""`newslens fetch` limits and records against a web site on 127.0.0.1 (tests/fetch_server.py): --max-bytes
counts the bytes a compressed body decodes to, and fetched_at is when the request went out."""

import csv
from datetime import datetime, timezone
from pathlib import Path

import pytest

from fetch_server import LocalSite, Reply, page
from newslens.fetch import FetchOptions, UrlRecord, fetch_urls

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])

ROBOTS_ALL = Reply(200, b"User-agent: *\nAllow: /\n", content_type="text/plain")


@pytest.fixture
def site():
    with LocalSite() as s:
        s.route("/robots.txt", ROBOTS_ALL)
        yield s


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def log_rows(warc: Path) -> dict[str, dict]:
    with open(warc.with_name(warc.name.replace(".warc.gz", ".fetch_log.csv")), newline="") as fh:
        return {row["url"]: row for row in csv.DictReader(fh)}


def test_fetched_at_is_when_the_request_went_out_not_when_the_url_was_taken_up(site, tmp_path):
    # robots.txt first, then a 1.5 s wait for the host before the page is asked for: fetched_at is the
    # page's request, so 1.5 s or more after the URL was taken up.
    url = site.route("/p", Reply(200, page("P")))
    warc = tmp_path / "p.warc.gz"
    taken_up = datetime.now(timezone.utc)
    fetch_urls([UrlRecord(url, {})], warc, FetchOptions(delay=1.5, timeout=5, trust_env=False))
    fetched_at = datetime.fromisoformat(log_rows(warc)[url]["fetched_at"])
    assert (fetched_at - taken_up).total_seconds() >= 1.4
    assert fetched_at <= datetime.now(timezone.utc)
