"""The loader hands the fact step each sentence's mentions straight from its scan: they must be what
``factcontext.sentence_mentions`` rebuilds from the mentions table (same objects, same order)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import vnpartners
from vnpartners import corpus
from vnpartners.facts import context as factcontext
from vnpartners.facts.mentions import extract_mentions, extract_mentions_by_sentence

KIT = Path(__file__).resolve().parent.parent
FOLDERS = [KIT / "seeds", KIT / "tests" / "fixtures" / "facts", KIT / "tests" / "fixtures" / "wire"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_grouped_mentions_equal_the_table_regrouped(folder):
    c = vnpartners.load_folder(folder)
    facts_in = corpus.fact_sentences(c.paragraphs, c.sentences)
    table, by_sentence = extract_mentions_by_sentence(facts_in)
    pd.testing.assert_frame_equal(table, extract_mentions(facts_in))
    assert by_sentence == factcontext.sentence_mentions(facts_in, table)
    assert sum(map(len, by_sentence.values())) == len(table) > 0


def test_unsorted_table_still_regrouped_in_text_order():
    # the table path (public extractors) sorts each sentence's mentions; the scan path is sorted already
    c = vnpartners.load_seeds()
    facts_in = corpus.fact_sentences(c.paragraphs, c.sentences)
    table, by_sentence = extract_mentions_by_sentence(facts_in)
    assert factcontext.sentence_mentions(facts_in, table.iloc[::-1]) == by_sentence
