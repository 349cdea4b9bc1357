"""Which act a date is of: the event keywords of a sentence's clauses, and which date owns which.

**Kind**: keywords (:data:`vocabulary.EVENT_WORDS`) are looked for in the date's clause (a
sentence is cut into clauses at ";" and ":", so a list "X mengunjungi Vietnam (Mei 2023); Y
menelepon ... (Agustus 2024)" gives each date its own words). Each keyword belongs to the nearest
date of its clause (within ``MAX_KEYWORD_GAP`` characters when the clause has several dates); a
date takes the highest-priority kind among its keywords, in the order of the vocabulary (phone
call, talks, visit, meeting as a verb, joint statement, trade agreement, treaty, signing, a
partnership level, anniversary, diplomatic relations, multilateral meeting, meeting as a noun,
cultural event); else ``other``.

A date's own words are cut where another clause opens:

- **a clause of its own** (:data:`vocabulary.SUBORDINATORS`: "sejak", "dalam konteks", "setelah" ...): a date
  after an act named in such a clause is that act's ("kunjungan pertama ... sejak kedua negara menjalin
  hubungan diplomatik pada tahun 1973" dates the relations, not the visit), and such a clause after a date
  that has an act before it is not the date's ("menjalin hubungan diplomatik pada 22 Maret 1973, dua bulan
  setelah Perjanjian Paris ditandatangani");
- **a list after a colon**: an item that names no act is an act of the list's head ("ada kunjungan ke
  Finlandia oleh: Perdana Menteri Vo Van Kiet (Juni 1995); ..."), unless the head has a date of its own or
  names what is commemorated.

A keyword is ``(start, end, kind, priority)``: offsets in the sentence, the kind, and its rank (lower wins).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container

from .partnerships import find_levels
from .vocabulary import AND_WORDS, EVENT_WORDS, SUBORDINATORS
from .words import fold_case, has_any

__all__ = ["COMMEMORATED_KINDS", "EVENT_KINDS", "MAX_KEYWORD_GAP", "Keyword", "elided_act", "event_kind", "gap",
           "keywords", "next_bracketed_item",
           "list_head", "nearer_clause", "owned_keywords"]

Keyword = tuple[int, int, str, float]
#: the kinds of the two halves of an anniversary span ("peringatan 75 tahun hubungan diplomatik (1950-2025)"):
#: dates of what is commemorated, never of a partnership act in the same sentence
COMMEMORATED_KINDS = ("anniversary", "diplomatic_relations", "commemoration")

#: kinds with their keyword regexes, highest priority first (built from :data:`vocabulary.EVENT_WORDS`)
EVENT_KINDS: list[tuple[str, re.Pattern[str]]] = [(kind, words.regex()) for kind, words in EVENT_WORDS]
_PARTNERSHIP_PRIORITY = next(i for i, (kind, _) in enumerate(EVENT_KINDS) if kind == "agreement_signing") + 0.5
#: a keyword further than this many characters from every date of its clause is not used
MAX_KEYWORD_GAP = 120

# (priority, kind, regex, the words' cues: a clause with none of them cannot match, and the regex is not run)
_KINDS_WITH_WORDS = [(float(i), kind, words.regex(), words.cues) for i, (kind, words) in enumerate(EVENT_WORDS)]


def keywords(text: str, lo: int, hi: int) -> list[Keyword]:
    """(start, end, kind, priority) of every keyword in text[lo:hi]."""
    found: list[Keyword] = []
    part = text[lo:hi]
    folded = fold_case(part)
    for priority, kind, pattern, words in _KINDS_WITH_WORDS:
        if has_any(folded, words):
            found.extend((lo + m.start(), lo + m.end(), kind, priority) for m in pattern.finditer(part))
    for lm in find_levels(part):
        found.append((lo + lm.start, lo + lm.end, "partnership", _PARTNERSHIP_PRIORITY))
    return found


def event_kind(text: str) -> str:
    """The kind a clause's words give an event (the highest-priority keyword), else ``other``.

    >>> event_kind("Medvedev, yang mengunjungi Vietnam"), event_kind("menghadiri KTT BRICS di Kazan")
    ('visit', 'multilateral_meeting')
    """
    kws = keywords(text, 0, len(text))
    return min(kws, key=lambda k: (k[3], k[0]))[2] if kws else "other"


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


_SUBORDINATOR = SUBORDINATORS.regex()
# what joins the items of a list: a comma, a word of AND_WORDS, or both ("1993, 2003, dan 2012"; "... pada Maret
# 2016 dan kunjungan ..."); group ``word``: the joining word. Every part is optional: it matches the empty string
_ITEM_JOIN = re.compile(rf"\s*(?:,\s*)?(?:(?P<word>{AND_WORDS.alternation})\s)?", re.IGNORECASE)


def _closes_item(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is in brackets, closing an item of a list ("... Nguyen Thi Binh (1976)")."""
    return text[end : end + 1] == ")"


def next_bracketed_item(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the date at ``start``-``end`` closes the next item of a list whose items each close with a
    bracketed date, after the date ending at ``previous_end`` ("Perdana Menteri Pham Van Dong (1978) dan
    Menteri Luar Negeri ... Nguyen Thi Binh (1976)"): it shares that item's act when it names none."""
    if not (_closes_item(text, previous_end) and _closes_item(text, end)):
        return False
    return _ITEM_JOIN.match(text, previous_end + 1, start).end() > previous_end + 1  # type: ignore[union-attr]


def list_head(text: str, spans: list[tuple[int, int]], clause: tuple[int, int], clause_keywords,  # type: ignore[no-untyped-def]
               dated: Container[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    """The kind and clause of the act a colon introduces a list of ("ada kunjungan ke Finlandia oleh: Perdana
    Menteri Vo Van Kiet (Juni 1995); Perdana Menteri Phan Van Khai (September 1999)"), for an item of it that
    names no act of its own; None when the last clause before ``clause`` that ends with a colon names no act,
    or has a date of its own (``dated``: the clauses with dates), whose act its words are, or names what is
    commemorated ("merayakan tonggak sejarah penting: ..."): an item's date is then what its own words say."""
    for a, b in reversed(spans):
        if b <= clause[0] and text[b : b + 1] == ":":
            kws = [] if (a, b) in dated else clause_keywords((a, b))
            kind = min(kws, key=lambda k: (k[3], k[0]))[2] if kws else None
            return None if kind is None or kind in COMMEMORATED_KINDS else (kind, (a, b))
    return None


def elided_act(text: str, spans: list[tuple[int, int]], clause: tuple[int, int],
               acts: dict[tuple[int, int], str]) -> tuple[str, tuple[int, int]] | None:
    """The act an item of a ";" list leaves out, and the item that names it ("Presiden José Ramos-Horta
    mengunjungi Vietnam (April 2010); Perdana Menteri Xanana Gusmão (September 2013); ...": the second is a
    visit too), for ``clause``, an item that names no act; ``acts``: the kind of the dates of the clauses
    before. None unless the item right before it, after a ";", dated an act (not a commemoration)."""
    i = spans.index(clause)
    if i == 0 or text[clause[0] - 1 : clause[0]] != ";":
        return None
    before = spans[i - 1]
    kind = acts.get(before)
    return None if kind is None or kind == "other" or kind in COMMEMORATED_KINDS else (kind, before)


def nearer_clause(text: str, kws: list[Keyword], start: int,
                   end: int) -> list[Keyword]:
    """The keywords a date at ``start``-``end`` keeps of ``kws`` (its own), when a word that opens a clause of
    its own (:data:`vocabulary.SUBORDINATORS`) stands between them: none before such a clause that names an
    act before the date ("kunjungan pertama ... sejak kedua negara menjalin hubungan diplomatik pada tahun
    1973" dates the relations, not the visit); none in such a clause after a date that has an act before it
    ("menjalin hubungan diplomatik pada 22 Maret 1973, hanya dua bulan setelah Perjanjian Paris
    ditandatangani" dates the relations, not a signing)."""
    before = [k for k in kws if k[1] <= start]
    if len(before) >= 2 and SUBORDINATORS.may_occur(text[before[0][0] : start]):
        cut = None  # the last subordinator with an act between it and the date
        for m in _SUBORDINATOR.finditer(text, before[0][1], start):
            if any(k[0] >= m.end() for k in before):
                cut = m.start()
        if cut is not None:
            kws = [k for k in kws if k[0] >= cut]
            before = [k for k in kws if k[1] <= start]
    after = [k for k in kws if k[0] >= end]
    if before and after and SUBORDINATORS.may_occur(text[end : after[-1][0]]):
        m = _SUBORDINATOR.search(text, end, after[-1][0])
        if m is not None:
            kws = [k for k in kws if k[0] < m.start()]
    return kws


def _opens_next_item(text: str, before: tuple, kw: Keyword, after: tuple) -> bool:
    """Whether keyword ``kw``, between the dates ``before`` and ``after``, opens the item the later date
    closes: :data:`vocabulary.AND_WORDS` right after the earlier date ("kunjungan ... pada Maret 2016 dan
    kunjungan Presiden Iran, Hassan Rouhani di Vietnam pada Oktober 2016"), or, in a list of items each
    closed by its date in brackets, a comma between the earlier date and the keyword and none between the
    keyword and the later date ("Perjanjian Kerjasama Kebudayaan-Informasi (2005), MoU kerjasama antara dua
    Kementerian Luar Negeri (2015)"). A date before a comma that opens its sentence ("Pada tanggal 21
    Agustus, genap 50 tahun hubungan diplomatik ...") keeps its words."""
    if _ITEM_JOIN.match(text, before[1], kw[0])["word"]:  # type: ignore[index]
        return True
    bracketed = _closes_item(text, before[1]) and _closes_item(text, after[1])
    return bracketed and "," in text[before[1] : kw[0]] and "," not in text[kw[1] : after[0]]


def owned_keywords(kws: list[Keyword], pieces: list[tuple], text: str = "") -> list[list[Keyword]]:
    """The keywords each date of a clause owns: each keyword goes to its nearest date (the later one on a
    tie), within ``MAX_KEYWORD_GAP`` when the clause has several dates. Dates are in text order. A keyword
    that opens a new item after a date is the next date's, however near the earlier one (:func:`_opens_next_item`)."""
    owned: list[list[Keyword]] = [[] for _ in pieces]
    if not pieces:
        return owned
    p_starts = [p[0] for p in pieces]
    for kw in kws:
        # the nearest date is the last one starting at or before the keyword's end, or the one after it
        k = bisect_right(p_starts, kw[1]) - 1
        best, best_gap = None, None
        if 0 <= k < len(pieces) - 1 and pieces[k][1] <= kw[0] and _opens_next_item(text, pieces[k], kw, pieces[k + 1]):
            best, best_gap = k + 1, gap((kw[0], kw[1]), (pieces[k + 1][0], pieces[k + 1][1]))
        for cand in () if best is not None else (k - 1, k, k + 1):
            if 0 <= cand < len(pieces):
                dist = gap((kw[0], kw[1]), (pieces[cand][0], pieces[cand][1]))
                if best is None or dist < best_gap or (dist == best_gap and pieces[cand][0] > pieces[best][0]):
                    best, best_gap = cand, dist
        if best is not None and (len(pieces) == 1 or best_gap <= MAX_KEYWORD_GAP):
            owned[best].append(kw)
    return owned


