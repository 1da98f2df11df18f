"""A naive baseline to compare with: geotext (capitalised-word regex + GeoNames city and country lists).

geotext has no offsets, no disambiguation beyond one country per city name, no regions or seas, and no idea
of roles; it is shown beside our parser so that a reader sees what each one finds and resolves.
"""

from __future__ import annotations

from collections import Counter


def geotext_mentions(text: str):
    """What geotext finds in ``text``: surface, type (city/country/nationality), count, country it assigns."""
    import pandas as pd
    from geotext import GeoText

    found = GeoText(text)
    index = GeoText.index
    rows = []
    for kind, names, table in (("country", found.countries, index.countries), ("city", found.cities, index.cities),
                               ("nationality", found.nationalities, index.nationalities)):
        for surface, count in sorted(Counter(names).items()):
            rows.append({"surface": surface, "geotext_type": kind, "geotext_count": count,
                         "geotext_country": table.get(surface.lower(), "")})
    return pd.DataFrame(rows, columns=["surface", "geotext_type", "geotext_count", "geotext_country"])


def _roles(group) -> str:
    counts = group["role"].value_counts()
    return ", ".join(f"{role} {int(counts[role])}" for role in sorted(counts.index))


def compare_with_geotext(article, mentions):
    """One row per surface form found by either parser in the body (``mentions``: the place_mentions table;
    a wire dateline's place, cut from the body, is left out: geotext reads only the body).

    Columns: surface, ours (place, kind, country), ours_count, ours_roles, geotext_type, geotext_count,
    geotext_country, verdict (a short reading of the difference).
    """
    import pandas as pd

    ours_rows = []
    mentions = mentions[mentions["start"].notna()]
    for surface, group in mentions.groupby("surface", sort=True):
        first = group.iloc[0]
        places = sorted(set(zip(group["place"], group["place_kind"], group["country_code"])))
        ours_rows.append({
            "surface": surface,
            "ours": "; ".join(f"{p or '(excluded)'} [{k or first['kind']}{', ' + c if c else ''}]"
                              for p, k, c in places),
            "ours_count": len(group), "ours_roles": _roles(group), "_kind": first["kind"],
            "_place_kind": first["place_kind"], "_country": "|".join(sorted({c for _, _, c in places if c})),
        })
    ours = pd.DataFrame(ours_rows, columns=["surface", "ours", "ours_count", "ours_roles", "_kind", "_place_kind",
                                            "_country"])
    theirs = geotext_mentions(article.body)
    both = ours.merge(theirs, on="surface", how="outer").sort_values("surface", kind="stable")
    verdicts = []
    for _, r in both.iterrows():
        in_ours, in_theirs = pd.notna(r["ours_count"]), pd.notna(r["geotext_count"])
        if in_ours and not in_theirs:
            if r["_kind"] == "excluded":
                verdicts.append("ours: named as not a place; geotext: nothing")
            elif r["_place_kind"] in ("alliance", "bloc", "union", "organisation", "institution"):
                verdicts.append("ours only: an actor, not a place")
            elif r["_kind"] == "demonym":
                verdicts.append("ours only: demonym linked to its country")
            else:
                verdicts.append(f"ours only: {r['_place_kind']}")
        elif in_theirs and not in_ours:
            verdicts.append("geotext only: not a place here" if r["geotext_type"] == "city" else "geotext only")
        elif r["geotext_country"] and "|" in r["_country"]:
            verdicts.append(f"ours tells them apart ({r['_country'].replace('|', ', ')}); "
                            f"geotext: {r['geotext_country']} for all")
        elif r["geotext_country"] and r["_country"] and r["geotext_country"] != r["_country"]:
            verdicts.append(f"different country: ours {r['_country']}, geotext {r['geotext_country']}")
        elif r["geotext_type"] == "city" and r["_place_kind"] not in ("city", "country"):
            verdicts.append(f"different kind: ours {r['_place_kind']}, geotext city")
        elif int(r["ours_count"]) != int(r["geotext_count"]):
            verdicts.append("both, different counts")
        else:
            verdicts.append("both")
    both["verdict"] = verdicts
    both["ours_count"] = both["ours_count"].astype("Int64")
    both["geotext_count"] = both["geotext_count"].astype("Int64")
    columns = ["surface", "ours", "ours_count", "ours_roles", "geotext_type", "geotext_count", "geotext_country",
               "verdict"]
    return both[columns].fillna({"ours": "", "ours_roles": "", "geotext_type": "", "geotext_country": ""}) \
        .reset_index(drop=True)
