"""Ukrainian sentiment toward named entities against mentions labelled by hand for this project.

Run from the repository root:

    .venv/bin/python bench/uk_targets.py --data PATH/messages.js

Text: ten addresses (two of them to foreign audiences) and five speeches to foreign parliaments and forums of the
President of Ukraine (17 April to 17 May 2022), published on president.gov.ua (CC BY 4.0, as recorded for the
demo corpus in corpus/README.md), read from the copy in the public repository Amice13/resistinua, file docs/content/messages.js (repository
licence CC0; the file's sha256 is checked below). ``bench/data/uk_targets_gold.csv`` holds, per mention, the
text id, the sentence's offsets in the text and its sha256, the entity's offsets in the sentence and the label;
the error table quotes the sentences it lists (CC BY 4.0 allows it, with the attribution given there).

Labels (written for this project before the method was run on these sentences): 1 / -1 / 0 for the sentiment the
sentence expresses toward the entity, RuSentNE-style; two batches, the second chosen by a rule fixed before
labelling (``bench/data/uk_targets_gold.md``). One annotator, a language model, no agreement figure. These are
wartime speeches, not news reports: negative mentions of Russia dominate.

Measure: F1_PN, the mean F1 of the positive and negative classes (RuSentNE-2023's measure), with 95 % percentile
intervals from ``newslens.stats.cluster_bootstrap`` resampling whole sentences (the mentions of one sentence
are not independent). Baselines: always negative, and the majority label of each subset.

Method: ``newslens.sentiment.cyrillic.target_scores`` with its defaults (chosen on RuSentNE's Russian training
split; no parameter was tuned on these mentions). The lexicon's version 1.1.0 and three look-up rules were written
after reading the errors of version 1.0.0 here (F1_PN 0.572 then), so the figures from 1.1.0 on are in-sample;
the report says so.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from newslens.sentiment.cyrillic import LEXICON_FILES, target_scores
from newslens.stats import cluster_bootstrap
from newslens.text.cyrillic import tokens

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rusentne import f1_scores  # noqa: E402  the same measure as the Russian benchmark

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "uk_targets_gold.csv"
RESULTS = ROOT / "bench" / "results"
SOURCE_COMMIT = "2391318cf8c1d24d492995fbf99934ba696ef334"
SOURCE_SHA256 = "f337b1dac65a41887a55d4a926bfe61faedd64686022d16898295787f62ad7a3"
_ENTRY = re.compile(r"id: '([^']+)',.*?date: '([^']+)'.*?text: `(.*?)`", re.S)
LABELS = {"1": 1, "-1": -1, "0": 0}
LABEL_NAMES = {1: "positive", -1: "negative", 0: "neutral"}
QUOTE_CHARS = 170            # the error table quotes at most this much of a sentence around the target


def addresses(path: Path) -> dict[str, str]:
    """text id -> text; an id listed twice keeps its first (full) entry."""
    if not path.is_file():
        raise SystemExit(f"{path}: not found (pass --data with docs/content/messages.js of Amice13/resistinua)")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not that of commit {SOURCE_COMMIT}")
    out: dict[str, str] = {}
    for address_id, _date, text in _ENTRY.findall(raw.decode("utf-8")):
        out.setdefault(address_id, text)
    return out


def mentions(texts: dict[str, str], data: Path) -> list[dict]:
    """The gold rows, each with its sentence checked against its sha256 and the method's prediction."""
    with open(GOLD, encoding="utf-8", newline="") as fh:
        gold_rows = list(csv.DictReader(fh))
    rows = []
    for n, row in enumerate(gold_rows, start=2):
        text = texts.get(row["address_id"])
        if text is None:
            raise SystemExit(f"{GOLD.name} line {n}: text {row['address_id']} is not in {data}")
        if row["label"] not in LABELS:
            raise SystemExit(f"{GOLD.name} line {n}: label {row['label']!r} is not 1, -1 or 0")
        sentence = text[int(row["sentence_start"]):int(row["sentence_end"])]
        if hashlib.sha256(sentence.encode("utf-8")).hexdigest() != row["sentence_sha256"]:
            raise SystemExit(f"{GOLD.name} line {n}: the sentence at these offsets has another sha256")
        start, end = int(row["entity_start"]), int(row["entity_end"])
        if sentence[start:end] != row["entity"]:
            raise SystemExit(f"{GOLD.name} line {n}: the offsets do not give {row['entity']!r}")
        scores = target_scores(tokens(sentence, "uk"), (start, end), "uk")
        rows.append({**row, "gold": LABELS[row["label"]], "predicted": scores["label"],
                     "compound": round(scores["compound"], 3), "sentence": sentence,
                     "unit": f"{row['address_id']}:{row['sentence_start']}"})
    return rows


def lexicon_version() -> str:
    """The version line of the Ukrainian lexicon's header ("version 1.1.0, 2026-12-05")."""
    header = LEXICON_FILES["uk"].read_text(encoding="utf-8").splitlines()[0]
    match = re.search(r"version [\w.]+, [\d-]+", header)
    if not match:
        raise SystemExit(f"{LEXICON_FILES['uk']}: no version in the first line {header!r}")
    return match.group(0)


def evaluate(rows: list[dict], key: str) -> dict[str, dict]:
    """F1_PN of the method and two baselines, each with its interval over resampled sentences (the same draws
    for all three: one key a subset)."""
    gold = np.array([r["gold"] for r in rows])
    majority = Counter(gold.tolist()).most_common(1)[0][0]
    systems = {"target_scores (defaults)": np.array([r["predicted"] for r in rows]),
               "always negative": np.full(len(rows), -1),
               f"majority ({LABEL_NAMES[majority]})": np.full(len(rows), majority)}
    units = [r["unit"] for r in rows]
    out = {}
    for name, pred in systems.items():
        out[name] = cluster_bootstrap(lambda i, p=pred: f1_scores(gold[i].tolist(), p[i].tolist()), units,
                                      f"uk_targets|{key}", unit="sentence")
    return out


def _interval(iv) -> str:
    return f"{iv.estimate:.3f} [{iv.low:.3f}, {iv.high:.3f}]" if not iv.note else f"{iv.estimate:.3f} ({iv.note})"


def _quote(row: dict) -> str:
    """The sentence, cut to QUOTE_CHARS around the target, the target in bold, on one line."""
    s, start, end = row["sentence"], int(row["entity_start"]), int(row["entity_end"])
    left = max(0, min(start - QUOTE_CHARS // 2, len(s) - QUOTE_CHARS))
    right = min(len(s), left + QUOTE_CHARS)
    # the source's own markdown (bold vocatives, which razdel leaves inside sentences) dropped: only the
    # target is bold here
    before, target, after = (part.replace("**", "").replace("|", "/") for part in
                             (s[left:start], s[start:end], s[end:right]))
    text = " ".join(f"{before}**{target}**{after}".split())
    return ("…" if left else "") + text + ("…" if right < len(s) else "")


def report(rows: list[dict]) -> tuple[list[str], dict]:
    subsets = {"all (batches 1 + 2)": rows,
               "batch 1 (before: the 69 of the first check)": [r for r in rows if r["batch"] == "1"],
               "batch 2 (new, rule fixed before labelling)": [r for r in rows if r["batch"] == "2"],
               "batch 2, addresses to Ukrainians": [r for r in rows if r["batch"] == "2"
                                                     and r["text_type"] == "address"],
               "batch 2, speeches to foreign audiences": [r for r in rows if r["text_type"] == "speech"],
               "addresses, both batches": [r for r in rows if r["text_type"] == "address"]}
    lines = ["| subset | mentions (pos / neg / neu) | sentences | method | F1_PN [95 % CI] | F1 pos | F1 neg "
             "| accuracy |", "|---|---|---|---|---|---|---|---|"]
    summary = {}
    for name, subset in subsets.items():
        counts = Counter(r["gold"] for r in subset)
        n_sent = len({r["unit"] for r in subset})
        for method, ivs in evaluate(subset, name).items():
            lines.append(f"| {name} | {len(subset)} ({counts[1]} / {counts[-1]} / {counts[0]}) | {n_sent} "
                         f"| {method} | {_interval(ivs['f1_pn'])} | {ivs['f1_pos'].estimate:.3f} "
                         f"| {ivs['f1_neg'].estimate:.3f} | {ivs['accuracy'].estimate:.3f} |")
            summary[(name, method)] = ivs
    return lines, summary


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="path of messages.js")
    args = parser.parse_args(argv)
    rows = mentions(addresses(args.data), args.data)
    table, summary = report(rows)
    confusion = Counter((r["gold"], r["predicted"]) for r in rows)
    errors = [r for r in rows if r["gold"] != r["predicted"]]
    lines = [
        "# Ukrainian entity sentiment on hand-labelled mentions",
        "",
        f"Recomputed by `bench/uk_targets.py --data messages.js` (Amice13/resistinua @ {SOURCE_COMMIT[:7]}, "
        f"sha256 `{SOURCE_SHA256}`). Text: addresses and speeches of the President of Ukraine (president.gov.ua, "
        "CC BY 4.0); labels: `bench/data/uk_targets_gold.csv`, one annotator, a language model; how the "
        "mentions were chosen: `bench/data/uk_targets_gold.md`.",
        "",
        f"Lexicon: {lexicon_version()}. Its version 1.1.0 and the so-called, hyphen and Ukrainian other-reading "
        "rules were written after reading the errors of version 1.0.0 on these same mentions (F1_PN 0.572 "
        "[0.482, 0.655] on all 169 then): from 1.1.0 on, the figures below are in-sample.",
        "",
        "F1_PN: the mean F1 of the positive and negative classes. Intervals: 95 % percentile bootstrap over "
        "sentences (`newslens.stats.cluster_bootstrap`, 10,000 resamples). Wartime speeches, not news "
        "reports; no news text with a licence that can be stated was found.",
        "",
        *table,
        "",
        "Confusion, all mentions (rows gold, columns predicted):",
        "",
        "| gold \\ predicted | positive | negative | neutral |",
        "|---|---|---|---|",
    ]
    for g in (1, -1, 0):
        lines.append(f"| {LABEL_NAMES[g]} | " + " | ".join(str(confusion[(g, p)]) for p in (1, -1, 0)) + " |")
    kinds = Counter("nothing in reach: a signed target scored 0" if r["predicted"] == 0 else
                    "a neutral target given a sign" if r["gold"] == 0 else "the opposite sign" for r in errors)
    lines += ["", "Kinds of error:", "", "| kind | mentions |", "|---|---|"]
    lines += [f"| {kind} | {n} |" for kind, n in kinds.most_common()]
    lines += ["", f"## Errors ({len(errors)} of {len(rows)})", "",
              "Sentences quoted from president.gov.ua (Office of the President of Ukraine, CC BY 4.0), cut to "
              f"{QUOTE_CHARS} characters around the target (in bold). `uk_targets_errors.csv` lists the same rows "
              "with offsets.", "",
              "| text | type | target | gold | predicted | compound | sentence |", "|---|---|---|---|---|---|---|"]
    for r in errors:
        lines.append(f"| {r['address_id']} | {r['text_type']} | {r['entity']} | {r['gold']} | {r['predicted']} "
                     f"| {r['compound']:+.3f} | {_quote(r)} |")
    lines.append("")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "uk_targets.md").write_text("\n".join(lines), encoding="utf-8")
    with open(RESULTS / "uk_targets_errors.csv", "w", encoding="utf-8", newline="") as fh:
        fields = ["address_id", "text_type", "batch", "sentence_start", "sentence_end", "entity", "label",
                  "predicted", "compound"]
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(errors)
    for (name, method), ivs in summary.items():
        print(f"{name} | {method}: F1_PN {_interval(ivs['f1_pn'])}  acc {ivs['accuracy'].estimate:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
