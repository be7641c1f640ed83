"""Token-level alignment of a query against one source quote, and its score.

Both sides arrive as *code strings*: each word token is one character (its
term id shifted clear of the surrogate range), so rapidfuzz's C routines
(``find``, ``partial_ratio_alignment``, ``Levenshtein.opcodes``) align words,
not letters. That is what keeps the re-rank at a few microseconds a candidate.

The score compares the query with the *aligned window* of the source, not
with the whole source (a fragment of a long quote scores 100) and not with
the query alone (a long query that merely contains a short source quote does
not score 100, the failure of a plain ``partial_ratio``):

    score = 100 * matched / max(query_words, window_words)

i.e. the smaller of "share of the query found" and "share of the window
matched", so one changed word in ten scores 90 at any length.

``matched`` counts equal words, plus a fraction for a misspelt word (character
similarity >= 0.75, never for negations or numbers). Source words an ellipsis
or editorial bracket skips are free, unless they hold a negation.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Indel, Levenshtein

from service.text import is_negation, is_number

# A misspelt word counts as (similarity x) a match when it is at least this
# close to the source word, character-wise.
NEAR_WORD = 0.75


@dataclass
class Op:
    """One step of an alignment, in token indices.

    tag: ``equal``; ``near`` (a misspelling, counted as a partial match);
    ``replace``; ``qonly`` (query words absent from the source); ``sonly``
    (source words the query left out); ``gap`` (source words skipped by an
    ellipsis or bracket: free).
    """

    tag: str
    q1: int
    q2: int
    s1: int
    s2: int


@dataclass
class Alignment:
    score: float
    ops: list[Op] = field(default_factory=list)
    start: int = 0  # source window, token indices
    end: int = 0
    exact: bool = False  # every query word matched in order, nothing skipped but gaps

    @property
    def window(self) -> int:
        return self.end - self.start


def code_of(term_id: int) -> str:
    # Term ids map to code points, skipping the UTF-16 surrogate block.
    return chr(term_id + 0x800 if term_id >= 0xD800 else term_id)


def _near(a: str, b: str) -> float:
    """Character similarity of two different words if it counts as a
    misspelling, else 0."""
    if len(a) < 3 or len(b) < 3 or is_negation(a) != is_negation(b):
        return 0.0
    if is_number(a) or is_number(b):
        return 0.0
    sim = OSA.normalized_similarity(a, b)  # a swapped pair of letters is one edit
    return sim if sim >= NEAR_WORD else 0.0


def _window_score(seg: str, src: str, lo: int, hi: int) -> float:
    # words in common (LCS) over the longer of query and window
    w = hi - lo
    lcs = (len(seg) + w - Indel.distance(seg, src[lo:hi])) / 2
    return lcs / max(len(seg), w, 1) - w * 1e-6  # tie: the tighter window


def _best_window(seg: str, src: str) -> tuple[int, int]:
    """The source window the segment aligns to best.

    partial_ratio_alignment finds the best window of the segment's own
    length; dropped or added words make the true window a little longer or
    shorter, so each edge is then moved (left edge first, then right) to
    where the LCS-over-length score is highest. Choosing the window *before*
    the global alignment matters: aligned against a padded window, a query
    word is as likely to be paired with a stray repeat of it ("that", "the")
    several words away, which stretches the match.
    """
    n, m = len(seg), len(src)
    if n >= m:
        return 0, m
    al = fuzz.partial_ratio_alignment(seg, src)
    lo, hi = al.dest_start, al.dest_end
    margin = min(6, max(2, n // 4))
    lo = max(range(max(0, lo - margin), min(hi, lo + margin) + 1),
              key=lambda a: _window_score(seg, src, a, hi))
    hi = max(range(max(lo + 1, hi - margin), min(m, hi + margin) + 1),
             key=lambda b: _window_score(seg, src, lo, b))
    return lo, hi


def _segment_ops(seg: str, src: str, base_q: int, base_s: int,
                 qterms: list[str], sterm) -> list[Op]:
    """Align one query segment (code string) to the best window of ``src``."""
    n, m = len(seg), len(src)
    if m == 0:
        return [Op("qonly", base_q, base_q + n, base_s, base_s)]
    hit = src.find(seg)
    if hit >= 0:
        return [Op("equal", base_q, base_q + n, base_s + hit, base_s + hit + n)]
    lo, hi = _best_window(seg, src)
    raw = Levenshtein.opcodes(seg, src[lo:hi])
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in raw:
        q1, q2, s1, s2 = base_q + i1, base_q + i2, base_s + lo + j1, base_s + lo + j2
        if tag == "equal":
            ops.append(Op("equal", q1, q2, s1, s2))
        elif tag == "delete":
            ops.append(Op("qonly", q1, q2, s1, s1))
        elif tag == "insert":
            ops.append(Op("sonly", q1, q1, s1, s2))
        else:  # replace: pair words up, a misspelling is a partial match
            k = 0
            while k < min(i2 - i1, j2 - j1):
                tag2 = "near" if _near(qterms[q1 + k], sterm(s1 + k)) else "replace"
                if ops and ops[-1].tag == tag2 and tag2 == "replace":
                    ops[-1].q2 += 1
                    ops[-1].s2 += 1
                else:
                    ops.append(Op(tag2, q1 + k, q1 + k + 1, s1 + k, s1 + k + 1))
                k += 1
            if i2 - i1 > k:
                ops.append(Op("qonly", q1 + k, q2, s1 + k, s1 + k))
            elif j2 - j1 > k:
                ops.append(Op("sonly", q2, q2, s1 + k, s2))
    # Trim the window to the first/last matched word: source words beyond it
    # are not part of the match, and query words there are simply extra.
    matched = [i for i, op in enumerate(ops) if op.tag in ("equal", "near")]
    if not matched:
        return [Op("qonly", base_q, base_q + n, base_s, base_s)]
    first, last = matched[0], matched[-1]
    head = [Op("qonly", op.q1, op.q2, ops[first].s1, ops[first].s1)
            for op in ops[:first] if op.q2 > op.q1]
    tail = [Op("qonly", op.q1, op.q2, ops[last].s2, ops[last].s2)
            for op in ops[last + 1:] if op.q2 > op.q1]
    return _merge(head) + ops[first:last + 1] + _merge(tail)


def _merge(ops: list[Op]) -> list[Op]:
    if len(ops) <= 1:
        return ops
    return [Op(ops[0].tag, ops[0].q1, ops[-1].q2, ops[0].s1, ops[0].s1)]


def align(qcodes: str, segments: list[tuple[int, int]], qterms: list[str],
          scodes: str, sterm) -> Alignment:
    """Align a query (split into ordered segments by its gaps) to a source.

    ``sterm(i)`` returns the source's i-th token (only called for misspelling
    checks, so the source is never fully materialised as strings).
    """
    n_query = len(qcodes)
    if n_query == 0:
        return Alignment(0.0)
    if len(segments) == 1:
        hit = scodes.find(qcodes)
        if hit >= 0:  # the common case: the words appear verbatim
            return Alignment(100.0, [Op("equal", 0, n_query, hit, hit + n_query)],
                             hit, hit + n_query, True)
    ops: list[Op] = []
    pos = 0  # segments must appear in order: each searches after the last
    anchored_before = False
    for qs, qe in segments:
        seg_ops = _segment_ops(qcodes[qs:qe], scodes[pos:], qs, pos, qterms, sterm)
        anchors = [op for op in seg_ops if op.tag in ("equal", "near")]
        if anchors:
            if anchored_before and anchors[0].s1 > pos:
                ops.append(Op("gap", qs, qs, pos, anchors[0].s1))
            pos = anchors[-1].s2
            anchored_before = True
        ops.extend(seg_ops)
    return score_ops(ops, n_query, qterms, sterm)


def score_ops(ops: list[Op], n_query: int, qterms, sterm) -> Alignment:
    matched = 0.0
    window = 0
    exact = True
    for op in ops:
        if op.tag == "equal":
            matched += op.q2 - op.q1
            window += op.s2 - op.s1
        elif op.tag == "near":
            matched += _near(qterms[op.q1], sterm(op.s1))
            window += 1
            exact = False
        elif op.tag == "gap":
            if any(is_negation(sterm(i)) for i in range(op.s1, op.s2)):
                exact = False
                window += 1  # a skipped "not" counts as one differing word
        else:
            window += op.s2 - op.s1
            exact = False
    spans = [(op.s1, op.s2) for op in ops if op.tag not in ("qonly",) and op.s2 > op.s1]
    start = min((s for s, _ in spans), default=0)
    end = max((e for _, e in spans), default=0)
    # min(share of the query found, share of the window matched): extra
    # query words (a stitched quote) and extra source words (dropped words)
    # both cost, and neither side can hide behind the other's length.
    score = 100.0 * max(matched, 0.0) / max(n_query, window, 1)
    if exact:
        score = 100.0
    else:
        score = min(score, 99.0)  # 100 is reserved for "the words are there"
    return Alignment(round(score, 1), ops, start, end, exact)


def _pre_score(q: str, c: str) -> float:
    return fuzz.partial_ratio(q, c) if len(c) >= len(q) else fuzz.ratio(q, c)


def shortlist(qcodes: str, segments: list[tuple[int, int]], cand_codes: list[str], keep: int) -> list[int]:
    """Indices of the candidates worth a full alignment, best first: every
    verbatim hit (ambiguity is counted over them) plus the ``keep`` best by a
    cheap C-level pre-score: the best-window Indel ratio when the source is
    the longer, the plain ratio otherwise (a short source inside a long query
    must not score high); with an ellipsis, each segment scored on its own."""
    single = len(segments) == 1
    seg_codes = [(qcodes[a:b], (b - a) / len(qcodes)) for a, b in segments]
    pre = []
    for i, c in enumerate(cand_codes):
        if single and qcodes in c:
            pre.append((200.0, i))
        elif single:
            pre.append((_pre_score(qcodes, c), i))
        else:
            pre.append((sum(w * _pre_score(sc, c) for sc, w in seg_codes), i))
    pre.sort(reverse=True)
    n_exact = sum(1 for p in pre if p[0] == 200.0)
    return [i for _, i in pre[: n_exact + keep]]

