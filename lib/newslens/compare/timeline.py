"""The timeline: articles per day per group, and the tone of each day's articles."""

from __future__ import annotations

TIMELINE_COLUMNS = ["group", "date", "articles", "words", "mean_tone", "mean_article_compound", "items"]


def timeline(corpus):
    """One row per group and publication day: articles, words, their mean tone and mean article compound
    (news-sense VADER, the primary score), and the items (``;``-separated) so every point leads back to its
    articles."""
    import pandas as pd

    articles = corpus["articles"]
    dated = articles[articles["date"].astype(str).str.match(r"^\d{4}-\d{2}-\d{2}")].copy()
    dated["day"] = dated["date"].astype(str).str.slice(0, 10)
    order = {g: i for i, g in enumerate(corpus.groups)}
    # The primary score (news-sense VADER); the reference in corpus tables written before it was primary.
    article_score = "news_mean_compound" if "news_mean_compound" in articles else "vader_mean_compound"
    rows = []
    for (group, day), cell in dated.groupby(["group", "day"], sort=False):
        rows.append({"group": group, "date": day, "articles": len(cell), "words": int(cell["words"].sum()),
                     "mean_tone": float(cell["tone"].mean()),
                     "mean_article_compound": float(cell[article_score].mean()),
                     "items": ";".join(str(i) for i in sorted(cell["item"]))})
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    return frame.assign(_g=frame["group"].map(order)).sort_values(["date", "_g"], kind="mergesort").drop(
        columns="_g").reset_index(drop=True)
