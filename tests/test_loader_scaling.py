"""The loader stays linear on hostile text: each pathological family at two sizes (issue 15).

Each family is a text built to make a rule backtrack or rescan: the issue's (long runs of full
stops, exclamation marks or ellipses; a text repeating a level phrase; one sentence repeating a
level phrase with a date) and two found while fixing them (a long sentence whose words are
separated by tabs, with an abbreviation every few words; a wire dateline before a run of spaces). Each is loaded at a size and at twice that size; doubling
the input may at most triple the time. Times are the best of a few runs, the two sizes in turns;
the ratio is of CPU time (``time.process_time``), and the wall-clock time (``time.perf_counter``)
is given beside it in a failure message. (On the kit's shared 2-core machines at a load average of
5, the wall-clock ratio of one family varied from 3.1 to 4.1 between runs, its CPU ratio from 3.5
to 3.7.) Sizes are small enough that the whole file runs in a few seconds. How fast the loader is
on ordinary text is measured in bench/.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

import vnpartners
from vnpartners.paths import seeds_dir

RUNS = 3  # best of
MAX_RATIO = 3.0  # doubling the input may at most triple the time
def level_phrase_with_dates(n: int) -> str:
    """One sentence: "kemitraan strategis pada 12 Mei 2012, " n times (every level phrase, every date)."""
    return "Vietnam dan Rusia menjalin " + "kemitraan strategis pada 12 Mei 2012, " * n + "\n"


def level_phrase(n: int) -> str:
    """One line of "kemitraan strategis " n times (about 20 bytes each)."""
    return "kemitraan strategis " * n + "\n"


# family -> (text of size n, n): at these sizes the rules as they were took from a tenth of a second
# to a few seconds, growing quadratically (the wire dateline: cubically). The sentence repeating a
# level phrase with a date was quadratic in partnerships' rules before issue 14, and later in the
# figures' quantity scan (every date span for every number, from about 300 KB: bench/ "hostile"
# measures it at 1 and 2 MB); test_quantities_batch.py checks the scan that replaced it.
FAMILIES = {
    "a run of full stops": (lambda n: "Vietnam" + "." * n + "\n", 16000),
    "a run of exclamation marks": (lambda n: "Vietnam" + "!" * n + "\n", 16000),
    "a run of ellipses": (lambda n: "Vietnam" + "…" * n + "\n", 16000),
    "a sentence of tab-separated words and abbreviations": (
        lambda n: "Kata" + ("\tDr.\tKata" + "\tkata" * 10) * n + "\tX.\n", 16000),
    "a wire dateline before a run of spaces": (lambda n: "Hanoi, A" + " " * n + "x\n", 500),
    "a text repeating 'kemitraan strategis'": (level_phrase, 1500),
    "one sentence repeating 'kemitraan strategis pada 12 Mei 2012, '": (level_phrase_with_dates, 200),
}


def load_times(folder: Path) -> tuple[float, float]:
    """``(CPU seconds, wall-clock seconds)`` of one load of ``folder``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cpu, wall = time.process_time(), time.perf_counter()
        vnpartners.load_folder(folder, jobs=1)  # in this process: its CPU time is all the work
        return time.process_time() - cpu, time.perf_counter() - wall


def best_load_times(first: Path, second: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """The best of ``RUNS`` loads of each folder, as ``(CPU seconds, wall-clock seconds)``; the runs
    are taken in turns, so that a busy spell of the machine slows both sizes alike."""
    best = [[float("inf")] * 2, [float("inf")] * 2]
    for _ in range(RUNS):
        for i, folder in enumerate((first, second)):
            for k, seconds in enumerate(load_times(folder)):
                best[i][k] = min(best[i][k], seconds)
    return (best[0][0], best[0][1]), (best[1][0], best[1][1])


def write_article(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module", autouse=True)
def warm_loader() -> None:
    """Load once before timing: the first load reads the reference tables."""
    vnpartners.load_seeds()


@pytest.mark.parametrize("family", list(FAMILIES))
def test_doubling_a_pathological_input_at_most_triples_the_load_time(tmp_path: Path, family: str) -> None:
    make, n = FAMILIES[family]
    small, large = best_load_times(write_article(tmp_path / "small", make(n)), write_article(tmp_path / "large", make(2 * n)))
    ratio = large[0] / small[0]
    assert ratio <= MAX_RATIO, (
        f"{family}: doubling the input made the load {ratio:.1f} times slower "
        f"(CPU {small[0]:.3f} s -> {large[0]:.3f} s; wall clock {small[1]:.3f} s -> {large[1]:.3f} s, "
        f"{large[1] / small[1]:.1f} times; at most {MAX_RATIO:g} times is linear enough)"
    )


def ordinary_text(size: int) -> str:
    """Seed paragraphs, one after another, until about ``size`` characters."""
    paragraphs = [
        line.strip()
        for p in sorted(seeds_dir().glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 80
    ]
    out: list[str] = []
    total = 0
    while total < size:
        for par in paragraphs:
            out.append(par + "\n\n")
            total += len(par) + 2
            if total >= size:
                break
    return "".join(out)


def test_a_text_repeating_a_level_phrase_loads_within_twice_the_time_of_ordinary_text(tmp_path: Path) -> None:
    hostile = level_phrase(1500)  # 30 KB (the 1 MB took 7-8 s)
    ordinary = ordinary_text(len(hostile))
    t_hostile, t_ordinary = best_load_times(write_article(tmp_path / "hostile", hostile), write_article(tmp_path / "ordinary", ordinary))
    ratio = t_hostile[0] / t_ordinary[0]
    assert ratio <= 2.0, (
        f"'kemitraan strategis' repeated ({len(hostile):,} characters) loaded {ratio:.1f} times slower than "
        f"ordinary text of that size (CPU {t_ordinary[0]:.3f} s -> {t_hostile[0]:.3f} s; wall clock "
        f"{t_ordinary[1]:.3f} s -> {t_hostile[1]:.3f} s; at most 2 times)"
    )
