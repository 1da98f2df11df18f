"""Places per group: mentions by role (a location, a government acting under a place name, a demonym of
origin) and the countries each group writes about, with the focus country (the most-mentioned country) and
how many of the group's articles have each country as their own focus (``articles.focus_country``)."""

from __future__ import annotations

ROLE_NAMES = {"literal": "place", "actor": "government as actor", "attribute": "attribute (origin)",
              "dateline": "dateline (filed from)"}
ROLE_COLUMNS = ["group", "role", "role_name", "mentions", "articles", "share", "per_1000_words"]
COUNTRY_COLUMNS = ["group", "country", "country_code", "mentions", "place", "actor", "attribute", "dateline",
                   "articles", "share", "rank", "focus_articles", "is_focus"]


def _placed(corpus):
    mentions = corpus["place_mentions"]
    return mentions[mentions["role"].isin(list(ROLE_NAMES))]


def place_roles(corpus):
    """Per group and role: mentions, articles with one, share of the group's place mentions, rate per 1,000
    words. Mentions the place rules set aside (``not_a_place``: a person's name) are left out, and so is the
    dateline role in a corpus without wire datelines (rows of zeros)."""
    import pandas as pd

    mentions = _placed(corpus)
    words = corpus["articles"].groupby("group")["words"].sum()
    roles = {role: name for role, name in ROLE_NAMES.items()
             if role != "dateline" or (mentions["role"] == "dateline").any()}
    rows = []
    for group in corpus.groups:
        part = mentions[mentions["group"] == group]
        for role, name in roles.items():
            cell = part[part["role"] == role]
            rows.append({"group": group, "role": role, "role_name": name, "mentions": len(cell),
                         "articles": cell["item"].nunique(), "share": len(cell) / len(part) if len(part) else float("nan"),
                         "per_1000_words": 1000 * len(cell) / words.get(group, 0) if words.get(group, 0) else float("nan")})
    return pd.DataFrame(rows, columns=ROLE_COLUMNS)


def place_countries(corpus):
    """Per group and country: mentions by role (place, actor, attribute, dateline: they add up to mentions),
    articles, share of the group's country mentions, rank; the focus country of the group (rank 1) and the
    articles whose own focus it is."""
    import pandas as pd

    mentions = _placed(corpus)
    mentions = mentions[mentions["country"].astype(str) != ""]
    articles = corpus["articles"]
    rows = []
    for group in corpus.groups:
        part = mentions[mentions["group"] == group]
        if not len(part):
            continue
        focus = articles[articles["group"] == group]["focus_country"].value_counts()
        table = part.groupby(["country", "country_code"]).agg(
            mentions=("role", "size"), place=("role", lambda r: int((r == "literal").sum())),
            actor=("role", lambda r: int((r == "actor").sum())),
            attribute=("role", lambda r: int((r == "attribute").sum())),
            dateline=("role", lambda r: int((r == "dateline").sum())), articles=("item", "nunique")).reset_index()
        table = table.sort_values(["mentions", "country"], ascending=[False, True], kind="mergesort")
        table["share"] = table["mentions"] / table["mentions"].sum()
        table["rank"] = range(1, len(table) + 1)
        table["focus_articles"] = table["country"].map(focus).fillna(0).astype(int)
        table["is_focus"] = table["rank"] == 1
        rows.append(table.assign(group=group))
    if not rows:
        return pd.DataFrame(columns=COUNTRY_COLUMNS)
    return pd.concat(rows, ignore_index=True)[COUNTRY_COLUMNS]
