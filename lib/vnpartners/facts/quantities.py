"""Numbers with their unit words in a text, before any decision on what they measure.

A quantity is a number (Indonesian format, :mod:`.numbers`) with what follows or precedes it: a
currency ("US$7,7 miliar", "3,63 miliar USD", "46,2 miliar dolar AS", "Rp272 triliun"), a
percentage ("81%", "40 persen"), a multiple ("4 kali lipat"), a counted noun ("202 proyek",
"1.500 delegasi") or a weight ("6 juta ton"). A range ("12-15%", "12 hingga 15 miliar USD") is two
quantities, its bounds (:func:`range_bounds`). A bare number is a quantity too, with no unit. The words are those of
:mod:`.vocabulary` (currencies, counted nouns).

:func:`find_quantities` is the rule, one text at a time; :func:`find_quantities_many` gives the same
quantities for many texts in one scan (the loader's fast path), and a test compares the two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, repeat
from typing import NamedTuple

from .dates import RANGE_JOIN, DateSpan
from .numbers import ENGLISH_DECIMAL_PATTERN, MULTIPLIER_PATTERN, NUMBER_PATTERN, read_amount
from .vocabulary import (
    COUNT_NOUNS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    DOCUMENT_NOUNS,
    FOLD,
    NOT_FIGURE_NOUNS,
    OTHER_DOLLARS,
    PERCENT,
    PERSON_NOUNS,
    PROJECT_NOUNS,
    TONNE_NOUNS,
)
from .words import fold_case

__all__ = ["Quantity", "find_quantities", "find_quantities_many", "quantity_matches", "range_bounds"]

#: units that are amounts of money
MONEY_UNITS = frozenset({*CURRENCY_BEFORE.values(), *CURRENCY_AFTER.values(), *OTHER_DOLLARS.values()})

# a number does not start right after a word character or one of these ("ke-26", "1088/2", "3,63")
_NOT_AFTER = "/.,-–:"


def _literal_alternation(forms: Sequence[str]) -> str:
    """``(?:form|...)``, longest first, each form's words joined by white space (no word boundaries)."""
    ordered = sorted(forms, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in ordered) + ")"


def _first_letters(forms: Sequence[str]) -> str:
    return "[" + "".join(sorted({re.escape(f[0].lower()) for f in forms})) + "]"


def _after_currency() -> str:
    # a currency after the number ends at a word boundary when it ends with a letter ("USD", "dolar AS")
    ordered = sorted(CURRENCY_AFTER, key=len, reverse=True)
    forms = [r"\s+".join(map(re.escape, f.split())) + (r"\b" if f[-1].isalnum() else "") for f in ordered]
    return "(?:" + "|".join(forms) + ")"


# a number with its unit words (the look-behind that says where a number may start aside)
_QTY_BODY = (
    rf"(?:(?={_first_letters(list(CURRENCY_BEFORE))})(?P<cur_pre>{_literal_alternation(list(CURRENCY_BEFORE))})\s?)?"
    rf"(?P<num>{ENGLISH_DECIMAL_PATTERN}(?=\s?(?:{MULTIPLIER_PATTERN}|%))|(?:{NUMBER_PATTERN})(?![.,]?\d))(?![\w/])(?!:\d)"
    rf"(?:\s?(?=[rjmtb])(?P<mult>{MULTIPLIER_PATTERN}))?"
    rf"(?:\s?(?={_first_letters(list(CURRENCY_AFTER))})(?P<cur_post>{_after_currency()}))?"
    rf"(?:\s?(?P<pct>{PERCENT.pattern()})|\s(?P<fold>{FOLD.pattern()}))?"
    rf"(?:\s+(?P<noun>[A-Za-z]+))?"
)
_QTY = re.compile(rf"(?<![\w{re.escape(_NOT_AFTER)}])" + _QTY_BODY, re.IGNORECASE)
# the second number of a range, right after the first: "12-15%", "12 hingga 15 miliar USD"
_RANGE_TAIL = re.compile(rf"{RANGE_JOIN}(?=\d){_QTY_BODY}", re.IGNORECASE)
_CURRENCY_CODE = {" ".join(k.lower().split()): v for k, v in (*CURRENCY_BEFORE.items(), *CURRENCY_AFTER.items())}


class Quantity(NamedTuple):
    """A number with its unit words, as found in a text (``text[start:end] == surface``).

    ``num_start``: where the number itself starts; ``value``: fully scaled; ``unit``: a currency
    code, ``percent``, ``persons``, ``projects``, ``documents``, ``tonnes``, ``count``, or None for a bare
    number; ``noun``: the lower-case word after the number (kept where it gives the unit, or where
    it makes the number no figure, as "75 tahun"). A named tuple: a load builds tens of thousands.
    """

    start: int
    end: int
    num_start: int
    surface: str
    value: float
    unit: str | None
    noun: str | None


_new_tuple = tuple.__new__


def _quantity(m: re.Match[str], base: int = 0) -> Quantity | None:
    """The quantity of one ``_QTY`` match, offsets less ``base``; None when its number does not parse."""
    cur_pre, num, mult, cur_post, pct, fold, noun = m.group("cur_pre", "num", "mult", "cur_post", "pct", "fold", "noun")
    try:
        value = read_amount(num, mult, percent=bool(pct))
    except ValueError:
        return None
    # the quantity ends with its last unit word (a counted noun is added below)
    last = "fold" if fold else "pct" if pct else "cur_post" if cur_post else "mult" if mult else "num"
    end = m.end(last)
    if noun:
        noun = noun.lower()
    unit: str | None = None
    cur = cur_pre or cur_post
    if cur:
        key = " ".join(fold_case(cur).split())  # "İDR" is read as IDR under IGNORECASE
        code = _CURRENCY_CODE[key]
        if key in ("dolar", "dollar") and noun in OTHER_DOLLARS:
            unit, end = OTHER_DOLLARS[noun], m.end("noun")  # "24,1 miliar dolar Australia"
        else:
            unit = code
    elif pct:
        unit = "percent"
    elif fold:
        unit = "count"
    elif noun is not None:
        if noun in PERSON_NOUNS:
            unit = "persons"
        elif noun in PROJECT_NOUNS:
            unit = "projects"
        elif noun in DOCUMENT_NOUNS:
            unit = "documents"
        elif noun in TONNE_NOUNS:
            unit = "tonnes"
        elif noun in COUNT_NOUNS:
            unit = "count"
        if unit is not None:
            end = m.end("noun")  # "202 proyek"
    if unit is None and noun not in NOT_FIGURE_NOUNS:
        noun = None
    start = m.start()
    return _new_tuple(Quantity, (start - base, end - base, m.start("num") - base, m.string[start:end], value, unit, noun))


def find_quantities(text: str) -> list[Quantity]:
    """Numbers with their unit words in ``text``, in order (the rule, one text at a time).

    >>> [(q.surface, q.value, q.unit) for q in find_quantities("mencapai 3,63 miliar USD, naik 81%, dan 202 proyek")]
    [('3,63 miliar USD', 3630000000.0, 'USD'), ('81%', 81.0, 'percent'), ('202 proyek', 202.0, 'projects')]
    """
    return [q for q in map(_quantity, _QTY.finditer(text)) if q is not None]


def find_quantities_many(texts: Sequence[str]) -> list[list[Quantity]]:
    """:func:`find_quantities` of each text (offsets relative to each text), in one scan.

    >>> [[q.surface for q in qs] for qs in find_quantities_many(["naik 81%", "tanpa angka", "3,5", " miliar USD"])]
    [['81%'], [], ['3,5'], []]
    """
    found: list[list[Quantity]] = [[] for _ in texts]
    for i, (base, matches) in quantity_matches(texts).items():
        found[i] = [q for q in map(_quantity, matches, repeat(base)) if q is not None]
    return found


# ---------------------------------------------------------------------------------------------
# the fast path: many texts in one scan
#
# The ASCII texts are joined with _SEP, which no part of _QTY matches (not \w, \s, "/", ".", ",", "-",
# ":" or a digit): next to it _QTY matches as at the end or the start of a text, and no match spans
# two texts. finditer tries every position in turn; a match starts at a run of digits (the number) or,
# with a currency before the number, a few characters before one. So only those positions are tried,
# in the same order, skipping the ones the pattern's first test refuses anyway: the same matches.
# The sets below are derived from the pattern's own words and look-behind.
_SEP = "\x00"
_DIGIT_FLAGS = bytes(1 if 0x30 <= b <= 0x39 else 0 for b in range(256))  # runs of digits in translate()
_CURRENCY_FIRST = frozenset(c for f in CURRENCY_BEFORE for c in (f[0].lower(), f[0].upper()))
_CURRENCY_LAST = frozenset(c for f in CURRENCY_BEFORE for c in (f[-1].lower(), f[-1].upper()))
_CURRENCY_REACH = max(map(len, CURRENCY_BEFORE)) + 1  # the longest currency and the optional space after it
_SPACE = frozenset(chr(c) for c in range(128) if re.fullmatch(r"\s", chr(c)))
_NO_START_AFTER = frozenset(chr(c) for c in range(128) if re.fullmatch(rf"[\w{re.escape(_NOT_AFTER)}]", chr(c)))


def _merged(spans: Sequence[DateSpan]) -> list[tuple[int, int]]:
    """The text covered by ``spans``, as ordered runs that do not touch: a position lies in a span
    exactly when it lies in one of these (found with one pointer moving forward, not a scan of
    every span for every number: that was quadratic in a sentence of many dates)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((d.start, d.end) for d in spans if d.end > d.start):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _scan_ascii(big: str, starts: list[int], dates: Callable[[int], Sequence[DateSpan]] | None = None,
                ) -> list[tuple[int, list[re.Match[str]]]]:
    """``(k, matches)`` for each text of ``big`` with matches: ``_QTY.finditer`` on the whole of
    ``big``, by text. ``big`` is ASCII texts joined with ``_SEP``, each after one, text ``k`` starting
    at ``starts[k]`` (``starts[-1]``: past the end).

    With ``dates`` (text ``k`` -> its date spans), a number that starts in a date, whose quantity is
    no figure, is left out, and not even matched where that changes nothing after it: where the next
    run of digits does not continue its number (no "." or "," right before it, as in "1.500") and has
    no currency ending right before it, that run is tried alike whatever this one matched.
    """
    out: list[tuple[int, list[re.Match[str]]]] = []
    flags = big.encode("ascii").translate(_DIGIT_FLAGS)
    find, match = flags.find, _QTY.match
    first, last, space, refuse, reach = _CURRENCY_FIRST, _CURRENCY_LAST, _SPACE, _NO_START_AFTER, _CURRENCY_REACH
    following = 0  # where the text of the current run ends
    base = 0  # where it starts
    k = -1
    spans: list[tuple[int, int]] = []  # the current text's date spans, merged, in order
    j = 0  # spans before j end before the current run (runs come in text order)
    matches: list[re.Match[str]] | None = None
    pos = 0  # no match starts before pos: the end of the last match, or past the last position tried
    run = find(1)
    while run >= 0:
        end = find(0, run)  # past this run of digits
        after = find(1, end) if end >= 0 else -1  # the next run
        if run >= pos:
            if run >= following:  # the first run of a text
                k = bisect_right(starts, run) - 1
                base, following = starts[k], starts[k + 1]
                matches = None
                if dates is not None:
                    spans, j = _merged(dates(k)), 0
            skip = False
            if spans:
                at = run - base
                while j < len(spans) and spans[j][1] <= at:
                    j += 1
                if j < len(spans) and spans[j][0] <= at:  # the run starts in a date
                    if after < 0:
                        skip = True
                    else:
                        b = big[after - 1]
                        if b != "." and b != ",":
                            skip = (big[after - 2] if b in space else b) not in last
            if not skip:
                m = None
                before = big[run - 1]
                c = big[run - 2] if before in space else before
                if c in last:  # a currency may end right before the number
                    for s in range(run - reach if run - reach > pos else pos, run):
                        if big[s] in first:
                            m = match(big, s)
                            if m is not None:
                                break
                if m is None and before not in refuse:
                    m = match(big, run)
                if m is not None:
                    pos = m.end()
                    if matches is None:
                        matches = []
                        out.append((k, matches))
                    matches.append(m)
                else:
                    pos = run + 1
        run = after
    return out


def quantity_matches(texts: Sequence[str], dates: Callable[[int], Sequence[DateSpan]] | None = None,
                     ) -> dict[int, tuple[int, list[re.Match[str]]]]:
    """``{i: (base, matches)}``: the ``_QTY`` matches of ``texts[i]`` (those that have some), as
    ``_QTY.finditer(texts[i])`` gives them, in a string where ``texts[i]`` starts at offset ``base``.

    The ASCII texts are scanned at once (:func:`_scan_ascii`); the others (other digits, letters that
    ``re.IGNORECASE`` reads as ASCII) one by one with ``finditer``. With ``dates`` (text ``i`` -> its
    date spans), some matches of numbers in dates may be left out (see :func:`_scan_ascii`).
    """
    found: dict[int, tuple[int, list[re.Match[str]]]] = {}
    fast: list[int] = []
    for i, text in enumerate(texts):
        if text.isascii():
            fast.append(i)
        else:
            matches = list(_QTY.finditer(text))
            if matches:
                found[i] = (0, matches)
    if not fast:
        return found
    fast_texts = [texts[i] for i in fast]
    # every text after a separator: starts[k] is where fast text k begins, starts[-1] past the end
    big = _SEP + _SEP.join(fast_texts)
    starts = list(accumulate([len(text) + 1 for text in fast_texts], initial=1))
    for k, matches in _scan_ascii(big, starts, None if dates is None else lambda k: dates(fast[k])):
        found[fast[k]] = (starts[k], matches)
    return found


def range_bounds(text: str, q: Quantity) -> tuple[Quantity, Quantity] | None:
    """A range's two bounds, where the bare number ``q`` starts one ("12-15%", "12 hingga 15 miliar USD",
    "20-25 juta euro"): the first takes the second's multiplier and unit. Both bounds' surface is the
    whole range; None where no number with a unit follows ``q`` after a dash or a range word.

    >>> t = "tumbuh pada kisaran 12-15% per tahun"
    >>> [(b.surface, b.value, b.unit) for b in range_bounds(t, find_quantities(t)[0])]
    [('12-15%', 12.0, 'percent'), ('12-15%', 15.0, 'percent')]
    """
    if q.unit is not None:
        return None
    m = _RANGE_TAIL.match(text, q.end)
    high = None if m is None else _quantity(m)
    if high is None or high.unit is None:
        return None
    try:
        value = read_amount(text[q.num_start : q.end].strip(), m.group("mult"), percent=bool(m.group("pct")))
    except ValueError:
        return None
    surface = text[q.start : high.end]
    return (Quantity(q.start, high.end, q.num_start, surface, value, high.unit, high.noun),
            Quantity(q.start, high.end, high.num_start, surface, high.value, high.unit, high.noun))


def quantity_of(m: re.Match[str], base: int = 0) -> Quantity | None:
    """The :class:`Quantity` of one match of :func:`quantity_matches` (None when its number does not parse)."""
    return _quantity(m, base)
