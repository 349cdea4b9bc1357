"""Figures: one row per number in a fact sentence that states a fact, with what it measures.

**Which numbers.** A number (Indonesian format, :func:`vnpartners.numbers.parse_number`) counts when
it carries a unit: a currency ("3,63 miliar USD", "US$7,7 miliar", "USD 1,6 miliar",
"46,2 miliar dolar AS", "Rp272 triliun"), a percentage ("81%", "40 persen"), a multiple
("4 kali lipat"), or a counted noun ("202 proyek", "1.500 delegasi", "14 dokumen"); or, bare, when
it follows a value verb ("mencapai", "menjadi", "sebesar", "sekitar" ...) and the clause says what it
measures ("jumlah wisatawan ... mencapai lebih dari 117,8 ribu", "... menjadi 37"). Numbers in
words ("dua", "tiga") are not read.

Not figures: years and other dates (spans of :func:`vnpartners.dates.find_dates`, and any bare
1800-2100), ordinals ("ke-26", "peringkat ke-4" and the "dari 149 negara" after a rank,
"21 dari 63 lokasi"), durations ("75 tahun", "8 hari", "3 bulan"), clock times, numbers in codes
("1088/2-1089", "Su-35"), numbers after "nomor/pasal/tahap ...", and a number that opens a quoted
slogan ('"16 kata"', '"6 lagi"', '"5 koneksi"': names of slogans, not counts). English decimals
("3.63 miliar") are refused by the strict Indonesian parser and left out.

**Unit**: ``USD``; ``AUD``, ``SGD``, ``CAD``, ``TWD``, ``BND`` for "dolar Australia" and other dollars
(never read as US dollars); ``IDR`` for rupiah (an extension of the spec's list: a rupiah amount is kept in
rupiah, never converted); ``percent``; ``persons`` (orang, delegasi, wisatawan, mahasiswa ...);
``projects``; ``documents`` (dokumen, perjanjian, nota kesepahaman, MoU); ``count`` (anything else
counted, and multiples: "4 kali lipat" is value 4.0, unit ``count``).

**Metric**, from the words of the number's clause (the sentence when the clause says nothing, as in
"...; pada tahun 2024, akan mencapai 4,58 miliar USD"): money is ``investment_registered_capital``
(modal, investasi), ``exports``/``imports`` (ekspor/impor alone), ``trade_turnover`` (omzet,
perdagangan, impor-ekspor) or ``trade_target`` (with target/sasaran), whichever word is nearest
before the number; percentages and multiples are ``tourist_arrivals_growth`` or ``trade_growth``;
projects with investment words are ``investment_projects``; signed documents ``agreements_signed``;
a count of partners with a partnership level ``strategic_partner_count``; students ``students``;
scholarships per year ``scholarships_per_year``; tourists ``tourist_arrivals``; a community or
diaspora ``community_size``; anything else with a unit ``other``.

**Partner**: the non-Vietnam country named in the clause (else the sentence, else the article's
main partner); NA where the clause names a list of several ("dengan Kazakhstan, Azerbaijan,
Federasi Rusia, dan Belarus") and always for ``strategic_partner_count`` (Vietnam's own total).

**Direction** (``inbound``: from the partner into Vietnam; ``outbound``: from Vietnam to the partner):
trade is ``bilateral``; exports ``outbound`` and imports ``inbound`` unless the exporter named first
says otherwise; investment, students and communities by the place named ("di Vietnam" -> inbound,
"di Rusia" -> outbound, "untuk Vietnam" -> outbound for scholarships); tourists by their nationality
("wisatawan Rusia ke Vietnam" -> inbound); signed agreements and "kedua negara/bilateral" figures
``bilateral``; else NA.

**Period**: the date nearest before the number in its clause (else after it, else earlier in the
sentence; comparison baselines "dibandingkan periode yang sama tahun 2023" aside): ``YYYY``;
``YYYY-Qn`` ("dalam 3 bulan pertama tahun 2025", "kuartal pertama"); ``YYYY-01/YYYY-MM`` for the
first N months ("10 bulan pertama") and for a flow (trade, exports, imports, tourists) stated at a
month ("Pada Oktober 2024 ... mencapai" is January to October, the way these statistics are
reported); ``YYYY-MM`` for a stock (investment, students, community, counts) at a month ("hingga
akhir Januari 2025"). Undated: the period of the same metric in the previous sentence when that one
was dated ("Di sisi lain, Vietnam saat ini memiliki 16 proyek ..."); else the article's year where
the sentence says "saat ini/kini/sekarang" (the present, as a year), else the article's period
(``YYYY-MM`` when its month is known).

**Qualifier**: ``approx`` (sekitar, kira-kira, kurang lebih, sekira), ``more_than`` (lebih dari,
melampaui, melebihi, di atas, setidaknya), ``less_than`` (kurang dari, di bawah, and "hampir",
"nyaris", "mendekati": "almost N" says the true value is a little under N); the word nearest the
number wins ("sekitar lebih dari 5.000" is ``more_than``); else ``exact``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, repeat
from typing import NamedTuple

import pandas as pd

from ..reference.countries import continuing_state
from .dates import DateSpan
from .context import (
    VIETNAM,
    ArticleDate,
    FactInput,
    Mention,
    clause_of,
    clauses,
    fact_input,
    fold_case,
    is_currency_mention,
)
from .numbers import MULTIPLIER_PATTERN, NUMBER_PATTERN, _parse_number
from .partnerships import find_levels
from ..schema import conform

__all__ = ["METRICS", "FLOW_METRICS", "Quantity", "extract_figures", "find_quantities", "find_quantities_many"]

METRICS = [
    "trade_turnover", "trade_growth", "exports", "imports", "trade_target", "investment_registered_capital",
    "investment_projects", "tourist_arrivals", "tourist_arrivals_growth", "students", "scholarships_per_year",
    "community_size", "agreements_signed", "strategic_partner_count", "other",
]
#: metrics that add up over time (stated at a month: January to that month)
FLOW_METRICS = {"trade_turnover", "trade_growth", "exports", "imports", "tourist_arrivals", "tourist_arrivals_growth"}

#: "dolar <country>": other dollars keep their own ISO 4217 code (never read as US dollars)
OTHER_DOLLARS = {"australia": "AUD", "singapura": "SGD", "kanada": "CAD", "taiwan": "TWD", "brunei": "BND"}
#: units that are amounts of money
MONEY_UNITS = {"USD", "IDR", *OTHER_DOLLARS.values()}

_I = re.IGNORECASE
# each optional part opens with a look-ahead on its first letters (a speed aid: a part that cannot
# start there is not tried word by word; under IGNORECASE the classes take the same characters as
# the words' own first letters, "İ"/"ı" for i and the Kelvin sign for k included)
_QTY = re.compile(
    rf"(?<![\w/.,\-–:])"
    rf"(?:(?=[uri$])(?P<cur_pre>US\$|USD|Rp\.?|IDR|\$)\s?)?"
    rf"(?P<num>{NUMBER_PATTERN})(?![.,]?\d)(?![\w/])(?!:\d)"
    rf"(?:\s?(?=[rjmtb])(?P<mult>{MULTIPLIER_PATTERN}))?"
    rf"(?:\s?(?=[udri])(?P<cur_post>USD|US\$|dolar\s+(?:AS|Amerika(?:\s+Serikat)?)|dollar\s+(?:AS|Amerika)|dolar|dollar|rupiah|IDR)\b)?"
    rf"(?:\s?(?=[%p])(?P<pct>%|persen\b|per\s?sen\b)|\s(?=k)(?P<fold>kali\s+lipat)\b)?"
    rf"(?:\s+(?P<noun>[A-Za-z]+))?",
    _I,
)
_PERSON_NOUNS = {
    "orang", "jiwa", "delegasi", "delegasinya", "peserta", "wisatawan", "turis", "pengunjung", "pelancong", "mahasiswa",
    "pelajar", "siswa", "warga", "pekerja", "tenaga", "pemimpin", "ilmuwan", "insinyur", "tamu", "anggota",
    "relawan", "people", "persons", "tourists", "visitors", "students", "delegates",
}
_PROJECT_NOUNS = {"proyek", "projects", "project"}
_DOC_NOUNS = {"dokumen", "perjanjian", "nota", "mou", "kesepakatan", "naskah", "kontrak", "documents", "agreements", "deals"}
_COUNT_NOUNS = {
    "kegiatan", "acara", "hubungan", "penerbangan", "perusahaan", "beasiswa", "kota", "provinsi", "mitra", "negara",
    "kunjungan", "events", "activities", "flights", "companies", "scholarships", "countries", "partners",
}
# counted nouns that are not figures by themselves: durations and the like
_SKIP_NOUNS = {"tahun", "bulan", "hari", "minggu", "pekan", "jam", "menit", "detik", "abad", "dekade", "windu",
               "years", "year", "months", "days", "weeks", "hours", "tahunan", "kata", "lagi", "barang"}
# nouns that need a metric of their own to be a figure (the number of countries visited is not one)
_NEED_METRIC_NOUNS = {"negara", "mitra", "countries", "partners", "kunjungan"}

_VALUE_VERB = re.compile(
    r"\b(?:mencapai|capai|menjadi|sebesar|sebanyak|berjumlah|sekitar|kira-kira|sekira|lebih\s+dari|hampir|"
    r"nyaris|kurang\s+dari|melampaui|melebihi|menembus|tembus|senilai|total|adalah|yaitu|setidaknya|reached|to|about)"
    r"\s+(?:(?:lebih\s+dari|sekitar|hampir|sebesar)\s+)?$",
    _I,
)
_QUALIFIERS = [
    ("more_than", re.compile(r"(?:lebih\s+dari|melampaui|melebihi|di\s+atas|setidaknya|sedikitnya|paling\s+sedikit|more\s+than|over|above|at\s+least)\s*$", _I)),
    ("less_than", re.compile(r"(?:kurang\s+dari|di\s+bawah|hampir|nyaris|mendekati|less\s+than|under|almost|nearly)\s*$", _I)),
    ("approx", re.compile(r"(?:sekitar|kira-kira|kurang\s+lebih|lebih\s+kurang|sekira|around|about|approximately|roughly|±)\s*$", _I)),
]
_BEFORE_SKIP = re.compile(
    r"(?:\bke-?\s*|\bnomor\s+|\bno\.\s*|\bpasal\s+|\bayat\s+|\btahap\s+|\bfase\s+|\bangkatan\s+|\bhalaman\s+|"
    r"\bkelas\s+|\bedisi\s+|\bsesi\s+|\bputaran\s+|\bperingkat\s+|(?<!lebih\s)(?<!kurang\s)\bdari\s+)$",
    _I,
)
_AFTER_SKIP = re.compile(r"^\s*(?:dari\s+\d|/\d)", _I)
_QUOTE_BEFORE = re.compile(r"[\"“”'‘]\s?$")

_TOURISM = re.compile(r"\b(?:wisatawan|turis|pelancong|pengunjung|kedatangan|tourists?|visitors?|arrivals?)\b", _I)
_GROWTH = re.compile(r"\b(?:meningkat|naik|tumbuh|pertumbuhan|kenaikan|peningkatan|melonjak|turun|menurun|penurunan|growth|grew|rose|increase[sd]?)\b", _I)
# the leading look-ahead: every word starts at a word boundary with one of these letters (a speed aid)
_MONEY_FAMILY = re.compile(
    r"\b(?=[eiopdtmbfc])(?:"
    r"(?P<trade>\b(?:ekspor[\s\-]*(?:dan\s+)?impor|impor[\s\-]*(?:dan\s+)?ekspor|omzet|perdagangan|dagang|trade|turnover)\b)"
    r"|(?P<exports>\b(?:ekspor|mengekspor|exports?)\b)"
    r"|(?P<imports>\b(?:impor|mengimpor|imports?)\b)"
    r"|(?P<invest>\b(?:modal|investasi|berinvestasi|penanaman\s+modal|FDI|investments?|capital)\b)"
    r")",
    _I,
)
_TARGET = re.compile(r"\b(?:target|menargetkan|ditargetkan|sasaran|targets?)\b", _I)
_STUDENT = re.compile(r"\b(?:mahasiswa|pelajar|siswa|students?)\b", _I)
_SCHOLAR = re.compile(r"\b(?:beasiswa|scholarships?)\b", _I)
_PER_YEAR = re.compile(r"\b(?:per|setiap|tiap|each|a)\s+(?:tahun|year)\b|\bannually\b|\btahunan\b", _I)
_COMMUNITY = re.compile(r"\b(?:komunitas|diaspora|perantau|community)\b", _I)
_SIGN = re.compile(r"\b(?:ditandatangani|menandatangani|penandatanganan|tandatangani|diteken|meneken|signed)\b", _I)
_INVEST = re.compile(r"\b(?:investasi|berinvestasi|penanaman\s+modal|FDI|investment|valid)\b", _I)
_COUNT_CUE = re.compile(r"\b(?:jumlah|total|menjadi|sebanyak|memiliki|number)\b", _I)
_LOOSE_LEVEL = re.compile(r"\bmitra\s+strategis\b|\bstrategic\s+partners\b", _I)
_PRESENT = re.compile(r"\b(?:saat\s+ini|kini|sekarang|dewasa\s+ini|currently|now)\b", _I)
_BILATERAL = re.compile(r"\b(?:kedua\s+negara|bilateral|antarwilayah|dua\s+arah|two-way|antara\s+\w+\s+dan)\b", _I)
_PLACE = re.compile(r"\b(?:di|ke|dalam|in|into|to|untuk|bagi|kepada)\s+$", _I)
_BASELINE = re.compile(
    r"(?:dibandingkan|dibanding|ketimbang|compared)\s+(?:dengan\s+)?(?:periode\s+yang\s+sama\s+)?(?:(?:pada\s+)?tahun\s+)?$|"
    r"periode\s+yang\s+sama\s+(?:tahun\s+)?$",
    _I,
)
_FIRST_MONTHS = re.compile(
    r"(?P<n>\d{1,2}|tiga|enam|sembilan|empat|lima|tujuh|delapan|sepuluh|sebelas|dua|satu)\s+bulan\s+pertama\s+(?:tahun\s+)?$", _I
)
_QUARTER = re.compile(r"(?:kuartal|triwulan|quarter)\s+(?P<q>pertama|kedua|ketiga|keempat|I{1,3}|IV|[1-4])\s+(?:tahun\s+)?$", _I)
_HALF = re.compile(r"(?:semester|paruh|enam\s+bulan)\s+pertama\s+(?:tahun\s+)?$", _I)
_SINGLE_MONTH = re.compile(r"(?:selama|sepanjang|dalam)\s+(?:bulan\s+)?$", _I)
_WORD_NUM = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
             "sembilan": 9, "sepuluh": 10, "sebelas": 11}
_QUARTER_NUM = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}


class Quantity(NamedTuple):
    """A number with its unit words, as found in a text (``text[start:end] == surface``).

    A named tuple (immutable, compares by value): a load builds tens of thousands of them.
    """

    start: int
    end: int
    num_start: int
    surface: str
    value: float
    unit: str | None  # None: a bare number
    noun: str | None


# ASCII digits -> 1, any other byte -> 0: runs of digits in ``text.encode().translate(_DIGIT_FLAGS)``
_DIGIT_FLAGS = bytes(1 if 0x30 <= b <= 0x39 else 0 for b in range(256))
# in ASCII text, a _QTY match with a currency before the number starts at the currency's first
# letter ("US$", "USD", "Rp", "IDR", "$") and the number follows its last one, or a space after it
_CURRENCY_FIRST = frozenset("UuRrIi$")
_CURRENCY_LAST = frozenset("$DdPp.Rr")
_SPACE = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")  # ASCII \s
# ASCII characters after which _QTY's look-behind (?<![\w/.,\-–:]) refuses to start
_NO_START_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.,-:")
# between the texts of a batch: no part of _QTY matches it (not \w, \s, "/", ".", ",", "-", ":" or
# a digit), so next to it _QTY matches as at the end or the start of a text
_SEP = "\x00"


def _qty_matches_ascii(big: str, starts: list[int], dates: Callable[[int], Sequence[DateSpan]] | None = None,
                       ) -> list[tuple[int, list[re.Match[str]]]]:
    """``(k, matches)`` for each text of ``big`` with matches: ``_QTY.finditer`` on the whole of
    ``big``, by text. ``big`` is ASCII texts joined with ``_SEP``, each after one, text ``k`` starting
    at ``starts[k]`` (``starts[-1]``: past the end).

    ``finditer`` tries every position in turn. A match starts at a run of digits (the number) or,
    with a currency before the number, at most 4 characters before one; so only those positions
    are tried, in the same order, skipping the ones the pattern's first test refuses anyway (the
    look-behind, a currency's letters): the same matches. Runs of digits are found with
    ``bytes.find`` on a 0/1 digit map (in C, with no regex scan over the text).

    With ``dates`` (text ``k`` -> its date spans, for :func:`figures_table`), a number that starts
    in a date, whose quantity is no figure, is left out, and not even matched where that changes
    nothing after it: where the next run of digits does not continue its number (no "." or ","
    right before it, as in "1.500") and has no currency ending right before it, that run is tried
    alike whatever this one matched (a match holds no digits after its number).
    """
    out: list[tuple[int, list[re.Match[str]]]] = []
    flags = big.encode("ascii").translate(_DIGIT_FLAGS)
    find, match = flags.find, _QTY.match
    first, last, space, refuse = _CURRENCY_FIRST, _CURRENCY_LAST, _SPACE, _NO_START_AFTER
    following = 0  # where the text of the current run ends
    base = 0  # where it starts
    k = -1
    spans: Sequence[DateSpan] = ()
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
                    spans = dates(k)
            skip = False
            if spans:
                at = run - base
                for d in spans:
                    if d.start <= at < d.end:
                        if after < 0:
                            skip = True
                        else:
                            b = big[after - 1]
                            if b != "." and b != ",":
                                skip = (big[after - 2] if b in space else b) not in last
                        break
            if not skip:
                m = None
                before = big[run - 1]
                c = big[run - 2] if before in space else before
                if c in last:  # a currency may end right before the number
                    for s in range(run - 4 if run - 4 > pos else pos, run):
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


def _quantity(m: re.Match[str], base: int) -> Quantity | None:
    """The quantity of one ``_QTY`` match, offsets less ``base``; None when its number does not parse."""
    cur_pre, num, mult, cur_post, pct, fold, noun = m.groups()
    try:
        value = _parse_number(num + " " + mult.rstrip(".") if mult else num)
    except ValueError:
        return None
    # the quantity ends with its last unit word (the counted noun is added below)
    if fold:
        end = m.end(6)
    elif pct:
        end = m.end(5)
    elif cur_post:
        end = m.end(4)
    elif mult:
        end = m.end(3)
    else:
        end = m.end(2)
    if noun:
        noun = noun.lower()
    unit: str | None = None
    cur = cur_pre or cur_post
    if cur:
        cur = cur.lower()
        if cur in ("dolar", "dollar") and noun in OTHER_DOLLARS:
            unit = OTHER_DOLLARS[noun]  # "24,1 miliar dolar Australia"
            end = m.end(7)
        else:
            unit = "IDR" if cur.startswith(("rp", "rupiah", "idr")) else "USD"
    elif pct:
        unit = "percent"
    elif fold:
        unit = "count"
    elif noun is not None:
        if noun in _PERSON_NOUNS:
            unit = "persons"
        elif noun in _PROJECT_NOUNS:
            unit = "projects"
        elif noun in _DOC_NOUNS:
            unit = "documents"
        elif noun in _COUNT_NOUNS:
            unit = "count"
        if unit is not None:
            end = m.end(7)  # "202 proyek"
    if unit is None and noun not in _SKIP_NOUNS:
        noun = None
    start = m.start()
    return _new_tuple(Quantity, (start - base, end - base, m.start(2) - base, m.string[start:end], value, unit, noun))


_new_tuple = tuple.__new__


def _text_matches(texts: Sequence[str], dates: Callable[[int], Sequence[DateSpan]] | None = None,
                  ) -> dict[int, tuple[int, list[re.Match[str]]]]:
    """``{i: (base, matches)}``: the ``_QTY`` matches of ``texts[i]`` (those that have some), as
    ``_QTY.finditer(texts[i])`` gives them, in a string where ``texts[i]`` starts at offset ``base``.

    The ASCII texts are joined with ``_SEP`` and scanned at once (:func:`_qty_matches_ascii`); each
    match goes back to its text by its offset. The other texts (other digits, letters that
    ``re.IGNORECASE`` reads as ASCII) are scanned one by one with ``finditer``. With ``dates``
    (text ``i`` -> its date spans), some matches of numbers in dates may be left out (see
    :func:`_qty_matches_ascii`).
    """
    found: dict[int, tuple[int, list[re.Match[str]]]] = {}
    other = [i for i, text in enumerate(texts) if not text.isascii()]
    for i in other:
        matches = list(_QTY.finditer(texts[i]))
        if matches:
            found[i] = (0, matches)
    if other:
        skip = set(other)
        fast = [i for i in range(len(texts)) if i not in skip]
        fast_texts = [texts[i] for i in fast]
    else:
        fast, fast_texts = list(range(len(texts))), list(texts)
    if not fast:
        return found
    # every text after a separator: starts[k] is where fast text k begins, starts[-1] past the end
    big = _SEP + _SEP.join(fast_texts)
    starts = list(accumulate([len(text) + 1 for text in fast_texts], initial=1))
    for k, matches in _qty_matches_ascii(big, starts, None if dates is None else lambda k: dates(fast[k])):
        found[fast[k]] = (starts[k], matches)
    return found


def _quantities(texts: Sequence[str]) -> dict[int, list[Quantity]]:
    """``{i: find_quantities(texts[i])}`` for the texts that have quantities (see :func:`find_quantities_many`)."""
    found: dict[int, list[Quantity]] = {}
    for i, (base, matches) in _text_matches(texts).items():
        got = [q for q in map(_quantity, matches, repeat(base)) if q is not None]
        if got:
            found[i] = got
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Numbers with their unit words in ``text`` (before any decision on what they measure).

    >>> [(q.surface, q.value, q.unit) for q in find_quantities("mencapai 3,63 miliar USD, naik 81%, dan 202 proyek")]
    [('3,63 miliar USD', 3630000000.0, 'USD'), ('81%', 81.0, 'percent'), ('202 proyek', 202.0, 'projects')]
    """
    return _quantities([text]).get(0, [])


def find_quantities_many(texts: Sequence[str]) -> list[list[Quantity]]:
    """:func:`find_quantities` of each text (offsets relative to each text), in one pass.

    The ASCII texts are joined with ``"\\x00"`` and scanned once: no match reaches across it, and
    next to it ``_QTY`` matches as at a text's start or end (a text that holds ``"\\x00"`` itself
    is no different: each match is given back to its text by its offset). The other texts are
    scanned one by one.

    >>> [[q.surface for q in qs] for qs in find_quantities_many(["naik 81%", "tanpa angka", "3,5", " miliar USD"])]
    [['81%'], [], ['3,5'], []]
    """
    found = _quantities(texts)
    return [found.get(i, []) for i in range(len(texts))]


# Words a pattern cannot match without, in lower case (see :func:`fold_case`). Before a regex runs on
# a piece of a sentence, a plain substring test on the sentence folded once skips it where it cannot
# match; where it can, the regex decides as before. ``_W_*``: one of the words is in the piece;
# ``_E_*`` (patterns anchored at "$"): the piece, right-stripped, ends with one of them. Every
# alternative of the pattern holds one of its words: a word added to a pattern goes in its list
# too (tests/test_figures_batch.py checks each list against text built from its pattern's words).
_E_VALUE_VERB = (
    "mencapai", "capai", "menjadi", "sebesar", "sebanyak", "berjumlah", "sekitar", "kira-kira", "sekira", "dari",
    "hampir", "nyaris", "melampaui", "melebihi", "menembus", "tembus", "senilai", "total", "adalah", "yaitu",
    "setidaknya", "reached", "to", "about",
)
_E_QUALIFIERS = {
    "more_than": ("dari", "melampaui", "melebihi", "atas", "setidaknya", "sedikitnya", "sedikit", "than", "over",
                  "above", "least"),
    "less_than": ("dari", "bawah", "hampir", "nyaris", "mendekati", "than", "under", "almost", "nearly"),
    "approx": ("sekitar", "kira-kira", "lebih", "kurang", "sekira", "around", "about", "approximately", "roughly", "±"),
}
_QUALIFIER_CHECKS = [(name, pattern, _E_QUALIFIERS[name]) for name, pattern in _QUALIFIERS]
_E_ANY_QUALIFIER = tuple(word for words in _E_QUALIFIERS.values() for word in words)
_E_BEFORE_SKIP = ("ke", "ke-", "nomor", "no.", "pasal", "ayat", "tahap", "fase", "angkatan", "halaman", "kelas",
                  "edisi", "sesi", "putaran", "peringkat", "dari")
_S_AFTER_SKIP = ("dari", "/")  # _AFTER_SKIP: the piece, left-stripped, starts with one of them
_QUOTES = frozenset("\"“”'‘")  # _QUOTE_BEFORE: one of them in the last 3 characters ("$" may stand before a final "\n")
_W_TOURISM = ("wisatawan", "turis", "pelancong", "pengunjung", "kedatangan", "tourist", "visitor", "arrival")
_W_GROWTH = ("meningkat", "naik", "tumbuh", "pertumbuhan", "kenaikan", "peningkatan", "melonjak", "turun", "menurun",
             "penurunan", "growth", "grew", "rose", "increase")
_W_MONEY_FAMILY = ("ekspor", "impor", "omzet", "perdagangan", "dagang", "trade", "turnover", "mengekspor", "export",
                   "mengimpor", "import", "modal", "investasi", "berinvestasi", "penanaman", "fdi", "investment",
                   "capital")
_W_TARGET = ("target", "menargetkan", "ditargetkan", "sasaran")
_W_STUDENT = ("mahasiswa", "pelajar", "siswa", "student")
_W_SCHOLAR = ("beasiswa", "scholarship")
_W_PER_YEAR = ("tahun", "year", "annually", "tahunan")
_W_COMMUNITY = ("komunitas", "diaspora", "perantau", "community")
_W_SIGN = ("ditandatangani", "menandatangani", "penandatanganan", "tandatangani", "diteken", "meneken", "signed")
_W_INVEST = ("investasi", "berinvestasi", "penanaman", "fdi", "investment", "valid")
_W_COUNT_CUE = ("jumlah", "total", "menjadi", "sebanyak", "memiliki", "number")
_W_LOOSE_LEVEL = ("mitra", "strategic")
_W_PRESENT = ("saat", "kini", "sekarang", "dewasa", "currently", "now")
_W_BILATERAL = ("kedua", "bilateral", "antarwilayah", "dua", "two-way", "antara")
_W_BASELINE = ("dibandingkan", "dibanding", "ketimbang", "compared", "periode")
_W_FIRST_MONTHS = ("bulan",)
_W_QUARTER = ("kuartal", "triwulan", "quarter")
_W_HALF = ("semester", "paruh", "enam")
_W_SINGLE_MONTH = ("selama", "sepanjang", "dalam")
_TOURIST_WHO = re.compile(r"\b(?:wisatawan|turis|pengunjung|pelancong|tourists?|visitors?)\s+(?P<who>\S+)", _I)
_W_TOURIST_WHO = ("wisatawan", "turis", "pengunjung", "pelancong", "tourist", "visitor")
_COORDINATED = re.compile(r"\s*(?:,\s*(?:dan\s+)?|dan\s+|serta\s+)\s*", _I)

#: (pattern, words, how) for the tests: how is "in", "end" or "start" (see above)
_GUARDS: list[tuple[re.Pattern[str], tuple[str, ...], str]] = [
    (_VALUE_VERB, _E_VALUE_VERB, "end"), *((p, w, "end") for _, p, w in _QUALIFIER_CHECKS),
    (_BEFORE_SKIP, _E_BEFORE_SKIP, "end"), (_AFTER_SKIP, _S_AFTER_SKIP, "start"),
    (_TOURISM, _W_TOURISM, "in"), (_GROWTH, _W_GROWTH, "in"), (_MONEY_FAMILY, _W_MONEY_FAMILY, "in"),
    (_TARGET, _W_TARGET, "in"), (_STUDENT, _W_STUDENT, "in"), (_SCHOLAR, _W_SCHOLAR, "in"),
    (_PER_YEAR, _W_PER_YEAR, "in"), (_COMMUNITY, _W_COMMUNITY, "in"), (_SIGN, _W_SIGN, "in"),
    (_INVEST, _W_INVEST, "in"), (_COUNT_CUE, _W_COUNT_CUE, "in"), (_LOOSE_LEVEL, _W_LOOSE_LEVEL, "in"),
    (_PRESENT, _W_PRESENT, "in"), (_BILATERAL, _W_BILATERAL, "in"), (_BASELINE, _W_BASELINE, "in"),
    (_FIRST_MONTHS, _W_FIRST_MONTHS, "in"), (_QUARTER, _W_QUARTER, "in"), (_HALF, _W_HALF, "in"),
    (_SINGLE_MONTH, _W_SINGLE_MONTH, "in"), (_TOURIST_WHO, _W_TOURIST_WHO, "in"),
]


def _fold(text: str) -> str | None:
    """``fold_case(text)``, whose offsets are ``text``'s (None if folding changed the length: no quick tests)."""
    low = fold_case(text)
    return low if len(low) == len(text) else None


def _may(low: str | None, a: int, b: int, words: tuple[str, ...]) -> bool:
    """False only where none of ``words`` is in ``low[a:b]`` (so a pattern needing one cannot match text[a:b])."""
    if low is None:
        return True
    piece = low[a:b]
    for word in words:
        if word in piece:
            return True
    return False


def _may_end(low: str | None, a: int, b: int, words: tuple[str, ...]) -> bool:
    """False only where ``low[a:b]`` does not end with one of ``words`` (spaces aside)."""
    return low is None or low[a:b].rstrip().endswith(words)


def _qualifier(text: str, low: str | None, start: int) -> str:
    """Qualifier from ``text[start - 30 : start]``, the words right before the number."""
    a = max(0, start - 30)
    tail = None
    if low is not None:
        tail = low[a:start].rstrip()
        if not tail.endswith(_E_ANY_QUALIFIER):
            return "exact"
    before = text[a:start]
    best: tuple[int, str] | None = None
    for name, pattern, words in _QUALIFIER_CHECKS:
        if tail is not None and not tail.endswith(words):
            continue
        m = pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), name)
    return best[1] if best else "exact"


def _money_metric(text: str, low: str | None, a: int, b: int) -> str | None:
    """Metric of an amount of money from the words of ``text[a:b]``, before it (nearest family word wins)."""
    if not _may(low, a, b, _W_MONEY_FAMILY):
        return None
    context = text[a:b]
    last = None
    for m in _MONEY_FAMILY.finditer(context):
        last = m
    if last is None:
        return None
    family = last.lastgroup
    if family == "invest":
        return "investment_registered_capital"
    if family in ("exports", "imports"):
        return family
    return "trade_target" if _may(low, a, b, _W_TARGET) and _TARGET.search(context) else "trade_turnover"


def _metric(q: Quantity, text: str, clause: tuple[int, int], low: str | None) -> str | None:
    """What ``q`` measures, or None when it is not a figure.

    ``left`` is up to 160 characters of the clause before the number, ``near`` adds the number and
    up to 60 characters of the clause after it; ``low`` is ``text`` folded (:func:`_fold`), for
    the quick tests that skip a regex where it cannot match.
    """
    c0, c1 = clause
    qs, qe, unit, noun = q.start, q.end, q.unit, q.noun
    ls = max(c0, qs - 160)
    re_ = min(c1, qe + 60)
    wide = re_ if re_ > qe else qe  # every word of ``near`` lies in text[ls:wide]
    if unit in MONEY_UNITS:
        metric = (_money_metric(text, low, ls, qs) or _money_metric(text, low, c0, qs)
                  or _money_metric(text, low, 0, qs))
        return metric or "other"
    near = None
    if unit == "percent" or (unit == "count" and "lipat" in q.surface.lower()):
        if _may(low, ls, wide, _W_TOURISM):
            near = text[ls:qs] + " " + q.surface + " " + text[qe:re_]
            if _TOURISM.search(near):
                return "tourist_arrivals_growth"
        if _may(low, ls, wide, _W_MONEY_FAMILY) and _may(low, ls, wide, _W_GROWTH):
            near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
            if _MONEY_FAMILY.search(near) and _GROWTH.search(near):
                return "trade_growth"
        return "other"
    if unit == "projects":
        if _may(low, ls, wide, _W_INVEST) and _INVEST.search(text[ls:qs] + " " + q.surface + " " + text[qe:re_]):
            return "investment_projects"
        return "other"
    if unit == "documents":
        return "agreements_signed" if _may(low, c0, c1, _W_SIGN) and _SIGN.search(text[c0:c1]) else "other"
    # the same tests as before, the cheap ones first (each only reads, so the order changes nothing)
    if (unit is None or noun in ("negara", "mitra", "countries", "partners")) and _may(low, ls, qs, _W_COUNT_CUE):
        left = text[ls:qs]
        if _COUNT_CUE.search(left) and (find_levels(left) or (_may(low, ls, qs, _W_LOOSE_LEVEL) and _LOOSE_LEVEL.search(left))):
            return "strategic_partner_count"
    if (unit is None or noun in ("mahasiswa", "pelajar", "siswa", "students")) and _may(low, ls, wide, _W_STUDENT):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _STUDENT.search(near):
            return "students"
    if ((unit is None or noun in ("beasiswa", "scholarships")) and _may(low, ls, wide, _W_SCHOLAR)
            and _may(low, ls, wide, _W_PER_YEAR)):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _SCHOLAR.search(near) and _PER_YEAR.search(near):
            return "scholarships_per_year"
    if (unit is None or unit == "persons" or noun == "kunjungan") and _may(low, ls, wide, _W_TOURISM):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _TOURISM.search(near):
            return "tourist_arrivals"
    if (unit is None or unit == "persons") and _may(low, ls, qs, _W_COMMUNITY) and _COMMUNITY.search(text[ls:qs]):
        return "community_size"
    if unit is None or noun in _NEED_METRIC_NOUNS:
        return None
    return "other"


def _default_unit(metric: str) -> str:
    return {
        "tourist_arrivals": "persons", "students": "persons", "community_size": "persons",
        "investment_projects": "projects", "agreements_signed": "documents",
    }.get(metric, "count")


def _place_after(text: str, lo: int, hi: int, ments: list[Mention]) -> str | None:
    """Code of the first country in text[lo:hi] introduced by "di/ke/untuk ..." ("di Vietnam")."""
    for m in ments:
        if lo <= m.start < hi and _PLACE.search(text[max(lo, m.start - 12) : m.start]):
            return m.iso3
    return None


def _direction(metric: str, partner: str | None, q: Quantity, text: str, clause: tuple[int, int], ments: list[Mention],
               low: str | None) -> str | None:
    lo, hi = clause
    if metric in ("trade_turnover", "trade_growth", "trade_target", "agreements_signed"):
        return "bilateral" if partner else None
    in_clause = [m for m in ments if lo <= m.start < hi]
    if metric in ("exports", "imports"):
        first = in_clause[0].iso3 if in_clause else VIETNAM
        vietnam_acts = first == VIETNAM
        if metric == "exports":
            return "outbound" if vietnam_acts else "inbound"
        return "inbound" if vietnam_acts else "outbound"
    if metric in ("investment_registered_capital", "investment_projects"):
        place = _place_after(text, lo, hi, ments)
        if place is not None:
            return "inbound" if place == VIETNAM else "outbound"
        if in_clause:
            return "outbound" if in_clause[0].iso3 == VIETNAM else "inbound"
        return "inbound"
    if metric in ("tourist_arrivals", "tourist_arrivals_growth"):
        m = _TOURIST_WHO.search(text[lo:hi]) if _may(low, lo, hi, _W_TOURIST_WHO) else None
        if m:
            for men in in_clause:
                if men.start == lo + m.start("who"):
                    return "outbound" if men.iso3 == VIETNAM else "inbound"
        place = _place_after(text, lo, hi, ments)
        if place is not None:
            return "inbound" if place == VIETNAM else "outbound"
        return "inbound"
    if metric in ("students", "community_size", "scholarships_per_year"):
        place = _place_after(text, lo, hi, ments)
        if place is not None:
            if metric == "scholarships_per_year":
                return "outbound"  # scholarships "untuk Vietnam": Vietnamese study abroad
            return "inbound" if place == VIETNAM else "outbound"
        return "outbound"
    if metric == "other" and partner and _may(low, lo, hi, _W_BILATERAL) and _BILATERAL.search(text[lo:hi]):
        return "bilateral"
    return None


def _partner(metric: str, q: Quantity, text: str, clause: tuple[int, int], usable: list[Mention], fallback: str | None) -> str | None:
    """``usable``: the sentence's mentions of countries but Vietnam, currencies ("dolar AS") aside."""
    if metric == "strategic_partner_count":
        return None
    for lo, hi in (clause, (0, len(text))):
        cands = [m for m in usable if lo <= m.start < hi]
        codes = sorted({continuing_state(m.iso3) for m in cands})
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            # a coordinated list of partners: the figure is about all of them
            joined = any(
                _COORDINATED.fullmatch(text[a.end : b.start])
                for a, b in zip(cands, cands[1:])
                if a.iso3 != b.iso3
            )
            if joined:
                return None
            best = min(cands, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
            return continuing_state(best.iso3)
    return fallback


def _period_from_date(metric: str, text: str, start: int, date: pd.Timestamp, date_end: pd.Timestamp | None,
                      precision: str, low: str | None) -> str:
    a = max(0, start - 40)
    before = text[a:start]
    piece = low[a:start] if low is not None else None  # for the quick tests (see _may)
    y = date.year
    m = _FIRST_MONTHS.search(before) if _may(piece, 0, 40, _W_FIRST_MONTHS) else None
    if m:
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else _WORD_NUM.get(n_raw, 0)
        if n == 3:
            return f"{y}-Q1"
        if 1 <= n <= 12:
            return f"{y}-01/{y}-{n:02d}"
    m = _QUARTER.search(before) if _may(piece, 0, 40, _W_QUARTER) else None
    if m:
        return f"{y}-Q{_QUARTER_NUM.get(m['q'].lower(), m['q'] if m['q'].isdigit() else 1)}"
    if _may(piece, 0, 40, _W_HALF) and _HALF.search(before):
        return f"{y}-01/{y}-06"
    if precision == "year":
        return f"{y}"
    if date_end is not None and not pd.isna(date_end) and precision == "month":
        return f"{y}-{date.month:02d}/{date_end.year}-{date_end.month:02d}"
    if metric in FLOW_METRICS and not (_may(piece, 0, 40, _W_SINGLE_MONTH) and _SINGLE_MONTH.search(before)):
        return f"{y}-01" if date.month == 1 else f"{y}-01/{y}-{date.month:02d}"
    return f"{y}-{date.month:02d}"


def _usable_dates(text: str, dates: tuple[DateSpan, ...], low: str | None) -> list[tuple]:
    """The dates a figure's period may come from: one year each, comparison baselines aside."""
    usable = []
    for d in dates:
        if d.date is None:
            continue
        if d.date_end is not None and d.date_end.year != d.date.year:
            continue
        a = max(0, d.start - 60)
        if _may(low, a, d.start, _W_BASELINE) and _BASELINE.search(text[a : d.start]):
            continue
        usable.append((d.start, d.end, d.date, d.date_end, d.precision))
    return usable


def _explicit_period(metric: str, q: Quantity, text: str, clause: tuple[int, int], usable: list[tuple],
                     low: str | None) -> str | None:
    lo, hi = clause
    qs, qe = q.start, q.end
    before = after = earlier = None  # the last date before the number in its clause, the first after, the last earlier
    for d in usable:
        if lo <= d[0] and d[1] <= qs:
            before = d
        if after is None and d[0] >= qe and d[1] <= hi:
            after = d
        if d[1] <= lo:
            earlier = d
    pick = before if before is not None else after if after is not None else earlier
    if pick is None:
        return None
    return _period_from_date(metric, text, pick[0], pick[2], pick[3], pick[4], low)


def _candidates(text: str, matches: list[re.Match[str]], base: int, dates: tuple[DateSpan, ...]
                ) -> tuple[list[Quantity], str | None]:
    """The quantities of a sentence (its ``_QTY`` matches, at ``base``: :func:`_text_matches`)
    that may be figures, and ``_fold(text)``.

    Not figures: numbers in dates, durations, years and other numbers that are not values
    (ordinals, codes, slogans; a bare number needs a value verb before it). Each test only skips,
    so the cheap ones go first (a number in a date is not even read).
    """
    keep: list[Quantity] = []
    low: str | None = None
    folded = False
    for m in matches:
        num_start = m.start(2) - base
        for d in dates:
            if d.start <= num_start < d.end:
                break
        else:
            q = _quantity(m, base)
            if q is None:
                continue
            start, end, _, _, value, unit, noun = q
            if noun in _SKIP_NOUNS:
                continue
            if unit is None and value.is_integer() and 1800 <= value <= 2100:
                continue
            if not folded:
                low, folded = _fold(text), True
            a = max(0, start - 20)
            if _may_end(low, a, start, _E_BEFORE_SKIP) and _BEFORE_SKIP.search(text[a:start]):
                continue
            if ((low is None or low[end : end + 12].lstrip().startswith(_S_AFTER_SKIP))
                    and _AFTER_SKIP.match(text[end : end + 12])):
                continue
            if not _QUOTES.isdisjoint(text[max(a, start - 3) : start]) and _QUOTE_BEFORE.search(text[a:start]):
                continue
            if unit is None:
                v = max(0, start - 40)
                if not (_may_end(low, v, start, _E_VALUE_VERB) and _VALUE_VERB.search(text[v:start])):
                    continue
            keep.append(q)
    return keep, low


#: the columns of the figures table, in order
_COLUMNS = ["article_id", "sentence_id", "metric", "partner_iso3", "direction", "period", "value", "unit", "qualifier",
            "surface", "evidence"]


def _sentence_figures(sid: str, aid: str, text: str, ments: list[Mention], adate: ArticleDate, fallback: str | None,
                      carried: dict[str, str], candidates: list[Quantity], dates: tuple[DateSpan, ...], low: str | None,
                      columns: list[list[object]]) -> dict[str, str]:
    """Figures of the ``candidates`` (:func:`_candidates`) of one sentence, one item added to each
    of ``columns`` (see ``_COLUMNS``) per figure; returns the periods they state, by metric."""
    spans = clauses(text)
    explicit: dict[str, str] = {}
    usable_dates: list[tuple] | None = None
    usable_ments: list[Mention] | None = None
    (c_aid, c_sid, c_metric, c_partner, c_direction, c_period, c_value, c_unit, c_qualifier, c_surface,
     c_evidence) = columns
    for q in candidates:
        clause = clause_of(spans, q.start)
        metric = _metric(q, text, clause, low)
        if metric is None:
            continue
        if usable_ments is None:
            usable_ments = [m for m in ments if m.iso3 != VIETNAM and not is_currency_mention(text, m)]
        partner = _partner(metric, q, text, clause, usable_ments, fallback)
        if usable_dates is None:
            usable_dates = _usable_dates(text, dates, low)
        period = _explicit_period(metric, q, text, clause, usable_dates, low)
        if period is not None:
            explicit[metric] = period
        elif metric in carried:
            period = carried[metric]
        elif adate.year is not None and _may(low, clause[0], clause[1], _W_PRESENT) and _PRESENT.search(text[clause[0] : clause[1]]):
            period = f"{adate.year}"
        else:
            period = adate.period()
        c_aid.append(aid)
        c_sid.append(sid)
        c_metric.append(metric)
        c_partner.append(partner)
        c_direction.append(_direction(metric, partner, q, text, clause, ments, low))
        c_period.append(period)
        c_value.append(q.value)
        c_unit.append(q.unit if q.unit is not None else _default_unit(metric))
        c_qualifier.append(_qualifier(text, low, q.start))
        c_surface.append(q.surface)
        c_evidence.append(text)
    return explicit


def extract_figures(sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The figures table (see the kit's spec) from fact-bearing sentences, in text order.

    Columns: ``article_id``, ``sentence_id``; ``metric`` (see :data:`METRICS`); ``partner_iso3``
    (or NA); ``direction`` (``inbound``/``outbound``/``bilateral`` or NA); ``period`` (``YYYY``,
    ``YYYY-Qn``, ``YYYY-MM``, ``YYYY-MM/YYYY-MM`` or NA); ``value`` (fully scaled float);
    ``unit``; ``qualifier``; ``surface`` (the number with its unit words, a substring of
    ``evidence``); ``evidence`` (the sentence). The rules are in the module doc.
    """
    return figures_table(fact_input(sentences, mentions, articles))


def figures_table(data: FactInput) -> pd.DataFrame:
    """:func:`extract_figures` on sentences already taken out of their tables (shared with the other extractors)."""
    columns: list[list[object]] = [[] for _ in _COLUMNS]
    texts = [str(text) for text in data.texts]
    found = _text_matches(texts, data.date_spans)  # numbers in dates are no figures: some are not even matched
    article_ids = data.article_ids
    # only the previous sentence's dated figures carry over, within an article: a sentence without
    # quantities, or without candidates, carries nothing
    carried: dict[str, str] = {}
    last = -2
    for i in sorted(found):
        aid = article_ids[i]
        if last != i - 1 or aid != article_ids[i - 1]:
            carried = {}
        dates = data.date_spans(i)
        base, matches = found[i]
        candidates, low = _candidates(texts[i], matches, base, dates)
        if not candidates:
            continue
        sid = data.sentence_ids[i]
        carried = _sentence_figures(
            str(sid), str(aid), texts[i], data.mentions.get(str(sid), []), data.article_date(aid),
            data.fallbacks.get(str(aid)), carried, candidates, dates, low, columns,
        )
        last = i
    df = pd.DataFrame(dict(zip(_COLUMNS, columns)), columns=_COLUMNS)
    return conform(df, "figures")
