"""The sentiment tables of a Russian or Ukrainian article.

sentences.csv keeps the English columns. ``sentiment.cyrillic.sentence_scores`` (VADER's rules on pymorphy3
lemmas with Russian and Ukrainian lexicons) gives each sentence a compound and pos/neu/neg shares: they fill
``vader_compound``, ``vader_pos``, ``vader_neu``, ``vader_neg`` and ``news_compound`` (the one score such an
article has: the English reference and news-sense variants do not exist for it; its lexicon is written in the
news sense), ``vader_label`` and the rolling mean; article_tone.csv gets its mean, median and shares. The other
sentiment columns (vader_words, the GDELT-style tone, the second opinions) stay empty (NaN, or "" for text),
as do actors, actor mentions, disagreements and agreement. Without the module every sentiment column and
table is empty.
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
SHARES = {"vader_pos": "pos", "vader_neu": "neu", "vader_neg": "neg"}


def _scorer():
    return delivered("newslens.sentiment.cyrillic", "sentence_scores")


def readings(lang: str) -> dict:
    why = not_available("sentiment", LANGUAGE_NAMES[lang])
    scored = _scorer() is not None
    out = {"sentence sentiment (vader_compound, news_compound)":
           f"available: {LANGUAGE_NAMES[lang]} lexicon with VADER's rules (docs/languages.md)" if scored else why,
           "article_tone.csv": "available: the compound's mean, median and shares" if scored else why}
    out.update({name: why for name in TABLES if name != "article_tone.csv"})
    out["tone (GDELT-style)"] = why
    return out


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
        scores = [score(by_sentence[i], article.language) for i in ids]
        compounds = [s["compound"] for s in scores]
        frame["vader_compound"] = compounds
        frame["news_compound"] = compounds
        for column, key in SHARES.items():
            frame[column] = [float(s[key]) for s in scores]
        frame["vader_label"] = [label(c) for c in compounds]
        frame["vader_rolling_mean"] = frame["vader_compound"].rolling(ROLLING_WINDOW, center=True,
                                                                      min_periods=1).mean()
        series = frame["vader_compound"]
        method = f"{LANGUAGE_NAMES[article.language]} lexicon, VADER's rules"
        rows = [("sentences", "count", len(series), "body sentences scored"),
                ("news_mean_compound", method, series.mean(), "mean sentence compound (the same score as "
                 "vader_mean_compound: one score in this language)"),
                ("news_median_compound", method, series.median(), "median sentence compound")]
        for name in ("negative", "neutral", "positive"):
            rows.append((f"news_share_{name}", method, (frame["vader_label"] == name).mean(),
                         f"share of {name} sentences"))
        rows += [("vader_mean_compound", method, series.mean(), "mean sentence compound"),
                 ("vader_median_compound", method, series.median(), "median sentence compound")]
        tone = pd.DataFrame(rows, columns=["measure", "method", "value", "definition"])
        tone["value"] = tone["value"].astype(float).round(4)
        tables["article_tone.csv"] = tone
    tables["sentence_sentiment.csv"] = frame
    return conform_each(tables, extras)
