"""Stage 2, sentiment: every sentence scored by several methods, article-level tone, sentiment near each
actor, and where the methods disagree. ``annotate(article, extras)`` gives the records
(``tables.SentenceScore``, ``actors.ActorMention``) and the sentiment tables; ``article_tables(article,
extras)`` the tables alone."""

from ..annotations import Annotations
from ..stages import ANALYSIS_RECORDS
from . import languages
from .tables import sentiment_annotations, sentiment_tables


def annotate(article, extras=frozenset(), place_mentions=None):
    """Records "sentence_scores" and "actor_mentions" and the sentiment tables, with the extras named in
    ``extras`` (none unless asked, as in ``newslens.analyze``); ``place_mentions`` (the places stage's table)
    decides which country mentions are the state acting. A Russian or Ukrainian article gets the tables of
    ``languages``, with its actor mentions as records (and no sentence_scores records: those hold English
    scorers' fields)."""
    if article.language != "en":
        found, tables = languages.cyrillic_annotations(article, extras, place_mentions)
        records = dict.fromkeys(ANALYSIS_RECORDS["sentiment"], ())
        records["actor_mentions"] = found
        return Annotations(records=records, tables=tables)
    return sentiment_annotations(article, second_opinions="second_opinions" in extras,
                                 intervals="intervals" in extras, target="target_sentiment" in extras,
                                 place_mentions=place_mentions)


def article_tables(article, extras=frozenset(), place_mentions=None) -> dict:
    """The sentiment tables (``annotate`` without the records)."""
    return annotate(article, extras, place_mentions).tables


__all__ = ["annotate", "article_tables", "sentiment_annotations", "sentiment_tables"]
