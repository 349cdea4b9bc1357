"""Indonesian number parsing: examples from the news, refusals, and round trips through babel."""

from __future__ import annotations

import math

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts.numbers import MULTIPLIERS, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,63 miliar", 3_630_000_000.0),
        ("1.500", 1500.0),
        ("117,8 ribu", 117_800.0),
        ("995,82 juta", 995_820_000.0),
        ("46,2 miliar", 46_200_000_000.0),
        ("1,6 milyar", 1_600_000_000.0),
        ("272 triliun", 272e12),
        ("5.557", 5557.0),
        ("70.000", 70000.0),
        ("1.000.000", 1e6),
        ("81", 81.0),
        ("0,5", 0.5),
        (" 7,7  Miliar ", 7_700_000_000.0),
        ("12 jt", 12e6),
        ("3 rb", 3000.0),
    ],
)
def test_examples(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1.5", "3.63", "", "abc", "12 kucing", "1,2,3", "1.50", "--5", "1.500.00"])
def test_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_english_decimal_is_not_silently_read_as_thousands() -> None:
    with pytest.raises(ValueError, match="1,5"):
        parse_number("1.5")


def test_type_error_for_non_text() -> None:
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    word=st.sampled_from(["", "ribu", "juta", "miliar", "milyar", "triliun"]),
)
def test_round_trip_through_babel_indonesian_format(value, word: str) -> None:
    written = format_decimal(value, locale="id", format="#,##0.##")
    text = f"{written} {word}".strip()
    factor = MULTIPLIERS[word] if word else 1
    got = parse_number(text)
    assert math.isclose(got, float(value) * factor, rel_tol=1e-9, abs_tol=1e-9), (text, got)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12))
def test_grouped_integers_never_read_as_decimals(n: int) -> None:
    written = format_decimal(n, locale="id")  # "1.500", "1.000.000"
    assert parse_number(written) == float(n)
