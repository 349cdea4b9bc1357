"""Curated corrections of translation slips: a country a sentence names by mistake, and the one it means.

Some Indonesian articles are machine or hurried translations of Vietnamese ones. Where a sentence names
the wrong country ("setelah pembebasan penuh Korea Utara", July 1955, which in the Vietnamese original
is the full liberation of northern Vietnam), ``data/corrections.csv`` records it, with why and its
source. The loader applies each row to the article with that exact text (by its SHA-256): the country
mention, and every fact read from that sentence, follow the correction; the text itself is never changed.

Columns of :func:`corrections`: ``article_sha256``, ``file`` (for readers), ``sentence_contains`` (the
words that pick the sentence), ``surface`` (the country name as written), ``iso3`` (the country meant),
``note`` and ``source``.
"""

from __future__ import annotations

import pandas as pd

from ..paths import cached_per_data_folder, data_file
from .countries import country_name

__all__ = ["CORRECTIONS_FILE", "apply_corrections", "corrections"]

CORRECTIONS_FILE = "corrections.csv"
_COLUMNS = ["article_sha256", "file", "sentence_contains", "surface", "iso3", "note", "source"]


@cached_per_data_folder
def _corrections() -> pd.DataFrame:
    df = pd.read_csv(data_file(CORRECTIONS_FILE), dtype=str, keep_default_na=False)
    missing = [c for c in _COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{CORRECTIONS_FILE} lacks the columns {missing}; it needs {_COLUMNS}.")
    return df[_COLUMNS].sort_values(["file", "sentence_contains"], kind="stable").reset_index(drop=True)


def corrections() -> pd.DataFrame:
    """The curated corrections, one row per slip (columns in the module doc)."""
    return _corrections().copy()


def apply_corrections(articles: pd.DataFrame, fact_sentences: pd.DataFrame, mentions: pd.DataFrame,
                      by_sentence: dict[str, list] | None = None) -> pd.DataFrame:
    """``mentions`` with every correction applied (a new table); ``by_sentence`` (sentence id -> mentions,
    as the fact rules read them) is corrected in place. Articles no correction names are left alone."""
    table = _corrections()
    if table.empty or mentions.empty:
        return mentions
    wanted = table[table["article_sha256"].isin(set(articles["sha256"]))]
    if wanted.empty:
        return mentions
    article_of = dict(zip(articles["sha256"], articles["article_id"]))
    text_of = dict(zip(fact_sentences["sentence_id"], fact_sentences["text"]))
    out = mentions.copy()
    for row in wanted.itertuples(index=False):
        aid = article_of[row.article_sha256]
        sids = {sid for sid, text in text_of.items() if sid.startswith(f"{aid}:") and row.sentence_contains in text}
        hit = out["sentence_id"].isin(sids) & (out["surface"] == row.surface)
        out.loc[hit, "iso3"] = row.iso3
        out.loc[hit, "country"] = country_name(row.iso3)
        if by_sentence is not None:
            for sid in sids:
                by_sentence[sid] = [m._replace(iso3=row.iso3) if m.surface == row.surface else m
                                    for m in by_sentence.get(sid, [])]
    return out
