"""``vnpartners`` command line: ``vnpartners report ...`` (also ``python -m vnpartners report``)."""

from __future__ import annotations

import sys

_USAGE = """usage: vnpartners report [PARTNER ...] [--all | --seeds] [--out DIR] [--jobs N]
                         [--articles DIR] [--template NOTEBOOK] [--timeout SECONDS] [--pdf]

Render partner reports (offline HTML pages) from the kit's papermill template.
`vnpartners report --help` explains each option."""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(_USAGE, file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "report":
        from .reports.command import main as report_main

        return report_main(rest)
    print(f"vnpartners: unknown command {command!r}; try `vnpartners report --help`", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
