"""Framing terms in Russian and Ukrainian text, as the rows of term_mentions.csv.

Entry point: ``term_mentions(sentences, lang)``. The lexicon is ``data/framing_lexicon_cyrillic.csv`` (version
in ``framing_lexicon_cyrillic.md``): Russian and Ukrainian terms in the English lexicon's categories, each with
its English gloss, the competing term where there is one, and a source. Match modes:

- ``lemma``: one word; a text word matches when one of its readings (``text.cyrillic_forms.normal_forms``:
  the word and the normal form of every pymorphy3 parse) is the term or a variant, written as lemmas
  ("вторжение" matches "вторжения", "вторжении");
- ``phrase``: several words, each matched by its spelling or its likeliest lemma ("специальная военная
  операция" matches "специальной военной операции");
- ``exact``: the spelling of every word, lower-cased (every inflection listed: "так называемая|так
  называемые..."; a lemma match would also catch "так называют", "so they call it").

A form written in capitals ("ДНР", "СВО", "АТО") matches capitals only. Inside a category overlapping hits
are resolved longest first, then by lexicon order, as for English; a hit inside one of the entry's
``exclude`` phrases ("режим тишины", a ceasefire, for "режим") is not a hit.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..paths import DATA_DIR
from ..schema import TERM_MENTIONS, conform
from ..text.cyrillic import CYRILLIC_LANGUAGES, Token, tokens
from ..text.cyrillic_forms import fold, key_forms, normal_forms
from ..text.layout import layout
from .lexicon import _CITATION, CATEGORIES, CUE_KINDS, LexiconError, MATCH_MODES
from .terms import kwic_context

LEXICON_PATH = DATA_DIR / "framing_lexicon_cyrillic.csv"
LEXICON_NOTES_PATH = DATA_DIR / "framing_lexicon_cyrillic.md"
COLUMNS = ("term", "lang", "variants", "match", "category", "cue", "alternative", "gloss", "exclude", "source", "note")
QUOTE_TOKENS = frozenset('"\'«»„“”‘’‹›')


@dataclass(frozen=True)
class CyrillicEntry:
    row: int
    term: str
    lang: str
    variants: tuple[str, ...]
    match: str
    category: str
    cue: str
    alternative: str
    gloss: str
    exclude: tuple[str, ...]
    source: str
    note: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def read_version(notes_path: Path = LEXICON_NOTES_PATH) -> str:
    """The lexicon version, from the line "version: X.Y.Z" of its notes."""
    for line in notes_path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*version\s*:\s*([0-9]+\.[0-9]+\.[0-9]+)", line)
        if m:
            return m.group(1)
    raise LexiconError(f"{notes_path.name}: no 'version: X.Y.Z' line")


def parse_lexicon(path: Path = LEXICON_PATH) -> tuple[CyrillicEntry, ...]:
    """The entries of a Cyrillic lexicon CSV, checked; LexiconError names the file, line and problem."""
    entries, seen = [], set()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise LexiconError(f"{path.name}: columns must be {COLUMNS}, found {reader.fieldnames}")
        for row_no, row in enumerate(reader, start=2):
            if None in row or None in row.values():     # csv fills a short row with None, keys a long one by None
                raise LexiconError(f"{path.name} line {row_no}: {len(COLUMNS)} fields expected "
                                   f"({', '.join(COLUMNS)})")
            e = CyrillicEntry(row_no, row["term"].strip(), row["lang"].strip(), _split(row["variants"]),
                              row["match"].strip(), row["category"].strip(), row["cue"].strip(),
                              row["alternative"].strip(), row["gloss"].strip(), _split(row["exclude"]),
                              row["source"].strip(), row["note"].strip())
            where = f"{path.name} line {row_no} ({e.term!r})"
            if not e.term or not e.gloss:
                raise LexiconError(f"{where}: a term and its English gloss are required")
            if e.lang not in CYRILLIC_LANGUAGES:
                raise LexiconError(f"{where}: lang must be one of {CYRILLIC_LANGUAGES}, not {e.lang!r}")
            if e.match not in MATCH_MODES:
                raise LexiconError(f"{where}: match must be one of {MATCH_MODES}, not {e.match!r}")
            if e.category not in CATEGORIES:
                raise LexiconError(f"{where}: unknown category {e.category!r}")
            if e.cue not in CUE_KINDS:
                raise LexiconError(f"{where}: cue must be one of {CUE_KINDS}, not {e.cue!r}")
            if not (e.source.startswith(("project, reason: ", "project, after ")) or _CITATION.search(e.source)):
                raise LexiconError(f"{where}: source must cite a work (author year) or start 'project, reason: '")
            if e.match == "lemma" and any(len(f.split()) != 1 for f in e.forms):
                raise LexiconError(f"{where}: a lemma entry's forms are one word each; use phrase")
            key = (e.term.lower(), e.lang, e.category)
            if key in seen:
                raise LexiconError(f"{where}: duplicate term in {e.lang} {e.category}")
            seen.add(key)
            entries.append(e)
    return tuple(entries)


@dataclass(frozen=True)
class Lexicon:
    version: str
    entries: tuple[CyrillicEntry, ...]

    def of(self, lang: str) -> tuple[CyrillicEntry, ...]:
        return tuple(e for e in self.entries if e.lang == lang)

    def to_frame(self):

        return pd.DataFrame([{"term": e.term, "lang": e.lang, "variants": "|".join(e.variants), "match": e.match,
                              "category": e.category, "cue": e.cue, "alternative": e.alternative,
                              "gloss": e.gloss, "source": e.source} for e in self.entries])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged Russian and Ukrainian framing lexicon, checked."""
    return Lexicon(read_version(), parse_lexicon())


# --- matching ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Pattern:
    keys: tuple[frozenset[str], ...]      # per word: what a text word's readings (or spelling) must hold
    capitals: tuple[bool, ...]            # per word: written in capitals, so matched in capitals only
    exact: bool


@lru_cache(maxsize=4096)
def _pattern(form: str, mode: str, lang: str) -> _Pattern:
    parts = form.split()
    if mode == "exact":
        keys = tuple(frozenset({fold(w)}) for w in parts)
    elif mode == "lemma":
        keys = (frozenset({fold(form)}),)  # written as a lemma: its other readings are no keys ("конечно" is not "конечный")
    else:
        keys = tuple(key_forms(w, lang) for w in parts)
    return _Pattern(keys, tuple(len(w) > 1 and w.isupper() for w in parts), mode == "exact")


def _word_matches(tok: Token, keys: frozenset[str], capitals: bool, exact: bool, lang: str) -> bool:
    if capitals and not tok.text.isupper():
        return False
    return fold(tok.text) in keys if exact else bool(normal_forms(tok.text, lang) & keys)


def _runs(words: list[Token], form: str, mode: str, lang: str) -> list[tuple[int, int]]:
    pat = _pattern(form, mode, lang)
    n = len(pat.keys)
    return [(i, i + n) for i in range(len(words) - n + 1)
            if all(_word_matches(words[i + k], pat.keys[k], pat.capitals[k], pat.exact, lang) for k in range(n))]


@lru_cache(maxsize=8)
def _first_keys(lexicon: Lexicon, lang: str) -> dict[str, tuple[int, ...]]:
    """First-word key -> positions of the entries with a form starting so: a sentence is checked only against
    the entries its words can start (linear in the text, not in the lexicon)."""
    index: dict[str, set[int]] = {}
    for position, e in enumerate(lexicon.entries):
        if e.lang != lang:
            continue
        for form in e.forms:
            for key in _pattern(form, e.match, lang).keys[0]:
                index.setdefault(key, set()).add(position)
    return {k: tuple(sorted(v)) for k, v in index.items()}


@dataclass(frozen=True)
class Hit:
    entry: CyrillicEntry
    start: int              # offsets in the text
    end: int
    sentence: int           # index into the sentences
    word_position: int      # 1-based, among the text's words


def find_hits(sentences: list[str], lang: str, starts: list[int], lexicon: Lexicon | None = None) -> list[Hit]:
    """Every lexicon hit, in reading order (then category order)."""
    lexicon = lexicon or load_lexicon()
    index = _first_keys(lexicon, lang)
    rank = {c: n for n, c in enumerate(CATEGORIES)}
    hits: list[Hit] = []
    words_before = 0
    for s_index, (sentence, offset) in enumerate(zip(sentences, starts)):
        # Quote marks are left out so a phrase matches across them, as in the English matcher.
        words = [t for t in tokens(sentence, lang) if t.text not in QUOTE_TOKENS]
        positions: list[int] = []
        count = words_before
        for t in words:
            count += t.is_word
            positions.append(max(count, 1))
        words_before = count
        candidates: set[int] = set()
        for t in words:
            if t.is_word:
                for key in normal_forms(t.text, lang):
                    candidates.update(index.get(key, ()))
        found: dict[str, list[tuple[int, int, int, int]]] = {}
        for position in candidates:
            e = lexicon.entries[position]
            runs = {r for form in e.forms for r in _runs(words, form, e.match, lang)}
            if e.exclude and runs:
                blocked = [r for phrase in e.exclude for r in _runs(words, phrase, "phrase", lang)]
                runs = {(i, j) for i, j in runs if not any(a <= i and j <= b for a, b in blocked)}
            for i, j in runs:
                found.setdefault(e.category, []).append((j - i, position, i, j))
        for category, cands in found.items():
            taken: set[int] = set()
            for _, position, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
                if taken.intersection(range(i, j)):
                    continue
                taken.update(range(i, j))
                hits.append(Hit(lexicon.entries[position], offset + words[i].start, offset + words[j - 1].end,
                                s_index, positions[i]))
    hits.sort(key=lambda h: (h.start, rank[h.entry.category], h.entry.term))
    return hits


def _holding_span(quotes, quote_starts, reach, start, end):
    """The innermost quoted span holding [start, end): the nearest span starting before it, then outwards,
    stopping where no earlier span reaches that far (linear over a text: spans rarely nest)."""
    k = bisect_right(quote_starts, start) - 1
    while k >= 0 and reach[k] >= end:
        if quotes[k].end >= end:
            return quotes[k]
        k -= 1
    return None


def term_mentions(sentences: list[str], lang: str, *, starts=None, sentence_ids=None, paragraph_ids=None,
                  quotes=()):
    """term_mentions.csv for Russian (``lang="ru"``) or Ukrainian (``"uk"``) sentences of one text.

    ``sentences``: the text's sentences in order. ``starts``: each sentence's offset in the text (default: the
    sentences joined by one space). ``sentence_ids``, ``paragraph_ids``: their ids (default 1 up, and 1).
    ``quotes``: the text's quoted spans, objects with ``quote_id``, ``start``, ``end``, ``kind`` and
    ``is_title`` (as ``framing.quotes.Quote``), offsets in the same text; a hit inside a quoted title is
    listed with ``counted`` False, as for English (where spans nest, the innermost holding the hit is given).

    Columns as schema.TERM_MENTIONS declares them: ``term`` is the Cyrillic headword (its English gloss is in
    the lexicon, ``load_lexicon().to_frame()``); ``word_position`` counts the words of all sentences;
    ``left``/``right`` are cut from the rebuilt text (paragraph breaks are not known here, so no ¶).
    """


    if lang not in CYRILLIC_LANGUAGES:
        raise ValueError(f"term_mentions reads Russian or Ukrainian; got language {lang!r} "
                         f"(choose from {', '.join(CYRILLIC_LANGUAGES)})")
    text, starts, sentence_ids, paragraph_ids = layout(sentences, starts, sentence_ids, paragraph_ids)
    rows = []
    quotes = sorted(quotes, key=lambda q: q.start)
    quote_starts = [q.start for q in quotes]
    reach, furthest = [], -1                # reach[k]: the furthest end of quotes[0..k]
    for q in quotes:
        furthest = max(furthest, q.end)
        reach.append(furthest)
    for n, h in enumerate(find_hits(sentences, lang, starts), start=1):
        quote = _holding_span(quotes, quote_starts, reach, h.start, h.end)
        in_title = bool(quote is not None and getattr(quote, "is_title", False))
        left, right = kwic_context(text, h.start, h.end)
        rows.append({
            "mention_id": n, "term": h.entry.term, "category": h.entry.category, "surface": text[h.start:h.end],
            "sentence_id": sentence_ids[h.sentence], "paragraph_id": paragraph_ids[h.sentence],
            "start": h.start, "end": h.end, "word_position": h.word_position,
            "quote_id": quote.quote_id if quote is not None else pd.NA, "quote_kind": quote.kind if quote else "",
            "counted": not in_title, "not_counted_reason": "inside a quoted title" if in_title else "",
            "cue": h.entry.cue, "left": left, "right": right,
        })
    columns = TERM_MENTIONS.column_names()
    if not rows:
        return conform(pd.DataFrame(columns=columns), TERM_MENTIONS)
    frame = pd.DataFrame({c: pd.array([r[c] for r in rows], dtype="Int64") if c == "quote_id"
                          else [r[c] for r in rows] for c in columns}, columns=columns)
    return conform(frame, TERM_MENTIONS)
