"""The index page of a report folder: each partner with its level, latest trade and number of facts.

Plain HTML, no scripts: the table is written once per order (name, level, latest trade, facts) and
CSS shows the order whose link was followed (``:target``), the order by name otherwise. A partner
that failed is listed with its error instead of a link.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from .. import reference
from ..lessons.trade import latest_turnover
from ..facts.modality import is_stated
from .page import level_name, partner_name

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["index_rows", "index_html"]

_ORDERS = (("by-name", "name"), ("by-level", "level"), ("by-trade", "latest trade"), ("by-facts", "facts"))


def index_rows(codes: list[str], corpus: "Corpus") -> pd.DataFrame:
    """One row per partner code: ``iso3``, ``name``, ``level`` (English name), ``rank`` (1 = highest;
    9 outside the ladder), ``trade_bn``, ``trade_text`` and ``trade_note`` (latest full-year turnover,
    Vietnam's statistics first, else the partner's, else unnamed: value, then year and statistic;
    "" if none), ``n_facts`` (stated rows of
    the partnerships, events and figures tables about the partner in ``corpus``)."""
    partners = reference.partners().set_index("iso3")
    trade = reference.trade()
    by_code = {}
    for reporter in ("unstated", "partner", "vietnam"):  # later reporters win: Vietnam's first
        for _, r in latest_turnover(trade, reporter, codes).iterrows():
            by_code[r["partner_iso3"]] = (float(r["value_bn"]), int(r["year"]), reporter)
    words = {"vietnam": "Vietnam's statistics", "partner": "partner's statistics", "unstated": "statistics not named"}
    counts: dict[str, int] = {}
    for table, column in ((corpus.partnerships, "partner_iso3"), (corpus.figures, "partner_iso3")):
        stated = table[is_stated(table).to_numpy()]
        for code, n in stated[column].value_counts().items():
            counts[str(code)] = counts.get(str(code), 0) + int(n)
    events = corpus.events[is_stated(corpus.events).to_numpy()]
    for codes_text in events["countries"].fillna(""):
        for code in set(str(codes_text).split()):
            counts[code] = counts.get(code, 0) + 1
    records = []
    for code in codes:
        known = code in partners.index
        level = partners.loc[code, "level"] if known else None
        rank = partners.loc[code, "rank"] if known else pd.NA
        trade_bn, year, reporter = by_code.get(code, (float("nan"), None, None))
        facts = counts.get(code, 0)
        records.append({
            "iso3": code, "name": partner_name(code), "level": level_name(level) if level is not None else "—",
            "rank": int(rank) if pd.notna(rank) else 9, "trade_bn": trade_bn,
            "trade_text": f"{trade_bn:,.2f} bn USD" if year is not None else "",
            "trade_note": f"{year}, {words[reporter]}" if year is not None else "",
            "n_facts": facts,
        })
    return pd.DataFrame.from_records(records, columns=["iso3", "name", "level", "rank", "trade_bn", "trade_text",
                                                         "trade_note", "n_facts"])


def _table(rows: pd.DataFrame, failed: dict[str, str]) -> str:
    body = []
    for _, r in rows.iterrows():
        code, name = html.escape(r["iso3"]), html.escape(r["name"])
        if r["iso3"] in failed:
            link = name
            status = f"<td class='fail'>failed: {html.escape(failed[r['iso3']][:200])}</td>"
        else:
            link = f"<a href='{code}.html'>{name}</a>"
            status = "<td>ok</td>"
        body.append(f"<tr><td>{code}</td><td>{link}</td><td>{html.escape(r['level'])}</td>"
                    f"<td class='num'>{html.escape(r['trade_text'])}</td><td class='note'>{html.escape(r['trade_note'])}</td>"
                    f"<td class='num'>{r['n_facts']}</td>{status}</tr>")
    return ("<table><thead><tr><th>ISO3</th><th>partner</th><th>level (end of 2025)</th><th class='num'>latest turnover</th>"
            "<th>year, statistics</th><th class='num'>stated facts</th><th>page</th></tr></thead>"
            f"<tbody>{''.join(body) or '<tr><td colspan=7>No reports yet.</td></tr>'}</tbody></table>")


def index_html(codes: list[str], failed: dict[str, str], corpus: "Corpus") -> str:
    """The whole index page for the partners ``codes`` (pages written or failed; ``failed`` maps a
    code to its error). Offline, no scripts; every value escaped."""
    rows = index_rows(sorted(set(codes)), corpus)
    orders = {
        "by-name": rows.sort_values(["name", "iso3"], kind="stable"),
        "by-level": rows.sort_values(["rank", "name"], kind="stable"),
        "by-trade": rows.sort_values(["trade_bn", "name"], ascending=[False, True], na_position="last", kind="stable"),
        "by-facts": rows.sort_values(["n_facts", "name"], ascending=[False, True], kind="stable"),
    }
    links = " · ".join(f"<a href='#{key}'>{label}</a>" for key, label in _ORDERS)
    # the order by name comes last in the page so that ":target ~ #by-name" can hide it; CSS shows it first
    sections = "".join(f"<section class='order' id='{key}'><h2>Partners by {label}</h2>{_table(orders[key], failed)}</section>"
                       for key, label in (*_ORDERS[1:], _ORDERS[0]))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Vietnam's partners: reports</title>
<style>body{{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}}
table{{border-collapse:collapse;width:100%;font-size:14px}}td,th{{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left}}
th{{background:#f4f4f4}}.num{{text-align:right;white-space:nowrap}}.note{{color:#666;font-size:12px}}.fail{{color:#a00}}h2{{font-size:17px;margin:.8em 0 .3em}}
.orders{{display:flex;flex-direction:column}}.order{{display:none}}.order:target{{display:block}}
#by-name{{display:block;order:-1}}.order:target~#by-name{{display:none}}
@media print{{.order{{display:none}}#by-name{{display:block}}nav{{display:none}}}}</style></head>
<body><h1>Vietnam's partners: reports</h1>
<p>One page per partner: a summary, the partnership level history, a timeline of the events the articles
date, the statements and figures they state (each with its sentence), trade by year and the sources.
Generated by <code>vnpartners report</code>. A page's PDF, when printed with <code>--pdf</code>, sits beside it.</p>
<nav>Order by: {links}</nav>
<div class="orders">{sections}</div></body></html>
"""
