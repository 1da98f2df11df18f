"""Sentence-level sentiment, several methods side by side, and the tables `newslens analyze` writes.

The reference VADER implementation (``vaderSentiment``, Hutto and Gilbert 2014), compound in [-1, 1], as
shipped; the primary score of the tables is its news-sense variant (``newslens.sentiment.news``), built on
this one. Beside them: NLTK's port of VADER (same lexicon, read from the installed vaderSentiment package,
never downloaded), TextBlob's pattern polarity and subjectivity, NRC emotion counts on lemmas, a
GDELT-style tone, and the op-ed variant (``newslens.oped_sentiment``).

Every method scores the quote-normalised sentence (curly quotes replaced by straight ones, same length):
VADER strips only ASCII punctuation around a word, so a curly-quoted ``“political prisoner”`` would hide
the lexicon word "prisoner". The score of the text as written is kept in ``vader_compound_as_written``.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..text.article import normalise_quotes
from ..text.lemmas import lemmatize

# VADER's own convention (its README): compound >= 0.05 positive, <= -0.05 negative, else neutral.
NEUTRAL_BAND = 0.05
ROLLING_WINDOW = 3          # sentences, centred: a short window, because the article has only 25 sentences
NRC_EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "negative", "positive", "sadness",
                "surprise", "trust")
# Methods whose signs decide whether a sentence is "contested": three independent lexicons. NLTK's VADER,
# the GDELT-style tone and the op-ed variant reuse the VADER lexicon, so they would only echo it.
CONTEST_METHODS = ("vader", "textblob", "nrc")


@lru_cache(maxsize=1)
def reference_analyzer():
    """The reference VADER (vaderSentiment 3.3.x); its lexicon ships inside the package."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def nltk_analyzer():
    """NLTK's VADER port, with the lexicon file of the installed vaderSentiment package (no nltk_data).

    nltk >= 3.10 refuses arbitrary file paths, so the package folder goes on ``nltk.data.path`` and the
    lexicon is named relative to it.
    """
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


# The same sentence is scored by several tables (sentence scores, the disagreement report, the op-ed
# features); caching by text scores it once. Callers must not mutate the returned dicts.
@lru_cache(maxsize=8192)
def reference_polarity(text: str) -> dict:
    """Reference VADER scores of the text exactly as given."""
    return reference_analyzer().polarity_scores(text)


@lru_cache(maxsize=8192)
def nltk_polarity(text: str) -> dict:
    """NLTK VADER scores of the text exactly as given."""
    return nltk_analyzer().polarity_scores(text)


def summed_compound(compounds) -> float:
    """One compound for many sentences: their raw VADER valence sums added, then normalised as VADER
    normalises one text (x / sqrt(x^2 + 15), its ``normalize``).

    Each sum is recovered from its sentence's compound by inverting that normalisation, so the result is
    what scoring the whole text at once measures, bar VADER's text-wide "but" and punctuation rules,
    without the cost of scoring one long text (VADER's negation check makes that grow with the square of
    its length).
    """
    import math

    from vaderSentiment.vaderSentiment import normalize

    alpha = 15.0
    total = 0.0
    for c in compounds:
        c = max(-0.99995, min(0.99995, c))          # compounds are rounded to 4 decimals: +-1 means "at least"
        total += c * math.sqrt(alpha / (1.0 - c * c))
    return round(normalize(total, alpha), 4)


def scoring_text(text: str) -> str:
    """The text every method scores: straight quotes instead of curly ones (same length)."""
    return normalise_quotes(text)


def vader_scores(text: str) -> dict:
    """Reference VADER scores (neg, neu, pos, compound) of the quote-normalised text."""
    return reference_polarity(scoring_text(text))


def nltk_vader_compound(text: str) -> float:
    return nltk_polarity(scoring_text(text))["compound"]


def textblob_scores(text: str) -> tuple[float, float]:
    """TextBlob's PatternAnalyzer: (polarity in [-1, 1], subjectivity in [0, 1]); needs no punkt data.

    Called as PatternAnalyzer.analyze calls it: ``textblob.en.sentiment(text)`` gives the same two numbers,
    without the namedtuple class that analyze() defines anew on every call.
    """
    from textblob.en import sentiment as pattern_sentiment

    polarity, subjectivity = pattern_sentiment(scoring_text(text))
    return float(polarity), float(subjectivity)


def nrc_counts(lemmas: list[str]) -> dict[str, int]:
    """NRC emotion counts over a list of lemmas (a word in two categories counts in both)."""
    from nrclex import NRCLex

    lex = NRCLex()          # cheap (the lexicon is cached inside nrclex) and holds per-text state: one per call
    lex.load_token_list(list(lemmas))
    raw = lex.raw_emotion_scores
    return {emotion: int(raw.get(emotion, 0)) for emotion in NRC_EMOTIONS}


def tone_counts(words: list[str]) -> dict[str, int]:
    """GDELT-style counts: words whose VADER lexicon valence is positive / negative, no rules applied.

    GDELT's tone is (positive words - negative words) / all words * 100 on its own dictionary; the
    dictionary here is VADER's, so the construction is comparable, the word lists are not GDELT's.
    """
    positive = negative = 0
    for word in words:
        valence = _word_valence(word)
        positive += valence > 0
        negative += valence < 0
    return {"words": len(words), "positive": int(positive), "negative": int(negative)}


@lru_cache(maxsize=65536)
def word_lemma(word: str) -> str:
    """The lemma NRC counts are taken on: of the quote-normalised word; cached per word."""
    return lemmatize(scoring_text(word))


@lru_cache(maxsize=65536)
def _word_valence(word: str) -> float:
    """A word's context-free VADER lexicon valence (0.0 if absent), cached per word."""
    return reference_analyzer().lexicon.get(scoring_text(word).lower(), 0.0)


def tone_measures(counts: dict[str, int]) -> dict[str, float]:
    """GDELT's four tone fields from word counts: positive %, negative %, polarity, tone."""
    n = counts["words"]
    pos = 100.0 * counts["positive"] / n if n else 0.0
    neg = 100.0 * counts["negative"] / n if n else 0.0
    return {"positive_pct": pos, "negative_pct": neg, "polarity": pos + neg, "tone": pos - neg}


def word_valences(text: str) -> list[tuple[str, float, float]]:
    """(word, lexicon valence, valence after VADER's rules) for every VADER lexicon word of a text, in order.

    The rule-adjusted valence comes from VADER's public ``SentimentIntensityAnalyzer.sentiment_valence``,
    called word by word as ``polarity_scores`` does (which applies capitals, boosters and dampeners before
    the word, negation within three words, "least", "kind of"); booster words themselves carry no valence.
    Then the contrastive "but" rule of Hutto and Gilbert (2014), which ``polarity_scores`` applies after the
    words: valences before the first "but" count half, after it one and a half times.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = reference_analyzer()
    lexicon = analyzer.lexicon
    sentitext = SentiText(scoring_text(text))
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if low not in lexicon or low in BOOSTER_DICT or (
                low == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"):
            # sentiment_valence gives a word outside the lexicon the valence it is handed (0): not asked
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    lower = [w.lower() for w in words]
    if "but" in lower:
        at = lower.index("but")
        sentiments = [v * 0.5 if k < at else v * 1.5 if k > at else v for k, v in enumerate(sentiments)]
    return [(w.lower(), lexicon[w.lower()], float(v)) for w, v in zip(words, sentiments) if w.lower() in lexicon]


def lexicon_words(text: str) -> str:
    """The VADER lexicon words of a text with the valence VADER used for each ("war -2.9; cool +1.3"), in
    order; where a rule changed a word's lexicon valence, the lexicon value follows in brackets
    ("problems +1.3 (lexicon -1.7)" after "no"). The words' valences are what the compound sums
    (before the punctuation emphasis and normalisation); see ``word_valences``."""
    return "; ".join(f"{w} {used:+.1f}" + (f" (lexicon {raw:+.1f})" if round(used, 1) != round(raw, 1) else "")
                     for w, raw, used in word_valences(text))


def label(score: float, band: float = NEUTRAL_BAND) -> str:
    """Three classes with VADER's neutral band: "positive", "neutral" or "negative"."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


def sign(score: float, band: float = NEUTRAL_BAND) -> int:
    return {"positive": 1, "neutral": 0, "negative": -1}[label(score, band)]
