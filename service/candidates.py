"""Candidate generation: which few groups of a big index deserve alignment.

Features of a query are its known words (unigrams) and its adjacent word
pairs within one segment (bigrams), each weighted by IDF. They are read
rarest first under a postings budget (the two rarest always), so the work
follows how rare the query's words are, not how large the corpus is: a query
with a rare word touches a few hundred postings at 676k quotes as at 10k.
Bigrams make a phrase of common words ("playing with fire") selective.

Scores are summed in a per-thread float32 scratch array indexed by group (no
sort, no hash map), read back at the touched positions and reset.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from service.segment import BaseSegment, sorted_unique
from service.text import Query

POSTINGS_BUDGET = 12_000  # postings read per query, beyond the 2 rarest features
COMMON_QUERY_BUDGET = 150_000  # the same when fewer than 3 features are rare
RARE_DF = 2_000  # a feature in at most this many groups is "rare"
CANDIDATES = 40  # candidates returned per query
TIE_CAP = 300  # at most this many equally-best candidates are returned
MAX_FEATURE_POSTINGS = 150_000  # "the" is in 500k quotes: read a prefix only
TYPO_WEIGHT = 0.8  # a vocabulary neighbour of an unknown word counts a little less

# (document frequency, base postings, overlay postings, weight multiplier)
Feature = tuple[int, np.ndarray, list, float]


def query_features(q: Query, term_ids: list[int], base: BaseSegment,
                   ov_uni: dict, ov_bi: dict, n_groups: int,
                   near_terms: Callable[[str], list[int]]) -> list[Feature]:
    feats: list[Feature] = []
    seen: set = set()
    for t in term_ids:
        if t >= 0 and t not in seen:
            seen.add(t)
            post, ov = base.unigram(t), ov_uni.get(t, ())
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
        post, ov = base.bigram(base.bigram_key(a, b)), ov_bi.get((a, b), ())
        feats.append((len(post) + len(ov), post, ov, 1.0))
    # Unknown (misspelt) words: when the known features are weak, add the
    # postings of their vocabulary neighbours within two edits.
    strong = sum(1 for f in feats if f[0] and f[0] < n_groups / 200)
    if strong < 3:
        for t, tok in zip(term_ids, q.tokens):
            if t < 0 and len(tok) >= 4:
                for alt in near_terms(tok):
                    post, ov = base.unigram(alt), ov_uni.get(alt, ())
                    feats.append((len(post) + len(ov), post, ov, TYPO_WEIGHT))
    return [f for f in feats if f[0]]


def candidate_groups(feats: list[Feature], n_groups: int, scratch: np.ndarray) -> list[int]:
    """The best-scoring groups for these features, best first."""
    if not feats:
        return []
    feats = sorted(feats, key=lambda f: f[0])
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

    touched = []
    ov_scores: dict[int, float] = {}
    for df, post, ov, mult in chosen:
        w = mult * math.log(1.0 + n_groups / df)
        post = post[:MAX_FEATURE_POSTINGS]
        if len(post):
            scratch[post] += np.float32(w)  # postings hold each group once
            touched.append(post)
        for g in ov:
            ov_scores[g] = ov_scores.get(g, 0.0) + w
    out: list[int] = []
    if touched:
        allp = np.concatenate(touched) if len(touched) > 1 else touched[0]
        vals = scratch[allp]
        scratch[allp] = 0.0
        out = top_groups(allp, vals)
    if ov_scores:
        best = sorted(ov_scores.items(), key=lambda kv: -kv[1])[:CANDIDATES]
        out.extend(g for g, _ in best)
    return out


def top_groups(groups: np.ndarray, vals: np.ndarray) -> list[int]:
    """Distinct groups with the highest values: CANDIDATES of them, or every
    group tied at the best value (up to TIE_CAP) when there are more: those
    may all hold the phrase, and ambiguity is counted over them."""
    top = float(vals.max())
    tied = groups[vals >= top - 1e-4]
    if len(tied) > CANDIDATES:
        # a group repeats once per feature it holds: a prefix is enough
        return sorted_unique(tied[: TIE_CAP * 16].copy())[:TIE_CAP].tolist()
    k = min(len(groups), CANDIDATES * 4)
    idx = np.argpartition(-vals, k - 1)[:k] if k < len(groups) else np.arange(len(groups))
    idx = idx[np.argsort(-vals[idx], kind="stable")]
    out, seen = [], set()
    for g in groups[idx].tolist():
        if g not in seen:
            seen.add(g)
            out.append(g)
            if len(out) >= CANDIDATES:
                break
    return out
