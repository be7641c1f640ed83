"""The shipped corpus: one reviewable JSON file per source document.

Each file holds the document's metadata, the hash of its text (so ingesting
the same article later finds it already stored) and the quote records the
extractor produced, as reviewed by a person. The article's prose itself is not
shipped: only the quotes and their short context.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from service.model import DocumentMeta, ExtractedQuote, QuoteDate, Speaker

log = logging.getLogger(__name__)

FORMAT = "quote-corpus/1"
# The shipped files keep a short window of context around each quote: enough
# to show who spoke and when, without carrying the article's prose.
SHIPPED_CONTEXT_CHARS = 300


def corpus_record(name: str, meta: DocumentMeta, digest: str,
                  quotes: list[ExtractedQuote]) -> dict:
    return {
        "format": FORMAT,
        "document": {"name": name, "content_hash": digest, **meta.to_dict()},
        "quotes": [{**q.to_dict(), "context": short_context(q.context, q.text)} for q in quotes],
    }


def short_context(context: str, quote: str, limit: int = SHIPPED_CONTEXT_CHARS) -> str:
    """A window of at most ``limit`` characters of ``context`` around the
    quote, cut at word boundaries and marked with an ellipsis."""
    if len(context) <= limit:
        return context
    at = context.find(quote[:40])
    centre = at + min(len(quote), limit) // 2 if at >= 0 else len(context) // 2
    start = max(0, min(centre - limit // 2, len(context) - limit))
    end = start + limit
    if start > 0:
        start = context.find(" ", start) + 1 or start
    if end < len(context):
        end = context.rfind(" ", start, end) if context.rfind(" ", start, end) > start else end
    return ("… " if start > 0 else "") + context[start:end].strip() + (" …" if end < len(context) else "")


def write_corpus_file(directory: Path, name: str, meta: DocumentMeta, digest: str,
                      quotes: list[ExtractedQuote]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (Path(name).stem + ".json")
    record = corpus_record(name, meta, digest, quotes)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_corpus(directory: str | Path) -> Iterator[tuple[DocumentMeta, str, list[ExtractedQuote]]]:
    for path in sorted(Path(directory).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != FORMAT:
            raise ValueError(f"{path}: not a {FORMAT} file")
        doc = record["document"]
        meta = DocumentMeta(title=doc.get("title"), outlet=doc.get("outlet"), url=doc.get("url"),
                            published=doc.get("published"), kind=doc.get("kind"))
        quotes = [
            ExtractedQuote(
                text=q["text"], spans=[tuple(s) for s in q.get("spans") or []],
                speaker=Speaker.from_dict(q.get("speaker")), date=QuoteDate.from_dict(q.get("date")),
                context=q.get("context") or "", confidence=float(q.get("confidence", 1.0)),
                rule=q.get("rule") or "corpus", fragment=bool(q.get("fragment")), cue=q.get("cue"),
            )
            for q in record["quotes"]
        ]
        yield meta, doc["content_hash"], quotes


def load_corpus(store, directory: str | Path) -> int:
    """Store every corpus document not stored yet; returns how many were new."""
    added = 0
    for meta, digest, quotes in read_corpus(directory):
        _doc, _quotes, created = store.add_document(None, meta, quotes, content_hash=digest)
        added += created
    log.info("loaded %d corpus documents from %s", added, directory)
    return added
