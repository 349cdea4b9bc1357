"""Every flow of a partner's yearly trade, by whose statistics, as one table and one chart that agree.

Built on :func:`vnpartners.trade.series` (same rule when a year has several rows; see there), for
partner reports and anyone who wants exports, imports, turnover and the balance side by side:

* :func:`yearly_flows`: one row per (year, statistic, flow) with a value, plus the derived balance;
* :func:`flow_years`: the years both the table and the chart show (first to last year with a
  figure, gaps included, so a gap is visible in both);
* :func:`plot_yearly_flows`: turnover bars by statistic, and (when the table has them) Vietnam's
  exports above and imports below zero; approximate values are hatched, lower bounds hollow,
  suspect rows and pre-year-end estimates cross-hatched with a dashed edge.

Every bar the chart draws carries a ``gid`` ``"year|reporter|flow|style"`` (a gap year's shading
``"gap|year"``), so a test can check the chart against :func:`yearly_flows` without reading pixels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .trade import REPORTER_LABELS, TABLE_SOURCE, _partner_rows, partner_label, series

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["FLOWS", "REPORTERS", "STYLES", "yearly_flows", "flow_years", "plot_yearly_flows"]

#: flows in the order tables show them; ``balance`` = exports − imports (derived, never in the table)
FLOWS = ("exports", "imports", "turnover", "balance")
#: whose statistics, in the order tables show them
REPORTERS = ("vietnam", "partner", "unstated")
#: how a value is drawn and marked: the style of a value, from its row's columns
STYLES = {
    "exact": "solid bar; no mark",
    "approx": "hatched bar; ≈ before the value (the source says about, nearly, or rounds)",
    "lower_bound": "hollow bar; > before the value (the source says more than)",
    "flagged": "cross-hatched bar, dashed edge; ? after the value (suspect, or an estimate made before the year ended)",
}
_COLOUR = {"vietnam": "#C44E52", "partner": "#4C72B0", "unstated": "#8C8C8C"}
_COLUMNS = ["year", "reporter", "flow", "value_bn", "style", "is_approx", "is_lower_bound", "flag", "record_id",
            "statistic_source", "source_url", "other_values_bn"]


def _style(is_approx: Any, is_lower_bound: Any, flag: Any) -> str:
    if isinstance(flag, str) and flag:
        return "flagged"
    if bool(is_lower_bound) if not pd.isna(is_lower_bound) else False:
        return "lower_bound"
    if bool(is_approx) if not pd.isna(is_approx) else False:
        return "approx"
    return "exact"


def yearly_flows(trade_df: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """A partner's full-year trade: one row per (year, reporter, flow) that has a figure.

    For each reporter (``vietnam``, ``partner``, ``unstated``) and flow (``exports``, ``imports``,
    ``turnover``), the value :func:`series` chooses for the year (other rows of the same year,
    reporter and flow listed in ``other_values_bn``). ``balance`` rows (exports − imports) are
    added where one reporter has both flows for a year and neither is a lower bound; a balance is
    ``approx`` or ``flagged`` when either side is.

    Columns: ``year`` (Int64), ``reporter``, ``flow``, ``value_bn`` (billion USD), ``style``
    (``exact``, ``approx``, ``lower_bound``, ``flagged``: see :data:`STYLES`), ``is_approx``,
    ``is_lower_bound``, ``flag``, ``record_id`` (balance: both records, ``"R1+R2"``),
    ``statistic_source``, ``source_url``, ``other_values_bn``. Sorted by year, reporter and flow in
    the orders of :data:`REPORTERS` and :data:`FLOWS`. Part-year rows (``Q1``, ``Jan-Aug``) are
    left out: they are not a year's trade.
    """
    rows = _partner_rows(trade_df, iso3)
    urls = {(str(r), str(f), str(p)): u for r, f, p, u in zip(rows["record_id"], rows["flow"], rows["reporter"], rows["source_url"])}
    records: list[dict[str, Any]] = []
    for reporter in REPORTERS:
        for flow in FLOWS[:3]:
            s = series(trade_df, iso3, flow, reporter)
            for _, r in s.dropna(subset=["value_bn"]).iterrows():
                url = urls.get((str(r["record_id"]), flow, reporter))
                records.append({
                    "year": int(r["year"]), "reporter": reporter, "flow": flow, "value_bn": float(r["value_bn"]),
                    "style": _style(r["is_approx"], r["is_lower_bound"], r["flag"]),
                    "is_approx": bool(r["is_approx"]) if pd.notna(r["is_approx"]) else False,
                    "is_lower_bound": bool(r["is_lower_bound"]) if pd.notna(r["is_lower_bound"]) else False,
                    "flag": r["flag"] if pd.notna(r["flag"]) else None, "record_id": str(r["record_id"]),
                    "statistic_source": r["statistic_source"] if pd.notna(r["statistic_source"]) else None,
                    "source_url": url if isinstance(url, str) and url.strip() else None,
                    "other_values_bn": r["other_values_bn"] if pd.notna(r["other_values_bn"]) else None,
                })
    records += _balances(records)
    out = pd.DataFrame.from_records(records, columns=_COLUMNS)
    if out.empty:
        return out.astype({"year": "Int64", "value_bn": "float64"})
    out["year"] = out["year"].astype("Int64")
    for column in ("flag", "statistic_source", "source_url", "other_values_bn"):  # missing is None, never NaN
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    out["_r"] = out["reporter"].map({r: i for i, r in enumerate(REPORTERS)})
    out["_f"] = out["flow"].map({f: i for i, f in enumerate(FLOWS)})
    out = out.sort_values(["year", "_r", "_f"], kind="stable").drop(columns=["_r", "_f"])
    return out.reset_index(drop=True)


def _balances(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_key = {(r["year"], r["reporter"], r["flow"]): r for r in records}
    out = []
    for (year, reporter, flow), exp in sorted(by_key.items(), key=lambda kv: (kv[0][0], REPORTERS.index(kv[0][1]))):
        imp = by_key.get((year, reporter, "imports"))
        if flow != "exports" or imp is None or exp["is_lower_bound"] or imp["is_lower_bound"]:
            continue
        flag = exp["flag"] or imp["flag"]
        approx = exp["is_approx"] or imp["is_approx"]
        sources = list(dict.fromkeys(s for s in (exp["statistic_source"], imp["statistic_source"]) if s))
        out.append({
            "year": year, "reporter": reporter, "flow": "balance", "value_bn": exp["value_bn"] - imp["value_bn"],
            "style": _style(approx, False, flag), "is_approx": approx, "is_lower_bound": False, "flag": flag,
            "record_id": exp["record_id"] if exp["record_id"] == imp["record_id"] else f"{exp['record_id']}+{imp['record_id']}",
            "statistic_source": "; ".join(sources) or None, "source_url": exp["source_url"] or imp["source_url"],
            "other_values_bn": None,
        })
    return out


def flow_years(flows: pd.DataFrame) -> list[int]:
    """The years a table and a chart of ``flows`` (:func:`yearly_flows`) show: every year from the
    first to the last with a figure, gap years included (they show as gaps in both). Empty: []."""
    if flows.empty:
        return []
    years = flows["year"].astype(int)
    return list(range(int(years.min()), int(years.max()) + 1))


def _draw_bar(ax: Any, x: float, height: float, width: float, reporter: str, style: str, gid: str) -> None:
    colour = _COLOUR[reporter]
    kwargs: dict[str, Any] = {"width": width, "edgecolor": colour, "linewidth": 1.2}
    if style == "exact":
        kwargs.update(color=colour)
    elif style == "approx":
        kwargs.update(facecolor=_lighter(colour), hatch="////")
    elif style == "lower_bound":
        kwargs.update(facecolor="white", linewidth=1.8)
    else:  # flagged
        kwargs.update(facecolor="white", hatch="xxx", linestyle="--")
    (bar,) = ax.bar([x], [height], **kwargs)
    bar.set_gid(gid)


def _lighter(colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (1 - (1 - r) * 0.35, 1 - (1 - g) * 0.35, 1 - (1 - b) * 0.35)


def plot_yearly_flows(trade_df: pd.DataFrame, iso3: str, *, title: str | None = None, source: str = TABLE_SOURCE) -> "Figure":
    """Turnover by year and statistic; below it, exports and imports where the table has them.

    Bars are grouped by year, one per statistic (Vietnam's red, the partner's blue, unnamed grey);
    exact values are solid, approximate hatched, lower bounds hollow, suspect rows and pre-year-end
    estimates cross-hatched with a dashed edge. The lower panel (only when there are exports or
    imports) draws Vietnam's exports above zero and imports below, with the balance as a black
    dash. Years with no figure at all are shaded; the years are :func:`flow_years`, those of the
    table beside the chart. A partner without figures gets a figure saying so.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from .charts import add_source

    flows = yearly_flows(trade_df, iso3)
    name = partner_label(iso3, trade_df)
    has_parts = bool(flows["flow"].isin(["exports", "imports"]).any()) if len(flows) else False
    fig, axes = plt.subplots(2 if has_parts else 1, 1, figsize=(10, 3.4 if has_parts else 2.4), sharex=True,
                             layout="constrained", height_ratios=[3, 2] if has_parts else None, squeeze=False)
    top = axes[0][0]
    top.set_title(title or f"Vietnam–{name}: goods trade by year, by whose statistics (billion USD)", fontsize=11)
    if flows.empty:
        top.text(0.5, 0.5, f"No full-year trade figures for {name} in the kit's trade table.", transform=top.transAxes,
                 ha="center", va="center", fontsize=10, color="#555555")
        top.set_xticks([])
        top.set_yticks([])
        fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
        add_source(fig, source)
        return fig
    years = flow_years(flows)
    reporters = [r for r in REPORTERS if (flows["reporter"] == r).any()]
    width = 0.8 / len(reporters)
    offset = {r: (i - (len(reporters) - 1) / 2) * width for i, r in enumerate(reporters)}
    have = set(flows["year"].astype(int))
    panels = [(top, ["turnover"])] + ([(axes[1][0], ["exports", "imports"])] if has_parts else [])
    for ax, kinds in panels:
        for _, r in flows[flows["flow"].isin(kinds)].iterrows():
            height = -r["value_bn"] if r["flow"] == "imports" else r["value_bn"]
            _draw_bar(ax, int(r["year"]) + offset[r["reporter"]], height, width * 0.92, r["reporter"], r["style"],
                      f"{int(r['year'])}|{r['reporter']}|{r['flow']}|{r['style']}")
        for y in years:
            if y not in have:
                ax.axvspan(y - 0.5, y + 0.5, color="#EEEEEE", zorder=0).set_gid(f"gap|{y}")
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
    top.set_ylabel("turnover")
    turnover_top = flows.loc[flows["flow"] == "turnover", "value_bn"].max()
    top.set_ylim(0, (turnover_top if pd.notna(turnover_top) else 1) * 1.12)
    if has_parts:
        low = axes[1][0]
        for _, r in flows[flows["flow"] == "balance"].iterrows():
            x = int(r["year"]) + offset[r["reporter"]]
            (dash,) = low.plot([x - width * 0.45, x + width * 0.45], [r["value_bn"]] * 2, color="black", linewidth=2)
            dash.set_gid(f"{int(r['year'])}|{r['reporter']}|balance|{r['style']}")
        low.axhline(0, color="#333333", linewidth=0.8)
        low.set_ylabel("exports (+)\nimports (−)")
    span = years[-1] - years[0]
    step = 1 if span <= 14 else 2 if span <= 28 else 5
    ax_last = panels[-1][0]
    ax_last.set_xticks(range(years[0], years[-1] + 1, step))
    ax_last.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    handles = [Patch(color=_COLOUR[r], label=REPORTER_LABELS[r].replace(" (mirror data)", "")) for r in reporters]
    used = set(flows["style"])
    grey = "#666666"
    samples = {
        "exact": Patch(color=grey, label="exact"),
        "approx": Patch(facecolor=_lighter(grey), edgecolor=grey, hatch="////", label="approximate"),
        "lower_bound": Patch(facecolor="white", edgecolor=grey, linewidth=1.8, label="lower bound (more than)"),
        "flagged": Patch(facecolor="white", edgecolor=grey, hatch="xxx", linestyle="--", label="suspect or early estimate"),
    }
    handles += [samples[s] for s in samples if s in used]
    if any(y not in have for y in years):
        handles.append(Patch(color="#EEEEEE", label="no figure in the table"))
    if has_parts and (flows["flow"] == "balance").any():
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], color="black", linewidth=2, label="balance (exports − imports)"))
    top.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05 if has_parts else 0.07, 1, 0.95 if has_parts else 0.93))
    add_source(fig, source)
    return fig

