"""load_article: from a file on disk to a cleaned, segmented Article with a report of every change."""

from __future__ import annotations

from pathlib import Path

from . import formats
from .article import Article, CleaningReport, Paragraph, Standfirst
from .cleaning import find_standfirst, join_broken_paragraphs, unwrap_block_links
from ..errors import ArticleInputError, SourceName
from .language import (CYRILLIC_LANGUAGES, LANGUAGE_NAMES, LANGUAGES, MIN_ENGLISH_SHARE, cyrillic_language,
                       judge_language, mixed_description, read_language)
from .reading import decode_input, read_input
from . import segment, segment_cyrillic
from .segment import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS
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


def load_article(path: str | Path, input_format: str = "auto", lang: str | None = None) -> Article:
    """Load an article file. ``input_format``: "auto", "globalresearch", "plaintext", "html" or "body";
    ``lang`` ("en", "ru", "uk") reads it in that language whatever the language check finds.

    Raises ArticleInputError (one line naming the file and the problem) on input that cannot be used.
    The file is only read, never written.
    """
    return _article(read_input(path), path, input_format, lang)


def load_text(text: bytes | str, name: str, input_format: str = "auto", lang: str | None = None) -> Article:
    """Load an article given as text or bytes (a row of a CSV or JSON Lines file, a WARC record);
    ``name`` says where it came from in error messages ("articles.csv row 12"). "body" as ``input_format``
    reads the whole text as the body: no title line (a CSV text column has none)."""
    name = SourceName(name)
    return _article(decode_input(text, name), name, input_format, lang)


def _pipeline(reading, lang: str | None) -> str:
    """The language whose segmentation and analyses the article gets: the one asked for, else Russian or
    Ukrainian for a Cyrillic text (a mixed one: its Cyrillic part's language, if the Cyrillic paragraphs are
    the most), else English."""
    if lang:
        return lang
    if reading.language in CYRILLIC_LANGUAGES:
        return reading.language
    if reading.language == "mixed" and reading.evidence and reading.cyrillic_share >= 0.5:
        found = cyrillic_language(reading.evidence)
        return found if found in CYRILLIC_LANGUAGES else "ru"
    if reading.language in ("other", "too short to judge") and reading.cyrillic_share >= 0.5:
        return "ru"     # segmented as Russian (razdel serves any Cyrillic text); analysis.load refuses it
    return "en"


def _article(source, path, input_format: str, lang: str | None = None) -> Article:
    if lang is not None and lang not in LANGUAGES:
        raise ArticleInputError(path, f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
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

    reading = read_language([p.text for p in paragraphs])
    pipeline = _pipeline(reading, lang)
    overlong: list[tuple[int, int, int]] = []
    if pipeline in CYRILLIC_LANGUAGES:
        sentences = segment_cyrillic.split_sentences(paragraphs, body, overlong)
        tokens = segment_cyrillic.tokenize_words(sentences, body, pipeline)
    else:
        sentences = segment.split_sentences(paragraphs, body, overlong)
        tokens = segment.tokenize_words(sentences, body)
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
    evidence, source_of_language = {}, ""
    if reading.language != "latin":         # Cyrillic, or mixed: the evidence goes to article.json
        language = reading.language
        evidence = {"cyrillic_share": reading.cyrillic_share, **reading.evidence}
        if reading.paragraphs:
            evidence["paragraphs"] = {script: ids for script, ids in reading.paragraphs.items()}
    if lang:
        if lang != language:
            warnings.append(f"read as {LANGUAGE_NAMES[lang]} as asked (--lang {lang}); the language check found "
                            f"{LANGUAGE_NAMES.get(language, {'mixed': 'a mix of languages'}.get(language, language))}")
        language, source_of_language = lang, "forced (--lang)"
    elif language == "not English":
        language = "other"
        warnings.append(f"the text does not look like English (common English function words are {share:.0%} of its "
                        f"words; English prose has over {MIN_ENGLISH_SHARE:.0%}); English lexicons would score it "
                        "meaninglessly")
    elif language == "mixed":
        warnings.append(f"the text mixes languages ({mixed_description(reading)})")

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
        language_source=source_of_language,
        language_evidence=evidence,
    )
    return Article(
        source=str(path), meta=parsed.meta, body=body, paragraphs=paragraphs, sentences=sentences,
        tokens=tokens, standfirst=standfirst, report=report, language=pipeline,
    )
