"""Articles in Indonesian wire style (Kompas, Antara), unlike any seed: metadata, kinds and facts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vnpartners

FOLDER = Path(__file__).parent / "fixtures" / "wire"


@pytest.fixture(scope="module")
def corpus() -> vnpartners.Corpus:
    return vnpartners.load_folder(FOLDER)


def test_outlet_and_news_day_come_from_the_lead(corpus: vnpartners.Corpus) -> None:
    a = corpus.articles.set_index("article_id")
    assert a.loc["kompas_as", "outlet"] == "Kompas"
    assert a.loc["antara_au", "outlet"] == "Antara"
    assert a.loc["kompas_as", "published"] == pd.Timestamp("2023-09-10")
    assert a.loc["antara_au", "published"] == pd.Timestamp("2024-03-07")
    assert set(a["published_precision"]) == {"day"} and set(a["published_source"]) == {"text"}


def test_bylines_and_copyright_are_boilerplate(corpus: vnpartners.Corpus) -> None:
    p = corpus.paragraphs
    for text in ("Pewarta: Yuni Arisandy", "Editor: Atman Ahdiat", "COPYRIGHT © ANTARA 2024", "Penulis: Ardi Priyatno Utomo"):
        assert (p.loc[p["text"] == text, "kind"] == "boilerplate").all(), text


def test_partnerships_take_their_year_from_the_lead_day_or_from_sejak(corpus: vnpartners.Corpus) -> None:
    rows = set(map(tuple, corpus.partnerships[["article_id", "partner_iso3", "level", "action", "year"]].astype(str).values))
    assert ("kompas_as", "USA", "comprehensive_strategic", "upgraded", "2023") in rows
    assert ("kompas_as", "USA", "comprehensive", "established", "2013") in rows
    assert ("antara_au", "AUS", "comprehensive_strategic", "upgraded", "2024") in rows
    assert ("antara_au", "AUS", "strategic", "established", "2018") in rows  # "kemitraan strategis sejak 2018"


def test_other_dollars_are_not_us_dollars(corpus: vnpartners.Corpus) -> None:
    f = corpus.figures.set_index("surface")
    assert f.loc["24,1 miliar dolar Australia", "unit"] == "AUD"
    assert f.loc["24,1 miliar dolar Australia", "value"] == 24.1e9
    assert f.loc["138 miliar dolar AS", "unit"] == "USD"
    assert f.loc["US$ 46 miliar", "metric"] == "exports"


def test_wire_dates_are_events(corpus: vnpartners.Corpus) -> None:
    e = corpus.events
    assert {"10/9/2023", "12 Juli 1995", "7/3/2024"} <= set(e["surface"])
    relations = e.loc[e["surface"] == "12 Juli 1995"].iloc[0]
    assert relations["kind"] == "diplomatic_relations" and relations["countries"] == "USA VNM"


def test_an_outlet_named_after_a_country_is_not_a_mention_of_it(tmp_path: Path) -> None:
    (tmp_path / "cnn.txt").write_text(
        "Jakarta, CNN Indonesia -- Vietnam dan Jepang meningkatkan hubungan menjadi Kemitraan Strategis "
        "Komprehensif pada Senin (27/11/2023).\n\n(rds/bac)\n",
        encoding="utf-8",
    )
    corpus = vnpartners.load_folder(tmp_path)
    assert corpus.articles.loc[0, "outlet"] == "CNN Indonesia"
    assert set(corpus.mentions["iso3"]) == {"VNM", "JPN"}  # not IDN from "CNN Indonesia"
    assert corpus.paragraphs["kind"].tolist() == ["body", "boilerplate"]  # editors' initials
