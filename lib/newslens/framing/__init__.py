"""Stage 2, framing: lexicon terms with offsets and rates, quotations and scare quotes, keyness against
general English, collocations and propaganda cues. ``annotate(article, extras)`` gives the records
(``terms.TermMatch``, ``quotes.Quote``, ``cues.Cue``) and the framing tables; ``article_tables(article,
extras)`` the tables alone."""

from ..annotations import Annotations
from ..stages import ANALYSIS_RECORDS
from . import languages
from .tables import framing_annotations, framing_tables


def annotate(article, extras=frozenset()):
    """Records "term_matches", "quotes" and "cues" and the framing tables, with the extras named in
    ``extras`` (none unless asked, as in ``newslens.analyze``). A Russian or Ukrainian article gets the tables
    of ``languages`` and no records."""
    if article.language != "en":
        return Annotations(records=dict.fromkeys(ANALYSIS_RECORDS["framing"], ()), tables=languages.cyrillic_tables(article, extras))
    return framing_annotations(article, collocations="collocations" in extras)


def article_tables(article, extras=frozenset()) -> dict:
    """The framing tables (``annotate`` without the records)."""
    return annotate(article, extras).tables


__all__ = ["annotate", "article_tables", "framing_annotations", "framing_tables"]
