"""Reading one file: hashes, strict UTF-8, BOM, CRLF kept, and every error case."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

import vnpartners
from vnpartners.errors import CorpusError
from vnpartners.text.reading import EmptyArticleWarning, decode_article, read_article


def test_sha256_is_of_the_bytes_and_bom_is_dropped(tmp_path: Path) -> None:
    raw = "\ufeffVietnam dan Rusia.\r\nBaris kedua.\r\n".encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    art = read_article(path)
    assert art.sha256 == hashlib.sha256(raw).hexdigest()
    assert art.text == "Vietnam dan Rusia.\r\nBaris kedua.\r\n"  # BOM gone, CRLF kept
    assert art.name == "a.txt"


def test_non_utf8_names_file_offset_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Kerja sama ekonomi ".encode() + "café".encode("cp1252"))
    with pytest.raises(CorpusError) as info:
        read_article(path)
    message = str(info.value)
    assert "latin.txt" in message
    assert "byte offset 22" in message
    assert "iconv -f cp1252 -t utf-8" in message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 9)) * 50])
def test_binary_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=r"picture\.txt.*binary"):
        read_article(path)


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file_warns(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.txt"
    path.write_bytes(content)
    with pytest.warns(EmptyArticleWarning, match="kosong.txt"):
        art = read_article(path)
    assert art.text.strip() == ""


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Vietnam.", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(CorpusError, match=r"secret\.txt.*permission"):
            read_article(path)
    finally:
        path.chmod(0o644)


def test_unreadable_path_is_a_corpus_error(tmp_path: Path) -> None:
    # a file that vanished between listing and reading (any OSError) is reported by name, whoever runs the test
    with pytest.raises(CorpusError, match=r"odd\.txt"):
        read_article(tmp_path / "odd.txt")


def test_decode_keeps_lone_cr_and_crlf() -> None:
    assert decode_article(b"a\rb\r\nc", "x.txt") == "a\rb\r\nc"


def test_public_names() -> None:
    assert vnpartners.CorpusError is CorpusError


def test_utf16_file_gets_a_conversion_hint(tmp_path) -> None:
    import pytest

    from vnpartners import load_folder
    from vnpartners.errors import CorpusError

    (tmp_path / "utf16.txt").write_bytes("Vietnam dan Rusia menjalin Kemitraan Strategis.\n".encode("utf-16"))
    with pytest.raises(CorpusError, match=r"utf16\.txt: this file is UTF-16 text.*iconv -f utf-16 -t utf-8"):
        load_folder(tmp_path)
