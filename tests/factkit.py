"""Helpers for the fact-extractor tests: hand-built sentence tables run through one extractor."""

from __future__ import annotations

import pandas as pd

from vnpartners.facts.mentions import extract_mentions


def sentences(texts: list[str], article_id: str = "t", kind: str = "body") -> pd.DataFrame:
    """A fact_sentences frame: each text one paragraph of one article, offsets as in one file."""
    rows, pos = [], 0
    for i, text in enumerate(texts):
        rows.append({"sentence_id": f"{article_id}:{i}:0", "article_id": article_id, "para_no": i, "sent_no": 0,
                     "text": text, "start": pos, "end": pos + len(text), "kind": kind})
        pos += len(text) + 2
    return pd.DataFrame(rows)


def articles(article_id: str = "t", published: str | None = "2025-05-08", precision: str | None = "day") -> pd.DataFrame:
    return pd.DataFrame([{"article_id": article_id, "published": pd.Timestamp(published) if published else pd.NaT,
                          "published_precision": precision}])


def run(extract, texts: list[str], published: str | None = "2025-05-08", precision: str | None = "day",
        kind: str = "body") -> pd.DataFrame:
    """Run ``extract(sentences, mentions, articles)`` on the texts, with the loader's own mentions."""
    sents = sentences(texts, kind=kind)
    return extract(sents, extract_mentions(sents), articles(published=published, precision=precision))
