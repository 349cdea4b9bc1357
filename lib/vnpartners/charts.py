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
    import matplotlib.pyplot as plt

    counts = (
        paragraphs.assign(article=paragraphs["article_id"].str.slice(0, 3))
        .pivot_table(index="article", columns="kind", values="para_no", aggfunc="count", fill_value=0)
        .reindex(columns=list(KIND_COLOURS), fill_value=0)
        .sort_index(ascending=False)
    )
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(counts) + 1.8), layout="constrained")
    left = pd.Series(0, index=counts.index)
    for kind, colour in KIND_COLOURS.items():
        ax.barh(counts.index, counts[kind], left=left, color=colour, label=kind)
        left = left + counts[kind]
    n_dup = int(paragraphs["is_duplicate"].sum())
    ax.set_title(f"Paragraph kinds per article ({n_dup} duplicated paragraphs flagged)")
    ax.set_xlabel("number of paragraphs")
    ax.set_ylabel("article (file-name prefix)")
    ax.legend(title="kind", loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, title_fontsize=8, frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    add_source(fig, source)
    return fig


def plot_mention_counts(mentions: pd.DataFrame, *, top: int = 12, source: str = SEEDS_SOURCE) -> "Figure":
    """Horizontal bars: how many times each country is named in fact-bearing sentences, by article."""
    import matplotlib.pyplot as plt

    table = (
        mentions.assign(article=mentions["article_id"].str.slice(0, 3))
        .pivot_table(index="country", columns="article", values="start", aggfunc="count", fill_value=0)
    )
    table = table.loc[table.sum(axis=1).sort_values(ascending=True, kind="mergesort").index[-top:]]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(table) + 1.8), layout="constrained")
    left = pd.Series(0, index=table.index)
    palette = ["#4C72B0", "#55A868", "#C44E52", "#8172B3", "#CCB974", "#64B5CD", "#DD8452"]
    for i, article in enumerate(table.columns):
        ax.barh(table.index, table[article], left=left, color=palette[i % len(palette)], label=article)
        left = left + table[article]
    ax.set_title("Countries named in the seeds' fact-bearing sentences")
    ax.set_xlabel("number of mentions")
    ax.set_ylabel("country")
    ax.legend(title="article", loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, title_fontsize=8, frameon=False)
    fig.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    add_source(fig, source)
    return fig
