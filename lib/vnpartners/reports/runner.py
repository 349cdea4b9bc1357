"""Render partner reports: the papermill template run once per partner, exported to offline HTML.

``vnpartners report RUS CHN`` (or ``python -m vnpartners report``) writes ``reports/RUS.html``,
``reports/CHN.html`` and ``reports/index.html``. Each report is executed by papermill with an
explicit working directory and the ``python3`` kernel, exported without code cells, and written
through a temporary name, so a failure never leaves a half-written page. A failed run's executed
notebook is kept in ``reports/_failed/`` for debugging (as far as it ran, also when the kernel died)
and the other partners go on.

Speed: each worker process keeps one warm kernel and reuses it for the partners it renders,
resetting the kernel's namespace between reports (imports stay loaded, variables do not).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Iterable

from .notebooks import KERNEL_NAME, clean_metadata, to_html, write_atomically

TEMPLATE_NAME = "partner_report.ipynb"
# warm-up code run once in each worker's kernel (imports the report needs)
_WARMUP = "import pandas, matplotlib, matplotlib.pyplot, vnpartners, vnpartners.reference\n"
_RESET = "get_ipython().reset(new_session=False, aggressive=False)\n"
# seconds a kernel may take to answer (start-up, the reset between reports) before it counts as stuck
KERNEL_READY_TIMEOUT = 60.0


def template_path() -> Path:
    """The papermill template: bundled copy when installed from a wheel, else the checkout's."""
    from ..paths import _BUNDLED, kit_root

    for candidate in (_BUNDLED / "notebooks" / TEMPLATE_NAME, kit_root() / "notebooks" / TEMPLATE_NAME):
        if candidate.is_file():
            return candidate
    from ..errors import DataFileMissing

    raise DataFileMissing(
        f"The report template {TEMPLATE_NAME} is missing (looked in the kit's notebooks/ folder). "
        "Reinstall the kit with `make setup`."
    )


@dataclass
class ReportResult:
    """Outcome of one partner's report."""

    iso3: str
    ok: bool
    seconds: float
    path: Path | None = None
    error: str = ""
    failed_notebook: Path | None = None
    retried: bool = False  # the first kernel was stuck or died, and a fresh one rendered it


@dataclass
class _Worker:
    """Per-process state: one warm kernel reused across reports."""

    km: Any = None


_STATE = _Worker()


def _run_in_kernel(km: Any, code: str, timeout: float = 120) -> None:
    """Run ``code`` in the kernel through a fresh client (no stale messages from earlier runs)."""
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=KERNEL_READY_TIMEOUT)
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"].get("status") != "ok":
            raise RuntimeError(f"the report kernel could not run {code.strip()!r}: {reply['content'].get('evalue', '')}")
    finally:
        kc.stop_channels()


def _warm_kernel(cwd: Path, log_path: Path | None = None) -> Any:
    from jupyter_client.manager import KernelManager

    if _STATE.km is not None and _STATE.km.is_alive():
        return _STATE.km
    # papermill drives the kernel from an asyncio loop; a blocking client there would wait on the
    # kernel's messages with the loop stopped, so a kernel that dies would hang the report for ever.
    km = KernelManager(kernel_name=KERNEL_NAME, client_class="jupyter_client.asynchronous.AsyncKernelClient")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # Agg would hide the charts
    # the kernel's own stderr (start-up chatter) goes to a log beside the failed notebooks, not the terminal
    log = open(os.devnull, "w") if log_path is None else open(log_path, "a", encoding="utf-8")  # noqa: SIM115
    km.start_kernel(cwd=str(cwd), env=env, stderr=log, stdout=log)
    _run_in_kernel(km, _WARMUP)
    _STATE.km = km
    return km


def _shutdown_kernel() -> None:
    if _STATE.km is not None:
        _STATE.km.shutdown_kernel(now=True)
    _STATE.km = None


def _is_kernel_failure(exc: BaseException) -> bool:
    """True when the kernel itself failed (stuck or dead), not the notebook's code.

    Such a failure says nothing about the partner's report, so it earns one more try with a
    fresh kernel. A cell that raises (papermill's ``PapermillExecutionError``) is never retried.
    """
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(exc, CellTimeoutError):
        return False
    if isinstance(exc, (DeadKernelError, TimeoutError)):
        return True
    message = str(exc)
    return isinstance(exc, RuntimeError) and ("Kernel didn't respond" in message or "Kernel died" in message)


@lru_cache(maxsize=1)
def _keep_partial_engine() -> str:
    """Register (once) and name a papermill engine that saves the cells run so far when the kernel fails.

    papermill writes the executed notebook when a cell raises. When the kernel itself dies or stops
    answering, it writes nothing, because saving after every cell is switched off here (it costs
    about 7 % of a report). This engine is papermill's own nbclient engine, which then writes
    the notebook as far as it got to ``partial_path``, so ``_failed/`` shows where the report stopped.
    """
    import nbformat
    from papermill.engines import NBClientEngine, papermill_engines

    class KeepPartialEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, partial_path: str | None = None, **kwargs: Any) -> Any:
            try:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            except Exception as exc:
                if partial_path is not None:
                    try:
                        _mark_stopped_cell(nb_man.nb, exc)
                        write_atomically(Path(partial_path), nbformat.writes(nb_man.nb))
                    except Exception:  # noqa: BLE001 - the kernel's failure is the error to report, not this one
                        pass
                raise

    name = "vnpartners-keep-partial"
    papermill_engines.register(name, KeepPartialEngine)
    return name


def _mark_stopped_cell(nb: Any, exc: BaseException) -> None:
    """Mark the cell that was running when the kernel failed: papermill status ``failed`` and an error output.

    papermill marks every started cell ``completed`` when the kernel dies under it; the kept notebook
    should show where the report stopped and why.
    """
    import nbformat

    started = [cell for cell in nb.cells if cell.get("metadata", {}).get("papermill", {}).get("start_time")]
    if not started:
        return
    cell = started[-1]
    cell.metadata.papermill["status"] = "failed"
    cell.metadata.papermill["exception"] = True
    if cell.cell_type == "code":
        message = f"{exc} (the kernel stopped while this cell ran; the report was not written)".strip()
        cell.outputs.append(nbformat.v4.new_output("error", ename=type(exc).__name__, evalue=message, traceback=[message]))


def _execute(
    iso3: str,
    out_dir: Path,
    executed_path: Path,
    *,
    reuse_kernel: bool,
    template: Path | None,
    parameters: dict[str, Any] | None,
) -> Path:
    """Execute the template for one partner and write its page; returns the page's path."""
    import papermill as pm

    from .page import partner_name

    template = template or template_path()
    workdir = template.parent
    name = partner_name(iso3)
    engine_kwargs: dict[str, Any] = {}
    if reuse_kernel:
        km = _warm_kernel(workdir, out_dir / "_work" / "kernel.log")
        _run_in_kernel(km, _RESET, timeout=KERNEL_READY_TIMEOUT)
        engine_kwargs["km"] = km
    nb = pm.execute_notebook(
        str(template),
        str(executed_path),
        parameters={**(parameters or {}), "partner": iso3},
        engine_name=_keep_partial_engine(),
        partial_path=str(executed_path),
        kernel_name=KERNEL_NAME,
        cwd=str(workdir),
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        start_timeout=KERNEL_READY_TIMEOUT,
        **engine_kwargs,
    )
    page = to_html(clean_metadata(nb), no_input=True, title=f"Vietnam–{name}: partner report")
    target = out_dir / f"{iso3}.html"
    write_atomically(target, page)
    return target


def render_one(
    iso3: str,
    out_dir: Path,
    *,
    reuse_kernel: bool = True,
    template: Path | None = None,
    parameters: dict[str, Any] | None = None,
) -> ReportResult:
    """Render the report of one partner (ISO3 code) into ``out_dir/<ISO3>.html``.

    ``parameters`` adds papermill parameters beside ``partner`` (e.g. ``seeds_folder``).
    If the warm kernel is stuck or dies, it is replaced and the report is run once more
    (``ReportResult.retried``); an error in the notebook's own code is reported at once.
    """
    started = time.perf_counter()
    executed_path = out_dir / "_work" / f"{iso3}.ipynb"
    executed_path.parent.mkdir(parents=True, exist_ok=True)
    retried = False

    def attempt() -> Path:
        return _execute(iso3, out_dir, executed_path, reuse_kernel=reuse_kernel, template=template, parameters=parameters)

    try:
        try:
            target = attempt()
        except Exception as exc:
            if not (reuse_kernel and _is_kernel_failure(exc)):
                raise
            _shutdown_kernel()  # the stuck or dead kernel goes; a fresh one starts for the retry
            retried = True
            target = attempt()
        executed_path.unlink(missing_ok=True)
        return ReportResult(iso3, True, time.perf_counter() - started, path=target, retried=retried)
    except Exception as exc:  # keep the failed notebook, report, go on
        kept, _ = _keep_failed(iso3, out_dir)
        if reuse_kernel:
            _shutdown_kernel()  # a failed run may leave the kernel in a bad state
        message = f"{type(exc).__name__}: {exc}".strip()
        if retried:
            message = f"{message} (after a retry with a fresh kernel)"
        return ReportResult(
            iso3, False, time.perf_counter() - started, error=message[-3000:], failed_notebook=kept, retried=retried
        )


def _pool_size(jobs: int, n_reports: int) -> int:
    """Worker processes for ``n_reports`` reports: ``jobs``, but never more than there are reports (1 at least)."""
    return max(1, min(jobs, n_reports))


def render_reports(
    codes: Iterable[str],
    out_dir: Path,
    *,
    jobs: int = 2,
    progress: Any = None,
    template: Path | None = None,
    parameters: dict[str, Any] | None = None,
) -> list[ReportResult]:
    """Render reports for the given ISO3 codes with ``jobs`` worker processes, then the index.

    ``progress`` is called with each :class:`ReportResult` as it finishes (for a progress line).
    Returns the results in the order of ``codes``.
    """
    codes = list(dict.fromkeys(codes))
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = _pool_size(jobs, len(codes))
    results: dict[str, ReportResult] = {}
    if jobs == 1:
        for code in codes:
            result = render_one(code, out_dir, template=template, parameters=parameters)
            results[code] = result
            if progress:
                progress(result)
        _shutdown_kernel()
    else:

        def finished(result: ReportResult) -> None:
            results[result.iso3] = result
            if progress:
                progress(result)

        # a worker process that dies (killed, out of memory, a crash in C code) breaks the whole pool:
        # the partners it left unrendered get a fresh pool, and if that breaks too, a process each
        # (twice at most), so that only a partner that kills its own process is reported failed
        left = _render_in_pool(codes, out_dir, jobs, template, parameters, finished)
        if left:
            left = _render_in_pool(left, out_dir, jobs, template, parameters, finished)
        for code in left:
            if all(_render_in_pool([code], out_dir, 1, template, parameters, finished) for _ in range(2)):
                finished(_worker_died(code, out_dir))
    write_index(out_dir, [results[c] for c in codes], parameters)
    shutil.rmtree(out_dir / "_work", ignore_errors=True)  # failed notebooks were moved to _failed/
    return [results[c] for c in codes]


def _render_in_pool(
    codes: list[str],
    out_dir: Path,
    jobs: int,
    template: Path | None,
    parameters: dict[str, Any] | None,
    finished: Any,
) -> list[str]:
    """Render ``codes`` in a pool of ``jobs`` processes, calling ``finished`` with each result.

    Returns the codes left unrendered because a worker process died and broke the pool.
    """
    from concurrent.futures.process import BrokenProcessPool

    done: set[str] = set()
    # one report per task so progress is reported as each finishes; each worker keeps its kernel
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_worker_init) as pool:
        futures = [pool.submit(_render_in_worker, code, str(out_dir), template, parameters) for code in codes]
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                break  # every report not yet finished is lost with the pool
            done.add(result.iso3)
            finished(result)
    return [code for code in codes if code not in done]


def _keep_failed(iso3: str, out_dir: Path) -> tuple[Path | None, Path | None]:
    """Move a failed partner's executed notebook and copy the kernels' log into ``_failed/``.

    Returns where the notebook and the log were kept (``None`` for what did not exist).
    """
    failed_dir = out_dir / "_failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    executed, log = out_dir / "_work" / f"{iso3}.ipynb", out_dir / "_work" / "kernel.log"
    kept_notebook = kept_log = None
    if executed.is_file():
        kept_notebook = failed_dir / f"{iso3}.ipynb"
        os.replace(executed, kept_notebook)
    if log.is_file():
        kept_log = failed_dir / f"{iso3}.kernel.log"
        shutil.copyfile(log, kept_log)
    return kept_notebook, kept_log


def _worker_died(iso3: str, out_dir: Path) -> ReportResult:
    """The failure of a partner whose worker process died even when it ran alone."""
    kept, log = _keep_failed(iso3, out_dir)
    where = f"; the kernels' log is kept as _failed/{log.name}" if log else ""
    return ReportResult(
        iso3,
        False,
        0.0,
        error="WorkerDied: the process rendering this report died (killed, out of memory or crashed), "
        f"twice when it ran alone{where}",
        failed_notebook=kept,
    )


def _worker_init() -> None:
    import atexit

    atexit.register(_shutdown_kernel)


def _render_in_worker(code: str, out_dir: str, template: Path | None, parameters: dict[str, Any] | None) -> ReportResult:
    try:
        return render_one(code, Path(out_dir), template=template, parameters=parameters)
    except BaseException as exc:  # never lose the other partners to one worker's crash
        return ReportResult(code, False, 0.0, error=f"{type(exc).__name__}: {exc}")


def write_index(out_dir: Path, results: list[ReportResult], parameters: dict[str, Any] | None = None) -> Path:
    """Write ``index.html`` linking every report that exists in ``out_dir`` (offline, no scripts)."""
    from .. import load_folder, load_seeds
    from .index import index_html

    pages = sorted(p.stem for p in out_dir.glob("*.html") if p.stem != "index" and len(p.stem) == 3)
    failed = {r.iso3: r for r in results if not r.ok}
    folder = (parameters or {}).get("seeds_folder")
    corpus = load_folder(folder) if folder else load_seeds()
    page = index_html(sorted(set(pages) | set(failed)), {c: r.error for c, r in failed.items()}, corpus)
    target = out_dir / "index.html"
    write_atomically(target, page)
    return target


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


def main(argv: list[str] | None = None) -> int:
    """Command line: ``vnpartners report [PARTNER ...] [--all | --seeds] [--out DIR] [--jobs N] [--articles DIR] [--template NB] [--pdf]``."""
    import argparse

    from .. import reference
    from ..errors import UnknownPartnerError, VnPartnersError
    from . import pdf
    from .page import resolve_report_partner

    parser = argparse.ArgumentParser(prog="vnpartners report", description="Render partner reports to HTML.")
    parser.add_argument("partners", nargs="*", help="ISO3 codes or names in English or Indonesian (e.g. RUS, Rusia, China)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every partner in the reference table")
    which.add_argument("--seeds", action="store_true", help="the partners the seed articles discuss (default)")
    parser.add_argument("--out", default="reports", help="output folder (default: reports)")
    parser.add_argument("--jobs", type=_positive_int, default=min(2, os.cpu_count() or 1), help="parallel processes (1 or more)")
    parser.add_argument("--articles", default="", help="folder of articles to take facts from (default: the kit's seeds)")
    parser.add_argument("--template", default=None, help="another papermill template (default: notebooks/partner_report.ipynb)")
    parser.add_argument("--pdf", action="store_true", help="also print each page to PDF (needs the machine's chromium)")
    args = parser.parse_args(argv)
    if args.partners and (args.all or args.seeds):
        parser.error(f"name partners or pass --{'all' if args.all else 'seeds'}, not both")

    try:
        if args.all:
            codes = sorted(reference.partners()["iso3"])
        elif args.partners:
            # one report per partner, however many ways it was named ("RUS Rusia Russia")
            codes = list(dict.fromkeys(resolve_report_partner(p) for p in args.partners))
        else:
            codes = seed_partners()
    except UnknownPartnerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except VnPartnersError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"error: --out {out} is a file; pass a folder for the pages (it is created if missing)", file=sys.stderr)
        return 2
    if args.articles:  # read the folder once now: a folder the loader refuses fails here, not in every report
        from ..corpus import load_folder

        try:
            load_folder(args.articles)
        except VnPartnersError as exc:
            print(f"error: --articles: {exc}", file=sys.stderr)
            return 2
    if args.pdf and pdf.missing_chromium():
        print(f"error: {pdf.missing_chromium()}", file=sys.stderr)
        return 2
    template = Path(args.template).resolve() if args.template else None
    if template is not None and not template.is_file():
        print(f"error: the template {template} does not exist", file=sys.stderr)
        return 2
    total = len(codes)
    done = 0
    print(f"rendering {total} report(s) into {out}/ with {_pool_size(args.jobs, total)} job(s)", flush=True)

    def progress(result: ReportResult) -> None:
        nonlocal done
        done += 1
        status = "ok" if result.ok else "FAILED"
        again = ", run again after its kernel stopped answering or died" if result.retried else ""
        print(f"[{done}/{total}] {result.iso3} {status} ({result.seconds:.1f} s{again})", flush=True)

    parameters = {"seeds_folder": str(Path(args.articles).resolve())} if args.articles else None
    results = render_reports(codes, out, jobs=args.jobs, progress=progress, template=template, parameters=parameters)
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
            print(f"  {r.iso3}: {r.error.splitlines()[-1] if r.error else 'failed'}{kept}", file=sys.stderr)
        return 1
    return 0
