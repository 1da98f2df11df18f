"""Hand check of newslens on real Russian and Ukrainian reports: compares what ``newslens analyze`` gives on
each text of bench/data/cyrillic_reports/manifest.csv with a reader's judgement of the same text
(bench/data/cyrillic_reports/judgements.csv, one row per item: sentence, dateline, quote, place, framing term,
sentence sentiment sign) and writes every judgement with the tool's output and the counts right out of total.

    .venv/bin/python bench/cyrillic_hand_check.py [--before DIR]

--before DIR: a folder with one ``newslens analyze`` output per article (DIR/<article_id>/), made by an earlier
version of the code; its outputs and counts are written beside the current ones.
Writes bench/results/cyrillic_hand_check.csv and bench/results/cyrillic_hand_check_counts.csv, and prints the
counts as the two markdown tables of bench/results/cyrillic_hand_check.md (per article, per language).
"""

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

import newslens

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "cyrillic_reports"
RESULTS = ROOT / "bench" / "results"
CHECKS = ["sentence", "dateline", "quote", "place_found", "place_role", "term", "sentiment"]
NEUTRAL = 0.05          # |compound| below this reads as neutral, as VADER's own labels


def _sign(x) -> str:
    return "0" if pd.isna(x) or abs(x) < NEUTRAL else "+" if x > 0 else "-"


class Output:
    """One article's tables, from a folder of ``newslens analyze`` or from ``newslens.analyze``."""

    def __init__(self, tables: dict, meta: dict):
        self.t = {k: v.fillna("") if k != "sentences" else v for k, v in tables.items()}
        self.meta = meta
        self.used: set = set()

    @classmethod
    def from_dir(cls, folder: Path):
        names = ["sentences", "quotes", "place_mentions", "term_mentions"]
        tables = {n: pd.read_csv(folder / f"{n}.csv", keep_default_na=n == "sentences") for n in names}
        return cls(tables, json.loads((folder / "article.json").read_text(encoding="utf-8"))["meta"])

    @classmethod
    def analyse(cls, path: Path):
        """The current code's reading: ``newslens analyze`` written to a scratch folder and read back as files."""
        with tempfile.TemporaryDirectory() as scratch:
            newslens.write(newslens.analyze(path), scratch)
            return cls.from_dir(Path(scratch))

    def lookup(self, check: str, sid, key: str) -> str:
        if check == "sentence":
            return "same" if (self.t["sentences"]["text"] == key).any() else "differs"
        if check == "dateline":
            return str(self.meta.get("dateline") or "")
        sid = int(sid)
        if check == "sentiment":
            row = self.t["sentences"][self.t["sentences"]["sentence_id"] == sid]
            return _sign(row["vader_compound"].iloc[0]) if len(row) else "missing"
        if check == "quote":
            q = self.t["quotes"]
            hit = q[(q["sentence_id"] == sid) & q["text"].astype(str).str.startswith(key)]
            if not len(hit):
                return "missing"
            self.used.add(("quote", int(hit.index[0])))
            return f"{hit['kind'].iloc[0]}|{hit['speaker_resolved'].iloc[0]}"
        if check == "place":
            p = self.t["place_mentions"]
            surface, _, n = key.partition("#")
            hit = p[(p["sentence_id"] == sid) & (p["surface"] == surface)]
            n = int(n or 1)
            if len(hit) < n:
                return "none|"
            row = hit.iloc[n - 1]
            self.used.add(("place", int(hit.index[n - 1])))
            return "none|" if row["role"] == "not_a_place" else f"{row['place']}|{row['role']}"
        if check == "term":
            t = self.t["term_mentions"]
            hit = t[(t["sentence_id"] == sid) & (t["surface"] == key)]
            if not len(hit):
                return "none"
            self.used.add(("term", int(hit.index[0])))
            return f"{hit['term'].iloc[0]}|{hit['category'].iloc[0]}"
        raise ValueError(check)

    def unjudged(self):
        """Quotes, places and terms the output has and the reading does not: each one is wrong."""
        for check, table, show in (("quote", "quotes", lambda r: (r.sentence_id, str(r.text)[:18],
                                                                   f"{r.kind}|{r.speaker_resolved}")),
                                   ("place", "place_mentions", lambda r: (r.sentence_id, r.surface,
                                                                          f"{r.place}|{r.role}")),
                                   ("term", "term_mentions", lambda r: (r.sentence_id, r.surface,
                                                                        f"{r.term}|{r.category}"))):
            for i, r in self.t[table].iterrows():
                if (check, int(i)) not in self.used and not (check == "place" and r["role"] == "not_a_place"):
                    yield (check,) + show(r)


def _right(check: str, expected: str, output: str) -> dict:
    """{check name: right} for one judged item (a place gives two checks: found and resolved, and role)."""
    if check == "place":
        exp_place, *roles = expected.split("|")
        out_place, _, out_role = output.partition("|")
        found = {"place_found": exp_place == out_place}
        if exp_place != "none" and exp_place == out_place:
            found["place_role"] = out_role in roles
        return found
    if check == "sentence":
        return {"sentence": output == "same"}
    return {check: expected == output}


def judge(outputs: dict, judgements: list) -> list:
    rows = []
    for j in judgements:
        out = outputs[j["article_id"]]
        output = out.lookup(j["check"], j["sentence_id"], j["expected"] if j["check"] == "sentence" else j["key"])
        for check, right in _right(j["check"], j["expected"], output).items():
            rows.append({**j, "check": check, "output": output, "right": right})
    for article, out in outputs.items():
        for check, sid, key, output in out.unjudged():
            for name in (["place_found"] if check == "place" else [check]):
                rows.append({"article_id": article, "check": name, "sentence_id": sid, "key": key,
                             "expected": "(none: not in the reading)", "note": "found by the tool only",
                             "output": output, "right": False})
    return rows


def counts(rows: list) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    table = frame.groupby(["article_id", "check"])["right"].agg(["sum", "count"]).reset_index()
    return table.rename(columns={"sum": "right", "count": "total"})


def _cell(right, total, before=None, percent=False) -> str:
    """'right/total' (with its share when ``percent``); with ``before``, 'before → now' where they differ
    (per article) or 'before | now' (per language: two columns)."""
    now = f"{right}/{total}" + (f" ({right / total:.0%})" if percent and total else "")
    if before is None:
        return now
    was = _cell(*before, percent=percent)
    if percent:
        return f"{was} | {now}"
    return now if was == now else f"{was} → {now}"


def markdown(table: pd.DataFrame, languages: dict) -> str:
    """The counts as the results page's tables: one row per article (before → now, one figure where
    unchanged), then one row per language and check (before | now)."""
    both = "right_before" in table
    get = lambda r, when: (int(r[f"right_{when}"]), int(r[f"total_{when}"]))
    lines = ["| article | " + " | ".join(CHECKS) + " |", "|---" * (len(CHECKS) + 1) + "|"]
    for article, rows in table.groupby("article_id", sort=True):
        rows = rows.set_index("check")
        cells = [_cell(*get(rows.loc[c], "now"), get(rows.loc[c], "before") if both else None)
                 if c in rows.index else "0/0" for c in CHECKS]
        lines.append(f"| {article} | " + " | ".join(cells) + " |")
    lang = table.assign(language=table["article_id"].map(languages)).groupby(["language", "check"]).sum(
        numeric_only=True).reset_index()
    lines += ["", "| language | check | " + ("before | now |" if both else "now |"),
              "|---|---|---|" + ("---|" if both else "")]
    for language in sorted(lang["language"].unique()):
        rows = lang[lang["language"] == language].set_index("check")
        for c in [c for c in CHECKS if c in rows.index]:
            cell = _cell(*get(rows.loc[c], "now"), get(rows.loc[c], "before") if both else None, percent=True)
            lines.append(f"| {language} | {c} | {cell} |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path)
    args = parser.parse_args(argv)
    manifest = list(csv.DictReader(open(DATA / "manifest.csv", encoding="utf-8")))
    judgements = list(csv.DictReader(open(DATA / "judgements.csv", encoding="utf-8")))
    now = judge({m["article_id"]: Output.analyse(ROOT / m["path"]) for m in manifest}, judgements)
    frame = pd.DataFrame(now).rename(columns={"output": "output_now", "right": "right_now"})
    table = counts(now).rename(columns={"right": "right_now", "total": "total_now"})
    if args.before:
        before = judge({m["article_id"]: Output.from_dir(args.before / m["article_id"]) for m in manifest},
                       judgements)
        b = pd.DataFrame(before).rename(columns={"output": "output_before", "right": "right_before"})
        keys = ["article_id", "check", "sentence_id", "key", "expected", "note"]
        frame = b.merge(frame, on=keys, how="outer")
        table = counts(before).rename(columns={"right": "right_before", "total": "total_before"}).merge(
            table, on=["article_id", "check"], how="outer")
    RESULTS.mkdir(exist_ok=True)
    frame.to_csv(RESULTS / "cyrillic_hand_check.csv", index=False, lineterminator="\n")
    table.to_csv(RESULTS / "cyrillic_hand_check_counts.csv", index=False, lineterminator="\n")
    print(table.to_string(index=False))
    print(markdown(table, {m["article_id"]: m["language"] for m in manifest}))


if __name__ == "__main__":
    sys.exit(main())
