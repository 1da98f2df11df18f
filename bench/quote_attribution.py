"""Quote attribution against a hand-coded set: is each quoted span attributed, and to whom?

Gold: ``bench/data/quotes_gold.csv``, every quoted span (double or single marks, quotations inside quotations
included) in the licensed press releases and transcripts of ``corpus/demo/`` (kremlin.ru and
president.gov.ua, CC BY 4.0; whitehouse.gov and state.gov, public domain), coded by reading each span in its
paragraph: ``kind`` (attributed, scare, unattributed, title) and ``speaker`` (the person or source whose words
they are: a pronoun is resolved to the person it names; "we" and "they" stay as written when no single
person is meant). Each row carries the sha256 of its source file; the script refuses a changed file.

Scores (written to ``bench/results/quote_attribution.csv`` and ``.md``):
- attribution: precision, recall and F1 of "attributed quotation" against gold ``attributed``;
- speaker: among spans both call attributed, the share whose resolved speaker names the gold speaker
  (the predicted speaker's words are a subset of the gold's, or the reverse, case and "the" ignored);
  end to end, attributed to the right speaker over all gold attributed spans (recall) and over all
  predicted attributed spans (precision);
- scare quotes kept apart: the share of gold scare quotes that the tool leaves unattributed.

``--baseline-lib DIR`` also scores another checkout's ``lib`` (run in a subprocess), e.g. the main branch,
for the before/after table.

    python bench/quote_attribution.py [--baseline-lib /path/to/other/lib]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))
from newslens import stats  # noqa: E402  (scoring; the quotes themselves come from the lib given, in a subprocess)

GOLD = ROOT / "bench" / "data" / "quotes_gold.csv"
RESULTS = ROOT / "bench" / "results"

_PREDICT = r"""
import json, sys
import newslens
from newslens.framing.quotes import find_quotes
out = {}
for path in sys.argv[1:]:
    out[path] = [{"text": q.text, "kind": q.kind, "speaker": q.speaker,
                  "speaker_resolved": getattr(q, "speaker_resolved", "") or q.speaker, "rule": q.rule}
                 for q in find_quotes(newslens.load_article(path))]
print(json.dumps(out))
"""


def load_gold() -> list[dict]:
    with open(GOLD, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for path in {r["source"] for r in rows}:
        digest = hashlib.sha256((ROOT / path).read_bytes()).hexdigest()
        expected = {r["source_sha256"] for r in rows if r["source"] == path}
        if expected != {digest}:
            raise SystemExit(f"{path}: sha256 {digest} is not the coded file's {expected}")
    return rows


def predict(lib: Path, paths: list[str]) -> dict[str, list[dict]]:
    env = dict(os.environ, PYTHONPATH=str(lib))
    result = subprocess.run([sys.executable, "-c", _PREDICT, *paths], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def _norm(text: str) -> list[str]:
    words = text.lower().replace("\u2019", "'").replace("'s ", " ").split()
    return [w.removesuffix("'s") for w in words if w not in ("the", "a", "an")]


def speaker_matches(predicted: str, gold: str) -> bool:
    p, g = set(_norm(predicted)), set(_norm(gold))
    return bool(p) and bool(g) and (p <= g or g <= p)


def _key(text: str) -> str:
    return " ".join(text.split())[:40]


def align(gold: list[dict], predicted: dict[str, list[dict]]) -> list[tuple[dict, dict | None]]:
    """Each gold span with the predicted span of the same file that starts with the same words (nearest
    in order); None when the tool found no such span (its marks paired differently)."""
    pairs = []
    used = defaultdict(set)
    for row in gold:
        spans = predicted[row["source"]]
        candidates = [i for i, q in enumerate(spans) if _key(q["text"]) == _key(row["text"])
                      and i not in used[row["source"]]]
        if not candidates:
            pairs.append((row, None))
            continue
        i = min(candidates, key=lambda i: abs(i + 1 - int(row["quote_no"])))
        used[row["source"]].add(i)
        pairs.append((row, spans[i]))
    return pairs


def score(pairs) -> tuple[dict, list[dict]]:
    tp = fp = fn = 0
    both = speaker_ok = 0
    scare_total = scare_kept = 0
    errors = []
    predicted_attributed = sum(1 for _, q in pairs if q and q["kind"] == "attributed quotation")
    for row, q in pairs:
        gold_att = row["kind"] == "attributed"
        pred_att = bool(q) and q["kind"] == "attributed quotation"
        tp += gold_att and pred_att
        fp += pred_att and not gold_att
        fn += gold_att and not pred_att
        if row["kind"] == "scare":
            scare_total += 1
            scare_kept += not pred_att
        ok_speaker = None
        if gold_att and pred_att:
            both += 1
            ok_speaker = speaker_matches(q["speaker_resolved"], row["speaker"])
            speaker_ok += ok_speaker
        if (gold_att != pred_att) or ok_speaker is False or q is None:
            errors.append({
                "source": row["source"], "quote_no": row["quote_no"], "text": row["text"][:80],
                "gold_kind": row["kind"], "gold_speaker": row["speaker"],
                "kind": q["kind"] if q else "(span not found)", "speaker": q["speaker"] if q else "",
                "speaker_resolved": q["speaker_resolved"] if q else "", "rule": q["rule"] if q else "",
                "error": ("span not found" if q is None else "missed attribution" if gold_att and not pred_att
                          else "false attribution" if pred_att and not gold_att else "wrong speaker"),
                "note": row["note"],
            })
    gold_att_total = tp + fn
    precision, recall, f1, _ = stats.prf(tp, fp, fn)
    metrics = {
        "spans": len(pairs), "gold_attributed": gold_att_total, "predicted_attributed": predicted_attributed,
        "attribution_precision": precision, "attribution_recall": recall, "attribution_f1": f1,
        "speaker_accuracy_when_both_attributed": speaker_ok / both if both else 0.0,
        "speaker_precision": speaker_ok / predicted_attributed if predicted_attributed else 0.0,
        "speaker_recall": speaker_ok / gold_att_total if gold_att_total else 0.0,
        "gold_scare": scare_total, "scare_left_unattributed": scare_kept / scare_total if scare_total else 0.0,
    }
    return metrics, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline-lib", type=Path, help="another checkout's lib/ to score as the baseline")
    args = parser.parse_args(argv)
    gold = load_gold()
    paths = sorted({r["source"] for r in gold})
    runs = {"this branch": ROOT / "lib"}
    if args.baseline_lib:
        runs = {"baseline": args.baseline_lib.resolve(), **runs}
    table, all_errors = [], []
    for name, lib in runs.items():
        metrics, errors = score(align(gold, predict(lib, paths)))
        # the rules were written after reading the gold spans: this branch's figures are in-sample
        table.append({"method": name + (" (in-sample)" if name == "this branch" else ""), **metrics})
        if name == "this branch":
            all_errors = errors
    RESULTS.mkdir(exist_ok=True)
    fields = list(table[0])
    with open(RESULTS / "quote_attribution.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in table:
            writer.writerow({k: (f"{v:.3f}" if isinstance(v, float) else v) for k, v in row.items()})
    with open(RESULTS / "quote_attribution_errors.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(all_errors[0]) if all_errors else ["source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(all_errors)
    for row in table:
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
