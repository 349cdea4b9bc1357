"""The report kernels: one warm kernel per process, killed at once when a run stops.

Each process that renders reports keeps one IPython kernel (:data:`STATE`), warmed up with the
imports a report needs and reset between reports. The kernel runs in a process group of its own
(jupyter_client starts it in a new session: the terminal's Ctrl-C does not reach it), so a stop
kills that group (:func:`kill_kernel_now`): a kernel busy in C code ignores anything gentler. The
kernel's process id is recorded in the run's work folder, so that a run can kill the kernel of a
worker that cannot (:mod:`.control`). :func:`keep_partial_engine` is the papermill engine that keeps
a notebook as far as it ran when the kernel fails.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import control
from .notebooks import KERNEL_NAME, write_atomically

__all__ = [
    "KERNEL_READY_TIMEOUT", "WARMUP", "RESET", "STATE", "kernel_pid", "run_in_kernel", "warm_kernel",
    "kill_kernel_now", "shutdown_kernel", "is_kernel_failure", "keep_partial_engine",
]

# warm-up code run once in each worker's kernel (imports the report needs)
WARMUP = "import pandas, matplotlib, matplotlib.pyplot, vnpartners, vnpartners.reference\n"
RESET = "get_ipython().reset(new_session=False, aggressive=False)\n"
# seconds a kernel may take to answer (start-up, the reset between reports) before it counts as stuck
KERNEL_READY_TIMEOUT = 60.0


@dataclass
class _Worker:
    """Per-process state: one warm kernel reused across reports, and the work folder it is recorded in."""

    km: Any = None
    work_dir: Path | None = None


STATE = _Worker()


def kernel_pid(km: Any) -> int | None:
    """The kernel's process id (it leads its own process group), or None before it started."""
    provisioner = getattr(km, "provisioner", None)
    pid = getattr(provisioner, "pgid", None) or getattr(provisioner, "pid", None)
    return int(pid) if pid else None


def run_in_kernel(km: Any, code: str, timeout: float = 120, ready_timeout: float | None = None) -> None:
    """Run ``code`` in the kernel through a fresh client (no stale messages from earlier runs);
    ``ready_timeout`` (default :data:`KERNEL_READY_TIMEOUT`) is how long it may take to answer."""
    kc = km.blocking_client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=KERNEL_READY_TIMEOUT if ready_timeout is None else ready_timeout)
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"].get("status") != "ok":
            raise RuntimeError(f"the report kernel could not run {code.strip()!r}: {reply['content'].get('evalue', '')}")
    finally:
        kc.stop_channels()


def warm_kernel(cwd: Path, log_path: Path | None = None, work_dir: Path | None = None,
                ready_timeout: float | None = None) -> Any:
    """This process's kernel, started in ``cwd`` (its messages to ``log_path``, its process id recorded
    in ``work_dir``) and warmed up, unless a live one is already there."""
    from jupyter_client.manager import KernelManager

    if STATE.km is not None and STATE.km.is_alive():
        return STATE.km
    shutdown_kernel()  # a kernel that died is cleaned up before the next one starts
    # papermill drives the kernel from an asyncio loop; a blocking client there would wait on the
    # kernel's messages with the loop stopped, so a kernel that dies would hang the report for ever.
    km = KernelManager(kernel_name=KERNEL_NAME, client_class="jupyter_client.asynchronous.AsyncKernelClient")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # Agg would hide the charts
    # the kernel's own stderr (start-up chatter) goes to a log beside the failed notebooks, not the terminal
    log = open(os.devnull, "w") if log_path is None else open(log_path, "a", encoding="utf-8")  # noqa: SIM115
    km.start_kernel(cwd=str(cwd), env=env, stderr=log, stdout=log)
    # known before the warm-up, so that a warm-up that fails or a stop (Ctrl-C) kills it too
    STATE.km, STATE.work_dir = km, work_dir
    pid = kernel_pid(km)
    if work_dir is not None and pid:
        control.record_kernel(work_dir, pid)
    run_in_kernel(km, WARMUP, ready_timeout=ready_timeout)
    return km


def kill_kernel_now() -> None:
    """SIGKILL this process's kernel and its process group at once (safe in a signal handler: no
    messages to the kernel, no waiting; a kernel busy in C code ignores anything gentler)."""
    pid = kernel_pid(STATE.km) if STATE.km is not None else None
    if pid:
        control.kill_process_group(pid)


def shutdown_kernel() -> None:
    km, work_dir = STATE.km, STATE.work_dir
    STATE.km = STATE.work_dir = None
    if km is None:
        return
    try:
        km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - e.g. after a Ctrl-C cut its event loop short: kill it plainly
        pid = kernel_pid(km)
        if pid:
            control.kill_process_group(pid)
    if work_dir is not None:
        control.forget_kernel(work_dir)


def is_kernel_failure(exc: BaseException) -> bool:
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
def keep_partial_engine() -> str:
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


