"""Words for numbers in messages and titles: "1 country", "2 countries", "A, B and C".

Used by the lesson pictures and by the exercises' self-checks, so every sentence the kit writes
about a count is grammatical.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["plural", "join_words", "number_word"]


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 country"``, ``"2 countries"``: a count with its noun in the right number.

    >>> plural(1, "partnership"), plural(3, "partnership"), plural(2, "country", "countries")
    ('1 partnership', '3 partnerships', '2 countries')
    """
    word = singular if int(n) == 1 else (plural_form or singular + "s")
    return f"{int(n)} {word}"


def join_words(items: Iterable[Any]) -> str:
    """``"A"``, ``"A and B"``, ``"A, B and C"`` (empty text for no items).

    >>> join_words(["RUS"]), join_words(["AUS", "KOR", "NZL"])
    ('RUS', 'AUS, KOR and NZL')
    """
    words = [str(x) for x in items]
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(n: int) -> str:
    """A small count in words, as English prose writes it: ``number_word(7) == "seven"``; 13 and up as digits."""
    return _WORDS[int(n)] if 0 <= int(n) < len(_WORDS) else str(int(n))
