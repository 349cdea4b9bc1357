"""Reference data: the kit's curated tables (``data/*.csv``) and the one country-name resolver.

>>> from vnpartners import reference
>>> reference.partners(as_of="2024-06-30").head()     # doctest: +SKIP

- :mod:`.tables`: levels, partners (as of any date), partnership history, forums, glossary, trade,
  the world map; every row with its source;
- :mod:`.countries`: country names in Indonesian and English, resolved to ISO3 codes;
- :mod:`.corrections`: translation slips in articles (a country named by mistake) and what they mean;
- :mod:`.translations`: the kit's English translation of the seed articles, paragraph by paragraph.
"""

from __future__ import annotations

from .corrections import corrections
from .tables import (
    LADDER_TIERS,
    STATUS_DATE,
    forums,
    glossary,
    level_counts_by_year,
    levels,
    partner_path,
    partners,
    partnership_history,
    resolve_partner,
    trade,
    world_map,
)
from .translations import english_for, english_for_sentence, seed_translations

__all__ = [
    "STATUS_DATE", "LADDER_TIERS", "levels", "partners", "partnership_history", "forums", "glossary", "trade",
    "world_map", "resolve_partner", "level_counts_by_year", "partner_path", "corrections",
    "seed_translations", "english_for", "english_for_sentence",
]
