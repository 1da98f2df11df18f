"""Per-article limits of corpus mode, on every engine: a time limit (``--article-timeout``) and a memory
ceiling (``--article-memory``).

The analysis is pure Python: no thread can stop it from outside, and a process that runs away takes its
whole batch with it. So the articles are analysed in child processes (``ArticlePool``: one per local worker;
on Dask, one per Dask worker, started by the task) that the parent watches, in two steps:

- in the child, a guard thread looks every 50 ms at the running article's time and the process's resident
  memory (RSS); past a limit it raises ``ArticleStopped`` into the analysis (a signal to the main thread,
  whose handler raises it). The article becomes a row of the errors table, with the stage it was in and the
  reason, and the child goes on with the next article of its batch;
- the parent kills a child that does not stop so (stuck in C code for GRACE seconds past the time limit, or
  above the ceiling for GRACE seconds), or that dies (the kernel's out-of-memory killer, a crash): the article
  it was on is recorded with the reason and a new child takes the rest of the batch.

The ceiling is on resident memory, what `top` shows as RES, not on address space: a worker maps some 1.6 GB
it never touches, so RLIMIT_AS would leave an article well under half of a 2 GB ceiling. The guard needs
Linux's /proc for memory; elsewhere only the time limit applies.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing import connection

from .tables import ArticleStopped, analyse_item, error_record
from ..analysis import Options, analyze
from ..text.loader import load_text

DEFAULT_TIMEOUT = 60.0          # seconds per article
DEFAULT_MEMORY_MB = 2048        # resident memory of the process analysing an article
POLL = 0.05                     # how often the guard looks
GRACE = 5.0                     # seconds a child gets to stop an article itself before it is killed
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT        # seconds per article; 0: none
    memory_mb: int = DEFAULT_MEMORY_MB      # MB of resident memory per worker process; 0: none
    analyse: str | None = None              # tests only: "module:function" standing in for analysis.analyze

    def __post_init__(self):
        if self.timeout < 0 or self.memory_mb < 0:
            raise ValueError("limits must be 0 (none) or more")

    @property
    def timeout_message(self) -> str:
        return f"stopped after {self.timeout:g} s (--article-timeout)"

    @property
    def memory_message(self) -> str:
        return f"over the {self.memory_mb} MB memory ceiling (--article-memory)"


def rss_mb(pid: int | str = "self") -> float | None:
    """Resident memory of a process in MB (Linux); None where /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE / 2**20
    except (OSError, ValueError, IndexError):
        return None


# --- the child ------------------------------------------------------------------------------------------

class _Guard:
    """In a child: stops the running article (ArticleStopped in the main thread) past a limit."""

    def __init__(self):
        self.limits = Limits(0, 0)
        self.count = 0
        self.current = 0            # number of the article being analysed; 0 between articles
        self.started = 0.0
        self.pending = None         # (article number, error type, message) for the signal handler
        self.main = threading.get_ident()
        if hasattr(signal, "SIGUSR1") and hasattr(signal, "pthread_kill"):     # POSIX; elsewhere the parent
            signal.signal(signal.SIGUSR1, self._stop)                          # alone enforces the time limit
            threading.Thread(target=self._watch, name="newslens-article-guard", daemon=True).start()

    def _stop(self, signum, frame):
        pending = self.pending
        if pending and pending[0] == self.current:      # else the article ended meanwhile: nothing to stop
            raise ArticleStopped(pending[1], pending[2])

    def _watch(self):
        while True:
            time.sleep(POLL)
            number, limits = self.current, self.limits
            if not number or (self.pending and self.pending[0] == number):
                continue
            if limits.timeout and time.monotonic() - self.started > limits.timeout:
                self.pending = (number, "TimeLimit", limits.timeout_message)
            elif limits.memory_mb and (rss_mb() or 0) > limits.memory_mb:
                self.pending = (number, "MemoryLimit", limits.memory_message)
            else:
                continue
            signal.pthread_kill(self.main, signal.SIGUSR1)

    def run(self, item, options, stage_buffer, analyse) -> dict:
        stage = ["read"]

        def on_stage(name):
            stage[0] = name
            stage_buffer.value = name.encode()

        self.count += 1
        self.started = time.monotonic()
        self.current = self.count
        try:
            try:
                return analyse_item(item, options, on_stage, analyse)
            finally:
                self.current = 0
        except ArticleStopped as exc:           # a stop that landed just as the article ended
            return error_record(stage[0], exc.error_type, str(exc))


def _die_with_parent() -> None:
    """Linux: the kernel kills this child when its parent dies (even by `kill -9`)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)          # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _release_memory() -> None:
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)                    # glibc: hand freed heap back to the system
    except (OSError, AttributeError):
        pass


def resolve_analyse(name: str | None):
    if not name:
        return analyze
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def warm_up() -> None:
    """The first analysis in a process loads lexicons, gazetteer and models (seconds): done before the clock
    of the first article starts, on a short text, so that the time limit measures articles."""
    try:
        analyze(load_text(b"Warm-up\n\nKyiv and Moscow met in Geneva on Monday. The talks went on.\n",
                          "warm-up", "plaintext"), Options())
    except Exception:
        pass


def _child_main(conn, stage_buffer) -> None:
    """A child's life: batches in, one ("done", key, result) message per article out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)           # Ctrl-C is the driver's to handle
    _die_with_parent()
    warm_up()
    guard = _Guard()
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        batch, options, limits = message
        guard.limits = limits
        analyse = resolve_analyse(limits.analyse)
        for key, item in batch:
            result = guard.run(item, options, stage_buffer, analyse)
            try:
                conn.send(("done", key, result))
            except OSError:                     # the parent is gone: nobody to work for
                return
            except Exception as exc:            # an unpicklable or too large result: that article only
                conn.send(("done", key, error_record("tables", type(exc).__name__,
                                                     f"the result could not be sent back ({exc})")))
            if result.get("error", {}).get("error_type") in ("MemoryLimit", "MemoryError"):
                _release_memory()
                if limits.memory_mb and (rss_mb() or 0) > limits.memory_mb:
                    conn.send(("retire",))      # still over: a fresh process takes the rest of the batch
                    return


# --- the parent -----------------------------------------------------------------------------------------

class _Child:
    def __init__(self, ctx):
        self.stage = ctx.Array("c", 16, lock=False)
        self.conn, child_end = ctx.Pipe()
        self.process = ctx.Process(target=_child_main, args=(child_end, self.stage), daemon=True,
                                   name="newslens-article-worker")
        self.process.start()
        child_end.close()
        self.queue: list = []           # (key, item) sent and not yet answered, in order
        self.ready = False              # warmed up: the clock of its articles runs
        self.since = 0.0                # when the article at the head of the queue started
        self.over_since = None          # when the child was first seen above the ceiling

    def send(self, batch, options, limits) -> None:
        self.stage.value = b"read"
        self.queue = list(batch)
        self.since = time.monotonic()
        self.over_since = None
        self.conn.send((batch, options, limits))

    def receive(self) -> tuple[list, bool, bool]:
        """(finished [(key, result)], retired, gone) from what the child has sent so far."""
        finished, retired = [], False
        try:
            while self.conn.poll():
                message = self.conn.recv()
                if message[0] == "ready":
                    self.ready = True
                    self.since = time.monotonic()
                    continue
                if message[0] == "retire":
                    retired = True
                    break
                key, result = message[1], message[2]
                if self.queue and self.queue[0][0] == key:
                    self.queue.pop(0)
                finished.append((key, result))
                self.since = time.monotonic()
                self.over_since = None
        except (EOFError, OSError):
            return finished, retired, True
        return finished, retired, False

    def stop(self, kill: bool = False) -> None:
        if self.process.is_alive() and not kill:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode == signal.SIGKILL:
            return f"the worker process was killed ({name}; the system may have run out of memory)"
        return f"the worker process died ({name})"
    return f"the worker process ended (exit code {exitcode})"


class ArticlePool:
    """Child processes analysing batches of articles under the limits; see the module's docstring."""

    def __init__(self, workers: int):
        # Children forked from a forkserver that warmed up once (``warm.py``): they start in milliseconds, warm,
        # and small (not a copy of a driver that may be a notebook holding gigabytes, which would count against
        # the ceiling; nor of a process with threads). Elsewhere: spawn, and each child warms up itself.
        if "forkserver" in multiprocessing.get_all_start_methods():
            self.ctx = multiprocessing.get_context("forkserver")
            self.ctx.set_forkserver_preload([f"{__package__}.warm"])
        else:
            self.ctx = multiprocessing.get_context("spawn")
        self.workers = workers
        self.children: list[_Child] = []

    def run(self, batches, options, limits: Limits):
        """Yields [(key, result)] as articles finish; every article of every batch gets a result."""
        batches = iter(batches)
        first = next(batches, None)
        if first is None:                       # all cached: no process to start
            return
        batches = itertools.chain([first], batches)
        exhausted = False
        while len(self.children) < self.workers:
            self.children.append(_Child(self.ctx))
        while True:
            for n, child in enumerate(self.children):
                if not child.queue and not exhausted:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                    else:
                        self._send(n, batch, options, limits)
            busy = [child for child in self.children if child.queue]
            if not busy:
                return
            connection.wait([c.conn for c in busy] + [c.process.sentinel for c in busy], timeout=2 * POLL)
            for n, child in enumerate(self.children):
                if not child.queue:
                    continue
                finished, retired, gone = child.receive()
                if finished:
                    yield finished
                problem = None
                if retired:
                    problem = "retired"
                elif gone or not child.process.is_alive():
                    child.process.join()
                    more, _, _ = child.receive()        # whatever it sent before it died
                    if more:
                        yield more
                    problem = ("WorkerDied", _death(child.process.exitcode))
                elif child.queue and child.ready:
                    problem = self._over_limit(child, limits)
                if problem is None:
                    continue
                child.stop(kill=True)
                rest = child.queue
                if problem != "retired" and rest:
                    (key, _), rest = rest[0], rest[1:]
                    stage = child.stage.value.decode() or "read"
                    yield [(key, error_record(stage, *problem))]
                self.children[n] = _Child(self.ctx)
                if rest:
                    self._send(n, rest, options, limits)

    def _send(self, n: int, batch, options, limits) -> None:
        """A batch to child n; a child that died idle is replaced, and no article blamed for it."""
        try:
            self.children[n].send(batch, options, limits)
        except OSError:
            self.children[n].stop(kill=True)
            self.children[n] = _Child(self.ctx)
            self.children[n].send(batch, options, limits)

    def _over_limit(self, child: _Child, limits: Limits):
        now = time.monotonic()
        if limits.timeout and now - child.since > limits.timeout + GRACE:
            return "TimeLimit", limits.timeout_message
        if limits.memory_mb:
            if (rss_mb(child.process.pid) or 0) > limits.memory_mb:
                child.over_since = child.over_since or now
                if now - child.over_since > GRACE:
                    return "MemoryLimit", limits.memory_message
            else:
                child.over_since = None
        return None

    def close(self, kill: bool = False) -> None:
        for child in self.children:
            child.stop(kill=kill)
        self.children = []


# --- on Dask: one child process per Dask worker, kept between tasks -------------------------------------

_POOLS: dict[int, ArticlePool] = {}
_POOLS_LOCK = threading.Lock()


def analyse_batch_limited(batch: list, options, limits: Limits) -> list[tuple[str, dict]]:
    """A Dask task: [(key, result)] for a batch, analysed under the limits in a child process of this
    worker (a Dask task runs in a thread, which cannot be stopped)."""
    ident = threading.get_ident()
    with _POOLS_LOCK:
        pool = _POOLS.get(ident)
        if pool is None:
            # Dask starts its workers as daemonic processes, which multiprocessing forbids to have children
            # (they would outlive it). Ours cannot: the kernel kills them with their parent (PR_SET_PDEATHSIG),
            # and close_pools() ends them at the end of a run.
            multiprocessing.current_process()._config["daemon"] = False
            pool = _POOLS[ident] = ArticlePool(1)
    try:
        return [pair for finished in pool.run([batch], options, limits) for pair in finished]
    except BaseException:
        with _POOLS_LOCK:
            _POOLS.pop(ident, None)
        pool.close(kill=True)
        raise


def close_pools() -> None:
    """End the child processes of this (Dask worker) process: at the end of a run."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()
