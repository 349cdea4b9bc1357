"""Render partner reports: the papermill template run once per partner, exported to offline HTML.

``vnpartners report RUS CHN`` (or ``python -m vnpartners report``) writes ``reports/RUS.html``,
``reports/CHN.html`` and ``reports/index.html``. Each report is executed by papermill with an
explicit working directory and the ``python3`` kernel, exported without code cells, sanitised
(:mod:`.sanitise`: no scripts, nothing from the network, outputs of a sensible size, whatever the
template prints) and written through a temporary name, so a failure never leaves a half-written
page. A failed run's executed notebook is kept in ``reports/_failed/`` for debugging (as far as it
ran, also when the kernel died or a cell ran longer than the per-cell timeout) and the other
partners go on; a partner that succeeds later has its old failure removed from ``_failed/``.

Control (:mod:`.control`): each run works in a folder of its own (``_work-<pid>-<random>/``) and
removes only that; Ctrl-C stops the run within seconds, kills its kernels, writes the index of what
finished and removes the work folder (:class:`ReportsInterrupted`); the index lists the partners
this run and earlier runs rendered (recorded in ``index.json``), never other ``.html`` files.

Speed: each worker process keeps one warm kernel and reuses it for the partners it renders,
resetting the kernel's namespace between reports (imports stay loaded, variables do not).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Iterable

from . import control, kernels
from .kernels import KERNEL_READY_TIMEOUT, STATE as _STATE, keep_partial_engine, kill_kernel_now
from .kernels import shutdown_kernel as _shutdown_kernel
from .notebooks import KERNEL_NAME, clean_metadata, to_html, write_atomically
from .sanitise import cap_outputs, sanitise_page

TEMPLATE_NAME = "partner_report.ipynb"
# seconds one cell of a report may run (``--timeout``); then the report fails and the others go on
DEFAULT_CELL_TIMEOUT = 300.0
# seconds the workers get, after a Ctrl-C, to kill their kernels and exit before they are killed
STOP_GRACE = 5.0


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


class ReportsInterrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C. ``results``: the reports that finished before it (listed in the
    index); ``total``: how many reports the run was asked for."""

    def __init__(self, results: list[ReportResult], total: int) -> None:
        super().__init__(f"stopped after {len(results)} of {total} report(s)")
        self.results = results
        self.total = total


class _Stopped(SystemExit):
    """Raised in a worker process told to stop (SIGTERM) after its kernel was killed."""


def _kernel_log(work_dir: Path) -> Path:
    """Where this process's kernel writes its own messages (start-up chatter, crashes)."""
    return work_dir / f"kernel-{os.getpid()}.log"


def _execute(
    iso3: str,
    out_dir: Path,
    work_dir: Path,
    executed_path: Path,
    *,
    reuse_kernel: bool,
    template: Path | None,
    parameters: dict[str, Any] | None,
    timeout: float | None,
) -> Path:
    """Execute the template for one partner and write its page; returns the page's path."""
    import papermill as pm

    from .page import partner_name

    template = template or template_path()
    workdir = template.parent
    name = partner_name(iso3)
    engine_kwargs: dict[str, Any] = {}
    if reuse_kernel:
        km = kernels.warm_kernel(workdir, _kernel_log(work_dir), work_dir, ready_timeout=KERNEL_READY_TIMEOUT)
        kernels.run_in_kernel(km, kernels.RESET, timeout=KERNEL_READY_TIMEOUT, ready_timeout=KERNEL_READY_TIMEOUT)
        engine_kwargs["km"] = km
    nb = pm.execute_notebook(
        str(template),
        str(executed_path),
        parameters={**(parameters or {}), "partner": iso3},
        engine_name=keep_partial_engine(),
        partial_path=str(executed_path),
        kernel_name=KERNEL_NAME,
        cwd=str(workdir),
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        start_timeout=KERNEL_READY_TIMEOUT,
        execution_timeout=timeout,
        **engine_kwargs,
    )
    # whatever the template printed: outputs cut to a page's size, then the page sanitised
    page = sanitise_page(to_html(cap_outputs(clean_metadata(nb)), no_input=True, title=f"Vietnam–{name}: partner report"))
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
    timeout: float | None = DEFAULT_CELL_TIMEOUT,
    work_dir: Path | None = None,
) -> ReportResult:
    """Render the report of one partner (ISO3 code) into ``out_dir/<ISO3>.html``.

    ``parameters`` adds papermill parameters beside ``partner`` (e.g. ``seeds_folder``); ``timeout``
    is how many seconds one cell may run (None: no limit). If the warm kernel is stuck or dies, it
    is replaced and the report is run once more (``ReportResult.retried``); an error in the
    notebook's own code, or a cell that runs too long, is reported at once, the notebook kept in
    ``_failed/``. ``work_dir`` is the run's work folder; without one, the call makes its own in
    ``out_dir`` and removes it.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    own_work = work_dir is None
    work = control.new_work_folder(out_dir) if work_dir is None else Path(work_dir)
    executed_path = work / f"{iso3}.ipynb"
    retried = False

    def attempt() -> Path:
        return _execute(iso3, out_dir, work, executed_path, reuse_kernel=reuse_kernel, template=template,
                        parameters=parameters, timeout=timeout)

    try:
        try:
            target = attempt()
        except Exception as exc:
            if not (reuse_kernel and kernels.is_kernel_failure(exc)):
                raise
            _shutdown_kernel()  # the stuck or dead kernel goes; a fresh one starts for the retry
            retried = True
            target = attempt()
        executed_path.unlink(missing_ok=True)
        _forget_old_failure(iso3, out_dir)
        return ReportResult(iso3, True, time.perf_counter() - started, path=target, retried=retried)
    except Exception as exc:  # keep the failed notebook, report, go on
        kept, _ = _keep_failed(iso3, out_dir, work)
        if reuse_kernel:
            _shutdown_kernel()  # a failed run may leave the kernel in a bad state (or busy: a timeout)
        message = control.error_line(exc, timeout=timeout)
        if retried:
            message = f"{message} (after a retry with a fresh kernel)"
        return ReportResult(
            iso3, False, time.perf_counter() - started, error=message[:3000], failed_notebook=kept, retried=retried
        )
    except KeyboardInterrupt:  # (also an interrupt in a notebook that calls this): no kernel left busy
        if reuse_kernel:
            kill_kernel_now()
            _shutdown_kernel()
        raise
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


def _pool_size(jobs: int, n_reports: int) -> int:
    """Worker processes for ``n_reports`` reports: ``jobs``, but never more than there are reports or
    processor cores (each worker runs a kernel of its own: more would only wait for a core and
    fill the memory), 1 at least."""
    return max(1, min(jobs, n_reports, control.usable_cores()))


def render_reports(
    codes: Iterable[str],
    out_dir: Path,
    *,
    jobs: int = 2,
    progress: Any = None,
    template: Path | None = None,
    parameters: dict[str, Any] | None = None,
    timeout: float | None = DEFAULT_CELL_TIMEOUT,
) -> list[ReportResult]:
    """Render reports for the given ISO3 codes with ``jobs`` worker processes, then the index.

    ``progress`` is called with each :class:`ReportResult` as it finishes (for a progress line);
    ``timeout`` is how many seconds one cell may run. Returns the results in the order of ``codes``.
    The run works in a work folder of its own inside ``out_dir`` and removes it at the end. Ctrl-C
    stops the run: its kernels are killed, the index of the reports that finished is written, the
    work folder removed, and :class:`ReportsInterrupted` (a ``KeyboardInterrupt``) is raised.
    """
    codes = list(dict.fromkeys(codes))
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = _pool_size(jobs, len(codes))
    control.remove_stale_work_folders(out_dir)
    work = control.new_work_folder(out_dir)
    results: dict[str, ReportResult] = {}
    interrupted = False

    def finished(result: ReportResult) -> None:
        results[result.iso3] = result
        if progress:
            progress(result)

    try:
        if jobs == 1:
            for code in codes:
                finished(render_one(code, out_dir, template=template, parameters=parameters, timeout=timeout, work_dir=work))
        else:
            # a worker process that dies (killed, out of memory, a crash in C code) breaks the whole pool:
            # the partners it left unrendered get a fresh pool, and if that breaks too, a process each
            # (twice at most), so that only a partner that kills its own process is reported failed
            left = _render_in_pool(codes, out_dir, work, jobs, template, parameters, timeout, finished)
            if left:
                left = _render_in_pool(left, out_dir, work, jobs, template, parameters, timeout, finished)
            for code in left:
                if all(_render_in_pool([code], out_dir, work, 1, template, parameters, timeout, finished) for _ in range(2)):
                    finished(_worker_died(code, out_dir, work))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        # the kernel of this process (jobs == 1), the index of what finished, the work folder: done
        # in full even when a second Ctrl-C comes meanwhile (it only confirms the stop)
        try:
            with control.deferred_interrupt():
                if interrupted:
                    kill_kernel_now()  # busy, perhaps in C code: no asking
                    control.kill_recorded_kernels(work)
                _shutdown_kernel()
                try:
                    write_index(out_dir, [results[c] for c in codes if c in results], parameters)
                finally:
                    shutil.rmtree(work, ignore_errors=True)  # failed notebooks were moved to _failed/
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise ReportsInterrupted([results[c] for c in codes if c in results], len(codes))
    return [results[c] for c in codes]


def _render_in_pool(
    codes: list[str],
    out_dir: Path,
    work: Path,
    jobs: int,
    template: Path | None,
    parameters: dict[str, Any] | None,
    timeout: float | None,
    finished: Any,
) -> list[str]:
    """Render ``codes`` in a pool of ``jobs`` processes, calling ``finished`` with each result.

    Returns the codes left unrendered because a worker process died and broke the pool. On Ctrl-C
    the workers are stopped (each kills its kernel) before the ``KeyboardInterrupt`` goes on.
    """
    from concurrent.futures.process import BrokenProcessPool

    done: set[str] = set()
    # one report per task so progress is reported as each finishes; each worker keeps its kernel
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=get_context("spawn"), initializer=_worker_init, initargs=(str(work),)
    )
    try:
        futures = [
            pool.submit(_render_in_worker, code, str(out_dir), str(work), template, parameters, timeout) for code in codes
        ]
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                break  # every report not yet finished is lost with the pool
            done.add(result.iso3)
            finished(result)
        pool.shutdown(wait=True, cancel_futures=True)
    except KeyboardInterrupt:
        with control.deferred_interrupt():
            _stop_workers(pool, work)
        raise
    return [code for code in codes if code not in done]


def _stop_workers(pool: ProcessPoolExecutor, work: Path) -> None:
    """Stop a pool at once: no new reports; each worker kills its kernel and exits (SIGTERM); a
    worker still there after ``STOP_GRACE`` seconds is killed, and so is any kernel it recorded."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # (the pool's own processes)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)
    control.kill_recorded_kernels(work)


def _forget_old_failure(iso3: str, out_dir: Path) -> None:
    """Remove an earlier failure of this partner from ``_failed/`` (it rendered now); ``_failed/``
    itself goes when nothing is left in it."""
    failed_dir = out_dir / "_failed"
    for stale in (failed_dir / f"{iso3}.ipynb", failed_dir / f"{iso3}.kernel.log"):
        with contextlib.suppress(OSError):
            stale.unlink()
    with contextlib.suppress(OSError):
        failed_dir.rmdir()  # only when empty


def _keep_failed(iso3: str, out_dir: Path, work: Path, log: Path | None = None) -> tuple[Path | None, Path | None]:
    """Move a failed partner's executed notebook and copy its kernel's log (``log``, by default this
    process's) from the work folder into ``_failed/``, replacing what an earlier failure left there.

    Returns where the notebook and the log were kept (``None`` for what did not exist).
    """
    failed_dir = out_dir / "_failed"
    failed_dir.mkdir(parents=True, exist_ok=True)
    executed, log = work / f"{iso3}.ipynb", log or _kernel_log(work)
    kept_notebook = kept_log = None
    if executed.is_file():
        kept_notebook = failed_dir / f"{iso3}.ipynb"
        os.replace(executed, kept_notebook)
    else:
        (failed_dir / f"{iso3}.ipynb").unlink(missing_ok=True)  # an earlier failure's notebook would mislead
    if log.is_file():
        kept_log = failed_dir / f"{iso3}.kernel.log"
        shutil.copyfile(log, kept_log)
    else:
        (failed_dir / f"{iso3}.kernel.log").unlink(missing_ok=True)
    return kept_notebook, kept_log


def _worker_died(iso3: str, out_dir: Path, work: Path) -> ReportResult:
    """The failure of a partner whose worker process died even when it ran alone."""
    logs = sorted(work.glob("kernel-*.log"), key=lambda p: p.stat().st_mtime)
    kept, log = _keep_failed(iso3, out_dir, work, logs[-1] if logs else None)
    where = f"; the kernels' log is kept as _failed/{log.name}" if log else ""
    return ReportResult(
        iso3,
        False,
        0.0,
        error="WorkerDied: the process rendering this report died (killed, out of memory or crashed), "
        f"twice when it ran alone{where}",
        failed_notebook=kept,
    )


def _on_terminate(signum: int, frame: Any) -> None:
    """A worker told to stop (SIGTERM, after a Ctrl-C): kill the kernel first, then unwind (a page
    being written is removed by its own clean-up) and exit."""
    kill_kernel_now()
    _STATE.km = None  # (killed: nothing left for the exit handler to shut down)
    raise _Stopped(128 + signal.SIGTERM)


def _worker_init(work: str) -> None:
    import atexit

    # Ctrl-C in the terminal reaches every process of the command; the main process alone acts on
    # it (it stops the workers), so a worker never takes it for a failed report and goes on
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    atexit.register(_shutdown_kernel)


def _render_in_worker(
    code: str, out_dir: str, work: str, template: Path | None, parameters: dict[str, Any] | None, timeout: float | None
) -> ReportResult:
    try:
        return render_one(code, Path(out_dir), template=template, parameters=parameters, timeout=timeout, work_dir=Path(work))
    except _Stopped:
        os._exit(128 + signal.SIGTERM)  # the pool would take any exception for a result and go on
    except BaseException as exc:  # never lose the other partners to one worker's crash
        return ReportResult(code, False, 0.0, error=control.error_line(exc))


def write_index(out_dir: Path, results: list[ReportResult], parameters: dict[str, Any] | None = None) -> Path:
    """Write ``index.html`` listing the reports this run rendered (``results``) and those earlier runs
    rendered into ``out_dir`` (recorded in ``index.json``; a page deleted since is dropped), never
    other ``.html`` files that happen to be there. Offline, no scripts; every value escaped."""
    from .. import load_folder, load_seeds
    from .index import index_html

    with control.run_records(out_dir) as records:
        for r in results:
            records[r.iso3] = {"ok": r.ok, "error": "" if r.ok else r.error}
        for code in [c for c, entry in records.items() if entry["ok"] and not (out_dir / f"{c}.html").is_file()]:
            del records[code]
        failed = {code: entry["error"] for code, entry in records.items() if not entry["ok"]}
        folder = (parameters or {}).get("seeds_folder")
        corpus = load_folder(folder) if folder else load_seeds()
        page = index_html(sorted(records), failed, corpus)
        target = out_dir / "index.html"
        write_atomically(target, page)
    return target


def main(argv: list[str] | None = None) -> int:
    """The ``vnpartners report`` command (:func:`vnpartners.reports.command.main`)."""
    from .command import main as command_main

    return command_main(argv)
