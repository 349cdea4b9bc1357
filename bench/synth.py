"""Deterministic synthetic corpora for the benchmarks, built by recombining the seeds' paragraphs.

Each synthetic article keeps the *shape* of one seed article (its site header, title, dateline,
captions and footer stay where they were) and swaps most of its running-text paragraphs for
paragraphs drawn from all five seeds, and drops or repeats a few. So the synthetic text has the
seeds' vocabulary, sentence lengths, country names and boilerplate in realistic proportions, and
its size per article is close to the seeds' (about 12 kB).

Article ``i`` of a corpus depends only on ``(seed, i)``: the corpus of 100 articles is the first
100 articles of the corpus of 1,000, and every run writes the same bytes.

The generator reads the seed files as plain text (non-blank lines), never through the loader
being measured.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SeedText", "seed_texts", "synth_article", "vary_article", "write_corpus", "write_big_article", "corpus_bytes",
           "HOSTILE_FAMILIES", "write_hostile_article"]

KIT = Path(__file__).resolve().parent.parent
SEEDS = KIT / "seeds"
LONG = 120  # a line this long or longer counts as running text (swappable)


@dataclass(frozen=True)
class SeedText:
    name: str
    paragraphs: tuple[str, ...]


def seed_texts(folder: Path = SEEDS) -> list[SeedText]:
    """The seeds' paragraphs (non-blank lines, stripped), in file-name order."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_bytes().decode("utf-8").lstrip("\ufeff")
        pars = tuple(line.strip() for line in text.splitlines() if line.strip())
        out.append(SeedText(path.name, pars))
    if not out:
        raise SystemExit(f"no seed articles in {folder}")
    return out


def _pool(seeds: list[SeedText]) -> list[str]:
    return [p for s in seeds for p in s.paragraphs if len(p) >= LONG]


def synth_article(i: int, seeds: list[SeedText], pool: list[str], seed: int = 20240620) -> str:
    """The text of synthetic article ``i`` (deterministic in ``seed`` and ``i``)."""
    rng = random.Random(f"{seed}:{i}")
    skeleton = seeds[rng.randrange(len(seeds))].paragraphs
    pars: list[str] = []
    for par in skeleton:
        if len(par) >= LONG:
            roll = rng.random()
            if roll < 0.10:
                continue  # drop it
            if roll < 0.80:
                par = pool[rng.randrange(len(pool))]  # swap in running text from any seed
            pars.append(par)
            if rng.random() < 0.05:
                pars.append(pool[rng.randrange(len(pool))])  # an extra paragraph
        else:
            pars.append(par)
    sep = "\r\n\r\n" if rng.random() < 0.1 else "\n\n"  # some files with Windows line endings
    return sep.join(pars) + sep[: len(sep) // 2]


def vary_article(text: str, i: int, vocabulary: list[str], seed: int = 20240620) -> str:
    """``text`` with two words from ``vocabulary`` inserted at random places in every running-text paragraph.

    Recombined seed paragraphs repeat verbatim from article to article; real news rarely does. The
    varied corpus makes every running-text paragraph (and nearly every sentence) unique, so a
    measurement on it cannot profit from repetition (a memo keyed on text would show up as a gap
    between the two corpora). The facts stated stay about as dense: the inserted words are common
    words of the seeds, put between words, never inside numbers or names' letters.
    """
    rng = random.Random(f"{seed}:vary:{i}")
    sep = "\r\n\r\n" if "\r\n\r\n" in text else "\n\n"
    out = []
    for par in text.split(sep):
        if len(par) >= LONG:
            words = par.split(" ")
            for _ in range(2):
                words.insert(rng.randrange(1, len(words)), rng.choice(vocabulary))
            par = " ".join(words)
        out.append(par)
    return sep.join(out)


def _vocabulary(pool: list[str]) -> list[str]:
    """Lower-case words of the seeds' running text (letters only), sorted: what :func:`vary_article` inserts."""
    return sorted({w for p in pool for w in p.split() if w.isalpha() and w.islower() and len(w) > 2})


def write_corpus(folder: Path, n: int, seed: int = 20240620, varied: bool = False) -> int:
    """Write ``n`` synthetic articles into ``folder`` (created); return the total bytes written.

    ``varied``: every running-text paragraph made unique (:func:`vary_article`).
    """
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seed_texts()
    pool = _pool(seeds)
    vocabulary = _vocabulary(pool)
    total = 0
    width = max(5, len(str(n - 1)))
    for i in range(n):
        text = synth_article(i, seeds, pool, seed)
        if varied:
            text = vary_article(text, i, vocabulary, seed)
        data = text.encode("utf-8")
        tag = hashlib.sha1(data).hexdigest()[:8]
        (folder / f"{i:0{width}d}_{tag}.txt").write_bytes(data)
        total += len(data)
    return total


def write_big_article(folder: Path, megabytes: float = 10.0, seed: int = 20240620) -> int:
    """Write one article ``big.txt`` of about ``megabytes`` MB: a title, a dateline, then paragraphs of
    3 to 6 sentences drawn at random from the seeds' running text (so nearly every paragraph is new,
    not a duplicate the loader would set aside)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seed_texts()
    sentences = [s.strip() + "." for p in _pool(seeds) for s in p.split(". ") if len(s.strip()) > 20]
    rng = random.Random(f"{seed}:big")
    head = "Memperdalam Kemitraan Strategis Komprehensif Vietnam-Federasi Rusia\n\nJumat, 7 September 2018 10:47 WIB\n\n"
    parts = [head]
    size = len(head.encode())
    limit = int(megabytes * 1_000_000)
    while size < limit:
        par = " ".join(rng.choice(sentences).rstrip(".") + "." for _ in range(rng.randint(3, 6))) + "\n\n"
        parts.append(par)
        size += len(par.encode())
    data = "".join(parts).encode("utf-8")
    (folder / "big.txt").write_bytes(data)
    return len(data)


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


if __name__ == "__main__":  # python bench/synth.py OUT N
    import sys

    out, count = Path(sys.argv[1]), int(sys.argv[2])
    print(write_corpus(out, count, varied="--varied" in sys.argv), "bytes")


# pathological text for the loader, one article each: the families of tests/test_loader_scaling.py
# (issue 15), as (start, unit repeated to the size, end)
HOSTILE_FAMILIES: dict[str, tuple[str, str, str]] = {
    "a run of full stops": ("Vietnam", ".", "\n"),
    "a run of exclamation marks": ("Vietnam", "!", "\n"),
    "a run of ellipses": ("Vietnam", "…", "\n"),
    "a sentence of tab-separated words and abbreviations": ("Kata", "\tDr.\tKata" + "\tkata" * 10, "\tX.\n"),
    "a wire dateline before a run of spaces": ("Hanoi, A", " ", "x\n"),
    "a text repeating 'kemitraan strategis'": ("", "kemitraan strategis ", "\n"),
    "one sentence repeating 'kemitraan strategis pada 12 Mei 2012, '": (
        "Vietnam dan Rusia menjalin ", "kemitraan strategis pada 12 Mei 2012, ", "\n"),
}


def write_hostile_article(folder: Path, family: str, megabytes: float) -> int:
    """One article of ``family`` (a key of :data:`HOSTILE_FAMILIES`) of about ``megabytes`` MB of
    UTF-8 in ``folder/a.txt``; returns its size in bytes."""
    start, unit, end = HOSTILE_FAMILIES[family]
    size = int(megabytes * 1_000_000)
    text = start + unit * max(1, size // len(unit.encode("utf-8"))) + end
    folder.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    (folder / "a.txt").write_bytes(data)
    return len(data)
