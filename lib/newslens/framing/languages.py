"""The framing tables of a Russian or Ukrainian article.

quotes.csv is filled (``quotes_cyrillic``: «...», „...“, dash-introduced direct speech, with speakers). With
``framing.cyrillic.term_mentions`` installed (a bilingual framing lexicon matched on lemmas; rows with the
columns of term_mentions.csv), term_mentions.csv is filled from it. terms.csv, term_categories.csv,
naming_choices.csv, keyness.csv, cues.csv, cue_rates.csv and collocations.csv read English lexicons and English
word frequencies: they are made with every column and no rows.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import delivered, not_available
from ..text.segment_cyrillic import sentence_tokens
from .quotes_cyrillic import find_quotes, quotes_table

TABLES = ("terms.csv", "term_categories.csv", "naming_choices.csv", "term_mentions.csv", "keyness.csv",
          "quotes.csv", "cues.csv", "cue_rates.csv", "collocations.csv")


def _term_mentions():
    return delivered("newslens.framing.cyrillic", "term_mentions")


def readings(lang: str) -> dict:
    why = not_available("framing", LANGUAGE_NAMES[lang])
    out = {name: why for name in TABLES}
    out["quotes.csv"] = "available"
    if _term_mentions() is not None:
        out["term_mentions.csv"] = "available"
    return out


def cyrillic_tables(article, extras=frozenset()) -> dict:
    """Every framing table of a Russian or Ukrainian article (see the module docstring)."""
    import pandas as pd

    extras = set(extras)
    tables = {name: empty(ARTICLE_TABLES[name], extras) for name in TABLES
              if not ARTICLE_TABLES[name].extra or ARTICLE_TABLES[name].extra in extras}
    tables["quotes.csv"] = quotes_table(article, find_quotes(article))
    term_mentions = _term_mentions()
    if term_mentions is not None:
        rows = term_mentions(sentence_tokens(article), article.language)
        tables["term_mentions.csv"] = pd.DataFrame(rows).reindex(
            columns=ARTICLE_TABLES["term_mentions.csv"].column_names())
    return conform_each(tables, extras)
