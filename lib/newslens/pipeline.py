"""The whole analysis of one article as named tables: what `newslens analyze` writes and notebooks show."""

from __future__ import annotations

import importlib
from pathlib import Path

from .article import Article
from .output import write_csv, write_json
from .tables import paragraphs_frame, removed_lines_frame, sentences_frame

# Each analysis: (module, function returning {file name: DataFrame}). Imported lazily: they pull in heavy
# libraries that `import newslens` should not pay for.
ANALYSES: list[tuple[str, str]] = [
    ("newslens.sentiment", "sentiment_tables"),
    ("newslens.framing", "framing_tables"),
]


# The map is drawn by the notebook and timed by the benchmark, but is not a table: (module, function).
MAP_DRAWER: tuple[str, str] | None = None


def map_drawer():
    """The function that draws an article's places map, returning (figure, plotted DataFrame), if any."""
    if MAP_DRAWER is None:
        return None
    return getattr(importlib.import_module(MAP_DRAWER[0]), MAP_DRAWER[1])


def base_tables(article: Article) -> dict:
    """The article's own tables: paragraphs, sentences, removed lines."""
    return {
        "paragraphs.csv": paragraphs_frame(article),
        "sentences.csv": sentences_frame(article),
        "removed_lines.csv": removed_lines_frame(article),
    }


def analysis_tables(article: Article) -> dict:
    """Every table for one article, keyed by output file name ("sentences.csv", ...)."""
    tables = base_tables(article)
    for module_name, function_name in ANALYSES:
        module = importlib.import_module(module_name)
        produced = getattr(module, function_name)(article)
        # Sentence-level columns from an analysis join the one sentences table.
        extra = produced.pop("sentence_sentiment.csv", None)
        if extra is not None:
            tables["sentences.csv"] = tables["sentences.csv"].merge(extra, on="sentence_id", how="left",
                                                                    validate="one_to_one")
        tables.update(produced)
    return tables


def write_analysis(article: Article, out_dir: str | Path) -> list[Path]:
    """Write article.json and every table into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    written = [write_json(article.to_dict(), out / "article.json")]
    for name, frame in analysis_tables(article).items():
        written.append(write_csv(frame, out / name))
    return written
