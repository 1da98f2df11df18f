"""Sentence-level sentiment, several methods side by side, and the tables `newslens analyze` writes.

Primary score: the reference VADER implementation (``vaderSentiment``, Hutto and Gilbert 2014), compound
in [-1, 1]. Beside it: NLTK's port of VADER (same lexicon, read from the installed vaderSentiment package,
never downloaded), TextBlob's pattern polarity and subjectivity, NRC emotion counts on lemmas, a
GDELT-style tone, and the op-ed variant (``newslens.oped_sentiment``).

Every method scores the quote-normalised sentence (curly quotes replaced by straight ones, same length):
VADER strips only ASCII punctuation around a word, so a curly-quoted ``“political prisoner”`` would hide
the lexicon word "prisoner". The score of the text as written is kept in ``vader_compound_as_written``.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .article import Article, normalise_quotes

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
def _word_lemma(word: str) -> str:
    """The lemma NRC counts are taken on: of the quote-normalised word; cached per word."""
    from .lemmas import lemmatize

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


def lexicon_words(text: str) -> str:
    """The VADER lexicon words of a text with their context-free valence ("war -2.9; cool 1.3"), in order.

    Evidence for a score, not its computation: VADER's rules (negation, boosters, "but") then adjust them.
    """
    from vaderSentiment.vaderSentiment import SentiText

    lexicon = reference_analyzer().lexicon
    words = SentiText(scoring_text(text)).words_and_emoticons
    return "; ".join(f"{w.lower()} {lexicon[w.lower()]:+.1f}" for w in words if w.lower() in lexicon)


def label(score: float, band: float = NEUTRAL_BAND) -> str:
    """Three classes with VADER's neutral band: "positive", "neutral" or "negative"."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


def sign(score: float, band: float = NEUTRAL_BAND) -> int:
    return {"positive": 1, "neutral": 0, "negative": -1}[label(score, band)]


def _sentence_words(article: Article) -> dict[int, list[str]]:
    words: dict[int, list[str]] = {s.id: [] for s in article.sentences}
    for token in article.words:
        words[token.sentence_id].append(token.text)
    return words


def sentence_sentiment(article: Article):
    """One row per sentence_id with every method's score (floats rounded to 4 decimals).

    No paragraph_id or text: the pipeline merges these columns into sentences.csv, which has them.
    vader_compound/pos/neu/neg: reference VADER, the primary score; vader_label; vader_words: the lexicon
    words behind it; vader_compound_as_written: curly quotes kept; nltk_vader_compound; textblob_polarity,
    textblob_subjectivity; nrc_<emotion> counts on lemmas and nrc_balance (positive - negative);
    tone_words, tone_positive_pct, tone_negative_pct, tone (GDELT-style); oped_score; vader_rolling_mean;
    contested (VADER, TextBlob and NRC disagree in sign) and contested_signs.
    """
    import pandas as pd

    from .oped_sentiment import oped_scores

    words = _sentence_words(article)
    texts = [s.text for s in article.sentences]
    # TextBlob is scored once per sentence: its column and the op-ed variant's features share the result.
    textblob = [textblob_scores(text) for text in texts]
    oped = oped_scores(texts, textblob=textblob)
    rows = []
    contest_signs = []          # per sentence: the sign of each CONTEST_METHODS score (unrounded)
    for s, (polarity, subjectivity), oped_score in zip(article.sentences, textblob, oped):
        ref = vader_scores(s.text)
        nrc = nrc_counts([_word_lemma(w) for w in words[s.id]])
        tone = tone_measures(tone_counts(words[s.id]))
        row = {
            "sentence_id": s.id,
            "vader_compound": ref["compound"],
            "vader_pos": ref["pos"],
            "vader_neu": ref["neu"],
            "vader_neg": ref["neg"],
            "vader_label": label(ref["compound"]),
            "vader_words": lexicon_words(s.text),
            "vader_compound_as_written": reference_polarity(s.text)["compound"],
            "nltk_vader_compound": nltk_vader_compound(s.text),
            "textblob_polarity": polarity,
            "textblob_subjectivity": subjectivity,
        }
        row.update({f"nrc_{e}": nrc[e] for e in NRC_EMOTIONS})
        row["nrc_balance"] = nrc["positive"] - nrc["negative"]
        row.update({"tone_words": len(words[s.id]), "tone_positive_pct": tone["positive_pct"],
                    "tone_negative_pct": tone["negative_pct"], "tone": tone["tone"],
                    "oped_score": float(oped_score)})
        rows.append(row)
        balance = row["nrc_balance"]
        contest_signs.append({"vader": sign(row["vader_compound"]), "textblob": sign(polarity),
                              "nrc": int(balance > 0) - int(balance < 0)})
    frame = pd.DataFrame(rows)
    frame["vader_rolling_mean"] = frame["vader_compound"].rolling(ROLLING_WINDOW, center=True, min_periods=1).mean()
    frame["contested"] = [any(signs[m] == 1 for m in CONTEST_METHODS) and any(signs[m] == -1 for m in CONTEST_METHODS)
                          for signs in contest_signs]
    symbol = {1: "+", 0: "0", -1: "-"}
    frame["contested_signs"] = ["; ".join(f"{m}:{symbol[signs[m]]}" for m in CONTEST_METHODS)
                                for signs in contest_signs]
    return frame.round(4)


def trajectory(article: Article, sentence_table=None):
    """The data of the trajectory figure: compound per sentence, rolling mean, paragraph starts."""
    import pandas as pd

    table = sentence_table if sentence_table is not None else sentence_sentiment(article)
    paragraph_of = {s.id: s.paragraph_id for s in article.sentences}
    frame = pd.DataFrame({
        "sentence_id": table["sentence_id"],
        "paragraph_id": [paragraph_of[i] for i in table["sentence_id"]],
        "vader_compound": table["vader_compound"],
        "vader_rolling_mean": table["vader_rolling_mean"],
    })
    frame["paragraph_start"] = frame["paragraph_id"].ne(frame["paragraph_id"].shift())
    return frame


def plot_trajectory(frame, title: str = "Reference VADER compound per sentence"):
    """Bars per sentence, the rolling mean as a line, dotted lines where a paragraph starts."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.6))
    colours = ["#b2182b" if v <= -NEUTRAL_BAND else "#2166ac" if v >= NEUTRAL_BAND else "#999999"
               for v in frame["vader_compound"]]
    ax.bar(frame["sentence_id"], frame["vader_compound"], color=colours, width=0.7, label="compound", zorder=2)
    ax.plot(frame["sentence_id"], frame["vader_rolling_mean"], color="black", linewidth=1.5,
            label=f"rolling mean ({ROLLING_WINDOW} sentences, centred)", zorder=3)
    for _, row in frame[frame["paragraph_start"]].iterrows():
        ax.axvline(row["sentence_id"] - 0.5, color="#666666", linestyle=":", linewidth=0.8)
        ax.text(row["sentence_id"] - 0.4, 1.02, f"¶{int(row['paragraph_id'])}", fontsize=7, color="#444444")
    ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="#dddddd", linewidth=0, zorder=0, label="neutral band (±0.05)")
    ax.set_ylim(-1.05, 1.12)
    ax.set_xlim(0.3, frame["sentence_id"].max() + 0.7)
    ax.set_xticks(list(frame["sentence_id"]))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel("sentence (dotted line: a new paragraph starts)")
    ax.set_ylabel("compound")
    ax.set_title(title)
    ax.legend(loc="lower left", fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def extremes(article: Article, sentence_table=None, n: int = 3):
    """The n most negative and n most positive sentences by reference VADER, with their text."""
    import pandas as pd

    table = sentence_table if sentence_table is not None else sentence_sentiment(article)
    text_of = {s.id: s.text for s in article.sentences}
    ordered = table.sort_values(["vader_compound", "sentence_id"], kind="stable")
    rows = []
    for rank, (_, r) in enumerate(ordered.head(n).iterrows(), start=1):
        rows.append({"end": "most negative", "rank": rank, "sentence_id": int(r["sentence_id"]),
                     "vader_compound": r["vader_compound"], "text": text_of[int(r["sentence_id"])]})
    ordered = table.sort_values(["vader_compound", "sentence_id"], ascending=[False, True], kind="stable")
    for rank, (_, r) in enumerate(ordered.head(n).iterrows(), start=1):
        rows.append({"end": "most positive", "rank": rank, "sentence_id": int(r["sentence_id"]),
                     "vader_compound": r["vader_compound"], "text": text_of[int(r["sentence_id"])]})
    return pd.DataFrame(rows)


def article_tone(article: Article, sentence_table=None):
    """Article-level numbers, one row each: measure, method, value, definition."""
    import pandas as pd

    table = sentence_table if sentence_table is not None else sentence_sentiment(article)
    words = [t.text for t in article.words]
    counts = tone_counts(words)
    tone = tone_measures(counts)
    labels = table["vader_label"].value_counts()
    n = len(table)
    body_compound = vader_scores(article.body)["compound"]
    rows = [
        ("sentences", "count", n, "body sentences scored"),
        ("vader_mean_compound", "reference VADER", table["vader_compound"].mean(),
         "mean of the sentence compounds (the headline number)"),
        ("vader_median_compound", "reference VADER", table["vader_compound"].median(), "median sentence compound"),
        ("vader_share_negative", "reference VADER", labels.get("negative", 0) / n, "share of sentences <= -0.05"),
        ("vader_share_neutral", "reference VADER", labels.get("neutral", 0) / n, "share of sentences in (-0.05, 0.05)"),
        ("vader_share_positive", "reference VADER", labels.get("positive", 0) / n, "share of sentences >= 0.05"),
        ("vader_body_compound", "reference VADER", body_compound,
         "the whole body scored as one text: saturates towards -1 or 1 on long texts"),
        ("nltk_vader_mean_compound", "NLTK VADER", table["nltk_vader_compound"].mean(), "mean sentence compound"),
        ("textblob_mean_polarity", "TextBlob", table["textblob_polarity"].mean(), "mean sentence polarity"),
        ("textblob_mean_subjectivity", "TextBlob", table["textblob_subjectivity"].mean(), "mean sentence subjectivity"),
        ("oped_mean_score", "op-ed variant", table["oped_score"].mean(),
         "mean sentence score of the op-ed variant (estimated human rating / 4)"),
        ("tone_word_count", "GDELT-style", counts["words"], "word tokens in the body"),
        ("tone_positive_pct", "GDELT-style", tone["positive_pct"], "% of words with positive VADER-lexicon valence"),
        ("tone_negative_pct", "GDELT-style", tone["negative_pct"], "% of words with negative VADER-lexicon valence"),
        ("tone_polarity", "GDELT-style", tone["polarity"], "positive % + negative %"),
        ("tone", "GDELT-style", tone["tone"], "positive % - negative % (GDELT's Tone field)"),
    ]
    for emotion in NRC_EMOTIONS:
        rows.append((f"nrc_{emotion}", "NRC", int(table[f"nrc_{emotion}"].sum()), f"lemmas in NRC '{emotion}'"))
    frame = pd.DataFrame(rows, columns=["measure", "method", "value", "definition"])
    frame["value"] = frame["value"].astype(float).round(4)
    return frame


def sentiment_tables(article: Article) -> dict:
    """Every sentiment table for one article, keyed by output file name.

    "sentence_sentiment.csv" (merged into sentences.csv by the pipeline), "actors.csv",
    "actor_mentions.csv", "sentiment_disagreements.csv", "sentiment_agreement.csv", "article_tone.csv".
    """
    from .actors import actor_mentions, actor_sentiment
    from .sentiment_agreement import agreement_table
    from .vader_disagreement import disagreement_report

    table = sentence_sentiment(article)
    mentions = actor_mentions(article)
    return {
        "sentence_sentiment.csv": table,
        "actors.csv": actor_sentiment(article, table, mentions),
        "actor_mentions.csv": mentions,
        "sentiment_disagreements.csv": disagreement_report(article),
        "sentiment_agreement.csv": agreement_table(table),
        "article_tone.csv": article_tone(article, table),
    }
