"""English lemmas from simplemma (pure Python, data inside the package, no download)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def lemmatize(word: str) -> str:
    """The lower-case English lemma of one word ("helped" -> "help", "drones" -> "drone")."""
    import simplemma  # imported here: loading its English data costs time that `import newslens` should not pay

    return simplemma.lemmatize(word.lower(), lang="en").lower()
