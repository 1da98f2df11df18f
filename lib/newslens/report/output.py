"""Writing tables, JSON and figures: deterministic bytes, atomic replacement."""

from __future__ import annotations

import json
import os
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


def write_csv(frame, path: str | Path) -> Path:
    """A DataFrame as UTF-8 CSV with LF line ends and floats at 4 decimals."""
    path = Path(path)
    text = frame.to_csv(index=False, lineterminator="\n", float_format=CSV_FLOAT_FORMAT)
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
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    csv = write_csv(data, out_dir / f"{name}.csv")
    return png, csv


OUTPUT_MARKER = ".newslens-output"


class OutputDirError(Exception):
    """An output folder newslens will not write into."""


def prepare_output_dir(out_dir: str | Path, force: bool = False) -> Path:
    """Create the output folder, or reuse one that newslens wrote before.

    A non-empty folder without the newslens marker is refused unless ``force``: it may hold someone's work.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).exists() and not force:
        raise OutputDirError(
            f"{out}: folder is not empty and was not written by newslens; choose another --out or add --force"
        )
    out.mkdir(parents=True, exist_ok=True)
    (out / OUTPUT_MARKER).write_text("This folder was written by newslens; it may be overwritten by the next run.\n")
    return out
