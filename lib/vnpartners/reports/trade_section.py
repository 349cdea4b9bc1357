"""The trade table of a partner page: the same years and values as the chart above it.

Both come from :func:`vnpartners.lessons.trade_flows.yearly_flows`: one row per year from the first
to the last with a figure (a gap year says so), and per statistic (Vietnam's, the partner's, not
named) the flows the kit's table has: exports, imports, turnover and the balance. A value is
marked as the chart draws it: ``≈`` approximate (hatched), ``>`` a lower bound (hollow), ``?``
suspect or an early estimate (cross-hatched). Each value links to the article it comes from.
Part-year figures (a first quarter, January to August) are listed below: they are not a year.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import reference
from ..lessons.trade import PERIOD_MONTHS, partner_rows
from ..lessons.trade_flows import FLOWS, REPORTERS, STYLES, flow_years, yearly_flows
from .cite import url_link
from .page import esc

__all__ = ["trade_cells", "trade_html", "MARKS"]

#: how each style is marked in the table (prefix, suffix)
MARKS = {"exact": ("", ""), "approx": ("≈", ""), "lower_bound": (">", ""), "flagged": ("", "?")}
_REPORTER_HEAD = {"vietnam": "Vietnam's statistics", "partner": "partner's statistics (mirror)", "unstated": "statistics not named"}
_FLAG_WORDS = {"suspect": "suspect value", "pre_year_end_estimate": "estimate made before the year ended"}
_PERIOD_WORDS = {"Q1": "Q1", "H1": "H1", "Jan-Aug": "Jan–Aug", "9M": "Jan–Sep", "11M": "Jan–Nov"}


def _number(value_bn: float) -> str:
    text = f"{abs(value_bn):,.2f}" if abs(value_bn) >= 1 else f"{abs(value_bn):.3f}"
    return ("−" if value_bn < 0 else "") + text


def trade_cells(iso3: str) -> pd.DataFrame:
    """What the table shows: one row per (year, reporter, flow) cell with a value, and one row per
    gap year (``reporter`` and ``flow`` missing). Columns: ``year``, ``reporter``, ``flow``,
    ``text`` (value as shown, marks included), ``style``. The chart's bars are the same cells."""
    flows = yearly_flows(reference.trade(), iso3)
    records: list[dict[str, Any]] = []
    have = set(flows["year"].astype(int)) if len(flows) else set()
    for year in flow_years(flows):
        if year not in have:
            records.append({"year": year, "reporter": None, "flow": None, "text": "", "style": None})
    for _, r in flows.iterrows():
        pre, post = MARKS[r["style"]]
        records.append({"year": int(r["year"]), "reporter": r["reporter"], "flow": r["flow"],
                        "text": f"{pre}{_number(r['value_bn'])}{post}", "style": r["style"]})
    return pd.DataFrame.from_records(records, columns=["year", "reporter", "flow", "text", "style"])


def _text(value: Any) -> str:
    """A table value as text; a missing one (None, NaN, NA) as ""."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _cell_html(r: pd.Series) -> str:
    pre, post = MARKS[r["style"]]
    text = f"{pre}{_number(r['value_bn'])}{post}"
    tip = "; ".join(x for x in (_text(r["statistic_source"]), _FLAG_WORDS.get(_text(r["flag"]), ""), f"record {r['record_id']}") if x)
    shown = url_link(r["source_url"], text, tip) if _text(r["source_url"]) else esc(text)
    also = f"<div class='vnp-note'>also {esc(r['other_values_bn'])}</div>" if _text(r["other_values_bn"]) else ""
    return f"<td class='vnp-num vnp-{r['style']}' title='{esc(tip)}'>{shown}{also}</td>"


def trade_html(iso3: str) -> str:
    """The table (see the module doc) with a line explaining the marks, then part-year figures."""
    table = reference.trade()
    flows = yearly_flows(table, iso3)
    if flows.empty:
        parts = _part_years(table, iso3)
        return (f"<p class='vnp-empty{'' if parts else ' vnp-nothing'}'>No full-year trade figures for this partner in the "
                "kit's trade table (data/trade.csv): a gap, not a zero.</p>" + parts)
    columns = [(rep, flow) for rep in REPORTERS for flow in FLOWS
               if ((flows["reporter"] == rep) & (flows["flow"] == flow)).any()]
    reps = list(dict.fromkeys(rep for rep, _ in columns))
    head1 = "".join(f"<th colspan='{sum(1 for r, _ in columns if r == rep)}' class='vnp-group vnp-{rep}'>"
                    f"{esc(_REPORTER_HEAD[rep])}</th>" for rep in reps)
    head2 = "".join(f"<th class='vnp-num'>{esc(flow)}</th>" for _, flow in columns)
    cells = {(int(r["year"]), r["reporter"], r["flow"]): r for _, r in flows.iterrows()}
    body = []
    for year in flow_years(flows):
        row = [cells.get((year, rep, flow)) for rep, flow in columns]
        if all(c is None for c in row):
            body.append(f"<tr class='vnp-gap'><th>{year}</th><td colspan='{len(columns)}'>no figure in the kit's table</td></tr>")
            continue
        tds = "".join(_cell_html(c) if c is not None else "<td></td>" for c in row)
        body.append(f"<tr><th>{year}</th>{tds}</tr>")
    used = [s for s in STYLES if s in set(flows["style"]) and s != "exact"]
    legend = "; ".join(f"<span class='vnp-mark vnp-{s}'>{esc(MARKS[s][0] or MARKS[s][1])}</span> {esc(_STYLE_WORDS[s])}"
                       for s in used)
    note = ("Billion USD, full years. Each value links to its article (hover for the statistic and record); "
            "balance = exports − imports." + (f" Marks: {legend}." if legend else ""))
    return (f"<table class='vnp-table vnp-trade vnp-keep'><thead><tr><th rowspan='2'>year</th>{head1}</tr><tr>{head2}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table><p class='vnp-note'>{note}</p>" + _part_years(table, iso3))


_STYLE_WORDS = {"approx": "approximate: about, nearly, rounded", "lower_bound": "lower bound: more than",
                "flagged": "suspect, or estimated before the year ended"}


def _part_years(table: pd.DataFrame, iso3: str) -> str:
    rows = partner_rows(table, iso3)
    rows = rows[rows["period"] != "FY"].sort_values(["year", "period", "flow", "reporter"], kind="stable")
    if rows.empty:
        return ""
    items = []
    for _, r in rows.iterrows():
        months = PERIOD_MONTHS.get(str(r["period"]))
        when = f"{_PERIOD_WORDS.get(str(r['period']), r['period'])} {int(r['year'])}"
        value = _number(float(r["value_usd"]) / 1e9)
        link = url_link(r["source_url"], value) if pd.notna(r["source_url"]) else esc(value)
        items.append(f"{esc(when)} ({months or '?'} months): {esc(r['flow'])} {link} "
                     f"({esc(_REPORTER_HEAD.get(str(r['reporter']), r['reporter']))})")
    return f"<p class='vnp-note'>Part-year figures, not in the chart or the table: {'; '.join(items)}.</p>"
