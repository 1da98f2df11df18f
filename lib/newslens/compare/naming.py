"""Naming choices per group: which of the competing forms of ``data/naming_variants.csv`` each group writes
(Kiev or Kyiv, Donbass or Donbas, "Kiev regime" or "Ukrainian government"...), counted in the sentence texts,
with the first sentence behind each count; and the words each group holds in scare quotes.

Counting rules are in ``data/naming_variants.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..paths import DATA_DIR
from ..text.stopwords import is_stopword

VARIANTS_FILE = DATA_DIR / "naming_variants.csv"
NAMING_COLUMNS = ["group", "pair", "kind", "form", "count", "articles", "share", "tradition", "naming_version"]
EXAMPLE_COLUMNS = ["group", "pair", "form", "item", "sentence_id", "surface", "text"]
SCARE_COLUMNS = ["group", "quoted", "count", "articles", "item", "sentence_id", "text"]


@lru_cache(maxsize=1)
def load_variants():
    """The variant table (pair, kind, form, patterns, case, rule, exclude, tradition, source, note)."""
    import pandas as pd

    return pd.read_csv(VARIANTS_FILE, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def variants_version() -> str:
    """The version of the naming variants table, read from the ``version:`` line of naming_variants.md (the
    provenance note beside naming_variants.csv); "unknown" if the note has none."""
    for line in VARIANTS_FILE.with_suffix(".md").read_text(encoding="utf-8").splitlines():
        if line.startswith("version:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def _phrase(text: str) -> str:
    body = r"\s+".join(re.escape(part) for part in text.split())
    return body.replace("'", "['\u2019]")


@lru_cache(maxsize=1)
def _compiled():
    """[(pair, [(form, pattern, rule, exclude pattern or None)] longest pattern first)] in table order."""
    table = load_variants()
    pairs = []
    for pair, rows in table.groupby("pair", sort=False):
        forms = []
        for row in rows.itertuples(index=False):
            flags = re.IGNORECASE if row.case == "insensitive" else 0
            phrases = sorted(row.patterns.split("|"), key=len, reverse=True)
            pattern = re.compile(rf"(?<!\w)(?:{'|'.join(_phrase(p) for p in phrases)})(?!\w)", flags)
            exclude = None
            if row.exclude:
                exclude = re.compile(rf"(?<!\w)(?:{'|'.join(_phrase(p) for p in row.exclude.split('|'))})(?!\w)",
                                     flags)
            forms.append((row.form, pattern, row.rule, exclude, max(len(p) for p in phrases)))
        forms.sort(key=lambda f: -f[4])
        pairs.append((pair, forms))
    return pairs


def _attributive(text: str, end: int) -> bool:
    """True when the match ending at ``end`` modifies what follows: a hyphen, or a next word that is not a
    stop word ("the Ukraine crisis")."""
    rest = text[end:]
    if rest[:1] in ("-", "\u2010", "\u2011"):
        return True
    m = re.match(r"\s+([A-Za-z][\w'\u2019]*)", rest)
    return bool(m) and not is_stopword(m.group(1))


def find_forms(text: str) -> list[tuple[str, str, int, int, str]]:
    """(pair, form, start, end, surface) of every counted form in ``text``, by the rules of the table."""
    found = []
    for pair, forms in _compiled():
        claimed: list[tuple[int, int]] = []
        for form, pattern, rule, exclude, _ in forms:
            blocked = [(m.start(), m.end()) for m in exclude.finditer(text)] if exclude else []
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(s < ce and cs < e for cs, ce in claimed) or any(bs <= s and e <= be for bs, be in blocked):
                    continue
                if rule == "not_attributive" and _attributive(text, e):
                    continue
                claimed.append((s, e))
                found.append((pair, form, s, e, m.group(0)))
    return found


def naming_hits(sentences):
    """Every counted form in the sentence texts: group, item, sentence_id, pair, form, start, end, surface."""
    import pandas as pd

    rows = []
    for group, item, sentence_id, text in zip(sentences["group"], sentences["item"], sentences["sentence_id"],
                                              sentences["text"]):
        for pair, form, s, e, surface in find_forms(text):
            rows.append((group, item, sentence_id, pair, form, s, e, surface))
    return pd.DataFrame(rows, columns=["group", "item", "sentence_id", "pair", "form", "start", "end", "surface"])


def naming_table(corpus, hits=None):
    """(naming, naming_examples): per group, set and form, the count, the articles using it and its share of
    the set in the group (every form of every set listed, zeros included: a zero is a finding); and the
    first sentence (in input order) behind each non-zero count."""
    import pandas as pd

    sentences = corpus["sentences"]
    hits = naming_hits(sentences) if hits is None else hits
    variants = load_variants()
    counts = hits.groupby(["group", "pair", "form"]).size()
    articles = hits.groupby(["group", "pair", "form"])["item"].nunique()
    rows = []
    for group in corpus.groups:
        for pair, forms in variants.groupby("pair", sort=False):
            n = {form: int(counts.get((group, pair, form), 0)) for form in forms["form"]}
            total = sum(n.values())
            for row in forms.itertuples(index=False):
                rows.append({"group": group, "pair": pair, "kind": row.kind, "form": row.form, "count": n[row.form],
                             "articles": int(articles.get((group, pair, row.form), 0)),
                             "share": n[row.form] / total if total else float("nan"), "tradition": row.tradition,
                             "naming_version": variants_version()})
    naming = pd.DataFrame(rows, columns=NAMING_COLUMNS)
    first = hits.sort_values(["item", "sentence_id", "start"], kind="mergesort").drop_duplicates(
        ["group", "pair", "form"])
    text = sentences.set_index(["item", "sentence_id"])["text"]
    first = first.assign(text=[text.get((i, s), "") for i, s in zip(first["item"], first["sentence_id"])])
    order = {g: i for i, g in enumerate(corpus.groups)}
    pair_order = {p: i for i, p in enumerate(dict.fromkeys(variants["pair"]))}
    first = first.assign(_g=first["group"].map(order), _p=first["pair"].map(pair_order)).sort_values(
        ["_p", "form", "_g"], kind="mergesort")
    return naming, first[EXAMPLE_COLUMNS].reset_index(drop=True)


def _normal_quote(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip(" \t.,;:!?\"'\u201c\u201d\u2018\u2019").lower()


def scare_quotes_by_group(corpus):
    """The words each group holds in scare quotes: how often, in how many articles, and the first sentence."""
    import pandas as pd

    quotes = corpus["scare_quotes"]
    if not len(quotes):
        return pd.DataFrame(columns=SCARE_COLUMNS)
    sentences = corpus["sentences"].set_index(["item", "sentence_id"])["text"]
    quotes = quotes.assign(quoted=quotes["text"].map(_normal_quote))
    rows = []
    order = {g: i for i, g in enumerate(corpus.groups)}
    for (group, quoted), cell in quotes.groupby(["group", "quoted"], sort=False):
        first = cell.sort_values(["item", "sentence_id"], kind="mergesort").iloc[0]
        rows.append({"group": group, "quoted": quoted, "count": len(cell), "articles": cell["item"].nunique(),
                     "item": int(first["item"]), "sentence_id": int(first["sentence_id"]),
                     "text": sentences.get((first["item"], first["sentence_id"]), "")})
    frame = pd.DataFrame(rows, columns=SCARE_COLUMNS)
    return frame.assign(_g=frame["group"].map(order)).sort_values(
        ["_g", "count", "quoted"], ascending=[True, False, True], kind="mergesort").drop(columns="_g").reset_index(drop=True)
