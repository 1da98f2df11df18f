"""terms.csv, term_categories.csv and naming_choices.csv of a Russian or Ukrainian article, from its
term_mentions.csv (``framing.cyrillic.term_mentions``) and the Cyrillic framing lexicon.

Same columns and the same rules as English (``framing.terms``): one terms.csv row per lexicon entry of the
article's language, zeros included; ``count`` holds the hits counted (a hit in a quoted title is listed in
term_mentions.csv with ``counted`` False and only adds to ``not_counted``); rates per 1,000 of the article's
words; Gries's DP across paragraphs; the hits in scare quotes and in attributed quotations.

Naming choices: one row per pair of rival names of the ``naming_choice`` category ("на Украине" / "в Украине",
Донбасс / Донбас). Most pairs cross the two languages: a Russian text writes Киев, a Ukrainian one Київ. The
other language's name is counted where the text writes it as a word of that language: its inflected forms
from that language's dictionary (pymorphy3's paradigm of the name: Київ, Києва, Києві, ...), minus any form
the article's own name also has. Such hits are not in term_mentions.csv (they belong to no entry of the
article's language); the count is in naming_choices.csv only.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..schema import NAMING_CHOICES, TERMS, conform
from ..text.cyrillic import CYRILLIC_LANGUAGES, morph_analyzer
from ..text.cyrillic_forms import fold
from .cyrillic import Lexicon, load_lexicon
from .lexicon import CATEGORIES
from .terms import category_totals, paragraph_word_counts, term_row


def terms_table(article, mentions: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """terms.csv from term_mentions.csv: one row per entry of the article's language (zeros included)."""
    lexicon = lexicon or load_lexicon()
    n_words = len(article.words)
    per_paragraph = paragraph_word_counts(article)
    hits_of: dict[tuple[str, str], list] = {}
    for row in mentions.itertuples(index=False):
        hits_of.setdefault((row.term, row.category), []).append(row)
    rows = []
    for entry in lexicon.of(article.language):
        hits = hits_of.get((entry.term, entry.category), [])
        rows.append(term_row(entry, hits, per_paragraph, n_words, lexicon.version))
    rank = {c: n for n, c in enumerate(CATEGORIES)}
    rows.sort(key=lambda r: (rank[r["category"]], -r["count"], r["term"]))
    return conform(pd.DataFrame(rows, columns=TERMS.column_names()), TERMS)


def term_categories_table(terms: pd.DataFrame, n_words: int) -> pd.DataFrame:
    """term_categories.csv: the English table's sums, over the entries of the article's language."""
    return category_totals(terms, n_words)


@lru_cache(maxsize=64)
def inflected_forms(name: str, lang: str) -> frozenset[str]:
    """Every folded form of a one-word name in ``lang``'s dictionary (its own spelling included)."""
    folded = fold(name)
    forms = {folded}
    for parse in morph_analyzer(lang).parse(folded):
        if fold(parse.normal_form) == folded:
            forms.update(fold(f.word) for f in parse.lexeme)
    return frozenset(forms)


def _other_language_counts(article, wanted: dict[str, frozenset[str]]) -> dict[str, int]:
    """How many of the article's words are a form of each other-language name (one pass over the words)."""
    owner = {form: name for name, forms in wanted.items() for form in forms}
    counts = dict.fromkeys(wanted, 0)
    for t in article.words:
        name = owner.get(fold(t.text))
        if name is not None:
            counts[name] += 1
    return counts


def naming_choices_table(article, terms: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """naming_choices.csv: each pair of rival names with both counts and the one the article uses."""
    lexicon = lexicon or load_lexicon()
    lang = article.language
    other = next(code for code in CYRILLIC_LANGUAGES if code != lang)
    names = terms[terms["category"] == "naming_choice"]
    count_of = dict(zip(names["term"], names["count"].astype(int)))
    own = {e.term: e for e in lexicon.of(lang) if e.category == "naming_choice"}
    theirs = {e.term: e for e in lexicon.of(other) if e.category == "naming_choice"}
    pairs, cross = [], {}
    for term, entry in own.items():
        alt = entry.alternative
        if not alt or (alt not in own and (alt not in theirs or " " in alt or " " in term)):
            continue
        pairs.append(tuple(sorted((term, alt))))
        if alt not in own:       # the other language's name: its forms that are not forms of this one
            cross[alt] = inflected_forms(alt, other) - inflected_forms(term, lang)
    count_of.update(_other_language_counts(article, cross))
    rows = []
    for a, b in sorted(set(pairs)):
        ca, cb = count_of[a], count_of[b]
        picked = a if ca and not cb else b if cb and not ca else ("both" if ca and cb else "neither")
        rows.append({"spelling_a": a, "count_a": ca, "spelling_b": b, "count_b": cb, "picked": picked})
    rows.sort(key=lambda r: (r["picked"] == "neither", r["spelling_a"]))
    return conform(pd.DataFrame(rows, columns=NAMING_CHOICES.column_names()), NAMING_CHOICES)
