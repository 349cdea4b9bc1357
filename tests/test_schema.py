"""The column contract: every table's columns have a type and a meaning, and the loader keeps to it."""

from __future__ import annotations

import pytest

import vnpartners
from vnpartners.schema import MEANINGS, SCHEMAS, describe, empty_frame


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_column_has_a_meaning(table):
    assert list(MEANINGS[table]) == list(SCHEMAS[table])
    assert all(len(text) > 5 for text in MEANINGS[table].values())
    shown = describe(table)
    assert shown["column"].tolist() == list(SCHEMAS[table]) and shown["meaning"].notna().all()


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_loaded_tables_have_exactly_the_contract_columns(table):
    corpus = vnpartners.load_seeds()
    frame = getattr(corpus, table)
    assert list(frame.columns) == list(SCHEMAS[table])
    assert list(empty_frame(table).columns) == list(SCHEMAS[table])
    assert frame.index.equals(frame.reset_index(drop=True).index)


def test_unknown_table_is_named():
    with pytest.raises(KeyError, match="the tables are"):
        describe("nope")
