"""Facts with evidence: partnerships, dated events and figures, taken from fact-bearing sentences.

The rules live in their own modules (:mod:`vnpartners.partnerships`, :mod:`vnpartners.events`,
:mod:`vnpartners.figures`); this module runs them and hands back conformed tables.
"""

from __future__ import annotations

import pandas as pd

from .events import extract_events
from .figures import extract_figures
from .partnerships import extract_partnerships
from .schema import conform


def extract_facts(
    articles: pd.DataFrame, fact_sentences: pd.DataFrame, mentions: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Return ``{"partnerships": ..., "events": ..., "figures": ...}`` for the given sentences.

    ``fact_sentences`` holds the sentences table's columns plus ``kind`` (the paragraph kind:
    ``title``, ``body`` or ``caption``) and only the sentences of fact-bearing, non-duplicate paragraphs.
    ``mentions`` holds the country mentions found in those sentences. ``articles`` gives each
    article's ``published`` date and ``published_precision`` (for dates whose year is not written).

    Every table is built through :func:`vnpartners.schema.conform` (exact columns, types, order).
    """
    sentences = fact_sentences.sort_values(["article_id", "para_no", "sent_no"], kind="mergesort").reset_index(drop=True)
    return {
        "partnerships": conform(extract_partnerships(sentences, mentions, articles), "partnerships"),
        "events": conform(extract_events(sentences, mentions, articles), "events"),
        "figures": conform(extract_figures(sentences, mentions, articles), "figures"),
    }
