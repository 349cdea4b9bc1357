"""Events of partnership acts: a level set or raised ("sepakat untuk meningkatkan hubungan ... menjadi
Kemitraan Strategis") is an event of kind ``partnership``, beside the talks or visit it was agreed in.

- :func:`partnership_events`: an act a sentence reports without a date of its own is dated by its
  article (the news of the day);
- :func:`partnership_acts_on_their_dates`: an act in the clause of a dated event takes that event's
  date ("Dalam pembicaraan pada 19 November, kedua pihak sepakat untuk meningkatkan hubungan ... menjadi
  Kemitraan Strategis": talks on the 19th, and the upgrade that day), the month of a visit's range
  ("selama kunjungan dari 20 hingga 22 Oktober ... sepakat meningkatkan": October).
"""

from __future__ import annotations

import pandas as pd

from .context import VIETNAM, FactInput, clause_of, clauses, month_of
from .event_acts import COMMEMORATED_KINDS
from .partnerships import find_levels

__all__ = ["partnership_acts_on_their_dates", "partnership_events"]

_ACTS = ("upgraded", "established")


def partnership_events(partnerships: pd.DataFrame, data: FactInput, dated: set[str]) -> list[dict[str, object]]:
    """Events of the partnership acts a sentence reports without a date of their own (``upgraded``,
    ``established``, dated by the article: "the news of the day"), one per (sentence, level, partner
    set), kind ``partnership``.

    ``dated``: the sentences that already have an event from a date they state (the act's date, or
    the visit's that the act is part of); a sentence whose only dates are those of an anniversary
    ("Kunjungan tersebut, yang bertepatan dengan peringatan 75 tahun hubungan diplomatik (1950-2025),
    ... membawa hubungan bilateral ke jenjang baru: Kemitraan Strategis") still gets its act's event.
    The date is the partnership row's year and month (the article's), ``year_inferred`` True, at the
    article's precision; the ``surface`` is the sentence's level phrase, the words that state the event.
    """
    if partnerships.empty:
        return []
    acts = partnerships[partnerships["action"].isin(("upgraded", "established")) & partnerships["year"].notna()
                        & ~partnerships["sentence_id"].isin(dated)]
    rows: list[dict[str, object]] = []
    for (sid, level), group in acts.groupby(["sentence_id", "level"], sort=False):
        first = group.iloc[0]
        aid = str(first["article_id"])
        adate = data.article_date(aid)
        if adate.year is None or int(first["year"]) != adate.year:
            continue  # only the article's own date: a year the text gives is dated in the sentence
        month = None if pd.isna(first["month"]) else int(first["month"])
        levels = find_levels(str(first["evidence"]))
        surface = next((str(first["evidence"])[x.start : x.end] for x in levels if x.level == level), "")
        codes = {VIETNAM, *group["partner_iso3"].astype(str)}
        rows.append({"article_id": aid, "sentence_id": sid,
                     "date": pd.Timestamp(year=int(first["year"]), month=month or 1, day=1), "date_end": None,
                     "precision": "month" if month else "year", "year_inferred": True, "kind": "partnership",
                     "countries": " ".join(sorted(codes)), "modality": first["modality"],
                     "modality_cue": first["modality_cue"], "surface": surface, "evidence": first["evidence"]})
    return rows


def partnership_acts_on_their_dates(partnerships: pd.DataFrame, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Events of the partnership acts (``upgraded``, ``established``) stated in the clause of a dated event
    of their sentence (``rows``: the events found so far), one per (sentence, level), at the date of the
    event nearest the level's words; a range (a visit's days) gives its month. None where that date is
    not of the act's year, or already is a ``partnership`` event."""
    if partnerships.empty or not rows:
        return []
    by_sentence: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_sentence.setdefault(str(r["sentence_id"]), []).append(r)
    # the acts of those sentences, grouped by (sentence, level) in table order: plain lists, not a groupby
    # (a load has hundreds of such groups, and pandas' per-group cost was most of this function's time)
    groups: dict[tuple[str, str], list[int]] = {}
    col = {c: partnerships[c].tolist() for c in ("article_id", "sentence_id", "partner_iso3", "level", "action", "year",
                                                  "modality", "modality_cue", "evidence")}
    for n, (sid, level, action, year) in enumerate(zip(col["sentence_id"], col["level"], col["action"], col["year"])):
        if action in _ACTS and not pd.isna(year) and str(sid) in by_sentence:
            groups.setdefault((str(sid), str(level)), []).append(n)
    out: list[dict[str, object]] = []
    for (sid, level), members in groups.items():
        first = {c: values[members[0]] for c, values in col.items()}
        text = str(first["evidence"])
        phrase = next((x for x in find_levels(text) if x.level == level), None)
        if phrase is None:
            continue
        spans = clauses(text)
        clause = clause_of(spans, phrase.start)
        dated = [r for r in by_sentence[sid] if r["kind"] not in COMMEMORATED_KINDS
                 and pd.Timestamp(r["date"]).year == int(first["year"])  # type: ignore[arg-type]
                 and clause_of(spans, text.find(str(r["surface"]))) == clause]
        if not dated or any(r["kind"] == "partnership" for r in dated):
            continue
        near = min(dated, key=lambda r: abs(text.find(str(r["surface"])) - phrase.start))
        date, precision = pd.Timestamp(near["date"]), str(near["precision"])  # type: ignore[arg-type]
        if near["date_end"] is not None and not pd.isna(near["date_end"]):
            date, precision = month_of(date, precision)
        partners = {str(col["partner_iso3"][n]) for n in members}
        out.append({"article_id": str(first["article_id"]), "sentence_id": sid, "date": date, "date_end": None,
                    "precision": precision, "year_inferred": near["year_inferred"], "kind": "partnership",
                    "countries": " ".join(sorted({VIETNAM, *partners})),
                    "modality": first["modality"], "modality_cue": first["modality_cue"],
                    "surface": text[phrase.start : phrase.end], "evidence": text})
    return out
