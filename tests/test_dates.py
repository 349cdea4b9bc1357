"""Dates in running Indonesian text: the forms of the spec, the traps, and generated dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts.dates import DATE_COLUMNS, find_dates, month_number

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def one(text: str, default_year: int | None = None) -> pd.Series:
    found = find_dates(text, default_year=default_year)
    assert len(found) == 1, found
    row = found.iloc[0]
    assert text[row["start"] : row["end"]] == row["surface"]
    return row


@pytest.mark.parametrize(
    ("text", "surface", "date", "date_end", "precision", "inferred"),
    [
        ("pada 30 Januari 1950, Vietnam", "30 Januari 1950", "1950-01-30", None, "day", False),
        ("menelepon (Maret 2024);", "Maret 2024", "2024-03-01", None, "month", False),
        ("diadakan pada bulan Juni 2024.", "bulan Juni 2024", "2024-06-01", None, "month", False),
        ("menjalin Kemitraan Strategis pada tahun 2001;", "tahun 2001", "2001-01-01", None, "year", False),
        ("mengunjungi Vietnam pada Kamis, 20 Juni 2024 setelah", "Kamis, 20 Juni 2024", "2024-06-20", None, "day", False),
        ("VietnamPlus08/05/2025", "08/05/2025", "2025-05-08", None, "day", False),
        ("dari tanggal 8 hingga 11 Mei atas", "8 hingga 11 Mei", "2025-05-08", "2025-05-11", "day", True),
        ("pada 27-29 April di Hanoi", "27-29 April", "2025-04-27", "2025-04-29", "day", True),
        ("(14 dan 15 Januari 2025)", "14 dan 15 Januari 2025", "2025-01-14", "2025-01-15", "day", False),
        ("pameran 26–27/7 di Hanoi", "26–27/7", "2025-07-26", "2025-07-27", "day", True),
        ("berlaku sejak 6/2016.", "6/2016", "2016-06-01", None, "month", False),
        ("pada Kamis, 6 Septemebr 2018.", "Kamis, 6 Septemebr 2018", "2018-09-06", None, "day", False),
        ("on June 20, 2024 in Hanoi", "June 20, 2024", "2024-06-20", None, "day", False),
        ("in September 2023 the two", "September 2023", "2023-09-01", None, "month", False),
        ("Sejak 2019, Rusia", "2019", "2019-01-01", None, "year", False),
        ("Dialog ke-6 (Rusia, 2023).", "2023", "2023-01-01", None, "year", False),
        ("pada Januari-Oktober 2024", "Januari-Oktober 2024", "2024-01-01", "2024-10-01", "month", False),
        ("pada 30 Mei hingga 2 Juni 2025", "30 Mei hingga 2 Juni 2025", "2025-05-30", "2025-06-02", "day", False),
        ("Selama periode 1924 hingga 1927", "1924 hingga 1927", "1924-01-01", "1927-01-01", "year", False),
        ("Pada 10 Mei, di Kremlin", "10 Mei", "2025-05-10", None, "day", True),
    ],
)
def test_forms(text, surface, date, date_end, precision, inferred) -> None:
    row = one(text, default_year=2025)
    assert row["surface"] == surface
    assert row["date"] == pd.Timestamp(date)
    assert (pd.isna(row["date_end"]) if date_end is None else row["date_end"] == pd.Timestamp(date_end))
    assert row["precision"] == precision
    assert bool(row["year_inferred"]) is inferred


@pytest.mark.parametrize(
    "text",
    [
        "perayaan 75 tahun hubungan diplomatik",
        "Peringatan 80 Tahun Kemenangan",
        "omzet 3,63 miliar USD",
        "peringkat ke-26 dari 149 negara",
        "hampir 1.500 delegasi",
        "hubungi 0812-3456-7890 atau (021) 555-1234",
        "di area landmark 1088/2-1089 (Tan Thanh - Po Chai)",
        "menjadi tuan rumah APEC 2027",
        "Hukum Laut (UNCLOS 1982)",
        "Visi Kemitraan Strategis Komprehensif hingga 2030",
        "selama 8 hari di 4 negara",
        "pada 2000 tahun lalu",
        "pukul 10:47 WIB",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, default_year=2025).empty, find_dates(text, default_year=2025)


def test_impossible_day_is_not_a_day() -> None:
    # "31 Februari 2024" cannot be a day; at most the month it names is kept
    assert (find_dates("31 Februari 2024")["precision"] != "day").all()


def test_two_years_joined_by_dan_are_two_dates() -> None:
    found = find_dates("dua kunjungan pada tahun 2022 dan 2023")
    assert found["surface"].tolist() == ["tahun 2022", "2023"]
    assert found["precision"].tolist() == ["year", "year"]


def test_anniversary_span_is_one_range_as_written() -> None:
    row = one("(30 Januari 1950 - 30 Januari 2025)")
    assert (row["date"], row["date_end"]) == (pd.Timestamp("1950-01-30"), pd.Timestamp("2025-01-30"))


def test_without_default_year_the_span_is_kept_undated() -> None:
    row = one("Pada 10 Mei, di Kremlin")
    assert pd.isna(row["date"]) and not row["year_inferred"]


def test_columns_and_types() -> None:
    found = find_dates("Kamis, 20 Juni 2024 dan tahun 2001")
    assert list(found.columns) == DATE_COLUMNS
    assert str(found["date"].dtype) == "datetime64[ns]"
    assert found["start"].is_monotonic_increasing
    empty = find_dates("tidak ada tanggal")
    assert list(empty.columns) == DATE_COLUMNS and str(empty["date"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize(("word", "num"), [("Septemebr", 9), ("Oktobr", 10), ("Desemebr", 12), ("Agustsu", 8),
                                           ("Pebruari", 2), ("okt.", 10), ("Mie", None), ("tahun", None),
                                           ("Market", None), ("kemitraan", None)])
def test_month_names_and_near_misses(word: str, num: int | None) -> None:
    assert month_number(word) == num


_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None)
@given(day=_dates, english=st.booleans(), weekday=st.booleans(),
       before=st.sampled_from(["Pada ", "pada ", "(", "Menilik sejarah, pada ", "tanggal "]),
       after=st.sampled_from([", Vietnam", ")", ".", " di Hanoi", ""]))
def test_any_written_date_is_found(day: dt.date, english: bool, weekday: bool, before: str, after: str) -> None:
    month = (EN_MONTHS if english else ID_MONTHS)[day.month - 1]
    wd = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][day.weekday()] + ", " if weekday else ""
    text = f"{before}{wd}{day.day} {month} {day.year}{after}"
    row = one(text)
    assert row["date"] == pd.Timestamp(day)
    assert row["precision"] == "day"
    assert row["surface"].endswith(f"{day.day} {month} {day.year}")


@settings(max_examples=200, deadline=None)
@given(day=_dates)
def test_any_numeric_date_is_found(day: dt.date) -> None:
    row = one(f"Hanoi, {day.day:02d}/{day.month:02d}/{day.year} - berita")
    assert row["date"] == pd.Timestamp(day)


_words = st.sampled_from(["hubungan", "diplomatik", "kedua", "negara", "perayaan", "kerja", "sama", "Vietnam",
                          "Rusia", "yang", "dan", "selama", "lebih", "dari", "peringatan", "ulang", "ke-", "Tahun"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_words, st.integers(min_value=1, max_value=3000).map(lambda n: f"{n} tahun"),
                          st.integers(min_value=1, max_value=3000).map(lambda n: f"{n} Tahun")),
                min_size=1, max_size=12))
def test_counts_of_years_are_never_dates(words: list[str]) -> None:
    text = " ".join(words)
    assert find_dates(text, default_year=2025).empty, text


@pytest.mark.parametrize(
    ("text", "surface", "date"),
    [
        ("pembicaraan virtual pada bulan Juni tahun lalu", "bulan Juni tahun lalu", "2022-06-01"),
        ("pada Maret tahun depan", "Maret tahun depan", "2024-03-01"),
    ],
)
def test_a_month_of_a_year_named_from_the_articles(text, surface, date) -> None:
    row = one(text, default_year=2023)
    assert (row["surface"], str(row["date"])[:10], row["precision"], bool(row["year_inferred"])) == (
        surface, date, "month", True)
    assert find_dates(text, default_year=None)["date"].isna().all()  # from an unknown date: no date


@pytest.mark.parametrize(
    "text, years",
    [
        ("pada tahun 1993, 2003, dan 2012 sebagai Putra Mahkota", [1993, 2003, 2012]),
        ("Pada 2019, 2020 dan 2021, ekspor naik", [2019, 2020, 2021]),
        # no "dan" before the last: no list ("2000 unit" is a count)
        ("pada tahun 2023, 2000 unit terjual", [2023]),
    ],
)
def test_a_list_of_years_after_a_year_date(text, years) -> None:
    assert [d.year for d in find_dates(text)["date"]] == years
