"""Tests of the curated reference tables (data/*.csv) and vnpartners.reference."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from vnpartners import reference as ref
from vnpartners.errors import DataFileMissing, UnknownPartnerError
from vnpartners.paths import data_dir

CSV_TABLES = ["levels.csv", "partners.csv", "partnership_history.csv", "forums.csv", "glossary.csv", "trade.csv"]
SOURCE_COLUMN = {"levels.csv": "source", "partners.csv": "source_urls", "partnership_history.csv": "source_urls",
                 "forums.csv": "source_url", "glossary.csv": "source", "trade.csv": "source_url"}
EXTRA_CODES = {"SUN", "XKX"}
URL = re.compile(r"^https?://\S+$")


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False)


def _valid_iso3(code: str) -> bool:
    return code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("name", CSV_TABLES)
def test_every_row_has_a_source(name: str) -> None:
    df = _raw(name)
    assert len(df) > 0
    col = SOURCE_COLUMN[name]
    empty = df[df[col].str.strip() == ""]
    assert empty.empty, f"{name}: rows without a source: {empty.index.tolist()}"


@pytest.mark.parametrize("name", ["partners.csv", "partnership_history.csv", "forums.csv", "trade.csv", "levels.csv"])
def test_url_columns_hold_only_urls(name: str) -> None:
    col = SOURCE_COLUMN[name]
    for value in _raw(name)[col]:
        if name == "trade.csv" and value.startswith("seed article"):
            continue
        for token in value.split():
            assert URL.match(token), f"{name}: {token!r} is not a URL"


def test_trade_seed_rows_name_the_seed_and_its_url() -> None:
    t = ref.trade()
    seed = t[t["record_id"].str.startswith("S")]
    assert set(seed["statistic_source"]) == {"seed article 000 (VietnamPlus, 8 May 2025)"}
    assert seed["source_url"].str.startswith("https://www.vietnamplus.vn/").all()
    got = {(int(r.year), r.period): r.value_usd for r in seed.itertuples()}
    assert got == {(2023, "FY"): 3.63e9, (2024, "FY"): 4.58e9, (2025, "Q1"): 1.11e9}
    assert (seed["reporter"] == "unstated").all()


def test_iso3_codes_are_valid() -> None:
    assert all(_valid_iso3(c) for c in ref.partners()["iso3"])
    assert all(_valid_iso3(c) for c in ref.partnership_history()["iso3"])
    f = ref.forums()
    states = f[f["member_kind"] != "organisation"]
    assert states["member_iso3"].notna().all()
    bad = [c for c in states["member_iso3"] if not _valid_iso3(c)]
    assert not bad, bad
    assert f[f["member_kind"] == "organisation"]["member_iso3"].isna().all()
    t = ref.trade()
    assert all(_valid_iso3(c) for c in t["partner_iso3"].dropna())
    assert set(t.loc[t["partner_iso3"].isna(), "partner_name"]) == {
        "ASEAN", "European Union", "Eurasian Economic Union (EAEU)"}


def test_tables_have_unique_keys_and_are_sorted() -> None:
    p = ref.partners()
    assert p["iso3"].is_unique and p["iso3"].is_monotonic_increasing
    assert not ref.forums().duplicated(["forum", "member_iso3", "member_name"]).any()
    assert ref.glossary()["term_id"].is_unique
    assert not ref.trade().duplicated(["record_id", "flow"]).any()
    assert ref.levels()["level"].is_unique


def test_dates_parse_and_are_sane() -> None:
    p = ref.partners()
    assert p["diplomatic_relations_since"].notna().all()
    assert p["diplomatic_relations_since"].between("1950-01-01", "1995-12-31").all()
    since = p["level_since"].dropna()
    assert since.between("1977-01-01", "2025-12-31").all()
    assert p.loc[p["level_since"].isna(), "iso3"].tolist() == ["CUB", "KHM"]
    h = ref.partnership_history()
    dated = h["date"].dropna()
    assert dated.between("1977-01-01", "2025-12-31").all()
    assert set(h["date_precision"]) <= {"day", "month", "year", "range", "unknown"}
    assert set(h["action"]) <= {"established", "upgraded", "deepened"}
    # a level is never set before diplomatic relations
    merged = h.merge(p[["iso3", "diplomatic_relations_since"]], on="iso3")
    assert (merged["date"].dropna() >= merged.loc[merged["date"].notna(), "diplomatic_relations_since"]).all()
    t = ref.trade()
    assert t["year"].between(2010, 2025).all()
    assert pd.api.types.is_datetime64_any_dtype(h["date"])


def test_levels_are_known_and_consistent() -> None:
    lv = ref.levels()
    assert set(lv["level"]) == {"comprehensive_strategic", "comprehensive_strategic_cooperative", "strategic",
                               "comprehensive", "special"}
    assert lv.set_index("level").loc["comprehensive_strategic_cooperative", "rank"] == 1
    assert lv.set_index("level").loc["comprehensive_strategic", "name_vi"] == "Đối tác Chiến lược Toàn diện"
    assert set(ref.partners()["level"]) <= set(lv["level"])
    assert set(ref.partnership_history()["level"]) <= set(lv["level"])


def test_end_2025_counts_match_the_official_total() -> None:
    p = ref.partners()
    counts = p["tier"].value_counts()
    assert counts["comprehensive_strategic"] == 14
    assert counts["strategic"] == 14
    assert counts["comprehensive"] == 14
    assert counts["special"] == 3
    assert len(p) == 45
    assert p.set_index("iso3").loc["CHN", "level"] == "comprehensive_strategic_cooperative"


def test_partners_none_equals_history_on_status_date() -> None:
    a = ref.partners()
    b = ref.partners("2025-12-31")
    pd.testing.assert_frame_equal(a, b)


def test_as_of_mid_2024() -> None:
    p = ref.partners("2024-06-30").set_index("iso3")
    assert p.loc["RUS", "level"] == "comprehensive_strategic"
    assert "KAZ" not in p.index
    assert p.loc["GBR", "level"] == "strategic"
    assert p.loc["AUS", "level"] == "comprehensive_strategic"
    counts = p["tier"].value_counts()
    # FM Bui Thanh Son, March 2024: 7 CSP, 11 SP, 12 CP = 30
    assert (counts["comprehensive_strategic"], counts["strategic"], counts["comprehensive"]) == (7, 11, 12)


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2025-03-31", (12, 8, 14)),   # 34 (vietnam.vn, Q1 2025)
    ("2025-05-12", (12, 11, 14)),  # 37 after Belarus, before Thailand's upgrade
    ("2025-05-20", (13, 10, 14)),  # 37 after Thailand's upgrade
    ("2025-08-22", (13, 10, 15)),  # 38 (VOV, 22 Aug 2025)
    ("2025-12-31", (14, 14, 14)),  # 42 (FM Le Hoai Trung, 1 Jan 2026)
])
def test_as_of_counts_match_dated_official_totals(as_of: str, expected: tuple[int, int, int]) -> None:
    counts = ref.partners(as_of)["tier"].value_counts()
    got = tuple(int(counts.get(t, 0)) for t in ref.LADDER_TIERS)
    assert got == expected


#: what officials stated (total; CSPs where stated), with the source; data/README.md has the same table
OFFICIAL_TALLIES = [
    ("2024-03-18", 30, 7, "FM Bui Thanh Son to VNA: 'among the 30 strategic partners and comprehensive partners ... seven'"),
    ("2025-03-31", 34, 12, "vietnam.vn, Q1 2025: '12 Mitra Strategis Komprehensif ... total 34 negara'"),
    ("2025-08-22", 38, 13, "Deputy FM Le Thi Thu Hang (VOV, 22 Aug 2025): 13 CSP, 10 SP, 15 CP"),
    ("2025-12-31", 42, None, "FM Le Hoai Trung (VOV, New Year 2026): 42 from comprehensive partnership up"),
]


@pytest.mark.parametrize(("as_of", "total", "csp", "source"), OFFICIAL_TALLIES, ids=[t[0] for t in OFFICIAL_TALLIES])
def test_reconstruction_gives_every_official_tally(as_of: str, total: int, csp: int | None, source: str) -> None:
    counts = ref.partners(as_of)["tier"].value_counts()
    assert sum(int(counts.get(t, 0)) for t in ref.LADDER_TIERS) == total, source
    if csp is not None:
        assert int(counts.get("comprehensive_strategic", 0)) == csp, source


def test_azerbaijan_is_in_the_south_caucasus() -> None:
    """UN M49 puts Azerbaijan in Western Asia; commonly it is a South Caucasus country, never Central Asia."""
    assert ref.partners().set_index("iso3").loc["AZE", "region"] == "South Caucasus"


def test_may_2025_37_is_cp_and_above_not_strategic_only() -> None:
    p = ref.partners("2025-05-20")
    ladder = p[p["tier"].isin(ref.LADDER_TIERS)]
    assert len(ladder) == 37
    assert ladder["tier"].isin(["comprehensive_strategic", "strategic"]).sum() == 23


def test_as_of_ignores_deepenings_and_drops_countries_without_level() -> None:
    h = ref.partnership_history()
    assert {"RUS", "JPN", "THA", "CHN"} <= set(h.loc[h["action"] == "deepened", "iso3"])
    p = ref.partners("2024-07-01").set_index("iso3")
    assert p.loc["RUS", "level_since"] == pd.Timestamp("2012-07-01")   # not the 2024 deepening
    assert p.loc["JPN", "level_since"] == pd.Timestamp("2023-11-27")
    early = ref.partners("2000-12-31")
    assert set(early["iso3"]) == {"LAO", "KHM", "CUB"}


def test_partners_csv_since_matches_history() -> None:
    p = ref.partners().set_index("iso3")
    h = ref.partnership_history()
    last = h[h["action"] != "deepened"].groupby("iso3").tail(1).set_index("iso3")
    assert (p["level"] == last.loc[p.index, "level"]).all()
    pd.testing.assert_series_equal(p["level_since"], last.loc[p.index, "date"], check_names=False)


def test_2025_changes_are_present() -> None:
    h = ref.partnership_history()
    h = h[h["date"].dt.year == 2025]
    got = set(zip(h["iso3"], h["level"]))
    for item in [("THA", "comprehensive_strategic"), ("GBR", "comprehensive_strategic"), ("KAZ", "strategic"),
                 ("AZE", "strategic"), ("BLR", "strategic"), ("EGY", "comprehensive"), ("FIN", "strategic"),
                 ("BGR", "strategic"), ("KWT", "strategic"), ("DZA", "strategic"), ("ZAF", "strategic")]:
        assert item in got, item


def test_caches_hand_out_copies() -> None:
    a = ref.partners()
    a.loc[0, "level"] = "changed"
    a["note"] = "x"
    b = ref.partners()
    assert (b["note"] != "x").all() and b.loc[0, "level"] != "changed"
    t = ref.trade()
    t["value_usd"] = 0.0
    assert ref.trade()["value_usd"].gt(0).all()


@pytest.mark.parametrize(("text", "iso3"), [
    ("RUS", "RUS"), ("rus", "RUS"), ("Russia", "RUS"), ("Rusia", "RUS"), ("Federasi Rusia", "RUS"),
    ("federasi  rusia", "RUS"), ("Tiongkok", "CHN"), ("China", "CHN"), ("Cina", "CHN"), ("CN", "CHN"),
    ("Amerika Serikat", "USA"), ("AS", "USA"), ("Korea Selatan", "KOR"), ("Inggris", "GBR"),
    ("Selandia Baru", "NZL"), ("Ceko", "CZE"), ("Việt Nam", "VNM"), ("Uni Soviet", "SUN"),
    ("Korea Utara", "PRK"), ("Polandia", "POL"), ("Singapura", "SGP"),
])
def test_resolve_partner(text: str, iso3: str) -> None:
    assert ref.resolve_partner(text) == iso3


def test_resolve_partner_unknown_names_close_matches() -> None:
    with pytest.raises(UnknownPartnerError) as info:
        ref.resolve_partner("Rusiaa")
    msg = str(info.value)
    assert "Rusiaa" in msg and "'Rusia' (RUS)" in msg
    with pytest.raises(UnknownPartnerError, match="Tiongkok"):
        ref.resolve_partner("Tiongkokk")
    with pytest.raises(UnknownPartnerError):
        ref.resolve_partner("")


def test_trade_keeps_disagreements_and_has_no_derived_rows() -> None:
    t = ref.trade()
    rus17 = t[(t["partner_iso3"] == "RUS") & (t["year"] == 2017) & (t["flow"] == "turnover")]
    assert set(rus17["value_usd"]) == {3.55e9, 5.35e9}
    assert set(rus17["reporter"]) == {"vietnam", "partner"}
    # one value per (record, flow): nothing summed or interpolated; every record cites its own source
    assert set(t["flow"]) == {"turnover", "exports", "imports"}
    assert set(t["period"]) == {"FY", "Q1", "Jan-Aug"}
    assert not t["note"].str.contains("interpolat", case=False).any()
    # Russia 2010 and China 2010-2013 are gaps and stay gaps
    assert t[(t["partner_iso3"] == "RUS") & (t["year"] == 2010)].empty
    assert t[(t["partner_iso3"] == "CHN") & t["year"].between(2010, 2013)].empty
    # where the source gave only exports and imports, no turnover row was made up
    rus14 = t[(t["record_id"] == "R005")]
    assert set(rus14["flow"]) == {"exports", "imports"}
    assert set(t["reporter"]) == {"vietnam", "partner", "unstated"}
    assert t["is_lower_bound"].dtype == bool and t["is_approx"].dtype == bool
    assert t.loc[(t["partner_iso3"] == "CHN") & (t["year"] == 2024), "is_lower_bound"].all()
    assert (t["value_usd"] > 1e6).all()


def test_forums() -> None:
    f = ref.forums()
    assert {"UN", "ASEAN", "APEC", "ASEM", "ARF", "CICA", "EAEU", "SCO", "BRICS", "RCEP", "CPTPP"} <= set(f["forum"])
    vn = f[f["member_iso3"] == "VNM"].set_index("forum")
    assert vn.loc["BRICS", "member_role"] == "partner country" and vn.loc["BRICS", "since"] == 2025
    assert vn.loc["EAEU", "member_role"] == "FTA partner"
    assert "VNM" not in set(f.loc[f["forum"] == "SCO", "member_iso3"])
    assert (f.groupby("forum")["forum_name_id"].nunique() == 1).all()
    un = set(f.loc[f["forum"] == "UN", "member_iso3"])
    assert un == set(ref.partners()["iso3"]) | {"VNM"}
    assert len(f[f["forum"] == "ASEAN"]) == 11
    assert len(f[f["forum"] == "APEC"]) == 21


def test_glossary() -> None:
    g = ref.glossary()
    assert 25 <= len(g) <= 40
    assert {"kunjungan kenegaraan", "pernyataan bersama", "nota kesepahaman", "omzet perdagangan",
            "modal terdaftar", "Sekretaris Jenderal", "Komite Antarpemerintah"} <= set(g["term_id"])
    for col in ("term_en", "term_vi", "meaning"):
        assert (g[col].str.strip() != "").all()


def test_level_counts_by_year() -> None:
    c = ref.level_counts_by_year()
    assert c["year"].tolist() == list(range(2001, 2026))
    last = c.set_index("year").loc[2025]
    assert (last["comprehensive_strategic"], last["strategic"], last["comprehensive"], last["total"]) == (14, 14, 14, 42)
    assert c.set_index("year").loc[2001, "strategic"] == 1  # Russia, Vietnam's first strategic partner
    with pytest.raises(ValueError):
        ref.level_counts_by_year(2010, 2005)


def test_partner_path() -> None:
    path = ref.partner_path("Rusia")
    assert path["event"].tolist() == ["diplomatic_relations", "established", "upgraded", "deepened"]
    assert path.loc[0, "date"] == pd.Timestamp("1950-01-30")
    assert path["level"].tolist()[1:3] == ["strategic", "comprehensive_strategic"]
    assert path["step"].tolist() == [0, 1, 2, 3]
    with pytest.raises(UnknownPartnerError):
        ref.partner_path("POL")


def test_world_map() -> None:
    wm = ref.world_map()
    assert {"iso3", "name", "name_id", "polygons"} <= set(wm.columns)
    codes = set(wm["iso3"])
    assert "NOR" in codes and "FRA" in codes and "XKX" in codes and "VNM" in codes
    missing = set(ref.partners()["iso3"]) - codes
    assert missing == {"SGP"}
    ring = wm.set_index("iso3").loc["VNM", "polygons"][0][0]
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_reference_does_not_import_matplotlib() -> None:
    import subprocess
    import sys
    code = "import sys, vnpartners.reference as r; r.partners('2024-01-01'); print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_data_file_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(ref.trade()) > 0  # read (and cached) from the kit's own data folder first
    for name in CSV_TABLES:
        if name != "trade.csv":
            shutil.copy(data_dir() / name, tmp_path / name)
    monkeypatch.setenv("VNPARTNERS_DATA", str(tmp_path))
    # the tables are cached per data folder: another folder is read afresh, never a stale copy
    with pytest.raises(DataFileMissing, match="trade.csv"):
        ref.trade()
    monkeypatch.delenv("VNPARTNERS_DATA")
    assert len(ref.trade()) > 0
