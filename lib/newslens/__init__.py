"""newslens: take a news or opinion article apart, offline.

    >>> import newslens
    >>> article = newslens.load_article(newslens.seed_path())
    >>> len(article.paragraphs)
    10
    >>> result = newslens.analyze(article)                    # every table, as DataFrames; nothing written
    >>> result["actors"]["actor"].head(3).tolist()
    ['Turkey', 'Russia', 'Ukraine']

Many articles: ``newslens.corpus.run_corpus``; the corpus across outlets: ``newslens.compare``. The public
API, with examples: docs/api.md.

The package's folders are its stages (``newslens.stages``): ``text`` reads and cleans an article;
``sentiment``, ``framing`` and ``places`` analyse it; ``report`` writes tables, figures and the map;
``analysis`` runs them for one article (``newslens.analyze``); ``cli`` is the command line.
"""

from .analysis import ArticleAnalysis, Options, analyze, write
from .errors import ArticleInputError
from .text.article import Article
from .text.loader import load_article
from .text.seeds import seed_path

__all__ = ["Article", "ArticleAnalysis", "ArticleInputError", "Options", "analyze", "load_article", "seed_path",
           "write"]
__version__ = "0.1.0"
