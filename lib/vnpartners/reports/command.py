"""The ``vnpartners report`` command line: options, the checks made before anything is written, the
messages and exit codes (0 all written, 1 some failed, 2 misuse: nothing written, 130 stopped).

Every refusal is one line saying what is wrong and what to do; no traceback reaches the terminal.
The rendering itself is :func:`vnpartners.reports.runner.render_reports`.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from . import control, runner
from .runner import DEFAULT_CELL_TIMEOUT, ReportResult, ReportsInterrupted, _pool_size

__all__ = ["main", "seed_partners"]


def seed_partners() -> list[str]:
    """ISO3 codes of the partners the seed articles discuss (partnership statements and figures)."""
    from .. import load_seeds

    corpus = load_seeds()
    codes = set(corpus.partnerships["partner_iso3"].dropna()) | set(corpus.figures["partner_iso3"].dropna())
    codes.discard("VNM")
    return sorted(codes)


def _positive_int(text: str) -> int:
    """argparse type for ``--jobs``: a whole number of at least 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too few: at least 1 process renders the reports")
    return value


def _positive_seconds(text: str) -> float:
    """argparse type for ``--timeout``: a number of seconds above 0."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError(f"{text} is not a time limit: give a number of seconds above 0")
    return value


def _out_problem(out: Path) -> str | None:
    """Why the pages cannot be written into the folder ``out`` (created here if missing), or None when they can."""
    import tempfile

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"--out {out}: cannot create the folder ({exc.strerror or exc}); choose a folder you can write to"
    try:
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        return f"--out {out}: cannot write in this folder ({exc.strerror or exc}); choose a folder you can write to"
    return None


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Command line: ``vnpartners report [PARTNER ...] [--all | --seeds] [--out DIR] [--jobs N] [--articles DIR]
    [--template NB] [--timeout SECONDS] [--pdf]``. Exit codes: 0 all written, 1 some failed, 2 misuse (nothing
    written), 130 stopped by Ctrl-C (or SIGTERM)."""
    import threading

    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_interrupt) if in_main_thread else None  # `kill`: as Ctrl-C
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("stopped (Ctrl-C)", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> int:
    import argparse

    from .. import reference
    from ..corpus import check_folder
    from ..errors import UnknownPartnerError, VnPartnersError
    from . import pdf
    from .page import resolve_report_partner

    parser = argparse.ArgumentParser(prog="vnpartners report", description="Render partner reports to HTML.")
    parser.add_argument("partners", nargs="*", help="ISO3 codes or names in English or Indonesian (e.g. RUS, Rusia, China)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every partner in the reference table")
    which.add_argument("--seeds", action="store_true", help="the partners the seed articles discuss (default)")
    parser.add_argument("--out", default="reports", help="output folder (default: reports); the run writes only "
                        "its pages, index.html, index.json and _failed/, and removes only its own work folder")
    parser.add_argument("--jobs", type=_positive_int, default=min(2, os.cpu_count() or 1),
                        help="parallel processes (1 or more; at most one per processor core)")
    parser.add_argument("--articles", default="", help="folder of articles to take facts from (default: the kit's seeds)")
    parser.add_argument("--template", default=None, help="another papermill template (default: notebooks/partner_report.ipynb)")
    parser.add_argument("--timeout", type=_positive_seconds, default=DEFAULT_CELL_TIMEOUT, metavar="SECONDS",
                        help=f"seconds one cell of a report may run before that report is stopped and kept in "
                        f"_failed/ (default: {DEFAULT_CELL_TIMEOUT:g})")
    parser.add_argument("--pdf", action="store_true", help="also print each page to PDF (needs the machine's chromium)")
    args = parser.parse_args(argv)
    if args.partners and (args.all or args.seeds):
        parser.error(f"name partners or pass --{'all' if args.all else 'seeds'}, not both")

    def refuse(message: str) -> int:
        print(f"error: {message}", file=sys.stderr)
        return 2

    if not args.out.strip():
        return refuse("--out is empty: name the folder for the pages (default: reports; '.' for this folder)")
    try:
        if args.all:
            codes = sorted(reference.partners()["iso3"])
        elif args.partners:
            # one report per partner, however many ways it was named ("RUS Rusia Russia")
            codes = list(dict.fromkeys(resolve_report_partner(p) for p in args.partners))
        else:
            codes = seed_partners()
    except (UnknownPartnerError, VnPartnersError) as exc:
        return refuse(str(exc))

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return refuse(f"--out {out} is a file; pass a folder for the pages (it is created if missing)")
    if args.articles:  # check the folder once now: a folder the loader refuses fails here, not in every report
        try:
            check_folder(args.articles)
        except VnPartnersError as exc:
            return refuse(f"--articles: {exc}")
    if args.pdf and pdf.missing_chromium():
        return refuse(str(pdf.missing_chromium()))
    template = Path(args.template).resolve() if args.template else None
    if template is not None and not template.is_file():
        return refuse(f"the template {template} does not exist")
    problem = _out_problem(out)
    if problem:
        return refuse(problem)
    total = len(codes)
    jobs = _pool_size(args.jobs, total)
    if args.jobs > control.usable_cores():
        print(f"note: --jobs {args.jobs} is more than the {control.usable_cores()} processor core(s) here; "
              f"using {jobs} (each job runs a kernel of its own)", flush=True)
    print(f"rendering {total} report(s) into {out}/ with {jobs} job(s)", flush=True)
    done = 0

    def progress(result: ReportResult) -> None:
        nonlocal done
        done += 1
        status = "ok" if result.ok else "FAILED"
        again = ", run again after its kernel stopped answering or died" if result.retried else ""
        print(f"[{done}/{total}] {result.iso3} {status} ({result.seconds:.1f} s{again})", flush=True)

    parameters = {"seeds_folder": str(Path(args.articles).resolve())} if args.articles else None
    try:
        results = runner.render_reports(codes, out, jobs=args.jobs, progress=progress, template=template,
                                        parameters=parameters, timeout=args.timeout)
    except ReportsInterrupted as stop:
        written = sum(r.ok for r in stop.results)
        print(f"stopped (Ctrl-C): {written} of {total} report(s) written before the stop, its kernels killed; "
              f"index: {out / 'index.html'}", file=sys.stderr)
        return 130
    except OSError as exc:  # the folder changed under the run (removed, made read-only, disk full)
        print(f"error: {exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}; "
              f"the reports could not all be written into {out}/", file=sys.stderr)
        return 1
    failed = [r for r in results if not r.ok]
    print(f"{total - len(failed)} of {total} report(s) written; index: {out / 'index.html'}")
    if args.pdf and len(failed) < total:
        try:
            print(f"{len(pdf.print_pdfs([r.path for r in results if r.ok and r.path]))} PDF(s) written beside the pages")
        except Exception as exc:  # noqa: BLE001 - the pages are written; say why the PDFs are not
            print(f"error: --pdf: {exc}", file=sys.stderr)
            return 1
    if failed:
        for r in failed:
            kept = f" (notebook kept: {r.failed_notebook})" if r.failed_notebook else ""
            print(f"  {r.iso3}: {r.error or 'failed'}{kept}", file=sys.stderr)
        return 1
    return 0
