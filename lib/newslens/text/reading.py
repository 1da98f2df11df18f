"""Reading an input file into text, with every problem named: the file is only ever opened for reading."""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArticleInputError

# A long article is ~100 KB of text and a heavy saved page a few MB; far larger input is not one article,
# and refusing it early keeps memory and time bounded.
MAX_INPUT_BYTES = 16 * 1024 * 1024


@dataclass
class InputText:
    text: str                # decoded, with line ends normalised to "\n"
    encoding: str
    line_endings: str        # as found in the file: "LF", "CRLF", "CR" or "none"
    sha256: str
    warnings: list[str] = field(default_factory=list)


def _line_endings(raw: bytes) -> str:
    crlf = raw.count(b"\r\n")
    cr = raw.count(b"\r") - crlf
    lf = raw.count(b"\n") - crlf
    if crlf and not (cr or lf):
        return "CRLF"
    if cr and not (crlf or lf):
        return "CR"
    if lf and not (crlf or cr):
        return "LF"
    return "mixed" if (crlf or cr or lf) else "none"


def _decode(raw: bytes, path) -> tuple[str, str, list[str]]:
    """UTF-16 with a byte-order mark, UTF-8 (with or without BOM), then cp1252 with a warning; anything else is
    refused."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[2:].decode(codec), codec, [f"the file is {codec.upper()} (it starts with a byte-order mark)"]
            except UnicodeDecodeError as exc:
                raise ArticleInputError(path, f"starts with a {codec.upper()} byte-order mark but byte {exc.start} "
                                              "does not decode") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8-sig", ["the file starts with a UTF-8 byte-order mark; it was skipped"]
        except UnicodeDecodeError as exc:
            raise ArticleInputError(path, f"starts with a UTF-8 byte-order mark but byte {exc.start} is not valid UTF-8") from None
    if b"\x00" in raw[:8192]:
        raise ArticleInputError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleInputError(
            path, f"not valid UTF-8 (bad byte at offset {utf8_error.start}) and not cp1252 either; save it as UTF-8"
        ) from None
    return text, "cp1252", [f"not valid UTF-8 (bad byte at offset {utf8_error.start}); decoded as cp1252 (Windows-1252)"]


def read_input(path: str | Path) -> InputText:
    """Read a file as text. Raises ArticleInputError naming the file and the problem."""
    p = Path(path)
    try:
        p.resolve(strict=True)
    except RuntimeError:                    # Python 3.11 and 3.12 say a symlink loop so
        raise ArticleInputError(path, "is a symlink loop (following it never reaches a file)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleInputError(path, "is a symlink loop (following it never reaches a file)") from None
    if not p.exists():
        raise ArticleInputError(path, "no such file")
    if p.is_dir():
        raise ArticleInputError(path, "is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise ArticleInputError(path, f"is {size / 1e6:.0f} MB; newslens reads files up to {MAX_INPUT_BYTES // 2**20} MiB")
        raw = p.read_bytes()
    except PermissionError:
        raise ArticleInputError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise ArticleInputError(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode_input(raw, path)


def decode_input(raw: bytes | str, name) -> InputText:
    """Bytes (or text) of one article as InputText; ``name`` (a path, or "file.csv row 12") is what errors name."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_INPUT_BYTES:
        raise ArticleInputError(name, f"is {len(raw) / 1e6:.0f} MB; newslens reads articles up to "
                                      f"{MAX_INPUT_BYTES // 2**20} MiB")
    if not raw:
        raise ArticleInputError(name, "is empty")
    text, encoding, warnings = _decode(raw, name)
    if not text.strip():
        raise ArticleInputError(name, "contains only whitespace")
    endings = _line_endings(text.encode("utf-8") if encoding.startswith("utf-16") else raw)
    if endings in ("CRLF", "CR", "mixed"):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if endings != "CRLF":
            warnings.append(f"line endings are {endings}; normalised to LF")
    return InputText(text=text, encoding=encoding, line_endings=endings,
                     sha256=hashlib.sha256(raw).hexdigest(), warnings=warnings)
