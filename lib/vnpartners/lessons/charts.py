"""Charts of the corpus tables, each with a title, labelled axes and a source line.

Every function takes DataFrames and returns a matplotlib ``Figure`` (nothing is shown or saved),
so notebooks, reports and tests use the same pictures. Output is deterministic: rows are sorted
and no random layout is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

SEEDS_SOURCE = "Source: the kit's seed articles (seeds/), read by vnpartners.load_seeds()"
KIND_COLOURS = {"title": "#4C72B0", "body": "#55A868", "caption": "#DD8452", "boilerplate": "#B0B0B0"}


def add_source(fig: "Figure", text: str) -> None:
    """Write a small source line in the bottom-left corner of ``fig``."""
    fig.text(0.01, 0.01, text, fontsize=8, color="#555555", ha="left", va="bottom")


def plot_paragraph_kinds(paragraphs: pd.DataFrame, *, source: str = SEEDS_SOURCE) -> "Figure":
    """Stacked horizontal bars: how many paragraphs of each kind every article has.

    Duplicated paragraphs are counted in their kind; the title shows how many there are.
    """

    counts = (
        paragraphs.assign(article=paragraphs["article_id"].str.slice(0, 3))
        .pivot_table(index="article", columns="kind", values="para_no", aggfunc="count", fill_value=0)
        .reindex(columns=list(KIND_COLOURS), fill_value=0)
        .sort_index(ascending=False)
    )
    n_dup = int(paragraphs["is_duplicate"].sum())
    return _stacked_bars(
        counts,
        list(KIND_COLOURS.values()),
        height=0.5,
        title=f"Paragraph kinds per article ({n_dup} duplicated paragraphs flagged)",
        xlabel="number of paragraphs",
        ylabel="article (file-name prefix)",
        legend="kind",
        source=source,
    )


def plot_mention_counts(mentions: pd.DataFrame, *, top: int = 12, source: str = SEEDS_SOURCE) -> "Figure":
    """Horizontal bars: how many times each country is named in fact-bearing sentences, by article.

    Each bar counts mentions (every time a name is written) and ends with its total.
    """

    table = (
        mentions.assign(article=mentions["article_id"].str.slice(0, 3))
        .pivot_table(index="country", columns="article", values="start", aggfunc="count", fill_value=0)
    )
    table = table.loc[table.sum(axis=1).sort_values(ascending=True, kind="mergesort").index[-top:]]
    palette = ["#4C72B0", "#55A868", "#C44E52", "#8172B3", "#CCB974", "#64B5CD", "#DD8452"]
    return _stacked_bars(
        table,
        [palette[i % len(palette)] for i in range(len(table.columns))],
        height=0.35,
        title="Countries named in the seeds' fact-bearing sentences",
        xlabel="number of mentions (each time a name is written)",
        ylabel="country",
        legend="article",
        source=source,
        totals=True,
    )


def _stacked_bars(
    table: pd.DataFrame, colours: list[str], *, height: float, title: str, xlabel: str, ylabel: str, legend: str,
    source: str, totals: bool = False,
) -> "Figure":
    """Horizontal bars, one per row of ``table``, stacked by its columns (legend outside on the right)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, height * len(table) + 1.8), layout="constrained")
    left = pd.Series(0, index=table.index)
    for column, colour in zip(table.columns, colours):
        ax.barh(table.index, table[column], left=left, color=colour, label=column)
        left = left + table[column]
    if totals:  # the number each bar adds up to, at its end
        for label, total in left.items():
            ax.text(total, label, f" {int(total)}", va="center", ha="left", fontsize=8, color="#333333")
        ax.set_xlim(0, float(left.max()) * 1.08)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(title=legend, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, title_fontsize=8, frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    add_source(fig, source)
    return fig
