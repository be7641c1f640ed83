"""From index hits to a verdict: verified / altered / ambiguous / not_found.

The rules (docs/matching.md has them with examples):

* Below THRESHOLD nothing matched: ``not_found``.
* A match with every query word present in order (case, punctuation, quote
  marks, dashes, spacing ignored; ellipses and editorial brackets may skip
  source words, unless a skipped word is a negation) is *exact*, score 100.
* Exact matches from one speaker, or one speaker holding at least
  DOMINANT_SHARE of the documents, or the claimed speaker among them:
  ``verified``.  Exact matches from several speakers otherwise:
  ``ambiguous``, with how many speakers and documents use the words.
* A best match at or above THRESHOLD but not exact: ``altered``, with the
  word differences (negation, number, entity, word) listed.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from service.aliases import same_speaker, speaker_key
from service.index import Hit, Member, QuoteIndex
from service.matching import Op
from service.text import is_negation, is_number, normalise, parse_query, tokens_with_spans

THRESHOLD = 80.0  # score (0-100) at or above which a source quote is "found"
DOMINANT_SHARE = 0.75  # share of documents one speaker needs to settle ambiguity


def verify(index: QuoteIndex, store, quote: str, speaker: str | None = None, limit: int = 5) -> dict:
    q = parse_query(quote)
    hits = [h for h in index.search(q, limit=limit) if h.score >= THRESHOLD]
    result: dict[str, Any] = {
        "query": quote,
        "normalized": normalise(quote),
        "threshold": THRESHOLD,
        "verdict": "not_found",
        "attribution": {"status": "not_checked", "claimed": speaker, "actual": []},
        "matches": [],
    }
    if not hits:
        return result

    entries = _by_speaker(hits)
    claims = (lambda e: any(same_speaker(speaker, m.speaker) for m in e[1])) if speaker else (lambda e: False)
    exact = [e for e in entries if e[0].alignment.exact]
    if exact:
        verdict, exact, counts = _exact_verdict(exact, claims)
        result.update(verdict=verdict, **counts)
        ordered = exact + [e for e in entries if not e[0].alignment.exact]
    else:
        # the claimed speaker's match first among equally good ones
        result["verdict"] = "altered"
        ordered = sorted(entries, key=lambda e: (-e[0].score, not claims(e)))
    shown = ordered[:limit]
    result["matches"] = _render(store, q, shown)
    result["attribution"] = _attribution(speaker, shown)
    return result


Entry = tuple[Hit, list[Member]]


def _by_speaker(hits: list[Hit]) -> list[Entry]:
    """One entry per (text group, speaker): the same words from the same
    speaker in several documents are one match with several sources."""
    entries: list[Entry] = []
    for hit in hits:
        groups: dict[str, list[Member]] = defaultdict(list)
        for m in hit.members:
            groups[speaker_key(m.speaker)].append(m)
        entries.extend((hit, members) for members in groups.values())
    return entries


def _exact_verdict(exact: list[Entry], claims) -> tuple[str, list[Entry], dict]:
    """verified or ambiguous, the exact entries in the order to show them,
    and how many speakers and documents have the words."""
    docs_by_speaker: dict[str, set[str]] = defaultdict(set)
    for _, members in exact:
        for m in members:
            docs_by_speaker[speaker_key(m.speaker)].add(m.document_id)
    named = {k: v for k, v in docs_by_speaker.items() if k}
    all_docs = set().union(*docs_by_speaker.values())
    leader, lead_docs = max(named.items(), key=lambda kv: len(kv[1]), default=("", set()))
    counts = {"speakers": len(named), "documents": len(all_docs)}
    if len(named) <= 1 or any(map(claims, exact)) or len(lead_docs) >= DOMINANT_SHARE * len(all_docs):
        # the claimed speaker first, else the dominant one, then by documents
        exact.sort(key=lambda e: (not claims(e), speaker_key(e[1][0].speaker) != leader, -len(e[1])))
        return "verified", exact, counts
    exact.sort(key=lambda e: -len(e[1]))
    return "ambiguous", exact, counts


def _attribution(claimed: str | None, shown) -> dict:
    top_score = shown[0][0].score
    actual: list[str] = []
    for hit, members in shown:
        if hit.score < top_score:
            break
        for m in members:
            if m.speaker and m.speaker not in actual:
                actual.append(m.speaker)
    status = "not_checked"
    if claimed and actual:
        status = "confirmed" if any(same_speaker(claimed, a) for a in actual) else "contradicted"
    return {"status": status, "claimed": claimed, "actual": actual}


def _render(store, q, shown) -> list[dict]:
    doc_ids = {m.document_id for _, members in shown for m in members}
    docs = store.get_documents(doc_ids)

    def published(m: Member) -> tuple:
        d = docs.get(m.document_id)
        p = d.meta.published if d else None
        return (p is None, p or m.date or "", m.quote_id)

    primaries = []
    for hit, members in shown:
        ordered = sorted(members, key=published)
        primaries.append((hit, ordered))
    records = store.get_quotes([ms[0].quote_id for _, ms in primaries])
    out = []
    for hit, members in primaries:
        rec = records.get(members[0].quote_id)
        if rec is None:
            continue
        out.append(_match(q, hit, rec, members, docs))
    return out


def _source(document_id: str, docs) -> dict:
    d = docs.get(document_id)
    meta = d.meta if d else None
    return {
        "document_id": document_id,
        "title": meta.title if meta else None,
        "outlet": meta.outlet if meta else None,
        "url": meta.url if meta else None,
        "published": meta.published if meta else None,
    }


def _match(q, hit: Hit, rec, members: list[Member], docs) -> dict:
    stoks, sspans = tokens_with_spans(rec.text)
    al = hit.alignment

    def s_char(i: int, end: bool = False) -> int:
        # character offset of source token i (clamped: the stored text may
        # have been edited since it was indexed)
        if not sspans:
            return 0
        i = min(max(i, 0), len(sspans) - 1)
        return sspans[i][1] if end else sspans[i][0]

    matched_text = ""
    if al.end > al.start and sspans:
        matched_text = rec.text[s_char(al.start):s_char(al.end - 1, end=True)]
    seen_docs: list[str] = []
    for m in members:
        if m.document_id not in seen_docs:
            seen_docs.append(m.document_id)
    return {
        "id": rec.id,
        "quote_ids": [m.quote_id for m in members],
        "quote": rec.text,
        "matched_text": matched_text,
        "score": al.score,
        "speaker": rec.speaker.to_dict() if rec.speaker else None,
        "date": rec.date.to_dict() if rec.date else None,
        "context": rec.context,
        "source": _source(rec.document_id, docs),
        "sources": [_source(d, docs) for d in seen_docs],
        "differences": differences(q, al.ops, rec.text, stoks, sspans),
    }


def differences(q, ops: list[Op], source_text: str, stoks: list[str], sspans) -> list[dict]:
    """The word-level differences of an alignment, with character spans into
    the query and the source text."""
    out = []

    def qspan(i1: int, i2: int) -> list[int]:
        if i2 > i1:
            return [q.spans[i1][0], q.spans[i2 - 1][1]]
        at = q.spans[i1][0] if i1 < len(q.spans) else len(q.text)
        return [at, at]

    def sspan(j1: int, j2: int) -> list[int]:
        if not sspans:
            return [0, 0]
        if j2 > j1:
            return [sspans[min(j1, len(sspans) - 1)][0], sspans[min(j2, len(sspans)) - 1][1]]
        at = sspans[j1][0] if j1 < len(sspans) else len(source_text)
        return [at, at]

    for op in ops:
        if op.tag == "equal":
            continue
        qwords = q.tokens[op.q1:op.q2]
        swords = stoks[op.s1:op.s2]
        if op.tag == "gap":
            negs = [i for i in range(op.s1, min(op.s2, len(stoks))) if is_negation(stoks[i])]
            if not negs:
                continue
            op = Op("sonly", op.q1, op.q1, negs[0], negs[-1] + 1)
            swords = stoks[op.s1:op.s2]
        name = {"near": "replace", "replace": "replace", "qonly": "insert", "sonly": "delete"}[op.tag]
        qs, ss = qspan(op.q1, op.q2), sspan(op.s1, op.s2)
        out.append({
            "op": name,
            "query": q.text[qs[0]:qs[1]],
            "source": source_text[ss[0]:ss[1]],
            "kind": _kind(qwords, swords, q.text, qs, source_text, ss, op.s1),
            "query_span": qs,
            "source_span": ss,
            **({"minor": True} if op.tag == "near" else {}),
        })
    return out


def _kind(qwords, swords, qtext, qs, stext, ss, s_first: int) -> str:
    if any(map(is_negation, qwords)) != any(map(is_negation, swords)) or (
        set(filter(is_negation, qwords)) != set(filter(is_negation, swords))
    ):
        return "negation"
    if any(map(is_number, qwords)) or any(map(is_number, swords)):
        return "number"
    if _has_name(stext, ss, s_first == 0) or _has_name(qtext, qs, qs[0] == 0):
        return "entity"
    return "word"


def _has_name(text: str, span, at_start: bool) -> bool:
    """A capitalised word that is not just starting a sentence (or "I")."""
    for k, word in enumerate(text[span[0]:span[1]].split()):
        w = word.strip("\"'“”‘’()[],.;:!?")
        if not w or not w[0].isupper() or w in ("I", "I'm", "I've", "I'll", "I'd"):
            continue
        if k == 0:
            before = text[:span[0]].rstrip()
            if at_start or not before or before[-1] in ".!?\"“":
                continue
        return True
    return False
