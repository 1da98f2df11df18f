"""Stage 2, places: an offline gazetteer, place mentions with their roles (a location, a government
acting, an origin) and the article's focus. ``annotate(article)`` gives the mentions
(``geoparse.PlaceMention`` records) and every places table; ``article_tables(article)`` the tables alone."""

from ..annotations import Annotations
from ..stages import ANALYSIS_RECORDS
from . import languages
from .tables import places_annotations, places_tables


def annotate(article, extras=frozenset()):
    """Records "place_mentions" and the places tables (places has no extras: the map is drawn by the report
    stage). A Russian or Ukrainian article gets the tables of ``languages`` and no records."""
    if article.language != "en":
        return Annotations(records=dict.fromkeys(ANALYSIS_RECORDS["places"], ()), tables=languages.cyrillic_tables(article))
    return places_annotations(article)


def article_tables(article, extras=frozenset()) -> dict:
    """The places tables, in the article's language: English, or Russian and Ukrainian (``languages``)."""
    return annotate(article, extras).tables


__all__ = ["annotate", "article_tables", "places_annotations", "places_tables"]
