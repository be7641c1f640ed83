"""Statements: quote spans grouped into what one person said in one go.

A statement is one or more segments: a split quote ("X," he said, "Y."), a
quote resumed after its attribution sentence ("X," Frey said. "Y."), or a
quote continued over paragraphs. This module also decides which statements
are not statements at all: one-word quotes, titles, "so-called" labels and
unattributed scare quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.model import QuoteDate, Speaker

from .cues import SPEECH_VERBS
from .posts import Post
from .quotes import QuoteSpan

FRAGMENT_MAX_WORDS = 5
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


def group_statements(text: str, spans: list[QuoteSpan]) -> list[Statement]:
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


# -- what is not a statement ------------------------------------------------------
def is_fragment(text: str, st: Statement) -> bool:
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


def is_single_word(text: str, st: Statement) -> bool:
    if st.post is not None or len(st.spans) > 1:
        return False
    s = st.spans[0]
    return len(text[s.start:s.end].split()) <= 1


_LABEL_RE = re.compile(
    r"(?:so-called|so called|known as|dubbed|nicknamed|titled|entitled|the term|the word|the phrase|"
    r"the slogan|the hashtag|the show|the film|the book|the song|the album|the series)\s*$", re.IGNORECASE)


_SMALL_WORDS = frozenset("of the a an and to in on for with at by is or from".split())
_TITLE_LEAD_RE = re.compile(r"(?:’s|'s|\bon|\bin|\bof|\bfrom|\bstar of|\bauthor of)\s*$")


def is_title(text: str, st: Statement) -> bool:
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


def is_label(text: str, st: Statement) -> bool:
    s = st.spans[0]
    if len(st.spans) > 1 or len(text[s.start:s.end].split()) > 8:
        return False
    opening = s.start - len(s.open_mark)
    return bool(_LABEL_RE.search(text[max(0, opening - 20):opening]))


def is_scare_quote(text: str, st: Statement) -> bool:
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
        if st.fragment:
            return True  # a short phrase nobody is said to have said: a scare quote
    return False
