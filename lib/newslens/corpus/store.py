"""Where a corpus run keeps its work: one cache file per analysed article (what makes a run resumable), and
the final tables, written a batch of articles at a time so that memory does not grow with the corpus.

Every file is written to a temporary name and renamed into place: a run killed at any moment leaves whole
files or none, never half a table.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from ..schema import CORPUS_TABLES, FLOAT, INT, NULLABLE_INT
from ..report.output import CSV_FLOAT_FORMAT, guard_csv

CACHE_DIR = ".newslens-cache"


def cache_key(article_id: str, input_format: str, options_key: str, version: str) -> str:
    """What decides an article's result: its bytes, how they are read, the options and the newslens version."""
    return hashlib.sha256(f"{article_id}|{input_format}|{options_key}|{version}".encode()).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ResultCache:
    """Per-article results under OUT/.newslens-cache/, named by cache key (pickle: newslens's own files)."""

    def __init__(self, out_dir: Path):
        self.folder = Path(out_dir) / CACHE_DIR

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self.path(key).exists()

    def put(self, key: str, result: dict) -> None:
        _atomic_write(self.path(key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def get(self, key: str) -> dict:
        with open(self.path(key), "rb") as fh:
            return pickle.load(fh)


class TableWriter:
    """Appends rows to one table, batch by batch, as Parquet row groups or CSV lines, into a temporary
    file; ``close()`` renames it into place. Columns and types are fixed by the first batch. CSV text that
    a spreadsheet would run as a formula is guarded as ``write_csv`` does; Parquet keeps every value exact."""

    def __init__(self, path: Path, file_format: str, columns: list[str]):
        self.path = path
        self.format = file_format
        self.columns = columns
        self.tmp = path.with_name(f".{path.name}.partial")
        self.tmp.unlink(missing_ok=True)
        self._writer = None
        self._schema = None
        self.rows = 0

    def write(self, frame) -> None:
        frame = frame.reindex(columns=self.columns)
        if self.format == "csv":
            guard_csv(frame).to_csv(self.tmp, mode="a", header=self.rows == 0 and not self.tmp.exists(),
                                    index=False, float_format=CSV_FLOAT_FORMAT, lineterminator="\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            if self._schema is None:
                self._schema = _schema(frame)
                self._writer = pq.ParquetWriter(self.tmp, self._schema, compression="zstd")
            self._writer.write_table(pa.Table.from_pandas(_conform(frame, self._schema), schema=self._schema,
                                                          preserve_index=False))
        self.rows += len(frame)

    def close(self) -> Path:
        if self.format == "csv":
            if not self.tmp.exists():           # no rows at all: the header alone
                import pandas as pd

                pd.DataFrame(columns=self.columns).to_csv(self.tmp, index=False, lineterminator="\n")
        else:
            if self._writer is None:
                import pandas as pd

                self.write(pd.DataFrame(columns=self.columns))
            self._writer.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)
        return self.path


# Column types of the Parquet files: declared (newslens.schema), not guessed from the first batch, so that
# every batch (and every run) writes the same schema. Anything not listed is text.
INTEGER_COLUMNS = {c.name for t in CORPUS_TABLES.values() for c in t.columns if c.dtype in (INT, NULLABLE_INT)}
FLOAT_COLUMNS = {c.name for t in CORPUS_TABLES.values() for c in t.columns if c.dtype == FLOAT}


def _schema(frame):
    import pyarrow as pa

    fields = []
    for column in frame.columns:
        kind = pa.int64() if column in INTEGER_COLUMNS else pa.float64() if column in FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def _conform(frame, schema):
    """The frame with every column in its declared type (nullable integers, floats, text)."""
    import pandas as pd

    out = {}
    for f in schema:
        column = frame[f.name]
        if f.name in INTEGER_COLUMNS:
            out[f.name] = pd.to_numeric(column, errors="coerce").astype("Int64")
        elif f.name in FLOAT_COLUMNS:
            out[f.name] = pd.to_numeric(column, errors="coerce").astype("float64")
        else:
            out[f.name] = column.astype("object").where(column.notna(), None).map(
                lambda v: v if v is None or isinstance(v, str) else str(v))
    return pd.DataFrame(out)
