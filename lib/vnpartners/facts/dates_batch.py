"""Dates of many texts at once: :func:`date_spans_many`, the loader's fast path for :mod:`.dates`.

``date_spans_many(texts, years)`` gives exactly ``[date_spans(t, y) for t, y in zip(texts, years)]``
(a test compares the two, on generated and adversarial text), several times faster for a corpus'
worth of sentences. It runs the rule's own patterns (:data:`vnpartners.facts.dates._RULES`) and
their meanings; only *where* each pattern is tried is decided here, by a vectorised pass over the
joined texts. Everything that pass knows of the words (month initials, connecting words, year cues)
comes from :mod:`.vocabulary`, as the patterns' own words do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .dates import (
    _DIGIT,
    _P_BRACKET_YEAR,
    _P_CROSS_RANGE,
    _P_CUE_YEAR,
    _P_DAY,
    _P_DAY_RANGE,
    _P_EN_DAY,
    _P_MONTH_ONLY,
    _P_MONTH_RANGE,
    _P_MONTH_REL_YEAR,
    _P_MONTH_THIS,
    _P_MONTH_YEAR,
    _P_NUM_CROSS,
    _P_NUM_DM,
    _P_NUM_DMY,
    _P_NUM_MY,
    _P_NUM_RANGE,
    _P_PLACE_YEAR,
    _P_REL_YEAR,
    _P_YEAR_SPAN,
    _RULES,
    MONTH_FIRST_LETTERS,
    DateSpan,
    _finish,
    _Hit,
    date_spans,
)
from .vocabulary import DAY_PARTS, RANGE_WORDS, THIS_WORDS, WEEKDAYS, YEAR_CUES, YEAR_FROM_ARTICLE, YEAR_WORDS

__all__ = ["date_spans_many"]

# The method
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
_MONTH_FIRST_BYTES = frozenset(MONTH_FIRST_LETTERS.lower().encode())  # in the lowered class bytes
# the connecting words of _TO: one-word forms, and the two words of a two-word form ("sampai dengan")
_CONNECTORS = frozenset(w.encode() for w in RANGE_WORDS if " " not in w)
_TWO_WORD_CONNECTORS = tuple(tuple(w.encode() for w in form.split()) for form in RANGE_WORDS if " " in form)
assert all(len(pair) == 2 for pair in _TWO_WORD_CONNECTORS), "the batch scan reads two-word connectors only"
_CONNECTOR_SIZES = sorted({len(c) for c in _CONNECTORS})
_CONNECTORS_BY_LAST: dict[int, tuple[bytes, ...]] = {}
for _c in (*_CONNECTORS, *(pair[1] for pair in _TWO_WORD_CONNECTORS)):
    _CONNECTORS_BY_LAST[_c[-1]] = (*_CONNECTORS_BY_LAST.get(_c[-1], ()), _c)
_SPACE_LUT = np.zeros(256, dtype=bool)
_SPACE_LUT[list(_SPACE_BYTES)] = True
_MONTH_FIRST_LUT = np.zeros(256, dtype=bool)
_MONTH_FIRST_LUT[list(MONTH_FIRST_LETTERS.encode())] = True
_NUM_SEP_LUT = np.zeros(256, dtype=bool)
_NUM_SEP_LUT[list(b"/.-")] = True
_WEEKDAY_BYTES = frozenset(day.lower().encode() for day in WEEKDAYS)
_DAY_PART_BYTES = frozenset(part.encode() for part in DAY_PARTS)
_THIS_BYTES = re.compile(rb"(?:" + b"|".join(re.escape(w.encode()) for w in THIS_WORDS) + rb")\b")
_MONTH_BEFORE_BYTES = re.compile(rb"\b[" + MONTH_FIRST_LETTERS.lower().encode() + rb"][a-z]{2,11}\.?\s+$")
_CUE_WORDS = frozenset(w.encode() for w in (*YEAR_CUES, *YEAR_WORDS))
_TAHUN_WORDS = frozenset(w.encode() for w in YEAR_WORDS)
_CUE_BEFORE_TAHUN = frozenset(w.encode() for w in YEAR_CUES)


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
    for size in _CONNECTOR_SIZES:
        if low[c_end - size : c_end] in _CONNECTORS:
            starts.append(c_end - size)
    for first, second in _TWO_WORD_CONNECTORS:  # "sampai dengan"
        if low[c_end - len(second) : c_end] == second:
            k = _back_over(data, c_end - len(second), _SPACE_BYTES)
            if low[k - len(first) : k] == first:
                starts.append(k - len(first))
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

    num_dm: list[int] = []  # "tanggal d/m": "tanggal" before the spaces before the day; "Senin (d/m)"
    for s in rs[slash_num].tolist():
        k = _back_over(data, s, _SPACE_BYTES)
        if k < s and low[k - 7 : k] == b"tanggal":
            num_dm.append(k - 7)
        elif data[k - 1] == 40:  # "(": a weekday before it, perhaps with a part of the day ("Selasa sore (28/5)")
            w_end = _back_over(data, k - 1, _SPACE_BYTES)
            part = _word_ending(low, w_end, _DAY_PART_BYTES)
            if part is not None:
                w_end = _back_over(data, part, _SPACE_BYTES)
            weekday = _word_ending(low, w_end, _WEEKDAY_BYTES)
            if weekday is not None:
                num_dm.append(weekday)

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
    year_span: list[int] = []
    letters, spaces, digits = _LETTER_BYTES, _SPACE_BYTES, _DIGIT_BYTES
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
        if data[k - 1] == 40:  # "(" before the year: a span of years "(2019-2024)"
            year_span.append(k - 1)
        if k == y:
            continue  # the others have \s+ before the year
        w_end = k - 1 if data[k - 1] == 46 else k  # "thn. 2001", "Jan. 2024"
        w = _back_over(low, w_end, letters)
        word = low[w:k]
        _month_before(data, low, w, w_end, month_year, month_range)
        if word in _CUE_WORDS:
            cue_year.append(w)
            if word in _TAHUN_WORDS:  # "pada tahun 2001", "Maret tahun 2011"
                k0 = _back_over(data, w, spaces)
                if k0 < w:
                    w0_end = k0 - 1 if data[k0 - 1] == 46 else k0
                    w0 = _back_over(low, w0_end, letters)
                    if low[w0:k0] in _CUE_BEFORE_TAHUN:
                        cue_year.append(w0)
                    _month_before(data, low, w0, w0_end, month_year, month_range)

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
        _P_NUM_CROSS: num_dmy.tolist(),  # a numeric range starts with a numeric date
        _P_YEAR_SPAN: sorted(set(year_span)),
        _P_BRACKET_YEAR: sorted(set(year_span)),  # "(" before a year, as for a span
        _P_MONTH_THIS: _month_this(data, low),
        _P_MONTH_REL_YEAR: _month_rel_year(data, low),
        _P_REL_YEAR: _rel_year(data, low),
    }
    # a rule this scan does not know yet is run over the whole joined string: slower, never wrong
    return [found[pattern] if pattern in found else [m.start() for m in pattern.finditer(joined)]
            for pattern, *_ in _RULES]


_REL_YEAR_BYTES = re.compile(rb"tahun\s+(?:" + b"|".join(w.encode() for w in YEAR_FROM_ARTICLE) + rb")\b")


def _word_ending(low: bytes, end: int, words: frozenset[bytes]) -> int | None:
    """Where one of ``words`` ends at ``end`` as a whole word (no word character before it), or None."""
    for word in words:
        start = end - len(word)
        if start >= 0 and low[start:end] == word and (start == 0 or not _WORD_BYTE[low[start - 1]]):
            return start
    return None


_WORD_BYTE = [bool(re.match(rb"\w", bytes([b]))) for b in range(256)]


def _rel_year(data: bytes, low: bytes) -> list[int]:
    """Where _P_REL_YEAR can start: at "tahun ini/lalu/depan", or at the number before it."""
    out = []
    for m in _REL_YEAR_BYTES.finditer(low):
        k = m.start()
        out.append(k)
        s = _back_over(data, k, _SPACE_BYTES)
        d = _back_over(data, s, _DIGIT_BYTES)
        if s < k and d < s:
            out.append(d)
    return sorted(set(out))


def _month_rel_year(data: bytes, low: bytes) -> list[int]:
    """Where _P_MONTH_REL_YEAR can start: the month word before the spaces before "tahun lalu/ini/depan"
    (each found by _REL_YEAR_BYTES, the fast search), and "bulan" before that word."""
    out = []
    for m in _REL_YEAR_BYTES.finditer(low):
        k = m.start()
        if k and data[k - 1] in _SPACE_BYTES:
            before = _MONTH_BEFORE_BYTES.search(low, max(0, k - 64), k)
            if before is not None:
                w = before.start()
                out.append(w)
                s = _back_over(data, w, _SPACE_BYTES)
                if s < w and low[max(0, s - 5) : s] == b"bulan":
                    out.append(s - 5)
    return sorted(set(out))


def _month_this(data: bytes, low: bytes) -> list[int]:
    """Where _P_MONTH_THIS can start: a word of a month's first letter before the spaces before "ini"
    (each "ini" found by its letters, the fast search, then the word before it checked)."""
    out = []
    for m in _THIS_BYTES.finditer(low):
        k = m.start()
        if data[k - 1] in _SPACE_BYTES:
            before = _MONTH_BEFORE_BYTES.search(low, max(0, k - 64), k)
            if before is not None:
                out.append(before.start())
    return out


def _month_before(data: bytes, low: bytes, w: int, w_end: int, month_year: list[int], month_range: list[int]) -> None:
    """Candidates for a month name ending at ``w_end`` (a word starting at ``w``) before a year:
    the month before the year, and a range of months ending with it (through the connector before it)."""
    if 3 <= w_end - w <= 12 and low[w] in _MONTH_FIRST_BYTES:
        month_year.append(w)
        c_end = _back_over(data, w, _SPACE_BYTES)
        last = low[c_end - 1]
        if last == 45 or any(low.endswith(c, 0, c_end) for c in _CONNECTORS_BY_LAST.get(last, ())):
            month_range.extend(_month_range_starts(data, low, c_end))


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


