#!/usr/bin/env python
"""The kit's speed benchmarks: prints each figure and writes them to bench/RESULTS.md.

    python bench/run_bench.py                       # everything (make bench)
    python bench/run_bench.py --quick               # smaller sizes, fewer repeats (a few minutes)
    python bench/run_bench.py --only loader,import  # some sections: import, loader, scale, robust, hostile, lessons, reports

Sections (targets from the issue; timings are figures to read, never test assertions):

- ``import``: ``import vnpartners`` in a fresh process, median of several runs. Target < 0.3 s.
- ``loader``: deterministic synthetic corpora of 10, 100, 1,000 and 10,000 articles (seed paragraphs
  recombined, bench/synth.py), each size in its own child process pinned to one CPU: MB/s, peak
  memory, and the log-log slope of time against size. Target >= 10 MB/s, slope <= 1.1.
- ``robust``: the loader on 10,000 files, on one 10 MB article and on garbled files: each must load
  or raise ``CorpusError``, nothing else (the property-based version is tests/test_robustness.py).
- ``hostile``: pathological text (issue 15's families: long runs of full stops, a wire dateline
  before a run of spaces, a sentence repeating a level phrase with a date ...), one article of
  1 MB and one of 2 MB each, ``load_folder`` as shipped: the worst family's time and how it grows.
  Target: linear (doubling the text at most triples the time; tests/test_loader_scaling.py checks
  the same at small sizes).
- ``lessons``: every notebooks/NN_*.ipynb executed with nbclient, against a floor measured in the
  same run (a fresh kernel running only that notebook's import lines). Target <= 1.5 x the floor.
- ``reports``: ``vnpartners report --all --jobs 2`` against the plain way (one ``papermill`` and one
  ``jupyter nbconvert --no-input`` call per partner, one after another). Target >= 3 x faster on
  2 cores, with identical pages.

Comparisons are measured side by side in one run and given as ratios (the machines are shared).
Generated corpora and pages go to a temporary folder (``--keep`` keeps it), never the repository.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
KIT = BENCH.parent
sys.path.insert(0, str(BENCH))

import synth  # noqa: E402

PY = sys.executable
SECTIONS = ("import", "loader", "scale", "robust", "hostile", "lessons", "reports")
# notebooks and reports never reach a user's own Jupyter config (as in the Makefile)
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


# ----------------------------------------------------------------------------------------------
# results


@dataclass
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool | None = None  # None: no target, or not measured

    @property
    def status(self) -> str:
        return "" if self.met is None else ("met" if self.met else "**missed**")


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # markdown (tables, notes)
    skipped: str = ""


def say(msg: str = "") -> None:
    print(msg, flush=True)


def machine() -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or "unknown"
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    try:
        commit = subprocess.run(["git", "-C", str(KIT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
        # the results file itself (written by the previous run) is not a change to what is measured
        dirty = subprocess.run(["git", "-C", str(KIT), "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)bench/RESULTS.md"], capture_output=True, text=True, timeout=10).stdout.strip()
        commit = (commit + (" + uncommitted changes" if dirty else "")) or "unknown"
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pandas": version("pandas"),
        "numpy": version("numpy"),
        "nbclient / papermill / nbconvert": f"{version('nbclient')} / {version('papermill')} / {version('nbconvert')}",
        "kit commit": commit,
        "load average at start (1/5/15 min)": load,
    }


def fmt_s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def run(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None, timeout: float = 3600) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    return time.perf_counter() - t0, proc


def loglog_slope(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log(y) against log(x)."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None


# ----------------------------------------------------------------------------------------------
# import

IMPORT_CODE = "import time; t = time.perf_counter(); import vnpartners; print(time.perf_counter() - t)"


def bench_import(args: argparse.Namespace) -> Section:
    sec = Section("import vnpartners")
    n = 5 if args.quick else 9
    inproc, walls, bare = [], [], []
    for _ in range(n):  # interleaved: a bare interpreter, then one that imports the kit
        w0, _p = run([PY, "-c", "pass"])
        bare.append(w0)
        w1, p = run([PY, "-c", IMPORT_CODE])
        if p.returncode != 0:
            sec.skipped = f"`import vnpartners` failed: {p.stderr.strip()[-500:]}"
            return sec
        walls.append(w1)
        inproc.append(float(p.stdout.strip().splitlines()[-1]))
    med = statistics.median(inproc)
    sec.figures.append(Figure("`import vnpartners` (in a fresh process, median)", fmt_s(med), "< 0.3 s", med < 0.3))
    extra = statistics.median(walls) - statistics.median(bare)
    sec.lines.append(
        f"Median of {n} fresh processes: the import itself takes {fmt_s(med)} (measured inside the process); "
        f"a whole `python -c 'import vnpartners'` takes {fmt_s(statistics.median(walls))} against "
        f"{fmt_s(statistics.median(bare))} for a bare `python -c pass` run alternately "
        f"(+{fmt_s(max(extra, 0))}, ratio {statistics.median(walls) / statistics.median(bare):.2f})."
    )
    # for reading only: what the first use of the loader adds (pandas etc.), not part of the target
    _, p = run([PY, "-c", "import time; t = time.perf_counter(); import vnpartners.corpus; print(time.perf_counter() - t)"])
    if p.returncode == 0:
        sec.lines.append(
            f"For reading: `import vnpartners.corpus` (what the first `load_seeds()` imports: pandas, pycountry ...) "
            f"takes {fmt_s(float(p.stdout.split()[-1]))}; the package import above defers it."
        )
    if med >= 0.3 or args.importtime:
        sec.lines.append("")
        sec.lines.append("`python -X importtime -c 'import vnpartners'`, largest cumulative times:")
        sec.lines.append("")
        sec.lines += importtime_top(["vnpartners"], 10)
    return sec


def importtime_top(modules: list[str], k: int) -> list[str]:
    code = "; ".join(f"import {m}" for m in modules)
    _, p = run([PY, "-X", "importtime", "-c", code])
    rows = []
    for line in p.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
        if m:
            rows.append((int(m.group(2)), int(m.group(1)), len(m.group(3)), m.group(4)))
    rows.sort(reverse=True)
    out = ["| module | cumulative | self |", "|---|---|---|"]
    out += [f"| `{name}` | {cum / 1e6:.3f} s | {own / 1e6:.3f} s |" for cum, own, _, name in rows[:k]]
    return out


# ----------------------------------------------------------------------------------------------
# loader


def child(folder: Path, mode: str, cpu: int, repeat: int = 1, profile: int = 0, timeout: float = 3600) -> dict:
    cmd = [PY, str(BENCH / "_loader_child.py"), str(folder), "--cpu", str(cpu), "--repeat", str(repeat), "--mode", mode]
    if profile:
        cmd += ["--profile", str(profile)]
    try:
        _, p = run(cmd, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {timeout:.0f} s"}
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"ok": False, "error": (p.stderr or p.stdout).strip()[-800:]}


def pick_cpu() -> int:
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]
    return cpus[-1]


def corpus_dir(work: Path, n: int) -> Path:
    folder = work / f"corpus_{n}"
    if not folder.is_dir():
        t0 = time.perf_counter()
        nbytes = synth.write_corpus(folder, n)
        say(f"  generated {n} articles ({nbytes / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
    return folder


def _repeats(n: int) -> int:
    """Timed runs for a corpus of ``n`` articles (the fastest is kept): a shared machine's noise is 10-25 %."""
    return 5 if n <= 10 else 3 if n <= 1000 else 2


def bench_loader(args: argparse.Namespace, work: Path, state: dict) -> Section:
    sec = Section("Loader scale")
    sizes = [10, 100, 1000] if args.quick else [10, 100, 1000, 10000]
    cpu = pick_cpu()
    rows = []
    full_budget = 60.0 if args.quick else 300.0
    full_ok = True
    last_full: tuple[int, float] | None = None
    for n in sizes:
        folder = corpus_dir(work, n)
        repeat = _repeats(n)
        floor = child(folder, "read", cpu, repeat)
        core = child(folder, "loader", cpu, repeat)
        row = {"n": n, "floor": floor, "core": core, "full": None}
        predicted = None if last_full is None else last_full[1] * n / last_full[0]
        if full_ok and (predicted is None or predicted <= full_budget):
            row["full"] = child(folder, "full", cpu, repeat, timeout=max(600, 5 * full_budget))
            if row["full"].get("ok"):
                last_full = (n, row["full"]["seconds"])
            else:
                full_ok = False
        else:
            row["full_skipped"] = f"skipped: predicted {predicted:.0f} s > budget {full_budget:.0f} s" if predicted else "skipped"
        rows.append(row)
        say(f"  {n:>6} articles: loader {_mbps(core)} MB/s ({fmt_s(core.get('seconds'))}), "
            f"read floor {_mbps(floor)} MB/s, with facts {_mbps(row['full']) if row['full'] else '—'} MB/s, "
            f"peak {core.get('peak_rss_mb', 0):.0f} MiB")
    state["loader_rows"] = rows

    # the target is the loader as a user calls it: load_folder with every table, facts included
    ok_full = [r for r in rows if r["full"] and r["full"].get("ok")]
    if ok_full:
        f = ok_full[-1]
        mbps = f["full"]["bytes"] / 1e6 / f["full"]["seconds"]
        sec.figures.append(Figure(f"loader MB/s, one core: `load_folder` as shipped, all seven tables ({f['n']:,} articles, "
                                  f"{f['full']['bytes'] / 1e6:.0f} MB, recombined seed paragraphs: fact-dense)", f"{mbps:.1f} MB/s",
                                  "replaced by issue 13: see Scale"))
        slope = loglog_slope([r["full"]["bytes"] for r in ok_full], [r["full"]["seconds"] for r in ok_full])
        if slope is not None:
            sec.figures.append(Figure(f"loader slope of log time on log size ({ok_full[0]['n']:,}–{f['n']:,} articles)",
                                      f"{slope:.2f}", "<= 1.1", slope <= 1.1))
        sec.figures.append(Figure(f"loader peak memory ({f['n']:,} articles)",
                                  f"{f['full']['peak_rss_mb']:.0f} MiB (+{f['full']['peak_rss_mb'] - f['full']['rss_before_mb']:.0f} MiB over the warm process)"))
    ok_core = [r for r in rows if r["core"].get("ok")]
    big = ok_core[-1] if ok_core else None
    if big:  # for reading: the text tables alone, to show where the time goes
        mbps = big["core"]["bytes"] / 1e6 / big["core"]["seconds"]
        sec.figures.append(Figure(f"of which the text tables alone (articles, paragraphs, sentences, mentions; facts off), {big['n']:,} articles",
                                  f"{mbps:.1f} MB/s"))
    # repetition check: the recombined corpus repeats seed paragraphs verbatim; the varied one does not
    vn = 1000 if 1000 in sizes else sizes[-1]
    same = next((r for r in rows if r["n"] == vn and r["full"] and r["full"].get("ok")), None)
    vfolder = work / f"varied_{vn}"
    if not vfolder.is_dir():
        synth.write_corpus(vfolder, vn, varied=True)
    varied = child(vfolder, "full", cpu, _repeats(vn))  # as many runs as the recombined corpus it is set against
    state["varied"] = varied
    if same and varied.get("ok"):
        m_same = same["full"]["bytes"] / 1e6 / same["full"]["seconds"]
        m_var = varied["bytes"] / 1e6 / varied["seconds"]
        sec.figures.append(Figure(
            f"repetition check: {vn:,} articles whose every running-text paragraph is unique, against the recombined {vn:,}",
            f"{m_var:.1f} MB/s against {m_same:.1f} MB/s (ratio {m_var / m_same:.2f})", "about 1: no gain from repeated text",
            0.8 <= m_var / m_same <= 1.25))

    sec.lines += [
        f"Each size runs in its own child process pinned to CPU {cpu} (`os.sched_setaffinity`), after a warm-up "
        "`load_seeds()` (imports, the country-name regex). Fastest of 5 / 3 / 3 / 2 runs for 10 / 100 / 1,000 / "
        "10,000 articles. *read floor*: only reading, hashing and decoding the files (`textio.read_article`), "
        "in the same way; *loader*: `load_folder` with `facts.extract_facts` switched off (articles, paragraphs, "
        "sentences, mentions, metadata); *with facts*: `load_folder` as shipped. MB = 10^6 bytes of .txt files. "
        "Peak memory is the child's `ru_maxrss` (interpreter, pandas and the seeds' tables included); "
        "the + figure is the growth over the process's size just before the first timed run. "
        "The recombined articles repeat the seeds' paragraphs verbatim (about 165 distinct running-text paragraphs "
        "in 1,000 articles), so the *repetition check* loads the same 1,000 articles with two seed words inserted at "
        "random places in every running-text paragraph (`synth.vary_article`): no paragraph repeats, and a speed "
        "that came from repeated text (a memo keyed on a sentence, say) would show as a gap. The kit keeps no such memo.",
        "",
        "| articles | MB | read floor | loader | loader MB/s | loader / floor | peak memory (loader) | with facts | MB/s with facts |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        c, fl, fu = r["core"], r["floor"], r["full"]
        ratio = f"{c['seconds'] / fl['seconds']:.1f}x" if c.get("ok") and fl.get("ok") else "—"
        mem = f"{c['peak_rss_mb']:.0f} MiB (+{c['peak_rss_mb'] - c['rss_before_mb']:.0f})" if c.get("ok") else "—"
        full_s = fmt_s(fu["seconds"]) if fu and fu.get("ok") else (fu.get("error", "failed")[:60] if fu else r.get("full_skipped", "—"))
        sec.lines.append(
            f"| {r['n']:,} | {c.get('bytes', 0) / 1e6:.2f} | {fmt_s(fl.get('seconds'))} | "
            f"{fmt_s(c.get('seconds')) if c.get('ok') else 'failed: ' + c.get('error', '')[:80]} | {_mbps(c)} | {ratio} | {mem} | "
            f"{full_s} | {_mbps(fu) if fu else '—'} |"
        )
    # what limits it: a profile of the slowest kit functions on the 1,000-article corpus (or the largest run)
    prof_n = 1000 if 1000 in sizes else sizes[-1]
    folder = work / f"corpus_{prof_n}"
    mode = "full" if ok_full and ok_full[-1]["n"] >= prof_n else "loader"
    prof = child(folder, mode, cpu, 1, profile=14)
    if prof.get("profile"):
        sec.lines += ["", f"Where the time goes (cProfile, {prof_n:,} articles, mode *{mode}*; cProfile inflates "
                      "call-heavy code, so read the order, not the seconds):", "",
                      "| function | cumulative | own | calls |", "|---|---:|---:|---:|"]
        sec.lines += [f"| `{p['function']}` | {p['cumulative_s']:.2f} s | {p['own_s']:.2f} s | {p['calls']:,} |" for p in prof["profile"]]
    return sec


def _mbps(r: dict | None) -> str:
    if not r or not r.get("ok") or not r.get("seconds"):
        return "—"
    return f"{r['bytes'] / 1e6 / r['seconds']:.1f}"


# ----------------------------------------------------------------------------------------------
# robustness (the property-based tests live in tests/test_robustness.py)

GARBLE_CODE = r"""
import json, random, sys, tempfile, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import vnpartners
from vnpartners.errors import CorpusError
n = int(sys.argv[1])
rng = random.Random(20240620)
seeds = [p.read_bytes() for p in sorted(vnpartners.seeds_dir().glob("*.txt"))]
counts = {"loaded": 0, "CorpusError": 0}
other = []
with tempfile.TemporaryDirectory() as tmp:
    for i in range(n):
        kind = i % 4
        if kind == 0:    # random bytes
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
        elif kind == 1:  # random code points (no surrogates), some control characters
            data = "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0, 0x20), rng.randrange(0xa0, 0xd800), rng.randrange(0xe000, 0x110000)])) for _ in range(rng.randrange(0, 1500))).encode("utf-8")
        elif kind == 2:  # a seed with bytes flipped
            b = bytearray(seeds[rng.randrange(len(seeds))])
            for _ in range(rng.randrange(1, 50)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            data = bytes(b)
        else:            # a seed cut at a random byte and shuffled by lines
            t = seeds[rng.randrange(len(seeds))][: rng.randrange(1, 20000)].split(b"\n")
            rng.shuffle(t)
            data = b"\n".join(t)
        folder = Path(tmp) / f"case{i}"
        folder.mkdir()
        (folder / "garbled.txt").write_bytes(data)
        try:
            vnpartners.load_folder(folder)
            counts["loaded"] += 1
        except CorpusError:
            counts["CorpusError"] += 1
        except Exception as exc:
            other.append(f"case {i}: {type(exc).__name__}: {exc}"[:300])
print(json.dumps({"counts": counts, "other": other}))
"""


def bench_robust(args: argparse.Namespace, work: Path, state: dict) -> Section:
    sec = Section("Robustness (beside the speed runs)")
    cpu = pick_cpu()
    # 10,000 files: from the loader section when it ran, else here
    n = 1000 if args.quick else 10000
    got = next((r for r in state.get("loader_rows", []) if r["n"] == n), None)
    res = got["core"] if got else child(corpus_dir(work, n), "loader", cpu)
    full = got["full"] if got else None
    status = f"loaded {res['counts']['articles']:,} articles in {fmt_s(res['seconds'])}" if res.get("ok") else f"FAILED: {res.get('error')}"
    if full and full.get("ok"):
        status += f"; with the fact extractors in {fmt_s(full['seconds'])}"
    sec.figures.append(Figure(f"`load_folder` on {n:,} files", status, "loads", bool(res.get("ok"))))
    # one 10 MB article
    big = work / "big_article"
    if not big.is_dir():
        synth.write_big_article(big, 1.0 if args.quick else 10.0)
    size = sum(p.stat().st_size for p in big.glob("*.txt"))
    res = child(big, "loader", cpu)
    text = (f"{size / 1e6:.1f} MB loaded in {fmt_s(res['seconds'])} ({size / 1e6 / res['seconds']:.1f} MB/s), "
            f"peak {res['peak_rss_mb']:.0f} MiB" if res.get("ok") else f"FAILED: {res.get('error')}")
    sec.figures.append(Figure(f"one {size / 1e6:.0f} MB article (loader, fact extraction off)", text, "loads", bool(res.get("ok"))))
    res_full = child(big, "full", cpu, timeout=900)
    text = (f"loaded in {fmt_s(res_full['seconds'])} ({size / 1e6 / res_full['seconds']:.1f} MB/s), "
            f"peak {res_full['peak_rss_mb']:.0f} MiB, {res_full['counts']['partnerships']} partnerships, "
            f"{res_full['counts']['events']} events, {res_full['counts']['figures']} figures"
            if res_full.get("ok") else f"FAILED: {res_full.get('error')}")
    sec.figures.append(Figure(f"one {size / 1e6:.0f} MB article (`load_folder` with the fact extractors)", text, "loads", bool(res_full.get("ok"))))
    # garbled files
    cases = 80 if args.quick else 400
    _, p = run([PY, "-c", GARBLE_CODE, str(cases)], timeout=1800)
    try:
        g = json.loads(p.stdout.strip().splitlines()[-1])
        ok = not g["other"]
        text = f"{cases} cases: {g['counts']['loaded']} loaded, {g['counts']['CorpusError']} CorpusError, {len(g['other'])} other errors"
        sec.figures.append(Figure("garbled files (random bytes, random code points, corrupted and cut seeds)", text, "only CorpusError", ok))
        for line in g["other"][:10]:
            sec.lines.append(f"- {line}")
    except (IndexError, json.JSONDecodeError, KeyError):
        sec.figures.append(Figure("garbled files", "the run failed: " + p.stderr.strip()[-300:], "only CorpusError", False))
    sec.lines.append(
        "The property-based version (hypothesis) is `tests/test_robustness.py`: garbled text and bytes in a file "
        "either load or raise `vnpartners.errors.CorpusError`, never anything else."
    )
    return sec


# ----------------------------------------------------------------------------------------------
# hostile text (the scaling test at small sizes is tests/test_loader_scaling.py)


def bench_hostile(args: argparse.Namespace, work: Path, state: dict) -> Section:
    sec = Section("Hostile text (beside the speed runs)")
    cpu = pick_cpu()
    sizes = (0.25, 0.5) if args.quick else (1.0, 2.0)
    rows = []
    for family in synth.HOSTILE_FAMILIES:
        slug = re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")[:40]
        measured = []
        for mb in sizes:
            folder = work / "hostile" / f"{slug}-{mb:g}"
            nbytes = synth.write_hostile_article(folder, family, mb)
            res = child(folder, "full", cpu, repeat=1 if args.quick else 2, timeout=900)
            measured.append((nbytes, res.get("seconds") if res.get("ok") else None, res.get("error", "")))
            say(f"  {family}, {nbytes / 1e6:.1f} MB: " + (fmt_s(measured[-1][1]) if measured[-1][1] else f"FAILED {measured[-1][2]}"))
        rows.append((family, measured))
    done = [(f, m) for f, m in rows if all(t for _, t, _ in m)]
    for family, m in rows:
        if not all(t for _, t, _ in m):
            sec.figures.append(Figure(f"hostile text: {family}", "FAILED: " + next(e for _, t, e in m if not t)[:200],
                                      "loads", False))
    if done:
        def growth(m: list) -> float:
            return m[1][1] / m[0][1]

        family, m = max(done, key=lambda fm: fm[1][1][1] / (fm[1][1][0] / 1e6))  # slowest per MB at the larger size
        (b1, t1, _), (b2, t2, _) = m
        sec.figures.append(Figure(
            f"worst pathological text for `load_folder`: {family}",
            f"{b2 / 1e6:.1f} MB in {fmt_s(t2)} ({b2 / 1e6 / t2:.2f} MB/s); {b1 / 1e6:.1f} MB in {fmt_s(t1)}: "
            f"doubling took {growth(m):.1f} times as long",
            "linear (doubling at most 3 times as long)", growth(m) <= 3.0))
        worst_growth = max(growth(m) for _, m in done)
        sec.figures.append(Figure("hostile text, every family: largest growth when the text doubles",
                                  f"{worst_growth:.1f} times", "at most 3 times", worst_growth <= 3.0))
    sec.lines += ["| family | size | time | MB/s | doubling |", "|---|---|---|---|---|"]
    for family, m in rows:
        for i, (nbytes, t, _err) in enumerate(m):
            grow = f"{m[1][1] / m[0][1]:.1f} x" if i == 1 and m[0][1] and m[1][1] else ""
            sec.lines.append(f"| {family} | {nbytes / 1e6:.1f} MB | {fmt_s(t) if t else 'FAILED'} | "
                             f"{(nbytes / 1e6 / t):.2f} | {grow} |" if t else f"| {family} | {nbytes / 1e6:.1f} MB | FAILED | | |")
    sec.lines += ["", "Each article is one paragraph of its family's unit repeated to the size (bench/synth.py, "
                  "`HOSTILE_FAMILIES`), loaded by `load_folder` as shipped (with the fact rules) in a child process "
                  "pinned to one CPU, fastest of 2 runs. Before issue 15, 16,000 full stops took 7 s and 2 MB never "
                  "finished; 2,000 spaces after a wire dateline took 16 s."]
    return sec


# ----------------------------------------------------------------------------------------------
# lessons


def import_lines(nb) -> str:
    """The notebook's top-level import statements (every code cell), in order."""
    out: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                seg = ast.get_source_segment(src, node)
                if seg and seg not in out:
                    out.append(seg)
    return "\n".join(out)


def execute(nb, cwd: Path, timing: bool = False) -> float:
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                            record_timing=timing, store_widget_state=True)
    t0 = time.perf_counter()
    client.execute()
    return time.perf_counter() - t0


def bench_lessons(args: argparse.Namespace, work: Path, state: dict) -> Section:
    import copy

    import nbformat

    sec = Section("Lessons")
    nbdir = KIT / "notebooks"
    lessons = sorted(nbdir.glob("[0-9][0-9]_*.ipynb"))
    if not lessons:
        sec.skipped = "no lessons yet (notebooks/NN_*.ipynb): nothing to measure"
        return sec
    repeat = 1 if args.quick else 3  # a kernel start alone varies by 0.2-0.3 s: the floor needs more than two tries
    sec.lines += [
        "Each lesson is executed with nbclient (kernel `python3`, working folder `notebooks/`), timed from kernel "
        "start to shutdown. Its floor, measured alternately in the same run, is the same execution of a notebook "
        f"holding only the lesson's top-level import lines (a bare kernel start plus the imports). Fastest of {repeat}.",
        "",
        "A figure cell is a cell that draws a picture; its whole time (table work included) is an upper bound of "
        "the time the picture adds.",
        "",
        "| lesson | floor | lesson | ratio | slowest cells | figure cells | slowest figure cell |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    worst = 0.0
    worst_figure = (0.0, "")
    failed = []
    for path in lessons:
        nb = nbformat.read(path, as_version=4)
        floor_nb = nbformat.v4.new_notebook(metadata=nb.metadata)
        floor_nb.cells = [nbformat.v4.new_code_cell(import_lines(nb))]
        floors, fulls = [], []
        slow = ""
        figure_best: dict[int, float] = {}
        try:
            for _ in range(repeat):
                floors.append(execute(copy.deepcopy(floor_nb), nbdir))
                run_nb = copy.deepcopy(nb)
                fulls.append(execute(run_nb, nbdir, timing=True))
                slow = _slowest_cells(run_nb)
                for secs, i in _figure_cells(run_nb):  # each figure cell's fastest run
                    figure_best[i] = min(secs, figure_best.get(i, secs))
        except Exception as exc:  # a failing lesson is reported, the others go on
            failed.append(path.name)
            sec.lines.append(f"| {path.name} | {fmt_s(min(floors)) if floors else '—'} | failed: {type(exc).__name__} | — | "
                             f"{str(exc).strip().splitlines()[-1][:120] if str(exc).strip() else ''} |")
            say(f"  {path.name}: FAILED ({type(exc).__name__})")
            continue
        ratio = min(fulls) / min(floors)
        worst = max(worst, ratio)
        top = max(((s_, i) for i, s_ in figure_best.items()), default=(0.0, -1))
        if top[0] > worst_figure[0]:
            worst_figure = (top[0], f"{path.name}, cell {top[1]}")
        sec.lines.append(f"| {path.name} | {fmt_s(min(floors))} | {fmt_s(min(fulls))} | {ratio:.2f} | {slow} | "
                         f"{len(figure_best)} | {fmt_s(top[0]) if figure_best else '—'} |")
        say(f"  {path.name}: {fmt_s(min(fulls))} against a floor of {fmt_s(min(floors))} (x{ratio:.2f})")
        state.setdefault("lesson_ratios", {})[path.name] = ratio
    if worst:
        sec.figures.append(Figure(f"lessons against their floor (worst of {len(lessons) - len(failed)})", f"{worst:.2f} x",
                                  "<= 2.5 x (issue 13)", worst <= 2.5 and not failed))
    if worst_figure[1]:
        sec.figures.append(Figure("slowest figure cell, whole cell (an upper bound of the time the picture adds)",
                                  f"{fmt_s(worst_figure[0])} ({worst_figure[1]})", "<= 0.25 s above its table work",
                                  True if worst_figure[0] <= 0.25 else None))
    if failed:
        sec.figures.append(Figure("lessons that failed to execute", ", ".join(failed), "none", False))
    return sec


def _cell_seconds(cell) -> float | None:  # type: ignore[no-untyped-def]
    ex = cell.get("metadata", {}).get("execution", {})
    a, b = ex.get("iopub.execute_input") or ex.get("shell.execute_reply.started"), ex.get("shell.execute_reply")
    if not (a and b):
        return None
    try:
        return (dt.datetime.fromisoformat(b.replace("Z", "+00:00")) - dt.datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds()
    except ValueError:
        return None


def _figure_cells(nb) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    """(seconds, cell index) of every cell that draws a picture (an image/png output)."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            secs = _cell_seconds(cell)
            if secs is not None:
                out.append((secs, i))
    return out


def _slowest_cells(nb, k: int = 3) -> str:
    timed = []
    for i, cell in enumerate(nb.cells):
        ex = cell.get("metadata", {}).get("execution", {})
        a, b = ex.get("iopub.execute_input") or ex.get("shell.execute_reply.started"), ex.get("shell.execute_reply")
        if a and b:
            try:
                secs = (dt.datetime.fromisoformat(b.replace("Z", "+00:00")) - dt.datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds()
            except ValueError:
                continue
            first = next((ln for ln in cell.source.splitlines() if ln.strip() and not ln.startswith("#")), "")
            timed.append((secs, i, first.strip()[:50]))
    timed.sort(reverse=True)
    return "; ".join(f"cell {i} `{src.replace('|', '/')}` {fmt_s(s)}" for s, i, src in timed[:k])


# ----------------------------------------------------------------------------------------------
# reports

_INJECTED_ID = re.compile(r'(<div class="[^"]*celltag_injected-parameters[^"]*" id=")cell-id=[0-9a-f-]+(")')


def code_fingerprint() -> str:
    """A hash of everything a report page depends on in the checkout (library, template, data)."""
    import hashlib

    h = hashlib.sha256()
    for root in (KIT / "lib" / "vnpartners", KIT / "data", KIT / "notebooks" / "partner_report.ipynb"):
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(KIT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def page_content(path: Path) -> str:
    """What a reader sees of a report page: the ``<main>`` element (every rendered cell: markdown,
    text, HTML tables, images embedded as base64 PNG), with the random id papermill gives the
    injected-parameters cell replaced by a fixed one. Both pages pass through the kit's sanitiser
    first: the report command sanitises every page it writes (no scripts, escaped text), the plain
    way does not, and the sanitiser also rewrites harmless markup (``rel`` on links, ``<col>``)."""
    from vnpartners.reports.sanitise import sanitise_page

    text = sanitise_page(path.read_text(encoding="utf-8"))
    m = re.search(r"<main>(.*)</main>", text, re.S)
    body = m.group(1) if m else text
    return _INJECTED_ID.sub(r"\1cell-id=injected\2", body)


def bench_reports(args: argparse.Namespace, work: Path, state: dict) -> Section:
    sec = Section("Reports")
    template = KIT / "notebooks" / "partner_report.ipynb"
    if not template.is_file():
        sec.skipped = "the report template notebooks/partner_report.ipynb does not exist yet: nothing to measure"
        return sec
    _, p = run([PY, "-c", "import vnpartners.reference as r; print(' '.join(sorted(r.partners()['iso3'])))"])
    if p.returncode != 0:
        sec.skipped = f"cannot read the reference partners: {p.stderr.strip()[-300:]}"
        return sec
    codes = p.stdout.split()
    if args.partners:
        codes = [c for c in args.partners.split(",") if c]
    elif args.quick:
        codes = codes[:4]
    jobs = 2
    out_a, out_b = work / "reports_kit", work / "reports_plain"
    for d in (out_a, out_b):
        shutil.rmtree(d, ignore_errors=True)
    out_b.mkdir(parents=True)
    bindir = Path(PY).parent
    # the plain way: a user's environment (no MPLBACKEND forcing Agg: ipykernel draws inline)
    env_plain = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    code_before = code_fingerprint()
    cmd_kit = [PY, "-m", "vnpartners", "report", *(["--all"] if not (args.partners or args.quick) else codes),
               "--jobs", str(jobs), "--out", str(out_a)]
    say(f"  kit: {' '.join(cmd_kit[1:])}")
    t_kit, pk = run(cmd_kit, env=env_plain, cwd=KIT)
    if pk.returncode != 0:
        sec.lines.append(f"`vnpartners report` exited {pk.returncode}: `{(pk.stderr or pk.stdout).strip()[-400:]}`")
    say(f"  kit: {fmt_s(t_kit)}; the plain way, {len(codes)} partners one after another ...")
    t_plain = 0.0
    plain_failed = []
    for code in codes:
        nb_out = out_b / f"{code}.ipynb"
        t1, p1 = run([str(bindir / "papermill"), str(template), str(nb_out), "-p", "partner", code,
                      "--cwd", str(template.parent), "-k", "python3", "--no-progress-bar"], env=env_plain, cwd=KIT)
        t2, p2 = run([str(bindir / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb_out)], env=env_plain, cwd=KIT)
        t_plain += t1 + t2
        if p1.returncode or p2.returncode:
            plain_failed.append(code)
    changed = code_fingerprint() != code_before
    ratio = t_plain / t_kit if t_kit else float("nan")
    say(f"  plain: {fmt_s(t_plain)}; ratio {ratio:.2f}")
    same, differ, missing = [], [], []
    for code in codes:
        a, b = out_a / f"{code}.html", out_b / f"{code}.html"
        if not (a.is_file() and b.is_file()):
            missing.append(code)
        elif page_content(a) == page_content(b):
            same.append(code)
        else:
            differ.append(code)
    sec.figures.append(Figure(f"`vnpartners report` for {len(codes)} partners, {jobs} jobs, against papermill + nbconvert one after another",
                              f"{ratio:.2f} x faster ({fmt_s(t_kit)} against {fmt_s(t_plain)})", ">= 3 x on 2 cores", ratio >= 3))
    sec.figures.append(Figure("identical pages", f"{len(same)} of {len(codes)}" + (f" (differ: {', '.join(differ)})" if differ else "")
                              + (f" (missing: {', '.join(missing)})" if missing else "")
                              + ((" (the kit's code, template or data changed during this run; every page matched all the same)"
                                  if len(same) == len(codes) else
                                  " — the kit's code, template or data changed during this run: not comparable, run again")
                                 if changed else ""),
                              "all", len(same) == len(codes) if (not changed or len(same) == len(codes)) else None))
    if changed:
        say("  WARNING: lib/, the template or data/ changed while the reports ran; the pages are not comparable")
    per = re.findall(r"\] (\w{3}) (ok|FAILED) \(([\d.]+) s\)", pk.stdout)
    if per:
        secs = sorted(float(s) for _, _, s in per)
        sec.lines.append(f"Kit: {len(per)} reports, per report {statistics.median(secs):.1f} s median (min {secs[0]:.1f}, max {secs[-1]:.1f}) "
                         f"inside {jobs} workers with a warm kernel each; wall {fmt_s(t_kit)} including the pool start and the index. "
                         f"Plain way: {fmt_s(t_plain / max(len(codes), 1))} per partner (a new kernel and a new papermill and nbconvert process each).")
    if plain_failed:
        sec.lines.append(f"The plain way failed for: {', '.join(plain_failed)}.")
    sec.lines.append(
        "*Identical* means: for each partner, the `<main>` element of the kit's page (`reports/XXX.html`, offline "
        "template) equals byte for byte the `<main>` element of the page `jupyter nbconvert --to html --no-input` makes "
        "from papermill's executed notebook: every rendered cell (markdown, text/plain, text/html tables, PNG images "
        "embedded as base64), after one normalisation: papermill gives its injected-parameters cell a random id "
        "in each run, replaced by a fixed one on both sides. The pages' `<head>` differ on purpose (the kit's has no "
        "CDN scripts, so it reads offline) and are not compared."
    )
    return sec


# ----------------------------------------------------------------------------------------------


def write_results(path: Path, info: dict[str, str], sections: list[Section], args: argparse.Namespace, elapsed: float) -> None:
    lines = ["# Benchmark results", "",
             f"Written by `bench/run_bench.py{' --quick' if args.quick else ''}{' --only ' + args.only if args.only else ''}` "
             f"in {elapsed / 60:.1f} min. Timings are figures to read, not test assertions; comparisons are measured "
             "side by side in the same run because the machines are shared and noisy.", "",
             "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    lines += ["", "## Summary", "", "| figure | value | target | |", "|---|---|---|---|"]
    for sec in sections:
        if sec.skipped:
            lines.append(f"| {sec.title} | skipped: {sec.skipped} | | |")
        for f in sec.figures:
            lines.append(f"| {f.name} | {f.value} | {f.target} | {f.status} |")
    for sec in sections:
        lines += ["", f"## {sec.title}", ""]
        if sec.skipped:
            lines.append(f"Skipped: {sec.skipped}.")
            continue
        lines += sec.lines
    notes = BENCH / "NOTES.md"
    if notes.is_file():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _scale(args: argparse.Namespace, work: Path, state: dict) -> Section:
    import scale_bench  # the section lives in its own module (bench/scale_bench.py)

    return scale_bench.bench_scale(args, work, state)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help=f"comma-separated sections: {','.join(SECTIONS)}")
    ap.add_argument("--quick", action="store_true", help="smaller sizes and fewer repeats")
    ap.add_argument("--out", default=str(BENCH / "RESULTS.md"), help="results file (default bench/RESULTS.md)")
    ap.add_argument("--partners", default="", help="reports: comma-separated ISO3 codes instead of --all")
    ap.add_argument("--importtime", action="store_true", help="always list python -X importtime's top modules")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder of corpora and pages")
    args = ap.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] or list(SECTIONS)
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown sections {unknown}; choose from {', '.join(SECTIONS)}")

    started = time.perf_counter()
    info = machine()
    say("machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    work = Path(tempfile.mkdtemp(prefix="vnp-bench-"))
    state: dict = {}
    sections: list[Section] = []
    try:
        for name in SECTIONS:
            if name not in chosen:
                continue
            say(f"\n== {name}")
            fn = {"import": lambda: bench_import(args), "loader": lambda: bench_loader(args, work, state),
                  "scale": lambda: _scale(args, work, state),
                  "robust": lambda: bench_robust(args, work, state), "hostile": lambda: bench_hostile(args, work, state),
                  "lessons": lambda: bench_lessons(args, work, state),
                  "reports": lambda: bench_reports(args, work, state)}[name]
            sec = fn()
            sections.append(sec)
            if sec.skipped:
                say(f"  SKIPPED: {sec.skipped}")
            for f in sec.figures:
                say(f"  {f.name}: {f.value}" + (f"  [target {f.target}: {f.status.strip('*')}]" if f.target else ""))
    finally:
        if args.keep:
            say(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    out = Path(args.out)
    write_results(out, info, sections, args, time.perf_counter() - started)
    say(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
