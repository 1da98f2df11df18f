"""Framing per group: lexicon category rates per 1,000 words with intervals over articles, keyness of each
group against the rest of the corpus (G2 and log ratio), and keyword-in-context lines for the top words.

Keyness follows the two-corpus comparison of Rayson and Garside (2000), as Rayson's Wmatrix and quanteda's
``textstat_keyness(measure = "lr")`` report it: for each word, G2 (Dunning's log-likelihood) of its count in
the group against its count in all other groups, and Hardie's (2014) log ratio as the effect size (+1: twice
as frequent in the group). Both directions are listed: ``over`` (the group uses the word more than the
rest) and ``under``. Counts come from the corpus ``word_counts`` table (lower case, clitics dropped, quoted
titles left out: ``framing.keyness.keyness_words``); stop words count in the sizes but are not listed.
With thousands of words tested, ``p<0.05`` is weak evidence: read G2 against the stricter bands and the
number of the group's articles that use the word (a word from one long article is that article's keyness).
"""

from __future__ import annotations

import re

import numpy as np

from ..stats import bootstrap_ratio, g2, log_ratio, p_band
from ..text.stopwords import is_stopword

RATE_COLUMNS = ["group", "category", "articles", "words", "count", "per_1000", "ci_low", "ci_high", "note"]
CUE_RATE_COLUMNS = ["group", "voice", "articles", "words", "word_cues", "per_1000", "ci_low", "ci_high", "note"]
KEYNESS_COLUMNS = ["group", "word", "direction", "count", "rest_count", "group_articles", "per_million",
                   "rest_per_million", "g2", "log_ratio", "p_band", "rank"]
KWIC_COLUMNS = ["group", "word", "item", "sentence_id", "paragraph_id", "left", "surface", "right"]
KEYNESS_TOP = 25             # words kept per group and direction
KEYNESS_MIN_COUNT = 5        # a word is tested when the corpus holds it at least this often
KWIC_TERMS = 5               # top over-used words per group that get KWIC lines
KWIC_LINES = 3               # lines per word, from different articles where possible
KWIC_WIDTH = 60


def category_rates(corpus):
    """Per group and lexicon category: hits, words, the rate per 1,000 words and its interval over articles."""
    import pandas as pd

    articles = corpus["articles"]
    terms = corpus["framing_terms"]
    per_article = terms.groupby(["item", "category"])["count"].sum().unstack(fill_value=0)
    categories = list(dict.fromkeys(terms["category"])) if len(terms) else []
    rows = []
    for group in corpus.groups:
        arts = articles[articles["group"] == group]
        counts = per_article.reindex(arts["item"]).fillna(0)
        for category in categories:
            c = counts[category].to_numpy() if category in counts else np.zeros(len(arts))
            value, low, high, note = bootstrap_ratio(c, arts["words"].to_numpy(), f"{group}|{category}", scale=1000)
            rows.append({"group": group, "category": category, "articles": len(arts), "words": int(arts["words"].sum()),
                         "count": int(c.sum()), "per_1000": value, "ci_low": low, "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=RATE_COLUMNS)


def cue_rates(corpus):
    """Per group: loaded-language and name-calling cues per 1,000 words in the outlet's own voice, and apart in
    the words of the people it quotes or reports (``voice`` "outlet" / "speakers"), each with its interval over
    articles. Empty for corpus tables written before the articles table had these columns."""
    import pandas as pd

    articles = corpus["articles"]
    if "outlet_word_cues" not in articles:
        return pd.DataFrame(columns=CUE_RATE_COLUMNS)
    rows = []
    for group in corpus.groups:
        arts = articles[articles["group"] == group]
        for voice, prefix in (("outlet", "outlet"), ("speakers", "speaker")):
            cues = arts[f"{prefix}_word_cues"].fillna(0).to_numpy(dtype=float)
            words = arts[f"{prefix}_words"].fillna(0).to_numpy(dtype=float)
            value, low, high, note = bootstrap_ratio(cues, words, f"{group}|cues|{voice}", scale=1000)
            rows.append({"group": group, "voice": voice, "articles": len(arts), "words": int(words.sum()),
                         "word_cues": int(cues.sum()), "per_1000": value, "ci_low": low, "ci_high": high,
                         "note": note})
    return pd.DataFrame(rows, columns=CUE_RATE_COLUMNS)


def keyness_by_group(corpus, top: int = KEYNESS_TOP, min_count: int = KEYNESS_MIN_COUNT):
    """The ``top`` key words of each group against the rest, in both directions, by G2."""
    import pandas as pd


    words = corpus["word_counts"]
    table = words.groupby(["word", "group"])["count"].sum().unstack(fill_value=0)
    used_in = words.groupby(["word", "group"])["item"].nunique().unstack(fill_value=0)
    sizes = table.sum(axis=0)
    total = table.sum(axis=1)
    words_ok = table.index.to_series().map(lambda w: len(w) > 1 and not is_stopword(w)).to_numpy()
    keep = (total >= min_count) & words_ok        # one-letter remnants ('s' of 'U.S.') are not words
    table, used_in = table[keep], used_in.reindex(table.index[keep]).fillna(0)
    rows = []
    for group in corpus.groups:
        if group not in table:
            continue
        a = table[group].to_numpy()
        b = (table.sum(axis=1) - table[group]).to_numpy()
        c, d = float(sizes[group]), float(sizes.sum() - sizes[group])
        if d == 0:
            continue
        frame = pd.DataFrame({"word": table.index, "count": a, "rest_count": b,
                              "group_articles": used_in[group].to_numpy().astype(int),
                              "per_million": a / c * 1e6, "rest_per_million": b / d * 1e6,
                              "g2": g2(a, b, c, d), "log_ratio": log_ratio(a, b, c, d)})
        frame["direction"] = np.where(frame["per_million"] >= frame["rest_per_million"], "over", "under")
        for direction in ("over", "under"):
            part = frame[frame["direction"] == direction].sort_values(["g2", "word"], ascending=[False, True],
                                                                      kind="mergesort").head(top)
            part = part.assign(group=group, rank=np.arange(1, len(part) + 1),
                               p_band=[p_band(v) for v in part["g2"]])
            rows.append(part)
    if not rows:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    return pd.concat(rows, ignore_index=True)[KEYNESS_COLUMNS]


def _cut(text: str, width: int, left: bool) -> str:
    """Context cut at a word boundary (never half a word)."""
    if len(text) <= width:
        return text
    if left:
        part = text[-width:]
        return part[part.index(" ") + 1:] if " " in part and text[-width - 1] != " " else part
    part = text[:width]
    return part[:part.rindex(" ")] if " " in part and text[width] != " " else part


def kwic_lines(corpus, keyness, terms: int = KWIC_TERMS, lines: int = KWIC_LINES, width: int = KWIC_WIDTH):
    """Keyword-in-context lines for the top ``terms`` over-used words of each group, ``lines`` per word,
    each from a different article of the group where there are enough (first occurrence per article)."""
    import pandas as pd

    sentences = corpus["sentences"]
    rows = []
    top = keyness[(keyness["direction"] == "over") & (keyness["rank"] <= terms)]
    for group, word in zip(top["group"], top["word"]):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        found, seen_items = [], set()
        for row in sentences[sentences["group"] == group].itertuples(index=False):
            m = pattern.search(row.text)
            if m is None:
                continue
            hit = {"group": group, "word": word, "item": row.item, "sentence_id": row.sentence_id,
                   "paragraph_id": row.paragraph_id, "left": _cut(row.text[:m.start()], width, True),
                   "surface": m.group(0), "right": _cut(row.text[m.end():], width, False)}
            if row.item not in seen_items:
                seen_items.add(row.item)
                found.append(hit)
            if len(found) >= lines:
                break
        rows.extend(found)
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
