"""The timeline: articles per day per group, and the tone of each day's articles."""

from __future__ import annotations

TIMELINE_COLUMNS = ["group", "date", "articles", "words", "mean_tone", "mean_article_compound", "items"]


def timeline(corpus):
    """One row per group and publication day: articles, words, their mean tone and mean sentence compound,
    and the items (``;``-separated) so every point leads back to its articles."""
    import pandas as pd

    articles = corpus["articles"]
    dated = articles[articles["date"].astype(str).str.match(r"^\d{4}-\d{2}-\d{2}")].copy()
    dated["day"] = dated["date"].astype(str).str.slice(0, 10)
    order = {g: i for i, g in enumerate(corpus.groups)}
    rows = []
    for (group, day), cell in dated.groupby(["group", "day"], sort=False):
        rows.append({"group": group, "date": day, "articles": len(cell), "words": int(cell["words"].sum()),
                     "mean_tone": float(cell["tone"].mean()),
                     "mean_article_compound": float(cell["vader_mean_compound"].mean()),
                     "items": ";".join(str(i) for i in sorted(cell["item"]))})
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return frame.assign(_g=frame["group"].map(order)).sort_values(["date", "_g"], kind="mergesort").drop(
        columns="_g").reset_index(drop=True)
