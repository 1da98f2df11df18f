"""The committed validity table and the metrics behind it (the benchmark itself needs the sdist: bench/)."""

import numpy as np
import pytest

from newslens.sentiment import oped as oped
from newslens.sentiment.validity import load_validity_table, macro_f1, metrics, three_class


@pytest.fixture(scope="module")
def validity():
    return load_validity_table().set_index(["dataset", "method"])


def test_table_covers_every_set_and_method(validity):
    for dataset in ["tweets", "nyt_editorials", "movie_reviews", "product_reviews"]:
        for method in ["news-sense VADER (primary)", "reference VADER", "NLTK VADER", "TextBlob polarity",
                       "op-ed variant"]:
            assert (dataset, method) in validity.index
    assert validity["source"].str.contains("Hutto & Gilbert").all()
    assert validity["source"].str.contains("sha256").all()


def test_reference_vader_reproduces_the_published_figures(validity):
    # Pearson r 0.872 on tweets, 0.503 on NYT editorial snippets, accuracy 0.533 (project notes)
    assert validity.loc[("tweets", "reference VADER"), "pearson_r"] == 0.872
    assert validity.loc[("nyt_editorials", "reference VADER"), "pearson_r"] == 0.503
    assert validity.loc[("nyt_editorials", "reference VADER"), "accuracy_3class"] == 0.533
    assert validity.loc[("nyt_editorials", "reference VADER"), "items"] == 5190


def test_op_ed_variant_is_reported_cross_validated(validity):
    row = validity.loc[("nyt_editorials", "op-ed variant")]
    assert "cross-validated" in row["evaluation"]
    assert row["pearson_r"] >= 0.55
    assert validity.loc[("tweets", "op-ed variant"), "pearson_r"] >= 0.85
    assert "never seen" in validity.loc[("tweets", "op-ed variant"), "evaluation"]


def test_three_classes_share_one_band():
    assert list(three_class([0.05, 0.049, -0.05, -0.2])) == [1, 0, -1, -1]
    # a human rating of 0.2 (of 4) is the positive boundary after dividing by 4
    m = metrics([0.2, -0.2, 0.0], [0.5, -0.5, 0.0])
    assert m["accuracy_3class"] == 1.0 and m["macro_f1"] == 1.0


def test_macro_f1_by_hand():
    truth = np.array([1, 1, 0, -1])
    predicted = np.array([1, 0, 0, 1])
    # positive: tp 1, fp 1, fn 1 -> 0.5; neutral: tp 1, fp 1, fn 0 -> 2/3; negative: 0
    assert macro_f1(truth, predicted) == pytest.approx((0.5 + 2 / 3 + 0) / 3)


def test_committed_model_matches_the_features():
    model = oped.load_model()
    assert len(model["weight"]) == len(oped.FEATURE_NAMES)
    assert (model["sd"] > 0).all()
    scores = oped.oped_scores(["A wonderful, generous gift.", "A brutal, deadly war."])
    assert scores[0] > 0 > scores[1]


def test_cross_validation_is_deterministic():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = X @ np.array([1.0, -0.5, 0.0]) + rng.normal(scale=0.1, size=60)
    first = oped.cross_validated_ratings(X, y, folds=5, seed=7)
    assert np.array_equal(first, oped.cross_validated_ratings(X, y, folds=5, seed=7))
    assert np.corrcoef(first, y)[0, 1] > 0.9


def test_the_primary_score_is_in_the_table_and_says_it_was_not_fitted(validity):
    row = validity.loc[("nyt_editorials", "news-sense VADER (primary)")]
    assert "nothing fitted" in row["evaluation"]
    # within a point of the reference on the editorial snippets (bench/results/news_sentiment_validity.md)
    assert abs(row["accuracy_3class"] - validity.loc[("nyt_editorials", "reference VADER"), "accuracy_3class"]) < 0.01
