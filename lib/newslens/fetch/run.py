"""`newslens fetch`: a URL list in, a WARC and a fetch_log out, politely and resumably.

Hosts are fetched in parallel (up to `workers` at once), the URLs of one host one after the other. Worker
threads fetch; only the calling thread writes, one URL at a time, with Ctrl-C held back while it writes, so
the WARC and the log are whole whenever the run stops."""

from __future__ import annotations

import hashlib
import queue
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

from .client import REDIRECT_STATUSES, Client, Exchange, FetchOptions, Pacer, Stopped, host_key, newslens_version
from .log import FetchLog, log_path_for, read_log, worth_retrying
from .robots import RobotsCache
from .urls import UrlList, UrlRecord, check_url
from .warc import METADATA_KIND, WarcOutput, read_metadata_records, repair_tail


@dataclass
class FetchResult:
    record: UrlRecord
    started: datetime
    exchanges: list[Exchange] = field(default_factory=list)          # every attempt and redirect hop
    robots_exchanges: list[Exchange] = field(default_factory=list)   # robots.txt, when this URL's host was new
    robots: str = "allowed"                                          # allowed, disallowed, unreachable
    error: str | None = None
    seconds: float = 0.0
    redirects: int = 0
    aborted: bool = False        # the run stopped before this URL was done: its requests so far are kept
                                 # in the WARC, without a metadata record or a log row, so a rerun fetches it

    @property
    def final(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None

    @property
    def status(self) -> int | None:
        return self.final.status if self.final else None

    def log_row(self) -> dict:
        final = self.final
        error = self.error
        if error is None and final is not None:
            if final.error:
                error = final.error
            elif final.status is not None and final.status >= 400:
                error = f"HTTP {final.status} {final.reason}".strip()
            elif final.truncated == "length":
                error = f"over the size limit: kept the first {len(final.body)} bytes"
                if final.decoded is not None:
                    error += f" ({final.decoded} decoded)"
        return {
            "url": self.record.url,
            "status": final.status if final else None,
            "final_url": final.url if final else "",
            "bytes": len(final.body) if final else 0,
            "seconds": round(self.seconds, 3),
            "error": error or "",
            # When the request that got the final answer went out (not when the URL was taken up: robots.txt
            # and the per-host delay come between); when no request was made, when the URL was taken up.
            "fetched_at": (final.started if final else self.started).astimezone(timezone.utc)
                          .isoformat(timespec="milliseconds"),
            "attempts": len(self.exchanges),
            "redirects": self.redirects,
            "robots": self.robots,
            "truncated": (final.truncated if final else None) or "",
            "content_type": final.content_type if final else "",
        }

    def metadata_record(self) -> dict:
        return {
            "kind": METADATA_KIND,
            "url": self.record.url,
            "list": self.record.metadata,
            "fetch": self.log_row(),
            "chain": [{"url": ex.url, "status": ex.status, "error": ex.error} for ex in self.exchanges],
        }


class Fetcher:
    """One URL: robots.txt of every host on the way, retries, redirects (each hop checked against robots)."""

    def __init__(self, client: Client, robots: RobotsCache):
        self.client = client
        self.robots = robots
        self.options = client.options

    def fetch(self, record: UrlRecord) -> FetchResult:
        start = time.monotonic()
        result = FetchResult(record, datetime.now(timezone.utc))
        url = record.url
        try:
            while True:
                policy, made = self.robots.policy(url)
                result.robots_exchanges += made
                where = f" (redirected to {url})" if result.redirects else ""
                if policy.state == "unreachable":
                    result.robots, result.error = "unreachable", policy.detail + where
                    break
                if not policy.allows(url):
                    result.robots, result.error = "disallowed", "disallowed by robots.txt" + where
                    break
                attempts = self.client.get(url, policy.delay(self.options.delay))
                result.exchanges += attempts
                last = attempts[-1]
                if last.status not in REDIRECT_STATUSES:
                    break
                location = last.header("Location")
                if not location:
                    result.error = f"HTTP {last.status} without a Location header"
                    break
                if result.redirects >= self.options.max_redirects:
                    result.error = f"more than {self.options.max_redirects} redirects"
                    break
                target = urljoin(url, location.strip())
                problem = check_url(target)
                if problem:
                    result.error = f"redirect to {target!r}: {problem}"
                    break
                url = target
                result.redirects += 1
        except Stopped:
            if not (result.exchanges or result.robots_exchanges):
                raise
            result.aborted = True
        finally:
            result.seconds = time.monotonic() - start
        return result


@dataclass
class FetchSummary:
    warc: Path
    log: Path
    listed: int = 0
    already_done: int = 0          # skipped: in the WARC or the log from an earlier run
    fetched: int = 0
    ok: int = 0                    # 2xx
    http_errors: int = 0           # 4xx, 5xx (after retries)
    failed: int = 0                # no answer: timeouts, connections, robots.txt unreachable, bad redirects
    disallowed: int = 0
    truncated: int = 0
    interrupted: bool = False
    repaired_bytes: int = 0        # an incomplete record cut from the WARC's end, kept in `repaired_to`
    repaired_to: Path | None = None
    log_rows_restored: int = 0     # URLs found in the WARC but not the log (a run stopped between the two)
    seconds: float = 0.0

    def count(self, result: FetchResult) -> None:
        self.fetched += 1
        status = result.status
        if result.robots == "disallowed":
            self.disallowed += 1
        elif status is not None and 200 <= status < 300 and not result.error:
            self.ok += 1
        elif status is not None and status >= 400:
            self.http_errors += 1
        else:
            self.failed += 1
        if result.final is not None and result.final.truncated:
            self.truncated += 1


@contextmanager
def _signals_held():
    """Hold Ctrl-C (and SIGTERM) back until the block is done, when called from the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = []
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, lambda s, f: received.append(s))
        except (ValueError, OSError):
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if received:
            raise KeyboardInterrupt()


_DONE = object()


def _work(hosts: queue.Queue, by_host: dict, fetcher: Fetcher, results: queue.Queue, stop: threading.Event):
    try:
        while not stop.is_set():
            try:
                host = hosts.get_nowait()
            except queue.Empty:
                return
            for record in by_host[host]:
                if stop.is_set():
                    return
                try:
                    result = fetcher.fetch(record)
                except Stopped:
                    return
                results.put(result)
                if result.aborted:
                    return
    except BaseException as exc:      # a bug: the calling thread raises it
        results.put(exc)
    finally:
        results.put(_DONE)


def _sha256(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_urls(urls: UrlList | list[UrlRecord], warc_path: str | Path, options: FetchOptions | None = None,
               log_path: str | Path | None = None, progress=None) -> FetchSummary:
    """Fetch every URL of `urls` not already in the WARC or the log, appending to `warc_path` (.warc.gz) and
    its fetch_log. `progress(result, done, todo)` is called after each URL is written. Ctrl-C stops the run
    after the requests in flight: the summary then says interrupted, and a rerun resumes."""
    options = options or FetchOptions()
    started = time.monotonic()
    warc_path = Path(warc_path)
    if not warc_path.name.endswith(".warc.gz"):
        raise ValueError(f"{warc_path}: the output must be a .warc.gz file")
    log_path = Path(log_path) if log_path else log_path_for(warc_path)
    records = urls.records if isinstance(urls, UrlList) else list(urls)
    summary = FetchSummary(warc_path, log_path, listed=len(records))

    in_warc: dict[str, dict] = {}
    if warc_path.exists() and warc_path.stat().st_size:
        summary.repaired_bytes, summary.repaired_to = repair_tail(warc_path)
        in_warc = read_metadata_records(warc_path)
    logged = read_log(log_path)
    done = {url: data.get("fetch", {}) for url, data in in_warc.items()}
    done.update(logged)
    if options.retry_errors:
        done = {url: row for url, row in done.items() if not worth_retrying(row)}
    todo = [r for r in records if r.url not in done]
    summary.already_done = len(records) - len(todo)

    log = FetchLog(log_path)
    log.open()
    try:
        restore = [data["fetch"] for url, data in in_warc.items() if url not in logged and data.get("fetch")]
        for row in restore:
            log.write(row)
        summary.log_rows_restored = len(restore)
        if todo:
            _run(todo, warc_path, options, log, summary, progress, urls)
    finally:
        log.close()
    summary.seconds = time.monotonic() - started
    return summary


def _run(todo, warc_path, options, log, summary, progress, urls) -> None:
    by_host: dict[str, list[UrlRecord]] = {}
    for record in todo:
        by_host.setdefault(host_key(record.url), []).append(record)
    hosts: queue.Queue = queue.Queue()
    for host in by_host:
        hosts.put(host)
    stop = threading.Event()
    client = Client(options, Pacer(stop))
    fetcher = Fetcher(client, RobotsCache(client))
    out = WarcOutput(warc_path)
    out.open()
    try:
        with _signals_held():
            out.write_warcinfo({
                "software": f"newslens/{newslens_version()} fetch (requests, warcio, protego)",
                "format": "WARC File Format 1.0",
                "http-header-user-agent": client.user_agent,
                "robots": "obey (token newslens)",
                "description": f"newslens fetch of {len(todo)} URLs"
                               + (f" from {Path(urls.path).name} (sha256 {_sha256(urls.path)})"
                                  if isinstance(urls, UrlList) and Path(urls.path).exists() else ""),
                "newslens-options": (f"delay={options.delay:g} max_bytes={options.max_bytes} "
                                     f"timeout={options.timeout:g} workers={options.workers} "
                                     f"retries={options.retries} backoff={options.backoff:g}"),
            })
        results: queue.Queue = queue.Queue()
        n_workers = min(options.workers, len(by_host))
        threads = [threading.Thread(target=_work, args=(hosts, by_host, fetcher, results, stop), daemon=True,
                                    name=f"newslens-fetch-{i}") for i in range(n_workers)]
        for thread in threads:
            thread.start()
        finished = 0
        while finished < n_workers:
            try:
                try:
                    item = results.get(timeout=0.25)
                except queue.Empty:
                    continue
                if item is _DONE:
                    finished += 1
                    continue
                if isinstance(item, BaseException):
                    stop.set()
                    raise item
                with _signals_held():
                    out.write_result(item)
                    if item.aborted:
                        continue
                    log.write(item.log_row())
                    summary.count(item)
                if progress is not None:
                    progress(item, summary.fetched, len(todo))
            except KeyboardInterrupt:
                if summary.interrupted:       # a second Ctrl-C: leave now; what is written is whole
                    raise
                summary.interrupted = True
                stop.set()
        for thread in threads:
            thread.join(timeout=1)
    finally:
        out.close()
