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
from dataclasses import dataclass, field

from service.model import DocumentMeta, ExtractedQuote, QuoteDate, Speaker

from .attribution import Finding, _skip_adverbs_back, clause_subject, read_after, read_before, read_sentence
from .cues import LEAD_IN_CUES, SPEECH_VERBS
from .names import parse_np_backward, parse_np_forward
from .context import context_for
from .dates import DATE_RE, DateResolver, find_dates
from .document import Document
from .lexicon import HONORIFICS, TITLE_NOUNS
from .names import Mention, split_title, strip_possessive
from .posts import Post, find_posts
from .quotes import QuoteSpan, find_quote_spans, paragraphs

FRAGMENT_MAX_WORDS = 5
# Confidence per rule: how often the rule names the right speaker.
CONFIDENCE = {
    "dash_signature": 0.95, "cue_inside": 0.95, "cue_after": 0.92, "cue_before": 0.85,
    "according_to": 0.85, "colon_lead_in": 0.8, "lead_in": 0.75, "cue_sentence": 0.6, "sentence_subject": 0.5, "inherited": 0.7, "none": 0.2,
}
_SPLIT_GAP_MAX = 120  # chars of attribution between two segments of one statement


@dataclass
class Statement:
    spans: list[QuoteSpan]
    post: Post | None = None
    speaker: Speaker | None = None
    rule: str = "none"
    cue: str | None = None
    cue_at: int | None = None
    confidence: float = 0.2
    fragment: bool = False
    date: QuoteDate | None = None
    mention_end: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end


def extract(text: str, meta: DocumentMeta | None = None, typewriter_quotes: bool = False) -> list[ExtractedQuote]:
    if not text or not text.strip():
        return []
    spans = find_quote_spans(text, typewriter=typewriter_quotes)
    paras = paragraphs(text)
    posts = find_posts(text, paras)
    # A post paragraph's own inner quote marks are part of the post.
    spans = [s for s in spans if not any(p.start <= s.start < p.end for p in posts)]
    doc = Document(text, spans + [QuoteSpan(p.start, p.end, "", "") for p in posts])
    doc.accept = lambda m: _known_subject(doc, m)
    statements = _group(text, spans)
    for p in posts:
        statements.append(Statement([QuoteSpan(p.start, p.end, "", "")], post=p))
    statements.sort(key=lambda st: st.start)

    resolver = DateResolver(meta.published if meta else None)
    dates = find_dates(text, resolver, doc.quoted)
    prev: Statement | None = None
    out = []
    for st in statements:
        _attribute(doc, st, prev)
        st.fragment = _is_fragment(text, st)
        if _single_word(text, st):
            continue  # a one-word scare quote or label, not a statement
        if DROP_SCARE and st.speaker is None and _is_scare_quote(text, st):
            continue  # a scare quote, title or nickname: nobody is quoted
        if st.rule in ("none", "sentence_subject") and _is_label(text, st):
            continue  # "the so-called “reform agenda”": a label, not words said
        if _is_title(text, st):
            continue  # "on NBC's “Meet the Press”": a title, not words said
        st.date = _date_for(doc, st, dates, resolver, prev.date if prev else None)
        out.append(_to_record(doc, st))
        if not st.fragment or st.rule in ("cue_after", "cue_inside", "cue_before"):
            prev = st
    return out


# -- statements ------------------------------------------------------------------
def _group(text: str, spans: list[QuoteSpan]) -> list[Statement]:
    """Join split quotes ("X," he said, "Y.") and paragraph continuations."""
    out: list[Statement] = []
    for s in spans:
        if out:
            last = out[-1].spans[-1]
            if s.continued and last.unclosed:
                out[-1].spans.append(s)
                continue
            gap = text[last.end:s.start]
            seg = text[last.start:last.end].rstrip()
            if (len(gap) <= _SPLIT_GAP_MAX and "\n" not in gap and not last.single and not s.single
                    and (seg.endswith(",") or gap.lstrip(" \"”'’").startswith(","))
                    and (_mid_sentence_gap(gap) or _attribution_sentence_gap(gap, s, text))):
                out[-1].spans.append(s)
                continue
        out.append(Statement([s]))
    return out


def _mid_sentence_gap(gap: str) -> bool:
    """'"X," he said, "Y."': the attribution ends in a comma or colon."""
    return bool(re.search(r"[,:]\s*[\"“'‘]*\s*$", gap)) and not re.search(r"[.!?]\s", gap.strip(" \"”“'’‘"))


_GAP_SENTENCE_RE = re.compile(r"^[\s\"”'’]*,?[\s\"”'’]*([^.!?\"“”]{3,100})\.[\s]*[\"“'‘]*\s*$")


def _attribution_sentence_gap(gap: str, nxt: QuoteSpan, text: str) -> bool:
    """'"X," Frey said in an interview. "Y."': a short attribution sentence
    between two segments, the second opening a new sentence -- the speaker
    carries on, and the two are one statement."""
    m = _GAP_SENTENCE_RE.match(gap)
    if not m or not text[nxt.start:nxt.start + 1].isupper():
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group(1))]
    return 2 <= len(words) <= 14 and any(w in SPEECH_VERBS for w in words)


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
                # "Kasich resisted: “...”": whoever the lead-in is about.
                subj = clause_subject(doc.tokens, lo, hi - 1, doc.accept)
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
    if finding is not None:
        speaker = _speaker_from(doc, finding.mention, prev, finding.cue_start, st.start)
        if speaker is not None:
            st.speaker, st.rule, st.cue, st.cue_at = speaker, rule, finding.cue, finding.cue_start
            st.confidence = CONFIDENCE[rule] * (0.85 if finding.mention.kind == "pronoun" else 1.0)
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
            speaker = _speaker_from(doc, subj, prev, subj.start, st.start)
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
            sp = _speaker_from(doc, f.mention, prev, f.cue_start)
            if sp is not None:
                st.speaker, st.rule, st.cue = sp, "colon_lead_in", f.cue
                st.cue_at, st.confidence = f.cue_start, CONFIDENCE["colon_lead_in"]
                return True
    return False


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
            m = parse_np_backward(toks, _skip_adverbs_back(toks, j, lo), lo)
            if m is not None and m.kind != "thing":
                return Finding(m, toks[j].text, toks[j].start), "lead_in"
            break
    return None


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


def _known_subject(doc: Document, m: Mention) -> bool:
    """Without a cue to vouch for it, a lone capitalised word ("Amid",
    "Flying", "Florida") is a subject only if the document names that person."""
    if m.generic:
        return False  # "the plan", "a decision": not a speaker without a cue
    if m.kind != "name" or not m.name or len(m.name.split()) > 1 or m.title:
        return True
    return doc.registry.lookup(m.name) is not None


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
    for s, _ in doc.quoted:
        if s > offset:
            return s - 1
    return len(doc.text)


def _prev_quote_end(doc: Document, offset: int) -> int:
    best = 0
    for _, e in doc.quoted:
        if e < offset:
            best = e + 1
        else:
            break
    return best


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
    if si != si_prev + 1:
        return False
    s0, _ = doc.sentences[si]
    lead = doc.text[s0:opening].strip().strip(",").lower()
    return lead in ("", "but", "and", "still", "then", "so", "yet", "or", "also", "plus", "again")


# -- speakers ------------------------------------------------------------------------------
def _speaker_from(doc: Document, m: Mention, prev: Statement | None, at: int,
                  quote_start: int | None = None) -> Speaker | None:
    reg = doc.registry
    prev_name = prev.speaker.name if prev and prev.speaker and prev.speaker.kind == "person" else None
    if m.kind == "name" and m.name:
        words = m.name.split()
        if words[0].lower() in HONORIFICS and len(words) > 1:
            words = words[1:]
        name = reg.resolve_name(" ".join(words))
        title = m.title
        if title is None:
            p = reg.people.get(name)
            title = p.titles[0] if p and p.titles else None
        return Speaker(name=name, kind="person", mention=m.text, title=title)
    if m.kind == "organisation":
        return Speaker(name=_org_name(m.text), kind="organisation", mention=m.text)
    if m.kind == "title":
        head = m.head or m.text.split()[-1].lower()
        name = doc.titled_before(TITLE_NOUNS.get(head, head), at)
        if name is not None:
            return _person(doc, name, m.text)
        return Speaker(name=m.text, kind="descriptor", mention=m.text)
    if m.kind == "descriptor":
        words = m.text.split()
        head = m.head or ""
        if words[0].lower() == "the":
            # "the governor" / "the mayor": a titled person named earlier.
            noun = TITLE_NOUNS.get(head)
            if noun:
                name = doc.titled_before(noun, at)
                if name is not None:
                    return _person(doc, name, m.text)
            # "the official continued": the descriptor named before.
            ref = _previous_descriptor(doc, head, at)
            if ref is not None:
                return Speaker(name=ref, kind="descriptor", mention=m.text)
        name = m.text[0].lower() + m.text[1:] if m.text[:1].isupper() and words[0].lower() in (
            "a", "an", "one", "the", "two", "three", "several", "some", "another") else m.text
        return Speaker(name=name, kind="descriptor", mention=m.text)
    if m.kind == "pronoun":
        low = m.text.lower()
        if low in ("he", "she"):
            name = doc.resolve_pronoun(low, m.start, prev_name, quote_start)
            if name and doc.last_pronoun_kind == "descriptor":
                return Speaker(name=name, kind="descriptor", mention=m.text)
            if name:
                p = reg.people.get(name)
                return Speaker(name=name, kind="person", mention=m.text,
                               title=p.titles[0] if p and p.titles else None)
            return None
        if low in ("they", "we", "it") and prev is not None and prev.speaker is not None \
                and prev.speaker.kind in ("descriptor", "organisation"):
            return Speaker(name=prev.speaker.name, kind=prev.speaker.kind, mention=m.text)
        return None
    return None


def _person(doc: Document, name: str, mention: str) -> Speaker:
    p = doc.registry.people.get(name)
    return Speaker(name=name, kind="person", mention=mention, title=p.titles[0] if p and p.titles else None)


def _previous_descriptor(doc: Document, head: str, at: int) -> str | None:
    """The last indefinite descriptor with the same head noun before ``at``."""
    text = doc.text[:at]
    pat = re.compile(
        r"\b((?:[Aa]n?|[Oo]ne(?: of the)?|[Tt]wo|[Tt]hree|[Ss]everal|[Aa]nother)\s+(?:[\w-]+\s+){0,4}?"
        + re.escape(head) + r"s?)\b"
    )
    found = None
    for mm in pat.finditer(text):
        if not doc.in_quote(mm.start()):
            found = mm.group(1)
    if found:
        return found[0].lower() + found[1:]
    return None


def _org_name(text: str) -> str:
    t = strip_possessive(text.strip())
    if t.lower().startswith("the "):
        return "the " + t[4:]
    return t


# -- fragments, scare quotes, dates ----------------------------------------------------
def _is_fragment(text: str, st: Statement) -> bool:
    """A short phrase quoted inside the reporter's own sentence."""
    if st.post is not None or len(st.spans) > 1:
        return False
    s = st.spans[0]
    body = text[s.start:s.end].strip()
    words = body.split()
    if len(words) > FRAGMENT_MAX_WORDS:
        return False
    if not body[:1].isupper():
        return True
    # Starting a sentence (or after a colon): a statement, however short.
    j = s.start - len(s.open_mark) - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return not (j < 0 or text[j] in "\n.!?:" or text[j] in "”\"’'")


DROP_SCARE = True


def _single_word(text: str, st: Statement) -> bool:
    if st.post is not None or len(st.spans) > 1:
        return False
    s = st.spans[0]
    return len(text[s.start:s.end].split()) <= 1


_LABEL_RE = re.compile(
    r"(?:so-called|so called|known as|dubbed|nicknamed|titled|entitled|the term|the word|the phrase|"
    r"the slogan|the hashtag|the show|the film|the book|the song|the album|the series)\s*$", re.IGNORECASE)


_SMALL_WORDS = frozenset("of the a an and to in on for with at by is or from".split())
_TITLE_LEAD_RE = re.compile(r"(?:’s|'s|\bon|\bin|\bof|\bfrom|\bstar of|\bauthor of)\s*$")


def _is_title(text: str, st: Statement) -> bool:
    """A short Title Case quote after a possessive or preposition ("CNN's
    “State of the Union”", "in “The Art of the Deal”"), or one only the
    sentence's subject vouches for: the name of a show, book or slogan."""
    if st.post is not None or len(st.spans) > 1:
        return False
    s = st.spans[0]
    words = text[s.start:s.end].strip(" ,.!?").split()
    if not words or len(words) > 6 or not words[0][:1].isupper() or text[s.start:s.end].isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return False
    opening = s.start - len(s.open_mark)
    return st.rule == "sentence_subject" or bool(_TITLE_LEAD_RE.search(text[max(0, opening - 12):opening]))


def _is_label(text: str, st: Statement) -> bool:
    s = st.spans[0]
    if len(st.spans) > 1 or len(text[s.start:s.end].split()) > 8:
        return False
    opening = s.start - len(s.open_mark)
    return bool(_LABEL_RE.search(text[max(0, opening - 20):opening]))


def _is_scare_quote(text: str, st: Statement) -> bool:
    """A short unattributed quote: a scare quote, title or nickname."""
    if st.post is not None:
        return False
    s = st.spans[0]
    words = text[s.start:s.end].split()
    if len(st.spans) == 1 and len(words) <= 8:
        body = text[s.start:s.end].strip(" ,.")
        caps = sum(1 for w in words if w[:1].isupper())
        if caps == len(words):
            return True  # Title Case: a title, slogan or nickname
        if body[:1].isupper() and st.fragment:
            return True  # a capitalised label inside the sentence
    return False


def _date_for(doc: Document, st: Statement, dates, resolver: DateResolver,
              prev_date: QuoteDate | None = None) -> QuoteDate | None:
    if st.post is not None and st.post.date:
        m = DATE_RE.search(st.post.date)
        if m:
            saved = resolver.last
            d = resolver.resolve(m)
            resolver.last = saved
            if d:
                return d
    # A date expression in the sentence of the attribution, outside quotes.
    anchor = st.cue_at if st.cue_at is not None else st.start
    spans_of_interest = {doc.sentence_of(anchor), doc.sentence_of(st.start)}
    best = None
    for dm in dates:
        if dm.value is None:
            continue
        if doc.sentence_of(dm.start) in spans_of_interest:
            if best is None or abs(dm.start - anchor) < abs(best.start - anchor):
                best = dm
    if best is not None:
        return best.value
    if st.rule == "inherited" and prev_date is not None:
        return prev_date
    # A day named in the sentence just before, in the same paragraph ("On
    # Monday, Smith spoke in Iowa. “...,” he said."); an embedded post's
    # lead-in paragraph.
    si = doc.sentence_of(st.start)
    lo = doc.sentences[si - 1][0] if si > 0 else 0
    if st.post is not None and st.post.lead:
        lo = st.post.lead[0]
    elif "\n" in doc.text[lo:st.start]:
        lo = st.start
    for dm in reversed(dates):
        if dm.value is not None and lo <= dm.start < st.start and dm.value.precision == "day":
            return dm.value
    if st.post is not None and st.post.lead:
        # An embedded post is often introduced a few paragraphs up by the
        # sentence that dates it ("Monday evening, Frey posted several tweets").
        d = _posting_date(doc, dates, st.post.lead[0], st.speaker)
        if d is not None:
            return d
    return resolver.published_date()


_POSTING_RE = re.compile(r"\b(?:posted|posts|tweeted|tweets|wrote|writes|published|shared)\b", re.IGNORECASE)


def _posting_date(doc: Document, dates, before: int, speaker: Speaker | None) -> QuoteDate | None:
    """The date of the sentence that says this speaker posted, a few paragraphs up."""
    if speaker is None or speaker.kind != "person":
        return None
    surname = speaker.name.split()[-1]
    lo = before
    for _ in range(4):  # up to four paragraphs up
        lo = doc.text.rfind("\n", 0, max(lo - 1, 0)) + 1
        if lo <= 0:
            break
    for dm in reversed(dates):
        if dm.value is None or not (lo <= dm.start < before):
            continue
        s0, s1 = doc.sentences[doc.sentence_of(dm.start)]
        sentence = doc.text[s0:s1]
        if _POSTING_RE.search(sentence) and re.search(r"\b" + re.escape(surname) + r"\b", sentence):
            return dm.value
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
