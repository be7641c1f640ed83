"""Sentence boundaries and word tokens, tuned for news prose.

Full stops after abbreviations ("Gov.", "Jan.", "U.S.", "D-Minn.") and
initials do not end sentences; a full stop inside a quotation followed by the
closing mark and a lower-case attribution ("..." he said) does not either.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    """mr mrs ms dr gov govs sen sens rep reps gen lt col sgt capt cmdr adm maj rev st jr sr prof pres
    atty supt gens messrs mt ft no nos inc corp co ltd vs jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
    okla ore pa penn tenn tex va vt wash wis wyo dept est approx fig cf al e g i""".split()
)

# Words that start sentences, so a full stop before them after an initial
# ("a post on X. The next day") or "U.S." still ends the sentence.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i but and in on at this that these those his her their there here
    when while after before as if so yet still then now however meanwhile still for with one two""".split()
)

# A word (with inner apostrophes/hyphens), an abbreviation or initial with its
# full stop, or a single punctuation character.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:[\w’'\-\.]*[\w])?\.?|[^\w\s]", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)|\n+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def _keeps_full_stop(word: str) -> bool:
    """Whether a trailing full stop belongs to the word (Gov., U.S., J.)."""
    core = word[:-1]
    if not core:
        return False
    if "." in core:  # U.S., D-Minn. handled below, p.m.
        return True
    if len(core) == 1 and core.isalpha():
        return True  # an initial
    base = core.split("-")[-1].lower()
    return base in ABBREVIATIONS


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Token]:
    """Tokens of text[lo:hi] with absolute offsets."""
    hi = len(text) if hi is None else hi
    out = []
    for m in TOKEN_RE.finditer(text, lo, hi):
        word, s, e = m.group(), m.start(), m.end()
        if len(word) > 1 and word.endswith(".") and not _keeps_full_stop(word):
            out.append(Token(word[:-1], s, e - 1))
            out.append(Token(".", e - 1, e))
        else:
            out.append(Token(word, s, e))
    return out


def _is_boundary(text: str, end: int, match: str) -> bool:
    """Whether the punctuation ending at ``end`` closes a sentence."""
    if "\n" in match:
        return True
    j = end
    n = len(text)
    while j < n and text[j] in " \t\u00a0":
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    if match[-1] in "\"”’'" and nxt.islower():
        return False  # ...,” he said / ...!” she asked
    if match.startswith(".") and len(match.rstrip("\"”’')]")) == 1:
        # A single full stop: not after an abbreviation or initial.
        k = end - len(match)
        w = k
        while w > 0 and not text[w - 1].isspace() and text[w - 1] not in "(\"“":
            w -= 1
        word = text[w:k + 1]
        nxt_word = re.match(r"[\w’']+", text[j:])
        nxt_low = nxt_word.group().lower() if nxt_word else ""
        ends_anyway = nxt_low in SENTENCE_STARTERS and (
            word[:-1].lower() in ("inc", "co", "corp", "jr", "sr", "ltd", "u.s", "d.c", "p.m", "a.m")
            or (len(word) == 2 and word[0].isupper()))
        if _keeps_full_stop(word) and not ends_anyway:
            # An abbreviation followed by a capital is usually mid-sentence
            # ("Gov. Tim Walz"); a lower-case start always is.
            return False
    if nxt.islower():
        return False
    return True


class Sentences:
    """The sentence spans of a text, with lookup by offset."""

    def __init__(self, text: str):
        self.text = text
        spans = []
        start = 0
        for m in _SENTENCE_END_RE.finditer(text):
            if not _is_boundary(text, m.end(), m.group()):
                continue
            end = m.end() if "\n" not in m.group() else m.start()
            if text[start:end].strip():
                spans.append(strip_span(text, start, end))
            start = m.end()
        if text[start:].strip():
            spans.append(strip_span(text, start, len(text)))
        self.spans: list[tuple[int, int]] = spans
        self._starts = [s for s, _ in spans]

    def index_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (or the one before)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.spans[i]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
