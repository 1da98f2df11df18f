"""Stage 1, text: read a file (plain text, a Global Research page dump, saved HTML), clean it, and split
the body into paragraphs, sentences and word tokens with offsets: the ``Article`` every analysis reads."""

from .article import Article
from .loader import load_article

__all__ = ["Article", "load_article"]
