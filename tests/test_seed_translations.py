"""data/seed_translations.csv: an English translation of every text paragraph of the seeds, still keyed right."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import vnpartners
from vnpartners import reference
from vnpartners.reference.translations import TRANSLATION_NOTE, text_hash
from vnpartners.text.sentences import sentence_spans

KIT = Path(__file__).resolve().parent.parent


def _text_paragraphs(corpus) -> pd.DataFrame:
    p = corpus.paragraphs
    return p[p["kind"].isin(["title", "body", "caption"]) & ~p["is_duplicate"]]


def test_every_text_paragraph_of_the_seeds_has_exactly_one_translation(seeds_corpus) -> None:
    wanted = {(a, int(n)) for a, n in zip(*_text_paragraphs(seeds_corpus)[["article_id", "para_no"]].T.values)}
    t = reference.seed_translations()
    have = list(zip(t["article_id"], t["para_no"].astype(int)))
    assert len(have) == len(set(have)), "a paragraph is translated twice"
    assert wanted - set(have) == set(), "paragraphs without a translation"
    assert set(have) - wanted == set(), "translations of paragraphs that are not text (or no longer exist)"


def test_each_key_still_points_at_the_paragraph_that_was_translated(seeds_corpus) -> None:
    paragraphs = _text_paragraphs(seeds_corpus).set_index(["article_id", "para_no"])
    for _, row in reference.seed_translations().iterrows():
        para = paragraphs.loc[(row["article_id"], int(row["para_no"]))]
        where = f"{row['article_id']} ¶{row['para_no']}"
        assert text_hash(para["text"]) == row["indonesian_sha256"], where
        assert str(para["text"]).startswith(row["indonesian_start"]), where
        assert para["kind"] == row["kind"], where


def test_translations_are_marked_and_complete_sentence_by_sentence(seeds_corpus) -> None:
    s = seeds_corpus.sentences
    counts = s.groupby(["article_id", "para_no"]).size()
    for _, row in reference.seed_translations().iterrows():
        where = f"{row['article_id']} ¶{row['para_no']}"
        assert row["translated_by"] == TRANSLATION_NOTE, where
        english = str(row["english"])
        assert english.strip() and english == english.strip(), where
        # one English sentence for each Indonesian sentence, so evidence sentences get their own English
        assert len(sentence_spans(english)) == counts[(row["article_id"], row["para_no"])], where


def test_years_and_amounts_survive_translation(seeds_corpus) -> None:
    """A year or an amount in the Indonesian is in the English of the same paragraph (and none is invented)."""
    paragraphs = _text_paragraphs(seeds_corpus).set_index(["article_id", "para_no"])["text"]
    years = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?!\d|[.,]\d)")
    for _, row in reference.seed_translations().iterrows():
        indonesian = str(paragraphs[(row["article_id"], int(row["para_no"]))])
        english = str(row["english"])
        assert sorted(years.findall(indonesian)) == sorted(years.findall(english)), (row["article_id"], row["para_no"])
        for amount in re.findall(r"\d+,\d+", indonesian):  # "3,63 miliar" is "3.63 billion"
            assert amount.replace(",", ".") in english, (row["article_id"], row["para_no"], amount)


def test_english_for_a_sentence_is_that_sentence(seeds_corpus) -> None:
    english = reference.english_for_sentence(seeds_corpus, "000_5616eb5da7465606:54:2")
    assert english is not None and english.startswith("By October 2024") and "117.8 thousand" in english
    assert reference.english_for_sentence(seeds_corpus, "000_5616eb5da7465606:0:0") is None  # boilerplate
    assert reference.english_for_sentence(seeds_corpus, "not-a-sentence") is None


def test_an_article_a_user_adds_or_edits_gets_no_english(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    seed = vnpartners.seeds_dir() / "001_5fd84808cc78ee1b.txt"
    text = seed.read_text(encoding="utf-8")
    (folder / seed.name).write_text(text.replace("Pada 10 Mei", "Pada 12 Mei"), encoding="utf-8")
    shutil.copy(vnpartners.seeds_dir() / "003_829b5d904503e740.txt", folder)
    corpus = vnpartners.load_folder(folder)
    assert reference.english_for_sentence(corpus, "001_5fd84808cc78ee1b:3:0") is None  # edited: same name, other text
    assert reference.english_for_sentence(corpus, "001_5fd84808cc78ee1b:1:0") is not None  # untouched paragraph
    assert reference.english_for_sentence(corpus, "003_829b5d904503e740:7:0") is not None  # an unchanged copy
    assert reference.english_for("001_5fd84808cc78ee1b", 3, "Pada 12 Mei, di Kremlin") is None


def test_a_missing_translation_table_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (KIT / "data").glob("*.csv"):
        if name.name != "seed_translations.csv":
            shutil.copy(name, tmp_path)
    monkeypatch.setenv("VNPARTNERS_DATA", str(tmp_path))
    with pytest.raises(vnpartners.DataFileMissing, match="seed_translations.csv"):
        reference.seed_translations()


def test_lessons_show_the_english_under_a_seed_sentence(seeds_corpus, tmp_path: Path) -> None:
    row = seeds_corpus.figures.query("metric == 'trade_turnover'").iloc[0]
    view = vnpartners.show_fact(row, seeds_corpus)
    assert view.english == reference.english_for_sentence(seeds_corpus, row["sentence_id"])
    assert "3.63 billion USD" in str(view) and "the kit's translation" in view._repr_html_()
    assert vnpartners.show_fact(row).english is None  # without the corpus the text cannot be checked
    # the same article edited by a user: Indonesian alone
    folder = tmp_path / "mine"
    folder.mkdir()
    source = vnpartners.seeds_dir() / f"{row['article_id']}.txt"
    (folder / source.name).write_text(source.read_text(encoding="utf-8").replace("3,63 miliar", "3,64 miliar"),
                                      encoding="utf-8")
    mine = vnpartners.load_folder(folder)
    edited = mine.figures.query("metric == 'trade_turnover'").iloc[0]
    assert vnpartners.show_fact(edited, mine).english is None
