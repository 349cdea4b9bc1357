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


def test_counts_of_years_and_names_with_years_are_not_dates() -> None:
    df = events("Perayaan 75 tahun hubungan, Peringatan 80 Tahun Kemenangan, APEC 2027, UNCLOS 1982.", published="2025-05-08")
    # no 75th, 80th, 2027 or 1982 as a date; the undated anniversary is news of the article's year
    assert df[["date", "precision", "year_inferred"]].values.tolist() == [[pd.Timestamp("2025-01-01"), "year", True]]
    assert events("Perayaan 75 tahun hubungan, APEC 2027, UNCLOS 1982.", published=None).empty


def test_event_kind_helper() -> None:
    assert event_kind("yang mengunjungi Vietnam") == "visit"
    assert event_kind("tidak ada apa-apa") == "other"


# ---------------------------------------------------------------- issue 14: forms written for the kit


def test_national_days_are_commemorations_of_one_country() -> None:
    df = events("Pada saat yang sama, Rusia merayakan ulang tahun ke-80 Hari Kemenangan (9 Mei 1945 - 9 Mei 2025); "
                "Vietnam merayakan ulang tahun ke-50 Pembebasan Selatan (30 April 1975 - 30 April 2025).")
    got = sorted(map(tuple, df[["surface", "kind", "countries"]].values.tolist()))
    assert got == sorted([("9 Mei 1945", "commemoration", "RUS"), ("9 Mei 2025", "commemoration", "RUS"),
                          ("30 April 1975", "commemoration", "VNM"), ("30 April 2025", "commemoration", "VNM")])


def test_an_anniversary_of_relations_stays_bilateral() -> None:
    df = events("Tahun ini Vietnam dan Rusia merayakan 75 tahun hubungan diplomatik (30 Januari 1950 - 30 Januari 2025).")
    got = sorted(map(tuple, df[["surface", "kind", "countries"]].values.tolist()))
    assert ("30 Januari 1950", "diplomatic_relations", "RUS VNM") in got
    assert ("30 Januari 2025", "anniversary", "RUS VNM") in got


def test_a_span_of_years_after_an_anniversary_is_two_events() -> None:
    df = events("Pada tanggal 21 Agustus, genap 50 tahun hubungan diplomatik Vietnam-Kanada (1973- 2023).",
                published="2023-08-21")
    got = sorted(map(tuple, df[["date", "precision", "kind"]].astype(str).values.tolist()))
    assert ("1973-01-01", "year", "diplomatic_relations") in got
    assert ("2023-01-01", "year", "anniversary") in got
    assert ("2023-08-21", "day", "anniversary") in got


def test_an_event_of_one_country_is_not_bilateral() -> None:
    df = events("Putin terpilih kembali sebagai Presiden Rusia pada 2024.")
    assert df["countries"].tolist() == ["RUS"] and df["kind"].tolist() == ["other"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Sekretaris Jenderal To Lam akan melakukan kunjungan resmi ke Rusia dari tanggal 8 hingga 11 Mei.", "planned"),
        ("Sekretaris Jenderal To Lam melakukan kunjungan resmi ke Rusia dari tanggal 8 hingga 11 Mei.", "stated"),
        ("Kedua negara akan merayakan 75 tahun hubungan diplomatik pada 30 Januari 2025.", "stated"),  # already past
        ("Vietnam dan Rusia bakal mengorganisir Tahun Rusia di Vietnam pada 2026.", "planned"),
    ],
)
def test_event_modality(text, modality) -> None:
    assert events(text, published="2025-05-08")["modality"].tolist() == [modality]


@pytest.mark.parametrize(
    ("text", "date", "date_end"),
    [
        ("Delegasi berkunjung tgl 3 hingga tgl 5 Juni 2024 ke Hanoi.", "2024-06-03", "2024-06-05"),
        ("Presiden mengunjungi Hanoi dari tanggal 4-6 Maret.", "2025-03-04", "2025-03-06"),
        ("PM Nguyen Xuan Phuc pada Selasa sore (28/5) meninggalkan Stockholm, mengakhiri kunjungan resmi.",
         "2025-05-28", None),
    ],
)
def test_date_forms(text, date, date_end) -> None:
    df = events(text)
    assert df["date"].astype(str).str[:10].tolist() == [date]
    assert [None if pd.isna(d) else str(d)[:10] for d in df["date_end"]] == [date_end]


def test_an_undated_upgrade_is_an_event_of_the_article_date() -> None:
    from factkit import articles, sentences

    import vnpartners.facts.extract as extract
    from vnpartners.facts.mentions import extract_mentions

    sents = sentences(["Kedua pemimpin sepakat untuk meningkatkan hubungan Vietnam-Finlandia menjadi Kemitraan Strategis."])
    got = extract.extract_facts(articles(published="2025-10-21"), sents, extract_mentions(sents))["events"]
    assert got[["kind", "precision", "countries", "year_inferred"]].values.tolist() == [
        ["partnership", "month", "FIN VNM", True]]
    assert got["date"].tolist() == [pd.Timestamp("2025-10-01")]


def _facts_events(texts: list[str], published: str | None, precision: str | None = "day") -> pd.DataFrame:
    """The events table as the loader builds it (partnership acts included), for hand-written sentences."""
    from factkit import articles, sentences

    import vnpartners.facts.extract as extract
    from vnpartners.facts.mentions import extract_mentions

    sents = sentences(texts)
    return extract.extract_facts(articles(published=published, precision=precision), sents,
                                 extract_mentions(sents))["events"]


def test_an_upgrade_in_a_sentence_dated_only_by_an_anniversary_is_an_event_of_the_article_date() -> None:
    # the sentence's dates are those of the anniversary span, not of the act it reports
    got = _facts_events(["Kunjungan itu, yang bertepatan dengan peringatan 60 tahun hubungan diplomatik kedua negara "
                         "(1965-2025), secara resmi membawa hubungan Vietnam-Kanada ke jenjang baru: Kemitraan "
                         "Strategis."], "2025-11-04", "day")
    acts = got[got["kind"] == "partnership"]
    assert acts[["date", "precision", "countries", "year_inferred"]].values.tolist() == [
        [pd.Timestamp("2025-11-01"), "month", "CAN VNM", True]]
    assert sorted(got["kind"]) == ["anniversary", "diplomatic_relations", "partnership"]


def test_an_upgrade_dated_in_its_sentence_is_not_dated_again_by_the_article() -> None:
    got = _facts_events(["Australia dan Vietnam pada Kamis (7/3/2024) meningkatkan hubungan mereka menjadi kemitraan "
                         "strategis komprehensif, saat Perdana Menteri Vietnam berkunjung ke Canberra."], "2024-03-08")
    # the visit and the upgrade, both on the day the sentence gives: no event of the article's month
    assert got["date"].tolist() == [pd.Timestamp("2024-03-07")] * 2
    assert sorted(got["kind"]) == ["partnership", "visit"]


@pytest.mark.parametrize(
    "text, kind, countries",
    [
        ("Perdana Menteri Vietnam sedang dalam kunjungan resmi ke Meksiko atas undangan Presiden Meksiko.", "visit",
         "MEX VNM"),
        ("Menteri Luar Negeri Chili tengah melakukan pembicaraan dengan mitranya dari Vietnam di Hanoi.", "talks",
         "CHL VNM"),
        ("Ketua Majelis Nasional Vietnam sedang berkunjung ke Peru, kunjungan pertama dalam sepuluh tahun.", "visit",
         "PER VNM"),
    ],
)
def test_an_act_going_on_as_the_article_is_written_is_news_of_its_date(text, kind, countries) -> None:
    got = events(text, published="2025-10-21", precision="month")
    assert got[["date", "precision", "kind", "countries", "year_inferred", "modality"]].values.tolist() == [
        [pd.Timestamp("2025-10-01"), "month", kind, countries, True, "stated"]]


@pytest.mark.parametrize(
    "text, published",
    [
        # "sedang" before a noun with no helper word: a named forum, not an act going on
        ("Kedua pihak berkoordinasi di forum seperti APEC dan sedang Pertemuan Asia-Eropa.", "2025-10-21"),
        # an article of unknown date: no date the text does not give
        ("Perdana Menteri Vietnam sedang dalam kunjungan resmi ke Meksiko.", None),
        # "Timur Tengah" is a region
        ("Kerja sama dengan negara-negara Timur Tengah kunjungan demi kunjungan makin erat.", "2025-10-21"),
    ],
)
def test_words_that_only_look_like_an_act_going_on_give_no_event(text, published) -> None:
    assert events(text, published=published, precision=None if published is None else "month").empty


def test_an_undated_anniversary_is_found_whatever_the_case_of_its_words() -> None:
    # a headline's capitals: "Tahun", not "tahun"
    got = events("Kedua negara menggelar Peringatan 50 Tahun Hubungan Diplomatik Vietnam-Kanada di Ottawa.",
                 published="2023-08-21")
    assert got[["kind", "precision", "countries", "date"]].values.tolist() == [
        ["anniversary", "year", "CAN VNM", pd.Timestamp("2023-01-01")]]


def test_the_act_an_article_points_at_is_news_of_its_month() -> None:
    got = events("Ini adalah kunjungan pertama Presiden Vietnam ke Meksiko dalam 15 tahun.", published="2024-11-11")
    assert got[["date", "precision", "kind", "countries", "year_inferred"]].values.tolist() == [
        [pd.Timestamp("2024-11-01"), "month", "visit", "MEX VNM", True]]


def test_an_act_the_article_dates_elsewhere_is_not_added_again() -> None:
    # the visit is dated in the first sentence (with a backdrop country too); "Ini adalah kunjungan" is that visit
    got = _facts_events(["Setelah kunjungan ke Kazakhstan, Sekretaris Jenderal melakukan kunjungan resmi ke Rusia dari "
                         "tanggal 8 hingga 11 Mei 2025.",
                         "Ini adalah kunjungan resmi pertama ke Rusia sejak ia terpilih."], "2025-05-08")
    assert (got["kind"] == "visit").sum() == 1


@pytest.mark.parametrize(
    "text, published, precision, date, out_precision, modality",
    [
        # wire style: a weekday and no date is the last such day on or before publication (Monday 3 March 2025)
        ("Perdana Menteri Peru bertemu Presiden Vietnam di Hanoi pada Senin.", "2025-03-05", "day", "2025-03-03", "day",
         "stated"),
        ("Presiden Iran Jumat tiba di Hanoi untuk kunjungan resmi dua hari.", "2012-11-09", "day", "2012-11-09", "day",
         "stated"),
        # an article known to the month only: the month
        ("Presiden Iran Jumat tiba di Hanoi untuk kunjungan resmi dua hari.", "2012-11-01", "month", "2012-11-01",
         "month", "stated"),
        # a plan: the Thursday to come
        ("Presiden Cile akan tiba di Hanoi pada Kamis untuk kunjungan kenegaraan.", "2025-03-05", "day", "2025-03-06",
         "day", "planned"),
    ],
)
def test_a_weekday_without_a_date_dates_the_act_of_its_clause(text, published, precision, date, out_precision,
                                                              modality) -> None:
    got = events(text, published=published, precision=precision)
    assert got[["date", "precision", "modality"]].values.tolist() == [[pd.Timestamp(date), out_precision, modality]]


@pytest.mark.parametrize(
    "text",
    [
        "Kedua menteri bertemu di Hanoi pada Kamis 6/IX.",  # a date the date rules cannot read: not a bare weekday
        "Kedua menteri bertemu di Hanoi minggu lalu.",  # "minggu": a week, not Sunday
        "Pada Senin, cuaca di Hanoi cerah.",  # a weekday, but no act
    ],
)
def test_a_weekday_that_is_no_bare_date_of_an_act_gives_no_event(text) -> None:
    assert events(text, published="2025-03-05").empty


@pytest.mark.parametrize(
    "text, published, precision, modality",
    [
        # a date after the article's own: not yet happened, whatever the verb's tense
        ("Kedua negara merayakan ulang tahun ke-50 hubungan diplomatik tahun depan (10 Januari 1976 - 10 Januari "
         "2026).", "2025-11-16", "day", "planned"),
        ("Kedua negara menantikan perayaan 75 tahun hubungan diplomatik pada tahun 2025.", "2024-08-01", "month",
         "planned"),
        # within the article's own month (known to the month only): it may have happened; the text decides
        ("Kedua menteri bertemu di Hanoi pada 20 Agustus 2024.", "2024-08-01", "month", "stated"),
        ("Kedua menteri bertemu di Hanoi pada 20 Juli 2024.", "2024-08-01", "month", "stated"),
    ],
)
def test_an_event_dated_after_its_article_is_planned(text, published, precision, modality) -> None:
    got = events(text, published=published, precision=precision)
    last = got.sort_values("date").iloc[-1]
    assert last["modality"] == modality
    if modality == "planned":
        assert last["modality_cue"] == "(a date to come)"


@pytest.mark.parametrize(
    "text, act",
    [
        ("Dalam kerangka kunjungan resmi di Cile, pada Minggu malam (31 Mei), Perdana Menteri Vietnam melakukan dialog "
         "dengan 300 badan usaha Vietnam dan Cile.", "meeting"),
        ("Selama kunjungan kerjanya ke Kanada, pada pagi hari tanggal 25 Mei, Wakil Perdana Menteri bertemu dengan "
         "Menteri Lingkungan Hidup Kanada.", "meeting"),
        ("Kedua perdana menteri mengadakan pembicaraan pada Senin (1 Juni) dalam rangka kunjungan resmi Perdana "
         "Menteri Vietnam di Meksiko.", "talks"),
        # no other act: the date is of something done during the visit, not the visit's first day
        ("Pada Kamis (28 Mei), Perdana Menteri Peru melakukan serentetan aktivitas dalam kerangka kunjungan resmi "
         "di Vietnam.", "other"),
        # a gathering attended before the visit in the same frame
        ("Pada kesempatan menghadiri Forum Ekonomi Dunia dan melakukan kunjungan kerja ke Swiss, pada sore hari 2 Juni "
         "Perdana Menteri Vietnam bertemu dengan Presiden Swiss.", "meeting"),
        ("Dalam rangka mengikuti KTT G20 dan mengunjungi Argentina, pada tanggal 3 Juni Presiden Vietnam berbicara "
         "dengan para pengusaha Argentina.", "multilateral_meeting"),
        # the welcome of a visit: the date is the ceremony's, not the visit's first day
        ("Pada pagi hari tanggal 4 Juni, Presiden Vietnam memimpin upacara penyambutan kunjungan kenegaraan Presiden "
         "Cile ke Vietnam.", "other"),
    ],
)
def test_a_visit_that_frames_a_date_is_the_months_and_the_date_its_acts(text, act) -> None:
    got = events(text, published="2015-06-05")
    day = got[got["kind"] != "visit"]
    assert day["kind"].tolist() == [act] and day["precision"].tolist() == ["day"]
    visit = got[got["kind"] == "visit"]
    assert len(visit) == 1 and visit["precision"].iloc[0] == "month" and visit["date_end"].isna().all()
    assert visit["date"].iloc[0] == day["date"].iloc[0].replace(day=1)  # the month of the act's day


@pytest.mark.parametrize(
    "after, end",
    [
        ("Kunjungan ini berlangsung selama tiga hari.", pd.Timestamp("2017-04-19")),
        ("Lawatan resmi tersebut akan berlangsung 3 hari.", pd.Timestamp("2017-04-19")),
        # not the visit's length: another act's, or no sentence pointing back at the visit
        ("Pameran ini berlangsung selama tiga hari.", pd.NaT),
        ("Selama tiga hari, kedua pihak membahas kerja sama ekonomi.", pd.NaT),
    ],
)
def test_a_visits_length_may_be_told_in_the_next_sentence(after, end) -> None:
    got = _facts_events(["Presiden Cile memulai kunjungan resmi ke Vietnam pada Senin (17/4).", after], "2017-04-17")
    visit = got[got["kind"] == "visit"]
    assert visit["date"].tolist() == [pd.Timestamp("2017-04-17")]
    assert visit["date_end"].tolist() == [end] if not pd.isna(end) else visit["date_end"].isna().all()


def test_a_length_told_after_a_visit_that_does_not_begin_on_its_day_says_nothing_of_its_days() -> None:
    got = _facts_events(["Presiden Cile bertemu dengan Perdana Menteri Vietnam pada Senin (17/4) dalam kunjungan resmi.",
                         "Kunjungan ini berlangsung selama tiga hari."], "2017-04-17")
    assert got["date_end"].isna().all()


def test_a_gathering_named_in_another_stretch_of_the_sentence_does_not_frame_the_visit() -> None:
    # the comma closes the frame: the visit after it is dated by its own day
    got = events("Dalam rangka menghadiri KTT G20, pada 5 Juni Presiden Vietnam melakukan kunjungan resmi ke Kanada.",
                 published="2015-06-05")
    assert got[["kind", "precision"]].values.tolist() == [["visit", "day"]]


def test_a_visit_that_frames_an_undated_act_is_the_articles_news() -> None:
    got = _facts_events(["Dalam kerangka kunjungan di Aljazair, Wakil Menteri Luar Negeri Vietnam bertemu dengan "
                         "Menteri Luar Negeri Aljazair."], "2014-03-31")
    assert got[["kind", "date", "precision", "countries", "year_inferred"]].values.tolist() == [
        ["visit", pd.Timestamp("2014-03-01"), "month", "DZA VNM", True]]


def test_a_framing_visit_the_article_dates_elsewhere_is_not_added_again() -> None:
    # "selama kunjungan tersebut" points at the visit of 2019, not at one in the article's month
    got = _facts_events(["Presiden Mesir melakukan kunjungan kenegaraan ke Vietnam pada bulan September 2019.",
                         "Selama kunjungan tersebut, kedua pihak menandatangani enam dokumen kerja sama."], "2025-08-04")
    visits = got[got["kind"] == "visit"]
    assert visits["date"].tolist() == [pd.Timestamp("2019-09-01")]


def test_a_visit_range_is_the_visits_own_date_even_when_framed() -> None:
    got = events("Dalam rangka kunjungan resmi ke Rusia dari tanggal 8 hingga 11 Mei 2025, kedua pemimpin "
                 "mengadakan pembicaraan.", published="2025-05-12")
    # a range stays one event at the day, with no month-long visit added beside it
    assert len(got) == 1 and got["precision"].iloc[0] == "day"
    assert (got["date"].iloc[0], got["date_end"].iloc[0]) == (pd.Timestamp("2025-05-08"), pd.Timestamp("2025-05-11"))


@pytest.mark.parametrize(
    "text, end",
    [
        ("Presiden Peru pada tanggal 23 November ini memulai kunjungan resmi empat hari di Vietnam.", "2017-11-26"),
        ("Presiden Cile memulai kunjungan resmi selama dua hari di Vietnam pada hari Rabu (6 September).", "2017-09-07"),
        ("Presiden Kanada tiba di Hanoi, Minggu (10/9/2017), untuk kunjungan dua hari ke Vietnam.", "2017-09-11"),
        # a length without a start word: the date may be any day of it
        ("Presiden Cile melakukan kunjungan resmi selama dua hari di Vietnam pada hari Rabu (6 September).", "NaT"),
    ],
)
def test_a_visit_that_begins_on_its_date_lasts_the_days_it_says(text, end) -> None:
    got = events(text, published="2017-09-01", precision="month")
    found = got.loc[got["kind"] == "visit", "date_end"].iloc[0]
    assert (None if pd.isna(found) else str(found)[:10]) == (None if end == "NaT" else end)


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        # a visit that ends on its date, with its length: the days before it too
        ("Pada Selasa (25 Juli), Deputi Perdana Menteri Vietnam telah mengakhiri dengan baik kunjungan selama tiga "
         "hari di Kanada.", "2023-07-23", "2023-07-25", "day"),
        # without its length: the day it ended
        ("Pada Sabtu (1 Juli), Delegasi Pemerintah Vietnam meninggalkan Lima, mengakhiri dengan baik kunjungan resmi "
         "di Peru.", "2023-07-01", None, "day"),
        # a range written with a word between a day and a numeric day/month
        ("Presiden Vietnam melakukan kunjungan kenegaraan di Meksiko dari 25 sampai 29/7 ini.", "2023-07-25",
         "2023-07-29", "day"),
    ],
)
def test_a_visit_that_ends_on_its_date_and_ranges_in_words(text, start, end, precision) -> None:
    got = events(text, published="2023-08-01", precision="month")
    visit = got[got["kind"] == "visit"].iloc[0]
    assert (str(visit["date"])[:10], None if pd.isna(visit["date_end"]) else str(visit["date_end"])[:10],
            visit["precision"]) == (start, end, precision)


@pytest.mark.parametrize(
    "text, date, kind",
    [
        # the date is the act's of the clause that "sejak" / "dalam konteks" / "menjelang" opens, not the visit's
        ("Ini adalah kunjungan pertama Presiden Cile ke Vietnam sejak kedua negara menjalin hubungan diplomatik pada "
         "tahun 1971.", "1971-01-01", "diplomatic_relations"),
        ("Kunjungan tersebut berlangsung dalam konteks kedua negara merayakan ulang tahun ke-50 hubungan diplomatik "
         "pada tahun 2023.", "2023-01-01", "anniversary"),
        ("Kunjungan Perdana Menteri Norwegia dilakukan menjelang peringatan 50 tahun hubungan diplomatik pada "
         "tahun 2021.", "2021-01-01", "anniversary"),
        # "sejak" with no act between it and the date: the visit keeps its date
        ("Presiden Cile melakukan kunjungan resmi ke Vietnam sejak 8 Mei 2023.", "2023-05-08", "visit"),
    ],
)
def test_a_date_in_a_clause_of_its_own_is_that_clauses_act(text, date, kind) -> None:
    got = events(text, published="2023-06-01")
    row = got[got["date"] == pd.Timestamp(date)]
    assert row["kind"].tolist() == [kind]  # one row at that date, of that act (no visit of 1971)


def test_the_items_of_a_list_after_a_colon_are_acts_of_its_head() -> None:
    got = events("Di pihak Vietnam, ada kunjungan ke Kanada oleh: Perdana Menteri Vo Van Kiet (Juni 1995); Presiden "
                 "Tran Duc Luong (November 2002); Perdana Menteri Nguyen Tan Dung bertemu dengan Perdana Menteri Kanada "
                 "di sela-sela KTT APEC di Lima (Peru) (November 2008).", published="2023-06-01")
    assert got[["date", "kind", "countries"]].values.tolist() == [
        [pd.Timestamp("1995-06-01"), "visit", "CAN VNM"],
        [pd.Timestamp("2002-11-01"), "visit", "CAN VNM"],
        [pd.Timestamp("2008-11-01"), "meeting", "CAN PER VNM"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the head has a date of its own: its words are that date's act
        "Setelah kunjungan resmi pada tahun 2019, kerja sama diperluas dengan: pusat pelatihan (Juni 2021); beasiswa "
        "(Mei 2022).",
        # the head names what is commemorated: each item's date is what its own words say
        "Kedua negara merayakan tonggak sejarah penting: berdirinya pusat kebudayaan (Juni 2021); pembukaan "
        "perpustakaan (Mei 2022).",
    ],
)
def test_a_list_head_with_its_own_date_or_a_commemoration_gives_its_items_no_act(text) -> None:
    got = events(text, published="2023-06-01")
    items = got[got["date"] >= pd.Timestamp("2021-01-01")]
    assert items["kind"].tolist() == ["other", "other"]


@pytest.mark.parametrize(
    "text, kind",
    [
        # a clause after the date, opened by "setelah", is not the date's act when an act comes before the date
        ("Vietnam dan Belgia menjalin hubungan diplomatik pada 22 Maret 1973, dua bulan setelah Perjanjian Paris "
         "ditandatangani.", "diplomatic_relations"),
        # with no act before the date, the words after it are its act
        ("Pada 5 Mei 2023, setelah upacara penyambutan, kedua pihak menandatangani nota kesepahaman.",
         "agreement_signing"),
        # receiving a person is a meeting
        ("Pada Selasa (14 Mei 2019), Perdana Menteri Vietnam menerima Ketua Kamar Ekonomi Austria.", "meeting"),
        ("Pada 26 Maret 2025, Perdana Menteri menerima Duta Besar Republik Austria.", "meeting"),
        # receiving a thing is not
        ("Pada 26 Maret 2025, Vietnam menerima bantuan dari Austria.", "other"),
    ],
)
def test_the_act_of_a_date_is_in_its_own_clause(text, kind) -> None:
    got = events(text, published="2025-06-01")
    assert got["kind"].tolist() == [kind]


def test_a_keyword_after_and_opens_the_next_dates_item() -> None:
    got = events("Kunjungan Presiden Vietnam di Iran pada Maret 2016 dan kunjungan Presiden Iran, Hassan Rouhani di "
                 "Vietnam pada Oktober 2016 menunjukkan upaya di tingkat tertinggi.", published="2017-01-10")
    assert got[["date", "kind"]].values.tolist() == [[pd.Timestamp("2016-03-01"), "visit"],
                                                     [pd.Timestamp("2016-10-01"), "visit"]]


@pytest.mark.parametrize(
    "text, kinds",
    [
        # an item of a ";" list that names no act is the act of the item before it
        ("Presiden Timor-Leste mengunjungi Vietnam (April 2010); Perdana Menteri Timor-Leste (September 2013); "
         "Menteri Luar Negeri Timor-Leste (April 2016).", ["visit", "visit", "visit"]),
        # an item that names its own act keeps it; one after a commemoration or a plain statement gets none
        ("Presiden Timor-Leste mengunjungi Vietnam (April 2010); kedua menteri bertemu di Dili (Mei 2011).",
         ["visit", "meeting"]),
        ("Kedua negara memperingati 10 tahun hubungan diplomatik (Juli 2012); Perdana Menteri Timor-Leste "
         "(September 2013).", ["anniversary", "other"]),
        ("Perdagangan bilateral tumbuh pesat (2012); ekspor beras (2013).", ["other", "other"]),
    ],
)
def test_an_item_of_a_list_that_names_no_act_is_the_act_before_it(text, kinds) -> None:
    got = events(text, published="2023-06-01")
    assert got.sort_values("date")["kind"].tolist() == kinds


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("Vietnam dan Kanada resmi meningkatkan hubungan menjadi Kemitraan Strategis pada 27 November 2023, dalam "
         "kunjungan resmi Perdana Menteri Kanada.", "2023-11-27", "day"),
        # agreed during a visit's days: the month
        ("Selama kunjungan resmi ke Kanada dari tanggal 18 hingga 20 November 2025, kedua pihak meningkatkan "
         "hubungan bilateral menjadi Kemitraan Strategis.", "2025-11-01", "month"),
    ],
)
def test_a_partnership_act_in_a_dated_clause_is_an_event_of_that_date(text, date, precision) -> None:
    got = _facts_events([text], "2025-12-01")
    act = got[got["kind"] == "partnership"]
    assert act[["date", "precision"]].values.tolist() == [[pd.Timestamp(date), precision]]
    assert len(got[got["kind"] == "visit"]) == 1  # the visit stays beside it


def test_a_partnership_act_in_another_clause_than_the_date_is_not_dated_by_it() -> None:
    got = _facts_events(["Presiden Kanada mengunjungi Vietnam pada 27 November 2023; kedua negara kini menjalin "
                         "Kemitraan Komprehensif sejak tahun 2017."], "2023-12-01")
    assert not ((got["kind"] == "partnership") & (got["date"] == pd.Timestamp("2023-11-27"))).any()


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Pada tanggal 17 November 2025, Duta Besar Vietnam melakukan kunjungan kehormatan kepada Gubernur Provinsi "
         "Utara Sri Lanka.", "meeting"),
        ("Pada tanggal 29 Oktober 2024, delegasi Vietnam mengadakan sesi kerja dengan Badan Pengawas Obat dan Makanan "
         "Arab Saudi.", "meeting"),
        ("Kedua pihak mengadakan persidangan pertama Komite Antar-Pemerintah di Tel Aviv pada Oktober 2014.", "meeting"),
        ("Menlu Vietnam menggelar diskusi secara daring dengan Menlu Mozambik pada Senin (17/4/2023).", "talks"),
        ("Pada 16 Agustus 2023, Perdana Menteri menerima Bapak Nir Barkat, Menteri Ekonomi dan Industri Israel.",
         "meeting"),
    ],
)
def test_more_words_of_acts(text, kind) -> None:
    got = events(text, published="2025-12-01")
    assert got["kind"].tolist() == [kind]


def test_in_a_list_of_bracketed_items_each_keyword_is_its_own_items() -> None:
    got = events("Kedua negara telah menandatangani banyak permufakatan, di antaranya Perjanjian Kerjasama Kebudayaan "
                 "(2005), MoU kerjasama antara dua Kementerian Luar Negeri (2015) dan lain-lain.", published="2023-06-01")
    # the MoU is the 2015 item's (it was the 2005 date's, two characters away); both are signings
    mou = got[got["date"] == pd.Timestamp("2015-01-01")]
    assert mou["kind"].tolist() == ["agreement_signing"] and mou["surface"].tolist() == ["2015"]


def test_a_frame_naming_a_gathering_with_brackets_still_frames_the_visit() -> None:
    got = events("Pada tanggal 29 Oktober 2024, dalam rangka menghadiri Konferensi Inisiatif Investasi Masa Depan (FII8) "
                 "dan mengunjungi Kerajaan Arab Saudi, Perdana Menteri bertemu dengan Perdana Menteri Mesir.",
                 published="2024-10-30")
    assert sorted(map(tuple, got[["kind", "precision"]].values.tolist())) == [("meeting", "day"), ("visit", "month")]


def test_the_years_of_a_list_are_dates_of_the_same_act() -> None:
    got = events("Raja Belgia mengunjungi Vietnam pada tahun 1993, 2003, dan 2012 sebagai Putra Mahkota.",
                 published="2025-03-27")
    assert got[["date", "kind"]].values.tolist() == [[pd.Timestamp(f"{y}-01-01"), "visit"] for y in (1993, 2003, 2012)]


def test_an_anniversary_far_from_the_dates_of_its_sentence_is_the_articles_news() -> None:
    got = _facts_events(["Kunjungan Sekretaris Jenderal ini berlangsung pada saat kedua negara merayakan ulang tahun "
                         "ke-75 terjalinnya hubungan diplomatik dan ini merupakan kunjungan pertama Sekretaris Jenderal "
                         "Partai Komunis Vietnam ke Bulgaria setelah transformasi rezim pada tahun 1990."], "2025-10-23")
    anniversary = got[got["kind"] == "anniversary"]
    assert anniversary[["date", "precision"]].values.tolist() == [[pd.Timestamp("2025-01-01"), "year"]]


def test_an_anniversary_near_a_date_of_its_sentence_is_not_dated_again() -> None:
    got = _facts_events(["Pada tahun 2023, kedua menteri bertemu untuk memperingati 50 tahun hubungan diplomatik."],
                        "2025-10-23")
    assert not (got["date"] == pd.Timestamp("2025-01-01")).any()


def test_an_item_closed_by_its_bracketed_date_shares_the_act_of_the_item_before() -> None:
    got = events("Vietnam mengirimkan pemimpin tingkat tinggi untuk mengunjungi Sri Lanka, terutama Perdana Menteri Pham "
                 "Van Dong (1978) dan Menteri Luar Negeri Nguyen Thi Binh (1976).", published="2025-06-01")
    assert got.set_index("date")["kind"].to_dict() == {pd.Timestamp("1978-01-01"): "visit",
                                                       pd.Timestamp("1976-01-01"): "visit"}


@pytest.mark.parametrize(
    "text, rows",
    [
        # a time word before the visit frames the act's date, a helper verb may stand between
        ("Pada 5 Mei 2023, saat berkunjung ke Hanoi, Presiden Cile bertemu dengan Perdana Menteri Vietnam.",
         [("meeting", "day"), ("visit", "month")]),
        ("Selama melakukan kunjungan kerja ke Kanada, pada 25 Mei 2023, Wakil Perdana Menteri bertemu dengan Menteri "
         "Lingkungan Hidup Kanada.", [("meeting", "day"), ("visit", "month")]),
        # the date follows the visit's own words: it is the visit's
        ("Presiden Cile, ketika melakukan kunjungan resmi ke Vietnam pada 5 Mei 2023, menanam pohon di Hanoi.",
         [("visit", "day")]),
        # a courtesy call is a meeting, and frames nothing
        ("Pada 17 November 2023, saat melakukan kunjungan kehormatan kepada Gubernur, Duta Besar Vietnam membahas "
         "kerja sama dengan Sri Lanka.", [("meeting", "day")]),
    ],
)
def test_a_visit_named_with_a_time_word_frames_the_date_of_another_act(text, rows) -> None:
    got = events(text, published="2023-12-01")
    assert sorted(map(tuple, got[["kind", "precision"]].values.tolist())) == rows


@pytest.mark.parametrize(
    "text, expected",
    [
        # a particular visit (its visitor, its destination) named without a date is the article's news
        ("Ketua Asosiasi Austria-Vietnam mengomentari bahwa kunjungan resmi Presiden Vo Van Thuong ke Republik Austria "
         "menunjukkan hubungan erat antara kedua negara.", [(pd.Timestamp("2023-07-01"), "month")]),
        # visits in general, one put in the past, one planned: no date
        ("Kedua negara secara rutin mengadakan kunjungan dan kontak tingkat tinggi dengan Austria.", []),
        ("Presiden Austria pernah melakukan kunjungan resmi Presiden ke Vietnam.", []),
        ("Kedua pihak berharap kunjungan Presiden Austria ke Vietnam akan segera terwujud.", []),
    ],
)
def test_a_particular_visit_named_without_a_date_is_the_articles_news(text, expected) -> None:
    got = _facts_events([text], "2023-07-20")
    visits = got[got["kind"] == "visit"]
    assert [tuple(r) for r in visits[["date", "precision"]].values.tolist()] == expected


@pytest.mark.parametrize(
    "text, published, rows",
    [
        # a visit dated by one day beside a range of days that holds it: the range is the visit's
        ("Presiden Argentina, pada Kamis (21 Februari), mengakhiri dengan baik kunjungan kenegaraan di Vietnam "
         "dari 19 – 21 Februari.", "2019-02-22", [("2019-02-19", "2019-02-21", "visit"), ("2019-02-21", None, "other")]),
        # the day keeps its own other act
        ("Vietnam dan Jepang resmi meningkatkan hubungan menjadi Kemitraan Strategis Komprehensif pada 27 November "
         "2023, dalam kunjungan kenegaraan Presiden Vietnam ke Jepang dari tanggal 27 hingga 30 November.", "2023-12-01",
         [("2023-11-27", None, "partnership"), ("2023-11-27", "2023-11-30", "visit")]),
    ],
)
def test_a_visit_beside_the_range_of_its_days_is_dated_by_the_range(text, published, rows) -> None:
    got = _facts_events([text], published)
    want = [(pd.Timestamp(a), pd.NaT if b is None else pd.Timestamp(b), k) for a, b, k in rows]
    assert sorted(got[["date", "date_end", "kind"]].itertuples(index=False, name=None), key=str) == sorted(want, key=str)
