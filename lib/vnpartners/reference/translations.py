"""English beside Indonesian: the kit's own translations of the five seed articles.

``data/seed_translations.csv`` holds an English translation, written for the kit, of every
paragraph of the seeds that carries text (kinds ``title``, ``body``, ``caption``; a paragraph
printed twice is translated once, at its first copy). Rows are keyed by ``article_id`` and
``para_no`` as :func:`vnpartners.load_seeds` numbers the paragraphs; ``indonesian_sha256`` (the
first 12 hex digits of the SHA-256 of the paragraph's UTF-8 text) says which text was translated.

The English is written sentence by sentence: it splits, by the kit's own sentence rule, into as
many sentences as the Indonesian paragraph, in the same order, so :func:`english_for_sentence`
can put the English of one evidence sentence under it.

An article a user adds has no translation: a lookup whose Indonesian text differs from the
translated one (another article with the same name, an edited copy) returns ``None``, never the
English of some other text.

>>> from vnpartners.reference import english_for
>>> english_for("001_5fd84808cc78ee1b", 3)  # doctest: +ELLIPSIS
'On 10 May, at the Kremlin, General Secretary To Lam held talks with Russian President Vladimir Putin. ...'
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd

from ..paths import cached_per_data_folder, data_file

__all__ = ["seed_translations", "english_for", "english_for_sentence", "text_hash", "TRANSLATION_NOTE"]

#: the ``translated_by`` value of every row: who wrote the English
TRANSLATION_NOTE = "translation written for the kit"
_COLUMNS = ["article_id", "para_no", "kind", "indonesian_sha256", "indonesian_start", "english", "translated_by", "note"]


def text_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``text`` (UTF-8): the key's check on the Indonesian."""
    return hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:12]


@cached_per_data_folder
def _translations() -> pd.DataFrame:
    path = data_file("seed_translations.csv")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    missing = [c for c in _COLUMNS if c not in df.columns]
    if missing:
        from ..errors import DataFileMissing

        raise DataFileMissing(f"{path} lacks the columns {missing}; restore it with `git checkout data/seed_translations.csv`.")
    df["para_no"] = df["para_no"].astype("int64")
    return df[_COLUMNS].sort_values(["article_id", "para_no"], kind="stable").reset_index(drop=True)


@cached_per_data_folder
def _by_key() -> dict[tuple[str, int], tuple[str, str]]:
    t = _translations()
    return {(a, int(p)): (h, e) for a, p, h, e in zip(t["article_id"], t["para_no"], t["indonesian_sha256"], t["english"])}


def seed_translations() -> pd.DataFrame:
    """The English translation of every text paragraph of the seeds, one row per paragraph.

    Columns:
        article_id, para_no: the paragraph, as ``load_seeds().paragraphs`` numbers it.
        kind: ``title``, ``body`` or ``caption``.
        indonesian_sha256: first 12 hex digits of the SHA-256 of the Indonesian paragraph (UTF-8).
        indonesian_start: the first six words of the Indonesian, for a reader checking the key.
        english: the translation, one English sentence for each Indonesian sentence.
        translated_by: always ``"translation written for the kit"`` (no machine translation, no
            outlet's own English edition).
        note: the translator's note where the Indonesian is odd (a misprint, a tense), else NA.
    """
    return _translations().copy()


def english_for(article_id: str, para_no: int, indonesian: str | None = None) -> str | None:
    """The kit's English for one seed paragraph, or ``None`` where there is none.

    ``indonesian``, when given, must be the paragraph's text: if it is not the text that was
    translated (a user's own article under a seed's name, an edited copy), the answer is ``None``.
    """
    hit = _by_key().get((str(article_id), int(para_no)))
    if hit is None:
        return None
    digest, english = hit
    if indonesian is not None and text_hash(indonesian) != digest:
        return None
    return english


def english_for_sentence(corpus: Any, sentence_id: str) -> str | None:
    """The kit's English for one sentence of a corpus (``"{article_id}:{para_no}:{sent_no}"``).

    Looks the paragraph up in ``corpus.paragraphs`` and checks its text against the translated one,
    so an article a user adds gets ``None`` (Indonesian alone). The English paragraph is cut with
    the kit's sentence rule; when it has as many sentences as the Indonesian paragraph, the
    sentence's own English is returned, else the whole paragraph's English.
    """
    from ..text.sentences import sentence_spans

    try:
        article_id, para, sent = str(sentence_id).rsplit(":", 2)
        para_no, sent_no = int(para), int(sent)
    except ValueError:
        return None
    paragraphs = corpus.paragraphs
    row = paragraphs.loc[(paragraphs["article_id"] == article_id) & (paragraphs["para_no"] == para_no), "text"]
    if row.empty:
        return None
    english = english_for(article_id, para_no, str(row.iloc[0]))
    if english is None:
        return None
    sentences = corpus.sentences
    n_indonesian = int(((sentences["article_id"] == article_id) & (sentences["para_no"] == para_no)).sum())
    spans = sentence_spans(english)
    if len(spans) == n_indonesian and 0 <= sent_no < len(spans):
        a, b = spans[sent_no]
        return english[a:b]
    return english
