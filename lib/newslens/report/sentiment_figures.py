"""The sentiment notebook's figures: trajectory, actor sentiment with intervals, method correlations."""

from __future__ import annotations

from ..sentiment.scores import NEUTRAL_BAND, ROLLING_WINDOW


def plot_trajectory(frame, title: str = "Reference VADER compound per sentence"):
    """Bars per sentence, the rolling mean as a line, dotted lines where a paragraph starts."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.6))
    colours = ["#b2182b" if v <= -NEUTRAL_BAND else "#2166ac" if v >= NEUTRAL_BAND else "#999999"
               for v in frame["vader_compound"]]
    ax.bar(frame["sentence_id"], frame["vader_compound"], color=colours, width=0.7, label="compound", zorder=2)
    ax.plot(frame["sentence_id"], frame["vader_rolling_mean"], color="black", linewidth=1.5,
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
    ax.legend(loc="lower left", fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def plot_actor_sentiment(actors):
    """Mean compound per actor with its bootstrap interval; the label carries the number of sentences."""
    import matplotlib.pyplot as plt

    frame = actors.iloc[::-1]               # the actor named most often at the top
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(frame) + 1.2))
    y = range(len(frame))
    ax.errorbar(frame["mean_compound"], y,
                xerr=[frame["mean_compound"] - frame["ci_low"], frame["ci_high"] - frame["mean_compound"]],
                fmt="o", color="black", ecolor="#888888", capsize=3)
    ax.axvline(0, color="#666666", linewidth=0.8)
    ax.set_yticks(list(y), [f"{a} ({n} sent.)" for a, n in zip(frame["actor"], frame["sentences"])], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean reference-VADER compound of the sentences naming the actor\n"
                  "(bars: 95% bootstrap interval over those sentences)")
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
