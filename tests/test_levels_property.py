"""Property-based tests of the partnership-level parser (``partnerships.find_levels``).

Level phrases are generated from the ways Indonesian news writes them (any capitalisation,
"yang"/"nan" connectors, reversed word order, "Mitra" for "Kemitraan") and embedded in filler
prose; the parser must find exactly that level, at that place. Trade-agreement names and filler
alone must never yield a level.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts.partnerships import find_levels

FILLER = st.lists(
    st.sampled_from([
        # no "ekonomi": "Kemitraan (Ekonomi) Komprehensif" names an economic partnership agreement (CEPA),
        # which the parser deliberately leaves out (see TRAPS); no "bidang": "Kemitraan Strategis bidang
        # perdagangan" names a sectoral partnership (tests/test_partnerships.py)
        "kedua negara", "sepakat", "untuk", "terus", "memperkuat", "hubungan", "bilateral", "di",
        "perdagangan", "pada", "tahun", "ini", "Presiden", "Perdana Menteri", "menegaskan", "bahwa",
        "kerja sama", "pertahanan", "investasi", "dan", "dengan", "Vietnam", "Jepang", "Australia", "Brasil",
    ]),
    max_size=12,
).map(" ".join)

# (words, level) for the forms the kit must read
FORMS: list[tuple[str, str]] = [
    ("Kemitraan Strategis Komprehensif", "comprehensive_strategic"),
    ("kemitraan strategis yang komprehensif", "comprehensive_strategic"),
    ("kemitraan strategis nan komprehensif", "comprehensive_strategic"),
    ("kemitraan yang komprehensif dan strategis", "comprehensive_strategic"),
    ("Mitra Strategis Komprehensif", "comprehensive_strategic"),
    ("Kemitraan Kerja Sama Strategis Komprehensif", "comprehensive_strategic_cooperative"),
    ("Kemitraan Strategis", "strategic"),
    ("Kemitraan Komprehensif", "comprehensive"),
]
TRAPS = [
    "Kemitraan Ekonomi Komprehensif Regional (RCEP)",
    "Perjanjian Komprehensif dan Progresif untuk Kemitraan Trans-Pasifik (CPTPP)",
    "Perjanjian Kemitraan Ekonomi Komprehensif (CEPA)",
    "kerja sama strategis",
    "makna strategis",
    "pilihan strategis",
]


def _recase(words: str, style: int) -> str:
    if style == 0:
        return words
    if style == 1:
        return words.lower()
    if style == 2:
        return words.upper()
    return words.title()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FORMS), st.integers(0, 3), FILLER, FILLER)
def test_a_level_phrase_in_prose_is_found_with_its_level_and_place(form: tuple[str, str], style: int, before: str, after: str) -> None:
    words, level = form
    phrase = _recase(words, style)
    text = f"{before} {phrase} {after}".strip() + "."
    start = text.index(phrase)
    found = find_levels(text)
    assert [m.level for m in found] == [level], (text, found)
    assert found[0].start <= start and found[0].end >= start + len(phrase) - 1, (text, found)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(TRAPS), st.integers(0, 3), FILLER, FILLER)
def test_trade_agreements_and_loose_uses_of_strategis_are_not_levels(trap: str, style: int, before: str, after: str) -> None:
    text = f"{before} {_recase(trap, style)} {after}".strip() + "."
    assert find_levels(text) == [], text


@settings(max_examples=200, deadline=None)
@given(FILLER)
def test_filler_alone_has_no_level(text: str) -> None:
    assert find_levels(text) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FORMS), min_size=2, max_size=4), FILLER)
def test_several_levels_in_one_sentence_come_out_in_text_order(forms: list[tuple[str, str]], glue: str) -> None:
    text = "; ".join(f"{words} {glue}".strip() for words, _ in forms) + "."
    found = find_levels(text)
    assert [m.level for m in found] == [level for _, level in forms], (text, found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
