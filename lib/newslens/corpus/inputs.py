"""What a corpus INPUT is, and the articles in it: a folder of files (with an optional manifest), a CSV or
JSON Lines file with one article per row, or a WARC file of saved web pages.

Each article becomes a ``CorpusItem``: where it came from (a path, or "file.csv row 12"), its raw content
(or the path to read it from) and the metadata the input gives (outlet, date, url, title, author, language,
and any other manifest column). Input that cannot be used at all (a missing folder, a CSV without a text
column) raises ``CorpusInputError`` naming the file and the problem; one bad article never does: it is
recorded and the batch goes on.
"""

from __future__ import annotations

import csv
import errno
import gzip
import hashlib
import json
import os
import posixpath
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ..fetch.urls import FIELD_COLUMNS, URL_COLUMNS
from ..paths import REPO_ROOT, display_path
from ..text.reading import MAX_INPUT_BYTES
from ..fetch.warc import iter_warc_articles

MANIFEST_NAME = "articles.csv"
DEMO_DIR = REPO_ROOT / "corpus" / "demo"     # the demo corpus: 51 licensed articles, provenance in corpus/README.md
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md")
# Column names of common exports, mapped to ours. Media Cloud's and GDELT's names are the fetch stage's (one
# list for both: a URL list and an export with text carry the same columns); generic names are added here.
_FETCH_FIELD = {"outlet": "outlet", "publish_date": "date", "title": "title", "language": "language"}
COLUMN_ALIASES = {column: _FETCH_FIELD[name] for name, columns in FIELD_COLUMNS.items() if name in _FETCH_FIELD
                  for column in columns}
COLUMN_ALIASES.update({column: "url" for column in URL_COLUMNS})
COLUMN_ALIASES.update({
    "publisher": "outlet", "site": "outlet", "pub_date": "date", "headline": "title", "byline": "author",
    "authors": "author",
    "body": "text", "content": "text", "full_text": "text", "article_text": "text", "story_text": "text",
    "raw_html": "html", "page": "html",
})
TEXT_COLUMNS = ("text", "html")


class CorpusInputError(Exception):
    """The corpus input as a whole cannot be used; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        super().__init__(f"{display_path(path)}: {problem}")


def demo_path() -> Path:
    """The demo corpus folder (``corpus/demo``: 51 openly licensed articles of four official sources, with
    the manifest ``articles.csv``).

        >>> (demo_path() / "articles.csv").is_file()
        True
    """
    return DEMO_DIR


@dataclass
class CorpusItem:
    """One article of a corpus input, before analysis (``iter_items`` lists them).

        >>> item = next(iter_items(demo_path()))
        >>> item.index, item.meta["outlet"], item.meta["date"]
        (0, 'kremlin.ru', '2021-11-15')
        >>> item.raw()[:40]
        b'Telephone conversation with President of'
    """

    index: int                     # position in the input: tables are sorted by it
    source: str                    # a path relative to the input, or "file.csv row 12"
    meta: dict = field(default_factory=dict)
    path: str | None = None        # a file to read (folder inputs), or
    content: bytes | None = None   # the article's bytes (table rows, WARC records)
    input_format: str = "auto"     # "body" for a text column, "html" for pages, "auto" for files
    problem: str = ""              # set when the item is broken before analysis (a manifest row without its file)

    def raw(self) -> bytes:
        """The article's bytes. A file is read up to the limit for one article: one that has grown past it
        since it was listed comes back as its first bytes plus one, which the loader refuses as too long."""
        if self.content is not None:
            return self.content
        with open(self.path, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)

    def article_id(self) -> str:
        """sha256 of the article's bytes as given: the same text twice is the same article."""
        if self.problem:
            return ""
        try:
            return hashlib.sha256(self.raw()).hexdigest()
        except OSError:
            return ""


def _normalise_row(row: dict) -> dict:
    """Lower-cased column names, common export names mapped to ours, values stripped; unknown columns kept."""
    out = {}
    for key, value in row.items():
        if key is None:
            continue
        name = key.strip().lower()
        name = COLUMN_ALIASES.get(name, name)
        value = "" if value is None else str(value).strip()
        if name not in out or not out[name]:
            out[name] = value
    return out


def _date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) from the usual forms: ISO timestamps, GDELT's YYYYMMDD[hhmmss]."""
    value = (value or "").strip()
    if len(value) >= 8 and value[:8].isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    return value[:10] if len(value) >= 10 and value[4] == "-" else value


def _meta(row: dict) -> dict:
    meta = {k: v for k, v in row.items() if k not in TEXT_COLUMNS and k != "path"}
    if meta.get("date"):
        meta["date"] = _date(meta["date"])
    if not meta.get("outlet") and meta.get("url"):
        meta["outlet"] = urlparse(meta["url"]).netloc.removeprefix("www.")
    return meta


def describe(input_path) -> str:
    """What kind of input this is: "folder", "table" (CSV/JSONL) or "warc"; raises CorpusInputError.

        >>> describe(demo_path())
        'folder'
        >>> describe("missing.csv")
        Traceback (most recent call last):
        ...
        newslens.corpus.inputs.CorpusInputError: missing.csv: no such file or folder
    """
    p = Path(input_path)
    if not p.exists():
        raise CorpusInputError(input_path, "no such file or folder")
    if p.is_dir():
        return "folder"
    name = p.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith((".csv", ".jsonl", ".ndjson", ".csv.gz", ".jsonl.gz")):
        return "table"
    raise CorpusInputError(input_path, "is not a folder, a CSV or JSON Lines file (.csv, .jsonl) or a WARC file "
                                       "(.warc, .warc.gz); for one article use `newslens analyze`")


def iter_items(input_path, limit: int | None = None):
    """The ``CorpusItem`` of every article of a corpus input, in a fixed order (a folder with a manifest: its
    rows; a folder without: sorted paths; table and WARC: file order); ``limit``: the first ones only.

        >>> [(item.meta["outlet"], item.meta["date"]) for item in iter_items(demo_path(), limit=2)]
        [('kremlin.ru', '2021-11-15'), ('kremlin.ru', '2021-11-18')]
    """
    kind = describe(input_path)
    items = {"folder": _folder_items, "table": _table_items, "warc": _warc_items}[kind](Path(input_path))
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item


# --- a folder of files ------------------------------------------------------------------------------------

def _read_manifest(folder: Path) -> list[tuple[int, str, dict]]:
    """(row number, path as listed, metadata) per manifest row with a path; the header is row 1."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return []
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)     # rows counted as a spreadsheet shows them: the header is row 1
            rows = [(n, _normalise_row(r)) for n, r in enumerate(reader, start=2)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CorpusInputError(path, f"cannot be read as a CSV manifest ({exc})") from None
    if rows and "path" not in rows[0][1]:
        raise CorpusInputError(path, "has no 'path' column (the manifest needs one: the article file, relative to it)")
    return [(n, row["path"], _meta(row)) for n, row in rows if row.get("path")]


def _is_loop(exc: BaseException) -> bool:
    # Python 3.11 and 3.12 raise RuntimeError("Symlink loop from ...") from resolve(); later ones OSError(ELOOP).
    return isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP


def _outside(root: Path, path: Path) -> str:
    """Why `path` may not be read as part of the folder `root` (resolved), or "" when it may: it must resolve
    to a place inside the folder, whatever links lead there."""
    try:
        target = path.resolve()
    except (RuntimeError, OSError) as exc:
        if _is_loop(exc):
            return "is a symlink loop (following it never reaches a file)"
        return f"cannot be resolved ({getattr(exc, 'strerror', None) or exc})"
    if not target.is_relative_to(root):
        return "points outside the input folder"
    return ""


def _folder_files(folder: Path, root: Path):
    """(path relative to the folder, problem) of the article files in it, symlinked folders not followed: a
    symlinked folder that leads outside is a problem of its own; one that leads inside adds nothing (its
    files are listed where they are)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        for name in dirnames:
            if (here / name).is_symlink():
                problem = _outside(root, here / name)
                if problem:
                    rel = (here / name).relative_to(folder).as_posix()
                    found.append((rel, f"{rel} is a symlinked folder that {problem}; its files are not read"))
        for name in filenames:
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES or name.startswith("."):
                continue
            path = here / name
            rel = path.relative_to(folder).as_posix()
            problem = _outside(root, path)
            if not problem and not path.is_file():
                if path.is_symlink() and not path.exists():
                    problem = "is a symlink to nothing (its target does not exist)"
                else:
                    continue               # a device, a pipe: not an article file
            found.append((rel, f"{rel} {problem}" if problem else ""))
    return sorted(found)


def _listed_problem(folder: Path, root: Path, listed: str, rel: str) -> str:
    if Path(listed).is_absolute():
        return f"the manifest names {listed}, an absolute path: it points outside the input folder"
    problem = _outside(root, folder / rel)
    if problem:
        return f"the manifest names {listed}, which {problem}"
    if not (folder / rel).is_file():
        return f"the manifest names {rel}, which does not exist"
    return ""


def _oversize(size: int) -> str:
    shown = f"{size / 2**20:.1f}" if size < 100 * 2**20 else f"{size / 2**20:.0f}"
    return f"is {shown} MiB decoded, over the {MAX_INPUT_BYTES // 2**20} MiB limit for one article"


def _folder_items(folder: Path):
    """The article files of a folder and the rows of its manifest, by path. Nothing is read from outside
    the folder (no `..`, no absolute path, no symlink that leads out), and no manifest row is dropped
    without a word: a path listed twice is an error row of its own."""
    root = folder.resolve()
    manifest: dict[str, tuple[int, dict, str]] = {}     # path -> (manifest row, metadata, listed as)
    repeats: dict[str, list] = {}                       # path -> [(manifest row, metadata)] listed again
    for n, listed, meta in _read_manifest(folder):
        rel = posixpath.normpath(Path(listed).as_posix())
        if rel in manifest:
            repeats.setdefault(rel, []).append((n, meta))
        else:
            manifest[rel] = (n, meta, listed)
    files = dict(_folder_files(folder, root))
    index = 0
    for rel in sorted(set(files) | set(manifest)):
        row, meta, listed = manifest.get(rel, (None, {}, rel))
        path = folder / rel
        if rel in files:
            problem = files[rel]
        else:
            problem = _listed_problem(folder, root, listed, rel)
        if not problem:
            try:
                size = path.stat().st_size
            except OSError as exc:
                problem = f"{rel} cannot be read ({exc.strerror or exc})"
            else:
                if size > MAX_INPUT_BYTES:
                    problem = f"{rel} {_oversize(size)}"
        yield CorpusItem(index=index, source=rel, meta=meta, path=None if problem else str(path), problem=problem)
        index += 1
        for again, again_meta in repeats.get(rel, []):
            yield CorpusItem(index=index, source=f"{MANIFEST_NAME} row {again}", meta=again_meta,
                             problem=f"{rel} is listed twice in {MANIFEST_NAME} (rows {row} and {again}); "
                                     f"row {again} is not read")
            index += 1


# --- a CSV or JSON Lines file ---------------------------------------------------------------------------

# One row: the article (MAX_INPUT_BYTES at most) and its other columns. A longer line is never held whole:
# it is read past in pieces and becomes one error row.
ROW_LIMIT = MAX_INPUT_BYTES + 256 * 1024
_PIECE = 1024 * 1024


_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


class _RowTooLong(Exception):
    def __init__(self, size: int):
        self.size = size


class _Lines:
    """The lines of a binary stream (a file, or a gzip stream read as it decompresses) as UTF-8 text, for
    csv or one JSON object a line. Bytes are counted per record (``start_record()`` before each); a record
    that grows past ``limit`` is read past in pieces of at most 1 MiB, to its end, and raises _RowTooLong
    with its size. In a CSV a record ends at a line end outside quotes, which the count of '"' tells."""

    def __init__(self, fh, limit: int, quoted: bool):
        self.fh, self.limit, self.quoted = fh, limit, quoted
        self.offset = 0              # bytes read so far, for error messages
        self.size = self.quotes = 0
        self.first = True
        self._split: list[str] = []

    def start_record(self) -> None:
        self.size = self.quotes = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._split:                  # the rest of a line cut at lone CRs
            return self._split.pop(0)
        line = self.fh.readline(self.limit + 1 - self.size)
        if not line:
            raise StopIteration
        start = self.offset
        self.offset += len(line)
        self.size += len(line)
        if self.quoted:
            self.quotes += line.count(b'"')
        if self.first:
            self.first = False
            if line.startswith(b"\xef\xbb\xbf"):
                line, start = line[3:], start + 3
        if self.size > self.limit or (self.size == self.limit and not line.endswith(b"\n")):
            self._read_past(line)
            size = self.size
            self.start_record()
            raise _RowTooLong(size)
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _NotUtf8(start + exc.start) from None
        if "\r" in text.rstrip("\r\n"):     # old Mac line ends (a lone CR), as a text file read would split them
            first, *self._split = [part for part in _LONE_CR.split(text) if part]
            return first
        return text

    def _ended(self, piece: bytes) -> bool:
        return piece.endswith(b"\n") and not (self.quoted and self.quotes % 2)

    def _read_past(self, piece: bytes) -> None:
        while piece and not self._ended(piece):
            piece = self.fh.readline(_PIECE)
            self.offset += len(piece)
            self.size += len(piece)
            if self.quoted:
                self.quotes += piece.count(b'"')


class _NotUtf8(Exception):
    def __init__(self, offset: int):
        self.offset = offset


def _open_binary(path: Path):
    """The file's bytes, decompressed as they are read when it is gzip: never more than a line at a time."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _table_rows(path: Path):
    """(row number, normalised row): for CSV the header is row 1, for JSON Lines the first line is row 1.
    A row over ROW_LIMIT bytes (decoded) is {"__problem__": ...}, read past without being held."""
    is_csv = ".csv" in path.name.lower()
    try:
        with _open_binary(path) as fh:
            lines = _Lines(fh, ROW_LIMIT, quoted=is_csv)
            yield from (_csv_rows(path, lines) if is_csv else _jsonl_rows(lines))
    except _NotUtf8 as exc:
        raise CorpusInputError(path, f"is not UTF-8 text (bad byte at offset {exc.offset})") from None
    except (OSError, EOFError, zlib.error, csv.Error) as exc:
        raise CorpusInputError(path, f"cannot be read ({exc})") from None


def _too_long(exc: _RowTooLong) -> dict:
    return {"__problem__": f"{_oversize(exc.size)} (the whole row; not read)"}


def _csv_rows(path: Path, lines: _Lines):
    csv.field_size_limit(max(csv.field_size_limit(), ROW_LIMIT))
    reader = csv.DictReader(lines)
    try:
        reader.fieldnames
    except _RowTooLong as exc:
        raise CorpusInputError(path, f"its header line is {exc.size / 2**20:.0f} MiB: not a CSV header") from None
    for n, row, problem in _records(lines, lambda: next(reader), first=1):   # line 1 is the header
        yield n, problem or _normalise_row(row)


def _records(lines: _Lines, read_one, first: int = 0):
    """(number, record, None) for each record ``read_one()`` reads, counted from ``first`` + 1; a record over
    the row limit is (number, None, its problem row)."""
    n = first
    while True:
        lines.start_record()
        try:
            record = read_one()
        except StopIteration:
            return
        except _RowTooLong as exc:
            n += 1
            yield n, None, _too_long(exc)
            continue
        n += 1
        yield n, record, None


def _jsonl_rows(lines: _Lines):
    for n, line, problem in _records(lines, lambda: next(lines)):
        if problem:
            yield n, problem
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, {"__problem__": f"is not valid JSON ({_json_problem(exc)})"}
            continue
        if not isinstance(row, dict):
            yield n, {"__problem__": "is not a JSON object"}
            continue
        yield n, _normalise_row(row)


def _json_problem(exc: json.JSONDecodeError) -> str:
    """json's message with its column: "Invalid control character at column 14" (some of json's messages
    already end in "at", which would read "at at")."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def _table_items(path: Path):
    shown = display_path(path)
    checked = False
    for index, (n, row) in enumerate(_table_rows(path)):
        if not checked and "__problem__" not in row:
            if not any(c in row for c in TEXT_COLUMNS):
                raise CorpusInputError(path, "has no text column (one of: text, body, content, html; a list of "
                                             "URLs alone is fetched first with `newslens fetch`)")
            checked = True
        source = f"{shown} row {n}"
        if "__problem__" in row:
            yield CorpusItem(index=index, source=source, problem=f"row {n} {row['__problem__']}")
            continue
        if row.get("text"):
            content, input_format = row["text"].encode("utf-8"), "body"
        elif row.get("html"):
            content, input_format = row["html"].encode("utf-8"), "html"
        else:
            yield CorpusItem(index=index, source=source, meta=_meta(row), problem="the row has no text")
            continue
        if len(content) > MAX_INPUT_BYTES:
            yield CorpusItem(index=index, source=source, meta=_meta(row),
                             problem=f"the {input_format if input_format == 'html' else 'text'} of row {n} "
                                     f"{_oversize(len(content))}")
            continue
        yield CorpusItem(index=index, source=source, meta=_meta(row), content=content, input_format=input_format)
    if not checked:
        raise CorpusInputError(path, "holds no articles (no rows)")


# --- a WARC file of saved pages ---------------------------------------------------------------------------

def _warc_items(path: Path):
    """HTML responses of a WARC (those `newslens fetch` wrote carry the URL list's row: outlet, date, title)."""
    shown = display_path(path)
    index = 0
    try:
        for record in iter_warc_articles(path, max_bytes=MAX_INPUT_BYTES):
            listed = record.get("metadata") or {}
            meta = _normalise_row({k: v for k, v in listed.items() if isinstance(v, (str, int, float))})
            meta.update({"outlet": record.get("outlet") or meta.get("outlet", ""), "url": record["url"],
                         "date": _date(record.get("publish_date") or meta.get("date") or record.get("fetch_date") or "")})
            if record.get("too_large"):
                yield CorpusItem(index=index, source=f"{shown} {record['url']}", meta=_meta(meta),
                                 problem=f"the page {_oversize(record['too_large'])}")
                index += 1
                continue
            html = record["html"]
            charset = (record.get("charset") or "").lower()
            if isinstance(html, bytes) and charset and charset not in ("utf-8", "utf8"):
                try:                        # the page's own charset, so the loader sees UTF-8
                    html = html.decode(charset, errors="replace").encode("utf-8")
                except LookupError:
                    pass
            yield CorpusItem(index=index, source=f"{shown} {record['url']}", meta=_meta(meta),
                             content=html if isinstance(html, bytes) else html.encode("utf-8"), input_format="html")
            index += 1
    except Exception as exc:        # a broken archive: what was read is analysed, the rest is one error row
        if index == 0:
            raise CorpusInputError(path, f"cannot be read as a WARC file ({type(exc).__name__}: {exc})") from None
        yield CorpusItem(index=index, source=f"{shown} after record {index}",
                         problem=f"the WARC could not be read further ({type(exc).__name__}: {exc})")
