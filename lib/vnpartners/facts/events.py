"""Dated statements: one row per date written in a fact sentence, with what happened then.

Rules:

- **Dates** are those of :func:`vnpartners.dates.find_dates` on the sentence, with the article's
  publication year as the year of dates written without one (``year_inferred`` True). A date the
  text gives without a year in an article of unknown date is left out (no date the text does not
  state). A comparison baseline ("meningkat 81% dibandingkan periode yang sama tahun 2023") is not
  an event and is left out.
- **Anniversary spans**: a range whose ends are the same day and month of different years
  ("peringatan 75 tahun hubungan diplomatik (30 Januari 1950 - 30 Januari 2025)") is not one event
  lasting 75 years. It gives two rows: the commemorated event on the first date (its kind from the
  words nearest before the span, e.g. ``diplomatic_relations``) and an ``anniversary`` on the
  second date. Each row's ``surface`` is its own half of the span.
- **Kind**: keywords are looked for in the date's clause (a sentence is cut into clauses at ";"
  and ":", so a list "X mengunjungi Vietnam (Mei 2023); Y menelepon ... (Agustus 2024)" gives
  each date its own words). Each keyword belongs to the nearest date of its clause (within
  ``MAX_KEYWORD_GAP`` characters when the clause has several dates); a date takes
  the highest-priority kind among its keywords, in this order: ``phone_call`` (telepon,
  menelepon), ``talks`` (pembicaraan, perundingan), ``visit`` (kunjungan, mengunjungi, berkunjung,
  lawatan), ``meeting`` as a verb (bertemu), ``joint_statement`` (Pernyataan Bersama),
  ``trade_agreement`` (Perjanjian Perdagangan Bebas, FTA, kawasan perdagangan bebas, RCEP,
  CPTPP), ``treaty`` (Perjanjian tentang ..., Traktat), ``agreement_signing`` (menandatangani,
  nota kesepahaman), ``partnership`` (a partnership level phrase), ``anniversary`` (peringatan,
  ulang tahun, hari jadi, merayakan, "N tahun hubungan"), ``diplomatic_relations`` (hubungan
  diplomatik), ``multilateral_meeting`` (KTT, summit, BRICS, APEC, G20 ...), ``meeting`` as a noun
  (pertemuan, sidang, dialog), ``cultural_event`` (Hari Budaya, festival, pameran); else ``other``.
- **Countries**: the ISO3 codes named in the date's clause (the sentence's when the clause names
  no country other than Vietnam), always with ``VNM`` (every event in the kit is part of
  Vietnam's relations, and Vietnamese outlets often leave "Vietnam" implicit), and with ``RUS``
  where the Soviet Union (``SUN``) is named (the Russian Federation is the USSR's continuing
  state; ``SUN`` stays too). "AS" in "dolar AS" is a currency, not the United States.
"""

from __future__ import annotations

import re

import pandas as pd

from ..reference.countries import continuing_state
from .dates import DateSpan
from .context import (
    VIETNAM,
    FactInput,
    Mention,
    clause_of,
    clauses,
    fact_input,
    fold_case,
    is_currency_mention,
)
from .partnerships import find_levels
from .vocabulary import EVENT_WORDS
from ..schema import conform

__all__ = ["EVENT_KINDS", "extract_events", "event_kind"]

_I = re.IGNORECASE
#: kinds with their keyword regexes, highest priority first (built from :data:`vocabulary.EVENT_WORDS`)
EVENT_KINDS: list[tuple[str, re.Pattern[str]]] = [(kind, words.regex()) for kind, words in EVENT_WORDS]
# (priority, kind, regex, the words' cues: a clause with none of them cannot match, and the regex is not run)
_KINDS_WITH_WORDS = [(float(i), kind, words.regex(), words.cues) for i, (kind, words) in enumerate(EVENT_WORDS)]
_PARTNERSHIP_PRIORITY = next(i for i, (kind, _) in enumerate(EVENT_KINDS) if kind == "agreement_signing") + 0.5
#: a keyword further than this many characters from every date of its clause is not used
MAX_KEYWORD_GAP = 120
# "Hari Nasional 2 September": a day-month inside a holiday's name, not an event of this year
_HOLIDAY_BEFORE = re.compile(r"\bHari\s+[A-Z]\w*\s+$")
# dates joined as a list ("pada tahun 2022 dan 2023") share their words
_LIST_JOIN = re.compile(r"^\s*(?:,|dan|and|serta|atau)\s*$", _I)
_BASELINE = re.compile(
    r"(?:dibandingkan|dibanding|ketimbang|compared)\s+(?:dengan\s+)?(?:periode\s+yang\s+sama\s+)?(?:(?:pada\s+)?tahun\s+)?$|"
    r"periode\s+yang\s+sama\s+(?:tahun\s+)?$",
    _I,
)
_SPAN_SEP = re.compile(r"\s*(?:-|–|—|hingga|sampai|s\.d\.)\s*", _I)


def _keywords(text: str, lo: int, hi: int) -> list[tuple[int, int, str, float]]:
    """(start, end, kind, priority) of every keyword in text[lo:hi]."""
    found: list[tuple[int, int, str, float]] = []
    part = text[lo:hi]
    folded = fold_case(part)
    for priority, kind, pattern, words in _KINDS_WITH_WORDS:
        for word in words:  # has_any, inlined: this loop runs for every clause with a date
            if word in folded:
                break
        else:
            continue
        for m in pattern.finditer(part):
            found.append((lo + m.start(), lo + m.end(), kind, priority))
    for lm in find_levels(part):
        found.append((lo + lm.start, lo + lm.end, "partnership", _PARTNERSHIP_PRIORITY))
    return found


def event_kind(text: str) -> str:
    """The kind a clause's words give an event (the highest-priority keyword), else ``other``.

    >>> event_kind("Medvedev, yang mengunjungi Vietnam"), event_kind("menghadiri KTT BRICS di Kazan")
    ('visit', 'multilateral_meeting')
    """
    kws = _keywords(text, 0, len(text))
    return min(kws, key=lambda k: (k[3], k[0]))[2] if kws else "other"


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _countries(clause: tuple[int, int], usable: list[Mention]) -> str:
    """The event's countries: those of its clause, else of its sentence (``usable``: no currency names), with VNM."""
    codes = {m.iso3 for m in usable if clause[0] <= m.start and m.end <= clause[1]}
    if not codes - {VIETNAM}:
        codes |= {m.iso3 for m in usable}
    codes.add(VIETNAM)
    codes |= {continuing_state(code) for code in codes}  # the Soviet Union's events are Russia's too (SUN stays)
    return " ".join(sorted(codes))


def _sentence_events(sid: str, aid: str, text: str, ments: list[Mention], found: tuple[DateSpan, ...]) -> list[dict[str, object]]:
    if not found:
        return []
    spans = clauses(text)
    # date pieces: (start, end, date, date_end, precision, inferred, forced kind or None)
    pieces: list[tuple[int, int, pd.Timestamp, pd.Timestamp | None, str, bool, str | None]] = []
    for d in found:
        start, end, date, date_end, precision, inferred = d.start, d.end, d.date, d.date_end, d.precision, d.year_inferred
        if date is None:
            continue
        clause = clause_of(spans, start)
        if _BASELINE.search(text[max(clause[0], start - 60) : start]):
            continue
        if inferred and _HOLIDAY_BEFORE.search(text[max(0, start - 30) : start]):
            continue
        if (
            date_end is not None
            and precision == "day"
            and date.year != date_end.year
            and (date.month, date.day) == (date_end.month, date_end.day)
        ):
            sep = _SPAN_SEP.search(text, start, end)
            if sep is not None:
                pieces.append((start, sep.start(), date, None, precision, bool(inferred), "commemorated"))
                pieces.append((sep.end(), end, date_end, None, precision, bool(inferred), "anniversary"))
                continue
        pieces.append((start, end, date, date_end, precision, inferred, None))
    rows: list[dict[str, object]] = []
    usable = [m for m in ments if not is_currency_mention(text, m)]  # once per sentence, not per clause
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(pieces):
        by_clause.setdefault(clause_of(spans, p[0]), []).append(i)
    for clause, idx in by_clause.items():
        kws = _keywords(text, *clause)
        owned: dict[int, list[tuple[int, int, str, float]]] = {i: [] for i in idx}
        for kw in kws:
            nearest = min(idx, key=lambda i: (_gap((kw[0], kw[1]), (pieces[i][0], pieces[i][1])), -pieces[i][0]))
            # the distance limit settles which of several dates a word belongs to; a clause with
            # one date gives it all its words ("X, yang menelepon ... [long title] (Agustus 2024)")
            if len(idx) == 1 or _gap((kw[0], kw[1]), (pieces[nearest][0], pieces[nearest][1])) <= MAX_KEYWORD_GAP:
                owned[nearest].append(kw)
        previous: tuple[int, str] | None = None  # (end, kind) of the clause's previous date
        countries = _countries(clause, usable)
        for i in idx:
            start, end, date, date_end, precision, inferred, forced = pieces[i]
            if forced == "anniversary":
                kind = "anniversary"
            elif forced == "commemorated":
                before = [k for k in kws if k[1] <= start and k[2] != "anniversary" and k[2] != "visit"]
                kind = max(before, key=lambda k: k[1])[2] if before else "other"
            else:
                mine = owned[i]
                if mine:
                    kind = min(mine, key=lambda k: (k[3], k[0]))[2]
                elif previous is not None and _LIST_JOIN.match(text[previous[0] : start]):
                    kind = previous[1]
                else:
                    kind = "other"
            previous = (end, kind)
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": sid,
                    "date": date,
                    "date_end": date_end,
                    "precision": precision,
                    "year_inferred": inferred,
                    "kind": kind,
                    "countries": countries,
                    "surface": text[start:end],
                    "evidence": text,
                }
            )
    return rows


def extract_events(sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events table (columns: :data:`vnpartners.schema.MEANINGS`) from fact-bearing sentences.

    Columns: ``article_id``, ``sentence_id``; ``date`` (first day of the period), ``date_end``
    (first day of a range's last period, else NaT); ``precision`` (``day``/``month``/``year``);
    ``year_inferred`` (the year is the article's, not written); ``kind`` (see the module doc);
    ``countries`` (sorted, space-separated ISO3 codes, always with VNM); ``surface`` (the date as
    written, a substring of ``evidence``); ``evidence`` (the sentence).
    """
    return events_table(fact_input(sentences, mentions, articles))


def events_table(data: FactInput) -> pd.DataFrame:
    """:func:`extract_events` on sentences already taken out of their tables (shared with the other extractors)."""
    rows: list[dict[str, object]] = []
    for i, (sid, aid, text) in enumerate(zip(data.sentence_ids, data.article_ids, data.texts)):
        found = data.date_spans(i)
        if found:
            rows.extend(_sentence_events(str(sid), str(aid), str(text), data.mentions.get(str(sid), []), found))
    columns = ["article_id", "sentence_id", "date", "date_end", "precision", "year_inferred", "kind", "countries",
               "surface", "evidence"]
    # one row per (sentence, date, end, precision, kind, surface), the first kept; built column by column
    table: dict[str, list[object]] = {c: [] for c in columns}
    seen: set[tuple[object, ...]] = set()
    for r in rows:
        key = (r["sentence_id"], r["date"], r["date_end"], r["precision"], r["kind"], r["surface"])
        if key in seen:
            continue
        seen.add(key)
        for c in columns:
            table[c].append(r[c])
    return conform(pd.DataFrame(table, columns=columns), "events")
