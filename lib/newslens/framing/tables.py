"""Every framing record and table for one article (``framing_annotations``), the assembly `newslens.analysis`
calls; ``framing_tables`` gives the tables alone."""

from __future__ import annotations

from ..annotations import Annotations
from ..schema import conform_each
from .lexicon import load_lexicon
from .quotes import find_quotes, quotes_table
from .terms import category_totals, find_mentions, mentions_table, naming_choices, terms_table
from .cues import Voices, cue_rates_table, cues_frame, find_cues
from .keyness import keyness_table


def framing_tables(article, collocations: bool = True) -> dict:
    """All framing tables for ``newslens analyze``: file name -> DataFrame (``framing_annotations``)."""
    return framing_annotations(article, collocations).tables


def framing_annotations(article, collocations: bool = True) -> Annotations:
    """Records "term_matches" (``terms.TermMatch``), "quotes" (``quotes.Quote``) and "cues" (``cues.Cue``), and
    every framing table, file name -> DataFrame (collocations.csv only with ``collocations``: NLTK's
    collocation finder is the costliest part and few corpus questions need it)."""
    lexicon = load_lexicon()
    quotes = tuple(find_quotes(article))
    mentions = tuple(find_mentions(article, lexicon, quotes))
    terms = terms_table(article, mentions, lexicon)
    tables = {
        "terms.csv": terms,
        "term_categories.csv": category_totals(terms, len(article.words)),
        "naming_choices.csv": naming_choices(terms),
        "term_mentions.csv": mentions_table(article, mentions),
        "keyness.csv": keyness_table(article, quotes=quotes),
        "quotes.csv": quotes_table(article, quotes),
    }
    voices = Voices(article, quotes)        # whose words each span is: read once for both cue tables
    cues = tuple(find_cues(article, mentions=mentions, quotes=quotes, voices=voices))
    tables["cues.csv"] = cues_frame(cues)
    tables["cue_rates.csv"] = cue_rates_table(article, cues, quotes, voices=voices)
    if collocations:
        from .collocations import collocations_table   # only with the collocations extra (NLTK's finder)

        tables["collocations.csv"] = collocations_table(article, quotes=quotes)
    # Empty tables keep every column (newslens.schema).
    return Annotations(records={"term_matches": mentions, "quotes": quotes, "cues": cues},
                       tables=conform_each(tables, {"collocations"} if collocations else set()))


def _derived_from(source: str) -> str | None:
    """Russian or Ukrainian: whichever the lexicon entry's reason names first as the spelling's origin."""
    found = sorted((source.find(lang), lang) for lang in ("Russian", "Ukrainian") if lang in source)
    return found[0][1] if found else None


def naming_pairs(naming_table, lexicon=None):
    """The naming choices for a reader: (Ukrainian place names as Russian- against Ukrainian-derived
    spellings, the other contested pairs), each a DataFrame with the counts beside the forms and what the
    article uses. ``naming_table`` is ``naming_choices.csv``; the origin of a spelling is read from the
    reason its lexicon entry gives."""
    import pandas as pd

    names = (lexicon or load_lexicon()).to_frame()
    names = names[names["category"] == "naming_choice"]
    origin = {term: _derived_from(source) for term, source in zip(names["term"], names["source"])}
    transliterated, other = [], []
    for row in naming_table.itertuples():
        forms = {origin.get(row.spelling_a): f"{row.spelling_a} ({row.count_a})",
                 origin.get(row.spelling_b): f"{row.spelling_b} ({row.count_b})"}
        uses = {"neither": "neither", "both": "both"}.get(row.picked)
        if set(forms) == {"Russian", "Ukrainian"}:
            transliterated.append({"Russian-derived form (count)": forms["Russian"],
                                   "Ukrainian-derived form (count)": forms["Ukrainian"],
                                   "the article uses": uses or f"{origin[row.picked]}-derived"})
        else:
            other.append({"form (count)": f"{row.spelling_a} ({row.count_a})",
                          "other form (count)": f"{row.spelling_b} ({row.count_b})",
                          "the article uses": uses or row.picked})
    return (pd.DataFrame(transliterated, columns=["Russian-derived form (count)", "Ukrainian-derived form (count)",
                                                  "the article uses"]),
            pd.DataFrame(other, columns=["form (count)", "other form (count)", "the article uses"]))
