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


def articles_per_month(corpus):
    r"""Articles per month of publication (rows, "YYYY-MM", every month from the first to the last, a month
    without articles as 0) and group (columns, in the corpus's group order). Undated articles are left out:
    ``len(corpus["articles"]) - table.to_numpy().sum()`` of them. No dated article: a table without rows.

        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslens.corpus import run_corpus
        >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
        >>> _ = export.write_text("outlet,date,text\n"
        ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
        ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
        >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
        >>> from newslens.compare import read_corpus
        >>> articles_per_month(read_corpus(out)).reset_index().values.tolist()
        [['2022-02', 1, 0], ['2022-03', 0, 1]]
    """
    import pandas as pd

    articles = corpus["articles"]
    dates = articles["date"].fillna("").astype(str)
    dated = articles[dates.str.match(r"^\d{4}-\d{2}")]
    if not len(dated):
        return pd.DataFrame(index=pd.Index([], name="month", dtype=object))
    counts = pd.crosstab(dates[dated.index].str.slice(0, 7).rename("month"), dated["group"])
    months = pd.period_range(counts.index.min(), counts.index.max(), freq="M").astype(str)
    counts = counts.reindex(months, fill_value=0)     # a month without articles is a gap, not a missing row
    counts.index.name, counts.columns.name = "month", None
    return counts[[g for g in corpus.groups if g in counts.columns]]
