"""Reading a list of URLs to fetch: a CSV/TSV with a `url` column (Media Cloud and GDELT exports recognised),
JSON Lines, or a plain text file with one URL a line. Each URL keeps the row it came from as metadata."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..paths import display_path

# Column names that hold the URL, by preference (compared case-insensitively).
URL_COLUMNS = ("url", "sourceurl", "documentidentifier", "story_url", "link")

# Normalised metadata fields and the export columns they come from (case-insensitive), by preference.
# Media Cloud: stories_id/id, media_name, publish_date, title, url, language (older exports: media_id too).
# GDELT events: GLOBALEVENTID, SQLDATE (YYYYMMDD), SOURCEURL; GKG: GKGRECORDID, DATE (YYYYMMDDHHMMSS),
# SourceCommonName, DocumentIdentifier; DOC API: url, title, seendate, domain, language.
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("stories_id", "id", "globaleventid", "gkgrecordid"),
    "outlet": ("media_name", "sourcecommonname", "domain", "outlet", "source"),
    "publish_date": ("publish_date", "sqldate", "date", "seendate", "published", "publication_date"),
    "title": ("title",),
    "language": ("language", "lang"),
}

# Headerless GDELT 2.0 files as downloaded: events (61 tab-separated columns) and GKG 2.1 (27 columns).
# Only the columns worth carrying are named; the rest (GCAM, locations...) stay in the source file.
GDELT_EVENTS_COLUMNS = {0: "GLOBALEVENTID", 1: "SQLDATE", 6: "Actor1Name", 16: "Actor2Name", 26: "EventCode",
                        29: "QuadClass", 30: "GoldsteinScale", 31: "NumMentions", 34: "AvgTone",
                        52: "ActionGeo_FullName", 59: "DATEADDED", 60: "SOURCEURL"}
GDELT_GKG_COLUMNS = {0: "GKGRECORDID", 1: "DATE", 3: "SourceCommonName", 4: "DocumentIdentifier", 15: "V2Tone"}

MAX_VALUE_CHARS = 1000       # longer cells (GKG themes, GCAM) are not carried into the WARC; their names are


class UrlListError(Exception):
    """A URL list that cannot be used. The message names the file and the problem, in one line."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{display_path(path)}: {problem}")


@dataclass
class UrlRecord:
    url: str
    metadata: dict            # source, line, id, outlet, publish_date, title, language, columns


@dataclass
class UrlList:
    path: str
    source: str               # mediacloud, gdelt-events, gdelt-gkg, gdelt-doc, csv, jsonl, text
    records: list[UrlRecord]
    invalid: list[tuple[int, str, str]] = field(default_factory=list)   # (line, value, reason)
    duplicates: int = 0


def check_url(url: str) -> str | None:
    """None if `url` is an absolute http(s) URL with a host, else the reason it is not."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"not a URL ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not parts.hostname:
        return "no host in the URL"
    if any(c.isspace() for c in url):
        return "white space inside the URL"
    return None


def _normal_date(column: str, value: str) -> str:
    """GDELT dates as ISO: SQLDATE 20240131 -> 2024-01-31, DATE 20240131123000 -> 2024-01-31T12:30:00Z."""
    digits = value.strip()
    if column.lower() in ("sqldate", "date", "seendate"):
        d = digits.replace("T", "").replace("Z", "")
        if d.isdigit() and len(d) == 8:
            return f"{d[:4]}-{d[4:6]}-{d[6:]}"
        if d.isdigit() and len(d) == 14:
            return f"{d[:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:]}Z"
    return digits


def _source_of(columns: list[str]) -> str:
    lower = {c.lower() for c in columns}
    if "media_name" in lower or "stories_id" in lower or {"media_url", "indexed_date"} & lower:
        return "mediacloud"
    if "sourceurl" in lower or "globaleventid" in lower:
        return "gdelt-events"
    if "documentidentifier" in lower or "gkgrecordid" in lower:
        return "gdelt-gkg"
    if "seendate" in lower:
        return "gdelt-doc"
    return "table"


def _metadata(row: dict, source: str, line: int) -> dict:
    lower = {str(k).strip().lower(): k for k in row if k is not None}
    meta: dict = {"source": source, "line": line}
    for name, candidates in FIELD_COLUMNS.items():
        for cand in candidates:
            key = lower.get(cand)
            value = row.get(key) if key is not None else None
            if value not in (None, ""):
                meta[name] = _normal_date(cand, str(value)) if name == "publish_date" else str(value).strip()
                break
    columns, omitted = {}, []
    for key, value in row.items():
        if key is None or value in (None, ""):
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if len(text) > MAX_VALUE_CHARS:
            omitted.append(str(key))
        else:
            columns[str(key)] = value if isinstance(value, (int, float, bool)) else text
    meta["columns"] = columns
    if omitted:
        meta["omitted_columns"] = omitted
    return meta


def _url_key(columns) -> str | None:
    lower = {str(c).strip().lower(): c for c in columns if c is not None}
    for cand in URL_COLUMNS:
        if cand in lower:
            return lower[cand]
    return None


def _rows_from_table(path: Path, text: str):
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise UrlListError(path, "empty file: no URLs to fetch") from None
    except csv.Error as exc:
        raise UrlListError(path, f"not a readable CSV ({exc})") from None
    # Headerless GDELT downloads: recognised by their column count and a URL where GDELT puts it.
    for count, names, source in ((61, GDELT_EVENTS_COLUMNS, "gdelt-events"), (27, GDELT_GKG_COLUMNS, "gdelt-gkg")):
        url_index = next(i for i, n in names.items() if n in ("SOURCEURL", "DocumentIdentifier"))
        if len(header) == count and check_url(header[url_index].strip()) is None:
            rows = [header] + list(reader)
            out = []
            for line, row in enumerate(rows, start=1):
                if len(row) != count:
                    out.append((line, None, {}, "not a row of the GDELT file (wrong column count)"))
                    continue
                named = {name: row[i] for i, name in names.items()}
                out.append((line, named[names[url_index]], named, None))
            return source, out
    key = _url_key(header)
    if key is None:
        if check_url(header[0].strip()) is None and len(header) == 1:
            return None            # one URL a line after all
        raise UrlListError(path, f"no url column (looked for {', '.join(URL_COLUMNS)}; found {', '.join(header[:12])})")
    source = _source_of(header)
    out = []
    try:
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(header, row))
            out.append((line, record.get(key, ""), record, None))
    except csv.Error as exc:
        raise UrlListError(path, f"line {reader.line_num}: not a readable CSV row ({exc})") from None
    return source, out


def _rows_from_jsonl(path: Path, text: str):
    out = []
    key = None
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UrlListError(path, f"line {line}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise UrlListError(path, f"line {line}: a JSON object was expected, found {type(row).__name__}")
        key = _url_key(row)
        if key is None:
            raise UrlListError(path, f"line {line}: no url field (looked for {', '.join(URL_COLUMNS)})")
        out.append((line, row.get(key), row, None))
    source = _source_of(list(out[0][2])) if out else "jsonl"
    return (source if source != "table" else "jsonl"), out


def _rows_from_text(text: str):
    out = []
    for line, raw in enumerate(text.splitlines(), start=1):
        value = raw.strip()
        if not out and value.lower() in URL_COLUMNS:      # a one-column table's header
            continue
        if value and not value.startswith("#"):
            out.append((line, value, {}, None))
    return "text", out


def read_url_list(path: str | Path) -> UrlList:
    """Read a URL list. Raises UrlListError (missing file, not text, no url column, no URL at all)."""
    p = Path(path)
    if not p.exists():
        raise UrlListError(p, "no such file")
    if p.is_dir():
        raise UrlListError(p, "is a folder, not a URL list")
    raw = p.read_bytes()
    if raw.startswith(b"\x1f\x8b") or raw.startswith(b"PK\x03\x04"):
        raise UrlListError(p, "is compressed; unpack it first (gunzip / unzip)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UrlListError(p, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UrlListError(p, "empty file: no URLs to fetch")

    suffix = p.suffix.lower()
    first = text.lstrip().split("\n", 1)[0]
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and first.startswith("{")):
        source, rows = _rows_from_jsonl(p, text)
    elif suffix in (".csv", ".tsv") or (("," in first or "\t" in first) and check_url(first.strip()) is not None):
        found = _rows_from_table(p, text)
        source, rows = found if found is not None else _rows_from_text(text)
    else:
        source, rows = _rows_from_text(text)

    records, invalid, seen, duplicates = [], [], set(), 0
    for line, value, row, problem in rows:
        url = "" if value is None else str(value).strip()
        problem = problem or ("empty url" if not url else check_url(url))
        if problem:
            invalid.append((line, url, problem))
            continue
        if url in seen:
            duplicates += 1
            continue
        seen.add(url)
        records.append(UrlRecord(url, _metadata(row, source, line)))
    if not records:
        detail = f" ({len(invalid)} without a usable http(s) URL; first, line {invalid[0][0]}: {invalid[0][2]})" \
            if invalid else ""
        raise UrlListError(p, f"no URLs to fetch{detail}")
    return UrlList(str(p), source, records, invalid, duplicates)
