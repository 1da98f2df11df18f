"""Sentences and word tokens of a Russian or Ukrainian body: razdel's splitters (``text.cyrillic``), into the
same Sentence and Token records, with offsets into the body, as the English segmenter gives.

An over-long sentence is cut into bounded pieces as in English (``segment._bounded_spans``), so every
per-sentence reading stays linear in the text's length.
"""

from __future__ import annotations

from .article import Paragraph, Sentence, Token
from .cyrillic import sentence_spans, tokens as cyrillic_tokens
from .segment import sentences_from_spans


def split_sentences(paragraphs: list[Paragraph], body: str, overlong: list | None = None) -> list[Sentence]:
    """razdel's sentences of every paragraph, each over-long one cut into pieces; ``overlong`` as in
    ``segment.split_sentences``."""
    return sentences_from_spans(sentence_spans, paragraphs, body, overlong)


def tokenize_words(sentences: list[Sentence], body: str, lang: str) -> list[Token]:
    """Every sentence's tokens (razdel), numbered through the body."""
    out: list[Token] = []
    for sent in sentences:
        for t in cyrillic_tokens(sent.text, lang):
            start, end = sent.start + t.start, sent.start + t.end
            out.append(Token(len(out) + 1, sent.id, start, end, body[start:end]))
    return out


def sentence_tokens(article) -> dict[int, list]:
    """{sentence id: [text.cyrillic.Token with lemma and tag, offsets into the body]} of a Russian or Ukrainian
    article: what the readings of those languages take (lemmas, tags) without tokenizing twice."""
    lang = article.language
    out: dict[int, list] = {}
    for sent in article.sentences:
        out[sent.id] = [type(t)(t.text, sent.start + t.start, sent.start + t.end, t.lemma, t.tag)
                        for t in cyrillic_tokens(sent.text, lang)]
    return out
