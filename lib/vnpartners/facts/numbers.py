"""Indonesian numbers as written in news text: "3,63 miliar", "1.500", "117,8 ribu".

Indonesian writes "." between thousands and "," before decimals, the reverse of English.
:func:`parse_number` reads one number, optionally followed by a scale word, with babel's
Indonesian rules in strict mode, so an English-style "1.5" is refused instead of silently
becoming 15.

>>> parse_number("3,63 miliar")
3630000000.0
>>> parse_number("1.500")
1500.0
>>> parse_number("117,8 ribu")
117800.0
>>> parse_number("995,82 juta")
995820000.0
>>> parse_number("272 triliun")
272000000000000.0
>>> parse_number("1.5")
Traceback (most recent call last):
...
ValueError: cannot read '1.5' as an Indonesian number ('.' separates thousands, ',' decimals: write '1,5' or '1.500')
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

__all__ = ["ENGLISH_DECIMAL_PATTERN", "MULTIPLIERS", "MULTIPLIER_PATTERN", "NUMBER_PATTERN", "parse_number",
           "read_amount"]

#: scale words (lower case) -> factor. Indonesian words and the usual short forms; "M"/"T"
#: ("Rp5 M") are left out on purpose: "M" is "million" in English and "miliar" in Indonesian.
MULTIPLIERS: dict[str, int] = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

#: one Indonesian number: grouped thousands ("1.500", "70.000,5") or plain digits ("3,63", "202")
NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
#: an English decimal in Indonesian text ("AS$2.75 miliar", "1.5 juta"): a "." before one or two digits
#: cannot group thousands, so the shape of the digits decides; read only before a scale word or "%"
ENGLISH_DECIMAL_PATTERN = r"\d+\.\d{1,2}(?!\d)"
#: a scale word after a number
MULTIPLIER_PATTERN = r"(?:(?:" + "|".join(sorted(MULTIPLIERS, key=len, reverse=True)) + r")\b(?:(?<=\brb)\.|(?<=\bjt)\.)?)"

_FULL = re.compile(
    r"^\s*(?P<num>[\d.,]+)\s*(?:(?P<mult>[A-Za-z]+)\.?)?\s*$",
)
_NUMBER = re.compile(NUMBER_PATTERN)
# babel's Indonesian symbols ("." between thousands, "," before decimals)
_GROUP_SYMBOL = get_group_symbol("id")
_DECIMAL_SYMBOL = get_decimal_symbol("id")


def parse_number(text: str) -> float:
    """Read an Indonesian number with an optional scale word and return its full value.

    ``text`` is one number as printed in Indonesian ("1.500", "3,63", "1.000.000") optionally
    followed by one of :data:`MULTIPLIERS` ("ribu", "juta", "miliar"/"milyar", "triliun", and the
    short forms "rb", "jt"). Case and surrounding spaces do not matter.

    Raises ``ValueError`` (with the reason) for anything else: empty text, letters that are not a
    scale word, or a number that is not well formed in Indonesian, such as "1.5" or "3.63"
    (English decimals), which babel's strict mode refuses.

    >>> parse_number("46,2 miliar")
    46200000000.0
    >>> parse_number("5.557")
    5557.0
    >>> parse_number(" 7,7 Miliar ")
    7700000000.0
    >>> parse_number("202")
    202.0
    >>> parse_number("1,6 milyar")
    1600000000.0
    >>> parse_number("12 kucing")
    Traceback (most recent call last):
    ...
    ValueError: cannot read '12 kucing' as an Indonesian number: 'kucing' is not a scale word (ribu, juta, miliar, triliun ...)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects a str, got {type(text).__name__}")
    return _parse_number(text)


@lru_cache(maxsize=16384)
def _parse_number(text: str) -> float:
    """:func:`parse_number` for a str (cached: news repeats its numbers; errors are not cached)."""
    match = _FULL.match(text)
    if match is None:
        raise ValueError(f"cannot read {text!r} as an Indonesian number (expected digits, e.g. '1.500' or '3,63 miliar')")
    num, mult = match.group("num"), match.group("mult")
    factor = 1
    if mult is not None:
        key = mult.lower()
        if key not in MULTIPLIERS:
            raise ValueError(
                f"cannot read {text!r} as an Indonesian number: {mult!r} is not a scale word "
                "(ribu, juta, miliar, triliun ...)"
            )
        factor = MULTIPLIERS[key]
    if not _NUMBER.fullmatch(num):
        raise ValueError(
            f"cannot read {num!r} as an Indonesian number ('.' separates thousands, ',' decimals: "
            f"write '{num.replace('.', ',')}' or '{num.split('.')[0]}.500')"
            if re.fullmatch(r"\d+\.\d{1,2}", num)
            else f"cannot read {num!r} as an Indonesian number ('.' separates thousands, ',' decimals)"
        )
    if _GROUP_SYMBOL not in num:
        # without a thousands separator babel's strict parse is exactly this (its extra check is for groups)
        return float(Decimal(num.replace(_DECIMAL_SYMBOL, ".")) * factor)
    try:
        value: Decimal = parse_decimal(num, locale="id", strict=True)
    except NumberFormatError as exc:  # pragma: no cover - the pattern above already refuses these
        raise ValueError(f"cannot read {num!r} as an Indonesian number: {exc}") from exc
    return float(value * factor)


def read_amount(number: str, scale: str | None = None, *, percent: bool = False) -> float:
    """The value of a number as written in a figure, Indonesian or (by the shape of its digits) English.

    ``number`` is matched by :data:`NUMBER_PATTERN` or :data:`ENGLISH_DECIMAL_PATTERN`; ``scale`` is
    a word of :data:`MULTIPLIERS` or None; ``percent``: a "%" follows. "2.75" with a scale word or a
    "%" is 2.75 (a "." before one or two digits is never an Indonesian thousands separator);
    everything else is read the Indonesian way (:func:`parse_number`).

    >>> read_amount("2.75", "miliar"), read_amount("3,63", "miliar"), read_amount("1.500")
    (2750000000.0, 3630000000.0, 1500.0)
    """
    if (scale is not None or percent) and re.fullmatch(ENGLISH_DECIMAL_PATTERN, number):
        return float(number) * (MULTIPLIERS[scale.lower().rstrip(".")] if scale else 1)
    return parse_number(number + " " + scale.rstrip(".") if scale else number)
