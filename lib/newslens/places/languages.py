"""The places tables of a Russian or Ukrainian article.

The mentions come from ``places.cyrillic.place_mentions`` (a Cyrillic gazetteer with place roles) when that
module is installed; its rows have the columns of place_mentions.csv, and place_role_counts.csv counts them.
places.csv and place_focus.csv need each place's point and country, which that module's rows do not carry:
they stay empty for now. Without the module every places table is empty, with its columns.
"""

from __future__ import annotations

from ..schema import ARTICLE_TABLES, conform_each, empty
from ..text.language import LANGUAGE_NAMES
from ..text.readings import delivered, not_available
from .tables import ROLES

TABLES = ("places.csv", "place_mentions.csv", "place_role_counts.csv", "place_focus.csv")


def _mention_rows():
    return delivered("newslens.places.cyrillic", "place_mentions")


def readings(lang: str) -> dict:
    """{table: "available" or why not} for an article in ``lang``."""
    name = LANGUAGE_NAMES[lang]
    found = _mention_rows() is not None
    why = not_available("the places stage", name)
    return {"place_mentions.csv": "available" if found else why,
            "place_role_counts.csv": "available" if found else why,
            "places.csv": "not available in " + name + " yet: the mentions carry no point or country" if found
            else why,
            "place_focus.csv": "not available in " + name + " yet" if found else why}


def role_counts(mentions):
    """place_role_counts.csv from place_mentions.csv rows, as the English stage counts its mentions."""
    import pandas as pd

    rows = []
    for role in ROLES:
        part = mentions[mentions["role"] == role]
        is_place = part["place_kind"] != "bloc"
        resolved = part["place"] != ""
        rows.append({"role": role, "mentions": len(part),
                     "place_names": int(((part["kind"] == "name") & resolved & is_place).sum()),
                     "demonyms": int(((part["kind"] == "demonym") & resolved & is_place).sum()),
                     "blocs": int((resolved & ~is_place).sum()),
                     "excluded": int((part["kind"] == "excluded").sum())})
    return pd.DataFrame(rows)


def cyrillic_tables(article) -> dict:
    """Every places table of a Russian or Ukrainian article (see the module docstring)."""
    import pandas as pd

    tables = {name: empty(ARTICLE_TABLES[name]) for name in TABLES}
    place_mentions = _mention_rows()
    if place_mentions is not None:
        rows = place_mentions(article.sentences, article.language)
        mentions = pd.DataFrame(rows).reindex(columns=ARTICLE_TABLES["place_mentions.csv"].column_names())
        tables["place_mentions.csv"] = mentions
        tables["place_role_counts.csv"] = role_counts(mentions)
    return conform_each(tables, set())
