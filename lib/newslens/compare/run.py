"""The comparison over one corpus output folder: every table (``compare_tables``), and writing them with their
figures to ``OUT/compare/`` (``write_compare``)."""

from __future__ import annotations

import time
from pathlib import Path

from ..report.output import check_writable, record_outputs, save_figure, write_csv, write_json
from . import framing, naming, places, sentiment, shared, timeline
from .load import read_corpus

# The actors the figure shows (the table holds every actor): the parties, the Donbass republics, leaders.
FIGURE_ACTORS = ("Ukraine", "Russia", "Donbass republics", "Turkey", "Putin", "Zelensky", "United States", "NATO")


def groups_table(corpus):
    r"""One row per group: articles, sentences, words, first and last date ("" when none is dated).

        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslens.corpus import run_corpus
        >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
        >>> _ = export.write_text("outlet,date,text\n"
        ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
        ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
        >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
        >>> groups_table(read_corpus(out)).values.tolist()
        [['Daily A', 1, 2, 10, '2022-02-01', '2022-02-01'], ['Daily B', 1, 2, 10, '2022-03-15', '2022-03-15']]
    """
    import pandas as pd

    articles = corpus["articles"]
    rows = []
    for group in corpus.groups:
        part = articles[articles["group"] == group]
        dates = sorted(d for d in part["date"].astype(str) if d)
        rows.append({"group": group, "articles": len(part), "sentences": int(part["sentences"].sum()),
                     "words": int(part["words"].sum()), "first_date": dates[0] if dates else "",
                     "last_date": dates[-1] if dates else ""})
    return pd.DataFrame(rows)


def _label(frame, by: str):
    """The ``group`` column renamed after the grouping column (``outlet``, ``author``, ``date``...)."""
    name = by.split(" ")[0]
    if "group" in frame.columns and name not in frame.columns:
        return frame.rename(columns={"group": name})
    return frame


def compare_tables(out_dir, by: str = "outlet", date_bins: str | None = None, corpus=None,
                   shared_options: dict | None = None, stats: dict | None = None) -> dict:
    r"""{table name: DataFrame} of the comparison of the corpus in ``out_dir``, grouped by ``by``.

    The group column of every table is named after ``by``. ``stats`` (a dict), if given, receives what the
    shared-passage search did and the seconds each step took.

        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslens.corpus import run_corpus
        >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
        >>> _ = export.write_text("outlet,date,text\n"
        ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
        ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
        >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
        >>> tables = compare_tables(out)
        >>> sorted(tables)[:6]
        ['actor_tone', 'cue_rates', 'framing_rates', 'groups', 'keyness', 'keyness_kwic']
        >>> tone = tables["actor_tone"]
        >>> tone[tone["articles"] > 0][["actor", "outlet", "mean_compound"]].values.tolist()
        [['Poland', 'Daily B', 0.6808], ['Russia', 'Daily A', 0.0], ['Ukraine', 'Daily A', 0.0], ['Ukraine', 'Daily B', 0.5104]]
    """
    corpus = corpus or read_corpus(out_dir, by, date_bins)
    timings = {}

    def timed(name, fn, *args, **kwargs):
        t = time.perf_counter()
        result = fn(*args, **kwargs)
        timings[name] = round(time.perf_counter() - t, 3)
        return result

    keyness = timed("keyness", framing.keyness_by_group, corpus)
    naming_counts, examples = timed("naming", naming.naming_table, corpus)
    shared_stats = shared.SharedStats()
    tables = {
        "groups": groups_table(corpus),
        "tone": timed("tone", sentiment.tone_by_group, corpus),
        "actor_tone": timed("actor_tone", sentiment.actor_tone_by_group, corpus),
        "framing_rates": timed("framing_rates", framing.category_rates, corpus),
        "cue_rates": timed("cue_rates", framing.cue_rates, corpus),
        "keyness": keyness,
        "keyness_kwic": timed("keyness_kwic", framing.kwic_lines, corpus, keyness),
        "naming": naming_counts,
        "naming_examples": examples,
        "scare_quotes": naming.scare_quotes_by_group(corpus),
        "place_roles": places.place_roles(corpus),
        "place_countries": places.place_countries(corpus),
        "timeline": timeline.timeline(corpus),
        "shared_passages": timed("shared_passages", shared.find_shared_passages, corpus["sentences"],
                                 corpus["articles"], stats=shared_stats, **(shared_options or {})),
    }
    if stats is not None:
        stats.update({"by": corpus.by, "groups": corpus.groups, "seconds": timings,
                      "shared_passages": vars(shared_stats), "file_format": corpus.file_format})
    return {name: _label(frame, corpus.by) for name, frame in tables.items()}


def compare_figures(tables: dict, corpus, by: str = "outlet"):
    """[(name, figure, plotted DataFrame)] of the comparison (``tables`` as compare_tables returns them)."""
    name = by.split(" ")[0]

    def grouped(frame):
        return frame.rename(columns={name: "group"}) if name in frame.columns and "group" not in frame.columns else frame

    # Imported when figures are drawn: they bring the map code and the places stage, which the command line
    # (it imports this package) and a run without figures do not need.
    from . import figures

    groups = corpus.groups
    out = [("tone", *figures.tone_figure(grouped(tables["tone"]), groups, name)),
           ("actor_tone", *figures.actor_tone_figure(grouped(tables["actor_tone"]), groups, FIGURE_ACTORS, name)),
           ("naming", *figures.naming_heatmap(grouped(tables["naming"]), groups, by=name)),
           ("framing_rates", *figures.category_rate_figure(grouped(tables["framing_rates"]), groups, by=name)),
           ("keyness", *figures.keyness_figure(grouped(tables["keyness"]), groups, by=name)),
           ("timeline", *figures.timeline_figure(grouped(tables["timeline"]), corpus["articles"], groups, name)),
           ("place_map", *figures.country_map_figure(grouped(tables["place_countries"]), groups, by=name))]
    return [(n, fig, _label(data, by)) for n, fig, data in out]


def _previous_files(target: Path) -> set[str]:
    """The files an earlier write_compare listed in compare/manifest.json (only those are ever removed)."""
    import json

    try:
        listed = json.loads((target / "manifest.json").read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError):
        return set()
    return {name for name in listed if isinstance(name, str) and "/" not in name and not name.startswith(".")}


def write_compare(out_dir, by: str = "outlet", date_bins: str | None = None, with_figures: bool = True,
                  shared_options: dict | None = None, corpus=None) -> dict:
    r"""Write every comparison table to ``OUT_DIR/compare/`` (Parquet when the corpus is Parquet, else CSV),
    each figure as PNG with the CSV it plots, and ``compare/manifest.json``. Returns {name: path}.
    ``corpus``: the tables as ``read_corpus`` gives them, if the caller has read them already.

        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslens.corpus import run_corpus
        >>> export = Path(tempfile.mkdtemp()) / "export.csv"          # two articles, two outlets
        >>> _ = export.write_text("outlet,date,text\n"
        ...     "Daily A,2022-02-01,Russia and Ukraine held talks in Geneva. The talks failed.\n"
        ...     "Daily B,2022-03-15,Ukraine thanked Poland for its support. Kyiv welcomed the aid.\n", encoding="utf-8")
        >>> out = run_corpus(export, export.parent / "tables", workers=1, quiet=True).out_dir
        >>> written = write_compare(out, with_figures=False)
        >>> sorted(path.name for path in written.values())[:3]
        ['actor_tone.parquet', 'cue_rates.parquet', 'framing_rates.parquet']
    """
    started = time.perf_counter()
    corpus = corpus or read_corpus(out_dir, by, date_bins)
    stats: dict = {}
    tables = compare_tables(out_dir, by, date_bins, corpus=corpus, shared_options=shared_options, stats=stats)
    target = Path(out_dir) / "compare"
    check_writable(out_dir)                     # one line, not a traceback, in a folder we may not write in
    target.mkdir(parents=True, exist_ok=True)
    check_writable(target)
    previous = _previous_files(target)
    written = {}
    for name, frame in tables.items():
        if corpus.file_format == "parquet":
            path = target / f"{name}.parquet"
            tmp = target / f".{name}.parquet.tmp"
            frame.to_parquet(tmp, index=False)
            tmp.replace(path)
        else:
            path = write_csv(frame, target / f"{name}.csv")
        written[name] = path
    if with_figures:
        import matplotlib.pyplot as plt

        for name, fig, data in compare_figures(tables, corpus, by):
            png, _ = save_figure(fig, data, target, f"{name}_figure")
            plt.close(fig)
            written[f"{name}_figure"] = png
    files = sorted({Path(p).name for p in written.values()}
                   | {f"{Path(p).stem}.csv" for n, p in written.items() if n.endswith("_figure")})
    for stale in previous - set(files):         # left by an earlier run with another grouping or options
        (target / stale).unlink(missing_ok=True)
    stats["seconds"]["total"] = round(time.perf_counter() - started, 3)
    write_json({**stats, "tables": {name: {"file": Path(p).name, "rows": len(tables[name])}
                                    for name, p in written.items() if name in tables},
                "naming_version": naming.variants_version(), "files": files}, target / "manifest.json")
    written["manifest"] = target / "manifest.json"
    record_outputs(out_dir, "compare", [target / name for name in files] + [written["manifest"]])
    return written


def clear_compare(out_dir) -> list[Path]:
    """Remove the comparison an earlier run wrote to ``OUT_DIR/compare/`` (the files its manifest and the
    folder's record list, nothing else): a corpus run that does not compare leaves no comparison of other
    tables beside its own. Returns the removed files."""
    target = Path(out_dir) / "compare"
    removed = []
    if (target / "manifest.json").is_file():
        for name in sorted(_previous_files(target)) + ["manifest.json"]:
            if (target / name).is_file():
                (target / name).unlink()
                removed.append(target / name)
    removed += record_outputs(out_dir, "compare", [])
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()
    return removed
