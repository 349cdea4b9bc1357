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
from dataclasses import dataclass

import pandas as pd

from .dates import DateSpan
from .factcontext import (
    VIETNAM,
    ArticleDate,
    FactInput,
    Mention,
    clause_of,
    clauses,
    fact_input,
    is_currency_mention,
)
from .numbers import MULTIPLIER_PATTERN, NUMBER_PATTERN, parse_number
from .partnerships import find_levels
from .schema import conform

__all__ = ["METRICS", "FLOW_METRICS", "extract_figures", "find_quantities"]

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
_QTY = re.compile(
    rf"(?<![\w/.,\-–:])"
    rf"(?:(?P<cur_pre>US\$|USD|Rp\.?|IDR|\$)\s?)?"
    rf"(?P<num>{NUMBER_PATTERN})(?![.,]?\d)(?![\w/])(?!:\d)"
    rf"(?:\s?(?P<mult>{MULTIPLIER_PATTERN}))?"
    rf"(?:\s?(?P<cur_post>USD|US\$|dolar\s+(?:AS|Amerika(?:\s+Serikat)?)|dollar\s+(?:AS|Amerika)|dolar|dollar|rupiah|IDR)\b)?"
    rf"(?:\s?(?P<pct>%|persen\b|per\s?sen\b)|\s(?P<fold>kali\s+lipat)\b)?"
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
_MONEY_FAMILY = re.compile(
    r"(?P<trade>\b(?:ekspor[\s\-]*(?:dan\s+)?impor|impor[\s\-]*(?:dan\s+)?ekspor|omzet|perdagangan|dagang|trade|turnover)\b)"
    r"|(?P<exports>\b(?:ekspor|mengekspor|exports?)\b)"
    r"|(?P<imports>\b(?:impor|mengimpor|imports?)\b)"
    r"|(?P<invest>\b(?:modal|investasi|berinvestasi|penanaman\s+modal|FDI|investments?|capital)\b)",
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


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit words, as found in a text (``text[start:end] == surface``)."""

    start: int
    end: int
    num_start: int
    surface: str
    value: float
    unit: str | None  # None: a bare number
    noun: str | None


def find_quantities(text: str) -> list[Quantity]:
    """Numbers with their unit words in ``text`` (before any decision on what they measure).

    >>> [(q.surface, q.value, q.unit) for q in find_quantities("mencapai 3,63 miliar USD, naik 81%, dan 202 proyek")]
    [('3,63 miliar USD', 3630000000.0, 'USD'), ('81%', 81.0, 'percent'), ('202 proyek', 202.0, 'projects')]
    """
    out: list[Quantity] = []
    first_digit = _DIGIT.search(text)
    if first_digit is None:
        return out  # every quantity has a digit
    # no quantity starts before the first digit but its currency ("US$", "Rp", "USD ")
    for m in _QTY.finditer(text, max(0, first_digit.start() - 4)):
        number = m["num"] + (" " + m["mult"].rstrip(".") if m["mult"] else "")
        try:
            value = parse_number(number)
        except ValueError:
            continue
        end = m.end("num")
        for g in ("mult", "cur_post", "pct", "fold"):
            if m[g]:
                end = m.end(g)
        noun = m["noun"].lower() if m["noun"] else None
        unit: str | None = None
        cur = (m["cur_pre"] or m["cur_post"] or "").lower()
        if cur in ("dolar", "dollar") and noun in OTHER_DOLLARS:
            unit = OTHER_DOLLARS[noun]  # "24,1 miliar dolar Australia"
            end = m.end("noun")
        elif cur:
            unit = "IDR" if cur.startswith(("rp", "rupiah", "idr")) else "USD"
        elif m["pct"]:
            unit = "percent"
        elif m["fold"]:
            unit = "count"
        elif noun in _PERSON_NOUNS:
            unit = "persons"
        elif noun in _PROJECT_NOUNS:
            unit = "projects"
        elif noun in _DOC_NOUNS:
            unit = "documents"
        elif noun in _COUNT_NOUNS:
            unit = "count"
        if unit in ("persons", "projects", "documents", "count") and not (m["pct"] or m["fold"] or cur):
            end = m.end("noun")
        if unit is None:
            noun = noun if noun in _SKIP_NOUNS else None
        out.append(Quantity(m.start(), end, m.start("num"), text[m.start() : end], value, unit, noun))
    return out


def _qualifier(before: str) -> str:
    best: tuple[int, str] | None = None
    for name, pattern in _QUALIFIERS:
        m = pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), name)
    return best[1] if best else "exact"


def _money_metric(context: str) -> str | None:
    """Metric of an amount of money from the words before it (nearest family word wins)."""
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
    return "trade_target" if _TARGET.search(context) else "trade_turnover"


def _metric(q: Quantity, text: str, clause: tuple[int, int]) -> str | None:
    """What ``q`` measures, or None when it is not a figure."""
    left = text[max(clause[0], q.start - 160) : q.start]
    right = text[q.end : min(clause[1], q.end + 60)]
    near = left + " " + q.surface + " " + right
    if q.unit in MONEY_UNITS:
        metric = _money_metric(left) or _money_metric(text[clause[0] : q.start]) or _money_metric(text[: q.start])
        return metric or "other"
    if q.unit == "percent" or (q.unit == "count" and "lipat" in q.surface.lower()):
        if _TOURISM.search(near):
            return "tourist_arrivals_growth"
        if _MONEY_FAMILY.search(near) and _GROWTH.search(near):
            return "trade_growth"
        return "other"
    if q.unit == "projects":
        return "investment_projects" if _INVEST.search(near) else "other"
    if q.unit == "documents":
        return "agreements_signed" if _SIGN.search(text[clause[0] : clause[1]]) else "other"
    if (find_levels(left) or _LOOSE_LEVEL.search(left)) and _COUNT_CUE.search(left) and (q.unit is None or q.noun in ("negara", "mitra", "countries", "partners")):
        return "strategic_partner_count"
    if (q.unit is None or q.noun in ("mahasiswa", "pelajar", "siswa", "students")) and _STUDENT.search(near):
        return "students"
    if (q.unit is None or q.noun in ("beasiswa", "scholarships")) and _SCHOLAR.search(near) and _PER_YEAR.search(near):
        return "scholarships_per_year"
    if (q.unit is None or q.unit == "persons" or q.noun == "kunjungan") and _TOURISM.search(near):
        return "tourist_arrivals"
    if (q.unit is None or q.unit == "persons") and _COMMUNITY.search(left):
        return "community_size"
    if q.unit is None or q.noun in _NEED_METRIC_NOUNS:
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


def _direction(metric: str, partner: str | None, q: Quantity, text: str, clause: tuple[int, int], ments: list[Mention]) -> str | None:
    lo, hi = clause
    in_clause = [m for m in ments if lo <= m.start < hi]
    if metric in ("trade_turnover", "trade_growth", "trade_target", "agreements_signed"):
        return "bilateral" if partner else None
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
        m = re.search(r"\b(?:wisatawan|turis|pengunjung|pelancong|tourists?|visitors?)\s+(?P<who>\S+)", text[lo:hi], _I)
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
    if metric == "other" and partner and _BILATERAL.search(text[lo:hi]):
        return "bilateral"
    return None


def _partner(metric: str, q: Quantity, text: str, clause: tuple[int, int], ments: list[Mention], fallback: str | None) -> str | None:
    if metric == "strategic_partner_count":
        return None
    usable = [m for m in ments if m.iso3 != VIETNAM and not is_currency_mention(text, m)]
    for lo, hi in (clause, (0, len(text))):
        cands = [m for m in usable if lo <= m.start < hi]
        codes = sorted({"RUS" if m.iso3 == "SUN" else m.iso3 for m in cands})
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            # a coordinated list of partners: the figure is about all of them
            joined = any(
                re.fullmatch(r"\s*(?:,\s*(?:dan\s+)?|dan\s+|serta\s+)\s*", text[a.end : b.start], _I)
                for a, b in zip(cands, cands[1:])
                if a.iso3 != b.iso3
            )
            if joined:
                return None
            best = min(cands, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
            return "RUS" if best.iso3 == "SUN" else best.iso3
    return fallback


def _period_from_date(metric: str, text: str, start: int, date: pd.Timestamp, date_end: pd.Timestamp | None,
                      precision: str) -> str:
    before = text[max(0, start - 40) : start]
    y = date.year
    m = _FIRST_MONTHS.search(before)
    if m:
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else _WORD_NUM.get(n_raw, 0)
        if n == 3:
            return f"{y}-Q1"
        if 1 <= n <= 12:
            return f"{y}-01/{y}-{n:02d}"
    m = _QUARTER.search(before)
    if m:
        return f"{y}-Q{_QUARTER_NUM.get(m['q'].lower(), m['q'] if m['q'].isdigit() else 1)}"
    if _HALF.search(before):
        return f"{y}-01/{y}-06"
    if precision == "year":
        return f"{y}"
    if date_end is not None and not pd.isna(date_end) and precision == "month":
        return f"{y}-{date.month:02d}/{date_end.year}-{date_end.month:02d}"
    if metric in FLOW_METRICS and not _SINGLE_MONTH.search(before):
        return f"{y}-01" if date.month == 1 else f"{y}-01/{y}-{date.month:02d}"
    return f"{y}-{date.month:02d}"


def _explicit_period(metric: str, q: Quantity, text: str, clause: tuple[int, int], dates: tuple[DateSpan, ...]) -> str | None:
    usable = []
    for d in dates:
        if d.date is None:
            continue
        if d.date_end is not None and d.date_end.year != d.date.year:
            continue
        if _BASELINE.search(text[max(0, d.start - 60) : d.start]):
            continue
        usable.append((d.start, d.end, d.date, d.date_end, d.precision))
    lo, hi = clause
    before = [d for d in usable if lo <= d[0] and d[1] <= q.start]
    after = [d for d in usable if d[0] >= q.end and d[1] <= hi]
    earlier = [d for d in usable if d[1] <= lo]
    pick = before[-1] if before else after[0] if after else earlier[-1] if earlier else None
    if pick is None:
        return None
    return _period_from_date(metric, text, pick[0], pick[2], pick[3], pick[4])


def _sentence_figures(sid: str, aid: str, text: str, ments: list[Mention], adate: ArticleDate, fallback: str | None,
                      carried: dict[str, str], quantities: list[Quantity], dates: tuple[DateSpan, ...]
                      ) -> tuple[list[dict[str, object]], dict[str, str]]:
    spans_of_dates = [(d.start, d.end) for d in dates]
    spans = clauses(text)
    rows: list[dict[str, object]] = []
    explicit: dict[str, str] = {}
    for q in quantities:
        if any(s <= q.num_start < e for s, e in spans_of_dates):
            continue
        if q.noun in _SKIP_NOUNS:
            continue
        before = text[max(0, q.start - 20) : q.start]
        if _BEFORE_SKIP.search(before) or _AFTER_SKIP.match(text[q.end : q.end + 12]) or _QUOTE_BEFORE.search(before):
            continue
        if q.unit is None:
            if float(q.value).is_integer() and 1800 <= q.value <= 2100:
                continue
            if not _VALUE_VERB.search(text[max(0, q.start - 40) : q.start]):
                continue
        clause = clause_of(spans, q.start)
        metric = _metric(q, text, clause)
        if metric is None:
            continue
        unit = q.unit if q.unit is not None else _default_unit(metric)
        partner = _partner(metric, q, text, clause, ments, fallback)
        period = _explicit_period(metric, q, text, clause, dates)
        if period is not None:
            explicit[metric] = period
        elif metric in carried:
            period = carried[metric]
        elif _PRESENT.search(text[clause[0] : clause[1]]) and adate.year is not None:
            period = f"{adate.year}"
        else:
            period = adate.period()
        rows.append(
            {
                "article_id": aid,
                "sentence_id": sid,
                "metric": metric,
                "partner_iso3": partner,
                "direction": _direction(metric, partner, q, text, clause, ments),
                "period": period,
                "value": q.value,
                "unit": unit,
                "qualifier": _qualifier(text[max(0, q.start - 30) : q.start]),
                "surface": q.surface,
                "evidence": text,
            }
        )
    return rows, explicit


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
    rows: list[dict[str, object]] = []
    carried: dict[str, str] = {}
    last_article = None
    for i, (sid, aid, text) in enumerate(zip(data.sentence_ids, data.article_ids, data.texts)):
        if aid != last_article:
            carried, last_article = {}, aid
        quantities = find_quantities(str(text))
        if not quantities:
            carried = {}  # only the previous sentence's dated figures carry over
            continue
        found, explicit = _sentence_figures(
            str(sid), str(aid), str(text), data.mentions.get(str(sid), []), data.article_date(aid),
            data.fallbacks.get(str(aid)), carried, quantities, data.date_spans(i),
        )
        rows.extend(found)
        carried = explicit  # only the previous sentence's dated figures carry over
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "metric", "partner_iso3", "direction", "period",
                                     "value", "unit", "qualifier", "surface", "evidence"])
    return conform(df, "figures")
