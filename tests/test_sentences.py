"""Sentence splitting: abbreviations, numbers, quotes, ellipses, and offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.text.paragraphs import split_paragraphs
from vnpartners.text.sentences import sentence_spans, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Duta Besar GSBezdetko mengatakan omzet mencapai 3,63 miliar USD pada 2023.",
        "Hampir 1.500 delegasi hadir, dari Moskow, St. Petersburg dan kota lain.",
        "Periode 2020 s.d. 2024 mencatat pertumbuhan pesat.",
        "Kerja sama di bidang energi, pendidikan, dll. terus diperluas.",
        "Kerja sama di bidang energi, pertanian, dsb. terus diperluas.",
        "Dokumen No. 5 ditandatangani oleh Dr. Nguyen Van A di Hanoi.",
        "Letnan Jenderal Senior Aleksandr V. Fomin memimpin dialog itu.",
        "Sektor budaya dan pendidikan... dibangun dan terus dikembangkan.",
        "Presiden To Lam menyambut tamu di Hanoi. (Foto: VNA)",
    ],
)
def test_one_sentence(text: str) -> None:
    assert sents(text) == [text]


def test_splits_and_closing_quotes() -> None:
    text = 'Ia berkata: "Kami siap." Kedua negara sepakat! Apakah ini baru? 14 dokumen ditandatangani.'
    assert sents(text) == [
        'Ia berkata: "Kami siap."',
        "Kedua negara sepakat!",
        "Apakah ini baru?",
        "14 dokumen ditandatangani.",
    ]


def test_curly_quote_after_full_stop() -> None:
    text = "“Putin menyatakan Rusia mitra terdepan.” Begitu dilansir Reuters."
    assert sents(text) == ["“Putin menyatakan Rusia mitra terdepan.”", "Begitu dilansir Reuters."]


def test_ellipsis_before_capital_ends_sentence() -> None:
    assert sents("Asosiasi Kompatriot... Komunitas Vietnam berkembang.") == [
        "Asosiasi Kompatriot...",
        "Komunitas Vietnam berkembang.",
    ]


def test_seed_sentences(seeds_corpus) -> None:
    s = seeds_corpus.sentences
    texts = set(s["text"])
    assert (
        "Menurut Duta Besar Luar Biasa dan Berkuasa Penuh Federasi Rusia untuk Vietnam GSBezdetko, perkiraan awal "
        "total nilai pasokan ke pasar pada tahun 2024 antara kedua negara telah melampaui 1 miliar USD." in texts
    )
    assert any(t.startswith("Pada tahun 2024, delegasi dari wilayah St. Petersburg dan Moskow") for t in texts)
    assert any(t.startswith("Letnan Jenderal Senior Aleksandr V. Fomin") for t in texts)
    assert not any(t in {"St.", "V.", "dll.", "Fomin,"} for t in texts)
    # sentence ids are article:para:sent
    first = s.iloc[0]
    assert first["sentence_id"] == f"{first['article_id']}:{first['para_no']}:{first['sent_no']}"
    assert s["sentence_id"].is_unique


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB1 .!?…\"”'()\n,")), max_size=150))
def test_sentence_spans_stay_in_paragraph_and_do_not_overlap(text: str) -> None:
    paras = split_paragraphs("x", text)
    out = split_sentences(paras)
    for para in paras.itertuples():
        rows = out[out["para_no"] == para.para_no]
        assert len(rows) >= 1
        prev = para.start
        for row in rows.itertuples():
            assert para.start <= row.start < row.end <= para.end
            assert row.start >= prev
            assert text[row.start : row.end] == row.text == row.text.strip()
            prev = row.end
        # all non-blank text of the paragraph is in some sentence
        inside = "".join(r.text for r in rows.itertuples())
        assert "".join(para.text.split()) == "".join(inside.split())
