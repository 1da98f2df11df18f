"""robots.txt, fetched once per host and obeyed (RFC 9309, parsed by Protego): a 4xx robots.txt allows
everything; a 5xx or an unreachable one means the host is skipped; Crawl-delay and Request-rate lengthen
the delay between requests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .client import REDIRECT_STATUSES, ROBOTS_TOKEN, Client, Exchange, host_key

ROBOTS_MAX_BYTES = 512 * 1024        # RFC 9309: parse at least the first 500 KiB
ROBOTS_MAX_REDIRECTS = 5             # RFC 9309: follow at least five


@dataclass
class RobotsPolicy:
    host: str
    state: str                        # "parsed", "missing" (4xx: no rules) or "unreachable" (5xx, no answer)
    detail: str = ""
    parser: object | None = None      # protego.Protego when parsed
    crawl_delay: float | None = None
    exchanges: list[Exchange] = field(default_factory=list)   # robots.txt requests, for the WARC

    def allows(self, url: str) -> bool:
        if self.state == "unreachable":
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, ROBOTS_TOKEN))

    def delay(self, base: float) -> float:
        return max(base, self.crawl_delay or 0.0)


def parse_robots(host: str, text: str) -> RobotsPolicy:
    from protego import Protego

    parser = Protego.parse(text)
    delays = [parser.crawl_delay(ROBOTS_TOKEN) or 0.0]
    rate = parser.request_rate(ROBOTS_TOKEN)
    if rate is not None and rate.requests:
        delays.append(rate.seconds / rate.requests)
    delay = max(delays)
    return RobotsPolicy(host, "parsed", "robots.txt read", parser, delay or None)


class RobotsCache:
    """One robots.txt per host (scheme, host, port) per run; two workers never fetch the same one twice."""

    def __init__(self, client: Client):
        self.client = client
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._policies: dict[str, RobotsPolicy] = {}

    def policy(self, url: str) -> tuple[RobotsPolicy, list[Exchange]]:
        """The policy for `url`'s host, and the robots.txt exchanges made now (empty when it was cached)."""
        host = host_key(url)
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            if host in self._policies:
                return self._policies[host], []
            policy = self._fetch(url, host)
            self._policies[host] = policy
            return policy, policy.exchanges

    def _fetch(self, url: str, host: str) -> RobotsPolicy:
        parts = urlsplit(url)
        target = f"{parts.scheme}://{parts.netloc}/robots.txt"
        exchanges: list[Exchange] = []
        base_delay = self.client.options.delay
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            attempts = self.client.get(target, base_delay, max_bytes=ROBOTS_MAX_BYTES)
            exchanges += attempts
            last = attempts[-1]
            location = last.header("Location")
            if last.status in REDIRECT_STATUSES and location:
                target = urljoin(target, location)
                if urlsplit(target).scheme not in ("http", "https"):
                    break
                continue
            break
        if last.status is None:
            policy = RobotsPolicy(host, "unreachable", f"robots.txt unreachable ({last.error}); host skipped")
        elif last.status in REDIRECT_STATUSES:
            policy = RobotsPolicy(host, "missing", f"robots.txt redirected more than {ROBOTS_MAX_REDIRECTS} times")
        elif 200 <= last.status < 300:
            text = last.body
            if last.header("Content-Encoding"):
                text = _decode_body(last)
            policy = parse_robots(host, text.decode("utf-8", errors="replace"))
        elif last.status == 429 or last.status >= 500:
            policy = RobotsPolicy(host, "unreachable", f"robots.txt answered HTTP {last.status}; host skipped")
        else:
            policy = RobotsPolicy(host, "missing", f"robots.txt answered HTTP {last.status}: no rules")
        policy.exchanges = exchanges
        self.client.pacer.hold(host, policy.delay(base_delay))     # a Crawl-delay counts from robots.txt on
        return policy


def _decode_body(exchange: Exchange) -> bytes:
    """The body with its Content-Encoding (gzip, deflate) undone; as it is when that fails."""
    import zlib

    encoding = (exchange.header("Content-Encoding") or "").strip().lower()
    try:
        # never more than ROBOTS_MAX_BYTES out, however small the body that came in
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(exchange.body, ROBOTS_MAX_BYTES)
        if encoding == "deflate":
            try:
                return zlib.decompressobj().decompress(exchange.body, ROBOTS_MAX_BYTES)
            except zlib.error:
                return zlib.decompressobj(-zlib.MAX_WBITS).decompress(exchange.body, ROBOTS_MAX_BYTES)
    except zlib.error:
        pass
    return exchange.body
