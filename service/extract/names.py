"""Who a noun phrase names: people, titles, organisations, descriptors.

``parse_np_backward`` / ``parse_np_forward`` read the speaker phrase on either
side of a cue verb; ``NameRegistry`` collects the people a document names in
full so that later mentions ("Frey", "Mr. Obama", "the governor", "he") can
be resolved to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    DESCRIPTOR_HEADS, DETERMINERS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, FEMALE_PRONOUNS, HONORIFICS, MALE_PRONOUNS,
    NOT_NAME_WORDS, NUMBER_WORDS, ORG_HEADS, ORG_NAME_WORDS, ROLE_MODIFIERS, SUBJECT_PRONOUNS,
    TITLE_NOUNS, TITLE_WORDS,
)
from .sentences import Token

PARTICLES = frozenset("de del della der van von la le du da di dos bin al el st. st mac ter ten".split())
POSSESSIVE_RE = re.compile(r"[’']s?$")
MAX_NAME_TOKENS = 5
MAX_TITLE_TOKENS = 8


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


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper()


def _is_name_token(tok: Token) -> bool:
    """A capitalised word that may be part of a person's name."""
    t = tok.text
    if not t or not t[0].isupper():
        return False
    low = POSSESSIVE_RE.sub("", t.lower())
    if len(low) > 2:
        low = low.rstrip(".")
    if low in NOT_NAME_WORDS:
        return False
    if t.isupper() and len(t) > 2 and not t.endswith("."):
        return False  # an acronym (CNN, ICE), not a name
    return True


_NAME_EXCEPTIONS = frozenset("fleming channing manning browning kipling stribling kelly reilly".split())


_RUN_BREAKERS = frozenset(
    """the a an in on at of for and but or nor so yet if when while as by with from to into after before
    during since until about over under against between through this that these those it its i we you
    he she they his her their our my your there here what who whom which why how not no yes""".split()
)


def _is_cap_word(tok: Token) -> bool:
    """Any capitalised word that may sit inside a title-and-name run
    ("Monmouth University political scientist Patrick Murray")."""
    t = tok.text
    if not t or not t[0].isupper():
        return False
    return POSSESSIVE_RE.sub("", t.lower()) not in _RUN_BREAKERS


_CAPS_WORDS = frozenset(
    """THE OF FOR AND HOW WHAT WHY WHO OUT NEW LAST ROLL RED OTHER TURNS IS IN ON AT TO A AN BY WITH
    OK US IT AS BE OR NOT NO YES ALL""".split()
)


def _is_caps(tok: Token | None) -> bool:
    return tok is not None and len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper()


def _is_acronym_at(tokens: list[Token], i: int) -> bool:
    """CNN, NBC, ICE, AP: an organisation named by its initials -- but not a
    word of an all-capitals headline, nor a dateline credit "(AFP)"."""
    tok = tokens[i]
    t = POSSESSIVE_RE.sub("", tok.text) if len(tok.text) > 3 else tok.text
    if not (2 <= len(t) <= 6 and t.isalpha() and t.isupper()) or t in _CAPS_WORDS:
        return False
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if _is_caps(prev) or _is_caps(nxt) or (prev is not None and prev.text == "("):
        return False
    return True


def _is_title_token(tok: Token) -> bool:
    return tok.lower in TITLE_WORDS


def strip_possessive(word: str) -> str:
    return POSSESSIVE_RE.sub("", word) if len(word) > 2 else word


def split_title(words: list[str]) -> tuple[str | None, list[str]]:
    """Split a capitalised run into (title, name words).

    "Minneapolis Mayor Jacob Frey" -> ("Minneapolis Mayor", ["Jacob", "Frey"]);
    the title is everything up to the last title word.
    """
    last = -1
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLE_WORDS:
            last = i
    if last < 0:
        return None, words
    return " ".join(words[: last + 1]), words[last + 1:]


def looks_like_org(words: list[str]) -> bool:
    lows = [strip_possessive(w).lower() for w in words]
    if any(w in ORG_NAME_WORDS for w in lows):
        return True
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True  # CNN, ICE, NBC
    return False


def _collect_back(tokens: list[Token], end: int, lo: int) -> int:
    """Start index of the capitalised run (name, with title) ending at end-1."""
    i = end
    while i > lo:
        tok = tokens[i - 1]
        low = tok.lower
        if _is_name_token(tok) or _is_title_token(tok) or (low in PARTICLES and i < end) \
                or (_is_cap_word(tok) and i < end):
            i -= 1
            continue
        if low in ROLE_MODIFIERS:
            i -= 1
            continue
        break
    return i


# Capitalised verbs that open sentences ("Wrote Frey:", "Said Smith") and so
# sit in front of names without being part of them.
LEADING_VERBS = frozenset("said says wrote writes added adds asked asks told tells tweeted".split())


def _name_part(words: list[str]) -> list[str]:
    """The trailing words of a run that can form a person's name."""
    out: list[str] = []
    for w in reversed(words):
        low = strip_possessive(w).lower()
        ok = w[:1].isupper() and low not in NOT_NAME_WORDS and low not in LEADING_VERBS \
            and not (w.isupper() and len(w) > 2 and not w.endswith(".")) or (low in PARTICLES and out)
        if not ok:
            break
        out.append(w)
    out.reverse()
    while out and out[0].lower() in PARTICLES:
        out.pop(0)
    # Names run to three words besides initials ("Jock A. Finlayson"); a longer
    # capitalised run is a headline or an organisation.
    full = [w for w in out if not (len(w) == 2 and w.endswith("."))]
    while len(full) > 3:
        drop = out.pop(0)
        if drop in full:
            full.remove(drop)
    return out


def _mention_from_run(tokens: list[Token], s: int, e: int) -> Mention | None:
    """A mention from tokens[s:e], a run of title words and a name."""
    words = [t.text for t in tokens[s:e]]
    if not words:
        return None
    possessive = len(words[-1]) > 2 and words[-1][-2:] in ("’s", "'s")
    if possessive:
        words[-1] = strip_possessive(words[-1])
    text = " ".join(words)
    start, end = tokens[s].start, tokens[e - 1].end
    last_title = -1
    for i, w in enumerate(words[:-1]):
        low = w.lower()
        if low in TITLE_WORDS or low in ROLE_MODIFIERS or not w[:1].isupper():
            last_title = i
    if words[-1].lower() in TITLE_WORDS and not words[-1][:1].isupper():
        last_title = len(words) - 1
    rest = words[last_title + 1:]
    name_words = _name_part(rest)
    title = " ".join(words[:last_title + 1]) or None
    if title and len(name_words) < len(rest):
        title = None  # something between the title and the name: not one phrase
    if not name_words:
        if title is None and words[-1].lower() in TITLE_WORDS:
            title = text
        if title is None:
            if looks_like_org(rest):
                return Mention("organisation", " ".join(rest), start, end, possessive=possessive)
            return None
        head = TITLE_NOUNS.get(words[-1].lower(), words[-1].lower())
        return Mention("title", text, start, end, title=title, head=head, possessive=possessive)
    if looks_like_org(rest):
        return Mention("organisation", " ".join(rest), start, end, possessive=possessive)
    name = " ".join(name_words)
    return Mention("name", text, start, end, name=name, title=title, possessive=possessive)


def _descriptor_back(tokens: list[Token], end: int, lo: int) -> Mention | None:
    """A descriptor or organisation phrase ending at tokens[end-1] ("a state official")."""
    head = tokens[end - 1]
    hl = strip_possessive(head.lower)
    is_desc = hl in DESCRIPTOR_HEADS
    is_org = hl in ORG_HEADS and not (hl in CAPITALISED_ORG_HEADS and head.text[:1].islower())
    if not (is_desc or is_org):
        # "the designer said": a short determiner phrase right before a cue.
        k = end - 1
        while k > lo and end - k <= 4 and tokens[k].text.isalpha() and tokens[k].text.islower() \
                and tokens[k].lower not in DETERMINERS and tokens[k].lower not in _FUNCTION_WORDS:
            k -= 1
        if k < end - 1 and tokens[k].lower in ("the", "a", "an", "one", "another") and head.text.isalpha() \
                and head.text.islower() and hl not in DOCUMENT_HEADS:
            text = " ".join(t.text for t in tokens[k:end])
            return Mention("descriptor", text, tokens[k].start, head.end, head=hl, generic=True)
        return None
    i = end - 1
    # Walk back over modifiers to a determiner ("one of the city officials").
    while i > lo and end - i < MAX_TITLE_TOKENS:
        prev = tokens[i - 1]
        pl = prev.lower
        if pl in DETERMINERS or pl in ("’s", "'s") or (prev.text[:1].isupper() and prev.text.endswith(("’s", "'s"))):
            i -= 1
            if i > lo + 1 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in NUMBER_WORDS | {"one"}:
                i -= 2  # "one of the city officials"
            break
        if prev.text[:1].isalpha() and pl not in ("and", "or", "said", "says") and not _ends_clause(pl):
            i -= 1
            continue
        break
    words = [t.text for t in tokens[i:end]]
    first = words[0].lower()
    possessor = words[0][:1].isupper() and words[0].endswith(("’s", "'s"))
    if first not in DETERMINERS and first != "one" and not possessor and not (is_org and words[0][:1].isupper()):
        if not (len(words) == 1 and is_org and words[0][:1].isupper()):
            # A bare plural ("officials said", "Republican lawmakers said") is
            # still a descriptor: the head and the capitalised words before it.
            if not (is_desc and hl.endswith("s")):
                return None
            i = end - 1
            while i > lo and end - i < 4 and tokens[i - 1].text[:1].isupper() and tokens[i - 1].text.isalpha():
                i -= 1
            words = [t.text for t in tokens[i:end]]
    text = " ".join(words)
    if is_org and not is_desc:
        return Mention("organisation", text, tokens[i].start, head.end, head=hl)
    return Mention("descriptor", text, tokens[i].start, head.end, head=hl.rstrip("s") if hl.endswith("s") and hl not in ("press",) else hl)


def _ends_clause(word: str) -> bool:
    return word in ("that", "who", "which", "because", "but", "if", "when", "while", "as", "after",
                    "before", "since", "though", "although", "where", "whether", "than", "then")


def parse_np_backward(tokens: list[Token], end: int, lo: int = 0) -> Mention | None:
    """The speaker phrase ending just before tokens[end] (adverbs already skipped)."""
    if end <= lo:
        return None
    tok = tokens[end - 1]
    low = tok.lower
    if low in SUBJECT_PRONOUNS:
        return Mention("pronoun", tok.text, tok.start, tok.end)
    if low in ("who", "which", "that") or low in ("statement", "post", "tweet", "letter"):
        return Mention("thing", tok.text, tok.start, tok.end, head=low)
    if tok.text == ")":
        # Sen. Amy Klobuchar (D-Minn.) said: skip the parenthesis.
        j = end - 1
        while j > lo and tokens[j].text != "(" and end - j < 12:
            j -= 1
        if tokens[j].text == "(":
            inner = parse_np_backward(tokens, j, lo)
            return inner
        return None
    if tok.text == ",":
        return _appositive_back(tokens, end, lo)
    if _is_acronym_at(tokens, end - 1) and not (end - 1 > lo and (_is_cap_word(tokens[end - 2]) or _is_title_token(tokens[end - 2]))):
        return Mention("organisation", tok.text, tok.start, tok.end)
    if _is_name_token(tok) or _is_title_token(tok):
        s = _collect_back(tokens, end, lo)
        s = max(s, end - MAX_NAME_TOKENS - MAX_TITLE_TOKENS)
        m = _mention_from_run(tokens, s, end)
        if m and m.kind == "title" and s > lo and tokens[s - 1].lower in DETERMINERS:
            m = Mention("title", f"{tokens[s - 1].text} {m.text}", tokens[s - 1].start, m.end,
                        title=m.title, head=m.head)
        return m
    return _descriptor_back(tokens, end, lo)


def _appositive_back(tokens: list[Token], end: int, lo: int) -> Mention | None:
    """"Abigail Jackson, a White House spokesperson," + said: name plus title."""
    # tokens[end-1] is the comma closing the appositive; find the opening one.
    j = end - 2
    while j > lo and tokens[j].text != "," and end - j < 25:
        if tokens[j].text in ".;:“”\"":
            return None
        j -= 1
    if j <= lo or tokens[j].text != ",":
        return None
    appos = tokens[j + 1:end - 1]
    if not appos:
        return None
    if len(appos) <= 3 and _PARTY_TAG_RE.match("".join(t.text for t in appos)):
        return parse_np_backward(tokens, j, lo)  # "Mitch McConnell, R-Ky., said"
    first = appos[0].lower
    # "her senior policy adviser, Jake Sullivan, said": the name is the
    # appositive and the phrase before it the title.
    if appos[0].text[:1].isupper() and all(_is_name_token(t) for t in appos) and len(appos) <= 4:
        name = _mention_from_run(tokens, j + 1, end - 1)
        if name is not None and name.kind == "name":
            before = parse_np_backward(tokens, j, lo)
            if before is not None and before.kind in ("descriptor", "title"):
                name.title = _clean_title(before.text)
                name.start = before.start  # the phrase runs from the title
                return name
            if before is None or before.kind != "name":
                return None  # "the state capital, Sacramento,": a place
    if not (first in DETERMINERS or first.isdigit() or first in ROLE_MODIFIERS or first in ("who", "whose", "the")
            or first in TITLE_WORDS or first in ("of", "from", "then")):
        return None
    head = parse_np_backward(tokens, j, lo)
    if head is None or head.kind not in ("name", "organisation", "descriptor", "title"):
        return None
    # "Marty West, a professor who worked for Sen. Lamar Alexander (R-Tenn.),
    # one of the bill's architects, called": the phrase found is an object
    # inside an earlier appositive; the speaker is before that one.
    hs = _token_at(tokens, head.start, lo, j)
    if hs is not None and hs > lo and tokens[hs - 1].text[:1].islower() and tokens[hs - 1].lower not in DETERMINERS:
        k = hs - 1
        while k > lo and tokens[k].text != "," and hs - k < 25:
            k -= 1
        if k > lo and tokens[k].text == ",":
            outer = parse_np_backward(tokens, k, lo)
            if outer is not None and outer.kind == "name":
                return outer
    if first in ("who", "whose"):
        return head
    title = " ".join(t.text for t in appos)
    if head.kind == "name" and not first.isdigit():
        head.title = _clean_title(title)
    head.end = tokens[end - 2].end
    return head


def _token_at(tokens: list[Token], offset: int, lo: int, hi: int) -> int | None:
    for k in range(lo, hi):
        if tokens[k].start == offset:
            return k
    return None


# Organisation heads only when capitalised ("Fox News", not "the news").
CAPITALISED_ORG_HEADS = frozenset(
    "news times post journal tribune daily herald globe review press service services fund trust club".split()
)
# Things that "say" ("the letter says"): the author is the speaker, not them.
DOCUMENT_HEADS = frozenset(
    """statement post tweet letter release email memo message note report ad advertisement video filing
    complaint lawsuit suit ruling order opinion editorial article story book speech remarks transcript
    headline caption website site page account sign banner poster slogan petition document survey poll
    study plan bill law proposal question answer""".split()
)
_PARTY_TAG_RE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")


def _clean_title(title: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", title.strip(" ,")).strip() or title


def parse_np_forward(tokens: list[Token], i: int, hi: int) -> Mention | None:
    """The speaker phrase starting at tokens[i] ("said a state official, who")."""
    if i >= hi:
        return None
    tok = tokens[i]
    low = tok.lower
    if low in SUBJECT_PRONOUNS:
        return Mention("pronoun", tok.text, tok.start, tok.end)
    if _is_acronym_at(tokens, i) and not (i + 1 < hi and (
            _is_name_token(tokens[i + 1]) or _is_title_token(tokens[i + 1]) or tokens[i + 1].lower in ROLE_MODIFIERS
            or _bridges_to_name(tokens, i + 1, hi))):
        return Mention("organisation", tok.text, tok.start, tok.end)  # CNN, but "RNC spokesman Sean Spicer"
    # Capitalised run: title + name, maybe an appositive after a comma.
    if _is_name_token(tok) or _is_title_token(tok) or low in ROLE_MODIFIERS or _is_cap_word(tok):
        j = i
        while j < hi and j - i < MAX_NAME_TOKENS + MAX_TITLE_TOKENS and (
                _is_name_token(tokens[j]) or _is_title_token(tokens[j]) or tokens[j].lower in ROLE_MODIFIERS
                or _is_cap_word(tokens[j])
                or (tokens[j].lower in PARTICLES and j > i) or _ORDINAL_RE.match(tokens[j].text)
                or _bridges_to_name(tokens, j, hi)):
            j += 1
            if POSSESSIVE_RE.search(tokens[j - 1].text) and tokens[j - 1].text[-2:] in ("’s", "'s"):
                break
        if j > i:
            m = _mention_from_run(tokens, i, j)
            if m is not None:
                _attach_forward_appositive(m, tokens, j, hi)
                return m
    if low in DETERMINERS or low in NUMBER_WORDS:
        return _descriptor_forward(tokens, i, hi)
    return None


_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")
_FUNCTION_WORDS = frozenset(
    """the a an of and or but in on at to for with by from as that who which whose said says told
    is was are were be been has have had will would not no like than also just""".split()
)


def _bridges_to_name(tokens: list[Token], j: int, hi: int) -> bool:
    """A lower-case role noun between capitalised words ("Monmouth University
    political scientist Patrick Murray")."""
    t = tokens[j]
    if not t.text.replace("-", "").isalpha() or not t.text.islower() or t.lower in _FUNCTION_WORDS:
        return False
    core = t.lower.split("-")[-1]
    if not (core in ROLE_MODIFIERS or core in DESCRIPTOR_HEADS or core in TITLE_WORDS
            or (core.endswith(("ist", "ian", "er", "or", "ant", "ent", "ary", "ee")) and not core.endswith("ed"))):
        return False  # a verb or other word, not part of a title ("criticized", "met")
    for k in range(j + 1, min(hi, j + 3)):
        nt = tokens[k]
        if _is_name_token(nt):
            return True
        if not nt.text.isalpha() or nt.lower in _FUNCTION_WORDS:
            return False
    return False


def _attach_forward_appositive(m: Mention, tokens: list[Token], j: int, hi: int) -> None:
    """"said Abou Amara, a civil rights lawyer and activist in Minneapolis"."""
    k = j
    if k < hi and tokens[k].text == "(":
        while k < hi and tokens[k].text != ")":
            k += 1
        k += 1
    if m.kind != "name" or k >= hi or tokens[k].text != ",":
        return
    k += 1
    if k >= hi:
        return
    first = tokens[k].lower
    if not (first in ("a", "an", "the") or first in ROLE_MODIFIERS or first in TITLE_WORDS):
        return
    e = k
    while e < hi and tokens[e].text not in (",", ".", ";", ":", "“", "”", '"', "—", "–", "(") and e - k < 25:
        if tokens[e].lower in ("who", "which", "said", "says", "told") and e > k:
            break
        e += 1
    if e > k:
        m.title = _clean_title(" ".join(t.text for t in tokens[k:e]))


_DESCRIPTOR_STOP = frozenset(",.;:“”\"—–()")
_POST_MODIFIERS = frozenset(
    "familiar briefed close with knowledge involved who in at of for from on to inside within".split()
)


def _descriptor_forward(tokens: list[Token], i: int, hi: int) -> Mention | None:
    """"a person briefed on her conversations", "one Democratic city official"."""
    j = i + 1
    if j + 1 < hi and tokens[j].lower == "of" and tokens[j + 1].lower in ("the", "his", "her", "their"):
        j += 2
    head_at = None
    while j < hi and j - i < MAX_TITLE_TOKENS:
        low = strip_possessive(tokens[j].lower)
        if tokens[j].text in _DESCRIPTOR_STOP:
            break
        if low in DESCRIPTOR_HEADS or (low in ORG_HEADS and not (low in CAPITALISED_ORG_HEADS
                                                                 and tokens[j].text[:1].islower())):
            head_at = j
            # Prefer the last head in a compound ("campaign spokesman").
            if j + 1 < hi and strip_possessive(tokens[j + 1].lower) in DESCRIPTOR_HEADS | ORG_HEADS:
                j += 1
                continue
            break
        j += 1
    if head_at is None:
        # "said the designer, who ...": any short noun phrase after an
        # inverted cue names the speaker, even with a head we do not list.
        e = i + 1
        while e < hi and e - i <= 5 and tokens[e].text.isalpha() and tokens[e].text.islower() \
                and tokens[e].lower not in _FUNCTION_WORDS:
            e += 1
        if e == i + 1 or e - i > 5 or (e < hi and tokens[e].text not in (",", ".", ";", "—")
                                        and tokens[e].lower not in ("who", "in", "at", "from")):
            return None
        text = " ".join(t.text for t in tokens[i:e])
        return Mention("descriptor", text, tokens[i].start, tokens[e - 1].end, head=tokens[e - 1].lower, generic=True)
    head = strip_possessive(tokens[head_at].lower)
    e = head_at + 1
    # Keep a short post-modifier that makes the descriptor honest
    # ("a person briefed on her conversations", "familiar with the talks").
    if e < hi and tokens[e].lower in ("familiar", "briefed", "close", "with", "involved", "knowledgeable"):
        while e < hi and tokens[e].text not in _DESCRIPTOR_STOP and tokens[e].lower not in ("and", "who", "said", "says") \
                and e - head_at < 10:
            e += 1
    text = " ".join(t.text for t in tokens[i:e])
    start, end = tokens[i].start, tokens[e - 1].end
    if head in ORG_HEADS and head not in DESCRIPTOR_HEADS:
        return Mention("organisation", text, start, end, head=head)
    return Mention("descriptor", text, start, end, head=head[:-1] if head.endswith("s") and head != "press" else head)


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    first_seen: int = 0
    known_first: bool = False  # the first word is a known first name
    alone: int = 0  # times the surname stands alone later ("Frey said")


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
            person.known_first = first in FEMALE_FIRST_NAMES or first in MALE_FIRST_NAMES
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
        return bool(p.titles or p.known_first or p.gender or p.alone or len(p.name.split()) == 1)

    def gender_of(self, name: str) -> str | None:
        p = self.people.get(name)
        return p.gender if p else None


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    if low in MALE_PRONOUNS:
        return "male"
    if low in FEMALE_PRONOUNS:
        return "female"
    return None


def honorific_gender(words: list[str]) -> str | None:
    if words and words[0].lower() in HONORIFICS:
        return HONORIFICS[words[0].lower()]
    return None
