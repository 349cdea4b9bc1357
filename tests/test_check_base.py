"""The self-checks' common ground: one failure a learner sees, the same answer types in every lesson,
grammatical messages, questions stated once, check modules found by their names."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from vnpartners import check
from vnpartners.check import _base

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CHECKS = sorted(name for name in check.__all__ if re.fullmatch(r"lesson\d\d_q\d+", name))
EXERCISES = [e for lesson in check.lesson_modules() for e in check.exercises(lesson)]


def test_every_check_module_is_found_by_its_name() -> None:
    folder = Path(check.__file__).parent
    files = sorted(p.stem[-2:] for p in folder.glob("lesson[0-9][0-9].py"))
    assert list(check.lesson_modules()) == files
    source = Path(check.__file__).read_text(encoding="utf-8")
    assert '"lesson00"' not in source and "'lesson00'" not in source, "a hard-coded list of lesson modules"


def test_a_new_lesson_module_needs_no_registration(tmp_path: Path) -> None:
    (tmp_path / "lesson42.py").write_text("__all__ = []\nEXERCISES = []\n", encoding="utf-8")
    (tmp_path / "helper.py").write_text("", encoding="utf-8")
    assert check.lesson_modules([str(tmp_path)]) == {"42": "vnpartners.check.lesson42"}


def test_every_exercise_has_its_check() -> None:
    assert EXERCISES, "no exercises defined"
    assert sorted(e.check_name for e in EXERCISES) == CHECKS
    for lesson in check.lesson_modules():
        exercises = check.exercises(lesson)
        assert [e.number for e in exercises] == list(range(1, len(exercises) + 1))
        assert any(e.interpretive for e in exercises), f"lesson {lesson} has no question of interpretation"
        assert set(check.answer_key(lesson)) == {e.number for e in exercises}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.check_name)
def test_question_reads_its_parameters(exercise: check.Exercise) -> None:
    """The question text is made from the parameters; no value is typed into the text as well."""
    text = exercise.markdown()
    assert "{" not in text.replace("{'", "").replace("{\"", ""), f"an unfilled field in {text!r}"
    template = exercise.question
    for key, value in exercise.params.items():
        assert "{" + key in template, f"parameter {key!r} is not in the question"
        shown = exercise.fields()[key]
        assert shown in text
        assert str(value) not in template and shown not in template, f"{value!r} is typed into the question too"
    starter = exercise.starter()
    for key, value in exercise.params.items():
        assert f"q{exercise.number}_{key} = {value!r}" in starter
    assert f"answer_{exercise.number} = None  # your answer here" in starter


@pytest.mark.parametrize("name", CHECKS)
def test_missing_answer_fails_with_a_teaching_message(name: str) -> None:
    fn = getattr(check, name)
    args = (None, "") if "why" in inspect.signature(fn).parameters else (None,)
    with pytest.raises(check.CheckFailed) as info:
        fn(*args)
    assert "still empty" in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_failure_renders_as_the_message_alone() -> None:
    error = check.CheckFailed("answer_1 is 3, not 4. Count the rows with `len(...)`.")
    assert isinstance(error, AssertionError)
    lines = [ANSI.sub("", line) for line in error._render_traceback_()]
    assert lines == ["✗ Not yet. answer_1 is 3, not 4. Count the rows with `len(...)`."]
    long = check.CheckFailed("word " * 60)
    assert all(len(ANSI.sub("", line)) <= _base.MESSAGE_WIDTH + 12 for line in long._render_traceback_())


@pytest.mark.slow
def test_a_failing_check_cell_shows_only_its_message(tmp_path: Path) -> None:
    """Run real check cells through nbclient, as JupyterLab would: the error output holds the message alone."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from vnpartners import check"),
        nbformat.v4.new_code_cell("answer_1 = 'fifteen'\ncheck.lesson01_q1(answer_1)"),
        nbformat.v4.new_code_cell("check.lesson03_q2(0.05)"),
        nbformat.v4.new_code_cell("check.lesson02_q1(None)"),
        nbformat.v4.new_code_cell("check.lesson01_q2(2013)"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell in nb.cells[1:4]:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert len(errors) == 1 and len(cell.outputs) == 1, cell.outputs
        shown = ANSI.sub("", "\n".join(errors[0].traceback))
        assert shown.startswith("✗ Not yet. ")
        assert errors[0].ename == "CheckFailed"
        for noise in ("Traceback", "File ", "line ", ".py", "expect(", "raise ", "Error", "----", "lesson0"):
            assert noise not in shown, f"{noise!r} in what the learner sees:\n{shown}"
        assert len(shown.split("\n")) <= 4, "not one short box"
    assert nb.cells[4].outputs[0].text.startswith("✓ Right")


# --------------------------------------------------------------------------- the same answer types everywhere
def test_whole_numbers_are_read_the_same_way() -> None:
    for answer in (15, np.int64(15), 15.0, np.float64(15.0), pd.Series([15]), [15]):
        assert _base.whole_number(answer, "answer_1") == 15
    for answer, word in (("15", "text"), (True, "True/False"), (15.5, "float"), (pd.Series([1, 2]), "Series")):
        with pytest.raises(check.CheckFailed, match=word):
            _base.whole_number(answer, "answer_1")


def test_countries_are_read_the_same_way() -> None:
    for answer in ("RUS", "rus", " Russia ", "Rusia", "Federasi Rusia", pd.Series(["RUS"])):
        assert _base.country(answer, "answer_1") == "RUS"
    assert _base.codes(["AUS", "Korea Selatan", "new zealand"], "answer_2") == {"AUS", "KOR", "NZL"}
    assert _base.codes(pd.Series(["USA"]), "answer_2") == {"USA"}
    assert _base.country("Atlantis", "answer_1") == "ATLANTIS"
    with pytest.raises(check.CheckFailed, match="collection"):
        _base.codes("RUS", "answer_2")
    with pytest.raises(check.CheckFailed, match="as text"):
        _base.country(7, "answer_1")


def test_numbers_and_explanations() -> None:
    assert _base.number(np.float64(1.5), "answer_1") == 1.5
    assert _base.number(pd.Series([2.5]), "answer_1") == 2.5
    with pytest.raises(check.CheckFailed, match="NaN"):
        _base.number(float("nan"), "answer_1")
    with pytest.raises(check.CheckFailed, match="text"):
        _base.number("12 %", "answer_1")
    with pytest.raises(check.CheckFailed, match="still empty"):
        _base.explanation("", "why_4")
    with pytest.raises(check.CheckFailed, match="too short"):
        _base.explanation("Because.", "why_4")
    assert _base.explanation("  It counts all three rungs of the ladder, not the strategic ones.  ", "why_4").startswith("It")


def test_counts_are_grammatical() -> None:
    from vnpartners.wording import join_words, plural

    assert plural(1, "country", "countries") == "1 country"
    assert plural(0, "partner") == "0 partners"
    assert join_words(["A", "B", "C"]) == "A, B and C"


def test_no_message_says_partner_s_or_one_partners(capsys: pytest.CaptureFixture[str]) -> None:
    """Every message a check prints or raises, right or wrong, over a battery of answers."""
    why = "one two three four five six seven eight nine ten"
    messages = []
    for name in CHECKS:
        fn = getattr(check, name)
        two = "why" in inspect.signature(fn).parameters
        for answer in (1, 2, 0, 2013, 2019, 15.0, "RUS", {"USA"}, {"AUS", "RUS"}, ("x", "1"), 11.4, 325.7):
            try:
                fn(answer, why) if two else fn(answer)
            except check.CheckFailed as exc:
                messages.append(str(exc))
    messages.append(capsys.readouterr().out)
    text = "\n".join(messages)
    assert "(s)" not in text
    assert not re.search(r"\b1 (partners|countries|components|days|forums|statements)\b", text)


def test_check_modules_export_their_exercises() -> None:
    for name in check.lesson_modules().values():
        module = importlib.import_module(name)
        assert {e.check_name for e in module.EXERCISES} == set(module.__all__)
