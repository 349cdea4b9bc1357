"""vnpartners: Indonesian-language news about Vietnam's diplomatic partnerships, as pandas tables.

>>> import vnpartners
>>> corpus = vnpartners.load_seeds()          # doctest: +SKIP
>>> corpus.partnerships.head()                # doctest: +SKIP

``import vnpartners`` is kept light (no pandas, no matplotlib): every public name below is
imported from its module the first time it is used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "load_seeds": "vnpartners.corpus",
    "load_folder": "vnpartners.corpus",
    "Corpus": "vnpartners.corpus",
    "SkippedFileWarning": "vnpartners.corpus",
    "EmptyArticleWarning": "vnpartners.text.reading",
    "parse_number": "vnpartners.facts.numbers",
    "find_dates": "vnpartners.facts.dates",
    "show_fact": "vnpartners.lessons.evidence",
    "stated": "vnpartners.facts.modality",
    "CorpusError": "vnpartners.errors",
    "DataFileMissing": "vnpartners.errors",
    "UnknownPartnerError": "vnpartners.errors",
    "VnPartnersError": "vnpartners.errors",
    "seeds_dir": "vnpartners.paths",
    "data_dir": "vnpartners.paths",
}
# modules reachable as attributes (``from vnpartners import trade``): short name -> module. The lessons
# import their helpers by these names; the subpackages show where each one lives.
_SUBMODULES: dict[str, str] = {
    "corpus": "vnpartners.corpus", "schema": "vnpartners.schema", "paths": "vnpartners.paths",
    "errors": "vnpartners.errors", "check": "vnpartners.check",
    "text": "vnpartners.text", "facts": "vnpartners.facts", "reference": "vnpartners.reference",
    "lessons": "vnpartners.lessons", "reports": "vnpartners.reports",
    "numbers": "vnpartners.facts.numbers", "dates": "vnpartners.facts.dates",
    "charts": "vnpartners.lessons.charts", "levels_chart": "vnpartners.lessons.levels",
    "maps": "vnpartners.lessons.maps", "network": "vnpartners.lessons.network", "trade": "vnpartners.lessons.trade",
    "evidence": "vnpartners.lessons.evidence", "trust": "vnpartners.lessons.trust",
    "partner_report": "vnpartners.reports.page",
}

__all__ = sorted(_LAZY) + sorted(_SUBMODULES)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(_SUBMODULES[name])
        globals()[name] = module
        return module
    raise AttributeError(f"module 'vnpartners' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
