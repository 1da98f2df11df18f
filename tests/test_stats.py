"""newslens.stats against numbers worked by hand: G2 and log ratio, p bands, precision / recall / F1 from a
confusion table; the bootstrap's one seeding policy, its chunking and its minimum-n rule; and the module's
docstring examples, run as doctests."""

import doctest
import math
import zlib

import numpy as np
import pytest

import newslens.stats as stats
from newslens.stats import (Interval, bootstrap_mean, bootstrap_ratio, cluster_bootstrap, g2, log_ratio,
                            macro_f1, p_band, per_class, prf, resamples)


def test_docstring_examples():
    result = doctest.testmod(stats, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 10 and result.failed == 0


def test_g2_worked_by_hand():
    # a = 30 in c = 10,000 tokens, b = 20 in d = 40,000: E1 = 10,000 * 50 / 50,000 = 10, E2 = 40;
    # G2 = 2 (30 ln 3 + 20 ln 0.5) = 2 (32.958369 - 13.862944) = 38.190850
    assert g2(30, 20, 10_000, 40_000) == pytest.approx(38.190850, abs=1e-6)
    # Equal relative frequencies: nothing to report.
    assert g2(10, 100, 1000, 10_000) == pytest.approx(0.0)
    # A word absent from one corpus: 0 ln 0 = 0, so G2 = 2 b ln(b / E2), E2 = 5 * 100 / 200.
    assert g2(0, 5, 100, 100) == pytest.approx(2 * 5 * math.log(2))


def test_keyness_scalar_in_scalar_out_and_vectorised():
    assert isinstance(g2(10, 2, 1000, 1000), float) and isinstance(log_ratio(1, 1, 10, 10), float)
    a, b = np.array([30, 10, 0]), np.array([20, 2, 5])
    vector = g2(a, b, 10_000, 40_000)
    assert vector.shape == (3,)
    assert vector.tolist() == pytest.approx([g2(x, y, 10_000, 40_000) for x, y in zip(a, b)])
    assert log_ratio(a, b, 10_000, 40_000).tolist() == pytest.approx(
        [math.log2((max(x, 0.5) / 10_000) / (max(y, 0.5) / 40_000)) for x, y in zip(a, b)])


def test_log_ratio_hardie():
    assert log_ratio(30, 20, 10_000, 40_000) == pytest.approx(math.log2(6))    # 3 per 1000 against 0.5
    assert log_ratio(4, 0, 1000, 1000) == pytest.approx(3.0)                     # zero read as 0.5
    assert log_ratio(0, 0, 1000, 1000) == 0.0


def test_p_bands_are_chi_square_one_df():
    assert [p_band(v) for v in (3.83, 3.84, 6.63, 10.83, 15.13)] == ["n.s.", "p<0.05", "p<0.01", "p<0.001",
                                                                     "p<0.0001"]
    assert p_band(np.array([38.19, 0.5])) == ["p<0.0001", "n.s."]


def test_precision_recall_f1_from_a_confusion_table():
    # Truth in rows, predicted in columns:    neg  neu  pos
    table = {"neg": {"neg": 5, "neu": 3, "pos": 2},
             "neu": {"neg": 1, "neu": 6, "pos": 3},
             "pos": {"neg": 0, "neu": 2, "pos": 8}}
    truth = [t for t, row in table.items() for p, n in row.items() for _ in range(n)]
    predicted = [p for t, row in table.items() for p, n in row.items() for _ in range(n)]
    scores = per_class(truth, predicted, ["neg", "neu", "pos"])
    # neg: tp 5, fp 1, fn 5 -> P 5/6, R 1/2, F1 10/16; neu: tp 6, fp 5, fn 4 -> F1 12/21; pos: tp 8, fp 5,
    # fn 2 -> F1 16/23
    assert scores["neg"].precision == pytest.approx(5 / 6) and scores["neg"].recall == pytest.approx(0.5)
    assert [scores[c].f1 for c in ("neg", "neu", "pos")] == pytest.approx([10 / 16, 12 / 21, 16 / 23])
    assert scores["pos"].support == 10
    assert macro_f1(truth, predicted, ["neg", "neu", "pos"]) == pytest.approx((10 / 16 + 12 / 21 + 16 / 23) / 3)
    # F1 is the harmonic mean of precision and recall.
    s = prf(5, 1, 5)
    assert s.f1 == pytest.approx(2 * s.precision * s.recall / (s.precision + s.recall))
    # A class asked for but never seen counts 0.0 in the macro average.
    assert macro_f1([1, 1], [1, 1], [-1, 0, 1]) == pytest.approx(1 / 3)


def test_bootstrap_one_seeding_policy():
    values = [0.1, 0.4, -0.3, 0.8, 0.2, -0.1, 0.5]
    first = bootstrap_mean(values, "A|tone")
    assert first == bootstrap_mean(values, "A|tone")                   # same key, same bytes
    assert first != bootstrap_mean(values, "B|tone")                   # another key, other draws
    assert first.estimate == pytest.approx(np.mean(values)) and first.low < first.estimate < first.high
    # The generator is the project seed combined with the key's CRC-32.
    rng = np.random.default_rng([stats.SEED, zlib.crc32(b"A|tone")])
    means = np.asarray(values)[rng.integers(0, 7, size=(stats.SAMPLES, 7))].mean(axis=1)
    assert (first.low, first.high) == pytest.approx(tuple(np.quantile(means, [0.025, 0.975])), abs=1e-12)


def test_bootstrap_chunks_do_not_change_the_draws():
    one = np.concatenate(list(resamples(9, "k", samples=2_500, chunk=2_500)))
    many = np.concatenate(list(resamples(9, "k", samples=2_500, chunk=300)))
    assert one.shape == (2_500, 9) and (one == many).all()


def test_bootstrap_minimum_n():
    est = bootstrap_mean([0.2, 0.4], "g")
    assert est.estimate == pytest.approx(0.3) and math.isnan(est.low) and math.isnan(est.high)
    assert est.note == "no interval: 2 articles (an interval needs 3 or more)"
    assert bootstrap_mean([0.2], "g", min_n=2, unit="sentence").note == \
        "no interval: 1 sentence (an interval needs 2 or more)"
    assert bootstrap_mean([], "g").note == "no articles"
    assert bootstrap_ratio([1, 2, 3], [0, 0, 0], "g").note == "nothing to divide by"
    assert bootstrap_mean([0.2, 0.4, 0.6], "g").note == ""


def test_cluster_bootstrap_resamples_whole_clusters():
    # Two clusters, each all right or all wrong: any resample's accuracy is 0, 1/3, 2/3 or 1 of the items
    # only in proportions a whole-cluster draw can give.
    truth = np.array([1, 1, 1, 0, 0, 0, 1, 1, 0])
    pred = np.array([1, 1, 1, 1, 1, 1, 1, 1, 0])
    clusters = ["a", "a", "a", "b", "b", "b", "c", "c", "c"]
    seen = set()

    def accuracy(idx):
        value = float((truth[idx] == pred[idx]).mean())
        seen.add(round(value, 6))
        return value

    ci = cluster_bootstrap(accuracy, clusters, "toy", samples=300)
    assert ci.estimate == pytest.approx(6 / 9) and ci.note == ""
    assert seen <= {round(k / 3, 6) for k in range(4)}
    assert ci == cluster_bootstrap(lambda i: float((truth[i] == pred[i]).mean()), clusters, "toy", samples=300)
    many = cluster_bootstrap(lambda i: {"acc": float((truth[i] == pred[i]).mean()), "n": float(len(i))},
                             clusters, "toy", samples=300)
    assert set(many) == {"acc", "n"} and isinstance(many["acc"], Interval)
    assert many["acc"][1:3] == ci[1:3]
    few = cluster_bootstrap(accuracy, ["a", "a", "b", "b", "b", "b", "b", "b", "b"], "toy")
    assert math.isnan(few.low) and few.note == "no interval: 2 clusters (an interval needs 3 or more)"
