"""What every fact rule reads around a sentence: clauses, odd-case letters."""

from __future__ import annotations

import pytest

from vnpartners.facts.context import clause_of, clauses
from vnpartners.facts.partnerships import find_levels


def _pieces(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in clauses(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("menjalin Kemitraan Strategis pada tahun 2001; Kemitraan Strategis Komprehensif pada tahun 2012",
         ["menjalin Kemitraan Strategis pada tahun 2001", "Kemitraan Strategis Komprehensif pada tahun 2012"]),
        ("Pukul 10:47 WIB; Putin: kunjungan", ["Pukul 10:47 WIB", "Putin", "kunjungan"]),
        ("tanpa tanda baca", ["tanpa tanda baca"]),
        ("a:1 b", ["a", "1 b"]),  # only a ":" between two digits (a clock time) is no break
        ("10:47", ["10:47"]),
        ("1: a", ["1", "a"]),
        ("; ;", [""]),
    ],
)
def test_clauses(text, want):
    assert _pieces(text) == want


def test_clause_of_a_position():
    spans = clauses("satu; dua; tiga")
    assert clause_of(spans, 0) == spans[0] and clause_of(spans, 7) == spans[1] and clause_of(spans, 99) == spans[-1]


def test_odd_case_letters_still_start_a_level():
    found = find_levels("\u212aemitraan Strategis dan \u017ftrategic partnership")
    assert [m.level for m in found] == ["strategic", "strategic"]
