"""Dated statements: one row per date written in a fact sentence, with what happened then.

Rules:

- **Dates** are those of :func:`vnpartners.facts.dates.find_dates` on the sentence, with the
  article's publication year as the year of dates written without one (``year_inferred`` True). A
  date the text gives without a year in an article of unknown date is left out (no date the text
  does not state). A comparison baseline ("meningkat 81% dibandingkan periode yang sama tahun
  2023") and a day-month inside a holiday's name ("Hari Nasional 2 September") are not events.
- **Anniversary spans**: a range whose ends are the same day and month of different years
  ("(30 Januari 1950 - 30 Januari 2025)", "(17/5/1814 – 17/5/2025)"), or a span of years in
  brackets after words of an anniversary ("peringatan 5 tahun Kemitraan Komprehensif (2019-2024)",
  "genap 50 tahun hubungan diplomatik (1973- 2023)"), is not one event lasting decades. It gives two
  rows: the commemorated event on the first date (its kind from the words before the span, e.g.
  ``diplomatic_relations``) and its ``anniversary`` on the second. Each row's ``surface`` is its
  own half of the span.
- **Commemorations**: where what is commemorated is a holiday or milestone of one country
  (:data:`vocabulary.HOLIDAY_WORDS`: "Hari Kemenangan", "Pembebasan Selatan", "Hari Konstitusi
  Norwegia"), both rows are of kind ``commemoration`` and name that country only (the one named
  nearest the holiday), never the two sides.
- **Kind**: the act each date is of (:mod:`vnpartners.facts.event_acts`): the highest-priority keyword
  of the vocabulary that the date owns in its clause; else ``other``.
- **A visit that frames a date** ("Dalam kerangka kunjungan resmi di Aljazair, pada Minggu malam (31
  Mei), PM ... melakukan dialog", "Selama kunjungan kerjanya ..., pada 25 November, ... bertemu",
  ":data:`vocabulary.VISIT_FRAME_WORDS`") does not give the date its kind: the date is the act's inside
  the visit (``other`` if the clause names none), and the visit is an event of that date's month (its
  first day is not given). A range ("dari tanggal 8 hingga 11 Mei") stays the visit's own dates.
- **A visit's length**: a visit that begins on its date ("memulai kunjungan resmi empat hari ... pada
  tanggal 23 November", "tiba di Hanoi, Minggu (10/9/2023), untuk kunjungan dua hari") ends N - 1 days
  later (``date_end``); one that ends on its date ("mengakhiri dengan baik kunjungan selama tiga hari")
  began N - 1 days before. With no length, the day stays (the visit's first or last day).
- **Countries**: the countries named in the date's clause (the sentence's when the clause names no
  country other than Vietnam). An event of a kind in which two sides act together
  (:data:`vocabulary.BILATERAL_KINDS`: visit, talks, call, meeting, signing, agreement ...) always
  includes ``VNM`` (Vietnamese outlets often leave "Vietnam" implicit); an ``other`` event names
  only the countries its sentence names (``VNM`` alone where it names none). Where the Soviet Union
  (``SUN``) is named, ``RUS`` is added (its continuing state; ``SUN`` stays). "AS" in "dolar AS" is
  a currency, not the United States.
- **Modality** (:mod:`vnpartners.facts.modality`): from the words before the event's own keyword
  (or its date): "akan melakukan kunjungan" is ``planned``, "berharap ... bertemu" an ``aim``; a
  plan whose date is past when the article was published is ``stated``. The first half of an
  anniversary span (the commemorated event) is always ``stated``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial

import pandas as pd

from ..reference.countries import continuing_state
from ..schema import conform
from .context import (
    VIETNAM,
    ArticleDate,
    FactInput,
    Mention,
    clause_of,
    clauses,
    fact_input,
    fold_case,
    has_any,
    is_currency_mention,
    month_of,
)
from .dates import DateSpan
from .event_acts import (
    COMMEMORATED_KINDS,
    EVENT_KINDS,
    MAX_KEYWORD_GAP,
    elided_act,
    event_kind,
    gap,
    keywords,
    list_head,
    nearer_clause,
    next_bracketed_item,
    owned_keywords,
)
from .modality import STATED, cues_of, foresee, modality_before, settle
from .news_of_day import FRAMED_VISIT, keep_news, news_of_the_day
from .partnership_events import partnership_acts_on_their_dates, partnership_events
from .periods import BASELINE_BEFORE
from .vocabulary import (
    AND_WORDS,
    ANNIVERSARY_OF,
    BILATERAL_KINDS,
    HOLIDAY_WORDS,
    LASTS_WORDS,
    NUMBER_WORDS,
    POINTING_BACK,
    RANGE_WORDS,
    VISIT_BESIDE_WORDS,
    VISIT_END_WORDS,
    VISIT_FRAME_WORDS,
    VISIT_START_WORDS,
    VISIT_WORDS,
)

__all__ = ["EVENT_KINDS", "extract_events", "event_kind"]

_I = re.IGNORECASE
# "Hari Nasional 2 September": a day-month inside a holiday's name, not an event of this year
_HOLIDAY_BEFORE = re.compile(r"\bHari\s+[A-Z]\w*\s+$")
# dates joined as a list ("pada tahun 2022 dan 2023") share their words
_LIST_JOIN = re.compile(rf"^\s*(?:,|,?\s*(?:{AND_WORDS.alternation}|atau))\s*$", _I)  # "1993, 2003, dan 2012"
_SPAN_SEP = re.compile(rf"\s*(?:-|–|—|{'|'.join(map(re.escape, RANGE_WORDS))})\s*", _I)
_HOLIDAY = HOLIDAY_WORDS.regex()
_STRETCH_BREAK = re.compile(r"[,;:]")
_ANNIVERSARY_KINDS = ("anniversary",)
# a visit's length: "kunjungan resmi empat hari", "kunjungan resmi selama dua hari"
_VISIT_DAYS = re.compile(rf"{VISIT_WORDS.pattern()}(?:\s+[\w\-]+){{0,4}}?\s+(?:selama\s+)?"
                         rf"(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+hari\b", _I)
_VISIT_START, _VISIT_END = VISIT_START_WORDS.regex(), VISIT_END_WORDS.regex()
# a visit's length told in a sentence of its own, pointing back at it: "Kunjungan ini berlangsung selama 3 hari"
_LENGTH_TOLD_AFTER = re.compile(rf"{VISIT_WORDS.pattern()}(?:\s+[\w\-]+){{0,3}}?\s+(?:{POINTING_BACK.alternation})\s+"
                                rf"(?:{LASTS_WORDS.alternation})\s+(?:selama\s+)?"
                                rf"(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+hari\b", _I)


def _countries(kind: str, clause: tuple[int, int], usable: list[Mention], fallback: str | None) -> str:
    """The event's countries (see the module doc); ``usable``: the sentence's mentions, currencies aside;
    ``fallback``: the article's main partner, the other side of a bilateral event that names none
    ("hubungan diplomatik kedua negara")."""
    codes = {m.iso3 for m in usable if clause[0] <= m.start and m.end <= clause[1]}
    if not codes - {VIETNAM}:
        codes |= {m.iso3 for m in usable}
    if kind in BILATERAL_KINDS or not codes:
        codes.add(VIETNAM)
        if kind in BILATERAL_KINDS and not codes - {VIETNAM} and fallback:
            codes.add(fallback)
    codes |= {continuing_state(code) for code in codes}  # the Soviet Union's events are Russia's too (SUN stays)
    return " ".join(sorted(codes))


def _holiday_country(text: str, clause: tuple[int, int], before: int, usable: list[Mention]) -> str | None:
    """The country whose holiday is commemorated by the span at ``before``, or None if no holiday is named.

    The holiday words nearest before the span, in its clause; the country named nearest to them.
    """
    found = None
    for m in _HOLIDAY.finditer(text, clause[0], before):
        found = m
    if found is None:
        return None
    near = [m for m in usable if clause[0] <= m.start < clause[1]]
    if not near:
        return VIETNAM
    best = min(near, key=lambda m: (max(0, found.start() - m.end, m.start - found.end()), m.start))
    return continuing_state(best.iso3)


def _is_anniversary_span(d: DateSpan, text: str, clause: tuple[int, int], kws: list[tuple[int, int, str, float]]) -> bool:
    """A range of two dates that mark the same day in different years, or a span of years in brackets
    after words of an anniversary ("peringatan 5 tahun ... (2019-2024)"), in the same clause."""
    if d.date is None or d.date_end is None or d.date.year == d.date_end.year:
        return False
    if d.precision == "day":
        return (d.date.month, d.date.day) == (d.date_end.month, d.date_end.day)
    if d.precision == "year" and text[d.start - 1 : d.start] in ("(", " ") and "(" in text[max(clause[0], d.start - 3) : d.start]:
        return any(k[2] == "anniversary" and k[1] <= d.start for k in kws)
    return False


def _sentence_events(sid: str, aid: str, text: str, ments: list[Mention], found: tuple[DateSpan, ...],
                     adate: ArticleDate, fallback: str | None = None, cues: list | None = None,
                     spans: list[tuple[int, int]] | None = None, after: str = "") -> list[dict[str, object]]:
    """The events of one sentence (``adate``: its article's date; ``cues``, ``spans``: its modality cues and
    clauses, when known; ``after``: the article's next sentence, which may tell a visit's length)."""
    published, article_end = adate.date, adate.end()
    if not found:
        return []
    spans = clauses(text) if spans is None else spans
    cues = cues_of(text) if cues is None else cues
    starts = [a for a, _ in spans]
    usable = [m for m in ments if not is_currency_mention(text, m)]  # once per sentence, not per clause
    kws_of: dict[tuple[int, int], list[tuple[int, int, str, float]]] = {}

    def clause_keywords(clause: tuple[int, int]) -> list[tuple[int, int, str, float]]:
        if clause not in kws_of:
            kws_of[clause] = sorted(keywords(text, *clause))
        return kws_of[clause]

    # date pieces: (start, end, date, date_end, precision, inferred, role); role: None, "commemorated", "anniversary"
    pieces: list[tuple[int, int, pd.Timestamp, pd.Timestamp | None, str, bool, str | None]] = []
    for d in found:
        start, end, date, date_end, precision, inferred = d.start, d.end, d.date, d.date_end, d.precision, d.year_inferred
        if date is None:
            continue
        clause = spans[bisect_right(starts, start) - 1]
        if BASELINE_BEFORE.search(text[max(clause[0], start - 60) : start]):
            continue
        if inferred and _HOLIDAY_BEFORE.search(text[max(0, start - 30) : start]):
            continue
        if _is_anniversary_span(d, text, clause, clause_keywords(clause)):
            sep = _SPAN_SEP.search(text, start, end)
            if sep is not None:
                pieces.append((start, sep.start(), date, None, precision, bool(inferred), "commemorated"))
                pieces.append((sep.end(), end, date_end, None, precision, bool(inferred), "anniversary"))
                continue
        pieces.append((start, end, date, date_end, precision, inferred, None))
    rows: list[dict[str, object]] = []
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(pieces):
        by_clause.setdefault(spans[bisect_right(starts, p[0]) - 1], []).append(i)
    acts: dict[tuple[int, int], str] = {}  # the kind of each clause's last date, in text order
    for clause, idx in by_clause.items():
        clause_start = len(rows)  # this clause's rows are rows[clause_start:]
        kws = clause_keywords(clause)
        owned = owned_keywords(kws, [pieces[i] for i in idx], text)
        previous: tuple[int, str] | None = None  # (end, kind) of the clause's previous date
        commemorated: tuple[str, str | None] | None = None  # (kind, holiday country) of the span's first half
        for j, i in enumerate(idx):
            start, end, date, date_end, precision, inferred, role = pieces[i]
            anchor, where = start, clause
            besides_visit = "other"  # the date's act if its visit turns out to be another date's
            holiday = None
            if role == "anniversary":
                kind = "anniversary" if commemorated is None or commemorated[1] is None else "commemoration"
                holiday = None if commemorated is None else commemorated[1]
            elif role == "commemorated":
                before = [k for k in kws if k[1] <= start and k[2] not in ("anniversary", "visit")]
                kind = max(before, key=lambda k: k[1])[2] if before else "other"
                if kind not in BILATERAL_KINDS or kind == "anniversary":
                    holiday = _holiday_country(text, clause, start, usable)
                    if holiday is not None:
                        kind = "commemoration"
                commemorated = (kind, holiday)
            else:
                mine = owned[j]
                others = [pieces[o][0] for o in idx if o != i]
                frame = _visit_frame(text, clause, mine, start, others) if date_end is None else None
                if frame is not None:  # the visit frames the date: the date is its act's, the visit the month's
                    # the frame's visit word is no act of the date; another visit word may be
                    mine = [k for k in mine if not (k[0] == frame.start("visit") and k[2] == "visit")]
                    if all(k[2] != "visit" for k in mine):  # "melanjutkan kunjungan ... dengan mengunjungi Vietnam
                        # pada 20 Juni": the date is a visit's own, and no month-long one is added beside it
                        rows.append(_framed_visit_row(sid, aid, text, frame, clause, date, precision, inferred, cues,
                                                      usable, fallback, adate))
                mine = nearer_clause(text, mine, start, end)  # the frame is no act of the date's clause
                if mine:
                    kind = min(mine, key=lambda k: (k[3], k[0]))[2]
                    others = [k for k in mine if k[2] != "visit"]
                    besides_visit = min(others, key=lambda k: (k[3], k[0]))[2] if others else "other"
                    # the word of that kind nearest the date governs it ("akan melakukan kunjungan resmi ...")
                    nearest = min((k for k in mine if k[2] == kind), key=lambda k: gap((k[0], k[1]), (start, end)))
                    anchor = min(nearest[0], start)
                elif previous is not None and (_LIST_JOIN.match(text[previous[0] : start])
                                               or next_bracketed_item(text, previous[0], start, end)):
                    kind = previous[1]
                elif (head := list_head(text, spans, clause, clause_keywords, by_clause)) is not None:
                    kind, where = head[0], (head[1][0], clause[1])  # the list's countries are its head's too
                elif not kws and (item := elided_act(text, spans, clause, acts)) is not None:
                    kind, where = item[0], (item[1][0], clause[1])
                else:
                    kind = "other"
            previous = (end, kind)
            acts[clause] = kind
            if kind == "visit" and date_end is None and precision == "day":
                date, date_end, precision = _visit_days(text, clause, date, after)
            if role == "commemorated":
                mod = STATED
            else:
                mod = foresee(settle(modality_before(text, anchor, clause, cues=cues),
                                     partial(_end_of, date_end if date_end is not None else date, precision), published),
                              date, article_end)
            countries = holiday if holiday is not None else _countries(kind, where, usable, fallback)
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
                    "modality": mod.modality,
                    "modality_cue": mod.cue,
                    "surface": text[start:end],
                    "evidence": text,
                    "besides_visit": besides_visit,
                }
            )
        _visit_to_its_range(rows[clause_start:])
    return rows


def _visit_to_its_range(clause_rows: list[dict[str, object]]) -> None:
    """A visit a clause dates by one day, beside a range of days of no act that holds that day ("pada Kamis
    (21 Februari), mengakhiri dengan baik kunjungan kenegaraan di Vietnam dari 19 – 21 Februari"; "pada tgl 08
    Agustus, mengepalai delegasi ... untuk memulai kunjungan resmi ke Iran ... dari tgl 08 hingga tgl 10
    Agustus"), is dated by the range: the range is the visit's days, and the day keeps its other act
    ("resmi meningkatkan hubungan ... pada 27 November 2023, dalam kunjungan kenegaraan ... dari tanggal 27
    hingga 30 November": the upgrade), if it names one (else ``other``)."""
    for r in clause_rows:
        if r["kind"] != "other" or r["date_end"] is None or r["precision"] != "day":
            continue
        for v in clause_rows:
            if v["kind"] == "visit" and v["date_end"] is None and v["precision"] == "day" \
                    and r["date"] <= v["date"] <= r["date_end"]:  # type: ignore[operator]
                r["kind"], r["countries"], v["kind"] = "visit", v["countries"], v.get("besides_visit", "other")
                break


def _visit_days(text: str, clause: tuple[int, int], date: pd.Timestamp,
                told_after: str = "") -> tuple[pd.Timestamp, pd.Timestamp | None, str]:
    """A visit's first day, last day and precision, from the one day a clause dates it by and the length it
    says: a visit that begins on ``date`` and lasts N days ("memulai kunjungan resmi empat hari ... pada tanggal
    23 November": the 23rd to the 26th), one that ends on it ("mengakhiri ... kunjungan selama tiga hari":
    the two days before too); else the day alone (with no length, the day it began or ended). The length may
    be told in the sentence after (``told_after``: "Kunjungan ini berlangsung selama 3 hari")."""
    part = text[clause[0] : clause[1]]
    starts = VISIT_START_WORDS.may_occur(part) and _VISIT_START.search(part) is not None
    ends = not starts and VISIT_END_WORDS.may_occur(part) and _VISIT_END.search(part) is not None
    if not (starts or ends):
        return date, None, "day"
    m = _VISIT_DAYS.search(part) if "hari" in part.lower() else None
    if m is None and "hari" in told_after.lower():
        m = _LENGTH_TOLD_AFTER.match(told_after.lstrip(' "(“'))
    n = None if m is None else (int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()])
    if n is None or not 2 <= n <= 31:
        return date, None, "day"  # "meninggalkan Stockholm, mengakhiri kunjungan resmi": the visit's last day
    if starts:
        return date, date + pd.Timedelta(days=n - 1), "day"
    return date - pd.Timedelta(days=n - 1), date, "day"


def _visit_frame(text: str, clause: tuple[int, int], kws: list[tuple[int, int, str, float]],
                 start: int, others: list[int]) -> re.Match[str] | None:
    """The words that make one of ``kws`` (the keywords of the date at ``start``) a visit framing the date
    ("dalam kerangka kunjungan"), or None. A visit that another date of the clause (``others``: their
    starts) follows in the same stretch has its own date ("..., dalam kunjungan kenegaraan ... dari tanggal
    27 hingga 30 November") and frames nothing; a visit named beside an act ("yang sedang melakukan
    kunjungan") does not frame a date that follows its words in the same stretch either: that is its own."""
    # a visit word that opens another act's words ("kunjungan kehormatan", a courtesy call) is no visit
    visits = {k[0] for k in kws if k[2] == "visit"} - {k[0] for k in kws if k[2] != "visit"}
    if not visits:
        return None
    part = fold_case(text[clause[0] : clause[1]])
    if not (VISIT_FRAME_WORDS.may_occur(part, part) or VISIT_BESIDE_WORDS.may_occur(part, part)):
        return None
    for m in FRAMED_VISIT.finditer(text, *clause):
        if m.start("visit") not in visits:
            continue
        if m.group("beside") is not None and start >= m.end() and not _STRETCH_BREAK.search(text, m.end(), start):
            continue
        if any(o >= m.end() and not _STRETCH_BREAK.search(text, m.end(), o) for o in others):
            continue
        return m
    return None


def _framed_visit_row(sid: str, aid: str, text: str, frame: re.Match[str], clause: tuple[int, int], date: pd.Timestamp,
                      precision: str, inferred: bool, cues: list, usable: list[Mention], fallback: str | None,
                      adate: ArticleDate) -> dict[str, object]:
    """The visit a date's act took place in, dated to that date's month (its first day is not given)."""
    month, prec = month_of(date, precision)
    mod = foresee(settle(modality_before(text, frame.start("visit"), clause, cues=cues),
                         partial(_end_of, month, prec), adate.date), month, adate.end())
    return {"article_id": aid, "sentence_id": sid, "date": month, "date_end": None, "precision": prec,
            "year_inferred": inferred, "kind": "visit", "countries": _countries("visit", clause, usable, fallback),
            "modality": mod.modality, "modality_cue": mod.cue, "surface": frame.group(0), "evidence": text}


_PERIOD_LENGTH = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def _end_of(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first day after the period that starts on ``date``."""
    return date + _PERIOD_LENGTH[precision]


def extract_events(sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events table (columns: :data:`vnpartners.schema.MEANINGS`) from fact-bearing sentences.

    Columns: ``article_id``, ``sentence_id``; ``date`` (first day of the period), ``date_end``
    (first day of a range's last period, else NaT); ``precision`` (``day``/``month``/``year``);
    ``year_inferred`` (the year is the article's, not written); ``kind`` (see the module doc);
    ``countries`` (sorted, space-separated ISO3 codes, always with VNM); ``surface`` (the date as
    written, a substring of ``evidence``); ``evidence`` (the sentence).
    """
    return events_table(fact_input(sentences, mentions, articles))


_COLUMNS = ["article_id", "sentence_id", "date", "date_end", "precision", "year_inferred", "kind", "countries",
            "modality", "modality_cue", "surface", "evidence"]
# an anniversary named with its number and no date: "peringatan 75 tahun", "ulang tahun ke-75", "HUT ke-50"
_UNDATED_ANNIVERSARY = re.compile(
    rf"{ANNIVERSARY_OF.alternation}\s+(?:ke-?\s*\d{{1,3}}|\d{{1,3}}\s+tahun)|\bmerayakan\s+\d{{1,3}}\s+tahun", _I
)
# every match holds one of these (lower case): the words of ANNIVERSARY_OF, or "merayakan"
_UNDATED_ANNIVERSARY_CUES = (*ANNIVERSARY_OF.cues, "merayakan")


def _undated_anniversary(sid: str, aid: str, text: str, ments: list[Mention], adate: ArticleDate,
                         fallback: str | None) -> dict[str, object] | None:
    """An anniversary a sentence names without a date ("kunjungan ... bertepatan dengan peringatan 75 tahun
    hubungan diplomatik"): news of the article's year (``year_inferred``), or None."""
    if adate.year is None or not has_any(fold_case(text), _UNDATED_ANNIVERSARY_CUES):
        return None
    m = _UNDATED_ANNIVERSARY.search(text)
    if m is None:
        return None
    usable = [x for x in ments if not is_currency_mention(text, x)]
    clause = (0, len(text))
    mod = settle(modality_before(text, m.start(), clause), lambda: pd.Timestamp(year=adate.year + 1, month=1, day=1),
                 adate.date)
    holiday = _holiday_country(text, clause, min(len(text), m.end() + 60), usable)  # "Peringatan 80 Tahun Kemenangan"
    kind = "anniversary" if holiday is None else "commemoration"
    return {"article_id": aid, "sentence_id": sid, "date": pd.Timestamp(year=adate.year, month=1, day=1),
            "date_end": None, "precision": "year", "year_inferred": True, "kind": kind,
            "countries": holiday or _countries("anniversary", clause, usable, fallback), "modality": mod.modality,
            "modality_cue": mod.cue, "surface": m.group(0), "evidence": text}


_ANNIVERSARY_ROWS = ("anniversary", "commemoration")
def _far_from_dates(text: str, surface: str, found: tuple[DateSpan, ...], spans: list[tuple[int, int]]) -> bool:
    """Whether the words ``surface`` stand further than ``MAX_KEYWORD_GAP`` from every date of their clause."""
    at = text.find(surface)
    clause = clause_of(spans, at)
    return all(not (clause[0] <= d.start < clause[1]) or gap((at, at + len(surface)), (d.start, d.end)) > MAX_KEYWORD_GAP
               for d in found)


def _news_rows(sid: str, aid: str, text: str, ments: list[Mention], adate: ArticleDate, dated: bool,
               fallback: str | None) -> list[dict[str, object]]:
    """Rows of the acts the sentence reports as the article's news (:func:`news_of_day.news_of_the_day`)."""
    found = news_of_the_day(text, adate, dated, event_kind)
    if not found:
        return []
    usable = [x for x in ments if not is_currency_mention(text, x)]
    spans = clauses(text)
    out: list[dict[str, object]] = []
    for n in found:
        clause = next((c for c in spans if c[0] <= n.start < c[1]), (0, len(text)))
        # "Presiden akan tiba di Hanoi pada Kamis": a plan, on the Thursday to come
        found_mod = modality_before(text, n.start, clause)
        date = n.ahead if n.ahead is not None and found_mod.modality != "stated" else n.date
        mod = settle(found_mod, date + pd.Timedelta(days=1), adate.date)
        if n.stated_only and mod.modality != "stated":
            continue  # a visit planned or wished, with no date: not dated by the article
        out.append({"article_id": aid, "sentence_id": sid, "date": date, "date_end": None, "precision": n.precision,
                    "year_inferred": True, "kind": n.kind, "countries": _countries(n.kind, clause, usable, fallback),
                    "modality": mod.modality, "modality_cue": mod.cue, "surface": text[n.start : n.end],
                    "evidence": text, "frame": n.frame})
    return out


def events_table(data: FactInput, partnerships: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`extract_events` on sentences already taken out of their tables (shared with the other extractors).

    ``partnerships``: that sentences' partnerships table, whose undated acts are events too
    (:func:`partnership_events`).
    """
    rows: list[dict[str, object]] = []
    news: list[dict[str, object]] = []
    for i, (sid, aid, text) in enumerate(zip(data.sentence_ids, data.article_ids, data.texts)):
        sid, aid, text = str(sid), str(aid), str(text)
        found = data.date_spans(i)
        ments = data.mentions.get(sid, [])
        adate, fallback = data.article_date(aid), data.fallbacks.get(aid)
        news.extend(_news_rows(sid, aid, text, ments, adate, bool(found), fallback))
        if found:
            after = str(data.texts[i + 1]) if i + 1 < len(data.texts) and data.article_ids[i + 1] == aid else ""
            dated_rows = _sentence_events(sid, aid, text, ments, found, adate, fallback, data.cues(i), data.clauses(i),
                                          after)
            rows.extend(dated_rows)
            if not any(r["kind"] in _ANNIVERSARY_ROWS for r in dated_rows):
                # an anniversary far from every date of its sentence is the article's news as well ("Kunjungan ...
                # berlangsung pada saat kedua negara merayakan ulang tahun ke-75 ... setelah ... pada tahun 1990")
                row = _undated_anniversary(sid, aid, text, ments, adate, fallback)
                if row is not None and _far_from_dates(text, str(row["surface"]), found, data.clauses(i)):
                    rows.append(row)
        else:
            row = _undated_anniversary(sid, aid, text, ments, adate, fallback)
            if row is not None:
                rows.append(row)
    if partnerships is not None:
        dated = {str(r["sentence_id"]) for r in rows if r["kind"] not in COMMEMORATED_KINDS}
        rows.extend(partnership_events(partnerships, data, dated))
        rows.extend(partnership_acts_on_their_dates(partnerships, rows))
    rows.extend(keep_news(rows, news))
    columns = _COLUMNS
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
