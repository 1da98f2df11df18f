"""The sentiment tables of a Russian or Ukrainian article.

sentences.csv keeps the English columns. With ``sentiment.cyrillic.sentence_scores`` installed (a VADER-like
compound per sentence from Russian and Ukrainian lexicons), that compound fills ``vader_compound`` and
``news_compound`` (the one score such an article has: the English reference and news-sense variants do not
exist for it), ``vader_label`` and the rolling mean, and article_tone.csv gets the mean, median and shares of
it; the other sentiment columns stay empty (NaN, or "" for text), as every other sentiment table. Without the
module every sentiment column and table is empty.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, SENTENCES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import delivered, not_available
from ..text.segment_cyrillic import sentence_tokens
from .scores import ROLLING_WINDOW, label

TABLES = ("actors.csv", "actor_mentions.csv", "sentiment_disagreements.csv", "sentiment_agreement.csv",
          "article_tone.csv")
BASE_COLUMNS = ("sentence_id", "paragraph_id", "start", "end", "words", "text")   # the text stage's


def _scorer():
    return delivered("newslens.sentiment.cyrillic", "sentence_scores")


def readings(lang: str) -> dict:
    why = not_available("sentiment", LANGUAGE_NAMES[lang])
    scored = _scorer() is not None
    out = {"sentence sentiment (vader_compound, news_compound)": "available" if scored else why,
           "article_tone.csv": "available (the compound's mean, median and shares)" if scored else why}
    out.update({name: why for name in TABLES if name != "article_tone.csv"})
    out["tone (GDELT-style)"] = why
    return out


def _compound(score) -> float:
    """A score as the module gives it: a number, or a mapping with "compound"."""
    return float(score["compound"] if isinstance(score, dict) else score)


def cyrillic_tables(article, extras=frozenset()) -> dict:
    """sentence_sentiment.csv (joined into sentences.csv) and every sentiment table of a Russian or Ukrainian
    article (see the module docstring)."""
    import pandas as pd

    extras = set(extras)
    columns = [c for c in SENTENCES.columns if c.name not in BASE_COLUMNS[1:]
               and (not c.extra or c.extra in extras)]
    ids = [s.id for s in article.sentences]
    frame = pd.DataFrame({"sentence_id": ids})
    for c in columns[1:]:
        frame[c.name] = {"float": float("nan"), "string": "", "int": 0, "bool": False}.get(c.dtype, None)
    tables = {name: empty(ARTICLE_TABLES[name], extras) for name in TABLES if not ARTICLE_TABLES[name].extra
              or ARTICLE_TABLES[name].extra in extras}
    score = _scorer()
    if score is not None and ids:
        by_sentence = sentence_tokens(article)
        compounds = [_compound(s) for s in score([by_sentence[i] for i in ids], article.language)]
        frame["vader_compound"] = compounds
        frame["news_compound"] = compounds
        frame["vader_label"] = [label(c) for c in compounds]
        frame["vader_rolling_mean"] = frame["vader_compound"].rolling(ROLLING_WINDOW, center=True,
                                                                      min_periods=1).mean()
        series = frame["vader_compound"]
        method = f"{LANGUAGE_NAMES[article.language]} lexicon compound"
        rows = [("sentences", "count", len(series), "body sentences scored"),
                ("news_mean_compound", method, series.mean(), "mean sentence compound (the same score as "
                 "vader_mean_compound: one score in this language)"),
                ("news_median_compound", method, series.median(), "median sentence compound"),
                ("vader_mean_compound", method, series.mean(), "mean sentence compound"),
                ("vader_median_compound", method, series.median(), "median sentence compound")]
        for name in ("negative", "neutral", "positive"):
            rows.append((f"news_share_{name}", method, (frame["vader_label"] == name).mean(),
                         f"share of {name} sentences"))
        tone = pd.DataFrame(rows, columns=["measure", "method", "value", "definition"])
        tone["value"] = tone["value"].astype(float).round(4)
        tables["article_tone.csv"] = tone
    tables["sentence_sentiment.csv"] = frame
    return conform_each(tables, extras)
