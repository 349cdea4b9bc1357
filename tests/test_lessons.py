"""The lessons as committed: the shape an instructor can teach from, and the form git keeps.

Reads the committed notebooks only (no kernel), except one test that saves a lesson through the
pre-save hook the way JupyterLab does.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
import pytest
from kit_lessons import KIT, lesson_params, tags

from vnpartners import check
from vnpartners.reports import notebooks as nbtools

TIME = re.compile(r"\*\*Time needed:?\*\*:?\s*(\d+) minutes \((\d+) teaching, (\d+) exercises\)")
SOLUTION_FIRST_LINE = "# Worked solution: try the exercise first."


def read(path: Path):
    return nbformat.read(path, as_version=4)


def lesson_time(path: Path) -> tuple[int, int, int]:
    """(total, teaching, exercises) minutes from the lesson's intro."""
    intro = next(c.source for c in read(path).cells if c.cell_type == "markdown" and c.source.startswith("# "))
    match = TIME.search(intro)
    assert match, f"{path.name}: 'Time needed' should read 'N minutes (A teaching, B exercises)'"
    return tuple(int(x) for x in match.groups())  # type: ignore[return-value]


@pytest.mark.parametrize("lesson", lesson_params())
def test_time_needed_adds_up(lesson: Path) -> None:
    total, teaching, exercises = lesson_time(lesson)
    assert teaching + exercises == total


@pytest.mark.parametrize("lesson", lesson_params())
def test_solutions_are_collapsed_and_print_nothing(lesson: Path) -> None:
    nb = read(lesson)
    solutions = [c for c in nb.cells if "solution" in tags(c)]
    assert solutions
    for cell in solutions:
        assert cell.source.split("\n")[0] == SOLUTION_FIRST_LINE, "a closed solution shows only its first line"
        assert cell.metadata["jupyter"]["source_hidden"] is True
        assert cell.outputs == [], f"solution {cell.id} puts its answer on the screen: {cell.outputs}"
    for cell in (c for c in nb.cells if "check" in tags(c)):
        assert cell.metadata["jupyter"]["outputs_hidden"] is True, "running all cells would show the answers"
        assert cell.outputs and cell.outputs[0].get("text", "").startswith("✓"), "the solution does not pass its check"


@pytest.mark.parametrize("lesson", lesson_params())
def test_solutions_read_the_parameters_instead_of_typing_them(lesson: Path) -> None:
    nb = read(lesson)
    exercises = check.exercises(lesson.name[:2])
    solutions = [c.source for c in nb.cells if "solution" in tags(c)]
    assert len(solutions) == len(exercises)
    for exercise, source in zip(exercises, solutions):
        for key, value in exercise.params.items():
            assert f"q{exercise.number}_{key}" in source, f"exercise {exercise.number} ignores its parameter {key}"
            assert repr(value) not in source and (not isinstance(value, int) or str(value) not in source), (
                f"exercise {exercise.number}'s solution types {value!r} again")


@pytest.mark.parametrize("lesson", lesson_params())
def test_each_lesson_has_a_question_of_interpretation(lesson: Path) -> None:
    nb = read(lesson)
    questions = [c.source for c in nb.cells if "question" in tags(c)]
    assert any("*(interpretation)*" in q for q in questions)
    assert any("why_" in c.source for c in nb.cells if "exercise" in tags(c))


@pytest.mark.parametrize("lesson", lesson_params())
def test_links_in_the_prose_point_to_files_that_exist(lesson: Path) -> None:
    for cell in read(lesson).cells:
        if cell.cell_type != "markdown":
            continue
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", cell.source):
            if target.startswith(("http://", "https://")):
                continue
            assert (lesson.parent / target).resolve().exists(), f"{lesson.name} links to missing {target}"
        for name in re.findall(r"`((?:\.\./)?(?:data|seeds|notebooks|instructors)/[^`\s]+\.(?:md|csv|ipynb))`", cell.source):
            assert (KIT / name.removeprefix("../")).exists(), f"{lesson.name} names missing file {name}"


@pytest.mark.parametrize("lesson", lesson_params())
def test_committed_in_the_form_running_leaves(lesson: Path) -> None:
    nb = read(lesson)
    assert nb.metadata["language_info"] == {"name": "python"}
    assert "widgets" not in nb.metadata
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.execution_count is not None]
    assert counts == list(range(1, len(counts) + 1))
    for cell in nb.cells:
        if "widget" in tags(cell):
            assert cell.outputs == [], "a widget's stored output is a dead reference to a live model"
        assert set(cell.metadata) <= {"tags", "jupyter", "editable", "deletable", "slideshow"}
    assert nbformat.writes(nbtools.normalise_lesson(nb)) + "\n" == lesson.read_text(encoding="utf-8")


@pytest.mark.parametrize("lesson", lesson_params())
def test_saving_from_jupyterlab_gives_the_committed_file(lesson: Path) -> None:
    """What JupyterLab adds when it runs and saves a lesson, then the pre-save hook that takes it away."""
    nb = read(lesson)
    noisy = copy.deepcopy(nb)
    noisy.metadata["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py", "mimetype": "text/x-python",
        "name": "python", "nbconvert_exporter": "python", "pygments_lexer": "ipython3", "version": "3.11.2"}
    noisy.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2}}
    shift = 40
    for cell in noisy.cells:
        if cell.cell_type == "code":
            cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
            if cell.execution_count is not None:
                cell.execution_count += shift            # as if some cells had been run twice
                for out in cell.outputs:
                    if out.output_type == "execute_result":
                        out.execution_count = cell.execution_count
            if "widget" in tags(cell):
                cell.outputs = [nbformat.v4.new_output("display_data", data={
                    "application/vnd.jupyter.widget-view+json": {"model_id": "f" * 32, "version_major": 2,
                                                                 "version_minor": 0},
                    "text/plain": "interactive(...)"})]
    model = {"type": "notebook", "content": nbformat.from_dict(noisy)}
    nbtools.lesson_pre_save_hook(model=model, path=f"notebooks/{lesson.name}", contents_manager=None)
    assert nbformat.writes(model["content"]) + "\n" == lesson.read_text(encoding="utf-8")
    other = {"type": "notebook", "content": nbformat.from_dict(noisy)}
    nbtools.lesson_pre_save_hook(model=other, path="notebooks/my_analysis.ipynb", contents_manager=None)
    assert other["content"].metadata["language_info"]["version"] == "3.11.2", "only lessons are touched"


def test_make_setup_installs_the_save_hook() -> None:
    import json

    config = json.loads((KIT / "tools" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    hook = config["ContentsManager"]["pre_save_hook"]
    module, name = hook.rsplit(".", 1)
    assert getattr(__import__(module, fromlist=[name]), name) is nbtools.lesson_pre_save_hook
    makefile = (KIT / "Makefile").read_text(encoding="utf-8")
    assert "cp tools/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.json" in makefile
    assert "etc/jupyter/jupyter_server_config.json" in (KIT / "postBuild").read_text(encoding="utf-8")
    from jupyter_server.serverapp import ServerApp

    app = ServerApp()
    app.load_config_file()       # what `jupyter lab` from this environment reads
    assert app.config.ContentsManager.pre_save_hook == hook, "run make setup: the save hook is not installed"


@pytest.mark.parametrize("lesson", lesson_params())
def test_running_all_cells_shows_no_answer(lesson: Path) -> None:
    """After Run All the check cells say *why* an answer is right, never the answer itself."""
    nb = read(lesson)
    outputs = ["".join(o.get("text", "")) for c in nb.cells if "check" in tags(c) for o in c.outputs]
    key = check.answer_key(lesson.name[:2])
    for exercise, shown in zip(check.exercises(lesson.name[:2]), outputs):
        answer = re.match(r"`([^`]*)`", key[exercise.number])
        if answer is None:      # "any of ...": many right answers
            continue
        value = answer.group(1)
        tokens = re.findall(r"'([A-Z]{3})'", value) or [value]
        for token in tokens:
            assert not re.search(rf"(?<![\w.]){re.escape(token)}(?![\w]|\.\d)", shown), (
                f"exercise {exercise.number}'s check prints its answer {token!r}: {shown!r}")


def test_official_tallies_quoted_in_lesson_01_are_the_tested_ones() -> None:
    """Lesson 01 quotes the officials' tallies of 2024-2025; each must be one test_reference checks."""
    from test_reference import OFFICIAL_TALLIES

    path = KIT / "notebooks" / "01_partnership_levels.ipynb"
    if not path.exists():
        pytest.skip("no lesson 01")
    cell = next(c for c in read(path).cells if c.get("id") == "what-37-reading")
    quoted = {int(n) for n in re.findall(r"\b(\d{2})\b(?! countries)", cell.source)}
    known = {total for _, total, _, _ in OFFICIAL_TALLIES} | {37}
    assert quoted and quoted <= known, f"lesson 01 quotes {sorted(quoted - known)}, which no test checks"
