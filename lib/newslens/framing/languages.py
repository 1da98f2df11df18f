"""The framing tables of a Russian or Ukrainian article.

quotes.csv comes from ``quotes_cyrillic`` («...», „...“, dash-introduced direct speech, with speakers).
term_mentions.csv comes from ``framing.cyrillic.term_mentions`` (a bilingual framing lexicon matched on
lemmas), told the quoted spans so that a hit inside a quoted title is not counted, as in English; terms.csv,
term_categories.csv and naming_choices.csv are summed from it (``cyrillic_terms``); keyness.csv and
collocations.csv read lemmas against wordfreq's Russian or Ukrainian list (``cyrillic_keyness``); cues.csv and
cue_rates.csv take the lexicon's loaded words and labels with their voice (``cyrillic_cues``). Without
``framing.cyrillic`` (a test stands in for a missing language module) every table but quotes.csv is made with
every column and no rows.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import not_available
from .cyrillic import term_mentions
from .cyrillic_cues import CyrillicVoices, cue_rates_table, cues_table, find_cues
from .cyrillic_keyness import collocations_table, keyness_table, lemma_sentences
from .cyrillic_terms import naming_choices_table, term_categories_table, terms_table
from .quotes_cyrillic import find_quotes, quotes_table

TABLES = ("terms.csv", "term_categories.csv", "naming_choices.csv", "term_mentions.csv", "keyness.csv",
          "quotes.csv", "cues.csv", "cue_rates.csv", "collocations.csv")


def _term_mentions():
    return term_mentions   # a function, so that a test can stand in for a missing language module


def readings(lang: str) -> dict:
    why = not_available("framing", LANGUAGE_NAMES[lang])
    out = {name: why for name in TABLES}
    out["quotes.csv"] = "available"
    if _term_mentions() is not None:
        name = LANGUAGE_NAMES[lang]
        lexicon = "the bilingual framing lexicon (data/framing_lexicon_cyrillic.csv)"
        out.update({
            "term_mentions.csv": f"available: {lexicon}",
            "terms.csv": f"available: {lexicon}, its {name} entries",
            "term_categories.csv": f"available: {lexicon}, its {name} entries",
            "naming_choices.csv": f"available: {lexicon}, its naming choices; the other language's name counted by "
                                  "its inflected forms",
            "keyness.csv": f"available: lemmas against general {name} (wordfreq, forms summed per lemma)",
            "cues.csv": f"available: {lexicon}, its loaded words and labels; duplicated sentences and repeated "
                        "scare quotes (no repeated n-grams)",
            "cue_rates.csv": "available: the cues.csv of this article by voice",
            "collocations.csv": "available: lemma pairs and triples (NLTK's likelihood ratio)",
        })
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
    if term_mentions is None or not sentences:
        return conform_each(tables, extras)
    mentions = term_mentions(
        [s.text for s in sentences], article.language, starts=[s.start for s in sentences],
        sentence_ids=[s.id for s in sentences], paragraph_ids=[s.paragraph_id for s in sentences], quotes=quotes)
    terms = terms_table(article, mentions)
    lemmas = lemma_sentences(article, quotes)
    voices = CyrillicVoices(article, quotes)
    cues = find_cues(article, mentions, quotes, voices)
    tables.update({
        "terms.csv": terms, "term_categories.csv": term_categories_table(terms, len(article.words)),
        "naming_choices.csv": naming_choices_table(article, terms), "term_mentions.csv": mentions,
        "keyness.csv": keyness_table(article, quotes, lemmas=lemmas), "cues.csv": cues_table(cues),
        "cue_rates.csv": cue_rates_table(article, cues, voices),
    })
    if "collocations" in extras:
        tables["collocations.csv"] = collocations_table(article, quotes, lemmas=lemmas)
    return conform_each(tables, extras)
