"""newslens: take a news or opinion article apart, offline.

    >>> import newslens
    >>> article = newslens.load_article(newslens.seed_path())
    >>> len(article.paragraphs)
    10
"""

from .article import Article
from .errors import ArticleInputError
from .loader import load_article
from .seeds import seed_path

__all__ = ["Article", "ArticleInputError", "load_article", "seed_path"]
__version__ = "0.1.0"
