"""The dev-only experiments on the target sentiment model (bench/target_sentiment_dev_experiments.py): the
weighted fit, the decision bias and the extra features, on data written here (the bench itself needs the
NewsMTSC files)."""

import importlib.util

import numpy as np
import pytest

from newslens.paths import REPO_ROOT


@pytest.fixture(scope="module")
def bench():
    # the script imports its bench/ neighbours; the path is restored when this module's tests end
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(REPO_ROOT / "bench"))
        path = REPO_ROOT / "bench" / "target_sentiment_dev_experiments.py"
        spec = importlib.util.spec_from_file_location("target_sentiment_dev_experiments_bench", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module


def toy(n=300, seed=3):
    rng = np.random.default_rng(seed)
    gold = rng.integers(-1, 2, size=n)
    dense = np.column_stack([gold + rng.normal(0, 1.2, n), rng.normal(0, 1, n)])
    sparse = [["S:a"] if g == 1 and rng.random() < 0.5 else ["S:b"] for g in gold]
    return dense, sparse, gold


def test_equal_class_weights_give_the_unweighted_fit(bench):
    dense, sparse, gold = toy()
    a = bench.fit(dense, sparse, ["S:a", "S:b"], gold, 1.0, 30.0, 100, class_weight=[1.0, 1.0, 1.0])
    b = bench.asv.fit_softmax(dense, sparse, ["S:a", "S:b"], gold, 1.0, 30.0, 100)
    np.testing.assert_allclose(a["dense"], b["dense"], atol=1e-9)
    np.testing.assert_allclose(a["sparse"]["S:a"], b["sparse"]["S:a"], atol=1e-9)


def test_weighting_a_class_up_predicts_it_more_often(bench):
    dense, sparse, gold = toy()
    plain = bench.fit(dense, sparse, ["S:a", "S:b"], gold, 1.0, 30.0, 200, class_weight=[1.0, 1.0, 1.0])
    heavy = bench.fit(dense, sparse, ["S:a", "S:b"], gold, 1.0, 30.0, 200, class_weight=[1.0, 1.0, 4.0])
    positive = [(bench.asv.predict(m, dense, sparse).argmax(axis=1) == 2).sum() for m in (plain, heavy)]
    assert positive[1] > positive[0]


def test_best_bias_undoes_a_shift_against_positive(bench):
    rng = np.random.default_rng(5)
    gold = rng.integers(-1, 2, size=400)
    logits = np.eye(3)[gold + 1] * 2.0 + rng.normal(0, 0.5, (400, 3))
    logits[:, 2] -= 1.5                                  # positive under-called
    P = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    bn, bp = bench.best_bias(gold, P)
    assert bp > 0.5
    assert bench.macro_f1(gold, P, (bn, bp)) > bench.macro_f1(gold, P) + 0.05


def test_pattern_lexicon_reads_textblobs_polarities(bench):
    lexicon = bench.pattern_lexicon()
    assert lexicon["good"][0] > 0 > lexicon["terrible"][0]
    assert all(-1.0 <= p <= 1.0 and 0.0 <= s <= 1.0 for p, s in lexicon.values())


def test_extra_features_read_the_targets_window_without_names(bench):
    sentence = "Reporters said the plan of Smith was a terrible failure for Jones."
    start = sentence.index("Smith")
    row = {"sentence": sentence, "start": start, "end": start + 5}
    dense, sparse = bench.extra_features(row, bench.pattern_lexicon())
    assert dense["pat_right"] < 0 and dense["pat_left"] == 0
    assert "B>:terrible_failure" in sparse
    assert not any("smith" in f or "jones" in f for f in sparse)
    # "not" within three words flips the pattern polarity, as VADER's negation does
    negated = "Reporters said the plan of Smith was not a terrible failure."
    d2, _ = bench.extra_features({"sentence": negated, "start": start, "end": start + 5}, bench.pattern_lexicon())
    assert d2["pat_right"] > 0


def test_the_experiments_never_open_a_test_file(bench):
    # the test splits were read three times already; choices here are made on train and dev only
    source = (REPO_ROOT / "bench" / "target_sentiment_dev_experiments.py").read_text(encoding="utf-8")
    assert "test.jsonl" not in source and '"test"' not in source
    assert "dev.jsonl" in source and "train.jsonl" in source
