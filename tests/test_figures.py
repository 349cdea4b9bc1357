"""Figures on hand-written sentences: currencies, units, metrics, periods, qualifiers and the non-figures."""

from __future__ import annotations

import pandas as pd
import pytest
from factkit import run

from vnpartners.facts.figures import METRICS, extract_figures, find_quantities
from vnpartners.schema import SCHEMAS


def figures(texts, **kw) -> pd.DataFrame:
    df = run(extract_figures, texts if isinstance(texts, list) else [texts], **kw)
    assert list(df.columns) == list(SCHEMAS["figures"])
    assert df["metric"].isin(METRICS).all()
    for r in df.itertuples():
        assert r.surface in r.evidence
    return df


def facts(texts, **kw) -> list[tuple]:
    df = figures(texts, **kw)
    return [(r.metric, None if pd.isna(r.partner_iso3) else r.partner_iso3, None if pd.isna(r.direction) else r.direction,
             None if pd.isna(r.period) else r.period, r.value, r.unit, r.qualifier) for r in df.itertuples()]


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("3,63 miliar USD", 3.63e9, "USD"),
        ("995,82 juta USD", 995.82e6, "USD"),
        ("46,2 miliar dolar AS", 46.2e9, "USD"),
        ("US$7,7 miliar", 7.7e9, "USD"),
        ("USD16,7 miliar", 16.7e9, "USD"),
        ("USD 1,6 miliar", 1.6e9, "USD"),
        ("Rp272 triliun", 272e12, "IDR"),
        ("81%", 81.0, "percent"),
        ("40 persen", 40.0, "percent"),
        ("4 kali lipat", 4.0, "count"),
        ("1.500 delegasi", 1500.0, "persons"),
        ("5.557 proyek", 5557.0, "projects"),
    ],
)
def test_quantity_forms(written: str, value: float, unit: str) -> None:
    found = find_quantities(f"nilainya mencapai {written} pada periode itu")
    assert [(q.surface, q.unit) for q in found] == [(written, unit)]
    assert found[0].value == pytest.approx(value)


def test_trade_list_with_periods_per_clause() -> None:
    got = facts("Pada tahun 2023, omzet perdagangan bilateral Vietnam-Jepang mencapai 46,2 miliar USD; pada tahun 2024, "
                "mencapai 46,3 miliar USD; dalam 3 bulan pertama tahun 2025, mencapai 11,1 miliar USD.")
    assert sorted(got) == sorted([
        ("trade_turnover", "JPN", "bilateral", "2023", 46.2e9, "USD", "exact"),
        ("trade_turnover", "JPN", "bilateral", "2024", 46.3e9, "USD", "exact"),
        ("trade_turnover", "JPN", "bilateral", "2025-Q1", 11.1e9, "USD", "exact"),
    ])


def test_investment_directions_and_stock_period() -> None:
    got = facts(["Hingga akhir Januari 2025, Korea Selatan memiliki 10.000 proyek investasi di Vietnam dengan total "
                 "modal terdaftar sekitar 87 miliar USD.",
                 "Di sisi lain, Vietnam saat ini memiliki 16 proyek investasi yang valid di Korea Selatan."])
    assert ("investment_projects", "KOR", "inbound", "2025-01", 10000.0, "projects", "exact") in got
    assert ("investment_registered_capital", "KOR", "inbound", "2025-01", 87e9, "USD", "approx") in got
    # an undated "saat ini" right after a dated figure of the same metric takes its period
    assert ("investment_projects", "KOR", "outbound", "2025-01", 16.0, "projects", "exact") in got


def test_tourism_flow_at_a_month_is_year_to_date_and_baseline_is_ignored() -> None:
    got = facts("Pada Oktober 2024, jumlah wisatawan Australia ke Vietnam mencapai lebih dari 117,8 ribu, meningkat 81% "
                "dibandingkan periode yang sama tahun 2023.")
    assert got == [
        ("tourist_arrivals", "AUS", "inbound", "2024-01/2024-10", 117800.0, "persons", "more_than"),
        ("tourist_arrivals_growth", "AUS", "inbound", "2024-01/2024-10", 81.0, "percent", "exact"),
    ]


def test_present_figures_take_the_article_year_and_qualifiers() -> None:
    got = facts(["Saat ini, terdapat sekitar lebih dari 5.000 mahasiswa Vietnam yang belajar di Jepang.",
                 "Komunitas Vietnam di Jepang saat ini berjumlah hampir 600.000 orang."], published="2025-05-08")
    assert got == [
        ("students", "JPN", "outbound", "2025", 5000.0, "persons", "more_than"),
        ("community_size", "JPN", "outbound", "2025", 600000.0, "persons", "less_than"),
    ]


def test_undated_report_takes_the_article_month_and_list_of_partners_has_no_partner() -> None:
    got = facts(["Para pemimpin kementerian telah menandatangani sekitar 60 perjanjian kerja sama dengan Kazakhstan, "
                 "Azerbaijan, dan Belarus.",
                 "Jumlah total negara yang memiliki kemitraan strategis dengan Vietnam menjadi 37."],
                published="2025-05-01", precision="month")
    assert got == [
        ("agreements_signed", None, None, "2025-05", 60.0, "documents", "approx"),
        ("strategic_partner_count", None, None, "2025-05", 37.0, "count", "exact"),
    ]


def test_rupiah_kept_in_rupiah_with_its_dollar_equivalent_and_dolar_as_is_not_a_partner() -> None:
    text = "Pada tahun 2024, nilai perdagangan Indonesia-Vietnam mencapai Rp272 triliun atau 16,7 miliar dolar AS."
    assert facts(text) == [("trade_turnover", "IDN", "bilateral", "2024", 272e12, "IDR", "exact")]
    assert figures(text)["usd_value"].tolist() == [16.7e9]  # one figure with its restatement, not two


def test_exports_and_imports() -> None:
    got = facts("Pada tahun 2024, ekspor Vietnam ke Brasil mencapai US$3,2 miliar, sedangkan impor dari Brasil "
                "mencapai USD 4,1 miliar.")
    assert ("exports", "BRA", "outbound", "2024", 3.2e9, "USD", "exact") in got
    assert ("imports", "BRA", "inbound", "2024", 4.1e9, "USD", "exact") in got


def test_scholarships_per_year() -> None:
    got = facts("Sejak 2019, Rusia telah meningkatkan jumlah beasiswa untuk Vietnam menjadi sekitar 1.000 per tahun.")
    assert got == [("scholarships_per_year", "RUS", "outbound", "2019", 1000.0, "count", "approx")]


@pytest.mark.parametrize(
    "text",
    [
        "Kedua negara merayakan 75 tahun hubungan diplomatik pada 2025.",
        "Rusia menduduki peringkat ke-26 dari 149 negara dan wilayah yang berinvestasi di Vietnam.",
        "Proyek itu dilaksanakan di 21 dari 63 lokasi di Vietnam.",
        'Kedua pihak menekankan motto "16 kata" dan semangat "4 barang" serta arahan "6 lagi".',
        'Vietnam dan Kazakhstan perlu mempromosikan "5 koneksi" dalam kerja sama.',
        "Resolusi Kongres Nasional Partai ke-13 dan Konferensi Sentral ke-3.",
        "Vietnam akan menjadi tuan rumah APEC 2027 di Jepang.",
        "Pada 10 Mei 2025 pukul 10:47 WIB kedua pemimpin bertemu selama 8 hari di 4 negara.",
        "jalan khusus di area landmark 1088/2-1089 (Tan Thanh - Po Chai) dekat Tiongkok.",
        "Nota Kesepahaman untuk periode 2024-2029 dengan Tiongkok.",
        "Dalam 3 bulan pertama, Jepang dan Vietnam berdialog.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text).empty, figures(text)[["metric", "surface"]]


def test_a_figure_in_a_repeated_sentence_is_counted_per_sentence_given() -> None:
    # the loader drops duplicate paragraphs; the extractor counts what it is given exactly once
    df = figures(["Komunitas Vietnam di Rusia saat ini berjumlah sekitar 70.000 orang."])
    assert len(df) == 1


# ---------------------------------------------------------------- issue 14: forms written for the kit


def _periods(text: str, **kw) -> list[tuple]:
    df = figures(text, **kw)
    return [(r.value, r.unit, None if pd.isna(r.period) else r.period, None if pd.isna(r.period_basis) else r.period_basis)
            for r in df.itertuples()]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a change stated as a path: each number keeps its own year
        ("Perdagangan Vietnam-Kanada meningkat dari 2,1 miliar USD pada tahun 2012 menjadi lebih dari 9 miliar USD pada "
         "tahun 2023.", [(2.1e9, "USD", "2012", "text"), (9e9, "USD", "2023", "text")]),
        # the reversed order
        ("Omzet perdagangan menjadi 9 miliar USD pada tahun 2023 dari 2,1 miliar USD pada tahun 2012.",
         [(9e9, "USD", "2023", "text"), (2.1e9, "USD", "2012", "text")]),
        # a series
        ("Nilai perdagangan naik ke 3,2 miliar USD pada 2021 dan 4,4 miliar USD pada 2022.",
         [(3.2e9, "USD", "2021", "text"), (4.4e9, "USD", "2022", "text")]),
        # a year before two numbers is both numbers' year
        ("Pada tahun 2023, ekspor Vietnam ke Kanada mencapai 6 miliar USD dan impor 1 miliar USD.",
         [(6e9, "USD", "2023", "text"), (1e9, "USD", "2023", "text")]),
        # a number in brackets after its year
        ("Omzet perdagangan tumbuh dari 2,1 miliar USD (2012) menjadi 9 miliar USD (2023).",
         [(2.1e9, "USD", "2012", "text"), (9e9, "USD", "2023", "text")]),
    ],
)
def test_a_year_belongs_to_the_number_it_is_attached_to(text, want) -> None:
    assert sorted(_periods(text)) == sorted(want)


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Nilai perdagangan bilateral pada tahun lalu mencapai lebih dari 720 juta USD.", "2023-02-11", "2022"),
        ("Tahun ini perdagangan kedua negara ditargetkan mencapai 2 miliar USD.", "2024-05-02", "2024"),
        ("Dalam lima bulan awal tahun ini, nilai perdagangan mencapai 6,1 juta USD.", "2024-07-15", "2024-01/2024-05"),
        ("Dalam enam bulan pertama 2024, ekspor mencapai 3 miliar USD.", "2024-09-01", "2024-01/2024-06"),
        ("Pada kuartal I tahun ini, omzet perdagangan mencapai 1,2 miliar USD.", "2025-05-08", "2025-Q1"),
        ("Dari Januari hingga Juli, ekspor Vietnam mencapai 800 juta USD.", "2024-08-20", "2024-01/2024-07"),
        ("Dari Januari hingga Oktober, ekspor Vietnam mencapai 800 juta USD.", "2025-02-20", "2024-01/2024-10"),
        ("Per akhir Maret, Kanada memiliki 250 proyek investasi di Vietnam.", "2025-05-08", "2025-03"),
        ("Hingga akhir Maret, omzet perdagangan mencapai 1,1 miliar USD.", "2025-05-08", "2025-Q1"),
    ],
)
def test_periods_relative_to_the_article_date(text, published, want) -> None:
    got = _periods(text, published=published)
    assert [(p, b) for _, _, p, b in got] == [(want, "relative" if "2024" not in text else "text")]


def test_a_relative_period_without_an_article_date_is_left_blank_with_a_reason() -> None:
    assert [(p, b) for _, _, p, b in _periods("Nilai perdagangan pada tahun lalu mencapai 720 juta USD.", published=None)] == [
        (None, "unresolved")]


def test_a_present_tense_stock_is_dated_by_the_article() -> None:
    got = _periods("Saat ini, Norwegia memiliki 60 proyek FDI di Vietnam.", published="2025-05-16")
    assert got == [(60.0, "projects", "2025", "article_date")]


def test_a_continued_sentence_takes_the_period_of_the_figures_before_it() -> None:
    got = _periods(["Total omzet perdagangan dua arah mencapai lebih dari 450 juta USD pada tahun 2024.",
                    "Di antaranya, ekspor makanan laut Norwegia ke Vietnam telah melampaui 250 juta USD, meningkat 16% "
                    "dibandingkan tahun 2023."], published="2025-05-16")
    assert got == [(450e6, "USD", "2024", "text"), (250e6, "USD", "2024", "text"), (16.0, "percent", "2024", "text")]


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("AS$2.75 miliar", 2.75e9, "USD"),  # an English decimal, by the shape of its digits
        ("USD 0,4 juta", 0.4e6, "USD"),
        ("Rp272 triliun", 272e12, "IDR"),
        ("CHF 5 juta", 5e6, "CHF"),
        ("6 miliar euro", 6e9, "EUR"),
        ("€3 miliar", 3e9, "EUR"),
        ("2 miliar yuan", 2e9, "CNY"),
        ("300 miliar won", 300e9, "KRW"),
        ("50 miliar yen", 50e9, "JPY"),
        ("24,1 miliar dolar Australia", 24.1e9, "AUD"),
    ],
)
def test_each_currency_keeps_its_own_code(written, value, unit) -> None:
    got = figures(f"Pada tahun 2024, nilai perdagangan kedua negara mencapai {written}.")
    assert got[["value", "unit"]].values.tolist() == [[value, unit]]


def test_an_amount_beside_its_usd_equivalent_is_one_figure() -> None:
    got = figures("Pada tahun 2022, omzet perdagangan Vietnam-Belgia mencapai 3 miliar euro, setara 3,3 miliar USD.")
    assert got[["value", "unit", "usd_value"]].values.tolist() == [[3e9, "EUR", 3.3e9]]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Pada tahun 2024, omzet perdagangan kedua negara mencapai 7,3 miliar USD.", "stated"),
        ("Kedua negara menargetkan omzet perdagangan mencapai 10 miliar USD pada tahun 2030.", "aim"),
        ("Omzet perdagangan diharapkan mencapai 5 miliar USD pada tahun depan.", "aim"),
        ("Kedua pihak sepakat untuk meningkatkan omzet perdagangan menjadi 3 miliar USD pada tahun 2026.", "planned"),
        # "akan" of a year already past when the article was written: a statement (a translation habit)
        ("Pada tahun 2023, omzet perdagangan bilateral akan mencapai 3,63 miliar USD.", "stated"),
    ],
)
def test_figures_carry_their_modality(text, modality) -> None:
    got = figures(text, published="2025-05-08")
    assert got["modality"].tolist() == [modality]


def test_an_intention_after_a_result_takes_neither_its_year_nor_the_articles() -> None:
    # written for the kit: "bermaksud" (intend) is an aim, and "tahun-tahun mendatang" (the coming years) is no year
    got = figures("Pada tahun 2024, omzet perdagangan Vietnam-Rumania mencapai 533,6 juta USD; kedua pihak bermaksud "
                  "meningkatkan angka ini menjadi 1 miliar USD di tahun-tahun mendatang.", published="2025-12-06")
    got = got.sort_values("value", ignore_index=True)
    # a turnover only wished for is a target
    assert got[["value", "metric", "modality"]].values.tolist() == [[533.6e6, "trade_turnover", "stated"],
                                                                    [1e9, "trade_target", "aim"]]
    assert got["period"].iloc[0] == "2024" and pd.isna(got["period"].iloc[1])


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Omzet perdagangan kedua negara tahun lalu mencapai 2 miliar USD.", "2024"),
        ("Omzet perdagangan kedua negara di tahun-tahun lalu mencapai 2 miliar USD.", "2025-05"),  # no year named
        ("Kedua pihak menargetkan omzet perdagangan 5 miliar USD pada tahun depan.", "2026"),  # in its own clause
    ],
)
def test_a_relative_year_is_a_word_of_its_own(text, period) -> None:
    got = figures(text, published="2025-05-08")
    assert got["period"].tolist() == [period]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # after a unit, "tahun" opens the figure's period: no duration ("75 tahun" stays one, see test_not_figures)
        ("Perdagangan bilateral meningkat 15 persen tahun lalu.", [(15.0, "percent", "2024", "relative")]),
        ("Ekspor Vietnam ke Mesir mencapai 600 juta USD tahun lalu.", [(600e6, "USD", "2024", "relative")]),
        ("Impor dari Mesir mencapai 2 miliar USD tahun 2023.", [(2e9, "USD", "2023", "text")]),
        # a comparison baseline in its other spellings is never the period
        ("Nilai perdagangan tahun lalu mencapai 300 juta USD, meningkat 19,9% terbanding dengan tahun 2023.",
         [(300e6, "USD", "2024", "relative"), (19.9, "percent", "2024", "relative")]),
        ("Pada tahun 2024, ekspor mencapai 1 miliar USD, 8% lebih tinggi daripada tahun 2023.",
         [(1e9, "USD", "2024", "text"), (8.0, "percent", "2024", "text")]),
        # a growth after its amount is of the amount's period, even when that date is the amount's own
        ("Nilai perdagangan mencapai 300 juta USD pada tahun 2016, meningkat 19,9% terbanding dengan tahun 2015.",
         [(300e6, "USD", "2016", "text"), (19.9, "percent", "2016", "text")]),
        ("Ekspor mencapai 2 miliar USD pada 2023, naik 8% berbanding tahun 2022.",
         [(2e9, "USD", "2023", "text"), (8.0, "percent", "2023", "text")]),
        # an amount after its growth is of the growth's period
        ("Nilai perdagangan meningkat 12 persen tahun lalu menjadi 1,5 miliar USD.",
         [(12.0, "percent", "2024", "relative"), (1.5e9, "USD", "2024", "relative")]),
        # but the end of a path without a year does not take the start's year
        ("Perdagangan meningkat dari 2,1 miliar USD pada tahun 2012 menjadi 9 miliar USD.",
         [(2.1e9, "USD", "2012", "text"), (9e9, "USD", "2025-05", "article_date")]),
    ],
)
def test_a_period_after_a_unit_and_a_baseline_in_other_words(text, want) -> None:
    assert sorted(_periods(text, published="2025-05-08")) == sorted(want)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Perdagangan Vietnam-Peru pada tahun 2023 turun 12 persen dibandingkan tahun 2022.", -12.0),
        ("Ekspor Vietnam ke Cile mengalami penurunan sebesar 3,5% pada 2023.", -3.5),
        ("Nilai perdagangan kedua negara merosot 7% pada 2020 akibat pandemi.", -7.0),
        # the change word nearest the number decides: a fall, then a rise
        ("Setelah turun pada 2020, perdagangan kedua negara meningkat 9% pada 2021.", 9.0),
        ("Perdagangan bilateral naik 15 persen pada tahun 2024.", 15.0),
    ],
)
def test_a_fall_is_a_negative_growth(text, value) -> None:
    got = figures([text], published="2025-03-01")
    growth = got[got["metric"] == "trade_growth"]
    assert growth["value"].tolist() == [value]


def test_a_growth_before_its_amount_takes_the_period_the_amount_is_given() -> None:
    got = figures(["Nilai perdagangan bilateral menurun 8,5% menjadi 1,2 miliar USD pada tahun lalu."],
                  published="2025-03-01")
    assert got[["metric", "value", "period"]].values.tolist() == [
        ["trade_growth", -8.5, "2024"], ["trade_turnover", 1.2e9, "2024"]]


def test_a_growth_from_a_baseline_is_found_and_takes_the_period_it_reached() -> None:
    # "20% dari 1 miliar USD" after a change word is a growth from a baseline, not "20 % of ..."
    got = figures(["Perdagangan naik 20% dari 1 miliar USD pada 2022 menjadi 1,2 miliar USD pada 2023."],
                  published="2025-03-01")
    assert got[["metric", "value", "period"]].values.tolist() == [
        ["trade_growth", 20.0, "2023"], ["trade_turnover", 1e9, "2022"], ["trade_turnover", 1.2e9, "2023"]]
    # a share stays a share
    assert figures(["Sekitar 20% dari 63 provinsi mengimpor barang dari Meksiko."], published="2025-03-01").empty


def test_goods_by_weight_are_trade_figures_in_tonnes() -> None:
    got = figures(["Vietnam menjadi importir jagung nomor satu dari Argentina pada tahun 2024, dengan lebih dari "
                   "6 juta ton jagung."], published="2025-02-25")
    assert got[["metric", "partner_iso3", "direction", "value", "unit", "period", "qualifier"]].values.tolist() == [
        ["imports", "ARG", "inbound", 6e6, "tonnes", "2024", "more_than"]]
    # a weight is never capital
    got = figures(["Investasi itu akan menghasilkan 300 ribu ton baja."], published="2025-02-25")
    assert "investment_registered_capital" not in set(got["metric"])


def test_the_last_n_years_are_the_whole_years_before_the_article() -> None:
    got = figures(["Dalam 6 tahun terakhir, Kanada telah mengekspor ke Vietnam barang senilai 18 miliar USD."],
                  published="2025-02-25")
    assert got[["value", "period", "period_basis"]].values.tolist() == [[18e9, "2019-01/2024-12", "relative"]]


@pytest.mark.parametrize(
    "text, rows",
    [
        ("Perdagangan kedua pihak tumbuh pada kisaran 12-15% per tahun.",
         [("trade_growth", 12.0, "percent", "more_than"), ("trade_growth", 15.0, "percent", "less_than")]),
        ("Kedua pihak menargetkan omzet perdagangan 12 hingga 15 miliar USD pada tahun 2030.",
         [("trade_target", 12e9, "USD", "more_than"), ("trade_target", 15e9, "USD", "less_than")]),
    ],
)
def test_a_range_is_two_figures_its_bounds(text, rows) -> None:
    got = figures([text], published="2025-03-01")
    assert [tuple(r) for r in got[["metric", "value", "unit", "qualifier"]].values.tolist()] == rows
    assert got["surface"].nunique() == 1
    if "2030" in text:  # the bounds share the range's year
        assert got["period"].tolist() == ["2030", "2030"]


def test_two_numbers_joined_by_a_dash_without_a_unit_are_no_range() -> None:
    assert figures(["Pasal 12-15 undang-undang itu mengatur perdagangan dengan Meksiko."], published="2025-03-01").empty


@pytest.mark.parametrize(
    "text, surface, period",
    [
        ("Perdagangan Vietnam-Swedia mencatat peningkatan sebesar 29% antara tahun 2018 dan 2023.", "29%",
         "2018-01/2023-12"),
        ("Uni Eropa meningkatkan bantuan untuk Vietnam tahap 2014-2020 menjadi 400 juta Euro.", "400 juta Euro",
         "2014-01/2020-12"),
        ("Pada periode 2021-2025, perdagangan bilateral Vietnam-Kanada mencapai 30 miliar USD.", "30 miliar USD",
         "2021-01/2025-12"),
        ("Dari tahun 2015 hingga 2020, ekspor Vietnam ke Chili naik 20 persen.", "20 persen", "2015-01/2020-12"),
    ],
)
def test_a_span_of_years_named_as_a_period_is_the_figures_period(text, surface, period) -> None:
    got = figures([text], published="2024-06-01")
    assert got.set_index("surface").loc[surface, "period"] == period


@pytest.mark.parametrize(
    "text, surface",
    [
        # years joined by "dan" without "antara" are two years, not a span; a bracketed span is an anniversary's
        ("Pada tahun 2018 dan 2023, perdagangan Vietnam-Swedia mencapai 1 miliar USD.", "1 miliar USD"),
        ("Genap 50 tahun hubungan diplomatik (1973-2023), perdagangan Vietnam-Kanada mencapai 10 miliar USD.",
         "10 miliar USD"),
    ],
)
def test_a_span_of_years_not_named_as_a_period_is_not_one(text, surface) -> None:
    got = figures([text], published="2024-06-01")
    assert "/" not in got.set_index("surface").loc[surface, "period"]
