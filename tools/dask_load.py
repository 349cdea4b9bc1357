#!/usr/bin/env python
"""Load a folder of articles with Dask: the recipe of the README's "Scaling out" section, runnable.

    python tools/dask_load.py FOLDER                          # a LocalCluster on 127.0.0.1, 2 workers
    python tools/dask_load.py FOLDER --scheduler tcp://host:8786   # an existing cluster (workers see FOLDER's texts)
    python tools/dask_load.py FOLDER --pickle tables.pkl      # save the seven tables (a dict of DataFrames)

Needs the kit's optional extra: ``pip install -e .[scale]``. The texts are read and checked here, sent
to the workers in runs of files (``vnpartners.corpus.tables_of`` on each), and the parts put together
in file order (``vnpartners.corpus.combine``): the same tables as ``vnpartners.load_folder(FOLDER)``.
"""

from __future__ import annotations

import argparse
import pickle
import sys


def load_with_dask(folder: str, workers: int = 2, scheduler: str | None = None, parts: int | None = None):
    """The folder's :class:`vnpartners.corpus.Corpus`, its articles loaded on a Dask cluster."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from vnpartners.corpus import combine, read_folder, tables_of

    articles = read_folder(folder)  # every file read and checked before any work is sent
    chunks = articles.chunks(parts or 4 * workers)
    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                               processes=True)
        client = Client(cluster)
    try:
        bag = db.from_sequence(chunks, npartitions=len(chunks))
        tables = bag.map(tables_of, articles.manifest).compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return combine(list(tables), articles.path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler instead of a local cluster")
    ap.add_argument("--pickle", help="write the seven tables here (a dict of DataFrames)")
    args = ap.parse_args(argv)
    corpus = load_with_dask(args.folder, args.workers, args.scheduler)
    print(corpus)
    if args.pickle:
        names = ("articles", "paragraphs", "sentences", "mentions", "partnerships", "events", "figures")
        with open(args.pickle, "wb") as fh:
            pickle.dump({name: getattr(corpus, name) for name in names}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
