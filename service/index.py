"""The in-memory quote index: word-level inverted index + alignment re-rank.

Layout (why it looks like this):

* Quotes with the same normalised text form one *group*; the group is what
  is indexed and aligned, its *members* (quote id, speaker, document, date)
  are what is reported. The corpus repeats texts ("Thank you.", the same
  famous line under several names), and matching a text once is cheaper and
  makes dedup across documents free.
* The bulk of the index is a frozen *base segment* of flat numpy arrays (CSR):
  token codes per group, unigram and bigram postings, members per group. A
  few large arrays instead of millions of Python objects keep memory compact
  and let preloaded gunicorn workers share the pages copy-on-write.
* Small incremental adds go to a Python-dict *overlay*; it is folded into a
  new base (lazily, on the next search) once it outgrows OVERLAY_LIMIT.
  Removals just clear a member's alive flag.

Search: rare-feature candidate generation (unigrams and adjacent bigrams,
weighted by IDF, rarest first under a postings budget, so the cost follows
the rarity of the query's words, not the corpus size), then token alignment
of the query against the best window of each candidate (service.matching).
"""
from __future__ import annotations

import gc
import itertools
import math
import threading
from concurrent.futures import ThreadPoolExecutor
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from service.matching import Alignment, align, code_of
from service.model import IndexRow
from service.text import Query, parse_query, tokens

GROUP_BITS = 24  # group ids packed under term ids in one uint64 sort key
OVERLAY_LIMIT = 20_000  # overlay groups before they are folded into the base
POSTINGS_BUDGET = 12_000  # postings read per query, beyond the 2 rarest features
COMMON_QUERY_BUDGET = 150_000  # the same when fewer than 3 features are rare
RARE_DF = 2_000  # a feature in at most this many groups is "rare"
CANDIDATES = 40  # candidates aligned per query
TIE_CAP = 300  # at most this many equally-best candidates are checked
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


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a well-spread 64-bit hash of each uint64."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _text_keys(ids: np.ndarray, lens: np.ndarray) -> np.ndarray:
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


def _pre_score(q: str, c: str) -> float:
    return fuzz.partial_ratio(q, c) if len(c) >= len(q) else fuzz.ratio(q, c)


def _sorted_unique(a: np.ndarray) -> np.ndarray:
    # np.unique hashes first in numpy 2; a plain in-place sort is 3x faster
    a.sort()
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


class _Vocab(dict):
    """term -> id; an unseen term gets the next id on first lookup, so a
    whole token list maps in one C-level ``map`` call."""

    def __missing__(self, term: str) -> int:
        i = self[term] = len(self)
        return i


class _Base:
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
            uni, bi = pool.map(_sorted_unique, [uni, bi])

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
        # groups (one per distinct normalised text)
        # text key (hash of the id bytes) of every group, for dedup on add:
        # a sorted array for the base groups, a dict for the overlay's
        self._gkeys = array("q")
        self._base_keys = np.zeros(0, np.int64)
        self._base_key_groups = np.zeros(0, np.int32)
        self._ov_keys: dict[int, int] = {}
        self._pending: tuple[np.ndarray, np.ndarray] | None = None  # bulk-loaded, base not built yet
        self._base: _Base | None = None
        self._ov_start = 0  # first overlay group id
        self._ov_codes: list[str] = []
        self._ov_uni: dict[int, list[int]] = {}
        self._ov_bi: dict[tuple[int, int], list[int]] = {}
        self._extra: dict[int, list[int]] = {}  # group -> members added since the base
        self._by_len: dict[tuple, list[str]] = {}  # vocabulary by (length, end letter), for typos
        self._by_len_terms = 0

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
            self._index_new_terms()
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
        keys = _text_keys(flat, lens)
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
        return int(_text_keys(np.asarray(ids, dtype=np.int64), np.asarray([len(ids)]))[0])

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
        self._base = _Base(tids, lens, mgroup.copy(), len(self._vocab))
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
            base, ov_start = self._base, self._ov_start
            term_ids = [self._vocab.get(t, -1) for t in q.tokens]
            cands = self._candidates(q, term_ids, base, ov_start)
            qcodes = "".join(code_of(t) if t >= 0 else UNKNOWN_CODE for t in term_ids)
            segments = q.segments()
            codes = [self._codes(g) for g in cands]
            # Cheap C-level pre-score of every candidate, so only the most
            # promising few get the full alignment: the best-window Indel
            # ratio when the source is the longer, plain ratio otherwise (a
            # short source inside a long query must not score 100).
            pre = []
            single = len(segments) == 1
            nq = len(qcodes)
            seg_codes = [(qcodes[a:b], (b - a) / nq) for a, b in segments]
            for i, c in enumerate(codes):
                if single and qcodes in c:
                    pre.append((200.0, i))
                elif single:
                    pre.append((_pre_score(qcodes, c), i))
                else:  # an ellipsis: each segment may sit anywhere
                    pre.append((sum(w * _pre_score(sc, c) for sc, w in seg_codes), i))
            pre.sort(reverse=True)
            n_exact = sum(1 for p in pre if p[0] == 200.0)
            chosen = pre[: max(n_exact, 0) + max(limit, ALIGNED)]
            hits = []
            for _, i in chosen:
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

    def _candidates(self, q: Query, term_ids: list[int], base: _Base, ov_start: int) -> list[int]:
        n_groups = max(self.n_groups, 1)
        feats = []  # (df, weight, base postings, overlay postings)
        seen = set()
        for t in term_ids:
            if t >= 0 and t not in seen:
                seen.add(t)
                post = base.unigram(t)
                ov = self._ov_uni.get(t, ())
                feats.append((len(post) + len(ov), post, ov, 1.0))
        seg_of = {}
        for si, (s, e) in enumerate(q.segments()):
            for i in range(s, e):
                seg_of[i] = si
        for i in range(len(term_ids) - 1):
            a, b = term_ids[i], term_ids[i + 1]
            if a < 0 or b < 0 or seg_of.get(i) != seg_of.get(i + 1) or (a, b) in seen:
                continue
            seen.add((a, b))
            post = base.bigram(base.bigram_key(a, b))
            ov = self._ov_bi.get((a, b), ())
            feats.append((len(post) + len(ov), post, ov, 1.0))
        # misspelt or unknown words: add their nearest vocabulary words
        strong = sum(1 for f in feats if f[0] and f[0] < n_groups / 200)
        if strong < 3:
            for t, tok in zip(term_ids, q.tokens):
                if t < 0 and len(tok) >= 4:
                    for alt in self._near_terms(tok):
                        post = base.unigram(alt)
                        ov = self._ov_uni.get(alt, ())
                        feats.append((len(post) + len(ov), post, ov, 0.8))
        feats = [f for f in feats if f[0]]
        if not feats:
            return []
        feats.sort(key=lambda f: f[0])
        # A query of only common words ("and I think I have") has no rare
        # feature to lean on: read all its features, or the quote holding the
        # phrase drowns among thousands holding two of its words.
        rare = sum(1 for f in feats if f[0] <= RARE_DF)
        limit = POSTINGS_BUDGET if rare >= 3 else COMMON_QUERY_BUDGET
        chosen, budget = [], 0
        for f in feats:
            if len(chosen) >= 2 and budget + len(f[1]) > limit:
                break
            chosen.append(f)
            budget += len(f[1])

        scratch = getattr(self._local, "scores", None)
        if scratch is None or len(scratch) < base.n_groups:
            scratch = self._local.scores = np.zeros(base.n_groups, dtype=np.float32)
        touched = []
        ov_scores: dict[int, float] = {}
        for df, post, ov, mult in chosen:
            w = mult * math.log(1.0 + n_groups / df)
            if len(post):
                scratch[post] += np.float32(w)
                touched.append(post)
            for g in ov:
                ov_scores[g] = ov_scores.get(g, 0.0) + w
        out: list[int] = []
        if touched:
            allp = np.concatenate(touched) if len(touched) > 1 else touched[0]
            vals = scratch[allp]
            scratch[allp] = 0.0
            out = self._top(allp, vals)
        if ov_scores:
            best = sorted(ov_scores.items(), key=lambda kv: -kv[1])[:CANDIDATES]
            out.extend(g for g, _ in best)
        return out

    @staticmethod
    def _top(groups: np.ndarray, vals: np.ndarray) -> list[int]:
        """Distinct groups with the highest values: CANDIDATES of them, plus
        all further ties with the best value (up to TIE_CAP)."""
        top = float(vals.max())
        tied = groups[vals >= top - 1e-4]
        if len(tied) > CANDIDATES:
            return np.unique(tied)[:TIE_CAP].tolist()
        k = min(len(groups), CANDIDATES * 4)
        if k < len(groups):
            idx = np.argpartition(-vals, k - 1)[:k]
        else:
            idx = np.arange(len(groups))
        idx = idx[np.argsort(-vals[idx], kind="stable")]
        out, seen = [], set()
        for g in groups[idx].tolist():
            if g not in seen:
                seen.add(g)
                out.append(g)
                if len(out) >= CANDIDATES:
                    break
        return out

    def _index_new_terms(self) -> None:
        # buckets by (length, first letter) and (length, last letter); filled
        # at build time (before a fork, so workers share them) and on adds
        if self._by_len_terms < len(self._terms):
            by_len = self._by_len
            for term in self._terms[self._by_len_terms:]:
                by_len.setdefault((len(term), term[0], 0), []).append(term)
                by_len.setdefault((len(term), term[-1], 1), []).append(term)
            self._by_len_terms = len(self._terms)

    def _near_terms(self, tok: str, limit: int = 4) -> list[int]:
        """Vocabulary words within two edits of an unknown word (a typo).

        Only words of about the same length sharing the first or the last
        letter are compared (a typo rarely hits both ends), which keeps the
        pool to a few thousand words."""
        self._index_new_terms()
        pool = []
        for n in (len(tok) - 1, len(tok), len(tok) + 1):
            pool.extend(self._by_len.get((n, tok[0], 0), ()))
            pool.extend(self._by_len.get((n, tok[-1], 1), ()))
        found = process.extract(tok, pool, scorer=OSA.distance, score_cutoff=2, limit=limit * 2)
        out = []
        for w, _, _ in found:
            if self._vocab[w] not in out:
                out.append(self._vocab[w])
        return out[:limit]
