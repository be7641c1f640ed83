"""QuoteService keeps each process's index in step with the shared store."""
from __future__ import annotations

import pytest

from service.core import QuoteService
from service.model import DocumentMeta
from service.resources import project_file
from service.store.sqlite import SQLiteStore
from tests.test_api import ARTICLE


def two_workers(make_config, **overrides):
    config = make_config(**overrides)
    return (QuoteService(SQLiteStore(config.db_path), config),
            QuoteService(SQLiteStore(config.db_path), config))


def test_write_in_one_process_is_seen_by_another_without_a_rebuild(make_config, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    writer, reader = two_workers(make_config, corpus_dir=str(empty))
    index_before = reader.index
    assert reader.verify("a stalling tactic")["verdict"] == "not_found"

    document, quotes, created = writer.ingest(ARTICLE, DocumentMeta(published="2026-03-03"))
    assert created and quotes
    assert reader.verify("a stalling tactic")["verdict"] == "verified"
    assert reader.index is index_before  # caught up, not rebuilt
    assert reader.version == writer.store.version()

    assert writer.delete_document(document.id)
    assert reader.verify("a stalling tactic")["verdict"] == "not_found"
    assert len(reader.index) == 0


def test_deleted_then_reingested_document_comes_back(make_config, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    writer, reader = two_workers(make_config, corpus_dir=str(empty))
    reader.index  # built before the writes below
    document, _, _ = writer.ingest(ARTICLE, DocumentMeta())
    writer.delete_document(document.id)
    writer.ingest(ARTICLE, DocumentMeta())
    assert reader.verify("a stalling tactic")["verdict"] == "verified"


def test_corpus_is_loaded_into_an_empty_store_only(make_config):
    config = make_config()
    first = QuoteService(SQLiteStore(config.db_path), config)
    quotes, documents = first.store.counts()
    assert documents == len(list(project_file("quotes").glob("*.json"))) and quotes > 0
    again = QuoteService(SQLiteStore(config.db_path), config)
    assert again.store.counts() == (quotes, documents)


def test_reingesting_a_shipped_article_finds_it_stored(make_config):
    seeds = project_file("..").resolve() / "shared" / "seeds" / "000_ddd9b189ca43defc.txt"
    if not seeds.exists():
        pytest.skip("../shared/seeds is absent (CI provides it)")
    config = make_config()
    service = QuoteService(SQLiteStore(config.db_path), config)
    documents = service.store.counts()[1]
    _, _, created = service.ingest(seeds.read_text(encoding="utf-8"), DocumentMeta())
    assert not created and service.store.counts()[1] == documents


def test_health_counts_the_index_it_reports_the_version_of(make_config, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    writer, reader = two_workers(make_config, corpus_dir=str(empty))
    reader.index  # built before the write below
    writer.ingest(ARTICLE, DocumentMeta())
    health = reader.health()
    assert health["index_version"] == writer.store.version()
    assert health["indexed_quotes"] == health["quotes"] > 0
