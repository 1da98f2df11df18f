r"""Stage 5, corpus: the per-article analysis over many articles (a folder, a CSV or JSON Lines export, a
WARC file), on this machine or on Dask, resumable, into one set of tables (Parquet or CSV).

A folder of two articles with a manifest (``articles.csv``: path, outlet, date), analysed into ``tables/``:

    >>> import tempfile
    >>> from pathlib import Path
    >>> import pandas as pd
    >>> from newslens.corpus import run_corpus
    >>> folder = Path(tempfile.mkdtemp()) / "articles"
    >>> folder.mkdir()
    >>> _ = (folder / "a.txt").write_text("Russia and Ukraine held talks in Geneva on Monday. The talks ended "
    ...                                   "without a deal, and both sides blamed the other.\n", encoding="utf-8")
    >>> _ = (folder / "b.txt").write_text("The president of Ukraine thanked Poland for its support. Kyiv "
    ...                                   "welcomed the new aid and said it would help.\n", encoding="utf-8")
    >>> _ = (folder / "articles.csv").write_text("path,outlet,date\na.txt,Daily A,2022-02-01\n"
    ...                                          "b.txt,Daily B,2022-03-15\n", encoding="utf-8")
    >>> run = run_corpus(folder, folder.parent / "tables", workers=1, quiet=True)
    >>> run.summary()
    '2 analysed, 0 skipped (cached), 0 errors'
    >>> articles = pd.read_parquet(run.out_dir / "articles.parquet")
    >>> articles[["item", "outlet", "date", "sentences", "words"]].values.tolist()
    [[0, 'Daily A', '2022-02-01', 2, 21], [1, 'Daily B', '2022-03-15', 2, 19]]
    >>> run_corpus(folder, folder.parent / "tables", workers=1, quiet=True).summary()   # a rerun reads the cache
    '0 analysed, 2 skipped (cached), 0 errors'

The demo corpus (``demo_path()``, 51 articles) the same way: ``run_corpus(demo_path(), "out/corpus")``.
``iter_items`` lists the articles of any input without analysing them; ``newslens.compare`` reads the tables.
"""

from .inputs import CorpusInputError, CorpusItem, demo_path, iter_items
from .runner import CorpusEngineError, CorpusRun, corpus_for_notebooks, run_corpus

__all__ = ["CorpusEngineError", "CorpusInputError", "CorpusItem", "CorpusRun", "corpus_for_notebooks", "demo_path",
           "iter_items", "run_corpus"]
