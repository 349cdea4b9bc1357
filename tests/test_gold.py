"""The seeds against the hand-made gold (tests/gold/): recall of required rows, and precision checks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

GOLD = Path(__file__).resolve().parent / "gold"


def _gold(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / f"{name}.csv", dtype=str, keep_default_na=False)


def _file_of(corpus, table: pd.DataFrame) -> pd.Series:
    files = dict(zip(corpus.articles["article_id"], corpus.articles["file"]))
    return table["article_id"].map(files)


def _required(name: str) -> list[dict[str, str]]:
    return _gold(name).query("required == 'yes'").to_dict("records")


def _ts(s: str):
    if not s:
        return pd.NaT
    return pd.Timestamp(s if len(s) > 7 else (s + "-01" if len(s) == 7 else s + "-01-01"))


def _event_found(corpus, g: dict[str, str]) -> bool:
    ev = corpus.events.assign(file=_file_of(corpus, corpus.events))
    date, date_end = _ts(g["date"]), _ts(g["date_end"])
    same = ev[(ev["file"] == g["file"]) & (ev["date"] == date) & (ev["precision"] == g["precision"])]
    same = same[same["date_end"].isna()] if pd.isna(date_end) else same[same["date_end"] == date_end]
    want = set(g["countries"].split())
    return any(want <= set(c.split()) for c in same["countries"])


def _figure_found(corpus, g: dict[str, str]) -> bool:
    fi = corpus.figures.assign(file=_file_of(corpus, corpus.figures))
    hit = fi[(fi["file"] == g["file"]) & (fi["metric"] == g["metric"]) & (fi["value"] == float(g["value"]))]
    hit = hit[hit["partner_iso3"].isna()] if not g["partner_iso3"] else hit[hit["partner_iso3"] == g["partner_iso3"]]
    hit = hit[hit["period"].isna()] if not g["period"] else hit[hit["period"] == g["period"]]
    return len(hit) > 0


def _partnership_found(corpus, g: dict[str, str]) -> bool:
    pa = corpus.partnerships.assign(file=_file_of(corpus, corpus.partnerships))
    hit = pa[(pa["file"] == g["file"]) & (pa["partner_iso3"] == g["partner_iso3"]) & (pa["level"] == g["level"])
             & (pa["action"] == g["action"])]
    hit = hit[hit["year"].isna()] if not g["year"] else hit[hit["year"] == int(g["year"])]
    return len(hit) > 0


@pytest.mark.parametrize("g", _required("events"), ids=lambda g: f"{g['file'][:3]}-{g['date']}-{g['kind']}")
def test_required_event_found(seeds_corpus, g) -> None:
    assert _event_found(seeds_corpus, g), g


@pytest.mark.parametrize("g", _required("figures"), ids=lambda g: f"{g['file'][:3]}-{g['metric']}-{g['value']}")
def test_required_figure_found(seeds_corpus, g) -> None:
    assert _figure_found(seeds_corpus, g), g


@pytest.mark.parametrize("g", _required("partnerships"),
                         ids=lambda g: f"{g['file'][:3]}-{g['partner_iso3']}-{g['level']}-{g['action']}")
def test_required_partnership_found(seeds_corpus, g) -> None:
    assert _partnership_found(seeds_corpus, g), g


def test_most_optional_rows_found_too(seeds_corpus) -> None:
    optional = (
        [_event_found(seeds_corpus, g) for g in _gold("events").query("required == 'no'").to_dict("records")]
        + [_figure_found(seeds_corpus, g) for g in _gold("figures").query("required == 'no'").to_dict("records")]
        + [_partnership_found(seeds_corpus, g) for g in _gold("partnerships").query("required == 'no'").to_dict("records")]
    )
    assert sum(optional) >= 0.8 * len(optional), f"{sum(optional)}/{len(optional)} optional gold rows found"


def test_no_level_from_trade_agreements(seeds_corpus) -> None:
    pa = seeds_corpus.partnerships
    assert not pa["evidence"].str.contains("RCEP|CPTPP|Trans-Pasifik", regex=True).any()


def test_no_figure_is_a_year_ordinal_or_count_of_years(seeds_corpus) -> None:
    fi = seeds_corpus.figures
    surf = fi["surface"]
    assert not surf.str.contains(r"\btahun\b|\bbulan\b|\bhari\b", case=False, regex=True).any()
    assert not surf.str.fullmatch(r"(?:19|20)\d\d").any()
    for r in fi.itertuples():
        before = r.evidence[: r.evidence.find(r.surface)]
        assert not before.rstrip().endswith(("ke-", "ke")), r.surface
    assert not ((fi["unit"] == "count") & fi["value"].between(1800, 2100)).any()


def test_duplicated_paragraph_figures_counted_once(seeds_corpus) -> None:
    fi = seeds_corpus.figures
    for value, metric in ((3.63e9, "trade_turnover"), (70000.0, "community_size")):
        assert ((fi["value"] == value) & (fi["metric"] == metric)).sum() == 1


def test_quoted_slogans_and_ranks_are_not_figures(seeds_corpus) -> None:
    fi = seeds_corpus.figures
    assert not fi["value"].isin([149.0, 63.0, 21.0]).any()
    assert not fi["surface"].str.contains("kata|barang|lagi|koneksi", regex=True).any()


def test_no_partnership_with_vietnam_as_partner(seeds_corpus) -> None:
    assert not (seeds_corpus.partnerships["partner_iso3"] == "VNM").any()


def test_bilateral_events_have_vietnam_and_every_surface_is_in_its_evidence(seeds_corpus) -> None:
    from vnpartners.facts.vocabulary import BILATERAL_KINDS

    ev = seeds_corpus.events
    assert ev["countries"].str.split().map(lambda c: c == sorted(c) and len(c) >= 1).all()
    bilateral = ev[ev["kind"].isin(BILATERAL_KINDS)]
    assert bilateral["countries"].str.split().map(lambda c: "VNM" in c).all()
    assert all(s in e for s, e in zip(ev["surface"], ev["evidence"]))


def test_national_days_named_in_a_vietnam_russia_article_are_commemorations(seeds_corpus) -> None:
    """9 May 1945, 30 April 1975 and 2 September 1945 are each one country's days, not Vietnam-Russia events."""
    ev = seeds_corpus.events
    for day, country in (("1945-05-09", "RUS"), ("1975-04-30", "VNM")):
        rows = ev[ev["date"] == pd.Timestamp(day)]
        assert len(rows) >= 1 and (rows["kind"] == "commemoration").all() and (rows["countries"] == country).all(), rows
    relations = ev[ev["date"] == pd.Timestamp("1950-01-30")]
    assert (relations["kind"] == "diplomatic_relations").all() and relations["countries"].str.contains("RUS").all()


def test_no_anniversary_span_as_one_event(seeds_corpus) -> None:
    ev = seeds_corpus.events
    long = ev[ev["date_end"].notna() & ((ev["date_end"] - ev["date"]).dt.days > 366) & (ev["precision"] == "day")]
    assert long.empty, long


def test_tables_are_deterministic(seeds_corpus) -> None:
    import vnpartners

    again = vnpartners.load_seeds()
    for name in ("partnerships", "events", "figures"):
        pd.testing.assert_frame_equal(getattr(seeds_corpus, name), getattr(again, name))
