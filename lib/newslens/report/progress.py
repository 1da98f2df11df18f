"""The progress bar of the long commands (`newslens corpus`, the comparison after it, `newslens compare`):
tqdm on a terminal, nothing when quiet or when stderr is not a terminal (a log, a notebook, a test)."""

from __future__ import annotations

import sys


def progress_bar(quiet: bool, total, unit: str, desc: str):
    """A tqdm bar (rate, ETA) on stderr, or None. ``total``: a number, or a function giving it (called only
    when a bar is shown: counting may cost a pass over the input)."""
    if quiet or not sys.stderr.isatty():
        return None
    # Imported when a bar is shown: the command line starts without it.
    from tqdm import tqdm

    return tqdm(total=total() if callable(total) else total, unit=unit, desc=desc, file=sys.stderr, smoothing=0.1)
