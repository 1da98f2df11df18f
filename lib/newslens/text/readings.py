"""Which readings a language has: the one place that says what a Russian or Ukrainian article gets.

Each analysis that reads Russian and Ukrainian through a module of its own (``places.cyrillic``,
``sentiment.cyrillic``, ``framing.cyrillic``) finds it with ``delivered``; until such a module is installed, its
tables are made with every column and no rows, and article.json says so (``ArticleAnalysis.metadata``).
"""

from __future__ import annotations

import importlib


def delivered(module: str, name: str):
    """``module.name`` (a function of a language module such as "newslens.places.cyrillic"), or None when that
    module is not part of this installation yet. Any other import error is raised: a broken module is a defect,
    not a missing reading."""
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None
    return getattr(found, name, None)


def not_available(reading: str, language_name: str) -> str:
    return f"not available in {language_name} yet: {reading} has no {language_name} lexicon or rules in this version"
