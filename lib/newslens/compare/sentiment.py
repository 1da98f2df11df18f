"""Sentiment per group: document tone and sentence sentiment with intervals over articles; sentiment near
each actor per group, with its mentions and two evidence sentences per cell.

Measures (all from the corpus tables; VADER is the reference implementation the per-article analysis uses):
- ``tone``: the article's GDELT-style tone (per cent positive minus per cent negative words), one value per
  article, averaged over the group's articles;
- ``news_tone``: the same with the news-sense word valences and organisation names masked
  (``newslens.sentiment.news``), where the corpus tables have it (written by newslens since news_tone was added);
- ``article_mean_compound``: the mean news-sense VADER compound (the primary score, ``news_compound``) of an
  article's sentences, averaged over articles;
- ``sentence_compound``: the mean news-sense compound of all the group's sentences pooled (long articles
  weigh more), its interval still resampling articles;
- ``vader_article_mean_compound``, ``vader_sentence_compound``: the same two with the reference VADER, for
  comparability.
Corpus tables written before the news-sense score was primary have no ``news_compound``: there the two
primary measures fall back to the reference VADER and their description says so.

Actors: the countries, blocs and alliances of ``actor_sentiment`` (``data/actors.csv``: a country with its
demonyms, its capital used for the government, its leader), plus the targets of ``data/compare_targets.csv``
(the Donbass republics and four leaders by name), found in the sentence texts. A country counts only in
the sentences where the places stage finds it acting (``actor_sentiment``), not where it is a setting or an
origin. As in the per-article analysis this is sentiment NEAR an actor (the score of those sentences), not
stance toward it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..paths import DATA_DIR
from ..stats import bootstrap_mean, bootstrap_ratio

TARGETS_FILE = DATA_DIR / "compare_targets.csv"
TONE_MEASURES = {
    "tone": "document tone (GDELT-style: % positive - % negative words), mean over articles",
    "news_tone": "document tone as above with news-sense word valences and organisation names masked, mean over "
                 "articles",
    "article_mean_compound": "mean news-sense VADER compound (primary) of an article's sentences, mean over articles",
    "sentence_compound": "news-sense VADER compound (primary) of every sentence, pooled over the group's sentences",
    "vader_article_mean_compound": "mean reference VADER compound of an article's sentences, mean over articles",
    "vader_sentence_compound": "reference VADER compound of every sentence, pooled over the group's sentences",
}
# measure -> (articles column, sentences column) it is computed from; the primary ones fall back to the
# reference where an older corpus lacks the news-sense columns.
COMPOUND_SOURCES = {"article_mean_compound": ("news_mean_compound", "news_compound"),
                    "sentence_compound": ("news_mean_compound", "news_compound"),
                    "vader_article_mean_compound": ("vader_mean_compound", "vader_compound"),
                    "vader_sentence_compound": ("vader_mean_compound", "vader_compound")}
FALLBACK_NOTE = " (reference VADER: these corpus tables have no news-sense columns)"


def sentence_score(sentences) -> str:
    """The sentences column of the primary score: news_compound, or vader_compound in older corpus tables."""
    return "news_compound" if "news_compound" in sentences else "vader_compound"
TONE_COLUMNS = ["group", "measure", "articles", "sentences", "value", "ci_low", "ci_high", "note", "description"]
ACTOR_COLUMNS = ["group", "actor", "source", "articles", "mentions", "sentences", "mean_compound", "ci_low",
                 "ci_high", "note", "most_negative_item", "most_negative_sentence_id", "most_negative_compound",
                 "most_negative_text", "most_positive_item", "most_positive_sentence_id", "most_positive_compound",
                 "most_positive_text", "vader_mean_compound"]


def tone_by_group(corpus):
    """One row per group and measure: the estimate, its 95% interval over articles, or a note why none."""
    import pandas as pd

    articles = corpus["articles"]
    sentences = corpus["sentences"]
    # n counts scored sentences: a Russian or Ukrainian article's are unscored (empty) until its language has a
    # sentiment lexicon, and must not count as zeros.
    sums = {column: sentences.groupby("item").agg(n=(column, "count"), total=(column, "sum"))
            for column in {"vader_compound", sentence_score(sentences)}}
    fallback = "news_compound" not in sentences or "news_mean_compound" not in articles
    rows = []
    for group in corpus.groups:
        arts = articles[articles["group"] == group]
        n_sent = int(sums["vader_compound"].reindex(arts["item"]).fillna(0)["n"].sum())
        for measure, description in TONE_MEASURES.items():
            if measure == "news_tone" and "news_tone" not in arts:
                continue            # corpus tables written before the news tone existed
            if measure in COMPOUND_SOURCES:
                article_column, sentence_column = COMPOUND_SOURCES[measure]
                if fallback:
                    if measure.startswith("vader_"):
                        continue    # the primary measures already are the reference here
                    article_column, sentence_column = "vader_mean_compound", "vader_compound"
                    description += FALLBACK_NOTE
            if measure in ("tone", "news_tone"):
                values = arts[measure].dropna()
                est = bootstrap_mean(values, f"{group}|{measure}")
                n = len(values)
            elif measure.endswith("article_mean_compound"):
                values = arts[article_column].dropna()
                est = bootstrap_mean(values, f"{group}|{measure}")
                n = len(values)
            else:
                sent = sums[sentence_column].reindex(arts["item"]).fillna(0)
                est = bootstrap_ratio(sent["total"], sent["n"], f"{group}|{measure}")
                n = len(arts)
            value, low, high, note = est
            rows.append({"group": group, "measure": measure, "articles": n, "sentences": n_sent, "value": value,
                         "ci_low": low, "ci_high": high, "note": note, "description": description})
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


@lru_cache(maxsize=1)
def load_targets():
    """The extra targets (target, alias, kind, source) of ``data/compare_targets.csv``."""
    import pandas as pd

    return pd.read_csv(TARGETS_FILE, dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _target_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(target, pattern) per target: its aliases longest first, whole words, not a speaker label."""
    table = load_targets()
    patterns = []
    for target, rows in table.groupby("target", sort=False):
        aliases = sorted(rows["alias"], key=len, reverse=True)
        parts = []
        for alias in aliases:
            body = r"\s+".join(re.escape(p) for p in alias.split()).replace("'", "['\u2019]")
            parts.append(f"(?i:{body})" if alias.islower() else body)
        patterns.append((target, re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)(?!\s*:)")))
    return tuple(patterns)


def target_mentions(sentences):
    """(item, actor, sentence_id, mentions) for the targets of ``compare_targets.csv`` in the sentence texts."""
    import pandas as pd

    rows = []
    for item, sentence_id, text in zip(sentences["item"], sentences["sentence_id"], sentences["text"]):
        for target, pattern in _target_patterns():
            n = len(pattern.findall(text))
            if n:
                rows.append((item, target, sentence_id, n))
    return pd.DataFrame(rows, columns=["item", "actor", "sentence_id", "mentions"])


def actor_sentences(corpus):
    """One row per (article, actor, sentence where it acts): the long table behind ``actor_tone``.

    Columns: item, group, actor, source (``actor_sentiment``: the actors.csv actors and the countries the
    places stage finds acting; or ``compare_targets.csv``), sentence_id, mentions (in that sentence; for
    actor_sentiment actors the article's count is put on its first sentence), compound (the primary score:
    news_compound, or vader_compound in corpus tables that lack it), vader_compound, text.
    """
    import pandas as pd

    sentences = corpus["sentences"]
    actors = corpus["actor_sentiment"]
    long = []
    if len(actors):
        exploded = actors[["item", "actor", "sentence_ids", "mentions"]].copy()
        exploded["sentence_id"] = exploded["sentence_ids"].astype(str).str.split(";")
        exploded = exploded.explode("sentence_id")
        exploded = exploded[exploded["sentence_id"].astype(str).str.strip() != ""]
        exploded["sentence_id"] = exploded["sentence_id"].astype(int)
        first = ~exploded.duplicated(["item", "actor"])
        exploded["mentions"] = exploded["mentions"].where(first, 0)
        long.append(exploded.drop(columns="sentence_ids").assign(source="actor_sentiment"))
    targets = target_mentions(sentences)
    if len(targets):
        long.append(targets.assign(source="compare_targets.csv"))
    if not long:
        return pd.DataFrame(columns=["item", "group", "actor", "source", "sentence_id", "mentions", "compound",
                                     "vader_compound", "text"])
    frame = pd.concat(long, ignore_index=True)
    keyed = sentences.assign(compound=sentences[sentence_score(sentences)]).set_index(["item", "sentence_id"])[
        ["group", "compound", "vader_compound", "text"]]
    frame = frame.join(keyed, on=["item", "sentence_id"])
    return frame[["item", "group", "actor", "source", "sentence_id", "mentions", "compound", "vader_compound",
                  "text"]]


def actor_tone_by_group(corpus, long=None):
    """One row per group and actor: articles naming it, mentions, sentences, the mean over articles of the
    article's mean compound near the actor (the primary, news-sense score; 95% interval over articles), the
    most negative and most positive sentence behind the cell by it, and the same mean over articles with the
    reference VADER (``vader_mean_compound``)."""
    import pandas as pd

    long = actor_sentences(corpus) if long is None else long
    rows = []
    order = {g: i for i, g in enumerate(corpus.groups)}
    for (group, actor), cell in long.groupby(["group", "actor"], sort=False):
        per_article = cell.groupby("item")["compound"].mean()
        value, low, high, note = bootstrap_mean(per_article.to_numpy(), f"{group}|{actor}")
        reference = float(cell.groupby("item")["vader_compound"].mean().mean())
        ranked = cell.sort_values(["compound", "item", "sentence_id"], kind="mergesort")
        neg, pos = ranked.iloc[0], ranked.iloc[-1]
        rows.append({"group": group, "actor": actor, "source": cell["source"].iloc[0],
                     "articles": int(per_article.size), "mentions": int(cell["mentions"].sum()),
                     "sentences": int(len(cell)), "mean_compound": value, "ci_low": low, "ci_high": high,
                     "note": note, "most_negative_item": int(neg["item"]),
                     "most_negative_sentence_id": int(neg["sentence_id"]),
                     "most_negative_compound": float(neg["compound"]), "most_negative_text": neg["text"],
                     "most_positive_item": int(pos["item"]), "most_positive_sentence_id": int(pos["sentence_id"]),
                     "most_positive_compound": float(pos["compound"]), "most_positive_text": pos["text"],
                     "vader_mean_compound": reference})
    frame = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    if len(frame):
        frame = frame.assign(_g=frame["group"].map(order)).sort_values(
            ["actor", "_g"], kind="mergesort").drop(columns="_g").reset_index(drop=True)
    return frame
