"""Loading a folder in parts: ``load_folder(jobs=N)`` and the Dask recipe of the README give the tables of ``jobs=1``.

Each article's rows depend on that article alone (:func:`vnpartners.corpus.tables_of`), so runs of
files loaded apart and put together (:func:`vnpartners.corpus.combine`) must equal one load: same rows,
ids and order. The Dask test runs the README's recipe on a LocalCluster bound to 127.0.0.1 (the kit's
optional ``scale`` extra); the kit itself never imports Dask.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import vnpartners
from vnpartners.corpus import combine, read_folder, tables_of

KIT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "paragraphs", "sentences", "mentions", "partnerships", "events", "figures")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The seeds and the development set in one folder, names chosen so that file order is not id order."""
    out = tmp_path_factory.mktemp("many")
    for source in (vnpartners.seeds_dir(), KIT / "tests" / "devset" / "dev"):
        for path in sorted(source.glob("*.txt")):
            shutil.copy2(path, out / path.name)
    shutil.copy2(vnpartners.seeds_dir() / "manifest.csv", out / "manifest.csv")
    (out / "a.txt").write_text("Vietnam dan Rusia menjalin Kemitraan Strategis pada tahun 2001.\n", encoding="utf-8")
    (out / "a-b.txt").write_text("Pada 10 Mei 2025, Vietnam dan Kazakhstan mengadakan pembicaraan.\n", encoding="utf-8")
    return out


def _same(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True, obj=name)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_tables_of_one_process(folder: Path, jobs: int) -> None:
    _same(vnpartners.load_folder(folder, jobs=1), vnpartners.load_folder(folder, jobs=jobs))


def test_parts_put_together_are_the_whole(folder: Path) -> None:
    articles = read_folder(folder)
    parts = [tables_of(chunk, articles.manifest) for chunk in reversed(articles.chunks(4))]
    _same(vnpartners.load_folder(folder, jobs=1), combine(parts, articles.path))


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True, "2"])
def test_jobs_must_be_a_whole_number_of_processes(folder: Path, jobs) -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        vnpartners.load_folder(folder, jobs=jobs)


RECIPE = KIT / "tools" / "dask_load.py"


@pytest.mark.slow
def test_the_dask_recipe_gives_the_same_tables(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the scale extra (pip install -e .[scale]) is not installed")
    out = tmp_path / "tables.pkl"
    proc = subprocess.run([sys.executable, str(RECIPE), str(folder), "--workers", "2", "--pickle", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = pd.read_pickle(out)
    want = vnpartners.load_folder(folder, jobs=1)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], getattr(want, name), check_exact=True, obj=name)


def test_the_kit_does_not_need_dask() -> None:
    code = "import sys, vnpartners; vnpartners.load_seeds(); assert 'dask' not in sys.modules and 'distributed' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
