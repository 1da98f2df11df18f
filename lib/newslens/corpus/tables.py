"""One article's share of the corpus tables, made where the article is analysed (a worker process or a Dask
worker), so only these rows travel back to the driver.

``analyse_item(item, options)`` never raises: an article that cannot be read or analysed comes back as an
error record (stage, error type, one-line message), and the batch goes on.
"""

from __future__ import annotations

import traceback

from .. import schema
from ..analysis import Options, analyze
from ..errors import ArticleInputError
from ..text.loader import load_text

# The corpus tables and their columns (besides the keys every table has), as newslens.schema declares them.
# `articles` and `errors` are made by the driver, which knows each article's place in the input and its
# metadata.
KEYS = list(schema.KEYS)
ARTICLE_COLUMNS = schema.CORPUS_ARTICLES.column_names()
TABLE_COLUMNS = {name: table.column_names()[len(KEYS):] for name, table in schema.CORPUS_TABLES.items()
                 if name not in ("articles", "errors")}
ERROR_COLUMNS = schema.CORPUS_ERRORS.column_names()
TOP_PLACES = 3


def _article_summary(result) -> dict:
    """The per-article numbers of the `articles` table."""
    article = result.article
    tone = dict(zip(result["article_tone"]["measure"], result["article_tone"]["value"]))
    places = result["places"]
    named = places[places["kind"] != "bloc"] if "kind" in places else places
    top = named.sort_values(["mentions", "place"], ascending=[False, True]).head(TOP_PLACES)["place"].tolist()
    # Loaded-language and name-calling cues (framing's cue_rates.csv): the outlet's own voice, and the people it
    # quotes or reports, apart
    rates = result["cue_rates"]
    own = rates["voice"] == "outlet"
    cue_counts = {}
    for side, part in (("outlet", rates[own]), ("speaker", rates[~own])):
        words, cues = int(part["words"].sum()), int(part["word_cues"].sum())
        cue_counts.update({f"{side}_words": words, f"{side}_word_cues": cues,
                           f"{side}_cues_per_1000": round(1000 * cues / words, 3) if words else None})
    focus = result["place_focus"]
    focus = focus[focus["focus"]] if "focus" in focus else focus.head(0)
    return {
        "title": article.meta.title, "author": article.meta.author, "date": article.meta.date or "",
        "language": "en" if article.report.language == "en" else article.report.language,
        "input_format": article.report.input_format, "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences), "words": len(article.words),
        "news_mean_compound": tone.get("news_mean_compound"), "news_body_compound": tone.get("news_body_compound"),
        "vader_mean_compound": tone.get("vader_mean_compound"), "vader_body_compound": tone.get("vader_body_compound"),
        "tone": tone.get("tone"), "tone_positive_pct": tone.get("tone_positive_pct"),
        "tone_negative_pct": tone.get("tone_negative_pct"), "news_tone": tone.get("news_tone"), **cue_counts,
        "top_places": "; ".join(top),
        "focus_country": focus["country"].iloc[0] if len(focus) else "",
        "warnings": " | ".join(article.report.warnings),
    }


def _rows(result) -> dict:
    """The article's rows of every corpus table (without the keys, which the driver adds)."""
    from collections import Counter

    import pandas as pd

    from ..framing.keyness import keyness_words

    sentences = result["sentences"]
    quotes = result["quotes"]
    scare = quotes[quotes["kind"] == "scare quote"] if len(quotes) else quotes
    terms = result["terms"]
    mentions = result["place_mentions"]
    places = result["places"].set_index("place")[["lat", "lon"]] if len(result["places"]) else None
    if len(mentions):
        mentions = mentions.join(places, on="place") if places is not None else mentions.assign(lat=None, lon=None)
    else:
        mentions = mentions.assign(lat=None, lon=None)
    words = Counter(keyness_words(result.article))
    word_counts = pd.DataFrame(sorted(words.items()), columns=["word", "count"])
    return {
        "sentences": sentences.reindex(columns=TABLE_COLUMNS["sentences"]),
        "actor_sentiment": result["actors"].reindex(columns=TABLE_COLUMNS["actor_sentiment"]),
        "framing_terms": terms[terms["count"] > 0].reindex(columns=TABLE_COLUMNS["framing_terms"]),
        "scare_quotes": scare.reindex(columns=TABLE_COLUMNS["scare_quotes"]),
        "place_mentions": mentions.reindex(columns=TABLE_COLUMNS["place_mentions"]),
        "word_counts": word_counts,
    }


def analyse_item(item, options: Options) -> dict:
    """{"summary": ..., "tables": ...} for an article, or {"error": {"stage", "error_type", "message"}}."""
    if item.problem:
        return {"error": {"stage": "input", "error_type": "InputError", "message": item.problem}}
    stage = "read"
    try:
        content = item.raw()
        stage = "load"
        article = load_text(content, item.source, item.input_format)
        stage = "analysis"
        result = analyze(article, options)
        stage = "tables"
        return {"summary": _article_summary(result), "tables": _rows(result)}
    except ArticleInputError as exc:
        return {"error": {"stage": stage, "error_type": "ArticleInputError", "message": exc.problem}}
    except OSError as exc:
        return {"error": {"stage": stage, "error_type": type(exc).__name__, "message": exc.strerror or str(exc)}}
    except Exception as exc:        # a defect of newslens, not of the input: recorded with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return {"error": {"stage": stage, "error_type": type(exc).__name__,
                          "message": f"{exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}; please report)"}}


def analyse_batch(batch: list, options: Options) -> list[tuple[str, dict]]:
    """[(cache key, result)] for a batch of (cache key, item): the unit of work a process or Dask task gets."""
    return [(key, analyse_item(item, options)) for key, item in batch]
