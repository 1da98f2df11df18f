"""Stage 2, framing: lexicon terms with offsets and rates, quotations and scare quotes, keyness against
general English, collocations and propaganda cues. ``article_tables(article, extras)`` gives the framing tables."""

from . import languages
from .tables import framing_tables


def article_tables(article, extras=frozenset()) -> dict:
    """The framing tables, with the extras named in ``extras`` (none unless asked, as in ``newslens.analyze``).
    A Russian or Ukrainian article gets the tables of ``languages``."""
    if article.language != "en":
        return languages.cyrillic_tables(article, extras)
    return framing_tables(article, collocations="collocations" in extras)


__all__ = ["article_tables", "framing_tables"]
