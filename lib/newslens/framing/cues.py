"""Propaganda cues: places a reader should look at, each linked to its evidence. No verdicts.

The labels follow technique names used in propaganda-span annotation (Da San Martino et al. 2019,
"Fine-grained analysis of propaganda in news articles", and SemEval-2020 Task 11): repetition, loaded
language, name calling. Here they are *cues* found by simple, stated rules, not judgements that a text is
propaganda: repetition is common in ordinary editing, loaded words are common in opinion writing.

- repetition: the standfirst repeated in the body; duplicated sentences and paragraphs; word n-grams of at
  least ``MIN_NGRAM`` words that occur more than once (maximal ones only); scare quotes used more than once.
- loaded language: lexicon entries marked ``cue = loaded``, and the words of the loaded-word list
  (``data/loaded_words.csv``, ``newslens.framing.loaded``): evaluative words chosen for their emotional
  force ("despicable", "sham", "heroic"), each with a reason and a source. Not words that report an event:
  until issue 13 any word with a strong VADER valence counted, so "war", "killed" and "bomb" made a sober
  wire report look more loaded than a partisan one.
- name calling: lexicon entries marked ``cue = name_calling`` (labels for people and governments) and the
  list's ``name_calling`` rows, with how many of the hits sit in scare quotes (the writer holding the
  label at a distance). A term that agency copy uses as the standard neutral word (``data/
  wire_standard_terms.csv``: "separatist", "rebel", "militant") counts only inside scare quotes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

MIN_NGRAM = 5
COLUMNS = ["cue_id", "cue", "evidence_type", "evidence", "occurrences", "paragraph_ids", "sentence_ids",
           "starts", "detail", "first_sentence"]


def _squash(text: str) -> str:
    from ..text.article import normalise_quotes

    return re.sub(r"\s+", " ", normalise_quotes(text)).strip().lower()


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


def _suffix_array(ids: list[int]) -> list[int]:
    """The suffix array of an integer sequence, by prefix doubling with numpy sorts (n log^2 n)."""
    import numpy as np

    n = len(ids)
    rank = np.unique(np.asarray(ids, dtype=np.int64), return_inverse=True)[1].reshape(-1)
    order = np.arange(n)
    k = 1
    while n > 1:
        second = np.full(n, -1, dtype=np.int64)
        if k < n:
            second[:n - k] = rank[k:]
        order = np.lexsort((second, rank))
        changed = (rank[order][1:] != rank[order][:-1]) | (second[order][1:] != second[order][:-1])
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.concatenate(([0], np.cumsum(changed)))
        if rank[order[-1]] == n - 1:
            break
        k *= 2
    return order.tolist()


def _lcp_array(ids: list[int], sa: list[int]) -> list[int]:
    """Kasai's algorithm: lcp[r] = words shared by the suffixes at ranks r-1 and r (lcp[0] = 0); linear."""
    n = len(ids)
    rank = [0] * n
    for r, i in enumerate(sa):
        rank[i] = r
    lcp = [0] * n
    h = 0
    for i in range(n):
        r = rank[i]
        if r == 0:
            h = 0
            continue
        j = sa[r - 1]
        while i + h < n and j + h < n and ids[i + h] == ids[j + h]:
            h += 1
        lcp[r] = h
        h = max(h - 1, 0)
    return lcp


class _Cover:
    """Word ranges [a, b) reported so far; asks whether one of them contains [i, j). A Fenwick tree of the
    furthest end b among ranges starting at or before each a: log n per step."""

    def __init__(self, n: int):
        self.tree = [0] * (n + 1)

    def add(self, a: int, b: int) -> None:
        a += 1
        while a < len(self.tree):
            self.tree[a] = max(self.tree[a], b)
            a += a & -a

    def covers(self, i: int, j: int) -> bool:
        best, a = 0, i + 1
        while a > 0:
            best = max(best, self.tree[a])
            a -= a & -a
        return best >= j


def repeated_ngrams(article, min_n: int = MIN_NGRAM) -> list[tuple[str, list[tuple[int, int]]]]:
    """Maximal word n-grams (n >= min_n) that occur at least twice, with their body spans.

    A repeat never crosses a paragraph break (a duplicated paragraph is its own cue). Longest first, an
    n-gram is reported unless every occurrence lies inside one already reported. Found with a suffix
    array over word ids, so the cost grows as n log n with the text: an occurrence can only be new at
    the deepest length it shares with a neighbouring suffix, so each word is looked at once.
    """
    paragraph_of = {s.id: s.paragraph_id for s in article.sentences}
    ids: list[int] = []            # word ids, with a unique negative id at each paragraph break
    toks = []                      # the token behind each position of ids (None at a break)
    vocabulary: dict[str, int] = {}
    previous_paragraph = None
    for t in article.tokens:
        word = _repetition_word(t.text)
        if word is None:
            continue
        paragraph = paragraph_of.get(t.sentence_id)
        if previous_paragraph is not None and paragraph != previous_paragraph:
            ids.append(-len(ids) - 1)
            toks.append(None)
        previous_paragraph = paragraph
        ids.append(vocabulary.setdefault(word, len(vocabulary)))
        toks.append(t)
    n = len(ids)
    if n < 2 * min_n:
        return []
    sa = _suffix_array(ids)
    lcp = _lcp_array(ids, sa)
    # Deepest repeat each position belongs to: its longest common prefix with a neighbouring suffix.
    depth = [max(lcp[r], lcp[r + 1] if r + 1 < n else 0) for r in range(n)]
    candidates = sorted((r for r in range(n) if depth[r] >= min_n), key=lambda r: (-depth[r], sa[r]))
    cover = _Cover(n)
    found: list[tuple[str, list[tuple[int, int]]]] = []
    for r in candidates:
        length, i = depth[r], sa[r]
        if cover.covers(i, i + length):
            continue
        low, high = r, r            # every suffix sharing these `length` words is a neighbour in the array
        while low > 0 and lcp[low] >= length:
            low -= 1
        while high + 1 < n and lcp[high + 1] >= length:
            high += 1
        starts = sorted(sa[low:high + 1])
        for start in starts:
            cover.add(start, start + length)
        gram = " ".join(_repetition_word(toks[k].text) for k in range(i, i + length))
        found.append((gram, [(toks[k].start, toks[k + length - 1].end) for k in starts]))
    return sorted(found, key=lambda item: item[1][0])


def _duplicates(units) -> list[list]:
    groups = defaultdict(list)
    for unit in units:
        groups[_squash(unit.text)].append(unit)
    return [group for group in groups.values() if len(group) > 1]


def cues_table(article, mentions=None, quotes=None, min_ngram: int = MIN_NGRAM):
    """cues.csv: one row per piece of evidence, grouped by cue."""
    import pandas as pd

    from .loaded import find_loaded_words, wire_standard_terms
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

    # Loaded language and name calling from the framing lexicon; a wire-standard label only in scare quotes
    wire_standard = wire_standard_terms()
    lexicon_spans = []
    for cue_kind, label in (("loaded", "loaded language"), ("name_calling", "name calling")):
        grouped = defaultdict(list)
        for m in mentions:
            if m.cue == cue_kind and m.counted:
                grouped[(m.category, m.term)].append(m)
        for (category, term), group in sorted(grouped.items(), key=lambda kv: kv[1][0].start):
            n_scare = sum(m.quote_kind == "scare quote" for m in group)
            lexicon_spans.extend((m.start, m.end) for m in group)
            detail = f"{n_scare} of {len(group)} in scare quotes"
            if cue_kind == "name_calling" and term in wire_standard:
                plain = len(group) - n_scare
                group = [m for m in group if m.quote_kind == "scare quote"]
                if not group:
                    continue
                if plain:
                    detail += f"; standard in wire style, its {plain} plain uses are not a cue"
            rows.append(_row(article, label, f"lexicon term ({category})", term, [(m.start, m.end) for m in group],
                             detail))

    # Loaded language and name calling from the loaded-word list (not inside quoted titles or lexicon hits)
    titles = title_spans(article, quotes)
    scare_spans = [(q.start, q.end) for q in quotes if q.kind == "scare quote"]
    listed = defaultdict(list)
    for hit in find_loaded_words(article):
        if not in_spans(hit.start, hit.end, titles) and not any(
                s < hit.end and hit.start < e for s, e in lexicon_spans):
            listed[hit.word].append(hit)
    for word, hits in sorted(listed.items(), key=lambda kv: kv[1][0].start):
        n_scare = sum(in_spans(h.start, h.end, scare_spans) for h in hits)
        rows.append(_row(article, "loaded language" if word.cue == "loaded" else "name calling",
                         f"loaded-word list ({word.category})", word.term, [(h.start, h.end) for h in hits],
                         f"{word.reason}; {n_scare} of {len(hits)} in scare quotes"))

    frame = pd.DataFrame(rows, columns=COLUMNS[1:])
    frame.insert(0, "cue_id", range(1, len(frame) + 1))
    return frame
