"""Acts an article reports without a date of their own: the news of the article's date.

News writes the act it reports in the present, with no date: "Sekretaris Jenderal To Lam ... sedang
dalam kunjungan resmi ke Finlandia", "Ini adalah kunjungan pertama Presiden Vietnam dalam 15 tahun",
"Presiden Iran Mahmud Ahmadinejad Jumat tiba di Hanoi ... untuk kunjungan resmi dua hari". Each is
an event of the article's date (``year_inferred``), found by :func:`news_of_the_day`. The date is the
article's month (its year when only that is known): an act under way began on a day the text does not
give. A weekday gives the day itself.

- **an act going on** (:data:`vocabulary.ONGOING_WORDS`, "sedang", "tengah"): a noun act needs a
  helper word before it ("sedang dalam kunjungan", "tengah melakukan pembicaraan"), a verb (me-,
  ber-: "sedang berkunjung") does not, so "sedang Pertemuan Asia-Eropa" is no act;
- **the act pointed at** ("ini adalah kunjungan ...", "kunjungan kali ini");
- **a particular visit named without a date** ("kunjungan resmi Presiden Vo Van Thuong ke Republik Austria
  menunjukkan hubungan erat"; :data:`vocabulary.VISITOR_TITLES`, a destination after "ke"/"di"), not one
  put in the past ("pernah melakukan kunjungan ..."), nor planned: the visit the article reports;
- **the visit that frames an act** in a sentence with no date ("Dalam kerangka kunjungan di Aljazair,
  Deputi Menlu ... beraudiensi kepada Menlu Aljazair"; :data:`FRAMED_VISIT`, the same words that make a
  visit the frame of a dated act): the visit the article reports, unless the article dates a visit of
  the same countries anywhere (the frame then points at that one), nor when planned;
- **a weekday with no date** ("Jumat tiba di Hanoi"): in a sentence with no date at all, the act of
  its clause happened on that weekday, the last one on or before the publication day (when the
  article's day is known; else the article's month); an act still to come ("akan tiba ... pada
  Kamis") takes the first such day on or after it.

An article of unknown date gives nothing (no date the text does not state). :func:`keep_news` then
keeps one such event per act: none where the sentence already dates an event of that kind, or where
the article dates that kind of act with the same countries in the same month (or year), since that
event is the news (for a framing visit, at any date); one per (article, kind, countries).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from .context import ArticleDate, clauses, month_of
from .vocabulary import (
    AND_WORDS,
    EARLIER_WORDS,
    EVENT_WORDS,
    FRAME_ATTEND_WORDS,
    ONGOING_HELPERS,
    ONGOING_KINDS,
    ONGOING_WORDS,
    THIS_ACT_AFTER,
    THIS_ACT_BEFORE,
    VISIT_BESIDE_WORDS,
    VISIT_FRAME_WORDS,
    VISIT_WORDS,
    VISITOR_TITLES,
    WEEKDAY_NUMBERS,
    WEEKDAYS,
)
from .words import Words, fold_case, has_any

__all__ = ["FRAMED_VISIT", "News", "keep_news", "news_of_the_day"]

_I = re.IGNORECASE


def _acts() -> tuple[dict[str, Words], dict[str, Words]]:
    """The act words of :data:`ONGOING_KINDS`, nouns and verbs apart (a verb starts with me- or ber-)."""
    nouns: dict[str, list[str]] = {}
    verbs: dict[str, list[str]] = {}
    for kind, words in EVENT_WORDS:
        if kind in ONGOING_KINDS:
            for form in words.forms:
                (verbs if form.lower().startswith(("me", "ber")) else nouns).setdefault(kind, []).append(form)
    return ({k: Words(*f) for k, f in nouns.items()}, {k: Words(*f) for k, f in verbs.items()})


_NOUNS, _VERBS = _acts()


def _named(words: dict[str, Words], suffix: str) -> str:
    return "|".join(rf"(?P<{kind}{suffix}>{w.alternation})" for kind, w in words.items())


_ALL_NOUNS = Words(*(form for w in _NOUNS.values() for form in w.forms))
_ONGOING = re.compile(
    rf"{ONGOING_WORDS.pattern()}\s+(?:(?:{ONGOING_HELPERS.alternation})\s+(?:{_named(_NOUNS, '')})|(?:{_named(_VERBS, '_v')}))",
    _I)
# each branch opens with its first words' look-ahead (Words.pattern), so the engine skips to where a match can start
_THIS_ACT = re.compile(
    rf"{THIS_ACT_BEFORE.pattern()}\s+(?:{_named(_NOUNS, '')})"
    rf"|(?={_ALL_NOUNS.first_letters})(?:{_named(_NOUNS, '_a')})\s+{THIS_ACT_AFTER.alternation}\b",
    _I)
#: a visit named as the frame of an act: "dalam kerangka kunjungan", "selama kunjungan kerjanya", "sedang
#: berkunjung", "upacara penyambutan kunjungan", and after a gathering attended in the same stretch of the
#: sentence ("pada kesempatan menghadiri Konferensi ... dan mengunjungi serta bekerja di ..."), or named beside
#: an act (:data:`vocabulary.VISIT_BESIDE_WORDS`: "yang sedang melakukan kunjungan kerja"); groups ``visit``:
#: the visit's word, ``beside``: the words of a visit beside an act, when they are the frame
FRAMED_VISIT = re.compile(
    rf"(?:(?P<beside>{VISIT_BESIDE_WORDS.pattern()})|{VISIT_FRAME_WORDS.pattern()})\s+"
    rf"(?:{FRAME_ATTEND_WORDS.alternation}\b[^,;.]{{0,160}}?\s(?:{AND_WORDS.alternation})\s+)?"
    rf"(?:(?:{ONGOING_HELPERS.alternation})\s+)?"  # "selama melakukan kunjungan", "saat menjalani kunjungan"
    rf"(?P<visit>{VISIT_WORDS.alternation})", _I)
_ONGOING_WORD = ONGOING_WORDS.regex()
# a particular visit: a visit noun, its kind ("resmi", "kenegaraan" ...), a visitor's title, then within the same
# stretch its destination ("ke"/"di" and a capital: "ke Republik Austria", "ke Iran")
_VISIT_NOUNS = Words(*(form for form in _NOUNS["visit"].forms if not form.lower().startswith("di")))  # no passive verb
_PARTICULAR_VISIT = re.compile(
    rf"(?P<visit>{_VISIT_NOUNS.pattern()})(?:\s+(?:resmi|kenegaraan|kerja|persahabatan))*"
    rf"\s+(?:{VISITOR_TITLES.alternation})\b[^,;.()]{{0,80}}?\s(?:ke|di)\s+[A-Z]", _I)
_EARLIER = EARLIER_WORDS.regex()
# a weekday named without a date: proper nouns, so case matters ("minggu lalu" is "last week"); a weekday
# followed by a number starts a date the date rules could not read ("Kamis, 6 Septemebr"), not a bare weekday
_WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
                      + r")\b(?!\s*,?\s*\(?\s*\d)")
# kinds that are no act of the day: a statement with no act word, a date remembered
_NOT_ACTS = ("other", "anniversary", "diplomatic_relations", "commemoration")
# every match holds a marker word and an act word (lower case): the quick test before the regexes
_MARKER_CUES = (*ONGOING_WORDS.cues, *THIS_ACT_BEFORE.cues, *THIS_ACT_AFTER.cues)
_ACT_CUES = tuple(dict.fromkeys(cue for w in (*_NOUNS.values(), *_VERBS.values()) for cue in w.cues))


class News(NamedTuple):
    """An act dated by its article: its ``kind``, the words that say it (``start``, ``end``), its date and
    precision; ``ahead``: for a weekday, the date the same weekday gives when the act is still to come
    (the first such day on or after publication: "akan tiba di Hanoi pada Kamis"), else None; ``frame``:
    a visit named as the frame of an undated act; ``stated_only``: kept only when no cue makes it a plan or
    an aim (an undated plan is not dated by its article)."""

    kind: str
    start: int
    end: int
    date: pd.Timestamp
    precision: str
    ahead: pd.Timestamp | None = None
    frame: bool = False
    stated_only: bool = False


def _kind(m: re.Match[str]) -> str:
    return next(k for k, v in m.groupdict().items() if v is not None).removesuffix("_v").removesuffix("_a")


def _article_month(adate: ArticleDate) -> tuple[pd.Timestamp, str]:
    """The article's month (:func:`month_of`): an act under way at publication began on a day the text
    does not give."""
    assert adate.date is not None and adate.precision is not None
    return month_of(adate.date, adate.precision)


def news_of_the_day(text: str, adate: ArticleDate, dated: bool, kind_of_clause) -> list[News]:  # type: ignore[no-untyped-def]
    """The acts of one sentence dated by its article (see the module doc).

    ``dated``: the sentence states a date (then a bare weekday is not used); ``kind_of_clause``: a
    function giving the event kind of a piece of text (:func:`vnpartners.facts.events.event_kind`).
    """
    if adate.date is None or adate.precision is None:
        return []
    found: list[News] = []
    folded = fold_case(text)
    if has_any(folded, _MARKER_CUES) and has_any(folded, _ACT_CUES):
        for pattern in (_ONGOING, _THIS_ACT):
            for m in pattern.finditer(text):
                found.append(News(_kind(m), m.start(), m.end(), *_article_month(adate)))
    # every match holds a visit word and a frame's words: the quick tests, from the rule's own vocabulary
    if not dated and VISIT_WORDS.may_occur(text, folded) and (VISIT_FRAME_WORDS.may_occur(text, folded)
                                                             or VISIT_BESIDE_WORDS.may_occur(text, folded)):
        # a frame by an ongoing word ("sedang", "tengah") is the ongoing rule's, which wants its helper word
        # ("tengah melakukan kunjungan"; "Timur Tengah kunjungan demi kunjungan" is no act)
        m = next((m for m in FRAMED_VISIT.finditer(text) if _ONGOING_WORD.match(text, m.start()) is None), None)
        if m is not None:
            found.append(News("visit", m.start("visit"), m.end("visit"), *_article_month(adate), frame=True,
                              stated_only=True))
    if not dated and not found and VISIT_WORDS.may_occur(text, folded) and VISITOR_TITLES.may_occur(text, folded):
        m = next((m for m in _PARTICULAR_VISIT.finditer(text)
                  if _EARLIER.search(text, max(0, m.start() - 40), m.start()) is None), None)
        if m is not None:
            found.append(News("visit", m.start("visit"), m.end("visit"), *_article_month(adate), stated_only=True))
    if not dated and has_any(text, WEEKDAYS):  # the weekday words, as written (proper nouns)
        m = _WEEKDAY.search(text)
        if m is not None:
            clause = next((c for c in clauses(text) if c[0] <= m.start() < c[1]), (0, len(text)))
            kind = kind_of_clause(text[clause[0] : clause[1]])
            if kind not in _NOT_ACTS:
                if adate.precision == "day":  # the last such weekday on or before the publication day
                    back = (adate.date.weekday() - WEEKDAY_NUMBERS[m.group(0)]) % 7
                    found.append(News(kind, m.start(), m.end(), adate.date - pd.Timedelta(days=back), "day",
                                      adate.date + pd.Timedelta(days=(7 - back) % 7)))
                else:
                    found.append(News(kind, m.start(), m.end(), *_article_month(adate)))
    return found


def keep_news(rows: list[dict[str, object]], news: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows of ``news`` (events from :func:`news_of_the_day`) that add an event to ``rows`` (the
    events the sentences date themselves): see the module doc."""
    in_sentence = {(r["sentence_id"], r["kind"]) for r in rows}
    # the countries of each (article, kind, year, month) the sentences date (month None: any month of the year)
    by_period: dict[tuple[object, ...], list[set[str]]] = {}
    for r in rows:
        d = pd.Timestamp(r["date"])  # type: ignore[arg-type]
        codes = set(str(r["countries"]).split())
        for period in ((d.year, d.month), (d.year, None), (None, None)):
            by_period.setdefault((r["article_id"], r["kind"], *period), []).append(codes)
    kept: list[dict[str, object]] = []
    seen: set[tuple[object, ...]] = set()
    for r in news:
        d = pd.Timestamp(r["date"])  # type: ignore[arg-type]
        year, month = (None, None) if r.get("frame") else (d.year, None if r["precision"] == "year" else d.month)
        codes = set(str(r["countries"]).split())
        # the article dates that act itself (with these countries, perhaps more: "Setelah kunjungan ke Kazakhstan ...")
        dated = any(codes <= other for other in by_period.get((r["article_id"], r["kind"], year, month), []))
        key = (r["article_id"], r["kind"], r["countries"])
        if (r["sentence_id"], r["kind"]) in in_sentence or dated or key in seen:
            continue
        seen.add(key)
        kept.append(r)
    return kept
