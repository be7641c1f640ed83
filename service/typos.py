"""Vocabulary neighbours of a misspelt query word.

An unknown query word ("goverment") contributes nothing to candidate
generation; its neighbours within two edits (optimal string alignment, so a
swapped pair of letters is one edit) stand in for it. Comparing against the
whole vocabulary would cost ~20 ms, so words are bucketed by (length, first
letter) and (length, last letter): a typo rarely hits both ends, and the pool
shrinks to a few thousand words (~0.1 ms).
"""
from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA


class TypoNeighbours:
    def __init__(self) -> None:
        self._buckets: dict[tuple[int, str, int], list[str]] = {}
        self._count = 0

    def update(self, terms: list[str]) -> None:
        """Bucket the terms not seen yet (``terms`` only ever grows). Called
        on every add, so the buckets are built with the index, before a fork,
        and shared by the workers."""
        buckets = self._buckets
        for term in terms[self._count:]:
            buckets.setdefault((len(term), term[0], 0), []).append(term)
            buckets.setdefault((len(term), term[-1], 1), []).append(term)
        self._count = len(terms)

    def near(self, word: str, limit: int = 4) -> list[str]:
        pool: list[str] = []
        for n in (len(word) - 1, len(word), len(word) + 1):
            pool.extend(self._buckets.get((n, word[0], 0), ()))
            pool.extend(self._buckets.get((n, word[-1], 1), ()))
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=2, limit=limit * 2)
        out: list[str] = []
        for w, _, _ in found:
            if w not in out:
                out.append(w)
        return out[:limit]
