"""The pieces of a partner report (notebooks/partner_report.ipynb), one function per section.

Each function takes an ISO3 code (and the corpus where facts are needed) and returns a DataFrame,
a Figure or an HTML fragment, so the template's cells stay one line long and the same pieces are
tested with pytest. All text from articles is HTML-escaped: a seed containing ``<script>`` shows as
text, never runs.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import reference
from ..errors import UnknownPartnerError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from ..corpus import Corpus



def resolve_report_partner(partner: str) -> str:
    """ISO3 code of a partner in the kit's reference table, from a code or an English/Indonesian name.

    Raises :class:`UnknownPartnerError` naming the closest partners when the name is unknown, or when
    the country is known but is not one of Vietnam's partners in ``data/partners.csv``.
    """
    table = reference.partners()
    try:
        iso3 = reference.resolve_partner(str(partner).strip())
    except UnknownPartnerError:
        iso3 = None
    if iso3 in set(table["iso3"]):
        return str(iso3)
    raise UnknownPartnerError(_not_a_partner_message(str(partner), iso3, table))


def _not_a_partner_message(partner: str, iso3: str | None, table: pd.DataFrame) -> str:
    import difflib

    names: dict[str, str] = {}
    for code, en, id_ in zip(table["iso3"], table["country_en"], table["country_id"]):
        for name in (code, en, id_):
            names[str(name).casefold()] = f"{en} ({code})"
    close = difflib.get_close_matches(partner.strip().casefold(), list(names), n=8, cutoff=0.5)
    hint = ", ".join(dict.fromkeys(names[n] for n in close)) or "see vnpartners.reference.partners()"
    what = f"{partner!r} ({iso3}) is not one of Vietnam's partners" if iso3 else f"Unknown partner {partner!r}"
    return (
        f"{what} in the kit's reference table (comprehensive partnership or above, or a special "
        f"relationship, by the end of 2025). Closest partners: {hint}. "
        "Give an ISO3 code or an English or Indonesian name."
    )


def partner_name(iso3: str) -> str:
    """English name of a partner (the reference table's ``country_en``), or the code if unknown."""
    from ..lessons.trade import partner_label

    return partner_label(iso3)


def level_name(level: Any) -> str:
    """The English name of a level (``levels.csv``'s ``name_en``), e.g. "Strategic Partnership"."""
    names = dict(zip(reference.levels()["level"], reference.levels()["name_en"]))
    return str(names.get(str(level), level))


def header_html(iso3: str) -> str:
    """A short profile: names, region, level at the end of 2025 and since when, relations since."""
    row = reference.partners().set_index("iso3").loc[iso3]
    level = level_name(row["level"])
    since = _fmt_date(row["level_since"], row.get("level_since_precision"))
    relations = _fmt_date(row["diplomatic_relations_since"], "day")
    items = [
        ("Partner", f"{row['country_en']} (Indonesian: {row['country_id']}; ISO3 {iso3})"),
        ("Region", row["region"]),
        ("Level at the end of 2025", f"{level}, since {since}"),
        ("Diplomatic relations since", relations),
    ]
    rows = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in items)
    return f"<table class='vnp-profile'>{rows}</table>"


def level_history(iso3: str) -> pd.DataFrame:
    """The partner's path: diplomatic relations, then every level set, upgraded or deepened.

    Columns: ``date`` (as precise as the source: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``step``
    (what happened), ``level``, ``framework`` (the name of the document or framework), ``source``.
    """
    path = reference.partner_path(iso3)
    out = pd.DataFrame(
        {
            "date": [_fmt_date(d, p) for d, p in zip(path["date"], path["date_precision"])],
            "step": path["event"].astype(str),
            "level": path["level"].map(lambda v: level_name(v) if pd.notna(v) else ""),
            "framework": path["framework_name"].fillna("").astype(str),
            "source": path["source_urls"].fillna("").astype(str).str.split().str[0].fillna(""),
        }
    )
    return out.reset_index(drop=True)


def plot_level_history(iso3: str) -> "Figure":
    """A step chart of the partner's level over time (higher = closer), diplomatic relations marked."""
    import matplotlib.pyplot as plt

    from ..lessons.charts import add_source

    path = reference.partner_path(iso3)
    name = partner_name(iso3)
    short = {1: "Comprehensive\nstrategic", 2: "Strategic", 3: "Comprehensive"}
    fig, ax = plt.subplots(figsize=(8, 3.2), layout="constrained")
    steps = path.dropna(subset=["rank"]).sort_values("date", kind="mergesort")
    end = pd.Timestamp("2025-12-31")
    if len(steps):
        xs = list(steps["date"]) + [end]
        ys = [int(r) for r in steps["rank"]] + [int(steps["rank"].iloc[-1])]
        ax.step(xs, ys, where="post", color="#1f4e79", linewidth=2)
        for _, step in steps.iterrows():
            ax.plot(step["date"], int(step["rank"]), "o", color="#1f4e79")
            label = f"{step['event']} {pd.Timestamp(step['date']).year}"
            ax.annotate(label, (step["date"], int(step["rank"])), textcoords="offset points", xytext=(-4, 7), fontsize=8, ha="right")
    else:
        ax.text(0.5, 0.5, "special relationship: outside the ladder of partnership levels",
                transform=ax.transAxes, ha="center", va="center", fontsize=10, color="#555555")
    relations = path.loc[path["event"] == "diplomatic_relations", "date"].dropna()
    for when in relations:
        ax.axvline(when, color="#999999", linestyle=":", linewidth=1)
        ax.annotate(f"diplomatic relations {pd.Timestamp(when).year}", (when, 3.4), fontsize=8, color="#555555",
                    textcoords="offset points", xytext=(4, 0), va="center")
    ax.set_yticks(list(short), list(short.values()), fontsize=8)
    ax.set_ylim(3.6, 0.5)
    first = path["date"].min()
    if pd.notna(first):
        ax.set_xlim(pd.Timestamp(first) - pd.Timedelta(days=1500), end + pd.Timedelta(days=400))
    ax.set_title(f"Vietnam–{name}: partnership level over time")
    ax.set_xlabel("year")
    ax.set_ylabel("level")
    fig.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))
    add_source(fig, "Source: the kit's data/partnership_history.csv (sources per row in the table below)")
    return fig


def _fmt_date(value: Any, precision: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "unknown"
    ts = pd.Timestamp(value)
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return ts.strftime("%Y-%m")
    return ts.strftime("%Y-%m-%d")


def evidence_table_html(df: pd.DataFrame, columns: list[str], *, corpus: "Corpus | None" = None, empty: str) -> str:
    """An HTML table of fact rows: the given columns, then the evidence sentence with the
    matched words highlighted (as :func:`vnpartners.show_fact` finds them). Every value is escaped."""
    from ..lessons.evidence import show_fact

    if df.empty:
        return f"<p class='vnp-empty'><em>{html.escape(empty)}</em></p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "<th>evidence (article · sentence)</th>"
    body = []
    for _, row in df.iterrows():
        cells = "".join(f"<td>{html.escape(_cell(row[c]))}</td>" for c in columns)
        mark = show_fact(row, corpus).sentence_html()
        where = html.escape(str(row["sentence_id"]).split("_")[0] + " · " + str(row["sentence_id"]).split(":", 1)[-1])
        body.append(f"<tr>{cells}<td class='vnp-evidence'>{mark} <small>({where})</small></td></tr>")
    return f"<table class='vnp-facts'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 100 else f"{value:g}"
    return str(value)


def partnership_statements(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's partnership rows about this partner, in text order."""
    rows = corpus.partnerships.loc[corpus.partnerships["partner_iso3"] == iso3]
    return rows.reset_index(drop=True)


def events_for(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's dated events naming this partner, in date order (a timeline).

    The Soviet Union's events count for Russia (its continuing state), as in the events table.
    """
    events = corpus.events
    named = events["countries"].fillna("").str.split().map(lambda codes: iso3 in codes)
    rows = events.loc[named].sort_values(["date", "sentence_id"], kind="mergesort")
    return rows.reset_index(drop=True)


def figures_for(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's figures about this partner."""
    rows = corpus.figures.loc[corpus.figures["partner_iso3"] == iso3]
    return rows.reset_index(drop=True)


def trade_rows(iso3: str) -> pd.DataFrame:
    """The kit's trade table for this partner: year, period, flow, value (billion USD), whose
    statistics, source, notes."""
    from ..lessons.trade import partner_rows

    rows = partner_rows(reference.trade(), iso3).sort_values(["year", "period", "flow", "reporter"], kind="mergesort")
    out = pd.DataFrame(
        {
            "year": rows["year"].astype("Int64"),
            "period": rows["period"],
            "flow": rows["flow"],
            "value_bn_usd": (rows["value_usd"] / 1e9).round(3),
            "reporter": rows["reporter"],
            "statistic_source": rows["statistic_source"],
            "source_url": rows["source_url"],
        }
    )
    return out.reset_index(drop=True)


def sources(iso3: str, corpus: "Corpus | None" = None) -> pd.DataFrame:
    """Every source behind the report: table, what it supports, address. Sorted, no duplicates."""
    rows: list[tuple[str, str, str]] = []
    partner = reference.partners().set_index("iso3").loc[iso3]
    for url in str(partner["source_urls"]).split():
        rows.append(("partners.csv", "level and relations", url))
    history = reference.partnership_history()
    for _, h in history.loc[history["iso3"] == iso3].iterrows():
        for url in str(h["source_urls"]).split():
            rows.append(("partnership_history.csv", f"{h['action']} {h['level']} ({h['date_text']})", url))
    trade = reference.trade()
    for _, t in trade.loc[trade["partner_iso3"] == iso3].iterrows():
        if pd.notna(t["source_url"]) and str(t["source_url"]).strip():
            rows.append(("trade.csv", f"{t['year']} {t['period']} {t['flow']} ({t['reporter']})", str(t["source_url"])))
    if corpus is not None:
        used = set(partnership_statements(corpus, iso3)["article_id"]) | set(events_for(corpus, iso3)["article_id"]) | set(figures_for(corpus, iso3)["article_id"])
        arts = corpus.articles.loc[corpus.articles["article_id"].isin(used)]
        for _, a in arts.iterrows():
            where = str(a["url"]) if pd.notna(a["url"]) else f"seeds/{a['file']} ({a['outlet'] if pd.notna(a['outlet']) else 'outlet unknown'})"
            rows.append(("seed article", f"{a['article_id'][:3]}: {a['title']}", where))
    out = pd.DataFrame(rows, columns=["table", "supports", "address"]).drop_duplicates()
    return out.sort_values(["table", "supports", "address"], kind="mergesort").reset_index(drop=True)


def events_timeline_html(corpus: "Corpus", iso3: str) -> str:
    """The partner's dated events as an HTML timeline table (date, kind, evidence)."""
    events = events_for(corpus, iso3).copy()
    if events.empty:
        return evidence_table_html(events, [], empty="The articles date no events with this partner.")

    def when(row: pd.Series) -> str:
        text = _fmt_date(row["date"], row["precision"])
        if pd.notna(row["date_end"]):
            text += " – " + _fmt_date(row["date_end"], row["precision"])
        return text + (" (year inferred)" if bool(row["year_inferred"]) else "")

    events["when"] = events.apply(when, axis=1)
    events["what"] = events["kind"].str.replace("_", " ")
    return evidence_table_html(events, ["when", "what", "countries"], corpus=corpus, empty="")


def sources_html(iso3: str, corpus: "Corpus | None" = None) -> str:
    """The sources table as HTML with clickable addresses (escaped)."""
    table = sources(iso3, corpus)
    rows = []
    for _, r in table.iterrows():
        address = str(r["address"])
        link = (
            f"<a href='{html.escape(address, quote=True)}'>{html.escape(address)}</a>"
            if address.startswith(("http://", "https://"))
            else html.escape(address)
        )
        rows.append(f"<tr><td>{html.escape(str(r['table']))}</td><td>{html.escape(str(r['supports']))}</td><td>{link}</td></tr>")
    return (
        "<table class='vnp-sources'><thead><tr><th>table</th><th>supports</th><th>address</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def plot_trade(iso3: str) -> "Figure":
    """Turnover by year, Vietnam's statistics beside the partner's (see :mod:`vnpartners.trade`).

    Missing years stay gaps; a partner without figures gets a figure saying so.
    """
    from ..lessons import trade

    return trade.plot_side_by_side(reference.trade(), iso3)
