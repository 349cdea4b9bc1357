"""``date_spans_many`` (all texts joined, patterns tried only where they can start) against ``date_spans``.

``date_spans`` runs every pattern over one text alone; ``date_spans_many`` joins the texts and finds
the candidate places with a vectorised pass. The two must give the same spans, field for field, for
every text: whatever the texts next to it, whatever characters it holds.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnpartners.facts.dates import DateSpan, date_spans
from vnpartners.facts.dates_batch import date_spans_many

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# pieces of text: dates and near-dates, words the patterns name, and characters they treat specially
TOKENS = [
    "8 hingga 11 Mei", "27-29 April", "26–27/7", "31/12/2024", "08.05.2025", "1-3-2024", "6/2016", "13/2016",
    "tanggal 5/3", "Tanggal 31/2", "tahun 2022 dan 2023", "tahun 2024-2029", "thn. 2001", "THN 1999",
    "pada tahun 2001", "pada 2019", "sejak 2019", "awal 2023", "periode 1924 hingga 1927", "in 2020",
    "(Rusia, 2023)", "(Moskow, 16 Juni 1994)", "(APEC 2024)", "Kamis, 20 Juni 2024", "Jum'at 3 Mei",
    "SENIN,", "Minggu", "Sunday, June 20, 2024", "June 20th, 2024", "May 1, 1999", "bulan Juni", "bulan Juni 2024",
    "BULAN juli", "Januari-Oktober 2024", "Januari s.d. Maret 2024", "Mei sampai dengan Juni 2025",
    "30 Mei - 2 Juni 2025", "30 Januari 1950 - 30 Januari 2025", "14 dan 15 Januari 2025", "10 Mei",
    "Septemebr", "Agsutus 2020", "Desmber", "Jan.", "Okt. 2024", "Mei", "Juni", "2024", "1982", "2030", "1850",
    "20", "19", "3", "31", "0", "75 tahun", "3,63", "1.500", "ke-26", "1088/2-1089", "hingga", "dan", "to",
    "s/d", "sd", "-", "–", "—", ";", ":", "/", ",", ".", "(", ")", "'", "’", " ", "  ", "\n", "\t", "\xa0",
    "\u2009", "İ", "ı", "ſ", "K", "é", "ă", "“", "”", "٢٠٢٤", "٥", "𝟐𝟎𝟐𝟒", "\x00", "\x1c", "_", "x",
    "Kami", "ſejak 2019", "Kamiſ, 6 Mei 2024", "pada", "pertengahan", "APEC", "Hanoi", "Vietnam", "tanggal",
    "tgl 3 hingga tgl 5 Juni", "tgl.", "Maret tahun 2011", "bulan Maret tahun 2011", "Januari hingga Juli tahun 2024",
    "8 Februari tahun 2025", "(2019-2024)", "(1973- 2023)", "( 1950 – 2025 )", "Senin (3/6)", "Jum'at ( 5/7 )",
    "SABTU(1/2)", "17/5/1814 – 17/5/2025", "1.1.2020 - 2.1.2021", "tahun", "thn.", "Selasa sore (28/5)",
    "Kamis  malam ( 3/4)", "sore", "Oktober ini", "OKTOBER INI", "Mei ini", "ini", "Septemebr ini", "x ini", "(2012)", "( 2023 )", "(1999", "tahun ini", "TAHUN LALU", "50 tahun lalu", "3,5 tahun lalu",
    "tahun depan", "tahun mendatang", "75 tahun ini", "bulan Juni tahun lalu", "Juni tahun depan",
    "BULAN  MARET TAHUN INI", "bulan\tMei tahun mendatang", "Septemebr tahun lalu", "xbulan Mei tahun lalu",
    "25 sampai 29/8", "3 hingga 5/6/2024", "1 s/d 3/12", "7 to 9/10",
    "tahun 1993, 2003, dan 2012", ", 2003", ", dan 2012", " serta 1999", "pada 2019, 2020 dan 2021",
]
token = st.one_of(st.sampled_from(TOKENS), st.text(max_size=3), st.from_regex(r"[0-9 ./\-]{1,6}", fullmatch=True))
text = st.lists(token, max_size=12).map("".join)
year = st.one_of(st.none(), st.integers(1990, 2030))


def alone(texts: list[str], years: list[int | None]) -> list[tuple[DateSpan, ...]]:
    """The reference: every text on its own, by the single-text path."""
    return [date_spans(t, y) for t, y in zip(texts, years)]


def check(texts: list[str], years: list[int | None]) -> None:
    got = date_spans_many(texts, years)
    want = alone(texts, years)
    assert len(got) == len(want)
    for t, y, g, w in zip(texts, years, got, want):
        assert g == w, (t, y)
        assert all(type(d.start) is int and type(d.end) is int and t[d.start : d.end] == d.surface for d in g)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(text, year), max_size=8))
def test_many_is_each_alone(pairs) -> None:
    check([t for t, _ in pairs], [y for _, y in pairs])


# the end of one text and the start of the next would make a date (or a longer one) if they touched
ENDS = ["8", "pada 8", "27", "27-", "Kamis,", "Kamis, ", "bulan", "bulan ", "tahun", "pada tahun", "Juni", "Mei 2024",
        "(Rusia,", "(Rusia, 2023", "8 Mei", "30 Mei -", "Januari", "Januari-", "tanggal", "tanggal 5", "5/", "31/12/",
        "June 20", "June 20,", "2022 dan", "s.d.", "", " ", "x"]
STARTS = [" Mei 2024", "Mei 2024", " 2020", "2020", "-29 April", " hingga 11 Mei", "20 Juni 2024", " Juni 2024",
          "/2016", "12/2024", ", 2024", "2024)", " 2023)", "st, 2024", " 2023", "Oktober 2024", " 5/3", "/3",
          "- 2 Juni 2025", "", " ", "x", "Mei", "24"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(STARTS), text, st.sampled_from(ENDS), year), min_size=1, max_size=6))
def test_joins_never_make_dates(parts) -> None:
    texts = [a + b + c for a, b, c, _ in parts]
    check(texts, [y for *_, y in parts])


@pytest.mark.parametrize("end", ENDS)
def test_each_end_before_each_start(end) -> None:
    texts = [x for start in STARTS for x in (end, start)]
    for years in ([2025] * len(texts), [None] * len(texts)):
        check(texts, years)
        check(texts[1:], years[1:])


def test_texts_that_begin_and_end_with_a_date() -> None:
    texts = ["20 Juni 2024", "31/12/2024", "(Rusia, 2023)", "tahun 2022 dan 2023", "bulan Juni", "Kamis, 20 Juni 2024",
             "8 hingga 11 Mei", "26–27/7", "tanggal 5/3", "6/2016", "June 20, 2024", "Januari-Oktober 2024", "2024", ""]
    check(texts, [2025] * len(texts))
    assert [[d.surface for d in spans] for spans in date_spans_many(texts[:3], [None] * 3)] == [
        ["20 Juni 2024"], ["31/12/2024"], ["2023"]]


def test_separator_inside_a_text() -> None:
    texts = ["pada 8\x00 Mei 2024", "\x00", "Kamis, 20 Juni 2024\x00", "8", "\x00 Mei 2024", "tahun\x00 2020"]
    check(texts, [2025, None, 2025, 2025, None, 2025])


def test_unusual_characters() -> None:
    # letters IGNORECASE reads as ASCII ones, other scripts' digits and spaces, characters beyond the BMP
    texts = ["Kamiſ, 6 Mei 2024", "ſejak 2019", "pada ٥ Mei ٢٠٢٤", "20\xa0Juni\u20092024", "𝟐𝟎 Mei 2024 😀 tahun 2001",
             "İ 8 Mei", "pada 2019\u3000tahun", "bulan\u2028Juni", "(Ḱiev, 2023)", "27—29 April", "Januari—Maret 2024"]
    check(texts, [2025] * len(texts))
    check(texts[::-1], [None] * len(texts))


def test_weekday_quick_test_lets_every_weekday_through() -> None:
    names = ["Senin", "Selasa", "Rabu", "Kamis", "Jum'at", "Jumat", "Sabtu", "Minggu", "Ahad", "Monday", "Tuesday",
             "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for name in names:
        for form in (name, name.upper(), name.lower()):
            for glue in (", ", " ", " , ", "", ",\n"):
                text = f"pada {form}{glue}20 Juni 2024"
                spans = date_spans(text, 2025)
                assert [d.surface for d in spans] == [f"{form}{glue}20 Juni 2024"], text
                check([text], [2025])


def test_fixture_sentences() -> None:
    import vnpartners
    from vnpartners.corpus import fact_sentences

    for folder in (FIXTURES / "facts", FIXTURES / "wire"):
        c = vnpartners.load_folder(folder)
        fi = fact_sentences(c.paragraphs, c.sentences)
        published = dict(zip(c.articles["article_id"].astype(str), c.articles["published"]))
        texts = [str(t) for t in fi["text"]]
        years = [None if pd.isna(published.get(str(a))) else pd.Timestamp(published[str(a)]).year
                 for a in fi["article_id"]]
        assert any(date_spans_many(texts, years))
        check(texts, years)
        check(texts, [None] * len(texts))


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError):
        date_spans_many(["10 Mei"], [])
    assert date_spans_many([], []) == []


def test_no_cache_keyed_on_text() -> None:
    assert not hasattr(date_spans, "cache_info")
    assert not hasattr(date_spans_many, "cache_info")
