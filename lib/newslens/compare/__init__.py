r"""Stage 6, compare: the corpus tables compared across groups of articles (outlets by default, or authors,
date bins, any manifest column): tone with intervals over articles, sentiment near actors, framing rates
and keyness, naming choices, places, the timeline, and passages shared between articles.

A corpus of two articles from two outlets (a CSV export with a text column), analysed, then compared:

    >>> import tempfile
    >>> from pathlib import Path
    >>> from newslens.corpus import run_corpus
    >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
    >>> _ = export.write_text("outlet,date,text\n"
    ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
    ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
    >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
    >>> from newslens.compare import compare_tables, read_corpus, write_compare
    >>> read_corpus(out).groups
    ['Daily A', 'Daily B']
    >>> tables = compare_tables(out)                           # every table, grouped by outlet
    >>> naming = tables["naming"]
    >>> naming[(naming["pair"] == "Kiev / Kyiv") & (naming["count"] > 0)][["outlet", "form", "count"]].values.tolist()
    [['Daily B', 'Kyiv', 1]]
    >>> written = write_compare(out, with_figures=False)       # to out/compare/, Parquet as the corpus
    >>> written["groups"].relative_to(out).as_posix()
    'compare/groups.parquet'

``newslens compare OUT`` writes the same tables with their figures.
"""

from .load import CompareInputError, read_corpus
from .run import clear_compare, compare_figures, compare_tables, groups_table, write_compare
from .timeline import articles_per_month

__all__ = ["CompareInputError", "articles_per_month", "clear_compare", "compare_figures", "compare_tables", "groups_table",
           "read_corpus", "write_compare"]
