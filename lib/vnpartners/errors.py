"""The kit's own exceptions: each says what is wrong and what to do about it."""

from __future__ import annotations


class VnPartnersError(Exception):
    """Base class of every error the kit raises on purpose."""


class CorpusError(VnPartnersError, ValueError):
    """A folder of articles cannot be loaded as it is (no .txt files, a bad file, a bad manifest)."""


class DataFileMissing(VnPartnersError, FileNotFoundError):
    """A reference table the kit ships is not where it should be."""


class UnknownPartnerError(VnPartnersError, LookupError):
    """A partner name or code that the reference tables do not know."""
