"""Rebuild ru/*.txt of the Cyrillic hand check from a snapshot of nerel-ds/NEREL (Russian Wikinews texts).

Usage: python prepare_ru.py PATH_TO_NEREL_CHECKOUT  (a work tree of nerel-ds/NEREL at the manifest's commit)

The wording is not changed. Layout only: the first line (the Wikinews headline) becomes the title, followed by a
blank line; every other non-empty line becomes a paragraph (blank line between); MediaWiki external-link markup
"[http://... text]" keeps its text. The SHA-256 of the source file and of the written file are both checked
against manifest.csv.
"""

import csv
import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIKI_LINK = re.compile(r"\[https?://\S+ ([^\]]+)\]")


def render(source: str) -> str:
    lines = [WIKI_LINK.sub(r"\1", line).strip() for line in source.split("\n")]
    lines = [line for line in lines if line]
    return lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n"


def main(nerel: Path) -> None:
    root = HERE.parents[2]
    for row in csv.DictReader(open(HERE / "manifest.csv", encoding="utf-8")):
        if row["language"] != "ru":
            continue
        raw = (nerel / row["source_path"]).read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["source_sha256"]:
            sys.exit(f"{row['source_path']}: SHA-256 differs from manifest.csv's source_sha256")
        text = render(raw.decode("utf-8"))
        out = root / row["path"]
        out.write_text(text, encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
            sys.exit(f"{row['path']}: SHA-256 differs from manifest.csv's sha256")
        print(f"{row['path']}: {len(text)} characters")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
