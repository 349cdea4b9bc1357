"""Whether a fact happened, is planned, or is only aimed at: the ``modality`` of a fact row.

- ``stated``: it happened or is the case ("menandatangani Pernyataan Bersama tentang pendalaman ...");
- ``planned``: agreed or scheduled, not yet done ("akan melakukan kunjungan", "sepakat untuk ...",
  "dijadwalkan");
- ``aim``: a wish, goal or target ("bertujuan untuk ... memperdalam Kemitraan ...", "berharap",
  "menargetkan perdagangan 10 miliar USD", "untuk memperdalam ...", a purpose).

The cue is the nearest modality word (:data:`vocabulary.AIM_CUES`, :data:`vocabulary.PLANNED_CUES`)
before the fact's own word (its verb, its date, its number) in the same clause, at most
:data:`REACH` words away, with no word of :data:`vocabulary.STATED_CUES` ("telah", "resmi",
"memutuskan untuk") between them. A purpose ("untuk", "dalam rangka") right before the fact's verb
makes an aim, where the caller says the fact has a verb (partnership actions).

A plan whose date is already past when the article was published is a statement: news written in
translation often says "akan mencapai" of last year's trade ("Pada tahun 2023, omzet ... akan
mencapai 3,63 miliar USD" in a 2025 article). :func:`settle` applies that rule; :func:`foresee` its
mirror: an event stated for a date after the article's is planned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

import pandas as pd

from .vocabulary import AIM_CUES, PLANNED_CUES, PURPOSE_WORDS, STATED_CUES
from .words import fold_case, has_any

__all__ = ["MODALITIES", "REACH", "Cue", "Modality", "cues_of", "foresee", "modality_before", "is_stated", "settle",
           "stated"]

#: the three modalities, in the order lessons list them
MODALITIES = ("stated", "planned", "aim")
#: how many words a cue reaches forward
REACH = 12
_I = re.IGNORECASE
_CUE_LISTS = (("aim", AIM_CUES), ("planned", PLANNED_CUES), ("stated", STATED_CUES))
# a purpose right before a verb: "untuk (terus) memperdalam", "untuk mempromosikan dan memperdalam"
_PURPOSE = re.compile(rf"({PURPOSE_WORDS.alternation})\s+(?:[\w\-]+\s+){{0,4}}$", _I)
_WORD = re.compile(r"\w+")
# verbs before "untuk" that make it no purpose
_NOT_PURPOSE_BEFORE = ("memutuskan", "sepakat", "setuju", "bersepakat", "menyepakati", "berhasil", "decided", "agreed")


class Modality(NamedTuple):
    """A fact's modality and the words that decided it (``cue`` is None for a plain statement)."""

    modality: str
    cue: str | None


STATED = Modality("stated", None)


#: a cue word found in a sentence: (start, end, modality or "stated" for a closing word, the words)
Cue = tuple[int, int, str, str]


def cues_of(text: str) -> list[Cue]:
    """Every modality cue of a sentence, in text order (for :func:`modality_before`'s ``cues``): the
    words of :data:`vocabulary.AIM_CUES`, :data:`vocabulary.PLANNED_CUES` and :data:`vocabulary.STATED_CUES`."""
    folded = fold_case(text)
    found = [(a, b, kind, text[a:b]) for kind, words in _CUE_LISTS for a, b in words.spans(text, folded)]
    return sorted(found)


def modality_before(text: str, anchor: int, clause: tuple[int, int], *, purpose: bool = False,
                    cues: list[Cue] | None = None) -> Modality:
    """The modality of the fact whose own word starts at ``text[anchor]`` (see the module doc).

    ``clause`` bounds the search (offsets in ``text``); ``purpose`` lets a purpose "untuk" right
    before the anchor make an aim (for a fact that is a verb's object); ``cues``: the sentence's
    :func:`cues_of`, when the caller has them (a sentence's facts share one search).
    """
    lo = max(clause[0], anchor - 160)
    if cues is None:
        cues = [(lo + a, lo + b, kind, words) for a, b, kind, words in cues_of(text[lo:anchor])]
    k = bisect_right(cues, (anchor, -1)) - 1  # the last cue starting before the anchor
    while k >= 0 and cues[k][1] > anchor:
        k -= 1
    last = cues[k] if k >= 0 and cues[k][0] >= lo else None
    if last is None and not (purpose and has_any(fold_case(text[lo:anchor]), PURPOSE_WORDS.cues)):
        return STATED
    if last is not None and last[2] != "stated" and len(_WORD.findall(text, last[1], anchor)) <= REACH:
        return Modality(last[2], _squash(last[3]))
    before = text[lo:anchor]
    if purpose:
        m = _PURPOSE.search(before)
        # "memutuskan untuk menandatangani": a decision carried out, not a purpose; "sepakat untuk" is a plan
        if m is not None and not before[: m.start()].rstrip().lower().endswith(_NOT_PURPOSE_BEFORE):
            return Modality("aim", _squash(m.group(1)))
    return STATED


def _squash(text: str) -> str:
    return " ".join(text.split())


def settle(found: Modality, fact_end: pd.Timestamp | None | Callable[[], pd.Timestamp | None],
           published: pd.Timestamp | None) -> Modality:
    """A plan whose date is past at publication is a statement (see the module doc); aims stay aims.

    ``fact_end``: the first day after the fact's period (a date, a figure's period, a level's year),
    or None when it has no date, or a function that gives it (called only for a plan: date arithmetic
    is the costly part); ``published``: the article's date, or None.
    """
    if found.modality != "planned" or published is None or pd.isna(published):
        return found
    if callable(fact_end):
        fact_end = fact_end()
    if fact_end is None:
        return found
    if fact_end <= published:
        return Modality("stated", f"{found.cue} (a past date)")
    return found


def foresee(found: Modality, fact_start: pd.Timestamp | None, article_end: pd.Timestamp | None) -> Modality:
    """A statement of something dated after the article's own date is a plan: news cannot report as done
    what has not happened yet ("merayakan ulang tahun ke-50 ... tahun depan (10 Januari 1976 - 10 Januari
    2026)" in a November 2025 article). The mirror of :func:`settle`.

    ``fact_start``: the first day of the fact's date; ``article_end``: the first day after the article's
    date at its precision (:meth:`ArticleDate.end`), or None when the article's date is unknown.
    """
    if found.modality != "stated" or fact_start is None or article_end is None or pd.isna(fact_start):
        return found
    if fact_start >= article_end:
        return Modality("planned", "(a date to come)")
    return found


def stated(facts: pd.DataFrame) -> pd.DataFrame:
    """The rows of a fact table (``partnerships``, ``events`` or ``figures``) that state something happened.

    A row's ``modality`` is ``stated`` (it happened, or is so), ``planned`` ("akan", "sepakat untuk":
    agreed or scheduled, not yet done) or ``aim`` ("bertujuan", "berharap": wished for). Counts of
    what happened take the stated rows only; the others are kept in the tables, marked, for a reader
    who wants the plans. The index is kept, so a row can be found again in the full table.

    >>> import vnpartners
    >>> corpus = vnpartners.load_seeds()                      # doctest: +SKIP
    >>> vnpartners.stated(corpus.events)["modality"].unique()  # doctest: +SKIP
    array(['stated'], dtype=object)
    """
    return facts[is_stated(facts)]


def is_stated(facts: pd.DataFrame) -> pd.Series:
    """True for the rows of a fact table that state something happened (see :func:`stated`)."""
    if "modality" not in facts.columns:
        raise KeyError("stated() takes a fact table with a 'modality' column: corpus.partnerships, "
                       "corpus.events or corpus.figures")
    return facts["modality"].eq("stated")
