"""The figures step's speed aids change nothing.

* :func:`find_quantities_many` (texts joined with "\\x00", scanned once, only at runs of digits)
  gives what ``_QTY.finditer`` gives on each text alone; checked against a plain reference (the
  pattern without its look-aheads, every position tried, the quantity rules as first written), on
  random text built from the pattern's own pieces and on joins made to fool it.
* Each quick word test (``_GUARDS``) holds wherever its pattern matches, and the look-aheads of
  ``_QTY`` and ``_MONEY_FAMILY`` change no match.
* The figures table is the same with every quick test switched off.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from factkit import run
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts import figures
from vnpartners.facts.context import FactInput, fold_case
from vnpartners.facts.figures import extract_figures, find_quantities, find_quantities_many
from vnpartners.facts.numbers import parse_number

# ---------------------------------------------------------------- a reference for find_quantities

_LOOKAHEAD = re.compile(r"\(\?=(?:\[[^\]]+\]|k)\)")


def _without_lookaheads(pattern: re.Pattern[str]) -> re.Pattern[str]:
    body = _LOOKAHEAD.sub("", pattern.pattern)
    assert body != pattern.pattern
    return re.compile(body, pattern.flags)


_PLAIN_QTY = _without_lookaheads(figures._QTY)


def _reference(text: str) -> list[tuple]:
    """find_quantities as first written: finditer from the start, one match at a time."""
    out = []
    for m in _PLAIN_QTY.finditer(text):
        number = m["num"] + (" " + m["mult"].rstrip(".") if m["mult"] else "")
        try:
            value = parse_number(number)
        except ValueError:
            continue
        end = m.end("num")
        for g in ("mult", "cur_post", "pct", "fold"):
            if m[g]:
                end = m.end(g)
        noun = m["noun"].lower() if m["noun"] else None
        unit = None
        cur = (m["cur_pre"] or m["cur_post"] or "").lower()
        if cur in ("dolar", "dollar") and noun in figures.OTHER_DOLLARS:
            unit = figures.OTHER_DOLLARS[noun]
            end = m.end("noun")
        elif cur:
            unit = "IDR" if cur.startswith(("rp", "rupiah", "idr")) else "USD"
        elif m["pct"]:
            unit = "percent"
        elif m["fold"]:
            unit = "count"
        elif noun in figures._PERSON_NOUNS:
            unit = "persons"
        elif noun in figures._PROJECT_NOUNS:
            unit = "projects"
        elif noun in figures._DOC_NOUNS:
            unit = "documents"
        elif noun in figures._COUNT_NOUNS:
            unit = "count"
        if unit in ("persons", "projects", "documents", "count") and not (m["pct"] or m["fold"] or cur):
            end = m.end("noun")
        if unit is None:
            noun = noun if noun in figures._SKIP_NOUNS else None
        out.append((m.start(), end, m.start("num"), text[m.start() : end], value, unit, noun))
    return out


def _tuples(quantities) -> list[tuple]:
    return [tuple(q) for q in quantities]


# pieces of quantities and of what stands around them, to be glued together at random
PIECES = [
    "3,5", "1.500", "70.000,5", "2024", "12", "5", "0", "202", "3.63", "1.5", "10:47", "1088/2", "ke-26", "Su-35",
    "US$", "USD", "Rp", "Rp.", "IDR", "$", "dolar AS", "dolar Amerika Serikat", "dollar", "rupiah", "dolar Australia",
    "miliar", "juta", "ribu", "rb.", "jt.", "triliun", "thousand", "%", "persen", "per sen", "kali lipat",
    "proyek", "orang", "tahun", "wisatawan", "mencapai", "sekitar", "lebih dari", "dari", "nomor", "kata",
    " ", " ", " ", "  ", ".", ",", "-", "/", ":", ";", "(", ")", '"', "\n", "\t", "\x00", "\x1c", "–",
    "a", "U", "r", "i", "S", "D", "p", "k",
    "\u0130", "\u0131", "\u212a", "\u017f", "\u0663", "\uff15",  # İ ı Kelvin long-s, Arabic-Indic 3, fullwidth 5
]
ASCII_PIECES = [p for p in PIECES if p.isascii()]

texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
ascii_texts = st.lists(st.sampled_from(ASCII_PIECES), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_find_quantities_is_the_reference(text):
    assert _tuples(find_quantities(text)) == _reference(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(texts, ascii_texts), max_size=8))
def test_batch_is_each_text_alone(batch):
    assert [_tuples(qs) for qs in find_quantities_many(batch)] == [_reference(t) for t in batch]


@settings(max_examples=300, deadline=None)
@given(ascii_texts, st.lists(st.integers(0, 60), max_size=4))
def test_a_text_cut_anywhere_is_no_one_text(text, cuts):
    """Pieces of one text, in one batch: each piece on its own, never read across the cut."""
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    parts = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert [_tuples(qs) for qs in find_quantities_many(parts)] == [_reference(p) for p in parts]


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
    assert [_tuples(qs) for qs in find_quantities_many(batch)] == [_reference(t) for t in batch]
    assert [_tuples(find_quantities(t)) for t in batch] == [_reference(t) for t in batch]


def test_batch_shapes():
    assert find_quantities_many([]) == []
    got = find_quantities_many(["tanpa angka", "naik 81%", ""])
    assert [[q.surface for q in qs] for qs in got] == [[], ["81%"], []]
    got[0].append("x")  # each text has its own list
    assert got[2] == []


# ---------------------------------------------------------------- the quick word tests and look-aheads

ODD = {"i": "\u0131", "k": "\u212a", "s": "\u017f"}


def _words(pattern: re.Pattern[str]) -> list[str]:
    """Literal pieces of a pattern: its words, "kira-kira", "two-way", "no.", "%", "/", quotes."""
    found = set(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?|\d+|[%/±\"“”'‘]", pattern.pattern.replace("\\.", ".")))
    found |= {w + "." for w in re.findall(r"([A-Za-z]+)\\\.", pattern.pattern)}
    return sorted(found)


def _vary(word: str, how: int) -> str:
    if how == 1:
        return word.upper()
    if how == 2:
        return word.title()
    if how == 3:
        return "".join(ODD.get(ch, ch) for ch in word)
    if how == 4:
        return word.replace("i", "\u0130")
    return word


SEPARATORS = [" ", "  ", "\n", "", "-", ", ", " 7 ", " 2024 ", "\t"]


def _guard_holds(low: str, words: tuple[str, ...], how: str) -> bool:
    if how == "in":
        return any(w in low for w in words)
    if how == "end":
        return low.rstrip().endswith(words)
    return low.lstrip().startswith(words)


@pytest.mark.parametrize("index", range(len(figures._GUARDS)))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_quick_word_tests_hold_where_the_pattern_matches(index, data):
    pattern, words, how = figures._GUARDS[index]
    vocabulary = _words(pattern) + list(words)
    parts = data.draw(st.lists(st.tuples(st.sampled_from(vocabulary), st.integers(0, 4), st.sampled_from(SEPARATORS)),
                               min_size=1, max_size=6))
    text = "".join(_vary(w, how_) + sep for w, how_, sep in parts)
    for candidate in (text, text.rstrip(), " " + text):
        matched = pattern.match(candidate) if how == "start" else pattern.search(candidate)
        if matched:
            assert _guard_holds(fold_case(candidate), words, how), (candidate, pattern.pattern)


def test_every_alternative_of_a_guarded_pattern_is_seen():
    """Each word list holds a word of every alternative: the pattern's own words pass their test."""
    for pattern, words, how in figures._GUARDS:
        for word in _words(pattern):
            if pattern.search(word) and how != "start":
                assert _guard_holds(word.lower(), words, how), (word, pattern.pattern)


def test_word_sequences_pass_the_quick_tests():
    """Every sequence of up to 3 of a pattern's words (so "kurang lebih", "lebih dari" ...) it matches passes."""
    for pattern, words, how in figures._GUARDS:
        vocabulary = _words(pattern)
        seqs = [[w] for w in vocabulary]
        seqs += [[a, b] for a in vocabulary for b in vocabulary]
        if len(vocabulary) <= 30:
            seqs += [[a, b, c] for a in vocabulary for b in vocabulary for c in vocabulary]
        for seq in seqs:
            for text in (" ".join(seq), " ".join(seq) + " "):
                matched = pattern.match(text) if how == "start" else pattern.search(text)
                if matched:
                    assert _guard_holds(text.lower(), words, how), (text, pattern.pattern)


@pytest.mark.parametrize("pattern", [figures._QTY, figures._MONEY_FAMILY], ids=["qty", "money"])
def test_lookaheads_change_no_match_word_by_word(pattern):
    """Each word of the pattern, in every spelling, after and before a number."""
    plain = _without_lookaheads(pattern)
    for word in _words(figures._QTY) + _words(figures._MONEY_FAMILY) + ["dolar AS", "per sen", "kali lipat", "rb.", "jt."]:
        for how in range(5):
            w = _vary(word, how)
            for text in (f"5{w}", f"5 {w}", f"5  {w} 7", f"{w}5", f"{w} 5", f"a {w}-{w} b"):
                assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [
                    (m.span(), m.groups()) for m in plain.finditer(text)
                ], text


def test_quote_test():
    for before in ['"', '" ', '"\n', '" \n', "“5", "kata '", "‘ "]:
        assert bool(figures._QUOTE_BEFORE.search(before)) <= (not figures._QUOTES.isdisjoint(before[-3:]))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_words(figures._QTY) + _words(figures._MONEY_FAMILY) + PIECES),
                          st.integers(0, 4), st.sampled_from(SEPARATORS)), max_size=10))
def test_lookaheads_change_no_match(parts):
    text = "".join(_vary(w, how) + sep for w, how, sep in parts)
    for pattern in (figures._QTY, figures._MONEY_FAMILY):
        plain = _without_lookaheads(pattern)
        assert [(m.span(), m.groups(), m.lastgroup) for m in pattern.finditer(text)] == [
            (m.span(), m.groups(), m.lastgroup) for m in plain.finditer(text)
        ]


def test_folding_keeps_offsets():
    odd = "".join(chr(c) for c in range(0x80, 0x3000))
    assert len(fold_case(odd)) == len(odd)


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
    original = figures._fold
    figures._fold = lambda text: None  # every regex runs
    try:
        slow = run(extract_figures, texts)
    finally:
        figures._fold = original
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)


def test_no_sentences_no_figures():
    want = figures.conform(pd.DataFrame([], columns=figures._COLUMNS), "figures")  # as first written
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
                if not any(d.start <= m.start(2) - base < d.end for d in spans_of(i))]
        if kept:
            out[i] = kept
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(ascii_texts, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=3)),
                max_size=6))
def test_numbers_in_dates_left_out_change_nothing_else(batch):
    texts = [t for t, _ in batch]
    spans = [tuple(_Span(a, a + n) for a, n in cuts) for _, cuts in batch]
    plain = figures._text_matches(texts)
    skipping = figures._text_matches(texts, lambda i: spans[i])
    assert _uncovered(skipping, lambda i: spans[i]) == _uncovered(plain, lambda i: spans[i])


@pytest.mark.parametrize(
    ("text", "date"),
    [("pada 2024 USD 5 juta", "2024"), ("pada 1.500 USD 7", "1"), ("tahun 3,5 USD 7", "3"),
     ("2024 US$5", "2024"), ("12 Rp. 7 juta", "12"), ("5 dolar\n7", "5"), ("2024.7 proyek", "2024")],
)
def test_numbers_in_dates_next_to_currencies(text, date):
    at = text.index(date)
    spans = (_Span(at, at + len(date)),)
    plain = figures._text_matches([text])
    skipping = figures._text_matches([text], lambda i: spans)
    assert _uncovered(skipping, lambda i: spans) == _uncovered(plain, lambda i: spans)
