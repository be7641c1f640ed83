"""The frozen base segment of the quote index: flat numpy arrays (CSR).

Everything the index knows about its bulk lives in a handful of large arrays
built in one go: a few big allocations rather than millions of Python
objects keep memory compact, make start-up a matter of two sorts, and let
preloaded gunicorn workers share the pages copy-on-write.

* codes: every group's word codes back to back, ``tok_ptr`` delimiting them
  (a group = one distinct normalised text);
* unigram postings: the groups holding each term, ``uni_ptr`` by term id;
* bigram postings: the groups holding each adjacent pair of terms, keyed by
  ``(a << term_bits) | b`` in the sorted ``bi_keys``;
* members: the member slots (stored quotes) of each group.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np

GROUP_BITS = 24  # group ids packed under term ids in one uint64 sort key


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a well-spread 64-bit hash of each uint64."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def text_keys(ids: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """A 64-bit key per text (texts back to back in ``ids``): equal token
    sequences get equal keys, different ones collide with odds ~n²/2⁶⁴.
    Vectorised: each (position, term) pair is hashed, the hashes summed per
    text (wrapping), the length mixed in."""
    n = len(lens)
    if n == 0:
        return np.zeros(0, np.int64)
    starts = np.cumsum(lens) - lens
    pos = np.arange(len(ids), dtype=np.uint64) - np.repeat(starts, lens).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = _mix((pos << np.uint64(32)) | ids.astype(np.uint64))
        sums = np.add.reduceat(h, np.minimum(starts, max(len(h) - 1, 0))) if len(h) else np.zeros(n, np.uint64)
        sums[lens == 0] = 0
        return (sums ^ _mix(lens.astype(np.uint64))).view(np.int64)


def sorted_unique(a: np.ndarray) -> np.ndarray:
    # np.unique hashes first in numpy 2; a plain in-place sort is 3x faster
    a.sort()
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


class BaseSegment:
    """The frozen CSR arrays. Built once, read-only afterwards."""

    def __init__(self, tids: np.ndarray, lens: np.ndarray, member_group: np.ndarray, n_terms: int):
        """``tids``: every group's term ids back to back (int64); ``lens``:
        tokens per group; ``member_group``: the group of every member."""
        self.n_groups = len(lens)
        self.tok_ptr = np.zeros(self.n_groups + 1, dtype=np.int64)
        np.cumsum(lens, out=self.tok_ptr[1:])
        codes = tids + np.where(tids >= 0xD800, 0x800, 0)
        self.codes = codes.astype("<u4")
        del codes
        gid = np.repeat(np.arange(self.n_groups, dtype=np.uint64), lens)
        shift, low = np.uint64(GROUP_BITS), np.uint64((1 << GROUP_BITS) - 1)
        self.term_bits = max(20, int(n_terms).bit_length())
        assert 2 * self.term_bits + GROUP_BITS <= 64, "vocabulary too large"

        # Sort keys: (term, group) for unigram postings, (term, next term,
        # group) for adjacent bigrams inside one group. The two sorts are most
        # of the build; numpy releases the GIL, so they run side by side.
        uni = tids.astype(np.uint64)
        same = gid[1:] == gid[:-1]
        bi = (uni[:-1][same] << np.uint64(self.term_bits)) | uni[1:][same]
        bi <<= shift
        bi |= gid[1:][same]
        uni <<= shift
        uni |= gid
        del same, gid
        with ThreadPoolExecutor(2) as pool:
            uni, bi = pool.map(sorted_unique, [uni, bi])

        terms = (uni >> shift).astype(np.int64)
        self.uni_groups = (uni & low).astype(np.int32)
        self.uni_ptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=n_terms), out=self.uni_ptr[1:])
        del uni, terms

        self.bi_groups = (bi & low).astype(np.int32)
        bi >>= shift
        starts = np.flatnonzero(np.r_[True, bi[1:] != bi[:-1]]) if len(bi) else np.zeros(0, np.int64)
        self.bi_keys = bi[starts]
        self.bi_ptr = np.append(starts, len(bi)).astype(np.int32 if len(bi) < 2**31 else np.int64)
        del bi, starts

        # members per group
        order = np.argsort(member_group, kind="stable").astype(np.int32)
        self.mem = order
        self.mem_ptr = np.zeros(self.n_groups + 1, dtype=np.int64)
        np.cumsum(np.bincount(member_group, minlength=self.n_groups), out=self.mem_ptr[1:])

    def unigram(self, t: int) -> np.ndarray:
        if t + 1 >= len(self.uni_ptr):
            return self.uni_groups[:0]
        return self.uni_groups[self.uni_ptr[t]:self.uni_ptr[t + 1]]

    def bigram_key(self, a: int, b: int) -> int:
        return (a << self.term_bits) | b

    def bigram(self, key: int) -> np.ndarray:
        i = int(np.searchsorted(self.bi_keys, np.uint64(key)))
        if i < len(self.bi_keys) and int(self.bi_keys[i]) == key:
            return self.bi_groups[self.bi_ptr[i]:self.bi_ptr[i + 1]]
        return self.bi_groups[:0]

    def codes_of(self, g: int) -> str:
        return self.codes[self.tok_ptr[g]:self.tok_ptr[g + 1]].tobytes().decode("utf-32-le")
