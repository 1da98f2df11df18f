"""Run the per-article analysis over a corpus: on this machine (a process pool) or on Dask (a LocalCluster
or a given scheduler), resumable, with progress, then write the corpus tables.

Two passes over the input. The first lists the articles (source, metadata, content hash) and sends those
not yet in the result cache to the engine, a few batches in flight at a time; each result is written to the
cache as it arrives. The second reads the cache in input order and appends every article's rows to the
tables. So the driver never holds more than a few batches, a rerun skips what is done, a run killed half-way
resumes, and the tables are the same bytes whichever engine, worker count or interruption came before.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import Options
from ..report.output import prepare_output_dir, record_outputs, write_json
from . import inputs
from .store import ResultCache, TableWriter, cache_key
from .tables import ARTICLE_COLUMNS, ERROR_COLUMNS, KEYS, TABLE_COLUMNS, analyse_batch

def _newslens_version() -> str:
    """The installed version and a digest of the package's code and data: an edited checkout (same version
    number, different code) must not reuse results cached by the old code."""
    from importlib.metadata import version

    from ..paths import PACKAGE_DIR

    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".txt"):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{version('newslens')}+{digest.hexdigest()[:12]}"


BATCH = 8                   # articles per task: small enough to spread, large enough to amortise the hop
IN_FLIGHT_PER_WORKER = 3    # tasks queued per worker: keeps workers busy without holding the corpus
FLUSH_ARTICLES = 200        # articles per Parquet row group / CSV append when the tables are written


@dataclass
class CorpusRun:
    """What a run did: counts, timings and where the tables are."""
    out_dir: Path
    analysed: int = 0
    cached: int = 0
    duplicates: int = 0
    errors: int = 0
    articles: int = 0
    seconds: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{self.analysed} analysed, {self.cached} skipped (cached), {self.errors} errors"
                + (f", {self.duplicates} duplicates analysed once" if self.duplicates else ""))


def _options_key(options: Options) -> str:
    return json.dumps({"input_format": options.input_format, "allow_non_english": options.allow_non_english,
                       "extras": sorted(options.extras)}, sort_keys=True)


def _progress(quiet: bool, count):
    """A tqdm bar (articles/s, ETA) on a terminal; nothing when quiet or not a terminal. ``count()`` lists
    the input once more for the total: cheap beside the analysis, and what an ETA needs."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=count(), unit="article", desc="newslens corpus", file=sys.stderr, smoothing=0.1)


# --- engines: each takes batches [(key, item)] and yields [(key, result)] as they finish ------------------

def _run_inline(batches, options):
    for batch in batches:
        yield analyse_batch(batch, options)


def _run_local(batches, options, workers: int):
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = set()
        for batch in batches:
            pending.add(pool.submit(analyse_batch, batch, options))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in pending:
            yield future.result()


def _run_dask(batches, options, workers: int, scheduler: str | None, processes: bool = True):
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        # One thread per worker process: the per-article work is pure Python and holds the GIL.
        # The scheduler and its workers talk over TCP on the loopback address only, never a public interface.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, protocol="tcp",
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        limit = max(len(client.scheduler_info()["workers"]), 1) * IN_FLIGHT_PER_WORKER
        queue = as_completed()
        in_flight = 0
        for batch in batches:
            queue.add(client.submit(analyse_batch, batch, options, pure=False))
            in_flight += 1
            if in_flight >= limit:
                future = next(queue)
                in_flight -= 1
                yield future.result()
                future.release()
        for future in queue:
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- the run -------------------------------------------------------------------------------------------

def run_corpus(input_path, out_dir, *, options: Options | None = None, engine: str = "local",
               workers: int | None = None, scheduler: str | None = None, file_format: str = "parquet",
               limit: int | None = None, quiet: bool = False, dask_processes: bool = True) -> CorpusRun:
    """Analyse every article of ``input_path`` and write the corpus tables to ``out_dir``."""
    options = options or Options()
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
        results = _run_dask(batches(), options, workers, scheduler, processes=dask_processes)
    elif engine == "local" and workers > 1:
        results = _run_local(batches(), options, workers)
    elif engine == "local":
        results = _run_inline(batches(), options)
    else:
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    try:
        for finished in results:
            for key, result in finished:
                cache.put(key, result)
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
    rate = run.analysed / run.seconds["analyse"] if run.seconds["analyse"] and run.analysed else 0.0
    write_json({
        "newslens_version": __version__,
        "input": str(input_path), "input_fingerprint": fingerprint.hexdigest(),
        "options": {"engine": engine, "workers": workers, "scheduler": scheduler, "format": file_format,
                    "limit": limit, **json.loads(options_key)},
        "counts": {"articles": run.articles, "analysed": run.analysed, "cached": run.cached,
                   "duplicates": run.duplicates, "errors": run.errors},
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
    buffers: dict[str, list] = {name: [] for name in writers}
    first_item: dict[str, int] = {}

    def flush():
        for name, frames in buffers.items():
            if frames:
                writers[name].write(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0])
                frames.clear()

    for n, (index, source, meta, article_id, key) in enumerate(listing, start=1):
        result = cache.get(key)
        if "error" in result:
            run.errors += 1
            error = result["error"]
            buffers["errors"].append(pd.DataFrame([{
                "item": index, "source": source, "outlet": meta.get("outlet", ""), "date": meta.get("date", ""),
                **error}]))
        else:
            summary = result["summary"]
            row = {**summary, **{k: v for k, v in meta.items() if v not in ("", None)}}
            row.update({"item": index, "article_id": article_id, "source": source,
                        "outlet": meta.get("outlet", ""), "date": meta.get("date") or summary.get("date") or "",
                        "duplicate_of_item": first_item.get(key)})
            first_item.setdefault(key, index)
            buffers["articles"].append(pd.DataFrame([row]))
            run.articles += 1
            keys = {"item": index, "article_id": article_id, "outlet": row["outlet"], "date": row["date"]}
            for name, frame in result["tables"].items():
                if len(frame):
                    buffers[name].append(frame.assign(**keys))
        if n % 200 == 0:
            flush()
    flush()
    for name, writer in writers.items():
        run.tables[name] = (writer.close(), writer.rows)


def corpus_for_notebooks(corpus_in=None, corpus_out=None, workers: int = 2) -> Path:
    """The corpus output folder the corpus notebooks read, given their two parameters.

    ``corpus_out`` alone: an earlier ``newslens corpus`` run, read as it is. Otherwise ``corpus_in`` (default:
    the demo corpus) is analysed into ``corpus_out`` (default: ``out/corpus``), reading what is cached.
    """
    from ..paths import REPO_ROOT

    source = Path(corpus_in) if corpus_in else REPO_ROOT / "corpus" / "demo"
    tables_dir = Path(corpus_out) if corpus_out else REPO_ROOT / "out" / "corpus"
    if corpus_in or not corpus_out:
        run_corpus(source, tables_dir, workers=workers, quiet=True)
    return tables_dir
