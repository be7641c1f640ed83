"""The speaker phrase record and the small word tools every reader shares."""
from __future__ import annotations

import re
from dataclasses import dataclass

PARTICLES = frozenset("de del della der van von la le du da di dos bin al el st. st mac ter ten".split())
POSSESSIVE_RE = re.compile(r"[’']s?$")
MAX_NAME_TOKENS = 5
MAX_TITLE_TOKENS = 8


# Words that end a phrase or are never part of a title or descriptor.
FUNCTION_WORDS = frozenset(
    """the a an of and or but in on at to for with by from as that who which whose said says told
    is was are were be been has have had will would not no like than also just when where while if
    because should could might must can may shall did does do""".split()
)



@dataclass
class Mention:
    """A speaker phrase as found in the text."""

    kind: str  # name | pronoun | title | descriptor | organisation | thing
    text: str  # the words used
    start: int
    end: int
    name: str | None = None  # the person's name as written ("Jacob Frey", "Frey")
    title: str | None = None
    head: str | None = None  # head noun of a descriptor or title ("official", "governor")
    possessive: bool = False
    generic: bool = False  # a descriptor whose head noun is not a known role word


def strip_possessive(word: str) -> str:
    return POSSESSIVE_RE.sub("", word) if len(word) > 2 else word
