"""Load a folder of Indonesian-language news articles (``*.txt``) into the kit's tables.

>>> import vnpartners
>>> corpus = vnpartners.load_seeds()            # doctest: +SKIP
>>> corpus.paragraphs.query("kind == 'title'")  # doctest: +SKIP

Every file is read and checked before any table is built, so a bad file raises
:class:`~vnpartners.errors.CorpusError` and nothing is half-loaded. Files are taken in name order;
``article_id`` is the file name without ``.txt``. The same folder always gives equal tables.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .facts import extract as facts
from .errors import CorpusError
from .text.manifest import read_manifest
from .facts.mentions import extract_mentions_by_sentence
from .text.metadata import meta_from_columns
from .text.paragraphs import FACT_KINDS, paragraph_columns
from .paths import seeds_dir
from .schema import SCHEMAS, conform, empty_frame
from .text.sentences import append_article_sentences
from .text.reading import ArticleText, read_article

__all__ = ["Corpus", "load_folder", "load_seeds", "fact_sentences"]

_TABLES = ("articles", "paragraphs", "sentences", "mentions", "partnerships", "events", "figures")


@dataclass(frozen=True)
class Corpus:
    """Every table of one folder of articles (columns and their meanings: :mod:`vnpartners.schema`).

    - ``articles``: one row per file (title, outlet, url, published date and how it is known, sha256, sizes);
    - ``paragraphs``: one row per paragraph with its ``kind`` and ``is_duplicate`` flag;
    - ``sentences``: one row per sentence of every paragraph;
    - ``mentions``: countries named in fact-bearing sentences (title/body/caption, not duplicate);
    - ``partnerships``, ``events``, ``figures``: facts with their evidence sentence;
    - ``folder``: where the articles were read from.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    partnerships: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame
    folder: Path

    def __repr__(self) -> str:
        # the folder's name only, so the repr is the same on every machine (notebook outputs compare)
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in _TABLES)
        return f"Corpus(folder={self.folder.name!r}, {counts})"

    def article_text(self, article_id: str) -> str:
        """The article's decoded text, exactly as the offsets index it (``text[start:end]``)."""
        match = self.articles.loc[self.articles["article_id"] == article_id, "file"]
        if match.empty:
            known = ", ".join(self.articles["article_id"].head(5))
            raise KeyError(f"No article {article_id!r} in this corpus (articles: {known} ...).")
        return read_article(self.folder / str(match.iloc[0])).text

    def sentence(self, sentence_id: str) -> str:
        """The text of one sentence, by its ``sentence_id`` (``"article:para:sent"``)."""
        match = self.sentences.loc[self.sentences["sentence_id"] == sentence_id, "text"]
        if match.empty:
            raise KeyError(f"No sentence {sentence_id!r} in this corpus.")
        return str(match.iloc[0])


def _txt_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise CorpusError(
            f"The folder {folder} does not exist. Pass the folder that holds your .txt articles "
            "(or call vnpartners.load_seeds() with no argument for the kit's own seeds)."
        )
    if not folder.is_dir():
        raise CorpusError(f"{folder} is a file, not a folder. Pass the folder that holds your .txt articles.")
    files = sorted((p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()), key=lambda p: p.name)
    if not files:
        raise CorpusError(
            f"The folder {folder} holds no .txt files. Put one UTF-8 text file per article in it "
            "(name.txt; an optional manifest.csv may describe them), or choose another folder."
        )
    return files


def fact_sentences(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences of fact-bearing paragraphs (kind title/body/caption, not a duplicate), plus their ``kind``."""
    keep = paragraphs.loc[paragraphs["kind"].isin(FACT_KINDS) & ~paragraphs["is_duplicate"], ["article_id", "para_no", "kind"]]
    out = sentences.merge(keep, on=["article_id", "para_no"], how="inner", sort=False)
    out = out.sort_values(["article_id", "para_no", "sent_no"], kind="mergesort").reset_index(drop=True)
    return out


def _article_row(
    art: ArticleText, kinds: list[str], texts: list[str], n_sentences: int, manifest_row: dict | None
) -> dict:
    meta = meta_from_columns(kinds, texts)
    m = manifest_row or {}

    def pick(column: str, from_text: object) -> object:
        value = m.get(column)
        return value if value is not None and not (isinstance(value, float) and pd.isna(value)) else from_text

    published = m.get("published")
    if published is not None and not pd.isna(published):
        precision, source = m.get("published_precision"), "manifest"
    elif meta.published is not None:
        published, precision, source = meta.published, "day", "text"
    else:
        published, precision, source = pd.NaT, None, None
    return {
        "article_id": art.name[: -len(".txt")] if art.name.lower().endswith(".txt") else art.name,
        "file": art.name,
        "title": pick("title", meta.title),
        "outlet": pick("outlet", meta.outlet),
        "url": pick("url", meta.url),
        "published": published,
        "published_precision": precision,
        "published_source": source,
        "language": pick("language", None) or "id",
        "sha256": art.sha256,
        "n_chars": len(art.text),
        "n_paragraphs": len(texts),
        "n_sentences": n_sentences,
    }


def load_folder(folder: Path | str) -> Corpus:
    """Load every ``*.txt`` article of ``folder`` (and its optional ``manifest.csv``) into a :class:`Corpus`.

    Raises :class:`CorpusError` (naming the folder or file and saying what to do) when the folder is
    missing or has no ``.txt`` files, a file is unreadable, binary or not UTF-8, or the manifest is
    wrong. Empty files only warn and load with no paragraphs.
    """
    with _cycle_collection_paused():
        return _load_folder(Path(folder))


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of a load (restored afterwards).

    A load builds millions of small objects (tuples, lists, rows) and none of them in a reference
    cycle: they are freed by reference counting as usual. The cycle collector, though, keeps
    walking all of them as they pile up, and its full passes grow with the heap: about a fifth of
    a large load's time, for nothing collected (measured in bench/NOTES.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_folder(folder: Path) -> Corpus:
    folder = folder.expanduser().resolve()
    files = _txt_files(folder)
    manifest = read_manifest(folder, [p.name for p in files])
    texts = [read_article(p) for p in files]  # every file checked before any table is built
    by_file = {} if manifest is None else {r["file"]: r for r in manifest.to_dict("records")}

    # every article's rows go into plain lists; each table is built once, column-wise
    para_cols: dict[str, list] = {c: [] for c in SCHEMAS["paragraphs"]}
    sent_cols: dict[str, list] = {c: [] for c in SCHEMAS["sentences"]}
    rows: list[dict] = []
    for i, art in enumerate(texts):
        texts[i] = None  # type: ignore[call-overload]  # the article's text is not kept past its rows (peak memory)
        article_id = art.name[: -len(".txt")]
        pars, kinds, dup, starts, ends = paragraph_columns(art.text)
        n = len(pars)
        para_cols["article_id"] += [article_id] * n
        para_cols["para_no"] += range(n)
        para_cols["kind"] += kinds
        para_cols["is_duplicate"] += dup
        para_cols["text"] += pars
        para_cols["start"] += starts
        para_cols["end"] += ends
        n_sentences = append_article_sentences(sent_cols, article_id, art.text, pars, starts, ends)
        rows.append(_article_row(art, kinds, pars, n_sentences, by_file.get(art.name)))

    # rows come in file-name order; when that is also article_id order (every id greater than the one
    # before), each table is already in its sorted order and conform need not sort it
    ids = [row["article_id"] for row in rows]
    in_order = all(a < b for a, b in zip(ids, ids[1:]))
    articles = conform(
        pd.DataFrame.from_records(rows, columns=list(SCHEMAS["articles"])), "articles", sort=not in_order
    )
    paragraphs = conform(_frame(para_cols, "paragraphs"), "paragraphs", sort=not in_order)
    sentences = conform(_frame(sent_cols, "sentences"), "sentences", sort=not in_order)
    facts_in = fact_sentences(paragraphs, sentences)
    # extract_mentions keeps the order of facts_in (sorted by article, paragraph, sentence) and each
    # sentence's mentions in text order: already the mentions table's order, so no re-sort
    mention_rows, by_sentence = extract_mentions_by_sentence(facts_in)
    mentions = conform(mention_rows, "mentions", sort=False)
    found = facts.extract_facts(articles, facts_in, mentions, by_sentence)
    return Corpus(
        articles=articles,
        paragraphs=paragraphs,
        sentences=sentences,
        mentions=mentions,
        # extract_facts hands back conformed tables (each extractor ends with schema.conform): sorting
        # them a second time here cost as much as building them
        partnerships=found["partnerships"],
        events=found["events"],
        figures=found["figures"],
        folder=folder,
    )


def _frame(columns: dict[str, list], table: str) -> pd.DataFrame:
    """The table from its columns (plain lists); number columns become arrays of the schema's type
    at once (what pandas would infer from the lists, without looking at every value)."""
    if not columns["article_id"]:
        return empty_frame(table)
    schema = SCHEMAS[table]
    return pd.DataFrame(
        {
            column: np.array(values, dtype=schema[column]) if schema[column] in ("int64", "bool") else values
            for column, values in columns.items()
        }
    )


def load_seeds(folder: Path | str | None = None) -> Corpus:
    """Load the kit's seed articles (``paths.seeds_dir()``, honouring ``VNPARTNERS_SEEDS``) or ``folder``."""
    return load_folder(seeds_dir() if folder is None else folder)
