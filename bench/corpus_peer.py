"""Corpus mode beside the hand-written peer: `newslens corpus` and `bench/peer.py` run over the same folder.

The corpus peer is what a researcher writes to run the afternoon pipeline of `bench/peer.py` over a folder: a
pool of 2 worker processes, each reading a file and analysing it (Punkt sentences, the reference VADER per
sentence, geotext places, one regular expression over the framing lexicon, wordfreq frequencies of every
distinct word), and the driver writing five Parquet tables (articles, sentences, places, terms, words).

Articles: 306 distinct texts of 500-1,000 words, as many as six copies of the demo corpus (51 articles), each
drawn at random with a fixed seed from the demo corpus's sentences (`bench/corpus.py`'s `make_corpus`), so
that no two are the same. Each side runs as a fresh process and is timed from start to exit (start-up, reading,
analysing and writing included), newslens as `newslens corpus FOLDER --out OUT --workers 2 --quiet
--no-compare` (default analysis, Parquet tables); the two alternate, the median of the runs counts, and the
ratio of the two in the same run is the figure (the machines are shared and noisy).

    python bench/corpus_peer.py                 # writes bench/results/corpus_peer.md
    python bench/corpus_peer.py --articles 102 --runs 1
    python bench/corpus_peer.py --peer FOLDER OUT   # the peer alone, over FOLDER, tables into OUT
    python bench/corpus_peer.py --before ../main/.venv/bin/newslens   # also another checkout's newslens, same runs
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

RESULTS = Path(__file__).resolve().parent / "results"


def analyse_file(path: str) -> dict:
    """One article, as `bench/peer.py` analyses it, with the per-sentence and per-word rows kept for the tables."""
    import peer

    punkt, vader, geotext, lexicon, zipf = peer._tools()
    text = Path(path).read_text(encoding="utf-8")
    sentences = punkt.tokenize(text)
    compounds = [vader.polarity_scores(s)["compound"] for s in sentences]
    found = geotext(text)
    places = Counter(found.cities + found.countries)
    terms = Counter(m.group(1).lower() for m in lexicon.finditer(text))
    words = Counter(w.lower() for w in peer.WORD.findall(text))
    return {"article": Path(path).name, "sentences": len(sentences), "words": sum(words.values()),
            "mean_compound": sum(compounds) / max(len(compounds), 1), "compounds": compounds,
            "places": places, "terms": terms, "frequencies": {w: (n, zipf(w, "en")) for w, n in words.items()}}


def run_peer(folder: Path, out: Path, workers: int = 2) -> int:
    """The corpus peer: every .txt under ``folder`` through a pool of ``workers`` processes; Parquet into ``out``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    tables: dict[str, dict[str, list]] = {name: {} for name in ("articles", "sentences", "places", "terms", "words")}

    def add(name, **row):
        for key, value in row.items():
            tables[name].setdefault(key, []).append(value)

    with get_context("fork").Pool(workers) as pool:
        for r in pool.imap(analyse_file, paths, chunksize=4):
            add("articles", article=r["article"], sentences=r["sentences"], words=r["words"],
                mean_compound=r["mean_compound"])
            for i, c in enumerate(r["compounds"], start=1):
                add("sentences", article=r["article"], sentence=i, compound=c)
            for place, n in r["places"].items():
                add("places", article=r["article"], place=place, count=n)
            for term, n in r["terms"].items():
                add("terms", article=r["article"], term=term, count=n)
            for word, (n, z) in r["frequencies"].items():
                add("words", article=r["article"], word=word, count=n, zipf=z)
    out.mkdir(parents=True, exist_ok=True)
    for name, columns in tables.items():
        pq.write_table(pa.table(columns), out / f"{name}.parquet")
    return len(paths)


def timed(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=306)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer", nargs=2, metavar=("FOLDER", "OUT"), help="run the corpus peer alone")
    parser.add_argument("--before", metavar="NEWSLENS", help="another newslens executable (an earlier checkout) "
                                                             "timed in the same runs, for a before/after ratio")
    args = parser.parse_args()
    if args.peer:
        print(run_peer(Path(args.peer[0]), Path(args.peer[1])), "articles")
        return
    from corpus import demo_sentences, make_corpus

    exe = str(Path(sys.executable).parent / "newslens")
    ours, theirs, before = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_corpus(tmp / "articles", args.articles, demo_sentences())
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in (tmp / "articles").glob("*.txt"))
        for i in range(args.runs):
            # Alternate which goes first, so neither always meets the machine in the same state.
            order = ("newslens", "peer") + (("before",) if args.before else ())
            order = order if i % 2 == 0 else order[::-1]
            for who in order:
                if who == "before":
                    before.append(timed([args.before, "corpus", str(tmp / "articles"), "--out",
                                         str(tmp / f"before_{i}"), "--workers", "2", "--quiet", "--no-compare"]))
                elif who == "newslens":
                    ours.append(timed([exe, "corpus", str(tmp / "articles"), "--out", str(tmp / f"nl_{i}"),
                                       "--workers", "2", "--quiet", "--no-compare"]))
                else:
                    theirs.append(timed([sys.executable, __file__, "--peer", str(tmp / "articles"),
                                         str(tmp / f"peer_{i}")]))
            print(f"run {i + 1}: newslens {ours[-1]:.1f} s, peer {theirs[-1]:.1f} s, "
                  f"ratio {ours[-1] / theirs[-1]:.2f}"
                  + (f"; before {before[-1]:.1f} s, ratio {before[-1] / theirs[-1]:.2f}" if before else ""), flush=True)
    n = args.articles
    nl, pr = statistics.median(ours), statistics.median(theirs)
    ratios = [a / b for a, b in zip(ours, theirs)]
    lines = [
        "# Corpus mode beside the hand-written peer",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} by `python bench/corpus_peer.py` on a 2-core machine shared with other "
        f"work (loaded while measured: read the ratio, not the seconds). {n} distinct articles of 500-1,000 words "
        f"({words:,} words) drawn from the demo corpus's sentences; both sides with 2 worker processes, Parquet "
        "tables, each run a fresh process timed from start to exit; runs alternate which side goes first.",
        "",
        "| measure | target | measured |",
        "|---|---:|---:|",
        f"| `newslens corpus`, articles per second (median of {len(ours)}) | | {n / nl:.1f} |",
        f"| corpus peer (`bench/corpus_peer.py`), articles per second | | {n / pr:.1f} |",
        f"| newslens / peer, wall time (median of the per-run ratios) | 3.0 | {statistics.median(ratios):.2f} |",
    ]
    if before:
        lines.append(f"| before (`{args.before}`) / peer, same runs | | "
                     f"{statistics.median(a / b for a, b in zip(before, theirs)):.2f} |")
    lines += [
        "",
        "| run | newslens s | peer s | ratio |" + (" before s | before ratio |" if before else ""),
        "|---|---:|---:|---:|" + ("---:|---:|" if before else ""),
    ]
    lines += [f"| {i + 1} | {a:.1f} | {b:.1f} | {a / b:.2f} |"
              + (f" {before[i]:.1f} | {before[i] / b:.2f} |" if before else "")
              for i, (a, b) in enumerate(zip(ours, theirs))]
    lines += ["", "The peer keeps no offsets, roles, evidence or quotes and writes five tables; `newslens corpus` "
              "writes its full set of corpus tables and a per-article cache (what makes a run resumable)."]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "corpus_peer.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
