"""Ukrainian sentiment toward named entities against mentions labelled by hand for this project.

Run from the repository root:

    .venv/bin/python bench/uk_targets.py --data PATH/messages.js

Text: five addresses of the President of Ukraine (12 Apr to 17 May 2022), published on president.gov.ua (CC BY 4.0,
as recorded for the demo corpus in corpus/README.md), read from the copy in the public repository
Amice13/resistinua, file docs/content/messages.js (repository licence CC0; the file's sha256 is checked below).
Nothing of the text is committed: ``bench/data/uk_targets_gold.csv`` holds, per mention, the address id, the
sentence's offsets in the address text and its sha256, the entity's offsets in the sentence and the label.

Labels (written for this project before the method was run on these sentences): 1 / -1 / 0 for the sentiment the
sentence expresses toward the entity, RuSentNE-style (the author's or a quoted opinion, or one implied by the
reported acts: "the occupiers destroyed hospitals" is negative toward the occupiers); victims and places that
are only settings were left out, being the least clear cases. One annotator, no agreement figure: a small
check that the Ukrainian lexicon and rules work on real text, not a benchmark. The addresses are wartime
speeches, not news reports: negative mentions of Russia dominate.

Method: ``newslens.sentiment.cyrillic.target_scores`` with its defaults (chosen on RuSentNE's Russian training
split; nothing was tuned on these mentions).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

from newslens.sentiment.cyrillic import target_scores
from newslens.text.cyrillic import tokens

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rusentne import f1_scores  # noqa: E402  the same measure as the Russian benchmark

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "uk_targets_gold.csv"
RESULTS = ROOT / "bench" / "results"
SOURCE_COMMIT = "2391318cf8c1d24d492995fbf99934ba696ef334"
SOURCE_SHA256 = "f337b1dac65a41887a55d4a926bfe61faedd64686022d16898295787f62ad7a3"
_ENTRY = re.compile(r"id: '([^']+)',.*?date: '([^']+)'.*?text: `(.*?)`", re.S)


def addresses(path: Path) -> dict[str, str]:
    """address id -> text; an id listed twice keeps its first (full) entry."""
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="path of messages.js")
    args = parser.parse_args(argv)
    texts = addresses(args.data)
    with open(GOLD, encoding="utf-8", newline="") as fh:
        gold_rows = list(csv.DictReader(fh))
    gold, pred, rows = [], [], []
    for n, row in enumerate(gold_rows, start=2):
        text = texts.get(row["address_id"])
        if text is None:
            raise SystemExit(f"{GOLD.name} line {n}: address {row['address_id']} is not in {args.data}")
        sentence = text[int(row["sentence_start"]):int(row["sentence_end"])]
        if hashlib.sha256(sentence.encode("utf-8")).hexdigest() != row["sentence_sha256"]:
            raise SystemExit(f"{GOLD.name} line {n}: the sentence at these offsets has another sha256")
        start, end = int(row["entity_start"]), int(row["entity_end"])
        if sentence[start:end] != row["entity"]:
            raise SystemExit(f"{GOLD.name} line {n}: the offsets do not give {row['entity']!r}")
        scores = target_scores(tokens(sentence, "uk"), (start, end), "uk")
        gold.append(int(row["label"]))
        pred.append(scores["label"])
        rows.append({**row, "predicted": scores["label"], "compound": scores["compound"]})
    results = {"target_scores (defaults)": f1_scores(gold, pred),
               "always negative (majority)": f1_scores(gold, [-1] * len(gold)),
               "always neutral": f1_scores(gold, [0] * len(gold))}
    counts = {label: gold.count(label) for label in (1, -1, 0)}
    lines = [
        "# Ukrainian entity sentiment on hand-labelled mentions",
        "",
        f"Recomputed by `bench/uk_targets.py --data messages.js` (Amice13/resistinua @ {SOURCE_COMMIT[:7]}, "
        f"sha256 `{SOURCE_SHA256}`). Text: addresses of the President of Ukraine (president.gov.ua, CC BY 4.0); "
        "labels: `bench/data/uk_targets_gold.csv`, one annotator (see the script's docstring).",
        "",
        f"{len(gold)} mentions: {counts[1]} positive, {counts[-1]} negative, {counts[0]} neutral. "
        "Wartime speeches, not news reports; a sanity check, not a benchmark.",
        "",
        "| method | F1_PN | F1_PN0 | F1 pos | F1 neg | accuracy |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in results.items():
        lines.append(f"| {name} | {s['f1_pn']:.3f} | {s['f1_pn0']:.3f} | {s['f1_pos']:.3f} | {s['f1_neg']:.3f} "
                     f"| {s['accuracy']:.3f} |")
    lines += ["", "`uk_targets_errors.csv`: every wrong mention (address, sentence offsets, entity, gold, predicted).",
              ""]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "uk_targets.md").write_text("\n".join(lines), encoding="utf-8")
    with open(RESULTS / "uk_targets_errors.csv", "w", encoding="utf-8", newline="") as fh:
        fields = ["address_id", "sentence_start", "sentence_end", "entity", "label", "predicted", "compound"]
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if int(r["label"]) != r["predicted"])
    for name, s in results.items():
        print(f"{name}: F1_PN {s['f1_pn']:.3f}  F1_PN0 {s['f1_pn0']:.3f}  acc {s['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
