"""The period a figure is of: from the date written near it, in the forms news uses for statistics.

- a year ("pada tahun 2023") is ``YYYY``;
- the first N months ("dalam 3 bulan pertama tahun 2025", "10 bulan pertama 2024") are
  ``YYYY-Qn`` for three months, else ``YYYY-01/YYYY-MM``; a quarter ("kuartal pertama 2025") is
  ``YYYY-Qn``; the first half ("semester pertama 2024") is ``YYYY-01/YYYY-06``;
- a range of months ("Januari-Oktober 2024") is ``YYYY-MM/YYYY-MM``;
- a flow (trade, exports, imports, tourists; :data:`FLOW_METRICS`) stated at a month ("Pada
  Oktober 2024 ... mencapai") is January to that month, the way these statistics are reported,
  unless the text says the month alone ("selama bulan Oktober"); a stock (investment, students,
  counts) at a month ("hingga akhir Januari 2025") is ``YYYY-MM``.

The date used is the one nearest before the number in its clause, else after it, else earlier in
the sentence; a comparison baseline ("dibandingkan periode yang sama tahun 2023") and a span of
several years are never a figure's period.
"""

from __future__ import annotations

import re

import pandas as pd

from .dates import DateSpan
from .vocabulary import COMPARED, HALF_YEAR, NUMBER_WORDS, QUARTER_NUMBERS, QUARTER_WORDS, SINGLE_MONTH
from .words import Words, has_any

__all__ = ["FLOW_METRICS", "UsableDate", "explicit_period", "usable_dates"]

#: metrics that add up over time (stated at a month: January to that month)
FLOW_METRICS = frozenset({"trade_turnover", "trade_growth", "exports", "imports", "tourist_arrivals",
                          "tourist_arrivals_growth"})

_I = re.IGNORECASE
#: "dibandingkan (dengan) (periode yang sama) (pada tahun)" right before a date
BASELINE_BEFORE = re.compile(
    rf"{COMPARED.alternation}\s+(?:dengan\s+)?(?:periode\s+yang\s+sama\s+)?(?:(?:pada\s+)?tahun\s+)?$|"
    r"periode\s+yang\s+sama\s+(?:tahun\s+)?$",
    _I,
)
#: the cues of :data:`BASELINE_BEFORE` (every match holds one)
BASELINE_CUES = (*COMPARED.cues, "periode")
_NUMBER = "|".join([r"\d{1,2}", *sorted(NUMBER_WORDS, key=len, reverse=True)])
_FIRST_MONTHS = re.compile(rf"(?P<n>{_NUMBER})\s+bulan\s+pertama\s+(?:tahun\s+)?$", _I)
_QUARTER_NUMBER = "|".join(sorted((re.escape(k) for k in QUARTER_NUMBERS), key=len, reverse=True))
_QUARTER = re.compile(rf"{QUARTER_WORDS.alternation}\s+(?P<q>{_QUARTER_NUMBER})\s+(?:tahun\s+)?$", _I)
_HALF = re.compile(rf"{HALF_YEAR.alternation}\s+(?:tahun\s+)?$", _I)
_SINGLE_MONTH = re.compile(rf"{SINGLE_MONTH.alternation}\s+(?:bulan\s+)?$", _I)
_LOOK_BACK = 40  # characters before a date searched for the words that qualify it

#: a date a figure's period may come from: (start, end, date, date_end or None, precision)
UsableDate = tuple[int, int, pd.Timestamp, "pd.Timestamp | None", str]


def _can(piece: str | None, words: Words | tuple[str, ...]) -> bool:
    """False only where ``piece`` (folded text, or None: unknown) cannot hold any of the words."""
    cues = words.cues if isinstance(words, Words) else words
    return piece is None or has_any(piece, cues)


def period_from_date(metric: str, text: str, start: int, date: pd.Timestamp, date_end: pd.Timestamp | None,
                     precision: str, low: str | None) -> str:
    """The period of a figure of ``metric`` dated by the date at ``text[start:]`` (see the module doc).

    ``low`` is ``text`` folded (:func:`vnpartners.facts.words.fold_case`, same offsets) or None.
    """
    a = max(0, start - _LOOK_BACK)
    before = text[a:start]
    piece = low[a:start] if low is not None else None
    y = date.year
    m = _FIRST_MONTHS.search(before) if _can(piece, ("bulan",)) else None
    if m:
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw, 0)
        if n == 3:
            return f"{y}-Q1"
        if 1 <= n <= 12:
            return f"{y}-01/{y}-{n:02d}"
    m = _QUARTER.search(before) if _can(piece, QUARTER_WORDS) else None
    if m:
        return f"{y}-Q{QUARTER_NUMBERS[m['q'].lower()]}"
    if _can(piece, HALF_YEAR) and _HALF.search(before):
        return f"{y}-01/{y}-06"
    if precision == "year":
        return f"{y}"
    if date_end is not None and not pd.isna(date_end) and precision == "month":
        return f"{y}-{date.month:02d}/{date_end.year}-{date_end.month:02d}"
    if metric in FLOW_METRICS and not (_can(piece, SINGLE_MONTH) and _SINGLE_MONTH.search(before)):
        return f"{y}-01" if date.month == 1 else f"{y}-01/{y}-{date.month:02d}"
    return f"{y}-{date.month:02d}"


def usable_dates(text: str, dates: tuple[DateSpan, ...], low: str | None) -> list[UsableDate]:
    """The dates of a sentence a figure's period may come from: one year each, comparison baselines aside."""
    usable: list[UsableDate] = []
    for d in dates:
        if d.date is None:
            continue
        if d.date_end is not None and d.date_end.year != d.date.year:
            continue
        a = max(0, d.start - 60)
        if _can(low[a:d.start] if low is not None else None, BASELINE_CUES) and BASELINE_BEFORE.search(text[a:d.start]):
            continue
        usable.append((d.start, d.end, d.date, d.date_end, d.precision))
    return usable


def explicit_period(metric: str, start: int, end: int, text: str, clause: tuple[int, int],
                    usable: list[UsableDate], low: str | None) -> str | None:
    """The period the sentence gives the figure at ``text[start:end]``, or None when it gives none."""
    lo, hi = clause
    before = after = earlier = None  # the last date before the number in its clause, the first after, the last earlier
    for d in usable:
        if lo <= d[0] and d[1] <= start:
            before = d
        if after is None and d[0] >= end and d[1] <= hi:
            after = d
        if d[1] <= lo:
            earlier = d
    pick = before if before is not None else after if after is not None else earlier
    if pick is None:
        return None
    return period_from_date(metric, text, pick[0], pick[2], pick[3], pick[4], low)
