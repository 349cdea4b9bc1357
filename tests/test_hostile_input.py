"""Hostile and odd input to the loader (issue 15): each case loads, or stops with one clear CorpusError
that names the file, line or column and says what to do, or is skipped with a warning saying why.

The speed side (pathological text stays linear) is tests/test_loader_scaling.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnpartners
from vnpartners.corpus import SkippedFileWarning, check_folder
from vnpartners.errors import CorpusError
from vnpartners.text import metadata, sentences
from vnpartners.text.reading import INVISIBLE, EmptyArticleWarning

ARTICLE = "Vietnam dan Rusia menjalin Kemitraan Strategis pada tahun 2001.\n"
HEADER = "file,title,outlet,url,published,published_basis,language\n"


def folder_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def load_error(folder: Path) -> str:
    with pytest.raises(CorpusError) as info:
        vnpartners.load_folder(folder)
    return str(info.value)


# ------------------------------------------------------------------ the rules rewritten for speed

# the sentence boundary and the wire dateline as they were written before they were made linear
_OLD_BOUNDARY = re.compile(
    r"([.!?…][.!?…]*)([\"'”’»)\]]*)(\s+)"
    r"(?!\((?:Foto|Photo|Ảnh|Sumber)\b)"
    r"(?=[\"“'‘«(\[]?[^\W_a-z]|[\"“'‘«(\[]?\d)"
)
_OLD_WIRE_DATELINE = re.compile(r"^([A-Za-z][\w.]*(?:\s[A-Z][\w.]*)?)\s*,\s*[A-Z][\w .]*?\s*(?:\(([\w.]+)\))?\s*[-–—]\s")

_BOUNDARY_PARTS = [".", "!", "?", "…", "...", '"', "”", "’", ")", "]", "»", " ", "  ", "\t", "\n", "\u2028", "\xa0",
                   "A", "a", "1", "(", "(Foto", "“", "«", "Dr", "x", "é", "_"]
_DATELINE_PARTS = ["TEMPO.CO", "Hanoi", "Jakarta", ",", " ", "  ", "\t", "A", "a", "(VNA)", "(", ")", "-", "–", "—", ".",
                   "x", "1", "_", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BOUNDARY_PARTS), max_size=30).map("".join))
def test_sentence_boundary_finds_what_it_found_before_it_was_made_linear(text: str) -> None:
    def found(rule: re.Pattern[str]) -> list[tuple]:
        return [(m.span(), m.groups()) for m in rule.finditer(text)]

    assert found(sentences._BOUNDARY) == found(_OLD_BOUNDARY)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DATELINE_PARTS), max_size=20).map("".join))
def test_wire_dateline_matches_what_it_matched_before_it_was_made_linear(text: str) -> None:
    def found(rule: re.Pattern[str]) -> tuple | None:
        m = rule.match(text)
        return (m.span(), m.groups()) if m else None

    assert found(metadata._WIRE_DATELINE) == found(_OLD_WIRE_DATELINE)


def test_a_2_mb_run_of_full_stops_loads(tmp_path: Path) -> None:
    """It never finished: in a child process, so that a regression fails the test instead of hanging it."""
    folder = folder_with(tmp_path, {"dots.txt": "Vietnam" + "." * 2_000_000 + "\n"})
    code = f"import vnpartners; c = vnpartners.load_folder({str(folder)!r}); print(len(c.sentences))"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("loading one 2 MB run of full stops took more than 60 s")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


# ------------------------------------------------------------------ the manifest


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        pytest.param(HEADER + "a.txt,T,O,,9999-12-31,,id\n", r"line 2 \(a\.txt\), column 'published'.*9999-12-31.*outside",
                     id="published 9999-12-31"),
        pytest.param(HEADER + "a.txt,T,O,,0001-01-01,,id\n", r"line 2 .*column 'published'.*outside", id="published 0001-01-01"),
        pytest.param("nama,judul\n", r"line 1: the manifest has no 'file' column", id="only a header of wrong columns"),
        pytest.param("file,judul\n", r"line 1: unknown manifest columns \['judul'\]", id="only a header with an unknown column"),
        pytest.param("file,title,title\na.txt,One,Two\n", r"line 1: the column 'title' is named 2 times \(columns 2, 3\)",
                     id="a repeated column"),
        pytest.param(HEADER + "a.txt,Ju\x00dul,O,,2024,,id\n", r"line 2, column 'title': the cell holds a NUL character",
                     id="a NUL in a cell"),
        pytest.param(HEADER + "a.txt,T,O,,٢٠٢٤-٠٥-٠٨,,id\n", r"line 2 \(a\.txt\), column 'published'.*digits 0-9",
                     id="a date in Arabic-Indic digits"),
        pytest.param(HEADER + "a.txt,T,O,,२०२४,,id\n", r"line 2 \(a\.txt\), column 'published'.*digits 0-9",
                     id="a year in Devanagari digits"),
        pytest.param(HEADER + "a.txt,T,O,,2024,,id,extra\n", r"line 2: 8 cells, but the first line names 7 columns",
                     id="a row with a cell too many"),
    ],
)
def test_a_bad_manifest_names_the_line_and_column(tmp_path: Path, manifest: str, expected: str) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE, "manifest.csv": manifest})
    message = load_error(folder)
    assert "manifest.csv" in message
    assert re.search(expected, message), message
    with pytest.raises(CorpusError):  # the report command's quick check finds it too
        check_folder(folder)


def test_a_manifest_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE})
    (folder / "manifest.csv").mkdir()
    assert "manifest.csv is a folder, not a file" in load_error(folder)


def test_a_manifest_in_utf16_is_named(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE, "manifest.csv": (HEADER + "a.txt,T,O,,2024,,id\n").encode("utf-16")})
    assert "the manifest is UTF-16 text" in load_error(folder)


def test_a_good_manifest_still_loads(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE, "manifest.csv": HEADER + "a.txt,Judul,VOV,,2024-05-08,,id\n\n"})
    art = vnpartners.load_folder(folder).articles.iloc[0]
    assert art["title"] == "Judul" and str(art["published"].date()) == "2024-05-08"


def test_a_dateline_in_year_9999_is_no_publication_date(tmp_path: Path) -> None:
    text = "Judul Berita Tentang Vietnam Hari Ini\nJumat, 7 September 9999 10:47 WIB\n" + ARTICLE
    corpus = vnpartners.load_folder(folder_with(tmp_path, {"a.txt": text}))  # was pandas' OutOfBoundsDatetime
    assert corpus.articles["published"].isna().all()


# ------------------------------------------------------------------ encodings and invisible text


@pytest.mark.parametrize(
    ("codec", "named", "iconv"),
    [
        ("utf-32", "UTF-32 text (it starts with a byte-order mark)", "iconv -f utf-32 -t utf-8"),
        ("utf-32-le", "UTF-32 text (little-endian, without a byte-order mark)", "iconv -f utf-32le -t utf-8"),
        ("utf-32-be", "UTF-32 text (big-endian, without a byte-order mark)", "iconv -f utf-32be -t utf-8"),
        ("utf-16-le", "UTF-16 text (little-endian, without a byte-order mark)", "iconv -f utf-16le -t utf-8"),
        ("utf-16-be", "UTF-16 text (big-endian, without a byte-order mark)", "iconv -f utf-16be -t utf-8"),
        ("utf-16", "UTF-16 text (it starts with a byte-order mark)", "iconv -f utf-16 -t utf-8"),
    ],
)
def test_utf16_and_utf32_text_is_named_with_its_conversion(tmp_path: Path, codec: str, named: str, iconv: str) -> None:
    text = "Vietnam dan Rusia menjalin Kemitraan Strategis Komprehensif. Hà Nội, 2025.\n" * 3
    message = load_error(folder_with(tmp_path, {"wide.txt": text.encode(codec)}))
    assert f"wide.txt: this file is {named}" in message
    assert f"`{iconv} wide.txt > fixed.txt`" in message


def test_a_stray_nul_byte_is_still_called_binary(tmp_path: Path) -> None:
    message = load_error(folder_with(tmp_path, {"x.txt": b"Vietnam dan Rusia\x00 menjalin kemitraan.\n"}))
    assert "binary" in message and "UTF-16" not in message


@pytest.mark.parametrize("content", ["\u200b\u200b\u200b", "\u200b\n\u200c\u200d\n\ufeff\u2060 \n", "\u200e\u202a\u2066\xad\n"])
def test_a_file_of_only_zero_width_characters_warns_and_has_no_paragraphs(tmp_path: Path, content: str) -> None:
    folder = folder_with(tmp_path, {"kosong.txt": content, "b.txt": ARTICLE})
    with pytest.warns(EmptyArticleWarning, match="kosong.txt"):
        corpus = vnpartners.load_folder(folder)
    assert corpus.articles.set_index("article_id").loc["kosong", "n_paragraphs"] == 0
    assert not (corpus.paragraphs["article_id"] == "kosong").any()


def test_zero_width_lines_between_paragraphs_are_not_paragraphs(tmp_path: Path) -> None:
    text = "Judul Berita Tentang Vietnam\n\u200b\n" + ARTICLE + "\u200c\u200d\n"
    corpus = vnpartners.load_folder(folder_with(tmp_path, {"a.txt": text}))
    assert corpus.paragraphs["text"].tolist() == ["Judul Berita Tentang Vietnam", ARTICLE.strip()]


def test_the_invisible_characters_are_format_characters() -> None:
    import unicodedata

    assert all(unicodedata.category(ch) == "Cf" for ch in INVISIBLE)
    for ch in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\xad\u202a\u2066":
        assert ch in INVISIBLE


# ------------------------------------------------------------------ the folder


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_folder_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    folder_with(tmp_path, {})
    (tmp_path / "stray.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the current folder holds an article: "" must not load it
    with pytest.raises(CorpusError, match="No folder given"):
        vnpartners.load_folder(name)
    with pytest.raises(CorpusError, match="No folder given"):
        vnpartners.load_seeds(name)
    assert len(vnpartners.load_folder(".").articles) == 1  # the current folder, said plainly, still loads


def _entry(kind: str, folder: Path, outside: Path) -> str:
    """Make one odd entry in ``folder``; return its name."""
    if kind == "link outside":
        (outside / "secret.txt").write_text("Rahasia: Vietnam dan Rusia.\n", encoding="utf-8")
        os.symlink(outside / "secret.txt", folder / "secret.txt")
        return "secret.txt"
    if kind == "dangling link":
        os.symlink(folder / "gone.txt", folder / "missing.txt")
        return "missing.txt"
    if kind == "looping link":
        os.symlink(folder / "loop_b.txt", folder / "loop_a.txt")
        os.symlink(folder / "loop_a.txt", folder / "loop_b.txt")
        return "loop_a.txt"
    if kind == "fifo":
        os.mkfifo(folder / "pipe.txt")
        return "pipe.txt"
    if kind == "folder":
        (folder / "x.txt").mkdir()
        return "x.txt"
    if kind == "hidden AppleDouble":
        (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02")
        return "._a.txt"
    if kind == "hidden file":
        (folder / ".draft.txt").write_text(ARTICLE, encoding="utf-8")
        return ".draft.txt"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("link outside", "link(s) to files outside the folder, refused"),
        ("dangling link", "link(s) to a file that does not exist"),
        ("looping link", "link(s) that loop"),
        ("fifo", "not regular files (pipes, sockets or devices)"),
        ("folder", "folder(s) named like articles"),
        ("hidden AppleDouble", "hidden file(s)"),
        ("hidden file", "hidden file(s)"),
    ],
)
def test_odd_entries_are_skipped_with_a_warning_naming_them(tmp_path: Path, kind: str, reason: str) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    name = _entry(kind, folder, outside)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = vnpartners.load_folder(folder)  # a FIFO would block a read for ever
    skipped = [str(w.message) for w in caught if issubclass(w.category, SkippedFileWarning)]
    assert len(skipped) == 1, [str(w.message) for w in caught]
    assert reason in skipped[0] and name in skipped[0]
    assert corpus.articles["file"].tolist() == ["a.txt"]


def test_a_link_to_a_file_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, {"a.txt": ARTICLE})
    (folder / "arsip").mkdir()
    (folder / "arsip" / "lama.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(folder / "arsip" / "lama.txt", folder / "b.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedFileWarning)
        corpus = vnpartners.load_folder(folder)
    assert corpus.articles["file"].tolist() == ["a.txt", "b.txt"]


def test_a_folder_of_only_odd_entries_says_it_holds_no_txt_files(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "x.txt").mkdir()
    with pytest.warns(SkippedFileWarning), pytest.raises(CorpusError, match="holds no .txt files"):
        vnpartners.load_folder(folder)
