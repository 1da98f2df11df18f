"""The framing tables of a Russian or Ukrainian article.

quotes.csv comes from ``quotes_cyrillic`` («...», „...“, dash-introduced direct speech, with speakers).
term_mentions.csv comes from ``framing.cyrillic.term_mentions`` (a bilingual framing lexicon matched on
lemmas), told the quoted spans so that a hit inside a quoted title is not counted, as in English. terms.csv,
term_categories.csv, naming_choices.csv, keyness.csv, cues.csv, cue_rates.csv and collocations.csv read English
lexicons and English word frequencies: they are made with every column and no rows. Without
``framing.cyrillic`` term_mentions.csv is empty too.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import delivered, not_available
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
        out["term_mentions.csv"] = "available: the bilingual framing lexicon (data/framing_lexicon_cyrillic.csv)"
    return out


def cyrillic_tables(article, extras=frozenset()) -> dict:
    """Every framing table of a Russian or Ukrainian article (see the module docstring)."""
    extras = set(extras)
    tables = {name: empty(ARTICLE_TABLES[name], extras) for name in TABLES
              if not ARTICLE_TABLES[name].extra or ARTICLE_TABLES[name].extra in extras}
    quotes = find_quotes(article)
    tables["quotes.csv"] = quotes_table(article, quotes)
    term_mentions = _term_mentions()
    sentences = article.sentences
    if term_mentions is not None and sentences:
        tables["term_mentions.csv"] = term_mentions(
            [s.text for s in sentences], article.language, starts=[s.start for s in sentences],
            sentence_ids=[s.id for s in sentences], paragraph_ids=[s.paragraph_id for s in sentences],
            quotes=quotes)
    return conform_each(tables, extras)
