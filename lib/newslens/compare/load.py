"""Reading a corpus output folder (what `newslens corpus` wrote) and assigning each article to a group.

Tables are those the last corpus run wrote (its manifest.json lists them; without one, Parquet when the
folder has it, else CSV). The group of an article comes from a column of the ``articles`` table: ``outlet``
by default, or any other (``author``, a manifest column such as ``licence``), or ``date`` cut into day,
week or month bins. An article with an empty value is put in the group ``(none)``; one without a date in
``(no date)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..report.output import unguard_csv
from ..schema import CORPUS_TABLES, FLOAT, NULLABLE_INT

TABLES = ("articles", "sentences", "actor_sentiment", "framing_terms", "scare_quotes", "place_mentions",
          "word_counts", "errors")
DATE_BINS = ("day", "week", "month")
NO_VALUE = "(none)"
NO_DATE = "(no date)"


class CompareInputError(Exception):
    """A folder without corpus tables, or a grouping column the tables lack."""


@dataclass
class Corpus:
    """The corpus tables of one output folder, each with a ``group`` column added."""
    out_dir: Path
    file_format: str                       # "parquet" or "csv": how the corpus was written
    by: str                                # the grouping column (with its bin: "date (month)")
    tables: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.tables[name]

    @property
    def groups(self) -> list[str]:
        """The groups, in order of first appearance in the articles table (the input order)."""
        return list(dict.fromkeys(self.tables["articles"]["group"]))


def read_table(path):
    """One corpus table as pandas reads it: Parquet as written; CSV with the key columns as text and the
    quote newslens puts before a spreadsheet formula's first character taken off again (``unguard_csv``)."""
    import pandas as pd


    path = Path(path)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        frame = unguard_csv(pd.read_csv(path, dtype={"article_id": str, "outlet": str, "date": str, "author": str},
                                        keep_default_na=False, na_values={"": None}))
        frame = _numbers_with_gaps(frame, CORPUS_TABLES.get(path.stem))
    for column in ("outlet", "date", "author", "article_id"):
        if column in frame:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    return frame


def _numbers_with_gaps(frame, table):
    """A number column that CSV left as text because some cells are empty (a Russian or Ukrainian article has no
    sentiment scores yet) read as numbers, the empty cells missing; columns read as numbers are left alone."""
    import pandas as pd

    for column in (table.columns if table is not None else ()):
        if column.dtype in (FLOAT, NULLABLE_INT) and column.name in frame \
                and not pd.api.types.is_numeric_dtype(frame[column.name]):
            numbers = pd.to_numeric(frame[column.name].replace("", None), errors="coerce")
            frame[column.name] = numbers.astype("Int64") if column.dtype == NULLABLE_INT else numbers
    return frame


def _listed_tables(out: Path) -> dict[str, Path] | None:
    """{table name: path} of the tables the last corpus run wrote, from its manifest.json (None without one)."""
    import json

    try:
        listed = json.loads((out / "manifest.json").read_text(encoding="utf-8")).get("tables", {})
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(listed, dict):
        return None
    paths = {}
    for name in TABLES:
        file = (listed.get(name) or {}).get("file") if isinstance(listed.get(name), dict) else None
        if isinstance(file, str) and "/" not in file and Path(file).suffix in (".parquet", ".csv"):
            paths[name] = out / file
    return paths if "articles" in paths and paths["articles"].exists() else None


def find_tables(out_dir) -> tuple[dict[str, Path], str]:
    """{table name: path} of the corpus tables in ``out_dir`` and their format: those the last corpus run
    wrote (its manifest.json lists them), never a table another run left in another format."""
    out = Path(out_dir)
    listed = _listed_tables(out)
    if listed is not None:
        file_format = "parquet" if listed["articles"].suffix == ".parquet" else "csv"
        return {name: path for name, path in listed.items() if path.exists()}, file_format
    if not (out / "articles.parquet").exists() and not (out / "articles.csv").exists():
        raise CompareInputError(f"{out}: no corpus tables here (articles.parquet or articles.csv); "
                                "run `newslens corpus INPUT --out DIR` first")
    file_format = "parquet" if (out / "articles.parquet").exists() else "csv"
    suffix = ".parquet" if file_format == "parquet" else ".csv"
    return {name: out / f"{name}{suffix}" for name in TABLES if (out / f"{name}{suffix}").exists()}, file_format


def date_bin(dates, how: str):
    """Date strings (YYYY-MM-DD) as day, ISO week ("2022-W08") or month ("2022-02") labels."""
    import pandas as pd

    if how not in DATE_BINS:
        raise ValueError(f"date bin must be one of {', '.join(DATE_BINS)}, not {how!r}")
    parsed = pd.to_datetime(pd.Series(dates, dtype=object).astype(str).str.slice(0, 10), format="%Y-%m-%d",
                            errors="coerce")
    if how == "day":
        labels = parsed.dt.strftime("%Y-%m-%d")
    elif how == "month":
        labels = parsed.dt.strftime("%Y-%m")
    else:
        iso = parsed.dt.isocalendar()
        labels = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    return labels.astype(object).where(parsed.notna(), NO_DATE).astype(str).tolist()


def group_labels(articles, by: str = "outlet", date_bins: str | None = None) -> list[str]:
    """The group of every article, from column ``by`` of the articles table."""
    if by not in articles.columns:
        raise CompareInputError(f"no column {by!r} in the articles table; columns: {', '.join(articles.columns)}")
    if by == "date":
        return date_bin(articles["date"], date_bins or "month")
    values = articles[by].astype(object).where(articles[by].notna(), "").astype(str).str.strip()
    return values.where(values != "", NO_VALUE).tolist()


def read_corpus(out_dir, by: str = "outlet", date_bins: str | None = None) -> Corpus:
    r"""The corpus tables of ``out_dir`` with a ``group`` column on each (from the articles table's ``by``).

        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslens.corpus import run_corpus
        >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
        >>> _ = export.write_text("outlet,date,text\n"
        ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
        ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
        >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
        >>> corpus = read_corpus(out)
        >>> corpus.groups, corpus.file_format
        (['Daily A', 'Daily B'], 'parquet')
        >>> corpus["sentences"][["item", "sentence_id", "group"]].values.tolist()
        [[0, 1, 'Daily A'], [0, 2, 'Daily A'], [1, 1, 'Daily B'], [1, 2, 'Daily B']]
        >>> read_corpus(out, by="date", date_bins="month").groups
        ['2022-02', '2022-03']
    """
    paths, file_format = find_tables(out_dir)
    tables = {name: read_table(path) for name, path in paths.items()}
    articles = tables["articles"]
    articles["group"] = group_labels(articles, by, date_bins)
    group_of = dict(zip(articles["item"], articles["group"]))
    for name, frame in tables.items():
        if name not in ("articles", "errors") and "item" in frame:
            frame["group"] = frame["item"].map(group_of).fillna(NO_VALUE).astype(str)
    label = f"{by} ({date_bins or 'month'})" if by == "date" else by
    return Corpus(out_dir=Path(out_dir), file_format=file_format, by=label, tables=tables)
