"""Every framing table for one article (``framing_tables``), the assembly `newslens.analysis` calls."""

from __future__ import annotations

from ..schema import conform_each
from .lexicon import load_lexicon
from .quotes import find_quotes, quotes_table
from .terms import category_totals, find_mentions, mentions_table, naming_choices, terms_table
from .cues import cue_rates_table, cues_table
from .keyness import keyness_table


def framing_tables(article, collocations: bool = True) -> dict:
    """All framing outputs for ``newslens analyze``: file name -> DataFrame (collocations.csv only with
    ``collocations``: NLTK's collocation finder is the costliest part and few corpus questions need it)."""
    lexicon = load_lexicon()
    quotes = find_quotes(article)
    mentions = find_mentions(article, lexicon, quotes)
    terms = terms_table(article, mentions, lexicon)
    tables = {
        "terms.csv": terms,
        "term_categories.csv": category_totals(terms, len(article.words)),
        "naming_choices.csv": naming_choices(terms),
        "term_mentions.csv": mentions_table(article, mentions),
        "keyness.csv": keyness_table(article, quotes=quotes),
        "quotes.csv": quotes_table(article, quotes),
        "cues.csv": cues_table(article, mentions=mentions, quotes=quotes),
    }
    tables["cue_rates.csv"] = cue_rates_table(article, tables["cues.csv"], quotes)
    if collocations:
        from .collocations import collocations_table   # only with the collocations extra (NLTK's finder)

        tables["collocations.csv"] = collocations_table(article, quotes=quotes)
    return conform_each(tables, {"collocations"} if collocations else set())   # empty tables keep every column
