"""The quantities' fast path gives what the rule gives, and the figures' quick tests change nothing.

* :func:`find_quantities_many` (texts joined with "\\x00", scanned once, only at runs of digits)
  gives what :func:`find_quantities` (the rule: ``finditer`` on each text alone) gives, on random
  text built from the rule's own words and on joins made to fool it.
* :func:`quantity_matches` with the sentences' dates leaves out only numbers that start in a date.
* The figures table is the same with every quick word test switched off.
"""

from __future__ import annotations

import pandas as pd
import pytest
from factkit import run
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts import figures, vocabulary
from vnpartners.facts.context import FactInput
from vnpartners.facts.figures import extract_figures
from vnpartners.facts.quantities import find_quantities, find_quantities_many, quantity_matches


def _tuples(quantities) -> list[tuple]:
    return [tuple(q) for q in quantities]


def _one_by_one(texts) -> list[list[tuple]]:
    return [_tuples(find_quantities(t)) for t in texts]


# pieces of quantities and of what stands around them (the rule's own words among them), glued at random
PIECES = [
    "3,5", "1.500", "70.000,5", "2024", "12", "5", "0", "202", "3.63", "1.5", "10:47", "1088/2", "ke-26", "Su-35",
    *vocabulary.CURRENCY_BEFORE, *vocabulary.CURRENCY_AFTER, "dolar Australia",
    "miliar", "juta", "ribu", "rb.", "jt.", "triliun", "thousand", *vocabulary.PERCENT.forms, "kali lipat",
    "proyek", "orang", "tahun", "wisatawan", "mencapai", "sekitar", "lebih dari", "dari", "nomor", "kata",
    " ", " ", " ", "  ", ".", ",", "-", "/", ":", ";", "(", ")", '"', "\n", "\t", "\x00", "\x1c", "–",
    "a", "U", "r", "i", "S", "D", "p", "k",
    "\u0130", "\u0131", "\u212a", "\u017f", "\u0663", "\uff15",  # İ ı Kelvin long-s, Arabic-Indic 3, fullwidth 5
]
ASCII_PIECES = [p for p in PIECES if p.isascii()]

texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
ascii_texts = st.lists(st.sampled_from(ASCII_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts, ascii_texts), max_size=8))
def test_batch_is_each_text_alone(batch):
    assert [_tuples(qs) for qs in find_quantities_many(batch)] == _one_by_one(batch)


@settings(max_examples=300, deadline=None)
@given(ascii_texts, st.lists(st.integers(0, 60), max_size=4))
def test_a_text_cut_anywhere_is_no_one_text(text, cuts):
    """Pieces of one text, in one batch: each piece on its own, never read across the cut."""
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert [_tuples(qs) for qs in find_quantities_many(parts)] == _one_by_one(parts)


@pytest.mark.parametrize(
    "batch",
    [
        ["nilainya mencapai 3,5", " miliar USD pada 2024"],
        ["naik US$", "5 miliar"],
        ["Rp.", "5 juta", "Rp", ".5"],
        ["sebesar 5", ",5 persen", "1.", "500 orang"],
        ["tahun 2024", ": 10 proyek", "10", ":47"],
        ["5 USD", "7 orang", "USD ", "7"],
        ["teks\x00dengan 5 proyek\x00", "\x00", "", "3 kali", " lipat"],
        ["4 kali", "\tlipat", "81", "%", "dolar", " AS 5"],
        ["ke-", "26 kali", "Su", "-35", "1088", "/2"],
        ["\u0130DR 5", "5 m\u0131liar", "\u0663 proyek", "US$ 7 miliar"],
    ],
)
def test_adversarial_joins(batch):
    assert [_tuples(qs) for qs in find_quantities_many(batch)] == _one_by_one(batch)


def test_batch_shapes():
    assert find_quantities_many([]) == []
    got = find_quantities_many(["tanpa angka", "naik 81%", ""])
    assert [[q.surface for q in qs] for qs in got] == [[], ["81%"], []]
    got[0].append("x")  # each text has its own list
    assert got[2] == []


# ---------------------------------------------------------------- the figures table, quick tests off

SENTENCE_WORDS = [
    "Pada", "tahun", "2024", "Oktober", "2023", "omzet", "perdagangan", "bilateral", "Vietnam", "Rusia", "Jepang",
    "mencapai", "sekitar", "lebih dari", "hampir", "3,63 miliar USD", "US$7,7 miliar", "Rp272 triliun", "81%",
    "meningkat", "4 kali lipat", "202 proyek", "investasi", "modal", "di Vietnam", "wisatawan", "1.500 delegasi",
    "mahasiswa", "beasiswa", "per tahun", "komunitas", "dokumen", "ditandatangani", "mitra strategis", "jumlah",
    "menjadi", "37", "negara", "saat ini", "kedua negara", "dibandingkan periode yang sama", "3 bulan pertama",
    "kuartal pertama", "semester pertama", "selama", "ekspor", "impor", "target", ";", ",", ":", "ke-26", "nomor 5",
    '"16 kata"', "dari 149 negara", "kira-kira", "di atas", "kurang dari", "10 bulan pertama",
]
sentences = st.lists(st.sampled_from(SENTENCE_WORDS), min_size=1, max_size=18).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=4))
def test_figures_are_the_same_without_quick_tests(texts):
    fast = run(extract_figures, texts)
    with pytest.MonkeyPatch.context() as mp:
        # every quick test passes: folding no longer keeps offsets, and every word and ending is "there"
        mp.setattr(figures, "fold_case", lambda text: text + "\x00")
        mp.setattr(figures, "has_any", lambda folded, words: True)
        mp.setattr(figures, "ends_with_any", lambda folded, ends: True)
        slow = run(extract_figures, texts)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)


def test_no_sentences_no_figures():
    from vnpartners.schema import empty_frame

    want = empty_frame("figures")
    got = figures.figures_table(FactInput([], [], [], [], {}, {}, {}))
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    got = run(extract_figures, ["Tanpa angka sama sekali."])
    pd.testing.assert_frame_equal(got, want, check_exact=True)


# ---------------------------------------------------------------- numbers in dates left out by the scan


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _uncovered(found, spans_of):
    """{text: [(span, groups)]} of the matches whose number starts in none of the text's spans."""
    out = {}
    for i, (base, matches) in found.items():
        kept = [(m.span(), m.groups(), base) for m in matches
                if not any(d.start <= m.start("num") - base < d.end for d in spans_of(i))]
        if kept:
            out[i] = kept
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(ascii_texts, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=3)),
                max_size=6))
def test_numbers_in_dates_left_out_change_nothing_else(batch):
    texts = [t for t, _ in batch]
    spans = [tuple(_Span(a, a + n) for a, n in cuts) for _, cuts in batch]
    plain = quantity_matches(texts)
    skipping = quantity_matches(texts, lambda i: spans[i])
    assert _uncovered(skipping, lambda i: spans[i]) == _uncovered(plain, lambda i: spans[i])


@pytest.mark.parametrize(
    ("text", "date"),
    [("pada 2024 USD 5 juta", "2024"), ("pada 1.500 USD 7", "1"), ("tahun 3,5 USD 7", "3"),
     ("2024 US$5", "2024"), ("12 Rp. 7 juta", "12"), ("5 dolar\n7", "5"), ("2024.7 proyek", "2024")],
)
def test_numbers_in_dates_next_to_currencies(text, date):
    at = text.index(date)
    spans = (_Span(at, at + len(date)),)
    plain = quantity_matches([text])
    skipping = quantity_matches([text], lambda i: spans)
    assert _uncovered(skipping, lambda i: spans) == _uncovered(plain, lambda i: spans)
