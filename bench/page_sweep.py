"""A sweep over real saved pages: `newslens analyze PAGE --out TMP --no-map` on every saved HTML page of the
public test fixtures of other extraction tools, each in its own process with a time budget; what each run ends
in, how long it takes and how much memory it peaks at.

The pages are not committed; bench/data/page_sweep_pages.csv lists them (repo, commit, path, sha256, bytes).
They live in a local cache folder, by default /work/pages-cache (or $NEWSLENS_PAGE_CACHE), laid out as
``CACHE/<owner>+<name>/<path>``. To re-create it from local git copies of the listed repositories (a clone, or
a bare git dir, of each at the listed commit or later):

    .venv/bin/python bench/page_sweep.py cache \
        --git mozilla/readability=PATH --git AndyTheFactory/newspaper4k=PATH \
        --git codelucas/newspaper=PATH --git go-shiori/go-readability=PATH [--cache DIR]

It copies each listed path at its listed commit out of the git copy and checks its sha256. ``cache --relist``
instead rewrites the CSV from the repositories' current HEAD (the paths in ``SOURCES``), keeping the first copy
of a page that several fixtures share (go-readability ships readability's pages). The trafilatura project's own
saved test pages are deliberately not used: they are kept for independent checks.

Then the sweep (one process at a time; a page over the budget is killed with its process group):

    .venv/bin/python bench/page_sweep.py run [--cache DIR] [--budget 60] [--label TEXT] \
        [--out bench/results/page_sweep]

Outcomes: ok (exit 0); error (exit 2 or 3 with one ``newslens: error:`` line; its kind, e.g. "not English",
"no article text", is recorded); traceback (stderr holds a Python traceback); timeout (killed at the budget);
crash (anything else: another exit code, a signal, an error without the one line). Peak memory is the child's
ru_maxrss from os.wait4. Writes OUT.csv (one row per page) and OUT.md (counts, p50 / p99 / max seconds and
peak MB, every page that is not ok with its reason), against the targets: no hang, no traceback, max <= 10 s,
p99 <= 3 s.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench/, also when loaded by a test
from benchfiles import sha256_of  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PAGES_CSV = REPO / "bench" / "data" / "page_sweep_pages.csv"
DEFAULT_OUT = REPO / "bench" / "results" / "page_sweep"
DEFAULT_CACHE = Path(os.environ.get("NEWSLENS_PAGE_CACHE", "/work/pages-cache"))

# Which saved pages of which repository, in this order (a page already listed from an earlier one is skipped).
SOURCES = {
    "mozilla/readability": ["test/test-pages/*/source.html"],
    "AndyTheFactory/newspaper4k": ["tests/data/html/*.html", "tests/data/html/*.htm"],
    "codelucas/newspaper": ["tests/data/html/*.html", "tests/data/html/*.htm"],
    "go-shiori/go-readability": ["test-pages/*/source.html"],
}
PAGE_FIELDS = ["repo", "commit", "path", "sha256", "bytes"]
RESULT_FIELDS = ["repo", "path", "sha256", "bytes", "outcome", "kind", "exit_code", "seconds", "cpu_seconds",
                 "peak_mb", "message"]

TARGET_MAX_SECONDS = 10.0
TARGET_P99_SECONDS = 3.0

# The kind of a clean error, from its message (after "newslens: error: PAGE: ").
ERROR_KINDS = [
    (r"does not look like English", "not English"),
    (r"no article text found", "no article text"),
    (r"no article body found", "no article body"),
    (r"the body has no words", "no words"),
    (r"is empty|contains only whitespace", "empty"),
    (r"binary file", "binary"),
    (r"not valid UTF-8|byte-order mark", "undecodable"),
    (r"MiB", "too large"),
]


def cache_path(cache: Path, repo: str, path: str) -> Path:
    return cache / repo.replace("/", "+") / path


def read_pages(csv_path: Path = PAGES_CSV) -> list[dict]:
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _git(git_dir: str, *args: str, binary: bool = False):
    out = subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout
    return out if binary else out.decode()


def _git_dir(path: str) -> str:
    """A bare git dir as it is; a clone's .git inside it."""
    return str(Path(path) / ".git") if (Path(path) / ".git").exists() else path


def relist(gits: dict[str, str], csv_path: Path = PAGES_CSV) -> list[dict]:
    """The page list from each repository's HEAD: every path matching SOURCES, first copy of a page only."""
    import hashlib

    rows, seen, skipped = [], set(), 0
    for repo, patterns in SOURCES.items():
        if repo not in gits:
            sys.exit(f"page_sweep: cache --relist needs --git {repo}=PATH")
        git_dir = _git_dir(gits[repo])
        commit = _git(git_dir, "rev-parse", "HEAD").strip()
        paths = [p for p in _git(git_dir, "ls-tree", "-r", "--name-only", commit).splitlines()
                 if any(fnmatch.fnmatchcase(p, pat) for pat in patterns)]
        for path in sorted(paths):
            data = _git(git_dir, "show", f"{commit}:{path}", binary=True)
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                skipped += 1
                continue
            seen.add(digest)
            rows.append({"repo": repo, "commit": commit, "path": path, "sha256": digest, "bytes": len(data)})
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=PAGE_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"page_sweep: listed {len(rows)} pages in {csv_path} ({skipped} copies of pages listed already skipped)")
    return rows


def make_cache(gits: dict[str, str], cache: Path, rows: list[dict]) -> None:
    """Copy every listed page out of the git copies into the cache, checking its sha256."""
    import hashlib

    written = bad = 0
    for row in rows:
        if row["repo"] not in gits:
            sys.exit(f"page_sweep: cache needs --git {row['repo']}=PATH")
        data = _git(_git_dir(gits[row["repo"]]), "show", f"{row['commit']}:{row['path']}", binary=True)
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            print(f"page_sweep: {row['repo']} {row['path']}: sha256 differs from the list", file=sys.stderr)
            bad += 1
            continue
        target = cache_path(cache, row["repo"], row["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    print(f"page_sweep: wrote {written} pages to {cache}" + (f"; {bad} differed" if bad else ""))


def newslens_command() -> list[str]:
    script = Path(sys.executable).parent / "newslens"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslens.cli"]


def run_one(page: Path, budget: float) -> dict:
    """One `newslens analyze` of a page in a fresh process: exit code, wall seconds, peak MB, stderr."""
    with tempfile.TemporaryDirectory(prefix="page_sweep_") as tmp:
        out = Path(tmp) / "out"
        with open(Path(tmp) / "stderr", "w+b") as err, open(os.devnull, "wb") as null:
            started = time.monotonic()
            proc = subprocess.Popen([*newslens_command(), "analyze", str(page), "--out", str(out), "--no-map"],
                                    stdout=null, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True,
                                    env={**os.environ, "PYTHONFAULTHANDLER": "1"})
            timed_out = False
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - started > budget:
                    timed_out = True
                    seconds = time.monotonic() - started
                    # SIGABRT first: Python's faulthandler writes where the run was (even inside a regex)
                    os.kill(proc.pid, signal.SIGABRT)
                    for _ in range(100):
                        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                        if pid:
                            break
                        time.sleep(0.02)
                    else:
                        os.killpg(proc.pid, signal.SIGKILL)
                        pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.02)
            if not timed_out:
                seconds = time.monotonic() - started
            proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here: keep Popen from waiting again
            try:
                os.killpg(proc.pid, signal.SIGKILL)                 # anything the run left behind
            except ProcessLookupError:
                pass
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
    return {"exit_code": proc.returncode, "timed_out": timed_out, "seconds": seconds,
            "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024, "stderr": stderr}


def _innermost_newslens_frame(stderr: str) -> str:
    """'text/formats.py:305 _page_titles': the innermost newslens frame of a faulthandler dump (first listed)."""
    for m in re.finditer(r'File "[^"]*/newslens/([^"]+)", line (\d+) in (\S+)', stderr):
        return f"{m.group(1)}:{m.group(2)} {m.group(3)}"
    return ""


def classify(run: dict) -> tuple[str, str, str]:
    """(outcome, kind, message): the outcome of one run, the kind of failure, the line that says it."""
    stderr, code = run["stderr"], run["exit_code"]
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("newslens: error:")]
    if run["timed_out"]:
        where = _innermost_newslens_frame(stderr)
        return "timeout", f"over {run.get('budget', 0):g} s" + (f" in {where}" if where else ""), ""
    if "Traceback (most recent call last)" in stderr:
        last = next((line for line in reversed(lines) if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|"
                                                                      r"Interrupt|Warning)?\b[:]?", line)
                     and not line.startswith(" ")), lines[-1] if lines else "")
        return "traceback", last.split(":")[0], last[:300]
    if code == 0:
        return "ok", "", ""
    if code in (2, 3) and len(errors) == 1:
        problem = errors[0].removeprefix("newslens: error:").strip()
        kind = next((name for pattern, name in ERROR_KINDS if re.search(pattern, problem)), "other error")
        return "error", kind, problem[:300]
    kind = f"signal {-code}" if code < 0 else f"exit {code}"
    where = _innermost_newslens_frame(stderr)
    return "crash", kind + (f" in {where}" if where else ""), (lines[-1] if lines else "")[:300]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def sweep(cache: Path, budget: float, rows: list[dict], progress: bool = True) -> list[dict]:
    results = []
    for i, row in enumerate(rows, start=1):
        page = cache_path(cache, row["repo"], row["path"])
        result = {"repo": row["repo"], "path": row["path"], "sha256": row["sha256"], "bytes": row["bytes"]}
        if not page.exists() or sha256_of(page) != row["sha256"]:
            result.update(outcome="missing", kind="not in the cache or changed", exit_code="", seconds="",
                          cpu_seconds="", peak_mb="", message="")
        else:
            run = run_one(page, budget)
            run["budget"] = budget
            outcome, kind, message = classify(run)
            result.update(outcome=outcome, kind=kind, exit_code=run["exit_code"], seconds=f"{run['seconds']:.2f}",
                          cpu_seconds=f"{run['cpu_seconds']:.2f}", peak_mb=f"{run['peak_mb']:.0f}", message=message)
        results.append(result)
        if progress:
            print(f"[{i}/{len(rows)}] {result['outcome']:9} {result['seconds']:>6} s {result['cpu_seconds']:>6} cpu s "
                  f"{result['peak_mb']:>5} MB  "
                  f"{row['repo']} {row['path']}  {result['kind']}", file=sys.stderr, flush=True)
    return results


def write_results(results: list[dict], out: Path, budget: float, label: str, load=(float("nan"),) * 2) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_suffix(".csv"), "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=RESULT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(results)
    try:
        csv_name = str(out.with_suffix(".csv").resolve().relative_to(REPO))
    except ValueError:
        csv_name = str(out.with_suffix(".csv"))
    out.with_suffix(".md").write_text(summary_markdown(results, budget, label, load, csv_name), encoding="utf-8")


def summary_markdown(results: list[dict], budget: float, label: str, load=(float("nan"), float("nan")),
                     csv_name: str = "bench/results/page_sweep.csv") -> str:
    ran = [r for r in results if r["outcome"] != "missing"]
    seconds = [float(r["seconds"]) for r in ran]
    cpu = [float(r["cpu_seconds"]) for r in ran]
    peaks = [float(r["peak_mb"]) for r in ran]
    outcomes = Counter(r["outcome"] for r in results)
    kinds = Counter((r["outcome"], r["kind"]) for r in results if r["outcome"] != "ok")
    repos = Counter(r["repo"] for r in results)
    p99 = percentile(seconds, 99)
    longest = max(seconds, default=float("nan"))
    lines = [
        "# Page sweep: `newslens analyze PAGE --out TMP --no-map` on real saved pages",
        "",
        f"{label}",
        "",
        f"Written by `bench/page_sweep.py run --budget {budget:g}` on "
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}: one process at a time, each page in a "
        "fresh process (so every time includes Python start-up and imports); "
        "a run over the budget is killed. Pages: bench/data/page_sweep_pages.csv; one row a page: "
        f"{csv_name}. Load average (1 min) at the start and at the end of the sweep: "
        f"{load[0]:.1f} and {load[1]:.1f} on {os.cpu_count()} CPUs; where it is well over the CPU count, wall "
        "seconds are mostly waiting for a CPU (other work on the machine), and a page can time out on wall time "
        "alone: the CPU seconds column tells the cost of the run itself.",
        "",
        f"Pages: {len(results)} ("
        + ", ".join(f"{n} from {repo}" for repo, n in repos.items()) + ")",
        "",
        "| outcome | pages |",
        "| --- | ---: |",
        *(f"| {name} | {outcomes.get(name, 0)} |" for name in ["ok", "error", "traceback", "timeout", "crash", "missing"]
          if outcomes.get(name, 0) or name in ("ok", "traceback", "timeout")),
        "",
        "| per page | p50 | p99 | max |",
        "| --- | ---: | ---: | ---: |",
        f"| seconds (wall) | {percentile(seconds, 50):.2f} | {p99:.2f} | {longest:.2f} |",
        f"| CPU seconds (user + system) | {percentile(cpu, 50):.2f} | {percentile(cpu, 99):.2f} | "
        f"{max(cpu, default=float('nan')):.2f} |",
        f"| peak MB | {percentile(peaks, 50):.0f} | {percentile(peaks, 99):.0f} | {max(peaks, default=float('nan')):.0f} |",
        "",
        "Targets: no hang: " + ("met" if not outcomes.get("timeout") else f"**not met** ({outcomes['timeout']} timeouts)")
        + "; no traceback: " + ("met" if not outcomes.get("traceback") else f"**not met** ({outcomes['traceback']})")
        + f"; max <= {TARGET_MAX_SECONDS:g} s: " + ("met" if longest <= TARGET_MAX_SECONDS else "**not met**")
        + f"; p99 <= {TARGET_P99_SECONDS:g} s: " + ("met" if p99 <= TARGET_P99_SECONDS else "**not met**") + ".",
        "",
        "## Failures by kind",
        "",
        "| outcome | kind | pages |",
        "| --- | --- | ---: |",
        *(f"| {outcome} | {kind} | {n} |" for (outcome, kind), n in sorted(kinds.items())),
        "",
        "## Every page that is not ok",
        "",
        "| repo | path | bytes | outcome | kind | exit | seconds | CPU seconds | peak MB | message |",
        "| --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    order = {"timeout": 0, "crash": 1, "traceback": 2, "error": 3, "missing": 4}
    for r in sorted((r for r in results if r["outcome"] != "ok"),
                    key=lambda r: (order.get(r["outcome"], 9), r["kind"], r["repo"], r["path"])):
        message = r["message"].replace("|", "\\|")
        lines.append(f"| {r['repo']} | {r['path']} | {r['bytes']} | {r['outcome']} | {r['kind']} | {r['exit_code']} "
                     f"| {r['seconds']} | {r['cpu_seconds']} | {r['peak_mb']} | {message} |")
    slow = sorted(ran, key=lambda r: -float(r["seconds"]))[:10]
    lines += ["", "## The ten slowest pages", "", "| repo | path | bytes | outcome | seconds | CPU seconds | peak MB |",
              "| --- | --- | ---: | --- | ---: | ---: | ---: |"]
    lines += [f"| {r['repo']} | {r['path']} | {r['bytes']} | {r['outcome']} | {r['seconds']} | {r['cpu_seconds']} "
              f"| {r['peak_mb']} |" for r in slow]
    return "\n".join(lines) + "\n"


def _gits(pairs: list[str]) -> dict[str, str]:
    gits = {}
    for pair in pairs:
        repo, _, path = pair.partition("=")
        if not path:
            sys.exit(f"page_sweep: --git takes OWNER/NAME=PATH, not {pair!r}")
        gits[repo] = path
    return gits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cache = sub.add_parser("cache", help="fill the page cache from local git copies of the listed repositories")
    cache.add_argument("--git", action="append", default=[], metavar="OWNER/NAME=PATH")
    cache.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    cache.add_argument("--relist", action="store_true", help="rewrite the page list from the repositories' HEAD first")
    run = sub.add_parser("run", help="run newslens analyze on every listed page")
    run.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    run.add_argument("--budget", type=float, default=60.0, help="seconds a page may take before it is killed")
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results path without suffix (.csv and .md)")
    run.add_argument("--label", default="", help="a line saying which code ran (e.g. the commit)")
    run.add_argument("--only", default=None, help="a glob over repo/path: run only these pages")
    args = parser.parse_args(argv)

    if args.command == "cache":
        gits = _gits(args.git)
        rows = relist(gits) if args.relist else read_pages()
        make_cache(gits, args.cache, rows)
        return 0
    if not args.cache.is_dir():
        sys.exit(f"page_sweep: no page cache at {args.cache}; see `bench/page_sweep.py --help` and the docstring "
                 "to make it")
    rows = read_pages()
    if args.only:
        rows = [r for r in rows if fnmatch.fnmatch(f"{r['repo']}/{r['path']}", args.only)]
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    label = args.label or f"Code: commit {commit}."
    load_start = os.getloadavg()[0]
    results = sweep(args.cache, args.budget, rows)
    write_results(results, args.out, args.budget, label, (load_start, os.getloadavg()[0]))
    print(f"page_sweep: wrote {args.out.with_suffix('.csv')} and {args.out.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
