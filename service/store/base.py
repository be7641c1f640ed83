"""The storage contract every backend (SQLite now, PostgreSQL next) fulfils.

The store is the source of truth. The in-memory matching index is rebuilt from
``index_snapshot()`` at start-up and kept fresh in every worker process by polling
``changes_since(seq)``, a log of added and removed quotes with a monotonically
increasing sequence number (exposed as the index version).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from service.model import Document, DocumentMeta, ExtractedQuote, IndexRow, QuoteRecord


class StoreError(Exception):
    """A storage failure the caller may report (never half-written data)."""


class Store(Protocol):
    # -- documents -----------------------------------------------------------
    def add_document(
        self, text: str | None, meta: DocumentMeta, quotes: list[ExtractedQuote],
        *, content_hash: str | None = None,
    ) -> tuple[Document, list[QuoteRecord], bool]:
        """Store a document and its quotes in one transaction.

        Returns (document, its quotes, created). The same content hash again
        returns the stored document with created=False and writes nothing.
        ``text`` may be None for corpus records shipped without their prose;
        then ``content_hash`` identifies the document.
        """

    def get_document(self, document_id: str) -> Document | None: ...

    def document_by_hash(self, digest: str) -> Document | None: ...

    def get_documents(self, ids: Iterable[str]) -> dict[str, Document]: ...

    def list_documents(self, limit: int, offset: int) -> tuple[list[Document], int]:
        """A page of documents, newest first, and the total count."""

    def document_quotes(self, document_id: str) -> list[QuoteRecord]: ...

    def delete_document(self, document_id: str) -> bool:
        """Remove a document and all its quotes; False if it did not exist."""

    # -- quotes --------------------------------------------------------------
    def get_quote(self, quote_id: str) -> QuoteRecord | None: ...

    def get_quotes(self, ids: Iterable[str]) -> dict[str, QuoteRecord]: ...

    def import_records(self, records: list[dict]) -> int:
        """Bulk-load ready quote records (bench-corpus format) in one
        transaction; records already present are skipped. Returns how many
        were new."""

    # -- index feed ----------------------------------------------------------
    def index_snapshot(self) -> tuple[int, Iterator[IndexRow]]:
        """(version, every stored quote as of that version), for building the
        matching index; catching up from that version later is exact."""

    def changes_since(self, seq: int) -> tuple[int, list[IndexRow], list[str]]:
        """(current seq, quotes added after seq, quote ids removed after seq)."""

    def version(self) -> int:
        """The current change sequence number: cheap, called per request."""

    def counts(self) -> tuple[int, int]:
        """(quote count, document count)."""

    def close(self) -> None: ...
