"""Findings stated in words, computed from an article's tables, so that a notebook's summary is right for
whatever article it runs on.

Each ``*_findings`` function takes the tables a notebook already holds and returns a list of sentences;
``show_findings`` (in ``report.display``) renders them. Examples are picked by a rule stated in the sentence
("the most negative sentence"), never by a fixed sentence number. Notes checked by hand against the seed's
text (or the demo corpus) live in ``data/hand_checked_notes.json`` and are shown through
:func:`seed_commentary` (or :func:`commentary_for`), which return nothing for any other input.
"""

from __future__ import annotations

from pathlib import Path

from newslens.paths import DATA_DIR
from newslens.report.display import show_findings, show_note
from newslens.text.language import LANGUAGE_NAMES
from newslens.text.seeds import seed_path

NEUTRAL_BAND = 0.05           # VADER's convention: >= 0.05 positive, <= -0.05 negative
QUOTE_WIDTH = 160             # characters of a sentence quoted in a finding


def is_seed(article) -> bool:
    """True when ``article`` was read from the seed article of ``seeds/``."""
    try:
        return Path(article.source).resolve() == seed_path().resolve()
    except (TypeError, OSError):
        return False


NOTES_FILE = DATA_DIR / "hand_checked_notes.json"   # what was read by hand on the seed and the demo corpus


def hand_checked_note(key: str) -> dict:
    """One entry of the hand-checked notes: caption, what it was checked on, and the items."""
    import json

    notes = json.loads(NOTES_FILE.read_text(encoding="utf-8"))
    return notes[key]


def seed_commentary(article, key: str):
    """The notes ``key`` of hand_checked_notes.json, checked by hand against the seed's text: shown for the
    seed article only, else ``None``."""
    return commentary_for(is_seed(article), key)


def _quote(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(str(text).split())
    return f"“{text}”" if len(text) <= width else f"“{text[:width].rsplit(' ', 1)[0]} …”"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _listing(pairs, limit: int = 5) -> str:
    """'a (3), b (2) and c (1)' from (name, count) pairs, the first ``limit`` of them."""
    parts = [f"“{name}” ({count})" for name, count in list(pairs)[:limit]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# 00 · the article as data ---------------------------------------------------------------------------------
def article_findings(article, removed, paragraphs, sentences) -> list[str]:
    """What the cleaning did and what remains, from removed_lines, paragraphs and sentences tables."""
    report = article.report
    items = [f"Input read as {report.input_format} ({report.encoding})."]
    if len(removed):
        kinds = removed["reason"].str.split(":").str[0].str.strip()     # "metadata: title" counts as metadata
        reasons = kinds.groupby(kinds, sort=False).size().sort_values(ascending=False, kind="stable")
        items.append(f"The cleaning removed {_plural(len(removed), 'line')}, each with a recorded reason: "
                     + "; ".join(f"{reason} ({n})" for reason, n in reasons.head(6).items())
                     + ("; and other reasons" if len(reasons) > 6 else "") + ".")
    else:
        items.append("The cleaning removed no line: the whole file is the body.")
    repairs = []
    if report.links_unwrapped:
        repairs.append(f"{_plural(report.links_unwrapped, 'Markdown link')} reduced to their text")
    if report.joined:
        repairs.append(f"{_plural(len(report.joined), 'paragraph')} broken mid-sentence re-joined")
    if article.standfirst:
        repairs.append(f"a standfirst that body paragraph {article.standfirst.duplicate_of} repeats, counted once")
    items.append(("Repairs: " + "; ".join(repairs) + ".") if repairs else "No repair was needed: no Markdown "
                 "link, no paragraph broken mid-sentence, no repeated standfirst.")
    words = sentences["words"]
    if len(sentences):
        longest = sentences.loc[words.idxmax()]
        items.append(f"The body: {_plural(len(article.paragraphs), 'paragraph')}, "
                     f"{_plural(len(sentences), 'sentence')}, {_plural(int(words.sum()), 'word')}; "
                     f"median sentence {words.median():g} words, the longest sentence {int(longest['sentence_id'])} "
                     f"({int(longest['words'])} words).")
    else:
        items.append("The body holds no sentence.")
    return items


# 01 · sentiment --------------------------------------------------------------------------------------------
def sentiment_findings(sentences, actors, score: str = "news_compound", method: str = "the news-sense VADER",
                       actors_unavailable: str | None = None) -> list[str]:
    """Counts by sign, the extremes, the paragraphs, and each actor's tone with its evidence sentences.
    ``method`` names the score's method; ``actors_unavailable`` (from :func:`unavailable`) replaces the actor
    findings when the article's language has no actor reading."""
    if not len(sentences):
        return ["The body holds no sentence to score."]
    s = sentences[score]
    neg, pos = int((s <= -NEUTRAL_BAND).sum()), int((s >= NEUTRAL_BAND).sum())
    items = [f"By {method} ({score}), {neg} of {len(s)} sentences are negative, {pos} positive and "
             f"{len(s) - neg - pos} neutral (VADER's ±{NEUTRAL_BAND} band); mean {s.mean():+.3f}."]
    lo, hi = sentences.loc[s.idxmin()], sentences.loc[s.idxmax()]
    items.append(f"Most negative: sentence {int(lo['sentence_id'])} ({lo[score]:+.4f}), {_quote(lo['text'])}")
    if hi[score] > lo[score]:
        items.append(f"Most positive: sentence {int(hi['sentence_id'])} ({hi[score]:+.4f}), {_quote(hi['text'])}")
    by_para = sentences.groupby("paragraph_id")[score].mean()
    if len(by_para) > 1:
        below = [int(p) for p, v in by_para.items() if v <= -NEUTRAL_BAND]
        items.append(f"Paragraph means run from {by_para.min():+.3f} (paragraph {int(by_para.idxmin())}) to "
                     f"{by_para.max():+.3f} (paragraph {int(by_para.idxmax())}); "
                     + (f"{_plural(len(below), 'paragraph')} of {len(by_para)} average negative."))
    if actors_unavailable:
        items.append(actors_unavailable)
    elif len(actors):
        for row in actors.head(4).itertuples():
            items.append(f"Near {row.actor}: mean {row.mean_compound:+.3f} over {_plural(int(row.sentences), 'sentence')}; "
                         f"most negative sentence {int(row.most_negative_sentence_id)} ({row.most_negative_compound:+.4f}), "
                         f"most positive {int(row.most_positive_sentence_id)} ({row.most_positive_compound:+.4f}).")
        if len(actors) > 4:
            items.append(f"{len(actors) - 4} more actors in the table above (actors.csv).")
    else:
        items.append("No actor of actors.csv acts in this article, so there is no sentiment near an actor.")
    return items


def near_and_toward_disagree(mentions, sentences, n: int = 2, score: str = "news_compound"):
    """The ``n`` actor mentions where the sentence's score and the target model's score of the mention
    differ most (one per sentence): where sentiment *near* an actor misleads most about sentiment *toward* it."""
    if not len(mentions) or "target_score" not in mentions:
        return mentions.iloc[0:0].assign(**{score: [], "gap": [], "text": []})
    acting = mentions[mentions["role"] == "acting"] if "role" in mentions else mentions
    joined = acting.merge(sentences[["sentence_id", score, "text"]], on="sentence_id", validate="many_to_one")
    joined = joined.assign(gap=(joined[score] - joined["target_score"]).abs()).dropna(subset=["gap"])
    joined = joined.sort_values(["gap", "sentence_id"], ascending=[False, True], kind="stable")
    return joined.drop_duplicates("sentence_id").head(n)


def _language_name(result) -> str | None:
    """"Russian" or "Ukrainian" for an article analysed in that language; None for English (its article.json
    has no language block)."""
    lang = result.metadata.get("language", {}).get("analysed_as")
    return None if lang in (None, "en") else LANGUAGE_NAMES[lang]


def actor_score_words(result) -> str:
    """What mean_compound and vader_mean_compound of actors.csv are, for the note under the actors table."""
    name = _language_name(result)
    if name is None:
        return "mean_compound: news-sense VADER (primary); vader_mean_compound: the reference VADER, for comparability."
    return (f"mean_compound: {score_method(result)}, the one sentence score of a {name} article "
            "(vader_mean_compound repeats it).")


def english_method_note(result, what: str):
    """For a Russian or Ukrainian article, a note that ``what`` (figures of the English methods' validity)
    concerns the English method and not the score of this article, with where that score's figures are;
    ``None`` for an English article (nothing is added)."""
    name = _language_name(result)
    if name is None:
        return None
    return show_note(f"{what} concern the English method (the news-sense VADER and the English scorers beside "
                     f"it), not this {name} article, whose sentences are scored by {score_method(result)}. That "
                     "method's own figures (RuSentNE-2023 for Russian, hand-labelled presidential addresses for "
                     "Ukrainian) are in docs/sentiment-ru-uk.md.")


def target_method_note(result):
    """For a Russian or Ukrainian article, a note saying what scores each actor mention there (the model this
    notebook describes is the English one), from article.json's readings; ``None`` for an English article."""
    name = _language_name(result)
    why = result.metadata.get("language", {}).get("readings", {}).get("actors.csv", "")
    marker = "toward each mention: "
    if name is None or marker not in why:
        return None
    return show_note(f"In this {name} article the sentiment toward each mention (target_score) is not the "
                     f"NewsMTSC model described above: it is {why.split(marker, 1)[1]}.")


# 02 · framing ----------------------------------------------------------------------------------------------
def framing_findings(tables, terms_unavailable: str | None = None, language: str = "English") -> list[str]:
    """Naming choices, the most used labels, scare quotes, hedges against certainty markers, keyness, cues.
    ``terms_unavailable`` (from :func:`unavailable`): the article's language has no terms.csv, keyness or cues;
    the findings then come from term_mentions.csv and quotes.csv, and that sentence says what is missing.
    ``language``: the language keyness compared the article with."""
    if terms_unavailable:
        return _framing_findings_from_mentions(tables, terms_unavailable)
    terms, quotes, cues = tables["terms.csv"], tables["quotes.csv"], tables["cues.csv"]
    counted = terms[terms["count"] > 0].sort_values(["count", "term"], ascending=[False, True], kind="stable")
    items = []
    picks = tables["naming_choices.csv"]
    used = picks[~picks["picked"].isin(["neither"])]
    if len(used):
        def choice(r):
            if r.picked == "both":
                return f"both {r.spelling_a} ({r.count_a}) and {r.spelling_b} ({r.count_b})"
            (a, n), (b, m) = sorted([(r.spelling_a, r.count_a), (r.spelling_b, r.count_b)], key=lambda x: x[0] != r.picked)
            return f"{a} ({n}), not {b}"
        items.append("Naming choices: " + "; ".join(choice(r) for r in used.itertuples()) + ".")
    else:
        items.append("Naming choices: the article uses neither spelling of any contested pair in the lexicon.")
    labels = counted[~counted["category"].isin(["hedge", "certainty_marker", "naming_choice"])
                     & ~counted["category"].str.startswith("frame_")]
    if len(labels):
        items.append("Most frequent labels: " + _listing(zip(labels["term"], labels["count"])) + ".")
    if len(quotes):
        kinds = quotes["kind"].value_counts()
        items.append(f"{_plural(len(quotes), 'quoted span')}: " + ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in kinds.items()) + ".")
        scare = quotes[quotes["kind"] == "scare quote"]["text"].str.lower().value_counts()
        if len(scare):
            items.append("Scare-quoted most often: " + _listing(scare.items()) + ".")
    else:
        items.append("No quoted span in the article.")
    stance = []
    if not counted["category"].isin(["hedge", "certainty_marker"]).any():
        stance = ["No hedge and no certainty marker"]
    for category, name in (("hedge", "Hedges"), ("certainty_marker", "certainty markers")) if not stance else ():
        found = counted[counted["category"] == category]
        stance.append(f"{name}: {_plural(int(found['count'].sum()), 'hit')}" + (f" ({_listing(zip(found['term'], found['count']), 4)})"
                                                                if len(found) else ""))
    items.append(" against ".join(stance) + ".")
    keyness = tables["keyness.csv"]
    over = keyness[(keyness["direction"] == "over") & (keyness["article_count"] >= 2)].sort_values("g2", ascending=False)
    if len(over):
        items.append(f"Most over-used against general {language} (seen twice or more, by G2): "
                     + ", ".join(f"“{w}”" for w in over["word"].head(6)) + ".")
    if len(cues):
        items.append("Propaganda cues to read: " + ", ".join(f"{cue} {n}" for cue, n in cues["cue"].value_counts().items())
                     + " pieces of evidence (cues.csv).")
    else:
        items.append("No propaganda cue found.")
    frames = terms[terms["category"].str.startswith("frame_")].groupby("category")["count"].sum()
    silent = [c.removeprefix("frame_").replace("_", " ") for c, n in frames.items() if n == 0]
    if silent:
        items.append("No cue word of these news frames occurs: " + ", ".join(silent) + ".")
    return items


def _quote_findings(quotes) -> list[str]:
    if not len(quotes):
        return ["No quoted span in the article."]
    kinds = quotes["kind"].value_counts()
    return [f"{_plural(len(quotes), 'quoted span')}: "
            + ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in kinds.items()) + "."]


def _framing_findings_from_mentions(tables, terms_unavailable: str) -> list[str]:
    """Framing findings of an article whose language has term_mentions.csv but no terms.csv (Russian,
    Ukrainian): the counted lexicon hits by entry and category, the quoted spans, and what is not measured."""
    mentions = tables["term_mentions.csv"]
    counted = mentions[mentions["counted"].astype(bool)] if len(mentions) else mentions
    items = []
    if len(counted):
        per_term = counted.groupby(["term", "category"], sort=False).size().reset_index(name="n")
        per_term = per_term.sort_values(["n", "term"], ascending=[False, True], kind="stable")
        items.append(f"{_plural(len(counted), 'counted hit')} of the framing lexicon (term_mentions.csv): "
                     + _listing(((f"{r.term}, {r.category.replace('_', ' ')}", r.n) for r in per_term.itertuples()),
                                limit=6) + ".")
        naming = per_term[per_term["category"] == "naming_choice"]
        if len(naming):
            items.append("Contested names used: " + _listing(zip(naming["term"], naming["n"])) + ".")
    else:
        items.append("No entry of the framing lexicon is counted in this article (term_mentions.csv).")
    items += _quote_findings(tables["quotes.csv"])
    items.append(terms_unavailable)
    return items


# 03 · places -----------------------------------------------------------------------------------------------
ROLE_WORDS = {"actor": "as a government or state acting", "literal": "as a location",
              "attribute": "as an origin (demonym)", "dateline": "in the dateline", "not_a_place": "excluded names"}


def places_findings(tables) -> list[str]:
    """Mentions per role, the top places in each role, the focus countries."""
    mentions, places, focus = tables["place_mentions.csv"], tables["places.csv"], tables["place_focus.csv"]
    if not len(mentions):
        return ["The article names no place, bloc or country."]
    roles = mentions["role"].value_counts()
    items = [f"{_plural(len(mentions), 'mention')}: " + ", ".join(f"{n} {ROLE_WORDS.get(r, r)}" for r, n in roles.items()) + "."]
    for role, column in (("actor", "actor_mentions"), ("literal", "literal_mentions")):
        top = places[places[column] > 0].sort_values([column, "place"], ascending=[False, True], kind="stable")
        if len(top):
            items.append(f"Most named {ROLE_WORDS[role]}: "
                         + ", ".join(f"{r.place} ({int(getattr(r, column))})" for r in top.head(4).itertuples()) + ".")
    excluded = mentions[mentions["role"] == "not_a_place"]["surface"].value_counts()
    if len(excluded):
        items.append("Names that contain a place but are not one: " + _listing(excluded.items()) + ".")
    chosen = focus[focus["focus"]]
    if len(chosen):
        items.append("Focus (at least 10% of the score): " + ", ".join(
            f"{r.country} ({r.share:.0%})" for r in chosen.itertuples()) + ".")
    return items


def commentary_for(applies: bool, key: str):
    """The notes ``key`` of hand_checked_notes.json, shown only when ``applies`` (the input they were checked
    on is the one that ran), else ``None``."""
    if not applies:
        return None
    note = hand_checked_note(key)
    return show_findings(note["items"], f"{note['caption']} (checked by hand on {note['checked_on']}; shown only "
                                        "for it)")


# 05 · comparing outlets ------------------------------------------------------------------------------------
def _interval(row, value: str) -> str:
    if row["ci_low"] != row["ci_low"]:
        return f"{row[value]:+.3f} (no interval: {int(row['articles'])} articles)"
    return f"{row[value]:+.3f} [{row['ci_low']:+.3f}, {row['ci_high']:+.3f}] over {int(row['articles'])} articles"


def _ends(frame, value: str, by: str, what: str) -> str | None:
    """'lowest X ...; highest Y ...' and whether the lowest interval overlaps the others."""
    frame = frame.dropna(subset=[value]).sort_values([value, by], kind="stable")
    frame = frame[frame["articles"] > 0]
    if len(frame) < 2:
        return None
    low, high = frame.iloc[0], frame.iloc[-1]
    others_low = frame["ci_low"].iloc[1:].min()
    if low["ci_high"] != low["ci_high"] or others_low != others_low:
        verdict = "without intervals for both, the two are not told apart"
    elif low["ci_high"] >= others_low:
        verdict = "the lowest interval overlaps another: not told apart at this sample size"
    else:
        verdict = "the lowest interval lies below every other"
    return (f"{what}: lowest {low[by]}, {_interval(low, value)}; highest {high[by]}, {_interval(high, value)}; "
            f"{verdict}.")


def compare_findings(tables, by: str = "outlet", actors=("Ukraine", "Russia")) -> list[str]:
    """The groups, the spellings each uses, labels only one group uses, tone and sentiment near actors with
    their intervals, the focus country of each group, and the shared passages."""
    groups = tables["groups"]
    items = [f"{_plural(len(groups), by)}, {int(groups['articles'].sum()):,} articles: "
             + ", ".join(f"{r[by]} ({int(r['articles'])})" for _, r in groups.iterrows()) + "."]
    naming = tables["naming"]
    used = naming[(naming["kind"] == "place_name") & (naming["count"] > 0)]
    top = used.sort_values([by, "count"], ascending=[True, False], kind="stable").drop_duplicates(["pair", by])
    split = top.groupby("pair")["form"].nunique()
    split = split[split > 1].index                     # pairs where the groups' most-used forms differ
    totals = used[used["pair"].isin(split)].groupby("pair")["count"].sum().sort_values(ascending=False, kind="stable")
    for pair in totals.index[:3]:
        items.append(f"{pair}: " + "; ".join(f"{r[by]} writes {r['form']} ({int(r['count'])})"
                                             for _, r in top[top["pair"] == pair].iterrows()) + ".")
    if len(used) and not len(totals):
        items.append("Contested names: every " + by + " writes the same form of each name it uses.")
    labels = naming[(naming["kind"] == "actor_label") & (naming["count"] > 0)]
    only = labels.groupby("form").filter(lambda f: f[by].nunique() == 1).sort_values("count", ascending=False)
    if len(labels.groupby("form")) and len(only) and len(groups) > 1:
        items.append("Labels only one " + by + " uses: " + "; ".join(
            f"“{r['form']}” ({r[by]}, {int(r['count'])})" for _, r in only.head(5).iterrows()) + ".")
    tone = tables["tone"]
    line = _ends(tone[tone["measure"] == "sentence_compound"], "value", by, "Sentence sentiment (news-sense VADER)")
    if line:
        items.append(line)
    actor_tone = tables["actor_tone"]
    for actor in actors:
        line = _ends(actor_tone[actor_tone["actor"] == actor], "mean_compound", by, f"Near {actor}")
        if line:
            items.append(line)
    countries = tables["place_countries"]
    focus = countries[countries["rank"] == 1]
    if len(focus):
        items.append("Most-named country: " + "; ".join(f"{r[by]} {r['country']} ({r['share']:.0%} of its country "
                                                         "mentions)" for _, r in focus.iterrows()) + ".")
    shared = tables["shared_passages"]
    pairs = shared.drop_duplicates("pair_id")
    if len(pairs):
        between = pairs.apply(lambda r: " → ".join([r["outlet_a"], r["outlet_b"]]), axis=1).value_counts()
        items.append(f"{_plural(len(pairs), 'article pair')} share passages word for word: "
                     + ", ".join(f"{k} ({n})" for k, n in between.items()) + ".")
    else:
        items.append("No two articles share a passage of 20 words or more.")
    return items


# Readings an article's language does not have --------------------------------------------------------------
def unavailable(result, reading: str) -> str | None:
    """One sentence saying that ``reading`` (a key of article.json's ``language.readings``: a table name such
    as "actors.csv") is not measured in the article's language, taken from those readings; ``None`` when it is
    available (always for an English article, whose article.json has no readings)."""
    why = result.metadata.get("language", {}).get("readings", {}).get(reading, "available")
    return None if why.startswith("available") else f"{reading}: {why}."


def unavailable_note(result, reading: str):
    """:func:`unavailable` as a note to display in place of a figure or table, or ``None``."""
    why = unavailable(result, reading)
    return None if why is None else show_note(why)


def score_method(result, default: str = "the news-sense VADER") -> str:
    """What scored the sentences, for a finding: ``default`` for English, else the method article.json's
    readings name ("the Russian lexicon with VADER's rules")."""
    why = result.metadata.get("language", {}).get("readings", {}).get(
        "sentence sentiment (vader_compound, news_compound)")
    if why is None or not why.startswith("available: "):
        return default
    return "the " + why.removeprefix("available: ").split(" (")[0]
