"""The one stop-word policy of newslens, stated once and used by every table that drops stop words.

Policy (also printed by the framing notebook):
- Stop words are English function words from ``data/stopwords.txt`` (a list written for this project;
  NLTK's stopword corpus needs a download and is not available offline).
- They are dropped from word-frequency views only: keyness, collocations and frequent-word lists.
- They are never dropped before lexicon matching (hedges such as "might" and "would" are function words
  and must count), before quotation detection, or before repetition detection (repeated text is compared
  verbatim), and they always count in the word total that rates per 1,000 words divide by.
"""

from __future__ import annotations

from functools import lru_cache

from ..paths import DATA_DIR

STOPWORDS_PATH = DATA_DIR / "stopwords.txt"

STOPWORD_POLICY = (
    "Stop words (data/stopwords.txt, English function words written for this project) are dropped from "
    "keyness, collocations and frequent-word lists only. They are kept for lexicon matching (hedges such as "
    "'might' and 'would' are function words), for quotations and for repetition, and they count in the word "
    "total behind every rate per 1,000 words."
)


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """The stop words as a set of lower-case strings (comment lines starting with '#' skipped)."""
    words = set()
    for line in STOPWORDS_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)


def is_stopword(word: str) -> bool:
    """True if the word (any case, straight or curly apostrophe) is on the stop list."""
    return word.lower().replace("\u2019", "'") in load_stopwords()
