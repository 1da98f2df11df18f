"""`newslens fetch` limits and records against a web site on 127.0.0.1 (tests/fetch_server.py): --max-bytes
counts the bytes a compressed body decodes to, and fetched_at is when the request went out."""

import csv
from datetime import datetime, timezone
from pathlib import Path

import pytest

from fetch_server import Reply, page
from fetch_server import no_proxy, site  # noqa: F401 (fixtures these tests use by name)
from newslens.fetch import FetchOptions, UrlRecord, fetch_urls

pytestmark = pytest.mark.allow_hosts(["127.0.0.1"])



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


def _gzip_of_zeros(size: int) -> bytes:
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    piece = b"\0" * 2**20
    out = [compressor.compress(b"<html><body><p>")]
    out += [compressor.compress(piece) for _ in range(size // len(piece))]
    return b"".join(out) + compressor.flush()


def test_max_bytes_counts_a_gzip_body_as_it_decodes(site, tmp_path):
    # 20 KB on the wire, 20 MiB decoded: cut where it passes --max-bytes decoded, not kept whole because
    # it is small as received.
    bomb = _gzip_of_zeros(20 * 2**20)
    assert len(bomb) < 40_000
    url = site.route("/bomb", Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    ok = site.route("/ok", Reply(200, page("Fine")))
    warc = tmp_path / "p.warc.gz"
    summary = fetch_urls([UrlRecord(url, {}), UrlRecord(ok, {})], warc,
                         FetchOptions(max_bytes=1_000_000, delay=0.05, timeout=5, trust_env=False))
    rows = log_rows(warc)
    assert rows[url]["truncated"] == "length" and summary.truncated == 1
    kept = int(rows[url]["bytes"])
    assert 0 < kept < len(bomb)
    assert rows[url]["error"] == f"over the size limit: kept the first {kept} bytes (1000001 decoded)"
    assert rows[ok]["error"] == "" and rows[ok]["truncated"] == ""
    from newslens.fetch import iter_warc_articles

    pages = {a["url"]: a for a in iter_warc_articles(warc)}
    assert 900_000 < len(pages[url]["html"]) <= 1_000_001 + 1024      # what the kept bytes decode to
