"""Statements about the partnership and figures the articles state, as page sections.

Both merge rows that state the same thing (a level, action and date; a metric, period and value)
into one row with its sources counted and cited, so a sentence told by three articles, or a long
sentence stating three steps, never fills the page three times. Each row shows the clause that
states it, highlighted; the whole sentence, its English and the sources open on demand. Rows that
state what happened (``modality == "stated"``) come first; plans and aims are marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .cite import article_labels
from .evidence import clause_html, details_html, evidence_of, first_span_of
from .page import MODALITY_ORDER, esc, figures_for, human_date, level_name, modality_note, modality_of, partnership_statements

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["statement_rows", "statements_html", "figure_rows", "figures_html", "format_value", "format_period"]

_ACTION_WORDS = {"established": "established", "upgraded": "upgraded to", "deepened": "deepened", "mentioned": "named"}
_METRIC_WORDS = {
    "trade_turnover": "trade turnover", "trade_growth": "trade growth", "exports": "Vietnam's exports",
    "imports": "Vietnam's imports", "trade_target": "trade target", "investment_registered_capital": "investment capital",
    "investment_projects": "investment projects", "tourist_arrivals": "tourist arrivals",
    "tourist_arrivals_growth": "growth of tourist arrivals", "students": "students", "scholarships_per_year": "scholarships a year",
    "community_size": "community", "agreements_signed": "agreements signed", "strategic_partner_count": "strategic partners",
    "other": "other figure",
}
_DIRECTION_WORDS = {"inbound": "into Vietnam", "outbound": "from Vietnam", "bilateral": "both ways"}
_QUALIFIER_WORDS = {"approx": "about ", "more_than": "more than ", "less_than": "under ", "exact": ""}
_UNIT_WORDS = {"persons": "people", "projects": "projects", "documents": "documents", "count": "", "percent": "%"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _merge(rows: pd.DataFrame, key: list[str], corpus: "Corpus", iso3: str, focus_of: Any) -> list[dict[str, Any]]:
    """Rows with equal ``key`` merged: their evidence (one per sentence), modality (stated wins)."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for _, row in rows.iterrows():
        k = tuple(None if (not isinstance(row[c], str) and pd.isna(row[c])) else row[c] for c in key)
        ev = evidence_of(row, corpus, iso3)
        rec = merged.setdefault(k, {"row": row, "evidence": [], "focus": [], "modalities": []})
        if ev[0] not in [e[0] for e in rec["evidence"]]:
            rec["evidence"].append(ev)
            rec["focus"].append(focus_of(row, ev))
        rec["modalities"].append((str(row["modality"]), row.get("modality_cue")))
    for rec in merged.values():
        rec["modality"], rec["cue"] = modality_of(rec.pop("modalities"))
    return list(merged.values())


def _evidence_cell(rec: dict[str, Any], corpus: "Corpus", labels: pd.DataFrame) -> str:
    n = len(rec["evidence"])
    lead = f"{n} sources: " if n > 1 else ""
    return clause_html(rec["evidence"][0], rec["focus"][0]) + details_html(corpus, labels, rec["evidence"], lead=lead)


# ----------------------------------------------------------------------------- statements
def statement_rows(corpus: "Corpus", iso3: str) -> list[dict[str, Any]]:
    """The partner's partnership statements, one per (level, action, year, month, modality), stated first,
    then by date; each with ``row`` (the first table row), ``evidence``, ``focus``, ``modality``."""
    rows = partnership_statements(corpus, iso3)

    def focus(row: pd.Series, ev: Any) -> Any:
        return level_focus(ev[1], str(row["level"]), row["year"])

    # a plan or an aim is its own row, marked, never merged into a statement of the same step
    recs = _merge(rows, ["level", "action", "year", "month", "modality"], corpus, iso3, focus)
    return sorted(recs, key=lambda r: (MODALITY_ORDER.get(r["modality"], 9), r["row"]["action"] == "mentioned",
                                       _num(r["row"]["year"]), _num(r["row"]["month"])))


def level_focus(text: str, level: str, year: Any) -> tuple[int, int] | None:
    """Where a sentence names ``level``: the phrase whose clause holds ``year`` when one does (a
    sentence listing 2001, 2012 and 2024 steps), else the first phrase of that level."""
    from ..facts.context import clauses
    from ..facts.partnerships import find_levels

    phrases = [(m.start, m.end) for m in find_levels(text) if m.level == level]
    if not phrases:
        return None
    if year is not None and not pd.isna(year):
        for a, b in phrases:
            lo, hi = next(((x, y) for x, y in clauses(text) if x <= a < y), (0, len(text)))
            if str(int(year)) in text[lo:hi]:
                return a, b
    return phrases[0]


def _num(value: Any) -> float:
    return float("inf") if value is None or pd.isna(value) else float(value)


def _statement_row(rec: dict, corpus: Any, labels: Any) -> str:
    """One table row of a partnership statement: when, what (a plan or an aim marked), the evidence."""
    row = rec["row"]
    when = human_date(pd.Timestamp(int(row["year"]), int(row["month"]) if pd.notna(row["month"]) else 1, 1),
                      "month" if pd.notna(row["month"]) else "year") if pd.notna(row["year"]) else ""
    what = f"{esc(_ACTION_WORDS.get(str(row['action']), row['action']))} <b>{esc(level_name(row['level']))}</b>"
    cls = " class='vnp-plan'" if rec["modality"] != "stated" else ""
    return (f"<tr{cls}><td class='vnp-when'>{esc(when)}</td><td class='vnp-what'>{what}"
            f"{modality_note(rec['modality'], rec['cue'])}</td>"
            f"<td class='vnp-evidence'>{_evidence_cell(rec, corpus, labels)}</td></tr>")


def statements_html(corpus: "Corpus", iso3: str) -> str:
    """Statements with an action (established, upgraded, deepened) as rows; the sentences that only
    name the level folded below them."""
    recs = statement_rows(corpus, iso3)
    if not recs:
        return "<p class='vnp-empty vnp-nothing'>The articles state no partnership level with this partner.</p>"
    labels = article_labels(corpus)
    acted = [r for r in recs if r["row"]["action"] != "mentioned"]
    named = [r for r in recs if r["row"]["action"] == "mentioned"]
    parts = []
    stated = [r for r in acted if r["modality"] == "stated"]
    wished = [r for r in acted if r["modality"] != "stated"]
    if acted:
        head = ("<table class='vnp-table vnp-fixed'><colgroup><col style='width:12%'><col style='width:25%'><col></colgroup>"
                "<thead><tr><th>when</th><th>statement</th><th>evidence</th></tr></thead><tbody>")
        body = [_statement_row(rec, corpus, labels) for rec in stated]
        if body:
            parts.append(f"{head}{''.join(body)}</tbody></table>")
        if wished:
            # plans and aims: marked, apart from what happened, one click away
            rows = [_statement_row(rec, corpus, labels) for rec in wished]
            n = len(rows)
            parts.append(f"<details class='vnp-fold vnp-plans'><summary>{n} planned or wished-for step{'s' if n != 1 else ''} "
                         f"(not things that happened)</summary>{head}{''.join(rows)}</tbody></table></details>")
    if named:
        n_sentences = sum(len(r["evidence"]) for r in named)
        levels = ", ".join(dict.fromkeys(level_name(r["row"]["level"]) for r in named))
        inner = "".join(f"<div class='vnp-named'>{_evidence_cell(r, corpus, labels)}</div>" for r in named)
        parts.append(f"<details class='vnp-fold'><summary>The {esc(levels)} is also named, without an action, in "
                     f"{n_sentences} sentence{'s' if n_sentences != 1 else ''}</summary>{inner}</details>")
    return "".join(parts)


# ----------------------------------------------------------------------------- figures
def format_period(period: Any) -> str:
    """``2023`` → 2023; ``2025-Q1`` → Q1 2025; ``2024-01/2024-10`` → Jan–Oct 2024; ``2025-01`` → Jan 2025."""
    text = "" if period is None or (not isinstance(period, str) and pd.isna(period)) else str(period)
    try:
        if "/" in text:
            a, b = (pd.Timestamp(x) for x in text.split("/", 1))
            if a.year == b.year:
                return f"{_MONTHS[a.month - 1]}–{_MONTHS[b.month - 1]} {b.year}"
            return f"{_MONTHS[a.month - 1]} {a.year} – {_MONTHS[b.month - 1]} {b.year}"
        if "-Q" in text or "-H" in text:
            return f"{text[5:]} {text[:4]}"
        if len(text) == 7:
            ts = pd.Timestamp(text)
            return f"{_MONTHS[ts.month - 1]} {ts.year}"
    except (ValueError, IndexError):
        pass
    return text


def _amount(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return f"{value:,.10g}"


def format_value(row: pd.Series) -> str:
    """A figure as a reader writes it: "about 995.82 million USD", "more than 117,800 people", "81%"."""
    value, unit = float(row["value"]), "" if pd.isna(row["unit"]) else str(row["unit"])
    qualifier = _QUALIFIER_WORDS.get(str(row["qualifier"]), "") if pd.notna(row["qualifier"]) else ""
    if unit == "percent":
        text = f"{value:g}%"
    elif unit in _UNIT_WORDS:
        text = f"{value:,.10g} {_UNIT_WORDS[unit]}".strip()
    else:  # a currency code: USD, IDR, EUR, ...
        text = f"{_amount(value)} {unit}".strip()
        usd = row.get("usd_value")
        if unit != "USD" and usd is not None and pd.notna(usd):
            text += f" (≈ {_amount(float(usd))} USD)"
    return qualifier + text


def figure_rows(corpus: "Corpus", iso3: str) -> list[dict[str, Any]]:
    """The partner's figures, one per (metric, direction, period, value, unit, qualifier), stated
    first, then by metric and period; each with ``row``, ``evidence``, ``focus``, ``modality``."""
    rows = figures_for(corpus, iso3)

    def focus(row: pd.Series, ev: Any) -> Any:
        return first_span_of(ev, row["surface"]) or (ev[2][0] if ev[2] else None)

    recs = _merge(rows, ["metric", "direction", "period", "value", "unit", "qualifier"], corpus, iso3, focus)
    return sorted(recs, key=lambda r: (MODALITY_ORDER.get(r["modality"], 9), list(_METRIC_WORDS).index(r["row"]["metric"])
                                       if r["row"]["metric"] in _METRIC_WORDS else 99, str(r["row"]["period"])))


def figures_html(corpus: "Corpus", iso3: str) -> str:
    """The figures as a table: what, period, value (qualifier in words), evidence clause and sources."""
    recs = figure_rows(corpus, iso3)
    if not recs:
        return "<p class='vnp-empty vnp-nothing'>The articles state no figures about this partner.</p>"
    labels = article_labels(corpus)
    body: list[str] = []
    others: list[str] = []
    for rec in recs:
        row = rec["row"]
        target = others if str(row["metric"]) == "other" else body
        what = esc(_METRIC_WORDS.get(str(row["metric"]), str(row["metric"]).replace("_", " ")))
        if pd.notna(row["direction"]) and str(row["direction"]) in _DIRECTION_WORDS:
            what += f" <span class='vnp-note'>({esc(_DIRECTION_WORDS[str(row['direction'])])})</span>"
        period = esc(format_period(row["period"]))
        basis = row.get("period_basis")
        if basis is not None and pd.notna(basis) and str(basis) != "text":
            period += f"<div class='vnp-note'>{'from the article’s date' if basis == 'article_date' else 'read from “last year”, “this year”…'}</div>"
        cls = " class='vnp-plan'" if rec["modality"] != "stated" else ""
        target.append(f"<tr{cls}><td class='vnp-what'>{what}{modality_note(rec['modality'], rec['cue'])}</td><td class='vnp-when'>{period}</td>"
                      f"<td class='vnp-num'>{esc(format_value(row))}</td><td class='vnp-evidence'>{_evidence_cell(rec, corpus, labels)}</td></tr>")
    head = ("<table class='vnp-table vnp-fixed'><colgroup><col style='width:17%'><col style='width:10%'><col style='width:17%'>"
            "<col></colgroup><thead><tr><th>what</th><th>period</th><th class='vnp-num'>value</th><th>evidence</th>"
            "</tr></thead><tbody>")
    html = f"{head}{''.join(body)}</tbody></table>" if body else ""
    if others:
        n = len(others)
        html += (f"<details class='vnp-fold'><summary>{n} other figure{'s' if n != 1 else ''} (counts the kit's rules do "
                 f"not classify)</summary>{head}{''.join(others)}</tbody></table></details>")
    return html
