"""Growth arithmetic for lesson 03: compound annual growth, its two usual mistakes, and part years.

Plain functions of numbers (and small DataFrames of paths); re-exported by :mod:`.trade`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["cagr", "average_growth", "compound_path", "growth_paths", "annualise", "annualise_quarter"]


def cagr(first_value: float, last_value: float, years: float) -> float:
    """Compound annual growth rate, **in percent**: the constant yearly rate that turns
    ``first_value`` into ``last_value`` in ``years`` years.

    ``cagr = ((last / first) ** (1 / years) − 1) × 100``; ``years`` is the number of yearly steps,
    i.e. last year − first year (2016 → 2023 is 7 steps, not 8). It is *not* the total growth
    divided by the number of years: growth compounds, each year's rise builds on the last.

    >>> round(cagr(100, 121, 2), 6)
    10.0

    Raises:
        ValueError: ``years`` is not positive, or a value is not a positive number.
    """
    first, last, n = float(first_value), float(last_value), float(years)
    if not n > 0:
        raise ValueError(f"years must be a positive number of yearly steps (last year - first year), got {years!r}")
    if not (first > 0 and last > 0) or np.isnan(first) or np.isnan(last):
        raise ValueError(f"cagr needs two positive values, got {first_value!r} and {last_value!r}")
    return ((last / first) ** (1.0 / n) - 1.0) * 100.0


def compound_path(first_value: float, rate_pct: float, years: int) -> pd.DataFrame:
    """What compound growth does: ``first_value`` grown by ``rate_pct`` % a year, year by year.

    Columns: ``step`` (0 … ``years``), ``compound`` (value × (1 + r)^step) and ``simple``
    (value × (1 + r × step): the same rate applied *without* compounding, so the same amount,
    r × the first value, is added each year; it falls short of the compound path).
    """
    r = float(rate_pct) / 100.0
    steps = np.arange(int(years) + 1)
    return pd.DataFrame({
        "step": steps,
        "compound": float(first_value) * (1.0 + r) ** steps,
        "simple": float(first_value) * (1.0 + r * steps),
    })


def average_growth(first_value: float, last_value: float, years: float) -> float:
    """The total growth divided by the number of years, **in percent**: the common mistake for a yearly rate.

    ``((last / first) − 1) × 100 / years``. It is never below :func:`cagr` and, for growth over more
    than one year, above it: it is the rate of a straight line that adds the same *amount* every year,
    not of growth that builds on itself.

    >>> round(average_growth(100, 121, 2), 6)
    10.5
    """
    n = float(years)
    if not n > 0:
        raise ValueError(f"years must be a positive number of yearly steps (last year - first year), got {years!r}")
    return (float(last_value) / float(first_value) - 1.0) * 100.0 / n


def growth_paths(first_value: float, last_value: float, years: int) -> pd.DataFrame:
    """The compound annual growth rate beside the two usual mistakes, year by year.

    With ``cagr`` = :func:`cagr` and ``average`` = :func:`average_growth` (total growth ÷ years):

    * ``compound``: the first value grown by ``cagr`` % a year, compounded; it ends at the last value;
    * ``cagr_not_compounded``: the same ``cagr`` % of the *first* value added every year; it falls short;
    * ``average_not_compounded``: ``average`` % of the first value added every year, a straight line; it
      ends at the last value too, but only because it adds a fixed amount, so ``average`` is not a yearly
      growth rate: as a rate, compounded, it overshoots;
    * ``average_compounded``: the first value grown by ``average`` % a year, compounded.

    One row per ``step`` (0 … ``years``); the rates are in the frame's ``attrs`` (``cagr_pct``,
    ``average_pct``).
    """
    rate, average = cagr(first_value, last_value, years), average_growth(first_value, last_value, years)
    steps = np.arange(int(years) + 1)
    first = float(first_value)
    out = pd.DataFrame({
        "step": steps,
        "compound": first * (1.0 + rate / 100) ** steps,
        "cagr_not_compounded": first * (1.0 + rate / 100 * steps),
        "average_not_compounded": first * (1.0 + average / 100 * steps),
        "average_compounded": first * (1.0 + average / 100) ** steps,
    })
    out.attrs.update(cagr_pct=rate, average_pct=average)
    return out


def annualise(value: float, months: int) -> float:
    """The naive full-year estimate from a part-year figure: ``value × 12 / months``.

    It assumes every month trades the same amount. Trade is seasonal (Lunar New Year closes
    factories in the first quarter; orders pile up before Christmas), so the naive figure is a
    guess with a known bias, not a statistic: see :func:`part_year_table`.
    """
    if not 0 < int(months) <= 12:
        raise ValueError(f"months must be 1..12, got {months!r}")
    return float(value) * 12.0 / int(months)


def annualise_quarter(quarter_value: float, quarter_share: float = 0.25) -> float:
    """A full-year estimate from one quarter: ``quarter_value / quarter_share``.

    With the default share 0.25 this is "multiply by four", which is right only when the
    quarter carries exactly a quarter of the year's trade. Where the share is known (see
    :func:`part_year_table`), pass it: a first quarter with 15 % of the year gives
    ``value / 0.15``, far above ``value × 4``.
    """
    share = float(quarter_share)
    if not 0 < share <= 1:
        raise ValueError(f"quarter_share must be a fraction of the year in (0, 1], got {quarter_share!r}")
    return float(quarter_value) / share
