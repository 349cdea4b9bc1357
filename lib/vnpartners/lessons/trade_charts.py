"""Charts of Vietnam's trade with a partner (lesson 03): one series, two statistics side by side, and scale.

Each function takes the trade table (:func:`vnpartners.reference.trade`) and returns a matplotlib
``Figure`` with a title, labelled axes and a source line; nothing is shown or saved. Reached as
``trade.plot_series`` and so on (:mod:`.trade` loads this module on first use).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .trade import (
    _FLOW_TITLES,
    _REPORTER_STYLE,
    EAEU_FTA_IN_FORCE,
    REPORTER_LABELS,
    TABLE_SOURCE,
    _reporters,
    eaeu_members,
    latest_turnover,
    partner_label,
    series,
    side_by_side,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_series", "plot_side_by_side", "plot_scale"]


_REPORTER_SHORT = {"vietnam": "Vietnamese", "partner": "partner's", "unstated": "unnamed"}


def _reporter_text(reporters: Sequence[str]) -> str:
    """``("vietnam",)`` → "Vietnamese statistics"; ``("vietnam", "partner")`` → "Vietnamese statistics, else partner's"."""
    if len(reporters) == 1:
        return REPORTER_LABELS[reporters[0]].replace(" (mirror data)", "")
    return f"{_REPORTER_SHORT[reporters[0]]} statistics, else " + ", else ".join(_REPORTER_SHORT[r] for r in reporters[1:])


def _finish(fig: "Figure", source: str) -> "Figure":
    from .charts import add_source

    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    add_source(fig, source)
    return fig


def _no_data(ax: "Axes", text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=11, color="#555555", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])


def _year_ticks(ax: "Axes", first: int, last: int) -> None:
    span = last - first
    step = 1 if span <= 14 else 2 if span <= 28 else 5
    ax.set_xticks(range(first, last + 1, step))
    ax.set_xlim(first - 0.6, last + 0.6)


def plot_series(
    trade_df: pd.DataFrame,
    iso3: str,
    flow: str = "turnover",
    reporter: str | Sequence[str] = "vietnam",
    *,
    mark_fta: bool | None = None,
    title: str | None = None,
    source: str = TABLE_SOURCE,
) -> "Figure":
    """A partner's yearly trade (billion USD) as a line with a dot per figure; gaps stay gaps.

    Uses :func:`series` (same rule for several rows). Years with no figure break the line and are
    shaded grey ("no figure in the table"); approximate or lower-bound figures get a hollow dot;
    flagged ones (``suspect`` …) a cross. ``mark_fta`` draws the Vietnam–EAEU FTA (October 2016)
    as a dashed line; by default it is drawn for EAEU members and the EAEU itself. Works for any
    partner: one with no figures gets a figure saying so, not an exception.
    """
    import matplotlib.pyplot as plt

    s = series(trade_df, iso3, flow, reporter)
    name = partner_label(iso3, trade_df)
    reporters = _reporters(reporter)
    rep_text = _reporter_text(reporters)
    fig, ax = plt.subplots(figsize=(10, 4.5), layout="constrained")
    ax.set_title(title or f"Vietnam–{name} {_FLOW_TITLES.get(flow, flow)} ({rep_text})")
    ax.set_xlabel("year")
    ax.set_ylabel(f"{flow}, billion USD")
    if s["value_bn"].notna().sum() == 0:
        _no_data(ax, f"No {flow} figures for {name} ({rep_text})\nin the kit's trade table.")
        return _finish(fig, source)
    years = s["year"].astype(int).to_numpy()
    values = s["value_bn"].to_numpy(dtype=float)
    reps = s["reporter"].astype(object).where(s["reporter"].notna(), None).to_numpy()
    # a line joins two dots only in consecutive years from the same reporter: never across a gap,
    # never from one country's statistics to the other's
    for i in range(len(years) - 1):
        if not (np.isnan(values[i]) or np.isnan(values[i + 1])) and reps[i] == reps[i + 1]:
            ax.plot(years[i:i + 2], values[i:i + 2], color="#555555", linewidth=1.5, zorder=2)
    soft = (s["is_lower_bound"].fillna(False) | s["is_approx"].fillna(False)).to_numpy(dtype=bool)
    flagged = s["flag"].notna().to_numpy(dtype=bool)
    for rep in reporters:
        colour, marker = _REPORTER_STYLE[rep]
        is_rep = (s["reporter"] == rep).fillna(False).to_numpy(dtype=bool)
        exact = is_rep & ~soft & ~flagged
        loose = is_rep & soft & ~flagged
        label = REPORTER_LABELS[rep]
        if exact.any():
            ax.plot(years[exact], values[exact], linestyle="none", marker=marker, color=colour, markersize=7,
                    zorder=3, label=label)
        if loose.any():
            ax.plot(years[loose], values[loose], linestyle="none", marker=marker, markerfacecolor="white",
                    color=colour, markersize=7, markeredgewidth=1.5, zorder=3,
                    label=f"{label}: approximate or lower bound")
        if (is_rep & flagged).any():
            ax.plot(years[is_rep & flagged], values[is_rep & flagged], linestyle="none", marker="X", color=colour,
                    markersize=8, zorder=3, label=f"{label}: flagged as suspect")
    first, last = int(years.min()), int(years.max())
    if mark_fta is None:
        mark_fta = str(iso3).upper() in set(eaeu_members()) | {"EAEU"}
    if mark_fta:
        x = EAEU_FTA_IN_FORCE.year + (EAEU_FTA_IN_FORCE.month - 1) / 12 - 0.5  # years are centred on their dot
        first, last = min(first, EAEU_FTA_IN_FORCE.year), max(last, EAEU_FTA_IN_FORCE.year)
        ax.axvline(x, color="#2A9D8F", linestyle="--", linewidth=1.3, zorder=1,
                   label=f"Vietnam–EAEU FTA in force ({EAEU_FTA_IN_FORCE:%b %Y})")
    have = set(years[~np.isnan(values)].tolist())
    for k, y in enumerate(y for y in range(first, last + 1) if y not in have):
        ax.axvspan(y - 0.5, y + 0.5, color="#E5E5E5", zorder=0, label="no figure in the table" if k == 0 else None)
    _year_ticks(ax, first, last)
    ax.set_ylim(bottom=0, top=np.nanmax(values) * 1.15)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return _finish(fig, source)


def plot_side_by_side(trade_df: pd.DataFrame, iso3: str, flow: str = "turnover", *, title: str | None = None,
                      source: str = TABLE_SOURCE) -> "Figure":
    """Paired bars per year: Vietnam's statistics beside the partner's for the same trade.

    Uses :func:`side_by_side`. A year where only one side has a figure shows one bar; a year with
    neither shows nothing. Where both exist, the partner's figure as a multiple of Vietnam's is
    written above the pair ("×1.51").
    """
    import matplotlib.pyplot as plt

    t = side_by_side(trade_df, iso3, flow)
    name = partner_label(iso3, trade_df)
    fig, ax = plt.subplots(figsize=(11, 4.5), layout="constrained")
    ax.set_title(title or f"Vietnam–{name} {flow}: two statistics for the same trade")
    ax.set_xlabel("year")
    ax.set_ylabel(f"{flow}, billion USD")
    if t.empty:
        _no_data(ax, f"No {flow} figures for {name} in the kit's trade table.")
        return _finish(fig, source)
    years = t["year"].astype(int).to_numpy()
    width = 0.4
    for offset, col, rep in ((-width / 2, "vietnam_bn", "vietnam"), (width / 2, "partner_bn", "partner")):
        vals = t[col].to_numpy(dtype=float)
        have = ~np.isnan(vals)
        ax.bar(years[have] + offset, vals[have], width=width, color=_REPORTER_STYLE[rep][0], label=REPORTER_LABELS[rep])
    neither = years[~(t["vietnam_bn"].notna() | t["partner_bn"].notna()).to_numpy(dtype=bool)]
    for k, y in enumerate(neither):
        ax.axvspan(y - 0.5, y + 0.5, color="#E5E5E5", zorder=0, label="no figure from either side" if k == 0 else None)
    top = float(np.nanmax(t[["vietnam_bn", "partner_bn"]].to_numpy(dtype=float)))
    if t["both"].any():
        ax.plot([], [], linestyle="none", marker="$×$", color="#333333", label="×n: partner's figure ÷ Vietnam's")
    for _, row in t[t["both"]].iterrows():
        ax.text(int(row["year"]), max(row["vietnam_bn"], row["partner_bn"]) + top * 0.02, f"×{row['ratio']:.2f}",
                ha="center", va="bottom", fontsize=8, color="#333333")
    _year_ticks(ax, int(years.min()), int(years.max()))
    ax.set_ylim(0, top * 1.15)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return _finish(fig, source)


def plot_scale(trade_df: pd.DataFrame, partners: Iterable[str] | None = None,
               reporter: str | Sequence[str] = "vietnam", *, title: str | None = None,
               source: str = TABLE_SOURCE) -> "Figure":
    """China's scale beside the others: latest full-year turnover per country, twice.

    Left: an ordinary (linear) axis, where China dwarfs everyone and small partners vanish.
    Right: the same bars on a logarithmic axis (each gridline is ten times the one before), where
    every partner is visible. Uses :func:`latest_turnover`; each bar's label names its year.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    t = latest_turnover(trade_df, reporter, partners)
    rep_text = _reporter_text(_reporters(reporter))
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.42 * max(len(t), 3) + 2.2), layout="constrained", sharey=True)
    fig.suptitle(title or f"Vietnam's trade turnover with each partner, latest full year ({rep_text})")
    if t.empty:
        for ax in axes:
            ax.set_xlabel("turnover, billion USD")
            _no_data(ax, "No turnover figures in the kit's trade table.")
        axes[0].set_ylabel("partner")
        return _finish(fig, source)
    t = t.iloc[::-1]  # largest at the top
    labels = [f"{n} ({y})" for n, y in zip(t["partner_name"], t["year"])]
    colours = ["#C44E52" if c == "CHN" else "#4C72B0" for c in t["partner_iso3"]]
    for ax, log in zip(axes, (False, True)):
        ax.barh(labels, t["value_bn"], color=colours)
        ax.set_xlabel("turnover, billion USD" + (" (logarithmic scale)" if log else ""))
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
        if log:
            ax.set_xscale("log")
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
            ax.set_title("logarithmic axis: each step is ×10", fontsize=10)
        else:
            ax.set_title("ordinary axis", fontsize=10)
        for lab, v in zip(labels, t["value_bn"]):
            ax.text(v, lab, f" {v:.3g}", va="center", fontsize=8)
    axes[0].set_ylabel("partner (year of the figure)")
    lo, hi = float(t["value_bn"].min()), float(t["value_bn"].max())
    axes[0].set_xlim(0, hi * 1.18)
    axes[1].set_xlim(10 ** np.floor(np.log10(lo)), 10 ** np.ceil(np.log10(hi) + 0.15))
    return _finish(fig, source)
