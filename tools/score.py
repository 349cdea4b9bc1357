#!/usr/bin/env python
"""Score the fact rules against hand-made gold: ``make score`` (the development set and the seeds).

    python tools/score.py                 # tests/devset/dev and the seeds
    python tools/score.py --details       # also the rows behind each shortfall
    python tools/score.py --heldout       # the held-back parts (all spent: see tests/devset/README.md)

Prints one table per folder: each measure's hits, total, value and the value it must reach
(:mod:`vnpartners.scoring`). Exits 0 whatever the scores: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

import vnpartners
from vnpartners.scoring import missed, read_gold, score

KIT = Path(__file__).resolve().parent.parent
DEVSET = KIT / "tests" / "devset"


def _show(title: str, folder: Path, gold_folder: Path, details: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = vnpartners.load_folder(folder)
    gold = read_gold(gold_folder)
    table = score(corpus, gold)
    print(f"\n## {title} ({len(corpus.articles)} articles: {folder.relative_to(KIT)})\n")
    shown = table.assign(value=table["value"].map(lambda v: f"{v:.2f}"),
                         needed=table["needed"].map(lambda v: "" if pd.isna(v) else f"≥ {v:.2f}"),
                         met=[("" if pd.isna(n) else ("yes" if m else "NO")) for n, m in zip(table["needed"], table["met"])])
    print(shown.to_string(index=False))
    if details:
        with pd.option_context("display.width", 200, "display.max_colwidth", 70, "display.max_rows", 200):
            for name, rows in missed(corpus, gold).items():
                if len(rows):
                    print(f"\n### {name} ({len(rows)})")
                    print(rows.drop(columns=[c for c in ("evidence", "sentence_id") if c in rows.columns]).to_string())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heldout", action="store_true", help="score the held-back part (only at the very end)")
    ap.add_argument("--details", action="store_true", help="print the rows behind each shortfall")
    args = ap.parse_args(argv)
    if args.heldout:
        # each held-back part was scored once at the end of a round of rule work, then read (spent); they are shown
        # for the record (tests/devset/README.md, "Held-back scores"). A new part is needed for the next round.
        for name, ordinal in (("heldout6", "sixth"), ("heldout5", "fifth"), ("heldout4", "fourth"), ("heldout3", "third"),
                              ("heldout2", "second"), ("heldout", "first")):
            _show(f"{ordinal} held-back part ({name}, spent: read after its scoring)", DEVSET / name, DEVSET / name,
                  args.details)
        return 0
    _show("development set", DEVSET / "dev", DEVSET / "dev", args.details)
    _show("seeds", KIT / "seeds", KIT / "tests" / "gold", args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
