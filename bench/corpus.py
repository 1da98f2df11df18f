"""Corpus mode at scale: throughput of the engines and the driver's memory against corpus size.

Articles are made from the demo corpus (corpus/demo, CC BY 4.0 and US public domain texts): each one is a
random draw, with a fixed seed, of 500 to 1,000 words of whole sentences from the demo articles, so every
article is distinct and of ordinary news length. Nothing generated is committed; the results are.

Each run is a fresh process (`newslens.corpus.run_corpus` on a folder of N such articles, the default
analysis, Parquet tables) that reports its wall time and its own peak resident memory (the driver's; the
worker processes are separate). Measured:
- articles per second with 1 worker (in the driver), 2 workers (process pool) and Dask (a LocalCluster
  with 2 worker processes), on the same 1,000 articles;
- the driver's peak memory at 1,000 and at 10,000 articles (2 workers), and the 10,000-article wall time.

    python bench/corpus.py                 # about 10 minutes on a 2-core machine
    python bench/corpus.py --small 200 --large 1000
    python bench/corpus.py --small 2000 --large 5000 --two-workers-only   # the scale runs alone (a loaded machine)
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newslens.paths import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results"
DEMO = REPO_ROOT / "corpus" / "demo"
DRIVER = """
import json, resource, sys, time
from newslens.corpus import run_corpus
t = time.perf_counter()
run = run_corpus(sys.argv[1], sys.argv[2], engine=sys.argv[3], workers=int(sys.argv[4]), quiet=True)
print(json.dumps({"seconds": time.perf_counter() - t, "analyse_seconds": run.seconds["analyse"],
                  "articles": run.articles, "errors": run.errors,
                  "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def demo_sentences() -> list[str]:
    import newslens

    sentences = []
    for path in sorted(DEMO.rglob("*.txt")):
        sentences.extend(s.text for s in newslens.load_article(path).sentences if len(s.text.split()) >= 5)
    return sentences


def make_corpus(folder: Path, n: int, sentences: list[str], seed: int = 20221001) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        target, words, chosen = rng.randint(500, 1000), 0, []
        while words < target:
            sentence = rng.choice(sentences)
            chosen.append(sentence)
            words += len(sentence.split())
        paragraphs = [" ".join(chosen[k:k + 4]) for k in range(0, len(chosen), 4)]
        (folder / f"article_{i:05d}.txt").write_text(f"Article {i}\n\n" + "\n\n".join(paragraphs) + "\n",
                                                    encoding="utf-8")


def measure(folder: Path, out: Path, engine: str, workers: int) -> dict:
    done = subprocess.run([sys.executable, "-c", DRIVER, str(folder), str(out), engine, str(workers)],
                          check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["articles_per_second"] = result["articles"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--two-workers-only", action="store_true",
                        help="only the 2-worker runs at both sizes (rate and driver memory against size); no 1-worker "
                             "or Dask run")
    args = parser.parse_args()
    sentences = demo_sentences()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_corpus(tmp / "small", args.small, sentences)
        make_corpus(tmp / "large", args.large, sentences)
        runs = (("local, 1 worker", "small", "local", 1),
                ("local, 2 workers", "small", "local", 2),
                ("dask LocalCluster, 2 workers", "small", "dask", 2),
                ("local, 2 workers", "large", "local", 2))
        if args.two_workers_only:
            runs = runs[1:2] + runs[3:]
        for label, folder, engine, workers in runs:
            n = args.small if folder == "small" else args.large
            result = measure(tmp / folder, tmp / f"out_{len(rows)}", engine, workers)
            rows.append({"run": label, "articles": n, **{k: round(v, 3) if isinstance(v, float) else v
                                                         for k, v in result.items()}})
            print(rows[-1], flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    with open(RESULTS / "corpus.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    if args.two_workers_only:
        two, large = rows
        figures = {
            f"articles/s, 2 workers, {args.small:,} articles": two["articles_per_second"],
            f"articles/s, 2 workers, {args.large:,} articles": large["articles_per_second"],
            f"driver peak memory, {args.small:,} articles (MB)": two["driver_peak_mb"],
            f"driver peak memory, {args.large:,} articles (MB)": large["driver_peak_mb"],
            f"driver memory {args.large:,} / {args.small:,} (target <= 1.2)":
                large["driver_peak_mb"] / two["driver_peak_mb"],
            f"{args.large:,} articles, 2 workers, wall seconds": large["seconds"],
            "10,000 articles at the larger run's rate, wall seconds (target <= 120)":
                10000 / large["articles_per_second"],
        }
        _write(args, figures, "the 2-worker runs only (`--two-workers-only`)")
        return
    one, two, dask, large = rows
    figures = {
        "articles/s, 1 worker": one["articles_per_second"],
        "articles/s, 2 workers": two["articles_per_second"],
        "articles/s, Dask LocalCluster (2 workers)": dask["articles_per_second"],
        "2 workers / (2 x 1 worker) (target >= 0.8)": two["articles_per_second"] / (2 * one["articles_per_second"]),
        "Dask overhead against local, 2 workers (target < 20%)": 1 - dask["articles_per_second"] / two["articles_per_second"],
        f"driver peak memory, {args.small:,} articles (MB)": two["driver_peak_mb"],
        f"driver peak memory, {args.large:,} articles (MB)": large["driver_peak_mb"],
        f"driver memory {args.large:,} / {args.small:,} (target <= 1.2)": large["driver_peak_mb"] / two["driver_peak_mb"],
        f"{args.large:,} articles, 2 workers, wall seconds (target <= 120 for 10,000)": large["seconds"],
    }
    _write(args, figures)


def _write(args, figures: dict, which: str = "") -> None:
    lines = ["# Corpus mode: throughput and the driver's memory", "",
             f"Measured {time.strftime('%Y-%m-%d')} by `python bench/corpus.py` on a 2-core machine shared with other "
             f"work. Articles: {args.small:,} and {args.large:,} distinct texts of 500-1,000 words drawn from the "
             "demo corpus's sentences; default analysis, Parquet tables, each run a fresh process"
             + (f"; {which}" if which else "") + ".", "",
             "| measure | value |", "|---|---:|"]
    lines += [f"| {k} | {v:,.2f} |" for k, v in figures.items()]
    lines += ["", "Data: `corpus.csv` (wall seconds include start-up, reading the input and writing the tables)."]
    (RESULTS / "corpus.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
