"""Stage 2, sentiment: every sentence scored by several methods, article-level tone, sentiment near each
actor, and where the methods disagree. ``article_tables(article, extras)`` gives the sentiment tables."""

from . import languages
from .tables import sentiment_tables


def article_tables(article, extras=frozenset(), place_mentions=None) -> dict:
    """The sentiment tables, with the extras named in ``extras`` (none unless asked, as in ``newslens.analyze``);
    ``place_mentions`` (the places stage's table) decides which country mentions are the state acting. A
    Russian or Ukrainian article gets the tables of ``languages``."""
    if article.language != "en":
        return languages.cyrillic_tables(article, extras)
    return sentiment_tables(article, second_opinions="second_opinions" in extras, intervals="intervals" in extras,
                            target="target_sentiment" in extras, place_mentions=place_mentions)


__all__ = ["article_tables", "sentiment_tables"]
