"""The seed articles shipped in seeds/, each pinned by its SHA-256: seeds are never edited."""

from __future__ import annotations

from pathlib import Path

from ..paths import SEEDS_DIR

SEED_ARTICLE = "globalresearch_2021-10-27_korybko_genie-out-of-the-bottle.txt"

# File name -> SHA-256 of its bytes, as recorded in seeds/README.md; tests/test_project.py checks the files.
KNOWN_SEEDS = {
    SEED_ARTICLE: "1af3f712ed0df1afedb94a51f927d96174e2256a278323b2023440717a93a020",
}


def seed_path(name: str = SEED_ARTICLE) -> Path:
    """Path of a seed article (default: the first seed, the 2021 Global Research op-ed)."""
    return SEEDS_DIR / name
