"""A world map of Vietnam's partners on a given date, drawn with matplotlib alone.

>>> from vnpartners.maps import draw_partner_map
>>> fig = draw_partner_map("2024-06-30")                 # doctest: +SKIP
>>> fig = draw_partner_map("2025-12-31", region="asia")  # doctest: +SKIP

Countries come from Natural Earth's 1:110m outlines (``data/ne_110m_countries.geojson``, public
domain) in plain longitude/latitude (equirectangular). Partners with no outline at this scale
(Singapore) or a very small one (Brunei, Kuwait) are also drawn as a marker at their capital.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import reference

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["LEVEL_COLOURS", "REGIONS", "REGION_OPTIONS", "SOURCE_LINE", "draw_partner_map", "marker_partners"]

#: Okabe-Ito colours (safe for the common forms of colour blindness), one per level.
LEVEL_COLOURS: dict[str, str] = {
    "comprehensive_strategic": "#0072B2",              # blue
    "comprehensive_strategic_cooperative": "#0072B2",  # same rung, drawn hatched
    "strategic": "#56B4E9",                            # sky blue
    "comprehensive": "#009E73",                        # bluish green
    "special": "#CC79A7",                              # reddish purple
}
VIETNAM_COLOUR = "#D55E00"      # vermillion
OTHER_COLOUR = "#E6E6E6"
EDGE_COLOUR = "#FFFFFF"
HATCHED_LEVELS = {"comprehensive_strategic_cooperative"}

#: Map extents (lon_min, lon_max, lat_min, lat_max) for ``region=``.
REGIONS: dict[str, tuple[float, float, float, float]] = {
    "world": (-180.0, 180.0, -58.0, 84.0),
    "asia": (25.0, 180.0, -50.0, 62.0),
    "southeast_asia": (88.0, 142.0, -12.0, 30.0),
    "europe": (-12.0, 60.0, 34.0, 72.0),
}
#: (label, region) pairs for a region menu, in the order of :data:`REGIONS`. Every value is a key of
#: ``REGIONS``: a menu whose "World" entry had the value ``None`` showed an empty box (ipywidgets treats
#: ``None`` as "nothing selected").
REGION_OPTIONS: list[tuple[str, str]] = [(key.replace("_", " ").capitalize().replace("Southeast asia", "Southeast Asia"), key)
                                         for key in REGIONS]
SOURCE_LINE = "Source: Natural Earth (public domain); kit's data/partners.csv and data/partnership_history.csv"
#: Outlines whose bounding box is smaller than this (square degrees) also get a marker.
SMALL_AREA_DEG2 = 5.0

_LEGEND_ORDER = ["comprehensive_strategic", "comprehensive_strategic_cooperative", "strategic",
                 "comprehensive", "special"]


def marker_partners(as_of: Any = "2025-12-31") -> pd.DataFrame:
    """Partners on ``as_of`` that the map also marks with a dot: no outline at 1:110m, or a tiny one.

    Columns as :func:`vnpartners.reference.partners`, plus ``reason`` (``no polygon`` or ``small polygon``).
    """
    p = reference.partners(as_of)
    wm = reference.world_map()
    area = ((wm["max_lon"] - wm["min_lon"]) * (wm["max_lat"] - wm["min_lat"])).groupby(wm["iso3"]).sum()
    reason = p["iso3"].map(lambda c: "no polygon" if c not in area.index
                           else ("small polygon" if area[c] < SMALL_AREA_DEG2 else ""))
    out = p.assign(reason=reason)
    return out[out["reason"] != ""].reset_index(drop=True)


def _country_path(polygons: tuple) -> Any:
    """One matplotlib Path holding all of a country's rings (outlines and holes)."""
    import numpy as np
    from matplotlib.path import Path

    verts: list[tuple[float, float]] = []
    codes: list[int] = []
    for poly in polygons:
        for ring in poly:
            pts = list(ring)
            if len(pts) < 3:
                continue
            verts.extend(pts)
            verts.append(pts[0])
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(pts) - 1) + [Path.CLOSEPOLY])
    return Path(np.asarray(verts, dtype=float), codes)


def _label(level: str, n: int) -> str:
    names = reference.levels().set_index("level")["name_en"]
    text = str(names.get(level, level))
    if level == "comprehensive_strategic_cooperative":
        text = "Comprehensive Strategic Cooperative P. (China)"
    elif level == "special":
        text = "Special relationship (Laos, Cambodia, Cuba)"
    return f"{text} ({n})"


def draw_partner_map(as_of: Any = "2025-12-31", ax: "Axes | None" = None,
                     region: str | None = None) -> "Figure":
    """Draw the world coloured by each partner's level on ``as_of``; return the Figure.

    Args:
        as_of: a date (``"2024-06-30"``, ``datetime.date``...). Levels come from
            :func:`vnpartners.reference.partners` with that ``as_of``.
        ax: an existing Axes to draw into; by default a new 12 x 6.4 inch figure is made.
        region: ``None``/``"world"``, ``"asia"``, ``"southeast_asia"`` or ``"europe"`` (extent only).

    The legend gives each level with its count on that date; Vietnam is drawn in vermillion;
    partners without an outline at 1:110m (Singapore) or with a tiny one (Brunei, Kuwait) get a
    marker at their capital. Same arguments, same picture.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, PathPatch

    key = (region or "world").lower()
    if key not in REGIONS:
        raise ValueError(f"region must be one of {sorted(REGIONS)} or None, got {region!r}")
    lon0, lon1, lat0, lat1 = REGIONS[key]
    when = pd.Timestamp(as_of).normalize()
    partners = reference.partners(when)
    level_of = dict(zip(partners["iso3"], partners["level"]))
    wm = reference.world_map()

    if ax is None:
        fig, ax = plt.subplots(figsize=(12, 6.4), dpi=100, layout="constrained")
    else:
        fig = ax.figure

    for row in wm.itertuples(index=False):
        if row.iso3 == "ATA":  # Antarctica: off the map's extent anyway
            continue
        if row.iso3 == "VNM":
            face, hatch, z = VIETNAM_COLOUR, None, 3
        elif row.iso3 in level_of:
            lvl = level_of[row.iso3]
            face, z = LEVEL_COLOURS[lvl], 2
            hatch = "////" if lvl in HATCHED_LEVELS else None
        else:
            face, hatch, z = OTHER_COLOUR, None, 1
        # add_artist, not add_patch: the same patch in the same place, without add_patch's update of
        # the data limits (a walk over every curve of the outline, ~1 ms per country); the extent
        # is set explicitly below, so the data limits are never used.
        ax.add_artist(PathPatch(_country_path(row.polygons), facecolor=face, edgecolor=EDGE_COLOUR,
                                linewidth=0.4, hatch=hatch, zorder=z))

    marks = marker_partners(when)
    for row in marks.itertuples(index=False):
        ax.plot(row.lon, row.lat, marker="o", markersize=6, linestyle="none",
                markerfacecolor=LEVEL_COLOURS[row.level], markeredgecolor="black", markeredgewidth=0.7,
                zorder=5, gid=f"marker-{row.iso3}")

    counts = partners["level"].value_counts()
    handles: list[Any] = []
    for lvl in _LEGEND_ORDER:
        n = int(counts.get(lvl, 0))
        if n == 0:
            continue
        handles.append(Patch(facecolor=LEVEL_COLOURS[lvl], edgecolor="white",
                             hatch="////" if lvl in HATCHED_LEVELS else None, label=_label(lvl, n)))
    handles.append(Patch(facecolor=VIETNAM_COLOUR, edgecolor="white", label="Vietnam"))
    handles.append(Patch(facecolor=OTHER_COLOUR, edgecolor="#BBBBBB", label="No partnership framework"))
    if len(marks):
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                              markeredgecolor="black", label="Small partner (marker at capital)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=3, fontsize=8,
              frameon=False, title="Level on " + when.strftime("%d %b %Y") + " (number of countries)",
              title_fontsize=8)

    total = int(partners["tier"].isin(reference.LADDER_TIERS).sum())
    ax.set_title(f"Vietnam's partnerships on {when.strftime('%d %B %Y')}: "
                 f"{total} countries at comprehensive-partnership level or above", fontsize=11)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("equal")
    ax.set_xlabel("Longitude (°E)", fontsize=8)
    ax.set_ylabel("Latitude (°N)", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.set_facecolor("#F7FBFF")
    ax.text(0.995, 0.005, SOURCE_LINE, transform=ax.transAxes, ha="right", va="bottom", fontsize=6.5,
            color="#444444", zorder=6)
    return fig
