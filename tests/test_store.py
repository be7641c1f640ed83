"""The storage contract. Every backend runs this same suite (the PostgreSQL
backend joins the ``store`` fixture's parameters when it lands)."""
from __future__ import annotations

import pytest

from service.model import DocumentMeta, ExtractedQuote, QuoteDate, Speaker
from service.store.sqlite import SQLiteStore


@pytest.fixture(params=["sqlite"])
def store(request, tmp_path):
    backend = SQLiteStore(tmp_path / "store.sqlite3")
    yield backend
    backend.close()


def quote(text: str, start: int = 0, speaker: str | None = "Jacob Frey") -> ExtractedQuote:
    return ExtractedQuote(
        text=text, spans=[(start, start + len(text))],
        speaker=Speaker(speaker, "person", "Frey", "Minneapolis Mayor") if speaker else None,
        date=QuoteDate("2026-01-11", "day", "stated", "Jan. 11"),
        context="Frey said it.", confidence=0.9, rule="cue_after", cue="said")


META = DocumentMeta(title="A title", outlet="An outlet", url="https://example.org/a",
                    published="2026-01-26", kind="article")


def test_document_round_trips_with_its_quotes(store):
    doc, quotes, created = store.add_document("body", META, [quote("one", 0), quote("two", 10)])
    assert created and doc.quote_count == 2
    assert store.get_document(doc.id).meta == META
    stored = store.document_quotes(doc.id)
    assert [q.text for q in stored] == ["one", "two"]
    assert stored[0].speaker == Speaker("Jacob Frey", "person", "Frey", "Minneapolis Mayor")
    assert stored[0].date == QuoteDate("2026-01-11", "day", "stated", "Jan. 11")
    assert stored[0].spans == [(0, 3)]
    assert store.get_quote(stored[1].id).text == "two"


def test_same_text_is_stored_once(store):
    first, _, created = store.add_document("same body", META, [quote("one")])
    again, quotes, created_again = store.add_document("same body", DocumentMeta(), [])
    assert created and not created_again
    assert again.id == first.id and len(quotes) == 1
    assert store.counts() == (1, 1)


def test_delete_removes_quotes_and_logs_the_removal(store):
    doc, quotes, _ = store.add_document("body", META, [quote("one")])
    version = store.version()
    assert store.delete_document(doc.id)
    assert store.get_document(doc.id) is None
    assert store.get_quote(quotes[0].id) is None
    seq, added, removed = store.changes_since(version)
    assert seq > version and added == [] and removed == [quotes[0].id]
    assert not store.delete_document(doc.id)


def test_changes_since_returns_exactly_the_missed_writes(store):
    v0, rows = store.index_snapshot()
    assert list(rows) == []
    doc_a, quotes_a, _ = store.add_document("a", META, [quote("alpha")])
    v1 = store.version()
    store.add_document("b", META, [quote("beta")])
    seq, added, removed = store.changes_since(v1)
    assert [r.text for r in added] == ["beta"] and removed == []
    seq, added, _ = store.changes_since(v0)
    assert sorted(r.text for r in added) == ["alpha", "beta"]
    assert seq == store.version()


def test_snapshot_version_matches_its_rows(store):
    store.add_document("a", META, [quote("alpha")])
    version, rows = store.index_snapshot()
    store.add_document("b", META, [quote("beta")])  # after the snapshot
    assert [r.text for r in rows] == ["alpha"]
    _, added, _ = store.changes_since(version)
    assert [r.text for r in added] == ["beta"]


def test_failed_write_leaves_nothing_behind(store):
    broken = quote("fine")
    broken.text = None  # violates NOT NULL half-way through the insert
    with pytest.raises(Exception):
        store.add_document("body", META, [quote("first"), broken])
    assert store.counts() == (0, 0)
    assert store.version() == 0


def test_import_is_idempotent_and_groups_documents(store):
    records = [
        {"id": "s:1", "text": "First words.", "speaker": "Ann", "date": "1990-01-02",
         "source": "speeches", "context": "a speech"},
        {"id": "s:2", "text": "Second words.", "speaker": "Ann", "date": "1990-01-02",
         "source": "speeches", "context": "a speech"},
        {"id": "s:3", "text": "Other words.", "speaker": None, "date": None,
         "source": "book", "context": None},
    ]
    assert store.import_records(records) == 3
    assert store.import_records(records) == 0
    assert store.counts() == (3, 2)
    rows = {r.text: r for r in store.index_snapshot()[1]}
    assert rows["First words."].speaker == "Ann" and rows["First words."].date == "1990-01-02"
    first = store.get_quote(rows["First words."].quote_id)
    assert first.date.precision == "day" and first.rule == "import"
    assert rows["First words."].document_id == rows["Second words."].document_id
    speech = store.get_document(rows["First words."].document_id)
    assert speech.quote_count == 2 and speech.meta.title == "a speech"
    assert store.import_records(records + [{**records[0], "id": "s:4", "text": "More."}]) == 1
    assert store.get_document(speech.id).quote_count == 3


def test_documents_page_newest_first(store):
    for i in range(5):
        store.add_document(f"text {i}", META, [])
    page, total = store.list_documents(limit=2, offset=0)
    assert total == 5 and len(page) == 2
    rest, _ = store.list_documents(limit=10, offset=2)
    assert len(rest) == 3
    assert not {d.id for d in page} & {d.id for d in rest}
