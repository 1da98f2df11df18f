#!/usr/bin/env python3
"""Rebuild the demo corpus (corpus/demo/) from local snapshots of two public GitHub repositories.

Nothing is downloaded. The script reads two bare git directories that you have already fetched and checks
out nothing: it runs ``git --git-dir=DIR show COMMIT:PATH`` at the pinned commits below.

    python corpus/build_demo.py --zelenskyy-putin /path/to/PeiYiZhuo+zelenskyy-putin/repo \
                                --russia-ukraine-conflict /path/to/dxlabskku+Russia-Ukraine-conflict/repo

Default mode (--check) regenerates every article in memory and compares its SHA-256 with
corpus/demo/articles.csv; it writes nothing and exits 1 on any difference. --write writes the .txt files and
the manifest (use it only when changing the selection, then review the diff).

The selection (SELECTION below) and the text rules (render_*) are the whole recipe; see corpus/README.md.
Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime
from pathlib import Path

import manifest_files   # beside this script: writes or checks the texts and the manifest

HERE = Path(__file__).resolve().parent
DEMO = HERE / "demo"
MANIFEST = DEMO / "articles.csv"

# --- sources ------------------------------------------------------------------------------------------------

ZP_REPO = "PeiYiZhuo/zelenskyy-putin"
ZP_COMMIT = "134450b5183c05bcbaac31d87e0e0ed65d54986e"
RU_REPO = "dxlabskku/Russia-Ukraine-conflict"
RU_COMMIT = "f720bf6d271120f411cfb6045983f891583f4f0f"

CC_BY_4 = "CC BY 4.0"
US_PD = "Public domain (US government work)"

KREMLIN_EVIDENCE = (
    "kremlin.ru/about/copyrights: 'All content on this site is licensed under Creative Commons Attribution 4.0 "
    "International' (quoted in iandennismiller/valdai-transcripts Readme.md @ e2c00107d283d0182bf8e1b5a3ca3e7a58a78b75); "
    "also PeiYiZhuo/zelenskyy-putin blog_post/Comparing-Zelenskyy-and-Putin-Press-Releases.md 'Note on Licenses' "
    "@ 134450b5183c05bcbaac31d87e0e0ed65d54986e"
)
UA_EVIDENCE = (
    "PeiYiZhuo/zelenskyy-putin blog_post/Comparing-Zelenskyy-and-Putin-Press-Releases.md 'Note on Licenses' "
    "@ 134450b5183c05bcbaac31d87e0e0ed65d54986e: 'The content of the websites of the President of Ukraine and the "
    "Kremlin are licensed under a Creative Commons Attribution 4.0 International license'"
)
US_EVIDENCE = (
    "17 U.S.C. 105 (no copyright in works of the US Government); whitehouse.gov copyright policy 'Pursuant to "
    "federal law, government-produced materials appearing on this site are not copyright protected' (quoted at "
    "arl.org/blog/copyright-status-of-u-s-federal-government-works)"
)

OUTLETS = {
    # slug: (outlet, licence, evidence, source repo, commit, source path)
    "kremlin": ("kremlin.ru", CC_BY_4, KREMLIN_EVIDENCE, ZP_REPO, ZP_COMMIT, "press_release_data/putin.csv"),
    "president_ua": ("president.gov.ua", CC_BY_4, UA_EVIDENCE, ZP_REPO, ZP_COMMIT, "press_release_data/zelenskyy.csv"),
    "whitehouse": ("whitehouse.gov", US_PD, US_EVIDENCE, RU_REPO, RU_COMMIT, "data/Government_Data.xlsx"),
    "state_dept": ("state.gov", US_PD, US_EVIDENCE, RU_REPO, RU_COMMIT, "data/Government_Data.xlsx"),
}
XLSX_SOURCE = {"whitehouse": "whitehouse", "state_dept": "department_of_state"}

# (outlet slug, key). Key: the article URL; for state.gov rows (the source has no URL) "date|title prefix".
SELECTION = [
    # en.kremlin.ru (CC BY 4.0): Kiev / Donbass
    ("kremlin", "http://en.kremlin.ru/events/president/news/67109"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67123"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67269"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67315"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67657"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67761"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67828"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67838"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67880"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/67907"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/68260"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/68287"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/68366"),
    ("kremlin", "http://en.kremlin.ru/events/president/news/68523"),
    # president.gov.ua (CC BY 4.0): Kyiv / Donbas
    ("president_ua", "https://www.president.gov.ua/en/news/ukrayina-vikoristovuye-zbroyu-lishe-dlya-zahistu-svoyeyi-ter-71301"),
    ("president_ua", "https://www.president.gov.ua/en/news/normandskij-format-ye-bezalternativnim-majdanchikom-dlya-per-71485"),
    ("president_ua", "https://www.president.gov.ua/en/news/zvernennya-prezidenta-ukrayini-z-nagodi-dnya-gidnosti-ta-svo-71637"),
    ("president_ua", "https://www.president.gov.ua/en/news/glava-derzhavi-pro-rozmovu-prezidentiv-ssha-ta-rf-mi-bachimo-71929"),
    ("president_ua", "https://www.president.gov.ua/en/news/ukrayina-zacikavlena-v-dialozi-z-rosiyeyu-ne-u-vijni-volodim-72477"),
    ("president_ua", "https://www.president.gov.ua/en/news/ukrayina-hoche-miru-j-ne-maye-namiru-prosuvatisya-na-okupova-72989"),
    ("president_ua", "https://www.president.gov.ua/en/news/vistup-prezidenta-ukrayini-na-58-j-myunhenskij-konferenciyi-72997"),
    ("president_ua", "https://www.president.gov.ua/en/news/ukrayina-kvalifikuye-ostanni-diyi-rosiyi-yak-porushennya-suv-73037"),
    ("president_ua", "https://www.president.gov.ua/en/news/volodimir-zelenskij-viznannyam-nezalezhnosti-ordlo-rosiya-st-73049"),
    ("president_ua", "https://www.president.gov.ua/en/news/zvernennya-prezidenta-do-ukrayinciv-naprikinci-pershogo-dnya-73149"),
    ("president_ua", "https://www.president.gov.ua/en/news/raketa-po-centralnij-ploshi-harkova-ce-terorizm-i-rosiya-may-73261"),
    ("president_ua", "https://www.president.gov.ua/en/news/volodimir-zelenskij-pobuvav-u-buchi-de-pospilkuvavsya-z-misc-74065"),
    ("president_ua", "https://www.president.gov.ua/en/news/rozvyazannya-pitan-donbasu-ta-krimu-vijskovim-shlyahom-kosht-74109"),
    ("president_ua", "https://www.president.gov.ua/en/news/volodimir-zelenskij-zustrivsya-z-generalnim-sekretarem-oon-u-74645"),
    ("president_ua", "https://www.president.gov.ua/en/news/bitva-za-syevyerodoneck-mabut-odna-z-najvazhchih-za-cyu-vijn-75705"),
    ("president_ua", "https://www.president.gov.ua/en/news/volodimir-zelenskij-u-kiyevi-proviv-zustrich-z-liderami-nime-75845"),
    # whitehouse.gov (public domain): Kyiv / Donbas
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/02/24/statement-by-president-joe-biden-on-phone-call-with-president-volodymyr-zelenskyy-of-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/02/24/fact-sheet-joined-by-allies-and-partners-the-united-states-imposes-devastating-costs-on-russia/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/02/25/statement-of-the-president-on-the-nato-summit-and-call-with-president-zelenskyy/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/03/02/statement-by-the-president-on-the-united-nations-general-assembly-vote-condemning-russias-aggression-against-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/03/05/statement-by-nsc-spokesperson-emily-horne-on-russian-disinformation-and-efforts-to-undermine-free-press/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/speeches-remarks/2022/03/26/remarks-by-president-biden-on-the-united-efforts-of-the-free-world-to-support-the-people-of-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/04/06/fact-sheet-united-states-g7-and-eu-impose-severe-and-immediate-costs-on-russia/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/04/08/statement-from-the-president-on-delivery-of-air-defense-systems-to-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/04/13/statement-by-president-joe-biden-on-call-with-president-zelenskyy-and-additional-security-assistance-to-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/05/08/fact-sheet-united-states-and-g7-partners-impose-severe-costs-for-putins-war-against-ukraine/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/05/19/statement-by-president-joe-biden-on-senate-passage-of-ukraine-supplemental/"),
    ("whitehouse", "https://www.whitehouse.gov/briefing-room/statements-releases/2022/06/15/statement-by-president-joe-biden-on-support-for-ukraine-and-call-with-president-zelenskyy-of-ukraine/"),
    # state.gov (public domain): no URL in the source
    ("state_dept", "February 25, 2022|Imposing Sanctions on President Putin"),
    ("state_dept", "March 31, 2022|Additional Sanctions on Russia"),
    ("state_dept", "April 8, 2022|Further Targeting Russian State-Owned Enterprises"),
    ("state_dept", "April 22, 2022|Suspension of Russia"),
    ("state_dept", "May 9, 2022|Targeting Russia"),
    ("state_dept", "May 18, 2022|Raising the Flag at U.S. Embassy Kyiv"),
    ("state_dept", "June 1, 2022|$700 Million Drawdown"),
    ("state_dept", "August 24, 2022|Ukraine"),
    ("state_dept", "September 9, 2022|Designating Iranian Proliferators"),
]

COLUMNS = ["path", "outlet", "date", "url", "title", "author", "language", "licence", "licence_evidence",
           "source_repo", "source_commit", "sha256", "source_path", "source_key"]


# --- reading the snapshots ------------------------------------------------------------------------------------

def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def read_csv_rows(data: bytes) -> list[dict]:
    csv.field_size_limit(1 << 30)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def read_xlsx_rows(data: bytes) -> list[dict]:
    """First sheet of an .xlsx as dicts keyed by the header row (standard library only)."""
    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = [''.join(t.text or '' for t in si.iter(m + 't'))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(m + 'si')]
    rows = []
    for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(m + 'row'):
        cells = {}
        for c in row.findall(m + 'c'):
            v, t = c.find(m + 'v'), c.get('t')
            if t == 's':
                val = shared[int(v.text)]
            elif t == 'inlineStr':
                val = ''.join(x.text or '' for x in c.iter(m + 't'))
            else:
                val = v.text if v is not None else None
            cells[re.match(r'[A-Z]+', c.get('r')).group()] = val
        if cells:
            rows.append(cells)
    header = rows[0]
    return [{header[k]: v for k, v in r.items() if k in header} for r in rows[1:]]


# --- text rules -----------------------------------------------------------------------------------------------

def clean_inline(s: str) -> str:
    """Whitespace only: the xlsx escape _x000D_ is a carriage return; runs of whitespace (incl. no-break
    spaces) become one space. No wording is changed."""
    s = s.replace("_x000D_", "\r")
    return re.sub(r"\s+", " ", s).strip()


def split_blank_lines(body: str) -> list[str]:
    body = body.replace("_x000D_", "\r").replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    paras = [clean_inline(p) for p in re.split(r"\n[ \t]*\n", body)]
    # '###' and '***' are end-of-release marks on US government pages and "6:43 P.M. CET" is a transcript's
    # closing time stamp: page furniture, not text.
    return [p for p in paras if p and p not in ("###", "***") and not END_TIME.match(p)]


END_TIME = re.compile(r"^\d{1,2}:\d{2} [AP]\.M\. [A-Z]{2,5}$")


# Kremlin bodies arrive as one line. Paragraph breaks are restored only at two unambiguous places: the
# '* * *' section marks (dropped) and speaker labels ("President of Russia Vladimir Putin:", "Emmanuel Macron:")
# that follow the end of a sentence.
SPEAKER = re.compile(
    r"(?<=[.!?…\"”»)\]]) (?=(?:(?:[A-Z][\w'’.\-]*|of|the|for|and|de|von|da|al) ){1,8}[A-Z][\w'’.\-]*: )")


def kremlin_paragraphs(summary: str, body: str) -> list[str]:
    paras = []
    if summary.strip():
        paras.append(clean_inline(summary))
    for section in re.split(r"\s*\* \* \*\s*", body):
        for p in SPEAKER.split(section):
            p = clean_inline(p)
            if p:
                paras.append(p)
    return paras


def slugify(title: str, limit: int = 80) -> str:
    s = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s or "article"


def parse_date(s: str) -> str:
    s = clean_inline(s)
    for fmt in ("%Y-%m-%d", "%B %d, %Y", "%b. %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(s[:10] if fmt == "%Y-%m-%d" else s, fmt).date().isoformat()
        except ValueError:
            pass
    if s.startswith("Sept."):
        return parse_date("Sep." + s[5:])
    raise ValueError(f"unparsed date {s!r}")


def render(title: str, date: str, paragraphs: list[str]) -> str:
    return "\n\n".join([title, date] + paragraphs) + "\n"


# --- building -------------------------------------------------------------------------------------------------

def find_record(slug: str, key: str, sources: dict) -> dict:
    if slug in ("kremlin", "president_ua"):
        hits = [r for r in sources[slug] if r["link"] == key]
    else:
        rows = [r for r in sources["gov"] if r.get("source") == XLSX_SOURCE[slug]]
        if "|" in key and not key.startswith("http"):
            date, prefix = key.split("|", 1)
            hits = [r for r in rows if clean_inline(r.get("date") or "") == date
                    and clean_inline(r.get("title") or "").startswith(prefix)
                    and len(r.get("article") or "") > 500 and "Our Mission" not in (r.get("article") or "")]
        else:
            hits = [r for r in rows if (r.get("url") or "").strip() == key]
        # The spreadsheet repeats some rows (one per search keyword); identical copies are one record.
        uniq = {(r.get("title"), r.get("article")) for r in hits}
        hits = hits[:1] if len(uniq) == 1 else hits
    if len(hits) != 1:
        raise SystemExit(f"{slug} {key}: {len(hits)} matching records in the snapshot")
    return hits[0]


def build(zp_dir: Path, ru_dir: Path) -> list[tuple[dict, str]]:
    sources = {
        "kremlin": read_csv_rows(git_show(zp_dir, ZP_COMMIT, OUTLETS["kremlin"][5])),
        "president_ua": read_csv_rows(git_show(zp_dir, ZP_COMMIT, OUTLETS["president_ua"][5])),
        "gov": read_xlsx_rows(git_show(ru_dir, RU_COMMIT, OUTLETS["whitehouse"][5])),
    }
    out = []
    for slug, key in SELECTION:
        outlet, licence, evidence, repo, commit, spath = OUTLETS[slug]
        r = find_record(slug, key, sources)
        if slug in ("kremlin", "president_ua"):
            title, date, url = clean_inline(r["headline"]), parse_date(r["date"]), r["link"]
            if slug == "kremlin":
                paras = kremlin_paragraphs(r.get("summary", ""), r["body"])
            else:
                paras = split_blank_lines(r["body"])
        else:
            title, date, url = clean_inline(r["title"]), parse_date(r["date"]), (r.get("url") or "").strip()
            paras = split_blank_lines(r["article"])
        text = render(title, date, paras)
        rel = f"{slug}/{date}_{slugify(title)}.txt"
        row = dict(path=rel, outlet=outlet, date=date, url=url, title=title, author="", language="en",
                   licence=licence, licence_evidence=evidence, source_repo=repo, source_commit=commit,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), source_path=spath, source_key=key)
        out.append((row, text))
    paths = [row["path"] for row, _ in out]
    dupes = {p for p in paths if paths.count(p) > 1}
    if dupes:
        raise SystemExit(f"duplicate output paths: {sorted(dupes)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zelenskyy-putin", type=Path, required=True,
                    help=f"bare git dir of {ZP_REPO} (must contain commit {ZP_COMMIT[:10]})")
    ap.add_argument("--russia-ukraine-conflict", type=Path, required=True,
                    help=f"bare git dir of {RU_REPO} (must contain commit {RU_COMMIT[:10]})")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="compare with the committed files and manifest (default)")
    mode.add_argument("--write", action="store_true", help="write the .txt files and articles.csv")
    args = ap.parse_args(argv)

    built = build(args.zelenskyy_putin, args.russia_ukraine_conflict)
    if args.write:
        manifest_files.write(built, DEMO, MANIFEST, COLUMNS)
        print(f"wrote {len(built)} articles and {MANIFEST.relative_to(HERE.parent)}")
        return 0
    return 1 if manifest_files.check(built, DEMO, MANIFEST, "articles") else 0


if __name__ == "__main__":
    sys.exit(main())
