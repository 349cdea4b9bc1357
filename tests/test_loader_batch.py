"""The loader's batch scanning gives exactly what the rules give one text at a time.

The loader scans many texts in one pass (country names over all fact sentences joined by a
separator; sentence boundaries over a whole article; paragraphs line by line) and puts cheap
tests in front of some regexes. Each test here compares such a shortcut with the rule written
plainly (the library's plain path beside it: ``paragraphs.classify_plain``, ``sentence_columns``
one paragraph at a time, ``_last_word_start_plain``), on generated text that aims at the edges: names
and language/currency words at the start and end of a text, outlet names cut by a join,
punctuation and quotes at the end of a paragraph, every kind of line break and blank, letters that
``re.IGNORECASE`` reads as ASCII (Kelvin sign, long s, dotted and dotless i).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_mentions_batch import expected_frame, name_texts

from vnpartners import corpus
from vnpartners.text import paragraphs, sentences
from vnpartners.text import reading as textio

KIT = Path(__file__).resolve().parent.parent

def sentences_by_paragraph(article_id: str, pars: list[str], starts: list[int]) -> dict[str, list]:
    """The sentences table's columns, one paragraph at a time (the library's plain path)."""
    return sentences.sentence_columns([article_id] * len(pars), list(range(len(pars))), pars, starts)


# sentences: paragraphs of words, abbreviations, numbers, punctuation and quotes, joined by any line break
_WORDS = [
    "Kerja", "sama", "Vietnam", "dan", "Dr.", "St.", "No.", "Prof.", "V.", "G.S.", "dll.", "s.d.", "Jl.", "3,63",
    "1.500", "Fomin", "Hanoi", "(Foto:", "VNA)", "“Kami", "siap.”", '"Ya."', "(Sumber", "Ảnh", "«Non»", "[1]",
    "pendidikan...", "dibangun", "A.", "x.", "Ok!", "Apa?", "lalu…", "Baik?)", "_", "é.", "É", "9.",
]  # fmt: skip
_END = ["", "", ".", "!", "?", "…", "...", '."', ".”", "?)", ".)", ". ", '." ', "Dr.", "V."]
_SPACE = [" ", " ", " ", "  ", "\t", "\xa0", "\u3000"]
_BREAK = ["\n", "\n", "\r\n", "\n\n", "  \n  ", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", " \n\t"]

paragraph_text = st.tuples(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACE)), min_size=1, max_size=9),
    st.sampled_from(_END),
).map(lambda p: "".join(w + s for w, s in p[0]).rstrip() + p[1])
article_text = st.tuples(
    st.sampled_from(["", " ", "\n", "\ufeff", "  \r\n"]),
    st.lists(st.tuples(paragraph_text, st.sampled_from(_BREAK)), max_size=8),
).map(lambda a: a[0] + "".join(p + b for p, b in a[1]))


@settings(max_examples=400, deadline=None)
@given(article_text)
def test_article_sentences_equal_paragraph_at_a_time(text):
    pars, _, _, starts, ends = paragraphs.paragraph_columns(text)
    cols: dict[str, list] = {c: [] for c in ("sentence_id", "article_id", "para_no", "sent_no", "text", "start", "end")}
    n = sentences.append_article_sentences(cols, "art", text, pars, starts, ends)
    want = sentences_by_paragraph("art", pars, starts)
    assert cols == want
    assert n == len(want["sentence_id"])


@pytest.mark.parametrize(
    "text",
    [
        "Ia datang.\nKemudian pergi.",  # a full stop ending a paragraph is no boundary into the next
        'Ia berkata: "Ya."\n"Tidak," jawabnya.',
        "Ia datang.)\r\n(Foto: VNA)",
        "Kata Dr.\nNguyen datang.",
        "Satu. Dua!\u2028Tiga? Empat…\x85Lima",
        "Hanya. \n\n  Dua. Tiga.",
    ],
)
def test_article_sentences_at_paragraph_ends(text):
    pars, _, _, starts, ends = paragraphs.paragraph_columns(text)
    cols: dict[str, list] = {c: [] for c in ("sentence_id", "article_id", "para_no", "sent_no", "text", "start", "end")}
    sentences.append_article_sentences(cols, "t", text, pars, starts, ends)
    assert cols == sentences_by_paragraph("t", pars, starts)


_NON_FINAL_PARTS = ["Dr", "St", "s.d", "a", "B", "G.S", "x", ".", " ", " ", "\t", "\xa0", "\n", "\u2028", '"', "("]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NON_FINAL_PARTS), max_size=16).map("".join), st.data())
def test_last_word_search_equals_backward_scan(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert sentences._last_word_start(text, start, end) == sentences._last_word_start_plain(text, start, end)


@pytest.mark.parametrize(
    "text", ["a\tDr.", "x\xa0St.", "y\u2028No.", "(\tDr.", "kata Dr\tB.", "a b\tG.S.", "Dr \tx.", "s.d\u3000V."]
)
def test_last_word_search_with_other_blanks(text):
    end = text.rindex(".")
    for start in range(end + 1):
        assert sentences._last_word_start(text, start, end) == sentences._last_word_start_plain(text, start, end), start


def test_a_long_last_word_is_found_past_the_window():
    text = "kata " + "x" * (sentences._WORD_WINDOW * 3) + "."
    end = len(text) - 1
    assert sentences._last_word_start(text, 0, end) == sentences._last_word_start_plain(text, 0, end) == 5


# paragraphs: any text of letters, blanks and every line break
_CHARS = list("aB .,:") + ["\n", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0",
                          "\u2000", "\u2028", "\u2029", "\u3000", "\ufeff", "é"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CHARS), max_size=60).map("".join))
def test_paragraphs_by_lines_equal_paragraph_regex(text):
    pars, starts, ends = paragraphs._paragraphs(text)
    spans = paragraphs.paragraph_spans(text)
    assert list(zip(starts, ends)) == spans
    assert pars == [text[s:e] for s, e in spans]


# classify: real paragraphs of the seeds and fixtures, cut, re-cased and with odd letters
def _pool() -> list[str]:
    pool: set[str] = set()
    for folder in ("seeds", "tests/fixtures/facts", "tests/fixtures/loader", "tests/fixtures/wire"):
        for path in sorted((KIT / folder).glob("*.txt")):
            pool.update(paragraphs.paragraph_columns(textio.read_article(path).text)[0])
    pool.update([
        "Senin, 7 September 2018 10:47 WIB", "ſabtu 12:30", "\u212aamis", "JUMAT", "Jum'at pagi", "wİb", "Wıb",
        "Van Hieu/VOV", "REUTERS | TASS", "Budi Riza", "Budi riza", "Ad/B", "foto.jpg", "Berita terkait",
        "Baca juga: Kerja sama", "(Foto: VNA)", "Presiden tiba. Vietnam News", "Foto bersama. ANTARA FOTO/Ade",
        "Delegasi tiba. Dok. Kemlu", "6 jam lalu", "Sumber: https://vov.vn/x", "Độc lập - Tự do - Hạnh phúc",
        "Berita", "Sistem Politik", "- Nota Kesepahaman", "1. Poin pertama", "Judul Berita Yang Penting", "WIT",
        "Rabu", "pukul wita", "Ahad, kemarin", "Minggu lalu WIB",
    ])  # fmt: skip
    return sorted(pool)


POOL = _pool()
_ODD = str.maketrans({"K": "\u212a", "s": "\u017f", "i": "ı", "I": "İ"})


def _vary(par: str, how: int, cut: int) -> str:
    if how == 1:
        par = par.upper()
    elif how == 2:
        par = par.lower()
    elif how == 3:
        par = par.translate(_ODD)
    elif how == 4:
        par = par.title()
    return par[:cut].strip() or par


classify_input = st.lists(
    st.tuples(st.sampled_from(POOL), st.integers(0, 4), st.sampled_from([10, 30, 60, 80, 81, 90, 91, 160, 161, 10**6])),
    min_size=1, max_size=12,
).map(lambda ps: [_vary(p, how, cut) for p, how, cut in ps])


@settings(max_examples=300, deadline=None)
@given(classify_input)
def test_classify_equals_the_rules_as_written(pars):
    assert paragraphs.classify(pars) == paragraphs.classify_plain(pars)


def _check_shortcuts(par: str) -> None:
    assert paragraphs._has_date(par) == bool(paragraphs._ANY_DATE.search(par))
    assert paragraphs.is_dateline(par) == paragraphs.is_dateline_plain(par)
    assert paragraphs._is_byline(par, frozenset({"riza"})) == paragraphs._is_byline_plain(par, frozenset({"riza"}))
    assert paragraphs._mostly_vietnamese(par) == paragraphs._mostly_vietnamese_plain(par)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(POOL), st.integers(0, 4), st.integers(0, 95))
def test_date_and_byline_shortcuts_equal_their_rules(par, how, cut):
    _check_shortcuts(_vary(par, how, cut))


_DATE_WORD_CASES = [
    f"{before}{_vary(word, how, 10**6)}{after}"
    for word in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad", "WIB", "WITA", "WIT")
    for how in range(5)
    for before, after in (("", ""), ("pada ", " pagi"), ("x", ""), ("", "x"), ("(", ")"))
]


@pytest.mark.parametrize("par", _DATE_WORD_CASES)
def test_date_words_in_every_case(par):
    _check_shortcuts(par)


# lines at the length limits of the rules (dateline 90, byline 80, heading 160)
def _padded(head: str, tail: str, n: int) -> str:
    return head + " " * (n - len(head) - len(tail)) + tail


@pytest.mark.parametrize("par", ["REUTERS | TASS", "Van Hieu/VOV", "Ad/B", "A|B C", "Budi Riza", "Budi riza", "é/VOV"])
def test_bylines(par):
    _check_shortcuts(par)


_AT_LIMITS = (
    [_padded("Senin, 7 September 2018 10:47 WIB", " VOV", n) for n in (89, 90, 91)]
    + [_padded("Budi", "Riza", n) for n in (79, 80, 81)]
    + [_padded("Van Hieu", "/VOV", n) for n in (79, 80, 81)]
)


@pytest.mark.parametrize("par", _AT_LIMITS)
def test_shortcuts_at_the_length_limits(par):
    assert len(par) in (79, 80, 81, 89, 90, 91)
    _check_shortcuts(par)
    body = "Kerja sama ekonomi kedua negara terus berkembang pesat pada tahun ini."
    assert paragraphs.classify([body, par]) == paragraphs.classify_plain([body, par])


@pytest.mark.parametrize("n", [159, 160, 161])
def test_heading_at_its_length_limit(n):
    par = "Judul " + "x" * (n - 19) + " Penting Kita"
    assert len(par) == n
    assert paragraphs.classify([par]) == paragraphs.classify_plain([par])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_control_byte_count_equals_regex_count(data):
    assert len(data) - len(data.translate(None, textio._CONTROL_BYTES)) == len(textio._CONTROL.findall(data))


# the whole loader: tables equal those built one article, paragraph and sentence at a time
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(article_text, st.lists(name_texts, max_size=3)), min_size=1, max_size=4))
def test_loader_tables_equal_one_at_a_time(tmp_path_factory, articles):
    folder = tmp_path_factory.mktemp("arts")
    names = ["b.txt", "a-b.txt", "a.txt", "c.TXT"]  # file-name order is not article_id order ("a-b" > "a")
    for name, (text, extra) in zip(names, articles):
        # names among the sentences so that the mentions table is not empty
        (folder / name).write_text(text + "\n" + ". ".join(extra), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", textio.EmptyArticleWarning)
        got = corpus.load_folder(folder)
        texts = {path.name[:-4]: textio.read_article(path).text for path in folder.glob("*")}
    want_pars, want_sents = [], []
    for art in sorted(texts):
        text = texts[art]
        frame = paragraphs.split_paragraphs(art, text)
        want_pars.append(frame)
        want_sents.append(pd.DataFrame(sentences_by_paragraph(art, frame["text"].tolist(), frame["start"].tolist())))
    pars = pd.concat(want_pars, ignore_index=True)
    sents = pd.concat(want_sents, ignore_index=True)
    for column in ("article_id", "kind", "text"):
        assert got.paragraphs[column].tolist() == pars[column].tolist()
    for column in ("para_no", "is_duplicate", "start", "end"):
        assert got.paragraphs[column].tolist() == pars[column].tolist()
    for column in sents.columns:
        assert got.sentences[column].tolist() == sents[column].tolist()
    assert got.articles["article_id"].tolist() == sorted(got.articles["article_id"])
    facts_in = corpus.fact_sentences(got.paragraphs, got.sentences)
    want_mentions = expected_frame(facts_in)
    for column in want_mentions.columns:
        assert got.mentions[column].tolist() == want_mentions[column].tolist()
