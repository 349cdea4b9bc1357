"""How the report command keeps control of its run: its own work folder, its kernels, its records.

- :func:`new_work_folder`: each run works in a folder of its own (``_work-<pid>-<random>/`` inside
  ``--out``), so two runs into one folder never delete each other's files, and a user's own
  ``_work/`` is never touched; the run removes only the folder it made, and
  :func:`remove_stale_work_folders` those of runs killed outright (their process is gone).
- :func:`usable_cores`: how many processes can run at once (the cap on ``--jobs``).
- :func:`kill_process_group`, :func:`record_kernel`, :func:`kill_recorded_kernels`: a kernel runs in
  its own process group (jupyter_client starts it in a new session, out of reach of the terminal's
  Ctrl-C); a stopped run kills it, as its worker or, if that worker is stuck, from the record the
  worker left in the work folder.
- :func:`deferred_interrupt`: a Ctrl-C during the run's last writes (index, clean-up) is taken after them.
- :func:`run_records`: the small manifest of the reports rendered into a folder (``index.json``), read
  and updated under a lock, so the index lists what this run and earlier runs rendered, and nothing
  else that happens to end in ``.html``.
- :func:`error_line`: an exception as the one line the index and the terminal show.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "WORK_PREFIX",
    "RECORDS_NAME",
    "new_work_folder",
    "remove_stale_work_folders",
    "usable_cores",
    "kill_process_group",
    "record_kernel",
    "forget_kernel",
    "kill_recorded_kernels",
    "deferred_interrupt",
    "run_records",
    "error_line",
]

WORK_PREFIX = "_work-"
RECORDS_NAME = "index.json"
_CODE = re.compile(r"[A-Z]{3}")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def new_work_folder(out_dir: Path) -> Path:
    """A new, empty work folder for one run inside ``out_dir``: ``_work-<pid>-<random>/``."""
    return Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=out_dir))


_WORK_NAME = re.compile(rf"{re.escape(WORK_PREFIX)}(\d+)-[a-z0-9_]{{8}}")


def remove_stale_work_folders(out_dir: Path) -> list[Path]:
    """Remove the work folders that runs killed outright left in ``out_dir`` (``kill -9``, a power cut:
    no clean-up ran); return them. A work folder is stale when the process that made it (the pid in
    its name) is gone. Only folders named exactly as :func:`new_work_folder` names them are looked
    at: a user's own ``_work/`` or anything else is never touched."""
    removed = []
    for entry in out_dir.iterdir() if out_dir.is_dir() else []:
        m = _WORK_NAME.fullmatch(entry.name)
        if not m or not entry.is_dir() or entry.is_symlink() or int(m.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(m.group(1)), 0)
            continue  # that run is still going
        except ProcessLookupError:
            pass
        except OSError:
            continue  # a process of another user has that number: not ours to judge
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def usable_cores() -> int:
    """The processor cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def kill_process_group(pid: int) -> None:
    """SIGKILL the process group led by ``pid`` (a kernel and whatever it started); no error if gone."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    except OSError:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _kernel_record(work_dir: Path) -> Path:
    return work_dir / f"kernel-of-{os.getpid()}.pid"


def record_kernel(work_dir: Path, kernel_pid: int) -> None:
    """Note in the work folder that this process's kernel is ``kernel_pid`` (read by :func:`kill_recorded_kernels`)."""
    with contextlib.suppress(OSError):
        _kernel_record(work_dir).write_text(f"{kernel_pid}\n", encoding="ascii")


def forget_kernel(work_dir: Path) -> None:
    """Remove this process's kernel record (its kernel was shut down)."""
    with contextlib.suppress(OSError):
        _kernel_record(work_dir).unlink()


def _is_kernel(pid: int) -> bool:
    """True when ``pid`` is still an IPython kernel (not a process that took a freed number)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"ipykernel" in cmdline


def kill_recorded_kernels(work_dir: Path) -> list[int]:
    """Kill every kernel a worker of this run recorded and that still runs; return their pids."""
    killed = []
    for record in sorted(work_dir.glob("kernel-of-*.pid")):
        try:
            pid = int(record.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        if _is_kernel(pid):
            kill_process_group(pid)
            killed.append(pid)
    return killed


@contextlib.contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) until the block is done, then raise it: the index and the clean-up
    that follow a stop are never cut half-way. Outside the main thread it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


@contextlib.contextmanager
def run_records(out_dir: Path) -> Iterator[dict[str, dict[str, Any]]]:
    """The record of the reports rendered into ``out_dir``, ``{ISO3: {"ok": bool, "error": str}}``, to
    read and update within the block; written back (atomically) when the block ends.

    The folder is locked for the block (``flock`` on the folder itself), so two runs into one folder
    update the record in turn and neither loses the other's partners. A missing or unreadable
    record starts empty; entries that are not ISO3 codes are dropped.
    """
    from .notebooks import write_atomically

    fd = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        path = out_dir / RECORDS_NAME
        try:
            stored = json.loads(path.read_text(encoding="utf-8")).get("reports", {})
        except (OSError, ValueError, AttributeError):
            stored = {}
        records: dict[str, dict[str, Any]] = {
            code: {"ok": bool(entry.get("ok")), "error": str(entry.get("error", ""))}
            for code, entry in (stored.items() if isinstance(stored, dict) else [])
            if isinstance(code, str) and _CODE.fullmatch(code) and isinstance(entry, dict)
        }
        yield records
        document = {
            "what": "The partner reports that `vnpartners report` rendered into this folder (this run and earlier "
            "ones): index.html lists these. Safe to delete: the next run starts a new record.",
            "reports": {code: records[code] for code in sorted(records)},
        }
        write_atomically(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    finally:
        os.close(fd)  # (closing releases the lock)


def error_line(exc: BaseException, *, timeout: float | None = None) -> str:
    """The one line that says what went wrong: the exception's own line, not its wrapper's.

    A failing cell (papermill's ``PapermillExecutionError``) gives the cell's exception and message
    (``RuntimeError: deliberate failure``); a cell stopped by the timeout says so; anything else is
    its type and the first line of its message. Terminal colours are removed.
    """
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        name, message = str(getattr(exc, "ename", name)), str(getattr(exc, "evalue", ""))
    elif name == "CellTimeoutError":
        limit = f"the --timeout of {timeout:g} s" if timeout is not None else "its time limit"
        message = f"a cell ran longer than {limit} and was stopped with its kernel"
    else:
        message = str(exc)
    lines = [line.strip() for line in _ANSI.sub("", message).splitlines() if line.strip().strip("-")]
    return f"{name}: {lines[0]}" if lines else name
