"""Performance benchmark: figures, not a test. Writes bench/results/performance.md (and prints it).

    .venv/bin/python bench/performance.py [--repeats 15] [--corpus 1000]

Measures
1. per-stage time for the seed article in a warm process (median of repeated runs);
2. corpus throughput on a synthetic corpus built from the seed's paragraphs, one process and two, with
   peak memory;
3. cold start of `import newslens` and of `newslens analyze`;
4. the notebook suite's run time against its floor (as many notebooks that only start a kernel and import
   pandas and matplotlib).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import newslens
from newslens import analysis
from newslens.text.loader import load_article
from newslens.paths import NOTEBOOKS_DIR, REPO_ROOT
from newslens.stages import EXTRAS
from newslens.text.segment import split_sentences, tokenize_words

EVERY_EXTRA = frozenset(EXTRAS)   # the figures are of the whole analysis, every extra included

RESULTS = REPO_ROOT / "bench" / "results" / "performance.md"
TARGETS = {
    "warm analysis without map (ms)": 25.0,
    "articles per second per core": 100.0,
    "import newslens (s)": 0.3,
    "cold newslens analyze SEED (s)": 1.5,
    "notebook suite / floor": 1.5,
}


def forget_sentence_scores() -> None:
    """Clear the caches keyed on whole texts: the synthetic corpus repeats the seed's sentences, which real
    corpora do not, so cached sentence scores would flatter every figure. Word-level caches stay."""
    from newslens.sentiment.scores import nltk_polarity, reference_polarity

    reference_polarity.cache_clear()
    nltk_polarity.cache_clear()


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        forget_sentence_scores()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def stage_times(repeats: int) -> list[tuple[str, float]]:
    seed = newslens.seed_path()
    article = load_article(seed)
    # Warm every stage once so that imports and caches are not timed.
    analysis.analysis_tables(article, EVERY_EXTRA)
    rows = [
        ("load (read, clean, segment)", median_time(lambda: load_article(seed), repeats)),
        ("  of which sentences + tokens",
         median_time(lambda: tokenize_words(split_sentences(article.paragraphs, article.body), article.body), repeats)),
        ("article tables", median_time(lambda: analysis.article_tables(article), repeats)),
    ]
    for stage, step in analysis.ANALYSIS_STEPS.items():
        rows.append((stage, median_time(lambda step=step: step(article, EVERY_EXTRA), repeats)))
    rows.append(("whole analysis without map", median_time(lambda: analysis.analysis_tables(load_article(seed), EVERY_EXTRA), repeats)))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newslens.report.placemap import place_map as draw

    def map_once():
        fig, _ = draw(article)
        plt.close(fig)

    map_once()
    rows.append(("map (draw, no save)", median_time(map_once, max(3, repeats // 3))))
    return rows


def make_corpus(folder: Path, n: int) -> list[Path]:
    """n plain-text articles of 4-10 seed paragraphs each, sampled with a fixed seed."""
    article = load_article(newslens.seed_path())
    paragraphs = [p.text for p in article.paragraphs]
    rng = random.Random(20211027)
    paths = []
    for i in range(n):
        chosen = rng.sample(paragraphs, rng.randint(4, min(10, len(paragraphs))))
        path = folder / f"article_{i:04d}.txt"
        path.write_text(f"Synthetic article {i}\n\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def analyse_paths(paths: list[Path]) -> int:
    for path in paths:
        forget_sentence_scores()
        analysis.analysis_tables(load_article(path), EVERY_EXTRA)
    return len(paths)


def _warm_worker() -> None:
    analysis.analysis_tables(load_article(newslens.seed_path()), EVERY_EXTRA)


def throughput(paths: list[Path], workers: int) -> float:
    chunks = [paths[i::workers] for i in range(workers)]
    if workers == 1:
        _warm_worker()
        t = time.perf_counter()
        analyse_paths(paths)
        return len(paths) / (time.perf_counter() - t)
    with ProcessPoolExecutor(workers, initializer=_warm_worker) as pool:
        # Start the workers and warm them before timing.
        list(pool.map(analyse_paths, [[] for _ in range(workers)]))
        t = time.perf_counter()
        done = sum(pool.map(analyse_paths, chunks))
        return done / (time.perf_counter() - t)


def peak_memory_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cold_start(repeats: int, before: str | None = None) -> list[tuple[str, float, float, float | None, float | None]]:
    """(command, median wall s, median CPU s, and the same for ``before``, another checkout's newslens) for
    fresh processes. CPU is the child's user + system time: on a loaded machine it moves less than the wall
    time. Each newslens runs once untimed first, so its gazetteer cache (``~/.cache/newslens``) is built;
    ``before`` and this checkout alternate, so neither always meets the machine in the same state."""
    python = sys.executable
    newslens_cmd = str(Path(python).with_name("newslens"))
    seed = str(newslens.seed_path())

    def run(cmd) -> tuple[float, float]:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - t
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)

    def pair(ours, theirs, n):
        """Medians (wall, CPU) of ours and theirs, run alternately n times each."""
        mine, other = [], []
        for i in range(n):
            for who in ((0, 1) if i % 2 == 0 else (1, 0)):
                if who == 0:
                    mine.append(run(ours))
                elif theirs:
                    other.append(run(theirs))
        med = [statistics.median(x) for x in zip(*mine)]
        oth = [statistics.median(x) for x in zip(*other)] if other else [None, None]
        return med[0], med[1], oth[0], oth[1]

    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out")
        old = str(Path(tmp) / "before")
        run([newslens_cmd, "analyze", seed, "--out", out])
        if before:
            run([before, "analyze", seed, "--out", old])
        before_python = str(Path(before).with_name("python")) if before else None
        rows = [
            ("python -c pass (interpreter floor)", *pair([python, "-c", "pass"], None, repeats)),
            ("import newslens", *pair([python, "-c", "import newslens"],
                                      [before_python, "-c", "import newslens"] if before else None, repeats)),
            ("newslens analyze SEED --no-map",
             *pair([newslens_cmd, "analyze", seed, "--out", out, "--no-map"],
                   [before, "analyze", seed, "--out", old, "--no-map"] if before else None, max(3, repeats // 2))),
            ("newslens analyze SEED (whole command)",
             *pair([newslens_cmd, "analyze", seed, "--out", out],
                   [before, "analyze", seed, "--out", old] if before else None, max(3, repeats // 2))),
        ]
    return rows

def notebook_suite() -> tuple[float, float, int]:
    import nbformat
    from nbclient import NotebookClient

    notebooks = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas\nimport matplotlib.pyplot")])
    with tempfile.TemporaryDirectory() as tmp:
        def execute(nb):
            NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
                           timeout=600).execute()

        each = {}
        for path in notebooks:
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:   # keep the committed notebooks' outputs out of the way of the real ones
                if "parameters" in cell.get("metadata", {}).get("tags", []):
                    cell.source += f"\nout_dir = {str(Path(tmp) / 'out')!r}"
            t = time.perf_counter()
            execute(nb)
            each[path.name] = time.perf_counter() - t
        suite = sum(each.values())
        t = time.perf_counter()
        for _ in notebooks:
            execute(nbformat.from_dict(floor_nb))
        floor = time.perf_counter() - t
    return suite, floor, each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--corpus", type=int, default=1000)
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--before", metavar="NEWSLENS", help="another checkout's newslens, timed alternately in the "
                                                             "cold-start runs (a before/after in one run)")
    args = parser.parse_args()

    lines = [
        "# Performance figures",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"`bench/performance.py --repeats {args.repeats} --corpus {args.corpus}`. Medians of repeated runs; "
        "caches of whole-sentence scores are cleared before every timed article.",
        "",
        "## One article (the seed), warm process",
        "",
        "| stage | median ms |",
        "|---|---:|",
    ]
    stages = stage_times(args.repeats)
    lines += [f"| {name} | {seconds * 1000:.1f} |" for name, seconds in stages]
    warm = dict(stages)["whole analysis without map"] * 1000

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.corpus)
        words = sum(len(p.read_text().split()) for p in paths)
        one = throughput(paths, 1)
        two = throughput(paths, 2)
    own_mb, child_mb = peak_memory_mb()
    lines += [
        "",
        f"## Corpus throughput: {args.corpus} synthetic articles from the seed's paragraphs ({words:,} words)",
        "",
        "| processes | articles per second | per core |",
        "|---:|---:|---:|",
        f"| 1 | {one:.1f} | {one:.1f} |",
        f"| 2 | {two:.1f} | {two / 2:.1f} |",
        "",
        f"Peak resident memory: {own_mb:.0f} MB for the main process, {child_mb:.0f} MB for the largest worker.",
        "",
        "## Cold start",
        "",
        "Fresh processes; CPU is the process's user + system time (steadier than the wall time on a shared machine)."
        + (f" Before: `{args.before}`, run alternately with this checkout." if args.before else ""),
        "",
        "| command | median s | CPU s |" + (" before s | before CPU s | after / before (CPU) |" if args.before else ""),
        "|---|---:|---:|" + ("---:|---:|---:|" if args.before else ""),
    ]
    cold = cold_start(max(3, args.repeats // 3), args.before)
    for name, wall, cpu, old_wall, old_cpu in cold:
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} |" + (
            (f" {old_wall:.2f} | {old_cpu:.2f} | {cpu / old_cpu:.2f} |" if old_wall is not None else " | | |")
            if args.before else ""))
    import_s = next(wall for name, wall, *_ in cold if name == "import newslens")
    analyze_s = next(wall for name, wall, *_ in cold if name == "newslens analyze SEED (whole command)")

    ratio = None
    if not args.skip_notebooks:
        suite, floor, each = notebook_suite()
        count = len(each)
        ratio = suite / floor
        lines += [
            "",
            "## Notebook suite",
            "",
            f"{count} notebooks executed in {suite:.1f} s; the floor ({count} notebooks that only start a kernel and "
            f"import pandas and matplotlib) takes {floor:.1f} s: ratio {ratio:.2f}.",
            "",
            "| notebook | s |",
            "|---|---:|",
        ]
        lines += [f"| {name} | {seconds:.1f} |" for name, seconds in each.items()]

    measured = {
        "warm analysis without map (ms)": warm,
        "articles per second per core": one,
        "import newslens (s)": import_s,
        "cold newslens analyze SEED (s)": analyze_s,
        "notebook suite / floor": ratio,
    }
    lines += ["", "## Against the targets", "", "| measure | target | measured | met |", "|---|---:|---:|---|"]
    for name, target in TARGETS.items():
        value = measured[name]
        if value is None:
            lines.append(f"| {name} | {target:g} | not measured | |")
            continue
        met = value >= target if "per second" in name else value <= target
        lines.append(f"| {name} | {target:g} | {value:.2f} | {'yes' if met else 'no'} |")
    text = "\n".join(lines) + "\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
