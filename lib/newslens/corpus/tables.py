"""One article's share of the corpus tables, made where the article is analysed (a worker process or a Dask
worker), so only these rows travel back to the driver.

``analyse_item(item, options)`` never raises: an article that cannot be read or analysed comes back as an
error record (stage, error type, one-line message), and the batch goes on. An article stopped by a limit
(``ArticleStopped``, raised into it by the guard of ``limits.py``) or out of memory is recorded the same way.
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


class ArticleStopped(BaseException):
    """Raised into an article's analysis when it passes a limit. A BaseException, so that no ``except
    Exception`` in the analysis swallows it; ``error_type`` and the message go to the errors table."""

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type


def error_record(stage: str, error_type: str, message: str) -> dict:
    return {"error": {"stage": stage, "error_type": error_type, "message": message}}


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
        "language": article.report.language,
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

    # Imported here, not at the top: `import newslens.corpus` (the command line, a Dask scheduler) should not
    # load the framing stage and numpy; the worker that analyses the article has them already.
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


def analyse_item(item, options: Options, on_stage=None, analyse=analyze) -> dict:
    """{"summary": ..., "tables": ...} for an article, or {"error": {"stage", "error_type", "message"}}.
    ``on_stage(stage)`` is told each stage as it starts (what a process killed mid-article leaves behind);
    ``analyse`` stands in for ``analysis.analyze`` (tests inject slow or greedy articles through it)."""
    if item.problem:
        return error_record("input", "InputError", item.problem)
    stage = "read"
    try:
        if on_stage:
            on_stage(stage)
        content = item.raw()
        stage = "load"
        if on_stage:
            on_stage(stage)
        article = load_text(content, item.source, item.input_format, lang=options.lang)
        stage = "analysis"
        if on_stage:
            on_stage(stage)
        result = analyse(article, options)
        stage = "tables"
        if on_stage:
            on_stage(stage)
        return {"summary": _article_summary(result), "tables": _rows(result)}
    except ArticleStopped as exc:
        return error_record(stage, exc.error_type, str(exc))
    except ArticleInputError as exc:
        return error_record(stage, "ArticleInputError", exc.problem)
    except OSError as exc:
        return error_record(stage, type(exc).__name__, exc.strerror or str(exc))
    except MemoryError:             # the machine (or a ceiling) refused an allocation: this article only
        return error_record(stage, "MemoryError", "ran out of memory")
    except Exception as exc:        # a defect of newslens, not of the input: recorded with where it happened
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return error_record(stage, type(exc).__name__,
                            f"{exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}; please report)")


def analyse_batch(batch: list, options: Options, analyse=analyze) -> list[tuple[str, dict]]:
    """[(cache key, result)] for a batch of (cache key, item), in this process, without limits."""
    return [(key, analyse_item(item, options, analyse=analyse)) for key, item in batch]
