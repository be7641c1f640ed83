"""The service's use cases, with no HTTP in sight: ingest, verify, browse.

The HTTP layer and the command line are thin shells over ``QuoteService``.
It owns the store (the source of truth) and this process's in-memory
matching index, which it keeps in step with the store: before every read it
compares the store's change sequence with the one the index reflects and, if
another process wrote meanwhile, applies just those changes.
"""
from __future__ import annotations

import logging
import threading
import time

from service.config import Config
from service.corpus import load_corpus
from service.extract import extract_quotes
from service.index import QuoteIndex
from service.model import Document, DocumentMeta, QuoteRecord, content_hash
from service.verify import verify

log = logging.getLogger(__name__)


class QuoteService:
    def __init__(self, store, config: Config):
        self.store = store
        self.config = config
        self._lock = threading.Lock()
        self._index: QuoteIndex | None = None
        self.version = -1
        if config.corpus_dir and store.counts()[1] == 0:
            load_corpus(store, config.corpus_dir)

    # -- keeping the index in step with the store -------------------------------
    @property
    def index(self) -> QuoteIndex:
        """Built on first use (the web app builds it at start-up, before
        gunicorn forks, so that workers share its memory)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    started = time.perf_counter()
                    index = QuoteIndex()
                    self.version, rows = self.store.index_snapshot()
                    index.add(rows)
                    self._index = index
                    log.info("indexed %d quotes (version %d) in %.1fs", len(index),
                             self.version, time.perf_counter() - started)
        return self._index

    def refresh(self) -> None:
        if self._index is None:
            return  # nothing to keep fresh; the first use reads the store anyway
        current = self.store.version()
        if current == self.version:
            return
        with self._lock:
            if current == self.version:
                return
            seq, added, removed = self.store.changes_since(self.version)
            # Removals first: a document deleted and ingested again comes back.
            self._index.remove(removed)
            self._index.add(added)
            self.version = seq

    # -- use cases ----------------------------------------------------------------
    def ingest(self, text: str, meta: DocumentMeta) -> tuple[Document, list[QuoteRecord], bool]:
        existing = self.store.document_by_hash(content_hash(text))
        if existing is not None:
            return existing, self.store.document_quotes(existing.id), False
        result = self.store.add_document(text, meta, extract_quotes(text, meta))
        self.refresh()
        return result

    def delete_document(self, document_id: str) -> bool:
        deleted = self.store.delete_document(document_id)
        self.refresh()
        return deleted

    def verify(self, quote: str, speaker: str | None = None, limit: int | None = None) -> dict:
        self.refresh()
        return verify(self.index, self.store, quote, speaker, limit or self.config.default_limit)

    def health(self) -> dict:
        self.index  # build it if nothing has yet, then catch up, then count
        self.refresh()
        quotes, documents = self.store.counts()
        return {"status": "ok", "quotes": quotes, "documents": documents,
                "index_version": self.version, "indexed_quotes": len(self.index)}
