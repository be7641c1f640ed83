"""The embedded default backend: one SQLite file in WAL mode.

WAL lets every gunicorn worker read while one writes. Connections are opened
lazily per process and thread, because a connection must never cross a fork
(the app may be built in the gunicorn master before the workers fork).
"""
from __future__ import annotations

import json
import os
from collections import Counter
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from service.model import (
    Document, DocumentMeta, ExtractedQuote, IndexRow, QuoteDate, QuoteRecord, Speaker,
    content_hash as hash_text, precision_of, short_id,
)
from service.store.base import StoreError
from service.store.schema import DOCUMENT_COLUMNS, QUOTE_COLUMNS, STATEMENTS

_QUOTE_PLACEHOLDERS = ", ".join("?" * len(QUOTE_COLUMNS.split(",")))
# SQLite refuses more than 32766 bound parameters in one statement.
_ID_CHUNK = 500


class SQLiteStore:
    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._transaction() as conn:
            for statement in STATEMENTS:
                conn.execute(statement)

    # -- connections -----------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk imports touch many pages
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE: writers queue up instead of failing mid-way, and
        a failure rolls the whole write back, so nothing is half-written."""
        conn = self._conn()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"store unavailable: {exc}") from exc
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @staticmethod
    def _next_seq(conn: sqlite3.Connection) -> int:
        conn.execute("UPDATE index_version SET seq = seq + 1 WHERE id = 1")
        return conn.execute("SELECT seq FROM index_version WHERE id = 1").fetchone()[0]

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            conn.close()
        self._local = threading.local()

    # -- documents -------------------------------------------------------------
    def add_document(self, text, meta, quotes, *, content_hash=None):
        digest = content_hash or hash_text(text or "")
        existing = self.document_by_hash(digest)
        if existing is not None:
            return existing, self.document_quotes(existing.id), False
        doc_id = short_id("d", digest)
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction() as conn:
            # Another worker may have stored the same text since we looked.
            row = conn.execute("SELECT id FROM documents WHERE content_hash = ?",
                               (digest,)).fetchone()
            if row is None:
                seq = self._next_seq(conn)
                conn.execute(
                    f"INSERT INTO documents ({DOCUMENT_COLUMNS}, body)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, digest, meta.title, meta.outlet, meta.url, meta.published,
                     meta.kind, created, len(quotes), text),
                )
                conn.executemany(
                    f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES ({_QUOTE_PLACEHOLDERS})",
                    [_extracted_row(doc_id, digest, i, seq, q) for i, q in enumerate(quotes)],
                )
        if row is not None:
            document = self.get_document(row[0])
            return document, self.document_quotes(row[0]), False
        return self.get_document(doc_id), self.document_quotes(doc_id), True

    def document_by_hash(self, digest: str) -> Document | None:
        row = self._conn().execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE content_hash = ?", (digest,)
        ).fetchone()
        return _document(row) if row else None

    def get_document(self, document_id: str) -> Document | None:
        return self.get_documents([document_id]).get(document_id)

    def get_documents(self, ids: Iterable[str]) -> dict[str, Document]:
        rows = self._select_in(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id IN ({{}})", ids)
        return {row[0]: _document(row) for row in rows}

    def list_documents(self, limit: int, offset: int) -> tuple[list[Document], int]:
        conn = self._conn()
        total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        rows = conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY created DESC, id"
            " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return [_document(r) for r in rows], total

    def document_quotes(self, document_id: str) -> list[QuoteRecord]:
        rows = self._conn().execute(
            f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE document_id = ? ORDER BY position",
            (document_id,)).fetchall()
        return [_quote(r) for r in rows]

    def delete_document(self, document_id: str) -> bool:
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
                return False
            seq = self._next_seq(conn)
            conn.execute("INSERT INTO removals (seq, quote_id)"
                         " SELECT ?, id FROM quotes WHERE document_id = ?", (seq, document_id))
            conn.execute("DELETE FROM quotes WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return True

    # -- quotes ----------------------------------------------------------------
    def get_quote(self, quote_id: str) -> QuoteRecord | None:
        return self.get_quotes([quote_id]).get(quote_id)

    def get_quotes(self, ids: Iterable[str]) -> dict[str, QuoteRecord]:
        rows = self._select_in(f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE id IN ({{}})", ids)
        return {r[0]: _quote(r) for r in rows}

    def import_records(self, records: list[dict]) -> int:
        """One transaction per batch. Records are grouped into one document
        per (source, context, date): a speech, a book, a collection."""
        documents: dict[str, tuple] = {}
        quotes: dict[str, tuple[str, int, dict]] = {}
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        doc_ids: dict[tuple, str] = {}  # most records of a batch share a few documents
        for position, rec in enumerate(records):
            key = (rec.get("source"), rec.get("context"), rec.get("date"))
            doc_id = doc_ids.get(key)
            if doc_id is None:
                source, context, date = key
                digest = hash_text("import\x1f%s\x1f%s\x1f%s" % key)
                doc_id = doc_ids[key] = short_id("d", digest)
                documents[doc_id] = (doc_id, digest, context, source, None, date,
                                     "import", created, 0, None)
            quotes.setdefault(short_id("q", "import", str(rec["id"])), (doc_id, position, rec))
        rows = sorted(quotes.items())  # key order: B-tree inserts stay local
        with self._transaction() as conn:
            seq = self._next_seq(conn)
            conn.executemany(
                f"INSERT INTO documents ({DOCUMENT_COLUMNS}, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                list(documents.values()))
            before = conn.total_changes
            conn.executemany(
                f"INSERT INTO quotes ({QUOTE_COLUMNS}) VALUES ({_QUOTE_PLACEHOLDERS})"
                " ON CONFLICT DO NOTHING",
                [_imported_row(qid, doc_id, position, seq, rec)
                 for qid, (doc_id, position, rec) in rows])
            inserted = conn.total_changes - before
            # Keep quote_count exact without recounting on the common paths: a
            # fresh batch adds all its rows, a repeated one adds none.
            if inserted == len(rows):
                added = Counter(doc_id for _, (doc_id, _, _) in rows)
                conn.executemany("UPDATE documents SET quote_count = quote_count + ? WHERE id = ?",
                                 [(n, doc_id) for doc_id, n in added.items()])
            elif inserted:
                conn.executemany(
                    "UPDATE documents SET quote_count ="
                    " (SELECT COUNT(*) FROM quotes WHERE document_id = ?) WHERE id = ?",
                    [(doc_id, doc_id) for doc_id in documents])
            return inserted

    # -- index feed ------------------------------------------------------------
    def index_snapshot(self) -> tuple[int, Iterator[IndexRow]]:
        # A dedicated connection holds one read transaction while the rows
        # stream out, so the version matches the rows exactly: catching up
        # from it later neither misses nor repeats a write.
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("BEGIN")
        version = conn.execute("SELECT seq FROM index_version WHERE id = 1").fetchone()[0]

        def rows() -> Iterator[IndexRow]:
            try:
                cursor = conn.execute(
                    "SELECT id, text, speaker_name, document_id, date_value FROM quotes")
                while batch := cursor.fetchmany(10_000):
                    yield from map(IndexRow._make, batch)
            finally:
                conn.execute("COMMIT")
                conn.close()

        return version, rows()

    def changes_since(self, seq: int) -> tuple[int, list[IndexRow], list[str]]:
        conn = self._conn()
        # One read transaction, so the version and the rows agree.
        conn.execute("BEGIN")
        try:
            current = conn.execute("SELECT seq FROM index_version WHERE id = 1").fetchone()[0]
            removed = [r[0] for r in conn.execute(
                "SELECT quote_id FROM removals WHERE seq > ?", (seq,))]
            added = [IndexRow._make(r) for r in conn.execute(
                "SELECT id, text, speaker_name, document_id, date_value FROM quotes"
                " WHERE seq > ?", (seq,))]
        finally:
            conn.execute("COMMIT")
        return current, added, removed

    def version(self) -> int:
        return self._conn().execute("SELECT seq FROM index_version WHERE id = 1").fetchone()[0]

    def counts(self) -> tuple[int, int]:
        conn = self._conn()
        # MAX(rowid) would be faster but wrong after deletes; COUNT(*) on the
        # narrow seq index is quick enough for a health check.
        quotes = conn.execute("SELECT COUNT(*) FROM quotes INDEXED BY quotes_seq").fetchone()[0]
        documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        return quotes, documents

    def _select_in(self, sql: str, ids: Iterable[str], conn=None) -> list[tuple]:
        ids = list(dict.fromkeys(ids))
        rows: list[tuple] = []
        conn = conn or self._conn()
        for i in range(0, len(ids), _ID_CHUNK):
            chunk = ids[i:i + _ID_CHUNK]
            rows.extend(conn.execute(sql.format(", ".join("?" * len(chunk))), chunk))
        return rows


# -- row mapping ---------------------------------------------------------------
def _extracted_row(doc_id: str, digest: str, position: int, seq: int, q: ExtractedQuote) -> tuple:
    sp, dt = q.speaker, q.date
    start = q.spans[0][0] if q.spans else position
    return (
        short_id("q", digest, str(start), q.text), doc_id, position, seq, q.text,
        sp and sp.name, sp and sp.kind, sp and sp.mention, sp and sp.title,
        dt and dt.value, dt and dt.precision, dt and dt.basis, dt and dt.expression,
        q.context, float(q.confidence), q.rule, int(q.fragment), q.cue,
        json.dumps([list(s) for s in q.spans]),
    )


def _imported_row(quote_id: str, doc_id: str, position: int, seq: int, rec: dict) -> tuple:
    date = rec.get("date")
    return (
        quote_id, doc_id, position, seq, rec["text"],
        rec.get("speaker"), "person" if rec.get("speaker") else None, None, None,
        date, precision_of(date) if date else None, "stated" if date else None, None,
        rec.get("context"), 1.0, "import", 0, None, None,
    )


def _document(row: tuple) -> Document:
    doc_id, digest, title, outlet, url, published, kind, created, quote_count = row
    return Document(id=doc_id, content_hash=digest, created=created, quote_count=quote_count,
                    meta=DocumentMeta(title=title, outlet=outlet, url=url,
                                      published=published, kind=kind))


def _quote(row: tuple) -> QuoteRecord:
    (qid, doc_id, _position, _seq, text, sp_name, sp_kind, sp_mention, sp_title,
     d_value, d_precision, d_basis, d_expression, context, confidence, rule,
     fragment, cue, spans) = row
    return QuoteRecord(
        id=qid, document_id=doc_id, text=text,
        speaker=Speaker(sp_name, sp_kind or "person", sp_mention, sp_title) if sp_name else None,
        date=QuoteDate(d_value, d_precision, d_basis, d_expression) if d_value else None,
        context=context, confidence=confidence, rule=rule, fragment=bool(fragment), cue=cue,
        spans=[tuple(s) for s in json.loads(spans)] if spans else [],
    )
