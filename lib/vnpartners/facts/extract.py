"""Facts with evidence: partnerships, dated events and figures, taken from fact-bearing sentences.

The rules live in their own modules (:mod:`vnpartners.partnerships`, :mod:`vnpartners.events`,
:mod:`vnpartners.figures`); this module runs them and hands back conformed tables.
"""

from __future__ import annotations

import pandas as pd

from .context import Mention, fact_input
from .events import events_table
from .figures import figures_table
from .partnerships import partnerships_table


def extract_facts(
    articles: pd.DataFrame, fact_sentences: pd.DataFrame, mentions: pd.DataFrame,
    mentions_by_sentence: dict[str, list[Mention]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Return ``{"partnerships": ..., "events": ..., "figures": ...}`` for the given sentences.

    ``fact_sentences`` holds the sentences table's columns plus ``kind`` (the paragraph kind:
    ``title``, ``body`` or ``caption``) and only the sentences of fact-bearing, non-duplicate paragraphs.
    ``mentions`` holds the country mentions found in those sentences. ``articles`` gives each
    article's ``published`` date and ``published_precision`` (for dates whose year is not written).

    Every table is built through :func:`vnpartners.schema.conform` (exact columns, types, order) by
    its extractor. The sentences are taken out of their tables once (:func:`vnpartners.factcontext.fact_input`)
    and shared by the three extractors, so each sentence's mentions and dates are found only once.
    ``mentions_by_sentence`` (optional) is ``mentions`` already grouped by sentence, as the loader's
    scan gives it (:func:`vnpartners.mentions.extract_mentions_by_sentence`), so it is not regrouped.
    """
    sentences = fact_sentences.sort_values(["article_id", "para_no", "sent_no"], kind="mergesort").reset_index(drop=True)
    data = fact_input(sentences, mentions, articles, mentions_by_sentence)
    partnerships = partnerships_table(data)
    return {
        "partnerships": partnerships,
        "events": events_table(data, partnerships),  # undated partnership acts are events of the article's date
        "figures": figures_table(data),
    }
