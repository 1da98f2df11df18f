"""Figures of the comparison. Each function returns (figure, the DataFrame it plots), to be saved together
with ``report.output.save_figure``; nothing here writes files or shows anything."""

from __future__ import annotations

import math

from ..places.gazetteer import load_gazetteer
from ..report.placemap import (BORDER_COLOUR, COUNTRY_CMAP, CRIMEA_NOTES, LAND_COLOUR, SEA_COLOUR, load_world,
                               plotting_without_redraws)
from ..stats import MIN_N as MIN_ARTICLES

PALETTE = ("#1f5f99", "#c8501e", "#2a8a4a", "#7b4fa0", "#b58b00", "#5f5f5f", "#d0417e", "#3aa6b0")


def group_colours(groups) -> dict:
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}


# An interval over fewer articles than this is drawn faint: it rests on few articles, however narrow it looks.
FIRM_ARTICLES = 10


def _interval_axis(ax, frame, value, groups, colours, label_y=True, show_n=False):
    """Dots with 95% interval bars, one row per group (top to bottom in group order). An interval over fewer
    than FIRM_ARTICLES articles is drawn faint; a group without articles gets no dot; ``show_n`` writes each
    row's number of articles at the right edge."""
    ys = {g: len(groups) - 1 - i for i, g in enumerate(groups)}
    for row in frame.itertuples(index=False):
        y = ys[row.group]
        v, lo, hi = getattr(row, value), row.ci_low, row.ci_high
        n = int(getattr(row, "articles", FIRM_ARTICLES))
        colour = colours[row.group]
        if show_n:
            ax.text(1.01, y, f"n={n}", transform=ax.get_yaxis_transform(), fontsize=7, va="center", color="#555555")
        if n == 0 or v != v:
            continue
        if not (isinstance(lo, float) and math.isnan(lo)):
            faint = n < FIRM_ARTICLES
            ax.plot([lo, hi], [y, y], color=colour, linewidth=1.4 if faint else 2.2, alpha=0.45 if faint else 1.0,
                    solid_capstyle="butt")
            ax.plot(v, y, "o", color=colour, markersize=6, alpha=0.6 if faint else 1.0)
        else:
            ax.plot(v, y, "o", markerfacecolor="white", markeredgecolor=colour, markersize=6)
    ax.set_yticks(list(ys.values()))
    ax.set_yticklabels(list(ys.keys()))
    if not label_y:                     # hide, not clear: a shared y axis would lose the labels everywhere
        ax.tick_params(labelleft=False)
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.axvline(0, color="#999999", linewidth=0.8, zorder=0)
    ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def tone_figure(tone, groups, by: str = "outlet"):
    """Document tone and sentence sentiment per group, 95% intervals over articles."""
    import matplotlib.pyplot as plt

    measures = [("tone", "Document tone (GDELT-style)\n% positive - % negative words, mean over articles"),
                ("sentence_compound",
                 "Sentence sentiment (news-sense VADER compound)\nmean over the group's sentences")]
    colours = group_colours(groups)
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.55 * len(groups) + 1.9), sharey=True)
    for ax, (measure, title) in zip(axes, measures):
        _interval_axis(ax, tone[tone["measure"] == measure], "value", groups, colours, label_y=ax is axes[0])
        ax.set_title(title, fontsize=9.5, loc="left")
    fig.suptitle(f"Tone per {by}, with 95% bootstrap intervals over articles", fontsize=11, x=0.01, ha="left")
    fig.text(0.01, -0.02, "Bars: 95% percentile bootstrap intervals resampling articles within each group. "
             "Hollow dot: no interval (fewer than 3 articles).", fontsize=8, color="#555555")
    fig.tight_layout()
    plotted = tone[tone["measure"].isin([m for m, _ in measures])].reset_index(drop=True)
    return fig, plotted


def actor_tone_figure(actor_tone, groups, actors, by: str = "outlet"):
    """Sentiment near each actor per group: one panel per actor, a dot and 95% interval per group."""
    import matplotlib.pyplot as plt

    colours = group_colours(groups)
    actors = [a for a in actors if a in set(actor_tone["actor"])]
    cols = min(4, len(actors)) or 1
    rows = math.ceil(len(actors) / cols) or 1
    fig, axes = plt.subplots(rows, cols, figsize=(3.0 * cols + 1.4, (0.42 * len(groups) + 1.0) * rows),
                             sharex=True, squeeze=False)
    for n, ax in enumerate(axes.flat):
        if n >= len(actors):
            ax.set_visible(False)
            continue
        actor = actors[n]
        part = actor_tone[actor_tone["actor"] == actor]
        _interval_axis(ax, part, "mean_compound", groups, colours, label_y=n % cols == 0, show_n=True)
        ax.set_title(actor, fontsize=10, loc="left")
    ax0 = axes.flat[0]
    ax0.set_xlim(-1, 1)
    for ax in axes[-1]:
        ax.set_xlabel("mean news-sense VADER compound near the actor", fontsize=8)
    fig.suptitle(f"Sentiment near each actor per {by} (mean over articles of the sentences where it acts; "
                 f"95% intervals over articles)\nn = articles where it acts; hollow dot: fewer than {MIN_ARTICLES} "
                 f"articles, no interval; faint: fewer than {FIRM_ARTICLES}; no dot: not named",
                 fontsize=10, x=0.01, ha="left")
    fig.tight_layout()
    plotted = actor_tone[actor_tone["actor"].isin(actors)][
        ["group", "actor", "articles", "mentions", "sentences", "mean_compound", "ci_low", "ci_high", "note"]]
    return fig, plotted.reset_index(drop=True)


def naming_heatmap(naming, groups, kinds=("place_name", "actor_label"), by: str = "outlet"):
    """Share of each form within its set per group (colour), the count written in the cell; sets that no
    group uses are left out."""
    import matplotlib.pyplot as plt
    import numpy as np

    used = naming[naming["kind"].isin(kinds)]
    totals = used.groupby("pair")["count"].sum()
    used = used[used["pair"].map(totals) > 0]
    forms = list(dict.fromkeys(zip(used["pair"], used["form"])))
    grid = np.full((len(forms), len(groups)), np.nan)
    counts = np.zeros((len(forms), len(groups)), dtype=int)
    index = {f: i for i, f in enumerate(forms)}
    gindex = {g: j for j, g in enumerate(groups)}
    for row in used.itertuples(index=False):
        i, j = index[(row.pair, row.form)], gindex[row.group]
        counts[i, j] = row.count
        grid[i, j] = row.share
    fig, ax = plt.subplots(figsize=(1.45 * len(groups) + 4.2, 0.3 * len(forms) + 1.6))
    cmap = plt.get_cmap("Purples").with_extremes(bad="#f4f4f4")
    ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for i in range(len(forms)):
        for j in range(len(groups)):
            share = grid[i, j]
            text = f"{counts[i, j]}" if counts[i, j] or not math.isnan(share) else "·"
            dark = not math.isnan(share) and share > 0.6
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color="white" if dark else "#222222")
    labels, previous = [], None
    for pair, form in forms:
        labels.append(f"{pair}:  {form}" if pair != previous else form)
        previous = pair
    ax.set_yticks(range(len(forms)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(groups, fontsize=8.5)
    ax.xaxis.tick_top()
    starts = [i for i, (pair, _) in enumerate(forms) if i and forms[i - 1][0] != pair]
    for i in starts:
        ax.axhline(i - 0.5, color="white", linewidth=2.5)
    ax.set_title(f"Naming choices per {by}: count of each form; colour = its share of the set in that {by} "
                 "(grey dot: the set is not used)", fontsize=9.5, loc="left", pad=28)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    fig.tight_layout()
    return fig, used[["group", "pair", "kind", "form", "count", "articles", "share"]].reset_index(drop=True)


# The categories the figure and the notebook's table show (framing_rates.csv keeps every category).
FRAMING_CATEGORIES = ("conflict_label", "legitimacy_label", "escalation_threat", "hedge")


def category_rate_figure(rates, groups, categories=None, by: str = "outlet"):
    """Lexicon category rates per 1,000 words per group, with 95% intervals over articles."""
    import matplotlib.pyplot as plt

    colours = group_colours(groups)
    categories = list(categories or FRAMING_CATEGORIES)
    shown = rates[rates["category"].isin(categories)].copy()
    zero = shown["count"] == 0                # a zero is drawn as a zero, not as a 0-0 interval
    shown.loc[zero, ["ci_low", "ci_high"]] = float("nan")
    cols = min(4, len(categories)) or 1
    rows = math.ceil(len(categories) / cols) or 1
    fig, axes = plt.subplots(rows, cols, figsize=(13, (0.36 * len(groups) + 1.1) * rows), squeeze=False,
                             sharex=True)
    for n, ax in enumerate(axes.flat):
        if n >= len(categories):
            ax.set_visible(False)
            continue
        part = shown[shown["category"] == categories[n]]
        _interval_axis(ax, part, "per_1000", groups, colours, label_y=n % cols == 0, show_n=True)
        ax.set_title(categories[n].replace("_", " "), fontsize=9, loc="left")
        ax.tick_params(labelsize=7.5)
    top = shown[["per_1000", "ci_high"]].max().max() if len(shown) else 1.0
    axes.flat[0].set_xlim(0, (top if top == top and top > 0 else 1.0) * 1.08)     # one scale for every panel
    for ax in axes[-1]:
        ax.set_xlabel("lexicon hits per 1,000 words", fontsize=8)
    fig.suptitle(f"Framing lexicon hits per 1,000 words, per {by} (95% intervals over articles; n = articles; "
                 "hollow dot: no interval, or no hit at all)", fontsize=10.5, x=0.01, ha="left")
    fig.tight_layout()
    return fig, rates[rates["category"].isin(categories)].reset_index(drop=True)


def keyness_figure(keyness, groups, top: int = 10, by: str = "outlet"):
    """The ``top`` over-used words of each group against the rest, bar length = log ratio, G2 in the label."""
    import matplotlib.pyplot as plt

    colours = group_colours(groups)
    part = keyness[(keyness["direction"] == "over") & (keyness["rank"] <= top)]
    fig, axes = plt.subplots(1, len(groups), figsize=(3.1 * len(groups) + 0.4, 0.26 * top + 1.5), squeeze=False)
    for ax, group in zip(axes[0], groups):
        rows = part[part["group"] == group].sort_values("rank", ascending=False)
        ax.barh(range(len(rows)), rows["log_ratio"], color=colours[group], height=0.65)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([f"{w}  (G2 {g:.0f})" for w, g in zip(rows["word"], rows["g2"])], fontsize=8)
        ax.set_title(group, fontsize=9.5, loc="left")
        ax.set_xlabel("log ratio vs the rest", fontsize=8)
        ax.tick_params(axis="x", labelsize=7.5)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.suptitle(f"Key words of each {by} against all the others (top {top} by G2; bar: log ratio)",
                 fontsize=10.5, x=0.01, ha="left")
    fig.tight_layout()
    return fig, part.reset_index(drop=True)


def timeline_figure(timeline, articles, groups, by: str = "outlet"):
    """Top: articles per ISO week per group. Bottom: each article's tone over time, one colour per group."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd

    colours = group_colours(groups)
    days = timeline.assign(day=pd.to_datetime(timeline["date"]))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 5.6), sharex=True, gridspec_kw={"height_ratios": [1, 1.4]})
    weeks = days.assign(week=days["day"] - pd.to_timedelta(days["day"].dt.day_of_week, unit="D"))
    weekly = weeks.groupby(["week", "group"])["articles"].sum().unstack(fill_value=0).reindex(columns=groups,
                                                                                              fill_value=0)
    bottom_stack = None
    for group in groups:
        values = weekly[group]
        top.bar(weekly.index, values, width=6, bottom=bottom_stack, color=colours[group], label=group, align="edge")
        bottom_stack = values if bottom_stack is None else bottom_stack + values
    top.set_ylabel("articles per week", fontsize=8.5)
    top.legend(fontsize=8, frameon=False, ncol=2, loc="upper right")
    dated = articles[articles["date"].astype(str).str.match(r"^\d{4}-\d{2}-\d{2}")]
    dated = dated.assign(day=pd.to_datetime(dated["date"].astype(str).str.slice(0, 10)))
    for group in groups:
        part = dated[dated["group"] == group]
        bottom.plot(part["day"], part["tone"], "o", color=colours[group], markersize=5, alpha=0.85, label=group)
    bottom.axhline(0, color="#999999", linewidth=0.8)
    bottom.set_ylabel("article tone (GDELT-style)", fontsize=8.5)
    invasion = pd.Timestamp("2022-02-24")
    for ax in (top, bottom):
        ax.axvline(invasion, color="#444444", linewidth=0.8, linestyle="--")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=8)
    top.text(invasion, top.get_ylim()[1], " 24 Feb 2022: invasion", fontsize=7.5, va="top", color="#444444")
    bottom.xaxis.set_major_locator(mdates.MonthLocator())
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    fig.suptitle(f"Timeline: articles per week and each article's tone, per {by}", fontsize=10.5, x=0.01, ha="left")
    fig.tight_layout()
    scores = [c for c in ("news_mean_compound", "vader_mean_compound") if c in dated]
    plotted = dated[["item", "group", "date", "title", "tone"] + scores].reset_index(drop=True)
    return fig, plotted


def country_map_figure(countries, groups, crimea: str = "recognised", by: str = "outlet", top_labels: int = 4):
    """Small multiples: one world map per group, the same projection (Equal Earth) and extent in every panel;
    each country shaded by its share of the group's country mentions, on one colour scale for all panels."""
    import matplotlib.pyplot as plt
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize


    g = load_gazetteer()
    import geopandas as gpd
    from shapely.geometry import box

    crs = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
    world = load_world(crimea)
    world = world[world["continent"] != "Antarctica"].copy()
    world["geometry"] = world.geometry.intersection(box(-180, -47, 180, 78))   # the same window in every panel
    world = gpd.GeoDataFrame(world[~world.geometry.is_empty], crs=world.crs).to_crs(crs)
    ne = {code: g.natural_earth_name(code) for code in countries["country_code"].unique()}
    top_share = float(countries["share"].max()) if len(countries) else 1.0
    norm = Normalize(vmin=0, vmax=top_share)
    cols = 2 if len(groups) > 1 else 1
    rows = math.ceil(len(groups) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(6.4 * cols, 2.85 * rows + 1.2), squeeze=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - 0.55 / fig.get_figheight(), bottom=1.0 / fig.get_figheight(),
                        wspace=0.03, hspace=0.16)
    x0, y0, x1, y1 = world.total_bounds
    for n, ax in enumerate(axes.flat):
        if n >= len(groups):
            ax.set_visible(False)
            continue
        group = groups[n]
        part = countries[countries["group"] == group]
        shares = dict(zip(part["country_code"].map(ne), part["share"]))
        shaded = world.assign(share=world["name"].map(shares))
        ax.set_facecolor(SEA_COLOUR)
        hit = shaded[shaded["share"].notna() & ~shaded["disputed"]]
        with plotting_without_redraws(fig):     # one render when saved, not one per layer and panel
            shaded[shaded["share"].isna() & ~shaded["disputed"]].plot(ax=ax, color=LAND_COLOUR,
                                                                       edgecolor=BORDER_COLOUR, linewidth=0.25)
            if len(hit):
                hit.plot(ax=ax, column="share", cmap=COUNTRY_CMAP, norm=norm, edgecolor="#555555", linewidth=0.3)
            shaded[shaded["disputed"]].plot(ax=ax, facecolor="none", edgecolor="#333333", hatch="//////",
                                            linewidth=0.3)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("")
        ax.set_ylabel("")
        focus = part.sort_values("rank").head(top_labels)
        listing = ", ".join(f"{c} {s:.0%}" for c, s in zip(focus["country"], focus["share"]))
        ax.set_title(f"{group}: {int(part['mentions'].sum())} country mentions", fontsize=9.5, loc="left")
        ax.text(0.01, 0.02, f"most named: {listing}", transform=ax.transAxes, fontsize=7.2,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2})
    cax = fig.add_axes([0.3, 0.55 / fig.get_figheight(), 0.4, 0.12 / fig.get_figheight()])
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=COUNTRY_CMAP), cax=cax, orientation="horizontal")
    bar.set_label(f"share of the {by}'s country mentions (place, government or attribute)", fontsize=8)
    bar.ax.tick_params(labelsize=7.5)
    bar.ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle(f"Countries named per {by}: the same projection (Equal Earth) and scale in every panel",
                 fontsize=10.5, x=0.01, ha="left")
    fig.text(0.01, 0.05 / fig.get_figheight(), CRIMEA_NOTES[crimea], fontsize=7.5, color="#444444")
    plotted = countries.assign(natural_earth_name=countries["country_code"].map(ne))
    return fig, plotted.reset_index(drop=True)
