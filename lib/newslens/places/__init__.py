"""Stage 2, places: an offline gazetteer, place mentions with their roles (a location, a government
acting, an origin) and the article's focus. ``annotate(article)`` gives the mentions (``PlaceMention``
records) and every places table; ``article_tables(article)`` the tables alone."""

from .geoparse import PlaceMention
from .tables import places_annotations, places_tables


def annotate(article, extras=frozenset()):
    """Records "place_mentions" and the places tables (places has no extras: the map is drawn by the report
    stage)."""
    return places_annotations(article)


def article_tables(article, extras=frozenset()) -> dict:
    """The places tables."""
    return places_tables(article)


__all__ = ["PlaceMention", "annotate", "article_tables", "places_annotations", "places_tables"]
