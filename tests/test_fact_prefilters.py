"""The fact regexes' leading look-aheads (``(?=[...])``, a speed aid) never change what they match.

Each look-ahead lists the first letters the pattern's words can start with; a word added to a
pattern with a new first letter must be added there too. These tests compare every pattern with
the same pattern without its look-ahead, on text built from the patterns' own words in every
capitalisation, including the non-ASCII letters ``re.IGNORECASE`` reads as ASCII (Kelvin sign, long s).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vnpartners.facts import events
from vnpartners.facts import partnerships

_LOOKAHEAD = re.compile(r"^\(\?=\[[^\]]+\]\)")


def _without_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    body = _LOOKAHEAD.sub("", pattern.pattern.strip(), count=1)
    return re.compile(body, pattern.flags)


def _words(pattern: re.Pattern[str]) -> list[str]:
    """Literal words of a pattern (letters and digits only), enough to build matching text."""
    return sorted(set(re.findall(r"[A-Za-z]{2,}|\d+", pattern.pattern)))


PATTERNS = [(kind, p) for kind, p in events.EVENT_KINDS if _LOOKAHEAD.match(p.pattern)]
PATTERNS.append(("levels", partnerships._LEVEL_RE))
PATTERNS += [("upgrade", partnerships._UPGRADE_LINK), ("establish", partnerships._ESTABLISH_VERB),
             ("deepen", partnerships._DEEPEN_VERB)]
WORDS = sorted({w for _, p in PATTERNS for w in _words(p)} | {"20", "7", "hubungan", "tahun", "Vietnam", "dan"})
ODD = {"k": "\u212a", "s": "\u017f"}


def _vary(word: str, how: int) -> str:
    if how == 1:
        return word.upper()
    if how == 2:
        return word.title()
    if how == 3:
        return "".join(ODD.get(ch, ch) for ch in word)
    return word


texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.integers(0, 3), st.sampled_from([" ", "  ", ", ", "-", "; ", "(", " 2024 "])),
    min_size=1, max_size=12,
).map(lambda parts: "".join(_vary(w, how) + sep for w, how, sep in parts))


def test_every_guarded_pattern_is_tested():
    assert len(PATTERNS) >= 15  # event kinds (all but trade_agreement), levels, level verbs


@settings(max_examples=400, deadline=None)
@given(texts)
def test_lookahead_changes_no_match(text):
    for kind, pattern in PATTERNS:
        plain = _without_lookahead(pattern)
        got = [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]
        want = [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(text)]
        assert got == want, kind


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_lookahead_keeps_every_generated_match(data):
    # text generated from each pattern itself (hypothesis' from_regex: every alternative, any case)
    for kind, pattern in PATTERNS:
        plain = _without_lookahead(pattern)
        text = data.draw(st.from_regex(plain), label=kind)
        got = [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]
        want = [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(text)]
        assert got == want, kind


def test_odd_case_letters_still_start_a_level():
    found = partnerships.find_levels("\u212aemitraan Strategis dan \u017ftrategic partnership")
    assert [m.level for m in found] == ["strategic", "strategic"]


def test_a_missing_first_letter_would_be_caught():
    # the check above can fail: a look-ahead without "k" loses "kunjungan"
    visit = dict(events.EVENT_KINDS)["visit"]
    broken = re.compile(visit.pattern.replace("[kmbdlv]", "[mbdlv]", 1), visit.flags)
    text = "kunjungan kenegaraan"
    assert [m.group(0) for m in broken.finditer(text)] != [m.group(0) for m in _without_lookahead(visit).finditer(text)]


_CLAUSE_BREAK_AS_WRITTEN = re.compile(r";|(?<!\d):|:(?!\d)")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab 12٣:;", max_size=40))
def test_clause_breaks_match_the_rule_as_written(text):
    """The clause-break regex, rewritten to open with a literal, finds the same ";" and ":" as the rule."""
    from vnpartners.facts import context as factcontext

    got = [m.span() for m in factcontext._CLAUSE_BREAK.finditer(text)]
    assert got == [m.span() for m in _CLAUSE_BREAK_AS_WRITTEN.finditer(text)]


def test_a_clock_time_is_not_a_clause_break():
    from vnpartners.facts.context import clauses

    text = "Pukul 10:47 WIB; Putin: kunjungan"
    assert [text[a:b] for a, b in clauses(text)] == ["Pukul 10:47 WIB", " Putin", " kunjungan"]
