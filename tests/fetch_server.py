"""A small web site on 127.0.0.1 for the fetch tests: http.server in a thread, routes set by the test, and
the time (server side, time.monotonic) of every request it received."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Reply:
    def __init__(self, status=200, body=b"", headers=None, content_type="text/html; charset=utf-8", wait=0.0):
        self.status, self.body, self.wait = status, body, wait
        self.headers = dict(headers or {})
        if content_type:
            self.headers.setdefault("Content-Type", content_type)


def page(title: str, text: str = "") -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text or 'A paragraph of the article about ' + title + '.'}</p></article></body></html>").encode()


class LocalSite:
    def __init__(self):
        self.routes: dict[str, list[Reply] | Reply] = {}
        self.hits: list[tuple[float, str, dict]] = []     # (monotonic time on arrival, path, request headers)
        self._lock = threading.Lock()
        self.release = threading.Event()                  # ends every handler's wait at teardown
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                arrived = time.monotonic()
                with site._lock:
                    site.hits.append((arrived, self.path, dict(self.headers)))
                    reply = site.routes.get(self.path)
                    if isinstance(reply, list):
                        reply = reply.pop(0) if len(reply) > 1 else reply[0]
                if reply is None:
                    reply = Reply(404, b"not found", content_type="text/plain")
                if reply.wait:
                    site.release.wait(reply.wait)
                try:
                    self.send_response(reply.status)
                    pairs = reply.headers.items() if isinstance(reply.headers, dict) else reply.headers
                    for key, value in pairs:
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies) if len(replies) > 1 else replies[0]
        return self.url(path)

    def times(self, path: str | None = None) -> list[float]:
        with self._lock:
            return [t for t, p, _ in self.hits if path is None or p == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [p for _, p, _ in self.hits]


ROBOTS_ALL = Reply(200, b"User-agent: *\nAllow: /\n", content_type="text/plain")


@pytest.fixture
def site():
    """A local site on 127.0.0.1 whose robots.txt allows everything."""
    with LocalSite() as s:
        s.route("/robots.txt", ROBOTS_ALL)
        yield s


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """No proxy from the environment: the fetch tests talk to 127.0.0.1 directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
