"""Shared passages: text reused across articles (wire copy, press releases, talking points, cross-posted
op-eds), found in two steps whose cost stays near-linear in the size of the corpus.

1. Candidates by winnowing (Schleimer, Wilkerson and Aiken 2003, the method of MOSS). Every article's words
   (lower case, curly apostrophes straightened) are cut into overlapping ``k``-word shingles, each hashed
   (a polynomial hash of word ids: deterministic, no per-process salt); of every ``w`` consecutive hashes
   the smallest is kept as a fingerprint. Any run of ``k + w - 1`` or more words that two articles share
   gives both at least one common fingerprint, whatever the rest of the texts. An inverted index
   (fingerprint -> articles) yields the pairs that share ``min_fingerprints`` or more. A fingerprint held
   by more than ``max_postings`` articles is boilerplate at that scale (it would make the pair count
   quadratic) and is skipped; how many were skipped is reported.
2. Exact alignment of every candidate pair: the positions where both articles have the same shingle
   (words compared, not hashes) are chained along diagonals into maximal common runs of words; runs of
   ``min_words`` or more make the pair a reuse pair; its passages are then all its common runs of
   ``context_words`` or more (a reused release is often several sentences with edits between them), longest
   first, none overlapping another on either side.

Each passage is reported with both articles (item, outlet, date, title), its words, the words the pair
shares in all, what share of each article that is, the passage as it stands in the earlier article, the
sentences it spans on each side, and which side was published first (side ``a`` is always the earlier:
``first`` reads ``a: OUTLET DATE``; equal dates are ``same day``, a missing date ``unknown``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

SHINGLE_WORDS = 8            # k
WINNOW_WINDOW = 4            # w: any shared run of k + w - 1 = 11 words is guaranteed to be a candidate
MIN_WORDS = 20               # a pair is reported when it shares a run of this many words
CONTEXT_WORDS = 10           # ... and then every other common run of this many words it has is listed too
MIN_FINGERPRINTS = 2         # candidate pairs share at least this many fingerprints
MAX_POSTINGS = 100           # a fingerprint in more articles than this is boilerplate: skipped
PASSAGE_COLUMNS = ["pair_id", "passage_id", "item_a", "outlet_a", "date_a", "title_a", "item_b", "outlet_b",
                   "date_b", "title_b", "first", "passage_words", "shared_words", "words_a", "words_b",
                   "share_a", "share_b", "sentence_ids_a", "sentence_ids_b", "passage"]
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_MASK = np.uint64((1 << 64) - 1)
_BASE = np.uint64(1_000_003)


@dataclass
class Doc:
    """One article as the passage finder sees it."""
    item: int
    text: str                              # sentences joined by one space
    words: list[str]                       # normalised words
    spans: list[tuple[int, int]]           # character span of each word in ``text``
    sentence_of: list[int]                 # sentence_id of each word
    hashes: np.ndarray = field(default=None)


@dataclass
class SharedStats:
    """What the candidate step did (for the notebook and the bench)."""
    articles: int = 0
    fingerprints: int = 0
    boilerplate_fingerprints: int = 0
    candidate_pairs: int = 0
    pairs_with_passages: int = 0
    passages: int = 0


def make_docs(sentences) -> list[Doc]:
    """A Doc per article from the corpus ``sentences`` table (rows in sentence order within an article)."""
    docs = []
    ordered = sentences.sort_values(["item", "sentence_id"], kind="mergesort")
    for item, part in ordered.groupby("item", sort=True):
        pieces, words, spans, sentence_of, at = [], [], [], [], 0
        for sentence_id, text in zip(part["sentence_id"], part["text"]):
            text = str(text)
            for m in _WORD.finditer(text):
                words.append(m.group(0).lower().replace("\u2019", "'"))
                spans.append((at + m.start(), at + m.end()))
                sentence_of.append(int(sentence_id))
            pieces.append(text)
            at += len(text) + 1
        docs.append(Doc(int(item), " ".join(pieces), words, spans, sentence_of))
    return docs


def _shingle_hashes(docs: list[Doc], k: int) -> None:
    """A polynomial hash (mod 2**64) of every k-word shingle, from word ids given in order of first sight."""
    vocabulary: dict[str, int] = {}
    powers = np.array([pow(int(_BASE), k - 1 - j, 1 << 64) for j in range(k)], dtype=np.uint64)
    for doc in docs:
        ids = np.fromiter((vocabulary.setdefault(w, len(vocabulary) + 1) for w in doc.words), dtype=np.uint64,
                          count=len(doc.words))
        if len(ids) < k:
            doc.hashes = np.zeros(0, dtype=np.uint64)
            continue
        windows = np.lib.stride_tricks.sliding_window_view(ids, k)
        with np.errstate(over="ignore"):
            doc.hashes = (windows * powers).sum(axis=1, dtype=np.uint64)


def fingerprints(hashes: np.ndarray, w: int) -> set[int]:
    """Winnowing: the smallest hash of every window of ``w`` consecutive shingle hashes."""
    if len(hashes) == 0:
        return set()
    if len(hashes) < w:
        return {int(hashes.min())}
    return set(np.unique(np.lib.stride_tricks.sliding_window_view(hashes, w).min(axis=1)).tolist())


def candidate_pairs(docs: list[Doc], w: int = WINNOW_WINDOW, min_fingerprints: int = MIN_FINGERPRINTS,
                    max_postings: int = MAX_POSTINGS, stats: SharedStats | None = None) -> list[tuple[int, int]]:
    """Index pairs (i < j into ``docs``) that share at least ``min_fingerprints`` fingerprints."""
    index: dict[int, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        for fp in fingerprints(doc.hashes, w):
            index[fp].append(i)
    shared: Counter = Counter()
    skipped = 0
    for postings in index.values():
        if len(postings) < 2:
            continue
        if len(postings) > max_postings:
            skipped += 1
            continue
        for a in range(len(postings)):
            for b in range(a + 1, len(postings)):
                shared[(postings[a], postings[b])] += 1
    pairs = sorted(pair for pair, n in shared.items() if n >= min_fingerprints)
    if stats is not None:
        stats.fingerprints, stats.boilerplate_fingerprints, stats.candidate_pairs = len(index), skipped, len(pairs)
    return pairs


def align(a: Doc, b: Doc, k: int = SHINGLE_WORDS, min_words: int = MIN_WORDS) -> list[tuple[int, int, int]]:
    """Maximal common word runs of two articles, ``min_words`` or longer, none overlapping another on either
    side: [(start in a, start in b, length in words)], longest first."""
    positions: dict[int, list[int]] = defaultdict(list)
    for i, h in enumerate(a.hashes.tolist()):
        positions[h].append(i)
    hits = []
    for j, h in enumerate(b.hashes.tolist()):
        for i in positions.get(h, ()):
            if a.words[i:i + k] == b.words[j:j + k]:        # hashes can collide; words cannot
                hits.append((i - j, j))
    hits.sort()
    runs = []
    start = prev = None
    diag = None
    for d, j in hits + [(None, None)]:
        if d == diag and j == prev + 1:
            prev = j
            continue
        if diag is not None:
            length = prev - start + k
            if length >= min_words:
                runs.append((start + diag, start, length))
        diag, start, prev = d, j, j
    runs.sort(key=lambda r: (-r[2], r[0], r[1]))
    kept, used_a, used_b = [], [], []
    for ia, jb, n in runs:
        if any(ia < e and s < ia + n for s, e in used_a) or any(jb < e and s < jb + n for s, e in used_b):
            continue
        kept.append((ia, jb, n))
        used_a.append((ia, ia + n))
        used_b.append((jb, jb + n))
    return kept


def _ids(sentence_of: list[int], start: int, n: int) -> str:
    return ";".join(str(s) for s in dict.fromkeys(sentence_of[start:start + n]))


def find_shared_passages(sentences, articles, k: int = SHINGLE_WORDS, w: int = WINNOW_WINDOW,
                         min_words: int = MIN_WORDS, context_words: int = CONTEXT_WORDS, min_fingerprints: int = MIN_FINGERPRINTS,
                         max_postings: int = MAX_POSTINGS, stats: SharedStats | None = None):
    """The ``shared_passages`` table (columns ``PASSAGE_COLUMNS``) from the corpus sentences and articles."""
    import pandas as pd

    stats = stats if stats is not None else SharedStats()
    docs = make_docs(sentences)
    stats.articles = len(docs)
    _shingle_hashes(docs, k)
    meta = articles.set_index("item")
    pairs = []
    for i, j in candidate_pairs(docs, w, min_fingerprints, max_postings, stats):
        a, b = docs[i], docs[j]
        da, db = str(meta.at[a.item, "date"] or ""), str(meta.at[b.item, "date"] or "")
        if db and (not da or db < da):            # side a is the earlier one
            a, b, da, db = b, a, db, da
        runs = align(a, b, k, min(context_words, min_words))
        if not runs or max(n for _, _, n in runs) < min_words:
            continue
        pairs.append((-sum(n for _, _, n in runs), a.item, b.item, a, b, da, db, sorted(runs)))
    pairs.sort(key=lambda p: p[:3])               # most shared words first; ties in input order
    rows = []
    for pair_id, (minus_shared, _, _, a, b, da, db, runs) in enumerate(pairs, start=1):
        first = ("unknown" if not (da and db) else "same day" if da == db
                 else f"a: {meta.at[a.item, 'outlet']} {da}")
        shared = -minus_shared
        for passage_id, (ia, jb, n) in enumerate(runs, start=1):     # in the order of the earlier article
            rows.append({
                "pair_id": pair_id, "passage_id": passage_id,
                "item_a": a.item, "outlet_a": meta.at[a.item, "outlet"], "date_a": da, "title_a": meta.at[a.item, "title"],
                "item_b": b.item, "outlet_b": meta.at[b.item, "outlet"], "date_b": db, "title_b": meta.at[b.item, "title"],
                "first": first, "passage_words": n, "shared_words": shared, "words_a": len(a.words),
                "words_b": len(b.words), "share_a": shared / len(a.words), "share_b": shared / len(b.words),
                "sentence_ids_a": _ids(a.sentence_of, ia, n), "sentence_ids_b": _ids(b.sentence_of, jb, n),
                "passage": a.text[a.spans[ia][0]:a.spans[ia + n - 1][1]],
            })
    stats.pairs_with_passages = len(pairs)
    stats.passages = len(rows)
    return pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
