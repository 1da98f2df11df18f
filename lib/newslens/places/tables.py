"""Places in one article as tables: every mention with its role, the places, role counts and country focus.

Entry point for ``newslens analyze``: ``places_annotations(article)``, the mentions as records
(``geoparse.PlaceMention``) and the tables made from them; ``places_tables(article)``, the tables alone.

Roles come from ``roles``; a wire dateline's place ("MOSCOW, October 27. /TASS/.", cut from the body into
the article's metadata by ``text.wire``) is one more mention with role ``dateline``, listed first, with no
sentence or offsets (it is not in the body).

``country_named`` says which country a mention names directly: by its name ("Turkey"), its demonym
("Turkish") or its national capital ("Ankara", "Kiev"). With the role it tells the sentiment stage which
mentions are a government acting (actor), a setting (literal) or an origin (attribute).

Focus (which countries the article is about): every mention that resolves to a country, or to a city or
region inside one, adds ``role weight x position weight`` to that country. Role weights: actor 1.0, literal
1.0 (both say the country matters), attribute 0.5 (a demonym naming where a thing comes from), dateline 0.5
(where the report was filed: the country matters, less than a mention in the text); an institution of one
country standing for its government (the Kremlin, the White House, the Pentagon) counts toward that country
as an actor mention; other blocs and excluded names add nothing. Position weight falls linearly from 1.5 at the first character of the body to
1.0 at the last (news puts what matters first). A country is a focus country when its share of the total
score is at least ``FOCUS_SHARE`` (10%).
"""

from __future__ import annotations

from dataclasses import replace

from ..annotations import Annotations
from ..schema import columns, conform_each
from .geoparse import PlaceMention, dateline_mention, extract_mentions
from .gazetteer import load_gazetteer
from .roles import assign_roles

ROLE_WEIGHT = {"actor": 1.0, "literal": 1.0, "attribute": 0.5, "dateline": 0.5, "not_a_place": 0.0}
POSITION_BOOST = 0.5
FOCUS_SHARE = 0.10
ROLES = ["literal", "actor", "attribute", "dateline", "not_a_place"]
DATELINE_RULE = "wire_dateline"


def analyse_places(article, prefer_countries=(), prefer_continents=()) -> list[PlaceMention]:
    """Mentions in ``article.body``, resolved and with a role (see geoparse and roles), after the wire
    dateline's place if the article has one."""
    mentions = extract_mentions(article, prefer_countries=prefer_countries, prefer_continents=prefer_continents)
    mentions = assign_roles(mentions, article)
    dateline = dateline_mention(article, prefer_countries=prefer_countries, prefer_continents=prefer_continents)
    if dateline is not None:
        mentions.insert(0, replace(dateline, role="dateline", rule=DATELINE_RULE))
    return mentions


def country_named(m: PlaceMention, gazetteer=None) -> str:
    """The country ``m`` names by its name, demonym or national capital; "" for any other place."""
    p = m.place
    if p is None or not p.is_place or not p.country_code:
        return ""
    g = gazetteer or load_gazetteer()
    return g.country_name(p.country_code) if p.kind == "country" or g.capital_of(p) else ""


OFFSET_COLUMNS = ["sentence_id", "paragraph_id", "start", "end"]


def mentions_frame(mentions: list[PlaceMention]):
    """place_mentions.csv: one row per mention, in text order."""
    import pandas as pd

    g = load_gazetteer()
    rows = []
    for i, m in enumerate(mentions, start=1):
        p = m.place
        where = (m.sentence_id, m.paragraph_id, m.start, m.end) if m.in_body else (None, None, None, None)
        rows.append({
            "mention_id": i, **dict(zip(OFFSET_COLUMNS, where)), "surface": m.surface,
            "place": p.name if p else "", "place_kind": p.kind if p else "", "kind": m.form,
            "country_code": p.country_code if p else "", "country": g.country_name(p.country_code) if p else "",
            "role": m.role, "rule": m.rule, "country_named": country_named(m, g), "possessive": m.possessive,
            "compound": (f"{m.prefix}-" if m.prefix else "") + m.surface + (f"-{m.suffix}" if m.suffix else "")
            if (m.prefix or m.suffix) else "",
            "candidates": len(m.candidates), "resolved_by": m.resolved_by, "alternatives": m.alternatives,
            "note": m.exclusion_reason,
        })
    names = columns("place_mentions.csv")
    # Whole numbers with a gap for the dateline's mention (not in the body): nullable integers, not floats.
    if not rows:
        return pd.DataFrame(rows, columns=names).astype({c: "Int64" for c in OFFSET_COLUMNS})
    # Built column by column, the offsets made Int64 directly (an astype of the whole frame cost more than
    # building it).
    return pd.DataFrame({c: pd.array([row[c] for row in rows], dtype="Int64") if c in OFFSET_COLUMNS
                         else [row[c] for row in rows] for c in names}, columns=names)


def places_frame(mentions: list[PlaceMention]):
    """places.csv: one row per place (blocs and excluded names left out), most mentioned first."""
    import numpy as np
    import pandas as pd

    g = load_gazetteer()
    by_key: dict[str, dict] = {}
    for m in mentions:
        p = m.place
        if p is None or not p.is_place or m.role == "not_a_place":     # a person's name is not a mention of the place
            continue
        row = by_key.setdefault(p.key, {
            "place": p.name, "kind": p.kind, "country_code": p.country_code,
            "country": g.country_name(p.country_code), "lat": p.lat, "lon": p.lon,
            "mentions": 0, "literal_mentions": 0, "actor_mentions": 0, "attribute_mentions": 0,
            "dateline_mentions": 0, "name_mentions": 0, "demonym_mentions": 0, "surfaces": [], "first_sentence": None,
            "map_point": p.map_point, "source": p.source,
        })
        row["mentions"] += 1
        row[f"{m.role}_mentions"] += 1
        row[f"{m.form}_mentions"] += 1
        if m.in_body and row["first_sentence"] is None:
            row["first_sentence"] = m.sentence_id
        if m.surface not in row["surfaces"]:
            row["surfaces"].append(m.surface)
    for row in by_key.values():
        row["surfaces"] = "|".join(row["surfaces"])
    names = columns("places.csv")
    # Rows sorted in Python (mentions descending, then place name; stable), the order sort_values gave, and
    # the frame built column by column with its final types (astype and round on a tiny frame cost more).
    rows = sorted(by_key.values(), key=lambda row: (-row["mentions"], row["place"]))
    if not rows:
        frame = pd.DataFrame(rows, columns=names)
        frame["lat"] = frame["lat"].astype(float)
        frame["lon"] = frame["lon"].astype(float)
        frame["first_sentence"] = frame["first_sentence"].astype("Int64")
        return frame
    frame = pd.DataFrame({c: [row[c] for row in rows] for c in names}, columns=names)
    for c in ("lat", "lon"):
        frame[c] = np.round(np.asarray(frame[c], dtype=float), 4)
    frame["first_sentence"] = pd.array(frame["first_sentence"].tolist(), dtype="Int64")   # empty for a dateline-only place
    return frame


def role_counts_frame(mentions: list[PlaceMention]):
    """place_role_counts.csv: mentions per role, split by names of places, demonyms and blocs."""
    import pandas as pd

    rows = []
    for role in ROLES:
        of_role = [m for m in mentions if m.role == role]
        rows.append({
            "role": role, "mentions": len(of_role),
            "place_names": sum(1 for m in of_role if m.form == "name" and m.place is not None and m.place.is_place),
            "demonyms": sum(1 for m in of_role if m.form == "demonym" and m.place is not None and m.place.is_place),
            "blocs": sum(1 for m in of_role if m.place is not None and not m.place.is_place),
            "excluded": sum(1 for m in of_role if m.form == "excluded"),
        })
    return pd.DataFrame(rows)


def focus_frame(article, mentions: list[PlaceMention]):
    """place_focus.csv: countries scored by role and position (see the module docstring), best first."""
    import pandas as pd

    g = load_gazetteer()
    length = max(len(article.body), 1)
    scores: dict[str, dict] = {}
    for m in mentions:
        p = m.place
        if p is None or not p.country_code or m.role == "not_a_place":
            continue
        if not p.is_place and p.kind != "institution":
            continue                    # a bloc of several countries (NATO, the West): no one country's
        row = scores.setdefault(p.country_code, {
            "country_code": p.country_code, "country": g.country_name(p.country_code), "mentions": 0,
            "actor_mentions": 0, "literal_mentions": 0, "attribute_mentions": 0, "dateline_mentions": 0,
            "via_cities_regions": 0,
            "score": 0.0, "first_offset": m.start,
        })
        row["mentions"] += 1
        row[f"{m.role}_mentions"] += 1
        if p.is_place and p.kind != "country":
            row["via_cities_regions"] += 1
        row["score"] += ROLE_WEIGHT[m.role] * (1 + POSITION_BOOST * (1 - m.start / length))
    total = sum(r["score"] for r in scores.values()) or 1.0
    for row in scores.values():
        row["share"] = round(row["score"] / total, 3)
        row["score"] = round(row["score"], 3)
        row["focus"] = row["share"] >= FOCUS_SHARE
    names = columns("place_focus.csv")
    if not scores:
        return pd.DataFrame(columns=names)
    # Rows sorted in Python (score descending, then country code; stable), the order sort_values gave.
    rows = sorted(scores.values(), key=lambda row: (-row["score"], row["country_code"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return pd.DataFrame({c: [row[c] for row in rows] for c in names}, columns=names)


def places_annotations(article, prefer_countries=(), prefer_continents=()) -> Annotations:
    """The mentions of one article (records "place_mentions") and every places table, keyed by output file
    name, each made from the mentions."""
    mentions = tuple(analyse_places(article, prefer_countries, prefer_continents))
    return Annotations(records={"place_mentions": mentions}, tables=conform_each({
        # empty tables with every column and its type (newslens.schema)
        "places.csv": places_frame(mentions),
        "place_mentions.csv": mentions_frame(mentions),
        "place_role_counts.csv": role_counts_frame(mentions),
        "place_focus.csv": focus_frame(article, mentions),
    }, set()))


def places_tables(article, prefer_countries=(), prefer_continents=()) -> dict:
    """Every places table for one article, keyed by output file name."""
    return places_annotations(article, prefer_countries, prefer_continents).tables
