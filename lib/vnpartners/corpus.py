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
import multiprocessing
import os
import stat
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import CorpusError
from .facts import extract as facts
from .facts.mentions import extract_mentions_by_sentence
from .paths import seeds_dir
from .reference.corrections import apply_corrections
from .schema import SCHEMAS, conform, empty_frame
from .text.manifest import read_manifest
from .text.metadata import meta_from_columns
from .text.paragraphs import FACT_KINDS, paragraph_columns
from .text.reading import ArticleText, EmptyArticleWarning, read_article
from .text.sentences import append_article_sentences

__all__ = [
    "ArticleFolder", "Corpus", "SkippedFileWarning", "check_folder", "combine", "fact_sentences", "load_folder",
    "load_seeds", "read_folder", "tables_of",
]

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


class SkippedFileWarning(UserWarning):
    """A file or entry of the folder that looks like an article is not loaded: hidden, a folder, a
    pipe or device, a link to nothing, a link that loops, or a link to a file outside the folder."""


# why an entry named *.txt is not loaded, and what to do about it (one warning per reason)
_SKIP_REASONS = {
    "hidden": ("hidden file(s) (the name starts with '.', such as the '._' copies macOS leaves)",
               "rename a file without the leading '.' if it is an article"),
    "folder": ("folder(s) named like articles", "an article is a .txt file; put its text in a file"),
    "special": ("entry(ies) that are not regular files (pipes, sockets or devices)",
                "copy the text into a regular .txt file"),
    "dangling": ("link(s) to a file that does not exist", "fix or remove the links"),
    "loop": ("link(s) that loop (a link that leads back to itself)", "fix or remove the links"),
    "outside": ("link(s) to files outside the folder, refused: the kit reads only files inside the folder it loads",
                "copy those files into the folder instead of linking them"),
}


def _txt_files(folder: Path) -> list[Path]:
    """The folder's article files (``*.txt``), in name order; entries named like articles that are not
    loaded are skipped with one :class:`SkippedFileWarning` per reason."""
    if not folder.exists():
        raise CorpusError(
            f"The folder {folder} does not exist. Pass the folder that holds your .txt articles "
            "(or call vnpartners.load_seeds() with no argument for the kit's own seeds)."
        )
    if not folder.is_dir():
        raise CorpusError(f"{folder} is a file, not a folder. Pass the folder that holds your .txt articles.")
    try:
        names = sorted(os.listdir(folder))
    except PermissionError:
        raise CorpusError(
            f"Cannot list the folder {folder} (permission denied). Give your user read permission "
            "(e.g. `chmod u+rx` on the folder), or choose another folder."
        ) from None
    except OSError as exc:
        raise CorpusError(f"Cannot list the folder {folder} ({exc.strerror or exc}). Choose another folder.") from None
    files: list[Path] = []
    skipped: dict[str, list[str]] = {}
    for name in names:
        if not (name.lower().endswith(".txt") and len(name) > len(".txt")):
            continue
        why = _skip_reason(folder, name)
        if why is None:
            files.append(folder / name)
        else:
            skipped.setdefault(why, []).append(name)
    for why, skipped_names in skipped.items():
        what, advice = _SKIP_REASONS[why]
        shown = ", ".join(skipped_names[:5]) + (f" and {len(skipped_names) - 5} more" if len(skipped_names) > 5 else "")
        warnings.warn(
            f"{folder}: skipped {len(skipped_names)} {what}: {shown}. To load them, {advice}.",
            SkippedFileWarning,
            stacklevel=4,
        )
    if not files:
        raise CorpusError(
            f"The folder {folder} holds no .txt files. Put one UTF-8 text file per article in it "
            "(name.txt; an optional manifest.csv may describe them), or choose another folder."
        )
    return files


def _skip_reason(folder: Path, name: str) -> str | None:
    """Why ``folder/name`` is not loaded as an article (a key of ``_SKIP_REASONS``), or None to load it."""
    if name.startswith("."):
        return "hidden"
    path = folder / name
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except FileNotFoundError:
            return "dangling"
        except (RuntimeError, OSError):  # Python 3.11 says RuntimeError for a loop, later versions OSError
            return "loop"
        if not target.is_relative_to(folder):
            return "outside"
    try:
        mode = path.stat().st_mode
    except OSError:
        return "dangling"
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        return "special"
    return None


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


#: below this many bytes of text, ``jobs=None`` loads in this process: starting workers would cost more
#: than they save (measured in bench/, "scale": on 2 cores, 2 jobs lose at 0.4 MB, gain about 1.3x at
#: 1.3 MB and 1.7x at 3.7 MB)
PARALLEL_FROM_BYTES = 1_500_000


def load_folder(folder: Path | str, jobs: int | None = None) -> Corpus:
    """Load every ``*.txt`` article of ``folder`` (and its optional ``manifest.csv``) into a :class:`Corpus`.

    ``jobs``: how many processes share the articles (each takes a run of files in name order; the
    tables are identical to ``jobs=1``: same rows, ids and order). ``None`` (the default) loads in
    this process for a small folder and uses every core this process may use above
    :data:`PARALLEL_FROM_BYTES` of text.

    Raises :class:`CorpusError` (naming the folder or file and saying what to do) when the folder name
    is empty, the folder is missing, unreadable or has no ``.txt`` files, a file is unreadable, binary
    or not UTF-8, or the manifest is wrong. Empty files only warn and load with no paragraphs. Hidden
    files (``.name.txt``), folders and pipes named ``*.txt``, broken or looping links and links to
    files outside the folder are skipped with a :class:`SkippedFileWarning` saying which and why.
    """
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ValueError(f"jobs must be a whole number of processes, 1 or more (or None), got {jobs!r}")
    with _cycle_collection_paused():
        articles = read_folder(folder)
        n = _workers(jobs, articles)
        if n == 1:
            parts = [tables_of(articles.texts, articles.manifest)]
        else:
            parts = _tables_in_processes(articles, n)
        return combine(parts, articles.path)


def _folder_path(folder: Path | str) -> Path:
    """The folder as a resolved path; an empty name is refused (``Path("")`` would mean the current folder)."""
    if isinstance(folder, str) and not folder.strip():
        raise CorpusError(
            "No folder given (the folder name is empty). Pass the folder that holds your .txt articles "
            "('.' for the current folder), or call vnpartners.load_seeds() for the kit's own seeds."
        )
    return Path(folder).expanduser().resolve()


def check_folder(folder: Path | str) -> list[Path]:
    """Check a folder of articles as :func:`load_folder` does before it builds any table, and return
    its article files: every file read and decoded, the manifest checked; nothing is parsed.

    Raises the :class:`CorpusError` that :func:`load_folder` would raise for a bad folder, file or
    manifest, in a fraction of a load's time (the report command checks ``--articles`` with it).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptyArticleWarning)  # an empty article loads (and warns then)
        return [text.path for text in read_folder(folder).texts]


@dataclass(frozen=True)
class ArticleFolder:
    """A folder's articles, read and checked: ``path``, ``texts`` (one :class:`ArticleText` per file,
    in file-name order) and ``manifest`` (file name -> its manifest row, empty without a manifest)."""

    path: Path
    texts: list[ArticleText]
    manifest: dict[str, dict]

    def chunks(self, n: int) -> list[list[ArticleText]]:
        """The texts in ``n`` runs of files of about equal size, in file-name order (for parallel loads)."""
        n = max(1, min(n, len(self.texts)))
        total = sum(len(t.text) for t in self.texts) or 1
        out: list[list[ArticleText]] = [[] for _ in range(n)]
        done = 0
        for t in self.texts:
            k = min(n - 1, done * n // total)
            out[k].append(t)
            done += len(t.text)
        return [chunk for chunk in out if chunk]


def read_folder(folder: Path | str) -> ArticleFolder:
    """Every ``*.txt`` file of ``folder`` read, decoded and checked, with its manifest row, before any
    table is built (so a bad file raises :class:`CorpusError` and nothing is half-loaded)."""
    path = _folder_path(folder)
    files = _txt_files(path)
    manifest = read_manifest(path, [p.name for p in files])
    texts = [read_article(p) for p in files]
    by_file = {} if manifest is None else {r["file"]: r for r in manifest.to_dict("records")}
    return ArticleFolder(path, texts, by_file)


def tables_of(texts: list[ArticleText], manifest: dict[str, dict] | None = None) -> dict[str, pd.DataFrame]:
    """The seven tables of some articles (``texts``, from :func:`read_folder`), conformed.

    Each article's rows depend on that article alone, so the tables of runs of files, concatenated in
    file order (:func:`combine`), are the tables of the whole folder: the step behind ``jobs=N`` and
    the Dask recipe in the README.
    """
    with _cycle_collection_paused():
        return _tables_of(texts, manifest or {})


def _tables_of(texts: list[ArticleText], by_file: dict[str, dict]) -> dict[str, pd.DataFrame]:
    # every article's rows go into plain lists; each table is built once, column-wise
    para_cols: dict[str, list] = {c: [] for c in SCHEMAS["paragraphs"]}
    sent_cols: dict[str, list] = {c: [] for c in SCHEMAS["sentences"]}
    rows: list[dict] = []
    for art in texts:
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
    # translation slips the kit's curated table corrects (data/corrections.csv): the facts follow them
    mention_rows = apply_corrections(articles, facts_in, mention_rows, by_sentence)
    mentions = conform(mention_rows, "mentions", sort=False)
    found = facts.extract_facts(articles, facts_in, mentions, by_sentence)
    return {"articles": articles, "paragraphs": paragraphs, "sentences": sentences, "mentions": mentions, **found}


def combine(parts: list[dict[str, pd.DataFrame]], folder: Path | str) -> Corpus:
    """One :class:`Corpus` from the tables of runs of files (:func:`tables_of`), in any order."""
    parts = [p for p in parts if len(p["articles"])]
    # runs of files in article_id order (each one's ids all before the next one's) need no re-sorting
    firsts = [p["articles"]["article_id"].iloc[0] for p in parts]
    lasts = [p["articles"]["article_id"].iloc[-1] for p in parts]
    in_order = all(a < b for a, b in zip(lasts, firsts[1:]))
    tables: dict[str, pd.DataFrame] = {}
    for name in _TABLES:
        frames = [p[name] for p in parts]
        if not frames:
            tables[name] = empty_frame(name)
        elif len(frames) == 1:
            tables[name] = frames[0]
        else:
            tables[name] = conform(pd.concat(frames, ignore_index=True), name, sort=not in_order)
    return Corpus(**tables, folder=Path(folder))


def _workers(jobs: int | None, articles: ArticleFolder) -> int:
    """How many processes a load uses (see :func:`load_folder`)."""
    if jobs is None:
        size = sum(len(t.text) for t in articles.texts)
        jobs = 1 if size < PARALLEL_FROM_BYTES else _usable_cores()
    return max(1, min(jobs, len(articles.texts)))


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: runs of files per process in a large folder: smaller runs even out the work when some articles hold
#: more facts (bench/NOTES.md: 2 processes, 122 MB, 23.5–27.9 s against 28.9–31.2 s with one run each),
#: but a run under ``_MIN_RUN_BYTES`` costs more to send than it evens out (one run each, then)
_RUNS_PER_PROCESS = 4
_MIN_RUN_BYTES = 4_000_000


def _tables_in_processes(articles: ArticleFolder, n: int) -> list[dict[str, pd.DataFrame]]:
    """:func:`tables_of` of runs of files shared by ``n`` processes (forked where the system can, so
    the workers start with the kit already imported), in file order."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = sum(len(t.text) for t in articles.texts)
    runs = max(1, min(_RUNS_PER_PROCESS, size // (n * _MIN_RUN_BYTES)))
    chunks = articles.chunks(n * runs)
    with ProcessPoolExecutor(max_workers=min(n, len(chunks)), mp_context=context) as pool:
        return list(pool.map(tables_of, chunks, [articles.manifest] * len(chunks)))


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


def load_seeds(folder: Path | str | None = None, jobs: int | None = None) -> Corpus:
    """Load the kit's seed articles (``paths.seeds_dir()``, honouring ``VNPARTNERS_SEEDS``) or ``folder``."""
    return load_folder(seeds_dir() if folder is None else folder, jobs=jobs)
