"""The context stored with a quote: the sentence(s) around it, bounded."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

MAX_CONTEXT = 600


def context_for(doc: Document, spans: list[tuple[int, int]], cue_at: int | None) -> str:
    """The sentences holding the quote and its cue; clipped around the quote."""
    text = doc.text
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    if cue_at is not None:
        lo, hi = min(lo, cue_at), max(hi, cue_at)
    first = doc.sentence_of(lo)
    last = doc.sentence_of(max(hi - 1, lo))
    c0, c1 = doc.sentences[first][0], doc.sentences[last][1]
    c0, c1 = min(c0, lo), max(c1, hi)
    # The previous sentence helps when the quote's own sentence names nobody.
    if first > 0 and c1 - doc.sentences[first - 1][0] <= MAX_CONTEXT and _names_nobody(text[c0:c1]):
        p0 = doc.sentences[first - 1][0]
        if "\n\n\n" not in text[p0:c0]:
            c0 = p0
    if c1 - c0 > MAX_CONTEXT:
        mid = (lo + hi) // 2
        c0 = max(c0, mid - MAX_CONTEXT // 2)
        c1 = min(c1, c0 + MAX_CONTEXT)
    return " ".join(text[c0:c1].split())


def _names_nobody(s: str) -> bool:
    words = s.split()
    caps = [w for w in words[1:] if w[:1].isupper()]
    return len(caps) == 0
