"""Is the news-domain VADER at least as good as the reference?

Two sets of gold, scored by the reference VADER and by the news-domain VADER (``newslens.sentiment.news``),
both on the same quote-normalised text:

1. Hutto and Gilbert's (2014) human-rated sets inside the vaderSentiment 3.3.2 sdist (obtained and checked
   as ``bench/sentiment_validity.py`` does, cached in .cache/): Pearson r against the mean rating, 3-class
   accuracy and macro-F1, per set (NYT editorial snippets, tweets, movie and product reviews), with a paired
   percentile bootstrap interval of each difference news minus reference (items resampled, 2,000 times,
   the seed of ``bench/actor_sentiment_validity.py``): is a difference of a few items inside the noise?
2. NewsMTSC (Hamborg and Donnay 2021, MIT) test sets mt and rw, whole sentence: the sentence's compound
   with VADER's +-0.05 band against the gold polarity toward the target (as the whole-sentence baseline
   of ``bench/actor_sentiment_validity.py``), macro-F1 with a paired cluster-bootstrap interval of the
   difference.

    PYTHONPATH=lib python bench/news_sentiment_validity.py --newsmtsc NewsMTSC/NewsSentiment/experiments/default/datasets

Writes bench/results/news_sentiment_validity.csv (the reading is bench/results/news_sentiment_validity.md) and
the same rows, with their source, to lib/newslens/data/news_sentiment_validity.csv, which the notebooks show.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "bench"))
sys.path.insert(0, str(REPO_ROOT / "lib"))

import actor_sentiment_validity as asv                             # noqa: E402
import sentiment_validity as svb                                   # noqa: E402
from newslens import stats                                         # noqa: E402
from newslens.sentiment import validity as sv                      # noqa: E402
from newslens.sentiment.news import news_scores                    # noqa: E402
from newslens.sentiment.scores import vader_scores                 # noqa: E402

RESULTS = REPO_ROOT / "bench" / "results"
# The source column of the package copy (data/news_sentiment_validity.csv) that notebook 01 shows.
PACKAGE_SOURCE = "bench/news_sentiment_validity.py (bench/results/news_sentiment_validity.md)"
SAMPLES = 2000


def published_rng(seed: int = asv.BOOTSTRAP_SEED) -> np.random.Generator:
    """The generator the published figures of this bench were drawn with: a fresh ``default_rng(seed)`` per
    interval. Kept (passed to ``newslens.stats`` as ``rng``) because the Hutto and Gilbert sets are not
    stored with the project, so the bench cannot be rerun to publish figures drawn by the project's keys."""
    return np.random.default_rng(seed)


def paired_item_intervals(ratings, news, reference, samples: int = SAMPLES, seed: int = asv.BOOTSTRAP_SEED,
                          confidence: float = 0.95) -> dict[str, tuple[float, float]]:
    """Percentile intervals of news minus reference in Pearson r, 3-class accuracy and macro-F1, both methods
    scored on the same resampled items (the items are independent snippets, so they are resampled one by one)."""
    ratings, news, reference = (np.asarray(x, float) for x in (ratings, news, reference))
    truth = sv.three_class(ratings / 4.0)
    pred_news, pred_ref = sv.three_class(news), sv.three_class(reference)

    def differences(idx):
        return {"pearson_r": sv.pearson_r(ratings[idx], news[idx]) - sv.pearson_r(ratings[idx], reference[idx]),
                "accuracy": float((truth[idx] == pred_news[idx]).mean() - (truth[idx] == pred_ref[idx]).mean()),
                "macro_f1": sv.macro_f1(truth[idx], pred_news[idx]) - sv.macro_f1(truth[idx], pred_ref[idx])}

    ci = stats.cluster_bootstrap(differences, np.arange(len(ratings)), "", samples=samples, confidence=confidence,
                                 unit="item", rng=published_rng(seed))
    return {name: (interval.low, interval.high) for name, interval in ci.items()}


def accuracy_difference_interval(truth, a, b, clusters, samples: int = asv.BOOTSTRAP_SAMPLES,
                                 seed: int = asv.BOOTSTRAP_SEED) -> tuple[float, float]:
    """As ``asv.paired_difference_interval``, for accuracy: whole sentences resampled."""
    truth, a, b = map(np.asarray, (truth, a, b))
    ci = stats.cluster_bootstrap(lambda idx: float((truth[idx] == a[idx]).mean() - (truth[idx] == b[idx]).mean()),
                                 clusters, "", samples=samples, unit="sentence", rng=published_rng(seed))
    return ci.low, ci.high


METHODS = {"reference VADER": lambda t: vader_scores(t)["compound"],
           "news-domain VADER": lambda t: news_scores(t)["compound"]}


def main() -> None:
    import pandas as pd

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsmtsc", required=True, type=Path,
                        help="the NewsMTSC datasets folder holding newsmtsc-mt-hf/ and newsmtsc-rw-hf/")
    args = parser.parse_args()
    rows = []
    folder = svb.extract_ground_truth(svb.obtain_sdist())
    for key, (file_name, _) in sv.DATASETS.items():
        frame = sv.read_ground_truth(folder / file_name)
        ratings = frame["rating"].to_numpy(float)
        changed = 0
        scores = {}
        for method, score in METHODS.items():
            scores[method] = [score(t) for t in frame["text"]]
        changed = int(np.sum(np.array(scores["reference VADER"]) != np.array(scores["news-domain VADER"])))
        intervals = paired_item_intervals(ratings, scores["news-domain VADER"], scores["reference VADER"])
        for method in METHODS:
            m = sv.metrics(ratings, scores[method])
            row = {"dataset": f"Hutto & Gilbert: {key}", "items": len(frame), "method": method,
                   "pearson_r": m["pearson_r"], "accuracy": m["accuracy_3class"], "macro_f1": m["macro_f1"],
                   "items_changed": changed}
            if method != "reference VADER":
                for measure, (low, high) in intervals.items():
                    row[f"{measure}_diff_low"], row[f"{measure}_diff_high"] = low, high
            rows.append(row)
    for split in ("newsmtsc-mt-hf/test.jsonl", "newsmtsc-rw-hf/test.jsonl"):
        data, _ = asv.read_split(args.newsmtsc, split)
        gold = np.array([r["gold"] for r in data])
        clusters = np.array([r["sentence"] for r in data])
        predicted = {method: asv.three_class([score(r["sentence"]) for r in data]) for method, score in METHODS.items()}
        changed = int(np.sum(predicted["reference VADER"] != predicted["news-domain VADER"]))
        diff_low, diff_high = asv.paired_difference_interval(gold, predicted["news-domain VADER"],
                                                             predicted["reference VADER"], clusters,
                                                             rng=published_rng())
        acc_low, acc_high = accuracy_difference_interval(gold, predicted["news-domain VADER"],
                                                         predicted["reference VADER"], clusters)
        for method in METHODS:
            m = asv.classification_metrics(gold, predicted[method])
            rows.append({"dataset": f"NewsMTSC {split.split('-')[1]} test (whole sentence)", "items": len(data),
                         "method": method, "accuracy": m["accuracy"], "macro_f1": m["macro_f1"],
                         "items_changed": changed,
                         "macro_f1_diff_low": diff_low if method != "reference VADER" else None,
                         "macro_f1_diff_high": diff_high if method != "reference VADER" else None,
                         "accuracy_diff_low": acc_low if method != "reference VADER" else None,
                         "accuracy_diff_high": acc_high if method != "reference VADER" else None})
    table = pd.DataFrame(rows).round(4)
    RESULTS.mkdir(parents=True, exist_ok=True)
    table.to_csv(RESULTS / "news_sentiment_validity.csv", index=False, lineterminator="\n")
    table.assign(source=PACKAGE_SOURCE).to_csv(sv.NEWS_VALIDITY_FILE, index=False, lineterminator="\n")
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
