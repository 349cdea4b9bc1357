"""Partnership levels stated in a sentence: who, which level, what happened to it, when, and whether it happened.

Rules (general Indonesian news usage, no rule keyed to one article; the words are in :mod:`.vocabulary`):

**Level phrases** (any capitalisation, "nan" read as "yang", "menyeluruh" as "komprehensif",
"kerja sama"/"kerjasama" or "dan kerja sama" allowed inside the name):

- ``comprehensive_strategic_cooperative``: "Kemitraan Kerja Sama Strategis Komprehensif",
  "Mitra Kerja Sama Strategis Komprehensif", "Comprehensive Strategic Cooperative Partnership"
  (the name of China's partnership);
- ``comprehensive_strategic``: "Kemitraan Strategis Komprehensif", "kemitraan strategis yang/nan
  komprehensif", "Mitra Strategis Komprehensif", "kemitraan (bilateral) yang komprehensif dan
  strategis", "kemitraan komprehensif dan strategis", "Comprehensive Strategic Partnership";
- ``strategic``: "Kemitraan Strategis", "Kemitraan Kerja Sama Strategis", "Strategic Partnership",
  and "mitra strategis" where no praise or field follows ("X adalah mitra strategis Vietnam");
- ``comprehensive``: "Kemitraan Komprehensif", "hubungan kemitraan dan kerja sama komprehensif",
  "mitra komprehensif" (as above), "Comprehensive Partnership".

Not levels: "Kemitraan Ekonomi Komprehensif Regional" (RCEP), "Perjanjian Komprehensif dan
Progresif untuk Kemitraan Trans-Pasifik" / "Kemitraan Komprehensif dan Progresif Trans-Pasifik"
(CPTPP), any "Perjanjian Kemitraan ..." agreement, a sectoral partnership ("Kemitraan Strategis
Energi", "mitra strategis dalam kerja sama pertanian"), "kerja sama (strategis/komprehensif)"
alone, "mitra yang sangat penting", and "mitra strategis" as praise ("mitra strategis yang andal",
"salah satu mitra strategis utama").

**Action**, from the verb that governs the level phrase in its clause (up to ~8 words before it,
or a passive just after it):

- ``upgraded``: "meningkatkan/ditingkatkan/peningkatan/menaikkan ... menjadi/ke (level) ..."
  (the level follows "menjadi"/"ke"/"to"), "upgrade ... to"; also a higher level listed after a
  lower one for the same partner with a later year ("menjalin Kemitraan Strategis pada tahun
  2001; Kemitraan Strategis Komprehensif pada tahun 2012");
- ``established``: "menjalin/membentuk/pembentukan/mendirikan/menetapkan/meresmikan", "yang
  dijalin/dibentuk/disepakati ...", "establish"; and a level whose anniversary is marked
  ("peringatan 5 tahun Kemitraan Komprehensif (2019-2024)");
- ``deepened``: "memperdalam/pendalaman/memperkuat/penguatan/mempererat/memajukan/pemajuan/
  pengembangan lebih lanjut/peningkatan (without 'menjadi')", "deepen/strengthen"; in a title
  ("Memperdalam Kemitraan ...") a headline, so ``mentioned``;
- ``mentioned``: anything else.

**Year/month**: ``mentioned`` rows have none. Otherwise the date in the same clause nearest to the
level phrase ("pada bulan Maret tahun 2011", "yang dibentuk pada tahun 2016", "sejak 2016"); a
comparison baseline is never it, a span of years only as an anniversary (its first year: "(2019-2024)"
sets 2019, as "peringatan 5 tahun ..." in 2024 does), and a date after "hingga/sampai" only where it is
already past when the article was published ("Sampai tahun 2017, kedua pihak telah meningkatkan
..." is 2017; "hingga 2030" is a target). Else the article's publication date (year, and month when
the article's month is known): an undated establishment, upgrade or deepening in a news report is
the news of the day.

**Partner** (Vietnam is the subject of the kit, so never the partner): the countries joined to the
phrase ("Vietnam-Federasi Rusia", "dengan Kazakhstan, Azerbaijan, dan Belarus" (a row each),
"antara Vietnam dan Jepang"); else the non-Vietnam country nearest the phrase in its clause, then in
its sentence; else the article's main partner (:func:`vnpartners.facts.context.main_partners`).
The Soviet Union counts as Russia.

**Modality** (:mod:`vnpartners.facts.modality`): "bertujuan untuk ... memperdalam Kemitraan ...",
"berharap", "untuk memperdalam" make an ``aim``; "akan", "sepakat untuk" a ``planned`` action; else
``stated``.

One row per (sentence, partner, level, action, year): a ``mentioned`` row is dropped where the same
sentence states something more about the same partner and level. Every step looks up dates and
countries by position (binary search), so a sentence of thousands of level phrases stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial

import pandas as pd

from ..reference.countries import continuing_state
from ..schema import conform
from .context import (
    VIETNAM,
    ArticleDate,
    FactInput,
    Mention,
    clauses,
    fact_input,
    fold_case,
    has_any,
)
from .dates import DateSpan
from .modality import Modality, modality_before, settle
from .vocabulary import (
    AGREED_CUES,
    AGREEMENT_AFTER,
    AGREEMENT_BEFORE,
    AND_WORDS,
    ANNIVERSARY_OF,
    COMPARED,
    COMPREHENSIVE,
    COOPERATION,
    DEEPEN_VERBS,
    DEEPENED_AFTER,
    ENGLISH_LEVELS,
    ESTABLISH_VERBS,
    ESTABLISHED_AFTER,
    FUTURE_MARKERS,
    LEVEL_OF,
    NOT_OBJECT_WORDS,
    PARTNER_LINKS,
    PARTNERSHIP_NOUNS,
    PRAISE_AFTER_PARTNER,
    RELATIVE,
    SECTORS,
    UNTIL_WORDS,
    UPGRADE_TO,
    UPGRADE_TO_NOUNS,
    UPGRADE_VERBS,
)

__all__ = ["LEVELS", "LEVEL_RANK", "find_levels", "extract_partnerships"]

#: levels, lowest first
LEVELS = ["comprehensive", "strategic", "comprehensive_strategic", "comprehensive_strategic_cooperative"]
#: rank of a level in Vietnam's hierarchy (the cooperative form is China's name for rank 3)
LEVEL_RANK = {"comprehensive": 1, "strategic": 2, "comprehensive_strategic": 3, "comprehensive_strategic_cooperative": 3}

_I = re.IGNORECASE
# ------------------------------------------------------------------------------------ level phrases
# built from the words of :mod:`.vocabulary` (nouns, adjectives, the English names)
_YN = rf"(?:{RELATIVE.alternation}\s+)"
_KOMP = COMPREHENSIVE.alternation
_KS = COOPERATION.alternation
_INS = rf"(?:(?:dan\s+)?{_KS}\s+)?"  # "kerja sama" inside a level's name
_N = PARTNERSHIP_NOUNS.alternation
_NOT_AFTER_AGREEMENT = "".join(rf"(?<!{word}\s)" for word in AGREEMENT_BEFORE)
# a sectoral partnership: a field right after the name, in a title's capitals ("Kemitraan Strategis Energi") or
# after "di bidang"/"dalam (kerja sama)" ("mitra strategis dalam kerja sama pertanian"); checked after the longest
# name has matched, so that a shorter name inside it never takes its place
_SECTOR_AFTER = re.compile(
    rf"\s+(?:(?:di\s+bidang|dalam(?:\s+{_KS})?|bidang)\s+{SECTORS.alternation}|(?=(?-i:[A-Z])){SECTORS.alternation})", _I
)
# the bare rung ("ke tingkat strategis") is a level only as the target of raising the relations ("hubungan")
_RELATIONS_BEFORE = re.compile(r"\bhubungan\b", _I)
# "mitra strategis" as praise: a qualifier or a field after it, or "salah satu"/"para" before it
_PARTNER_AS_LEVEL = r"(?<!salah\s\w{4}\s)(?<!para\s)\bmitra\s+"
_NOT_PRAISE = rf"(?!\s+{PRAISE_AFTER_PARTNER.alternation})(?!\w)"
# "ke tingkat strategis" names a rung only as the target of an upgrade ("meningkatkan hubungan ke tingkat strategis");
# the match starts at "ke"/"menjadi" (letters a level phrase can start with) and its "rung" group is the level phrase
_AFTER_UPGRADE_TO = r"\b(?:ke|menjadi)\s+(?P<rung{n}>"
_LEVEL_BRANCHES = {
    "coop": [rf"{_N}\s+{_KS}\s+strategis\s+{_YN}?{_KOMP}",
             ENGLISH_LEVELS["comprehensive_strategic_cooperative"].alternation],
    "csp": [rf"{_N}\s+{_INS}strategis\s+{_YN}?{_KOMP}",
            rf"{_AFTER_UPGRADE_TO.format(n=1)}{LEVEL_OF.alternation}\s+strategis\s+{_YN}?{_KOMP})",
            rf"\bkemitraan(?:\s+[a-z\-]+){{0,2}}?\s+{_YN}(?:{_KOMP}\s+dan\s+strategis|strategis\s+dan\s+{_KOMP})\b",
            rf"\bkemitraan\s+{_KOMP}\s+dan\s+strategis\b",
            ENGLISH_LEVELS["comprehensive_strategic"].alternation],
    "sp": [rf"\bkemitraan\s+{_INS}strategis\b",
           rf"{_AFTER_UPGRADE_TO.format(n=2)}{LEVEL_OF.alternation}\s+strategis\b(?!\s+{_YN}?{_KOMP}))",
           rf"{_PARTNER_AS_LEVEL}strategis\b{_NOT_PRAISE}",
           ENGLISH_LEVELS["strategic"].alternation],
    "cp": [rf"{_NOT_AFTER_AGREEMENT}\bkemitraan\s+{_INS}{_KOMP}(?!\s+{AGREEMENT_AFTER.alternation})",
           rf"{_PARTNER_AS_LEVEL}{_KOMP}{_NOT_PRAISE}",
           rf"(?<!regional\s){ENGLISH_LEVELS['comprehensive'].alternation}"],
}
_LEVEL_FIRST = "".join(sorted({c for f in (*PARTNERSHIP_NOUNS.forms, "ke", "menjadi",
                                           *(f for w in ENGLISH_LEVELS.values() for f in w.forms)) for c in f[0].lower()}))
# the leading look-ahead lets the regex engine skip to the letters a level phrase can start with
_LEVEL_RE = re.compile(
    f"(?=[{_LEVEL_FIRST}])(?:" + "|".join(f"(?P<{g}>" + "|".join(branches) + ")" for g, branches in _LEVEL_BRANCHES.items())
    + ")",
    _I,
)
_GROUP_LEVEL = {"coop": "comprehensive_strategic_cooperative", "csp": "comprehensive_strategic", "sp": "strategic",
                "cp": "comprehensive"}
# names a sectoral partnership can carry ("Kemitraan Strategis Energi"); a compound name ("Kemitraan Strategis
# Komprehensif di bidang perdagangan") is always the relations' rung, deepened in a field
_ONE_RUNG = ("sp", "cp")
# every level phrase holds one of these words (lower case): a text without them is not scanned
_LEVEL_WORDS = (*PARTNERSHIP_NOUNS.cues, "partner", "strategis")
# a sentence states a partnership only with one of these: the English "strategic partners" alone is loose praise
_PARTNERSHIP_WORDS = (*PARTNERSHIP_NOUNS.cues, "partnership", "strategis")

# ------------------------------------------------------------------------------------ verbs
# the verb nearest the level phrase decides its action
_UPGRADE_LINK = re.compile(
    rf"{UPGRADE_VERBS.pattern()}(?:\s+\S+){{0,7}}?\s+(?:{UPGRADE_TO.alternation}\s+(?:{UPGRADE_TO_NOUNS.alternation}\s+)?"
    rf"|ke\s+{LEVEL_OF.alternation}\s+(?:yang\s+)?(?:baru|lebih\s+tinggi)\s*[:,]\s*)$", _I
)
_FUTURE = FUTURE_MARKERS.regex()
_ESTABLISH_VERB = re.compile(rf"{ESTABLISH_VERBS.pattern()}(?:\s+\S+){{0,6}}?\s*$", _I)
_DEEPEN_VERB = re.compile(rf"{DEEPEN_VERBS.pattern()}(?:\s+\S+){{0,6}}?\s*$", _I)
_PASSIVE_ESTABLISH = re.compile(
    rf"^(?:\s*[\w\-–]++){{0,3}}?\s*(?:yang\s+)?(?:resmi\s+)?{ESTABLISHED_AFTER.alternation}", _I
)
# a year in brackets right after a level: the year it was set ("Kemitraan Komprehensif (2013)")
_YEAR_IN_BRACKETS = re.compile(r"^\s*\(\s*(?:1[89]|20)\d\d\s*\)")
_PASSIVE_DEEPEN = re.compile(rf"^(?:\s*[\w\-–]++){{0,3}}?\s*(?:yang\s+)?(?:terus\s+)?{DEEPENED_AFTER.alternation}", _I)
# "peringatan 5 tahun Kemitraan ...", "ulang tahun ke-10 Kemitraan ...": the level's anniversary
_ANNIVERSARY_BEFORE = re.compile(
    rf"{ANNIVERSARY_OF.alternation}\s+(?:(?P<n>\d{{1,3}})\s+tahun|ke-?\s*(?P<k>\d{{1,3}}))?\s*(?:terjalinnya\s+)?$", _I
)
_N_YEARS_BEFORE = re.compile(r"\b(?P<n>\d{1,3})\s+tahun\s+(?:terjalinnya\s+)?$", _I)
# a level phrase glossed in brackets right after another
_GLOSS = re.compile(r"^\s*[(\[]\s*$")
# words between a verb and the level phrase that show the level is not the verb's object
_GAP_BREAK = NOT_OBJECT_WORDS.regex()
# words that join the countries of one list or compound
_JOIN = re.compile(rf"^\s*(?:,\s*{AND_WORDS.alternation}?|{AND_WORDS.alternation}|&|[-–/])\s*$", _I)
_LINK_AFTER = re.compile(
    rf"^[\s,]*(?:(?:[\w\-]+\s+){{0,3}}?{PARTNER_LINKS.alternation}\s+(?:negara\s+)?|[-–]\s*)?$", _I
)
# a comparison baseline ("dibandingkan ... tahun 2023") is never the date of a level
_BASELINE = re.compile(rf"{COMPARED.alternation}\s+(?:\S+\s+){{0,4}}$", _I)
# "hingga/sampai 2030": a deadline, the date of a level only when it is already past ("Sampai tahun 2017, ... telah")
_UNTIL = re.compile(rf"{UNTIL_WORDS.alternation}\s+(?:\S+\s+){{0,2}}$", _I)


@dataclass(frozen=True)
class LevelMatch:
    """A level phrase in a text: ``text[start:end]`` states ``level``."""

    start: int
    end: int
    level: str


def find_levels(text: str) -> list[LevelMatch]:
    """Every partnership-level phrase in ``text``, in order.

    >>> [m.level for m in find_levels("menjalin Kemitraan Strategis; Kemitraan Kerja Sama Strategis Komprehensif")]
    ['strategic', 'comprehensive_strategic_cooperative']
    >>> find_levels("Kemitraan Ekonomi Komprehensif Regional (RCEP) dan CPTPP")
    []
    """
    if not has_any(fold_case(text), _LEVEL_WORDS):
        return []
    return _scan_levels(text)


def _scan_levels(text: str) -> list[LevelMatch]:
    """:func:`find_levels` without its quick word test (for a caller that has made an equal or stricter one)."""
    out: list[LevelMatch] = []
    for m in _LEVEL_RE.finditer(text):
        group = next(g for g in _GROUP_LEVEL if m.group(g) is not None)
        start = m.start()
        if group in _ONE_RUNG and _SECTOR_AFTER.match(text, m.end(), min(len(text), m.end() + 60)):
            continue  # a sectoral partnership, not a rung of the ladder
        rung = m.start("rung1") if m.start("rung1") >= 0 else m.start("rung2")
        if rung >= 0:  # "ke tingkat strategis": the level phrase is the rung
            if not _RELATIONS_BEFORE.search(text, max(0, start - 80), start):
                continue  # "kerja sama ditingkatkan ke tataran strategis": cooperation, not the relations' level
            start = rung
        out.append(LevelMatch(start, m.end(), _GROUP_LEVEL[group]))
    return out


def _chain(ments: list[Mention], first: int, text: str) -> list[Mention]:
    """The mention ``first`` and the mentions joined to it by commas, "dan", hyphens."""
    chain = [ments[first]]
    for nxt in ments[first + 1 :]:
        if _JOIN.match(text[chain[-1].end : nxt.start]):
            chain.append(nxt)
        else:
            break
    return chain


def _codes(chain: list[Mention]) -> list[str]:
    codes = [continuing_state(m.iso3) for m in chain if m.iso3 != VIETNAM]
    return sorted(set(codes), key=codes.index)


def _partners(text: str, lm: LevelMatch, clause: tuple[int, int], ments: list[Mention], starts: list[int],
              fallback: str | None) -> list[str]:
    """Partner codes for one level phrase (see the module doc); ``starts``: the mentions' starts."""
    # 1. countries joined to the phrase right after it: "Vietnam-Rusia", "dengan A, B, dan C", "antara Vietnam dan X"
    i = bisect_left(starts, lm.end)
    if i < len(ments) and ments[i].start < clause[1] and _LINK_AFTER.match(text[lm.end : ments[i].start]):
        codes = _codes(_chain(ments, i, text))
        if codes:
            return codes
    # 2. the non-Vietnam country nearest the phrase in its clause, then in the sentence, with the whole
    #    coordinated list it belongs to ("Kazakhstan, Azerbaijan, dan Belarus")
    for lo, hi in (clause, (0, len(text))):
        best = _nearest_other(ments, starts, lm, lo, hi)
        if best is not None:
            while best > 0 and _JOIN.match(text[ments[best - 1].end : ments[best].start]):
                best -= 1
            return _codes(_chain(ments, best, text))
    # 3. the article's main partner
    return [fallback] if fallback else []


def _nearest_other(ments: list[Mention], starts: list[int], lm: LevelMatch, lo: int, hi: int) -> int | None:
    """Index of the non-Vietnam mention in [lo, hi) nearest the phrase (the earlier one on a tie)."""
    best, best_key = None, None
    right = bisect_left(starts, lm.start)
    for step, rng in ((-1, range(right - 1, -1, -1)), (1, range(right, len(ments)))):
        for k in rng:
            m = ments[k]
            if m.start < lo or m.end > hi:
                if (step < 0 and m.start < lo) or (step > 0 and m.start >= hi):
                    break
                continue
            if m.iso3 == VIETNAM:
                continue
            key = (min(abs(m.start - lm.end), abs(lm.start - m.end)), m.start)
            if best_key is None or key < best_key:
                best, best_key = k, key
            break  # the nearest on this side is found
    return best


def _action(text: str, lm: LevelMatch, clause: tuple[int, int], is_title: bool, after_pos: int = 0,
            reach: int | None = None) -> tuple[str, int | None]:
    """The action of one level phrase, and where its verb starts (None: no verb before the phrase).

    An upgrade may reach over an earlier level phrase ("meningkatkan hubungan dari Kemitraan
    Komprehensif menjadi Kemitraan Strategis Komprehensif"); other verbs before ``after_pos`` (the
    end of an earlier level phrase) belong to that phrase. ``reach``: where an upgrade verb may stand, when
    the clause opens after a colon ("membawa hubungan ke jenjang baru: Kemitraan Strategis").
    """
    lo = max(clause[0] if reach is None else reach, lm.start - 120)
    m = _UPGRADE_LINK.search(text[lo : lm.start])
    if m:
        return "upgraded", lo + m.start()
    lo = max(clause[0], lm.start - 120, after_pos)
    before = text[lo : lm.start]
    after = text[lm.end : min(clause[1], lm.end + 60)]
    candidates: list[tuple[int, str]] = []
    for pattern, action in ((_ESTABLISH_VERB, "established"), (_DEEPEN_VERB, "deepened")):
        m = pattern.search(before)
        # the level must be the verb's object, not inside a prepositional phrase after it
        # ("meningkatkan omzet perdagangan sepadan dengan kemitraan strategis" is not a deepening)
        if m and not _GAP_BREAK.search(m.group(0)):
            candidates.append((m.start(), action))
    verb: int | None = None
    if candidates:
        at, action = max(candidates)  # the verb nearest the phrase
        verb = lo + at
    elif _PASSIVE_ESTABLISH.match(after) or _YEAR_IN_BRACKETS.match(after):
        action = "established"
    elif _PASSIVE_DEEPEN.match(after):
        action = "deepened"
    else:
        action = "mentioned"
    if is_title and action == "deepened":
        return "mentioned", None
    return action, verb


class _Dates:
    """The dates of one sentence a level may be dated by, in text order, for lookups by position."""

    def __init__(self, dates: tuple[DateSpan, ...], text: str, published: pd.Timestamp | None) -> None:
        self.usable: list[DateSpan] = []
        self.spans: list[DateSpan] = []  # spans of years: a level's anniversary
        for d in dates:
            if d.date is None:
                continue
            if d.date_end is not None and d.date_end.year != d.date.year:
                self.spans.append(d)
                continue
            before = text[max(0, d.start - 40) : d.start]
            if _BASELINE.search(before):
                continue
            if _UNTIL.search(before) and (published is None or pd.isna(published) or d.date >= published):
                continue  # "hingga 2030": a deadline, not when the level was set
            self.usable.append(d)
        self.starts = [d.start for d in self.usable]
        self.span_starts = [d.start for d in self.spans]

    def nearest(self, lm: LevelMatch, clause: tuple[int, int]) -> DateSpan | None:
        """The usable date in ``clause`` nearest the phrase (the later one on a tie, as first found wins)."""
        k = bisect_left(self.starts, lm.start)
        best, best_dist = None, None
        for cand in (k - 1, k):
            if 0 <= cand < len(self.usable):
                d = self.usable[cand]
                if d.start < clause[0] or d.end > clause[1]:
                    continue
                dist = abs(lm.start - d.end if d.end <= lm.start else d.start - lm.end)
                if best is None or dist < best_dist:
                    best, best_dist = d, dist
        return best

    def span_after(self, lm: LevelMatch, clause: tuple[int, int]) -> DateSpan | None:
        """A span of years right after the phrase in its clause ("Kemitraan Komprehensif (2019-2024)")."""
        k = bisect_left(self.span_starts, lm.end)
        if k < len(self.spans):
            d = self.spans[k]
            if d.end <= clause[1] and d.start - lm.end <= 40:
                return d
        return None


def _when(lm: LevelMatch, text: str, clause: tuple[int, int], dates: _Dates, adate: ArticleDate
          ) -> tuple[tuple[int, int | None] | None, bool]:
    """((year, month or None) the text dates the level by, or None), and whether it is an anniversary of it."""
    before = text[max(clause[0], lm.start - 40) : lm.start]
    anniversary = _ANNIVERSARY_BEFORE.search(before) or _N_YEARS_BEFORE.search(before)
    if anniversary is not None:
        span = dates.span_after(lm, clause)
        if span is not None and span.date is not None:
            return (int(span.date.year), None), True  # "(2019-2024)": set in 2019
        n = anniversary.groupdict().get("n") or anniversary.groupdict().get("k")
        near = dates.nearest(lm, clause)
        base = int(near.date.year) if near is not None and near.date is not None else adate.year
        if n and base is not None:
            return (base - int(n), None), True  # "peringatan 10 tahun Kemitraan ..." in 2023: set in 2013
    d = dates.nearest(lm, clause)
    if d is None or d.date is None:
        return None, False
    return (int(d.date.year), int(d.date.month) if d.precision in ("day", "month") else None), False


def _sentence_rows(
    sid: str, aid: str, text: str, kind: str, ments: list[Mention], adate: ArticleDate, fallback: str | None,
    levels: list[LevelMatch], dates: tuple[DateSpan, ...], cues: list | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> list[dict[str, object]]:
    spans = clauses(text) if spans is None else spans
    clause_starts = [a for a, _ in spans]
    starts = [m.start for m in ments]
    usable = _Dates(dates, text, adate.date)
    rows: list[dict[str, object]] = []
    seen_rank: dict[str, tuple[int, int]] = {}  # partner -> (highest rank so far, its year)
    prev: tuple[LevelMatch, str, int | None] | None = None
    for lm in levels:
        c = bisect_right(clause_starts, lm.start) - 1
        clause = spans[c]
        reach = spans[c - 1][0] if c > 0 and text[clause[0] - 1 : clause[0]] == ":" else None
        if prev is not None and _GLOSS.match(text[prev[0].end : lm.start]):
            action, verb = prev[1], prev[2]  # "Comprehensive Strategic Partnership (Kemitraan Strategis Komprehensif)"
        else:
            action, verb = _action(text, lm, clause, kind == "title", prev[0].end if prev else 0, reach)
        prev = (lm, action, verb)
        when, anniversary = _when(lm, text, clause, usable, adate)
        if anniversary and action == "mentioned":
            action = "established"  # the level whose anniversary is marked was set then
        anchor = lm.start if verb is None else verb
        mod = modality_before(text, anchor, clause if verb is None or verb >= clause[0] else (verb, clause[1]),
                              purpose=verb is not None, cues=cues)
        if (mod.modality == "planned" and mod.cue in AGREED_CUES and action in ("upgraded", "established")
                and not _FUTURE.search(text[max(clause[0], anchor - 160) : lm.start])):
            mod = Modality("stated", f"{mod.cue} (an upgrade agreed is made)")
        for partner in _partners(text, lm, clause, ments, starts, fallback):
            year: int | None = None
            month: int | None = None
            if when is not None:
                year, month = when
            elif action != "mentioned":
                year, month = adate.year, adate.month
            rank = LEVEL_RANK[lm.level]
            prior = seen_rank.get(partner)
            if (
                prior is not None
                and rank > prior[0]
                and year is not None
                and year > prior[1]
                and action in ("mentioned", "established")
            ):
                action_here = "upgraded"  # a higher level listed after a lower one, later
            else:
                action_here = action
            if year is not None and (prior is None or rank > prior[0]):
                seen_rank[partner] = (rank, year)
            if action_here == "mentioned":
                year, month = None, None
            here = settle(mod, partial(_level_end, year, month), adate.date)
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": sid,
                    "partner_iso3": partner,
                    "level": lm.level,
                    "action": action_here,
                    "year": year,
                    "month": month,
                    "modality": here.modality,
                    "modality_cue": here.cue,
                    "evidence": text,
                }
            )
    return rows


def _level_end(year: int | None, month: int | None) -> pd.Timestamp | None:
    """The first day after the month (or year) a level was set, or None without a year."""
    if year is None:
        return None
    return pd.Timestamp(year=year, month=month or 12, day=1) + pd.DateOffset(months=1)


def extract_partnerships(
    sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """The partnerships table (columns: :data:`vnpartners.schema.MEANINGS`) from fact-bearing sentences.

    ``sentences`` has the sentences table's columns (``kind``, the paragraph kind, is used when
    present: a title's "Memperdalam ..." is a headline, not a report); ``mentions`` the country
    mentions of those sentences; ``articles`` gives each article's publication date.
    """
    return partnerships_table(fact_input(sentences, mentions, articles))


_COLUMNS = ["article_id", "sentence_id", "partner_iso3", "level", "action", "year", "month", "modality",
            "modality_cue", "evidence"]


def partnerships_table(data: FactInput) -> pd.DataFrame:
    """:func:`extract_partnerships` on sentences already taken out of their tables (shared with the other extractors)."""
    rows: list[dict[str, object]] = []
    for i, (sid, aid, text, kind) in enumerate(zip(data.sentence_ids, data.article_ids, data.texts, data.kinds)):
        if not has_any(fold_case(text), _PARTNERSHIP_WORDS):
            continue
        # "mitra" or "partnership" is in the text, so find_levels' own word test would pass: skip it
        levels = _scan_levels(str(text))
        if not levels:
            continue
        rows.extend(
            _sentence_rows(
                str(sid), str(aid), str(text), str(kind), data.mentions.get(str(sid), []),
                data.article_date(aid), data.fallbacks.get(str(aid)), levels, data.date_spans(i), data.cues(i),
                data.clauses(i),
            )
        )
    # a "mentioned" row goes where the same sentence says more about the same partner and level;
    # then one row per (sentence, partner, level, action, year, month), the first one kept
    informative = {(r["sentence_id"], r["partner_iso3"], r["level"]) for r in rows if r["action"] != "mentioned"}
    kept: list[dict[str, object]] = []
    seen: set[tuple[object, ...]] = set()
    for r in rows:
        if r["action"] == "mentioned" and (r["sentence_id"], r["partner_iso3"], r["level"]) in informative:
            continue
        key = (r["sentence_id"], r["partner_iso3"], r["level"], r["action"], r["year"], r["month"])
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return conform(pd.DataFrame(kept, columns=_COLUMNS), "partnerships")
