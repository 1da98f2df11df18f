"""Place roles on official news texts: newslens's role of each place mention against a hand-coded gold.

A benchmark script, not a test. Gold: ``bench/data/place_roles_news_gold.csv`` (297 mentions in 15 articles of
``corpus/demo/``, four outlets, coded by one annotator blind to newslens's roles; provenance, coding rules and
caveats in ``bench/data/place_roles_news_gold.md``). The rules added after reading these texts are in-sample
here: read the figures together with ``bench/place_roles_validity.py`` (metonymy gold, out of sample).

    .venv/bin/python bench/place_roles_news.py [--save-baseline]

For each article the script checks the file's sha256 against the gold, runs ``newslens.analyze`` once (its
``place_mentions`` and ``actor_mentions`` tables) and aligns each gold row with the mention that starts at
the row's ``start`` offset with the same surface (or, if the cleaned body moved, the ``occurrence``-th
whole-word occurrence of the surface), or with an excluded name that holds it ("Minsk" in "Minsk Package",
read as the agreement). A gold row with no mention there is "not found" and counts as wrong.

A second measure is the one researchers consume: the actor-sentiment table scores a country only in the
sentences where it acts (``newslens.analyze(...)["actor_mentions"]``, role ``acting``). Over the gold mentions
that name a country (the place mention's ``country_named``: a name, demonym or national capital), "scored"
is compared with "gold role actor" (precision, recall, F1), for what ``analyze`` does now and for four
policies read off the same place roles: (a) every alias mention scored (before places roles were used),
(b) only place role ``actor``, (c) ``actor`` or the bare-name default ``default_name`` (the policy of
``sentiment/actors.py``, ``ACTING_BY_DEFAULT``), (d) (c) plus the demonym default ``default_demonym``.

Writes ``bench/results/place_roles_news.md`` (accuracy, per-role precision/recall/F1, confusion matrix, rules
that fired, the actor-scoring measure, errors, before/after) and ``place_roles_news.csv`` (one row per gold
mention: gold, predicted role, rule, country named, actor-table role). ``--save-baseline`` also writes
``place_roles_news_baseline.json`` (figures, actor-scoring figures and every row's role and rule), which later
runs show as "before" and use to list the rows that changed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))

import newslens  # noqa: E402
from newslens import stats  # noqa: E402

CORPUS = ROOT / "corpus" / "demo"
GOLD_FILE = ROOT / "bench" / "data" / "place_roles_news_gold.csv"
RESULTS = ROOT / "bench" / "results"
BASELINE_FILE = RESULTS / "place_roles_news_baseline.json"
ROLES = ["literal", "actor", "attribute", "not_a_place"]
NOT_FOUND = "not found"


def read_gold() -> list[dict]:
    with open(GOLD_FILE, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def predict(gold: list[dict]) -> list[dict]:
    """Gold rows with ``pred``, ``rule``, ``country_named``, ``in_actor_table`` and ``actor_role`` (the role of
    the overlapping ``actor_mentions`` rows: "acting" if any is acting) added, in gold order."""
    out = []
    by_file: dict[str, list[dict]] = {}
    for row in gold:
        by_file.setdefault(row["file"], []).append(row)
    for file, rows in by_file.items():
        path = CORPUS / file
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        if sha != rows[0]["sha256"]:
            raise SystemExit(f"{file}: sha256 {sha} differs from the gold's {rows[0]['sha256']}")
        # One analysis per article: its place_mentions table holds every mention's role and rule.
        tables = newslens.analyze(path)
        article = tables.article
        mentions = [r for r in tables["place_mentions"].itertuples() if r.start == r.start]   # in the body
        at = {(int(m.start), m.surface): m for m in mentions}
        named = {(int(m.start), m.surface): ("" if m.country_named != m.country_named else str(m.country_named))
                 for m in mentions}
        actors = tables["actor_mentions"][["start", "end", "role"]].to_dict("records")
        for row in rows:
            start = int(row["start"])
            if article.body[start:start + len(row["surface"])] != row["surface"]:
                hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(row["surface"]) + r"(?!\w)",
                                                      article.body)]
                n = int(row["occurrence"])
                start = hits[n - 1] if len(hits) >= n else -1
            end = start + len(row["surface"])
            # Exactly there, or inside a longer name newslens read ("Minsk" in the excluded "Minsk Package").
            m = at.get((start, row["surface"])) or next(
                (x for x in mentions if x.start <= start and end <= x.end and x.kind == "excluded"), None)
            roles = {a["role"] for a in actors if a["start"] < end and start < a["end"]}
            out.append({**row, "pred": m.role if m else NOT_FOUND, "rule": m.rule if m else "",
                        "country_named": named.get((start, row["surface"]), ""), "in_actor_table": bool(roles),
                        "actor_role": "acting" if "acting" in roles else "/".join(sorted(roles))})
    return out


def prf(rows: list[dict], role: str) -> tuple[float, float, float, int]:
    return tuple(stats.prf(*stats.class_counts([r["gold_role"] for r in rows], [r["pred"] for r in rows], role)))


def figures(rows: list[dict]) -> dict:
    acc = sum(r["gold_role"] == r["pred"] for r in rows) / len(rows)
    per_role = {role: dict(zip(("precision", "recall", "f1", "support"), prf(rows, role))) for role in ROLES}
    # The metonymy benches' coarse level: actor against everything else found as a place.
    coarse = [r for r in rows if r["gold_role"] != "not_a_place"]
    coarse_acc = sum((r["gold_role"] == "actor") == (r["pred"] == "actor") for r in coarse) / len(coarse)
    by_outlet = {}
    for outlet in sorted({r["outlet"] for r in rows}):
        sub = [r for r in rows if r["outlet"] == outlet]
        by_outlet[outlet] = {"mentions": len(sub),
                             "accuracy": round(sum(r["gold_role"] == r["pred"] for r in sub) / len(sub), 3)}
    return {"mentions": len(rows), "accuracy": round(acc, 3),
            "macro_f1": round(sum(v["f1"] for v in per_role.values()) / len(ROLES), 3),
            "actor_vs_rest_accuracy": round(coarse_acc, 3),
            "per_role": {k: {kk: (round(vv, 3) if isinstance(vv, float) else vv) for kk, vv in v.items()}
                         for k, v in per_role.items()},
            "by_outlet": by_outlet,
            "not_found": sum(r["pred"] == NOT_FOUND for r in rows)}


# Which mentions the actor table scores, as a function of the place role and rule (policies (a)-(d)).
ACTOR_POLICIES = {
    "now: what analyze scores (actor_mentions role acting)": lambda r: r["actor_role"] == "acting",
    "(a) every alias mention (no place roles)": lambda r: r["in_actor_table"],
    "(b) place role actor only": lambda r: r["in_actor_table"] and r["pred"] == "actor",
    "(c) actor + default_name (actors.py policy)": lambda r: r["in_actor_table"] and (
        r["pred"] == "actor" or r["rule"] == "default_name"),
    "(d) (c) + default_demonym": lambda r: r["in_actor_table"] and (
        r["pred"] == "actor" or r["rule"] in ("default_name", "default_demonym")),
}


def actor_scoring(rows: list[dict]) -> dict:
    """Precision/recall/F1 of "scored by the actor table" against "gold role actor", over the gold mentions that
    name a country, for each policy."""
    universe = [r for r in rows if r["country_named"]]
    out = {"mentions": len(universe), "gold_actor": sum(r["gold_role"] == "actor" for r in universe),
           "in_actor_table": sum(bool(r["in_actor_table"]) for r in universe), "policies": {}}
    for name, scored in ACTOR_POLICIES.items():
        tp = sum(bool(scored(r)) and r["gold_role"] == "actor" for r in universe)
        fp = sum(bool(scored(r)) and r["gold_role"] != "actor" for r in universe)
        fn = sum(not scored(r) and r["gold_role"] == "actor" for r in universe)
        p, rc, f1, _ = stats.prf(tp, fp, fn)
        out["policies"][name] = {"scored": tp + fp, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3),
                                 "recall": round(rc, 3), "f1": round(f1, 3)}
    return out


def row_key(r: dict) -> str:
    return f"{r['file']}@{r['start']}"


def git_head() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def excerpt(sentence: str, surface: str, width: int = 90) -> str:
    i = sentence.find(surface)
    if i < 0 or len(sentence) <= 2 * width:
        return sentence
    a, b = max(0, i - width), min(len(sentence), i + len(surface) + width)
    return ("…" if a else "") + sentence[a:b] + ("…" if b < len(sentence) else "")


def markdown(rows: list[dict], fig: dict, base: dict | None, command: str, scoring: dict) -> str:
    lines = ["# Place roles on official news texts (hand-coded gold)", "",
             f"Run {date.today().isoformat()} at `{git_head()}` (working tree may differ): `{command}`", "",
             f"Gold: `bench/data/place_roles_news_gold.csv`, {fig['mentions']} place mentions in "
             f"{len({r['file'] for r in rows})} articles of `corpus/demo/` (kremlin.ru and president.gov.ua CC BY "
             "4.0, whitehouse.gov and state.gov public domain), coded by one annotator blind to newslens's roles "
             "(`bench/data/place_roles_news_gold.md`). **In-sample** for the rules written after reading these "
             "texts (the wire-copy role rules); the metonymy gold (`place_roles_validity.md`) is the out-of-sample check.",
             "", "A gold mention newslens does not find at the gold offset counts as wrong (`not found`).", ""]
    lines += ["## Figures", "", "| | before | now |", "|---|---:|---:|"]

    def b(key, sub=None):
        if base is None:
            return ""
        v = base["figures"]
        for k in ([key] if sub is None else [key, *sub]):
            v = v[k]
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines.append(f"| accuracy (4 roles) | {b('accuracy')} | {fig['accuracy']:.3f} |")
    lines.append(f"| macro F1 (4 roles) | {b('macro_f1')} | {fig['macro_f1']:.3f} |")
    lines.append(f"| actor vs rest, accuracy (gold not_a_place left out) | {b('actor_vs_rest_accuracy')} | "
                 f"{fig['actor_vs_rest_accuracy']:.3f} |")
    for role in ROLES:
        pr = fig["per_role"][role]
        for k in ("precision", "recall", "f1"):
            lines.append(f"| {role} {k} (support {pr['support']}) | {b('per_role', [role, k])} | {pr[k]:.3f} |")
    for outlet, v in fig["by_outlet"].items():
        lines.append(f"| accuracy, {outlet} ({v['mentions']}) | {b('by_outlet', [outlet, 'accuracy'])} | "
                     f"{v['accuracy']:.3f} |")
    lines.append(f"| gold mentions not found | {b('not_found')} | {fig['not_found']} |")
    if base is not None:
        lines += ["", f"Before: {base['label']}."]

    lines += ["", "## Confusion matrix (rows gold, columns predicted)", "",
              "| gold \\ predicted | " + " | ".join(ROLES + [NOT_FOUND]) + " |",
              "|---|" + "---:|" * (len(ROLES) + 1)]
    conf = Counter((r["gold_role"], r["pred"]) for r in rows)
    for g in ROLES:
        lines.append(f"| {g} | " + " | ".join(str(conf[(g, p)]) for p in ROLES + [NOT_FOUND]) + " |")

    lines += ["", "## Rules that fired", "", "| rule | mentions | agree with gold |", "|---|---:|---:|"]
    by_rule = Counter(r["rule"].removeprefix("coordinated:") or NOT_FOUND for r in rows)
    ok = Counter(r["rule"].removeprefix("coordinated:") or NOT_FOUND for r in rows if r["gold_role"] == r["pred"])
    for rule, n in by_rule.most_common():
        lines.append(f"| {rule} | {n} | {ok[rule]} |")

    lines += ["", "## What the actor table scores (the measure researchers consume)", "",
              f"Over the {scoring['mentions']} gold mentions that name a country (name, demonym or national capital: "
              f"`country_named`; {scoring['gold_actor']} of them gold `actor`, {scoring['in_actor_table']} found by "
              "the actor table at all), is the mention **scored** in the country's actor sentiment (role `acting` in "
              "`actor_mentions`), and should it be (gold role `actor`)? A false positive puts a sentence where the "
              "country is only a setting, an origin or part of a name into its sentiment; a false negative leaves "
              "out a sentence where it acts. Policies (a)-(d) are read off the same place roles; only `sentiment/"
              "actors.py` decides which one `analyze` applies (now (c)). Same in-sample caveat as above.", "",
              "| policy | scored | TP | FP | FN | precision | recall | F1 |" +
              (" F1 before |" if base is not None and "actor_scoring" in base else ""),
              "|---|---:|---:|---:|---:|---:|---:|---:|" +
              ("---:|" if base is not None and "actor_scoring" in base else "")]
    for name, v in scoring["policies"].items():
        cell = ""
        if base is not None and "actor_scoring" in base:
            bv = base["actor_scoring"]["policies"].get(name)
            cell = f" {bv['f1']:.3f} (P {bv['precision']:.3f}, R {bv['recall']:.3f}) |" if bv else " |"
        lines.append(f"| {name} | {v['scored']} | {v['tp']} | {v['fp']} | {v['fn']} | {v['precision']:.3f} | "
                     f"{v['recall']:.3f} | {v['f1']:.3f} |" + cell)
    best = max(((k, v) for k, v in scoring["policies"].items() if not k.startswith("now")), key=lambda kv: kv[1]["f1"])
    now = scoring["policies"]["(c) actor + default_name (actors.py policy)"]
    lines += ["", f"Reading: under the current policy (c), {now['precision']:.0%} of the scored mentions are the "
              f"state acting and {now['recall']:.0%} of the mentions where it acts are scored ({now['fp']} wrongly "
              f"in, {now['fn']} wrongly out). The highest F1 here is {best[0]} ({best[1]['f1']:.3f}). Scoring every "
              "alias mention (a) has full recall only because it scores everything; its precision is the share of "
              "country mentions that are the state acting at all."]
    policy_c = ACTOR_POLICIES["(c) actor + default_name (actors.py policy)"]
    wrong = Counter((("in, gold " + r["gold_role"]) if policy_c(r) else "out, gold actor", r["rule"] or NOT_FOUND)
                    for r in rows if r["country_named"] and bool(policy_c(r)) != (r["gold_role"] == "actor"))
    lines += ["", "Errors of policy (c) by rule (in = scored, out = not scored):", "",
              "| error | rule | mentions |", "|---|---|---:|"]
    for (kind, rule), n in sorted(wrong.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        lines.append(f"| {kind} | {rule} | {n} |")
    if base is not None:
        prev = base["rows"]
        changed = [r for r in rows if row_key(r) in prev and prev[row_key(r)][0] != r["pred"]]
        lines += ["", f"## Rows whose role changed since the baseline ({len(changed)})", "",
                  "| outlet | surface | context | gold | before (rule) | now (rule) |", "|---|---|---|---|---|---|"]
        for r in changed:
            pb = prev[row_key(r)]
            mark = " ✓" if r["pred"] == r["gold_role"] else (" ✗" if pb[0] == r["gold_role"] else "")
            lines.append(f"| {r['outlet']} | {r['surface']} | {excerpt(r['sentence'], r['surface'], 60)} | "
                         f"{r['gold_role']} | {pb[0]} ({pb[1]}) | {r['pred']} ({r['rule']}){mark} |")

    errors = [r for r in rows if r["gold_role"] != r["pred"]]
    lines += ["", f"## Errors ({len(errors)})", "",
              "| outlet | surface | context | gold | predicted | rule | gold reason |", "|---|---|---|---|---|---|---|"]
    for r in errors:
        lines.append(f"| {r['outlet']} | {r['surface']} | {excerpt(r['sentence'], r['surface'])} | {r['gold_role']} "
                     f"| {r['pred']} | {r['rule']} | {r['reason']} |")
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--save-baseline", action="store_true", help="also write place_roles_news_baseline.json")
    ap.add_argument("--baseline-label", default="", help="what the baseline is (with --save-baseline)")
    args = ap.parse_args(argv)
    rows = predict(read_gold())
    fig = figures(rows)
    scoring = actor_scoring(rows)
    command = "bench/place_roles_news.py" + (" --save-baseline" if args.save_baseline else "")
    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.save_baseline:
        BASELINE_FILE.write_text(json.dumps({
            "label": args.baseline_label or f"this script at {git_head()}", "figures": fig, "actor_scoring": scoring,
            "rows": {row_key(r): [r["pred"], r["rule"]] for r in rows}}, indent=1, sort_keys=True) + "\n",
            encoding="utf-8")
    base = json.loads(BASELINE_FILE.read_text(encoding="utf-8")) if BASELINE_FILE.exists() else None
    with open(RESULTS / "place_roles_news.csv", "w", encoding="utf-8", newline="") as fh:
        cols = ["file", "outlet", "start", "surface", "gold_role", "pred", "rule", "correct", "country_named",
                "actor_role", "sentence"]
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "correct": r["gold_role"] == r["pred"]})
    (RESULTS / "place_roles_news.md").write_text(markdown(rows, fig, base, command, scoring), encoding="utf-8")
    print(json.dumps({k: fig[k] for k in ("mentions", "accuracy", "macro_f1", "actor_vs_rest_accuracy",
                                          "not_found")}))
    print(json.dumps({k: (v["precision"], v["recall"], v["f1"]) for k, v in scoring["policies"].items()}, indent=0))


if __name__ == "__main__":
    main()
