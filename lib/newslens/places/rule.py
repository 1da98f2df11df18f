"""A named rule and its sourced word lists: the shape shared by the person rules and the place-role rules.

A rule is a name, the role it gives a mention, one line on what it looks for and a small test; a module
tries its rules in order and the first that holds decides, so the table a reader sees (``rules_frame``) and
the order the code follows are the same list. Word lists live in CSV files under ``data/``, one row per list
with its meaning and source, like the other lexicons.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Rule:
    """``applies`` is None for a rule decided outside the ordered tests (a later pass over all mentions). A
    ``fallback`` rule is a default that a coordinated neighbour's rule may replace."""
    name: str
    role: str
    looks_for: str
    applies: Callable | None = None
    fallback: bool = False


def load_word_lists(path: Path) -> dict[str, frozenset[str]]:
    """Every word list of a ``list,meaning,source,words`` CSV (words joined by "|"), each row checked for a
    meaning and a source."""
    lists = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row["meaning"].strip() or not row["source"].strip():
                raise ValueError(f"{path.name}: list {row['list']!r} needs a meaning and a source")
            lists[row["list"]] = frozenset(row["words"].split("|"))
    return lists
