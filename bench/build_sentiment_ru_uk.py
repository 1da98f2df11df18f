"""Build the Russian and Ukrainian sentiment lexicons from the concept list.

Reads ``bench/data/sentiment_ru_uk_concepts.txt`` (English VADER word(s) | Russian lemmas | Ukrainian lemmas |
note | optional valence: a number, or "=word" for the VADER valence of a proxy word when the English word is
not in VADER), takes each concept's valence from the VADER lexicon (the mean over its English words,
with the project's news-sense overrides applied, so "defense" is 0 as in ``sentiment/news.py``) unless the line
gives one, checks that every lemma is its own pymorphy3 normal form (what ``text.cyrillic.tokens`` puts in
``Token.lemma``, so the entry can match), and writes ``lib/newslens/data/sentiment_ru.csv`` and
``sentiment_uk.csv`` with a provenance header.

    .venv/bin/python bench/build_sentiment_ru_uk.py          # write both files
    .venv/bin/python bench/build_sentiment_ru_uk.py --check  # only report problems, exit 1 if any

A lemma listed under two concepts keeps its first concept (later lines are reported, not written).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from newslens.sentiment.news import news_analyzer
from newslens.text.cyrillic import _parse

ROOT = Path(__file__).resolve().parent.parent
CONCEPTS = ROOT / "bench" / "data" / "sentiment_ru_uk_concepts.txt"
OUT = {"ru": ROOT / "lib" / "newslens" / "data" / "sentiment_ru.csv",
       "uk": ROOT / "lib" / "newslens" / "data" / "sentiment_uk.csv"}
VERSION = "1.1.0"
DATE = "2026-12-05"
HEADER = """# newslens {lang_name} sentiment lexicon, version {version}, {date}.
# Derived from the VADER lexicon (vaderSentiment 3.3.2, MIT licence; Hutto & Gilbert 2014, ICWSM): each row's
# valence is the VADER valence (-4..+4) of the English word(s) in `source`, with the newslens news-sense overrides
# (data/news_sense_overrides.csv), unless `note` says the project set it. Translations into {lang_name} and the
# news-sense review: the newslens project (MIT). Lemmas are pymorphy3 normal forms. Built by
# bench/build_sentiment_ru_uk.py from bench/data/sentiment_ru_uk_concepts.txt.
"""


def read_concepts(path: Path = CONCEPTS) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3:
            raise SystemExit(f"{path.name} line {n}: expected 'english | ru | uk | note | valence'")
        parts += [""] * (5 - len(parts))
        english, ru, uk, note, valence = parts[:5]
        rows.append({"line": n, "english": [w.strip() for w in english.split(",") if w.strip()],
                     "ru": [w.strip() for w in ru.split(",") if w.strip()],
                     "uk": [w.strip() for w in uk.split(",") if w.strip()],
                     "note": note, "valence": valence})
    return rows


def concept_valence(row: dict, lexicon: dict) -> tuple[float | None, str]:
    if row["valence"].startswith("="):
        # "=word": the English word(s) are not in VADER; the valence of a VADER word of the same news sense
        proxies = [w.strip() for w in row["valence"][1:].split(",")]
        found = [lexicon[w] for w in proxies if w in lexicon]
        if len(found) != len(proxies):
            return None, ""
        note = f"not in VADER: valence of '{', '.join(proxies)}'" + (f"; {row['note']}" if row["note"] else "")
        return round(sum(found) / len(found), 2), note
    if row["valence"]:
        return float(row["valence"]), row["note"] or "valence set by the project"
    found = [lexicon[w] for w in row["english"] if w in lexicon]
    if not found:
        return None, ""
    return round(sum(found) / len(found), 2), row["note"]


def build(check_only: bool = False) -> list[str]:
    lexicon = news_analyzer().lexicon
    problems: list[str] = []
    tables = {"ru": {}, "uk": {}}
    for row in read_concepts():
        valence, note = concept_valence(row, lexicon)
        if valence is None:
            problems.append(f"line {row['line']}: none of {row['english']} is in VADER and no valence given")
            continue
        for lang in ("ru", "uk"):
            for lemma in row[lang]:
                if " " in lemma:
                    problems.append(f"line {row['line']}: {lemma!r} has a space; lemmas are single words")
                    continue
                normal = _parse(lemma, lang)[0]
                if normal != lemma:
                    problems.append(f"line {row['line']} {lang}: {lemma!r} analyses to {normal!r}")
                    continue
                if lemma in tables[lang]:
                    if tables[lang][lemma]["valence"] != valence:
                        problems.append(f"line {row['line']} {lang}: {lemma!r} already listed "
                                        f"(valence {tables[lang][lemma]['valence']}), kept the first")
                    continue
                tables[lang][lemma] = {"lemma": lemma, "valence": valence, "source": " ".join(row["english"]),
                                       "note": note}
    if not check_only:
        names = {"ru": "Russian", "uk": "Ukrainian"}
        for lang, table in tables.items():
            buf = io.StringIO()
            buf.write(HEADER.format(lang_name=names[lang], version=VERSION, date=DATE))
            writer = csv.DictWriter(buf, fieldnames=["lemma", "valence", "source", "note"], lineterminator="\n")
            writer.writeheader()
            for lemma in sorted(table):
                writer.writerow(table[lemma])
            OUT[lang].write_text(buf.getvalue(), encoding="utf-8")
            print(f"{OUT[lang].relative_to(ROOT)}: {len(table)} lemmas")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems only")
    args = parser.parse_args(argv)
    problems = build(check_only=args.check)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
