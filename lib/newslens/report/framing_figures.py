"""Figures for the framing notebook. Each function returns (figure, the DataFrame it plots) for save_figure."""

from __future__ import annotations

from ..framing.lexicon import CATEGORIES


def category_figure(categories):
    """Horizontal bars: hits per 1,000 words in each lexicon category."""
    import matplotlib.pyplot as plt

    data = categories[["category", "count", "per_1000", "terms_found", "entries"]].iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.barh(data["category"].str.replace("_", " "), data["per_1000"], color="tab:blue")
    for y, (count, rate) in enumerate(zip(data["count"], data["per_1000"])):
        ax.annotate(f"{count}", (rate, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_xlim(0, max(float(data["per_1000"].max() or 0) * 1.12, 1.0))   # room for the labels, even at zero
    ax.set_xlabel("hits per 1,000 words (label: number of hits)")
    ax.set_title("Framing lexicon categories (categories can share words)")
    fig.tight_layout()
    return fig, data


def barcode_data(mention_table, min_count: int = 2):
    """Counted hits of every term seen at least ``min_count`` times, with their word position."""
    columns = ["term", "category", "word_position", "paragraph_id", "sentence_id", "surface"]
    counted = mention_table[mention_table["counted"].astype(bool)]
    if counted.empty:  # an article with no lexicon hits: an empty plot, not an error
        return counted[columns].reset_index(drop=True)
    sizes = counted.groupby(["category", "term"])["mention_id"].transform("size")
    return counted[sizes >= min_count][columns].reset_index(drop=True)


def paragraph_starts(article) -> list[int]:
    """Word position (1-based) where each paragraph starts."""
    starts, seen = [], set()
    para_of = {s.id: s.paragraph_id for s in article.sentences}
    for position, tok in enumerate(article.words, start=1):
        pid = para_of[tok.sentence_id]
        if pid not in seen:
            seen.add(pid)
            starts.append(position)
    return starts


def barcode_figure(article, mention_table, min_count: int = 2):
    """Dispersion ("barcode") plot: one row per term, one tick per hit at its word position."""
    import matplotlib.pyplot as plt

    data = barcode_data(mention_table, min_count)
    rank = {c: n for n, c in enumerate(CATEGORIES)}
    labels = sorted({(rank[c], c, t) for t, c in zip(data["term"], data["category"])}, reverse=True)
    row_of = {(c, t): y for y, (_, c, t) in enumerate(labels)}
    fig, ax = plt.subplots(figsize=(10, 0.28 * len(labels) + 1.5))
    ys = [row_of[(c, t)] for t, c in zip(data["term"], data["category"])]
    ax.scatter(data["word_position"], ys, marker="|", s=120, color="black")
    n_words = len(article.words)
    for pid, start in enumerate(paragraph_starts(article), start=1):
        ax.axvline(start, color="lightgrey", linewidth=0.8, zorder=0)
        ax.text(start + 3, len(labels) - 0.4, f"P{pid}", fontsize=7, color="grey")
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels([f"{t} ({c})" for _, c, t in labels], fontsize=8)
    ax.set_xlim(0, n_words + 1)
    ax.set_ylim(-0.7, len(labels) + 0.2)
    ax.set_xlabel("word position in the body (grey lines: paragraph starts)")
    ax.set_title(f"Where each framing term falls (terms with at least {min_count} hits)")
    fig.tight_layout()
    return fig, data


def keyness_figure(over, under, language: str = "English"):
    """Log-ratio of the top words each way; the bar label is G2. Words not significant at p < 0.05 are grey
    bars marked "n.s." (an 800-word text has little power to show under-use). ``language``: the reference's
    language, named in the panel titles."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.patches import Patch

    columns = ["word", "direction", "article_count", "g2", "log_ratio", "p_band"]
    data = pd.concat([over, under], ignore_index=True)[columns]
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.3 * max(len(over), len(under), 1) + 1.9))
    for ax, part, colour, title in ((axes[0], over, "tab:red", f"Over-used against general {language}"),
                                    (axes[1], under, "tab:blue", f"Under-used against general {language}")):
        part = part.iloc[::-1]
        significant = (part["p_band"] != "n.s.").tolist()
        labels = [f"{w} (n={n}, G2 {g:.1f}{'' if s else ', n.s.'})"
                  for w, n, g, s in zip(part["word"], part["article_count"], part["g2"], significant)]
        ax.barh(labels, part["log_ratio"], color=[colour if s else "#cccccc" for s in significant])
        ax.tick_params(axis="y", labelsize=8)
        for tick, s in zip(ax.get_yticklabels(), significant):
            tick.set_color("#222222" if s else "#777777")
        n_ns = len(significant) - sum(significant)
        ax.set_title(title + (f"\n({n_ns} of {len(significant)} not significant, grey)" if n_ns else ""),
                     fontsize=10)
        ax.set_xlabel("log-ratio (log2 of relative frequency, article / wordfreq)")
        ax.axvline(0, color="black", linewidth=0.6)
    fig.legend(handles=[Patch(color="#cccccc", label="n.s.: not significant (p ≥ 0.05, G2 < 3.84)")],
               loc="lower center", fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig, data
