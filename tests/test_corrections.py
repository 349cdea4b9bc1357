"""Curated corrections of translation slips (data/corrections.csv): the mention and the facts follow them."""

from __future__ import annotations

import shutil

import pandas as pd

import vnpartners
from vnpartners import reference


def test_every_correction_has_a_reason_and_a_source() -> None:
    table = reference.corrections()
    assert len(table) >= 1
    assert (table["note"].str.len() > 40).all() and table["source"].str.startswith("https://").all()
    assert table["article_sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def test_the_seed_slip_is_corrected(seeds_corpus) -> None:
    m = seeds_corpus.mentions
    slip = m[m["sentence_id"].isin(
        seeds_corpus.sentences.loc[seeds_corpus.sentences["text"].str.contains("pembebasan penuh Korea Utara"), "sentence_id"])
        & (m["surface"] == "Korea Utara")]
    assert slip[["iso3", "country"]].values.tolist() == [["VNM", "Vietnam"]]
    visit = seeds_corpus.events[seeds_corpus.events["date"] == pd.Timestamp("1955-07-01")]
    assert visit["countries"].tolist() == ["RUS SUN VNM"]  # Ho Chi Minh's visit to Moscow, no North Korea
    # North Korea named elsewhere (Putin's visit before Vietnam's, seed 002) stays North Korea
    assert (m["iso3"] == "PRK").any()


def test_a_correction_applies_only_to_the_exact_text(tmp_path) -> None:
    source = vnpartners.seeds_dir() / "000_5616eb5da7465606.txt"
    text = source.read_text(encoding="utf-8").replace("Presiden Ho Chi Minh", "Presiden Ho  Chi Minh")
    (tmp_path / "edited.txt").write_text(text, encoding="utf-8")  # another text: another SHA-256
    corpus = vnpartners.load_folder(tmp_path)
    assert "PRK" in set(corpus.mentions["iso3"])
    shutil.rmtree(tmp_path)
