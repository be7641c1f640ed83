"""From a speaker phrase to a Speaker: names, titles, pronouns, descriptors.

The phrase as written ("Frey", "the governor", "he", "the official") is
resolved against the document's people and the previous statement.
"""
from __future__ import annotations

import re

from service.model import Speaker

from .document import Document
from .lexicon import HONORIFICS, TITLE_NOUNS
from .mentions import Mention, strip_possessive
from .statements import Statement


def speaker_from(doc: Document, m: Mention, prev: Statement | None, at: int,
                  quote_start: int | None = None) -> Speaker | None:
    reg = doc.registry
    prev_name = prev.speaker.name if prev and prev.speaker and prev.speaker.kind == "person" else None
    if m.kind == "name" and m.name:
        words = m.name.split()
        if words[0].lower() in HONORIFICS and len(words) > 1:
            words = words[1:]
        name = reg.resolve_name(" ".join(words))
        title = m.title
        if title is None:
            p = reg.people.get(name)
            title = p.titles[0] if p and p.titles else None
        return Speaker(name=name, kind="person", mention=m.text, title=title)
    if m.kind == "organisation":
        return Speaker(name=_org_name(m.text), kind="organisation", mention=m.text)
    if m.kind == "title":
        head = m.head or m.text.split()[-1].lower()
        name = doc.titled_before(TITLE_NOUNS.get(head, head), at)
        if name is None and m.text.lower().startswith("the "):
            name = _person_with_role(doc, head, at)
        if name is not None:
            return _person(doc, name, m.text)
        return Speaker(name=m.text, kind="descriptor", mention=m.text)
    if m.kind == "descriptor":
        words = m.text.split()
        head = m.head or ""
        if words[0].lower() == "the":
            # "the governor" / "the mayor": a titled person named earlier.
            noun = TITLE_NOUNS.get(head)
            if noun:
                name = doc.titled_before(noun, at)
                if name is not None:
                    return _person(doc, name, m.text)
            # "the columnist wrote": the person the text gave that role.
            name = _person_with_role(doc, head, at)
            if name is not None:
                return _person(doc, name, m.text)
            # "the official continued": the descriptor named before.
            ref = _previous_descriptor(doc, head, at)
            if ref is not None:
                return Speaker(name=ref, kind="descriptor", mention=m.text)
        name = m.text[0].lower() + m.text[1:] if m.text[:1].isupper() and words[0].lower() in (
            "a", "an", "one", "the", "two", "three", "several", "some", "another") else m.text
        return Speaker(name=name, kind="descriptor", mention=m.text)
    if m.kind == "pronoun":
        low = m.text.lower()
        if low in ("he", "she"):
            name = doc.resolve_pronoun(low, m.start, prev_name, quote_start)
            if name and doc.last_pronoun_kind == "descriptor":
                return Speaker(name=name, kind="descriptor", mention=m.text)
            if name:
                p = reg.people.get(name)
                return Speaker(name=name, kind="person", mention=m.text,
                               title=p.titles[0] if p and p.titles else None)
            return None
        if low in ("they", "we", "it") and prev is not None and prev.speaker is not None \
                and prev.speaker.kind in ("descriptor", "organisation"):
            return Speaker(name=prev.speaker.name, kind=prev.speaker.kind, mention=m.text)
        return None
    return None


def _person(doc: Document, name: str, mention: str) -> Speaker:
    p = doc.registry.people.get(name)
    return Speaker(name=name, kind="person", mention=mention, title=p.titles[0] if p and p.titles else None)


def _person_with_role(doc: Document, head: str, at: int) -> str | None:
    """The most recently mentioned person whose title has the word ``head``
    ("columnist Ai Jun" ... "the columnist")."""
    if not head or len(head) < 4:
        return None
    holders = {p.name for p in doc.registry.people.values()
               if any(head in t.lower().replace(".", " ").split() for t in p.titles)}
    if not holders:
        return None
    from bisect import bisect_left
    hi = bisect_left(doc.mention_offsets, at)
    for mm in reversed(doc.mentions[max(0, hi - 60):hi]):
        if mm.name in holders:
            return mm.name
    return None


def _previous_descriptor(doc: Document, head: str, at: int) -> str | None:
    """The last indefinite descriptor with the same head noun before ``at``."""
    lo = max(0, at - 4000)  # the referent is near; bounded so long texts stay linear
    text = doc.text[lo:at]
    pat = re.compile(
        r"\b((?:[Aa]n?|[Oo]ne(?: of the)?|[Tt]wo|[Tt]hree|[Ss]everal|[Aa]nother)\s+(?:[\w-]+\s+){0,4}?"
        + re.escape(head) + r"s?)\b"
    )
    found = None
    for mm in pat.finditer(text):
        if not doc.in_quote(lo + mm.start()):
            found = mm.group(1)
    if found:
        return found[0].lower() + found[1:]
    return None


def _org_name(text: str) -> str:
    t = strip_possessive(text.strip())
    if t.lower().startswith("the "):
        return "the " + t[4:]
    return t


def known_subject(doc: Document, m: Mention) -> bool:
    """Without a cue to vouch for it, a lone capitalised word ("Amid",
    "Flying", "Florida") is a subject only if the document names that person."""
    if m.generic:
        return False  # "the plan", "a decision": not a speaker without a cue
    if m.kind != "name" or not m.name or len(m.name.split()) > 1 or m.title:
        return True
    return doc.registry.lookup(m.name) is not None
