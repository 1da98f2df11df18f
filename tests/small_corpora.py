"""Small corpus folders that several tests build: written into a test's own temporary folder."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
UNDATED = REPO_ROOT / "corpus" / "demo" / "president_ua" / (
    "2021-10-29_ukraine-uses-weapons-only-to-protect-its-territory-and-does-not-violate-any.txt")
WEATHER = REPO_ROOT / "tests" / "fixtures" / "degenerate" / "weather_no_actors_no_places.txt"


def corpus_with_an_undated_article(folder: Path, first: Path, first_name: str) -> Path:
    """``folder`` with three articles and a manifest: ``first`` (whitehouse.gov, dated), a president.gov.ua
    article with its date line cut and no date in the manifest, and a local weather report with no actor or
    place."""
    shutil.copy(first, folder / first_name)
    lines = UNDATED.read_text(encoding="utf-8").splitlines()
    (folder / "undated.txt").write_text("\n".join(line for line in lines if line.strip() != "2021-10-29") + "\n",
                                        encoding="utf-8")
    shutil.copy(WEATHER, folder / "weather.txt")
    (folder / "articles.csv").write_text(f"path,outlet,date\n{first_name},whitehouse.gov,2022-02-24\n"
                                         "undated.txt,president.gov.ua,\nweather.txt,Local Gazette,2022-03-01\n",
                                         encoding="utf-8")
    return folder



def write_plain_corpus(folder: Path, articles) -> Path:
    """``folder`` holding one plain-text file per article and an articles.csv manifest. ``articles``: (sub-folder,
    outlet, date, title, body paragraphs) tuples."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as manifest:
        rows = csv.writer(manifest)
        rows.writerow(["path", "outlet", "date", "title"])
        for n, (sub, outlet, date, title, paragraphs) in enumerate(articles):
            path = folder / sub / f"{date}_{n}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{title}\n\n{date}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            rows.writerow([f"{sub}/{path.name}", outlet, date, title])
    return folder
