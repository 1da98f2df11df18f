"""Propaganda cues: places a reader should look at, each linked to its evidence. No verdicts.

The labels follow technique names used in propaganda-span annotation (Da San Martino et al. 2019,
"Fine-grained analysis of propaganda in news articles", and SemEval-2020 Task 11): repetition, loaded
language, name calling. Here they are *cues* found by simple, stated rules, not judgements that a text is
propaganda: repetition is common in ordinary editing, loaded words are common in opinion writing.

- repetition: the standfirst repeated in the body; duplicated sentences and paragraphs; word n-grams of at
  least ``MIN_NGRAM`` words that occur more than once (maximal ones only); scare quotes used more than once.
- loaded language: lexicon entries marked ``cue = loaded``, and words whose VADER valence is at least
  ``VADER_MIN_VALENCE`` in size (Hutto & Gilbert 2014 lexicon, mean human rating on -4..+4).
- name calling: lexicon entries marked ``cue = name_calling`` (labels for people and governments), with
  how many of the hits sit in scare quotes (the writer holding the label at a distance).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import lru_cache

MIN_NGRAM = 5
VADER_MIN_VALENCE = 2.0
COLUMNS = ["cue_id", "cue", "evidence_type", "evidence", "occurrences", "paragraph_ids", "sentence_ids",
           "starts", "detail", "first_sentence"]


def _squash(text: str) -> str:
    from ..text.article import normalise_quotes

    return re.sub(r"\s+", " ", normalise_quotes(text)).strip().lower()


@lru_cache(maxsize=1)
def vader_valences() -> dict[str, float]:
    """word -> mean valence from the lexicon file shipped inside the vaderSentiment package."""
    import vaderSentiment

    path = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0]] = float(parts[1])
    return out


def _row(article, cue, evidence_type, evidence, spans, detail):
    """One cue row from a list of (start, end) spans in the body."""
    spans = sorted(spans)
    sentences = sorted({article.sentence_at(s).id for s, _ in spans})
    by_id = {s.id: s for s in article.sentences}
    return {
        "cue": cue, "evidence_type": evidence_type, "evidence": evidence, "occurrences": len(spans),
        "paragraph_ids": ";".join(str(p) for p in sorted({by_id[s].paragraph_id for s in sentences})),
        "sentence_ids": ";".join(map(str, sentences)), "starts": ";".join(str(s) for s, _ in spans),
        "detail": detail, "first_sentence": by_id[sentences[0]].text if sentences else "",
    }


@lru_cache(maxsize=65536)
def _repetition_word(text: str) -> str | None:
    """A token as repetition compares it (``_squash``), or None for punctuation and quote marks.

    Cached per token text: the same words recur in every article.
    """
    from .quotes import QUOTE_CHARS

    if not any(ch.isalnum() for ch in text) or all(ch in QUOTE_CHARS for ch in text):
        return None
    return _squash(text)


def _repeated_starts(words: list[str], n: int, candidates) -> list[int]:
    """The starts (ascending) among ``candidates`` whose n-gram occurs at least twice among them."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for i in candidates:
        counts[tuple(words[i:i + n])] += 1
    return [i for i in candidates if counts[tuple(words[i:i + n])] > 1]


def repeated_ngrams(article, min_n: int = MIN_NGRAM) -> list[tuple[str, list[tuple[int, int]]]]:
    """Maximal word n-grams (n >= min_n) that occur at least twice, with their body spans."""
    toks = [t for t in article.tokens if _repetition_word(t.text) is not None]
    words = [_repetition_word(t.text) for t in toks]
    found: list[tuple[str, list[tuple[int, int]]]] = []
    kept_ranges: list[tuple[int, int]] = []   # word-index ranges of n-grams already reported
    # repeated[n]: starts of the n-grams that occur at least twice (n up to half the text). Every repeat of
    # length n starts with a repeat of length n-1, so each length only checks the previous length's starts,
    # and the search upwards ends at the longest repeat.
    repeated: dict[int, list[int]] = {}
    candidates = range(len(words) - min_n + 1)
    n = min_n
    while n <= len(words) // 2:
        candidates = _repeated_starts(words, n, [i for i in candidates if i + n <= len(words)])
        if not candidates:
            break
        repeated[n] = candidates
        n += 1
    longest = max(repeated, default=min_n - 1)
    for n in range(longest, min_n - 1, -1):
        positions = defaultdict(list)
        for i in repeated[n]:
            positions[tuple(words[i:i + n])].append(i)
        for gram, starts in sorted(positions.items(), key=lambda kv: kv[1][0]):
            if len(starts) < 2:
                continue
            if all(any(a <= i and i + n <= b for a, b in kept_ranges) for i in starts):
                continue  # part of a longer repeated n-gram
            kept_ranges.extend((i, i + n) for i in starts)
            spans = [(toks[i].start, toks[i + n - 1].end) for i in starts]
            found.append((" ".join(gram), spans))
    return sorted(found, key=lambda item: item[1][0])


def _duplicates(units) -> list[list]:
    groups = defaultdict(list)
    for unit in units:
        groups[_squash(unit.text)].append(unit)
    return [group for group in groups.values() if len(group) > 1]


def cues_table(article, mentions=None, quotes=None, min_ngram: int = MIN_NGRAM):
    """cues.csv: one row per piece of evidence, grouped by cue."""
    import pandas as pd

    from .terms import find_mentions
    from .quotes import find_quotes, in_spans, title_spans

    quotes = find_quotes(article) if quotes is None else quotes
    mentions = find_mentions(article, quotes=quotes) if mentions is None else mentions
    rows = []

    # Repetition
    sf = article.standfirst
    if sf is not None and sf.body_start is not None:
        row = _row(article, "repetition", "standfirst repeated in body", sf.text, [(sf.body_start, sf.body_end)],
                   f"the lede printed above the body stands again word for word in paragraph {sf.duplicate_of}; "
                   "only the body copy is counted")
        row["occurrences"] = 2  # once above the body (no body offset), once inside it
        rows.append(row)
    # A duplicated paragraph is not reported again as duplicated sentences, nor those as n-grams.
    reported: list[tuple[int, int]] = []

    def already_reported(spans) -> bool:
        return all(in_spans(start, end, reported) for start, end in spans)

    for group in _duplicates(article.paragraphs):
        spans = [(p.start, p.end) for p in group]
        reported.extend(spans)
        rows.append(_row(article, "repetition", "duplicated paragraph", group[0].text, spans,
                         f"paragraphs {', '.join(str(p.id) for p in group)}"))
    for group in _duplicates(article.sentences):
        spans = [(s.start, s.end) for s in group]
        if not already_reported(spans):
            reported.extend(spans)
            rows.append(_row(article, "repetition", "duplicated sentence", group[0].text, spans,
                             f"sentences {', '.join(str(s.id) for s in group)}"))
    for gram, spans in repeated_ngrams(article, min_ngram):
        if not already_reported(spans):
            rows.append(_row(article, "repetition", f"repeated n-gram (>= {min_ngram} words)", gram, spans,
                             f"{len(gram.split())} words, {len(spans)} times"))
    scare = defaultdict(list)
    for q in quotes:
        if q.kind == "scare quote":
            scare[_squash(q.text)].append(q)
    for text, group in sorted(scare.items(), key=lambda kv: kv[1][0].start):
        if len(group) > 1:
            rows.append(_row(article, "repetition", "repeated scare quote", text,
                             [(q.start, q.end) for q in group], f"quote ids {', '.join(str(q.quote_id) for q in group)}"))

    # Loaded language and name calling from the framing lexicon
    for cue_kind, label in (("loaded", "loaded language"), ("name_calling", "name calling")):
        grouped = defaultdict(list)
        for m in mentions:
            if m.cue == cue_kind and m.counted:
                grouped[(m.category, m.term)].append(m)
        for (category, term), group in sorted(grouped.items(), key=lambda kv: kv[1][0].start):
            n_scare = sum(m.quote_kind == "scare quote" for m in group)
            rows.append(_row(article, label, f"lexicon term ({category})", term, [(m.start, m.end) for m in group],
                             f"{n_scare} of {len(group)} in scare quotes"))

    # Loaded language from VADER valences
    valence = vader_valences()
    titles = title_spans(article, quotes)
    strong = defaultdict(list)
    for tok in article.words:
        word = tok.text.lower()
        if word in valence and abs(valence[word]) >= VADER_MIN_VALENCE and not in_spans(tok.start, tok.end, titles):
            strong[word].append(tok)
    for word, toks in sorted(strong.items(), key=lambda kv: kv[1][0].start):
        rows.append(_row(article, "loaded language", "VADER valence", word, [(t.start, t.end) for t in toks],
                         f"VADER mean valence {valence[word]:+.1f} (on -4..+4)"))

    frame = pd.DataFrame(rows, columns=COLUMNS[1:])
    frame.insert(0, "cue_id", range(1, len(frame) + 1))
    return frame
