"""Russian sentiment toward named entities against RuSentNE-2023's human labels (Golubev, Rusnachenko and
Loukachevitch 2023, Dialogue).

Run from the repository root, with the files of the RuSentNE-evaluation repository (MIT licence) in DIR:

    .venv/bin/python bench/rusentne.py --data DIR

DIR holds train_data.csv and validation_data_labeled.csv (tab-separated: sentence, entity, entity_tag,
entity_pos_start_rel, entity_pos_end_rel, label -1/0/1). Getting the data (once, by hand; nothing here downloads
anything): clone github.com/dialogue-evaluation/RuSentNE-evaluation and pass its folder. The script checks each
file's sha256 against DATASET_SHA256 (commit DATASET_COMMIT) and refuses others unless --any-version is given.
The test split there (final_data.csv) has no labels, so the held-out figure is the validation split's.

Measure: the shared task's main one, F1_PN: the macro average of the F1 of the positive and of the negative class,
over all three-class predictions (a neutral mention predicted positive costs the positive class's precision).
The evaluation script of the task is not in the repository; this follows the task paper's definition. F1_PN0
(macro over all three classes) and accuracy are reported beside it.

Steps: (1) tokens of every sentence (``newslens.text.cyrillic.tokens``); (2) a grid over the settings of
``newslens.sentiment.cyrillic.target_scores`` (window, weight outside the clause, whether the entity's own words
count, threshold), scored on the training split only; (3) the chosen settings scored on the validation
split, beside the majority baselines; (4) bench/results/rusentne.md, rusentne_tuning.csv and rusentne_errors.csv
(50 wrong validation rows, chosen by a fixed seed).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import random
import sys
from pathlib import Path

from newslens.sentiment.cyrillic import TARGET_DECAY, TARGET_OUTSIDE, TARGET_THRESHOLD, TARGET_WINDOW, target_scores
from newslens.text.cyrillic import tokens

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATASET_COMMIT = "4d08c88"
DATASET_SHA256 = {
    "train_data.csv": "75c443abcdee178b4e2ac2cbdd63179f9202347b9cc49a652e2f164bb8b8a31d",
    "validation_data_labeled.csv": "e52595886128a46a12f53c174abc8b17347b9e4685e56905d09817c41f5c1252",
}
WINDOWS = (0, 5, 12, 20, 40)
OUTSIDES = (0.3, 0.6)
DECAYS = (0.0, 2.0, 8.0)
THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
LABELS = (1, -1, 0)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_split(path: Path, any_version: bool) -> tuple[list[dict], str]:
    if not path.is_file():
        raise SystemExit(f"{path}: not found (pass --data with the RuSentNE-evaluation files)")
    digest = sha256(path)
    if digest != DATASET_SHA256[path.name] and not any_version:
        raise SystemExit(f"{path}: sha256 {digest} is not the one of commit {DATASET_COMMIT}; "
                         "pass --any-version to use it anyway")
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            try:
                start, end = int(row["entity_pos_start_rel"]), int(row["entity_pos_end_rel"])
                label = int(row["label"])
            except (KeyError, TypeError, ValueError):
                raise SystemExit(f"{path.name} line {n}: expected entity offsets and a label -1/0/1") from None
            if row["sentence"][start:end] != row["entity"]:
                raise SystemExit(f"{path.name} line {n}: the offsets do not give the entity {row['entity']!r}")
            rows.append({"sentence": row["sentence"], "entity": row["entity"], "tag": row["entity_tag"],
                         "span": (start, end), "gold": label})
    return rows, digest


def f1_scores(gold: list[int], pred: list[int]) -> dict:
    out = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        fp = sum(p == label != g for g, p in zip(gold, pred))
        fn = sum(g == label != p for g, p in zip(gold, pred))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        out[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1_pn": (out[1] + out[-1]) / 2, "f1_pn0": sum(out.values()) / 3, "f1_pos": out[1],
            "f1_neg": out[-1], "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold)}


def compounds(rows, toks, window, outside, decay, include_target) -> list[float]:
    return [target_scores(t, r["span"], "ru", window=window, outside=outside, decay=decay,
                          include_target=include_target)["compound"] for r, t in zip(rows, toks)]


def labels(values: list[float], threshold: float) -> list[int]:
    return [1 if c > threshold else -1 if c < -threshold else 0 for c in values]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="folder with the RuSentNE-evaluation files")
    parser.add_argument("--any-version", action="store_true", help="accept files of another version")
    parser.add_argument("--train-only", action="store_true",
                        help="only the grid on the training split (for development: the validation split unread)")
    args = parser.parse_args(argv)
    train, train_sha = read_split(args.data / "train_data.csv", args.any_version)
    train_tokens = [tokens(r["sentence"], "ru") for r in train]
    gold = [r["gold"] for r in train]

    # (2) the grid, on the training split only
    tuning = []
    for include_target in (False, True):
        for window, outside, decay in itertools.product(WINDOWS, OUTSIDES, DECAYS):
            if window == 0 and outside != OUTSIDES[0]:
                continue       # nothing outside the clause is read: the weight does not matter
            values = compounds(train, train_tokens, window, outside, decay, include_target)
            for threshold in THRESHOLDS:
                scores = f1_scores(gold, labels(values, threshold))
                tuning.append({"include_target": include_target, "window": window, "outside": outside,
                               "decay": decay, "threshold": threshold,
                               **{k: round(v, 4) for k, v in scores.items()}})
    best = max(tuning, key=lambda r: (r["f1_pn"], -r["window"]))
    defaults = next((r for r in tuning if (r["include_target"], r["window"], r["outside"], r["decay"],
                                           r["threshold"])
                     == (False, TARGET_WINDOW, TARGET_OUTSIDE, TARGET_DECAY, TARGET_THRESHOLD)), "not in the grid")
    print(f"best on train: {best}")
    print(f"module defaults on train: {defaults}")
    if args.train_only:
        return 0

    # (3) the validation split, with the settings chosen on train
    dev, dev_sha = read_split(args.data / "validation_data_labeled.csv", args.any_version)
    dev_tokens = [tokens(r["sentence"], "ru") for r in dev]
    dev_gold = [r["gold"] for r in dev]
    chosen = compounds(dev, dev_tokens, best["window"], best["outside"], best["decay"], best["include_target"])
    dev_pred = labels(chosen, best["threshold"])
    results = {"chosen settings": f1_scores(dev_gold, dev_pred)}
    train_majority = max(LABELS, key=gold.count)
    results[f"majority class of train ({train_majority})"] = f1_scores(dev_gold, [train_majority] * len(dev))
    results["always negative"] = f1_scores(dev_gold, [-1] * len(dev))
    whole = [target_scores(t, (0, len(r["sentence"])), "ru", window=0, outside=0.0, decay=0.0, include_target=True)
             for r, t in zip(dev, dev_tokens)]
    results["whole-sentence compound, same threshold"] = f1_scores(
        dev_gold, labels([w["compound"] for w in whole], best["threshold"]))
    train_scores = {k: best[k] for k in ("f1_pn", "f1_pn0", "f1_pos", "f1_neg", "accuracy")}
    write_results(results, best, train_scores, tuning, dev, dev_pred, train_sha, dev_sha, len(train))
    for name, s in results.items():
        print(f"dev {name}: F1_PN {s['f1_pn']:.3f}  F1_PN0 {s['f1_pn0']:.3f}  acc {s['accuracy']:.3f}")
    return 0


def write_results(results, best, train_scores, tuning, dev, dev_pred, train_sha, dev_sha, n_train) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "rusentne_tuning.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(tuning[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(tuning)
    wrong = [(r, p) for r, p in zip(dev, dev_pred) if p != r["gold"]]
    sample = random.Random(2023).sample(wrong, min(50, len(wrong)))
    with open(RESULTS / "rusentne_errors.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["sentence", "entity", "entity_tag", "gold", "predicted"])
        for r, p in sample:
            writer.writerow([r["sentence"], r["entity"], r["tag"], r["gold"], p])
    lines = [
        "# Russian entity sentiment on RuSentNE-2023",
        "",
        "Recomputed by `bench/rusentne.py --data DIR` (DIR: the files of github.com/dialogue-evaluation/"
        f"RuSentNE-evaluation, commit {DATASET_COMMIT}, MIT licence; not committed here).",
        "",
        f"- train_data.csv: {n_train} mentions, sha256 `{train_sha}`",
        f"- validation_data_labeled.csv: {len(dev)} mentions, sha256 `{dev_sha}`",
        "- final_data.csv (the test split) has no public labels: the held-out figure is the validation split's,",
        "  read after every choice was made on train (see docs/sentiment-ru-uk.md for how often).",
        "",
        "Measure: F1_PN, the task's main measure (mean of the positive and negative classes' F1 over three-class",
        "predictions; the task's own scoring script is not in the repository, this follows the task paper).",
        "",
        "Method: `newslens.sentiment.cyrillic.target_scores` (translated VADER lexicon, VADER's negation and booster",
        "rules, words of the entity's clause weight 1, others within the window weight `outside`).",
        "",
        f"Settings chosen on train (grid of {len(tuning)} in `rusentne_tuning.csv`): window {best['window']}, "
        f"outside {best['outside']}, decay {best['decay']}, entity's own words counted: {best['include_target']}, "
        f"threshold {best['threshold']}. On train: F1_PN {train_scores['f1_pn']:.3f}.",
        "",
        "| method (validation split) | F1_PN | F1_PN0 | F1 pos | F1 neg | accuracy |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in results.items():
        lines.append(f"| {name} | {s['f1_pn']:.3f} | {s['f1_pn0']:.3f} | {s['f1_pos']:.3f} | {s['f1_neg']:.3f} "
                     f"| {s['accuracy']:.3f} |")
    lines += ["", "`rusentne_errors.csv`: 50 wrong validation rows (fixed seed) with sentence, entity, gold and "
              "predicted label.", ""]
    (RESULTS / "rusentne.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
