"""The gold lesson 04 ships in data/trust/ is a copy of the gold under tests/, and stays one.

Every shipped file is compared with its source: whole files byte for byte, and for the development-set
articles the header and the rows of each source table whose ``file`` is a shipped article, in the
source's order. A gold row changed in tests/ without being copied again (or the reverse) fails here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from vnpartners.paths import data_dir

KIT = Path(__file__).resolve().parent.parent
TRUST = KIT / "data" / "trust"
DEV = KIT / "tests" / "devset" / "dev"
SEEDS_GOLD = KIT / "tests" / "gold"
DEV_SETS = ("sample", "exercise")
GOLD_TABLES = ("partnerships.csv", "figures.csv", "events.csv", "mentions.csv")


def rows_for(source: Path, files: set[str]) -> str:
    """The header of ``source`` and its rows whose first field names one of ``files``, as the file has them."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines[1:] if next(csv.reader([line]))[0] in files]
    return lines[0] + "".join(kept)


def articles(name: str) -> set[str]:
    return {p.name for p in (TRUST / name).glob("*.txt")}


def test_the_lesson_reads_the_shipped_copy() -> None:
    assert data_dir() / "trust" == TRUST, "run the tests from an editable install of this checkout"


@pytest.mark.parametrize("name", ["partnerships.csv", "figures.csv", "events.csv", "articles.csv", "README.md"])
def test_seeds_gold_is_a_copy(name: str) -> None:
    assert (TRUST / "seeds_gold" / name).read_bytes() == (SEEDS_GOLD / name).read_bytes(), (
        f"data/trust/seeds_gold/{name} differs from tests/gold/{name}: copy it again")


def test_seeds_gold_holds_every_table_of_the_source() -> None:
    assert {p.name for p in SEEDS_GOLD.iterdir()} <= {p.name for p in (TRUST / "seeds_gold").iterdir()}


@pytest.mark.parametrize("name", DEV_SETS)
def test_development_articles_are_copies(name: str) -> None:
    shipped = articles(name)
    assert shipped, f"data/trust/{name} has no article"
    for article in sorted(shipped):
        assert (TRUST / name / article).read_bytes() == (DEV / article).read_bytes(), (
            f"data/trust/{name}/{article} differs from tests/devset/dev/{article}")


@pytest.mark.parametrize("name", DEV_SETS)
def test_manifest_and_gold_are_the_source_rows(name: str) -> None:
    files = articles(name)
    assert (TRUST / name / "manifest.csv").read_text(encoding="utf-8") == rows_for(DEV / "manifest.csv", files)
    for table in GOLD_TABLES:
        shipped = (TRUST / name / "gold" / table).read_text(encoding="utf-8")
        assert shipped == rows_for(DEV / "gold" / table, files), (
            f"data/trust/{name}/gold/{table} is not the rows of tests/devset/dev/gold/{table} for {sorted(files)}")
    manifest = list(csv.DictReader((TRUST / name / "manifest.csv").open(encoding="utf-8")))
    assert {row["file"] for row in manifest} == files, "every shipped article has its manifest row, and no other"


def test_development_gold_readme_is_a_copy() -> None:
    assert (TRUST / "sample" / "gold" / "README.md").read_bytes() == (DEV / "gold" / "README.md").read_bytes()


def test_sets_are_disjoint_and_only_from_the_development_part() -> None:
    sample, exercise = articles("sample"), articles("exercise")
    assert not sample & exercise, "the exercise's article must not be in the sample the lesson shows"
    assert 3 <= len(sample | exercise) <= 6
    assert all((DEV / a).is_file() for a in sample | exercise), "shipped articles come from tests/devset/dev only"
    every = {p.relative_to(TRUST).as_posix() for p in TRUST.rglob("*") if p.is_file()}
    expected = ({"README.md"} | {f"seeds_gold/{n}" for n in ("partnerships.csv", "figures.csv", "events.csv",
                                                              "articles.csv", "README.md")}
                | {f"{s}/{a}" for s in DEV_SETS for a in articles(s)} | {f"{s}/manifest.csv" for s in DEV_SETS}
                | {f"{s}/gold/{t}" for s in DEV_SETS for t in GOLD_TABLES} | {"sample/gold/README.md"})
    assert every == expected, f"unexpected files in data/trust: {sorted(every ^ expected)}"


def test_readme_names_every_shipped_article() -> None:
    text = (TRUST / "README.md").read_text(encoding="utf-8")
    for article in articles("sample") | articles("exercise"):
        assert article.removesuffix(".txt") in text
