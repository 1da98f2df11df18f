"""Keyness of the article's words against general English (wordfreq), in both directions.

Measures (computed by ``newslens.stats``)
- G2, Dunning's log-likelihood (Dunning 1993; the two-corpus form of Rayson & Garside 2000):
  with article count a, article size c, reference count b, reference size d,
  E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2 (a ln(a/E1) + b ln(b/E2)), 0 ln 0 = 0.
- Log-ratio (Hardie 2014): log2((a/c) / (b/d)); a zero count is replaced by 0.5 for this measure only.
  +1 means twice as frequent in the article as in general English.

Reference and its assumptions
- ``wordfreq`` (Speer, wordfreq 3.x, English 'large' list) gives each word's frequency as a proportion,
  blended from several corpora; it publishes no corpus size. We assume ``REFERENCE_SIZE`` = 1e9 tokens so
  that reference counts b = f * d exist. G2 for a word the article overuses hardly moves above that size
  (the reference then acts as a fixed expectation), which the tests check.
- Floor for unseen words: the 'large' list stops at frequency about 1e-8; a word wordfreq does not know
  gets half the smallest listed frequency (``unseen_frequency()``), i.e. about 5 occurrences per 1e9.
  Rows where the floor was used say so (``reference_floor``): their G2 is an upper bound of uncertain size.

Tokens
- Article word tokens, lower-cased (wordfreq is case-folded, so "Turkey" and "turkey" are one word),
  curly apostrophes made straight; the possessive and contracted clitics ("'s", "'", "n't", "'re"...)
  are dropped, since a possessive is the same word for keyness; "wo"/"ca" before "n't" are read as
  "will"/"can". Hyphenated compounds are split the way wordfreq splits them ("game-changing" -> "game",
  "changing"), because wordfreq has no entry for the compound and would estimate one.
- Words inside a quoted title are left out (as in the framing counts).
- Stop words (``newslens.stopwords``) count in the article size but are not listed.
- Direction "over": used more in the article than in general English; "under": less, including common
  English content words (top ``UNDERUSE_CANDIDATES`` of wordfreq) that the article never uses.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..stats import g2, log_ratio, p_band
from ..text.article import word_form
from .quotes import in_spans, title_spans
from ..text.stopwords import is_stopword

REFERENCE_SIZE = 1_000_000_000
WORDLIST = "large"
UNDERUSE_CANDIDATES = 500
KEYNESS_COLUMNS = ["word", "direction", "article_count", "article_per_million", "reference_per_million",
                   "reference_floor", "expected_count", "g2", "log_ratio", "p_band"]
CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}
ABBREVIATION = re.compile(r"(?:[a-z]\.){2,}")     # wordfreq would cut "u.s." to "u.s"


@lru_cache(maxsize=1)
def unseen_frequency() -> float:
    """Half the smallest frequency in wordfreq's English list: the floor for words it does not know."""
    from wordfreq import get_frequency_dict

    return min(get_frequency_dict("en", wordlist=WORDLIST).values()) / 2


@lru_cache(maxsize=65536)
def _keyness_parts(word: str) -> tuple[str, ...]:
    """A word without its possessive "'s", split the way wordfreq splits it, keeping parts with a letter."""
    from wordfreq import tokenize

    if word.endswith("'s"):
        word = word[:-2]
    if ABBREVIATION.fullmatch(word):        # "u.s.", "u.k.": one word, written as the text writes it
        return (word,)
    return tuple(part for part in tokenize(word, "en") if any(ch.isalpha() for ch in part))


def keyness_words(article, quotes=None) -> list[str]:
    """The article's words as keyness sees them (lower case, clitics dropped, compounds split).

    Words inside a quoted title are left out, as in the framing counts: a title is mentioned, not used.
    ``quotes``: the article's ``find_quotes`` result, if the caller has it.
    """
    titles = title_spans(article, quotes)
    words = []
    tokens = [t for t in article.tokens if not in_spans(t.start, t.end, titles)] if titles else article.tokens
    for i, tok in enumerate(tokens):
        text = word_form(tok.text)
        if text is None:
            continue
        if (text in CONTRACTED and i + 1 < len(tokens)
                and tokens[i + 1].text.lower().replace("\u2019", "'") == "n't"):
            text = CONTRACTED[text]
        words.extend(_keyness_parts(text))
    return words


@lru_cache(maxsize=8)
def _underuse_candidates(n: int) -> frozenset[str]:
    """wordfreq's n most frequent English words that are words (letters only, longer than one)."""
    from wordfreq import top_n_list

    return frozenset(w for w in top_n_list("en", n, wordlist=WORDLIST) if w.isalpha() and len(w) > 1)


@lru_cache(maxsize=65536)
def _reference_frequency(word: str) -> tuple[float, bool] | None:
    """(frequency in general English, whether it is the floor for an unknown word), or None for a stop word;
    cached per word, as every article asks for the same common words."""
    from wordfreq import word_frequency


    if is_stopword(word):
        return None
    freq = word_frequency(word, "en", wordlist=WORDLIST)
    return (unseen_frequency(), True) if freq == 0 else (freq, False)


def keyness_table(article, reference_size: int = REFERENCE_SIZE, underuse_candidates: int = UNDERUSE_CANDIDATES,
                  quotes=None):
    """keyness.csv: every non-stop word of the article plus common English words it lacks, G2 and log-ratio.

    ``quotes``: the article's ``find_quotes`` result, if the caller has it.
    """
    import pandas as pd

    words = keyness_words(article, quotes)
    counts = Counter(words)
    c = len(words)
    d = reference_size
    rows = []
    if not c:           # no word keyness can compare (numbers or symbols only): an empty table
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    candidates = []
    for word in sorted(set(counts).union(_underuse_candidates(underuse_candidates))):
        reference = _reference_frequency(word)
        if reference is not None:                   # None: a stop word
            candidates.append((word, counts.get(word, 0), *reference))
    a_all = [a for _, a, _, _ in candidates]
    b_all = [freq * d for _, _, freq, _ in candidates]
    g2_all = g2(a_all, b_all, c, d).tolist()        # one vectorised pass over the words
    lr_all = log_ratio(a_all, b_all, c, d).tolist()
    for (word, a, _, floored), b, value, ratio in zip(candidates, b_all, g2_all, lr_all):
        over = a / c > b / d
        if not over and a == 0 and word not in counts and value < 0:
            continue
        rows.append(("over" if over else "under", -round(value, 2), word, a, round(1e6 * a / c, 1),
                     round(1e6 * b / d, 3), floored, round(c * b / d, 3), round(ratio, 2), value))
    # Rows sorted in Python (direction, then G2 descending, then word), the order sort_values gave; the table
    # built column by column (a frame from one dict per row cost as much again as the measures).
    rows.sort(key=lambda row: row[:3])
    columns = list(zip(*rows)) if rows else [()] * 10
    return pd.DataFrame({
        "word": list(columns[2]), "direction": list(columns[0]), "article_count": list(columns[3]),
        "article_per_million": list(columns[4]), "reference_per_million": list(columns[5]),
        "reference_floor": list(columns[6]), "expected_count": list(columns[7]),
        "g2": [-v for v in columns[1]], "log_ratio": list(columns[8]), "p_band": [p_band(v) for v in columns[9]],
    }, columns=KEYNESS_COLUMNS)


def keyness_summary(frame, n: int = 15, min_count: int = 2):
    """Top words each way: overused (seen at least ``min_count`` times) and underused, by G2."""
    over = frame[(frame["direction"] == "over") & (frame["article_count"] >= min_count)].head(n)
    under = frame[frame["direction"] == "under"].head(n)
    return over.reset_index(drop=True), under.reset_index(drop=True)
