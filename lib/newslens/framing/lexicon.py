"""Load and validate the framing lexicon (data/framing_lexicon.csv, version in data/framing_lexicon.md)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import DATA_DIR

LEXICON_PATH = DATA_DIR / "framing_lexicon.csv"
LEXICON_NOTES_PATH = DATA_DIR / "framing_lexicon.md"

COLUMNS = ("term", "variants", "match", "category", "cue", "alternative", "exclude", "source", "note")
MATCH_MODES = ("exact", "lemma", "phrase")
CUE_KINDS = ("", "loaded", "name_calling")

# Display order of categories, and a one-line gloss for each (shown in the notebook).
CATEGORIES = {
    "conflict_label": "what the fighting is called and who is labelled how",
    "naming_choice": "which spelling of a contested place name the writer picked",
    "geopolitical_balance": "balance-of-power and world-order vocabulary",
    "escalation_threat": "escalation and threat vocabulary",
    "legitimacy_label": "labels that grant or withhold legitimacy",
    "military_diplomacy": "arms transfers and military means as foreign policy",
    "hedge": "words that soften a claim (Hyland 2005 hedges)",
    "certainty_marker": "words that harden a claim (Hyland 2005 boosters)",
    "frame_conflict": "Semetko & Valkenburg 2000 conflict frame cues",
    "frame_responsibility": "Semetko & Valkenburg 2000 responsibility frame cues",
    "frame_economic": "Semetko & Valkenburg 2000 economic consequences frame cues",
    "frame_morality": "Semetko & Valkenburg 2000 morality frame cues",
    "frame_human_interest": "Semetko & Valkenburg 2000 human interest frame cues",
}

# A source is either a citation (author and year) or the project's own reason.
_CITATION = re.compile(r"[A-Z][A-Za-z&. ]+ (19|20)\d\d")


class LexiconError(ValueError):
    """The lexicon file breaks one of its rules; the message names the row."""


@dataclass(frozen=True)
class LexiconEntry:
    row: int                    # line number in the CSV (header is line 1)
    term: str
    variants: tuple[str, ...]
    match: str
    category: str
    cue: str
    alternative: str
    exclude: tuple[str, ...]    # phrases inside which a hit does not count ("be that as it may")
    source: str
    note: str

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants."""
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Lexicon:
    version: str
    entries: tuple[LexiconEntry, ...]

    def by_category(self, category: str) -> list[LexiconEntry]:
        return [e for e in self.entries if e.category == category]

    def to_frame(self):
        """The lexicon as a table, one row per entry in file order: term, variants (joined with "|"), match,
        category, cue, alternative and source (the columns of framing_lexicon.csv a reader needs)."""
        import pandas as pd

        return pd.DataFrame([{
            "term": e.term, "variants": "|".join(e.variants), "match": e.match, "category": e.category,
            "cue": e.cue, "alternative": e.alternative, "source": e.source,
        } for e in self.entries])


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def read_version(notes_path: Path = LEXICON_NOTES_PATH) -> str:
    """The lexicon version, from the line "version: X.Y.Z" in framing_lexicon.md."""
    for line in notes_path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*[-*]?\s*`?version`?\s*:\s*`?([0-9]+\.[0-9]+\.[0-9]+)`?", line, flags=re.I)
        if m:
            return m.group(1)
    raise LexiconError(f"{notes_path.name}: no 'version: X.Y.Z' line")


def _validate(entry: LexiconEntry) -> None:
    where = f"framing_lexicon.csv line {entry.row} ({entry.term!r})"
    if not entry.term:
        raise LexiconError(f"{where}: empty term")
    if entry.match not in MATCH_MODES:
        raise LexiconError(f"{where}: match must be one of {MATCH_MODES}, not {entry.match!r}")
    if entry.category not in CATEGORIES:
        raise LexiconError(f"{where}: unknown category {entry.category!r}")
    if entry.cue not in CUE_KINDS:
        raise LexiconError(f"{where}: cue must be one of {CUE_KINDS}, not {entry.cue!r}")
    if not (entry.source.startswith("project, reason: ") or entry.source.startswith("project, after ")
            or _CITATION.search(entry.source)):
        raise LexiconError(f"{where}: source must cite a work (author year) or start 'project, reason: '")
    for form in entry.forms:
        n_words = len(form.split())
        if entry.match == "phrase" and n_words < 2:
            raise LexiconError(f"{where}: phrase form {form!r} has one word; use exact or lemma")
        if entry.match != "phrase" and n_words != 1:
            raise LexiconError(f"{where}: {entry.match} form {form!r} must be one word; use phrase")


def parse_lexicon(csv_path: Path, version: str) -> Lexicon:
    """Read and validate a lexicon CSV; raises LexiconError naming the first bad row."""
    entries = []
    seen = set()
    with open(csv_path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise LexiconError(f"{csv_path.name}: columns must be {COLUMNS}, found {reader.fieldnames}")
        for row_no, row in enumerate(reader, start=2):
            entry = LexiconEntry(
                row=row_no, term=row["term"].strip(), variants=_split(row["variants"]),
                match=row["match"].strip(), category=row["category"].strip(), cue=row["cue"].strip(),
                alternative=row["alternative"].strip(), exclude=_split(row["exclude"]),
                source=row["source"].strip(), note=row["note"].strip(),
            )
            _validate(entry)
            key = (entry.term.lower(), entry.category)
            if key in seen:
                raise LexiconError(f"{csv_path.name} line {row_no}: duplicate term {entry.term!r} in {entry.category}")
            seen.add(key)
            entries.append(entry)
    return Lexicon(version=version, entries=tuple(entries))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged framing lexicon, validated."""
    return parse_lexicon(LEXICON_PATH, read_version())
