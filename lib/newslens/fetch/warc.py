"""The WARC side of fetch: writing every request and response (warcio), one metadata record per URL of the
list, repairing the end of a WARC a killed run left half-written, and reading the pages back for a corpus.

Layout per URL, each record its own gzip member, all of one URL written by one write() call:
request/response pairs (robots.txt first when the host was new, then every attempt and redirect hop), then a
`metadata` record (Content-Type application/json, WARC-Target-URI the URL as listed, WARC-Refers-To the final
response) holding the URL list's row and the outcome (the fetch_log row)."""

from __future__ import annotations

import io
import json
import os
import warnings
import zlib
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

METADATA_KIND = "newslens-fetch"       # the "kind" field of newslens's metadata records
HTML_TYPES = ("text/html", "application/xhtml+xml")
METADATA_MAX_BYTES = 16 * 1024 * 1024     # a metadata record larger than this is not newslens's


def _warc_date(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcOutput:
    """Appends to a .warc.gz: every URL's records in one write, so a run that is stopped between two URLs,
    by Ctrl-C or a kill, leaves a WARC that reads to the end."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    @staticmethod
    def _writer(buffer):
        from warcio.warcwriter import WARCWriter

        return WARCWriter(buffer, gzip=True)

    def write_warcinfo(self, info: dict) -> None:
        buffer = io.BytesIO()
        writer = self._writer(buffer)
        writer.write_record(writer.create_warcinfo_record(self.path.name, info))
        self._write(buffer.getvalue())

    def write_result(self, result) -> int:
        """Write one URL's records (a fetch.run.FetchResult). Returns the bytes written."""
        from warcio.statusandheaders import StatusAndHeaders

        buffer = io.BytesIO()
        writer = self._writer(buffer)
        final_response_id = None
        listed = [(ex, False) for ex in result.robots_exchanges] + [(ex, True) for ex in result.exchanges]
        for ex, of_url in listed:
            date = _warc_date(ex.started)
            request_headers = StatusAndHeaders(ex.request_line or f"GET {ex.url} HTTP/1.1", ex.request_headers,
                                               is_http_request=True)
            request = writer.create_warc_record(ex.url, "request", payload=io.BytesIO(b""), length=0,
                                                http_headers=request_headers,
                                                warc_headers_dict={"WARC-Date": date})
            if ex.status is not None:
                warc_headers = {"WARC-Date": date}
                if ex.ip:
                    warc_headers["WARC-IP-Address"] = ex.ip
                if ex.truncated:
                    warc_headers["WARC-Truncated"] = ex.truncated
                http_headers = StatusAndHeaders(f"{ex.status} {ex.reason}".strip(), ex.response_headers,
                                                protocol=ex.protocol)
                response = writer.create_warc_record(ex.url, "response", payload=io.BytesIO(ex.body),
                                                     length=len(ex.body), http_headers=http_headers,
                                                     warc_headers_dict=warc_headers)
                response_id = response.rec_headers.get_header("WARC-Record-ID")
                request.rec_headers.add_header("WARC-Concurrent-To", response_id)
                writer.write_record(request)
                writer.write_record(response)
                if of_url:
                    final_response_id = response_id
            else:
                writer.write_record(request)
        if getattr(result, "aborted", False):        # stopped mid-URL: no metadata, so a rerun fetches it
            data = buffer.getvalue()
            self._write(data)
            return len(data)
        payload = json.dumps(result.metadata_record(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        warc_headers = {"WARC-Date": _warc_date(result.started)}
        if final_response_id:
            warc_headers["WARC-Refers-To"] = final_response_id
        metadata = writer.create_warc_record(result.record.url, "metadata", payload=io.BytesIO(payload),
                                             length=len(payload), warc_content_type="application/json",
                                             warc_headers_dict=warc_headers)
        writer.write_record(metadata)
        data = buffer.getvalue()
        self._write(data)
        return len(data)


def complete_length(path: str | Path) -> int:
    """Bytes from the start of a .warc.gz up to the end of its last complete gzip member."""
    end = pos = 0
    decompressor = None
    data = b""
    with open(path, "rb") as fh:
        while True:
            if not data:
                data = fh.read(256 * 1024)
                if not data:
                    # the output may have stopped at the 1 MiB just before the member's end: finish it
                    if decompressor is not None and not decompressor.eof:
                        try:
                            decompressor.flush()
                        except zlib.error:
                            pass
                        if decompressor.eof:
                            end = pos
                    break
            if decompressor is None:
                decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                # at most 1 MiB out per call: a member that decompresses to gigabytes never sits in memory
                decompressor.decompress(data, 1024 * 1024)
            except zlib.error:
                break
            if decompressor.eof:
                rest = decompressor.unused_data
                pos += len(data) - len(rest)
                end, data, decompressor = pos, rest, None
            else:
                rest = decompressor.unconsumed_tail
                pos += len(data) - len(rest)
                data = rest
    return end


def repair_tail(path: str | Path) -> tuple[int, Path | None]:
    """Cut an incomplete record (a run killed in mid-write) off the end of a .warc.gz we append to. The cut
    bytes are kept beside it in `<name>.incomplete-<time>`. Returns (bytes cut, where they went)."""
    p = Path(path)
    size = p.stat().st_size
    end = complete_length(p)
    if end == size:
        return 0, None
    if end == 0:
        raise ValueError("not a gzip-compressed WARC (no complete gzip member at its start)")
    side = p.with_name(f"{p.name}.incomplete-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}")
    with open(p, "rb") as src, open(side, "wb") as dst:
        src.seek(end)
        dst.write(src.read())
    with open(p, "r+b") as fh:
        fh.truncate(end)
    return size - end, side


def _is_ours(record) -> bool:
    return (record.rec_type == "metadata"
            and (record.rec_headers.get_header("Content-Type") or "").startswith("application/json"))


def _records(path: Path):
    """warcio's records of a WARC up to its last complete one. warcio reads a torn last gzip member as a
    short record or not at all, without a word, so the complete length is checked first (gzip files)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    end = complete_length(path) if gzipped else None
    if end is not None and end < path.stat().st_size:
        warnings.warn(f"{path.name}: the last {path.stat().st_size - end} bytes are an incomplete record "
                      "(a stopped run); reading up to them")
    torn = end is not None and end < path.stat().st_size
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        records = iter(iterator)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception:
                if torn:         # warcio choked on the torn member, past the complete ones
                    return
                raise
            if torn and iterator.offset >= end:      # where this record starts
                return
            yield record


def read_metadata_records(path: str | Path) -> dict[str, dict]:
    """URL as listed -> newslens's metadata record (the last one when a URL was fetched more than once)."""
    path = Path(path)
    found: dict[str, dict] = {}
    for record in _records(path):
        if not _is_ours(record):
            continue
        try:
            payload, _ = read_capped(record.content_stream(), METADATA_MAX_BYTES)
            if payload is None:          # not one of ours: they hold a row of a URL list and the outcome
                continue
            data = json.loads(payload.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("kind") == METADATA_KIND:
            data["_refers_to"] = record.rec_headers.get_header("WARC-Refers-To")
            data["_record_id"] = record.rec_headers.get_header("WARC-Record-ID")
            found[data.get("url") or record.rec_headers.get_header("WARC-Target-URI")] = data
    return found


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("'\"").lower()
    return None


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def read_capped(stream, limit: int, piece: int = 1024 * 1024) -> tuple[bytes | None, int]:
    """(the bytes, their size) of a stream read as it decodes, or (None, size) when it decodes to more
    than `limit` bytes: the rest is then read in pieces and counted, never held."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data, len(data)
    size = len(data)
    del data
    while True:
        more = stream.read(piece)
        if not more:
            return None, size
        size += len(more)


def iter_warc_articles(path: str | Path, max_bytes: int | None = None):
    """The HTML pages of a WARC, one dict each:

    url (as listed, else the response's URL), final_url (the URL the HTML came from), fetch_date (WARC-Date,
    ISO 8601 UTC), html (bytes, content encoding undone), charset (from Content-Type, or None), metadata (the
    URL list's row: source, outlet, publish_date, title, language, id, columns; {} when the WARC was not
    written by newslens), outlet (metadata's, else the host), publish_date (metadata's or None), truncated
    (WARC-Truncated or None), record_id (the response's WARC-Record-ID).

    In a WARC that newslens wrote, only the final responses of listed URLs are read (not robots.txt, redirect
    hops or failed attempts); in any other WARC, every 2xx HTML response. Non-HTML and error responses are
    skipped. An incomplete last record (a killed writer) ends the iteration with a warning.

    With `max_bytes`, a body that decodes (transfer and content encoding undone) to more is not held: html
    is None and too_large its decoded size. Without it, bodies are read whole (too_large is always None)."""
    path = Path(path)
    by_response: dict[str, dict] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # said once, below
        metadata = read_metadata_records(path)
    for data in metadata.values():
        if data.get("_refers_to"):
            by_response[data["_refers_to"]] = data
    ours = bool(by_response)
    for record in _records(path):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        meta = by_response.get(record_id)
        if ours and meta is None:
            continue
        status = record.http_headers.get_statuscode()
        if not (status or "").isdigit() or not 200 <= int(status) < 300:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        mime = content_type.split(";")[0].strip().lower()
        too_large = None
        try:
            if max_bytes is None:
                body = record.content_stream().read()
            else:
                stream = record.content_stream()
                head = stream.read(1024)
                body, size = read_capped(stream, max_bytes - len(head))
                if body is None:
                    body, too_large = head, size + len(head)
                else:
                    body = head + body
        except Exception as exc:
            warnings.warn(f"{path.name}: {record_id}: body not readable ({type(exc).__name__}: {exc})")
            continue
        if mime not in HTML_TYPES and not (not mime and _looks_html(body)):
            continue
        final_url = record.rec_headers.get_header("WARC-Target-URI")
        listed = (meta or {}).get("list") or {}
        yield {
            "url": (meta or {}).get("url") or final_url,
            "final_url": final_url,
            "fetch_date": record.rec_headers.get_header("WARC-Date"),
            "html": None if too_large else body,
            "too_large": too_large,
            "charset": _charset(content_type),
            "metadata": listed,
            "outlet": listed.get("outlet") or (urlsplit(final_url).hostname or ""),
            "publish_date": listed.get("publish_date"),
            "truncated": record.rec_headers.get_header("WARC-Truncated"),
            "record_id": record_id,
        }
