"""Stage 6, compare: the corpus tables compared across groups of articles (outlets by default, or authors,
date bins, any manifest column): tone with intervals over articles, sentiment near actors, framing rates
and keyness, naming choices, places, the timeline, and passages shared between articles.

    >>> from newslens.compare import compare_tables, write_compare
    >>> tables = compare_tables("out/corpus")                 # doctest: +SKIP
    >>> tables["naming"].query("pair == 'Kiev / Kyiv'")       # doctest: +SKIP
    >>> write_compare("out/corpus", by="outlet")              # doctest: +SKIP  (writes out/corpus/compare/)
"""

from .load import CompareInputError, read_corpus
from .run import clear_compare, compare_figures, compare_tables, write_compare

__all__ = ["CompareInputError", "clear_compare", "compare_figures", "compare_tables", "read_corpus", "write_compare"]
