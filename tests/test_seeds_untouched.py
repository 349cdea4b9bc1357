"""Running the lessons and a report leaves the seeds exactly as they were (bytes, times, modes)."""

from __future__ import annotations

from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent
SEEDS = KIT / "seeds"


def _snapshot() -> dict[str, tuple[bytes, int, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(SEEDS.iterdir())
        if p.is_file()
    }


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.slow
def test_running_a_lesson_and_a_report_leaves_the_seeds_untouched(tmp_path: Path) -> None:
    import nbformat

    from vnpartners.reports import runner as report
    from vnpartners.reports.notebooks import execute_notebook

    before = _snapshot()
    lesson = KIT / "notebooks" / "00_start_here.ipynb"
    executed = execute_notebook(lesson, cwd=lesson.parent)  # the lesson that reads every seed
    assert any(c.get("outputs") for c in executed.cells)
    nbformat.write(executed, tmp_path / "executed.ipynb")  # written elsewhere, never over the lesson
    results = report.render_reports(["RUS"], tmp_path / "reports", jobs=1)
    assert results[0].ok, results[0].error
    after = _snapshot()
    assert after.keys() == before.keys(), "a file appeared in or vanished from seeds/"
    for name, (data, mtime, mode) in before.items():
        assert after[name][0] == data, f"{name} was modified"
        assert after[name][1] == mtime, f"{name} was touched (mtime changed)"
        assert after[name][2] == mode, f"{name} changed permissions"
