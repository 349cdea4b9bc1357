"""The teaching guide (instructors/): a page per lesson with objectives, timing that adds up to the
lesson's minutes, prompts, misconceptions, the generated answer key and a model answer for each
question of interpretation; linked from the README."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from kit_lessons import KIT, lesson_params

from vnpartners import check

sys.path.insert(0, str(KIT / "tools"))
import lesson_cells  # noqa: E402

GUIDE = KIT / "instructors"
SECTIONS = ("## Objectives", "## Timing", "## Discussion prompts", "## Common misconceptions", "## Answer key")


def page(lesson: Path) -> Path:
    found = sorted(GUIDE.glob(f"{lesson.name[:2]}_*.md"))
    assert found, f"no teaching guide page instructors/{lesson.name[:2]}_*.md for {lesson.name}"
    return found[0]


def lesson_minutes(lesson: Path) -> tuple[int, int, int]:
    intro = next(c.source for c in nbformat.read(lesson, as_version=4).cells
                 if c.cell_type == "markdown" and c.source.startswith("# "))
    match = re.search(r"(\d+) minutes \((\d+) teaching, (\d+) exercises\)", intro)
    assert match
    return tuple(int(x) for x in match.groups())  # type: ignore[return-value]


def headings(lesson: Path) -> list[str]:
    found = []
    for cell in nbformat.read(lesson, as_version=4).cells:
        if cell.cell_type == "markdown":
            found += [line[3:].strip() for line in cell.source.splitlines() if line.startswith("## ")]
    return found


def test_guide_is_linked_from_the_readme() -> None:
    assert "(instructors/README.md)" in (KIT / "README.md").read_text(encoding="utf-8")
    text = (GUIDE / "README.md").read_text(encoding="utf-8")
    for word in ("JupyterLab", "Binder", "Colab", "make student", "Render as Reveal Slideshow", "git checkout"):
        assert word in text


@pytest.mark.parametrize("lesson", lesson_params())
def test_guide_index_gives_the_lessons_time(lesson: Path) -> None:
    text = (GUIDE / "README.md").read_text(encoding="utf-8")
    row = next((line for line in text.splitlines() if f"({page(lesson).name})" in line), None)
    assert row, f"instructors/README.md does not list {page(lesson).name}"
    assert f"| {lesson_minutes(lesson)[0]} minutes |" in row


@pytest.mark.parametrize("lesson", lesson_params())
def test_page_has_every_part(lesson: Path) -> None:
    text = page(lesson).read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in text, f"{page(lesson).name} has no section {section!r}"
    assert f"(../notebooks/{lesson.name})" in text


@pytest.mark.parametrize("lesson", lesson_params())
def test_timing_covers_every_section_and_adds_up(lesson: Path) -> None:
    text = page(lesson).read_text(encoding="utf-8")
    total, teaching, exercises = lesson_minutes(lesson)
    assert f"## Timing ({total} minutes: {teaching} teaching, {exercises} exercises)" in text
    table = text.split("## Timing", 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()
            if line.startswith("| ") and not line.startswith("| section")]
    minutes = {row[0]: int(row[1]) for row in rows}
    assert sum(minutes.values()) == total
    assert minutes["Exercises"] == exercises
    named = " / ".join(minutes)
    for heading in headings(lesson):
        assert heading in named, f"the timing table of {page(lesson).name} has no row for section {heading!r}"


@pytest.mark.parametrize("lesson", lesson_params())
def test_answer_key_is_the_generated_one_with_model_answers(lesson: Path) -> None:
    text = page(lesson).read_text(encoding="utf-8")
    number = lesson.name[:2]
    assert lesson_cells.answers_block(number) in text, "answer key out of date: run make notebooks"
    for exercise in check.exercises(number):
        if exercise.interpretive:
            heading = f"### Model answer: exercise {exercise.number} (interpretation)"
            assert heading in text
            answer = text.split(heading, 1)[1].split("\n#", 1)[0]
            assert len(answer.split()) >= 40, "a model answer is a paragraph"
