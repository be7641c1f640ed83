"""Deciding whether two ways of naming a speaker name the same person.

"Governor Walz", "Gov. Tim Walz", "Walz", "tim walz" and "Tim Walz" are one
person: titles and honorifics are dropped, case and accents ignored, and a
bare surname matches any full name with that surname. Two full names match
when first and last names agree (middle names and initials are ignored), so
"Donald Trump" matches "Donald J. Trump" but "Tim Walz" does not match
"Mary Walz". Organisations and descriptors ("the White House") compare whole.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles and honorifics that may precede a name (lower case, no dots).
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend
    father pastor rabbi imam president vice vp gov governor lt lieutenant sen
    senator rep representative congressman congresswoman congressmember
    mayor secretary sec minister pm prime chancellor attorney general ag
    judge justice chief speaker leader majority minority commissioner
    councilman councilwoman councilmember chair chairman chairwoman
    ambassador former state us u s the candidate nominee gen col maj capt sgt
    adm king queen prince princess pope st saint""".split()
)
SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def name_parts(name: str) -> list[str]:
    """The words of a person's name without titles, initials or suffixes."""
    return list(_name_parts(name))


@lru_cache(maxsize=65536)  # a few thousand speakers recur across requests
def _name_parts(name: str) -> tuple[str, ...]:
    words = [w.replace("\u2019", "'") for w in _WORDS.findall(_fold(name))]
    # Strip leading titles only: "Gov. Tim Walz" -> tim walz, but a surname
    # that happens to be a title word later on ("John King") is kept.
    i = 0
    while i < len(words) - 1 and words[i] in TITLES:
        i += 1
    words = words[i:]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return tuple(w for w in words if len(w) > 1 or len(words) == 1)


def same_speaker(claimed: str | None, actual: str | None) -> bool:
    """Whether a claimed speaker names the actual speaker."""
    if not claimed or not actual:
        return False
    a, b = _name_parts(claimed), _name_parts(actual)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        # a bare surname (or single name) against a full name
        return a[-1] == b[-1]
    return a[0] == b[0] and a[-1] == b[-1]


@lru_cache(maxsize=65536)
def speaker_key(name: str | None) -> str:
    """A grouping key: speakers with equal keys are one speaker when counting
    how many different people said a phrase."""
    if not name:
        return ""
    parts = _name_parts(name)
    if len(parts) >= 2:
        return f"{parts[0]} {parts[-1]}"
    return " ".join(parts) or _fold(name).strip()
