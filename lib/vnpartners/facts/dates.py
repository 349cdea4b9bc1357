"""Dates in running Indonesian (and English) news text, with the exact span that states them.

:func:`find_dates` returns one row per date span. What counts as a date:

- a day with a month: "30 Januari 1950", "Kamis, 20 Juni 2024" (the weekday is part of the span),
  "10 Mei" (no year: the year is ``default_year`` and ``year_inferred`` is True), "June 20, 2024";
- a month with a year: "(Maret 2024)", "pada bulan Juni 2024"; a month alone only after "bulan"
  ("pada bulan Juni", year inferred);
- ranges: "8 hingga 11 Mei", "27-29 April", "14 dan 15 Januari 2025" (two adjacent days are a
  range), "30 Mei - 2 Juni 2025", "Januari-Oktober 2024", "26–27/7"; a range whose two ends are the
  same day and month of different years ("30 Januari 1950 - 30 Januari 2025") is returned as written,
  one range row: :mod:`vnpartners.events` reads it as an anniversary;
- numeric dates, day first as Indonesian writes them: "08/05/2025", "6/2016" (month/year), and a
  day/month without a year only after "tanggal";
- a bare four-digit year only with a cue word before it: "tahun 2001", "pada 2019", "sejak 2019",
  "awal/akhir/pertengahan 2023", "periode 2024-2029", "tahun 2022 dan 2023" (two rows), or in a
  parenthesis after a place: "(Rusia, 2023)". A year inside a name ("APEC 2024", "UNCLOS 1982",
  "Hukum Laut 1982") or after "hingga" ("Visi ... hingga 2030", a target) is not a date.

Not dates: counts of years ("75 tahun", "80 Tahun"), decimals ("3,63"), thousands ("1.500"),
ordinals ("ke-26"), phone numbers, codes such as "1088/2-1089".

A misspelt month name ("Septemebr") is read by a bounded edit distance (optimal string alignment,
at most 1 edit for names of 7 letters, 2 for longer ones, same first letter) against the long month
names; short names ("Mei", "Juni", "Juli") must be spelt right, so no list of typos is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .vocabulary import (
    AND_WORDS,
    DAY_PARTS,
    DAY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PAIR_WORDS,
    RANGE_WORDS,
    THIS_WORDS,
    WEEKDAYS,
    YEAR_CUES,
    YEAR_FROM_ARTICLE,
    YEAR_WORDS,
)

__all__ = ["DATE_COLUMNS", "MONTH_NUMBERS", "DateSpan", "date_spans", "find_dates", "month_number"]

#: columns of :func:`find_dates`' result
DATE_COLUMNS = ["start", "end", "surface", "date", "date_end", "precision", "year_inferred"]

#: Indonesian and English month names and short forms (lower case) -> month number, exact spellings only
MONTH_NUMBERS = MONTHS
_MONTHS = MONTHS
# long names that a misspelling is compared with
_LONG_MONTHS = {name: num for name, num in _MONTHS.items() if len(name) >= 7}


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits incl. swaps of neighbours), stopping past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """Month number (1-12) of an Indonesian or English month name, short form or near-miss.

    >>> month_number("Januari"), month_number("okt."), month_number("Septemebr"), month_number("tahun")
    (1, 10, 9, None)
    """
    key = word.lower().rstrip(".")
    if key in _MONTHS:
        return _MONTHS[key]
    if len(key) < 6 or not key.isalpha():
        return None
    best: set[int] = set()
    for name, num in _LONG_MONTHS.items():
        if name[0] != key[0]:
            continue
        limit = 1 if len(name) <= 7 else 2
        if _osa_distance(key, name, limit) <= limit:
            best.add(num)
    return best.pop() if len(best) == 1 else None


# ---------------------------------------------------------------------------------------------
# patterns (compiled once)
# a weekday before a date ("Kamis, 20 Juni 2024") joins the span; looked for behind a match, so that
# the patterns below start with a digit or a letter that can begin a month name (fast to scan)
_WD_BEFORE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True)) + r")\s*,?\s*$", re.IGNORECASE
)
# the last four letters of each weekday, lower case (a quick test before _WD_BEFORE is run)
_WEEKDAY_ENDS = frozenset(name.lower()[-4:] for name in WEEKDAYS)
#: the letters a month name starts with, both cases ("J" for Januari, "P" for Pebruari ...)
MONTH_FIRST_LETTERS = "".join(sorted({c for name in MONTHS for c in (name[0], name[0].upper())}))


def _words_between(words: tuple[str, ...]) -> str:
    """An alternation of connecting words, longest first, each a whole word where it ends with a letter."""
    forms = []
    for word in sorted(words, key=len, reverse=True):
        regex = r"\s+".join(map(re.escape, word.split()))
        forms.append(r"\b" + regex + (r"\b" if word[-1].isalnum() else ""))
    return "|".join(forms)


_WD = ""
_D = r"(?<![\d.,/\-–])(?:[0-3]?\d)(?![\d.,]\d)"
_D2 = r"(?<![\d.,/])(?:[0-3]?\d)(?![\d.,]\d)"  # second day of a range, after "-"
_Y = r"(?<!\d)(?:1[89]\d\d|20\d\d)(?![\d.,]\d|\d)"
_W = rf"\b[{MONTH_FIRST_LETTERS}][A-Za-z]{{2,11}}\.?"
#: the join between the two ends of a range ("8 hingga 11 Mei", "12-15%"): a dash or a word of RANGE_WORDS,
#: white space around it; read by the date, period and quantity rules alike
RANGE_JOIN = rf"\s*(?:-|–|—|{_words_between(RANGE_WORDS)})\s*"
_TO = RANGE_JOIN
_AND_OR_TO = rf"\s*(?:-|–|—|{_words_between(RANGE_WORDS + PAIR_WORDS)})\s*"
_YEAR_WORD = "|".join(sorted(map(re.escape, YEAR_WORDS), key=len, reverse=True))
# "tahun" may stand between a month and its year ("bulan Maret tahun 2011")
_MAYBE_TAHUN = rf"(?:(?:{_YEAR_WORD})\s+)?"
# "tanggal"/"tgl" may stand before the second day of a range ("tgl 3 hingga tgl 5 Juni")
_MAYBE_DAY_WORD = "(?:(?:" + "|".join(sorted(map(re.escape, DAY_WORDS), key=len, reverse=True)) + r")\s*)?"
_WEEKDAY = "(?:" + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True)) + ")"
_FLAGS = re.IGNORECASE

_P_DAY_RANGE = re.compile(
    rf"{_WD}(?P<d1>{_D}){_AND_OR_TO}{_MAYBE_DAY_WORD}(?P<d2>{_D2})\s+(?P<m>{_W})(?:\s+{_MAYBE_TAHUN}(?P<y>{_Y}))?", _FLAGS
)
_P_CROSS_RANGE = re.compile(
    rf"{_WD}(?P<d1>{_D})\s+(?P<m1>{_W})(?:\s+{_MAYBE_TAHUN}(?P<y1>{_Y}))?{_TO}{_MAYBE_DAY_WORD}{_WD}(?P<d2>{_D2})\s+"
    rf"(?P<m2>{_W})(?:\s+{_MAYBE_TAHUN}(?P<y2>{_Y}))?",
    _FLAGS,
)
_P_DAY = re.compile(rf"{_WD}(?P<d>{_D})\s+(?P<m>{_W})(?:\s+{_MAYBE_TAHUN}(?P<y>{_Y}))?", _FLAGS)
_P_EN_DAY = re.compile(rf"{_WD}(?P<m>{_W})\s+(?P<d>{_D})(?:st|nd|rd|th)?,\s*(?P<y>{_Y})", _FLAGS)
_P_MONTH_RANGE = re.compile(rf"(?P<m1>{_W}){_TO}(?P<m2>{_W})\s+{_MAYBE_TAHUN}(?P<y>{_Y})", _FLAGS)
_P_MONTH_YEAR = re.compile(rf"(?P<m>{_W})\s+{_MAYBE_TAHUN}(?P<y>{_Y})", _FLAGS)
_BULAN_BEFORE = re.compile(r"\bbulan\s+$", re.IGNORECASE)
_P_MONTH_ONLY = re.compile(rf"\bbulan\s+(?P<m>{_W})(?!\s+\d)", _FLAGS)
_P_NUM_DMY = re.compile(
    rf"(?<![\d/.\-])(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<y>{_Y})(?![\d/])", _FLAGS
)
_P_NUM_RANGE = re.compile(
    rf"(?<![\d/.\-])(?P<d1>[0-3]?\d){_TO}(?P<d2>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>{_Y}))?(?![\d/])", _FLAGS
)  # "26-27/7", "dari 25 sampai 29/8"
_P_NUM_MY = re.compile(rf"(?<![\d/.\-])(?P<m>[01]?\d)/(?P<y>{_Y})(?![\d/])", _FLAGS)
_DAY_PART = "(?:" + "|".join(map(re.escape, DAY_PARTS)) + ")"
_P_NUM_DM = re.compile(
    rf"(?:\btanggal\s+|\b{_WEEKDAY}(?:\s+{_DAY_PART})?\s*\(\s*)(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\d/])", _FLAGS
)  # "tanggal 26/7", "Senin (3/6)", "Selasa sore (28/5)"
# a year named from the article's: "tahun ini", "tahun lalu", "50 tahun lalu" (fifty years ago)
_P_REL_YEAR = re.compile(
    rf"(?:(?<![\d.,])(?P<n>\d{{1,3}})\s+)?(?<!-)\btahun\s+(?P<w>{'|'.join(YEAR_FROM_ARTICLE)})\b", _FLAGS
)
# a month of a year named from the article's: "bulan Juni tahun lalu" (June of last year)
_P_MONTH_REL_YEAR = re.compile(
    rf"(?:\bbulan\s+)?(?P<m>{_W})\s+tahun\s+(?P<w>{'|'.join(YEAR_FROM_ARTICLE)})\b", _FLAGS
)
# a month of this year: "Oktober ini" (the year is the article's)
_P_MONTH_THIS = re.compile(rf"(?P<m>{_W})\s+(?:{'|'.join(THIS_WORDS)})\b", _FLAGS)
# two numeric dates as a range ("17/5/1814 – 17/5/2025": an anniversary span)
_P_NUM_CROSS = re.compile(
    rf"(?<![\d/.\-])(?P<d1>[0-3]?\d)(?P<sep>[/.\-])(?P<m1>[01]?\d)(?P=sep)(?P<y1>{_Y}){_TO}"
    rf"(?P<d2>[0-3]?\d)(?P=sep)(?P<m2>[01]?\d)(?P=sep)(?P<y2>{_Y})(?![\d/])",
    _FLAGS,
)
# a year alone in brackets ("dari 2,1 miliar USD (2012) menjadi 9 miliar USD (2023)")
_P_BRACKET_YEAR = re.compile(rf"\(\s*(?P<y>{_Y})\s*\)", _FLAGS)
# a span of years in brackets ("peringatan 5 tahun Kemitraan Komprehensif (2019-2024)", "(1973- 2023)")
_P_YEAR_SPAN = re.compile(rf"\(\s*(?P<y1>{_Y})\s*[-–—]\s*(?P<y2>{_Y})\s*\)", _FLAGS)
_P_CUE_YEAR = re.compile(
    rf"\b(?:{'|'.join(YEAR_CUES)})\s+(?:(?P<t1>{_YEAR_WORD})\s+)?"
    rf"(?P<y>{_Y})(?:(?P<join>{_AND_OR_TO})(?P<y2>{_Y}))?(?!\s*tahun)"
    rf"|\b(?P<t2>{_YEAR_WORD})\s+(?P<yb>{_Y})(?:(?P<joinb>{_AND_OR_TO})(?P<yb2>{_Y}))?(?!\s*tahun)",
    _FLAGS,
)
_P_PLACE_YEAR = re.compile(rf"\((?:[A-Z][\w.\-’' ]{{1,40}}),\s*(?P<y>{_Y})\)")


@lru_cache(maxsize=8192, typed=True)
def _ts(year: int | None, month: int, day: int = 1) -> pd.Timestamp | None:
    # cached on the date, not on any text; a Timestamp is immutable, so one object can be shared
    if year is None:
        return None
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return None


def _valid_day(d: str) -> bool:
    return 1 <= int(d) <= 31


def _valid_month(m: str) -> bool:
    return 1 <= int(m) <= 12


def _year(y: str | None, default_year: int | None) -> tuple[int | None, bool]:
    if y:
        return int(y), False
    return default_year, default_year is not None


# ---------------------------------------------------------------------------------------------
# what each pattern's match means. A candidate date ("hit") is a tuple
# (start, end, date, date_end, precision, year_inferred) with the offsets of the string the patterns
# ran on: one text (date_spans) or the joined texts (date_spans_many); _finish makes them relative.
_Hit = tuple


def _add(hits: list[_Hit], start: int, end: int, date: pd.Timestamp | None, date_end: pd.Timestamp | None,
         precision: str, inferred: bool, year_missing: bool = False) -> None:
    # an impossible date ("31 Februari 2024") is dropped; a date without a year and without
    # a default year is kept with NaT
    if date is not None or year_missing:
        hits.append((start, end, date, date_end, precision, inferred))


def _on_cross_range(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    if not (m1 and m2 and _valid_day(m["d1"]) and _valid_day(m["d2"])):
        return
    y2, inf = _year(m["y2"], default_year)
    y1 = int(m["y1"]) if m["y1"] else (None if y2 is None else (y2 - 1 if m1 > m2 else y2))
    if m["y1"] and not m["y2"]:
        y2, inf = y1, False
    _add(hits, m.start(), m.end(), _ts(y1, m1, int(m["d1"])), _ts(y2, m2, int(m["d2"])), "day", inf, y2 is None)


def _on_day_range(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if not (mo and _valid_day(m["d1"]) and _valid_day(m["d2"]) and int(m["d1"]) < int(m["d2"])):
        return
    y, inf = _year(m["y"], default_year)
    _add(hits, m.start(), m.end(), _ts(y, mo, int(m["d1"])), _ts(y, mo, int(m["d2"])), "day", inf, y is None)


def _on_day(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if not (mo and _valid_day(m["d"])):
        return
    y, inf = _year(m["y"], default_year)
    _add(hits, m.start(), m.end(), _ts(y, mo, int(m["d"])), None, "day", inf, y is None)


def _on_en_day(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if mo and _valid_day(m["d"]):
        _add(hits, m.start(), m.end(), _ts(int(m["y"]), mo, int(m["d"])), None, "day", False)


def _on_month_range(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    if m1 and m2 and m1 < m2:
        y = int(m["y"])
        _add(hits, m.start(), m.end(), _ts(y, m1), _ts(y, m2), "month", False)


def _on_month_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if mo:
        _add(hits, m.start(), m.end(), _ts(int(m["y"]), mo), None, "month", False)


def _on_month_only(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if mo:
        y, inf = _year(None, default_year)
        _add(hits, m.start(), m.end(), _ts(y, mo), None, "month", inf, y is None)


def _on_num_dmy(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if _valid_day(m["d"]) and _valid_month(m["m"]):
        _add(hits, m.start(), m.end(), _ts(int(m["y"]), int(m["m"]), int(m["d"])), None, "day", False)


def _on_num_range(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if _valid_day(m["d1"]) and _valid_day(m["d2"]) and _valid_month(m["m"]) and int(m["d1"]) < int(m["d2"]):
        y, inf = _year(m["y"], default_year)
        mo = int(m["m"])
        _add(hits, m.start(), m.end(), _ts(y, mo, int(m["d1"])), _ts(y, mo, int(m["d2"])), "day", inf, y is None)


def _on_num_my(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if _valid_month(m["m"]):
        _add(hits, m.start(), m.end(), _ts(int(m["y"]), int(m["m"])), None, "month", False)


def _on_num_dm(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if _valid_day(m["d"]) and _valid_month(m["m"]):
        y, inf = _year(None, default_year)
        _add(hits, m.start("d"), m.end(), _ts(y, int(m["m"]), int(m["d"])), None, "day", inf, y is None)


# a count before "tahun lalu" that the pattern does not read: "2000 tahun lalu", "sepuluh tahun lalu"
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:" + "|".join(NUMBER_WORDS) + r"|puluh|ratus|ribu|beberapa|banyak|se)\w*)\s+$", re.I)


def _on_rel_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if default_year is None:
        return  # a year named from an unknown date: no date the text states
    if not m["n"] and _COUNT_BEFORE.search(m.string, max(0, m.start() - 14), m.start()):
        return  # "2000 tahun lalu", "sepuluh tahun lalu": a count of years, not a year
    step = YEAR_FROM_ARTICLE[m["w"].lower()]
    n = int(m["n"]) if m["n"] else 1
    if m["n"] and step == 0:
        return  # "50 tahun ini": fifty years now, a count of years
    y = default_year + (step * n if step else 0)
    _add(hits, m.start(), m.end(), _ts(y, 1), None, "year", True)


def _on_month_rel_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if mo and default_year is not None:  # a year named from an unknown date: no date the text states
        _add(hits, m.start(), m.end(), _ts(default_year + YEAR_FROM_ARTICLE[m["w"].lower()], mo), None, "month", True)


def _on_month_this(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    mo = month_number(m["m"])
    if mo:
        y, inf = _year(None, default_year)
        _add(hits, m.start(), m.end("m"), _ts(y, mo), None, "month", inf, y is None)


def _on_num_cross(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if all(_valid_day(m[d]) for d in ("d1", "d2")) and all(_valid_month(m[k]) for k in ("m1", "m2")):
        first = _ts(int(m["y1"]), int(m["m1"]), int(m["d1"]))
        last = _ts(int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if first is not None and last is not None and first < last:
            _add(hits, m.start(), m.end(), first, last, "day", False)


def _on_bracket_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    _add(hits, m.start("y"), m.end("y"), _ts(int(m["y"]), 1), None, "year", False)


def _on_year_span(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y1 < y2:  # the span is the years themselves, without the brackets
        _add(hits, m.start("y1"), m.end("y2"), _ts(y1, 1), _ts(y2, 1), "year", False)


def _on_cue_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    if m["y"]:
        tword, y, join, y2 = m["t1"], m["y"], m["join"], m["y2"]
        start = m.start("t1") if tword else m.start("y")
        yend = m.end("y")
        y2start, y2end = m.start("y2"), m.end("y2")
    else:
        tword, y, join, y2 = m["t2"], m["yb"], m["joinb"], m["yb2"]
        start = m.start("t2")
        yend = m.end("yb")
        y2start, y2end = m.start("yb2"), m.end("yb2")
    if y2 and join and join.strip().lower() in PAIR_WORDS:
        # "tahun 2022 dan 2023": two years, two dates
        _add(hits, start, yend, _ts(int(y), 1), None, "year", False)
        _add(hits, y2start, y2end, _ts(int(y2), 1), None, "year", False)
    elif y2 and int(y2) > int(y):
        _add(hits, start, y2end, _ts(int(y), 1), _ts(int(y2), 1), "year", False)
    else:
        _add(hits, start, yend, _ts(int(y), 1), None, "year", False)


def _on_place_year(m: re.Match, default_year: int | None, hits: list[_Hit]) -> None:
    _add(hits, m.start("y"), m.end("y"), _ts(int(m["y"]), 1), None, "year", False)


# (pattern, what a match means, the quick test a text must pass for the pattern to run on it alone,
# whether the pattern starts with a digit). Every text's candidates are in this order, then in text
# order per pattern; the order matters for overlapping candidates of the same start and length.
_RULES: tuple[tuple[re.Pattern, Callable[[re.Match, int | None, list[_Hit]], None], str, bool], ...] = (
    (_P_CROSS_RANGE, _on_cross_range, "day_month", True),
    (_P_DAY_RANGE, _on_day_range, "day_month", True),
    (_P_DAY, _on_day, "day_month", True),
    (_P_EN_DAY, _on_en_day, "year_comma", False),
    (_P_MONTH_RANGE, _on_month_range, "year", False),
    (_P_MONTH_YEAR, _on_month_year, "year", False),
    (_P_MONTH_ONLY, _on_month_only, "bulan", False),
    (_P_NUM_DMY, _on_num_dmy, "year", True),
    (_P_NUM_RANGE, _on_num_range, "slash", True),
    (_P_NUM_MY, _on_num_my, "slash_year", True),
    (_P_NUM_DM, _on_num_dm, "tanggal", False),
    (_P_CUE_YEAR, _on_cue_year, "year", False),
    (_P_PLACE_YEAR, _on_place_year, "year", False),
    (_P_NUM_CROSS, _on_num_cross, "year", True),
    (_P_YEAR_SPAN, _on_year_span, "year", False),
    (_P_BRACKET_YEAR, _on_bracket_year, "year", False),
    (_P_MONTH_THIS, _on_month_this, "this", False),
    (_P_MONTH_REL_YEAR, _on_month_rel_year, "tahun", False),
    (_P_REL_YEAR, _on_rel_year, "tahun", False),
)


# Quick tests that tell which patterns can match at all in one text. Every pattern but _P_MONTH_ONLY
# holds a digit, and the digit-led ones cannot start before the first digit; a day with a month holds
# a digit, spaces and the first letter of a month (_DAY_MONTH_HINT); a year holds _YEAR_HINT; numeric
# ranges, month/year and "tanggal d/m" hold a "/", "June 20, 2024" a ",". A pattern that cannot
# match is not run.
_DIGIT = re.compile(r"\d")
_DAY_MONTH_HINT = re.compile(rf"\d\s+[{MONTH_FIRST_LETTERS}]", _FLAGS)  # what _D\s+_W starts with
_YEAR_HINT = re.compile(r"(?:1[89]|20)\d\d")  # the inside of _Y


def _collect(text: str, default_year: int | None) -> list[_Hit]:
    """Every date candidate of every pattern in one text, overlapping ones included (:func:`_finish` picks)."""
    hits: list[_Hit] = []
    digit = _DIGIT.search(text)
    first = digit.start() if digit is not None else len(text)
    year = digit is not None and _YEAR_HINT.search(text, first) is not None
    slash = digit is not None and "/" in text
    lower = text.lower()  # "bulan" and "tanggal" have no letter that IGNORECASE also reads in non-ASCII
    runs = {
        "day_month": digit is not None and _DAY_MONTH_HINT.search(text, first) is not None,
        "year_comma": year and "," in text,
        "year": year,
        "bulan": "bulan" in lower,
        "slash": slash,
        "slash_year": slash and year,
        "tanggal": slash,
        "this": any(word in lower for word in THIS_WORDS),
        "tahun": "tahun" in lower,
    }
    for pattern, on_match, gate, digit_led in _RULES:
        if runs[gate]:
            for m in pattern.finditer(text, first if digit_led else 0):
                on_match(m, default_year, hits)
    return hits


def _extend_back(text: str, h: _Hit, lo: int) -> _Hit:
    """Take a weekday before a day ("Kamis, "), or "bulan" before a month, into the span (not before ``lo``)."""
    start = h[0]
    before = text[max(lo, start - 12) : start]
    if h[4] == "day":
        # quick test first: the text before must end with a weekday's last four letters (then \s*,?\s*)
        tail = before.rstrip()
        if tail[-1:] == ",":
            tail = tail[:-1].rstrip()
        tail = tail[-4:]
        if tail.isascii() and tail.lower() not in _WEEKDAY_ENDS:
            return h
        m = _WD_BEFORE.search(before)
    else:
        if not before[-1:].isspace():  # bulan\s+$
            return h
        tail = before.rstrip()[-5:]
        if tail.isascii() and tail.lower() != "bulan":
            return h
        m = _BULAN_BEFORE.search(before)
    if m is None:
        return h
    return (start - (len(before) - m.start()),) + h[1:]


@dataclass(frozen=True)
class DateSpan:
    """One row of :func:`find_dates` as a plain object (``date``/``date_end`` None for NaT)."""

    start: int
    end: int
    surface: str
    date: pd.Timestamp | None
    date_end: pd.Timestamp | None
    precision: str
    year_inferred: bool


_FULL_STOP_AFTER_NAME = re.compile(r"[A-Za-z]{5,}\.$")
# the next year of a list after a year that is a date ("pada tahun 1993, 2003, dan 2012"): a comma, or a
# word of :data:`vocabulary.AND_WORDS`, then a bare year; the list counts only when its last year comes
# after such a word ("tahun 2023, 2000 unit" is no list)
_YEAR_LIST_NEXT = re.compile(rf"\s*(?:,\s*(?P<and1>{AND_WORDS.alternation}\s+)?|\s+(?P<and2>{AND_WORDS.alternation}\s+))"
                             rf"(?:(?:{_YEAR_WORD})\s+)?"
                             rf"(?P<y>{_Y})(?![\d.,]\d)", _FLAGS)


def _year_list(text: str, lo: int, first: DateSpan) -> list[DateSpan]:
    """The years that follow ``first`` (a year, offsets relative to ``lo``) as a list ("1993, 2003, dan
    2012"), each a date of its own; none unless the list ends with "dan"/"serta" before its last year."""
    found: list[DateSpan] = []
    pos = lo + first.end
    while (m := _YEAR_LIST_NEXT.match(text, pos)) is not None:
        found.append(DateSpan(m.start("y") - lo, m.end("y") - lo, m["y"], _ts(int(m["y"]), 1), None, "year", False))
        pos = m.end()
        if m["and1"] or m["and2"]:
            return found
    return []


def _finish(text: str, lo: int, hits: list[_Hit]) -> tuple[DateSpan, ...]:
    """The date spans of the text that starts at ``lo`` in ``text``, from its candidates ``hits``.

    Overlapping candidates: the one that starts first, then the longest, then the first found. The
    spans' offsets are relative to ``lo``.
    """
    hits = [h if h[4] == "year" else _extend_back(text, h, lo) for h in hits]
    if len(hits) > 1:
        hits.sort(key=_by_start_then_longest)
    out: list[DateSpan] = []
    last_end = -1
    for h in hits:
        start, end = h[0], h[1]
        if start < last_end:
            continue
        last_end = end
        surface = text[start:end]
        if surface[0].isspace() or surface[-1].isspace():
            lead = len(surface) - len(surface.lstrip())
            trail = len(surface) - len(surface.rstrip())
            start, end = start + lead, end - trail
        if text[end - 1] == "." and _FULL_STOP_AFTER_NAME.search(text[start:end]):
            end -= 1  # a full stop after a full month name ends the sentence, not an abbreviation
        out.append(DateSpan(start - lo, end - lo, text[start:end], h[2], h[3], h[4], h[5]))
    if any(d.precision == "year" and d.date_end is None and text[lo + d.end : lo + d.end + 1] == "," for d in out):
        out = _with_year_lists(text, lo, out)
    return tuple(out)


def _with_year_lists(text: str, lo: int, spans: list[DateSpan]) -> list[DateSpan]:
    """``spans`` with the years listed after a year date (:func:`_year_list`), in text order."""
    out: list[DateSpan] = []
    for i, d in enumerate(spans):
        out.append(d)
        if d.precision == "year" and d.date_end is None:
            nxt = lo + spans[i + 1].start if i + 1 < len(spans) else len(text)
            listed = _year_list(text, lo, d)
            out.extend(x for x in listed if lo + x.end <= nxt)
    return out


def _by_start_then_longest(h: _Hit) -> tuple[int, int]:
    return h[0], h[0] - h[1]


def date_spans(text: str, default_year: int | None = None) -> tuple[DateSpan, ...]:
    """The date spans of ``text`` as :class:`DateSpan` objects (what :func:`find_dates` tabulates).

    The fast path for code that looks at a few dates in one sentence: no DataFrame is built. For many
    sentences at once, :func:`vnpartners.facts.dates_batch.date_spans_many` gives the same spans much faster.
    """
    if not _DIGIT.search(text):
        lower = text.lower()
        if "bulan" not in lower and "tahun" not in lower and not any(word in lower for word in THIS_WORDS):
            return ()  # no digit, no "bulan", "tahun" or "ini": no pattern can match
    return _finish(text, 0, _collect(text, default_year))


def find_dates(text: str, default_year: int | None = None) -> pd.DataFrame:
    """Every date span in ``text``, one row each, in text order.

    ``default_year`` is the year given to dates written without one ("8 hingga 11 Mei", "Pada 10 Mei");
    usually the article's publication year. Without it such a span is still returned, with ``date``
    NaT, so a caller can see that a date was written but cannot be placed.

    Columns:

    - ``start``, ``end`` (int): offsets in ``text``; ``text[start:end] == surface``
    - ``surface`` (str): the date as written, with a weekday ("Kamis, 20 Juni 2024"), "bulan"
      ("bulan Juni 2024") or "tahun" ("tahun 2001") when they are part of it; never "pada"
    - ``date`` (datetime64): first day of the period (of the first day for a range)
    - ``date_end`` (datetime64 or NaT): first day of the last period of a range, NaT otherwise
    - ``precision`` (str): ``day``, ``month`` or ``year``
    - ``year_inferred`` (bool): True where the year is ``default_year``, not written

    Overlapping candidates are resolved by keeping the one that starts first, then the longest.

    >>> find_dates("pada 30 Januari 1950, Vietnam dan Uni Soviet")[["surface", "date", "precision"]].values.tolist()
    [['30 Januari 1950', Timestamp('1950-01-30 00:00:00'), 'day']]
    >>> r = find_dates("dari tanggal 8 hingga 11 Mei", default_year=2025).iloc[0]
    >>> r["surface"], r["date_end"].date().isoformat(), bool(r["year_inferred"])
    ('8 hingga 11 Mei', '2025-05-11', True)
    >>> len(find_dates("perayaan 75 tahun hubungan, Peringatan 80 Tahun, 3,63 miliar, ke-26, APEC 2024"))
    0
    """
    rows = [
        {"start": d.start, "end": d.end, "surface": d.surface, "date": d.date, "date_end": d.date_end,
         "precision": d.precision, "year_inferred": d.year_inferred}
        for d in date_spans(text, default_year)
    ]
    return _frame(rows)


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=DATE_COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["surface"] = df["surface"].astype(pd.StringDtype(na_value=float("nan")))
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    df["date_end"] = pd.to_datetime(df["date_end"]).astype("datetime64[ns]")
    df["precision"] = df["precision"].astype(pd.StringDtype(na_value=float("nan")))
    df["year_inferred"] = df["year_inferred"].astype(bool)
    return df.reset_index(drop=True)
