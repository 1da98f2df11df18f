"""Stage 2, framing: lexicon terms with offsets and rates, quotations and scare quotes, keyness against
general English, collocations and propaganda cues. ``article_tables(article)`` gives every framing table."""

from .tables import framing_tables as article_tables

__all__ = ["article_tables"]
