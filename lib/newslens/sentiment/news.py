"""News-domain VADER (issue 13): the reference method with words scored in their news sense and names masked.

VADER's lexicon was rated for social-media text: "engagement" +2.0 (the line of engagement is the front
line), "superiority" +1.4 (air superiority), "defense" +0.5, "offensive" -2.0 (offensive weapons), "won"
+2.7 (a war). This module keeps a *separate* ``SentimentIntensityAnalyzer`` whose lexicon dict is updated from
``data/news_sense_overrides.csv`` (word, valence in the news sense, reason, source per row); the shared
reference analyzer (``scores.reference_analyzer``) and its scores stay vaderSentiment's own.

Before scoring, names of organisations and offices are masked: a run of capitalised words (with "of", "for",
"the", "and" between them) that contains an institution word ("Ministry of Defense", "Baykar Defense",
"Defense Minister Oleksii Reznikov", "Security Council", "Freedom House", "Committee to Protect
Journalists") becomes one neutral word, so the words of a name do not count as sentiment.

``news_tone_counts`` gives the GDELT-style tone the same treatment: word polarity from this lexicon, the
words of those names without polarity.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from ..paths import DATA_DIR
from .scores import reference_analyzer, reference_polarity, scoring_text

OVERRIDES_FILE = DATA_DIR / "news_sense_overrides.csv"
MASK = "Institution"          # not in VADER's lexicon, not all capitals: carries no valence and no emphasis
# Words that make a run of capitalised words the name of an organisation, office or state.
INSTITUTION_WORDS = frozenset("""
Ministry Minister Ministers Department Secretary Secretariat Council Committee Commission Commissioner Agency
Service Services Court Bureau Office Organization Organisation Party Forces Army Navy Guard Corps Fund Foundation
Institute University Union Nations States Kingdom Emirates Company Corporation Corp Inc Ltd Industries Systems Group
Watch International House Radio Defense Defence Security Intelligence Justice Front Movement Alliance Coalition
Assembly Parliament Senate Congress Duma Rada Administration Authority Directorate Command Headquarters Prize
""".split())
_NAME = r"[A-Z](?:[A-Za-z'\u2019&-]|\.(?=[A-Za-z]))*"      # "U.S." keeps its dots, a final full stop is left
_RUN = re.compile(rf"\b{_NAME}(?:(?:\s+(?:of|for|to|the|and|on|de)){{0,2}}\s+{_NAME})+")


@lru_cache(maxsize=1)
def overrides() -> dict[str, float]:
    """word -> valence in the news sense, from ``news_sense_overrides.csv`` (every row needs a reason and source)."""
    with open(OVERRIDES_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for n, row in enumerate(rows, start=2):
        if not row["reason"] or not row["source"]:
            raise ValueError(f"{OVERRIDES_FILE.name} line {n}: a reason and a source are required")
        out[row["word"].lower()] = float(row["valence"])
    return out


@lru_cache(maxsize=1)
def news_analyzer():
    """A VADER analyzer of its own (never the shared reference one) with the news-sense valences."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon = dict(analyzer.lexicon)      # a copy: the update below touches no other instance
    analyzer.lexicon.update(overrides())
    return analyzer


def institution_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of capitalised words that names an organisation or office."""
    return list(_institution_names(text))


@lru_cache(maxsize=8192)
def _institution_names(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for m in _RUN.finditer(text):
        words = re.findall(_NAME, m.group(0))
        if any(w.rstrip(".") in INSTITUTION_WORDS for w in words):
            spans.append((m.start(), m.end()))
    return tuple(spans)


def mask_names(text: str) -> str:
    """The text with every organisation or office name replaced by one neutral word."""
    out, last = [], 0
    for start, end in _institution_names(text):
        out.append(text[last:start])
        out.append(MASK)
        last = end
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=1)
def _changed_words() -> tuple[str, ...]:
    """The lexicon keys whose entry (presence or valence) differs between the news and the reference analyzer."""
    news, reference = news_analyzer().lexicon, reference_analyzer().lexicon
    missing = object()
    return tuple(sorted(word for word in news.keys() | reference.keys()
                        if news.get(word, missing) != reference.get(word, missing)))


def _scores_as_reference(text: str) -> bool:
    """Whether the news analyzer must give ``text`` exactly the reference scores: it has no name to mask, and
    no word whose lexicon entry differs, so every lexicon look-up VADER makes (a word of the text, lower case)
    gives the same answer. Conservative: a changed word anywhere in the lower-case text, even inside another
    word, counts; so does any emoji (VADER scores an emoji by its description's words)."""
    if _institution_names(text):
        return False
    low = text.lower()
    if any(word in low for word in _changed_words()):
        return False
    return text.isascii() or not any(ch in news_analyzer().emojis for ch in text)


@lru_cache(maxsize=8192)
def _news_polarity(text: str) -> dict:
    # Most sentences hold no name and no overridden word: their news scores are the reference scores, which
    # the sentence table has already computed (cached by text), so VADER does not run a second time.
    if _scores_as_reference(text):
        return dict(reference_polarity(text))
    return news_analyzer().polarity_scores(mask_names(text))


def news_scores(text: str) -> dict:
    """News-domain VADER scores (neg, neu, pos, compound) of the quote-normalised, name-masked text."""
    return _news_polarity(scoring_text(text))


def news_compound(text: str) -> float:
    return news_scores(text)["compound"]


@lru_cache(maxsize=65536)
def news_word_valence(word: str) -> float:
    """A word's context-free valence in the news-domain lexicon (VADER's with the overrides; 0.0 if absent)."""
    return news_analyzer().lexicon.get(scoring_text(word).lower(), 0.0)


def news_tone_counts(text: str, words) -> dict[str, int]:
    """GDELT-style counts (as ``scores.tone_counts``) of one text's words with their news-sense valence.

    ``words``: (word, offset of its first character in ``text``) pairs. A word inside an organisation or
    office name (``institution_names``, the masking of ``news_scores``) has no polarity, so "Defense" in
    "Ministry of Defense" counts neither way; it still counts as a word, so that the reference tone and the
    news tone divide by the same word count and differ only in which words are positive or negative.
    """
    names = _institution_names(scoring_text(text))
    positive = negative = n = 0
    for word, offset in words:
        n += 1
        if names and any(start <= offset < end for start, end in names):
            continue
        valence = news_word_valence(word)
        positive += valence > 0
        negative += valence < 0
    return {"words": n, "positive": int(positive), "negative": int(negative)}
