"""Re-execute lessons in place with clean metadata (``make notebooks``).

Usage: python tools/run_notebooks.py notebooks/00_start_here.ipynb [...]
Each notebook runs with kernel python3 in its own folder; the file is replaced only when the
whole notebook ran without error, so a failing cell never leaves a half-executed lesson behind.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from vnpartners.reports.notebooks import execute_notebook, write_atomically


def main(paths: list[str]) -> int:
    failures = 0
    for name in paths:
        path = Path(name).resolve()
        print(f"executing {path.name} ...", flush=True)
        try:
            nb = execute_notebook(path)
        except Exception as exc:  # report and go on with the others
            failures += 1
            print(f"  FAILED: {type(exc).__name__}: {str(exc)[:2000]}", file=sys.stderr)
            continue
        write_atomically(path, nbformat.writes(nb) + "\n")
        print(f"  ok ({len(nb.cells)} cells)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
