"""Pictures and tables for lesson 01, "The ladder of partnership levels".

>>> from vnpartners import levels_chart, reference
>>> fig = levels_chart.plot_ladder(reference.levels())                      # doctest: +SKIP
>>> fig = levels_chart.plot_level_counts(reference.level_counts_by_year())   # doctest: +SKIP
>>> levels_chart.count_what_37_means("2025-05-12")                         # doctest: +SKIP

Every plotting function returns a matplotlib ``Figure`` with a title, labelled axes and a source line
(nothing is shown or saved); every table function returns a DataFrame with sorted rows and a fresh
index. Same arguments, same result: no randomness, no clock.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import reference
from ..errors import UnknownPartnerError
from .charts import add_source
from .claims import (
    TIER_SHORT,
    count_what_37_means,
    first_framework_gaps,
    ladder_began,
    seeds_vs_reference,
    statement_agreement,
    strategic_tier_count,
)
from .maps import LEVEL_COLOURS, REGION_OPTIONS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = [
    "LEVELS_SOURCE",
    "TIER_COLOURS",
    "TIER_SHORT",
    "plot_ladder",
    "plot_level_counts",
    "plot_partner_paths",
    "seeds_vs_reference",
    "statement_agreement",
    "count_what_37_means",
    "strategic_tier_count",
    "ladder_began",
    "first_framework_gaps",
    "MAP_REGIONS",
    "map_for_date",
    "show_map",
    "year_end_options",
]

#: Source line of the charts drawn from the reference tables.
LEVELS_SOURCE = "Source: the kit's reference tables (data/levels.csv, partners.csv, partnership_history.csv)"
#: One colour per rung (the same Okabe-Ito colours as :mod:`vnpartners.maps`).
TIER_COLOURS: dict[str, str] = {tier: LEVEL_COLOURS[tier] for tier in ("comprehensive_strategic", "strategic", "comprehensive", "special")}
_RELATIONS_COLOUR = "#9A9A9A"
_HIGHLIGHT_COLOUR = "#D55E00"
_BOX_WIDTH = 6.6  # width of a rung's box in the ladder picture (data units)


def _finish(fig: "Figure", source: str, bottom: float = 0.05) -> None:
    """Leave room at the bottom for the source line, then write it."""
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
    add_source(fig, source)


# --------------------------------------------------------------------------- the ladder
def plot_ladder(levels: pd.DataFrame, as_of: Any = None, *, source: str = LEVELS_SOURCE) -> "Figure":
    """The partnership ladder as a picture: one rung per tier, highest at the top.

    Args:
        levels: :func:`vnpartners.reference.levels` (or the same columns).
        as_of: optional date (``"2025-12-31"``); when given, a bar on each rung shows how many
            partners stood on it that day (from :func:`vnpartners.reference.partners`).
        source: the source line.

    Each rung shows its English name, its Vietnamese and Indonesian names and one line on what it
    means. The ``special`` relationships (Laos, Cambodia, Cuba) are drawn beside the ladder, below a
    dashed line, because official tallies leave them out.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    rows = levels[levels["level"] == levels["tier"]].copy()           # one row per rung (+ special)
    rows["order"] = rows["rank"].astype("Float64").fillna(len(rows)).astype(float)
    rows = rows.sort_values("order", kind="stable").reset_index(drop=True)
    n = len(rows)
    counts = None if as_of is None else reference.partners(as_of)["tier"].value_counts()

    fig, ax = plt.subplots(figsize=(11, 1.25 * n + 1.6), layout="constrained")
    for i, row in rows.iterrows():
        y = n - 1 - i                                   # rung 1 at the top
        in_ladder = bool(row["in_ladder"])
        colour = TIER_COLOURS.get(row["tier"], "#BBBBBB")
        ax.add_patch(FancyBboxPatch((0.0, y + 0.07), _BOX_WIDTH, 0.86, boxstyle="round,pad=0,rounding_size=0.08",
                                    facecolor=colour, alpha=0.18 if in_ladder else 0.12,
                                    edgecolor=colour, linewidth=1.5, linestyle="-" if in_ladder else "--"))
        rung = f"rung {int(row['rank'])}" if in_ladder else "outside\nthe ladder"
        ax.text(-0.15, y + 0.5, rung, ha="right", va="center", fontsize=10, fontweight="bold", color="#333333")
        ax.text(0.15, y + 0.78, f"{row['name_en']} ({TIER_SHORT.get(row['tier'], row['tier'])})",
                ha="left", va="center", fontsize=11, fontweight="bold")
        ax.text(0.15, y + 0.58, f"Vietnamese: {row['name_vi']}   ·   Indonesian: {row['name_id']}",
                ha="left", va="center", fontsize=8.5, color="#333333")
        meaning = "\n".join(textwrap.wrap(str(row["meaning"]), width=105)[:2])
        ax.text(0.15, y + 0.45, meaning, ha="left", va="top", fontsize=8.5, color="#333333", style="italic",
                linespacing=1.35)
        if counts is not None:
            k = int(counts.get(row["tier"], 0))
            ax.barh(y + 0.5, k / 10, left=_BOX_WIDTH + 0.25, height=0.5, color=colour)
            ax.text(_BOX_WIDTH + 0.25 + k / 10 + 0.08, y + 0.5, str(k), ha="left", va="center", fontsize=10, fontweight="bold")
        if not in_ladder:
            ax.axhline(y + 1.0, xmin=0.0, xmax=1.0, color="#888888", linewidth=0.8, linestyle=":")
    # an arrow "closer ties" pointing up along the rungs
    n_rungs = int(rows["in_ladder"].sum())
    ax.annotate("", xy=(-1.05, n - 0.05), xytext=(-1.05, n - n_rungs + 0.05),
                arrowprops={"arrowstyle": "-|>", "color": "#555555", "linewidth": 1.5})
    ax.text(-1.2, n - n_rungs / 2, "closer ties", rotation=90, ha="center", va="center", fontsize=9, color="#555555")

    right = _BOX_WIDTH + 0.25 + (max(counts.max(), 1) / 10 + 0.6 if counts is not None else 0.0)
    ax.set_xlim(-1.45, right)
    ax.set_ylim(-0.05, n + 0.05)
    ax.set_yticks([])
    ax.set_ylabel("rung of the ladder (top = highest)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if counts is not None:
        date_text = pd.Timestamp(as_of).strftime("%d %b %Y").lstrip("0")
        ax.set_xticks([])
        ax.set_xlabel(f"bars: number of partners on each rung on {date_text}")
        ax.set_title(f"Vietnam's partnership ladder, with the number of partners on each rung ({date_text})")
    else:
        ax.set_xticks([])
        ax.set_xlabel("level name and what it means")
        ax.set_title("Vietnam's partnership ladder: three rungs, and the special relationships beside it")
    _finish(fig, source)
    return fig



# --------------------------------------------------------------------------- counts by year
def plot_level_counts(counts: pd.DataFrame, *, source: str = LEVELS_SOURCE) -> "Figure":
    """Stacked bars: how many partners stood on each rung at the end of each year.

    Args:
        counts: :func:`vnpartners.reference.level_counts_by_year` (columns ``year``,
            ``comprehensive_strategic``, ``strategic``, ``comprehensive``, ``total``).
        source: the source line.

    The total (the figure official tallies give) is written above every bar that changed from the
    year before; the special relationships are left out, as in official tallies.
    """
    import matplotlib.pyplot as plt

    data = counts.sort_values("year", kind="stable").reset_index(drop=True)
    years = data["year"].astype(int)
    fig, ax = plt.subplots(figsize=(11, 5.2), layout="constrained")
    bottom = pd.Series(0, index=data.index, dtype=float)
    for tier in reversed(reference.LADDER_TIERS):          # CP at the bottom, CSP on top
        name = reference.levels().set_index("level").loc[tier, "name_en"]
        ax.bar(years, data[tier], bottom=bottom, color=TIER_COLOURS[tier], width=0.8,
               label=f"{name} ({TIER_SHORT[tier]})", edgecolor="white", linewidth=0.5)
        bottom = bottom + data[tier]
    total = data["total"].astype(int)
    changed = total.ne(total.shift()).to_numpy()
    for x, t, show in zip(years, total, changed):
        if show:
            ax.text(x, t + 0.4, str(t), ha="center", va="bottom", fontsize=8.5, color="#222222")
    first, last = int(years.iloc[0]), int(years.iloc[-1])
    ax.set_title(f"Vietnam's partners on each rung at the end of each year, {first}–{last}")
    ax.set_xlabel("year (partners counted on 31 December)")
    ax.set_ylabel("number of partner countries")
    ax.set_xticks(list(range(first, last + 1)))
    ax.tick_params(axis="x", labelrotation=90, labelsize=8.5)
    ax.set_xlim(first - 0.6, last + 0.6)
    ax.set_ylim(0, float(total.max()) * 1.12 + 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", frameon=False, fontsize=9, title="rung (number above a bar: the total, where it changed)",
              title_fontsize=9, reverse=True)
    _finish(fig, source + ". Laos, Cambodia and Cuba (special relationships) are not counted")
    return fig


# --------------------------------------------------------------------------- paths upward
def plot_partner_paths(history: pd.DataFrame, codes: list[str], *, highlight: str | None = "RUS",
                       start_year: int = 1945, end: Any = "2026-06-30",
                       source: str = LEVELS_SOURCE) -> "Figure":
    """A timeline per partner: diplomatic relations, then each step up the ladder.

    Args:
        history: :func:`vnpartners.reference.partnership_history` (or the same columns).
        codes: the partners to draw, top to bottom (ISO3 codes or names :func:`resolve_partner` knows).
        highlight: one partner drawn in bold with every step labelled (default Russia); ``None`` for none.
        start_year, end: the time axis.
        source: the source line.

    A grey line runs from the day diplomatic relations began; from each framework on, the line takes
    the colour of the rung in force. Circles mark new frameworks and upgrades, diamonds mark
    ``deepened`` steps (the level stays the same), the grey square marks diplomatic relations.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    resolved = [reference.resolve_partner(c) for c in codes]
    table = reference.partners().set_index("iso3")
    unknown = [c for c in resolved if c not in table.index]
    if unknown:
        raise UnknownPartnerError(f"No partnership framework in the kit's tables for {', '.join(unknown)}.")
    hl = reference.resolve_partner(highlight) if highlight else None
    end_ts = pd.Timestamp(end)
    x0 = pd.Timestamp(f"{start_year}-01-01")

    fig, ax = plt.subplots(figsize=(11, 0.62 * len(resolved) + 2.2), layout="constrained")
    for i, code in enumerate(resolved):
        y = len(resolved) - 1 - i
        bold = code == hl
        lw = 6 if bold else 4
        rel = table.loc[code, "diplomatic_relations_since"]
        steps = history[history["iso3"] == code].sort_values("date", kind="stable")
        ladder = steps[(steps["action"] != "deepened") & steps["date"].notna()]
        first = ladder["date"].min() if len(ladder) else end_ts
        ax.plot([max(rel, x0), first], [y, y], color=_RELATIONS_COLOUR, linewidth=1.5, solid_capstyle="butt")
        ax.plot([rel], [y], marker="s", color=_RELATIONS_COLOUR, markersize=7, linestyle="none")
        bounds = list(ladder["date"]) + [end_ts]
        for (_, step), stop in zip(ladder.iterrows(), bounds[1:]):
            ax.plot([step["date"], stop], [y, y], color=TIER_COLOURS[step["tier"]], linewidth=lw,
                    solid_capstyle="butt")
            ax.plot([step["date"]], [y], marker="o", markersize=9 if bold else 7, linestyle="none",
                    markerfacecolor=TIER_COLOURS[step["tier"]], markeredgecolor="black", markeredgewidth=0.8,
                    zorder=4)
        for _, step in steps[steps["action"] == "deepened"].iterrows():
            ax.plot([step["date"]], [y], marker="D", markersize=8 if bold else 6, linestyle="none",
                    markerfacecolor="white", markeredgecolor="black", markeredgewidth=1.0, zorder=5)
        if bold:
            labels = [(rel, f"relations\n{rel.year}")]
            labels += [(s["date"], f"{TIER_SHORT[s['tier']]}\n{s['date'].year}") for _, s in ladder.iterrows()]
            labels += [(s["date"], f"deepened\n{s['date'].year}") for _, s in steps[steps["action"] == "deepened"].iterrows()]
            for when, text in labels:
                ax.annotate(text, (when, y), xytext=(0, 9), textcoords="offset points", ha="center",
                            va="bottom", fontsize=8, color=_HIGHLIGHT_COLOUR, fontweight="bold")

    names = [f"{table.loc[c, 'country_en']} ({c})" for c in resolved]
    ax.set_yticks(range(len(resolved) - 1, -1, -1), names)
    for label, code in zip(ax.get_yticklabels(), resolved):
        if code == hl:
            label.set_fontweight("bold")
            label.set_color(_HIGHLIGHT_COLOUR)
    ax.set_ylim(-0.6, len(resolved) - 0.4 + (0.5 if hl == resolved[0] else 0))
    ax.set_xlim(x0, end_ts)
    ax.set_xlabel("year")
    ax.set_ylabel("partner")
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    title = "Each partner's path up the ladder"
    if hl:
        title += f" ({table.loc[hl, 'country_en']} highlighted)"
    ax.set_title(title)
    handles = [Line2D([], [], color=_RELATIONS_COLOUR, marker="s", linewidth=1.5, label="diplomatic relations, no framework")]
    for tier in reference.LADDER_TIERS:
        handles.append(Line2D([], [], color=TIER_COLOURS[tier], linewidth=4, marker="o", markeredgecolor="black",
                              label=f"{TIER_SHORT[tier]} in force"))
    handles.append(Line2D([], [], color="black", marker="D", markerfacecolor="white", linestyle="none",
                          label="deepened (same rung)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.06 - 0.3 / len(resolved)), ncol=5,
              frameon=False, fontsize=8.5)
    _finish(fig, source, bottom=0.06)
    return fig


# --------------------------------------------------------------------------- the map and its widget
#: (label, region) pairs for the map widget's region menu (every value names a region: no blank "None" entry)
MAP_REGIONS = REGION_OPTIONS

def map_for_date(as_of: Any = "2025-12-31", region: str | None = None) -> "Figure":
    """The world coloured by each partner's level on ``as_of`` (see :func:`vnpartners.maps.draw_partner_map`).

    ``as_of`` may also be a year (``2012`` means 31 Dec 2012). Used by the lesson's static map and by
    its date widget, so both draw the same picture.
    """
    from .maps import draw_partner_map

    if isinstance(as_of, int):
        as_of = f"{as_of}-12-31"
    return draw_partner_map(as_of, region=region)


def show_map(as_of: Any = "2025-12-31", region: str | None = None) -> None:
    """Draw :func:`map_for_date`, show it and release it (the callback of the lesson's widget)."""
    import matplotlib.pyplot as plt

    fig = map_for_date(as_of, region=region)
    plt.show()
    plt.close(fig)


def year_end_options(start: int = 2001, end: int = 2025, extra: tuple[str, ...] = ("2025-05-12",)) -> list[tuple[str, str]]:
    """``(label, date)`` pairs for a date slider: 31 December of every year, plus the ``extra`` dates.

    Sorted by date; the labels read like ``"31 Dec 2012"``.
    """
    dates = {f"{y}-12-31" for y in range(start, end + 1)} | set(extra)
    return [(pd.Timestamp(d).strftime("%d %b %Y").lstrip("0"), d) for d in sorted(dates)]


