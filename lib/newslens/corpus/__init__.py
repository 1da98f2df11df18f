"""Stage 5, corpus: the per-article analysis over many articles (a folder, a CSV or JSON Lines export, a
WARC file), on this machine or on Dask, resumable, into one set of tables (Parquet or CSV).

    >>> from newslens.corpus import run_corpus
    >>> run = run_corpus("corpus/demo", "out/corpus")          # doctest: +SKIP
    >>> run.summary()                                          # doctest: +SKIP
    '51 analysed, 0 skipped (cached), 0 errors'
"""

from .inputs import CorpusInputError
from .runner import CorpusEngineError, CorpusRun, corpus_for_notebooks, run_corpus

__all__ = ["CorpusEngineError", "CorpusInputError", "CorpusRun", "corpus_for_notebooks", "run_corpus"]
