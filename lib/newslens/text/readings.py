"""Which readings a language has: the one place that says what a Russian or Ukrainian article gets.

Each analysis reads Russian and Ukrainian through a module of its own (``places.cyrillic``,
``sentiment.cyrillic``, ``framing.cyrillic``); a table it has no rules for yet is made with every column and no
rows, and article.json says why (``not_available``, shown by ``ArticleAnalysis.metadata``).
"""

from __future__ import annotations


def not_available(reading: str, language_name: str) -> str:
    return f"not available in {language_name} yet: {reading} has no {language_name} lexicon or rules in this version"
