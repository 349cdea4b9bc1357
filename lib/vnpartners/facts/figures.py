"""Figures: one row per number in a fact sentence that states a fact, with what it measures.

**Which numbers.** A number with its units (:mod:`vnpartners.facts.quantities`) counts when
it carries a unit: a currency ("3,63 miliar USD", "US$7,7 miliar", "USD 1,6 miliar",
"46,2 miliar dolar AS", "Rp272 triliun"), a percentage ("81%", "40 persen"), a multiple
("4 kali lipat"), or a counted noun ("202 proyek", "1.500 delegasi", "14 dokumen"); or, bare, when
it follows a value verb ("mencapai", "menjadi", "sebesar", "sekitar" ...) and the clause says what it
measures ("jumlah wisatawan ... mencapai lebih dari 117,8 ribu", "... menjadi 37"). Numbers in
words ("dua", "tiga") are not read.

Not figures: years and other dates (spans of :func:`vnpartners.facts.dates.find_dates`, and any bare
1800-2100), ordinals ("ke-26", "peringkat ke-4" and the "dari 149 negara" after a rank,
"21 dari 63 lokasi"), durations ("75 tahun", "8 hari", "3 bulan"), clock times, numbers in codes
("1088/2-1089", "Su-35"), numbers after "nomor/pasal/tahap ...", and a number that opens a quoted
slogan ('"16 kata"', '"6 lagi"', '"5 koneksi"': names of slogans, not counts). English decimals
("3.63 miliar") are refused by the strict Indonesian parser and left out.

**Unit**: ``USD``; ``AUD``, ``SGD``, ``CAD``, ``TWD``, ``BND`` for "dolar Australia" and other dollars
(never read as US dollars); ``IDR`` for rupiah (a rupiah amount is kept in
rupiah, never converted); ``percent``; ``persons`` (orang, delegasi, wisatawan, mahasiswa ...);
``projects``; ``documents`` (dokumen, perjanjian, nota kesepahaman, MoU); ``count`` (anything else
counted, and multiples: "4 kali lipat" is value 4.0, unit ``count``).

**Metric**, from the words of the number's clause (the sentence when the clause says nothing, as in
"...; pada tahun 2024, akan mencapai 4,58 miliar USD"): money is ``investment_registered_capital``
(modal, investasi), ``exports``/``imports`` (ekspor/impor alone), ``trade_turnover`` (omzet,
perdagangan, impor-ekspor) or ``trade_target`` (with target/sasaran), whichever word is nearest
before the number; percentages and multiples are ``tourist_arrivals_growth`` or ``trade_growth``
(negative when the change word nearest before them is a fall: "turun 12 persen" is -12, see
:data:`vocabulary.GROWTH_DOWN`; "naik 20% dari 1 miliar USD" is a growth from a baseline, not a share);
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

**Period**: see :mod:`vnpartners.facts.periods` (the date nearest the number in its clause).
Undated: the period of the same metric in the previous sentence when that one was dated ("Di sisi
lain, Vietnam saat ini memiliki 16 proyek ..."); else the article's year where the sentence says
"saat ini/kini/sekarang" (the present, as a year), else the article's period (``YYYY-MM`` when its
month is known).

**Qualifier**: ``approx`` (sekitar, kira-kira, kurang lebih, sekira), ``more_than`` (lebih dari,
melampaui, melebihi, di atas, setidaknya), ``less_than`` (kurang dari, di bawah, and "hampir",
"nyaris", "mendekati": "almost N" says the true value is a little under N); the word nearest the
number wins ("sekitar lebih dari 5.000" is ``more_than``); else ``exact``. A range ("12-15%",
"12 hingga 15 miliar USD pada tahun 2030") is two figures: its lower bound ``more_than``, its upper
bound ``less_than``, both with the range's period. Goods by weight ("6 juta ton jagung") are trade
figures in ``tonnes`` (never capital).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import partial

import pandas as pd

from ..reference.countries import continuing_state
from ..schema import conform
from .context import VIETNAM, ArticleDate, FactInput, Mention, clauses, fact_input, is_currency_mention
from .dates import DateSpan
from .modality import Modality, modality_before, settle
from .partnerships import find_levels
from .periods import FLOW_METRICS, period_end, period_from_date, period_sources, pick_sources
from .quantities import (
    MONEY_UNITS,
    Quantity,
    find_quantities,
    find_quantities_many,
    quantity_matches,
    quantity_of,
    range_bounds,
)
from .vocabulary import (
    AND_WORDS,
    BILATERAL,
    COMMUNITY,
    COUNT_CUES,
    EQUIVALENT_WORDS,
    GROWTH,
    GROWTH_DOWN,
    INVESTMENT_PROJECTS,
    LOOSE_LEVEL,
    MONEY_WORDS,
    NEEDS_METRIC_NOUNS,
    NOT_FIGURE_NOUNS,
    ORDINAL_WORDS,
    PER_YEAR,
    PLACE_WORDS,
    PRESENT,
    QUALIFIER_WORDS,
    SCHOLARSHIPS,
    SIGNED,
    STUDENTS,
    TARGET,
    TOURISM,
    TOURIST_NOUNS,
    VALUE_VERB_TAIL,
    VALUE_VERBS,
)
from .words import Words, ends_with_any, fold_case, has_any

__all__ = ["METRICS", "FLOW_METRICS", "Quantity", "extract_figures", "figures_table", "find_quantities",
           "find_quantities_many"]

METRICS = [
    "trade_turnover", "trade_growth", "exports", "imports", "trade_target", "investment_registered_capital",
    "investment_projects", "tourist_arrivals", "tourist_arrivals_growth", "students", "scholarships_per_year",
    "community_size", "agreements_signed", "strategic_partner_count", "other",
]

_I = re.IGNORECASE
# ---------------------------------------------------------------------------------------------
# the patterns, each built from its words in :mod:`.vocabulary`; next to each, the words a piece of
# text must hold (or end with, for a pattern anchored at its end) for it to match at all
_VALUE_VERB = re.compile(rf"{VALUE_VERBS.alternation}\s+(?:{VALUE_VERB_TAIL.alternation}\s+)?$", _I)
_VALUE_VERB_ENDS = (*VALUE_VERBS.last_words, *VALUE_VERB_TAIL.last_words)
_QUALIFIERS = [(name, re.compile(rf"{words.alternation}\s*$", _I), words.last_words)
               for name, words in QUALIFIER_WORDS.items()]
_ANY_QUALIFIER_END = tuple(end for _, _, ends in _QUALIFIERS for end in ends)
_BEFORE_SKIP = re.compile(
    rf"(?:\bke-?\s*|\bno\.\s*|{ORDINAL_WORDS.alternation}\s+|(?<!lebih\s)(?<!kurang\s)\bdari\s+)$", _I
)
_BEFORE_SKIP_ENDS = ("ke", "ke-", "no.", "dari", *ORDINAL_WORDS.last_words)
_AFTER_SKIP = re.compile(r"^\s*(?:dari\s+\d|/\d)", _I)  # "21 dari 63 lokasi", "1088/2"
_AFTER_SKIP_STARTS = ("dari", "/")
_QUOTES = "\"“”'‘"  # a number right after a quote opens a slogan ('"16 kata"')
_QUOTE_BEFORE = re.compile(rf"[{_QUOTES}]\s?$")
_TOURISM = TOURISM.regex()
_GROWTH = GROWTH.regex()
_GROWTH_DOWN = GROWTH_DOWN.regex()
_MONEY = re.compile(
    "(?=[" + "".join(sorted({f[0].lower() for w in MONEY_WORDS.values() for f in w.forms})) + "])(?:"
    + "|".join(f"(?P<{family}>{words.alternation})" for family, words in MONEY_WORDS.items()) + ")",
    _I,
)
_MONEY_CUES = tuple(cue for words in MONEY_WORDS.values() for cue in words.cues)
_TARGET = TARGET.regex()
_STUDENT = STUDENTS.regex()
_SCHOLAR = SCHOLARSHIPS.regex()
_PER_YEAR = PER_YEAR.regex()
_COMMUNITY = COMMUNITY.regex()
_SIGN = SIGNED.regex()
_INVEST = INVESTMENT_PROJECTS.regex()
_COUNT_CUE = COUNT_CUES.regex()
_LOOSE_LEVEL = LOOSE_LEVEL.regex()
_PRESENT = PRESENT.regex()
_BILATERAL = BILATERAL.regex()
_PLACE = re.compile(rf"{PLACE_WORDS.alternation}\s+$", _I)
_TOURIST_WHO = re.compile(rf"{TOURIST_NOUNS.alternation}\s+(?P<who>\S+)", _I)
_COORDINATED = re.compile(rf"\s*(?:,\s*(?:dan\s+)?|{AND_WORDS.alternation}\s+)\s*", _I)


def _fold(text: str) -> str | None:
    """``fold_case(text)``, whose offsets are ``text``'s (None if folding changed the length: no quick tests)."""
    low = fold_case(text)
    return low if len(low) == len(text) else None


def _may(low: str | None, a: int, b: int, words: Words | tuple[str, ...]) -> bool:
    """False only where ``low[a:b]`` holds none of the words (so a pattern needing one cannot match text[a:b])."""
    if low is None:
        return True
    return has_any(low[a:b], words.cues if isinstance(words, Words) else words)


def _may_end(low: str | None, a: int, b: int, ends: tuple[str, ...]) -> bool:
    """False only where ``low[a:b]`` does not end with one of ``ends`` (spaces aside)."""
    return low is None or ends_with_any(low[a:b], ends)


def _qualifier(text: str, low: str | None, start: int) -> str:
    """Qualifier from ``text[start - 30 : start]``, the words right before the number."""
    a = max(0, start - 30)
    tail = None
    if low is not None:
        tail = low[a:start].rstrip()
        if not ends_with_any(tail, _ANY_QUALIFIER_END):
            return "exact"
    before = text[a:start]
    best: tuple[int, str] | None = None
    for name, pattern, ends in _QUALIFIERS:
        if tail is not None and not ends_with_any(tail, ends):
            continue
        m = pattern.search(before)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), name)
    return best[1] if best else "exact"


def _money_metric(text: str, low: str | None, a: int, b: int) -> str | None:
    """Metric of an amount of money from the words of ``text[a:b]``, before it (nearest family word wins)."""
    if not _may(low, a, b, _MONEY_CUES):
        return None
    context = text[a:b]
    last = None
    for m in _MONEY.finditer(context):
        last = m
    if last is None:
        return None
    family = last.lastgroup
    if family == "invest":
        return "investment_registered_capital"
    if family in ("exports", "imports"):
        return family
    return "trade_target" if _may(low, a, b, TARGET) and _TARGET.search(context) else "trade_turnover"


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
    if unit in MONEY_UNITS or unit == "tonnes":  # money, or goods by weight ("impor ... 6 juta ton jagung")
        metric = (_money_metric(text, low, ls, qs) or _money_metric(text, low, c0, qs)
                  or _money_metric(text, low, 0, qs))
        if unit == "tonnes" and metric not in (None, "exports", "imports", "trade_turnover"):
            metric = None  # a weight is never capital
        return metric or "other"
    near = None
    if unit == "percent" or (unit == "count" and "lipat" in q.surface.lower()):
        if _may(low, ls, wide, TOURISM):
            near = text[ls:qs] + " " + q.surface + " " + text[qe:re_]
            if _TOURISM.search(near):
                return "tourist_arrivals_growth"
        if _may(low, ls, wide, _MONEY_CUES) and _may(low, ls, wide, GROWTH):
            near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
            if _MONEY.search(near) and _GROWTH.search(near):
                return "trade_growth"
        return "other"
    if unit == "projects":
        if _may(low, ls, wide, INVESTMENT_PROJECTS) and _INVEST.search(text[ls:qs] + " " + q.surface + " " + text[qe:re_]):
            return "investment_projects"
        return "other"
    if unit == "documents":
        return "agreements_signed" if _may(low, c0, c1, SIGNED) and _SIGN.search(text[c0:c1]) else "other"
    # the same tests as before, the cheap ones first (each only reads, so the order changes nothing)
    if (unit is None or noun in ("negara", "mitra", "countries", "partners")) and _may(low, ls, qs, COUNT_CUES):
        left = text[ls:qs]
        if _COUNT_CUE.search(left) and (find_levels(left) or (_may(low, ls, qs, LOOSE_LEVEL) and _LOOSE_LEVEL.search(left))):
            return "strategic_partner_count"
    if (unit is None or noun in ("mahasiswa", "pelajar", "siswa", "students")) and _may(low, ls, wide, STUDENTS):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _STUDENT.search(near):
            return "students"
    if ((unit is None or noun in ("beasiswa", "scholarships")) and _may(low, ls, wide, SCHOLARSHIPS)
            and _may(low, ls, wide, PER_YEAR)):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _SCHOLAR.search(near) and _PER_YEAR.search(near):
            return "scholarships_per_year"
    if (unit is None or unit == "persons" or noun == "kunjungan") and _may(low, ls, wide, TOURISM):
        near = near or text[ls:qs] + " " + q.surface + " " + text[qe:re_]
        if _TOURISM.search(near):
            return "tourist_arrivals"
    if (unit is None or unit == "persons") and _may(low, ls, qs, COMMUNITY) and _COMMUNITY.search(text[ls:qs]):
        return "community_size"
    if unit is None or noun in NEEDS_METRIC_NOUNS:
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
        m = _TOURIST_WHO.search(text[lo:hi]) if _may(low, lo, hi, TOURIST_NOUNS) else None
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
    if metric == "other" and partner and _may(low, lo, hi, BILATERAL) and _BILATERAL.search(text[lo:hi]):
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


def _candidates(text: str, matches: list[re.Match[str]], base: int, dates: tuple[DateSpan, ...]
                ) -> tuple[list[Quantity], str | None]:
    """The quantities of a sentence (its matches, at ``base``: :func:`quantity_matches`)
    that may be figures, and ``_fold(text)``.

    Not figures: numbers in dates, durations, years and other numbers that are not values
    (ordinals, codes, slogans; a bare number needs a value verb before it). Each test only skips,
    so the cheap ones go first (a number in a date is not even read).
    """
    keep: list[Quantity] = []
    low: str | None = None
    folded = False
    covered = 0  # the end of the last range read: its second number is already one of its bounds
    for m in matches:
        num_start = m.start("num") - base
        if num_start < covered:
            continue
        for d in dates:
            if d.start <= num_start < d.end:
                break
        else:
            q = quantity_of(m, base)
            if q is None:
                continue
            # "12-15%", "12-15 miliar USD": a range, whose two bounds are figures ("12" alone is not)
            bounds = range_bounds(text, q)
            if bounds is not None:
                q, covered = bounds[0], bounds[0].end
            start, end, _, _, value, unit, noun = q
            # a bare number before "tahun" is a duration ("75 tahun"); after a unit, "tahun" starts a period
            # ("naik 15 persen tahun lalu", "600 juta USD tahun 2023")
            if unit is None and noun in NOT_FIGURE_NOUNS:
                continue
            if unit is None and value.is_integer() and 1800 <= value <= 2100:
                continue
            if not folded:
                low, folded = _fold(text), True
            a = max(0, start - 20)
            # "peringkat ke-26", "dari 149 negara": a rank or a share, unless an amount ("naik ke 3,2 miliar USD",
            # "meningkat dari 2,1 miliar USD ... menjadi ...": a change stated as a path)
            if (unit not in MONEY_UNITS and unit != "percent" and _may_end(low, a, start, _BEFORE_SKIP_ENDS)
                    and _BEFORE_SKIP.search(text[a:start])):
                continue
            # "21 dari 63 lokasi": a part of a whole; but "naik 20% dari 1 miliar USD" is a growth from a baseline
            if ((low is None or low[end : end + 12].lstrip().startswith(_AFTER_SKIP_STARTS))
                    and _AFTER_SKIP.match(text[end : end + 12])
                    and not (unit == "percent" and _GROWTH.search(text, max(0, start - 30), start))):
                continue
            if not set(_QUOTES).isdisjoint(text[max(a, start - 3) : start]) and _QUOTE_BEFORE.search(text[a:start]):
                continue
            if unit is None:
                v = max(0, start - 40)
                if not (_may_end(low, v, start, _VALUE_VERB_ENDS) and _VALUE_VERB.search(text[v:start])):
                    continue
            keep.extend(bounds if bounds is not None else (q,))
    return keep, low


#: the columns of the figures table, in order
_COLUMNS = ["article_id", "sentence_id", "metric", "partner_iso3", "direction", "period", "period_basis", "value",
            "unit", "usd_value", "qualifier", "modality", "modality_cue", "surface", "evidence"]
#: metrics whose periods carry over from one sentence to the next ("Di antaranya, ekspor ...")
_FAMILIES = {"trade_turnover": "trade", "trade_growth": "trade", "exports": "trade", "imports": "trade",
             "trade_target": "trade", "investment_registered_capital": "investment", "investment_projects": "investment",
             "tourist_arrivals": "tourism", "tourist_arrivals_growth": "tourism"}
# two amounts given as one ("3 miliar euro, setara 3,3 miliar USD", "9 miliar USD (sekitar 220.000 miliar VND)")
_EQUIVALENT_GAP = re.compile(
    rf"^\s*[,(]?\s*(?:atau\s+)?(?:{EQUIVALENT_WORDS.alternation}\s+)?(?:dengan\s+)?(?:sekitar\s+|kurang\s+lebih\s+)?$", _I
)


def _family(metric: str) -> str:
    return _FAMILIES.get(metric, metric)


def _merge_equivalents(text: str, qs: list[Quantity]) -> tuple[list[Quantity], dict[int, float]]:
    """Amounts given beside their equivalent in another currency are one figure: the first stays,
    the second goes, and a US dollar amount among the two is the figure's ``usd_value`` (by index)."""
    kept: list[Quantity] = []
    usd: dict[int, float] = {}
    skip = -1
    for i, q in enumerate(qs):
        if i == skip:
            continue
        if q.unit in MONEY_UNITS and i + 1 < len(qs):
            nxt = qs[i + 1]
            if (nxt.unit in MONEY_UNITS and nxt.unit != q.unit and ("USD" in (q.unit, nxt.unit))
                    and _EQUIVALENT_GAP.match(text[q.end : nxt.start])):
                usd[len(kept)] = q.value if q.unit == "USD" else nxt.value
                skip = i + 1
        if q.unit == "USD" and len(kept) not in usd:
            usd[len(kept)] = q.value
        kept.append(q)
    return kept, usd


def _fall(text: str, clause: tuple[int, int], q: Quantity) -> bool:
    """True when the change word nearest before a growth's number says it fell ("turun 12 persen",
    "mengalami penurunan sebesar 3%"): the growth is then negative."""
    words = [m.group(0) for m in _GROWTH.finditer(text, max(clause[0], q.start - 80), q.start)]
    return bool(words) and _GROWTH_DOWN.fullmatch(words[-1]) is not None


def _amount_after(k: int, figures: list[tuple[int, Quantity, str, int]], picked: list, text: str,
                  low: str | None) -> tuple[str, str] | None:
    """The period, and its basis, of the first amount of the same family after growth ``k`` in its clause,
    when the sentence dates that amount: a growth before its amount shares the amount's period ("menurun
    8,5% menjadi 1,2 miliar USD pada tahun lalu"). The start of a path ("naik 20% dari 1 miliar USD pada
    2022 menjadi ...") is the baseline, not the amount the growth reached, and is passed over."""
    _, _, metric, c = figures[k]
    family = _family(metric)
    for (_, q, other, c2), source in zip(figures[k + 1 :], picked[k + 1 :]):
        if c2 != c:
            break
        if _family(other) != family or other.endswith("_growth") or _PATH_FROM.search(text, max(0, q.start - 12), q.start):
            continue
        if source is None:
            return None
        period = period_from_date(other, text, source, low)
        return None if period is None else (period, source.basis)
    return None


# the start of a path: "dari 1 miliar USD", "from USD 1 billion"
_PATH_FROM = re.compile(r"\b(?:dari|from)\s+(?:\S+\s+)?$", re.IGNORECASE)


def _sentence_figures(sid: str, aid: str, text: str, ments: list[Mention], adate: ArticleDate, fallback: str | None,
                      carried: dict[str, tuple[str, str]], candidates: list[Quantity], dates: tuple[DateSpan, ...],
                      low: str | None, columns: dict[str, list[object]], cues: list | None = None,
                      spans: list[tuple[int, int]] | None = None) -> dict[str, tuple[str, str]]:
    """Figures of the ``candidates`` (:func:`_candidates`) of one sentence, one item added to each
    of ``columns`` per figure; returns the periods they state (and their basis), by metric family.
    ``cues``, ``spans``: the sentence's modality cues and clauses, when the caller has them."""
    spans = clauses(text) if spans is None else spans
    clause_starts = [a for a, _ in spans]
    usable_ments = [m for m in ments if m.iso3 != VIETNAM and not is_currency_mention(text, m)]
    candidates, usd = _merge_equivalents(text, candidates)
    # a range's two bounds (:func:`range_bounds`: one surface, two numbers): the lower is "more than", the upper "less than"
    bound: dict[int, str] = {}
    for j in range(len(candidates) - 1):
        a, b = candidates[j], candidates[j + 1]
        if (a.start, a.end) == (b.start, b.end) and a.num_start < b.num_start:
            bound[j], bound[j + 1] = "more_than", "less_than"
    figures: list[tuple[int, Quantity, str, int]] = []  # (index in candidates, quantity, metric, clause index)
    for i, q in enumerate(candidates):
        c = bisect_right(clause_starts, q.start) - 1
        metric = _metric(q, text, spans[c], low)
        if metric is not None:
            figures.append((i, q, metric, c))
    if not figures:
        return carried
    sources = period_sources(text, dates, low, adate.date, adate.precision)
    picked = list(pick_sources([(q.start, q.end) for _, q, _, _ in figures], [c for _, _, _, c in figures], sources, text))
    # a range's bounds share the date the text gives the range ("12-15 miliar USD pada tahun 2030")
    for k in range(len(figures) - 1):
        if bound.get(figures[k][0]) == "more_than" and figures[k + 1][0] == figures[k][0] + 1:
            picked[k] = picked[k + 1] = picked[k] or picked[k + 1]
    explicit: dict[str, tuple[str, str]] = {}  # by family, the period of the last figure dated by the sentence
    growth: dict[str, tuple[str, str]] = {}  # the same, of growths only
    for k, ((i, q, metric, c), source) in enumerate(zip(figures, picked)):
        clause = spans[c]
        partner = _partner(metric, q, text, clause, usable_ments, fallback)
        basis: str | None
        found = modality_before(text, q.start, clause, cues=cues)
        if metric == "trade_target" and found.modality == "stated":
            found = Modality("aim", "target")
        elif metric == "trade_turnover" and found.modality == "aim":
            metric = "trade_target"  # a turnover only wished for is a target ("bermaksud meningkatkannya menjadi ...")
        # a plan or a wish takes a date only from its own clause: "Pada tahun 2024 omzet mencapai X; kedua pihak
        # bermaksud meningkatkannya menjadi Y" gives Y no year, and the article's date is no target's period
        wish = found.modality != "stated"
        family, is_growth = _family(metric), metric.endswith("_growth")
        # a growth and its amount share a period: a growth after its amount takes the amount's, its baseline
        # aside ("mencapai 300 juta USD pada tahun 2016, meningkat 19,9% dibandingkan dengan tahun 2015"), an
        # amount after its growth the growth's ("meningkat 18 persen tahun lalu menjadi 2,2 miliar USD"), and an
        # undated growth the period of the amount it reached (:func:`_amount_after`)
        partner_period = (explicit if is_growth else growth).get(family)
        if source is not None and wish and not clause[0] <= source.start < clause[1]:
            source = None
        if source is not None:
            period = period_from_date(metric, text, source, low)
            basis = source.basis if period is not None else "unresolved"
            if period is not None:
                explicit[family] = (period, basis)
                if is_growth:
                    growth[family] = (period, basis)
        elif wish:
            period, basis = None, None
        elif partner_period is not None:
            period, basis = partner_period
        elif is_growth and (after := _amount_after(k, figures, picked, text, low)) is not None:
            period, basis = after
        elif family in carried:
            period, basis = carried[family]
        elif adate.year is not None and _may(low, clause[0], clause[1], PRESENT) and _PRESENT.search(text[clause[0] : clause[1]]):
            period, basis = f"{adate.year}", "article_date"
        else:
            period = adate.period()
            basis = None if period is None else "article_date"
        mod = settle(found, partial(period_end, period), adate.date)
        columns["article_id"].append(aid)
        columns["sentence_id"].append(sid)
        columns["metric"].append(metric)
        columns["partner_iso3"].append(partner)
        columns["direction"].append(_direction(metric, partner, q, text, clause, ments, low))
        columns["period"].append(period)
        columns["period_basis"].append(basis)
        columns["value"].append(-q.value if is_growth and _fall(text, clause, q) else q.value)
        columns["unit"].append(q.unit if q.unit is not None else _default_unit(metric))
        columns["usd_value"].append(usd.get(i, float("nan")))
        columns["qualifier"].append(bound.get(i) or _qualifier(text, low, q.start))
        columns["modality"].append(mod.modality)
        columns["modality_cue"].append(mod.cue)
        columns["surface"].append(q.surface)
        columns["evidence"].append(text)
    return explicit


def extract_figures(sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The figures table (columns: :data:`vnpartners.schema.MEANINGS`) from fact-bearing sentences, in text order.

    Columns: ``article_id``, ``sentence_id``; ``metric`` (see :data:`METRICS`); ``partner_iso3``
    (or NA); ``direction`` (``inbound``/``outbound``/``bilateral`` or NA); ``period`` (``YYYY``,
    ``YYYY-Qn``, ``YYYY-MM``, ``YYYY-MM/YYYY-MM`` or NA); ``value`` (fully scaled float);
    ``unit``; ``qualifier``; ``surface`` (the number with its unit words, a substring of
    ``evidence``); ``evidence`` (the sentence). The rules are in the module doc.
    """
    return figures_table(fact_input(sentences, mentions, articles))


def figures_table(data: FactInput) -> pd.DataFrame:
    """:func:`extract_figures` on sentences already taken out of their tables (shared with the other extractors)."""
    columns: dict[str, list[object]] = {c: [] for c in _COLUMNS}
    texts = [str(text) for text in data.texts]
    found = quantity_matches(texts, data.date_spans)  # numbers in dates are no figures: some are not even matched
    article_ids = data.article_ids
    # only the previous sentence's dated figures carry over, within an article: a sentence without
    # figures carries nothing
    carried: dict[str, tuple[str, str]] = {}
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
            data.fallbacks.get(str(aid)), carried, candidates, dates, low, columns, data.cues(i), data.clauses(i),
        )
        last = i
    return conform(pd.DataFrame(columns, columns=_COLUMNS), "figures")
