"""The joined scan of country names gives exactly what the rule gives one text at a time.

The loader scans the country names of all fact sentences joined by a separator
(:func:`vnpartners.facts.mentions.scan_mentions`); :func:`~vnpartners.facts.mentions.find_mentions`
is the rule, one text at a time. These tests compare the two on generated text that aims at the
edges: names and language/currency words at the start and end of a text, outlet names cut by a
join, every kind of blank, letters that ``re.IGNORECASE`` reads as ASCII.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts import mentions
from vnpartners.reference.countries import alias_pattern, country_name


def one_by_one(texts: list[str]) -> list[tuple[int, int, int, str]]:
    """What the joined scan should give: the rule on each text in turn."""
    return [(i, s, e, surface) for i, t in enumerate(texts) for s, e, surface, _ in mentions.find_mentions(t)]


def expected_frame(fact_sentences: pd.DataFrame) -> pd.DataFrame:
    """The mentions table as the rule gives it, sentence by sentence."""
    rows = []
    for art, sid, text, start in zip(fact_sentences["article_id"], fact_sentences["sentence_id"],
                                     fact_sentences["text"], fact_sentences["start"]):
        for s, e, surface, iso3 in mentions.find_mentions(text):
            rows.append((art, sid, iso3, country_name(iso3), surface, start + s, start + e))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "iso3", "country", "surface", "start", "end"])


# ---------------------------------------------------------------- generated text

_ALIASES = sorted(alias_pattern()[1])
_NAMES = [
    "Vietnam", "VIETNAM", "Indonesia", "Rusia", "Federasi Rusia", "FEDERASI RUSIA", "Republik Rakyat Tiongkok",
    "Tiongkok", "AS", "Korea", "Korea Utara", "Guinea-Bissau", "Kepulauan Cocos (Keeling)", "Jepang", "China",
    "Laos", "Uni Soviet", "Amerika Serikat", "Inggris",
]  # fmt: skip
_NOT_COUNTRY = ["bahasa", "berbahasa", "BAHASA", "dolar", "Dollar", "yen", "yuan", "won", "dong", "Hadong", "xdolar"]
_MEDIA = [
    "CNN", "CNN Indonesia", "Vietnam News", "Vietnam  Television", "Vietnam Times", "Voice of Vietnam", "Voice of",
    "China Central Radio and Television", "China Central Television", "China Daily", "Japan Times", "Korea Herald",
    "Russia Today", "Radio Free Asia", "News", "Television",
]  # fmt: skip
_FILLER = ["dan", "di", "x", "VietnamPlus", "Vietnam.vn", "rakyat", "@", "/", ".", "-", "(", ")", "2024", "_", "é"]
_GLUE = [" ", " ", " ", "", "  ", "\n", "\t", "\xa0", ".", ". ", "-", "/", "@", ", ", "\u2028"]

name_tokens = st.one_of(
    st.sampled_from(_NAMES), st.sampled_from(_ALIASES), st.sampled_from(_NOT_COUNTRY), st.sampled_from(_MEDIA),
    st.sampled_from(_FILLER),
)
name_texts = st.lists(st.tuples(name_tokens, st.sampled_from(_GLUE)), max_size=10).map(
    lambda parts: "".join(t + g for t, g in parts)
)


@settings(max_examples=400, deadline=None)
@given(st.lists(name_texts, max_size=8))
def test_joined_mention_scan_equals_one_text_at_a_time(texts):
    which, starts, ends, surfaces = mentions.scan_mentions(texts)
    assert list(zip(which, starts, ends, surfaces)) == one_by_one(texts)


@settings(max_examples=100, deadline=None)
@given(st.lists(name_texts, max_size=8), st.booleans())
def test_joined_mention_scan_with_separator_in_a_text(texts, at_edge):
    # a text holding the separator is scanned one text at a time: same answer
    texts = texts + (["\x00Vietnam"] if at_edge else ["dolar\x00 Rusia \x00"])
    which, starts, ends, surfaces = mentions.scan_mentions(texts)
    want = one_by_one(texts)
    assert list(zip(which, starts, ends, surfaces)) == want


@pytest.mark.parametrize(
    "texts",
    [
        ["bahasa", "Inggris dipakai"],  # a language word ending one text does not reach the next
        ["nilai dolar ", "AS naik"],
        ["CNN", "Indonesia melaporkan"],  # an outlet name cut by the join is no outlet
        ["Voice of", "Vietnam"],
        ["ke Vietnam", ".vn dan Rusia"],  # ".vn" opening the next text does not make a domain
        ["kata@", "Rusia"],  # "@" or "/" ending one text does not touch a name opening the next
        ["lihat /", "Vietnam", "@ Rusia"],
        ["Rusia/", "Vietnam"],
        ["", "Vietnam", "", "Rusia", ""],
        ["RUSIA", "VIETNAM"],
        ["yang berbahasa", "  Jepang"],
        ["x" * 30 + " dolar ", "Rusia"],
    ],
)
def test_joined_mention_scan_at_the_joins(texts):
    which, starts, ends, surfaces = mentions.scan_mentions(texts)
    want = one_by_one(texts)
    assert list(zip(which, starts, ends, surfaces)) == want
    assert want  # each case names at least one country


@pytest.mark.parametrize("word", ["bahasa", "berbahasa", "dolar", "poundsterling", "won"])
@pytest.mark.parametrize("width", [18, 19, 20, 21, 22])
@pytest.mark.parametrize("before", ["", "x", "Vietnam ", "kata-"])
def test_language_word_at_the_window_limit(word, width, before):
    # the word and the blanks after it fill the window before the name exactly, or one more or less
    text = before + word + " " * (width - len(word)) + "Rusia dan " + word + " Jepang"
    texts = ["Laos", text, "Rusia"]
    which, starts, ends, surfaces = mentions.scan_mentions(texts)
    want = one_by_one(texts)
    assert list(zip(which, starts, ends, surfaces)) == want


@settings(max_examples=100, deadline=None)
@given(st.lists(name_texts, max_size=6), st.integers(0, 50))
def test_extract_mentions_frame_equals_the_rule(texts, gap):
    sents, pos = [], 0
    for i, text in enumerate(texts):
        sents.append({"sentence_id": f"a{i % 2}:{i}:0", "article_id": f"a{i % 2}", "para_no": i, "sent_no": 0,
                      "text": text, "start": pos, "end": pos + len(text)})
        pos += len(text) + gap
    frame = pd.DataFrame(sents, columns=["sentence_id", "article_id", "para_no", "sent_no", "text", "start", "end"])
    pd.testing.assert_frame_equal(mentions.extract_mentions(frame), expected_frame(frame), check_exact=True)


def test_no_country_name_holds_the_separator():
    assert not any("\x00" in name for name in alias_pattern()[1])


@pytest.mark.parametrize("text", ["Kantor berita CNN Indonesia melaporkan", "menurut Vietnam News, Rusia"])
def test_an_outlet_is_not_its_country(text):
    assert "CNN Indonesia" not in [m[2] for m in mentions.find_mentions(text)]
    assert [m[2] for m in mentions.find_mentions(text)] in ([], ["Rusia"])


@pytest.mark.parametrize("text", ["bahasa Inggris", "Bahasa Jepang", "46,2 miliar dolar AS", "yen Jepang", "DOLAR AS"])
def test_a_language_or_currency_is_not_its_country(text):
    assert mentions.find_mentions(text) == []
