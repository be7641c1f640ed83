"""The people a document names, for resolving short and pronoun mentions."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import FEMALE_FIRST_NAMES, FEMALE_PRONOUNS, FIRST_NAMES, HONORIFICS, MALE_FIRST_NAMES, MALE_PRONOUNS, TITLE_NOUNS
from .mentions import PARTICLES, strip_possessive


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    first_seen: int = 0
    known_first: bool = False  # the first word is a known first name
    alone: int = 0  # times the surname stands alone later ("Frey said")
    speaks: bool = False  # the subject of a cue verb somewhere ("Hendler warned", "said Hendler")


class NameRegistry:
    """The people a document names, for resolving short and pronoun mentions."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.by_word: dict[str, list[Person]] = {}  # surname / first name -> people
        self.by_title: dict[str, list[tuple[int, Person]]] = {}  # "mayor" -> people with offsets

    def add(self, name: str, offset: int, title: str | None = None, gender: str | None = None) -> Person:
        words = [w for w in name.split() if w]
        key = name
        person = self.people.get(key)
        if person is None:
            # A longer form of a known person ("Donald J. Trump" vs "Donald Trump")
            for p in self.people.values():
                pw = p.name.split()
                if pw[0] == words[0] and pw[-1] == words[-1]:
                    person = p
                    break
        if person is None:
            person = Person(name, first_seen=offset)
            self.people[key] = person
            for w in words:
                if w.lower() in PARTICLES or (len(w) <= 2 and w.endswith(".")):
                    continue
                self.by_word.setdefault(w.lower(), []).append(person)
            first = words[0].lower()
            if gender is None and first in FEMALE_FIRST_NAMES:
                gender = "female"
            elif gender is None and first in MALE_FIRST_NAMES:
                gender = "male"
            person.known_first = first in FIRST_NAMES
        if gender and not person.gender:
            person.gender = gender
        if title:
            person.titles.append(title)
            for w in title.replace(".", ". ").split():
                noun = TITLE_NOUNS.get(w.lower()) or TITLE_NOUNS.get(w.lower().rstrip("."))
                if noun:
                    self.by_title.setdefault(noun, []).append((offset, person))
        return person

    def lookup(self, word: str) -> Person | None:
        """A person a single word (surname or first name) refers to."""
        cands = self.by_word.get(strip_possessive(word).lower())
        if not cands:
            return None
        # Prefer the person for whom the word is the surname.
        for p in cands:
            if p.name.split()[-1].lower() == strip_possessive(word).lower():
                return p
        return cands[0]

    def resolve_name(self, name: str) -> str:
        """The canonical name for a written name ("Frey" -> "Jacob Frey")."""
        words = name.split()
        if not words:
            return name
        if words[0].lower() in HONORIFICS:
            words = words[1:] or words
        if len(words) == 1:
            p = self.lookup(words[0])
            return p.name if p else words[0]
        p = self.people.get(" ".join(words))
        if p:
            return p.name
        for cand in self.people.values():
            cw = cand.name.split()
            if cw[0] == words[0] and cw[-1] == words[-1]:
                return cand.name
        return " ".join(words)

    def by_title_before(self, noun: str, offset: int) -> Person | None:
        best = None
        for off, p in self.by_title.get(noun, []):
            if off <= offset:
                best = p
        if best is None and self.by_title.get(noun):
            best = self.by_title[noun][0][1]
        return best

    def plausible(self, name: str) -> bool:
        """Whether a registered name looks like a person rather than a place
        or organisation: a title, a known first name, a gender learned from
        the text, or its surname used alone."""
        p = self.people.get(name)
        if p is None:
            return False
        return bool(p.titles or p.known_first or p.gender or p.alone or p.speaks or len(p.name.split()) == 1)

    def gender_of(self, name: str) -> str | None:
        p = self.people.get(name)
        return p.gender if p else None


def honorific_gender(words: list[str]) -> str | None:
    if words and words[0].lower() in HONORIFICS:
        return HONORIFICS[words[0].lower()]
    return None
