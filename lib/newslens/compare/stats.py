"""Numbers shared by the comparison tables: percentile bootstrap over articles, and G2 / log-ratio keyness.

The unit sampled is the article: a corpus is a sample of articles, not of sentences, and sentences of one
article are not independent. Every interval here resamples whole articles within a group (a cluster
bootstrap), with a fixed seed per group, so two runs give the same bytes.
"""

from __future__ import annotations

import zlib

import numpy as np

BOOTSTRAP_SAMPLES = 10_000
BOOTSTRAP_SEED = 20220224
CONFIDENCE = 0.95
MIN_ARTICLES = 3            # fewer articles than this: no interval
CHUNK = 1_000               # resamples drawn at a time (bounds memory for large groups)
# Critical values of chi-square with 1 degree of freedom (as framing.keyness).
P_BANDS = ((15.13, "p<0.0001"), (10.83, "p<0.001"), (6.63, "p<0.01"), (3.84, "p<0.05"))


def too_few_note(n: int) -> str:
    """The note column's text for a group with too few articles for an interval ("" when there are enough)."""
    if n >= MIN_ARTICLES:
        return ""
    return f"no interval: {n} article{'s' if n != 1 else ''} (an interval needs {MIN_ARTICLES} or more)"


def _rng(key: str) -> np.random.Generator:
    """A generator seeded from the fixed seed and the group's name: the same group gets the same draws in
    every run, and two groups of equal size do not share theirs."""
    return np.random.default_rng([BOOTSTRAP_SEED, zlib.crc32(key.encode("utf-8"))])


def bootstrap_ratio(numerator, denominator, key: str, samples: int = BOOTSTRAP_SAMPLES,
                    confidence: float = CONFIDENCE, scale: float = 1.0) -> tuple[float, float, float, str]:
    """(estimate, low, high, note) of ``scale * sum(numerator) / sum(denominator)``, resampling articles.

    One value pair per article. With ``denominator`` all ones this is the mean of article values; with
    sentence sums and sentence counts it is the pooled sentence mean; with term counts and word counts a
    rate. Fewer than ``MIN_ARTICLES`` articles: the estimate alone, NaN bounds and a note saying why.
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    n = len(num)
    if n == 0 or den.sum() == 0:
        return float("nan"), float("nan"), float("nan"), "no articles" if n == 0 else "nothing to divide by"
    estimate = scale * num.sum() / den.sum()
    if n < MIN_ARTICLES:
        return float(estimate), float("nan"), float("nan"), too_few_note(n)
    rng = _rng(key)
    stats = []
    for start in range(0, samples, CHUNK):
        idx = rng.integers(0, n, size=(min(CHUNK, samples - start), n))
        d = den[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            stats.append(scale * num[idx].sum(axis=1) / d)
    values = np.concatenate(stats)
    values = values[np.isfinite(values)]
    alpha = (1 - confidence) / 2
    low, high = np.quantile(values, [alpha, 1 - alpha])
    return float(estimate), float(low), float(high), ""


def bootstrap_mean(values, key: str, **kwargs) -> tuple[float, float, float, str]:
    """(mean, low, high, note): the mean of one value per article, with a percentile bootstrap interval."""
    values = np.asarray(values, dtype=float)
    return bootstrap_ratio(values, np.ones_like(values), key, **kwargs)


def g2(a, b, c, d):
    """Dunning's log-likelihood G2 (Rayson and Garside 2000), vectorised: a word seen ``a`` times in a
    corpus of ``c`` tokens and ``b`` times in one of ``d`` tokens; 0 ln 0 = 0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def log_ratio(a, b, c, d):
    """Hardie's (2014) log ratio, log2 of the ratio of relative frequencies; a zero count is read as 0.5
    (for this measure only), as in ``framing.keyness``."""
    a, b = np.maximum(np.asarray(a, dtype=float), 0.5), np.maximum(np.asarray(b, dtype=float), 0.5)
    return np.log2((a / c) / (b / d))


def p_band(value: float) -> str:
    for critical, label in P_BANDS:
        if value >= critical:
            return label
    return "n.s."
