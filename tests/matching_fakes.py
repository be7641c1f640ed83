"""A tiny in-memory store for matching tests: just get_quotes/get_documents."""
from __future__ import annotations

from service.model import Document, DocumentMeta, IndexRow, QuoteRecord, Speaker


class FakeStore:
    def __init__(self) -> None:
        self.quotes: dict[str, QuoteRecord] = {}
        self.documents: dict[str, Document] = {}

    def add(self, qid: str, text: str, speaker: str | None = None, doc: str = "d1",
            published: str | None = "2026-01-01", date: str | None = None, title: str | None = None) -> IndexRow:
        if doc not in self.documents:
            self.documents[doc] = Document(doc, doc, DocumentMeta(title=title or doc, outlet="Test", published=published), "2026-01-01T00:00:00")
        self.quotes[qid] = QuoteRecord(qid, doc, text, Speaker(speaker) if speaker else None, None, None, 1.0, "test")
        return IndexRow(qid, text, speaker, doc, date)

    def get_quotes(self, ids):
        return {i: self.quotes[i] for i in ids if i in self.quotes}

    def get_documents(self, ids):
        return {i: self.documents[i] for i in ids if i in self.documents}
