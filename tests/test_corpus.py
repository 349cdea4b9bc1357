"""The loader: folder errors, manifest, nothing half-loaded, offsets, determinism, an unseen article."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import vnpartners
from vnpartners.errors import CorpusError
from vnpartners.schema import SCHEMAS
from vnpartners.text.reading import EmptyArticleWarning

KIT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "loader"
BODY = "Vietnam dan Jepang sepakat memperkuat kerja sama ekonomi pada tahun ini.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"does not exist"):
        vnpartners.load_folder(tmp_path / "nope")


def test_folder_without_txt(tmp_path: Path) -> None:
    write(tmp_path, "notes.md", "Vietnam")
    with pytest.raises(CorpusError) as info:
        vnpartners.load_folder(tmp_path)
    assert str(tmp_path) in str(info.value) and "no .txt files" in str(info.value)


def test_non_utf8_file_stops_the_load(tmp_path: Path) -> None:
    write(tmp_path, "a_good.txt", BODY)
    write(tmp_path, "b_bad.txt", "Kerja sama ".encode() + "Perancis – café".encode("cp1252"))
    with pytest.raises(CorpusError, match=r"b_bad\.txt.*UTF-8"):
        vnpartners.load_folder(tmp_path)


def test_binary_file_stops_the_load(tmp_path: Path) -> None:
    write(tmp_path, "a_good.txt", BODY)
    write(tmp_path, "image.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(CorpusError, match=r"image\.txt.*binary"):
        vnpartners.load_folder(tmp_path)


def test_empty_file_warns_and_has_no_paragraphs(tmp_path: Path) -> None:
    write(tmp_path, "a_good.txt", BODY)
    write(tmp_path, "b_empty.txt", "  \n\n")
    with pytest.warns(EmptyArticleWarning, match="b_empty.txt"):
        corpus = vnpartners.load_folder(tmp_path)
    art = corpus.articles.set_index("article_id")
    assert art.loc["b_empty", "n_paragraphs"] == 0
    assert art.loc["b_empty", "n_sentences"] == 0
    assert (corpus.paragraphs["article_id"] == "b_empty").sum() == 0
    assert art.loc["a_good", "n_paragraphs"] == 1


def test_manifest_row_for_missing_file(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "manifest.csv", "file,title,outlet,url,published,published_basis,language\nghost.txt,T,O,,2024,,id\n")
    with pytest.raises(CorpusError, match=r"ghost\.txt"):
        vnpartners.load_folder(tmp_path)


@pytest.mark.parametrize("bad", ["2024/05/01", "May 2024", "2024-13", "2024-02-30"])
def test_manifest_bad_date(tmp_path: Path, bad: str) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "manifest.csv", f"file,published\na.txt,{bad}\n")
    with pytest.raises(CorpusError, match=r"a\.txt.*YYYY-MM-DD"):
        vnpartners.load_folder(tmp_path)


def test_manifest_fills_metadata_and_unlisted_files_still_load(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", "Judul Berita Tentang Laos Hari Ini\n\n" + BODY)
    write(
        tmp_path,
        "manifest.csv",
        "file,title,outlet,url,published,published_basis,language\n"
        "a.txt,Judul A,Antara,https://x.example/a,2024-05,guess,\n",
    )
    art = vnpartners.load_folder(tmp_path).articles.set_index("article_id")
    assert art.loc["a", "title"] == "Judul A"
    assert art.loc["a", "published"] == pd.Timestamp("2024-05-01")
    assert art.loc["a", "published_precision"] == "month"
    assert art.loc["a", "published_source"] == "manifest"
    assert art.loc["a", "language"] == "id"
    assert art.loc["b", "title"] == "Judul Berita Tentang Laos Hari Ini"
    assert pd.isna(art.loc["b", "published"]) and pd.isna(art.loc["b", "published_source"])


def test_tables_follow_the_schema(seeds_corpus) -> None:
    for table, schema in SCHEMAS.items():
        df = getattr(seeds_corpus, table)
        assert list(df.columns) == list(schema), table
        assert isinstance(df.index, pd.RangeIndex) and df.index.start == 0
    assert "articles=5" in repr(seeds_corpus)


def test_offsets_slice_the_file_text(seeds_corpus) -> None:
    from vnpartners.text.reading import read_article

    texts = {a: read_article(KIT / "seeds" / f).text for a, f in zip(seeds_corpus.articles["article_id"], seeds_corpus.articles["file"])}
    for table in ("paragraphs", "sentences", "mentions"):
        df = getattr(seeds_corpus, table)
        column = "surface" if table == "mentions" else "text"
        for art, start, end, text in zip(df["article_id"], df["start"], df["end"], df[column]):
            assert texts[art][start:end] == text, (table, art, start)


def test_same_folder_same_tables(tmp_path: Path) -> None:
    first = vnpartners.load_seeds(KIT / "seeds")
    copy = tmp_path / "seeds"
    shutil.copytree(KIT / "seeds", copy)
    second = vnpartners.load_seeds(copy)
    for table in SCHEMAS:
        pd.testing.assert_frame_equal(getattr(first, table), getattr(second, table))


def test_load_seeds_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write(tmp_path, "only.txt", BODY)
    monkeypatch.setenv("VNPARTNERS_SEEDS", str(tmp_path))
    corpus = vnpartners.load_seeds()
    assert corpus.articles["article_id"].tolist() == ["only"]
    assert corpus.folder == tmp_path.resolve()


def test_unseen_fixture_article() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = vnpartners.load_folder(FIXTURE)
    art = corpus.articles.iloc[0]
    assert art["article_id"] == "article_jepang"
    assert art["title"] == "Jepang dan Vietnam Perkuat Kemitraan Strategis Komprehensif"
    assert art["outlet"] == "Kompas"
    assert art["url"] == "https://www.kompas.com/global/read/2025/03/03/jepang-vietnam"
    assert art["published"] == pd.Timestamp("2025-03-03")
    assert (art["published_precision"], art["published_source"]) == ("day", "text")
    raw = (FIXTURE / "article_jepang.txt").read_bytes()
    text = raw.decode("utf-8")[1:]  # BOM dropped
    assert art["n_chars"] == len(text)
    p = corpus.paragraphs
    assert p["kind"].tolist() == [
        "title", "boilerplate", "body", "body", "boilerplate", "caption", "boilerplate",
        "body", "body", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
    ]
    assert p["is_duplicate"].sum() == 1
    for df, col in ((p, "text"), (corpus.sentences, "text"), (corpus.mentions, "surface")):
        for s, e, t in zip(df["start"], df["end"], df[col]):
            assert text[s:e] == t
    assert set(corpus.mentions["iso3"]) == {"JPN", "VNM", "KOR", "USA"}  # not GBR (bahasa Inggris), not THA/KHM/PHL/MYS
    s = corpus.sentences
    assert (s["para_no"] == 2).sum() == 2 and (s["para_no"] == 3).sum() == 2


def test_nothing_half_loaded_on_error(tmp_path: Path) -> None:
    # the bad file sorts last: the error must still come before any table is returned
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "z.txt", b"\xff\xfe")
    with pytest.raises(CorpusError, match=r"z\.txt"):
        vnpartners.load_folder(tmp_path)
