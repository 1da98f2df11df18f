"""Framing-term counts: lexicon matching on tokens, lemmas and phrases, with offsets, rates and dispersion.

Every hit keeps its character offsets into ``article.body``, its sentence and paragraph, and the quoted
span it sits in (if any), so each count in ``terms.csv`` traces to rows of ``term_mentions.csv`` and to
lines of the keyword-in-context view. ``framing_tables(article)`` is the entry point used by
``newslens analyze``.

The keyword-in-context view is built here rather than with NLTK's ``ConcordanceIndex``, which finds single
tokens only and returns no character offsets; collocations do use NLTK (``newslens.collocations``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from ..text.article import normalise_quotes
from ..text.lemmas import lemmatize
from .lexicon import CATEGORIES, Lexicon, LexiconEntry, load_lexicon
from .quotes import QUOTE_CHARS, Quote, find_quotes
from ..text.words import word_tokens

# "would" as the reported future of "will" ("the spokesman said the talks would resume") is tense, not a
# hedge: a hit of these terms is listed but not counted when one of REPORTING_PAST stands earlier in its
# sentence, at most REPORTED_FUTURE_GAP tokens before it.
REPORTED_FUTURE = frozenset({"would"})
REPORTING_PAST = frozenset({
    "said", "told", "announced", "stated", "warned", "promised", "pledged", "vowed", "confirmed", "insisted",
    "predicted", "assured", "noted", "stressed", "claimed", "added", "reported", "declared", "indicated",
    "explained", "emphasized", "emphasised", "argued", "wrote", "replied", "agreed",
})
REPORTED_FUTURE_GAP = 15
# The modal "may" capitalised inside a sentence, or before a number, is the month or a name ("in May 2014",
# "on May 9", "Theresa May"): listed, not counted as a hedge. A sentence-initial "May" before a word stays.
CAPITALISED_NOT_MODAL = frozenset({"may"})

KWIC_WIDTH = 60          # characters of context on each side in the keyword-in-context view
PARAGRAPH_MARK = " \u00b6 "  # shown where the context crosses a paragraph break


@dataclass(frozen=True)
class TermMatch:
    """One framing lexicon hit in the body (offsets index ``article.body``); a row of term_mentions.csv."""
    term: str
    category: str
    cue: str
    surface: str
    start: int
    end: int
    sentence_id: int
    paragraph_id: int
    word_position: int       # 1-based index of the first word of the hit among article.words
    quote_id: int | None     # the quoted span the hit sits in, if any
    quote_kind: str
    counted: bool
    not_counted_reason: str


class _Tok(NamedTuple):      # a NamedTuple: built for every token of every article, and cheaper than a dataclass
    text: str       # lower case, curly apostrophe made straight
    lemma: str
    start: int
    end: int
    word_position: int


def _norm(text: str) -> str:
    return normalise_quotes(text).lower()


@lru_cache(maxsize=4096)
def _pattern(form: str) -> tuple[tuple[str, str], ...]:
    """A lexicon form as (lower-case text, lemma) pairs, tokenized the way article tokens are."""
    return tuple((_norm(t), lemmatize(_norm(t))) for t in word_tokens(form))


@lru_cache(maxsize=8)
def _entries_by_first_word(lexicon: Lexicon) -> dict[str, frozenset[int]]:
    """Text or lemma of a form's first word -> the positions (in ``lexicon.entries``) of entries with such a form.

    A form can only match where its first word stands (``_find_runs``), so a sentence needs checking only
    against the entries indexed under its own words and lemmas, not against the whole lexicon.
    """
    index: dict[str, set[int]] = {}
    for position, entry in enumerate(lexicon.entries):
        for form in entry.forms:
            pat = _pattern(form)
            if pat:
                index.setdefault(pat[0][0], set()).add(position)
                index.setdefault(pat[0][1], set()).add(position)
    return {word: frozenset(positions) for word, positions in index.items()}


@lru_cache(maxsize=65536)
def _token_form(token_text: str) -> tuple[str, str] | None:
    """(normalised text, lemma) of a token as lexicon matching sees it; None for quote marks. Cached per word."""
    if all(ch in QUOTE_CHARS for ch in token_text):
        return None
    text = _norm(token_text)
    return text, (lemmatize(text) if any(ch.isalnum() for ch in text) else text)


def _sentence_tokens(article) -> dict[int, list[_Tok]]:
    """Tokens of each sentence without the quote marks (so a phrase matches across “ and ”)."""
    word_index = {t.id: i for i, t in enumerate(article.words, start=1)}
    out: dict[int, list[_Tok]] = {s.id: [] for s in article.sentences}
    last_position = 0
    for t in article.tokens:
        last_position = word_index.get(t.id, last_position)
        form = _token_form(t.text)
        if form is None:
            continue
        out[t.sentence_id].append(_Tok(form[0], form[1], t.start, t.end, max(last_position, 1)))
    return out


def _token_matches(tok: _Tok, pat: tuple[str, str], mode: str) -> bool:
    if mode == "exact":
        return tok.text == pat[0]
    if mode == "lemma":  # the written form too: simplemma leaves some plurals alone ("sales"); and a token
        # whose lemma is a form as written: "killings" has the lemma "killing", a variant of "kill" whose own
        # lemma is "kill" (found by tests/test_lexicon_inflections.py)
        return tok.lemma == pat[1] or tok.text == pat[0] or tok.lemma == pat[0]
    return tok.text == pat[0] or tok.lemma == pat[1]


def _word_positions(tokens: list[_Tok]) -> dict[str, list[int]]:
    """Every text and lemma of a sentence -> the indices of the tokens that have it, in order."""
    where: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        where.setdefault(tok.text, []).append(i)
        if tok.lemma != tok.text:
            where.setdefault(tok.lemma, []).append(i)
    return where


def _find_runs(tokens: list[_Tok], form: str, mode: str, where: dict[str, list[int]]) -> list[tuple[int, int]]:
    """(first, last+1) token indices where the form matches.

    ``where`` (``_word_positions``) says where each text and lemma of the sentence stands: a run can only
    start where the form's first word (its text or lemma) stands, so only those places are checked.
    """
    pat = _pattern(form)
    if not pat:
        return []
    starts = set(where.get(pat[0][0], ())) | set(where.get(pat[0][1], ()))
    n = len(pat)
    return [(i, i + n) for i in sorted(starts)
            if i + n <= len(tokens) and all(_token_matches(tokens[i + k], pat[k], mode) for k in range(n))]


def _entry_hits(tokens: list[_Tok], entry: LexiconEntry, where: dict[str, list[int]]) -> list[tuple[int, int]]:
    hits = set()
    for form in entry.forms:
        hits.update(_find_runs(tokens, form, entry.match, where))
    if entry.exclude and hits:
        blocked = [run for phrase in entry.exclude for run in _find_runs(tokens, phrase, "exact", where)]
        hits = {(i, j) for i, j in hits if not any(a <= i and j <= b for a, b in blocked)}
    return sorted(hits)


def _first_enclosing(quotes):
    """``first(start, end)``: the first quotation in ``quotes`` (in their order) that holds [start, end), or None.

    Quotations in order of their starts (as ``find_quotes`` gives them): the first that holds a span is the
    first whose end reaches it (a binary search over the running furthest end), if it starts early enough.
    Any other order: the plain scan.
    """
    starts = [q.start for q in quotes]
    if starts != sorted(starts):
        return lambda start, end: next((q for q in quotes if q.start <= start and end <= q.end), None)
    reach = list(accumulate((q.end for q in quotes), max))

    def first(start: int, end: int):
        k = bisect_left(reach, end)         # the first quotation whose end reaches ``end``
        return quotes[k] if k < len(quotes) and quotes[k].start <= start else None
    return first


def find_mentions(article, lexicon: Lexicon | None = None,
                  quotes: list[Quote] | None = None) -> list[TermMatch]:
    """Every lexicon hit in the body, in reading order (then category order).

    Inside one category overlapping hits are resolved longest first, then by lexicon order; hits inside a
    quoted title are kept with ``counted=False``.
    """
    lexicon = lexicon or load_lexicon()
    quotes = find_quotes(article) if quotes is None else quotes
    para_of = {s.id: s.paragraph_id for s in article.sentences}
    enclosing = _first_enclosing(quotes)
    by_sentence = _sentence_tokens(article)
    index = _entries_by_first_word(lexicon)
    # Every entry's hits in every sentence, found once and grouped by category, as (length, lexicon
    # position, first token, last token + 1); entries whose first word is absent have none.
    candidates_by_sentence: dict[int, dict[str, list[tuple[int, int, int, int]]]] = {}
    for sid, tokens in by_sentence.items():
        where = _word_positions(tokens)
        found: dict[str, list[tuple[int, int, int, int]]] = {}
        for position in set().union(*(index.get(word, ()) for word in where)):
            entry = lexicon.entries[position]
            for i, j in _entry_hits(tokens, entry, where):
                found.setdefault(entry.category, []).append((j - i, position, i, j))
        candidates_by_sentence[sid] = found
    mentions = []
    for category in CATEGORIES:
        for sid, tokens in by_sentence.items():
            found = candidates_by_sentence[sid].get(category)
            if not found:           # most sentences have no hit of most categories
                continue
            candidates = sorted(found, key=lambda c: (-c[0], c[1], c[2]))
            taken: set[int] = set()
            for _, position, i, j in candidates:
                entry = lexicon.entries[position]
                if taken.intersection(range(i, j)):
                    continue
                taken.update(range(i, j))
                start, end = tokens[i].start, tokens[j - 1].end
                quote = enclosing(start, end)
                in_title = bool(quote and quote.is_title)
                reported = entry.term in REPORTED_FUTURE and next(
                    (t.text for t in tokens[max(i - REPORTED_FUTURE_GAP, 0):i] if t.text in REPORTING_PAST), None)
                month_or_name = entry.term in CAPITALISED_NOT_MODAL and j - i == 1 and \
                    article.body[start:start + 1].isupper() and (
                        any(t.text[:1].isalnum() for t in tokens[:i])
                        or (j < len(tokens) and tokens[j].text[:1].isdigit()))
                mentions.append(TermMatch(
                    term=entry.term, category=category, cue=entry.cue, surface=article.body[start:end],
                    start=start, end=end, sentence_id=sid, paragraph_id=para_of[sid],
                    word_position=tokens[i].word_position,
                    quote_id=quote.quote_id if quote else None, quote_kind=quote.kind if quote else "",
                    counted=not in_title and not reported and not month_or_name,
                    not_counted_reason="inside a quoted title" if in_title else
                    f"reported future after '{reported}'" if reported else
                    "capitalised 'May': the month or a name" if month_or_name else "",
                ))
    category_rank = {c: n for n, c in enumerate(CATEGORIES)}
    mentions.sort(key=lambda m: (m.start, category_rank[m.category], m.term))
    return mentions


def _one_line(text: str) -> str:
    return text.replace("\n\n", PARAGRAPH_MARK).replace("\n", " ")


def kwic_context(body: str, start: int, end: int, width: int = KWIC_WIDTH) -> tuple[str, str]:
    """Left and right context of a hit, cut at word boundaries, paragraph breaks shown as ¶."""
    left = body[max(0, start - width):start]
    right = body[end:end + width]
    if start - width > 0 and " " in left:
        left = left[left.index(" ") + 1:]
    if end + width < len(body) and " " in right:
        right = right[:right.rindex(" ")]
    return _one_line(left), _one_line(right)


def mentions_table(article, mentions: list[TermMatch]):
    """term_mentions.csv: every hit with offsets, sentence, quotation and KWIC context."""
    import pandas as pd

    rows = []
    for n, m in enumerate(mentions, start=1):
        left, right = kwic_context(article.body, m.start, m.end)
        rows.append({
            "mention_id": n, "term": m.term, "category": m.category, "surface": m.surface,
            "sentence_id": m.sentence_id, "paragraph_id": m.paragraph_id, "start": m.start, "end": m.end,
            "word_position": m.word_position, "quote_id": m.quote_id if m.quote_id is not None else pd.NA,
            "quote_kind": m.quote_kind, "counted": m.counted, "not_counted_reason": m.not_counted_reason,
            "cue": m.cue, "left": left, "right": right,
        })
    columns = ["mention_id", "term", "category", "surface", "sentence_id", "paragraph_id", "start", "end",
               "word_position", "quote_id", "quote_kind", "counted", "not_counted_reason", "cue", "left", "right"]
    if not rows:
        frame = pd.DataFrame(rows, columns=columns)
        frame["quote_id"] = frame["quote_id"].astype("Int64")
        return frame
    # Built column by column, quote_id made Int64 directly (no astype afterwards).
    return pd.DataFrame({c: pd.array([row[c] for row in rows], dtype="Int64") if c == "quote_id"
                         else [row[c] for row in rows] for c in columns}, columns=columns)


def paragraph_word_counts(article) -> dict[int, int]:
    """Words per paragraph (the denominator of the dispersion measure)."""
    para_of = {s.id: s.paragraph_id for s in article.sentences}
    counts = {p.id: 0 for p in article.paragraphs}
    for t in article.words:
        counts[para_of[t.sentence_id]] += 1
    return counts


def dispersion_dp(hit_paragraphs: list[int], words_per_paragraph: dict[int, int]) -> float | None:
    """Gries's deviation of proportions (DP) across paragraphs: 0 = spread like the text, near 1 = clumped.

    Gries, S. Th. 2008. Dispersions and adjusted frequencies in corpora. IJCL 13(4): 403-437.
    """
    if not hit_paragraphs:
        return None
    total_words = sum(words_per_paragraph.values())
    n = len(hit_paragraphs)
    return 0.5 * sum(abs(hit_paragraphs.count(p) / n - w / total_words) for p, w in words_per_paragraph.items())


def term_row(entry, hits: list, words_per_paragraph: dict[int, int], n_words: int, lexicon_version: str) -> dict:
    """The terms.csv row of a lexicon entry with hits (records with counted, paragraph_id, quote_kind, surface:
    English TermMatch records or the rows of a Russian or Ukrainian term_mentions table)."""
    counted = [m for m in hits if bool(m.counted)]
    paragraphs = [int(m.paragraph_id) for m in counted]
    dp = dispersion_dp(paragraphs, words_per_paragraph)
    return {
        "term": entry.term, "category": entry.category, "count": len(counted),
        "per_1000": round(1000 * len(counted) / n_words, 2) if n_words else 0.0,
        "paragraphs": ";".join(str(p) for p in sorted(set(paragraphs))),
        "n_paragraphs": len(set(paragraphs)),
        "dispersion_dp": round(dp, 3) if dp is not None else float("nan"),
        "in_scare_quotes": sum(m.quote_kind == "scare quote" for m in counted),
        "in_attributed_quotes": sum(m.quote_kind == "attributed quotation" for m in counted),
        "not_counted": len(hits) - len(counted),
        "surfaces": ";".join(sorted({m.surface for m in counted})),
        "match": entry.match, "cue": entry.cue, "alternative": entry.alternative,
        "source": entry.source, "lexicon_version": lexicon_version,
    }


def terms_table(article, mentions: list[TermMatch], lexicon: Lexicon | None = None):
    """terms.csv: one row per lexicon entry (zeros included: an absent frame or spelling is a finding)."""
    import pandas as pd

    lexicon = lexicon or load_lexicon()
    n_words = len(article.words)
    words_per_paragraph = paragraph_word_counts(article)
    hits_of: dict[tuple[str, str], list[TermMatch]] = {}     # (term, category) -> its hits, in order
    for m in mentions:
        hits_of.setdefault((m.term, m.category), []).append(m)
    rows = []
    # What a row says of an entry with no hit (most entries): built once, not once per entry.
    none_found = {"count": 0, "per_1000": round(1000 * 0 / n_words, 2) if n_words else 0.0, "paragraphs": "",
                  "n_paragraphs": 0, "dispersion_dp": float("nan"), "in_scare_quotes": 0, "in_attributed_quotes": 0,
                  "not_counted": 0, "surfaces": ""}
    for entry in lexicon.entries:
        hits = hits_of.get((entry.term, entry.category), [])
        if not hits:
            rows.append({"term": entry.term, "category": entry.category, **none_found,
                         "match": entry.match, "cue": entry.cue, "alternative": entry.alternative,
                         "source": entry.source, "lexicon_version": lexicon.version})
            continue
        rows.append(term_row(entry, hits, words_per_paragraph, n_words, lexicon.version))
    # Rows sorted in Python (category order, then count descending, then term), the order sort_values gave;
    # the table built column by column (one dict per row cost pandas as much again).
    rank = {c: n for n, c in enumerate(CATEGORIES)}
    rows.sort(key=lambda row: (rank[row["category"]], -row["count"], row["term"]))
    return pd.DataFrame({name: [row[name] for row in rows] for name in rows[0]} if rows else {})


def category_totals(terms, n_words: int):
    """One row per category: entries in the lexicon, entries found, hits and hits per 1,000 words."""
    import pandas as pd

    # One pass over the terms table's columns (a pandas filter per category costs more than the sums).
    counts_of: dict[str, list[int]] = {category: [] for category in CATEGORIES}
    paragraphs_of: dict[str, set[int]] = {category: set() for category in CATEGORIES}
    for category, count, cell in zip(terms["category"].tolist(), terms["count"].tolist(), terms["paragraphs"].tolist()):
        if category in counts_of:
            counts_of[category].append(int(count))
            paragraphs_of[category].update(int(p) for p in cell.split(";") if p)
    rows = []
    for category, gloss in CATEGORIES.items():
        counts = counts_of[category]
        paragraphs = sorted(paragraphs_of[category])
        rows.append({
            "category": category, "description": gloss, "entries": len(counts),
            "terms_found": sum(count > 0 for count in counts), "count": sum(counts),
            "per_1000": round(1000 * sum(counts) / n_words, 2) if n_words else 0.0,
            "paragraphs": ";".join(map(str, paragraphs)), "n_paragraphs": len(paragraphs),
        })
    return pd.DataFrame(rows)


def naming_choices(terms):
    """Each contested place-name pair with the count of both spellings and the one the writer picked."""
    import pandas as pd

    # The naming_choice rows, read column by column in plain Python (a pandas filter costs more on this table).
    names = [(term, count, alt) for category, term, count, alt
             in zip(terms["category"].tolist(), terms["term"].tolist(), terms["count"].tolist(),
                    terms["alternative"].tolist())
             if category == "naming_choice"]
    count_of = {term: count for term, count, _ in names}     # terms are unique within a category
    rows, seen = [], set()
    for term, _, alt in names:
        pair = tuple(sorted((term, alt)))
        if pair in seen or alt not in count_of:
            continue
        seen.add(pair)
        a, b = pair
        ca, cb = int(count_of[a]), int(count_of[b])
        picked = a if ca > 0 and cb == 0 else b if cb > 0 and ca == 0 else ("both" if ca and cb else "neither")
        rows.append({"spelling_a": a, "count_a": ca, "spelling_b": b, "count_b": cb, "picked": picked})
    rows.sort(key=lambda row: (row["picked"] == "neither", row["spelling_a"]))     # pairs found first
    return pd.DataFrame(rows, columns=["spelling_a", "count_a", "spelling_b", "count_b", "picked"])


def kwic(mention_table, term: str | None = None, category: str | None = None, counted_only: bool = True):
    """The keyword-in-context rows for a term or a category, straight from term_mentions.csv."""
    rows = mention_table
    if counted_only:
        rows = rows[rows["counted"]]
    if term is not None:
        rows = rows[rows["term"] == term]
    if category is not None:
        rows = rows[rows["category"] == category]
    return rows[["term", "sentence_id", "paragraph_id", "left", "surface", "right"]].reset_index(drop=True)
