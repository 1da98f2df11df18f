"""Precision of the loaded-language and name-calling cues against the Propaganda Techniques Corpus.

Gold: the "Loaded_Language" and "Name_Calling,Labeling" spans of the PTC training set of SemEval-2020 Task 11
(Da San Martino et al. 2019, 2020): 371 articles with technique-level span labels. The corpus carries no
licence in its README, so nothing of it is committed: the script reads it from a local git snapshot of a
public repository that holds the task data (``--ptc``, default the snapshot of ``aschern/semeval2020_task11``
at commit 84c384d, whose ``datasets/`` folder was removed later) and writes figures only.

For every flagged hit (each occurrence, located by its first word) the script asks whether it overlaps a gold
span of the same technique (loaded language for loaded-language cues, name calling for name-calling cues),
and, more loosely, a span of either technique. Two rules are compared:

- before (newslens before the sourced word list): lexicon entries marked loaded / name_calling, and every word with a VADER
  lexicon valence of at least 2 in size;
- after: lexicon entries, the loaded-word list (``data/loaded_words.csv``), wire-standard labels
  ("separatist", "rebel", "militant") only in scare quotes.

Then, on the demo corpus of official statements (``corpus/demo/``, licensed) and the seed, how many cues of each
rule per 1,000 words: the count a reader would see.

    PYTHONPATH=lib python bench/loaded_language.py [--ptc GIT_DIR]

Writes bench/results/loaded_language.csv and loaded_language.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "lib"))

from newslens.framing.cues import cues_table                      # noqa: E402
from newslens.framing.quotes import find_quotes, in_spans, title_spans  # noqa: E402
from newslens.framing.terms import find_mentions                  # noqa: E402
from newslens.text.loader import load_article, load_text           # noqa: E402

PTC_GIT = Path("/work/.mirror/aschern+semeval2020_task11/repo")
PTC_COMMIT = "84c384d3813a51f4face15086463952ebc2e0993"
PTC_LABELS = "datasets/train-task2-TC.labels"
PTC_ARTICLES = "datasets/train-articles"
GOLD = {"loaded": "Loaded_Language", "name_calling": "Name_Calling,Labeling"}
VADER_MIN_VALENCE = 2.0       # the rule before the sourced word list
RESULTS = REPO_ROOT / "bench" / "results"


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True).stdout


def vader_valences() -> dict[str, float]:
    import vaderSentiment

    out = {}
    with open(os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0]] = float(parts[1])
    return out


def flags_before(article, valence) -> list[tuple[str, str, int, int, str]]:
    """(cue kind, source, start, end, word) under the pre-issue-13 rule."""
    quotes = find_quotes(article)
    out = []
    for m in find_mentions(article, quotes=quotes):
        if m.cue and m.counted:
            out.append((m.cue, f"lexicon {m.cue}", m.start, m.end, m.term))
    titles = title_spans(article, quotes)
    for tok in article.words:
        word = tok.text.lower()
        if word in valence and abs(valence[word]) >= VADER_MIN_VALENCE and not in_spans(tok.start, tok.end, titles):
            out.append(("loaded", "VADER valence", tok.start, tok.end, word))
    return out


def flags_after(article) -> list[tuple[str, str, int, int, str]]:
    """(cue kind, source, start, end, word) from the cue table as newslens now writes it."""
    ends = {t.start: t.end for t in article.words}
    table = cues_table(article)
    out = []
    for row in table.itertuples():
        if row.cue not in ("loaded language", "name calling"):
            continue
        kind = "loaded" if row.cue == "loaded language" else "name_calling"
        source = ("lexicon " if row.evidence_type.startswith("lexicon") else "list ") + kind
        for start in str(row.starts).split(";"):
            start = int(start)
            out.append((kind, source, start, ends.get(start, start + len(row.evidence)), row.evidence))
    return out


def to_raw(article, raw: str) -> dict[int, int]:
    """Body offset -> raw file offset for every word start (the loader may trim or re-join whitespace)."""
    mapping, cursor = {}, 0
    for tok in article.words:
        at = raw.find(tok.text, cursor)
        if at < 0:
            continue
        mapping[tok.start] = at
        cursor = at + len(tok.text)
    return mapping


def evaluate_ptc(git_dir: Path):
    labels = git(git_dir, "show", f"{PTC_COMMIT}:{PTC_LABELS}")
    gold = defaultdict(lambda: defaultdict(list))
    for line in labels.decode("utf-8").splitlines():
        doc, technique, start, end = line.split("\t")
        gold[doc][technique].append((int(start), int(end)))
    names = [line.split("\t")[-1].rsplit("/", 1)[-1] for line in
             git(git_dir, "ls-tree", PTC_COMMIT, f"{PTC_ARTICLES}/").decode().splitlines()]
    valence = vader_valences()
    tally = Counter()
    per_word = Counter()
    words_total = Counter()
    articles_hash = hashlib.sha256()
    for name in sorted(names):
        doc = name.removeprefix("article").removesuffix(".txt")
        data = git(git_dir, "show", f"{PTC_COMMIT}:{PTC_ARTICLES}/{name}")
        articles_hash.update(data)
        raw = data.decode("utf-8")
        article = load_text(raw, name, input_format="body")
        mapping = to_raw(article, raw)
        spans = gold.get(doc, {})
        for tok in article.words:
            if tok.start in mapping:
                s = mapping[tok.start]
                e = s + (tok.end - tok.start)
                words_total["all"] += 1
                for kind, technique in GOLD.items():
                    if any(a < e and s < b for a, b in spans.get(technique, ())):
                        words_total[kind] += 1
        for rule, flags in (("before", flags_before(article, valence)), ("after", flags_after(article))):
            for kind, source, start, end, word in flags:
                if start not in mapping:
                    continue
                s = mapping[start]
                e = s + (end - start)

                def hit(technique):
                    return any(a < e and s < b for a, b in spans.get(technique, ()))

                same = hit(GOLD[kind])
                either = hit(GOLD["loaded"]) or hit(GOLD["name_calling"])
                for key in ((rule, kind, source), (rule, kind, "all")):
                    tally[key + ("flags",)] += 1
                    tally[key + ("same",)] += same
                    tally[key + ("either",)] += either
                per_word[(rule, source, word, same)] += 1
    info = {"articles": len(names), "labels_sha256": hashlib.sha256(labels).hexdigest(),
            "articles_sha256": articles_hash.hexdigest(), "words": words_total["all"],
            "gold_spans": {k: sum(len(gold[d].get(t, ())) for d in gold) for k, t in GOLD.items()},
            "base_rate": {k: words_total[k] / words_total["all"] for k in GOLD}}
    return tally, per_word, info


def demo_rates():
    """Cues per 1,000 words, before and after, on the demo corpus (per outlet) and the seed."""
    valence = vader_valences()
    manifest = list(csv.DictReader(open(REPO_ROOT / "corpus" / "demo" / "articles.csv", encoding="utf-8")))
    groups = defaultdict(list)
    for row in manifest:
        groups[row["outlet"]].append(REPO_ROOT / "corpus" / "demo" / row["path"])
    from newslens.paths import SEEDS_DIR

    groups["seed (Global Research op-ed)"] = sorted(SEEDS_DIR.glob("*.txt"))
    out = []
    for group, paths in groups.items():
        words = 0
        counts = Counter()
        for path in paths:
            article = load_article(path)
            words += len(article.words)
            for rule, flags in (("before", flags_before(article, valence)), ("after", flags_after(article))):
                for kind, source, *_ in flags:
                    counts[(rule, kind)] += 1
        out.append((group, len(paths), words, counts))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ptc", type=Path, default=PTC_GIT, help="git dir of a snapshot holding the PTC data")
    args = parser.parse_args()
    tally, per_word, info = evaluate_ptc(args.ptc)
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for rule in ("before", "after"):
        for kind in ("loaded", "name_calling"):
            sources = sorted({k[2] for k in tally if k[0] == rule and k[1] == kind and k[2] != "all"}) + ["all"]
            for source in sources:
                n = tally[(rule, kind, source, "flags")]
                if not n:
                    continue
                rows.append({"dataset": "PTC train (SemEval-2020 Task 11)", "rule": rule, "cue": kind,
                             "source": source, "flags": n, "precision_same_technique":
                             round(tally[(rule, kind, source, "same")] / n, 4),
                             "precision_either_technique": round(tally[(rule, kind, source, "either")] / n, 4),
                             "base_rate": round(info["base_rate"][kind], 4)})
    rates = demo_rates()
    for group, n_articles, words, counts in rates:
        for rule in ("before", "after"):
            for kind in ("loaded", "name_calling"):
                rows.append({"dataset": f"{group} ({n_articles} articles, {words} words)", "rule": rule, "cue": kind,
                             "source": "all", "flags": counts[(rule, kind)],
                             "precision_same_technique": "", "precision_either_technique": "",
                             "base_rate": "", "per_1000_words": round(1000 * counts[(rule, kind)] / words, 2)})
    fields = ["dataset", "rule", "cue", "source", "flags", "precision_same_technique", "precision_either_technique",
              "base_rate", "per_1000_words"]
    with open(RESULTS / "loaded_language.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({f: row.get(f, "") for f in fields})
    # The words that flag most often, with their hit rate (words only: no corpus text)
    words = defaultdict(lambda: [0, 0])
    for (rule, source, word, same), n in per_word.items():
        words[(rule, source, word)][0] += n
        words[(rule, source, word)][1] += n if same else 0
    top = sorted(words.items(), key=lambda kv: -kv[1][0])
    with open(RESULTS / "loaded_language_words.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["rule", "source", "word", "flags", "in_gold_span_of_same_technique"])
        for (rule, source, word), (n, good) in top:
            writer.writerow([rule, source, word, n, good])
    print(info)
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
