"""Quotes without quote marks: embedded posts and block quotes.

Two layouts news sites use for social posts and statements:

* a dash signature closing an embedded tweet, with no quote marks:
  "text — Mayor Jacob Frey (@MayorFrey) January 26, 2026";
* a colon lead-in paragraph ("Wrote Frey:", "writing on his Truth Social
  account:", "The statement read:") followed by a paragraph with no quote
  marks, which is the post itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import DOUBLE_MARKS
from .sentences import strip_span

SIGNATURE_RE = re.compile(
    r"\s+[—–-]{1,2}\s*(?P<who>[^\n—–()@]{2,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})\s*$"
)
# Lead-in words that announce a post or a written statement. Spoken cues
# ("he said:") are left out: a paragraph after them without quote marks is
# usually the reporter's own text again.
_LEAD_CUES = frozenset(
    """wrote writes writing posted posts posting tweeted tweets tweeting statement post tweet message
    letter read reads account""".split()
)
MIN_POST_CHARS = 20


@dataclass
class Post:
    start: int
    end: int  # the post's words (no signature)
    kind: str  # "dash_signature" | "colon_lead_in"
    who: str | None = None  # signature author ("Mayor Jacob Frey")
    handle: str | None = None
    date: str | None = None  # signature date as written
    lead: tuple[int, int] | None = None  # the lead-in paragraph


def find_posts(text: str, paras: list[tuple[int, int]]) -> list[Post]:
    posts = []
    for idx, (lo, hi) in enumerate(paras):
        para = text[lo:hi]
        m = SIGNATURE_RE.search(para)
        if m:
            s, e = strip_span(text, lo, lo + m.start())
            if e - s >= MIN_POST_CHARS and not any(c in DOUBLE_MARKS for c in text[s:s + 1]):
                posts.append(Post(s, e, "dash_signature", who=m.group("who").strip(),
                                  handle=m.group("handle"), date=m.group("date")))
            continue
        if idx == 0:
            continue
        plo, phi = paras[idx - 1]
        lead = text[plo:phi].rstrip()
        if not lead.endswith(":") or any(c in DOUBLE_MARKS for c in para[:2]) or para.lstrip().startswith("<"):
            continue
        # The lead-in's last sentence must carry a cue ("Wrote Frey:").
        tail = re.split(r"(?<=[.!?])\s+", lead)[-1]
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", tail)}
        if not words & _LEAD_CUES:
            continue
        if sum(para.count(c) for c in DOUBLE_MARKS) >= 2 and para.lstrip()[:1] in DOUBLE_MARKS:
            continue  # a normal quote paragraph; the marks handle it
        s, e = strip_span(text, lo, hi)
        if e - s >= MIN_POST_CHARS:
            posts.append(Post(s, e, "colon_lead_in", lead=(plo, phi)))
    return posts
