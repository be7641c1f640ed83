"""Text normalisation and tokenisation shared by the index and the matcher.

Matching works on *word tokens*, never on raw characters: a word token is a
run of letters/digits, folded to lower case with accents stripped and inner
apostrophes removed ("Don't" and "dont" and "DON’T" are one token "dont").
Quote marks, dashes, punctuation and white space therefore never matter.

Token offsets always refer to the *original* string, so differences can be
reported as spans the caller can highlight.

The query side additionally understands editorial marks:

* an ellipsis (``...``, ``. . .``, ``…``) means "words left out here" and
  becomes a gap the aligner may skip source words across;
* ``[sic]`` is dropped;
* ``[T]he`` (a bracket glued to a word) is a changed letter: the brackets are
  dropped and the word kept;
* a free-standing bracket (``[the president]``) stands in for words of the
  original and becomes a gap, like an ellipsis.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# A word: a run of letters, digits and apostrophes; apostrophes are then
# dropped, so contractions stay one word ("don't" -> "dont") and a stray
# quote mark never splits or creates a word. A comma or point between digits
# and a point between single letters join too, so "$278,000" / "278000" and
# "N.J." / "NJ" / "U.S.A." / "USA" match.
_APOSTROPHE_CHARS = "'\u2019\u02bc\u2018"
_W = r"[^\W_]|['\u2019\u02bc\u2018]"  # a word character or an apostrophe
_L = r"[^\W\d_]"  # a letter
_WORD = re.compile(
    rf"(?:{_W}|(?<=\d)[.,](?=\d)|(?<=(?<!{_W}){_L})\.(?={_L}(?!{_W})))+"
)
# The same two joining rules on the marker-byte form ``tokens`` works on.
# (there \x01 marks a point, \x03 a comma and \x02 an apostrophe)
# Both start with the marker so the regex engine skips quickly to candidates.
_JOIN_DIGITS = re.compile(rb"[\x01\x03](?<=[0-9][\x01\x03])(?=[0-9])")
_JOIN_INITIALS = re.compile(rb"\x01(?<=(?<![a-z0-9\x02])[a-z]\x01)(?=[a-z](?![a-z0-9\x02]))")
_JOINERS = str.maketrans("", "", _APOSTROPHE_CHARS + ".,")
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")

# Tokens whose presence flips the meaning of a statement. Contractions are
# listed without their apostrophe, as tokenisation produces them.
NEGATIONS = frozenset(
    """not no never none nobody nothing nowhere neither nor cannot without
    noone nary ain aint cant dont wont isnt arent wasnt werent didnt doesnt
    hasnt havent hadnt couldnt shouldnt wouldnt mustnt neednt shant mightnt
    darent""".split()
)

NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred thousand million
    billion trillion half percent first second third dozen""".split()
)


def fold(word: str) -> str:
    """One word to its matching form: case-folded, accents and apostrophes
    stripped. Kept cheap for the ASCII case, which is nearly all of them."""
    if word.isascii():
        return word.lower().translate(_JOINERS)
    return _fold_chars(word).translate(_JOINERS)


def _fold_chars(text: str) -> str:
    # casefold again after NFKD: compatibility forms can decompose to
    # capitals ("ᴬ" -> "A")
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _is_word_char(c: str) -> bool:
    return bool(re.fullmatch(r"[^\W_]", c))


def _fast_table() -> dict[int, str | None]:
    """A str.translate table that turns a text into space-separated words in
    one C-level pass: ASCII punctuation becomes a space, apostrophes vanish,
    and common non-ASCII characters (accented Latin letters, curly quotes,
    dashes) fold to ASCII. A non-ASCII character is only listed when folding
    keeps it a word character (or a non-word one), so the result equals the
    per-word ``fold`` of the regex path exactly; anything else stays
    non-ASCII and sends the text down that slower path."""
    table: dict[int, str | None] = {}
    for cp in range(0x2100):
        c = chr(cp)
        if c in _APOSTROPHE_CHARS:
            table[cp] = "\x02"
        elif c in ".,":
            table[cp] = "\x01" if c == "." else "\x03"  # may join: see tokens()
        elif cp < 0x80:
            if not _is_word_char(c):
                table[cp] = " "
        else:
            if not _is_word_char(c):
                table[cp] = " "  # punctuation, dashes, quote marks, spaces
                continue
            f = _fold_chars(c)
            # one ASCII character of the same class (digit / letter), or the
            # joining rules would differ: "ß" -> "ss", "²" -> "2" stay slow
            same_class = re.fullmatch(r"\d", c) if f.isdigit() else re.fullmatch(r"[^\W\d_]", c)
            if len(f) == 1 and f.isascii() and _is_word_char(f) and same_class:
                table[cp] = f
    return table


_FAST = _fast_table()
# The same for pure-ASCII text as a bytes table: bytes.translate is a plain
# C loop, many times quicker than str.translate with a dict.
_ASCII_TABLE = bytes(
    ord(c.lower()) if _is_word_char(c) else 1 if c == "." else 3 if c == "," else 2 if c == "'" else ord(" ")
    for c in map(chr, range(256))
)


def tokens(text: str) -> list[str]:
    """The normalised word tokens of a text, as ``tokens_with_spans`` gives
    them, without offsets: the start-up path, about 5x quicker than the regex.

    Points and commas become a marker byte first. Followed by a space or at
    either end they only separate words; inside a run (a number, initials,
    "end.Next") the two joining rules decide (only ~8% of texts have one).
    White space is ASCII-only here: other spaces were translated to " "."""
    if text.isascii():
        b = text.encode().translate(_ASCII_TABLE)
    else:
        f = text.translate(_FAST)
        if not f.isascii():
            return _slow_tokens(text)
        b = f.lower().encode()
    b = b.replace(b"\x01 ", b" ").replace(b"\x03 ", b" ").strip(b"\x01\x03")
    if b"\x01" in b or b"\x03" in b:
        b = _JOIN_INITIALS.sub(b"", _JOIN_DIGITS.sub(b"", b))
        b = b.replace(b"\x01", b" ").replace(b"\x03", b" ")
    return b.replace(b"\x02", b"").decode().split()


def _slow_tokens(text: str) -> list[str]:
    return [t for t in map(fold, _WORD.findall(text)) if t]


def tokens_with_spans(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normalised tokens and the (start, end) offset of each in ``text``."""
    toks: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        t = fold(m.group())
        if t:
            toks.append(t)
            spans.append(m.span())
    return toks, spans


def normalise(text: str) -> str:
    """The canonical comparison form of a text: its tokens joined by spaces.
    Idempotent: normalise(normalise(x)) == normalise(x)."""
    return " ".join(tokens(text))


def is_negation(token: str) -> bool:
    return token in NEGATIONS


def is_number(token: str) -> bool:
    return token.isdigit() or token in NUMBER_WORDS or (
        token[:1].isdigit() and token.rstrip("stndrh").isdigit()  # 1st, 22nd
    )


@dataclass
class Query:
    """A parsed user query: its tokens, their offsets in the query string, and
    the gaps (ellipses, editorial brackets) that split it into segments which
    must appear in order in the source, with anything allowed in between."""

    text: str
    tokens: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    # token indices where a new segment starts (a gap precedes that token)
    breaks: list[int] = field(default_factory=list)

    def segments(self) -> list[tuple[int, int]]:
        """(start, end) token ranges between gaps, empty ranges dropped."""
        bounds = [0, *self.breaks, len(self.tokens)]
        return [(s, e) for s, e in zip(bounds, bounds[1:]) if e > s]


def parse_query(text: str) -> Query:
    """Tokenise a query, turning ellipses and editorial brackets into gaps.

    Brackets and ellipses are blanked out with spaces (not removed) so token
    offsets still index the caller's original string.
    """
    chars = list(text)
    gap_at: list[int] = []  # character offsets where a gap sits

    for m in _BRACKET.finditer(text):
        s, e = m.span()
        inner = m.group(1).strip().lower()
        glued = (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum())
        if glued and inner and " " not in inner:
            # "[T]he", "walk[ed]": an editorial letter change inside a word.
            # Drop just the brackets; join the pieces into one word below.
            chars[s] = "\x00"
            chars[e - 1] = "\x00"
            continue
        for i in range(s, e):
            chars[i] = " "
        if inner not in ("sic", "sic!", ""):
            gap_at.append(s)
    for m in _ELLIPSIS.finditer(text):
        for i in range(*m.span()):
            chars[i] = " "
        gap_at.append(m.start())

    cleaned = "".join(chars)
    q = Query(text=text)
    if "\x00" in cleaned:
        # Glued brackets: tokenise without the markers, then map offsets back.
        stripped, index = [], []
        for i, c in enumerate(cleaned):
            if c != "\x00":
                stripped.append(c)
                index.append(i)
        index.append(len(cleaned))
        toks, spans = tokens_with_spans("".join(stripped))
        spans = [(index[s], index[e - 1] + 1) for s, e in spans]
    else:
        toks, spans = tokens_with_spans(cleaned)
    q.tokens, q.spans = toks, spans
    breaks = set()
    for g in gap_at:
        # the first token starting after the gap begins a new segment
        k = next((i for i, (s, _) in enumerate(spans) if s >= g), len(toks))
        if 0 < k < len(toks):
            breaks.add(k)
    q.breaks = sorted(breaks)
    return q
