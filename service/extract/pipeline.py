"""From text to ExtractedQuote records: spans, statements, speakers, dates.

Steps: find the quote spans; group split quotes and paragraph continuations
into statements; add unmarked posts; run the attribution cascade on each
statement in text order (so a quote with no cue can inherit the speaker of
the turn it continues); resolve the speaker phrase against the document's
people; date it; cut its context; drop scare quotes nobody is said to have
said.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from service.model import DocumentMeta, ExtractedQuote, Speaker

from .attribution import Finding, skip_adverbs_back, clause_subject, read_after, read_before, read_sentence
from .context import context_for
from .cues import LEAD_IN_CUES
from .dates import DateResolver, find_dates
from .dating import date_for
from .document import Document
from .names import parse_np_backward, parse_np_forward, split_title
from .posts import find_posts
from .quotes import QuoteSpan, find_quote_spans, paragraphs
from .speakers import known_subject, speaker_from
from .statements import (
    Statement, group_statements, is_fragment, is_label, is_scare_quote, is_single_word, is_title,
)

# Confidence per rule: the share of its attributions that named the gold
# speaker on PolNeAR (bench/extraction.py), rounded; pronoun speakers are
# discounted further in _attribute.
CONFIDENCE = {
    "dash_signature": 0.95, "cue_inside": 0.9, "cue_after": 0.9, "cue_before": 0.88, "lead_in": 0.88,
    "cue_sentence": 0.85, "inherited": 0.85, "colon_lead_in": 0.8, "according_to": 0.78, "reported_before": 0.87,
    "sentence_subject": 0.7, "none": 0.2,
}
# How much a pronoun speaker lowers confidence (0.70 measured against 0.96 for named speakers).
PRONOUN_DISCOUNT = 0.8


def extract(text: str, meta: DocumentMeta | None = None, typewriter_quotes: bool = False) -> list[ExtractedQuote]:
    if not text or not text.strip():
        return []
    spans = find_quote_spans(text, typewriter=typewriter_quotes)
    paras = paragraphs(text)
    posts = find_posts(text, paras)
    # A post paragraph's own inner quote marks are part of the post.
    spans = [s for s in spans if not any(p.start <= s.start < p.end for p in posts)]
    doc = Document(text, spans + [QuoteSpan(p.start, p.end, "", "") for p in posts])
    doc.accept = lambda m: known_subject(doc, m)
    statements = group_statements(text, spans)
    for p in posts:
        statements.append(Statement([QuoteSpan(p.start, p.end, "", "")], post=p))
    statements.sort(key=lambda st: st.start)

    resolver = DateResolver(meta.published if meta else None)
    dates = find_dates(text, resolver, doc.quoted)
    prev: Statement | None = None
    out = []
    for st in statements:
        _attribute(doc, st, prev)
        st.fragment = is_fragment(text, st)
        if is_single_word(text, st):
            continue  # a one-word scare quote or label, not a statement
        if st.speaker is None and is_scare_quote(text, st):
            continue  # a scare quote, title or nickname: nobody is quoted
        if st.rule in ("none", "sentence_subject") and is_label(text, st):
            continue  # "the so-called “reform agenda”": a label, not words said
        if is_title(text, st):
            continue  # "on NBC's “Meet the Press”": a title, not words said
        st.date = date_for(doc, st, dates, resolver, prev.date if prev else None)
        out.append(_to_record(doc, st))
        if not st.fragment or st.rule in ("cue_after", "cue_inside", "cue_before", "inherited"):
            prev = st
    return out


# -- attribution cascade --------------------------------------------------------------
def _close_len(s: QuoteSpan) -> int:
    return len(s.close_mark or "")


def _attribute(doc: Document, st: Statement, prev: Statement | None) -> None:
    text = doc.text
    first, last = st.spans[0], st.spans[-1]
    if st.post is not None:
        if _attribute_post(doc, st, prev):
            return
    finding, rule = None, ""
    # 1. between the segments of a split quote
    for a, b in zip(st.spans, st.spans[1:]):
        lo, hi = doc.token_index(a.end + _close_len(a)), doc.token_index(b.start - len(b.open_mark))
        f, r = read_after(doc.tokens, lo, hi)
        if f:
            finding, rule = f, "cue_inside"
            break
    # 2. right after the closing mark, up to the sentence end or the next quote
    if finding is None:
        after = last.end + _close_len(last)
        # The attribution may sit in what the splitter took for the next
        # sentence ('...!” Bush said.'), so look from the first word after.
        k = after
        while k < len(text) and text[k] in " \t\u00a0":
            k += 1
        sent_end = doc.sentences[doc.sentence_of(k)][1] if k < len(text) and text[k] != "\n" else after
        nxt = _next_quote_start(doc, after)
        lo, hi = doc.token_index(after), doc.token_index(min(sent_end, nxt))
        finding, rule = read_after(doc.tokens, lo, hi)
    # 2b. a signature paragraph under the quote ("- Hillary Clinton.")
    if finding is None:
        sig = _signature_below(doc, last.end + _close_len(last))
        if sig is not None:
            finding, rule = sig, "dash_signature"
    # 3. the clause before the opening mark (within the sentence)
    if finding is None:
        opening = first.start - len(first.open_mark)
        sent_start = doc.sentences[doc.sentence_of(first.start)][0]
        prev_q = _prev_quote_end(doc, opening)
        lo = doc.token_index(max(sent_start, prev_q))
        hi = doc.token_index(opening)
        if lo < hi:
            finding, rule = read_before(doc.tokens, lo, hi, accept=doc.accept)
            if finding is None and doc.tokens[hi - 1].text == ":":
                # "Kasich resisted: “...”": whoever the lead-in is about --
                # unless a person is named right before the colon ("doesn't
                # surprise Republican pollster Daron Shaw: “...”").
                subj = _named_before_colon(doc, lo, hi - 1) or clause_subject(doc.tokens, lo, hi - 1, doc.accept)
                if subj is not None:
                    finding, rule = Finding(subj, text[doc.tokens[hi - 1].start:doc.tokens[hi - 1].end],
                                            doc.tokens[hi - 1].start), "colon_lead_in"
        if finding is None and not text[sent_start:opening].strip():
            lead = _lead_in(doc, opening, sent_start)
            if lead is not None:
                finding, rule = lead
    # 4. any cue elsewhere in the sentence (embedded fragments)
    if finding is None:
        si = doc.sentence_of(first.start)
        s0, s1 = doc.sentences[si]
        f = _sentence_cue(doc, s0, s1, first.start)
        if f:
            finding, rule = f, "cue_sentence"
    # 4b. the sentence before reports the speech act
    if finding is None:
        f = _reported_before(doc, first.start - len(first.open_mark), doc.sentences[doc.sentence_of(first.start)][0])
        if f:
            finding, rule = f, "reported_before"
    if finding is not None:
        speaker = speaker_from(doc, finding.mention, prev, finding.cue_start, st.start)
        if speaker is not None:
            st.speaker, st.rule, st.cue, st.cue_at = speaker, rule, finding.cue, finding.cue_start
            st.confidence = CONFIDENCE[rule] * (PRONOUN_DISCOUNT if finding.mention.kind == "pronoun" else 1.0)
            st.mention_end = finding.mention.end
            if speaker.kind == "person" and finding.mention.kind in ("pronoun", "title", "descriptor"):
                doc.add_mention(finding.mention.start, finding.mention.end, speaker.name)
            return
    # 5. a quote embedded in the reporter's clause belongs to that clause's
    # subject ("Sanders ticked off ... the nation's “crumbling infrastructure”")
    opening = first.start - len(first.open_mark)
    si = doc.sentence_of(first.start)
    s0 = doc.sentences[si][0]
    if st.post is None and text[s0:opening].strip() and not _starts_paragraph(text, opening):
        lo, hi = doc.token_index(s0), doc.token_index(opening)
        subj = clause_subject(doc.tokens, lo, hi, doc.accept)
        if subj is not None:
            speaker = speaker_from(doc, subj, prev, subj.start, st.start)
            if speaker is not None:
                st.speaker, st.rule, st.cue = speaker, "sentence_subject", None
                st.confidence = CONFIDENCE["sentence_subject"]
                st.mention_end = subj.end
                return
    # 6. continuing the previous speaker's turn
    if prev is not None and prev.speaker is not None and _continues(doc, prev, st):
        st.speaker, st.rule, st.cue = prev.speaker, "inherited", None
        st.confidence = CONFIDENCE["inherited"]
        return
    st.rule, st.confidence = "none", CONFIDENCE["none"]


def _attribute_post(doc: Document, st: Statement, prev: Statement | None) -> bool:
    post = st.post
    assert post is not None
    if post.kind == "dash_signature" and post.who:
        words = post.who.split()
        title, name_words = split_title(words)
        name = doc.registry.resolve_name(" ".join(name_words)) if name_words else post.who
        st.speaker = Speaker(name=name, kind="person", mention=post.who, title=title)
        st.rule, st.cue, st.confidence = "dash_signature", post.handle, CONFIDENCE["dash_signature"]
        return True
    if post.kind == "colon_lead_in" and post.lead:
        f = _colon_lead(doc, post.start)
        if f is not None:
            sp = speaker_from(doc, f.mention, prev, f.cue_start)
            if sp is not None:
                st.speaker, st.rule, st.cue = sp, "colon_lead_in", f.cue
                st.cue_at, st.confidence = f.cue_start, CONFIDENCE["colon_lead_in"]
                return True
    return False


def _named_before_colon(doc: Document, lo: int, colon: int):
    """A full person name (two words or more, not after a preposition) ending
    at the colon."""
    toks = doc.tokens
    m = parse_np_backward(toks, colon, lo)
    if m is None or m.kind != "name" or not m.name or len(m.name.split()) < 2 or m.possessive:
        return None
    k = colon - 1
    while k > lo and toks[k].start > m.start:
        k -= 1
    if k > lo and toks[k - 1].lower in ("on", "in", "at", "to", "with", "by", "for", "from", "of", "about"):
        return None
    return m


def _lead_in(doc: Document, opening: int, sent_start: int) -> tuple[Finding, str] | None:
    """A quote opening a sentence, introduced by the sentence before it:
    a colon lead-in ("Wrote Frey:", "He said:") or a short cue sentence
    ("Iowa State's Dianne Bystrom agreed.")."""
    text = doc.text
    si = doc.sentence_of(sent_start)
    if si == 0:
        return None
    p0, p1 = doc.sentences[si - 1]
    gap = text[p1:opening]
    colon = text[p1 - 1] == ":"
    if gap.count("\n") > 3:
        return None
    if "\n" in gap and not colon:
        # A new paragraph: only a one-sentence lead paragraph ("Howard
        # continued his remarks.") introduces the quote below it.
        if "\n" not in text[max(0, p0 - 1):p0] and p0 > 0:
            return None
    if not colon and any(p0 <= qs < p1 for qs, _ in doc.quoted):
        return None  # the sentence before is a quote's own: inheritance decides
    lo, hi = doc.token_index(p0), doc.token_index(p1)
    if colon:
        f, _ = read_before(doc.tokens, lo, hi - 1, accept=doc.accept)
        if f is None:
            subj = clause_subject(doc.tokens, lo, hi - 1, doc.accept)
            if subj is not None and subj.kind != "pronoun":
                f = Finding(subj, ":", p1 - 1)
        return (f, "colon_lead_in") if f else None
    # A short sentence ending in its cue: "Smith agreed." / "He added."
    if hi - lo > 45 or hi - lo < 2:
        return None
    toks = doc.tokens
    end = hi - 1 if toks[hi - 1].text in ".!" else hi
    for j in range(end - 1, max(lo, end - 5) - 1, -1):
        if toks[j].lower in LEAD_IN_CUES:
            m = parse_np_backward(toks, skip_adverbs_back(toks, j, lo), lo)
            if m is not None and m.kind != "thing":
                return Finding(m, toks[j].text, toks[j].start), "lead_in"
            break
    return None


def _reported_before(doc: Document, opening: int, sent_start: int) -> Finding | None:
    """A quote opening a sentence with no cue of its own, right after a
    sentence of the same paragraph that reports a speech act ("Lynch
    announced the lawsuit on Monday. “We are seeking ...”"): the quote is
    what was said. Across a paragraph break this was right only about half
    the time (the old "nearby" guess), so it stays within the paragraph."""
    text = doc.text
    si = doc.sentence_of(sent_start)
    if si == 0 or text[sent_start:opening].strip():
        return None
    p0, p1 = doc.sentences[si - 1]
    if "\n" in text[p1:opening] or any(p0 <= qs < p1 for qs, _ in doc.quoted):
        return None  # a new paragraph, or a sentence with a quote of its own
    f, _ = read_before(doc.tokens, doc.token_index(p0), doc.token_index(p1), strong_only=True, accept=doc.accept)
    if f is None:
        return None
    # "Calder added that the board wants to act early.": the sentence gives
    # what was said in the reporter's words, so the quote after it may be
    # anyone's; only a speech act whose words are still to come counts.
    k = doc.token_index(f.cue_start) + 1
    toks = doc.tokens
    if k < len(toks) and toks[k].start < p1 and toks[k].lower == "that":
        return None
    return f


_SIGNATURE_LINE_RE = re.compile(r"[ \t]*\n\s*[-—–]{1,2}\s*(?=[A-Z])([^\n]{2,80})\n?")


def _signature_below(doc: Document, after: int) -> Finding | None:
    """A paragraph of its own under a quote: "- Michelle Marks, Philadelphia."."""
    text = doc.text
    if text[after:after + 200].split("\n", 1)[0].strip():
        return None  # the quote's paragraph goes on
    m = _SIGNATURE_LINE_RE.match(text, after)
    if not m or len(m.group(1).split()) > 12:
        return None
    lo = doc.token_index(m.start(1))
    hi = doc.token_index(m.end(1))
    mention = parse_np_forward(doc.tokens, lo, hi)
    if mention is None or mention.kind != "name" or not mention.name:
        return None
    if len(mention.name.split()) < 2 and doc.registry.lookup(mention.name) is None:
        return None  # "- Ready ...": not a signature
    return Finding(mention, "—", m.start(1))


def _colon_lead(doc: Document, opening: int) -> Finding | None:
    """A lead-in paragraph ending in a colon just before ``opening``."""
    text = doc.text
    j = opening - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    si = doc.sentence_of(j)
    s0, _ = doc.sentences[si]
    lo, hi = doc.token_index(s0), doc.token_index(j)
    f, _ = read_before(doc.tokens, lo, hi, accept=doc.accept)
    return f


def _sentence_cue(doc: Document, s0: int, s1: int, at: int) -> Finding | None:
    """A cue with a speaker anywhere in the sentence, outside quotes."""
    toks = doc.tokens
    lo, hi = doc.token_index(s0), doc.token_index(s1)
    # Split into runs of unquoted tokens and read each run.
    run_lo = lo
    best = None
    for k in range(lo, hi + 1):
        if k == hi or doc.in_quote(toks[k].start):
            if run_lo < k:
                f = read_sentence(toks, run_lo, k, doc.accept)
                if f is not None and _same_clause(doc.text, at, f) and (
                        best is None or abs(f.cue_start - at) < abs(best.cue_start - at)):
                    best = f
            run_lo = k + 1
    return best


_CLAUSE_JOIN_RE = re.compile(r",\s+(?:and|but|while|whereas)\s|;|\s(?:and|but)\s+(?:[A-Z]\w+\s+){1,4}(?=[a-z])")


def _same_clause(text: str, at: int, f: Finding) -> bool:
    """A cue after the quote must not belong to a following, separate clause."""
    if f.mention.start <= at:
        return True
    between = text[at:f.mention.start]
    # Strip quoted material so its punctuation does not count.
    between = re.sub(r"[“\"][^”\"]*[”\"]", " ", between)
    return not _CLAUSE_JOIN_RE.search(between)


def _next_quote_start(doc: Document, offset: int) -> int:
    """The opening mark of the first quote after ``offset``."""
    i = bisect_right(doc.quoted_starts, offset)
    return doc.quoted[i][0] - 1 if i < len(doc.quoted) else len(doc.text)


def _prev_quote_end(doc: Document, offset: int) -> int:
    """Just past the closing mark of the last quote ending before ``offset``."""
    i = bisect_left(doc.quoted_ends, offset) - 1
    return doc.quoted_ends[i] + 1 if i >= 0 else 0


def _starts_paragraph(text: str, offset: int) -> bool:
    j = offset - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] == "\n"


def _continues(doc: Document, prev: Statement, st: Statement) -> bool:
    """Whether ``st`` carries on the previous statement's turn, nothing intervening."""
    prev_end = prev.end + _close_len(prev.spans[-1])
    gap_start = max(prev_end, prev.mention_end or 0)
    si_prev = doc.sentence_of(max(gap_start - 1, 0))
    opening = st.start - len(st.spans[0].open_mark)
    si = doc.sentence_of(opening)
    if si == si_prev:
        return True
    s0, _ = doc.sentences[si]
    lead = doc.text[s0:opening].strip().strip(",").lower()
    if lead in _ENUMERATORS and si - si_prev <= 3 and prev.speaker is not None:
        # "Frey, too, is giving advice ... First, “say what you believe”":
        # a list of points goes on with the same speaker when the sentences
        # between are about that speaker.
        return all(_subject_of(doc, k) == prev.speaker.name for k in range(si_prev + 1, si))
    if si != si_prev + 1:
        return False
    return lead in ("", "but", "and", "still", "then", "so", "yet", "or", "also", "plus", "again") \
        or lead in _ENUMERATORS


_ENUMERATORS = frozenset("first second third fourth fifth next finally lastly last".split())


def _subject_of(doc: Document, sentence: int) -> str | None:
    """The person who is the subject of a sentence, if one is."""
    s0, s1 = doc.sentences[sentence]
    i = bisect_left(doc.mention_offsets, s0)
    while i < len(doc.mentions) and doc.mentions[i].offset < s1:
        if doc.mentions[i].subject:
            return doc.mentions[i].name
        i += 1
    return None


def _to_record(doc: Document, st: Statement) -> ExtractedQuote:
    text = doc.text
    segs = []
    spans = []
    for s in st.spans:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans.append((a, b))
        segs.append(text[a:b])
    # Segments verbatim, as published (a trailing comma inside the closing
    # mark stays: every span's text is then found in the quote's text).
    quote_text = " ".join(x.strip() for x in segs)
    ctx = context_for(doc, spans, st.cue_at)
    return ExtractedQuote(
        text=quote_text, spans=spans, speaker=st.speaker, date=st.date, context=ctx,
        confidence=st.confidence, rule=st.rule, fragment=st.fragment, cue=st.cue,
    )
