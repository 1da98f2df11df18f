"""Stage 2, places: an offline gazetteer, place mentions with their roles (a location, a government
acting, an origin) and the article's focus. ``article_tables(article)`` gives every places table."""

from . import languages
from .tables import places_tables


def article_tables(article, extras=frozenset()) -> dict:
    """The places tables (places has no extras: the map is drawn by the report stage), in the article's
    language: English, or Russian and Ukrainian (``languages``)."""
    if article.language != "en":
        return languages.cyrillic_tables(article)
    return places_tables(article)


__all__ = ["article_tables", "places_tables"]
