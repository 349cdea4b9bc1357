"""Every word list of the fact rules gives a regex and quick tests that agree with it.

The rules' regexes and their prefilters are built from one list of words each
(:mod:`vnpartners.facts.vocabulary`, through :class:`vnpartners.facts.words.Words`). These tests
check the builder on every list the vocabulary holds, on text made of the lists' own words in every
capitalisation (the non-ASCII letters ``re.IGNORECASE`` reads as ASCII included):

- the look-ahead a pattern opens with (a speed aid) changes no match, and :meth:`Words.spans` (the
  same words found over folded text) finds exactly what the regex finds;
- wherever the words match, the quick substring test (``cues``) passes, and a match ends with one
  of ``last_words``: so skipping a text that fails the quick test never loses a match.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts import vocabulary
from vnpartners.facts.words import Words, all_words, ends_with_any, fold_case, has_any

WORD_LISTS = all_words(vocabulary)
ODD = {"i": "\u0131", "k": "\u212a", "s": "\u017f"}
SEPARATORS = [" ", "  ", "\n", "", "-", ", ", " 7 ", " 2024 ", "\t", "(", "; "]


def _tokens(words: Words) -> list[str]:
    out = set()
    for form in words.forms:
        for token in form.strip("*").replace("<n>", "75").replace("<w>", "Vietnam").split():
            out.add(token)
            out.update(token.split("-"))
    return sorted(out | {"dan", "2024", "Vietnam"})


def _vary(word: str, how: int) -> str:
    if how == 1:
        return word.upper()
    if how == 2:
        return word.title()
    if how == 3:
        return "".join(ODD.get(ch, ch) for ch in word)
    if how == 4:
        return word + "nya"
    return word


def test_the_vocabulary_has_its_word_lists():
    assert len(WORD_LISTS) >= 40
    assert "EVENT_WORDS.3.visit" in WORD_LISTS and "MONEY_WORDS.trade" in WORD_LISTS


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_look_ahead_and_quick_tests_agree_with_the_words(name, data):
    words = WORD_LISTS[name]
    tokens = _tokens(words)
    parts = data.draw(st.lists(st.tuples(st.sampled_from(tokens), st.integers(0, 4), st.sampled_from(SEPARATORS)),
                               min_size=1, max_size=8))
    text = "".join(_vary(w, how) + sep for w, how, sep in parts)
    plain = re.compile(words.alternation, re.IGNORECASE)
    found = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in words.regex().finditer(text)] == found, (name, text)
    assert words.spans(text) == found, (name, text)  # the fast path finds what the regex finds
    if found:
        assert has_any(fold_case(text), words.cues), (name, text)
        assert words.may_occur(text)
    if not any(f.endswith("*") for f in words.forms):
        for m in plain.finditer(text):
            assert ends_with_any(fold_case(text[: m.end()]), words.last_words), (name, text, m.group())


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_every_form_matches_itself(name):
    words = WORD_LISTS[name]
    for form in words.forms:
        text = form.strip("*").replace("<n>", "75").replace("<w>", "Vietnam")
        for how in (0, 1, 2):
            sample = f"x {_vary(text, how)} y"
            assert words.regex().search(sample), (name, form)
            assert words.may_occur(sample), (name, form)


def test_a_missing_first_letter_would_be_caught():
    # the look-ahead check above can fail: a look-ahead without "k" loses "kunjungan"
    visit = WORD_LISTS["EVENT_WORDS.3.visit"]
    broken = re.compile(visit.pattern().replace("K", "", 1).replace("k", "", 1), re.IGNORECASE)
    assert broken.search("kunjungan kenegaraan") is None
    assert visit.regex().search("kunjungan kenegaraan")


def test_form_marks():
    words = Words("kunjungan*", "*FTA", "<n> tahun hubungan", "antara <w> dan", "ekspor-impor", "US$")
    text = "kunjungannya, VKFTA, 75 tahun hubungan, antara Vietnam dan Rusia, ekspor impor, eksporimpor, US$ 5"
    assert [m.group() for m in words.regex().finditer(text)] == [
        "kunjungannya", "VKFTA", "75 tahun hubungan", "antara Vietnam dan", "ekspor impor", "eksporimpor", "US$"]
    assert words.first_letters is None  # "*FTA" may start with any letter: no look-ahead
    with pytest.raises(ValueError):
        Words()


def test_phrases_win_over_their_first_word():
    words = Words("panggilan", "panggilan telepon")
    assert words.regex().search("panggilan telepon kemarin").group() == "panggilan telepon"


def test_spans_read_hyphens_as_the_regex_does():
    aims = WORD_LISTS["AIM_CUES"]
    text = "demi tujuan-tujuan ilmiah, BERCITA-CITA menjadi"
    assert aims.spans(text) == [m.span() for m in aims.regex().finditer(text)]
    assert [text[a:b] for a, b in aims.spans(text)] == ["demi", "tujuan", "tujuan", "BERCITA-CITA"]


def test_folding_keeps_offsets():
    odd = "".join(chr(c) for c in range(0x80, 0x3000))
    assert len(fold_case(odd)) == len(odd)
