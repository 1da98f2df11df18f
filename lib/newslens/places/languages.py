"""The places tables of a Russian or Ukrainian article.

The mentions come from ``places.cyrillic.analyse`` (Cyrillic names of the English gazetteer's places, resolved
by the English scoring, with roles read by Russian and Ukrainian rules); the four tables are then made from
them by the English stage's own table functions, so they have its columns and meanings. The dateline's place
("Москва" of "МОСКВА, 27 октября. /ТАСС/.") is the first mention, role ``dateline``, not in the body, as in
English. Without ``places.cyrillic`` every places table is empty, with its columns.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import delivered, not_available
from .tables import DATELINE_RULE, focus_frame, mentions_frame, places_frame, role_counts_frame

TABLES = ("places.csv", "place_mentions.csv", "place_role_counts.csv", "place_focus.csv")


def _analyse():
    return delivered("newslens.places.cyrillic", "analyse")


def readings(lang: str) -> dict:
    """{table: "available" or why not} for an article in ``lang``."""
    state = "available" if _analyse() is not None else not_available("the places stage", LANGUAGE_NAMES[lang])
    return {name: state for name in TABLES}


def _dateline_mention(article, analyse):
    """The dateline's place as a mention not in the body (as ``geoparse.dateline_mention`` gives it in English),
    or None."""
    place = article.meta.dateline_place
    if not place:
        return None
    found = [m for m in analyse([place], article.language)
             if m.start == 0 and m.end == len(place) and m.place is not None]
    if not found:
        return None
    mention = found[0]
    mention.surface = article.meta.dateline[:len(place)]            # as written: "МОСКВА"
    mention.place_evidence, mention.in_body = "dateline", False
    mention.role, mention.rule = "dateline", DATELINE_RULE
    return mention


def cyrillic_tables(article) -> dict:
    """Every places table of a Russian or Ukrainian article (see the module docstring)."""
    analyse = _analyse()
    if analyse is None:
        return {name: empty(ARTICLE_TABLES[name]) for name in TABLES}
    sentences = article.sentences
    mentions = analyse([s.text for s in sentences], article.language, starts=[s.start for s in sentences],
                       sentence_ids=[s.id for s in sentences],
                       paragraph_ids=[s.paragraph_id for s in sentences]) if sentences else []
    dateline = _dateline_mention(article, analyse)
    if dateline is not None:
        mentions.insert(0, dateline)
    return conform_each({
        "places.csv": places_frame(mentions),
        "place_mentions.csv": mentions_frame(mentions),
        "place_role_counts.csv": role_counts_frame(mentions),
        "place_focus.csv": focus_frame(article, mentions),
    }, set())
