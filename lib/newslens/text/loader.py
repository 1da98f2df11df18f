"""load_article: from a file on disk to a cleaned, segmented Article with a report of every change."""

from __future__ import annotations

from pathlib import Path

from . import formats
from .article import Article, CleaningReport, Paragraph, Standfirst
from .cleaning import find_standfirst, join_broken_paragraphs, unwrap_block_links
from ..errors import ArticleInputError, SourceName
from .language import MIN_ENGLISH_SHARE, judge_language
from .reading import decode_input, read_input
from .segment import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, split_sentences, tokenize_words
from .wire import apply_wire_structure

PARAGRAPH_SEPARATOR = "\n\n"


# Far beyond any real sentence (the seed's longest has 57 words): a sign of missing punctuation.
OVERLONG_SENTENCE_WORDS = 250


def _overlong_sentences(sentences, tokens):
    counts: dict[int, int] = {}
    for t in tokens:
        if t.is_word:
            counts[t.sentence_id] = counts.get(t.sentence_id, 0) + 1
    return [(s, counts[s.id]) for s in sentences if counts.get(s.id, 0) > OVERLONG_SENTENCE_WORDS]


def load_article(path: str | Path, input_format: str = "auto") -> Article:
    """Load an article file. ``input_format``: "auto", "globalresearch", "plaintext", "html" or "body".

    Raises ArticleInputError (one line naming the file and the problem) on input that cannot be used.
    The file is only read, never written.
    """
    return _article(read_input(path), path, input_format)


def load_text(text: bytes | str, name: str, input_format: str = "auto") -> Article:
    """Load an article given as text or bytes (a row of a CSV or JSON Lines file, a WARC record);
    ``name`` says where it came from in error messages ("articles.csv row 12"). "body" as ``input_format``
    reads the whole text as the body: no title line (a CSV text column has none)."""
    name = SourceName(name)
    return _article(decode_input(text, name), name, input_format)


def _article(source, path, input_format: str) -> Article:
    if input_format == "auto":
        input_format = formats.detect_format(source.text)
    if input_format not in formats.PARSERS:
        raise ArticleInputError(path, f"unknown input format {input_format!r}; use one of {sorted(formats.PARSERS)}")
    try:
        parsed = formats.PARSERS[input_format](source.text)
    except formats.NoArticleInHtml as exc:
        raise ArticleInputError(path, str(exc)) from None
    if input_format != "globalresearch":
        apply_wire_structure(parsed, has_title=input_format != "body")

    blocks, links = unwrap_block_links(parsed.blocks)
    blocks, joins = join_broken_paragraphs(blocks)
    lede, repeat_index = find_standfirst(blocks)
    if lede is not None:
        blocks = blocks[1:]
    if not blocks:
        raise ArticleInputError(
            path, f"no article body found (removed {len(parsed.removed)} lines as title, metadata or site boilerplate)"
        )

    paragraphs: list[Paragraph] = []
    offset = 0
    for i, block in enumerate(blocks, start=1):
        paragraphs.append(Paragraph(i, offset, offset + len(block.text), block.text))
        offset += len(block.text) + len(PARAGRAPH_SEPARATOR)
    body = PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)

    standfirst = None
    if lede is not None:
        at = body.find(lede.text)
        standfirst = Standfirst(
            text=lede.text,
            duplicate_of=repeat_index,
            body_start=at if at >= 0 else None,
            body_end=at + len(lede.text) if at >= 0 else None,
        )

    overlong: list[tuple[int, int, int]] = []
    sentences = split_sentences(paragraphs, body, overlong)
    tokens = tokenize_words(sentences, body)
    if not any(t.is_word for t in tokens):
        raise ArticleInputError(path, "the body has no words (only punctuation or symbols)")

    warnings = list(source.warnings) + list(parsed.warnings)
    if overlong:
        first, pieces, chars = overlong[0]
        warnings.append(
            f"{len(overlong):,} sentence{'s' if len(overlong) != 1 else ''} longer than {MAX_SENTENCE_WORDS} words or "
            f"{MAX_SENTENCE_CHARS:,} characters {'were' if len(overlong) != 1 else 'was'} cut at word boundaries into "
            f"{sum(n for _, n, _ in overlong):,} pieces, each analysed as a sentence (the first: {chars:,} characters, "
            f"sentences {first}-{first + pieces - 1}): the text may lack sentence punctuation, so sentence-level "
            "results are coarse")
    for sentence, words in _overlong_sentences(sentences, tokens):
        warnings.append(f"sentence {sentence.id} has {words:,} words: the text may lack sentence punctuation, "
                        "so sentence-level results are coarse")
    language, share = judge_language([t.text for t in tokens if t.is_word])
    if language == "not English":
        warnings.append(f"the text does not look like English (common English function words are {share:.0%} of its "
                        f"words; English prose has over {MIN_ENGLISH_SHARE:.0%}); English lexicons would score it "
                        "meaninglessly")

    report = CleaningReport(
        input_format=input_format,
        encoding=source.encoding,
        sha256=source.sha256,
        line_endings=source.line_endings,
        removed=parsed.removed,
        joined=joins,
        links_unwrapped=links,
        language=language,
        english_function_word_share=round(share, 4),
        warnings=warnings,
    )
    return Article(
        source=str(path), meta=parsed.meta, body=body, paragraphs=paragraphs, sentences=sentences,
        tokens=tokens, standfirst=standfirst, report=report,
    )
