"""The kit's own fixture articles (tests/fixtures/facts/, written for the kit) through vnpartners.load_folder.

They cover partners and wordings the seeds lack (Japan, USA, Australia, Brazil, India, Indonesia;
"Mitra Strategis Komprehensif"; US$/USD/Rp; numeric dates and ranges; RCEP/CPTPP traps).
The expected_*.csv files list rows each must yield; the extraction may find more, but exactly the
figures listed (figures are where a false positive costs most).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vnpartners

FOLDER = Path(__file__).resolve().parent / "fixtures" / "facts"


@pytest.fixture(scope="module")
def corpus():
    return vnpartners.load_folder(FOLDER)


def _expected(name: str) -> list[dict[str, str]]:
    return pd.read_csv(FOLDER / f"expected_{name}.csv", dtype=str, keep_default_na=False).to_dict("records")


def _with_file(corpus, table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(file=table["article_id"].map(dict(zip(corpus.articles["article_id"], corpus.articles["file"]))))


@pytest.mark.parametrize("e", _expected("partnerships"), ids=lambda e: f"{e['file'][:3]}-{e['level']}-{e['action']}")
def test_expected_partnerships(corpus, e) -> None:
    pa = _with_file(corpus, corpus.partnerships)
    hit = pa[(pa["file"] == e["file"]) & (pa["partner_iso3"] == e["partner_iso3"]) & (pa["level"] == e["level"])
             & (pa["action"] == e["action"])]
    hit = hit[hit["year"].isna()] if not e["year"] else hit[hit["year"] == int(e["year"])]
    assert len(hit) >= 1, pa[pa["file"] == e["file"]]


@pytest.mark.parametrize("e", _expected("events"), ids=lambda e: f"{e['file'][:3]}-{e['date']}")
def test_expected_events(corpus, e) -> None:
    ev = _with_file(corpus, corpus.events)
    hit = ev[(ev["file"] == e["file"]) & (ev["date"] == pd.Timestamp(e["date"])) & (ev["precision"] == e["precision"])
             & (ev["year_inferred"] == (e["year_inferred"] == "True"))]
    hit = hit[hit["date_end"].isna()] if not e["date_end"] else hit[hit["date_end"] == pd.Timestamp(e["date_end"])]
    hit = hit[hit["countries"].map(lambda c: set(e["countries"].split()) <= set(c.split()))]
    if e["kind"]:
        hit = hit[hit["kind"] == e["kind"]]
    assert len(hit) >= 1, ev[ev["file"] == e["file"]]


def test_figures_are_exactly_the_expected(corpus) -> None:
    fi = _with_file(corpus, corpus.figures)
    got = sorted(
        (r.file, r.metric, r.partner_iso3, r.direction, r.period, float(r.value), r.unit, r.qualifier, r.surface)
        for r in fi.itertuples()
    )
    want = sorted(
        (e["file"], e["metric"], e["partner_iso3"], e["direction"], e["period"], float(e["value"]), e["unit"],
         e["qualifier"], e["surface"])
        for e in _expected("figures")
    )
    assert got == want


def test_trade_agreements_give_no_level(corpus) -> None:
    pa = corpus.partnerships
    assert not pa["evidence"].str.contains("RCEP|CPTPP", regex=True).any()
    assert set(pa["partner_iso3"]) <= {"JPN", "USA", "AUS", "BRA", "IND", "IDN"}


def test_no_phone_number_or_year_or_slogan_figures(corpus) -> None:
    fi = corpus.figures
    assert not fi["surface"].str.contains("0812|pilar|generasi|koridor|2030|2028", regex=True).any()


def test_surfaces_point_into_evidence(corpus) -> None:
    for table in (corpus.events, corpus.figures):
        assert all(s in e for s, e in zip(table["surface"], table["evidence"]))
    for r in corpus.partnerships.itertuples():
        assert "[" in str(vnpartners.show_fact(pd.Series(r._asdict())))
