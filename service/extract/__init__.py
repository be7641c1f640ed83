"""Quote extraction: direct quotations, their speakers and dates, from news text.

    from service.extract import extract_quotes
    quotes = extract_quotes(text, DocumentMeta(published="2026-01-26"))

Pure Python, no models. See docs/extraction.md for the attribution cascade.
"""
from __future__ import annotations

from service.model import DocumentMeta, ExtractedQuote

from .pipeline import extract


def extract_quotes(text: str, meta: DocumentMeta | None = None, *,
                   typewriter_quotes: bool = False) -> list[ExtractedQuote]:
    """Direct quotations in ``text``, ordered by position.

    ``typewriter_quotes`` also reads the ''...'' pair of archive copy as
    quotation marks; it is off by default because in current news it is an
    artefact, and the PolNeAR gold does not count it (docs/extraction.md).
    Never raises on odd input: an empty or quote-less text gives [].
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return extract(text, meta, typewriter_quotes)


__all__ = ["extract_quotes"]
