"""Paragraph spans and kinds: general rules, specific seed paragraphs, and a property test."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.text.paragraphs import classify, paragraph_spans, split_paragraphs


def kinds_of(lines: list[str]) -> list[str]:
    return classify(lines)


def test_spans_strip_whitespace_and_keep_offsets() -> None:
    text = "  Judul Berita Penting Sekali\r\n\r\n\tIsi pertama.  \n\nIsi kedua.\r"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Judul Berita Penting Sekali", "Isi pertama.", "Isi kedua."]


@pytest.mark.parametrize(
    "line",
    [
        "foto-presiden-14.jpg",
        "Baca:",
        "Baca juga: Thailand dan Kamboja Sepakat",
        "Baca Selengkapnya",
        "Iklan",
        "Advertising",
        "Komentar (0)",
        "Foto:",
        "No data",
        "Budi Riza",
        "Van Hieu/VOV",
        "REUTERS | TASS",
        "Pilihan editor: Putin Pamer Limosin ke Korea Utara",
        "Jumat, 7 September 2018 10:47 WIB",
        "VietnamPlusVietnamPlus08/05/2025",
        "6 jam lalu",
        "1 hari lalu",
        "Sumber: https://vov.vn/x",
        "Source: https://www.vietnamplus.vn/x",
        "Độc lập - Tự do - Hạnh phúc",
        "Berita",
        "Sistem Politik",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    body = "Kerja sama ekonomi kedua negara terus berkembang pesat pada tahun ini."
    assert kinds_of([body, line, body + " Lagi."])[1] == "boilerplate"


def test_footer_marker_makes_the_rest_boilerplate() -> None:
    lines = [
        "Vietnam dan Rusia menandatangani perjanjian kerja sama ekonomi yang baru.",
        "Berita terkait",
        "Malaysia dan Indonesia sepakat memperkuat kerja sama perikanan di kawasan.",
        "Ukraina menghadapi serangan baru dari berbagai arah, kata para pejabat.",
    ]
    assert kinds_of(lines) == ["body", "boilerplate", "boilerplate", "boilerplate"]


@pytest.mark.parametrize(
    "line",
    [
        "Presiden To Lam menyambut tamu di Hanoi. (Foto: VNA)",
        "Warga Hanoi menyambut delegasi, 20 Mei 1957. (Foto: Arsip VNA)",
        "Delegasi tiba di bandara (Photo: Reuters)",
        "Kedua pemimpin bertemu di Sochi pada 6 September 2018. Vietnam News",
    ],
)
def test_captions(line: str) -> None:
    assert kinds_of([line]) == ["caption"]


def test_title_subheading_and_body() -> None:
    lines = [
        "Memperdalam Kemitraan Strategis Komprehensif Vietnam-Rusia",
        "Kunjungan ini bertujuan untuk memperkuat kepercayaan politik kedua negara.",
        "Kerjasama yang kuat dan komprehensif di berbagai bidang",
        "14 dokumen kerja sama ditandatangani di Balai Agung Rakyat, Beijing:",
        "- Nota Kesepahaman antara Bank Negara Vietnam dan Bank Rakyat Tiongkok",
    ]
    assert kinds_of(lines) == ["title", "body", "title", "body", "body"]


def test_duplicates_are_second_and_later_copies() -> None:
    text = "Satu kalimat.\n\nSatu   KALIMAT.\n\nLain.\n\nSatu kalimat.\n"
    df = split_paragraphs("a", text)
    assert df["is_duplicate"].tolist() == [False, True, False, True]


SEED_KINDS = [
    # (article, paragraph text starts with, kind, is_duplicate)
    ("000_5616eb5da7465606", "Vietnam.vn - ", "boilerplate", False),
    ("000_5616eb5da7465606", "Memperdalam Kemitraan Strategis Komprehensif", "title", False),
    ("000_5616eb5da7465606", "VietnamPlusVietnamPlus08/05/2025", "boilerplate", False),
    ("000_5616eb5da7465606", "vietnam-rusia-federasi-14.jpg", "boilerplate", False),
    ("000_5616eb5da7465606", "Warga Hanoi, ibu kota, menyambut", "caption", False),
    ("000_5616eb5da7465606", "Kerjasama yang kuat dan komprehensif", "title", False),
    ("000_5616eb5da7465606", "ttxvn-viet-nam-perancis-rusia-10-1.jpg", "boilerplate", False),
    ("000_5616eb5da7465606", "Source: https://www.vietnamplus.vn/", "boilerplate", False),
    ("000_5616eb5da7465606", "Kapal selam dan fregat rudal", "boilerplate", False),
    ("001_5fd84808cc78ee1b", "Pada 10 Mei, di Kremlin", "caption", False),
    ("001_5fd84808cc78ee1b", "Van Hieu/VOV", "boilerplate", False),
    ("001_5fd84808cc78ee1b", "Sumber: https://vov.vn/", "boilerplate", False),
    ("002_a2986a158941a6a1", "TEMPO.CO, Jakarta - Presiden Rusia", "body", False),
    ("002_a2986a158941a6a1", "Dukungan terhadap Kebijakan Luar Negeri Putin", "title", False),
    ("002_a2986a158941a6a1", "Iklan", "boilerplate", False),
    ("002_a2986a158941a6a1", "REUTERS | TASS", "boilerplate", False),
    ("002_a2986a158941a6a1", "Pilihan editor:", "boilerplate", False),
    ("003_829b5d904503e740", "Putin Mau Kerja Sama Keamanan Mendalam dengan Vietnam", "title", False),
    ("003_829b5d904503e740", "Budi Riza", "boilerplate", False),
    ("003_829b5d904503e740", "Jumat, 7 September 2018 10:47 WIB", "boilerplate", False),
    ("003_829b5d904503e740", "Sekjen Partai Komunis Vietnam", "caption", False),
    ("003_829b5d904503e740", "TEMPO.CO, Moskow", "body", False),
    ("003_829b5d904503e740", "Berita terkait", "boilerplate", False),
    ("003_829b5d904503e740", "Bukan Hanya Malaysia", "boilerplate", False),
    ("004_8ab517d14aded5b6", "Prioritas utama, pilihan strategis", "title", False),
    ("004_8ab517d14aded5b6", "- Nota Kesepahaman tentang Kerja Sama Industri", "body", False),
    ("004_8ab517d14aded5b6", "14 dokumen kerja sama ditandatangani", "body", False),
    ("004_8ab517d14aded5b6", "Le Hoai Trung", "boilerplate", False),
]


@pytest.mark.parametrize("article, prefix, kind, dup", SEED_KINDS)
def test_seed_paragraph_kinds(seeds_corpus, article: str, prefix: str, kind: str, dup: bool) -> None:
    p = seeds_corpus.paragraphs
    rows = p[(p["article_id"] == article) & p["text"].str.startswith(prefix)]
    assert len(rows) >= 1, prefix
    first = rows.iloc[0]
    assert (first["kind"], bool(first["is_duplicate"])) == (kind, dup)


def test_seed_duplicates(seeds_corpus) -> None:
    p = seeds_corpus.paragraphs
    a = p[p["article_id"] == "000_5616eb5da7465606"]
    trade = a[a["text"].str.startswith("Pada tahun 2023, omzet perdagangan bilateral")]
    assert trade["is_duplicate"].tolist() == [False, True]
    assert trade["kind"].tolist() == ["body", "body"]
    adv = p[(p["article_id"] == "003_829b5d904503e740") & (p["text"] == "Advertising")]
    assert adv["is_duplicate"].tolist() == [False, True]


def test_every_footer_paragraph_of_000_is_boilerplate(seeds_corpus) -> None:
    p = seeds_corpus.paragraphs
    a = p[p["article_id"] == "000_5616eb5da7465606"].reset_index(drop=True)
    cut = a.index[a["text"] == "Komentar (0)"][0]
    assert (a.loc[cut:, "kind"] == "boilerplate").all()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\r\n\t\u2028\u00a0XY:(")), max_size=120))
def test_any_text_paragraphs_cover_only_non_blank_spans(text: str) -> None:
    df = split_paragraphs("x", text)
    covered = [False] * len(text)
    prev_end = -1
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.text == row.text.strip() and row.text
        assert row.start >= prev_end
        assert not any(c in row.text for c in "\r\n\u2028")
        prev_end = row.end
        for i in range(row.start, row.end):
            covered[i] = True
    # every non-whitespace character belongs to a paragraph
    assert all(covered[i] for i, c in enumerate(text) if not c.isspace())
    assert set(df["kind"]) <= {"title", "body", "caption", "boilerplate"}
    assert isinstance(df, pd.DataFrame)
