"""Stage 2, sentiment: every sentence scored by several methods, article-level tone, sentiment near each
actor, and where the methods disagree. ``article_tables(article)`` gives every sentiment table."""

from .tables import sentiment_tables as article_tables

__all__ = ["article_tables"]
