from __future__ import annotations

from pathlib import Path

from service.corpus import SHIPPED_CONTEXT_CHARS, read_corpus, short_context, write_corpus_file
from service.model import DocumentMeta, ExtractedQuote, QuoteDate, Speaker


def test_corpus_file_round_trips(tmp_path: Path):
    quote = ExtractedQuote(
        text="We will not back down.", spans=[(10, 32)],
        speaker=Speaker("Dana Whitfield", "person", "Whitfield", "Mayor"),
        date=QuoteDate("2026-03-03", "day", "stated", "on Tuesday"),
        context="“We will not back down,” Whitfield said.", confidence=0.9,
        rule="cue_after", cue="said")
    meta = DocumentMeta(title="T", outlet="O", url=None, published="2026-03", kind="article")
    write_corpus_file(tmp_path, "a.txt", meta, "abc123", [quote])
    [(read_meta, digest, quotes)] = list(read_corpus(tmp_path))
    assert (read_meta, digest) == (meta, "abc123")
    assert quotes[0].speaker == quote.speaker and quotes[0].date == quote.date
    assert quotes[0].spans == quote.spans and quotes[0].text == quote.text


def test_short_context_keeps_the_quote_and_the_bound():
    quote = "the words that matter here"
    context = ("filler " * 80) + quote + (" tail" * 80)
    short = short_context(context, quote)
    assert quote in short
    assert len(short) <= SHIPPED_CONTEXT_CHARS + 4  # plus the ellipsis marks
    assert short.startswith("… ") and short.endswith(" …")
    assert short_context("brief context", "brief") == "brief context"
