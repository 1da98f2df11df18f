"""The comparison step (`newslens compare`) against the number of articles: its seconds at 100, 200 and 400
articles (by default), step by step, to see that it grows linearly.

Articles: distinct texts of 500-1,000 words drawn from the demo corpus's sentences (`bench/corpus.py`'s
`make_corpus`), given four outlets in turn and dates over a year by a manifest (`articles.csv`). One
`newslens corpus` run analyses the largest size; each size is then that run's first N articles (`--limit N`,
read from the cache), and the comparison of each is timed in the same process, tables and figures written,
one size after the other and again in reverse order (the machines are shared: the median of the two counts).

    python bench/compare_scale.py                      # writes bench/results/compare_scale.md
    python bench/compare_scale.py --sizes 50 100
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

RESULTS = Path(__file__).resolve().parent / "results"
OUTLETS = ("alpha.example", "beta.example", "gamma.example", "delta.example")


def make_folder(folder: Path, n: int) -> None:
    from corpus import demo_sentences, make_corpus

    make_corpus(folder, n, demo_sentences())
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "outlet", "date"])
        for i in range(n):
            writer.writerow([f"article_{i:05d}.txt", OUTLETS[i % len(OUTLETS)], f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400])
    args = parser.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    from newslens.compare import read_corpus, write_compare
    from newslens.corpus import run_corpus

    sizes = sorted(args.sizes)
    runs: dict[int, list[dict]] = {n: [] for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_folder(tmp / "articles", sizes[-1])
        out = tmp / "out"
        run_corpus(tmp / "articles", out, workers=2, quiet=True)          # analysed once, into the cache
        for order in (sizes, sizes[::-1]):
            for n in order:
                run_corpus(tmp / "articles", out, workers=2, limit=n, quiet=True)    # the first n, cached
                t = time.perf_counter()
                corpus = read_corpus(out)
                read = time.perf_counter() - t
                write_compare(out, corpus=corpus, quiet=True)
                total = time.perf_counter() - t
                manifest = json.loads((out / "compare" / "manifest.json").read_text())
                words = int(corpus["articles"]["words"].sum())
                found = manifest["shared_passages"]
                runs[n].append({**manifest["seconds"], "read": read, "wall": total, "words": words,
                                "pairs": found["candidate_pairs"], "passages": found["passages"]})
                print(f"{n} articles: {total:.2f} s (read {read:.2f} s)", flush=True)
    steps = [k for k in runs[sizes[0]][0] if k not in ("read", "wall", "words", "pairs", "passages")]
    rows = []
    for n in sizes:
        med = {k: statistics.median(r[k] for r in runs[n]) for k in ["read", "wall"] + steps}
        med["rest"] = med["wall"] - med["shared_passages"]
        rows.append((n, runs[n][0]["words"], med, runs[n][0]["pairs"], runs[n][0]["passages"]))
    base = rows[0][2]["wall"] / rows[0][0]
    base_rest = rows[0][2]["rest"] / rows[0][0]
    lines = [
        "# The comparison step against the number of articles",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} by `python bench/compare_scale.py` on a 2-core machine shared with "
        "other work (read the seconds per 100 articles across sizes: flat is linear). Distinct articles of "
        "500-1,000 words drawn from the demo corpus's sentences, four outlets, dates over a year; the comparison "
        "reads the corpus tables (Parquet), makes every table and figure and writes them. Median of 2 runs per size.",
        "",
        "| articles | words | wall s | s per 100 articles | per 100 / at the smallest | all but shared passages, "
        "per 100 / at the smallest | candidate pairs | shared passages | read | " + " | ".join(steps) + " |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(steps),
    ]
    for n, words, med, pairs, passages in rows:
        per = med["wall"] / n
        lines.append(f"| {n} | {words:,} | {med['wall']:.2f} | {100 * per:.2f} | {per / base:.2f} | "
                     f"{med['rest'] / n / base_rest:.2f} | {pairs:,} | {passages:,} | {med['read']:.2f} | "
                     + " | ".join(f"{med[k]:.2f}" for k in steps) + " |")
    lines += ["", "Step columns are the seconds `compare/manifest.json` records (`total` there includes the figures "
              "and the writing, not the reading); `read` is `read_corpus`; `wall` is both."]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "compare_scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
