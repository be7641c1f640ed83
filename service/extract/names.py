"""Reading a speaker phrase on either side of a cue verb.

``parse_np_backward`` reads the phrase ending just before a cue ("Minneapolis
Mayor Jacob Frey said", "Abigail Jackson, a White House spokesperson, said"),
``parse_np_forward`` the phrase after an inverted cue ("said Abou Amara, a
civil rights lawyer"): names split from their titles, appositives, party
tags, pronouns; descriptors are read by ``descriptors``.
"""
from __future__ import annotations

import re
from .cues import SPEECH_VERBS
from .descriptors import descriptor_back, descriptor_forward
from .lexicon import (
    DESCRIPTOR_HEADS, DETERMINERS, NOT_NAME_WORDS, NUMBER_WORDS, ORG_NAME_WORDS, ROLE_MODIFIERS,
    SUBJECT_PRONOUNS, TITLE_NOUNS, TITLE_WORDS,
)
from .mentions import (
    FUNCTION_WORDS, MAX_NAME_TOKENS, MAX_TITLE_TOKENS, PARTICLES, POSSESSIVE_RE, Mention, strip_possessive,
)
from .sentences import Token

def is_name_token(tok: Token) -> bool:
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


_RUN_BREAKERS = frozenset(
    """the a an in on at of for and but or nor so yet if when while as by with from to into after before
    during since until about over under against between through this that these those it its i we you
    he she they his her their our my your there here what who whom which why how not no yes""".split()
)


def is_cap_word(tok: Token) -> bool:
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
    if t in ("II", "III", "IV") and prev is not None and prev.text[:1].isupper():
        return False  # "Brent Bozell III": a name's suffix
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if _is_caps(prev) or _is_caps(nxt) or (prev is not None and prev.text == "("):
        return False
    return True


def is_title_token(tok: Token) -> bool:
    return tok.lower in TITLE_WORDS


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
    if len(words) == 1 and words[0].isupper() and 1 < len(words[0]) <= 6:
        return True  # CNN, ICE, NBC (not a "WASHINGTON" dateline)
    return False


def collect_back(tokens: list[Token], end: int, lo: int) -> int:
    """Start index of the capitalised run (name, with title) ending at end-1."""
    i = end
    while i > lo:
        tok = tokens[i - 1]
        low = tok.lower
        if is_name_token(tok) or is_title_token(tok) or (low in PARTICLES and i < end) \
                or (is_cap_word(tok) and i < end):
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


_NOT_OFFICES = frozenset(
    "first former acting deputy assistant associate vice senior top then u.s. majority minority press".split()
)


def mention_from_run(tokens: list[Token], s: int, e: int) -> Mention | None:
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
        if words[-1].lower() in _NOT_OFFICES:
            return None  # "First, ...", "Former ...": a modifier, not an office
        head = TITLE_NOUNS.get(words[-1].lower(), words[-1].lower())
        return Mention("title", text, start, end, title=title, head=head, possessive=possessive)
    if looks_like_org(rest):
        return Mention("organisation", " ".join(rest), start, end, possessive=possessive)
    name = " ".join(name_words)
    return Mention("name", text, start, end, name=name, title=title, possessive=possessive)


def parse_np_backward(tokens: list[Token], end: int, lo: int = 0) -> Mention | None:
    """The speaker phrase ending just before tokens[end] (adverbs already skipped)."""
    m = _parse_np_backward(tokens, end, lo)
    if m is not None and m.kind in ("organisation", "descriptor", "title"):
        return _name_before_role(tokens, m, lo, end) or m
    return m


def _index_back(tokens: list[Token], offset: int, end: int, lo: int) -> int:
    """Index of the token starting at ``offset``, searching back from ``end``."""
    k = min(end, len(tokens)) - 1
    while k > lo and tokens[k].start > offset:
        k -= 1
    return k


_ROLE_LINKS = frozenset("of for at and the a an in on".split())


def _name_before_role(tokens: list[Token], m: Mention, lo: int, end: int) -> Mention | None:
    """'Sam Lau, the communications director for the Iowa Democratic Party said':
    a name, a comma and the person's role (ending in an organisation) before
    the cue, with no closing comma. The name must open its clause."""
    k = end_k = _index_back(tokens, m.start, end, lo)
    steps = 0
    while k > lo and steps < 8:
        t = tokens[k - 1]
        if t.text == ",":
            break
        if not (t.lower in _ROLE_LINKS or (t.text.isalpha() and t.text.islower()) or is_title_token(t)):
            return None
        k -= 1
        steps += 1
    if k <= lo + 1 or tokens[k - 1].text != ",":
        return None
    name = _parse_np_backward(tokens, k - 1, lo)
    if name is None or name.kind != "name" or not name.name:
        return None
    s = _index_back(tokens, name.start, k, lo)
    if s > lo and tokens[s - 1].text not in (".", ";", ":", "—", "“", "”", '"', "(", ","):
        return None
    role = " ".join(t.text for t in tokens[k:end_k]) + (" " if k < end_k else "") + m.text
    return Mention("name", name.text, name.start, m.end, name=name.name, title=name.title or role)


def _parse_np_backward(tokens: list[Token], end: int, lo: int = 0) -> Mention | None:
    if end <= lo:
        return None
    tok = tokens[end - 1]
    low = tok.lower
    if tok.text in ("II", "III", "IV", "Jr.", "Jr", "Sr.") and end - 1 > lo:
        m = _parse_np_backward(tokens, end - 1, lo)  # "Brent Bozell III"
        if m is not None and m.kind == "name":
            m.end = tok.end
            return m
    if low in SUBJECT_PRONOUNS:
        return Mention("pronoun", tok.text, tok.start, tok.end)
    if low in ("who", "which", "that") or (low in ("statement", "post", "tweet", "letter") and tok.text.islower()):
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
    if _is_acronym_at(tokens, end - 1) and not (end - 1 > lo and (is_cap_word(tokens[end - 2]) or is_title_token(tokens[end - 2]))):
        return Mention("organisation", tok.text, tok.start, tok.end)
    if is_name_token(tok) or is_title_token(tok):
        s = collect_back(tokens, end, lo)
        s = max(s, end - MAX_NAME_TOKENS - MAX_TITLE_TOKENS)
        m = mention_from_run(tokens, s, end)
        if m and m.kind == "title" and s > lo and tokens[s - 1].lower in DETERMINERS:
            m = Mention("title", f"{tokens[s - 1].text} {m.text}", tokens[s - 1].start, m.end,
                        title=m.title, head=m.head)
        return m
    return descriptor_back(tokens, end, lo)


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
    if appos[-1].lower in SPEECH_VERBS:
        return None  # ", former Gov. Mike Huckabee agreed," is a clause, not an appositive
    if len(appos) <= 2 and all(t.text[:1].isupper() for t in appos) and j - 2 > lo \
            and tokens[j - 1].text[:1].isupper() and any(t.lower in ("of", "from", "in") for t in tokens[max(lo, j - 4):j]):
        # "Harry Bond, 30, of Raleigh, N.C., said": the state closes a place
        # appositive; carry on to the phrase before it.
        return _appositive_back(tokens, j + 1, lo)
    # "her senior policy adviser, Jake Sullivan, said": the name is the
    # appositive and the phrase before it the title.
    name_end = end - 1
    if appos[-1].text == ")":  # "Gov. John Kasich (R-OH)," -- the tag is not part of the name
        k = len(appos) - 1
        while k > 0 and appos[k].text != "(":
            k -= 1
        if k > 0:
            name_end = j + 1 + k
            appos = appos[:k]
    if appos[0].text[:1].isupper() and all(is_name_token(t) or is_title_token(t) for t in appos) and len(appos) <= 6:
        name = mention_from_run(tokens, j + 1, name_end)
        if name is not None and name.kind == "name":
            before = parse_np_backward(tokens, j, lo)
            if before is not None and before.kind in ("descriptor", "title"):
                name.title = _clean_title(before.text)
                name.start = before.start  # the phrase runs from the title
                return name
            if before is None or before.kind != "name":
                return None  # "the state capital, Sacramento,": a place
    if not (first in DETERMINERS or first.isdigit() or first in ROLE_MODIFIERS or first in ("who", "whose", "the")
            or first in TITLE_WORDS or first in ("of", "from", "then")
            # "Matdos Santos, legal director for ACLU of Oregon, said": a role
            or (appos[0].text.isalpha() and appos[0].text.islower() and len(appos) <= 10
                and any(t.lower in TITLE_WORDS or t.lower in DESCRIPTOR_HEADS for t in appos[:4]))):
        return None
    head = _head_before_appositive(tokens, j, lo)
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
    if head.kind == "name" and not first.isdigit() and first not in ("of", "from", "in", "who", "whose"):
        head.title = _clean_title(title)
    head.end = tokens[end - 2].end
    return head


def _head_before_appositive(tokens: list[Token], j: int, lo: int) -> Mention | None:
    """The phrase before the comma at tokens[j], stepping over a place
    ("of Raleigh, N.C.,") and an age ("Harry Bond, 30,")."""
    if j - 3 > lo and tokens[j - 2].text == "," and tokens[j - 1].text[:1].isupper() \
            and tokens[j - 3].text[:1].isupper() \
            and (tokens[j - 1].text.endswith(".") or any(t.lower in ("of", "from", "in") for t in tokens[max(lo, j - 6):j - 3])):
        j -= 1  # "Raleigh, N.C.," / "of Dayton, Ohio," -> the comma before the state
    head = parse_np_backward(tokens, j, lo)
    if head is None and j - 2 > lo and tokens[j - 1].text.isdigit() and tokens[j - 2].text == ",":
        head = parse_np_backward(tokens, j - 2, lo)  # "Harry Bond, 30, of Raleigh"
    return head


def _token_at(tokens: list[Token], offset: int, lo: int, hi: int) -> int | None:
    for k in range(lo, hi):
        if tokens[k].start == offset:
            return k
    return None


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
    if tok.text.isupper() and len(tok.text) >= 3 and tok.text.isalpha() and not _is_acronym_at(tokens, i):
        return None  # a word of an all-capitals headline or dateline ("NEW YORK -")
    if _is_acronym_at(tokens, i) and not (i + 1 < hi and (
            is_name_token(tokens[i + 1]) or is_title_token(tokens[i + 1]) or tokens[i + 1].lower in ROLE_MODIFIERS
            or bridges_to_name(tokens, i + 1, hi))):
        return Mention("organisation", tok.text, tok.start, tok.end)  # CNN, but "RNC spokesman Sean Spicer"
    # Capitalised run: title + name, maybe an appositive after a comma.
    if is_name_token(tok) or is_title_token(tok) or low in ROLE_MODIFIERS or is_cap_word(tok):
        j = i
        while j < hi and j - i < MAX_NAME_TOKENS + MAX_TITLE_TOKENS and (
                is_name_token(tokens[j]) or is_title_token(tokens[j]) or tokens[j].lower in ROLE_MODIFIERS
                or is_cap_word(tokens[j])
                or (tokens[j].lower in PARTICLES and j > i) or _ORDINAL_RE.match(tokens[j].text)
                or bridges_to_name(tokens, j, hi)):
            j += 1
            if POSSESSIVE_RE.search(tokens[j - 1].text) and tokens[j - 1].text[-2:] in ("’s", "'s"):
                break
        if j > i:
            m = mention_from_run(tokens, i, j)
            if m is not None:
                _attach_forward_appositive(m, tokens, j, hi)
                return m
    if low in DETERMINERS or low in NUMBER_WORDS:
        return descriptor_forward(tokens, i, hi)
    return None


_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")
# Words with a role-noun ending that are not role nouns: "Trump went after
# Bush" is a clause, not the title of a man named Bush.
_NOT_ROLE_NOUNS = frozenset(
    """whatever however whenever wherever together further rather whether either neither another
    earlier later sooner longer rather better bigger never remember consider discover deliver
    recent current different silent urgent frequent consistent apparent important significant
    brilliant relevant constant distant instant pleasant ordinary necessary primary temporary
    contrary""".split()
)


def bridges_to_name(tokens: list[Token], j: int, hi: int) -> bool:
    """A lower-case role noun between capitalised words ("Monmouth University
    political scientist Patrick Murray")."""
    t = tokens[j]
    if not t.text.replace("-", "").isalpha() or not t.text.islower() or t.lower in FUNCTION_WORDS:
        return False
    core = t.lower.split("-")[-1]
    if not (core in ROLE_MODIFIERS or core in DESCRIPTOR_HEADS or core in TITLE_WORDS
            or (core.endswith(("ist", "ian", "er", "or", "ant", "ent", "ary", "ee")) and not core.endswith("ed")
                and len(core) >= 6 and core not in _NOT_ROLE_NOUNS)):
        return False  # a verb or other word, not part of a title ("criticized", "met", "went after")
    for k in range(j + 1, min(hi, j + 3)):
        nt = tokens[k]
        if is_name_token(nt):
            return True
        if not nt.text.isalpha() or nt.lower in FUNCTION_WORDS:
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


