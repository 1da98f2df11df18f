"""Actors (states, alliances, blocs) named in the article, and the sentiment of the sentences around them.

Aliases come from ``data/actors.csv`` (actor, alias, kind, source). Matching is case-sensitive on the
quote-normalised body, alias by alias, with a word boundary on each side that a letter or digit would
break but a hyphen or apostrophe does not. So:

- possessives count: "Kiev's" and "ambassadors'" end at the apostrophe;
- hyphenated compounds count for every actor in them: "Turkish-Ukrainian" is Turkey and Ukraine,
  "NATO-member", "NATO-Russia", "Russian-Turkish", "Turkish-backed", "Turkish-allied";
- longer words do not: "West" is not found inside "Western" or "Westminster", "US" not inside "USA";
- rows of kind ``exclude`` (e.g. "West Bank", "Washington Post") block the actor aliases inside them.

"West" and "Western" count as the West (the bloc): in "between East and West" the article opposes two
geopolitical camps, not compass points, and lower-case "west"/"western" (directions) never match.

Which mentions are the actor acting comes from the places stage, when the caller passes its mention table
(``newslens.analyze`` does; a stage never imports another): a country's name, demonym or capital is the
state **acting** only where the place's role is ``actor`` ("Turkey provided", "Kiev's aggression"). Where
the role is ``literal`` the country is a **setting** ("conflicts in Syria"), where it is ``attribute`` an
**origin** ("Turkish drones", "a Turkish company"): both are listed with their role and never scored (a
bare name with no cue either way, the places stage's default, counts as acting: see ACTING_BY_DEFAULT). Any
other country the places stage finds acting under its name, demonym or capital ("Azerbaijan warned",
"Baku's forces") becomes an actor too, named as the gazetteer names it; no fixed list is needed for
countries. Leaders, officials and institutions always act; blocs and alliances too, unless the places stage
reads the name as an origin ("pro-Western") or as part of a region of a country ("Western Ukraine"). Without a place table every alias mention is scored, as before this split (role left empty).

Actor sentiment is the mean news-sense VADER compound (``news_compound``, the primary score: see
``newslens.sentiment.news`` and bench/results/news_sentiment_validity.md) of the sentences where the actor
acts, with a percentile bootstrap interval over those sentences; the reference VADER's mean and its most
negative and most positive sentences stand beside it in ``vader_``-prefixed columns, for comparability. It is sentiment NEAR an actor, not stance TOWARD it:
a sentence that condemns Ukraine for its "aggression" and a sentence that pities Ukraine both count as
negative for Ukraine, and every actor named in a sentence gets that sentence's whole score.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from functools import lru_cache

from ..paths import DATA_DIR
from ..schema import columns
from .scores import scoring_text

ACTORS_FILE = DATA_DIR / "actors.csv"
# The sentence score actor sentiment is built on (a column of the sentence table): the news-sense VADER.
PRIMARY_SCORE = "news_compound"
# The reference VADER's figures beside it, for comparability with other VADER studies.
REFERENCE_COLUMNS = ["vader_mean_compound", "vader_most_negative_sentence_id", "vader_most_negative_compound",
                     "vader_most_positive_sentence_id", "vader_most_positive_compound"]
# The interval of an actor's mean resamples its sentences (``newslens.stats.bootstrap_mean``, keyed by the
# actor's name); one sentence gives no interval.
MIN_SENTENCES_FOR_INTERVAL = 2


@lru_cache(maxsize=1)
def load_actors():
    """The alias table: actor, alias, kind, source (exclusion rows have kind 'exclude' and no actor)."""
    import pandas as pd

    return pd.read_csv(ACTORS_FILE, dtype=str, keep_default_na=False)


def _alias_pattern(alias: str) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in alias.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


@lru_cache(maxsize=1)
def _compiled_aliases() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, str, str, str, re.Pattern]]]:
    """([(first word, pattern)] of the exclusions, [(actor, alias, kind, first word, pattern)] of the actor
    aliases), in table order, built once."""
    table = load_actors()
    excluded = [(alias.split()[0], _alias_pattern(alias)) for alias in table.loc[table["kind"] == "exclude", "alias"]]
    aliases = [(row.actor, row.alias, row.kind, row.alias.split()[0], _alias_pattern(row.alias))
               for row in table[table["kind"] != "exclude"].itertuples(index=False)]
    return excluded, aliases


def _alias_matches(pattern: re.Pattern, first_word: str, text: str):
    """The matches of ``pattern.finditer(text)``, found faster.

    Every match begins with the alias's first word, so the pattern is tried only where ``str.find`` sees
    that word (the regex engine cannot skip ahead by itself: the pattern starts with a lookbehind). As in
    finditer, the search goes on after the end of each match.
    """
    end = 0
    at = text.find(first_word)
    while at >= 0:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()
        at = text.find(first_word, at + 1)


def find_mentions(text: str) -> list[dict]:
    """Every actor alias in ``text`` (quote-normalised first; offsets index ``text``), in text order."""
    text = scoring_text(text)
    excluded, aliases = _compiled_aliases()
    blocked = []
    for first_word, pattern in excluded:
        blocked += [(m.start(), m.end()) for m in _alias_matches(pattern, first_word, text)]
    found = []
    for actor, alias, kind, first_word, pattern in aliases:
        for m in _alias_matches(pattern, first_word, text):
            if any(m.start() < end and start < m.end() for start, end in blocked):
                continue
            found.append({"actor": actor, "alias": alias, "kind": kind, "start": m.start(),
                          "end": m.end(), "form": _form(text, m.start(), m.end())})
    found.sort(key=lambda f: (f["start"], f["end"], f["actor"]))
    return found


def _form(text: str, start: int, end: int) -> str:
    """How the alias is written: 'compound' (hyphen joined), 'possessive' ('s or '), or 'plain'."""
    if (start > 0 and text[start - 1] == "-") or text[end:end + 1] == "-":
        return "compound"
    if text[end:end + 1] == "'":
        return "possessive"
    return "plain"


# actors.csv kinds that name a country as a place does; the places stage decides whether each such mention is
# the state acting, a setting or an origin. Other kinds (leader, official, institution, alliance...) always act.
PLACE_KINDS = {"country", "capital", "demonym"}
# Blocs and alliances act unless the places stage reads their name otherwise: "pro-Western" is an origin
# (attributive_prefix), "Western" in "Western Ukraine" part of a region of a country.
BLOC_KINDS = {"bloc", "alliance", "union"}
# Place role -> actor role. Only "acting" mentions are scored. (The dateline's place is not in the body, so
# it is never an actor mention.)
ROLE_OF_PLACE = {"actor": "acting", "literal": "setting", "attribute": "origin", "not_a_place": "not_the_actor"}
# A country's name with no cue either way (the places stage's default, literal) is scored as acting: on 297
# hand-coded mentions of the demo corpus (bench/place_roles_news.py) such names were the state 38 times in 59.
# A demonym with no cue stays an origin ("Turkish drones"): there it was the state 18 times in 38.
ACTING_BY_DEFAULT = {"default_name"}


def _place_rows(place_mentions) -> list[dict]:
    """The places stage's mentions in the body (the dateline's place is not), in text order."""
    if place_mentions is None or not len(place_mentions):
        return []
    import pandas as pd

    # Read column by column in plain Python: filtering the frame and to_dict("records") cost more than the rows.
    names = ["start", "end", "surface", "kind", "place_kind", "country", "role", "rule", "country_named"]
    rows = []
    for values in zip(*(place_mentions[name].tolist() for name in names)):
        row = dict(zip(names, values))
        if pd.isna(row["start"]):           # the dateline's place: not in the body
            continue
        row["start"], row["end"] = int(row["start"]), int(row["end"])
        for column in ("country", "country_named"):
            row[column] = "" if row[column] != row[column] else str(row[column])
        rows.append(row)
    return sorted(rows, key=lambda r: r["start"])


def _place_at(places: list[dict], starts: list[int], offset: int) -> dict | None:
    """The place mention whose span holds ``offset`` (binary search over the sorted starts)."""
    i = bisect_right(starts, offset) - 1
    return places[i] if i >= 0 and offset < places[i]["end"] else None


def _actor_role(place: dict) -> str:
    """acting, setting, origin or not_the_actor, from a place mention's role and rule."""
    return "acting" if place["rule"] in ACTING_BY_DEFAULT else ROLE_OF_PLACE[place["role"]]


# "in the Lublin Triangle", "within NATO", "in the West": the bloc as the frame something happens in.
BLOC_SETTING = re.compile(r"\b(?:in|within|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def english_bloc_setting(f: dict, text: str) -> str:
    """Why the bloc alias ``f`` of ``text`` is the frame, not the bloc acting (it follows "in/within/inside
    (the)"), or "" when it is not."""
    if BLOC_SETTING.search(text[max(0, f["start"] - 12):f["start"]]):
        return "after 'in/within/inside (the)': the frame, not the bloc acting"
    return ""


def _bloc_role(f: dict, place: dict | None, text: str, bloc_setting=english_bloc_setting) -> dict:
    """role and role_source of a bloc or alliance alias: acting, unless the places stage reads the same name
    as an origin ("pro-Western"), the alias is part of a located place's name ("Western Ukraine"), or a
    preposition of place stands before it ("in the Lublin Triangle": a setting)."""
    if place is not None and place["country"] and (place["start"], place["end"]) != (f["start"], f["end"]):
        return {"role": "not_the_actor", "role_source": f"places: inside '{place['surface']}' (a place in "
                                                        f"{place['country']})"}
    if place is not None and (place["start"], place["end"]) == (f["start"], f["end"]) and place["role"] == "attribute":
        return {"role": "origin", "role_source": f"places: {place['rule']}"}
    why = bloc_setting(f, text)
    if why:
        return {"role": "setting", "role_source": why}
    return {"role": "acting", "role_source": f"alias kind: {f['kind']}"}


def with_roles(found: list[dict], place_mentions, text: str = "", bloc_setting=english_bloc_setting) -> list[dict]:
    """Alias mentions with their role (acting, setting, origin) from the places stage, plus the countries
    the places stage names that ``actors.csv`` does not list; in text order. ``bloc_setting(mention, text)``
    says why a bloc is named as the frame ("in NATO"), or "": English by default, the Russian and Ukrainian test in
    ``actors_cyrillic``."""
    if place_mentions is None:
        return [{**f, "role": "", "role_source": ""} for f in found]
    places = _place_rows(place_mentions)
    starts = [p["start"] for p in places]
    out, covered = [], set()
    for f in found:
        if f["kind"] in BLOC_KINDS:
            out.append({**f, **_bloc_role(f, _place_at(places, starts, f["start"]), text, bloc_setting)})
            continue
        place = _place_at(places, starts, f["start"]) if f["kind"] in PLACE_KINDS else None
        if place is None:
            source = "alias (not a place mention)" if f["kind"] in PLACE_KINDS else f"alias kind: {f['kind']}"
            out.append({**f, "role": "acting", "role_source": source})
        elif place["country_named"]:
            covered.add(place["start"])
            out.append({**f, "role": _actor_role(place), "role_source": f"places: {place['rule']}"})
        else:
            # Inside another place's name ("Ukraine" in "Eastern Ukraine"): that place is the setting or the
            # actor, not the country. A place outside the actor's country ("American" in "Latin American") is
            # no setting or origin of that actor at all.
            role = ROLE_OF_PLACE[place["role"]] if place["role"] in ("literal", "attribute") \
                and place["country"] == f["actor"] else "not_the_actor"
            same_span = (place["start"], place["end"]) == (f["start"], f["end"])
            # The same name that the places stage took for no country here ("Russia" opening "NATO-Russia
            # Council", an organisation's name) is not inside anything: say which rule decided.
            source = f"places: {place['rule']} (names no country here)" if same_span else \
                f"places: inside '{place['surface']}' ({place['role']})"
            out.append({**f, "role": role, "role_source": source})
    # "Does any mention in out overlap this place?" by binary search over the alias mentions (sorted by start,
    # with the furthest end so far) and the furthest end of the places added below (they come in text order):
    # a scan of out for every place was quadratic in the number of mentions.
    spans = sorted((f["start"], f["end"]) for f in out)
    span_starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    in_order = all(a["start"] <= b["start"] and a["start"] < a["end"] for a, b in zip(places, places[1:] + places[-1:]))
    added_reach = None

    def overlaps(place) -> bool:
        if not in_order:
            return any(f["start"] < place["end"] and place["start"] < f["end"] for f in out)
        k = bisect_left(span_starts, place["end"])
        return bool(k and reach[k - 1] > place["start"]) or (added_reach is not None and added_reach > place["start"])

    for place in places:
        if not place["country_named"] or place["start"] in covered or overlaps(place):
            continue
        added_reach = place["end"] if added_reach is None else max(added_reach, place["end"])
        kind = "demonym" if place["kind"] == "demonym" else (
            "country" if place["place_kind"] == "country" else "capital")
        out.append({"actor": place["country_named"], "alias": place["surface"], "kind": kind,
                    "start": place["start"], "end": place["end"], "form": "", "role": _actor_role(place),
                    "role_source": f"places: {place['rule']} (a country actors.csv does not list)"})
    out.sort(key=lambda f: (f["start"], f["end"], f["actor"]))
    return out


@dataclass(frozen=True)
class ActorMention:
    """One actor alias found in the body (offsets index ``article.body``), with its role from the places
    stage; ``actor_mentions`` describes the fields. The target fields only with the target_sentiment extra."""
    actor: str
    alias: str
    kind: str
    form: str
    role: str
    role_source: str
    sentence_id: int
    start: int
    end: int
    written: str
    target_label: str | None = None
    target_score: float | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def find_actor_mentions(article, target: bool = False, place_mentions=None) -> list[ActorMention]:
    """Every actor mention in the body, in text order, as records (see ``actor_mentions``)."""
    found, normalised = [], None
    for m in with_roles(find_mentions(article.body), place_mentions, article.body):
        sentence = article.sentence_at(m["start"])
        written = article.body[slice(*_whole_word(article.body, m["start"], m["end"]))]
        form = m["form"]
        if not form:               # a country the places stage added: its form on the same normalised text
            normalised = normalised if normalised is not None else scoring_text(article.body)
            form = _form(normalised, m["start"], m["end"])
        target_label = target_score = None
        if target:
            from .target import target_sentiment   # only with the target_sentiment extra (its model is read then)

            target_label, score = target_sentiment(sentence.text, m["start"] - sentence.start,
                                                   m["end"] - sentence.start)
            target_score = round(score, 4)
        found.append(ActorMention(actor=m["actor"], alias=m["alias"], kind=m["kind"], form=form, role=m["role"],
                                  role_source=m["role_source"], sentence_id=sentence.id, start=m["start"],
                                  end=m["end"], written=written, target_label=target_label,
                                  target_score=target_score))
    return found


def actor_mentions_frame(records: list[ActorMention], target: bool = False):
    """actor_mentions.csv from the records (its columns as newslens.schema declares them); the target columns
    with ``target``."""
    import pandas as pd

    names = columns("actor_mentions.csv", {"target_sentiment"} if target else set())
    return pd.DataFrame([[getattr(r, c) for c in names] for r in records], columns=names)


def actor_mentions(article, target: bool = False, place_mentions=None):
    """One row per mention: actor, alias, kind, form, role, role_source, sentence_id, start, end (body
    offsets), written.

    ``place_mentions``: the places stage's place_mentions table; it decides each country mention's role
    (acting, setting, origin; see the module docstring) and adds the countries ``actors.csv`` lacks. Without
    it, role is empty and every mention counts as acting.
    With ``target``: target_label and target_score, the sentiment toward this mention by the
    target-dependent model (``sentiment.target``), not the whole sentence's.
    """
    return actor_mentions_frame(find_actor_mentions(article, target, place_mentions), target)


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to the whole written word, so "Kiev's" and "Turkish-Ukrainian" show whole."""
    joiners = "-'’"
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in joiners):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in joiners):
        end += 1
    return start, end


def bootstrap_interval(values, actor: str) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean of an actor's sentence scores, resampling sentences
    (``newslens.stats``: the project seed with the key "actor|<name>", so the same actor gets the same draws
    in every run). NaN, NaN for fewer than ``MIN_SENTENCES_FOR_INTERVAL`` sentences."""
    from ..stats import bootstrap_mean   # only with the intervals extra (stats brings numpy)

    est = bootstrap_mean(values, f"actor|{actor}", min_n=MIN_SENTENCES_FOR_INTERVAL, unit="sentence")
    return est.low, est.high


def actor_sentiment(article, sentence_table, mentions=None, intervals: bool = True):
    """One row per actor that acts at least once: mentions and sentences where it acts, mean news-sense
    compound (``news_compound``, primary) of those sentences with a 95% bootstrap interval, the most negative
    and most positive sentence ids by it, the aliases found, how often it is named only as a setting or an
    origin (counted, not scored), and the reference VADER's mean, most negative and most positive sentence
    (``vader_`` columns). Sorted by sentences, then name.
    ``intervals=False`` leaves ci_low and ci_high empty (the bootstrap is most of this table's cost). With
    target columns in ``mentions`` (``actor_mentions(target=True)``) also mean_target_score (the mean
    sentiment toward the actor's mentions) and target_negative / target_neutral / target_positive counts.

    ``sentence_table`` is the sentence sentiment table (``sentiment.tables.sentence_sentiment``): the
    caller passes it in, so actors never import the table assembly that imports them.
    """
    import pandas as pd

    table = sentence_table
    mentions = mentions if mentions is not None else actor_mentions(article)
    # Settings and origins are counted apart and never scored (an empty role: no places table, all scored).
    apart: dict[str, dict[str, int]] = {}
    # The mentions scored (role acting, or no role), read column by column in plain Python: a boolean filter
    # of the frame costs more than the work on these few rows.
    scored = [True] * len(mentions)
    if "role" in mentions:
        scored = []
        for actor, role in zip(mentions["actor"], mentions["role"]):
            if role in ("setting", "origin"):
                counts = apart.setdefault(actor, {"setting": 0, "origin": 0})
                counts[role] += 1
            scored.append(role in ("acting", ""))
    # The primary score is the news-sense VADER; the reference VADER is kept beside it.
    compound = dict(zip(table["sentence_id"].astype(int), table[PRIMARY_SCORE].astype(float)))
    reference = dict(zip(table["sentence_id"].astype(int), table["vader_compound"].astype(float)))
    # Sentence ids and aliases of each actor's mentions, grouped in plain Python (a pandas groupby costs
    # more than the work on these few rows); actors in name order, as groupby(sort=True) gives them.
    sentence_ids_of: dict[str, list[int]] = {}
    aliases_of: dict[str, set[str]] = {}
    targets_of: dict[str, list[tuple[str, float]]] = {}
    if "target_score" in mentions:
        for keep, actor, label, score in zip(scored, mentions["actor"], mentions["target_label"],
                                             mentions["target_score"]):
            if keep:
                targets_of.setdefault(actor, []).append((label, float(score)))
    for keep, actor, sentence_id, alias in zip(scored, mentions["actor"], mentions["sentence_id"], mentions["alias"]):
        if not keep:
            continue
        sentence_ids_of.setdefault(actor, []).append(int(sentence_id))
        aliases_of.setdefault(actor, set()).add(alias)
    rows = []
    for actor in sorted(sentence_ids_of):
        ids = sorted(set(sentence_ids_of[actor]))
        scores = [compound[i] for i in ids]
        low, high = bootstrap_interval(scores, actor) if intervals else (float("nan"), float("nan"))
        most_negative = min(ids, key=lambda i: (compound[i], i))
        most_positive = max(ids, key=lambda i: (compound[i], -i))
        ref_negative = min(ids, key=lambda i: (reference[i], i))
        ref_positive = max(ids, key=lambda i: (reference[i], -i))
        note = "one sentence: no interval" if len(ids) == 1 else (
            "fewer than 5 sentences: the interval is too narrow to trust" if len(ids) < 5 else "")
        rows.append({
            "actor": actor, "mentions": len(sentence_ids_of[actor]), "sentences": len(ids),
            "sentence_ids": ";".join(str(i) for i in ids),
            "mean_compound": sum(scores) / len(scores), "ci_low": low, "ci_high": high,
            "most_negative_sentence_id": most_negative, "most_negative_compound": compound[most_negative],
            "most_positive_sentence_id": most_positive, "most_positive_compound": compound[most_positive],
            "aliases_found": ", ".join(sorted(aliases_of[actor])), "note": note,
            "setting_mentions": apart.get(actor, {}).get("setting", 0),
            "origin_mentions": apart.get(actor, {}).get("origin", 0),
            "vader_mean_compound": sum(reference[i] for i in ids) / len(ids),
            "vader_most_negative_sentence_id": ref_negative, "vader_most_negative_compound": reference[ref_negative],
            "vader_most_positive_sentence_id": ref_positive, "vader_most_positive_compound": reference[ref_positive],
        })
        if targets_of:
            found = targets_of[actor]
            rows[-1].update({"mean_target_score": sum(score for _, score in found) / len(found),
                             **{f"target_{name}": sum(label == name for label, _ in found)
                                for name in ("negative", "neutral", "positive")}})
    columns = ["actor", "mentions", "sentences", "sentence_ids", "mean_compound", "ci_low", "ci_high",
               "most_negative_sentence_id", "most_negative_compound", "most_positive_sentence_id",
               "most_positive_compound", "aliases_found", "note", "setting_mentions", "origin_mentions"] + REFERENCE_COLUMNS
    if targets_of:
        columns += ["mean_target_score", "target_negative", "target_neutral", "target_positive"]
    rows.sort(key=lambda row: (-row["sentences"], row["actor"]))      # most sentences first, then by name
    return pd.DataFrame(rows, columns=columns).round(4)
