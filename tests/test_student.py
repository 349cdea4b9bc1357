"""Student copies (tools/make_student.py): no worked solutions, checks still teach, originals untouched.

Runs the real script into a temporary folder once per session, then executes each student copy with
the ``python3`` kernel (errors allowed) and reads what the check cells raised.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from kit_lessons import KIT, lesson_params, lesson_paths, lessons_dir, no_lessons_reason, tags

pytestmark = pytest.mark.slow  # writes and runs student copies of every lesson

SCRIPT = KIT / "tools" / "make_student.py"
NOTE_START = "> **Student copy.**"
#: words that would tell a student about solutions the copy does not have
SOLUTION_WORDS = ("solution", "collapsed", "folded", "answer key")
MIN_MESSAGE_WORDS = 5  # a teaching message is a sentence, not a bare `assert`


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mtime (ns) of every file directly in ``folder``."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def student_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run make_student.py into a temporary folder; record the instructor folder before and after."""
    out = tmp_path_factory.mktemp("student")
    before = snapshot(lessons_dir())
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--notebooks", str(lessons_dir()), "--out", str(out)],
        capture_output=True, text=True, timeout=120, cwd=KIT,
    )
    assert proc.returncode == 0, f"make_student.py failed:\n{proc.stdout}\n{proc.stderr}"
    return {"out": out, "before": before, "after": snapshot(lessons_dir())}


def read(path: Path) -> Any:
    """Read a notebook."""
    return nbformat.read(path, as_version=4)


def student_of(student_run: dict[str, Any], lesson: Path) -> Any:
    """The student copy of ``lesson``."""
    path = student_run["out"] / lesson.name
    assert path.is_file(), f"no student copy {path.name} was written"
    return read(path)


def code_lines(source: str) -> set[str]:
    """The stripped, non-empty, non-comment lines of some code."""
    return {line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("#")}


def test_every_lesson_has_a_student_copy(student_run: dict[str, Any]) -> None:
    if not lesson_paths():
        pytest.skip(no_lessons_reason())
    written = sorted(p.name for p in student_run["out"].glob("*.ipynb"))
    assert written == [p.name for p in lesson_paths()]


def test_instructor_copies_untouched(student_run: dict[str, Any]) -> None:
    assert student_run["after"] == student_run["before"], "make_student.py changed the instructor folder"


@pytest.mark.parametrize("lesson", lesson_params())
def test_no_solution_survives(student_run: dict[str, Any], lesson: Path) -> None:
    teacher, student = read(lesson), student_of(student_run, lesson)
    solutions = [c for c in teacher.cells if "solution" in tags(c)]
    assert solutions, f"{lesson.name} has no cell tagged 'solution' (see notebooks/AUTHORING.md)"
    assert not [c for c in student.cells if "solution" in tags(c)], "a solution cell survived"
    other_lines = set().union(*(code_lines(c.source) for c in teacher.cells if "solution" not in tags(c)))
    student_text = "\n".join(c.source for c in student.cells)
    student_lines = set().union(*(code_lines(c.source) for c in student.cells))
    for cell in solutions:
        assert cell.source.strip() not in student_text, f"solution cell {cell.id} survived verbatim"
        leaked = (code_lines(cell.source) - other_lines) & student_lines
        assert not leaked, f"lines of solution cell {cell.id} survived: {sorted(leaked)}"


@pytest.mark.parametrize("lesson", lesson_params())
def test_each_exercise_keeps_its_check(student_run: dict[str, Any], lesson: Path) -> None:
    teacher, student = read(lesson), student_of(student_run, lesson)
    order = [t for c in student.cells for t in ("exercise", "check") if t in tags(c)]
    exercises = order.count("exercise")
    assert exercises, f"{lesson.name} has no exercise cells"
    assert exercises == sum("exercise" in tags(c) for c in teacher.cells)
    for i, kind in enumerate(order):
        if kind == "exercise":
            assert i + 1 < len(order) and order[i + 1] == "check", f"exercise #{order[: i + 1].count('exercise')} has no check after it"


@pytest.mark.parametrize("lesson", lesson_params())
def test_outputs_kept_except_exercises_and_checks(student_run: dict[str, Any], lesson: Path) -> None:
    teacher = {c.id: c for c in read(lesson).cells}
    student = student_of(student_run, lesson)
    assert student.cells[0 if "nav-top" not in tags(student.cells[0]) else 1].source.startswith(NOTE_START)
    for cell in student.cells:
        if cell.cell_type != "code":
            continue
        if tags(cell) & {"exercise", "check"}:
            assert cell.outputs == [] and cell.execution_count is None, f"cell {cell.id} kept its output"
            assert not cell.metadata.get("jupyter", {}).get("outputs_hidden"), f"check {cell.id} hides its message"
        else:
            assert cell.outputs == teacher[cell.id].outputs, f"cell {cell.id} lost its outputs"
    for cell in student.cells:
        if "exercise" in tags(cell):
            assert "# your answer here" in cell.source, f"exercise {cell.id} is not a starter: {cell.source!r}"


@pytest.mark.parametrize("lesson", lesson_params())
def test_student_copy_says_how_to_open_it_and_nothing_of_solutions(student_run: dict[str, Any], lesson: Path) -> None:
    teacher, student = read(lesson), student_of(student_run, lesson)
    assert any("instructor" in tags(c) for c in teacher.cells), f"{lesson.name} has no instructor note"
    assert not [c for c in student.cells if "instructor" in tags(c)], "an instructor note survived"
    note = next(c for c in student.cells if "student-note" in tags(c)).source
    for how in ("Colab", "make lab", "pip install", f"student/{lesson.name}"):
        assert how in note, f"the student note does not say {how!r}"
    for cell in student.cells:
        if cell.cell_type == "markdown":
            text = cell.source.lower()
            found = [w for w in SOLUTION_WORDS if w in text]
            assert not found, f"markdown cell {cell.id} of the student copy mentions {found}: {cell.source[:200]!r}"


@pytest.mark.parametrize("lesson", lesson_params())
def test_check_cells_teach_on_the_starter_answer(student_run: dict[str, Any], lesson: Path) -> None:
    from nbclient import NotebookClient

    path = student_run["out"] / lesson.name
    nb = read(path)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", allow_errors=True, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    for cell in (c for c in nb.cells if c.cell_type == "code"):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "check" not in tags(cell):
            assert not errors, f"cell {cell.id} failed in the student copy: {errors[0].ename}: {errors[0].evalue}"
            continue
        assert errors, f"check cell {cell.id} passed although the answer is still the starter"
        error = errors[0]
        assert error.ename == "CheckFailed", f"check cell {cell.id} raised {error.ename}: {error.evalue}"
        assert len(error.evalue.split()) >= MIN_MESSAGE_WORDS, (
            f"check cell {cell.id} raised a bare failure ({error.evalue!r}); it should say what to do"
        )
        shown = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error.traceback))
        assert "Traceback" not in shown and ".py" not in shown and "still empty" in shown, shown
