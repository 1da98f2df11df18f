"""The `newslens` command line: `analyze` writes the tables, `corpus` many articles' tables (and their
comparison), `compare` reruns the comparison alone, `notebooks` runs the notebook series, `fetch` gets pages."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

# analysis.analyze and corpus.run_corpus are looked up when called, so that a test can stand in for them.
from . import analysis, corpus
from .analysis import Options, load, write
from .compare import clear_compare, read_corpus, write_compare
from .compare.load import CompareInputError
from .corpus import CorpusEngineError
from .corpus.inputs import CorpusInputError, describe
from .corpus.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .errors import ArticleInputError
from .fetch import FetchOptions, UrlListError, fetch_urls, read_url_list
from .fetch.client import make_user_agent
from .paths import REPO_ROOT, display_path
from .report.notebooks import NotebookFailed, run_notebooks
from .report.output import OutputDirError, prepare_output_dir
from .stages import EXTRAS
from .text.language import LANGUAGES
from .text.loader import load_article

# Exit codes (docs/cli.md, "Exit codes"). Bad input shares 2 with bad options, as argparse exits: both are "what
# you asked cannot be done as asked", told in one line; scripts tell them apart by the message, not the code.
EXIT_USAGE = 2
EXIT_BAD_INPUT = EXIT_USAGE
EXIT_BAD_OUTPUT = 3
EXIT_NOTEBOOK_FAILED = 4
EXIT_ARTICLES_FAILED = 5     # corpus --strict: the batch finished, but some articles failed
EXIT_ENGINE_FAILED = 6       # corpus: the Dask scheduler out of reach, or no worker left (a rerun resumes)
EXIT_INTERRUPTED = 130       # Ctrl-C or `kill`: a rerun resumes (corpus, fetch)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newslens", description="Take a news or opinion article apart, offline.")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="load an article and write its tables (CSV) and article.json")
    analyze.add_argument("article", help="article file: Global Research page dump, plain text or saved HTML page")
    analyze.add_argument("--out", required=True, help="output folder (created if missing)")
    analyze.add_argument("--format", default="auto", choices=["auto", "globalresearch", "plaintext", "html", "body"],
                         help="input format (default: detect)")
    analyze.add_argument("--force", action="store_true", help="write into a non-empty folder newslens did not make")
    analyze.add_argument("--no-map", action="store_true", help="skip drawing the places map (faster)")
    analyze.add_argument("--allow-non-english", action="store_true",
                         help="analyse a text in another language as English (its scores will mean little)")
    analyze.add_argument("--lang", choices=LANGUAGES, default=None,
                         help="read the article as English, Russian or Ukrainian whatever the language check finds "
                              "(default: as found; docs/languages.md)")
    analyze.add_argument("--extras", default="", metavar="LIST",
                         help="add to the fast default, comma-separated: " + ", ".join(EXTRAS)
                              + "; or 'all' (default: none)")

    corpus = sub.add_parser("corpus", help="analyse many articles into one set of tables (Parquet or CSV)",
                            description="Analyse every article of INPUT: a folder of .txt/.html/.md files (with an "
                                        "optional manifest articles.csv), a CSV or JSON Lines file with one article "
                                        "per row, or a WARC file. Resumable: a rerun skips what is done.")
    corpus.add_argument("input", help="folder, .csv/.jsonl file or .warc/.warc.gz file")
    corpus.add_argument("--out", required=True, help="output folder for the tables (created if missing)")
    corpus.add_argument("--engine", default="local", choices=["local", "dask"],
                        help="local: a process pool on this machine (default); dask: dask.distributed")
    corpus.add_argument("--workers", type=int, default=None, help="worker processes (default: the number of CPUs)")
    corpus.add_argument("--scheduler", default=None, help="address of a running Dask scheduler (with --engine dask; "
                                                          "default: a LocalCluster on this machine)")
    corpus.add_argument("--format", default="parquet", choices=["parquet", "csv"], help="table format (default parquet)")
    corpus.add_argument("--limit", type=int, default=None, help="analyse only the first N articles")
    corpus.add_argument("--extras", default="", metavar="LIST", help="as for analyze (default: none)")
    corpus.add_argument("--allow-non-english", action="store_true",
                        help="analyse texts in other languages as English")
    corpus.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="read every article as en, ru or uk (default: each as its language check finds)")
    corpus.add_argument("--article-timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop an article after this long and record it in errors (default {DEFAULT_TIMEOUT:g}; "
                             "0: no limit)")
    corpus.add_argument("--article-memory", type=int, default=DEFAULT_MEMORY_MB, metavar="MB",
                        help=f"stop an article when its worker process holds more memory (resident, MB) and record "
                             f"it in errors (default {DEFAULT_MEMORY_MB}; 0: no limit)")
    corpus.add_argument("--strict", action="store_true", help="exit 5 when any article failed")
    corpus.add_argument("--quiet", action="store_true", help="no progress bar")
    corpus.add_argument("--force", action="store_true", help="write into a non-empty folder newslens did not make")
    corpus.add_argument("--no-compare", action="store_true",
                        help="skip the comparison of outlets (written to OUT/compare/ when there are two or more)")

    compare = sub.add_parser("compare", help="compare the corpus tables of an output folder across outlets "
                                             "(or any column); writes OUT_DIR/compare/",
                             description="Compare the articles of a `newslens corpus` output folder across groups: "
                                         "tone with intervals, sentiment near actors, framing rates and keyness, "
                                         "naming choices, places, timeline, shared passages.")
    compare.add_argument("out_dir", help="a folder written by `newslens corpus`")
    compare.add_argument("--by", default="outlet", metavar="COLUMN",
                         help="a column of the articles table to group by: outlet (default), author, date, or any "
                              "manifest column")
    compare.add_argument("--date-bin", default="month", choices=["day", "week", "month"],
                         help="with --by date: the bin (default month)")
    compare.add_argument("--min-words", type=int, default=None, metavar="N",
                         help="shared passages: report pairs sharing a run of N words or more (default 20)")
    compare.add_argument("--no-figures", action="store_true", help="tables only")

    notebooks = sub.add_parser("notebooks", help="execute a notebook series with papermill: the article notebooks "
                                                 "on an article, or the corpus notebooks on a corpus output folder")
    target = notebooks.add_mutually_exclusive_group(required=True)
    target.add_argument("--article", help="article file: runs the article notebooks (00-03)")
    target.add_argument("--corpus", help="output folder of `newslens corpus`: runs the corpus notebooks (04-)")
    notebooks.add_argument("--out", required=True, help="output folder for executed notebooks and figures")
    notebooks.add_argument("--force", action="store_true", help="write into a non-empty folder newslens did not make")

    fetch = sub.add_parser("fetch", help="fetch a list of URLs politely into a WARC (robots.txt obeyed; resumable)")
    fetch.add_argument("urls", help="URL list: CSV/TSV with a url column (Media Cloud, GDELT exports), JSONL, "
                                    "or a text file with one URL a line")
    fetch.add_argument("--out", required=True, help="the .warc.gz to write, or to resume; the log goes beside it")
    fetch.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                       help="seconds between requests to one host (default 1; robots.txt Crawl-delay can add)")
    fetch.add_argument("--user-agent", metavar="TEXT",
                       help="how site owners can reach you, e.g. 'Jane Doe jane@uni.example' (sent inside "
                            "newslens's User-Agent)")
    fetch.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                       help="keep at most N bytes of a response (default 5000000); larger ones are cut and logged")
    fetch.add_argument("--timeout", type=float, default=30.0, metavar="S", help="seconds per request (default 30)")
    fetch.add_argument("--workers", type=int, default=4, metavar="N", help="hosts fetched at once (default 4)")
    fetch.add_argument("--retries", type=int, default=2, metavar="N",
                       help="retries after 429, 5xx, timeouts (default 2; waits double, Retry-After honoured)")
    fetch.add_argument("--log", metavar="PATH", help="fetch log CSV (default: PAGES.fetch_log.csv beside the WARC)")
    fetch.add_argument("--retry-errors", action="store_true",
                       help="on resume, fetch again the URLs that failed with 429, 5xx, a timeout or no connection")
    return parser


def _analyze(args) -> int:
    try:
        options = Options(input_format=args.format, allow_non_english=args.allow_non_english, extras=args.extras,
                          lang=args.lang)
    except ValueError as exc:
        print(f"newslens: error: --extras: {exc}", file=sys.stderr)
        return EXIT_USAGE
    article = load(args.article, options)       # a bad article is named before the output folder is touched,
    out = prepare_output_dir(args.out, force=args.force)    # and a refused folder before seconds of analysis
    result = analysis.analyze(article, options)
    written = write(result, out, with_map=not args.no_map)
    for warning in article.report.warnings:
        print(f"newslens: warning: {display_path(args.article)}: {warning}", file=sys.stderr)
    print(f"{display_path(args.article)}: {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, "
          f"{len(article.words)} words; wrote {len(written)} files to {_as_given(args.out)}")
    return 0


def _corpus(args) -> int:
    try:
        options = Options(allow_non_english=args.allow_non_english, extras=args.extras, lang=args.lang)
    except ValueError as exc:
        print(f"newslens: error: --extras: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1:
        print("newslens: error: --workers must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.engine != "dask":
        print("newslens: error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    if args.limit is not None and args.limit < 1:
        print("newslens: error: --limit must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    if args.article_timeout < 0 or args.article_memory < 0:
        print("newslens: error: --article-timeout and --article-memory must be 0 (no limit) or more", file=sys.stderr)
        return EXIT_USAGE

    describe(args.input)                        # a bad INPUT is named before the output folder is touched
    out = prepare_output_dir(args.out, force=args.force)
    try:
        with _terminate_as_interrupt():
            run = corpus.run_corpus(args.input, out, options=options, engine=args.engine, workers=args.workers,
                             scheduler=args.scheduler, file_format=args.format, limit=args.limit, quiet=args.quiet,
                             article_timeout=args.article_timeout, article_memory=args.article_memory)
    except KeyboardInterrupt:
        print("newslens: interrupted; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    except CorpusEngineError as exc:
        print(f"newslens: error: {exc}", file=sys.stderr)
        return EXIT_ENGINE_FAILED
    print(f"{display_path(args.input)}: {run.summary()}; {run.articles} articles in the tables, "
          f"{run.seconds['total']:.1f} s; wrote {_as_given(args.out)}")
    if not args.no_compare and run.articles:
        _compare_after_corpus(out, _as_given(args.out))
    else:
        clear_compare(out)                      # no comparison of an earlier run's tables stays beside these
    return EXIT_ARTICLES_FAILED if args.strict and run.errors else 0


def _as_given(path) -> str:
    """An output folder named back to the user: relative to the repository when inside it, else as typed
    (not only its last part, which may be anywhere)."""
    try:
        return Path(path).resolve().relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


@contextmanager
def _terminate_as_interrupt():
    """`kill` stops a run as Ctrl-C does (what is done stays done), where signals are ours to handle."""
    import signal

    def terminate(signum, frame):
        raise KeyboardInterrupt()

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:                 # not the main thread
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _compare_after_corpus(out: Path, shown: str) -> None:
    """After `newslens corpus`: the comparison of outlets, when the tables hold two or more."""
    corpus = read_corpus(out)
    groups = corpus.groups
    if len(groups) < 2:
        clear_compare(out)
        return
    _use_file_backend()
    write_compare(out, corpus=corpus)           # the tables are read once
    print(f"compared {len(groups)} outlets ({', '.join(groups)}); wrote {shown}/compare")


def _use_file_backend() -> None:
    """Figures are only saved from the command line: no window, whatever the environment asks for."""
    import matplotlib

    matplotlib.use("Agg")


def _compare(args) -> int:
    if args.min_words is not None and args.min_words < 9:
        print("newslens: error: --min-words must be 9 or more (passages are built from 8-word shingles)",
              file=sys.stderr)
        return EXIT_USAGE
    corpus = read_corpus(args.out_dir, args.by, args.date_bin)
    groups = corpus.groups
    if len(groups) < 2:
        print(f"newslens: note: {display_path(args.out_dir)}: one group only ({groups[0] if groups else 'none'}) "
              f"by {args.by}; per-group tables are written, comparisons need two", file=sys.stderr)
    _use_file_backend()
    options = {"min_words": args.min_words} if args.min_words else None
    written = write_compare(args.out_dir, args.by, args.date_bin, with_figures=not args.no_figures,
                            shared_options=options)
    print(f"compared {len(groups)} groups by {corpus.by}; wrote {len(written)} files to "
          f"{display_path(written['manifest'].parent)}")
    return 0


def _notebooks(args) -> int:
    if args.article:
        load_article(args.article)  # fail fast, with a one-line message, before any kernel starts
        target, series = args.article, "article"
    else:
        if not (Path(args.corpus) / "articles.parquet").exists() and not (Path(args.corpus) / "articles.csv").exists():
            print(f"newslens: error: {display_path(args.corpus)}: no corpus tables here (run `newslens corpus ... "
                  f"--out {display_path(args.corpus)}` first)", file=sys.stderr)
            return EXIT_BAD_INPUT
        target, series = args.corpus, "corpus"
    out = prepare_output_dir(args.out, force=args.force)
    for path in run_notebooks(Path(target).resolve(), out.resolve(), series=series):
        print(f"executed {display_path(path)}")
    return 0


def _fetch(args) -> int:
    """`newslens fetch`: every problem with the URL list or the options is one line and exit 2."""
    import signal


    def error(message: str) -> int:
        print(f"newslens: error: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT

    try:
        options = FetchOptions(delay=args.delay, user_agent=args.user_agent, max_bytes=args.max_bytes,
                               timeout=args.timeout, workers=args.workers, retries=args.retries,
                               retry_errors=args.retry_errors)
    except ValueError as exc:
        return error(str(exc).replace("_", "-"))
    out = Path(args.out)
    if not out.name.endswith(".warc.gz"):
        return error(f"{display_path(out)}: --out must name a .warc.gz file")
    if out.is_dir():
        return error(f"{display_path(out)}: --out is a folder; name a .warc.gz file")
    try:
        urls = read_url_list(args.urls)
    except UrlListError as exc:
        return error(str(exc))
    name = display_path(args.urls)
    if urls.invalid:
        line, value, problem = urls.invalid[0]
        print(f"newslens: note: {name}: {len(urls.invalid)} rows have no usable URL and are not fetched "
              f"(first, line {line}: {problem})", file=sys.stderr)
    if urls.duplicates:
        print(f"newslens: note: {name}: {urls.duplicates} repeated URLs are fetched once", file=sys.stderr)
    agent, has_contact = make_user_agent(args.user_agent)
    if not has_contact:
        print(f"newslens: warning: the User-Agent ({agent}) gives site owners no way to reach you; pass "
              "--user-agent 'Your Name you@example.org'", file=sys.stderr)
    if options.delay < 1:
        print(f"newslens: warning: --delay {options.delay:g} is under a second between requests to one host; "
              "keep that for servers you run", file=sys.stderr)

    def progress(result, done, todo):
        row = result.log_row()
        moved = f" -> {row['final_url']}" if row["final_url"] and row["final_url"] != row["url"] else ""
        problem = f"  ({row['error']})" if row["error"] else ""
        print(f"[{done}/{todo}] {row['status'] or '---'} {row['url']}{moved}{problem}", file=sys.stderr)

    def terminate(signum, frame):
        raise KeyboardInterrupt()

    try:            # `kill` stops the run as Ctrl-C does: the WARC and the log stay whole
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:                 # not the main thread: signals are not ours to handle
        previous = None
    try:
        summary = fetch_urls(urls, out, options, log_path=args.log, progress=progress)
    except ValueError as exc:          # an existing --out that is not a gzip-compressed WARC
        return error(f"{display_path(out)}: {exc}")
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if summary.repaired_bytes:
        print(f"newslens: note: {display_path(out)}: cut {summary.repaired_bytes} bytes of an incomplete record "
              f"left by a stopped run; kept in {display_path(summary.repaired_to)}", file=sys.stderr)
    print(f"{name}: {summary.listed} URLs, {summary.already_done} already fetched; fetched {summary.fetched}: "
          f"{summary.ok} ok, {summary.http_errors} HTTP errors, {summary.failed} failed, {summary.disallowed} "
          f"disallowed by robots.txt, {summary.truncated} cut at --max-bytes; wrote {display_path(out)} and "
          f"{display_path(summary.log)}")
    if summary.interrupted:
        print("newslens: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"analyze": _analyze, "compare": _compare, "corpus": _corpus, "fetch": _fetch, "notebooks": _notebooks}[args.command](args)
    except (ArticleInputError, CorpusInputError, CompareInputError) as exc:
        print(f"newslens: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OutputDirError as exc:
        print(f"newslens: error: {exc}", file=sys.stderr)
        return EXIT_BAD_OUTPUT
    except NotebookFailed as exc:
        print(f"newslens: error: {exc}", file=sys.stderr)
        return EXIT_NOTEBOOK_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
