"""What every fact extractor needs around a sentence: its clauses, its countries, its article's date.

Small, pure helpers shared by :mod:`vnpartners.partnerships`, :mod:`vnpartners.events` and
:mod:`vnpartners.figures`. Offsets here are relative to the sentence text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from ..reference.countries import continuing_state
from .dates import DateSpan
from .dates_batch import date_spans_many
from .words import fold_case, has_any

__all__ = [
    "ArticleDate",
    "FactInput",
    "Mention",
    "VIETNAM",
    "article_dates",
    "clauses",
    "clause_of",
    "fact_input",
    "fold_case",
    "has_any",
    "is_currency_mention",
    "main_partners",
    "sentence_mentions",
]

VIETNAM = "VNM"

# clause breaks: ";" and ":" (lists of dated items), never the ":" of a clock time ("10:47")
_CLAUSE_BREAK = re.compile(r";|(?<!\d):|:(?!\d)")

class Mention(NamedTuple):
    """A country named in a sentence; ``start``/``end`` are offsets in the sentence text.

    A named tuple rather than a frozen dataclass: a load builds one per mention (tens of thousands),
    and a tuple is several times cheaper to create; it is just as immutable and compares by value.
    """

    start: int
    end: int
    iso3: str
    surface: str


def month_of(date: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, str]:
    """The month a dated thing falls in, no finer (a year stays a year): for an act known to be under way
    then but not from which day (a visit framing a dated meeting, a visit the article reports as going on)."""
    if precision in ("day", "month"):
        return pd.Timestamp(year=date.year, month=date.month, day=1), "month"
    return pd.Timestamp(year=date.year, month=1, day=1), precision


def _end_of_article(date: pd.Timestamp | None, precision: str | None) -> pd.Timestamp | None:
    if date is None or precision is None or pd.isna(date):
        return None
    if precision == "day":
        return date + pd.Timedelta(days=1)
    if precision == "month":
        return (date.replace(day=1) + pd.offsets.MonthBegin(1)).normalize()
    return pd.Timestamp(year=date.year + 1, month=1, day=1)


@dataclass(frozen=True)
class ArticleDate:
    """An article's publication date and how precisely it is known (``day``/``month``/``year``)."""

    date: pd.Timestamp | None
    precision: str | None

    @property
    def year(self) -> int | None:
        return None if self.date is None else int(self.date.year)

    @property
    def month(self) -> int | None:
        return None if self.date is None or self.precision not in ("day", "month") else int(self.date.month)

    def __post_init__(self) -> None:
        # worked out once per article: every sentence's facts compare with it, and date arithmetic is costly
        object.__setattr__(self, "_end", _end_of_article(self.date, self.precision))

    def end(self) -> pd.Timestamp | None:
        """The first day after the article's date at its precision (the next day, month or year), or None."""
        return self._end  # type: ignore[attr-defined]

    def period(self) -> str | None:
        """The article's period as a figure period: ``YYYY-MM`` (day or month known) or ``YYYY``."""
        if self.date is None:
            return None
        if self.precision in ("day", "month"):
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence: cut at ";" and ":" (never inside "10:47").

    >>> t = "menjalin Kemitraan Strategis pada tahun 2001; Kemitraan Strategis Komprehensif pada tahun 2012"
    >>> [t[a:b].strip() for a, b in clauses(t)]
    ['menjalin Kemitraan Strategis pada tahun 2001', 'Kemitraan Strategis Komprehensif pada tahun 2012']
    """
    if ";" not in text and ":" not in text:
        return [(0, len(text))]  # most sentences: one clause, no regex needed
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause span that holds offset ``pos`` (the last one if ``pos`` is past the end)."""
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1]


def sentence_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, list[Mention]]:
    """``sentence_id -> mentions`` with offsets made relative to the sentence, in text order.

    Mentions carry file offsets; the sentence's own ``start`` is subtracted. A mention whose
    offsets do not fall in its sentence (a caller that built offsets differently) is placed by
    finding its surface in the sentence text instead.
    """
    out: dict[str, list[Mention]] = {}
    if mentions is None or not len(mentions):
        return out
    where = {sid: (text, start) for sid, text, start in
             zip(sentences["sentence_id"].tolist(), sentences["text"].tolist(), sentences["start"].tolist())}
    unsorted: set[str] = set()
    last_sid: object = None
    found = None
    got: list[Mention] = []
    for sid, iso3, surface, s, e in zip(
        mentions["sentence_id"].tolist(), mentions["iso3"].tolist(), mentions["surface"].tolist(),
        mentions["start"].tolist(), mentions["end"].tolist(),
    ):
        if sid != last_sid:  # a sentence's mentions come together: look the sentence up once
            last_sid, found = sid, where.get(sid)
            if found is not None:
                got = out.setdefault(sid, [])
        if found is None:
            continue
        text, offset = found
        rs, re_ = int(s) - int(offset), int(e) - int(offset)
        if not (0 <= rs < re_ <= len(text) and text[rs:re_] == surface):
            found_at = text.find(str(surface))
            if found_at < 0:
                continue
            rs, re_ = found_at, found_at + len(str(surface))
        if got and (rs, re_) < (got[-1].start, got[-1].end):
            unsorted.add(sid)  # the mentions table is in text order already; sort only where it is not
        got.append(Mention(rs, re_, str(iso3), str(surface)))
    for sid in [sid for sid, ms in out.items() if not ms]:
        del out[sid]  # a sentence whose every mention was dropped has no entry, as before
    for sid in unsorted:
        out[sid].sort(key=lambda m: (m.start, m.end))
    return out


def article_dates(articles: pd.DataFrame) -> dict[str, ArticleDate]:
    """``article_id -> ArticleDate`` from the articles table's ``published``/``published_precision``."""
    out: dict[str, ArticleDate] = {}
    if articles is None or not len(articles):
        return out
    precision = articles["published_precision"].tolist() if "published_precision" in articles else [None] * len(articles)
    for aid, published, prec in zip(articles["article_id"].tolist(), articles["published"].tolist(), precision):
        date = None if pd.isna(published) else pd.Timestamp(published)
        out[str(aid)] = ArticleDate(date, None if date is None or pd.isna(prec) else str(prec))
    return out


def main_partners(mentions: pd.DataFrame, min_share: float = 0.4) -> dict[str, str]:
    """``article_id -> iso3`` of the article's main partner, where one stands out.

    The main partner is the non-Vietnam country named most often in the article's fact sentences
    (the Soviet Union counted as Russia, its continuing state), kept only if it is the single most
    named and has at least ``min_share`` of those mentions. Used as the partner of a fact whose
    sentence names no other country ("Pada tahun 2023, omzet perdagangan bilateral ...").
    """
    out: dict[str, str] = {}
    if mentions is None or not len(mentions):
        return out
    codes_by_article: dict[object, list[str]] = {}
    for aid, code in zip(mentions["article_id"].tolist(), mentions["iso3"].tolist()):
        codes = codes_by_article.setdefault(aid, [])
        if code != VIETNAM:
            codes.append(continuing_state(str(code)))
    for aid in sorted(codes_by_article):
        codes = codes_by_article[aid]
        if not codes:
            continue
        counts = Counter(codes).most_common()
        top, n = counts[0]
        if (len(counts) == 1 or counts[1][1] < n) and n / len(codes) >= min_share:
            out[str(aid)] = top
    return out


# "dolar AS", "dollar AS", "US$": a currency, not a mention of the United States
_CURRENCY_BEFORE = re.compile(r"(?:dolar|dollar)\s+$", re.IGNORECASE)


def is_currency_mention(text: str, mention: Mention) -> bool:
    """True where a country mention is part of a currency name ("46,2 miliar dolar AS")."""
    before = text[max(0, mention.start - 10) : mention.start]
    # "dol" in lower case is in every match ("dolar", "dollar"): re.IGNORECASE reads no other
    # character as d, o or l, so a text without it cannot match
    return "dol" in before.lower() and bool(_CURRENCY_BEFORE.search(before))


@dataclass
class FactInput:
    """What the fact extractors read, taken out of the tables once and shared by all of them.

    The sentence columns are plain lists (one item per sentence, in the order given); ``mentions``
    maps a sentence id to its mentions (see :func:`sentence_mentions`), ``dates`` an article id to
    its :class:`ArticleDate`, ``fallbacks`` an article id to its main partner (:func:`main_partners`).
    """

    sentence_ids: list
    article_ids: list
    texts: list
    kinds: list
    mentions: dict[str, list[Mention]]
    dates: dict[str, ArticleDate]
    fallbacks: dict[str, str]
    _spans: list[tuple[DateSpan, ...]] | None = field(default=None, repr=False)
    _clauses: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _cues: dict[int, list] = field(default_factory=dict, repr=False)

    def article_date(self, aid: object) -> ArticleDate:
        """The publication date of article ``aid`` (unknown when the articles table lacks it)."""
        return self.dates.get(str(aid), _NO_DATE)

    def date_spans(self, i: int) -> tuple[DateSpan, ...]:
        """The date spans of sentence ``i`` (:func:`vnpartners.dates.date_spans` with its article's year).

        The first call finds the dates of every sentence at once (:func:`vnpartners.facts.dates_batch.date_spans_many`:
        each date pattern runs once over all the sentences), shared by all the extractors.
        """
        if self._spans is None:
            years = [self.article_date(aid).year for aid in self.article_ids]
            self._spans = date_spans_many([str(t) for t in self.texts], years)
        return self._spans[i]


    def clauses(self, i: int) -> list[tuple[int, int]]:
        """The clauses of sentence ``i`` (:func:`clauses`), found once for all the extractors."""
        found = self._clauses.get(i)
        if found is None:
            found = self._clauses[i] = clauses(str(self.texts[i]))
        return found

    def cues(self, i: int) -> list:
        """The modality cues of sentence ``i`` (:func:`vnpartners.facts.modality.cues_of`), found once."""
        found = self._cues.get(i)
        if found is None:
            from .modality import cues_of

            found = self._cues[i] = cues_of(str(self.texts[i]))
        return found


_NO_DATE = ArticleDate(None, None)


def fact_input(
    sentences: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame,
    by_sentence: dict[str, list[Mention]] | None = None,
) -> FactInput:
    """Take the columns every extractor reads out of ``sentences``, ``mentions`` and ``articles``.

    ``by_sentence``: the mentions already grouped by sentence (as the loader's scan finds them,
    :func:`vnpartners.mentions.extract_mentions_by_sentence`); else :func:`sentence_mentions`
    groups the ``mentions`` table.
    """
    n = len(sentences)
    if not n:
        return FactInput([], [], [], [], {}, {}, {})
    return FactInput(
        sentence_ids=sentences["sentence_id"].tolist(),
        article_ids=sentences["article_id"].tolist(),
        texts=sentences["text"].tolist(),
        kinds=sentences["kind"].tolist() if "kind" in sentences else ["body"] * n,
        mentions=sentence_mentions(sentences, mentions) if by_sentence is None else by_sentence,
        dates=article_dates(articles),
        fallbacks=main_partners(mentions),
    )
