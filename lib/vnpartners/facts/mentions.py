"""Country mentions: one row per country name in a fact-bearing sentence.

Rules (see :mod:`vnpartners.gazetteer` for the names):

- longest name first: "Federasi Rusia" and "Republik Rakyat Tiongkok" are one mention each;
- whole words only: "VietnamPlus", "Rusvietpetro", "Vietnam.vn" are not mentions; a hyphen separates
  names, so "Vietnam-Tiongkok" is two mentions;
- names as written (proper case) or in capitals; "AS" only in capitals;
- not a mention: a language ("bahasa Inggris", "berbahasa Jepang"), a currency ("dolar AS",
  "yen Jepang", "yuan Tiongkok"), or part of a news outlet's name ("CNN Indonesia", "Vietnam News",
  "Vietnam Television": the outlet is not the country). A people or origin ("rakyat Vietnam", "wisatawan Rusia",
  "orang Jepang") *is* counted: it names the country the people belong to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

import numpy as np
import pandas as pd

from ..reference.countries import alias_pattern, country_name
from .context import Mention
from .vocabulary import CURRENCY_NAME_WORDS, LANGUAGE_WORDS, MEDIA_NAMES

__all__ = ["find_mentions", "extract_mentions", "extract_mentions_by_sentence"]

# a word right before the name that makes it a language or a currency, not the country: each word as
# written in lower case, capitalised or in capitals ("bahasa", "Bahasa", "BAHASA")
_NOT_COUNTRY_WORDS = tuple(dict.fromkeys(
    form for word in (*LANGUAGE_WORDS, *CURRENCY_NAME_WORDS) for form in (word, word.capitalize(), word.upper())
))
_NOT_COUNTRY_BEFORE = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _NOT_COUNTRY_WORDS)) + r"))\s+$")
_BEFORE_WINDOW = 20
# outlet names, as written (case matters: "Vietnam News" is an outlet, "vietnam news" is not)
_MEDIA_NAME = MEDIA_NAMES.regex(flags=0)

# Sentences are scanned joined into one string, each one preceded by this character. No part of the
# country-name or outlet regexes can match it or match across it, and next to it they see what they
# see at either end of a string: it is no word character, no whitespace, none of "@", "/", "." (the
# names' look-behind and look-aheads) and not in any name. Texts that hold it are scanned one by one.
_SEP = "\x00"


def _media_spans(text: str) -> list[tuple[int, int]]:
    """Spans of outlet names in ``text`` (empty for almost every sentence)."""
    return [m.span() for m in _MEDIA_NAME.finditer(text)]


def find_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, surface, iso3)`` of every country named in ``text``, in order."""
    pattern, lookup = alias_pattern()
    not_country = _NOT_COUNTRY_BEFORE.search
    found = []
    media = _media_spans(text)
    for m in pattern.finditer(text):
        start = m.start()
        if not_country(text[max(0, start - _BEFORE_WINDOW) : start]):
            continue
        if media and any(a <= start and m.end() <= b for a, b in media):
            continue
        surface = m.group()
        found.append((start, m.end(), surface, lookup[surface]))
    return found


def scan_mentions(texts: list[str]) -> tuple[list[int], list[int], list[int], list[str]]:
    """Every mention in each of ``texts``: parallel lists ``(text index, start, end, surface)``.

    The same mentions, in the same order, as :func:`find_mentions` on each text in turn; the texts
    are scanned joined (one pass of each regex for all of them) and each hit is mapped back to its
    text by offset.
    """
    pattern, lookup = alias_pattern()
    body = _SEP.join(texts)
    if body.count(_SEP) != max(len(texts) - 1, 0) or _sep_in_names(lookup):
        return _scan_one_by_one(texts)
    # every text follows a separator; the first one follows _BEFORE_WINDOW of them, so that the
    # window before any name can be sliced without a bound check
    joined = _SEP * _BEFORE_WINDOW + body
    del body
    starts: list[int] = []
    surfaces: list[str] = []
    for m in pattern.finditer(joined):
        starts.append(m.start())
        surfaces.append(m.group())
    # a language or currency word right before the name: when the rule's regex finds one, the text
    # before the name ends with that word (after trailing whitespace), so that quick test comes first;
    # the rule itself then looks at the window as find_mentions cuts it (within the text)
    endings = _NOT_COUNTRY_WORDS
    drop = [
        i
        for i, s in enumerate(starts)
        if joined[s - _BEFORE_WINDOW : s].rstrip().endswith(endings) and _not_country(joined, s)
    ]
    # outlet names: rare, so each outlet looks up the names that lie within it
    for m in _MEDIA_NAME.finditer(joined):
        a, b = m.span()
        i = bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if starts[i] + len(surfaces[i]) <= b:
                drop.append(i)
            i += 1
    if drop:
        dropped = set(drop)
        keep = [i for i in range(len(starts)) if i not in dropped]
        starts = [starts[i] for i in keep]
        surfaces = [surfaces[i] for i in keep]
    # which text each name is in: the last text starting at or before it
    offsets = np.fromiter(accumulate(map(len, texts), lambda at, n: at + n + 1, initial=_BEFORE_WINDOW), np.int64)
    found = np.array(starts, dtype=np.int64)
    which = np.searchsorted(offsets, found, side="right") - 1
    local = (found - offsets[which]).tolist()
    return which.tolist(), local, [s + len(x) for s, x in zip(local, surfaces)], surfaces


@lru_cache(maxsize=4)
def _sep_in_names_cached(names: frozenset[str]) -> bool:
    return any(_SEP in name for name in names)


def _sep_in_names(lookup: dict[str, str]) -> bool:
    """Does any country name hold the separator (then joined scanning is not used)?"""
    return _sep_in_names_cached(frozenset(lookup))


def _not_country(joined: str, start: int) -> bool:
    """The language/currency rule for the name at ``joined[start]``, on find_mentions' window."""
    window = joined[start - _BEFORE_WINDOW : start]
    return _NOT_COUNTRY_BEFORE.search(window[window.rfind(_SEP) + 1 :]) is not None


def _scan_one_by_one(texts: list[str]) -> tuple[list[int], list[int], list[int], list[str]]:
    which: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    surfaces: list[str] = []
    for i, text in enumerate(texts):
        for s, e, surface, _ in find_mentions(text):
            which.append(i)
            starts.append(s)
            ends.append(e)
            surfaces.append(surface)
    return which, starts, ends, surfaces


def extract_mentions(fact_sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table's rows for the given (fact-bearing) sentences.

    Columns: ``article_id``; ``sentence_id`` (the sentence naming the country); ``iso3`` (ISO 3166-1
    alpha-3, ``SUN`` for the Soviet Union); ``country`` (English short name); ``surface`` (the name as
    written); ``start``/``end`` (offsets in the file's text).
    """
    return mention_frame(*_columns(fact_sentences))


def extract_mentions_by_sentence(fact_sentences: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list[Mention]]]:
    """:func:`extract_mentions`, plus the same mentions grouped by sentence for the fact extractors.

    The dict maps a ``sentence_id`` to its :class:`vnpartners.factcontext.Mention` objects in text
    order, offsets relative to the sentence: what :func:`vnpartners.factcontext.sentence_mentions`
    would rebuild from the table, taken straight from the scan instead of computed a second time.
    """
    by_sentence: dict[str, list[Mention]] = {}
    return mention_frame(*_columns(fact_sentences), by_sentence), by_sentence


def _columns(fact_sentences: pd.DataFrame) -> tuple[list, list, list[str], list]:
    """The sentence columns the scan reads: article ids, sentence ids, texts, file offsets."""
    return (fact_sentences["article_id"].tolist(), fact_sentences["sentence_id"].tolist(),
            fact_sentences["text"].tolist(), fact_sentences["start"].tolist())


def mention_frame(article_ids: list, sentence_ids: list, texts: list[str], starts: list,
                  by_sentence: dict[str, list[Mention]] | None = None) -> pd.DataFrame:
    """:func:`extract_mentions` for sentences given as parallel lists (built column by column).

    ``by_sentence``, when given, is filled with each sentence's mentions (see
    :func:`extract_mentions_by_sentence`).
    """
    _, lookup = alias_pattern()
    which, hit_starts, hit_ends, surfaces = scan_mentions(texts)
    iso3 = [lookup[s] for s in surfaces]
    if by_sentence is not None:
        for i, s, e, surface, code in zip(which, hit_starts, hit_ends, surfaces, iso3):
            got = by_sentence.get(sentence_ids[i])
            if got is None:
                by_sentence[sentence_ids[i]] = [Mention(s, e, code, surface)]
            else:
                got.append(Mention(s, e, code, surface))
    names = {code: country_name(code) for code in dict.fromkeys(iso3)}
    columns = {
        "article_id": [article_ids[i] for i in which],
        "sentence_id": [sentence_ids[i] for i in which],
        "iso3": iso3,
        "country": [names[code] for code in iso3],
        "surface": surfaces,
        "start": [starts[i] + s for s, i in zip(hit_starts, which)],
        "end": [starts[i] + e for e, i in zip(hit_ends, which)],
    }
    if not which:
        return pd.DataFrame([], columns=list(columns))
    # offsets as an array at once (numpy gives the type pandas would infer from the list, faster)
    columns["start"] = np.array(columns["start"])
    columns["end"] = np.array(columns["end"])
    return pd.DataFrame(columns)
