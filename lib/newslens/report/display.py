"""Tables for reading in a notebook: counts as integers, floats at the decimals they need, no leftover index,
long text wrapped (never cut), blanks or words instead of NaN, wide tables split with the rest a click away.

``show_table(frame, ...)`` returns a :class:`Table`, which a notebook displays as HTML (and as aligned plain
text where HTML is not rendered). The HTML uses inline ``style`` attributes only: JupyterLab strips
``<style>`` elements from the outputs of a notebook it does not trust (a notebook someone else ran), so a
pandas Styler's CSS would vanish for a new reader, while inline styles survive its sanitizer. Every value,
header and caption is HTML-escaped, and a dollar sign is kept from MathJax (JupyterLab typesets ``$...$`` in HTML
outputs as maths, so "$8 billion ... $10 billion" would turn into a formula): every table sits in a
``mathjax_ignore`` element and each ``$`` is written as an entity. The output is deterministic: no random ids, no memory addresses.

Only the display changes: the frames passed in are never modified, and the CSV files keep every column.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

MAX_DECIMALS = 4              # as in the CSV files (report.output.CSV_FLOAT_FORMAT)
LONG_TEXT = 40                # a text column with a value longer than this wraps in a bounded width
TEXT_WIDTH = "34em"           # the width a wrapping text column gets unless told otherwise
KWIC_CONTEXT = 45             # characters of context each side in kwic_table, cut back to a word boundary

_TABLE_STYLE = "border-collapse:collapse;table-layout:auto;width:auto;margin:0.2em 0 0.6em 0;font-size:0.92em"
_CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:600;padding:0 0 0.35em 0;white-space:nowrap"
_TH_STYLE = ("text-align:{align};vertical-align:bottom;padding:0.25em 0.6em;border-bottom:1px solid #888;"
             "white-space:normal;font-weight:600")
_TD_STYLE = "text-align:{align};vertical-align:top;padding:0.2em 0.6em;border-bottom:1px solid #e4e4e4;{extra}"
_NOTE_STYLE = "margin:0 0 0.8em 0;font-size:0.88em;color:#555"
_MARK_STYLE = "background-color:#fff0b3;font-weight:600;padding:0 0.15em"


# JupyterLab 4's MathJax 3 skips elements of class mathjax_ignore (tex2jax_ignore is MathJax 2's name, kept
# for older front ends); checked in JupyterLab 4 in Chromium, where an entity alone is still typeset.
_NO_MATHS = 'class="tex2jax_ignore mathjax_ignore"'


def _esc(text) -> str:
    """HTML-escaped text with ``$`` as an entity, so that article text never reads as maths."""
    return html.escape(str(text)).replace("$", "&#36;")


@dataclass(frozen=True)
class Table:
    """A rendered table: ``html`` for JupyterLab, ``text`` for plain-text outputs (and nbval's comparison)."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if not hasattr(result, "__len__") else False


def _column_kind(series) -> str:
    """int, float, bool or text, from the values a reader will see (a float column of whole numbers is int)."""
    from pandas.api import types

    values = series.dropna()
    if types.is_bool_dtype(series.dtype):
        return "bool"
    if types.is_integer_dtype(series.dtype):
        return "int"
    if types.is_float_dtype(series.dtype):
        if len(values) and all(float(v).is_integer() for v in values):
            return "int"
        return "float"
    if len(values) and all(isinstance(v, bool) for v in values):
        return "bool"
    if len(values) and all(isinstance(v, (int,)) and not isinstance(v, bool) for v in values):
        return "int"
    if len(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "float" if not all(float(v).is_integer() for v in values) else "int"
    return "text"


def decimals_needed(values, most: int = MAX_DECIMALS) -> int:
    """The fewest decimals (at most ``most``) that show every value as it is rounded in the CSV."""
    finite = [float(v) for v in values if not _is_missing(v) and math.isfinite(float(v))]
    for d in range(0, most + 1):
        if all(abs(round(v, d) - round(v, most)) < 10 ** -(most + 2) for v in finite):
            return max(d, 1) if d == 0 and any(not v.is_integer() for v in finite) else d
    return most


def format_number(value, decimals: int | None = None) -> str:
    """An integer without decimals; a float at ``decimals`` (or the fewest it needs, at most four)."""
    if _is_missing(value):
        return ""
    number = float(value)
    if decimals is None:
        if number.is_integer():
            return str(int(number))
        decimals = decimals_needed([number])
    return f"{number:.{decimals}f}"


def _breakable(text: str) -> str:
    """Escaped HTML of ``text`` that may break after ``;|/,`` inside a long run such as ``1;2;4;7;13`` (never
    inside a name such as ``sentence_sentiment.csv``)."""
    pieces = re.split(r"(?<=[;|/,])(?=\S)", text)
    return "<wbr>".join(_esc(piece) for piece in pieces)


def _format_columns(frame, decimals, na, mixed, thousands):
    """Each column as display strings; returns ({column: [str]}, {column: kind})."""
    texts, kinds = {}, {}
    for column in frame.columns:
        series = frame[column]
        kind = "mixed" if column in mixed else _column_kind(series)
        if column in decimals:
            kind = "float"
        missing = na.get(column, na.get("*", "")) if isinstance(na, dict) else na
        if kind == "float":
            d = decimals.get(column, decimals_needed(series.dropna().tolist()))
        out = []
        for value in series.tolist():
            if _is_missing(value):
                out.append(missing)
            elif kind == "bool":
                out.append("yes" if value else "no")
            elif kind == "int":
                out.append(f"{int(value):,}" if column in thousands else str(int(value)))
            elif kind == "float":
                out.append(f"{float(value):.{d}f}")
            elif kind == "mixed":
                out.append(format_number(value) if isinstance(value, (int, float)) else str(value))
            else:
                out.append(str(value))
        texts[column], kinds[column] = out, kind
    return texts, kinds


def _without_index(frame):
    """A named or meaningful index becomes the first column(s); a positional or filtered one is dropped."""
    import pandas as pd

    index = frame.index
    if isinstance(index, pd.MultiIndex) or any(name is not None for name in index.names):
        return frame.reset_index()
    return frame.reset_index(drop=True)


def _html_table(columns, texts, kinds, n_rows, caption, widths, highlight_rows, wrap):
    parts = [f'<table style="{_TABLE_STYLE}">']
    if caption:
        parts.append(f'<caption style="{_CAPTION_STYLE}">{_esc(caption)}</caption>')
    head = []
    for column in columns:
        align = "right" if kinds[column] in ("int", "float") else "left"
        head.append(f'<th style="{_TH_STYLE.format(align=align)}">{_breakable(str(column))}</th>')
    parts.append("<thead><tr>" + "".join(head) + "</tr></thead><tbody>")
    for i in range(n_rows):
        cells = []
        for column in columns:
            value = texts[column][i]
            kind = kinds[column]
            align = "right" if kind in ("int", "float") else "left"
            if column in wrap:
                extra = (f"white-space:normal;min-width:{widths.get(column, TEXT_WIDTH)};"
                         f"max-width:{widths.get(column, TEXT_WIDTH)};overflow-wrap:break-word")
                value = _breakable(value)
            elif kind == "mixed":
                value = _esc(value)
                extra = "white-space:nowrap;text-align:right"
            else:
                extra = "white-space:nowrap"
                value = _esc(value)
                if column in widths:
                    extra = f"white-space:normal;max-width:{widths[column]};overflow-wrap:break-word"
                    value = _breakable(texts[column][i])
            if kind in ("int", "float", "mixed"):
                extra += ";font-variant-numeric:tabular-nums"
            if i in highlight_rows:
                extra += ";background-color:#fdf1c7"
            cells.append(f'<td style="{_TD_STYLE.format(align=align, extra=extra)}">{value}</td>')
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _plain_table(columns, texts, kinds, n_rows, caption) -> str:
    widths = {c: max([len(str(c))] + [len(v) for v in texts[c]]) for c in columns}
    right = {c: kinds[c] in ("int", "float", "mixed") for c in columns}

    def line(values):
        cells = [v.rjust(widths[c]) if right[c] else v.ljust(widths[c]) for c, v in zip(columns, values)]
        return "  ".join(cells).rstrip()

    lines = [caption] if caption else []
    lines.append(line([str(c) for c in columns]))
    lines.extend(line([texts[c][i] for c in columns]) for i in range(n_rows))
    return "\n".join(lines)


def show_table(frame, caption: str | None = None, *, columns=None, more_key=None, decimals=None, na="",
               mixed=(), widths=None, wrap=None, rename=None, max_rows: int | None = None,
               note: str | None = None, source: str | None = None, thousands=(), highlight=None,
               empty: str | None = None) -> Table:
    """A DataFrame (or Series) as a table to read.

    - ``columns``: the columns shown in the table; every other column goes into a ``details`` block under it
      (repeating the ``more_key`` columns so that its rows can be matched), one click away.
    - Integers, and float columns that hold whole numbers only, are shown without decimals; other floats at
      the fewest decimals (at most four) that show them as rounded in the CSV. ``decimals`` fixes a
      column's decimals; ``mixed`` names columns formatted value by value (a column holding counts and
      means); ``thousands`` names integer columns shown with a thousands separator.
    - ``na``: the text for a missing value, one for all columns or ``{column: text}`` ("*" for the rest).
    - Text columns with long values wrap within a bounded width (``widths`` sets it, ``wrap`` names the
      columns to wrap when the automatic choice is not wanted); nothing is cut.
    - A named index (a groupby result) becomes the first column; a positional or filtered index is dropped.
    - ``rename`` relabels columns for the reader (``{column: header}``); ``max_rows`` shows the first rows
      and puts the rest in the details block; ``note`` and ``source`` (the CSV that holds the full table)
      are printed under it; ``highlight`` is a boolean sequence marking rows to shade.
    - ``empty``: what to say instead of a table when the frame has no rows ("no scored actors in this
      article"), after the caption.
    """
    import pandas as pd

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    frame = _without_index(frame)
    decimals = dict(decimals or {})
    widths = dict(widths or {})
    rename = dict(rename or {})
    shown_columns = list(columns) if columns is not None else list(frame.columns)
    missing = [c for c in shown_columns if c not in frame.columns]
    if missing:
        raise KeyError(f"columns not in the table: {missing}")
    if empty is not None and len(frame) == 0:
        return show_note(f"{caption}: {empty}" if caption else empty)
    key = [more_key] if isinstance(more_key, str) else list(more_key or [])
    rest_columns = [c for c in frame.columns if c not in shown_columns]
    highlight_rows = {i for i, flag in enumerate(list(highlight)) if flag} if highlight is not None else set()

    texts, kinds = _format_columns(frame, decimals, na, set(mixed), set(thousands))
    if wrap is None:
        wrap = {c for c in frame.columns if kinds[c] == "text" and any(len(v) > LONG_TEXT for v in texts[c])}
    wrap = set(wrap)

    def labelled(cols):
        return [rename.get(c, c) for c in cols]

    def relabel(d):
        return {rename.get(c, c): v for c, v in d.items()}

    n = len(frame)
    head_rows = n if max_rows is None else min(n, max_rows)
    html_parts, text_parts = [], []
    main_cols = labelled(shown_columns)
    r_texts, r_kinds = relabel(texts), relabel(kinds)
    r_wrap, r_widths = set(labelled(wrap)), relabel(widths)
    html_parts.append(_html_table(main_cols, r_texts, r_kinds, head_rows, caption, r_widths,
                                  highlight_rows, r_wrap))
    text_parts.append(_plain_table(main_cols, r_texts, r_kinds, head_rows, caption))

    details = []
    if head_rows < n:
        tail = {c: r_texts[c][head_rows:] for c in main_cols}
        details.append((f"{n - head_rows} more rows", _html_table(main_cols, tail, r_kinds, n - head_rows, None,
                                                                  r_widths, set(), r_wrap)))
        text_parts.append(f"... {n - head_rows} more rows")
    if rest_columns:
        cols = labelled([c for c in key if c not in rest_columns] + rest_columns)
        names = ", ".join(labelled(rest_columns))
        details.append((f"{len(rest_columns)} more columns: {names}",
                        _html_table(cols, r_texts, r_kinds, n, None, r_widths, highlight_rows, r_wrap)))
        text_parts.append(f"more columns: {names}")
    for summary, body in details:
        html_parts.append(f'<details style="margin:0 0 0.6em 0"><summary style="cursor:pointer;color:#444">'
                          f"{_esc(summary)}</summary>{body}</details>")
    notes = [x for x in (note, f"Full table: {source}" if source else None) if x]
    if notes:
        html_parts.append(f'<p style="{_NOTE_STYLE}">' + "<br>".join(_esc(x) for x in notes) + "</p>")
        text_parts.extend(notes)
    return Table(f"<div {_NO_MATHS}>" + "".join(html_parts) + "</div>", "\n".join(text_parts))


def show_record(values: dict, caption: str | None = None, *, name: str = "value", note: str | None = None,
                widths=None) -> Table:
    """A handful of named values (metadata, statistics) as a two-column table: what, and its value."""
    import pandas as pd

    rows = [{"": k, name: format_number(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
             else ("" if _is_missing(v) else str(v))} for k, v in values.items()]
    frame = pd.DataFrame(rows, columns=["", name])
    return show_table(frame, caption, note=note, widths=widths or {name: "48em"},
                      wrap={name} if any(len(r[name]) > LONG_TEXT for r in rows) else set())


def cut_left(text: str, width: int = KWIC_CONTEXT) -> str:
    """The last ``width`` characters of ``text`` or fewer, starting at a word: never a word cut in two."""
    text = str(text)
    if len(text) <= width:
        return text
    tail = text[-width:]
    if text[-width - 1] != " " and " " in tail:
        tail = tail[tail.index(" ") + 1:]
    return "\u2026 " + tail.lstrip()


def cut_right(text: str, width: int = KWIC_CONTEXT) -> str:
    """The first ``width`` characters of ``text`` or fewer, ending at a word: never a word cut in two."""
    text = str(text)
    if len(text) <= width:
        return text
    head = text[:width]
    if text[width] != " " and " " in head:
        head = head[:head.rindex(" ")]
    return head.rstrip() + " \u2026"


def kwic_table(groups, caption: str | None = None, width: int = KWIC_CONTEXT, note: str | None = None) -> Table:
    """Keyword-in-context lines as aligned columns, the keyword highlighted, grouped under headings.

    ``groups`` is a list of (heading, lines), ``lines`` a DataFrame with ``sentence_id``, ``paragraph_id``,
    ``left``, ``surface`` and ``right`` (``framing.terms.kwic``). Contexts are cut at word boundaries.
    Lines from many articles (a corpus) carry an ``item`` column: the sentence label then names the article
    too ("#12 S4": sentence 4 of item 12).
    """
    parts = [f'<table style="{_TABLE_STYLE};font-family:var(--jp-code-font-family, monospace)">']
    if caption:
        parts.append(f'<caption style="{_CAPTION_STYLE};font-family:var(--jp-ui-font-family, sans-serif)">'
                     f"{_esc(caption)}</caption>")
    head_style = _TH_STYLE.format(align="left")
    parts.append(f'<thead><tr><th style="{head_style}">S</th><th style="{head_style}">P</th>'
                 f'<th style="{_TH_STYLE.format(align="right")}">left context</th>'
                 f'<th style="{_TH_STYLE.format(align="center")}">term</th>'
                 f'<th style="{head_style}">right context</th></tr></thead><tbody>')
    text_lines = [caption] if caption else []
    cell = "padding:0.1em 0.4em;white-space:nowrap;vertical-align:top;"
    for heading, lines in groups:
        parts.append(f'<tr><td colspan="5" style="text-align:left;padding:0.6em 0.4em 0.15em 0.4em;'
                     f'font-weight:600;border-bottom:1px solid #888;font-family:var(--jp-ui-font-family, '
                     f'sans-serif)">{_esc(heading)}</td></tr>')
        text_lines.append(heading)
        for row in lines.itertuples():
            left, right = cut_left(row.left, width), cut_right(row.right, width)
            label = f"#{int(row.item)} S{int(row.sentence_id)}" if hasattr(row, "item") else f"S{int(row.sentence_id)}"
            parts.append(
                f'<tr><td style="{cell}text-align:left;color:#666">{label}</td>'
                f'<td style="{cell}text-align:left;color:#666">P{int(row.paragraph_id)}</td>'
                f'<td style="{cell}text-align:right">{_esc(left)}</td>'
                f'<td style="{cell}text-align:center"><mark style="{_MARK_STYLE}">{_esc(row.surface)}</mark>'
                f'</td><td style="{cell}text-align:left">{_esc(right)}</td></tr>')
            text_lines.append(f"  {label:<4} P{int(row.paragraph_id):<3} {left:>{width + 2}} "
                              f"[{row.surface}] {right}")
    parts.append("</tbody></table>")
    if note:
        parts.append(f'<p style="{_NOTE_STYLE}">{_esc(note)}</p>')
        text_lines.append(note)
    return Table(f"<div {_NO_MATHS}>" + "".join(parts) + "</div>", "\n".join(text_lines))


def show_note(text: str) -> Table:
    """A line of prose under a figure or table (instead of a bare ``print``), as HTML and as text."""
    return Table(f'<p {_NO_MATHS} style="{_NOTE_STYLE}">{_esc(text)}</p>', text)


def show_findings(items, caption: str | None = None) -> Table:
    """Findings computed from the tables, as a bulleted list under a caption (HTML) or as lines (text)."""
    head = (f'<p style="font-weight:600;margin:0.2em 0 0.3em 0">{_esc(caption)}</p>' if caption else "")
    body = "".join(f'<li style="margin:0.15em 0">{_esc(item)}</li>' for item in items)
    text = ([caption] if caption else []) + [f"- {item}" for item in items]
    return Table(f'<div {_NO_MATHS}>{head}<ul style="margin:0 0 0.8em 0;max-width:62em">{body}</ul></div>',
                 "\n".join(text))
