"""The statistics of newslens, written once: keyness (G2, log ratio, p bands), the percentile bootstrap, and
precision / recall / F1. Framing, sentiment, compare and the benches import them from here.

Keyness (two corpora, or an article against a reference)
- G2, Dunning's (1993) log-likelihood in the two-corpus form of Rayson and Garside (2000): a word seen ``a``
  times in ``c`` tokens and ``b`` times in ``d`` tokens; E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d),
  G2 = 2 (a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0.
- Log ratio, Hardie (2014): log2((a/c) / (b/d)); a zero count is read as 0.5, for this measure only.
  +1 means twice as frequent in the first corpus.
- p bands: G2 against the critical values of chi-square with 1 degree of freedom.
Each works on scalars (a float back) and on numpy arrays (an array back).

Bootstrap
- Percentile intervals: the ``alpha`` and ``1 - alpha`` quantiles (numpy's linear rule) of the statistic
  over resamples drawn with replacement; non-finite resampled values (nothing to divide by) are left out.
- Whole units are resampled (articles of a corpus, sentences of a test set): units are what was sampled,
  and the items inside one unit are not independent. ``clusters`` names each item's unit.
- One seeding policy: the generator is ``numpy.random.default_rng([SEED, crc32(key)])``, where ``key`` names
  what is resampled (a group and a measure, an actor, a bench and its data set). The same key gets the same
  draws in every run; two keys do not share theirs, whatever their sizes.
- Resamples are drawn ``CHUNK`` at a time, which bounds memory for large samples.
- Fewer than ``min_n`` units: the estimate alone, NaN bounds, and a note saying why.

Precision, recall, F1
- From counts (tp, fp, fn): P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn) (the harmonic mean of
  P and R); each is 0.0 when its denominator is 0, and F1 is 0.0 when tp is 0.
- From label arrays: the counts of each class, and the macro average (the unweighted mean over the
  classes asked for, a class never seen counting 0.0).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import numpy as np

# The project's one bootstrap seed, combined with a key per resampled thing. It is the seed the comparison
# tables were drawn with before this module (24 February 2022), so they stay byte-identical.
SEED = 20220224
SAMPLES = 10_000
CONFIDENCE = 0.95
CHUNK = 1_000               # resamples drawn at a time
MIN_N = 3                   # fewer units than this: no interval
# Critical values of chi-square with 1 degree of freedom, strictest first.
P_BANDS = ((15.13, "p<0.0001"), (10.83, "p<0.001"), (6.63, "p<0.01"), (3.84, "p<0.05"))


# ---------------------------------------------------------------------------------------------------------
# Keyness

def _same_shape(value, *inputs):
    """A float when every input was a scalar, else the array."""
    return float(value) if all(np.ndim(x) == 0 for x in inputs) else value


def g2(a, b, c, d):
    """Dunning's log-likelihood G2 of a word seen ``a`` times in ``c`` tokens and ``b`` times in ``d`` tokens.

    Rayson and Garside's (2000) worked form; by hand, a = 10, b = 2, c = d = 1000: E1 = E2 = 6, so
    G2 = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.8221.

    >>> round(g2(10, 2, 1000, 1000), 4)
    5.8221
    >>> g2([10, 0], [2, 5], 1000, 1000).round(4).tolist()
    [5.8221, 6.9315]
    """
    a_, b_ = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1 = c * (a_ + b_) / (c + d)
    e2 = d * (a_ + b_) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a_ > 0, a_ * np.log(a_ / e1), 0.0)
        t2 = np.where(b_ > 0, b_ * np.log(b_ / e2), 0.0)
    return _same_shape(2 * (t1 + t2), a, b, c, d)


def log_ratio(a, b, c, d):
    """Hardie's (2014) log ratio: log2 of the ratio of the relative frequencies, a zero count read as 0.5.

    >>> log_ratio(4, 1, 100, 100)
    2.0
    >>> log_ratio([4, 0], [0, 2], 100, 100).tolist()
    [3.0, -2.0]
    """
    a_ = np.maximum(np.asarray(a, dtype=float), 0.5)
    b_ = np.maximum(np.asarray(b, dtype=float), 0.5)
    return _same_shape(np.log2((a_ / c) / (b_ / d)), a, b, c, d)


def p_band(value):
    """The significance band of a G2 (chi-square, 1 df): "p<0.0001", "p<0.001", "p<0.01", "p<0.05" or "n.s.".
    A list of bands for an array.

    >>> p_band(5.8221)
    'p<0.05'
    >>> p_band([16.0, 10.83, 1.0])
    ['p<0.0001', 'p<0.001', 'n.s.']
    """
    if isinstance(value, float) or np.ndim(value) == 0:     # a float first: np.ndim costs more than the test
        for critical, label in P_BANDS:
            if value >= critical:
                return label
        return "n.s."
    return [p_band(float(v)) for v in np.asarray(value, dtype=float).ravel()]


# ---------------------------------------------------------------------------------------------------------
# Bootstrap

class Interval(NamedTuple):
    """An estimate with its percentile bootstrap interval; ``note`` says why there is no interval ("" if there is)."""
    estimate: float
    low: float
    high: float
    note: str = ""


def rng_for(key: str) -> np.random.Generator:
    """The generator for one resampled thing: the project seed combined with ``key``.

    >>> int(rng_for("A|tone").integers(0, 1000)) == int(rng_for("A|tone").integers(0, 1000))
    True
    """
    return np.random.default_rng([SEED, zlib.crc32(key.encode("utf-8"))])


def too_few_note(n: int, min_n: int = MIN_N, unit: str = "article") -> str:
    """Why there is no interval for ``n`` units ("" when there are enough).

    >>> too_few_note(1, 3)
    'no interval: 1 article (an interval needs 3 or more)'
    """
    if n >= min_n:
        return ""
    return f"no interval: {n} {unit}{'s' if n != 1 else ''} (an interval needs {min_n} or more)"


def resamples(n: int, key: str, samples: int = SAMPLES, chunk: int = CHUNK,
              rng: np.random.Generator | None = None) -> Iterator[np.ndarray]:
    """Resamples of ``n`` units with replacement, as index arrays of shape (at most ``chunk``, n).

    ``rng``: a generator the caller made, only for a bench whose published figures were drawn before this
    module and cannot be drawn again here (its data absent); otherwise ``rng_for(key)``.
    """
    rng = rng_for(key) if rng is None else rng
    for start in range(0, samples, chunk):
        yield rng.integers(0, n, size=(min(chunk, samples - start), n))


def percentile_interval(values, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The percentile interval of resampled values (non-finite ones left out; NaN, NaN if none is finite).

    >>> percentile_interval(np.arange(101), 0.5)
    (25.0, 75.0)
    """
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if not len(values):
        return float("nan"), float("nan")
    alpha = (1 - confidence) / 2
    low, high = np.quantile(values, [alpha, 1 - alpha])
    return float(low), float(high)


def bootstrap_ratio(numerator, denominator, key: str, samples: int = SAMPLES, confidence: float = CONFIDENCE,
                    scale: float = 1.0, min_n: int = MIN_N, unit: str = "article",
                    rng: np.random.Generator | None = None) -> Interval:
    """``scale * sum(numerator) / sum(denominator)`` with a percentile interval, resampling the units (one
    numerator and denominator per unit). With the denominator all ones this is the mean of the units' values;
    with sentence sums and sentence counts per article the pooled sentence mean; with term counts and word
    counts a rate.

    >>> est = bootstrap_ratio([3, 1, 2, 6], [10, 10, 10, 20], "example")
    >>> est.estimate, est.low <= est.estimate <= est.high, est.note
    (0.24, True, '')
    >>> bootstrap_ratio([3, 1], [10, 10], "example")
    Interval(estimate=0.2, low=nan, high=nan, note='no interval: 2 articles (an interval needs 3 or more)')
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    n = len(num)
    nan = float("nan")
    if n == 0 or den.sum() == 0:
        return Interval(nan, nan, nan, f"no {unit}s" if n == 0 else "nothing to divide by")
    estimate = float(scale * num.sum() / den.sum())
    if n < min_n:
        return Interval(estimate, nan, nan, too_few_note(n, min_n, unit))
    values = []
    for idx in resamples(n, key, samples, rng=rng):
        with np.errstate(invalid="ignore", divide="ignore"):
            values.append(scale * num[idx].sum(axis=1) / den[idx].sum(axis=1))
    return Interval(estimate, *percentile_interval(np.concatenate(values), confidence))


def bootstrap_mean(values, key: str, **kwargs) -> Interval:
    """The mean of one value per unit with its percentile interval (``bootstrap_ratio``'s arguments).

    >>> est = bootstrap_mean([0.1, 0.5, -0.2, 0.4], "actor|Russia", min_n=2, unit="sentence")
    >>> round(est.estimate, 2), est.low < est.high
    (0.2, True)
    >>> bootstrap_mean([0.3], "actor|Russia", min_n=2, unit="sentence").note
    'no interval: 1 sentence (an interval needs 2 or more)'
    """
    values = np.asarray(values, dtype=float)
    return bootstrap_ratio(values, np.ones_like(values), key, **kwargs)


def cluster_bootstrap(statistic: Callable[[np.ndarray], float | dict[str, float]], clusters, key: str,
                      samples: int = SAMPLES, confidence: float = CONFIDENCE, min_n: int = MIN_N,
                      unit: str = "cluster", rng: np.random.Generator | None = None):
    """Percentile intervals of any statistic of items, resampling whole clusters (every item of a cluster
    drawn goes in, as often as the cluster is drawn). ``statistic`` takes an index array of items; it may
    return one number (an ``Interval`` back) or a dict of them (a dict of ``Interval`` back).
    ``clusters``: each item's cluster label (equal labels, one unit); ``np.arange(n_items)`` resamples the
    items one by one.

    >>> truth = np.array([1, 1, 0, 0, 1, 0]); pred = np.array([1, 0, 0, 0, 1, 1])
    >>> ci = cluster_bootstrap(lambda i: float((truth[i] == pred[i]).mean()), ["a", "a", "b", "c", "d", "d"],
    ...                        "example", samples=200)
    >>> round(ci.estimate, 3), 0 <= ci.low <= ci.high <= 1
    (0.667, True)
    """
    keys, inverse = np.unique(np.asarray(clusters), return_inverse=True)
    members = [np.flatnonzero(inverse == k) for k in range(len(keys))]
    n = len(keys)
    everything = np.concatenate(members) if members else np.array([], dtype=int)
    estimate = statistic(np.sort(everything)) if n else float("nan")
    nan = float("nan")
    note = too_few_note(n, min_n, unit)
    draws: list = []
    if not note:
        for block in resamples(n, key, samples, rng=rng):
            for chosen in block:
                draws.append(statistic(np.concatenate([members[k] for k in chosen])))
    if isinstance(estimate, dict):
        return {name: Interval(float(value), *(percentile_interval([d[name] for d in draws], confidence)
                                               if draws else (nan, nan)), note)
                for name, value in estimate.items()}
    return Interval(float(estimate), *(percentile_interval(draws, confidence) if draws else (nan, nan)), note)


# ---------------------------------------------------------------------------------------------------------
# Precision, recall, F1

class Scores(NamedTuple):
    precision: float
    recall: float
    f1: float
    support: int          # items of the class in the truth (tp + fn)


def prf(tp: int, fp: int, fn: int) -> Scores:
    """Precision, recall and F1 from counts.

    >>> prf(8, 2, 4)
    Scores(precision=0.8, recall=0.6666666666666666, f1=0.7272727272727273, support=12)
    >>> prf(0, 0, 3)
    Scores(precision=0.0, recall=0.0, f1=0.0, support=3)
    """
    return Scores(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0,
                  2 * tp / (2 * tp + fp + fn) if tp else 0.0, int(tp + fn))


def class_counts(truth, predicted, cls) -> tuple[int, int, int]:
    """(tp, fp, fn) of one class from two label sequences."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    return (int(((predicted == cls) & (truth == cls)).sum()), int(((predicted == cls) & (truth != cls)).sum()),
            int(((predicted != cls) & (truth == cls)).sum()))


def per_class(truth, predicted, classes: Iterable) -> dict:
    """``Scores`` of each class in ``classes`` from two label sequences.

    >>> per_class(["a", "a", "b", "c"], ["a", "b", "b", "b"], ["a", "b", "c"])["b"]
    Scores(precision=0.3333333333333333, recall=1.0, f1=0.5, support=1)
    """
    return {c: prf(*class_counts(truth, predicted, c)) for c in classes}


def macro_f1(truth, predicted, classes: Iterable) -> float:
    """The unweighted mean of the classes' F1.

    A confusion table by hand (truth in rows, predicted in columns; classes a, b, c):
    a: 1 0 0 / b: 1 1 0 / c: 0 1 0 -> F1(a) = 2/3, F1(b) = 1/2, F1(c) = 0, macro-F1 = 7/18 = 0.3889.

    >>> round(macro_f1(["a", "b", "b", "c"], ["a", "a", "b", "b"], ["a", "b", "c"]), 4)
    0.3889
    """
    scores = per_class(truth, predicted, classes)
    return float(sum(s.f1 for s in scores.values()) / len(scores))
