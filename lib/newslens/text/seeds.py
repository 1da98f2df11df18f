"""The seed articles shipped in seeds/, each pinned by its SHA-256: seeds are never edited."""

from __future__ import annotations

from pathlib import Path

from ..errors import ArticleInputError
from ..paths import SEEDS_DIR

SEED_ARTICLE = "globalresearch_2021-10-27_korybko_genie-out-of-the-bottle.txt"

# File name -> SHA-256 of its bytes, as recorded in seeds/README.md.
KNOWN_SEEDS = {
    SEED_ARTICLE: "1af3f712ed0df1afedb94a51f927d96174e2256a278323b2023440717a93a020",
}


def seed_path(name: str = SEED_ARTICLE) -> Path:
    """Path of a seed article (default: the first seed, the 2021 Global Research op-ed)."""
    return SEEDS_DIR / name


def verify_seed(path: str | Path, sha256: str) -> None:
    """Refuse a known seed whose bytes have changed; other files pass unchecked."""
    p = Path(path).resolve()
    if p.parent != SEEDS_DIR.resolve() or p.name not in KNOWN_SEEDS:
        return
    expected = KNOWN_SEEDS[p.name]
    if sha256 != expected:
        raise ArticleInputError(
            path,
            f"this seed has been modified (sha256 {sha256[:12]}..., expected {expected[:12]}...); "
            "seeds are never edited: restore it with `git checkout -- seeds/`",
        )
