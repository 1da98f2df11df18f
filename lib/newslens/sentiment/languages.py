"""The sentiment tables of a Russian or Ukrainian article.

sentences.csv keeps the English columns. ``sentiment.cyrillic.sentence_scores`` (VADER's rules on pymorphy3
lemmas with Russian and Ukrainian lexicons) gives each sentence a compound and pos/neu/neg shares: they fill
``vader_compound``, ``vader_pos``, ``vader_neu``, ``vader_neg`` and ``news_compound`` (the one score such an
article has: the English reference and news-sense variants do not exist for it; its lexicon is written in the
news sense), ``vader_label`` and the rolling mean; article_tone.csv gets its mean, median and shares.

actors.csv and actor_mentions.csv: the actors of ``sentiment.actors_cyrillic`` (a Cyrillic alias list, inflected
forms through lemmas, roles from the places stage's Russian and Ukrainian rules), scored by the English
``actors.actor_sentiment`` on that one sentence score: the same columns, the same bootstrap interval with the
intervals extra, and with the target_sentiment extra the sentiment toward each mention (Russian: the model
fitted on RuSentNE-2023, ``sentiment.target_ru``; Ukrainian: ``sentiment.cyrillic.target_scores``). The ``vader_`` columns of actors.csv repeat the primary score's, as
``vader_compound`` repeats ``news_compound``.

sentiment_disagreements.csv and sentiment_agreement.csv compare several English scorers (NLTK's port against the
reference VADER; VADER, TextBlob, NRC, the tone and the op-ed variant): with one score in these languages there
is nothing to compare, so they stay empty, and article.json says so. The other sentiment columns (vader_words,
the GDELT-style tone, the second opinions) stay empty too (NaN, or "" for text). Without the language module
every sentiment column and table is empty.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, SENTENCES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import not_available
from ..text.segment_cyrillic import sentence_tokens
from .actors import actor_mentions_frame, actor_sentiment
from .actors_cyrillic import find_actor_mentions
from .cyrillic import sentence_scores
from .scores import ROLLING_WINDOW, label

TABLES = ("actors.csv", "actor_mentions.csv", "sentiment_disagreements.csv", "sentiment_agreement.csv",
          "article_tone.csv")
BASE_COLUMNS = ("sentence_id", "paragraph_id", "start", "end", "words", "text")   # the text stage's
SHARES = {"vader_pos": "pos", "vader_neu": "neu", "vader_neg": "neg"}


def _scorer():
    return sentence_scores   # a function, so that a test can stand in for a missing language module


# What the target_sentiment extra gives toward each actor mention, and how far it was checked.
TARGET_READING = {
    "ru": "a model fitted on RuSentNE-2023's training split (sentiment.target_ru; F1 over positive and negative "
          "0.454 on its validation split, 0.426 cross-validated on train; the lexicon's 0.326; "
          "docs/sentiment-ru-uk.md); target_score is P(positive) - P(negative), target_label the class the model "
          "picks with decision offsets tuned for that measure, so it calls polarity more readily than the score "
          "suggests",
    "uk": "the Ukrainian lexicon's words near the mention (sentiment.cyrillic.target_scores; F1_PN 0.624 on 169 "
          "hand-labelled mentions of president.gov.ua texts, in-sample for lexicon 1.1.0 (0.572 before it), "
          "docs/sentiment-ru-uk.md); target_label is its sign",
}


def readings(lang: str) -> dict:
    name = LANGUAGE_NAMES[lang]
    why = not_available("sentiment", name)
    scored = _scorer() is not None
    one_score = (f"not applicable in {name}: it compares English scorers (NLTK's port, TextBlob, NRC, the tone, "
                 f"the op-ed variant), and a {name} sentence has one score") if scored else why
    out = {"sentence sentiment (vader_compound, news_compound)":
           f"available: {name} lexicon with VADER's rules (docs/languages.md)" if scored else why,
           "article_tone.csv": "available: the compound's mean, median and shares" if scored else why,
           "actors.csv": (f"available: the mean {name} sentence score where each actor acts (aliases: "
                          f"data/actors_cyrillic.csv; roles: the places stage's {name} rules); with "
                          f"target_sentiment, toward each mention: {TARGET_READING[lang]}") if scored else why,
           "actor_mentions.csv": (f"available: {name} aliases in any case (data/actors_cyrillic.csv) and "
                                  "the countries the places stage finds acting") if scored else why,
           "sentiment_disagreements.csv": one_score, "sentiment_agreement.csv": one_score}
    out["tone (GDELT-style)"] = why
    return out


def cyrillic_annotations(article, extras=frozenset(), place_mentions=None) -> tuple[tuple, dict]:
    """(the actor mention records, the tables): sentence_sentiment.csv (joined into sentences.csv) and every
    sentiment table of a Russian or Ukrainian article (see the module docstring). ``place_mentions``: the
    places stage's table, which tells a country acting from a setting or an origin."""
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
    found = ()
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
        target = "target_sentiment" in extras
        found = tuple(find_actor_mentions(article, by_sentence, target=target, place_mentions=place_mentions))
        mentions = actor_mentions_frame(list(found), target)
        tables["actor_mentions.csv"] = mentions
        tables["actors.csv"] = actor_sentiment(article, frame, mentions, intervals="intervals" in extras)
    tables["sentence_sentiment.csv"] = frame
    return found, conform_each(tables, extras)


def cyrillic_tables(article, extras=frozenset(), place_mentions=None) -> dict:
    """The tables of ``cyrillic_annotations``."""
    return cyrillic_annotations(article, extras, place_mentions)[1]
