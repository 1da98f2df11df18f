"""Write, or check byte for byte, the texts and the manifest that a corpus build script rebuilt.

Shared by build_demo.py and build_source_languages.py: ``built`` is a list of (manifest row, text); each row
has ``path`` (relative to ``out_dir``) and ``sha256`` of the text's UTF-8 bytes.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path


def write(built: list, out_dir: Path, manifest: Path, columns) -> None:
    """Write every text under ``out_dir`` and the manifest CSV."""
    for row, text in built:
        p = out_dir / row["path"]
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8"))
    with open(manifest, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for row, _ in built:
            w.writerow(row)


def check(built: list, out_dir: Path, manifest: Path, noun: str) -> int:
    """Compare the rebuilt texts with the committed files and manifest; print each difference and a summary.
    Returns the number of texts that differ or were not rebuilt (0: everything rebuilt byte for byte)."""
    with open(manifest, newline="", encoding="utf-8") as f:
        committed = {r["path"]: r for r in csv.DictReader(f)}
    bad = 0
    for row, _ in built:
        c = committed.pop(row["path"], None)
        on_disk = out_dir / row["path"]
        disk_sha = hashlib.sha256(on_disk.read_bytes()).hexdigest() if on_disk.exists() else None
        if c is None or c["sha256"] != row["sha256"] or disk_sha != row["sha256"]:
            bad += 1
            print(f"DIFFERS {row['path']}: rebuilt {row['sha256'][:12]}, manifest "
                  f"{(c or {}).get('sha256', '-')[:12]}, file {(disk_sha or '-')[:12]}")
    for p in committed:
        bad += 1
        print(f"NOT REBUILT {p}")
    print(f"{max(0, len(built) - bad)}/{len(built)} {noun} rebuilt byte for byte")
    return bad
