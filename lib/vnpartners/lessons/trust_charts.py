"""Charts of lesson 04: how the kit's facts compare with the gold, and where a rule puts a figure in time.

Each function returns a matplotlib ``Figure`` with a title, labelled axes and a source line; nothing is
shown or saved. Reached as ``trust.plot_outcomes``, ``trust.plot_periods`` and ``trust.plot_miss_bound``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .charts import add_source

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["OUTCOME_COLOURS", "plot_miss_bound", "plot_outcomes", "plot_periods"]

#: colours of the outcomes: gold facts right / found with an error / missed; kit rows confirmed / not in the gold
OUTCOME_COLOURS = {
    "right": "#55A868",
    "found, with an error": "#DD8452",
    "missed": "#C44E52",
    "confirmed by the gold": "#4C72B0",
    "not in the gold": "#B0B0B0",
}
TRUST_SOURCE = ("Source: the kit's gold (data/trust/: hand-made annotations of the seeds and of development-set "
                "articles), scored with vnpartners.lessons.trust")
BOUND_SOURCE = ("Source: the binomial bound 1 − (1 − c)^(1/n), c = 95 % (Hanley and Lippman-Hand 1983); "
                "n from the kit's gold, data/trust/")


def plot_outcomes(tables: dict[str, pd.DataFrame], *, source: str = TRUST_SOURCE) -> "Figure":
    """For each gold set, two bars per table: the gold's facts (right, found with an error, missed: recall)
    and the kit's rows (confirmed by the gold, not in the gold: precision).

    ``tables`` maps a panel title (a gold set's name) to its :func:`~.trust.precision_recall` table.
    Each bar ends with its count and, in brackets, its recall or precision.
    """
    import matplotlib.pyplot as plt

    if not tables:
        raise ValueError("plot_outcomes needs at least one precision_recall table")
    names = list(tables)
    fig, axes = plt.subplots(len(names), 1, figsize=(9, 2.5 * len(names) + 1.2), layout="constrained", squeeze=False)
    longest = max(float(max(t["gold_facts"].max(), t["kit_rows"].max())) for t in tables.values())
    for ax, name in zip(axes[:, 0], names):
        t = tables[name].set_index("table")
        labels, y = [], 0.0
        for table in reversed(list(t.index)):  # partnerships on top
            r = t.loc[table]
            segments_gold = [("right", r["found_right"]), ("found, with an error", r["found"] - r["found_right"]),
                             ("missed", r["missed"])]
            segments_kit = [("confirmed by the gold", r["confirmed"]), ("not in the gold", r["not_in_gold"])]
            for offset, segments, label, total, ratio, what in (
                    (0.2, segments_gold, f"{table}: gold", r["gold_facts"], r["recall"], "recall"),
                    (-0.2, segments_kit, f"{table}: kit", r["kit_rows"], r["precision"], "precision")):
                left = 0.0
                for outcome, n in segments:
                    ax.barh(y + offset, n, left=left, height=0.36, color=OUTCOME_COLOURS[outcome],
                            label=outcome if outcome not in ax.get_legend_handles_labels()[1] else None)
                    left += float(n)
                shown = "no facts" if pd.isna(ratio) else f"{what} {ratio:.0%}"
                ax.text(left, y + offset, f" {int(total)} ({shown})", va="center", ha="left", fontsize=8,
                        color="#333333")
                labels.append((y + offset, label))
            y += 1.0
        ax.set_yticks([p for p, _ in labels], [text for _, text in labels], fontsize=8)
        ax.set_xlim(0, longest * 1.3)
        ax.set_title(f"{name}: the gold's facts and the kit's rows", fontsize=10, loc="left")
        ax.set_xlabel("number of facts (gold) or rows (kit)")
    handles, legend_labels = [], []
    for ax in axes[:, 0]:
        for h, lab in zip(*ax.get_legend_handles_labels()):
            if lab not in legend_labels:
                handles.append(h)
                legend_labels.append(lab)
    order = [legend_labels.index(k) for k in OUTCOME_COLOURS if k in legend_labels]
    # in the panel whose bars are shortest, on the right where no bar reaches
    quiet = min(axes[:, 0], key=lambda a: max((p.get_x() + p.get_width() for p in a.patches), default=0.0))
    quiet.legend([handles[i] for i in order], [legend_labels[i] for i in order], loc="center right", fontsize=8,
                 title="gold facts / kit rows", title_fontsize=8, frameon=False)
    fig.suptitle("How the kit's facts compare with a careful reader's")
    fig.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
    add_source(fig, source)
    return fig


def plot_periods(figures: pd.DataFrame, *, source: str | None = None) -> "Figure":
    """Where two rules put the same figures in time: one row of points per rule.

    ``figures`` has ``value_bn`` (billion), ``surface``, and one column per rule (``kit_period``,
    ``naive_period``) holding a period such as ``2023``, ``2025-Q1`` or ``2024-01/2024-05``. A point
    sits at the period's year; a part of a year (quarter, months) is drawn hollow.
    """
    import matplotlib.pyplot as plt

    rules = [("kit_period", "the kit's rule (the date the sentence gives)"),
             ("naive_period", "naive rule (the year the article was published)")]
    fig, axes = plt.subplots(len(rules), 1, figsize=(9, 4.6), sharex=True, sharey=True, layout="constrained")
    years = [int(str(p)[:4]) for col, _ in rules for p in figures[col].dropna()]
    for ax, (column, title) in zip(axes, rules):
        for _, r in figures.iterrows():
            period = r[column]
            if period is None or pd.isna(period):
                continue
            year = int(str(period)[:4])
            part = len(str(period)) > 4
            ax.plot(year, r["value_bn"], marker="o", markersize=9, linestyle="none",
                    markerfacecolor="white" if part else "#C44E52", markeredgecolor="#C44E52", markeredgewidth=1.5)
            ax.annotate(f"{r['surface']} → {period}", (year, r["value_bn"]), textcoords="offset points",
                        xytext=(8, -3), fontsize=8)
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_ylabel("billion USD")
        ax.grid(axis="y", color="#DDDDDD")
    if years:
        axes[-1].set_xlim(min(years) - 0.6, max(years) + 1.4)
        axes[-1].set_xticks(range(min(years), max(years) + 1))
    axes[-1].set_xlabel("year the rule gives the figure (hollow: part of a year)")
    top = float(figures["value_bn"].max()) if len(figures) else 1.0
    axes[0].set_ylim(0, top * 1.25)
    fig.suptitle("The same figures, dated by two rules")
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    add_source(fig, source or "Source: seed article 000 (seeds/), read by vnpartners.load_seeds()")
    return fig


def plot_miss_bound(marks: dict[str, int], *, largest: int = 200, confidence: float = 0.95,
                    source: str = BOUND_SOURCE) -> "Figure":
    """The highest miss rate still consistent with finding all of n facts, as n grows (a curve), with a
    point for each of ``marks`` (a label -> its n, e.g. ``{"seeds: partnerships": 11}``).

    The curve is :func:`~.trust_periods.miss_rate_upper_bound`; the dotted line is the rule of three, 3/n. The
    horizontal line marks 5 %: the n above which a perfect score bounds the miss rate below 5 %.
    """
    import math

    import matplotlib.pyplot as plt
    import numpy as np

    from .trust_periods import miss_rate_upper_bound

    ns = np.geomspace(1, largest, 400)
    fig, ax = plt.subplots(figsize=(9, 4.4), layout="constrained")
    ax.plot(ns, (1 - (1 - confidence) ** (1 / ns)) * 100, color="#4C72B0",
            label=f"highest miss rate consistent with 0 misses ({confidence:.0%} confidence)")
    three = ns[ns >= 3]
    ax.plot(three, 300 / three, color="#4C72B0", linestyle=":", label="rule of three, 3/n")
    need = math.ceil(math.log(1 - confidence) / math.log(0.95))
    ax.axhline(5, color="#8C8C8C", linewidth=0.8)
    ax.annotate(f"5 %: needs {need} facts, all found", (need, 5), textcoords="offset points", xytext=(6, 6),
                fontsize=8, color="#555555")
    for i, (label, n) in enumerate(sorted(marks.items(), key=lambda kv: kv[1])):
        y = miss_rate_upper_bound(int(n), confidence) * 100
        ax.plot(n, y, marker="o", color="#C44E52", linestyle="none")
        ax.annotate(f"{label}: n = {n}, up to {y:.0f} %", (n, y), textcoords="offset points",
                    xytext=(24, 30 - 16 * i), fontsize=8, va="center",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6})
    ax.set_xscale("log")
    ax.set_xlim(1, largest)
    ax.set_ylim(0, 100)
    ax.set_xlabel("n: gold facts tested, all of them found (log scale)")
    ax.set_ylabel("miss rate, % (upper bound)")
    ax.set_title("A perfect score on n facts: how many misses it can still hide")
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    add_source(fig, source)
    return fig
