"""Word lists as the one source of a rule: the regex that finds the words and the quick test before it.

A rule's words are written once, as a :class:`Words` list of forms; the regex that finds them
(:meth:`Words.pattern`) and the plain substring test that says where they cannot be
(:meth:`Words.cues`, :meth:`Words.may_occur`) are both built from that list by code, so adding a
word to a rule is one edit and the quick test can never fall out of step with the regex.

A form is a word or phrase as Indonesian news writes it, matched case-insensitively as whole
words. Three marks extend a form:

- ``*`` at the end: the word may go on ("kunjungan*" matches "kunjungannya");
- ``*`` at the start: the word may begin with more letters ("*FTA" matches "VKFTA");
- ``<n>``: a number of digits ("<n> tahun hubungan" matches "75 tahun hubungan");
- ``<w>``: any one word ("antara <w> dan" matches "antara Vietnam dan");
- a space: any run of white space between the words; a hyphen: a hyphen, white space or nothing
  ("ekspor-impor" matches "ekspor impor" and "eksporimpor" too).

>>> visit = Words("kunjungan*", "mengunjungi", "berkunjung")
>>> bool(visit.regex().search("dalam rangka kunjungannya ke Hanoi"))
True
>>> visit.cues, visit.may_occur("tidak ada apa-apa")
(('kunjungan', 'mengunjungi', 'berkunjung'), False)
"""

from __future__ import annotations

import re
from functools import cached_property

__all__ = ["Words", "all_words", "ends_with_any", "fold_case", "has_any"]

# the only non-ASCII characters that ``re.IGNORECASE`` takes for an ASCII letter
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_ODD_CASE_MAP = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """``text`` in lower case, for quick "can this pattern match at all?" tests before a regex.

    A case-insensitive pattern that matches an ASCII word ("mitra") somewhere in ``text`` always
    finds that word, in lower case, in ``fold_case(text)``: besides ASCII letters, ``re.IGNORECASE``
    only takes "İ", "ı" (i), "ſ" (s) and the Kelvin sign (k) for ASCII letters, and those are mapped too.
    Offsets are not kept (lower case can be longer): use it for substring tests only.

    >>> fold_case("Kemitraan STRATEG\u0130S"), "mitra" in fold_case("MıTRA")
    ('kemitraan strategis', True)
    """
    if not text.isascii() and _ODD_CASE.search(text):
        text = text.translate(_ODD_CASE_MAP)
    return text.lower()


def has_any(folded: str, words: tuple[str, ...]) -> bool:
    """True if one of ``words`` (lower case) is a substring of ``folded`` (a :func:`fold_case` text)."""
    for word in words:
        if word in folded:
            return True
    return False


def ends_with_any(folded: str, endings: tuple[str, ...]) -> bool:
    """True if ``folded`` (a :func:`fold_case` text), white space aside, ends with one of ``endings``."""
    return folded.rstrip().endswith(endings)


def _form_regex(form: str) -> str:
    """The regex of one form (see the module doc)."""
    lead = form.startswith("*")
    trail = form.endswith("*")
    body = form.strip("*")
    tokens = []
    for token in body.split():
        pieces = [re.escape(piece) for piece in token.split("-")] if _HYPHENATED.fullmatch(token) else [re.escape(token)]
        tokens.append(r"[\s\-]*".join(pieces).replace("<n>", r"\d+").replace("<w>", r"\w+"))
    regex = r"\s+".join(tokens)
    if lead:
        regex = r"\w*" + regex
    if trail:
        regex += r"\w*"
    # a form that starts (ends) with a word character is bounded by \b; "$" or "%" need none
    start = r"\b" if (lead or body[:1].isalnum() or body.startswith("<n>")) else ""
    end = "" if trail else (r"\b" if body[-1:].isalnum() else "")
    return start + regex + end


# a word-hyphen-word token ("ekspor-impor"), whose hyphen may also be white space or nothing
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def _cue(form: str) -> str:
    """A lower-case piece of text every match of ``form`` holds: its longest literal token."""
    body = form.strip("*")
    tokens = [t for token in body.split() for t in (token.split("-") if _HYPHENATED.fullmatch(token) else [token])]
    tokens = [t for t in (re.sub(r"<[nw]>", " ", t).strip() for t in tokens) if t and " " not in t]
    return max(tokens, key=len).lower() if tokens else ""


class Words:
    """One rule's words (see the module doc), with the regex and the quick test built from them.

    ``forms`` are tried longest first, so a phrase wins over a word it starts with
    ("panggilan telepon" over "panggilan"). ``name`` names the regex group when the words are
    part of a larger pattern.
    """

    def __init__(self, *forms: str) -> None:
        if not forms:
            raise ValueError("a word list needs at least one form")
        self.forms: tuple[str, ...] = tuple(dict.fromkeys(forms))

    def __repr__(self) -> str:
        return f"Words{self.forms!r}"

    def __add__(self, other: Words) -> Words:
        return Words(*self.forms, *other.forms)

    @cached_property
    def alternation(self) -> str:
        """``(?:form|form|...)``, longest forms first (no flags, no look-ahead)."""
        ordered = sorted(self.forms, key=lambda f: -len(f.strip("*")))
        return "(?:" + "|".join(_form_regex(f) for f in ordered) + ")"

    @cached_property
    def first_letters(self) -> str | None:
        """A character class of the letters (or digits) every match starts with, both cases, or None
        if a form may start with any word character ("*FTA")."""
        firsts: set[str] = set()
        for form in self.forms:
            if form.startswith("*"):
                return None
            if form.startswith("<n>"):
                firsts.add(r"\d")
            else:
                firsts.update(re.escape(c) for c in {form[0].lower(), form[0].upper()})
        return "[" + "".join(sorted(firsts)) + "]"

    def pattern(self) -> str:
        """The alternation opened by a look-ahead for the forms' first letters.

        The look-ahead changes no match (every match starts with one of those letters; under
        ``re.IGNORECASE`` the class takes the same characters the words' own first letters take),
        but lets the regex engine skip straight to the places where a match can start.
        """
        first = self.first_letters
        return self.alternation if first is None else f"(?={first}){self.alternation}"

    def regex(self, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        """:meth:`pattern`, compiled (case-insensitive unless ``flags`` says otherwise)."""
        return re.compile(self.pattern(), flags)

    @cached_property
    def cues(self) -> tuple[str, ...]:
        """Lower-case pieces of text of which every match holds one (for :func:`has_any`)."""
        return tuple(dict.fromkeys(_cue(f) for f in self.forms))

    @cached_property
    def last_words(self) -> tuple[str, ...]:
        """Lower-case endings of which every match ends with one (for a pattern anchored at the end);
        a form that may go on ("kunjungan*") ends with any letters, so it has no ending to test."""
        ends = []
        for form in self.forms:
            last = form.split()[-1].lstrip("*")
            if form.endswith("*") or last in ("<n>", "<w>"):
                raise ValueError(f"{self!r}: the form {form!r} has no fixed last word")
            ends.append(last.split("-")[-1].lower() if _HYPHENATED.fullmatch(last) else last.lower())
        return tuple(dict.fromkeys(ends))

    @cached_property
    def _folded_regex(self) -> re.Pattern[str]:
        """:meth:`regex` of the forms in lower case, case-sensitive: for :meth:`spans` over a folded text."""
        return re.compile(Words(*(fold_case(form) for form in self.forms)).pattern())

    def spans(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Where the words are in ``text``: the spans ``regex().finditer(text)`` gives, found faster.

        The case-sensitive regex of the lower-case forms runs over ``fold_case(text)`` (``folded``, if
        known), which is about twice as fast as a case-insensitive one; where folding changes a
        length (offsets would move) the case-insensitive regex runs instead. A test compares the two
        for every list of the vocabulary.
        """
        if folded is None:
            folded = fold_case(text)
        if len(folded) != len(text):
            return [m.span() for m in self.regex().finditer(text)]
        return [m.span() for m in self._folded_regex.finditer(folded)]

    def may_occur(self, text: str, folded: str | None = None) -> bool:
        """False only where none of the words can be in ``text`` (``folded``: ``fold_case(text)``, if known)."""
        return has_any(fold_case(text) if folded is None else folded, self.cues)


def all_words(module: object) -> dict[str, Words]:
    """Every :class:`Words` list of ``module`` (a vocabulary), by name: lists held in dicts and in
    ``(name, Words)`` tuples too ("EVENT_WORDS.visit", "MONEY_WORDS.trade"). For tests and readers."""
    found: dict[str, Words] = {}
    for name, value in vars(module).items():
        if isinstance(value, Words):
            found[name] = value
        elif isinstance(value, dict):
            found.update({f"{name}.{k}": v for k, v in value.items() if isinstance(v, Words)})
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Words):
                    found[f"{name}.{i}.{item[0]}"] = item[1]
    return found
