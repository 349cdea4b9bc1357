"""The summary box that opens a partner page: what an analyst reads first.

:func:`summary` computes every number in the box from the tables (so a test can check them);
:func:`summary_html` only writes them out. The box says: the level now and since when; the path up
the ladder in one line; per statistic (Vietnam's, the partner's, not named), the latest full year
of trade with its growth on the year before; how many articles and stated facts stand behind the
page; and the dates: rendered, reference tables, newest article, latest trade figure.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import reference
from ..facts.modality import is_stated
from ..lessons.trade import PERIOD_MONTHS
from ..lessons.trade_flows import REPORTERS, yearly_flows
from .page import (events_for, esc, figures_for, human_date, level_name, partner_name,
                   partnership_statements)

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["render_date", "summary", "summary_html"]

_REPORTER_WORDS = {"vietnam": "Vietnam's statistics", "partner": "partner's statistics", "unstated": "statistics not named"}
_FLOW_ORDER = ("turnover", "exports", "imports", "balance")


def render_date() -> date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when set, so a rebuild can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def _latest_trade(iso3: str) -> list[dict[str, Any]]:
    flows = yearly_flows(reference.trade(), iso3)
    out = []
    for reporter in REPORTERS:
        mine = flows[flows["reporter"] == reporter]
        if mine.empty:
            continue
        year = int(mine["year"].max())
        items = []
        for flow in _FLOW_ORDER:
            now = mine[(mine["year"] == year) & (mine["flow"] == flow)]
            if now.empty:
                continue
            before = mine[(mine["year"] == year - 1) & (mine["flow"] == flow)]
            value, style = float(now["value_bn"].iloc[0]), str(now["style"].iloc[0])
            growth = prev = None
            prev_style = None
            if flow != "balance" and len(before):
                prev = float(before["value_bn"].iloc[0])
                prev_style = str(before["style"].iloc[0])
                growth = (value / prev - 1) * 100 if prev else None
            items.append({"flow": flow, "value_bn": value, "style": style, "previous_bn": prev,
                          "previous_style": prev_style, "growth_pct": growth})
        out.append({"reporter": reporter, "year": year, "flows": items})
    return out


def summary(corpus: "Corpus", iso3: str, *, rendered: Any = None) -> dict[str, Any]:
    """Every number of the summary box.

    Keys: ``partner``, ``iso3``; ``level`` (English name, as of the reference tables' status date)
    and ``level_since`` (human date); ``path`` (one line: relations, then each step); ``trade`` (per
    statistic: ``reporter``, ``year``, ``flows`` with ``flow``, ``value_bn``, ``style``,
    ``previous_bn``, ``growth_pct``, growth on the previous calendar year of the same statistic and
    flow, None where that year has no figure); ``n_articles`` (articles with a stated fact about the
    partner); ``n_statements``, ``n_events``, ``n_figures`` (stated rows of each fact table about the
    partner; events = dated statements naming it) and ``n_facts`` (their sum); ``rendered``,
    ``data_to`` (status date of the reference tables), ``newest_article`` (publication date of the
    newest article cited, "" if none), ``trade_to`` (the latest period of the partner's trade rows).
    """
    partners = reference.partners().set_index("iso3")
    row = partners.loc[iso3]
    path = reference.partner_path(iso3)
    steps = []
    for _, s in path.iterrows():
        when = human_date(s["date"], s["date_precision"]) or "date unknown"
        what = "diplomatic relations" if s["event"] == "diplomatic_relations" else (
            level_name(s["level"]) if s["event"] in ("established", "upgraded") else f"{s['event']} {level_name(s['level'])}")
        steps.append(f"{what} {when}")
    facts = {"statements": partnership_statements(corpus, iso3), "events": events_for(corpus, iso3),
             "figures": figures_for(corpus, iso3)}
    stated = {k: v[is_stated(v).to_numpy()] for k, v in facts.items()}
    articles = set().union(*(set(v["article_id"].astype(str)) for v in stated.values()))
    cited = corpus.articles[corpus.articles["article_id"].isin(articles)]
    newest = cited.sort_values("published", kind="stable", na_position="first").tail(1)
    trade = reference.trade()
    rows = trade[trade["partner_iso3"] == iso3]
    trade_to = ""
    if len(rows):
        year, months, period = max((int(y), PERIOD_MONTHS.get(str(p), 0), str(p)) for y, p in zip(rows["year"], rows["period"]))
        trade_to = str(year) if period == "FY" else f"{period.replace('-', '–')} {year}"
    rendered = rendered if rendered is not None else render_date()
    return {
        "partner": partner_name(iso3), "iso3": iso3,
        "level": level_name(row["level"]), "level_since": human_date(row["level_since"], row["level_since_precision"]),
        "path": " → ".join(steps), "trade": _latest_trade(iso3),
        "n_articles": len(articles), "n_statements": len(stated["statements"]), "n_events": len(stated["events"]),
        "n_figures": len(stated["figures"]), "n_facts": sum(len(v) for v in stated.values()),
        "rendered": human_date(pd.Timestamp(rendered)), "data_to": human_date(reference.STATUS_DATE),
        "newest_article": human_date(newest["published"].iloc[0], newest["published_precision"].iloc[0]) if len(newest) else "",
        "trade_to": trade_to,
    }


def _growth(item: dict[str, Any]) -> str:
    """"(+26.7% on the year before)"; "under" when last year's figure is a lower bound (the growth is
    then at most this), "over" when this year's is; nothing when both are lower bounds."""
    if item["growth_pct"] is None:
        return ""
    styles = (item["style"], item["previous_style"])
    if styles == ("lower_bound", "lower_bound"):
        return ""
    word = "under " if styles[1] == "lower_bound" else "over " if styles[0] == "lower_bound" else ""
    mark = "≈" if "approx" in styles and not word else ""
    flagged = ", a flagged figure" if "flagged" in styles else ""
    sign = "+" if item["growth_pct"] >= 0 else "−"
    return f" ({word}{mark}{sign}{abs(item['growth_pct']):.1f}% on the year before{flagged})"


def _value(item: dict[str, Any]) -> str:
    v = item["value_bn"]
    number = f"{abs(v):,.2f}" if abs(v) >= 1 else f"{abs(v):.3f}"
    pre = {"approx": "about ", "lower_bound": "more than ", "flagged": ""}.get(item["style"], "")
    post = " (flagged: suspect or early estimate)" if item["style"] == "flagged" else ""
    return f"{item['flow']} {pre}{'−' if v < 0 else ''}{number} bn USD{post}"


def summary_html(corpus: "Corpus", iso3: str, *, rendered: Any = None) -> str:
    """The box as HTML (every value escaped)."""
    s = summary(corpus, iso3, rendered=rendered)
    trade_lines = "".join(
        f"<div><b>{esc(_REPORTER_WORDS[t['reporter']])}, {t['year']}:</b> "
        + esc("; ".join(_value(i) + _growth(i) for i in t["flows"])) + "</div>" for t in s["trade"])
    trade_lines = trade_lines or "<div>No trade figures for this partner in the kit's trade table.</div>"
    facts = (f"{s['n_facts']} stated facts from {s['n_articles']} article{'s' if s['n_articles'] != 1 else ''}: "
             f"{s['n_statements']} statements on the partnership, {s['n_events']} dated statements, {s['n_figures']} figures"
             if s["n_facts"] else "No article states anything about this partner; the page shows the reference tables only.")
    dates = (f"rendered {s['rendered']}; reference tables as of {s['data_to']}"
             + (f"; newest article {s['newest_article']}" if s["newest_article"] else "")
             + (f"; trade figures to {s['trade_to']}" if s["trade_to"] else ""))
    rows = [
        ("Level now", f"<b>{esc(s['level'])}</b> since {esc(s['level_since'] or 'date unknown')}"),
        ("Path", esc(s["path"])),
        ("Latest full-year trade", trade_lines),
        ("Behind this page", esc(facts)),
        ("Dates", esc(dates)),
    ]
    body = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<div class='vnp-summary'><table>{body}</table></div>"
