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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = ["DATE_COLUMNS", "MONTH_NUMBERS", "DateSpan", "date_spans", "date_spans_many", "find_dates", "month_number"]

#: columns of :func:`find_dates`' result
DATE_COLUMNS = ["start", "end", "surface", "date", "date_end", "precision", "year_inferred"]

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "januari january jan",
        "februari pebruari february feb peb",
        "maret march mar mrt",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august agu agt ags aug",
        "september sep sept",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num
#: Indonesian and English month names and short forms (lower case) -> month number, exact spellings only
MONTH_NUMBERS = _MONTHS
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
    r"(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\s*,?\s*$",
    re.IGNORECASE,
)
# the last four letters of each weekday of _WD_BEFORE, lower case (a quick test before it is run)
_WEEKDAY_ENDS = frozenset(
    name[-4:] for name in "senin selasa rabu kamis jum'at jumat sabtu minggu ahad monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)
_WD = ""
_D = r"(?<![\d.,/\-–])(?:[0-3]?\d)(?![\d.,]\d)"
_D2 = r"(?<![\d.,/])(?:[0-3]?\d)(?![\d.,]\d)"  # second day of a range, after "-"
_Y = r"(?<!\d)(?:1[89]\d\d|20\d\d)(?![\d.,]\d|\d)"
_W = r"\b[JFMASONDPjfmasondp][A-Za-z]{2,11}\.?"
_TO = r"\s*(?:-|–|—|\bhingga\b|\bsampai(?:\s+dengan)?\b|\bs\.?d\.?|\bs/d\b|\bto\b|\buntil\b)\s*"
_AND_OR_TO = r"\s*(?:-|–|—|\bhingga\b|\bsampai(?:\s+dengan)?\b|\bs\.?d\.?|\bs/d\b|\bdan\b|\bto\b|\band\b)\s*"
_FLAGS = re.IGNORECASE

_P_DAY_RANGE = re.compile(rf"{_WD}(?P<d1>{_D}){_AND_OR_TO}(?P<d2>{_D2})\s+(?P<m>{_W})(?:\s+(?P<y>{_Y}))?", _FLAGS)
_P_CROSS_RANGE = re.compile(
    rf"{_WD}(?P<d1>{_D})\s+(?P<m1>{_W})(?:\s+(?P<y1>{_Y}))?{_TO}{_WD}(?P<d2>{_D2})\s+(?P<m2>{_W})(?:\s+(?P<y2>{_Y}))?",
    _FLAGS,
)
_P_DAY = re.compile(rf"{_WD}(?P<d>{_D})\s+(?P<m>{_W})(?:\s+(?P<y>{_Y}))?", _FLAGS)
_P_EN_DAY = re.compile(rf"{_WD}(?P<m>{_W})\s+(?P<d>{_D})(?:st|nd|rd|th)?,\s*(?P<y>{_Y})", _FLAGS)
_P_MONTH_RANGE = re.compile(rf"(?P<m1>{_W}){_TO}(?P<m2>{_W})\s+(?P<y>{_Y})", _FLAGS)
_P_MONTH_YEAR = re.compile(rf"(?P<m>{_W})\s+(?P<y>{_Y})", _FLAGS)
_BULAN_BEFORE = re.compile(r"\bbulan\s+$", re.IGNORECASE)
_P_MONTH_ONLY = re.compile(rf"\bbulan\s+(?P<m>{_W})(?!\s+\d)", _FLAGS)
_P_NUM_DMY = re.compile(
    rf"(?<![\d/.\-])(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)(?P<y>{_Y})(?![\d/])", _FLAGS
)
_P_NUM_RANGE = re.compile(
    rf"(?<![\d/.\-])(?P<d1>[0-3]?\d)\s*[-–]\s*(?P<d2>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>{_Y}))?(?![\d/])", _FLAGS
)
_P_NUM_MY = re.compile(rf"(?<![\d/.\-])(?P<m>[01]?\d)/(?P<y>{_Y})(?![\d/])", _FLAGS)
_P_NUM_DM = re.compile(r"\btanggal\s+(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\d/])", _FLAGS)
_P_CUE_YEAR = re.compile(
    rf"\b(?:pada|sejak|semenjak|selama|periode|awal|akhir|pertengahan|in|since|during)\s+(?:(?P<t1>tahun|thn\.?)\s+)?"
    rf"(?P<y>{_Y})(?:(?P<join>{_AND_OR_TO})(?P<y2>{_Y}))?(?!\s*tahun)"
    rf"|\b(?P<t2>tahun|thn\.?)\s+(?P<yb>{_Y})(?:(?P<joinb>{_AND_OR_TO})(?P<yb2>{_Y}))?(?!\s*tahun)",
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
    if y2 and join and join.strip().lower() in ("dan", "and"):
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
)


# Quick tests that tell which patterns can match at all in one text. Every pattern but _P_MONTH_ONLY
# holds a digit, and the digit-led ones cannot start before the first digit; a day with a month holds
# a digit, spaces and the first letter of a month (_DAY_MONTH_HINT); a year holds _YEAR_HINT; numeric
# ranges, month/year and "tanggal d/m" hold a "/", "June 20, 2024" a ",". A pattern that cannot
# match is not run.
_DIGIT = re.compile(r"\d")
_DAY_MONTH_HINT = re.compile(r"\d\s+[JFMASONDPjfmasondp]", _FLAGS)  # what _D\s+_W starts with
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
        "tanggal": slash and "tanggal" in lower,
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
    return tuple(out)


def _by_start_then_longest(h: _Hit) -> tuple[int, int]:
    return h[0], h[0] - h[1]


def date_spans(text: str, default_year: int | None = None) -> tuple[DateSpan, ...]:
    """The date spans of ``text`` as :class:`DateSpan` objects (what :func:`find_dates` tabulates).

    The fast path for code that looks at a few dates in one sentence: no DataFrame is built. For many
    sentences at once, :func:`date_spans_many` gives the same spans much faster.
    """
    if not _DIGIT.search(text) and "bulan" not in text.lower():
        return ()  # no digit and no "bulan": no pattern can match
    return _finish(text, 0, _collect(text, default_year))


# ---------------------------------------------------------------------------------------------
# many texts at once
#
# The texts are joined into one string, each one between two _SEP characters. No pattern can match
# _SEP or see through it: it is not a digit, space, word character, letter (IGNORECASE included) or
# one of the punctuation marks the patterns name (. , / - – — ( ) ’ '), so a lookbehind, lookahead or
# \b next to it reads it as the pattern reads the start or end of a lone text, and no match spans two
# texts. Regular expressions scanning 10 MB run at some 30 ns a character each, so they are not run
# over the joined string: a vectorised pass over its characters finds the few places where a match
# of each pattern can start (a superset: the places where it does start), and the pattern is
# matched there only, in order, skipping places inside its previous match, exactly as finditer
# would. A text that holds _SEP itself, or a character the class map below cannot place, is run alone.
_SEP = "\x00"
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w")
_LOWER_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ODD = 0x81  # a character that IGNORECASE reads as more than one ASCII letter (none known)
_SPACE_BYTES = frozenset(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ")
_LETTER_BYTES = frozenset(_LOWER_LETTERS.encode())  # in the lowered class bytes
_DIGIT_BYTES = frozenset(b"0123456789")
_BULAN_BYTES = re.compile(b"bulan")
_MONTH_FIRST_BYTES = frozenset(b"jfmasondp")  # in the lowered class bytes
_CONNECTORS = frozenset((b"to", b"sd", b"s.d", b"sd.", b"s/d", b"s.d.", b"until", b"hingga", b"sampai"))  # of _TO
_CONNECTORS_BY_LAST: dict[int, tuple[bytes, ...]] = {}
for _c in (*_CONNECTORS, b"dengan"):
    _CONNECTORS_BY_LAST[_c[-1]] = (*_CONNECTORS_BY_LAST.get(_c[-1], ()), _c)
_SPACE_LUT = np.zeros(256, dtype=bool)
_SPACE_LUT[list(_SPACE_BYTES)] = True
_MONTH_FIRST_LUT = np.zeros(256, dtype=bool)
_MONTH_FIRST_LUT[list(b"JFMASONDPjfmasondp")] = True
_NUM_SEP_LUT = np.zeros(256, dtype=bool)
_NUM_SEP_LUT[list(b"/.-")] = True
_CUE_WORDS = frozenset(
    b"pada sejak semenjak selama periode awal akhir pertengahan in since during tahun thn thn.".split()
)
_TAHUN_WORDS = frozenset((b"tahun", b"thn", b"thn."))
_CUE_BEFORE_TAHUN = frozenset(b"pada sejak semenjak selama periode awal akhir pertengahan in since during".split())


@lru_cache(maxsize=4096)
def _class_byte(cp: int) -> int:
    """The byte that stands for the non-ASCII character ``cp`` in the class bytes of :func:`_class_bytes`.

    What the candidate search asks of a character is kept: a digit is "5", a space " ", a letter that
    IGNORECASE reads as an ASCII letter (İ ı ſ K) that letter, another word character "_", a dash "-",
    "’" "'", anything else 0x80 (no pattern matches it).
    """
    c = chr(cp)
    if _DIGIT.match(c):
        return ord("5")
    if _SPACE.match(c):
        return ord(" ")
    letters = [x for x in _LOWER_LETTERS if re.fullmatch(x, c, re.IGNORECASE)]
    if len(letters) == 1:
        return ord(letters[0])
    if letters:
        return _ODD
    if _WORD.match(c):
        return ord("_")
    if c in "–—":
        return ord("-")
    if c == "’":
        return ord("'")
    return 0x80


def _class_bytes(joined: str) -> np.ndarray:
    """One byte per character of ``joined``: ASCII as is, other characters by :func:`_class_byte`."""
    raw = joined.encode("utf-16-le", "surrogatepass")
    if len(raw) == 2 * len(joined):
        codes = np.frombuffer(raw, dtype=np.uint16)
    else:  # characters beyond the BMP
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    b = codes.astype(np.uint8)
    wide = np.flatnonzero(codes >= 128)
    if len(wide):
        values, inverse = np.unique(codes[wide], return_inverse=True)
        b[wide] = np.array([_class_byte(int(v)) for v in values], dtype=np.uint8)[inverse]
    return b


def _is_space(x: np.ndarray) -> np.ndarray:
    return _SPACE_LUT[x]


def _back_over(data: bytes, k: int, chars: frozenset[int]) -> int:
    """The start of the run of ``chars`` that ends at ``k``."""
    while data[k - 1] in chars:
        k -= 1
    return k


def _month_range_starts(data: bytes, low: bytes, c_end: int) -> list[int]:
    """Where _P_MONTH_RANGE can start when its connector (_TO) ends at ``c_end`` (before the spaces before m2)."""
    starts = []
    if data[c_end - 1] == 45:  # - – —
        starts.append(c_end - 1)
    for size in (2, 3, 4, 5, 6):
        if low[c_end - size : c_end] in _CONNECTORS:
            starts.append(c_end - size)
    if low[c_end - 6 : c_end] == b"dengan":
        k = _back_over(data, c_end - 6, _SPACE_BYTES)
        if low[k - 6 : k] == b"sampai":
            starts.append(k - 6)
    out = []
    for c in starts:
        m_end = _back_over(data, c, _SPACE_BYTES)
        if data[m_end - 1] == 46:
            m_end -= 1
        m = _back_over(low, m_end, _LETTER_BYTES)
        if 3 <= m_end - m <= 12:
            out.append(m)
    return out


def _candidates(joined: str, b: np.ndarray) -> list[list[int]]:
    """Per rule of _RULES, the sorted places in ``joined`` where its pattern can start a match."""
    data = b.tobytes()
    low = data.lower()
    n = len(data)
    # maximal runs of digits [rs, re); joined starts and ends with _SEP, so a run is never at either end
    is_digit = (b - np.uint8(48)) < 10
    edges = np.flatnonzero(is_digit[1:] != is_digit[:-1]) + 1
    rs, re_ = edges[0::2], edges[1::2]
    count = len(rs)
    length = re_ - rs
    after = b[re_]  # the character after a run
    after2 = b[np.minimum(re_ + 1, n - 1)]
    short = length <= 2  # a day or a month number: [0-3]?\d, [01]?\d with no digit either side

    def shift(a: np.ndarray, by: int) -> np.ndarray:  # a[i + by], False past the end
        return np.concatenate([a[by:], np.zeros(min(by, len(a)), dtype=bool)])

    # a day before a month: _D\s+_W, _W starting with a month's first letter after the spaces
    day_month = short & _is_space(after) & (_is_space(after2) | _MONTH_FIRST_LUT[after2])
    # the next run starts one character after this one ends ("8/5", "8.5.2025")
    glued = np.zeros(count, dtype=bool)
    if count > 1:
        glued[:-1] = rs[1:] == re_[:-1] + 1
    after_next = np.zeros(count, dtype=np.uint8)
    if count > 1:
        after_next[:-1] = after[1:]
    dash_or_space = _is_space(after) | (after == ord("-"))

    cross = rs[day_month & (shift(day_month, 1) | shift(day_month, 2))]
    day_range = rs[short & dash_or_space & shift(day_month, 1)]
    day = rs[day_month]
    num_dmy = rs[short & _NUM_SEP_LUT[after] & glued & shift(glued, 1)]
    num_range = rs[short & dash_or_space & shift(short, 1) & (after_next == ord("/"))]
    slash_num = short & (after == ord("/")) & glued
    num_my = rs[slash_num]

    num_dm: list[int] = []  # \btanggal\s+d/m: "tanggal" before the spaces before the day
    for s in rs[slash_num].tolist():
        k = _back_over(data, s, _SPACE_BYTES)
        if k < s and low[k - 7 : k] == b"tanggal":
            num_dm.append(k - 7)

    month_only = [m.start() for m in _BULAN_BYTES.finditer(low)]  # \bbulan

    # a year (_Y: a run of exactly four digits starting 18, 19 or 20) ends all of these
    first, second = b[rs], b[np.minimum(rs + 1, n - 1)]
    is_year = (length == 4) & (
        ((first == ord("1")) & ((second == ord("8")) | (second == ord("9")))) | ((first == ord("2")) & (second == ord("0")))
    )
    en_day: list[int] = []
    month_range: list[int] = []
    month_year: list[int] = []
    cue_year: list[int] = []
    place_year: list[int] = []
    letters, spaces, digits, month_first = _LETTER_BYTES, _SPACE_BYTES, _DIGIT_BYTES, _MONTH_FIRST_BYTES
    connectors = _CONNECTORS_BY_LAST
    for y, y_end in zip(rs[is_year].tolist(), re_[is_year].tolist()):
        k = y
        while data[k - 1] in spaces:
            k -= 1
        if data[k - 1] == 44:  # ",\s*" before the year
            if data[y_end] == 41:  # (Place, 2023)
                p = joined.rfind("(", max(0, k - 43), k - 1)
                if p >= 0:
                    place_year.append(p)
            # _W\s+_D(?:st|nd|rd|th)?,\s*_Y
            for e in (k - 1, k - 3):
                if e < k - 1 and low[e : k - 1] not in (b"st", b"nd", b"rd", b"th"):
                    continue
                d = _back_over(data, e, digits)
                if 1 <= e - d <= 2:
                    w_end = _back_over(data, d, spaces)
                    if w_end < d:
                        if data[w_end - 1] == 46:
                            w_end -= 1
                        w = _back_over(low, w_end, letters)
                        if 3 <= w_end - w <= 12:
                            en_day.append(w)
        if k == y:
            continue  # the others have \s+ before the year
        w_end = k - 1 if data[k - 1] == 46 else k  # "thn. 2001", "Jan. 2024"
        w = w_end
        while low[w - 1] in letters:
            w -= 1
        if 3 <= w_end - w <= 12 and low[w] in month_first:
            month_year.append(w)  # _W\s+_Y
            # _W _TO _W\s+_Y: the connector before the second month, then the first month
            c_end = w
            while data[c_end - 1] in spaces:
                c_end -= 1
            last = low[c_end - 1]
            if last == 45 or any(low.endswith(c, 0, c_end) for c in connectors.get(last, ())):
                month_range.extend(_month_range_starts(data, low, c_end))
        word = low[w:k]
        if word in _CUE_WORDS:
            cue_year.append(w)
            if word in _TAHUN_WORDS:  # "pada tahun 2001"
                k0 = _back_over(data, w, spaces)
                if k0 < w:
                    w0 = _back_over(low, k0, letters)
                    if low[w0:k0] in _CUE_BEFORE_TAHUN:
                        cue_year.append(w0)

    found = {
        _P_CROSS_RANGE: cross.tolist(),
        _P_DAY_RANGE: day_range.tolist(),
        _P_DAY: day.tolist(),
        _P_EN_DAY: sorted(set(en_day)),
        _P_MONTH_RANGE: sorted(set(month_range)),
        _P_MONTH_YEAR: month_year,
        _P_MONTH_ONLY: month_only,
        _P_NUM_DMY: num_dmy.tolist(),
        _P_NUM_RANGE: num_range.tolist(),
        _P_NUM_MY: num_my.tolist(),
        _P_NUM_DM: num_dm,
        _P_CUE_YEAR: sorted(set(cue_year)),
        _P_PLACE_YEAR: sorted(set(place_year)),
    }
    return [found[pattern] for pattern, *_ in _RULES]


def date_spans_many(texts: Sequence[str], default_years: Sequence[int | None]) -> list[tuple[DateSpan, ...]]:
    """:func:`date_spans` of many texts: ``[date_spans(t, y) for t, y in zip(texts, default_years)]``.

    The same spans, field for field and in the same order, several times faster for a corpus' worth
    of sentences: the texts are joined into one string (with a character no pattern reads, "\\x00")
    and each pattern is tried only where a cheap pass over that string finds that it could start.
    ``default_years[i]`` is the year of the dates of ``texts[i]`` written without one (usually its
    article's publication year), or None. The two sequences must have the same length.

    >>> [[d.surface for d in spans] for spans in date_spans_many(["pada 8", " Mei 2024", "10 Mei"], [2025, None, 2025])]
    [[], ['Mei 2024'], ['10 Mei']]
    """
    texts = list(texts)
    years = list(default_years)
    if len(texts) != len(years):
        raise ValueError(f"{len(texts)} texts but {len(years)} default years")
    if not texts:
        return []
    joined = _SEP.join(["", *texts, ""])
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts_np = np.empty(len(texts), dtype=np.int64)  # where each text starts in joined
    starts_np[0] = 1
    np.cumsum(lengths[:-1] + 1, out=starts_np[1:])
    starts_np[1:] += 1
    starts = starts_np.tolist()
    b = _class_bytes(joined)
    alone: set[int] = set()
    if np.count_nonzero(b == 0) != len(texts) + 1:  # a text holds _SEP (0 is no other character's class)
        alone.update(i for i, t in enumerate(texts) if _SEP in t)
    odd = np.flatnonzero(b == _ODD)
    if len(odd):
        alone.update((np.searchsorted(starts_np, odd, side="right") - 1).tolist())

    hits: dict[int, list[_Hit]] = {}
    for (pattern, on_match, _gate, _digit_led), places in zip(_RULES, _candidates(joined, b)):
        if not places:
            continue
        match = pattern.match
        owners = (np.searchsorted(starts_np, places, side="right") - 1).tolist()
        done = 0  # where the previous match ended: finditer does not look for a match inside it
        for s, i in zip(places, owners):
            if s < done:
                continue
            m = match(joined, s)
            if m is None:
                continue
            done = m.end()
            found = hits.get(i)
            if found is None:
                found = hits[i] = []
            on_match(m, years[i], found)

    out: list[tuple[DateSpan, ...]] = [()] * len(texts)
    for i, found in hits.items():
        out[i] = _finish(joined, starts[i], found)
    for i in alone:
        out[i] = date_spans(texts[i], years[i])
    return out


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
