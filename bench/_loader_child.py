"""One loader measurement in a fresh process (run by run_bench.py; prints one JSON line).

    python bench/_loader_child.py FOLDER [--cpu N] [--repeat R] [--mode loader|full|read] [--jobs J] [--digest]

- pins itself to one CPU first (before pandas or numpy start any thread);
- warms up: imports the kit and loads the seeds once (compiles the country-name regex, etc.);
- ``--mode loader``: ``load_folder`` with fact extraction switched off (articles, paragraphs,
  sentences, mentions: the loader's own work); ``full``: ``load_folder`` as shipped, with the fact
  extractors; ``read``: only reads and decodes every file (``textio.read_article``), the floor;
- ``--jobs J``: ``load_folder(folder, jobs=J)`` (give no ``--cpu``: the processes need the cores);
  ``--digest``: also report a hash of every table (to show two ways of loading give the same tables);
- times ``R`` runs and reports the fastest, the process's peak resident memory (``ru_maxrss``)
  and its resident memory just before the first timed run. Each run's result is dropped before
  the next run starts, so the peak is that of one load, not of two corpora held at once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import traceback
import warnings
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _digest(corpus) -> str:  # type: ignore[no-untyped-def]
    """One hash of every table's values, index and column names, in order."""
    import hashlib

    import pandas as pd

    h = hashlib.sha256()
    for name in ("articles", "paragraphs", "sentences", "mentions", "partnerships", "events", "figures"):
        frame = getattr(corpus, name)
        h.update(name.encode() + repr(list(frame.columns)).encode())
        h.update(pd.util.hash_pandas_object(frame.astype(str), index=True).to_numpy().tobytes())
    return h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--cpu", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--mode", choices=("loader", "full", "read"), default="loader")
    ap.add_argument("--profile", type=int, default=0, help="also print the N slowest kit functions (cProfile)")
    ap.add_argument("--jobs", type=int, default=None, help="load_folder(folder, jobs=J)")
    ap.add_argument("--digest", action="store_true", help="also report a hash of every table")
    args = ap.parse_args()
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    warnings.simplefilter("ignore")

    import vnpartners

    # (only what the mode needs: a run of "full" may load an earlier kit, whose modules were laid out otherwise)
    if args.mode == "loader":
        from vnpartners.facts import extract as facts
        from vnpartners.schema import empty_frame

        facts.extract_facts = lambda *a, **k: {n: empty_frame(n) for n in ("partnerships", "events", "figures")}
    if args.mode == "read":
        from vnpartners import corpus as corpus_mod
        from vnpartners.text.reading import read_article
    vnpartners.load_seeds()  # warm-up

    folder = Path(args.folder)
    nbytes = sum(p.stat().st_size for p in folder.glob("*.txt"))
    rss_before = _rss_mb()
    times = []
    out: dict = {"mode": args.mode, "bytes": nbytes, "cpus": sorted(os.sched_getaffinity(0))}
    try:
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            if args.mode == "read":
                files = corpus_mod._txt_files(folder.resolve())
                texts = [read_article(p) for p in files]
                counts = {"articles": len(texts)}
            elif args.profile:
                import cProfile
                import pstats

                prof = cProfile.Profile()
                c = prof.runcall(vnpartners.load_folder, folder)
                stats = pstats.Stats(prof)
                rows = []
                for (file, line, func), (_cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
                    if "vnpartners" in file:
                        rows.append((ct, tt, nc, f"{Path(file).name}:{line}({func})"))
                rows.sort(reverse=True)
                out["profile"] = [
                    {"function": name, "cumulative_s": round(ct, 3), "own_s": round(tt, 3), "calls": nc}
                    for ct, tt, nc, name in rows[: args.profile]
                ]
                counts = {n: len(getattr(c, n)) for n in ("articles", "paragraphs", "sentences", "mentions",
                                                         "partnerships", "events", "figures")}
            else:
                c = vnpartners.load_folder(folder) if args.jobs is None else vnpartners.load_folder(folder, jobs=args.jobs)
                if args.digest:
                    out["digest"] = _digest(c)
                counts = {n: len(getattr(c, n)) for n in ("articles", "paragraphs", "sentences", "mentions",
                                                         "partnerships", "events", "figures")}
            times.append(time.perf_counter() - t0)
            c = texts = None  # freed before the next run, which would otherwise load beside it
        out.update(ok=True, seconds=min(times), all_seconds=times, counts=counts)
    except Exception as exc:  # reported, not raised: the parent writes it into the results
        out.update(ok=False, error=f"{type(exc).__name__}: {exc}"[:500], trace=traceback.format_exc()[-1500:])
    out["rss_before_mb"] = rss_before
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
