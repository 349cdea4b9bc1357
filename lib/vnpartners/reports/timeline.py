"""A partner's timeline: one row per event, its sources counted and cited.

The events table has one row per dated statement, so one visit told by three articles is three
rows. Here rows with the same date (start, end and precision), kind and countries are **one event**, and an
event dated to a month joins the one event of its kind and countries dated to a day of that month.
The countries are those the date belongs to: a country named only in a phrase such as "Setelah
kunjungan kenegaraan ke Republik Kazakhstan, ..." (after the state visit to Kazakhstan) that does
not hold the date is the backdrop of the dated event, not a party to it (:func:`backdrop_countries`).
So the Kazakhstan page never dates the Kazakhstan visit with the dates of the Russia leg: it says
the clause gives no date for Kazakhstan.

Events are shown in four groups: what happened (stated events of known kinds); anniversaries and
national days (kinds ``anniversary`` and ``commemoration``: dates remembered, not new events);
plans and aims (``modality`` other than ``stated``; marked, never shown as things that happened);
and other dated statements (kind ``other``: statistics' years, datelines), folded away.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..facts.context import clauses
from ..reference.countries import continuing_state
from .cite import article_labels
from .evidence import clause_html, details_html, evidence_of, first_span_of
from .page import country_name, esc, events_for, human_range, modality_note, modality_of, partner_name

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["KIND_WORDS", "backdrop_countries", "timeline", "timeline_html"]

KIND_WORDS = {
    "diplomatic_relations": "diplomatic relations", "visit": "visit", "talks": "talks", "meeting": "meeting",
    "phone_call": "phone call", "treaty": "treaty", "agreement_signing": "signing", "joint_statement": "joint statement",
    "partnership": "partnership step", "trade_agreement": "trade agreement", "multilateral_meeting": "multilateral meeting",
    "cultural_event": "cultural event", "anniversary": "anniversary", "commemoration": "national day or anniversary",
    "other": "other",
}
_REMEMBERED = ("anniversary", "commemoration")
# a phrase that sets another event before or after the dated one: "setelah ... ," (after), "sebelum" (before)
_BACKDROP = re.compile(r"\b(?:setelah|sesudah|seusai|usai|sebelum|menyusul|pasca)\b", re.IGNORECASE)
_COLUMNS = ["date", "date_end", "precision", "kind", "countries", "modality", "modality_cue", "group", "dated_for_partner",
            "year_inferred", "n_sources", "sentence_ids", "evidence"]


def backdrop_countries(text: str, date_span: tuple[int, int] | None, mentions: list[tuple[str, int, int]]) -> set[str]:
    """Countries of a sentence named only inside "after/before ..." phrases that do not hold the date.

    ``mentions`` are ``(iso3, start, end)`` offsets in ``text``; a phrase runs from its word
    ("setelah", "sesudah", "seusai", "usai", "sebelum", "menyusul", "pasca") to the next comma or the
    end of its clause. A country also named outside such phrases is not backdrop.
    """
    if date_span is None:
        return set()
    phrases = []
    for m in _BACKDROP.finditer(text):
        end = next((b for a, b in clauses(text) if a <= m.start() < b), len(text))
        comma = text.find(",", m.end(), end)
        hi = comma if comma >= 0 else end
        if not (m.start() <= date_span[0] < hi):
            phrases.append((m.start(), hi))

    def inside(a: int, b: int) -> bool:
        return any(lo <= a and b <= hi for lo, hi in phrases)

    named: dict[str, list[bool]] = {}
    for code, a, b in mentions:
        named.setdefault(code, []).append(inside(a, b))
    return {code for code, flags in named.items() if all(flags)}


def _sentence_mentions(corpus: "Corpus", sentence_id: str) -> list[tuple[str, int, int]]:
    m = corpus.mentions
    rows = m[m["sentence_id"] == sentence_id]
    if rows.empty:
        return []
    start = int(corpus.sentences.loc[corpus.sentences["sentence_id"] == sentence_id, "start"].iloc[0])
    codes = rows["iso3"].map(lambda c: "RUS" if c == "SUN" else c)  # the continuing state, as in the events table
    return [(str(c), int(a) - start, int(b) - start) for c, a, b in zip(codes, rows["start"], rows["end"])]


def _group(kind: str, modality: str) -> str:
    if modality != "stated":
        return "plans"
    if kind in _REMEMBERED:
        return "remembered"
    return "other" if kind == "other" else "happened"


def timeline(corpus: "Corpus", iso3: str) -> pd.DataFrame:
    """The partner's events, one row per event, in date order.

    Columns: ``date``, ``date_end``, ``precision``, ``kind``; ``countries`` (the countries the date
    belongs to, space-separated, backdrop countries left out); ``modality`` (``stated`` if any source
    states it happened) and ``modality_cue`` (its words, "" if none); ``group`` (``happened``, ``remembered``, ``plans``, ``other``);
    ``dated_for_partner`` (False when the partner is named only as backdrop: the date is another
    country's); ``year_inferred`` (every source took the year from its article's date);
    ``n_sources`` (sentences); ``sentence_ids`` and ``evidence`` (tuples, one item per sentence,
    evidence as ``(sentence_id, text, spans)``).
    """
    rows = events_for(corpus, iso3)
    records: dict[tuple[Any, ...], dict[str, Any]] = {}
    codes = {"RUS", "SUN"} if iso3 == "RUS" else {iso3}
    for _, row in rows.iterrows():
        ev = evidence_of(row, corpus, iso3)
        date_span = first_span_of(ev, row["surface"])
        backdrop = backdrop_countries(ev[1], date_span, _sentence_mentions(corpus, ev[0]))
        # the Soviet Union's events are Russia's (its continuing state): one event, however the article names it
        named = {c for c in str(row["countries"]).split() if c not in backdrop}
        countries = " ".join(sorted({continuing_state(c) for c in named}))
        dated = not (codes & backdrop) or bool(codes & set(countries.split()))
        key = (row["date"], row["date_end"], row["precision"], row["kind"], countries, dated)
        rec = records.get(key)
        if rec is None:
            rec = records[key] = {
                "date": row["date"], "date_end": row["date_end"], "precision": row["precision"], "kind": row["kind"],
                "countries": countries, "modalities": [], "dated_for_partner": dated, "inferred": [],
                "sentence_ids": [], "evidence": [], "focus": [],
            }
        if ev[0] not in rec["sentence_ids"]:
            rec["sentence_ids"].append(ev[0])
            rec["evidence"].append(ev)
            rec["focus"].append(date_span)
        rec["modalities"].append((str(row["modality"]), row.get("modality_cue")))
        rec["inferred"].append(bool(row["year_inferred"]))
    _fold_months_into_days(records)
    out = []
    for rec in records.values():
        modality, cue = modality_of(rec.pop("modalities"))
        inferred = rec.pop("inferred")
        out.append({**rec, "modality": modality, "modality_cue": cue, "group": _group(str(rec["kind"]), modality),
                    "year_inferred": all(inferred), "n_sources": len(rec["sentence_ids"]),
                    "sentence_ids": tuple(rec["sentence_ids"]), "evidence": tuple(rec["evidence"]),
                    "focus": tuple(rec["focus"])})
    df = pd.DataFrame.from_records(out, columns=[*_COLUMNS, "focus"])
    if df.empty:
        return df
    return df.sort_values(["date", "date_end", "kind"], kind="stable", na_position="first").reset_index(drop=True)


def _fold_months_into_days(records: dict[tuple[Any, ...], dict[str, Any]]) -> None:
    """Merge an event dated to a month ("Juni 2024") into the one event of the same kind and
    countries dated to a day of that month ("20 Juni 2024"), when there is exactly one: the same
    visit told less precisely. Years are never merged this way (a year holds too many events)."""
    for key, rec in list(records.items()):
        if rec["precision"] != "month" or pd.notna(rec["date_end"]):
            continue
        month = pd.Timestamp(rec["date"]).to_period("M")
        same = [k for k, r in records.items() if r["precision"] == "day" and pd.isna(r["date_end"])
                and pd.Timestamp(r["date"]).to_period("M") == month
                and (r["kind"], r["countries"], r["dated_for_partner"]) == (rec["kind"], rec["countries"], rec["dated_for_partner"])]
        if len(same) != 1:
            continue
        target = records[same[0]]
        for sid, ev, focus in zip(rec["sentence_ids"], rec["evidence"], rec["focus"]):
            if sid not in target["sentence_ids"]:
                target["sentence_ids"].append(sid)
                target["evidence"].append(ev)
                target["focus"].append(focus)
        target["modalities"] += rec["modalities"]
        target["inferred"] += rec["inferred"]
        del records[key]


def _when(row: pd.Series, iso3: str) -> str:
    text = esc(human_range(row["date"], row["date_end"], row["precision"]))
    if not row["dated_for_partner"]:
        others = [country_name(c) for c in str(row["countries"]).split() if c != "VNM"]
        whose = " and ".join(others) or "another part of the sentence"
        return (f"<span class='vnp-undated'>no date for {esc(partner_name(iso3))}</span>"
                f"<div class='vnp-note'>{text} is the date of {esc(whose)}</div>")
    if row["year_inferred"]:
        text += " <span class='vnp-note' title=\"the sentence gives no year; the article's date gives it\">(year inferred)</span>"
    return text


def _what(row: pd.Series, iso3: str) -> str:
    words = esc(KIND_WORDS.get(str(row["kind"]), str(row["kind"]).replace("_", " ")))
    same = {"RUS", "SUN"} if iso3 == "RUS" else {iso3}  # the Soviet Union's events are Russia's (continuing state)
    others = [c for c in str(row["countries"]).split() if c != "VNM" and c not in same]
    if others:
        words += f"<div class='vnp-note'>also: {esc(', '.join(country_name(c) for c in others))}</div>"
    words += modality_note(str(row["modality"]), str(row.get("modality_cue") or ""))
    return words


def _rows_html(df: pd.DataFrame, corpus: "Corpus", labels: pd.DataFrame, iso3: str) -> str:
    body = []
    for _, row in df.iterrows():
        first = row["evidence"][0]
        lead = f"{row['n_sources']} sources: " if row["n_sources"] > 1 else ""
        evidence = clause_html(first, row["focus"][0]) + details_html(corpus, labels, list(row["evidence"]), lead=lead)
        cls = " class='vnp-plan'" if row["modality"] != "stated" else ""
        body.append(f"<tr{cls}><td class='vnp-when'>{_when(row, iso3)}</td><td class='vnp-what'>{_what(row, iso3)}</td>"
                    f"<td class='vnp-evidence'>{evidence}</td></tr>")
    return ("<table class='vnp-table vnp-fixed vnp-timeline'><colgroup><col style='width:12%'><col style='width:14%'><col></colgroup>"
            "<thead><tr><th>when</th><th>what</th><th>evidence: the clause that gives the date, the date and the partner "
            f"highlighted</th></tr></thead><tbody>{''.join(body)}</tbody></table>")


def timeline_html(corpus: "Corpus", iso3: str) -> str:
    """The timeline as HTML: what happened, then anniversaries and national days, plans and aims,
    and (folded) other dated statements; every row cites its sources."""
    df = timeline(corpus, iso3)
    if df.empty:
        return "<p class='vnp-empty vnp-nothing'>The articles date no events with this partner.</p>"
    labels = article_labels(corpus)
    parts = []
    happened = df[df["group"] == "happened"]
    n_rows = int(df["n_sources"].sum())
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    apart = len(df) - len(happened)
    rest = f"; {len(happened)} happened, {apart} shown apart below (anniversaries, plans, other dates)" if apart else ""
    parts.append(f"<p class='vnp-lead'>{count(len(df), 'event')} from {count(n_rows, 'dated sentence')} of the articles{rest}.</p>")
    parts.append(_rows_html(happened, corpus, labels, iso3) if len(happened) else
                 "<p class='vnp-empty'>The articles date nothing that happened with this partner.</p>")
    plans = df[df["group"] == "plans"]
    if len(plans):
        parts.append(f"<details class='vnp-fold vnp-plans'><summary>{len(plans)} planned or wished-for event"
                     f"{'' if len(plans) == 1 else 's'} (not things that happened)</summary>"
                     f"{_rows_html(plans, corpus, labels, iso3)}</details>")
    remembered = df[df["group"] == "remembered"]
    if len(remembered):
        parts.append(f"<details class='vnp-fold'><summary>{len(remembered)} anniversaries and national days (dates the "
                     f"articles remember, not new events)</summary>{_rows_html(remembered, corpus, labels, iso3)}</details>")
    other = df[df["group"] == "other"]
    if len(other):
        parts.append(f"<details class='vnp-fold'><summary>{len(other)} other dated statements (a statistic's year, a "
                     "dateline, a date the rules could not classify)</summary>"
                     f"{_rows_html(other, corpus, labels, iso3)}</details>")
    return "".join(parts)
