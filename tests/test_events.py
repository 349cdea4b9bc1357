"""Dated events on hand-written sentences: kinds, clause-level dates, countries, anniversaries, years."""

from __future__ import annotations

import pandas as pd
import pytest
from factkit import run

from vnpartners.facts.events import EVENT_KINDS, event_kind, extract_events
from vnpartners.schema import SCHEMAS


def events(text: str, **kw) -> pd.DataFrame:
    df = run(extract_events, [text], **kw)
    assert list(df.columns) == list(SCHEMAS["events"])
    for r in df.itertuples():
        assert r.surface in r.evidence
    return df


def test_list_of_dated_items_gets_one_kind_each() -> None:
    df = events(
        "Kunjungan penting meliputi: Perdana Menteri Jepang Kishida mengunjungi Vietnam (Mei 2023); Presiden Vo Van "
        "Thuong melakukan panggilan telepon dengan Kaisar Jepang (Agustus 2023); kedua pemimpin menghadiri KTT G7 di "
        "Hiroshima (Mei 2023); Menteri Luar Negeri Jepang bertemu dengan mitranya di Hanoi (15 November 2024)."
    )
    assert sorted(map(tuple, df[["surface", "kind", "precision"]].values.tolist())) == sorted([
        ("Mei 2023", "visit", "month"), ("Agustus 2023", "phone_call", "month"),
        ("Mei 2023", "multilateral_meeting", "month"), ("15 November 2024", "meeting", "day"),
    ])
    assert (df["countries"] == "JPN VNM").all()


def test_a_clause_with_one_date_gives_it_its_verb_however_long_the_clause() -> None:
    df = events(
        "Di pihak Jepang: Perdana Menteri Kishida mengunjungi Vietnam (Mei 2023); Perdana Menteri Jepang, yang "
        "menelepon dan mengucapkan selamat kepada Presiden Vo Van Thuong atas terpilihnya beliau sebagai Presiden "
        "Republik Sosialis Vietnam oleh Majelis Nasional dalam sidang luar biasa (Maret 2023)."
    )
    kinds = dict(zip(df["surface"], df["kind"]))
    assert kinds == {"Mei 2023": "visit", "Maret 2023": "phone_call"}


def test_year_from_article_is_marked_inferred() -> None:
    df = events("Pada 10 Mei, di Kremlin, Sekretaris Jenderal To Lam mengadakan pembicaraan dengan Presiden Rusia.",
                published="2025-05-01", precision="month")
    row = df.iloc[0]
    assert (row["date"], row["kind"], bool(row["year_inferred"]), row["countries"]) == (
        pd.Timestamp("2025-05-10"), "talks", True, "RUS VNM")


def test_no_year_and_no_article_date_gives_no_event() -> None:
    assert events("Pada 10 Mei, kedua menteri bertemu di Tokyo.", published=None, precision=None).empty


def test_range_visit() -> None:
    row = events("Perdana Menteri Rusia mengunjungi Vietnam (14 dan 15 Januari 2025).").iloc[0]
    assert (row["date"], row["date_end"], row["precision"]) == (
        pd.Timestamp("2025-01-14"), pd.Timestamp("2025-01-15"), "day")


def test_anniversary_span_is_split_into_event_and_anniversary() -> None:
    df = events("Pada tahun 2025, kedua negara merayakan peringatan 75 tahun terjalinnya hubungan diplomatik "
                "(30 Januari 1950 - 30 Januari 2025).")
    got = df[["date", "date_end", "kind", "surface"]].values.tolist()
    assert [pd.Timestamp("1950-01-30"), pd.NaT, "diplomatic_relations", "30 Januari 1950"] in [
        [a, b if not pd.isna(b) else pd.NaT, c, d] for a, b, c, d in got]
    assert any(k == "anniversary" and s == "30 Januari 2025" for _, _, k, s in got)
    assert df["date_end"].isna().all()  # never one event stretching 75 years


def test_soviet_union_adds_russia_and_vietnam_is_always_there() -> None:
    row = events("Menilik sejarah, pada 30 Januari 1950, Uni Soviet resmi menjalin hubungan diplomatik dengan kami.").iloc[0]
    assert row["countries"] == "RUS SUN VNM"
    assert row["kind"] == "diplomatic_relations"


def test_currency_as_is_not_the_united_states() -> None:
    row = events("Pada tahun 2024, ekspor Vietnam ke Australia mencapai 6,1 miliar dolar AS.").iloc[0]
    assert row["countries"] == "AUS VNM"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Perjanjian Perdagangan Bebas Vietnam-Uni Ekonomi Eurasia resmi berlaku pada Oktober 2016.", "trade_agreement"),
        ("menandatangani Perjanjian tentang prinsip-prinsip dasar hubungan persahabatan (Moskow, 16 Juni 1994).", "treaty"),
        ("Hari Budaya Jepang di Vietnam diselenggarakan pada Juli 2023.", "cultural_event"),
        ("kedua negara menjalin Kemitraan Strategis pada tahun 2009.", "partnership"),
        ("kedua pihak mengeluarkan Pernyataan Bersama pada 11 September 2023.", "joint_statement"),
        ("Sidang ke-25 Komite Antarpemerintah diselenggarakan pada bulan September 2024.", "meeting"),
        ("Perdana Menteri menghadiri KTT BRICS di Kazan (Oktober 2024).", "multilateral_meeting"),
        ("Penerbangan langsung dilanjutkan pada tahun 2023.", "other"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert events(text)["kind"].tolist() == [kind]
    assert kind == "other" or kind in {k for k, _ in EVENT_KINDS} | {"partnership"}


def test_comparison_baseline_is_not_an_event() -> None:
    df = events("Pada Oktober 2024, jumlah wisatawan Rusia ke Vietnam meningkat 81% dibandingkan periode yang sama tahun 2023.")
    assert df["surface"].tolist() == ["Oktober 2024"]


def test_counts_of_years_and_names_with_years_are_not_events() -> None:
    assert events("Perayaan 75 tahun hubungan, Peringatan 80 Tahun Kemenangan, APEC 2027, UNCLOS 1982.").empty


def test_event_kind_helper() -> None:
    assert event_kind("yang mengunjungi Vietnam") == "visit"
    assert event_kind("tidak ada apa-apa") == "other"
