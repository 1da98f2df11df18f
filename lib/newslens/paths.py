"""Locations anchored on the package, never on the working directory."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# lib/newslens -> lib -> repository root (the package is installed in editable mode).
REPO_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"


def display_path(path: str | Path) -> str:
    """A path as shown to people: relative to the repository when inside it, so outputs carry no machine path."""
    p = Path(path)
    try:
        return p.resolve().relative_to(REPO_ROOT).as_posix()
    except (ValueError, OSError, RuntimeError):      # outside the repository, or a symlink loop
        return p.name if p.is_absolute() else p.as_posix()
