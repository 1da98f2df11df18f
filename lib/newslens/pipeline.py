"""The whole analysis of one article as named tables: what `newslens analyze` writes and notebooks show."""

from __future__ import annotations

import importlib
from pathlib import Path

from .article import Article
from .output import save_figure, write_csv, write_json
from .tables import paragraphs_frame, removed_lines_frame, sentences_frame

# Each analysis: (module, function returning {file name: DataFrame}). Imported lazily: they pull in heavy
# libraries that `import newslens` should not pay for.
ANALYSES: list[tuple[str, str]] = [
    ("newslens.sentiment", "sentiment_tables"),
    ("newslens.framing", "framing_tables"),
    ("newslens.places", "places_tables"),
]


def map_drawer():
    """The function that draws an article's places map, returning (figure, plotted DataFrame).

    Imported on demand: geopandas is the heaviest import of all.
    """
    from .placemap import place_map

    return place_map


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


MAP_NAME = "places_map"   # the same name the places notebook uses, so both write the same files


def write_analysis(article: Article, out_dir: str | Path, with_map: bool = True) -> list[Path]:
    """Write article.json, every table and the places map (PNG + plotted CSV) into ``out_dir``."""
    out = Path(out_dir)
    written = [write_json(article.to_dict(), out / "article.json")]
    tables = analysis_tables(article)
    for name, frame in tables.items():
        written.append(write_csv(frame, out / name))
    if with_map:
        import matplotlib

        matplotlib.use("Agg")  # files only: no window, whatever the user's default backend
        import matplotlib.pyplot as plt

        fig, plotted = map_drawer()(article, tables=tables)
        written.extend(save_figure(fig, plotted, out, MAP_NAME))
        plt.close(fig)
    return written
