"""The bench's "scale" section: the loader against the kit before issue 13, and ``load_folder(jobs=)``.

Every figure is a ratio of two runs made in the same bench run, on the same varied corpus (no
paragraph repeats; ``synth.write_corpus(..., varied=True)``):

- *the kit before*: ``load_folder`` as shipped by two earlier commits (``git archive`` of their
  ``lib``, ``data`` and ``seeds`` into the work folder, imported first through ``PYTHONPATH``):
  5af6205, the kit when issue 13 was filed, and 81bf7cc, the same rules after its refactor (one
  source per rule, subpackages) and before issue 14's rules (modality, periods). Each run is a child
  process pinned to one CPU, old and new alternating;
- *jobs*: ``load_folder(folder, jobs=1)`` against ``jobs=2`` on the machine's cores (wall clock), with
  a hash of every table to show they are identical;
- *the machine's ceiling*: the two halves of the same folder loaded at the same time by two independent
  processes, each pinned to its own CPU and sending nothing, against one after the other: the most any
  split into two processes can give on this machine;
- *where processes pay off*: ``jobs=1`` against ``jobs=2`` on growing folders, for the size from which
  ``jobs=None`` starts processes (:data:`vnpartners.corpus.PARALLEL_FROM_BYTES`).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import run_bench as rb
import synth

# the kit when issue 13 was filed, and the same rules after its refactor (before issue 14's rules)
BEFORE = {"5af6205": "the kit when issue 13 was filed", "81bf7cc": "issue 13's refactor alone (same rules)"}


def old_kit(work: Path, commit: str) -> Path | None:
    """The library, data and seeds of ``commit``, unpacked under ``work`` (None without git history)."""
    target = work / f"kit_{commit}"
    if (target / "lib" / "vnpartners").is_dir():
        return target
    try:
        tar = subprocess.run(["git", "-C", str(rb.KIT), "archive", commit, "lib", "data", "seeds"],
                             capture_output=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        archive.extractall(target, filter="data")
    return target


def _child(folder: Path, *, cpu: int | None = None, jobs: int | None = None, kit: Path | None = None,
           repeat: int = 1, digest: bool = False) -> tuple[list[str], dict[str, str]]:
    """The command and environment of one ``_loader_child.py`` run of ``load_folder`` as shipped."""
    cmd = [rb.PY, str(rb.BENCH / "_loader_child.py"), str(folder), "--repeat", str(repeat), "--mode", "full"]
    if cpu is not None:
        cmd += ["--cpu", str(cpu)]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    if digest:
        cmd += ["--digest"]
    env = dict(os.environ)
    if kit is not None:
        env["PYTHONPATH"] = str(kit / "lib") + os.pathsep + env.get("PYTHONPATH", "")
    return cmd, env


def _result(stdout: str, stderr: str) -> dict:
    try:
        return json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"ok": False, "error": (stderr or stdout).strip()[-800:]}


def load(folder: Path, *, cpu: int | None = None, jobs: int | None = None, kit: Path | None = None,
         repeat: int = 1, digest: bool = False) -> dict:
    """One ``_loader_child.py`` run of ``load_folder`` as shipped (its JSON line as a dict)."""
    cmd, env = _child(folder, cpu=cpu, jobs=jobs, kit=kit, repeat=repeat, digest=digest)
    try:
        _, p = rb.run(cmd, env=env, timeout=3600)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": "timed out"}
    return _result(p.stdout, p.stderr)


def halves(work: Path, folder: Path) -> list[Path]:
    """``folder``'s files in two runs of about equal size, in name order, as the loader splits them for
    two processes (copied into two folders beside it)."""
    files = sorted(folder.glob("*.txt"))
    total = sum(f.stat().st_size for f in files) or 1
    out = [work / f"{folder.name}_half{i}" for i in (0, 1)]
    if all(o.is_dir() for o in out):
        return out
    done = 0
    for o in out:
        o.mkdir(exist_ok=True)
    for f in files:
        k = min(1, done * 2 // total)
        shutil.copyfile(f, out[k] / f.name)
        done += f.stat().st_size
    return out


def together(folders: list[Path], cpus: list[int]) -> list[dict]:
    """One load of each folder, all at the same time, each a child pinned to its own CPU."""
    procs = []
    for folder, cpu in zip(folders, cpus):
        cmd, env = _child(folder, cpu=cpu)
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    return [_result(*p.communicate(timeout=3600)) for p in procs]


def machine_ceiling(work: Path, folder: Path, repeat: int) -> dict | None:
    """What two processes can give on this machine at best: the two halves of ``folder`` loaded at the
    same time by two independent processes (each pinned to its own CPU, nothing sent between them),
    against the same two loads one after the other on one CPU. Where this ratio is under 2, the
    processes slow each other down (shared caches and memory bandwidth), whatever the kit does.
    Returns ``{"ceiling", "alone", "together"}`` (fastest of ``repeat``), or None when a load failed or
    the machine has fewer than two CPUs."""
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    if len(cpus) < 2:
        return None
    parts = halves(work, folder)
    alone, both = [], []
    for _ in range(repeat):
        solo = [load(part, cpu=cpus[0]) for part in parts]
        pair = together(parts, cpus[:2])
        if not all(r.get("ok") for r in solo + pair):
            return None
        alone.append(sum(r["seconds"] for r in solo))
        both.append(max(r["seconds"] for r in pair))
    return {"ceiling": min(alone) / min(both), "alone": min(alone), "together": min(both)}


def varied(work: Path, n: int) -> Path:
    folder = work / f"varied_{n}"
    if not folder.is_dir():
        synth.write_corpus(folder, n, varied=True)
    return folder


def _cores() -> str:
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return f"{n} cores"


def _mbps(r: dict) -> float:
    return r["bytes"] / 1e6 / r["seconds"]


def bench_scale(args, work: Path, state: dict) -> rb.Section:  # type: ignore[no-untyped-def]
    from vnpartners.corpus import PARALLEL_FROM_BYTES

    sec = rb.Section("Scale: against the kit before, and jobs=")
    n = 1000 if args.quick else 10000
    folder = varied(work, n)
    repeat = 1 if args.quick else 2
    cpu = rb.pick_cpu()
    mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6

    # 1. the kit before, in the same run
    sec.lines += [f"`load_folder` as shipped (all seven tables), {n:,} varied articles ({mb:.0f} MB), one pinned CPU, "
                  f"fastest of {repeat}; the kits before from `git archive`:", "",
                  "| kit | seconds | MB/s | this kit's time against it |", "|---|---:|---:|---:|"]
    new = load(folder, cpu=cpu, repeat=repeat)
    rows = []
    for commit, what in BEFORE.items():
        kit = old_kit(work, commit)
        if kit is None:
            sec.lines.append(f"| {commit} ({what}) | — | — | no git history here |")
            continue
        old = load(folder, cpu=cpu, repeat=repeat, kit=kit)
        if not (old.get("ok") and new.get("ok")):
            sec.lines.append(f"| {commit} ({what}) | failed: {old.get('error', new.get('error', ''))[:80]} | | |")
            continue
        rows.append((commit, what, old))
        ratio = new["seconds"] / old["seconds"]
        sec.lines.append(f"| {commit} ({what}) | {old['seconds']:.2f} | {_mbps(old):.1f} | {ratio:.2f} x |")
        rb.say(f"  {commit}: {_mbps(old):.1f} MB/s; this kit {_mbps(new):.1f} MB/s (time x{ratio:.2f})")
    if new.get("ok"):
        sec.lines.append(f"| this kit | {new['seconds']:.2f} | {_mbps(new):.1f} | 1.00 x |")
    if rows and new.get("ok"):
        commit, _, old = rows[0]
        ratio = new["seconds"] / old["seconds"]
        sec.figures.append(rb.Figure(
            f"`load_folder` as shipped, one core, {n:,} varied articles: this kit against the kit when issue 13 was "
            f"filed ({commit}), same run", f"{_mbps(new):.1f} against {_mbps(old):.1f} MB/s (time x{ratio:.2f})",
            "no slower (x1.00 or less)", ratio <= 1.0))
        if len(rows) > 1:
            commit2, _, mid = rows[1]
            sec.figures.append(rb.Figure(
                f"of which issue 13's refactor alone ({commit2} against {commit})",
                f"time x{mid['seconds'] / old['seconds']:.2f}; issue 14's rules (modality, periods, currencies) "
                f"x{new['seconds'] / mid['seconds']:.2f}"))

    # as a user calls it on this machine: jobs=None (processes above the threshold) against the kit before
    shipped = load(folder, repeat=repeat)
    if rows and shipped.get("ok"):
        commit, _, old = rows[0]
        sec.figures.append(rb.Figure(
            f"`load_folder(folder)` as a user calls it (`jobs=None`: {_cores()}), against the kit when issue "
            f"13 was filed ({commit}, one process), {n:,} varied articles", f"{_mbps(shipped):.1f} against "
            f"{_mbps(old):.1f} MB/s (time x{shipped['seconds'] / old['seconds']:.2f})", "no slower (x1.00 or less)",
            shipped["seconds"] <= old["seconds"]))

    # 2. jobs=2 against jobs=1, both cores
    one = load(folder, jobs=1, repeat=repeat, digest=True)
    two = load(folder, jobs=2, repeat=repeat, digest=True)
    if one.get("ok") and two.get("ok"):
        speedup = one["seconds"] / two["seconds"]
        same = one.get("digest") == two.get("digest")
        sec.figures.append(rb.Figure(f"`load_folder(folder, jobs=2)` against `jobs=1`, {n:,} varied articles, 2 cores",
                                     f"{speedup:.2f} x faster ({two['seconds']:.1f} s against {one['seconds']:.1f} s)",
                                     ">= 1.7 x", speedup >= 1.7))
        sec.figures.append(rb.Figure("tables of `jobs=2` and `jobs=1` (hash of every table)",
                                     "identical" if same else "DIFFERENT", "identical", same))
        rb.say(f"  jobs=2 {speedup:.2f}x faster than jobs=1, tables {'identical' if same else 'DIFFERENT'}")
    else:
        sec.figures.append(rb.Figure("`load_folder(jobs=2)`", f"failed: {(one.get('error') or two.get('error'))[:120]}",
                                     ">= 1.7 x", False))

    # the most two processes can give here: two independent halves at once, nothing sent between them
    top = machine_ceiling(work, folder, repeat)
    if top is not None:
        reached = (f"; `jobs=2` reached {one['seconds'] / two['seconds'] / top['ceiling']:.0%} of it"
                   if one.get("ok") and two.get("ok") else "")
        sec.figures.append(rb.Figure(
            "the machine's ceiling for 2 processes: the two halves of the same folder loaded at the same time by "
            "two independent processes on their own CPUs (nothing sent), against one after the other",
            f"{top['ceiling']:.2f} x ({top['together']:.1f} s against {top['alone']:.1f} s){reached}"))
        rb.say(f"  machine ceiling for 2 processes {top['ceiling']:.2f}x")

    # 3. from which size processes pay off
    sizes = [30, 100, 300] if args.quick else [30, 100, 300, 1000]
    sec.lines += ["", "From which size do two processes pay off? (wall clock, fastest of 3, machine's cores)", "",
                  "| articles | MB | jobs=1 | jobs=2 | jobs=2 against jobs=1 |", "|---:|---:|---:|---:|---:|"]
    crossing = None
    for size in sizes:
        f = varied(work, size)
        a, b = load(f, jobs=1, repeat=3), load(f, jobs=2, repeat=3)
        if not (a.get("ok") and b.get("ok")):
            continue
        size_mb = a["bytes"] / 1e6
        gain = a["seconds"] / b["seconds"]
        sec.lines.append(f"| {size:,} | {size_mb:.1f} | {rb.fmt_s(a['seconds'])} | {rb.fmt_s(b['seconds'])} | {gain:.2f} x |")
        if crossing is None and gain > 1.1:
            crossing = size_mb
    sec.figures.append(rb.Figure(
        "size from which `jobs=None` starts processes", f"{PARALLEL_FROM_BYTES / 1e6:.1f} MB (the kit's setting); "
        + (f"2 processes were faster by more than 10 % from {crossing:.1f} MB here" if crossing else "no size here gained 10 %"),
        "setting at or above the measured crossing", crossing is not None and PARALLEL_FROM_BYTES / 1e6 >= crossing))
    return sec
