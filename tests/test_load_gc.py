"""load_folder pauses the cyclic garbage collector while it loads, and always puts it back as it was."""

from __future__ import annotations

import gc

import pytest

import vnpartners
from vnpartners.errors import CorpusError


@pytest.fixture
def restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_collector_paused_during_the_load_and_back_after(restore_gc, monkeypatch):
    from vnpartners import corpus

    seen = []
    real = corpus.facts.extract_facts

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus.facts, "extract_facts", spy)
    gc.enable()
    vnpartners.load_seeds()
    assert seen == [False]
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled(restore_gc):
    gc.disable()
    vnpartners.load_seeds()
    assert not gc.isenabled()


def test_collector_back_after_an_error(restore_gc, tmp_path):
    gc.enable()
    with pytest.raises(CorpusError):
        vnpartners.load_folder(tmp_path)  # no .txt files
    assert gc.isenabled()
