"""The period a figure is of: which date of its sentence belongs to which number, and what period it names.

**Which date.** A year belongs to the number it is attached to, not to the nearest earlier year:

1. a date right after the number ("mencapai 9 miliar USD pada tahun 2023", "2,1 miliar USD (2012)")
   is that number's, and no other number's; so a change stated as a path ("meningkat dari 2,1
   miliar USD pada tahun 2012 menjadi 9 miliar USD pada tahun 2023", "menjadi ... dari ...") or a
   series ("naik ke 3,2 miliar USD pada 2021 dan 4,4 miliar USD pada 2022") gives each number its own;
2. else the nearest date before the number in its clause that no other number has taken
   ("Pada tahun 2023, omzet ... mencapai 3,63 miliar USD"; "Pada 2023, ekspor 2 miliar USD dan
   impor 1 miliar USD": both 2023);
3. else the first free date after it in the clause, else the last free one earlier in the sentence.

A comparison baseline ("meningkat 134% dibandingkan dengan tahun 2021") is never a figure's date,
nor a span of several years.

**Which period.** Dates come from :mod:`.dates`; periods relative to the article's publication
date come from :func:`relative_periods` ("tahun lalu", "tahun ini", "tahun depan", "lima bulan
awal tahun ini", "kuartal I", "Januari hingga Juli", "per akhir Maret", "bulan lalu"):

- a year ("pada tahun 2023", "tahun lalu") is ``YYYY``;
- the first N months ("dalam 3 bulan pertama tahun 2025", "10 bulan pertama 2024") are
  ``YYYY-01/YYYY-MM``, three months ``YYYY-Q1``; a quarter is ``YYYY-Qn``; the first half
  ("semester pertama") ``YYYY-01/YYYY-06``; a range of months ``YYYY-MM/YYYY-MM``;
- the last N years ("dalam 6 tahun terakhir", "lima tahun belakangan ini") are the N whole years
  before the article's: ``2019-01/2024-12`` in a 2025 article;
- a flow (trade, exports, imports, tourists; :data:`FLOW_METRICS`) stated at a month ("Pada
  Oktober 2024 ... mencapai", "hingga akhir Maret") is January to that month, the way these
  statistics are reported, unless the text says the month alone ("selama bulan Oktober"); a stock
  (investment, students, counts) at a month ("hingga akhir Januari 2025") is ``YYYY-MM``.

A relative period in an article whose date is unknown is left blank (``period_basis``
``unresolved``), never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

import pandas as pd

from .dates import RANGE_JOIN, DateSpan, month_number
from .vocabulary import (
    AND_WORDS,
    COMPARED,
    HALF_YEAR,
    MONTHS,
    NUMBER_WORDS,
    PERIOD_SPAN_WORDS,
    QUARTER_NUMBERS,
    QUARTER_WORDS,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    SINGLE_MONTH,
    UNTIL_WORDS,
)
from .words import Words, has_any

__all__ = ["FLOW_METRICS", "Source", "named_year_spans", "normalise_period", "period_end", "period_from_date",
           "period_sources",
           "pick_sources", "relative_periods"]

#: metrics that add up over time (stated at a month: January to that month)
FLOW_METRICS = frozenset({"trade_turnover", "trade_growth", "exports", "imports", "tourist_arrivals",
                          "tourist_arrivals_growth"})

_I = re.IGNORECASE
#: "dibandingkan (dengan) (periode yang sama) (pada tahun)" right before a date
BASELINE_BEFORE = re.compile(
    rf"{COMPARED.alternation}\s+(?:dengan\s+)?(?:(?:periode|masa)\s+yang\s+sama\s+)?(?:(?:pada\s+)?tahun\s+)?$|"
    r"(?:periode|masa)\s+yang\s+sama\s+(?:tahun\s+)?$",
    _I,
)
#: the cues of :data:`BASELINE_BEFORE` (every match holds one)
BASELINE_CUES = (*COMPARED.cues, "periode", "masa")
_NUMBER = "|".join([r"\d{1,2}", *sorted(NUMBER_WORDS, key=len, reverse=True)])
_FIRST_MONTHS = re.compile(rf"(?P<n>{_NUMBER})\s+bulan\s+(?:pertama|awal)\s+(?:tahun\s+)?$", _I)
_QUARTER_NUMBER = "|".join(sorted((re.escape(k) for k in QUARTER_NUMBERS), key=len, reverse=True))
_QUARTER = re.compile(rf"{QUARTER_WORDS.alternation}\s+(?P<q>{_QUARTER_NUMBER})\s+(?:tahun\s+)?$", _I)
_HALF = re.compile(rf"{HALF_YEAR.alternation}\s+(?:tahun\s+)?$", _I)
_SINGLE_MONTH = re.compile(rf"{SINGLE_MONTH.alternation}\s+(?:bulan\s+)?$", _I)
_LOOK_BACK = 40  # characters before a date searched for the words that qualify it

# relative periods ---------------------------------------------------------------------------
_REL_YEAR = "|".join(sorted((r"\s+".join(map(re.escape, k.split())) for k in RELATIVE_YEARS), key=len, reverse=True))
_REL_MONTH = "|".join(sorted((r"\s+".join(map(re.escape, k.split())) for k in RELATIVE_MONTHS), key=len, reverse=True))
# a month as the vocabulary spells it (relative periods are read only from correctly spelt months)
_MONTH_WORD = r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
_TO = RANGE_JOIN  # the dates' range join (a dash or a range word)


def _year_after(name: str) -> str:
    """An optional year after a period: relative ("tahun ini", "lalu") in ``<name>``, written in ``<name>yr``."""
    return (rf"(?:\s+(?:tahun\s+|thn\.?\s+)?(?:(?P<{name}yr>(?:1[89]|20)\d\d)(?!\d)|(?P<{name}>{_REL_YEAR}|ini|lalu)\b))?")


# the branches of a relative period, each with the words one of which every match of it holds: a sentence
# is searched with the branches whose words it has, joined in this order (leftmost match first, as one regex)
_MONTH_CUES = tuple(MONTHS)
_BRANCHES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (rf"(?P<first>(?P<n>{_NUMBER})\s+bulan\s+(?:pertama|awal){_year_after('f')})", ("bulan",)),
    (rf"(?P<quarter>{QUARTER_WORDS.alternation}\s+(?P<q>{_QUARTER_NUMBER})\b{_year_after('qy')})", QUARTER_WORDS.cues),
    (rf"(?P<half>{HALF_YEAR.alternation}{_year_after('h')})", HALF_YEAR.cues),
    (rf"(?P<months>(?P<m1>{_MONTH_WORD}){_TO}(?P<m2>{_MONTH_WORD}){_year_after('my')})", _MONTH_CUES),
    (rf"(?P<asof>(?:{UNTIL_WORDS.alternation}|per)\s+(?:(?:akhir|penghujung)\s+)?(?:bulan\s+)?(?P<am>{_MONTH_WORD})"
     rf"{_year_after('a')})", _MONTH_CUES),
    (r"(?P<ytd>sejak\s+awal\s+tahun(?:\s+ini)?)", ("sejak",)),
    # "dalam 6 tahun terakhir", "lima tahun belakangan ini": the last N whole years before the article's
    (rf"(?P<lastyears>(?P<ln>{_NUMBER})\s+tahun\s+(?:terakhir|belakangan(?:\s+ini)?)\b)", ("terakhir", "belakangan")),
    # a word of its own, not the second half of a plural ("tahun-tahun mendatang": the coming years, no year)
    (rf"(?P<relmonth>(?<![\w-])(?:{_REL_MONTH}))", ("bulan", "month")),
    (rf"(?P<relyear>(?<![\w-])(?:{_REL_YEAR}))", ("tahun", "year")),
)
_GROUPS = ("first", "quarter", "half", "months", "asof", "ytd", "lastyears", "relmonth", "relyear")
_YEAR_GROUPS = ("f", "qy", "h", "my", "a")
_PATTERNS: dict[tuple[bool, ...], re.Pattern[str]] = {}


def _relative_pattern(low: str) -> re.Pattern[str] | None:
    """The relative-period regex for a sentence (``low``: lower case): its branches that can match there."""
    key = tuple(any(cue in low for cue in cues) for _, cues in _BRANCHES)
    if not any(key):
        return None
    if key not in _PATTERNS:
        _PATTERNS[key] = re.compile("|".join(branch for (branch, _), on in zip(_BRANCHES, key) if on), _I)
    return _PATTERNS[key]



class Source(NamedTuple):
    """A date or a relative period of a sentence a figure's period may come from.

    ``start``/``end``: where the text states it; ``date``, ``date_end``, ``precision``: the date
    (for a date of :mod:`.dates`); ``period``: the period already read (for a relative period, or
    None when the article's date is unknown); ``basis``: ``text`` or ``relative``.
    """

    start: int
    end: int
    date: pd.Timestamp | None
    date_end: pd.Timestamp | None
    precision: str | None
    period: str | None
    basis: str
    flow_period: str | None = None  # a relative "as of month": January to that month, for a flow


def _year_offset(word: str | None) -> int:
    if not word:
        return 0
    key = " ".join(word.lower().split())
    if key in ("ini",):
        return 0
    if key in ("lalu",):
        return -1
    return RELATIVE_YEARS.get(key, 0)


def _months(y: int, m1: int, m2: int) -> str:
    if (m1, m2) == (1, 3):
        return f"{y}-Q1"
    return f"{y}-{m1:02d}" if m1 == m2 else f"{y}-{m1:02d}/{y}-{m2:02d}"


def normalise_period(period: str | None) -> str | None:
    """One spelling per period: January to March is ``YYYY-Q1``, a one-month range is ``YYYY-MM``."""
    if period is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if m and m[1] == m[3]:
        return _months(int(m[1]), int(m[2]), int(m[4]))
    return period


def relative_periods(text: str, published: pd.Timestamp | None, precision: str | None) -> list[Source]:
    """Periods ``text`` states relative to the article's date (``published``, known to ``precision``).

    >>> [s.period for s in relative_periods("nilai perdagangan pada tahun lalu", pd.Timestamp("2023-02-11"), "day")]
    ['2022']
    >>> [s.period for s in relative_periods("dalam lima bulan awal tahun ini", pd.Timestamp("2024-07-01"), "month")]
    ['2024-01/2024-05']
    """
    pattern = _relative_pattern(text.lower())
    if pattern is None:
        return []
    known = published is not None and not pd.isna(published)
    year = int(published.year) if known else 0
    month = int(published.month) if known and precision in ("day", "month") else None
    out: list[Source] = []
    for m in pattern.finditer(text):
        period: str | None = None
        flow: str | None = None
        found = m.groupdict()
        group = next(g for g in _GROUPS if found.get(g) is not None)
        basis = "relative"
        name = next((n for n in _YEAR_GROUPS if found.get(n + "yr")), None)
        if name is not None:
            y, basis = int(found[name + "yr"]), "text"  # "enam bulan pertama 2024": the year is written
        else:
            y = year + _year_offset(next((found[n] for n in _YEAR_GROUPS if found.get(n)), None))
        if group == "first":
            raw = m["n"].lower()
            n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
            if not 1 <= n <= 12:
                continue
            period = _months(y, 1, n)
        elif group == "quarter":
            period = f"{y}-Q{QUARTER_NUMBERS[m['q'].lower()]}"
        elif group == "half":
            period = f"{y}-01/{y}-06"
        elif group == "months":
            m1, m2 = month_number(m["m1"]), month_number(m["m2"])
            if not (m1 and m2 and m1 < m2):
                continue
            if basis == "relative" and not found.get("my") and month is not None and m2 > month:
                y -= 1  # "Januari hingga Oktober" in a February article: last year's
            period = _months(y, m1, m2)
        elif group == "asof":
            am = month_number(m["am"])
            if not am:
                continue
            if basis == "relative" and not found.get("a") and month is not None and am > month:
                y -= 1
            period, flow = f"{y}-{am:02d}", _months(y, 1, am)
        elif group == "ytd":
            if month is None:
                continue
            period = _months(year, 1, month)
        elif group == "lastyears":
            raw = m["ln"].lower()
            n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
            if not 1 <= n <= 50:
                continue
            period = f"{year - n}-01/{year - 1}-12"
        elif group == "relmonth":
            if month is None:
                continue
            k = (year * 12 + month - 1) + RELATIVE_MONTHS[" ".join(m[group].lower().split())]
            period = f"{k // 12}-{k % 12 + 1:02d}"
        elif group == "relyear":
            period = f"{year + _year_offset(m[group])}"
        else:  # pragma: no cover - every branch of _BRANCHES is named above
            continue
        if basis == "relative" and not known:
            period = flow = None
        out.append(Source(m.start(), m.end(), None, None, None, normalise_period(period), basis, normalise_period(flow)))
    return out


# a span of years named as a period: "tahap 2014-2020", "periode 2021-2025", "antara tahun 2018 dan 2023"
_YEAR = r"(?:19|20)\d{2}"
_NAMED_SPAN = re.compile(
    rf"{PERIOD_SPAN_WORDS.pattern()}\s+(?:tahun\s+)?(?P<y1>{_YEAR})"
    rf"(?:{_TO}|(?<=\d)\s+(?:{AND_WORDS.alternation})\s+)(?:tahun\s+)?(?P<y2>{_YEAR})\b", _I)


def named_year_spans(text: str) -> list[Source]:
    """Spans of years the text names as a period (:data:`vocabulary.PERIOD_SPAN_WORDS`), each a source of
    period ``Y1-01/Y2-12``; "dan" joins the years only after "antara" ("antara tahun 2018 dan 2023").

    >>> [s.period for s in named_year_spans("bantuan untuk Vietnam tahap 2014-2020 menjadi 400 juta Euro")]
    ['2014-01/2020-12']
    """
    found: list[Source] = []
    for m in _NAMED_SPAN.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        joined_by_and = not re.match(_TO, text[m.end("y1") : m.start("y2")])
        if y1 >= y2 or (joined_by_and and not m.group(0).lower().startswith("antara")):
            continue
        found.append(Source(m.start("y1"), m.end("y2"), pd.Timestamp(year=y1, month=1, day=1),
                            pd.Timestamp(year=y2, month=1, day=1), "year", f"{y1}-01/{y2}-12", "text"))
    return found


def period_sources(text: str, dates: tuple[DateSpan, ...], low: str | None, published: pd.Timestamp | None,
                   precision: str | None) -> list[Source]:
    """The dates and relative periods of a sentence a figure's period may come from, in text order:
    one year each (a span of years is no figure's period, unless the text names it one:
    :func:`named_year_spans`), comparison baselines aside."""
    found: list[Source] = named_year_spans(text) if _can(low, PERIOD_SPAN_WORDS) else []
    spans = [(s.start, s.end) for s in found]
    for d in dates:
        if any(a < d.end and d.start < b for a, b in spans):
            continue  # a year of a span named as a period
        if d.date is None:
            continue
        if d.date_end is not None and d.date_end.year != d.date.year:
            continue
        a = max(0, d.start - 60)
        if _is_baseline(text, a, d.start, low):
            continue
        # a date whose year is the article's ("8 hingga 11 Mei", "tahun lalu") is read against the article's date
        found.append(Source(d.start, d.end, d.date, d.date_end, d.precision, None,
                            "relative" if d.year_inferred else "text"))
    taken = [(s.start, s.end) for s in found]
    for r in relative_periods(text, published, precision):
        if any(a < r.end and r.start < b for a, b in taken):
            continue  # a date already covers it ("bulan Maret tahun 2011")
        if _is_baseline(text, max(0, r.start - 60), r.start, low):
            continue
        found.append(r)
    return sorted(found)


def _is_baseline(text: str, a: int, b: int, low: str | None) -> bool:
    return (low is None or has_any(low[a:b], BASELINE_CUES)) and BASELINE_BEFORE.search(text[a:b]) is not None


def _can(piece: str | None, words: Words | tuple[str, ...]) -> bool:
    """False only where ``piece`` (folded text, or None: unknown) cannot hold any of the words."""
    cues = words.cues if isinstance(words, Words) else words
    return piece is None or has_any(piece, cues)


def period_from_date(metric: str, text: str, source: Source, low: str | None) -> str:
    """The period of a figure of ``metric`` dated by ``source`` (see the module doc).

    ``low`` is ``text`` folded (:func:`vnpartners.facts.words.fold_case`, same offsets) or None.
    """
    if source.period is not None or source.date is None:
        if metric in FLOW_METRICS and source.flow_period is not None:
            return source.flow_period
        return source.period  # type: ignore[return-value]
    start, date, date_end, precision = source.start, source.date, source.date_end, source.precision
    a = max(0, start - _LOOK_BACK)
    before = text[a:start]
    piece = low[a:start] if low is not None else None
    y = date.year
    m = _FIRST_MONTHS.search(before) if _can(piece, ("bulan",)) else None
    if m:
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw, 0)
        if 1 <= n <= 12:
            return _months(y, 1, n)
    m = _QUARTER.search(before) if _can(piece, QUARTER_WORDS) else None
    if m:
        return f"{y}-Q{QUARTER_NUMBERS[m['q'].lower()]}"
    if _can(piece, HALF_YEAR) and _HALF.search(before):
        return f"{y}-01/{y}-06"
    if precision == "year":
        return f"{y}"
    if date_end is not None and not pd.isna(date_end) and precision == "month":
        return normalise_period(f"{y}-{date.month:02d}/{date_end.year}-{date_end.month:02d}")  # type: ignore[return-value]
    if metric in FLOW_METRICS and not (_can(piece, SINGLE_MONTH) and _SINGLE_MONTH.search(before)):
        return _months(y, 1, date.month)
    return f"{y}-{date.month:02d}"


# a date right after a number belongs to it: only a preposition or a bracket between them
_ATTACHED = re.compile(r"^\s*[(,]?\s*(?:(?:pada|di|dalam|selama|sepanjang|per|untuk|in|during)\s+)?(?:(?:tahun|thn\.?)\s+)?$", _I)


def pick_sources(spans: list[tuple[int, int]], clause_of: list[int], sources: list[Source], text: str
                 ) -> list[Source | None]:
    """The source of each number (``spans``: the numbers' (start, end), in text order; ``clause_of``:
    the index of each number's clause in :func:`vnpartners.facts.context.clauses`), by the rules of
    the module doc; None where the sentence gives none."""
    starts = [s.start for s in sources]
    taken: set[int] = set()
    picked: list[int | None] = [None] * len(spans)
    bounds = _clause_bounds(text)
    # 1. a date right after the number, before the next number
    for i, (_, qe) in enumerate(spans):
        k = bisect_left(starts, qe)
        if k < len(sources):
            nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            s = sources[k]
            if s.start < nxt and s.start - qe <= 40 and _ATTACHED.match(text[qe : s.start]) and k not in taken:
                picked[i] = k
                taken.add(k)
    # 2-3. the nearest free date before the number in its clause, else the first free one after it,
    #      else the last free one earlier in the sentence
    for i, (qs, qe) in enumerate(spans):
        if picked[i] is not None:
            continue
        lo, hi = bounds[clause_of[i]]
        k = bisect_right(starts, qs) - 1
        while k >= 0 and (k in taken or sources[k].end > qs):
            k -= 1
        if k >= 0 and sources[k].start >= lo:
            picked[i] = k
            continue
        j = bisect_left(starts, qe)
        while j < len(sources) and j in taken:
            j += 1
        if j < len(sources) and sources[j].end <= hi:
            picked[i] = j
            continue
        if k >= 0:
            picked[i] = k
    return [None if k is None else sources[k] for k in picked]


def _clause_bounds(text: str) -> list[tuple[int, int]]:
    from .context import clauses

    return clauses(text)


def period_end(period: str | None) -> pd.Timestamp | None:
    """The first day after ``period`` ("2024" -> 2025-01-01, "2024-Q1" -> 2024-04-01,
    "2024-01/2024-05" -> 2024-06-01, "2025-03" -> 2025-04-01); None for no period."""
    if not period:
        return None
    last = period.split("/")[-1]
    m = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d{2}))?", last)
    if m is None:
        return None
    year = int(m[1])
    if m[2]:
        return pd.Timestamp(year=year, month=3 * int(m[2]), day=1) + pd.DateOffset(months=1)
    if m[3]:
        return pd.Timestamp(year=year, month=int(m[3]), day=1) + pd.DateOffset(months=1)
    return pd.Timestamp(year=year + 1, month=1, day=1)
