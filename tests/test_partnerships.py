"""Partnership levels on hand-written sentences: every form of the spec, the traps, partners, years."""

from __future__ import annotations

import pandas as pd
import pytest
from factkit import run

from vnpartners.facts.partnerships import LEVELS, extract_partnerships, find_levels
from vnpartners.schema import SCHEMAS


def rows(texts, **kw) -> list[tuple]:
    df = run(extract_partnerships, texts if isinstance(texts, list) else [texts], **kw)
    assert list(df.columns) == list(SCHEMAS["partnerships"])
    return [
        (r.partner_iso3, r.level, r.action, None if pd.isna(r.year) else int(r.year), None if pd.isna(r.month) else int(r.month))
        for r in df.itertuples()
    ]


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("Kemitraan Strategis Komprehensif", "comprehensive_strategic"),
        ("kemitraan strategis yang komprehensif", "comprehensive_strategic"),
        ("kemitraan strategis nan komprehensif", "comprehensive_strategic"),
        ("KEMITRAAN STRATEGIS KOMPREHENSIF", "comprehensive_strategic"),
        ("kemitraan bilateral yang komprehensif dan strategis", "comprehensive_strategic"),
        ("Mitra Strategis Komprehensif", "comprehensive_strategic"),
        ("Kemitraan Strategis Menyeluruh", "comprehensive_strategic"),
        ("Comprehensive Strategic Partnership", "comprehensive_strategic"),
        ("Kemitraan Kerja Sama Strategis Komprehensif", "comprehensive_strategic_cooperative"),
        ("Kemitraan Kerjasama Strategis Komprehensif", "comprehensive_strategic_cooperative"),
        ("Kemitraan Strategis", "strategic"),
        ("Strategic Partnership", "strategic"),
        ("Kemitraan Komprehensif", "comprehensive"),
        ("kemitraan komprehensif", "comprehensive"),
    ],
)
def test_level_forms(phrase: str, level: str) -> None:
    found = find_levels(f"kedua negara menjalin {phrase} pada 2013")
    assert [m.level for m in found] == [level]
    assert level in LEVELS


@pytest.mark.parametrize(
    "text",
    [
        "mempromosikan peran Kemitraan Ekonomi Komprehensif Regional (RCEP) dan Kawasan Perdagangan Bebas ASEAN-Tiongkok",
        "Perjanjian Komprehensif dan Progresif untuk Kemitraan Trans-Pasifik (CPTPP) mulai berlaku",
        "Perjanjian Kemitraan Komprehensif dan Progresif Trans-Pasifik",
        "Perjanjian Kemitraan Ekonomi Komprehensif Indonesia-Australia (IA-CEPA)",
        "Putin berupaya memperkuat kerjasama strategis antara Rusia dan Vietnam",
        "Komunitas Masa Depan Bersama yang memiliki makna strategis",
        "Vietnam dan Kazakhstan merupakan mitra yang sangat penting",
        "Jepang adalah mitra strategis yang andal",
        "Regional Comprehensive Economic Partnership",
        "kerja sama ditingkatkan ke tataran strategis",
    ],
)
def test_traps_are_not_levels(text: str) -> None:
    assert find_levels(text) == []
    assert rows(text) == []


def test_upgraded_with_date_and_partner_from_subject() -> None:
    assert rows("Vietnam dan Jepang meningkatkan hubungan menjadi Kemitraan Strategis Komprehensif pada November 2023.") == [
        ("JPN", "comprehensive_strategic", "upgraded", 2023, 11)
    ]


def test_list_of_partners_gives_a_row_each_with_article_date() -> None:
    got = rows(
        "Vietnam meningkatkan hubungannya menjadi Kemitraan Strategis dengan Kazakhstan, Azerbaijan, dan Belarus.",
        published="2025-05-01", precision="month",
    )
    assert got == [(c, "strategic", "upgraded", 2025, 5) for c in ("AZE", "BLR", "KAZ")]


def test_listed_levels_take_their_own_clause_dates_and_the_later_higher_one_is_an_upgrade() -> None:
    got = rows(
        "Hubungan Vietnam-Rusia terus ditingkatkan: kedua negara menjalin Kemitraan Strategis pada tahun 2001; "
        "Kemitraan Strategis Komprehensif pada tahun 2012; pada bulan Juni 2024, menandatangani Pernyataan Bersama "
        "tentang pendalaman Kemitraan Strategis Komprehensif."
    )
    assert ("RUS", "strategic", "established", 2001, None) in got
    assert ("RUS", "comprehensive_strategic", "upgraded", 2012, None) in got
    assert ("RUS", "comprehensive_strategic", "deepened", 2024, 6) in got
    assert all(action != "mentioned" for _, _, action, _, _ in got)


def test_vietnam_is_never_the_partner() -> None:
    got = rows("Presiden Putin menyatakan komitmennya untuk memperdalam kemitraan strategis nan komprehensif dengan "
               "Vietnam, nan tetap menjadi prioritas dalam kebijakan luar negeri Rusia.", published="2024-06-20")
    assert got == [("RUS", "comprehensive_strategic", "deepened", 2024, 6)]


def test_china_cooperative_partnership_deepened() -> None:
    got = rows("Kedua pihak mengeluarkan Pernyataan Bersama tentang penguatan lebih lanjut Kemitraan Kerja Sama "
               "Strategis Komprehensif Vietnam-Tiongkok.", published="2024-08-01", precision="month")
    assert got == [("CHN", "comprehensive_strategic_cooperative", "deepened", 2024, 8)]


def test_title_aim_is_a_mention_without_year() -> None:
    assert rows("Memperdalam Kemitraan Strategis Komprehensif Vietnam-Federasi Rusia", kind="title") == [
        ("RUS", "comprehensive_strategic", "mentioned", None, None)
    ]


def test_level_in_a_prepositional_phrase_is_only_mentioned() -> None:
    got = rows("Kedua pihak sepakat meningkatkan omzet perdagangan bilateral sepadan dengan kemitraan strategis "
               "Vietnam-Belarus.")
    assert got == [("BLR", "strategic", "mentioned", None, None)]


def test_established_passive_after_the_phrase() -> None:
    got = rows("Kemitraan Strategis Komprehensif Vietnam-Australia yang dibentuk pada Maret 2024 membuka babak baru.")
    assert got == [("AUS", "comprehensive_strategic", "established", 2024, 3)]


def test_english_form() -> None:
    got = rows("Vietnam dan Amerika Serikat meningkatkan hubungan menjadi Comprehensive Strategic Partnership "
               "(Kemitraan Strategis Komprehensif) pada September 2023.")
    assert got == [("USA", "comprehensive_strategic", "upgraded", 2023, 9)]


def test_one_row_per_sentence_partner_level_action() -> None:
    df = run(extract_partnerships, ["Vietnam dan India menjalin Kemitraan Strategis pada 2007, dan Kemitraan Strategis "
                                    "itu terus berkembang."])
    assert not df.duplicated(["sentence_id", "partner_iso3", "level", "action", "year"]).any()
    assert (df["action"] == "mentioned").sum() == 0  # the bare repeat adds nothing to the establishment


# ---------------------------------------------------------------- issue 14: forms written for the kit


def _rows(text: str, **kw) -> list[tuple]:
    df = run(extract_partnerships, [text], **kw)
    return sorted((r.partner_iso3, r.level, r.action, None if pd.isna(r.year) else int(r.year), r.modality)
                  for r in df.itertuples())


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Kedua negara menjalin Kemitraan Kerja Sama Komprehensif pada 2013.", "comprehensive"),
        ("Vietnam dan Uni Eropa memperkuat hubungan kemitraan dan kerja sama komprehensif.", "comprehensive"),
        ("Kedua negara menjalin kemitraan kerjasama strategis pada 2013.", "strategic"),
        ("Kazakhstan adalah mitra strategis Vietnam di Asia Tengah.", "strategic"),
        ("Hubungan kemitraan komprehensif Vietnam-Brunei terus berkembang.", "comprehensive"),
        ("Kemitraan Strategis Komprehensif menuju masa depan yang cerah.", "comprehensive_strategic"),
        ("Kemitraan Strategis yang diperkuat itu membawa manfaat.", "strategic"),
        ("Kedua pemimpin meningkatkan hubungan ke tingkat strategis.", "strategic"),
    ],
)
def test_variant_wordings_of_a_level(text, level) -> None:
    assert [m.level for m in find_levels(text)] == [level]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a compound name is the relations' rung, deepened in a field; a one-rung name with a field is sectoral
        ("Kedua negara memperdalam Kemitraan Strategis Komprehensif di bidang perdagangan.", "comprehensive_strategic"),
        ("Vietnam dan Korea Selatan menjalin kemitraan komprehensif di bidang pendidikan.", None),
        ("Vietnam dan Belgia menjalin kemitraan strategis di bidang pertanian.", None),
    ],
)
def test_a_field_after_a_name_makes_a_sectoral_partnership_only_of_one_rung(text, level) -> None:
    levels = [m.level for m in find_levels(text)]
    if level is None:
        assert "strategic" not in levels and "comprehensive" not in levels
        return
    assert [m.level for m in find_levels(text)] == [level]


@pytest.mark.parametrize(
    "text",
    [
        "Kedua negara memperluas kerja sama komprehensif di semua bidang.",
        "Kemitraan Strategis Energi Vietnam-Denmark diluncurkan di Kopenhagen.",  # a sectoral partnership's name
        "Sejak 2018, Vietnam dan Belgia telah menjadi mitra strategis dalam kerja sama pertanian.",
        "Program Kemitraan untuk Pertumbuhan Hijau mendanai 20 proyek.",
        "Rusia adalah salah satu mitra strategis utama Vietnam.",
    ],
)
def test_look_alikes_are_not_levels(text) -> None:
    assert find_levels(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sejak menjalin kemitraan strategis pada bulan Maret tahun 2011, Vietnam dan Kazakhstan bekerja sama erat.",
         [("KAZ", "strategic", "established", 2011, "stated")]),
        ("Kedua negara memperingati 5 tahun Kemitraan Komprehensif (2019-2024) dengan Kazakhstan.",
         [("KAZ", "comprehensive", "established", 2019, "stated")]),
        ("Kemitraan Strategis yang dibentuk pada tahun 2016 dengan Kazakhstan terus berkembang.",
         [("KAZ", "strategic", "established", 2016, "stated")]),
        ("Sampai tahun 2017, kedua pihak telah meningkatkan hubungan ke level kemitraan komprehensif dengan Kazakhstan.",
         [("KAZ", "comprehensive", "upgraded", 2017, "stated")]),
    ],
)
def test_the_year_a_level_was_set(text, want) -> None:
    assert _rows(text, published="2024-06-01") == want


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Kunjungan ini bertujuan untuk terus memperdalam Kemitraan Strategis Komprehensif Vietnam-Rusia.", "aim"),
        ("Kedua negara akan terus memperdalam Kemitraan Strategis Komprehensif Vietnam-Rusia di masa mendatang.",
         "planned"),
        ("Kedua pemimpin berharap dapat meningkatkan hubungan Vietnam-Polandia ke tingkat strategis.", "aim"),
        ("Kedua pemimpin sepakat untuk segera meningkatkan hubungan Vietnam-Polandia menjadi Kemitraan Strategis.",
         "planned"),
        # leaders agreeing on an upgrade make it: the joint statement sets the new level up
        ("Kedua pemimpin sepakat untuk meningkatkan hubungan Vietnam-Finlandia menjadi Kemitraan Strategis.", "stated"),
        ("Pada Juni 2024 kedua negara menandatangani Pernyataan Bersama tentang pendalaman Kemitraan Strategis "
         "Komprehensif Vietnam-Rusia.", "stated"),
    ],
)
def test_partnership_modality(text, modality) -> None:
    got = run(extract_partnerships, [text])
    assert got["modality"].tolist() == [modality], got[["action", "modality", "modality_cue"]]


def test_a_sentence_of_many_level_phrases_stays_linear() -> None:
    """Every level phrase looks up its nearest date by position, not by trying every date of the sentence."""
    import time

    def seconds(n: int) -> float:
        text = "kemitraan strategis pada 12 Mei 2012, " * n
        best = 9e9
        for _ in range(3):
            start = time.perf_counter()
            run(extract_partnerships, [text])
            best = min(best, time.perf_counter() - start)
        return best

    small, big = seconds(400), seconds(800)
    assert big < 3 * small + 0.05, (small, big)


@pytest.mark.parametrize(
    "text",
    [
        # a year in brackets right after the level: the year it was set
        "Kerangka kerja sama penting yang telah terjalin seperti Kemitraan Komprehensif (2013) dengan Peru.",
        # "adopted", a passive after the level
        "Rencana itu dibangun di atas Kemitraan Komprehensif Vietnam-Peru yang diadopsi pada tahun 2013.",
    ],
)
def test_the_year_a_level_was_set_in_brackets_or_by_adoption(text) -> None:
    assert rows(text, published="2024-11-26") == [("PER", "comprehensive", "established", 2013, None)]
