"""Finding quotation spans: pairing quote marks without ever crashing.

News text mixes curly and straight marks, sometimes within one quote (an
opening “ closed by a straight "), uses ’ both as an apostrophe and as a
closing single mark, and continues long quotes over paragraphs by leaving the
closing mark off one paragraph and reopening the next. The pairing here works
paragraph by paragraph with a small state machine, using the curly shape as a
hint and the surrounding characters to decide what a straight mark does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”„«»″')
DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»″")
SINGLE_MARKS = frozenset("'‘’‚‹›`")
# Characters after which a mark starts a quote ("said, “...", "(“...").
OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;,\u00a0") | DOUBLE_MARKS | SINGLE_MARKS
# Characters before which a mark ends a quote ('...,” he', '...”.').
CLOSE_CONTEXT = frozenset(" \t\n)]}.,;:!?—–-…/\u00a0") | DOUBLE_MARKS | SINGLE_MARKS
# Elisions that start with an apostrophe: 'em, 'til, '90s.
LEADING_ELISIONS = ("em", "til", "tis", "twas", "cause", "round", "n ", "n’", "n'")
MAX_SINGLE_SPAN = 400  # a single-marked "quote" longer than this is mis-paired
# An embedded tag (<tweet author="@x" date="...">, <a href="...">): its
# attribute values are not quotations, and a value may even span lines.
MARKUP_TAG_RE = re.compile(r"<[A-Za-z/!][^<>]{0,1000}>")
_MARK_CHARS = DOUBLE_MARKS | SINGLE_MARKS


@dataclass
class QuoteSpan:
    """The words between one pair of marks (marks excluded)."""

    start: int
    end: int
    open_mark: str
    close_mark: str | None  # None: closed by the paragraph end
    single: bool = False  # delimited by single marks at top level
    continued: bool = False  # this paragraph reopens a quote left open above

    @property
    def unclosed(self) -> bool:
        return self.close_mark is None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; news paragraphs are lines."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        if text[pos:nl].strip():
            out.append((pos, nl))
        pos = nl + 1
    return out


def _before(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i - 1 >= lo else " "


def _after(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


DOUBLE_MARK_RE = re.compile("[\"“”„«»″]")
# With the typewriter pair: two apostrophes standing for a double mark, as in
# archive copy converted from ``...'' typesetting.
TYPEWRITER_MARK_RE = re.compile("''|[\"“”„«»″]")


def _double_role(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for the double mark text[i:j]."""
    left = text[i - 1] if i > lo else " "
    right = text[j] if j < hi else " "
    can_open = (left in OPEN_CONTEXT or left.isspace()) and not right.isspace()
    can_close = (right in CLOSE_CONTEXT or right.isspace()) and not left.isspace()
    if not can_open and not can_close:
        # Glued on both sides ('word"word') or alone: let the state decide.
        can_open = can_close = True
    return can_open, can_close


def _pair_doubles(text: str, lo: int, hi: int, marks: re.Pattern = DOUBLE_MARK_RE
                  ) -> tuple[list[tuple[int, int, str, str]], tuple[int, int] | None]:
    """Pair double marks (and the typewriter '' pair) in one paragraph.

    Returns the closed pairs as (content start, content end, open mark, close
    mark) and the (mark start, content start) of a quote left open at the
    paragraph end, if any.
    """
    pairs = []
    open_at: tuple[int, int] | None = None
    for m in marks.finditer(text, lo, hi):
        i, j = m.span()
        mark = m.group()
        can_open, can_close = _double_role(text, i, j, lo, hi)
        if open_at is None:
            if mark in DOUBLE_CLOSERS and not can_open:
                continue  # a stray closing mark: nothing to close
            if can_open or mark in DOUBLE_OPENERS or not can_close:
                open_at = (i, j)
            continue
        oi, oj = open_at
        if mark in DOUBLE_OPENERS and can_open and not can_close:
            # “ glued to the next word after a space: the previous quote lost
            # its closing mark; keep what it held, restart here.
            if i > oj:
                pairs.append((oj, _trim_end(text, oj, i), text[oi:oj], ""))
            open_at = (i, j)
            continue
        if mark in ('"', "''") and can_open and not can_close and i > oj:
            # A straight mark that can only open while one is open: the
            # first was a stray; restart here.
            open_at = (i, j)
            continue
        if i > oj:
            pairs.append((oj, i, text[oi:oj], mark))
        open_at = None
    return pairs, open_at


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    left, right = _before(text, i, lo), _after(text, i, hi)
    if left.isalnum() and right.isalnum():
        return True  # don’t, O’Hara, rock’n’roll
    if right.isdigit() and not left.isalnum():
        return True  # ’90s, '16
    if not left.isalnum():
        tail = text[i + 1:i + 6].lower()
        if any(tail.startswith(e) and not tail[len(e):len(e) + 1].isalpha() for e in LEADING_ELISIONS):
            return True
    return False


def _pair_singles(text: str, lo: int, hi: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Pair single marks in [lo, hi), ignoring apostrophes and possessives."""
    openers = []
    closers = []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in SINGLE_MARKS or _is_apostrophe(text, i, lo, hi):
            continue
        if ch == "'" and (_before(text, i, lo) == "'" or _after(text, i, hi) == "'"):
            continue  # half of a typewriter '' double mark
        left, right = _before(text, i, lo), _after(text, i, hi)
        if ch in "'‘‚‹`" and (left in OPEN_CONTEXT or left.isspace()) and not right.isspace():
            openers.append(i)
        elif ch in "'’›" and (right in CLOSE_CONTEXT or right.isspace()) and not left.isspace():
            closers.append(i)
    pairs = []
    used_to = lo
    for o in openers:
        if o < used_to:
            continue
        best = None
        for c in closers:
            if c <= o + 1:
                continue
            if c - o > MAX_SINGLE_SPAN:
                break
            if any(b0 < o < b1 <= c or o < b0 < c < b1 for b0, b1 in blocked):
                break  # would straddle a double-quoted span
            # students’ rights: a plural possessive, not a closing mark,
            # unless nothing better follows in the sentence.
            if text[c - 1] in "sS" and c + 2 < hi and text[c + 1] == " " and text[c + 2].islower():
                if best is None:
                    best = c
                continue
            best = c
            break
        if best is not None:
            pairs.append((o, best, text[o], text[best]))
            used_to = best + 1
    return pairs


def find_quote_spans(text: str, typewriter: bool = False) -> list[QuoteSpan]:
    """All top-level quotation spans in the text, in order.

    Single-marked spans nested inside double-marked ones are not returned:
    they are part of the outer quote. Top-level single-marked spans (headline
    style) are returned with ``single=True``. The typewriter pair ''...'' counts
    as a double mark only with ``typewriter=True`` (see docs/extraction.md).
    """
    spans: list[QuoteSpan] = []
    text = _mask_markup(text)
    paras = paragraphs(text)
    carry_open = False  # the previous paragraph left a double quote open
    for idx, (lo, hi) in enumerate(paras):
        pairs, open_at = _pair_doubles(text, lo, hi, TYPEWRITER_MARK_RE if typewriter else DOUBLE_MARK_RE)
        para_spans = []
        # A paragraph continuing a quote starts with an opening mark that the
        # pairing above handled as an ordinary opener; flag it.
        for o, c, om, cm in pairs:
            para_spans.append(QuoteSpan(o, c, om, cm or None))
        if open_at is not None:
            end = _trim_end(text, open_at[1], hi)
            if end > open_at[1]:
                para_spans.append(QuoteSpan(open_at[1], end, text[open_at[0]:open_at[1]], None))
        if carry_open and para_spans and para_spans[0].start - len(para_spans[0].open_mark) == _first_nonspace(text, lo, hi):
            para_spans[0].continued = True
        carry_open = open_at is not None and idx + 1 < len(paras) and _opens_with_mark(text, *paras[idx + 1])
        blocked = [(s.start - len(s.open_mark), s.end + len(s.close_mark or "")) for s in para_spans]
        if not typewriter and "''" in text[lo:hi]:
            # Single marks nested in an unreported ''...'' quote are not
            # quotes of their own.
            tw_pairs, tw_open = _pair_doubles(text, lo, hi, TYPEWRITER_MARK_RE)
            blocked += [(o - 2, c + 2) for o, c, om, _ in tw_pairs if om == "''"]
            if tw_open is not None and text[tw_open[0]:tw_open[1]] == "''":
                blocked.append((tw_open[0], hi))
        for o, c, om, cm in _pair_singles(text, lo, hi, blocked):
            if not any(b0 <= o < b1 for b0, b1 in blocked):
                para_spans.append(QuoteSpan(o + 1, c, om, cm, single=True))
        para_spans.sort(key=lambda s: s.start)
        spans.extend(s for s in para_spans if text[s.start:s.end].strip())
    return spans


def _mask_markup(text: str) -> str:
    """The text with the quote marks inside markup tags blanked out; offsets
    are unchanged, so spans found in the result index the original."""
    if "<" not in text:
        return text
    return MARKUP_TAG_RE.sub(lambda m: "".join(" " if ch in _MARK_CHARS else ch for ch in m.group()), text)


def _first_nonspace(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


def _opens_with_mark(text: str, lo: int, hi: int) -> bool:
    i = _first_nonspace(text, lo, hi)
    return i < hi and text[i] in DOUBLE_MARKS
