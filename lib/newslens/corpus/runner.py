"""Run the per-article analysis over a corpus: on this machine (a process pool) or on Dask (a LocalCluster
or a given scheduler), resumable, with progress, then write the corpus tables.

Two passes over the input. The first lists the articles (source, metadata, content hash) and sends those
not yet in the result cache to the engine, a few batches in flight at a time; each result is written to the
cache as it arrives. The second reads the cache in input order and appends every article's rows to the
tables. So the driver never holds more than a few batches, a rerun skips what is done, a run killed half-way
resumes, and the tables are the same bytes whichever engine, worker count or interruption came before.

Every engine analyses under the per-article limits (a time limit, a memory ceiling: ``limits.py``) in child
processes it watches; an article stopped by a limit, or whose process died, is a row of the errors table and
the run goes on. With no limits and one worker, the articles are analysed in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import Options
from ..report.output import prepare_output_dir, record_outputs, write_json
from ..report.progress import progress_bar
from . import inputs
from .limits import (DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, ArticlePool, Limits, analyse_batch_limited, close_pools,
                     resolve_analyse)
from .store import ResultCache, TableWriter, cache_key
from .tables import ARTICLE_COLUMNS, ERROR_COLUMNS, KEYS, TABLE_COLUMNS, analyse_batch, error_record
from ..paths import PACKAGE_DIR, REPO_ROOT

def _newslens_version() -> str:
    """The installed version and a digest of the package's code and data: an edited checkout (same version
    number, different code) must not reuse results cached by the old code."""
    from importlib.metadata import version


    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".txt"):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{version('newslens')}+{digest.hexdigest()[:12]}"


class CorpusEngineError(Exception):
    """The engine cannot go on (a Dask scheduler out of reach, no Dask worker left): a one-line message."""


SCHEDULER_TIMEOUT = 10      # seconds to reach a --scheduler
NO_WORKERS_WAIT = 60        # seconds a Dask run waits with no worker before it gives up
BATCH = 8                   # articles per task: small enough to spread, large enough to amortise the hop
IN_FLIGHT_PER_WORKER = 3    # tasks queued per worker: keeps workers busy without holding the corpus
FLUSH_ARTICLES = 200        # articles per Parquet row group / CSV append when the tables are written


@dataclass
class CorpusRun:
    """What a run did: counts, timings and where the tables are (``tables``: name -> (path, rows)).

        >>> CorpusRun(out_dir=Path("out/corpus"), analysed=49, cached=2, errors=1).summary()
        '49 analysed, 2 skipped (cached), 1 errors'
    """
    out_dir: Path
    analysed: int = 0           # analysed by this run, errors apart
    cached: int = 0             # found in the cache (analysed or failed before)
    duplicates: int = 0
    errors: int = 0             # rows of the errors table: failed in this run or (cached) in an earlier one
    failed: int = 0             # failed in this run
    articles: int = 0
    seconds: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{self.analysed} analysed, {self.cached} skipped (cached), {self.errors} errors"
                + (f", {self.duplicates} duplicates analysed once" if self.duplicates else ""))


def _options_key(options: Options) -> str:
    # lang only when given: the key of a run without it stays what it was, and its cache is reused.
    return json.dumps({"input_format": options.input_format, "allow_non_english": options.allow_non_english,
                       "extras": sorted(options.extras), **({"lang": options.lang} if options.lang else {})},
                      sort_keys=True)


def _progress(quiet: bool, count):
    """A bar of articles (articles/s, ETA) on a terminal. ``count()`` lists the input once more for the total:
    cheap beside the analysis, and what an ETA needs."""
    return progress_bar(quiet, count, "article", "newslens corpus")


# --- engines: each takes batches [(key, item)] and yields [(key, result)] as they finish ------------------

def _run_inline(batches, options, limits: Limits):
    """No limits, one worker: in this process."""
    analyse = resolve_analyse(limits.analyse)
    for batch in batches:
        yield analyse_batch(batch, options, analyse)


def _run_local(batches, options, workers: int, limits: Limits):
    pool = ArticlePool(workers)
    finished = False
    try:
        yield from pool.run(batches, options, limits)
        finished = True
    finally:
        pool.close(kill=not finished)


def _run_dask(batches, options, workers: int, scheduler: str | None, limits: Limits, processes: bool = True):
    from dask.distributed import Client, LocalCluster, wait

    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise CorpusEngineError(f"cannot reach the Dask scheduler at {scheduler} within {SCHEDULER_TIMEOUT} s "
                                    f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
        cluster = None
    else:
        # One thread per worker process: the per-article work is pure Python and holds the GIL.
        # The scheduler and its workers talk over TCP on the loopback address only, never a public interface.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, protocol="tcp",
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        limit = max(len(client.scheduler_info()["workers"]), 1) * IN_FLIGHT_PER_WORKER
        submitted = {}              # future -> its batch, to retry when a worker died under it

        def submit(batch):
            future = client.submit(analyse_batch_limited, batch, options, limits, pure=False)
            submitted[future] = batch

        def collect(future):
            batch = submitted.pop(future)
            try:
                return future.result()
            except Exception as exc:    # the Dask worker itself died (KilledWorker) or the task failed
                if len(batch) > 1:      # which article was it? each alone, to know
                    for one in batch:
                        submit([one])
                    return []
                if type(exc).__name__ == "KilledWorker":
                    message = "every Dask worker that took it died (the scheduler gave up on it)"
                else:
                    message = f"the Dask task failed on it ({str(exc).splitlines()[0] if str(exc) else '?'})"
                return [(batch[0][0], error_record("analysis", type(exc).__name__, message))]
            finally:
                future.release()

        def next_done():
            """A finished task (waited for, not polled); gives up after NO_WORKERS_WAIT s without a worker."""
            alone_since = None
            while True:
                try:
                    done = wait(list(submitted), timeout=1, return_when="FIRST_COMPLETED").done
                except TimeoutError:
                    done = None
                if done:
                    return next(iter(done))
                if client.nthreads():
                    alone_since = None
                elif alone_since is None:
                    alone_since = time.monotonic()
                elif time.monotonic() - alone_since > NO_WORKERS_WAIT:
                    sources = [item.source for batch in submitted.values() for _, item in batch]
                    raise CorpusEngineError(
                        f"no Dask worker for {NO_WORKERS_WAIT} s: gave up with {len(sources)} articles sent and not "
                        f"analysed ({', '.join(sources[:3])}{', ...' if len(sources) > 3 else ''}) and the rest of "
                        "the input not sent; the results already cached stay: run the same command again "
                        "(with workers) to resume")

        for batch in batches:
            submit(batch)
            if len(submitted) >= limit:
                yield collect(next_done())
        while submitted:
            yield collect(next_done())
        try:
            client.run(close_pools)     # the workers' child processes end with the run
        except Exception:
            pass
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- the run -------------------------------------------------------------------------------------------

def run_corpus(input_path, out_dir, *, options: Options | None = None, engine: str = "local",
               workers: int | None = None, scheduler: str | None = None, file_format: str = "parquet",
               limit: int | None = None, quiet: bool = False, dask_processes: bool = True,
               article_timeout: float = DEFAULT_TIMEOUT, article_memory: int = DEFAULT_MEMORY_MB,
               _analyse: str | None = None) -> CorpusRun:
    """Analyse every article of ``input_path`` and write the corpus tables to ``out_dir``.

    ``article_timeout`` (seconds) and ``article_memory`` (MB of resident memory per worker process) stop an
    article that takes longer or more; 0 is no limit. ``_analyse`` ("module:function", for tests) stands in
    for ``newslens.analysis.analyze`` in the workers. A worked example is in ``newslens.corpus``'s docstring:

        >>> run = run_corpus("corpus/demo", "out/corpus")      # doctest: +SKIP
        >>> run.summary()                                      # doctest: +SKIP
        '51 analysed, 0 skipped (cached), 0 errors'
    """
    options = options or Options()
    limits = Limits(article_timeout, article_memory, _analyse)
    workers = workers or os.cpu_count() or 1
    # A folder newslens made (or an empty one): marked as newslens's, so `newslens corpus` may write there again.
    out = prepare_output_dir(out_dir)
    cache = ResultCache(out)
    run = CorpusRun(out_dir=out)
    options_key = _options_key(options)
    __version__ = _newslens_version()
    started = time.perf_counter()

    # Pass 1: list the articles; send the uncached ones to the engine.
    listing = []                    # (index, source, meta, article_id, key) per article: small
    fingerprint = hashlib.sha256()
    seen: set[str] = set()

    def batches():
        batch = []
        for item in inputs.iter_items(input_path, limit):
            if not item.problem:
                try:
                    # Read once, here: the bytes travel with the task (a Dask worker may not share this disk).
                    item.content = item.raw()
                except OSError as exc:
                    item.problem = f"cannot be read ({exc.strerror or exc})"
            article_id = item.article_id()
            key = cache_key(article_id or f"problem:{item.source}", item.input_format, options_key, __version__)
            listing.append((item.index, item.source, item.meta, article_id, key))
            fingerprint.update(f"{item.source}\0{article_id}\n".encode())
            if key in seen:             # the same text again: analysed once, listed twice
                run.duplicates += 1
                tick()
                continue
            seen.add(key)
            if cache.has(key):
                run.cached += 1
                tick()
                continue
            batch.append((key, item))
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    inputs.describe(input_path)                 # a bad INPUT fails here, before any engine starts
    bar = _progress(quiet, lambda: sum(1 for _ in inputs.iter_items(input_path, limit)))

    def tick():
        if bar is not None:
            bar.update(1)

    if engine == "dask":
        results = _run_dask(batches(), options, workers, scheduler, limits, processes=dask_processes)
    elif engine == "local" and (workers > 1 or limits.timeout or limits.memory_mb):
        results = _run_local(batches(), options, workers, limits)
    elif engine == "local":
        results = _run_inline(batches(), options, limits)
    else:
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    try:
        for finished in results:
            for key, result in finished:
                cache.put(key, result)
                if "error" in result:
                    run.failed += 1
                else:
                    run.analysed += 1
                tick()
    finally:
        if bar is not None:
            bar.close()
    run.seconds["analyse"] = round(time.perf_counter() - started, 3)

    # Pass 2: the tables, in input order, from the cache.
    t = time.perf_counter()
    _write_tables(run, cache, listing, file_format)
    run.seconds["write"] = round(time.perf_counter() - t, 3)
    run.seconds["total"] = round(time.perf_counter() - started, 3)
    done = run.analysed + run.failed
    rate = done / run.seconds["analyse"] if run.seconds["analyse"] and done else 0.0
    write_json({
        "newslens_version": __version__,
        "input": str(input_path), "input_fingerprint": fingerprint.hexdigest(),
        "options": {"engine": engine, "workers": workers, "scheduler": scheduler, "format": file_format,
                    "limit": limit, "article_timeout": limits.timeout, "article_memory": limits.memory_mb,
                    **json.loads(options_key)},
        "counts": {"articles": run.articles, "analysed": run.analysed, "cached": run.cached,
                   "duplicates": run.duplicates, "errors": run.errors, "failed": run.failed},
        "seconds": run.seconds, "articles_per_second": round(rate, 2),
        "tables": {name: {"file": path.name, "rows": rows} for name, (path, rows) in run.tables.items()},
    }, out / "manifest.json")
    # The tables of an earlier run that this one did not write (another --format, fewer tables) go: the
    # folder holds this run's tables only. The result cache stays (it is keyed on content and options).
    record_outputs(out, "corpus", [path for path, _ in run.tables.values()] + [out / "manifest.json"])
    return run


def _write_tables(run: CorpusRun, cache: ResultCache, listing, file_format: str) -> None:
    import pandas as pd

    suffix = ".parquet" if file_format == "parquet" else ".csv"
    # Manifest or export columns beyond ours ride along in `articles`, in name order.
    extra_meta = sorted({k for _, _, meta, _, _ in listing for k in meta} - set(ARTICLE_COLUMNS))
    writers = {"articles": TableWriter(run.out_dir / f"articles{suffix}", file_format, ARTICLE_COLUMNS + extra_meta),
               "errors": TableWriter(run.out_dir / f"errors{suffix}", file_format, ERROR_COLUMNS)}
    for name, columns in TABLE_COLUMNS.items():
        writers[name] = TableWriter(run.out_dir / f"{name}{suffix}", file_format, KEYS + columns)
    rows: dict[str, list] = {"articles": [], "errors": []}          # one dict per article
    parts: dict[str, list] = {name: [] for name in TABLE_COLUMNS}   # (keys, Arrow table) per article
    first_item: dict[str, int] = {}

    def flush():
        # One DataFrame, or one Arrow table, per table and batch of articles: not one per article.
        for name, records in rows.items():
            if not records:
                continue
            if file_format == "csv":
                # CSV prints what pandas makes of one-row frames put together: a float column with an empty
                # value in any row of the batch becomes text, printed unrounded. Kept so, byte for byte.
                writers[name].write(pd.concat([pd.DataFrame([r]) for r in records], ignore_index=True)
                                    if len(records) > 1 else pd.DataFrame(records))
            else:
                writers[name].write(pd.DataFrame(records))      # the declared types make it the same
            records.clear()
        for name, pieces in parts.items():
            if pieces:
                writers[name].write_arrow(_with_keys(pieces))
                pieces.clear()

    for n, (index, source, meta, article_id, key) in enumerate(listing, start=1):
        result = cache.get(key)
        if "error" in result:
            run.errors += 1
            rows["errors"].append({"item": index, "source": source, "outlet": meta.get("outlet", ""),
                                   "date": meta.get("date", ""), **result["error"]})
        else:
            summary = result["summary"]
            row = {**summary, **{k: v for k, v in meta.items() if v not in ("", None)}}
            row.update({"item": index, "article_id": article_id, "source": source,
                        "outlet": meta.get("outlet", ""), "date": meta.get("date") or summary.get("date") or "",
                        "duplicate_of_item": first_item.get(key)})
            first_item.setdefault(key, index)
            rows["articles"].append(row)
            run.articles += 1
            keys = (index, article_id, row["outlet"], row["date"])
            for name, table in result["tables"].items():
                if table.num_rows:
                    parts[name].append((keys, table))
        if n % FLUSH_ARTICLES == 0:
            flush()
    flush()
    for name, writer in writers.items():
        run.tables[name] = (writer.close(), writer.rows)


def _with_keys(pieces):
    """The articles' tables of one corpus table as one Arrow table, each row led by its article's keys."""
    import numpy as np
    import pyarrow as pa

    repeat = pa.array(np.repeat(np.arange(len(pieces)), [table.num_rows for _, table in pieces]))
    table = pa.concat_tables([table for _, table in pieces])
    keys = list(zip(*(keys for keys, _ in pieces)))
    columns = [pa.array(keys[0], pa.int64()).take(repeat)]
    columns += [pa.array([None if v is None else str(v) for v in values], pa.string()).take(repeat)
                for values in keys[1:]]
    return pa.Table.from_arrays(columns + table.columns, names=KEYS + table.column_names)


def corpus_for_notebooks(corpus_in=None, corpus_out=None, workers: int = 2) -> Path:
    """The corpus output folder the corpus notebooks read, given their two parameters.

    ``corpus_out`` alone: an earlier ``newslens corpus`` run, read as it is. Otherwise ``corpus_in`` (default:
    the demo corpus) is analysed into ``corpus_out`` (default: ``out/corpus``), reading what is cached.

        >>> corpus_for_notebooks(corpus_out="out/corpus").as_posix()     # read as it is: nothing analysed
        'out/corpus'
    """
    source = Path(corpus_in) if corpus_in else inputs.demo_path()
    tables_dir = Path(corpus_out) if corpus_out else REPO_ROOT / "out" / "corpus"
    if corpus_in or not corpus_out:
        run_corpus(source, tables_dir, workers=workers, quiet=True)
    return tables_dir
