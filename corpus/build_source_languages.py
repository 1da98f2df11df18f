#!/usr/bin/env python3
"""Rebuild the source-language corpus (corpus/source_languages/) from a local snapshot of Amice13/resistinua.

Ukrainian originals of President Zelensky's addresses (22 February - 17 May 2022) paired with their English
versions, one pair per address, as published by the President of Ukraine (president.gov.ua, CC BY 4.0) and
collected, with the same record id in both languages, by the repository Amice13/resistinua (CC0 1.0).
See corpus/source_languages.md for the selection, the licence evidence and the checks.

Nothing is downloaded. The script reads a bare git directory that you have already fetched and checks out
nothing: it runs ``git --git-dir=DIR show COMMIT:PATH`` at the pinned commit below.

    python corpus/build_source_languages.py --resistinua /path/to/Amice13+resistinua/repo

Default mode (--check) regenerates every text in memory and compares its SHA-256 with
corpus/source_languages/articles.csv; it writes nothing and exits 1 on any difference. --write writes the .txt
files and the manifest (use it only when changing the selection, then review the diff).

Standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import manifest_files   # beside this script: writes or checks the texts and the manifest

HERE = Path(__file__).resolve().parent
OUT = HERE / "source_languages"
MANIFEST = OUT / "articles.csv"

# --- source ---------------------------------------------------------------------------------------------------

REPO = "Amice13/resistinua"
COMMIT = "2391318cf8c1d24d492995fbf99934ba696ef334"
FILES = {  # language: the three record files (same record ids in both languages)
    "uk": ["docs/content/messages.js", "docs/content/messages-2.js", "docs/content/messages-3.js"],
    "en": ["docs/content/messages-en.js", "docs/content/messages-2-en.js", "docs/content/messages-3-en.js"],
}
SPEAKER = "Володимир Зеленський"  # only the President's own addresses: their licence is president.gov.ua's

OUTLET = "president.gov.ua"
LICENCE = "CC BY 4.0"
EVIDENCE = (
    "president.gov.ua texts: PeiYiZhuo/zelenskyy-putin blog_post/Comparing-Zelenskyy-and-Putin-Press-Releases.md "
    "'Note on Licenses' @ 134450b5183c05bcbaac31d87e0e0ed65d54986e: 'The content of the websites of the President "
    "of Ukraine and the Kremlin are licensed under a Creative Commons Attribution 4.0 International license'; "
    "collected in Amice13/resistinua (LICENSE: CC0 1.0 Universal) @ 2391318cf8c1d24d492995fbf99934ba696ef334"
)

# Record ids (the YouTube id of the address's video, the same in both languages), chosen by hand: addresses
# of the President only, on the days of the demo corpus's events (first days of the invasion, Kharkiv's
# Freedom Square, Mariupol, Bucha, the UN Security Council, Kramatorsk, the UN Secretary-General's visit,
# Azovstal), at least 2,500 characters, and an English text of comparable length (not a one-line caption).
SELECTION = [
    "nR6Ct73vZN4",  # 2022-02-24 address on the first day of the invasion (part addressed to Russians)
    "07i3e0ouFNw",  # 2022-02-25 second morning
    "3zFAZ4ezNYE",  # 2022-02-25 afternoon
    "WGqs0KAHDAo",  # 2022-02-25 end of the first day (also in corpus/demo, English)
    "p1653ejfNH0",  # 2022-02-26 evening of the second day
    "iwkFfesUFxY",  # 2022-02-27 to the citizens of Belarus
    "oDYG09WSD-Q",  # 2022-02-27 fourth day
    "mRwkk2mgfnU",  # 2022-02-28 "Stand firm"
    "opcPsPcaPOA",  # 2022-03-01 Kharkiv, Freedom Square (also in corpus/demo, English)
    "qVRZNGFXF0Y",  # 2022-03-02 "symbol of invincibility"
    "Hr8vf0MnUkg",  # 2022-03-11 Mariupol
    "nLRzT24BvRU",  # 2022-03-16 "Russia has become a terrorist state"
    "YtDifMeMC68",  # 2022-03-17 Bundestag
    "K8pi2B8-Djc",  # 2022-03-21 "drive the occupiers out"
    "AUUnNToFx18",  # 2022-03-24 NATO summit
    "XDpx-F68Tw4",  # 2022-04-02 after the withdrawal from Kyiv region
    "LX-EOwXvUos",  # 2022-04-03 Bucha (part addressed to Russians)
    "hXFPutkrBIk",  # 2022-04-05 evidence of killings in Bucha
    "nAmw_h5Kk8k",  # 2022-04-05 UN Security Council
    "EvMoHOcEL-Y",  # 2022-04-08 Kramatorsk station strike
    "Q3RGBV74SJ4",  # 2022-04-17 "ruble occupation" of Kherson and Zaporizhzhia regions
    "itsJF_CEhVo",  # 2022-04-28 the day of the UN Secretary-General's visit to Kyiv
    "fczj-3zriCg",  # 2022-05-01 evacuation from Azovstal
    "QQFSupESHw0",  # 2022-05-09 Day of Victory over Nazism
    "ySx3hwJxjaQ",  # 2022-05-17 Azovstal defenders
]

# The two English texts that corpus/demo also holds (from president.gov.ua/en via PeiYiZhuo/zelenskyy-putin):
# word for word the same wording (README), so their president.gov.ua URL is known.
KNOWN_EN_URL = {
    "WGqs0KAHDAo": "https://www.president.gov.ua/en/news/zvernennya-prezidenta-do-ukrayinciv-naprikinci-pershogo-dnya-73149",
    "opcPsPcaPOA": "https://www.president.gov.ua/en/news/raketa-po-centralnij-ploshi-harkova-ce-terorizm-i-rosiya-may-73261",
}

COLUMNS = ["path", "pair_id", "language", "outlet", "date", "url", "video_url", "title", "speaker", "licence",
           "licence_evidence", "source_repo", "source_commit", "source_path", "sha256"]


# --- reading the snapshot -------------------------------------------------------------------------------------

def git_show(git_dir: Path, commit: str, path: str) -> str:
    return subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


_WS = re.compile(r"(?:\s|//[^\n]*\n)*")
_KEY = re.compile(r"([A-Za-z_$][\w$]*)\s*:")
_NUM = re.compile(r"-?\d+(?:\.\d+)?")


def parse_js_records(src: str, where: str) -> list[dict]:
    """The array literal after ``const source =``: objects of strings ('...', `...`), arrays, booleans.

    A small reader for exactly this data file format (JavaScript literals, no code); anything else is an
    error naming the file and the offset."""
    start = src.find("const source")
    if start < 0:
        raise SystemExit(f"{where}: no 'const source = [' found")

    def value(i: int):
        i = _WS.match(src, i).end()
        c = src[i]
        if c == "[":
            out, i = [], i + 1
            while True:
                i = _WS.match(src, i).end()
                if src[i] == "]":
                    return out, i + 1
                v, i = value(i)
                out.append(v)
                i = _WS.match(src, i).end()
                if src[i] == ",":
                    i += 1
        if c == "{":
            out, i = {}, i + 1
            while True:
                i = _WS.match(src, i).end()
                if src[i] == "}":
                    return out, i + 1
                m = _KEY.match(src, i)
                if not m:
                    raise SystemExit(f"{where}: unexpected {src[i:i + 30]!r} at offset {i}")
                out[m.group(1)], i = value(m.end())
                i = _WS.match(src, i).end()
                if src[i] == ",":
                    i += 1
        if c in "'\"`":
            buf, i = [], i + 1
            while src[i] != c:
                if src[i] == "\\":
                    buf.append({"n": "\n", "t": "\t"}.get(src[i + 1], src[i + 1]))
                    i += 2
                else:
                    buf.append(src[i])
                    i += 1
            return "".join(buf), i + 1
        for lit, v in (("true", True), ("false", False), ("null", None)):
            if src.startswith(lit, i):
                return v, i + len(lit)
        m = _NUM.match(src, i)
        if m:
            return m.group(), m.end()
        raise SystemExit(f"{where}: unexpected {src[i:i + 30]!r} at offset {i}")

    records, _ = value(src.index("[", start))
    return records


# --- text rules -----------------------------------------------------------------------------------------------

def clean_inline(s: str) -> str:
    """Whitespace only: runs of whitespace (incl. no-break spaces) become one space."""
    return re.sub(r"\s+", " ", s).strip()


def paragraphs(text: str) -> list[str]:
    """The source's blank-line paragraphs. The Markdown bold marks (**...**) around salutations are dropped
    (formatting, not wording); nothing else is changed."""
    text = text.replace("\r\n", "\n").replace("**", "")
    return [p for p in (clean_inline(p) for p in re.split(r"\n[ \t]*\n", text)) if p]


def render(title: str, date: str, paras: list[str]) -> str:
    return "\n\n".join([title, date] + paras) + "\n"


def slugify(title: str, limit: int = 70) -> str:
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s or "address"


def cyrillic_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / max(1, len(letters))


# --- building -------------------------------------------------------------------------------------------------

def build(git_dir: Path) -> list[tuple[dict, str]]:
    records: dict[str, dict[str, list[tuple[str, dict]]]] = {"uk": {}, "en": {}}
    for lang, paths in FILES.items():
        for path in paths:
            for r in parse_js_records(git_show(git_dir, COMMIT, path), f"{REPO}@{COMMIT[:10]}:{path}"):
                records[lang].setdefault(r.get("id"), []).append((path, r))
    out = []
    for rid in SELECTION:
        pair = {}
        for lang in ("uk", "en"):
            hits = records[lang].get(rid, [])
            if len(hits) != 1:
                raise SystemExit(f"{rid} ({lang}): {len(hits)} records with this id in the snapshot")
            pair[lang] = hits[0]
        uk, en = pair["uk"][1], pair["en"][1]
        if uk["speaker"] != [SPEAKER] or en["speaker"] != [SPEAKER]:
            raise SystemExit(f"{rid}: speaker is {uk['speaker']} / {en['speaker']}, not the President alone")
        if uk["date"] != en["date"]:
            raise SystemExit(f"{rid}: dates differ ({uk['date']} / {en['date']})")
        date = uk["date"][:10]
        stem = f"{date}_{slugify(clean_inline(en['name']))}"
        for lang, (spath, r) in pair.items():
            paras = paragraphs(r["text"])
            share = cyrillic_share(" ".join(paras))
            if (lang == "uk" and share < 0.9) or (lang == "en" and share > 0.01):
                raise SystemExit(f"{rid} ({lang}): {share:.0%} Cyrillic letters; not a {lang} text")
            title = clean_inline(r["name"])
            text = render(title, date, paras)
            out.append((dict(
                path=f"{lang}/{stem}.txt", pair_id=rid, language=lang, outlet=OUTLET, date=date,
                url=KNOWN_EN_URL.get(rid, "") if lang == "en" else "", video_url=clean_inline(r.get("url") or ""),
                title=title, speaker="Volodymyr Zelenskyy", licence=LICENCE, licence_evidence=EVIDENCE,
                source_repo=REPO, source_commit=COMMIT, source_path=spath,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()), text))
        ratio = len(out[-1][1]) / len(out[-2][1])
        if not 0.8 <= ratio <= 1.4:
            raise SystemExit(f"{rid}: English text is {ratio:.2f} times the Ukrainian one; not a translation")
    paths = [row["path"] for row, _ in out]
    dupes = {p for p in paths if paths.count(p) > 1}
    if dupes:
        raise SystemExit(f"duplicate output paths: {sorted(dupes)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--resistinua", type=Path, required=True,
                    help=f"bare git dir of {REPO} (must contain commit {COMMIT[:10]})")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare with the committed files and manifest (default)")
    mode.add_argument("--write", action="store_true", help="write the .txt files and articles.csv")
    args = ap.parse_args(argv)

    built = build(args.resistinua)
    if args.write:
        manifest_files.write(built, OUT, MANIFEST, COLUMNS)
        print(f"wrote {len(built)} texts ({len(built) // 2} pairs) and {MANIFEST.relative_to(HERE.parent)}")
        return 0
    return 1 if manifest_files.check(built, OUT, MANIFEST, "texts") else 0


if __name__ == "__main__":
    sys.exit(main())
