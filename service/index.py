"""The in-memory quote index: a word-level inverted index + alignment re-rank.

* Quotes with the same normalised text form one *group*: groups are indexed
  and aligned, their *members* (quote id, speaker, document, date) reported.
  The corpus repeats texts, so matching each text once is cheaper, and dedup
  across documents comes free.
* The bulk is a frozen base segment of numpy arrays (service.segment); small
  incremental adds go to a dict *overlay*, folded into a new base (on the next
  add or search) once it outgrows OVERLAY_LIMIT; removals clear an alive flag.
* Search: candidates from rare unigrams/bigrams (service.candidates), a cheap
  pre-score, then a word alignment of the few best (service.matching).
"""
from __future__ import annotations

import gc
import itertools
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from service.candidates import candidate_groups, query_features
from service.matching import Alignment, align, code_of, shortlist
from service.model import IndexRow
from service.segment import BaseSegment, text_keys
from service.text import Query, parse_query, tokens
from service.typos import TypoNeighbours

OVERLAY_LIMIT = 20_000  # overlay groups before they are folded into the base
ALIGNED = 8  # candidates (beyond verbatim hits) given the full alignment
UNKNOWN_CODE = "\U0010ffff"  # a query word not in the vocabulary: matches nothing


@dataclass
class Member:
    quote_id: str
    speaker: str | None
    document_id: str
    date: str | None


@dataclass
class Hit:
    """A matched group: its alignment and its live members."""

    group: int
    alignment: Alignment
    members: list[Member]
    n_tokens: int

    @property
    def score(self) -> float:
        return self.alignment.score


class _Vocab(dict):
    """term -> id; an unseen term gets the next id on first lookup, so a
    whole token list maps in one C-level ``map`` call."""

    def __missing__(self, term: str) -> int:
        i = self[term] = len(self)
        return i


class QuoteIndex:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._local = threading.local()  # per-thread score scratch buffer
        self._vocab: _Vocab = _Vocab()
        self._terms: list[str] = []
        # members (one per stored quote)
        self._qids: list[str] = []
        self._slot: dict[str, int] = {}
        self._speaker: list[str | None] = []
        self._doc: list[str] = []
        self._date: list[str | None] = []
        self._mgroup = array("i")
        self._alive = bytearray()
        self._n_alive = 0
        # groups: a key (hash of the word ids) per group for dedup on add, in
        # a sorted array for the base groups, a dict for the overlay's
        self._gkeys = array("q")
        self._base_keys = np.zeros(0, np.int64)
        self._base_key_groups = np.zeros(0, np.int32)
        self._ov_keys: dict[int, int] = {}
        self._pending: tuple[np.ndarray, np.ndarray] | None = None  # bulk-loaded, base not built yet
        self._base: BaseSegment | None = None
        self._ov_start = 0  # first overlay group id
        self._ov_codes: list[str] = []
        self._ov_uni: dict[int, list[int]] = {}
        self._ov_bi: dict[tuple[int, int], list[int]] = {}
        self._extra: dict[int, list[int]] = {}  # group -> members added since the base
        self._typos = TypoNeighbours()

    # -- maintenance -----------------------------------------------------------
    def __len__(self) -> int:
        return self._n_alive

    @property
    def n_groups(self) -> int:
        return self._ov_start + len(self._ov_codes)

    def add(self, rows: Iterable[IndexRow]) -> int:
        """Add (or replace) quotes. Returns how many rows were taken."""
        with self._lock:
            # The cyclic GC would rescan every list made so far on each of
            # thousands of collections during a bulk load (a 3x slowdown);
            # nothing made here is cyclic.
            gc_was_on = gc.isenabled()
            gc.disable()
            try:
                n = self._add(rows)
                if self._pending is not None or self._base is None or len(self._ov_codes) > OVERLAY_LIMIT:
                    self._rebuild()
            finally:
                if gc_was_on:
                    gc.enable()
            return n

    def _add(self, rows: Iterable[IndexRow]) -> int:
        if not isinstance(rows, (list, tuple)):
            rows = list(rows)
        if self.n_groups == 0 and len(rows) > 1000:
            n = self._bulk_load(rows)
        else:
            n = 0
            for row in rows:
                self._add_one(*row)
                n += 1
        if len(self._terms) < len(self._vocab):
            self._terms.extend(itertools.islice(self._vocab, len(self._terms), None))
            self._typos.update(self._terms)
        return n

    def _bulk_load(self, rows: list) -> int:
        """Start-up: the whole corpus in columnar passes (token lists mapped
        to ids in one C-level loop, groups keyed by hashing id bytes)."""
        qids, texts, speakers, docs, dates = map(list, zip(*rows))
        if len(set(qids)) != len(qids):  # repeated ids: let the slow path replace
            for row in rows:
                self._add_one(*row)
            return len(rows)
        # in chunks, so the token strings of only one chunk are alive at once
        lookup = self._vocab.__getitem__
        flats, lens = [], []
        for c in range(0, len(texts), 50_000):
            toks = [tokens(t) if t else [] for t in texts[c:c + 50_000]]
            n = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
            flats.append(np.fromiter(map(lookup, itertools.chain.from_iterable(toks)),
                                     dtype=np.int64, count=int(n.sum())))
            lens.append(n)
        del texts, toks
        flat, lens = np.concatenate(flats), np.concatenate(lens)
        del flats
        keys = text_keys(flat, lens)
        # one group per distinct key; group ids in key order, so the sorted
        # key array needed for later dedup is the unique array itself
        uniq, rep, mgroup = np.unique(keys, return_index=True, return_inverse=True)
        starts = np.cumsum(lens) - lens
        rep_lens = lens[rep]
        # gather the representative rows' tokens in group order
        offsets = np.repeat(starts[rep] - (np.cumsum(rep_lens) - rep_lens), rep_lens)
        self._pending = (flat[np.arange(int(rep_lens.sum()), dtype=np.int64) + offsets], rep_lens)
        self._gkeys = array("q", uniq.astype(np.int64).tobytes())
        mgroup = mgroup.astype(np.int32)
        rep = rep.tolist()
        self._qids.extend(qids)
        self._slot.update(zip(qids, range(len(qids))))
        self._speaker.extend(speakers)
        self._doc.extend(docs)
        self._date.extend(dates)
        self._mgroup = array("i", mgroup.tobytes())
        self._alive = bytearray(b"\x01") * len(rows)
        self._n_alive = len(rows)
        self._ov_codes = [""] * len(rep)  # placeholders until the base is built
        return len(rows)

    @staticmethod
    def _text_key(ids: list[int]) -> int:
        # the key _bulk_load computes, for one text
        return int(text_keys(np.asarray(ids, dtype=np.int64), np.asarray([len(ids)]))[0])

    def _add_one(self, qid: str, text: str, speaker, doc, date) -> None:
        if qid in self._slot:
            self._kill(self._slot.pop(qid))
        ids = list(map(self._vocab.__getitem__, tokens(text or "")))
        key = self._text_key(ids)
        g = self._find_group(key)
        if g is None:
            g = self._ov_keys[key] = self.n_groups
            self._gkeys.append(key)
            self._ov_codes.append("".join(map(code_of, ids)))
            for t in set(ids):
                self._ov_uni.setdefault(t, []).append(g)
            for pair in set(zip(ids, ids[1:])):
                self._ov_bi.setdefault(pair, []).append(g)
        slot = len(self._qids)
        self._qids.append(qid)
        self._slot[qid] = slot
        self._speaker.append(speaker)
        self._doc.append(doc)
        self._date.append(date)
        self._mgroup.append(g)
        self._alive.append(1)
        self._n_alive += 1
        self._extra.setdefault(g, []).append(slot)  # not in the base's member arrays

    def _find_group(self, key: int) -> int | None:
        g = self._ov_keys.get(key)
        if g is None and len(self._base_keys):
            i = int(np.searchsorted(self._base_keys, key))
            if i < len(self._base_keys) and int(self._base_keys[i]) == key:
                g = int(self._base_key_groups[i])
        return g

    def _kill(self, slot: int) -> None:
        if self._alive[slot]:
            self._alive[slot] = 0
            self._n_alive -= 1

    def remove(self, quote_ids: Iterable[str]) -> int:
        with self._lock:
            n = 0
            for qid in quote_ids:
                slot = self._slot.pop(qid, None)
                if slot is not None and self._alive[slot]:
                    self._kill(slot)
                    n += 1
            return n

    def _rebuild(self) -> None:
        """Fold everything into a fresh base segment (start-up, or when the
        overlay has grown large). Dead groups are kept: they cost a little
        memory but keep group ids stable; they are skipped at search time."""
        if self._pending is not None:
            tids, lens = self._pending
            self._pending = None
        else:
            parts, lens = [], []
            if self._base is not None:
                codes = self._base.codes.astype(np.int64)
                parts.append(codes - np.where(codes >= 0xE000, 0x800, 0))
                lens.append(np.diff(self._base.tok_ptr))
            for c in self._ov_codes:
                parts.append(np.asarray(self._codes_to_ids(c), dtype=np.int64))
            lens.append(np.fromiter(map(len, self._ov_codes), dtype=np.int64, count=len(self._ov_codes)))
            tids = np.concatenate(parts) if parts else np.zeros(0, np.int64)
            lens = np.concatenate(lens)
        mgroup = np.frombuffer(self._mgroup, dtype=np.int32) if len(self._mgroup) else np.zeros(0, np.int32)
        self._base = None  # free the old arrays before building the new ones
        self._base = BaseSegment(tids, lens, mgroup.copy(), len(self._vocab))
        self._ov_start = len(lens)
        self._ov_codes, self._ov_uni, self._ov_bi, self._extra = [], {}, {}, {}
        keys = np.frombuffer(self._gkeys, dtype=np.int64) if len(self._gkeys) else np.zeros(0, np.int64)
        order = np.argsort(keys, kind="stable")
        self._base_keys, self._base_key_groups = keys[order], order.astype(np.int32)
        self._ov_keys = {}
        self._local = threading.local()

    @staticmethod
    def _codes_to_ids(codes: str) -> list[int]:
        return [c - 0x800 if c >= 0xE000 else c for c in map(ord, codes)]

    # -- reading ---------------------------------------------------------------
    def _codes(self, g: int) -> str:
        if g < self._ov_start:
            return self._base.codes_of(g)
        return self._ov_codes[g - self._ov_start]

    def _members(self, g: int) -> list[int]:
        extra = self._extra.get(g, [])
        if g < self._ov_start:
            b = self._base
            return b.mem[b.mem_ptr[g]:b.mem_ptr[g + 1]].tolist() + extra
        return extra

    def member(self, slot: int) -> Member:
        return Member(self._qids[slot], self._speaker[slot], self._doc[slot], self._date[slot])

    def term(self, term_id: int) -> str:
        return self._terms[term_id]

    # -- search ----------------------------------------------------------------
    def search(self, query: str | Query, limit: int = 5) -> list[Hit]:
        """The best-matching groups for a query, best first: at least
        ``limit`` of them when available, plus every other group that matches
        exactly (so ambiguity can be counted)."""
        q = parse_query(query) if isinstance(query, str) else query
        if not q.tokens or not self._n_alive:
            return []
        with self._lock:
            if len(self._ov_codes) > OVERLAY_LIMIT:
                self._rebuild()
            base = self._base
            term_ids = [self._vocab.get(t, -1) for t in q.tokens]
            cands = self._candidates(q, term_ids, base)
            qcodes = "".join(code_of(t) if t >= 0 else UNKNOWN_CODE for t in term_ids)
            segments = q.segments()
            codes = [self._codes(g) for g in cands]
            hits = []
            for i in shortlist(qcodes, segments, codes, max(limit, ALIGNED)):
                g = cands[i]
                members = [s for s in self._members(g) if self._alive[s]]
                if not members:
                    continue
                scodes = codes[i]
                al = align(qcodes, segments, q.tokens, scodes,
                           lambda j, s=scodes: self._terms[self._codes_to_ids(s[j])[0]])
                hits.append(Hit(g, al, [self.member(s) for s in members], len(scodes)))
        # best score; among equals prefer the source the query covers most
        hits.sort(key=lambda h: (-h.score, h.n_tokens, -len(h.members)))
        exact = [h for h in hits if h.alignment.exact]
        rest = [h for h in hits if not h.alignment.exact]
        return exact + rest[: max(0, limit - len(exact))]

    def _candidates(self, q: Query, term_ids: list[int], base: BaseSegment) -> list[int]:
        n_groups = max(self.n_groups, 1)
        feats = query_features(q, term_ids, base, self._ov_uni, self._ov_bi, n_groups,
                               self._near_terms)
        scratch = getattr(self._local, "scores", None)
        if scratch is None or len(scratch) < base.n_groups:
            scratch = self._local.scores = np.zeros(base.n_groups, dtype=np.float32)
        return candidate_groups(feats, n_groups, scratch)

    def _near_terms(self, word: str) -> list[int]:
        return [self._vocab[w] for w in self._typos.near(word)]
