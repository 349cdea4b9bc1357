"""The loader's batch scanning gives exactly what the rules give one text at a time.

The loader scans many texts in one pass (country names over all fact sentences joined by a
separator; sentence boundaries over a whole article; paragraphs line by line) and puts cheap
tests in front of some regexes. Each test here compares such a shortcut with the rule written
plainly (the code as it was before the speed-up), on generated text that aims at the edges: names
and language/currency words at the start and end of a text, outlet names cut by a join,
punctuation and quotes at the end of a paragraph, every kind of line break and blank, letters that
``re.IGNORECASE`` reads as ASCII (Kelvin sign, long s, dotted and dotless i).
"""

from __future__ import annotations

import re
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

# ---------------------------------------------------------------- the rules as written (reference)

def ref_is_non_final(text: str, start: int, end: int, punct: str) -> bool:
    if punct != ".":
        return False
    stop = end - 1 if end > start and text[end - 1] == "\n" else end
    first = stop
    while first > start and not text[first - 1].isspace():
        first -= 1
    if first == stop:
        return False
    token = text[first:stop].lstrip("\"“'‘(«[")
    if token in sentences.NON_FINAL_ABBREVIATIONS or token.rstrip(".") in sentences.NON_FINAL_ABBREVIATIONS:
        return True
    return bool(sentences._INITIAL.search(text[max(start, first - 1) : end]))


def ref_sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    if not sentences._ANY_END.search(text):
        end = len(text.rstrip())
        return [(start, end)] if end > start else spans
    for m in sentences._BOUNDARY.finditer(text):
        if ref_is_non_final(text, start, m.start(), m.group(1)):
            continue
        end = m.start(3)
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def ref_sentence_columns(article_id: str, pars: list[str], starts: list[int]) -> dict[str, list]:
    out: dict[str, list] = {c: [] for c in ("sentence_id", "article_id", "para_no", "sent_no", "text", "start", "end")}
    for para_no, (ptext, pstart) in enumerate(zip(pars, starts)):
        for sent_no, (s, e) in enumerate(ref_sentence_spans(ptext)):
            out["sentence_id"].append(f"{article_id}:{para_no}:{sent_no}")
            out["article_id"].append(article_id)
            out["para_no"].append(para_no)
            out["sent_no"].append(sent_no)
            out["text"].append(ptext[s:e])
            out["start"].append(pstart + s)
            out["end"].append(pstart + e)
    return out


_REF_ANY_DATE = re.compile(
    rf"\d(?:\d?\s+{paragraphs._MONTHS}\s+\d{{4}}|\d?[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    r"|\d{3}-\d{2}-\d{2}|\d?[:.]\d{2})"
    r"|\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\b|\b(?:WIB|WITA|WIT)\b",
    re.IGNORECASE,
)


def ref_is_dateline(par: str) -> bool:
    if len(par) > 90 or not _REF_ANY_DATE.search(par):
        return False
    rest = paragraphs._DATE_IN_LINE.sub(" ", par)
    return len(paragraphs._TOKEN.findall(rest)) <= 3 and not re.search(r"[.!?]\s|[.!?]$", rest.strip())


def ref_is_byline(par: str, lower_vocab) -> bool:
    if len(par) > 80:
        return False
    if paragraphs._SLASH_BYLINE.fullmatch(par):
        return True
    if paragraphs._BARE_NAME.fullmatch(par):
        words = [w.casefold().strip(".") for w in par.split()]
        return not any(w in lower_vocab for w in words)
    return False


def ref_mostly_vietnamese(par: str) -> bool:
    words = paragraphs._WORD.findall(par)
    if not words:
        return False
    viet = sum(1 for w in words if paragraphs._VIETNAMESE.search(w))
    return viet >= 2 and viet * 3 >= len(words) or (len(words) <= 2 and viet >= 1)


def ref_classify(pars: list[str]) -> list[str]:
    P = paragraphs
    vocab = frozenset(P._LOWER_WORD.findall("\n".join(pars)))
    kinds, in_footer = [], False
    for par in pars:
        if not in_footer and P._FOOTER.fullmatch(par):
            in_footer = True
        boiler = (
            in_footer
            or any(r.fullmatch(par) for r in (P._IMAGE_FILE, P._READ_MORE, P._ADS, P._LABEL_LINE, P._RELATIVE_TIME,
                                              P._URL_ONLY, P._SITE_HEADER))
            or ref_mostly_vietnamese(par)
            or ref_is_dateline(par)
            or ref_is_byline(par, vocab)
            or (len(par.split()) <= 2 and not P._SENTENCE_END.search(par) and not P._LIST_ITEM.match(par))
        )
        if boiler:
            kinds.append("boilerplate")
        elif P._CAPTION_CREDIT.fullmatch(par) or P._CAPTION_AGENCY.fullmatch(par):
            kinds.append("caption")
        elif (
            len(par) <= 160
            and not P._SENTENCE_END.search(par)
            and not P._LIST_ITEM.match(par)
            and 3 <= len(par.split()) <= 20
            and (par.lstrip("\"“'‘(")[:1].isupper() or par.lstrip("\"“'‘(")[:1].isdigit())
        ):
            kinds.append("title")
        else:
            kinds.append("body")
    return kinds


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
    want = ref_sentence_columns("art", pars, starts)
    assert cols == want
    assert n == len(want["sentence_id"])
    assert sentences.sentence_columns(["art"] * len(pars), range(len(pars)), pars, starts) == want


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
    assert cols == ref_sentence_columns("t", pars, starts)


_NON_FINAL_PARTS = ["Dr", "St", "s.d", "a", "B", "G.S", "x", ".", " ", " ", "\t", "\xa0", "\n", "\u2028", '"', "("]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NON_FINAL_PARTS), max_size=16).map("".join), st.data())
def test_non_final_check_equals_backward_scan(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert sentences._is_non_final(text, start, end, ".") == ref_is_non_final(text, start, end, ".")


@pytest.mark.parametrize(
    "text", ["a\tDr.", "x\xa0St.", "y\u2028No.", "(\tDr.", "kata Dr\tB.", "a b\tG.S.", "Dr \tx.", "s.d\u3000V."]
)
def test_non_final_check_with_other_blanks(text):
    end = text.rindex(".")
    for start in range(end + 1):
        assert sentences._is_non_final(text, start, end, ".") == ref_is_non_final(text, start, end, "."), start


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
    assert paragraphs.classify(pars) == ref_classify(pars)


def _check_shortcuts(par: str) -> None:
    assert paragraphs._has_date(par) == bool(_REF_ANY_DATE.search(par))
    assert paragraphs.is_dateline(par) == ref_is_dateline(par)
    assert paragraphs._is_byline(par, frozenset({"riza"})) == ref_is_byline(par, frozenset({"riza"}))


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
    assert paragraphs.classify([body, par]) == ref_classify([body, par])


@pytest.mark.parametrize("n", [159, 160, 161])
def test_heading_at_its_length_limit(n):
    par = "Judul " + "x" * (n - 19) + " Penting Kita"
    assert len(par) == n
    assert paragraphs.classify([par]) == ref_classify([par])


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
        want_sents.append(pd.DataFrame(ref_sentence_columns(art, frame["text"].tolist(), frame["start"].tolist())))
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
