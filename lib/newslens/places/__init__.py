"""Stage 2, places: an offline gazetteer, place mentions with their roles (a location, a government
acting, an origin) and the article's focus. ``article_tables(article)`` gives every places table."""

from .tables import places_tables as article_tables

__all__ = ["article_tables"]
