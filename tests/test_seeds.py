"""The kit's seeds: unchanged bytes, a manifest that matches them, and their metadata."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd

KIT = Path(__file__).resolve().parent.parent
SEEDS = KIT / "seeds"

# The expected hashes live in seeds/SHA256SUMS (``sha256sum -c SHA256SUMS`` in seeds/ checks them too).
def expected_hashes() -> dict[str, str]:
    rows = (line.split() for line in (SEEDS / "SHA256SUMS").read_text(encoding="ascii").splitlines() if line.strip())
    return {name.lstrip("*"): digest for digest, name in rows}


def test_seed_bytes_unchanged() -> None:
    expected = expected_hashes()
    assert sorted(expected) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, digest in expected.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_loaded_sha256_matches(seeds_corpus) -> None:
    expected = expected_hashes()
    got = dict(zip(seeds_corpus.articles["file"], seeds_corpus.articles["sha256"]))
    assert got == expected


def test_manifest_names_every_seed_with_the_spec_columns() -> None:
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["file", "title", "outlet", "url", "published", "published_basis", "language"]
        rows = list(reader)
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(r["title"] and r["published"] and r["language"] == "id" for r in rows)


def test_seed_articles_metadata(seeds_corpus) -> None:
    a = seeds_corpus.articles.set_index("article_id")
    assert a.loc["000_5616eb5da7465606", "published"] == pd.Timestamp("2025-05-08")
    assert a.loc["001_5fd84808cc78ee1b", "published_precision"] == "month"
    assert a.loc["003_829b5d904503e740", "title"] == "Putin Mau Kerja Sama Keamanan Mendalam dengan Vietnam"
    assert a.loc["000_5616eb5da7465606", "title"] == "Memperdalam Kemitraan Strategis Komprehensif Vietnam-Federasi Rusia"
    assert a.loc["001_5fd84808cc78ee1b", "outlet"] == "VOV"
    assert (a["published_source"] == "manifest").all()
    assert (a["n_paragraphs"] > 0).all() and (a["n_sentences"] >= a["n_paragraphs"]).all()


def test_text_metadata_without_manifest(tmp_path: Path) -> None:
    # the same seeds without their manifest: metadata comes from the text where it states it
    import shutil

    import vnpartners

    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    a = vnpartners.load_folder(tmp_path).articles.set_index("article_id")
    assert a.loc["000_5616eb5da7465606", "outlet"] == "VietnamPlus"
    assert a.loc["000_5616eb5da7465606", "published"] == pd.Timestamp("2025-05-08")
    assert a.loc["000_5616eb5da7465606", "published_source"] == "text"
    assert a.loc["001_5fd84808cc78ee1b", "outlet"] == "VOV"
    assert a.loc["001_5fd84808cc78ee1b", "url"].startswith("https://vov.vn/")
    assert pd.isna(a.loc["001_5fd84808cc78ee1b", "published"])
    assert a.loc["002_a2986a158941a6a1", "outlet"] == "Tempo"
    assert a.loc["003_829b5d904503e740", "published"] == pd.Timestamp("2018-09-07")
    assert a.loc["003_829b5d904503e740", "title"] == "Putin Mau Kerja Sama Keamanan Mendalam dengan Vietnam"
