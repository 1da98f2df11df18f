"""One article in, every table out: ``analyze()`` is the per-article entry point, ``write()`` saves it.

    >>> import newslens
    >>> result = newslens.analyze(newslens.seed_path())
    >>> result["sentences"].shape[0]                      # a table by name, with or without ".csv"
    25
    >>> newslens.write(result, "out/my-article")          # doctest: +SKIP

``analyze`` writes nothing; ``write`` writes article.json, every table as CSV and the places map. What the
analyses found is also kept as records (frozen dataclasses), beside the tables made from them:

    >>> first = result.annotations["place_mentions"][0]     # a places.geoparse.PlaceMention
    >>> first.surface, first.role, first.rule
    ('Turkey', 'actor', 'possessive_agent_noun')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .annotations import Annotations
from .errors import ArticleInputError
from .report.output import record_outputs, save_figure, write_csv, write_json
from .stages import ANALYSIS_INPUTS, ANALYSIS_OUTPUTS, ANALYSIS_RECORDS, BASE_TABLES, EXTRAS
from .text.article import Article
from .text.language import CYRILLIC_LANGUAGES, LANGUAGE_NAMES, LANGUAGES, mixed_description_of
from .text.tables import paragraphs_frame, removed_lines_frame, sentences_frame
from .text.loader import load_article

MAP_NAME = "places_map"   # the same name the places notebook uses, so both write the same files


@dataclass(frozen=True)
class Options:
    """How to read and analyse an article.

    input_format: "auto", "globalresearch", "plaintext" or "html".
    allow_non_english: analyse a text in a language newslens has no pipeline for as English (its scores will
    mean little).
    extras: what to add to the fast default, by name from ``newslens.stages.EXTRAS``, or "all".
    lang: read the article as "en", "ru" or "uk" whatever the language check finds (None: as found).

        >>> sorted(Options(extras="intervals, collocations").extras)
        ['collocations', 'intervals']
        >>> len(Options(extras="all").extras)
        4
        >>> Options(extras=["sarcasm"])
        Traceback (most recent call last):
        ...
        ValueError: unknown extras sarcasm; choose from second_opinions, intervals, target_sentiment, collocations or 'all'
    """

    input_format: str = "auto"
    allow_non_english: bool = False
    extras: frozenset = frozenset()
    lang: str | None = None

    def __post_init__(self):
        if self.lang is not None and self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}; choose from {', '.join(LANGUAGES)}")
        extras = self.extras
        if isinstance(extras, str):
            extras = EXTRAS if extras == "all" else [e.strip() for e in extras.split(",") if e.strip()]
        extras = frozenset(extras)
        unknown = sorted(extras - set(EXTRAS))
        if unknown:
            raise ValueError(f"unknown extras {', '.join(unknown)}; choose from {', '.join(EXTRAS)} or 'all'")
        object.__setattr__(self, "extras", extras)


@dataclass
class ArticleAnalysis:
    """An analysed article: the Article itself, every table (keyed by output file name) and the records the
    tables are made from (``annotations``, keyed as ``newslens.stages.ANALYSIS_RECORDS`` names them: a tuple
    of frozen dataclasses each, such as "place_mentions", "actor_mentions", "quotes", "cues").

        >>> import newslens
        >>> result = newslens.analyze(newslens.seed_path())
        >>> result.article.meta.title
        "The Genie's Out of the Bottle after Kiev's Turkish Drones Strike Donbass"
        >>> actors = result["actors"]                         # the same as result.tables["actors.csv"]
        >>> actors[["actor", "sentences", "mean_compound"]].head(2).values.tolist()
        [['Turkey', 19, -0.2053], ['Russia', 14, -0.1069]]
        >>> sorted(result.metadata)                           # what article.json holds
        ['cleaning', 'counts', 'meta', 'source', 'standfirst']
    """

    article: Article
    tables: dict = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    annotations: dict = field(default_factory=dict)

    def __getitem__(self, name: str):
        return self.tables[name if name.endswith(".csv") else f"{name}.csv"]

    @property
    def metadata(self) -> dict:
        """What article.json holds: metadata, counts, standfirst, cleaning report; for an article not in
        English, the language it was analysed in and which readings that language has (``readings``)."""
        data = self.article.to_dict()
        if self.article.language != "en":
            data["language"] = {"analysed_as": self.article.language, "readings": readings(self.article.language)}
        return data


    def stage_tables(self, stage: str) -> dict:
        """The tables one analysis of ``newslens.stages.ANALYSES`` added ("text" for paragraphs, sentences and
        removed lines), by file name, in the order it adds them; a table of an extra not asked for is left out.
        The sentiment scores per sentence are columns of sentences.csv, so sentiment lists sentences.csv.

            >>> import newslens
            >>> result = newslens.analyze(newslens.seed_path())
            >>> list(result.stage_tables("sentiment"))
            ['sentences.csv', 'actors.csv', 'actor_mentions.csv', 'article_tone.csv']
        """
        if stage == "text":
            names = BASE_TABLES
        elif stage in ANALYSIS_OUTPUTS:
            names = ["sentences.csv" if n == "sentence_sentiment.csv" else n for n in ANALYSIS_OUTPUTS[stage]]
        else:
            raise ValueError(f"unknown stage {stage!r}; choose from text, {', '.join(ANALYSIS_OUTPUTS)}")
        return {name: self.tables[name] for name in names if name in self.tables}


def readings(lang: str) -> dict:
    """{reading or table: "available" or why not} for an article in ``lang`` (Russian, Ukrainian)."""
    from .framing import languages as framing_languages     # lazy, as the analyses below
    from .places import languages as places_languages
    from .sentiment import languages as sentiment_languages

    return {"sentences.csv, paragraphs.csv": "available",
            "dateline": "available",
            **places_languages.readings(lang), **sentiment_languages.readings(lang),
            **framing_languages.readings(lang),
            "places map": "drawn from places.csv (empty while places.csv is)"}


def article_tables(article: Article) -> dict:
    """The article's own tables: paragraphs, sentences, removed lines."""
    return {
        "paragraphs.csv": paragraphs_frame(article),
        "sentences.csv": sentences_frame(article),
        "removed_lines.csv": removed_lines_frame(article),
    }


def _join_sentence_columns(sentences, extra):
    """``sentences`` with the columns of ``extra`` joined on sentence_id (a left, one-to-one merge). When both
    list the same sentence ids in the same order (as the analyses give them), the columns are set side by
    side: the merge's result, at a third of its cost."""
    import pandas as pd

    shared = set(sentences.columns) & set(extra.columns)
    if shared == {"sentence_id"} and sentences["sentence_id"].is_unique \
            and sentences["sentence_id"].tolist() == extra["sentence_id"].tolist():
        others = extra.iloc[:, 1:] if extra.columns[0] == "sentence_id" else extra.drop(columns="sentence_id")
        return pd.concat([sentences, others], axis=1)
    return sentences.merge(extra, on="sentence_id", how="left", validate="one_to_one")


# The analyses, one function each, in the order of newslens.stages.ANALYSES; each gives its records and
# tables (annotations.Annotations). Each analysis is imported when it first runs, not at the top: together
# they pull in numpy, their lexicons and models (several times the cost of `import newslens`), which
# `import newslens` does not pay for.
def places_step(article, extras, **inputs) -> Annotations:
    from .places import annotate   # lazy: see above

    return annotate(article, extras=extras, **inputs)


def sentiment_step(article, extras, **inputs) -> Annotations:
    from .sentiment import annotate   # lazy: see above

    return annotate(article, extras=extras, **inputs)


def framing_step(article, extras, **inputs) -> Annotations:
    from .framing import annotate   # lazy: see above

    return annotate(article, extras=extras, **inputs)


# Run in this order; tests/test_layout.py checks it against stages.ANALYSES, ANALYSIS_INPUTS and ANALYSIS_OUTPUTS.
ANALYSIS_STEPS = {"places": places_step, "sentiment": sentiment_step, "framing": framing_step}


def analysis_annotations(article: Article, extras=frozenset()) -> Annotations:
    """Every record and every table for one article: records by the names of ``stages.ANALYSIS_RECORDS``,
    tables by output file name ("sentences.csv", ...), with ``extras`` (none unless asked, as in
    ``analyze``), each as ``newslens.schema`` declares it: an empty table still has every column, in its
    type. Each analysis is given the inputs ``stages.ANALYSIS_INPUTS`` declares (a table's file name, or a
    kind of records), from the analyses before it."""
    # Imported here, not at the top, so that `python -m newslens.schema` finds it not yet imported.
    from .schema import SchemaError, conform_tables

    tables, records = article_tables(article), {}
    for stage, step in ANALYSIS_STEPS.items():
        inputs = {keyword: tables[name] if name.endswith(".csv") else records[name]
                  for keyword, name in ANALYSIS_INPUTS.get(stage, {}).items()}
        found = step(article, extras, **inputs)
        if tuple(found.records) != ANALYSIS_RECORDS[stage]:
            raise SchemaError(f"{stage} gave records {tuple(found.records)}, declared {ANALYSIS_RECORDS[stage]}")
        records.update(found.records)
        produced = dict(found.tables)
        # Sentence-level columns from an analysis join the one sentences table.
        extra = produced.pop("sentence_sentiment.csv", None)
        if extra is not None:
            tables["sentences.csv"] = _join_sentence_columns(tables["sentences.csv"], extra)
        tables.update(produced)
    return Annotations(records=records, tables=conform_tables(tables, extras))


def analysis_tables(article: Article, extras=frozenset()) -> dict:
    """Every table for one article, keyed by output file name (``analysis_annotations`` without the records)."""
    return analysis_annotations(article, extras).tables


def load(source, options: Options | None = None) -> Article:
    """Read and clean an article file (or pass an Article through), refusing a text in a language newslens has
    no pipeline for (unless allowed), a text that mixes languages and a Cyrillic text whose language cannot be
    told (unless ``options.lang`` says which)."""
    options = options or Options()
    if isinstance(source, Article):
        article = source
        if options.lang and article.language != options.lang and article.report.language != options.lang:
            raise ArticleInputError(article.source, f"was loaded as {LANGUAGE_NAMES[article.language]}, not "
                                    f"{LANGUAGE_NAMES[options.lang]}: load it with lang={options.lang!r}")
    else:
        article = load_article(source, input_format=options.input_format, lang=options.lang)
    refusal = _refusal(article, options)
    if refusal:
        raise ArticleInputError(article.source, refusal)
    return article


def _refusal(article: Article, options: Options) -> str:
    """Why the article cannot be analysed as it is ("" if it can)."""
    report = article.report
    if options.lang:
        return ""
    if report.language == "mixed":
        return (f"mixes languages ({mixed_description_of(report.language_evidence)}); newslens analyses an article "
                "in one language: split it into one file per language, or give --lang en|ru|uk (Options(lang=...)) "
                "to read all of it in one")
    if article.language in CYRILLIC_LANGUAGES and report.language == "too short to judge":
        return ("is Cyrillic text, but too short to tell Russian from Ukrainian (no letters or common words only one "
                "of them has); give --lang ru or --lang uk (Options(lang=...))")
    if article.language in CYRILLIC_LANGUAGES and report.language == "other":
        return ("is Cyrillic text, but neither Russian nor Ukrainian (letters of another Cyrillic alphabet, or Bulgarian "
                "by its ъ and its function words); "
                "newslens reads English, Russian and Ukrainian (--lang ru or uk to read it as one of those)")
    if report.language == "other" and not options.allow_non_english:
        return (f"does not look like English ({report.english_function_word_share:.0%} common English function "
                "words), Russian or Ukrainian; newslens reads those three languages (allow_non_english / "
                "--allow-non-english to analyse it as English anyway, or --lang ru|uk)")
    return ""


def analyze(source, options: Options | None = None) -> ArticleAnalysis:
    """Analyse one article (a file path or a loaded Article): every table as a DataFrame; nothing written.

    The default is the fast path a corpus needs (reference VADER per sentence, tone, actors, framing terms,
    quotes, keyness, cues, places); ``Options(extras="all")`` adds everything in ``newslens.stages.EXTRAS``.

        >>> import newslens
        >>> result = newslens.analyze(newslens.seed_path(), newslens.Options(extras=["second_opinions"]))
        >>> sentences = result["sentences"]
        >>> sentences.loc[0, ["news_compound", "vader_compound", "textblob_polarity"]].tolist()   # sentence 1
        [0.0, 0.6249, -0.05]
        >>> "collocations.csv" in result.tables                # an extra not asked for
        False
        >>> newslens.analyze("missing.txt")
        Traceback (most recent call last):
        ...
        newslens.errors.ArticleInputError: missing.txt: no such file
    """
    options = options or Options()
    article = load(source, options)
    found = analysis_annotations(article, options.extras)
    return ArticleAnalysis(article=article, tables=found.tables, options=options, annotations=found.records)


def write(analysis: ArticleAnalysis, out_dir: str | Path, with_map: bool = True) -> list[Path]:
    """Write article.json, every table and the places map (PNG + plotted CSV) into ``out_dir``.

    In a newslens output folder (``report.output.prepare_output_dir``, as `newslens analyze` makes), the
    files an earlier ``write`` left there and this one did not write (a table of another article or of
    other extras, a map not drawn this time) are removed; nothing newslens did not write is touched.

        >>> import tempfile
        >>> import newslens
        >>> out = tempfile.mkdtemp()
        >>> written = newslens.write(newslens.analyze(newslens.seed_path()), out, with_map=False)
        >>> sorted(path.name for path in written)[:4]
        ['actor_mentions.csv', 'actors.csv', 'article.json', 'article_tone.csv']
    """
    out = Path(out_dir)
    written = [write_json(analysis.metadata, out / "article.json")]
    for name, frame in analysis.tables.items():
        written.append(write_csv(frame, out / name))
    if with_map:
        import matplotlib

        matplotlib.use("Agg")  # files only: no window, whatever the user's default backend
        import matplotlib.pyplot as plt

        from .report.placemap import place_map   # geopandas: the heaviest import of all

        fig, plotted = place_map(analysis.article, tables=analysis.tables)
        written.extend(save_figure(fig, plotted, out, MAP_NAME))
        plt.close(fig)
    record_outputs(out, "analyze", written)
    return written
