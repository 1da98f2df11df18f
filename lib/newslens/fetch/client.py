"""HTTP for `newslens fetch`: requests speaks the protocol; this module adds the politeness (one request at a
time per host, a delay between them, retries with backoff that honour Retry-After, a total time limit and a
size limit per response) and keeps every request and response, as sent and received, for the WARC."""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_TOKEN = "newslens"          # the product token robots.txt rules are matched against
CHUNK = 64 * 1024


def newslens_version() -> str:
    try:
        from importlib.metadata import version

        return version("newslens")
    except Exception:      # not installed (a bare checkout on PYTHONPATH)
        return "0.1.0"


DEFAULT_CONTACT = "set --user-agent"


def make_user_agent(text: str | None) -> tuple[str, bool]:
    """(User-Agent, whether it says how to reach the user). A text that does not name newslens becomes the
    contact inside newslens's own product token: "Jane Doe jane@uni.example" ->
    "newslens/0.1.0 (+research; contact: Jane Doe jane@uni.example)"."""
    if not text or not text.strip():
        return f"newslens/{newslens_version()} (+research; contact: {DEFAULT_CONTACT})", False
    text = " ".join(text.split())
    agent = text if "newslens" in text.lower() else f"newslens/{newslens_version()} (+research; contact: {text})"
    has_contact = "@" in text or "http://" in text or "https://" in text
    return agent, has_contact


@dataclass
class FetchOptions:
    delay: float = 1.0               # seconds from the end of one request to the start of the next, per host
    user_agent: str | None = None    # see make_user_agent
    max_bytes: int = 5_000_000       # per response body, both as received and as it decodes (gzip, deflate)
    timeout: float = 30.0            # seconds per request: connecting, waiting, and reading the whole body
    workers: int = 4                 # hosts fetched at once (never two requests at once to one host)
    retries: int = 2                 # extra attempts after a 429, a 5xx, a timeout or a failed connection
    backoff: float = 2.0             # first wait before a retry, doubled each time, unless Retry-After says more
    max_retry_after: float = 300.0   # a Retry-After longer than this is not waited for: the URL is logged as failed
    max_redirects: int = 10
    retry_errors: bool = False       # on resume, fetch again the URLs that failed before (errors, 429, 5xx)
    trust_env: bool = True           # requests reads proxy settings from the environment

    def __post_init__(self):
        for name in ("delay", "timeout", "backoff", "max_retry_after"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        if self.max_bytes < 1:
            raise ValueError("max_bytes must be at least 1")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.retries < 0 or self.max_redirects < 0:
            raise ValueError("retries and max_redirects must not be negative")


class Stopped(Exception):
    """The run is stopping (interrupted): the URL in hand is left for the next run."""


def host_key(url: str) -> str:
    """What politeness is counted per: scheme, host and port, as robots.txt applies (RFC 9309)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{parts.scheme.lower()}://{host}:{port}"


class Pacer:
    """One request at a time per host, and at least `delay` seconds from the end of one request to the start
    of the next. Waits end early when `stop` is set (then Stopped is raised)."""

    def __init__(self, stop: threading.Event):
        self.stop = stop
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._next: dict[str, float] = {}

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def hold(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (a backoff, a Retry-After)."""
        with self._guard:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str, delay: float):
        with self._lock(host):
            while True:
                with self._guard:
                    wait = self._next.get(host, 0.0) - time.monotonic()
                if wait <= 0:
                    break
                if self.stop.wait(wait):
                    raise Stopped()
            if self.stop.is_set():
                raise Stopped()
            try:
                yield
            finally:
                self.hold(host, delay)


@dataclass
class Exchange:
    """One HTTP request and what came back, as the WARC records them."""

    url: str
    started: datetime
    seconds: float = 0.0
    request_line: str = ""
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    status: int | None = None
    reason: str = ""
    protocol: str = "HTTP/1.1"
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    truncated: str | None = None     # WARC-Truncated reason: "length", "time" or "disconnect"
    decoded: int | None = None       # what the body kept decodes to, when it has a Content-Encoding we undo
    ip: str | None = None
    error: str | None = None
    error_kind: str | None = None    # "timeout", "connection", "protocol", "invalid"

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.response_headers if k.lower() == name), None)

    @property
    def content_type(self) -> str:
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def retryable(self) -> bool:
        return self.status in RETRY_STATUSES or (self.status is None and self.error_kind in ("timeout", "connection"))


def retry_after_seconds(exchange: Exchange) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent or unreadable."""
    value = exchange.header("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class Client:
    """Requests through one requests.Session per thread (a Session is not shared between threads)."""

    def __init__(self, options: FetchOptions, pacer: Pacer):
        import requests

        self.requests = requests
        self.options = options
        self.pacer = pacer
        self.user_agent, self.has_contact = make_user_agent(options.user_agent)
        self._local = threading.local()

    def session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self.requests.Session()
            session.trust_env = self.options.trust_env
            session.headers.update({
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            })
            self._local.session = session
        return session

    def exchange(self, url: str, max_bytes: int) -> Exchange:
        """One GET, no redirect followed, no retry. The body is kept as received (still content-encoded) and
        cut at `max_bytes`, counted both as received and as it decodes (so a small gzip body that expands to
        gigabytes is cut where it passes `max_bytes` decoded); the whole exchange is cut at the timeout.
        Errors are returned, not raised."""
        requests = self.requests
        timeout = self.options.timeout
        ex = Exchange(url=url, started=datetime.now(timezone.utc))
        start = time.monotonic()
        session = self.session()
        try:
            prepared = session.prepare_request(requests.Request("GET", url))
        except (requests.RequestException, ValueError) as exc:
            ex.error, ex.error_kind = f"invalid request: {exc}", "invalid"
            return ex
        host = urlsplit(prepared.url).netloc.rpartition("@")[2]
        ex.request_line = f"GET {prepared.path_url} HTTP/1.1"
        ex.request_headers = [("Host", host)] + [(k, v) for k, v in prepared.headers.items()]
        response = None
        try:
            settings = session.merge_environment_settings(prepared.url, {}, True, None, None)
            response = session.send(prepared, allow_redirects=False, timeout=(timeout, timeout), **settings)
            raw = response.raw
            ex.status, ex.reason = response.status_code, response.reason or ""
            ex.protocol = {10: "HTTP/1.0", 11: "HTTP/1.1"}.get(getattr(raw, "version", 11), "HTTP/1.1")
            # Transfer-Encoding is undone by the time the body is read; keeping the header would make
            # WARC readers try to de-chunk it again.
            ex.response_headers = [(k, v) for k, v in raw.headers.items() if k.lower() != "transfer-encoding"]
            ex.ip = _peer_ip(raw)
            read = getattr(raw, "read1", None) or raw.read
            counter = DecodedSize.for_encoding(ex.header("Content-Encoding"))
            body = bytearray()
            while True:
                if time.monotonic() - start > timeout:
                    ex.truncated, ex.error_kind = "time", "timeout"
                    ex.error = f"timeout: the body was not complete after {timeout:g} s"
                    break
                chunk = read(CHUNK, decode_content=False)
                if not chunk:
                    break
                if counter is not None:
                    used = counter.feed(chunk, max_bytes)
                    if used < len(chunk) or counter.size > max_bytes:
                        body += chunk[:used]
                        ex.truncated = "length"
                    else:
                        body += chunk
                else:
                    body += chunk
                if len(body) > max_bytes:
                    del body[max_bytes:]
                    ex.truncated = "length"
                if ex.truncated:
                    break
            ex.body = bytes(body)
            if counter is not None:
                ex.decoded = counter.size
        except requests.Timeout as exc:
            ex.error, ex.error_kind = f"timeout after {timeout:g} s ({_short(exc)})", "timeout"
        except requests.ConnectionError as exc:
            ex.error, ex.error_kind = f"connection failed ({_short(exc)})", "connection"
        except requests.RequestException as exc:
            ex.error, ex.error_kind = f"request failed ({_short(exc)})", "protocol"
        except Exception as exc:      # urllib3 errors while streaming the body
            kind = "timeout" if "timeout" in type(exc).__name__.lower() else "connection"
            ex.error, ex.error_kind = f"{type(exc).__name__}: {_short(exc)}", kind
            if ex.status is not None:
                ex.truncated = "time" if kind == "timeout" else "disconnect"
        finally:
            if response is not None:
                response.close()
            ex.seconds = time.monotonic() - start
        return ex

    def get(self, url: str, delay: float, max_bytes: int | None = None) -> list[Exchange]:
        """GET with retries on 429, 5xx, timeouts and failed connections: every attempt, in order. Waits
        between attempts double from `backoff`; a Retry-After is honoured up to `max_retry_after`."""
        o = self.options
        host = host_key(url)
        attempts: list[Exchange] = []
        for attempt in range(o.retries + 1):
            with self.pacer.slot(host, delay):
                ex = self.exchange(url, o.max_bytes if max_bytes is None else max_bytes)
            attempts.append(ex)
            if not ex.retryable or attempt == o.retries:
                break
            wait = o.backoff * (2 ** attempt)
            asked = retry_after_seconds(ex)
            if asked is not None:
                if asked > o.max_retry_after:
                    ex.error = (f"HTTP {ex.status}: Retry-After {asked:g} s is longer than the "
                                f"{o.max_retry_after:g} s newslens waits")
                    break
                wait = asked
            self.pacer.hold(host, max(wait, delay))
        return attempts


class DecodedSize:
    """Counts what a gzip or deflate body decodes to, at most 64 KiB at a time, without keeping it."""

    def __init__(self, wbits: int):
        self._decompressor = zlib.decompressobj(wbits)
        self._raw_deflate_tried = wbits != zlib.MAX_WBITS
        self.size = 0
        self.broken = False          # not what its Content-Encoding says: counted as received only

    @classmethod
    def for_encoding(cls, encoding: str | None) -> "DecodedSize | None":
        encoding = (encoding or "").strip().lower()
        if encoding in ("gzip", "x-gzip"):
            return cls(16 + zlib.MAX_WBITS)
        if encoding == "deflate":
            return cls(zlib.MAX_WBITS)
        return None

    def feed(self, data: bytes, limit: int) -> int:
        """Decode `data` on from what came before; returns how many of its bytes were used when the decoded
        size passed `limit` (then `size` is limit + 1), else len(data)."""
        pending = data
        while pending and not self.broken and not self._decompressor.eof:
            try:
                out = self._decompressor.decompress(pending, min(CHUNK, limit + 1 - self.size))
            except zlib.error:
                if not self._raw_deflate_tried and self.size == 0 and pending is data:
                    self._raw_deflate_tried = True         # "deflate" sent without its zlib header
                    self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                self.broken = True
                break
            self.size += len(out)
            pending = self._decompressor.unconsumed_tail
            if self.size > limit:
                return len(data) - len(pending)
            if not out and not pending:
                break
        return len(data)


def _peer_ip(raw) -> str | None:
    """The server's IP address for WARC-IP-Address, where urllib3 and http.client let it be seen: on the
    connection, or (when the server closes after the response) on the socket the response reads from."""
    for reach in (lambda: raw.connection.sock, lambda: raw._fp.fp.raw._sock):
        try:
            sock = reach()
            if sock is not None:
                return sock.getpeername()[0]
        except Exception:
            continue
    return None


def _short(exc: BaseException) -> str:
    text = str(exc).replace("\n", " ")
    return text if len(text) <= 200 else text[:197] + "..."
