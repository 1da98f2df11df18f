"""The figures notebooks 01 and 02 draw from the seed's tables: each draws what its table holds (one bar per
sentence, one tick per hit, a cell per pair of methods), so a figure cannot silently drop or invent data."""

import matplotlib

matplotlib.use("Agg")   # no display in the test run; must precede pyplot

import matplotlib.pyplot as plt
import numpy as np
import pytest

from newslens.framing.keyness import keyness_summary
from newslens.framing.tables import framing_tables
from newslens.report.framing_figures import barcode_data, barcode_figure, category_figure, keyness_figure
from newslens.report.sentiment_figures import (actor_intervals, plot_actor_sentiment, plot_correlation_matrix,
                                               plot_trajectory)
from newslens.sentiment.agreement import correlation_matrix
from newslens.sentiment.tables import sentiment_tables
from newslens.text.tables import sentences_frame


@pytest.fixture(scope="module")
def seed_sentiment(seed_article):
    return sentiment_tables(seed_article)


@pytest.fixture(scope="module")
def seed_framing(seed_article):
    return framing_tables(seed_article, collocations=False)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_trajectory_figure_has_a_bar_per_sentence_and_a_line_per_new_paragraph(seed_article, seed_sentiment):
    # The figure's frame built here rather than by trajectory(), whose arguments are being reworked; the
    # score is given under both the reference and the primary column names the figure may plot.
    scores = seed_sentiment["sentence_sentiment.csv"]["vader_compound"].to_numpy()
    path = sentences_frame(seed_article)[["sentence_id", "paragraph_id"]].assign(
        vader_compound=scores, news_compound=scores, vader_rolling_mean=0.0, rolling_mean=0.0)
    path["paragraph_start"] = path["paragraph_id"].ne(path["paragraph_id"].shift())
    fig = plot_trajectory(path)
    ax = fig.axes[0]
    heights = [bar.get_height() for bar in ax.patches if bar.get_width() == pytest.approx(0.7)]
    assert heights == pytest.approx(list(scores)) and len(heights) == len(seed_article.sentences)
    starts = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert len(starts) == len(seed_article.paragraphs)          # every paragraph's first sentence is marked
    marks = sorted(t.get_text() for t in ax.texts if t.get_text().startswith("¶"))
    assert marks == sorted(f"¶{p.id}" for p in seed_article.paragraphs)


def test_actor_intervals_drop_the_interval_below_three_sentences(seed_sentiment):
    actors = seed_sentiment["actors.csv"]
    shown = actor_intervals(actors)
    few = shown[shown["sentences"] < 3]
    assert len(few) and few["ci_low"].isna().all() and few["ci_high"].isna().all()
    assert set(few["actor"]) >= {"China"}                 # named in one sentence of the seed
    assert shown.set_index("actor").loc["China", "interval"] == "none: 1 sentence, fewer than 3"
    many = shown[shown["sentences"] >= 3]
    assert many["ci_low"].notna().all()
    assert list(many["interval"]) == [f"{lo:.2f} to {hi:.2f}" for lo, hi in zip(many["ci_low"], many["ci_high"])]
    two = actors[actors["sentences"] == 2]                # actors.csv keeps the bounds the chart leaves out
    assert len(two) and two["ci_low"].notna().all()
    assert shown.set_index("actor").loc[two["actor"], "ci_low"].isna().all()


def test_actor_sentiment_figure_labels_each_actor_with_its_sentences(seed_sentiment):
    actors = seed_sentiment["actors.csv"]
    fig = plot_actor_sentiment(actors)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[::-1] == [f"{a} ({n} sent.)" for a, n in zip(actors["actor"], actors["sentences"])]
    no_interval = [t for t in ax.texts if t.get_text() == "no interval: too few sentences"]
    assert len(no_interval) == int((actors["sentences"] < 3).sum())


def test_correlation_matrix_is_symmetric_with_ones_on_the_diagonal(seed_sentiment):
    scores = seed_sentiment["sentence_sentiment.csv"]
    matrix = correlation_matrix(scores)
    assert len(matrix) == 36                              # six methods, every ordered pair
    grid = matrix.pivot(index="method_a", columns="method_b", values="pearson_r")
    assert np.allclose(np.diag(grid.to_numpy()), 1.0)
    assert np.allclose(grid.to_numpy(), grid.to_numpy().T)
    pair = matrix[(matrix["method_a"] == "reference VADER") & (matrix["method_b"] == "NLTK VADER")]["pearson_r"]
    expected = scores["vader_compound"].corr(scores["nltk_vader_compound"])
    assert pair.iloc[0] == pytest.approx(expected, abs=1e-4) and pair.iloc[0] > 0.95   # one lexicon, two ports
    fig = plot_correlation_matrix(matrix)
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (6, 6) and np.allclose(np.diag(image), 1.0)
    assert len(fig.axes[0].texts) == 36


def test_category_figure_plots_the_category_rates(seed_framing):
    categories = seed_framing["term_categories.csv"]
    fig, data = category_figure(categories)
    widths = [bar.get_width() for bar in fig.axes[0].patches]
    assert widths == pytest.approx(list(categories["per_1000"].iloc[::-1]))
    assert sorted(data["count"]) == sorted(categories["count"])


def test_barcode_figure_has_a_tick_per_counted_hit_of_a_repeated_term(seed_article, seed_framing):
    mentions = seed_framing["term_mentions.csv"]
    fig, data = barcode_figure(seed_article, mentions)
    assert data.equals(barcode_data(mentions))
    counted = mentions[mentions["counted"].astype(bool)]
    repeated = counted.groupby(["category", "term"]).size()
    assert len(data) == int(repeated[repeated >= 2].sum()) > 0
    assert len(fig.axes[0].collections[0].get_offsets()) == len(data)
    assert len(fig.axes[0].get_yticklabels()) == len(repeated[repeated >= 2])


def test_keyness_figure_greys_out_words_that_are_not_significant(seed_framing):
    over, under = keyness_summary(seed_framing["keyness.csv"], n=15)
    fig, data = keyness_figure(over, under)
    assert len(data) == len(over) + len(under)
    left = fig.axes[0]
    grey = [bar for bar in left.patches if matplotlib.colors.to_hex(bar.get_facecolor()) == "#cccccc"]
    assert len(grey) == int((over["p_band"] == "n.s.").sum())
    assert [bar.get_width() for bar in left.patches] == pytest.approx(list(over["log_ratio"].iloc[::-1]))
