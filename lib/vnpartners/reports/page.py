"""The pieces of a partner report (notebooks/partner_report.ipynb), one function per section.

Each function takes an ISO3 code (and the corpus where facts are needed) and returns a DataFrame,
a Figure or an HTML fragment, so the template's cells stay one line long and the same pieces are
tested with pytest. All text from articles is HTML-escaped: a seed containing ``<script>`` shows as
text, never runs. The page, top to bottom:

1. :func:`summary_html`: level now and since when, the path up the ladder, latest trade by each
   statistic with its growth, how many articles and stated facts stand behind the page, dates;
2. :func:`plot_level_history` and :func:`level_history_html`: the ladder, step by step;
3. :func:`timeline_html`: one row per event, its sources counted and cited;
4. :func:`statements_html`: what the articles state about the partnership;
5. :func:`figures_html`: the numbers the articles state;
6. :func:`plot_trade` and :func:`trade_html`: exports, imports, turnover and balance by statistic;
7. :func:`sources_html`: every article and reference row behind the page;
8. :func:`evidence_appendix_html`: for print only, every sentence cited, once, with its English.

The sections live in their own modules (:mod:`.summary`, :mod:`.timeline`, :mod:`.facts_html`,
:mod:`.trade_section`, :mod:`.sources`, with :mod:`.cite` and :mod:`.evidence` for citations and
evidence); this module holds what they share and the one-line entry points the template calls.
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


def country_name(iso3: str) -> str:
    """English name of any country code: a partner's as in the partner table, others from ISO 3166
    ("PER" -> "Peru", "SUN" -> "Soviet Union"); the code itself if unknown."""
    from ..reference.countries import country_name as iso_name

    table = reference.partners().set_index("iso3")["country_en"]
    if iso3 in table.index:
        return str(table[iso3])
    try:
        return iso_name(iso3)
    except KeyError:
        return str(iso3)


def level_name(level: Any) -> str:
    """The English name of a level (``levels.csv``'s ``name_en``), e.g. "Strategic Partnership"."""
    names = dict(zip(reference.levels()["level"], reference.levels()["name_en"]))
    return str(names.get(str(level), level))


#: the order rows are shown in: things that happened first, then plans, then aims and wishes
MODALITY_ORDER = {"stated": 0, "planned": 1, "aim": 2}
MODALITY_LABELS = {"stated": "stated", "planned": "planned (not yet happened)", "aim": "aim or wish (not a fact)"}


def modality_of(pairs: list[tuple[str, Any]]) -> tuple[str, str]:
    """The modality of a row merged from several (``stated`` if any source states it happened, else
    ``planned``, else ``aim``) and the first cue words of that modality ("akan", "bertujuan")."""
    modality = min((m for m, _ in pairs), key=lambda m: MODALITY_ORDER.get(m, 9))
    cue = next((str(c) for m, c in pairs if m == modality and isinstance(c, str) and c.strip()), "")
    return modality, cue


def modality_note(modality: str, cue: str = "") -> str:
    """The mark of a planned or aimed row: "planned (not yet happened): “akan”"; ``""`` for stated."""
    if modality == "stated":
        return ""
    said = f": “{esc(cue)}”" if cue else ""
    return f"<div class='vnp-modality'>{esc(MODALITY_LABELS.get(modality, modality))}{said}</div>"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(value: Any, precision: Any = "day") -> str:
    """A date as a reader writes it, only as precise as it is known: ``20 Jun 2024``, ``Jun 2024``,
    ``2024``; ``""`` for a missing date."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    ts = pd.Timestamp(value)
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return f"{_MONTHS[ts.month - 1]} {ts.year}"
    return f"{ts.day} {_MONTHS[ts.month - 1]} {ts.year}"


def human_range(start: Any, end: Any, precision: Any = "day") -> str:
    """A date range, its shared parts written once: ``8–11 May 2025``, ``30 Jul – 1 Aug 2024``,
    ``2024–2029``; a missing end gives the start alone."""
    if end is None or (not isinstance(end, str) and pd.isna(end)):
        return human_date(start, precision)
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if precision == "year":
        return f"{a.year}–{b.year}"
    if precision == "month":
        return f"{_MONTHS[a.month - 1]}–{human_date(b, 'month')}" if a.year == b.year else f"{human_date(a, 'month')} – {human_date(b, 'month')}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{human_date(b)}"
    if a.year == b.year:
        return f"{a.day} {_MONTHS[a.month - 1]} – {human_date(b)}"
    return f"{human_date(a)} – {human_date(b)}"


def esc(value: Any) -> str:
    """``value`` as escaped HTML text; a missing value is ``""`` (never "nan")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


# ----------------------------------------------------------------------------- facts about one partner
def partnership_statements(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's partnership rows about this partner, in text order, with ``modality``."""
    rows = corpus.partnerships.loc[corpus.partnerships["partner_iso3"] == iso3]
    return rows.reset_index(drop=True)


def events_for(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's dated events naming this partner, in date order, with ``modality``.

    The Soviet Union's events count for Russia (its continuing state), as in the events table.
    """
    events = corpus.events
    named = events["countries"].fillna("").str.split().map(lambda codes: iso3 in codes)
    rows = events.loc[named].sort_values(["date", "sentence_id"], kind="mergesort")
    return rows.reset_index(drop=True)


def figures_for(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The corpus's figures about this partner, with ``modality``."""
    rows = corpus.figures.loc[corpus.figures["partner_iso3"] == iso3]
    return rows.reset_index(drop=True)


# ----------------------------------------------------------------------------- the sections
def summary(corpus: "Corpus", iso3: str, *, rendered: Any = None) -> dict[str, Any]:
    """The numbers of the summary box (see :func:`vnpartners.reports.summary.summary`)."""
    from .summary import summary as build

    return build(corpus, iso3, rendered=rendered)


def summary_html(corpus: "Corpus", iso3: str, *, rendered: Any = None) -> str:
    """The summary box that opens the page."""
    from .summary import summary_html as build

    return build(corpus, iso3, rendered=rendered)


def level_history(iso3: str) -> pd.DataFrame:
    """The partner's path: diplomatic relations, then every level set, upgraded or deepened.

    Columns: ``date`` (as precise as the source), ``step`` (what happened), ``level`` (its English
    name), ``framework`` (the name of the document or framework), ``sources`` (space-separated addresses).
    """
    path = reference.partner_path(iso3)
    return pd.DataFrame(
        {
            "date": [human_date(d, p) or "date unknown" for d, p in zip(path["date"], path["date_precision"])],
            "step": path["event"].astype(str).str.replace("_", " "),
            "level": path["level"].map(lambda v: level_name(v) if pd.notna(v) else ""),
            "framework": path["framework_name"].fillna("").astype(str),
            "sources": path["source_urls"].fillna("").astype(str),
        }
    )


def level_history_html(iso3: str) -> str:
    """The steps of :func:`level_history` as a short table; sources linked by outlet or domain."""
    from .cite import url_links

    rows = []
    for _, r in level_history(iso3).iterrows():
        framework = "" if r["framework"] in (r["level"], "Diplomatic relations") else esc(r["framework"])
        rows.append(f"<tr><td class='vnp-nowrap'>{esc(r['date'])}</td><td>{esc(r['step'])}</td><td>{esc(r['level'])}</td>"
                    f"<td>{framework}</td><td class='vnp-src'>{url_links(r['sources'].split())}</td></tr>")
    return ("<table class='vnp-table vnp-keep vnp-fixed vnp-levels'><colgroup><col style='width:11%'><col style='width:12%'>"
            "<col style='width:18%'><col style='width:20%'><col style='width:39%'></colgroup><thead><tr><th>date</th><th>step</th>"
            f"<th>level</th><th>framework</th><th>sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def timeline_html(corpus: "Corpus", iso3: str) -> str:
    """The partner's dated events, one row per event (see :mod:`vnpartners.reports.timeline`)."""
    from .timeline import timeline_html as build

    return build(corpus, iso3)


def statements_html(corpus: "Corpus", iso3: str) -> str:
    """What the articles state about the partnership, stated ones first, plans and aims marked."""
    from .facts_html import statements_html as build

    return build(corpus, iso3)


def figures_html(corpus: "Corpus", iso3: str) -> str:
    """The numbers the articles state about this partner, with period, qualifier and modality."""
    from .facts_html import figures_html as build

    return build(corpus, iso3)


def plot_trade(iso3: str) -> "Figure | None":
    """Trade by year and statistic (see :func:`vnpartners.lessons.trade_flows.plot_yearly_flows`);
    ``None`` for a partner without full-year figures (the page then says so in words)."""
    from ..lessons.trade_flows import plot_yearly_flows, yearly_flows

    table = reference.trade()
    if yearly_flows(table, iso3).empty:
        return None
    return plot_yearly_flows(table, iso3)


def trade_html(iso3: str) -> str:
    """The trade table the chart draws, year by year, flags marked; part-year figures below it."""
    from .trade_section import trade_html as build

    return build(iso3)


def sources_html(iso3: str, corpus: "Corpus | None" = None) -> str:
    """Every article and reference row behind the page (see :mod:`vnpartners.reports.sources`)."""
    from .sources import sources_html as build

    return build(iso3, corpus)


def page_sentences(corpus: "Corpus", iso3: str) -> list[str]:
    """The sentence ids every row of the page cites (timeline, statements, figures), each once."""
    from .facts_html import figure_rows, statement_rows
    from .timeline import timeline

    ids: list[str] = []
    t = timeline(corpus, iso3)
    for group in (t["sentence_ids"] if len(t) else []):
        ids += list(group)
    for rec in statement_rows(corpus, iso3) + figure_rows(corpus, iso3):
        ids += [ev[0] for ev in rec["evidence"]]
    return list(dict.fromkeys(ids))


def evidence_appendix_html(corpus: "Corpus", iso3: str) -> str:
    """The print edition's appendix: every sentence the page cites, once, with its English."""
    from .evidence import appendix_html

    return appendix_html(corpus, page_sentences(corpus, iso3))


def plot_level_history(iso3: str) -> "Figure":
    """A step chart of the partner's level over time (higher = closer), diplomatic relations marked."""
    import matplotlib.pyplot as plt

    from ..lessons.charts import add_source

    path = reference.partner_path(iso3)
    name = partner_name(iso3)
    short = {1: "Comprehensive\nstrategic", 2: "Strategic", 3: "Comprehensive"}
    fig, ax = plt.subplots(figsize=(10, 2.2), layout="constrained")
    steps = path.dropna(subset=["rank"]).sort_values("date", kind="mergesort")
    end = pd.Timestamp("2025-12-31")
    if len(steps):
        xs = list(steps["date"]) + [end]
        ys = [int(r) for r in steps["rank"]] + [int(steps["rank"].iloc[-1])]
        ax.step(xs, ys, where="post", color="#1f4e79", linewidth=2)
        last_above: dict[int, pd.Timestamp] = {}  # per rung, the date of the last label written above it
        for _, step in steps.iterrows():
            rank, when = int(step["rank"]), pd.Timestamp(step["date"])
            ax.plot(when, rank, "o", color="#1f4e79")
            label = f"{step['event']} {when.year}"
            crowded = rank in last_above and (when - last_above[rank]).days < 9 * 365
            ax.annotate(label, (when, rank), textcoords="offset points", xytext=(-4, -9) if crowded else (-4, 7),
                        fontsize=8, ha="right", va="top" if crowded else "baseline")
            if not crowded:
                last_above[rank] = when
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
    ax.set_title(f"Vietnam–{name}: partnership level over time", fontsize=11)
    fig.get_layout_engine().set(rect=(0, 0.08, 1, 0.92))
    add_source(fig, "Source: the kit's data/partnership_history.csv (sources per step in the table below)")
    return fig
