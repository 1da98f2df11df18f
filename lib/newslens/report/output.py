"""Writing tables, JSON and figures: deterministic bytes, atomic replacement, CSV text a spreadsheet would run
as a formula guarded; the output folder, its marker and the record of what each run wrote there."""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from pathlib import Path

CSV_FLOAT_FORMAT = "%.4f"


def _default_file_mode() -> int:
    """rw for everyone the umask allows (mkstemp would leave files readable by the owner only)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _default_file_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _note_written(path)


# A spreadsheet takes a cell that starts with one of these for a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _needs_guard(text: str) -> bool:
    """A text cell a spreadsheet could run: it starts (after any quotes already there) with a formula
    character, and is not a plain number such as "-0.25" (a spreadsheet reads that as the number)."""
    bare = text.lstrip("'")
    return bare.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(bare)


def guard_csv_text(value):
    """``value`` with a ``'`` before it when it is text a spreadsheet would take for a formula."""
    return "'" + value if isinstance(value, str) and _needs_guard(value) else value


def unguard_csv_text(value):
    """The inverse of ``guard_csv_text``: exact, because a text already starting with ``'`` and a formula
    character is guarded with one more ``'``."""
    if isinstance(value, str) and value.startswith("'") and _needs_guard(value[1:]):
        return value[1:]
    return value


def _text_columns(frame) -> list:
    import pandas as pd

    return [c for c in frame.columns
            if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])
            or isinstance(frame[c].dtype, pd.CategoricalDtype)]


def _with_columns(frame, changed: dict):
    if not changed:
        return frame
    frame = frame.copy()
    for column, values in changed.items():
        frame[column] = values
    return frame


def guard_csv(frame):
    """``frame`` with every text cell a spreadsheet would run as a formula prefixed with ``'`` (numeric
    columns, and numbers in text columns, untouched); the frame itself when there is nothing to guard."""
    changed = {}
    for column in _text_columns(frame):
        values = frame[column].astype(object)
        if values.map(lambda v: isinstance(v, str) and _needs_guard(v)).any():
            changed[column] = values.map(guard_csv_text)
    return _with_columns(frame, changed)


def unguard_csv(frame):
    """A table newslens wrote as CSV, read back: the guarding ``'`` taken off every text cell."""
    changed = {}
    for column in _text_columns(frame):
        values = frame[column].astype(object)
        if values.map(lambda v: isinstance(v, str) and v.startswith("'")).any():
            changed[column] = values.map(unguard_csv_text)
    return _with_columns(frame, changed)


def write_csv(frame, path: str | Path) -> Path:
    """A DataFrame as UTF-8 CSV with LF line ends and floats at 4 decimals; a text cell that a spreadsheet
    would run as a formula (starting with =, +, -, @, tab or carriage return) gets a ``'`` before it."""
    path = Path(path)
    text = guard_csv(frame).to_csv(index=False, lineterminator="\n", float_format=CSV_FLOAT_FORMAT)
    _atomic_write_bytes(path, text.encode("utf-8"))
    return path


def write_json(obj, path: str | Path) -> Path:
    path = Path(path)
    text = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    _atomic_write_bytes(path, text.encode("utf-8"))
    return path


def save_figure(fig, data, out_dir: str | Path, name: str) -> tuple[Path, Path]:
    """Save a figure as ``name.png`` with the DataFrame it plots as ``name.csv`` beside it.

    PNG metadata is fixed (no software version, no timestamp) so two runs give identical files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / f"{name}.png"
    fd, tmp = tempfile.mkstemp(prefix=f".{png.name}.", suffix=".tmp.png", dir=out_dir)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=150, bbox_inches="tight", metadata={"Software": None})
        os.chmod(tmp, _default_file_mode())
        os.replace(tmp, png)
        _note_written(png)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    csv = write_csv(data, out_dir / f"{name}.csv")
    return png, csv


OUTPUT_MARKER = ".newslens-output"
MARKER_NOTE = "This folder was written by newslens; it may be overwritten by the next run."


class OutputDirError(Exception):
    """An output folder newslens will not write into."""


def _cannot_write(out: Path, exc: OSError) -> OutputDirError | None:
    """The one-line error for a folder the system will not let newslens write in (None for other errors)."""
    if exc.errno == errno.EROFS:
        return OutputDirError(f"{out}: cannot write here (read-only file system)")
    if isinstance(exc, PermissionError):
        return OutputDirError(f"{out}: cannot write here (permission denied)")
    return None


def check_writable(folder: str | Path) -> None:
    """Raise OutputDirError unless a file can be created in ``folder`` (an existing folder). A real test,
    not a look at the mode bits: it is what decides, for any user (root too) and any file system."""
    folder = Path(folder)
    try:
        fd, probe = tempfile.mkstemp(prefix=".newslens-probe.", dir=folder)
    except OSError as exc:
        raise (_cannot_write(folder, exc) or exc) from None
    os.close(fd)
    os.unlink(probe)


def prepare_output_dir(out_dir: str | Path, force: bool = False) -> Path:
    """Create the output folder, or reuse one that newslens wrote before.

    A non-empty folder without the newslens marker is refused unless ``force``: it may hold someone's work.
    A folder newslens may not write in is refused with one line (OutputDirError), not a traceback.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).exists() and not force:
        raise OutputDirError(
            f"{out}: folder is not empty and was not written by newslens; choose another --out or add --force"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (_cannot_write(out, exc) or exc) from None
    check_writable(out)
    _write_record(out, _read_record(out))       # keeps what earlier runs recorded
    return out


# --- what each run wrote -------------------------------------------------------------------------------
# The marker is a JSON record: for each kind of run ("analyze", "corpus", "compare", "notebooks") the files,
# relative to the folder, that its last run wrote. At the end of a run ``record_outputs`` removes the files
# the previous run of that kind wrote and this one did not: the folder holds one run's results, never a
# mix, and never loses a file newslens did not write.

def _read_record(out: Path) -> dict:
    try:
        record = json.loads((out / OUTPUT_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):           # no marker, or the plain-text marker of an older newslens
        return {}
    files = record.get("files") if isinstance(record, dict) else None
    if not isinstance(files, dict):
        return {}
    return {kind: [p for p in paths if isinstance(p, str)] for kind, paths in files.items()
            if isinstance(paths, list)}


def _write_record(out: Path, files: dict) -> None:
    record = {"written_by": "newslens", "note": MARKER_NOTE,
              "files": {kind: sorted(set(paths)) for kind, paths in sorted(files.items())}}
    _atomic_write_bytes(out / OUTPUT_MARKER, (json.dumps(record, indent=1) + "\n").encode("utf-8"))


def _relative(out: Path, path) -> str | None:
    """A written ``path`` (as the writer named it) relative to ``out`` in POSIX form, or None when it is
    not a file in ``out`` newslens may list (the marker, the corpus cache and anything outside are not)."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(out))
    except ValueError:
        return None
    if not rel.parts or rel.parts[0] in (OUTPUT_MARKER, ".newslens-cache"):
        return None
    return rel.as_posix()


def record_outputs(out_dir: str | Path, kind: str, written) -> list[Path]:
    """Record ``written`` (paths) as what this ``kind`` of run wrote in ``out_dir``, and remove the files
    the previous run of that kind recorded and this one did not write. Returns the removed files.

    Only in a folder carrying the newslens marker (``prepare_output_dir``); anywhere else nothing is
    recorded or removed. Only files newslens listed are ever removed; a folder left empty goes too.
    """
    out = Path(out_dir)
    if not (out / OUTPUT_MARKER).is_file():
        return []
    files = _read_record(out)
    current = {rel for rel in (_relative(out, p) for p in written) if rel}
    removed = []
    for rel in sorted(set(files.get(kind, [])) - current):
        if _relative(out, out / rel) != rel:     # only plain relative paths inside the folder
            continue
        path = out / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
            parent = path.parent
            while parent != out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    files[kind] = sorted(current)
    _write_record(out, files)
    return removed


# Runs in other processes (the notebook kernels) name what they write in the file this variable gives.
WRITTEN_LOG_ENV = "NEWSLENS_WRITTEN_LOG"


def _note_written(path: Path) -> None:
    log = os.environ.get(WRITTEN_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(os.path.abspath(path) + "\n")
