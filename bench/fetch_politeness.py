"""Politeness and overhead of `newslens fetch`: figures, not a test. Writes bench/results/fetch.md (and
prints it). Everything runs against a web site on 127.0.0.1 that this script starts; nothing leaves the machine.

    .venv/bin/python bench/fetch_politeness.py [--pages 200]

Measures
1. requests per second to one host with the default options (delay 1 s), from the server's own clock;
2. overhead per page with --delay 0 on one host (request, WARC record, log row; the local server answers at
   once), and pages per second over four hosts with four workers.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fetch_server import LocalSite, Reply, page  # noqa: E402

from newslens.fetch import FetchOptions, UrlRecord, fetch_urls  # noqa: E402

ROBOTS = Reply(200, b"User-agent: *\nAllow: /\n", content_type="text/plain")


def site_with(n: int, body: bytes) -> tuple[LocalSite, list[str]]:
    site = LocalSite().__enter__()
    site.route("/robots.txt", ROBOTS)
    return site, [site.route(f"/story/{i}", Reply(200, body)) for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    body = page("A story", "word " * 2000)          # about 10 KB, a typical article page without its assets
    lines = ["# fetch politeness and overhead\n",
             f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}; "
             f"local server (http.server, HTTP/1.0) on 127.0.0.1; pages of {len(body)} bytes.\n"]
    with tempfile.TemporaryDirectory() as tmp:
        # 1. default delay
        site, urls = site_with(8, body)
        fetch_urls([UrlRecord(u, {}) for u in urls], Path(tmp) / "default.warc.gz", FetchOptions(trust_env=False))
        times = site.times()
        site.__exit__()
        gaps = [b - a for a, b in zip(times, times[1:])]
        rate = (len(times) - 1) / (times[-1] - times[0])
        lines.append(f"1. default options, one host, {len(times)} requests (robots.txt + {len(urls)} pages): "
                     f"{rate:.3f} requests/s by the server's clock; gaps between requests "
                     f"{min(gaps):.3f} to {max(gaps):.3f} s.\n")
        # 2. overhead per page, delay 0
        site, urls = site_with(args.pages, body)
        start = time.perf_counter()
        summary = fetch_urls([UrlRecord(u, {}) for u in urls], Path(tmp) / "zero.warc.gz",
                             FetchOptions(delay=0, trust_env=False))
        seconds = time.perf_counter() - start
        size = (Path(tmp) / "zero.warc.gz").stat().st_size
        site.__exit__()
        lines.append(f"2. --delay 0, one host, {summary.ok} pages: {seconds:.2f} s, "
                     f"{1000 * seconds / args.pages:.1f} ms per page all included (robots.txt, request, "
                     f"WARC records, log row); WARC {size / args.pages / 1024:.1f} KiB per page.\n")
        sites = [site_with(args.pages // 4, body) for _ in range(4)]
        urls = [u for _, us in sites for u in us]
        start = time.perf_counter()
        fetch_urls([UrlRecord(u, {}) for u in urls], Path(tmp) / "four.warc.gz",
                   FetchOptions(delay=0, workers=4, trust_env=False))
        seconds = time.perf_counter() - start
        for site, _ in sites:
            site.__exit__()
        lines.append(f"3. --delay 0, four hosts, --workers 4, {len(urls)} pages: {seconds:.2f} s, "
                     f"{len(urls) / seconds:.0f} pages/s ({1000 * seconds / len(urls):.1f} ms per page).\n")
    text = "\n".join(lines)
    out = Path(__file__).resolve().parent / "results" / "fetch.md"
    out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
