"""Short texts written to exercise the place parser (namesakes, capitals used both ways), shipped with the
package so that notebook 03 and the tests read the same files."""

from __future__ import annotations

from pathlib import Path

from ..paths import DATA_DIR

EXAMPLES_DIR = DATA_DIR / "place_examples"


def example_paths() -> list[Path]:
    """The example texts, in name order."""
    return sorted(EXAMPLES_DIR.glob("*.txt"))
