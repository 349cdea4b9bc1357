"""The loader never fails with anything but its documented error, whatever a file holds.

Garbled text and bytes (property-based), and one 10 MB article. Speed is measured in bench/, not
here: these tests assert only outcomes. The 10,000-file run is in bench/run_bench.py (robust).
"""

from __future__ import annotations

import random
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnpartners
from vnpartners.errors import CorpusError
from vnpartners.paths import seeds_dir

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
FRAGMENTS = [line for text in SEED_TEXTS for line in text.splitlines() if line.strip()]

robust = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_bytes(data: bytes, name: str = "garbled.txt"):
    """Load a folder holding one file with ``data``; return the corpus or the CorpusError raised."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an empty or blank file only warns
            try:
                return vnpartners.load_folder(tmp)
            except CorpusError as exc:
                assert str(exc), "a CorpusError says what is wrong"
                return exc


def check_offsets(corpus, text: str) -> None:
    """Every row's offsets index the decoded text exactly."""
    for row in corpus.paragraphs.itertuples():
        assert text[row.start : row.end] == row.text
    for row in corpus.sentences.itertuples():
        assert text[row.start : row.end] == row.text
    for row in corpus.mentions.itertuples():
        assert text[row.start : row.end] == row.surface


@robust
@given(st.binary(max_size=2000))
def test_random_bytes_load_or_raise_corpus_error(data: bytes) -> None:
    load_bytes(data)  # anything other than CorpusError propagates and fails the test


# any code point a UTF-8 file can hold (surrogates cannot be encoded), control characters included
UNICODE = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=1500)


@robust
@given(UNICODE)
def test_random_unicode_text_loads_or_raises_corpus_error(text: str) -> None:
    result = load_bytes(text.encode("utf-8"))
    if not isinstance(result, CorpusError):
        check_offsets(result, text[1:] if text.startswith("\ufeff") else text)


# seed lines mixed with noise: line breaks of every kind, punctuation, control characters
NOISE = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", " ", "\t", ".", "…", "?!", "(", ")", "\"",
                         "\x00", "\x07", "\x1b", "\ufeff", "Rusia", "AS", "dolar AS", "Dr.", "V.", "12/13/2024"])


@robust
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), NOISE, st.text(max_size=5)), max_size=40))
def test_seed_fragments_with_noise_load_or_raise_corpus_error(parts: list[str]) -> None:
    text = "".join(parts)
    result = load_bytes(text.encode("utf-8"))
    if not isinstance(result, CorpusError):
        check_offsets(result, text[1:] if text.startswith("\ufeff") else text)
    elif "\x00" not in text:
        # a file without NUL bytes is refused only as "mostly control characters"
        assert "binary" in str(result)


@robust
@given(st.sampled_from(range(len(SEED_TEXTS))), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=30))
def test_corrupted_seed_bytes_load_or_raise_corpus_error(which: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(SEED_TEXTS[which].encode("utf-8"))
    for pos, value in flips:
        data[pos % len(data)] = value
    load_bytes(bytes(data))


def test_a_10_mb_article_loads(tmp_path: Path) -> None:
    """One article of 10 MB (3-6 seed sentences per paragraph, drawn at random) loads whole."""
    rng = random.Random(20240620)
    sentences = [s.strip() for line in FRAGMENTS if len(line) >= 120 for s in line.split(". ") if len(s.strip()) > 20]
    parts = ["Memperdalam Kemitraan Strategis Komprehensif Vietnam-Federasi Rusia\n\n"]
    size = 0
    while size < 10_000_000:
        par = " ".join(rng.choice(sentences).rstrip(".") + "." for _ in range(rng.randint(3, 6))) + "\n\n"
        parts.append(par)
        size += len(par.encode("utf-8"))
    text = "".join(parts)
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    corpus = vnpartners.load_folder(tmp_path)
    art = corpus.articles.iloc[0]
    assert art["n_chars"] == len(text)
    assert art["n_paragraphs"] == len(corpus.paragraphs) > 1000
    assert corpus.paragraphs["end"].max() <= len(text)
    last = corpus.paragraphs.iloc[-1]
    assert text[last["start"] : last["end"]] == last["text"]
    assert len(corpus.mentions) > 1000


@pytest.mark.parametrize("name", ["a.txt", "spasi di nama.txt", "ünïcode-名前.txt"])
def test_garbled_file_names(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("Vietnam dan Rusia sepakat.\n", encoding="utf-8")
    corpus = vnpartners.load_folder(tmp_path)
    assert corpus.articles["file"].tolist() == [name]
