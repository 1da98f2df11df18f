"""Precision of the propaganda cues in the outlet's own voice, against hand-coded judgements.

Gold: ``bench/data/cues_gold.csv`` (140 cue occurrences of the cue table of main at 27871c6 on the demo corpus
and three agency-style texts, coded before the rules changed; how, by whom and the licences in
``bench/data/cues_gold.md``) and ``bench/data/cues_base_sentences.csv`` (60 random sentences, for the base
rate). Every source file is checked against the sha256 the gold recorded.

A gold row is a *correct outlet cue* when the flagged passage is an instance of the technique (``is_cue``)
and is in the outlet's own voice (``voice == outlet``). Before the change every row of the cue table counted
toward the article's rate; after it, a row counts when the cue table still flags that occurrence with
``voice == outlet``. So:

- precision (outlet): correct outlet cues among the occurrences counted as the outlet's;
- kept: correct outlet cues still counted (of those main counted; the rules can only remove or re-voice);
- precision (any voice): occurrences still flagged in any voice that are instances of the technique;
- voice agreement: among flagged true cues, how often the tool's outlet / not-outlet split matches the gold;
- base rate: the share of random sentences holding a loaded-language or name-calling cue in the outlet's
  voice (the precision of pointing at sentences at random).

Then, on the demo corpus, cues per 1,000 words for each outlet: the outlet's own voice and the speakers it
quotes or reports, apart.

    PYTHONPATH=lib python bench/cue_precision.py

Writes bench/results/cue_precision.csv and cue_precision.md. The figures are in-sample (see the .md).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "lib"))
sys.path.insert(0, str(REPO_ROOT / "bench"))

from benchfiles import sha256_of                                  # noqa: E402
from newslens.framing.cues import cue_rates_table, cues_table      # noqa: E402
from newslens.framing.quotes import find_quotes                    # noqa: E402
from newslens.text.loader import load_article                      # noqa: E402

GOLD = REPO_ROOT / "bench" / "data" / "cues_gold.csv"
BASE = REPO_ROOT / "bench" / "data" / "cues_base_sentences.csv"
RESULTS = REPO_ROOT / "bench" / "results"
# The one source file whose text holds runs of sentences twice (an extraction artefact of the demo corpus's
# source dataset): reported apart, as no cue rule should be fitted to it.
DUPLICATED_SOURCE = ("corpus/demo/whitehouse/2022-02-24_fact-sheet-joined-by-allies-and-partners-the-united-states-"
                     "imposes-devastating.txt")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson 95% interval of a proportion."""
    if not n:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return centre - half, centre + half


def flagged_now(table, row) -> tuple[bool, str, str]:
    """(still flagged, voice, speaker) of a gold occurrence in the current cue table."""
    start = int(row["start"])
    same = table[table["cue"] == row["cue"]]
    for r in same.itertuples(index=False):
        starts = [int(s) for s in str(r.starts).split(";")]
        if row["cue"] == "repetition":
            if r.evidence == row["evidence"] and start in starts:
                return True, r.voice, r.speaker
        elif start in starts and r.evidence == row["evidence"]:
            return True, r.voice, r.speaker
    return False, "", ""


def main() -> None:
    gold = list(csv.DictReader(open(GOLD, encoding="utf-8")))
    base = list(csv.DictReader(open(BASE, encoding="utf-8")))
    tables = {}
    for row in gold + base:
        path = REPO_ROOT / row["file"]
        if sha256_of(path) != row["sha256"]:
            raise SystemExit(f"{row['file']}: sha256 differs from the gold's")
    for row in gold:
        if row["file"] not in tables:
            tables[row["file"]] = cues_table(load_article(REPO_ROOT / row["file"]))
    judged = []
    for row in gold:
        flagged, voice, speaker = flagged_now(tables[row["file"]], row)
        judged.append({**row, "flagged_after": int(flagged), "voice_after": voice, "speaker_after": speaker,
                       "counted_after": int(flagged and voice == "outlet"),
                       "subset": "agency-style (written)" if "cues_agency" in row["file"] else "demo corpus"})

    out = []

    def summarise(label, rows):
        n_before = len(rows)
        good_before = sum(int(r["correct_outlet"]) for r in rows)
        counted = [r for r in rows if r["counted_after"]]
        good_after = sum(int(r["correct_outlet"]) for r in counted)
        flagged = [r for r in rows if r["flagged_after"]]
        true_flagged = [r for r in flagged if r["is_cue"] == "1"]
        agree = sum((r["voice"] == "outlet") == (r["voice_after"] == "outlet") for r in true_flagged)
        for rule, k, n in (("before", good_before, n_before), ("after", good_after, len(counted))):
            low, high = wilson(k, n)
            out.append({"subset": label, "rule": rule, "counted_as_outlet": n, "correct_outlet": k,
                        "precision_outlet": round(k / n, 3) if n else "", "ci_low": round(low, 3) if n else "",
                        "ci_high": round(high, 3) if n else "",
                        "kept_of_correct_before": f"{good_after}/{good_before}" if rule == "after" else "",
                        "flagged_any_voice": len(flagged) if rule == "after" else n_before,
                        "precision_any_voice": round(
                            (len(true_flagged) if rule == "after" else sum(r["is_cue"] == "1" for r in rows))
                            / ((len(flagged) if rule == "after" else n_before) or 1), 3),
                        "voice_agreement": f"{agree}/{len(true_flagged)}" if rule == "after" else ""})

    summarise("all", judged)
    for subset in ("demo corpus", "agency-style (written)"):
        summarise(subset, [r for r in judged if r["subset"] == subset])
    summarise("word cues (loaded language + name calling: what the rates count)",
              [r for r in judged if r["cue"] != "repetition"])
    for cue in ("loaded language", "name calling", "repetition"):
        summarise(f"cue: {cue}", [r for r in judged if r["cue"] == cue])
    summarise(f"all but {DUPLICATED_SOURCE.rsplit('/', 1)[-1][:40]}...",
              [r for r in judged if r["file"] != DUPLICATED_SOURCE])

    n_base = len(base)
    base_outlet = sum(int(r["outlet_cue"]) for r in base)
    base_any = sum(int(r["has_cue"]) for r in base)

    # Cues per 1,000 words per outlet on the demo corpus, by voice
    manifest = list(csv.DictReader(open(REPO_ROOT / "corpus" / "demo" / "articles.csv", encoding="utf-8")))
    per_outlet = defaultdict(Counter)
    for m in manifest:
        article = load_article(REPO_ROOT / "corpus" / "demo" / m["path"])
        quotes = find_quotes(article)
        rates = cue_rates_table(article, cues_table(article, quotes=quotes), quotes)
        c = per_outlet[m["outlet"]]
        c["articles"] += 1
        for r in rates.itertuples(index=False):
            side = "outlet" if r.voice == "outlet" else "speakers"
            c[f"{side}_words"] += r.words
            c[f"{side}_cues"] += r.word_cues
            c[f"{side}_repetition"] += r.repetition

    RESULTS.mkdir(parents=True, exist_ok=True)
    fields = list(out[0])
    with open(RESULTS / "cue_precision.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
        fh.write("\n")
        w2 = csv.writer(fh, lineterminator="\n")
        w2.writerow(["base_rate", "sentences", "outlet_cue_sentences", "share_outlet", "any_voice_cue_sentences",
                     "share_any_voice"])
        w2.writerow(["random sentences", n_base, base_outlet, round(base_outlet / n_base, 3), base_any,
                     round(base_any / n_base, 3)])
        fh.write("\n")
        w2.writerow(["outlet", "articles", "outlet_words", "outlet_word_cues", "outlet_per_1000", "speaker_words",
                     "speaker_word_cues", "speaker_per_1000", "outlet_repetition_rows", "speaker_repetition_rows"])
        for outlet, c in per_outlet.items():
            w2.writerow([outlet, c["articles"], c["outlet_words"], c["outlet_cues"],
                         round(1000 * c["outlet_cues"] / c["outlet_words"], 2) if c["outlet_words"] else "",
                         c["speakers_words"], c["speakers_cues"],
                         round(1000 * c["speakers_cues"] / c["speakers_words"], 2) if c["speakers_words"] else "",
                         c["outlet_repetition"], c["speakers_repetition"]])
    with open(RESULTS / "cue_precision_rows.csv", "w", newline="", encoding="utf-8") as fh:
        keep = ["item", "file", "cue", "evidence", "start", "is_cue", "voice", "correct_outlet", "flagged_after",
                "voice_after", "speaker_after", "counted_after", "reason"]
        writer = csv.DictWriter(fh, fieldnames=keep, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(judged)
    for row in out:
        print(row)
    print("base rate", base_outlet, base_any, n_base)
    for outlet, c in per_outlet.items():
        print(outlet, dict(c))


if __name__ == "__main__":
    main()
