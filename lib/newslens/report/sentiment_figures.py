"""The sentiment notebook's figures: trajectory, actor sentiment with intervals, method correlations."""

from __future__ import annotations

from ..sentiment.scores import NEUTRAL_BAND, ROLLING_WINDOW


def plot_trajectory(frame, score: str = "news_compound",
                    title: str = "News-sense VADER compound per sentence (the primary score)"):
    """Bars of ``score`` per sentence, its rolling mean as a line, dotted lines where a paragraph starts;
    ``frame`` is ``sentiment.tables.trajectory``'s."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.6))
    colours = ["#b2182b" if v <= -NEUTRAL_BAND else "#2166ac" if v >= NEUTRAL_BAND else "#999999"
               for v in frame[score]]
    ax.bar(frame["sentence_id"], frame[score], color=colours, width=0.7, label="compound", zorder=2)
    ax.plot(frame["sentence_id"], frame["rolling_mean"], color="black", linewidth=1.5,
            label=f"rolling mean ({ROLLING_WINDOW} sentences, centred)", zorder=3)
    for _, row in frame[frame["paragraph_start"]].iterrows():
        ax.axvline(row["sentence_id"] - 0.5, color="#666666", linestyle=":", linewidth=0.8)
        ax.text(row["sentence_id"] - 0.4, 1.02, f"¶{int(row['paragraph_id'])}", fontsize=7, color="#444444")
    ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color="#dddddd", linewidth=0, zorder=0, label="neutral band (±0.05)")
    ax.set_ylim(-1.05, 1.12)
    ax.set_xlim(0.3, frame["sentence_id"].max() + 0.7)
    ax.set_xticks(list(frame["sentence_id"]))
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel("sentence (dotted line: a new paragraph starts)")
    ax.set_ylabel("compound")
    ax.set_title(title)
    from matplotlib.patches import Patch

    handles, _ = ax.get_legend_handles_labels()
    bars = [Patch(color="#b2182b", label=f"negative sentence (<= -{NEUTRAL_BAND})"),
            Patch(color="#2166ac", label=f"positive sentence (>= {NEUTRAL_BAND})"),
            Patch(color="#999999", label="neutral sentence")]
    ax.legend(handles=[h for h in handles if h.get_label() != "compound"] + bars, loc="upper left",
              bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


# Fewer sentences than this and the percentile bootstrap has almost nothing to resample (one sentence gives
# the interval 0 wide, two give just the two scores): no interval is shown, and the table and chart say why.
MIN_INTERVAL_SENTENCES = 3


def actor_intervals(actors, min_sentences: int = MIN_INTERVAL_SENTENCES):
    """The actors table as the chart shows it: the interval kept only for actors named in at least
    ``min_sentences`` sentences, and ``interval`` saying which (or why none). actors.csv keeps every interval."""
    frame = actors[["actor", "mentions", "sentences", "mean_compound", "ci_low", "ci_high"]].copy()
    few = frame["sentences"] < min_sentences
    frame[["ci_low", "ci_high"]] = frame[["ci_low", "ci_high"]].astype(float)
    frame.loc[few, ["ci_low", "ci_high"]] = float("nan")
    frame["interval"] = [
        f"none: {n} sentence{'' if n == 1 else 's'}, fewer than {min_sentences}" if f
        else f"{lo:.2f} to {hi:.2f}"
        for n, f, lo, hi in zip(frame["sentences"], few, frame["ci_low"], frame["ci_high"])]
    return frame.reset_index(drop=True)


def plot_actor_sentiment(actors, min_sentences: int = MIN_INTERVAL_SENTENCES):
    """Mean compound per actor with its bootstrap interval where there are enough sentences for one;
    the label carries the number of sentences."""
    import matplotlib.pyplot as plt

    frame = actor_intervals(actors, min_sentences).iloc[::-1]   # the actor named most often at the top
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(frame) + 1.4))
    y = list(range(len(frame)))
    ax.axvline(0, color="#666666", linewidth=0.8)
    for yi, (_, row) in zip(y, frame.iterrows()):
        if row["ci_low"] == row["ci_low"]:      # an interval to draw
            ax.errorbar(row["mean_compound"], yi, xerr=[[row["mean_compound"] - row["ci_low"]],
                                                        [row["ci_high"] - row["mean_compound"]]],
                        fmt="o", color="black", ecolor="#888888", capsize=3)
        else:
            ax.plot(row["mean_compound"], yi, "o", markerfacecolor="white", markeredgecolor="black")
            right = row["mean_compound"] < 0.2      # the note runs towards the middle, inside the frame
            ax.annotate("no interval: too few sentences", (row["mean_compound"], yi), xytext=(8 if right else -8, 0),
                        textcoords="offset points", va="center", ha="left" if right else "right", fontsize=7,
                        color="#555555")
    ax.set_yticks(y, [f"{a} ({n} sent.)" for a, n in zip(frame["actor"], frame["sentences"])], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.6, len(frame) - 0.4)
    ax.set_xlabel("mean news-sense VADER compound of the sentences where the actor acts\n"
                  f"(bars: 95% bootstrap interval over those sentences; open dot: fewer than {min_sentences} "
                  "sentences, no interval)")
    ax.set_title("Sentiment near each actor (not stance toward it)")
    fig.tight_layout()
    return fig


def plot_correlation_matrix(matrix):
    """Heatmap of the long correlation table, values written in the cells."""
    import matplotlib.pyplot as plt

    names = list(dict.fromkeys(matrix["method_a"]))
    grid = matrix.pivot(index="method_a", columns="method_b", values="pearson_r").loc[names, names]
    fig, ax = plt.subplots(figsize=(6.2, 5.2))
    image = ax.imshow(grid.to_numpy(float), cmap="RdBu", vmin=-1, vmax=1)
    ax.set_xticks(range(len(names)), names, rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(names)), names, fontsize=8)
    for i in range(len(names)):
        for j in range(len(names)):
            value = grid.iat[i, j]
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                    color="white" if abs(value) > 0.6 else "black")
    fig.colorbar(image, ax=ax, shrink=0.8, label="Pearson r across sentences")
    ax.set_title("Do the methods agree, sentence by sentence?")
    fig.tight_layout()
    return fig
