"""How newslens's cost grows with an article's length, beside the hand-written peer (`bench/peer.py`).

Texts: the seed body repeated x1, x2, ... x32 (repeats are what made the old cue finder hang), and
distinct text of the same lengths: sentences of the seed's lengths drawn at random, with a fixed seed, from
wordfreq's 5,000 most frequent English words (as often as English uses them) plus the framing lexicon's terms and some place names, so
that nothing repeats. Both are made on the fly; nothing is committed but the results.

Measured in one warm process, peer and newslens on the same text in turn (the machines are shared and
noisy, so the ratios are the figures that count): seconds per stage of the default analysis (load,
sentiment, framing, places), its total, and the peer. Then, in fresh processes: `import newslens`, a cold
`newslens analyze --no-map` of the seed and of x32, and the peak memory (max RSS) of analysing x32.

    python bench/scale.py                # writes bench/results/scale.csv, scale.md and scale.png
    python bench/scale.py --max-repeat 8 # a quicker run
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newslens
from newslens.paths import REPO_ROOT
from newslens.analysis import ANALYSIS_STEPS

sys.path.insert(0, str(Path(__file__).parent))
import peer  # noqa: E402  (the peer lives beside this script)

RESULTS = REPO_ROOT / "bench" / "results"
TARGETS = {
    "default / peer on the seed": 3.0,
    "default / peer at x8": 3.0,
    "default / peer on the seed, CPU time": 3.0,
    "default / peer at x8, CPU time": 3.0,
    "s per 1,000 words at x32 / at x1": 1.3,
    "cold analyze of x32, --no-map (s)": 15.0,
    "cold analyze of the seed, --no-map (s)": 1.5,
    "import newslens (s)": 0.1,
    "peak memory at x32 (MB)": 1000.0,
}


def seed_paragraphs() -> list[str]:
    return [p.text for p in newslens.load_article(newslens.seed_path()).paragraphs]


def distinct_paragraphs(paragraphs: list[str], repeats: int, rng: random.Random) -> list[str]:
    """Paragraphs with the seed's sentence and paragraph lengths, words drawn at random: no repeats."""
    from wordfreq import top_n_list, word_frequency

    words = top_n_list("en", 5000)
    weights = [word_frequency(w, "en") for w in words]     # drawn as often as English uses them
    extra = ["Kiev", "Kyiv", "Donbass", "Ukraine", "Russia", "Turkey", "Ankara", "Moscow", "Black Sea",
             "drone diplomacy", "aggression", "civil war", "potentially", "separatists", "balance"]
    article = newslens.load_article(newslens.seed_path())
    shape = [[len(s.text.split()) for s in article.sentences if s.paragraph_id == p.id] for p in article.paragraphs]
    out = []
    for _ in range(repeats):
        for lengths in shape:
            sentences = []
            for n in lengths:
                chosen = [rng.choice(extra) if rng.random() < 0.04 else rng.choices(words, weights)[0]
                          for _ in range(n)]
                sentences.append(" ".join(chosen).capitalize() + ".")
            out.append(" ".join(sentences))
    return out


def write_text(folder: Path, name: str, paragraphs: list[str]) -> Path:
    path = folder / f"{name}.txt"
    # A first paragraph of its own, so that the loader does not read a repeated first paragraph as a standfirst.
    path.write_text(f"{name}\n\nA text made for the scaling benchmark.\n\n" + "\n\n".join(paragraphs) + "\n",
                    encoding="utf-8")
    return path


# Caches keyed on a sentence's (or a text's) words, by module: cleared between runs (within one run, a repeated
# sentence is scored once, as it would be in any article that repeats itself). A name an older newslens lacks is
# skipped, so that the script can also time an older checkout.
TEXT_CACHES = {
    "newslens.sentiment.scores": ("reference_polarity", "nltk_polarity"),
    "newslens.sentiment.news": ("_news_polarity", "_institution_names", "_neutral_spans", "_neutral_span_pair"),
    "newslens.framing.quotes": ("_words_with_offsets",),
}


def clear_text_caches() -> None:
    """Clear every cache of ``TEXT_CACHES``: a run must not reuse what the run before found in the same text."""
    import importlib

    for module, names in TEXT_CACHES.items():
        loaded = importlib.import_module(module)
        for name in names:
            clear = getattr(getattr(loaded, name, None), "cache_clear", None)
            if clear is not None:
                clear()


def time_newslens(path: Path) -> dict[str, float]:
    """Seconds per stage (wall clock), their total, and the total CPU time of the process (``newslens_cpu``)."""
    clear_text_caches()
    times = {}
    cpu = time.process_time()
    t = time.perf_counter()
    article = newslens.analysis.load(path)
    times["load"] = time.perf_counter() - t
    for stage, step in ANALYSIS_STEPS.items():
        t = time.perf_counter()
        step(article, frozenset())
        times[stage] = time.perf_counter() - t
    times["newslens"] = sum(times.values())
    times["newslens_cpu"] = time.process_time() - cpu
    return times


def time_peer(text: str) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of the peer's analysis of ``text``."""
    cpu = time.process_time()
    t = time.perf_counter()
    peer.analyse(text)
    return time.perf_counter() - t, time.process_time() - cpu


def measure_warm(folder: Path, max_repeat: int) -> list[dict]:
    paragraphs = seed_paragraphs()
    rng = random.Random(20211027)
    # Warm both: imports, lexicons, the gazetteer and wordfreq's tables load once per process.
    time_newslens(newslens.seed_path())
    time_peer(newslens.seed_path().read_text(encoding="utf-8"))
    rows = []
    repeat = 1
    while repeat <= max_repeat:
        for kind in ("repeated", "distinct"):
            body = paragraphs * repeat if kind == "repeated" else distinct_paragraphs(paragraphs, repeat, rng)
            path = write_text(folder, f"{kind}_x{repeat}", body)
            text = path.read_text(encoding="utf-8")
            words = len(newslens.load_article(path).words)
            runs = 5 if repeat <= 2 else 3 if repeat <= 8 else 1
            ours, theirs = [], []
            for _ in range(runs):       # in turn, so that a change in the machine's load hits both alike
                ours.append(time_newslens(path))
                theirs.append(time_peer(text))
            row = {"kind": kind, "repeat": repeat, "words": words}
            for key in ours[0]:
                row[f"{key}_s"] = statistics.median(o[key] for o in ours)
            row["peer_s"] = statistics.median(wall for wall, _ in theirs)
            row["peer_cpu_s"] = statistics.median(cpu for _, cpu in theirs)
            row["ratio"] = row["newslens_s"] / row["peer_s"]
            row["cpu_ratio"] = row["newslens_cpu_s"] / row["peer_cpu_s"]
            row["newslens_s_per_1000_words"] = 1000 * row["newslens_s"] / words
            row["peer_s_per_1000_words"] = 1000 * row["peer_s"] / words
            rows.append(row)
            print(f"{kind:9} x{repeat:<3} {words:6} words  newslens {row['newslens_s']:.3f} s  "
                  f"peer {row['peer_s']:.3f} s  ratio {row['ratio']:.1f}  CPU ratio {row['cpu_ratio']:.1f}",
                  flush=True)
        repeat *= 2
    return rows


def cold_seconds(args: list[str], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_memory_mb(path: Path) -> float:
    """Max resident memory of a fresh process that analyses ``path`` (the default analysis)."""
    code = ("import resource, sys, newslens; newslens.analyze(sys.argv[1]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    styles = {("newslens", "repeated"): ("#c8501e", "-"), ("newslens", "distinct"): ("#c8501e", "--"),
              ("peer", "repeated"): ("#1b7f6b", "-"), ("peer", "distinct"): ("#1b7f6b", "--")}
    for (who, kind), (colour, line) in styles.items():
        sel = [r for r in rows if r["kind"] == kind]
        ax.plot([r["words"] for r in sel], [r[f"{who}_s"] for r in sel], line, marker="o", color=colour,
                label=f"{who}, {kind} text")
    low = min(r["words"] for r in rows)
    base = min(r["peer_s"] for r in rows if r["words"] == low)
    xs = [low, max(r["words"] for r in rows)]
    ax.plot(xs, [base * x / low for x in xs], ":", color="#888888", label="linear (slope 1)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("words in the article")
    ax.set_ylabel("seconds (warm process, default analysis)")
    ax.set_title("Cost against article length: newslens and a hand-written peer")
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-repeat", type=int, default=32)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = measure_warm(folder, args.max_repeat)
        exe = str(Path(sys.executable).parent / "newslens")
        longest = max(r["repeat"] for r in rows)
        long_path = folder / f"repeated_x{longest}.txt"
        cold = {
            "import newslens (s)": cold_seconds([sys.executable, "-c", "import newslens"]),
            "cold analyze of the seed, --no-map (s)": cold_seconds(
                [exe, "analyze", str(newslens.seed_path()), "--out", str(folder / "o1"), "--force", "--no-map"]),
            f"cold analyze of x{longest}, --no-map (s)": cold_seconds(
                [exe, "analyze", str(long_path), "--out", str(folder / "o2"), "--force", "--no-map"], repeats=1),
            f"peak memory at x{longest} (MB)": peak_memory_mb(long_path),
        }
    fields = list(rows[0])
    with open(RESULTS / "scale.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (f"{v:.5f}" if isinstance(v, float) else v) for k, v in row.items()})
    plot(rows, RESULTS / "scale.png")

    def at(kind, repeat, key):
        return next(r[key] for r in rows if r["kind"] == kind and r["repeat"] == repeat)

    measured = {
        "default / peer on the seed": at("repeated", 1, "ratio"),
        "default / peer at x8": at("repeated", min(8, longest), "ratio"),
        "default / peer on the seed, CPU time": at("repeated", 1, "cpu_ratio"),
        "default / peer at x8, CPU time": at("repeated", min(8, longest), "cpu_ratio"),
        "s per 1,000 words at x32 / at x1": at("repeated", longest, "newslens_s_per_1000_words")
        / at("repeated", 1, "newslens_s_per_1000_words"),
        **cold,
    }
    lines = [
        "# Scaling: cost against article length, newslens beside the peer",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} by `python bench/scale.py` on a 2-core machine shared with other work; "
        "warm process, default analysis (no extras), median of 5, 3 or 1 runs, newslens and the peer in turn. "
        "The peer is `bench/peer.py`. Seconds are wall-clock; the CPU-time ratios (`time.process_time`) are the "
        "steadier figure on a machine other work shares (both sides are single-threaded Python), and caches keyed "
        "on a sentence's text are cleared before every run (`TEXT_CACHES`).",
        "",
        "| measure | target | measured | met |",
        "|---|---:|---:|---|",
    ]
    for name, value in measured.items():
        target = TARGETS.get(name.replace(f"x{longest}", "x32"))
        met = "" if target is None else ("yes" if value <= target else "no")
        lines.append(f"| {name} | {target if target is not None else ''} | {value:.2f} | {met} |")
    lines += ["", "| text | words | newslens s | peer s | ratio | CPU ratio | newslens s / 1,000 words | load | "
              "sentiment | framing | places |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['kind']} x{r['repeat']} | {r['words']} | {r['newslens_s']:.3f} | {r['peer_s']:.3f} | "
                     f"{r['ratio']:.1f} | {r['cpu_ratio']:.1f} | {r['newslens_s_per_1000_words']:.3f} | {r['load_s']:.3f} | "
                     f"{r['sentiment_s']:.3f} | {r['framing_s']:.3f} | {r['places_s']:.3f} |")
    lines += ["", "Figure: `scale.png` (log-log; the dotted line has slope 1). Data: `scale.csv`."]
    (RESULTS / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
