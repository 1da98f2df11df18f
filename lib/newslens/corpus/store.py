"""Where a corpus run keeps its work: one cache file per analysed article (what makes a run resumable), and
the final tables, written a batch of articles at a time so that memory does not grow with the corpus.

An article's result travels and is cached as Arrow, not pickle: the worker turns its rows into Arrow tables
of the declared column types once (``pack_tables``), the driver writes those bytes to the cache as they come
(it never unpacks them then) and, when it writes the corpus tables, reads them back without a copy and
appends a batch of articles' tables to each Parquet file at once. A cache file is plain data: a short JSON
header (the article's summary row, or its error) and one Arrow IPC stream per table.

Every file is written to a temporary name and renamed into place: a run killed at any moment leaves whole
files or none, never half a table.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
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


MAGIC = b"NLRC1\n"            # newslens result cache, format 1
_LENGTH = struct.Struct("<I")


def _json_default(value):
    """numpy scalars in a summary row (an int from a count, a bool) as plain JSON numbers."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _with_length(data: bytes) -> bytes:
    return _LENGTH.pack(len(data)) + data


def pack_tables(tables: dict) -> bytes:
    """{name: pyarrow.Table} as bytes: a JSON index [[name, size]] and one Arrow IPC stream per table."""
    import pyarrow as pa

    index, streams = [], []
    for name, table in tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        stream = sink.getvalue()
        index.append([name, stream.size])
        streams.append(stream)
    return _with_length(json.dumps(index).encode()) + b"".join(stream.to_pybytes() for stream in streams)


def unpack_tables(data) -> dict:
    """pack_tables reversed; the tables point into ``data`` (no copy)."""
    import pyarrow as pa

    buffer = pa.py_buffer(data)
    (size,) = _LENGTH.unpack_from(data, 0)
    offset = _LENGTH.size + size
    tables = {}
    for name, length in json.loads(bytes(data[_LENGTH.size:offset])):
        tables[name] = pa.ipc.open_stream(buffer.slice(offset, length)).read_all()
        offset += length
    return tables


class ResultCache:
    """Per-article results under OUT/.newslens-cache/, named by cache key.

    A result is {"summary": dict, "tables": bytes from pack_tables} or {"error": dict}; ``get`` gives the
    tables back as {name: pyarrow.Table}."""

    def __init__(self, out_dir: Path):
        self.folder = Path(out_dir) / CACHE_DIR

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.arrows"

    def has(self, key: str) -> bool:
        return self.path(key).exists()

    def put(self, key: str, result: dict) -> None:
        head = {k: v for k, v in result.items() if k != "tables"}
        data = MAGIC + _with_length(json.dumps(head, default=_json_default).encode()) + result.get("tables", b"")
        _atomic_write(self.path(key), data)

    def get(self, key: str) -> dict:
        path = self.path(key)
        data = memoryview(path.read_bytes())
        start = len(MAGIC)
        if bytes(data[:start]) != MAGIC:
            raise ValueError(f"{path} is not a newslens result cache file")
        (size,) = _LENGTH.unpack_from(data, start)
        start += _LENGTH.size
        result = json.loads(bytes(data[start:start + size]))
        if "error" not in result:
            result["tables"] = unpack_tables(data[start + size:])
        return result


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

    def write_arrow(self, table) -> None:
        """Rows as a pyarrow.Table already in the declared types (``arrow_table``'s, keys in front)."""
        if self.format == "csv":
            import pandas as pd
            import pyarrow as pa

            # Whole numbers with gaps stay whole numbers (Int64), as the frames they came from printed them.
            self.write(table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get))
            return
        import pyarrow.parquet as pq

        table = table.select(self.columns)
        if self._schema is None:
            self._schema = schema_for(self.columns)
            self._writer = pq.ParquetWriter(self.tmp, self._schema, compression="zstd")
        self._writer.write_table(table.cast(self._schema))
        self.rows += table.num_rows

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


def schema_for(columns):
    """The Arrow schema of these columns: declared integers, declared floats, and text."""
    import pyarrow as pa

    fields = []
    for column in columns:
        kind = pa.int64() if column in INTEGER_COLUMNS else pa.float64() if column in FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def _schema(frame):
    return schema_for(frame.columns)


def arrow_table(frame, columns):
    """A DataFrame's ``columns`` as a pyarrow.Table in the declared types (what the Parquet files hold), with
    the values ``_conform`` gives them, a column at a time: an article's frames are small, and pandas' own
    conversions of a small frame cost more than the analysis that made it."""
    import pyarrow as pa

    schema = schema_for(columns)
    return pa.Table.from_arrays([_arrow_column(frame[f.name] if f.name in frame.columns else None, f.type, len(frame))
                                 for f in schema], schema=schema)


def _arrow_column(column, kind, length: int):
    """One column as ``_conform`` makes it (numbers coerced, text as str, gaps null), in Arrow."""
    import pandas as pd
    import pyarrow as pa

    if column is None:                                  # a column the frame lacks: empty throughout
        return pa.nulls(length, kind)
    dtype = column.dtype
    if kind == pa.string():
        if isinstance(dtype, pd.StringDtype):           # text already: only the gaps to mark
            return pa.array(column, pa.string(), from_pandas=True)
        missing = column.isna().tolist()
        return pa.array([None if gap else value if isinstance(value, str) else str(value)
                         for value, gap in zip(column.tolist(), missing)], pa.string())
    numeric = getattr(dtype, "kind", "") in "iuf" and not isinstance(dtype, pd.api.extensions.ExtensionDtype)
    if kind == pa.float64() and numeric:
        return pa.array(column.to_numpy(dtype="float64"), pa.float64(), from_pandas=True)
    if kind == pa.int64() and numeric and dtype.kind in "iu":
        return pa.array(column.to_numpy(dtype="int64"), pa.int64())
    # Anything else (text that holds numbers, nullable or float whole numbers): pandas' own coercion.
    coerced = pd.to_numeric(column, errors="coerce").astype("Int64" if kind == pa.int64() else "float64")
    return pa.array(coerced, kind, from_pandas=True)


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
