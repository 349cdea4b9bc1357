"""Partnership levels stated in a sentence: who, which level, what happened to it, and when.

Rules (general Indonesian news usage, no rule keyed to one article):

**Level phrases** (any capitalisation, "nan" read as "yang", "menyeluruh" as "komprehensif"):

- ``comprehensive_strategic_cooperative``: "Kemitraan Kerja Sama Strategis Komprehensif",
  "Mitra Kerja Sama Strategis Komprehensif", "Comprehensive Strategic Cooperative Partnership"
  (the name of China's partnership);
- ``comprehensive_strategic``: "Kemitraan Strategis Komprehensif", "kemitraan strategis yang/nan
  komprehensif", "Mitra Strategis Komprehensif", "kemitraan (bilateral) yang komprehensif dan
  strategis", "kemitraan komprehensif dan strategis", "Comprehensive Strategic Partnership";
- ``strategic``: "Kemitraan Strategis", "Strategic Partnership";
- ``comprehensive``: "Kemitraan Komprehensif", "Comprehensive Partnership".

Not levels: "Kemitraan Ekonomi Komprehensif Regional" (RCEP), "Perjanjian Komprehensif dan
Progresif untuk Kemitraan Trans-Pasifik" / "Kemitraan Komprehensif dan Progresif Trans-Pasifik"
(CPTPP), any "Perjanjian Kemitraan ..." agreement, "kerja sama strategis", "makna strategis",
"mitra yang sangat penting", and a bare "mitra strategis" (used loosely as praise).

**Action**, from the verb that governs the level phrase in its clause (up to ~8 words before it,
or a passive just after it):

- ``upgraded``: "meningkatkan/ditingkatkan/peningkatan/menaikkan ... menjadi/ke ..." (the level
  follows "menjadi"/"ke"/"to"), "upgrade ... to"; also a higher level listed after a lower one
  for the same partner with a later year ("menjalin Kemitraan Strategis pada tahun 2001;
  Kemitraan Strategis Komprehensif pada tahun 2012");
- ``established``: "menjalin/membentuk/pembentukan/mendirikan/menetapkan/meresmikan", "yang
  dijalin/dibentuk ...", "establish";
- ``deepened``: "memperdalam/pendalaman/memperkuat/penguatan/mempererat/memajukan/pemajuan/
  peningkatan (without 'menjadi')", "deepen/strengthen"; in a title ("Memperdalam Kemitraan ...")
  a headline aim, so ``mentioned``;
- ``mentioned``: anything else.

**Year/month**: ``mentioned`` rows have none. Otherwise the date in the same clause nearest to the
level phrase (comparison dates and anniversary spans aside); else the article's publication date
(year, and month when the article's month is known), since an undated establishment, upgrade or
deepening in a news report is the news of the day.

**Partner** (Vietnam is the subject of the kit, so never the partner): the countries joined to the
phrase ("Vietnam-Federasi Rusia", "dengan Kazakhstan, Azerbaijan, dan Belarus" (a row each),
"antara Vietnam dan Jepang"); else the non-Vietnam country nearest the phrase in its clause, then in
its sentence ("Presiden Putin ... kemitraan strategis nan komprehensif dengan Vietnam ... Rusia" ->
RUS); else the article's main partner (:func:`vnpartners.factcontext.main_partners`). The Soviet
Union counts as Russia.

One row per (sentence, partner, level, action, year): a ``mentioned`` row is dropped where the same
sentence states something more about the same partner and level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..reference.countries import continuing_state
from .dates import DateSpan
from .vocabulary import (
    AGREEMENT_AFTER,
    AGREEMENT_BEFORE,
    AND_WORDS,
    COMPREHENSIVE,
    COOPERATION,
    DEEPEN_VERBS,
    DEEPENED_AFTER,
    ENGLISH_LEVELS,
    ESTABLISH_VERBS,
    ESTABLISHED_AFTER,
    NOT_LEVEL_DATE_BEFORE,
    NOT_OBJECT_WORDS,
    PARTNER_LINKS,
    PARTNERSHIP_NOUNS,
    RELATIVE,
    UPGRADE_TO,
    UPGRADE_TO_NOUNS,
    UPGRADE_VERBS,
)
from .context import (
    VIETNAM,
    ArticleDate,
    FactInput,
    Mention,
    clause_of,
    clauses,
    fact_input,
    fold_case,
    has_any,
)
from ..schema import conform

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
_N = PARTNERSHIP_NOUNS.alternation
_NOT_AFTER_AGREEMENT = "".join(rf"(?<!{word}\s)" for word in AGREEMENT_BEFORE)
_LEVEL_BRANCHES = {
    "coop": [rf"{_N}\s+{_KS}\s+strategis\s+{_YN}?{_KOMP}",
             ENGLISH_LEVELS["comprehensive_strategic_cooperative"].alternation],
    "csp": [rf"{_N}\s+strategis\s+{_YN}?{_KOMP}",
            rf"\bkemitraan(?:\s+[a-z\-]+){{0,2}}?\s+{_YN}(?:{_KOMP}\s+dan\s+strategis|strategis\s+dan\s+{_KOMP})\b",
            rf"\bkemitraan\s+{_KOMP}\s+dan\s+strategis\b",
            ENGLISH_LEVELS["comprehensive_strategic"].alternation],
    "sp": [r"\bkemitraan\s+strategis\b", ENGLISH_LEVELS["strategic"].alternation],
    "cp": [rf"{_NOT_AFTER_AGREEMENT}\bkemitraan\s+{_KOMP}(?!\s+{AGREEMENT_AFTER.alternation})",
           rf"(?<!regional\s){ENGLISH_LEVELS['comprehensive'].alternation}"],
}
_LEVEL_FIRST = "".join(sorted({c for f in (*PARTNERSHIP_NOUNS.forms, *(f for w in ENGLISH_LEVELS.values() for f in w.forms))
                               for c in f[0].lower()} | {"s"}))  # "s": "strategic partnership"
# the leading look-ahead lets the regex engine skip to the letters a level phrase can start with
_LEVEL_RE = re.compile(
    f"(?=[{_LEVEL_FIRST}])(?:" + "|".join(f"(?P<{g}>" + "|".join(branches) + ")" for g, branches in _LEVEL_BRANCHES.items())
    + ")",
    _I,
)
_GROUP_LEVEL = {"coop": "comprehensive_strategic_cooperative", "csp": "comprehensive_strategic", "sp": "strategic",
                "cp": "comprehensive"}
# every level phrase holds one of these words (lower case): a text without them is not scanned
_LEVEL_WORDS = (*PARTNERSHIP_NOUNS.cues, "partner")
# a sentence states a partnership only with one of these: the English "strategic partners" alone is loose praise
_PARTNERSHIP_WORDS = (*PARTNERSHIP_NOUNS.cues, "partnership")

# ------------------------------------------------------------------------------------ verbs
# the verb nearest the level phrase decides its action
_UPGRADE_LINK = re.compile(
    rf"{UPGRADE_VERBS.pattern()}(?:\s+\S+){{0,7}}?\s+{UPGRADE_TO.alternation}\s+(?:{UPGRADE_TO_NOUNS.alternation}\s+)?$", _I
)
_ESTABLISH_VERB = re.compile(rf"{ESTABLISH_VERBS.pattern()}(?:\s+\S+){{0,6}}?\s*$", _I)
_DEEPEN_VERB = re.compile(rf"{DEEPEN_VERBS.pattern()}(?:\s+\S+){{0,6}}?\s*$", _I)
_PASSIVE_ESTABLISH = re.compile(
    rf"^(?:\s*[\w\-–]+){{0,3}}?\s*(?:yang\s+)?(?:resmi\s+)?{ESTABLISHED_AFTER.alternation}", _I
)
_PASSIVE_DEEPEN = re.compile(rf"^(?:\s*[\w\-–]+){{0,3}}?\s*(?:yang\s+)?(?:terus\s+)?{DEEPENED_AFTER.alternation}", _I)
# a level phrase glossed in brackets right after another
_GLOSS = re.compile(r"^\s*[(\[]\s*$")
# words between a verb and the level phrase that show the level is not the verb's object
_GAP_BREAK = NOT_OBJECT_WORDS.regex()
# words that join the countries of one list or compound
_JOIN = re.compile(rf"^\s*(?:,\s*{AND_WORDS.alternation}?|{AND_WORDS.alternation}|&|[-–/])\s*$", _I)
_LINK_AFTER = re.compile(
    rf"^[\s,]*(?:(?:[\w\-]+\s+){{0,3}}?{PARTNER_LINKS.alternation}\s+(?:negara\s+)?|[-–]\s*)?$", _I
)
# a comparison baseline ("dibandingkan ... tahun 2023") or a deadline ("hingga 2030") is not the date of a level
_BASELINE = re.compile(rf"{NOT_LEVEL_DATE_BEFORE.alternation}\s+(?:\S+\s+){{0,4}}$", _I)


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
        out.append(LevelMatch(m.start(), m.end(), _GROUP_LEVEL[group]))
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


def _partners(text: str, lm: LevelMatch, clause: tuple[int, int], ments: list[Mention], fallback: str | None) -> list[str]:
    """Partner codes for one level phrase (see the module doc)."""
    # 1. countries joined to the phrase right after it: "Vietnam-Rusia", "dengan A, B, dan C", "antara Vietnam dan X"
    after = [i for i, m in enumerate(ments) if m.start >= lm.end and m.start < clause[1]]
    if after:
        i = after[0]
        if _LINK_AFTER.match(text[lm.end : ments[i].start]):
            codes = [continuing_state(m.iso3) for m in _chain(ments, i, text) if m.iso3 != VIETNAM]
            if codes:
                return sorted(set(codes), key=codes.index)
    # 2. a compound just before it: "hubungan Vietnam-Jepang ..." is left to 3; nearest in the clause, then sentence
    for lo, hi in (clause, (0, len(text))):
        cands = [m for m in ments if m.iso3 != VIETNAM and m.start >= lo and m.end <= hi]
        if cands:
            best = min(cands, key=lambda m: (min(abs(m.start - lm.end), abs(lm.start - m.end)), m.start))
            # the whole coordinated list the nearest country belongs to ("Kazakhstan, Azerbaijan, dan Belarus")
            i = ments.index(best)
            while i > 0 and _JOIN.match(text[ments[i - 1].end : ments[i].start]):
                i -= 1
            codes = [continuing_state(m.iso3) for m in _chain(ments, i, text) if m.iso3 != VIETNAM]
            return sorted(set(codes), key=codes.index)
    # 3. the article's main partner
    return [fallback] if fallback else []


def _action(text: str, lm: LevelMatch, clause: tuple[int, int], is_title: bool, after_pos: int = 0) -> str:
    """The action of one level phrase.

    An upgrade may reach over an earlier level phrase ("meningkatkan hubungan dari Kemitraan
    Komprehensif menjadi Kemitraan Strategis Komprehensif"); other verbs before ``after_pos`` (the
    end of an earlier level phrase) belong to that phrase.
    """
    if _UPGRADE_LINK.search(text[max(clause[0], lm.start - 120) : lm.start]):
        return "upgraded"
    before = text[max(clause[0], lm.start - 120, after_pos) : lm.start]
    after = text[lm.end : min(clause[1], lm.end + 60)]
    candidates: list[tuple[int, str]] = []
    for pattern, action in ((_ESTABLISH_VERB, "established"), (_DEEPEN_VERB, "deepened")):
        m = pattern.search(before)
        # the level must be the verb's object, not inside a prepositional phrase after it
        # ("meningkatkan omzet perdagangan sepadan dengan kemitraan strategis" is not a deepening)
        if m and not _GAP_BREAK.search(m.group(0)):
            candidates.append((m.start(), action))
    if candidates:
        action = max(candidates)[1]  # the verb nearest the phrase
    elif _PASSIVE_ESTABLISH.match(after):
        action = "established"
    elif _PASSIVE_DEEPEN.match(after):
        action = "deepened"
    else:
        action = "mentioned"
    if is_title and action == "deepened":
        return "mentioned"
    return action


def _clause_date(dates: tuple[DateSpan, ...], text: str, lm: LevelMatch, clause: tuple[int, int]) -> tuple[int, int | None] | None:
    """(year, month or None) of the date in the clause nearest the level phrase, if any."""
    best: tuple[int, tuple[int, int | None]] | None = None
    for d in dates:
        start, end, date, date_end, precision = d.start, d.end, d.date, d.date_end, d.precision
        if start < clause[0] or end > clause[1] or date is None:
            continue
        if date_end is not None and date_end.year != date.year:
            continue  # a span of years (an anniversary, a period) does not date a level
        if _BASELINE.search(text[max(clause[0], start - 40) : start]):
            continue
        dist = lm.start - end if end <= lm.start else start - lm.end
        month = int(date.month) if precision in ("day", "month") else None
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), (int(date.year), month))
    return None if best is None else best[1]


def _sentence_rows(
    sid: str, aid: str, text: str, kind: str, ments: list[Mention], adate: ArticleDate, fallback: str | None,
    levels: list[LevelMatch], dates: tuple[DateSpan, ...],
) -> list[dict[str, object]]:
    spans = clauses(text)
    rows: list[dict[str, object]] = []
    seen_rank: dict[str, tuple[int, int]] = {}  # partner -> (highest rank so far, its year)
    prev: tuple[LevelMatch, str] | None = None
    for lm in levels:
        clause = clause_of(spans, lm.start)
        if prev is not None and _GLOSS.match(text[prev[0].end : lm.start]):
            action = prev[1]  # "Comprehensive Strategic Partnership (Kemitraan Strategis Komprehensif)"
        else:
            action = _action(text, lm, clause, kind == "title", prev[0].end if prev else 0)
        prev = (lm, action)
        when = _clause_date(dates, text, lm, clause)
        for partner in _partners(text, lm, clause, ments, fallback):
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
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": sid,
                    "partner_iso3": partner,
                    "level": lm.level,
                    "action": action_here,
                    "year": year,
                    "month": month,
                    "evidence": text,
                }
            )
    return rows


def extract_partnerships(
    sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """The partnerships table (columns: :data:`vnpartners.schema.MEANINGS`) from fact-bearing sentences.

    ``sentences`` has the sentences table's columns (``kind``, the paragraph kind, is used when
    present: a title's "Memperdalam ..." is a headline, not a report); ``mentions`` the country
    mentions of those sentences; ``articles`` gives each article's publication date.

    Columns: ``article_id``, ``sentence_id``; ``partner_iso3`` (the other country); ``level``
    (``comprehensive_strategic_cooperative``/``comprehensive_strategic``/``strategic``/
    ``comprehensive``); ``action`` (``established``/``upgraded``/``deepened``/``mentioned``);
    ``year``, ``month`` (Int64, when the level was set, deepened or raised; NA for ``mentioned``);
    ``evidence`` (the sentence).
    """
    return partnerships_table(fact_input(sentences, mentions, articles))


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
                data.article_date(aid), data.fallbacks.get(str(aid)), levels, data.date_spans(i),
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
    df = pd.DataFrame(kept, columns=["article_id", "sentence_id", "partner_iso3", "level", "action", "year", "month", "evidence"])
    return conform(df, "partnerships")
