"""Which date a statement gets: the date in its sentence, the day named just
before, an embedded post's posting date, the previous statement's date when
it carries on that turn, else the publication date."""
from __future__ import annotations

import re

from service.model import QuoteDate, Speaker

from .dates import DATE_RE, DateResolver
from .document import Document
from .statements import Statement


def date_for(doc: Document, st: Statement, dates, resolver: DateResolver,
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
