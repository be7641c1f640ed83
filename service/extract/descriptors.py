"""Descriptor and organisation phrases: "a Democratic state official",
"one of the city officials", "a person briefed on her conversations",
"the White House", "the city"."""
from __future__ import annotations

from .lexicon import DESCRIPTOR_HEADS, DETERMINERS, NUMBER_WORDS, ORG_HEADS
from .mentions import FUNCTION_WORDS, MAX_TITLE_TOKENS, Mention, strip_possessive
from .sentences import Token

# Organisation heads only when capitalised ("Fox News", not "the news").
CAPITALISED_ORG_HEADS = frozenset(
    "news times post journal tribune daily herald globe review press service services fund trust club".split()
)
# "at the time said": time words and prepositional phrases are not speakers.
_TIME_HEADS = frozenset("time day week month year moment night morning evening afternoon weekend end".split())
_PREPOSITIONS = frozenset("at in on by for from with of to during after before since until about".split())
# Things that "say" ("the letter says"): the author is the speaker, not them.
DOCUMENT_HEADS = frozenset(
    """statement post tweet letter release email memo message note report ad advertisement video filing
    complaint lawsuit suit ruling order opinion editorial article story book speech remarks transcript
    headline caption website site page account sign banner poster slogan petition document survey poll
    study plan bill law proposal question answer""".split()
)

def descriptor_back(tokens: list[Token], end: int, lo: int) -> Mention | None:
    """A descriptor or organisation phrase ending at tokens[end-1] ("a state official")."""
    head = tokens[end - 1]
    hl = strip_possessive(head.lower)
    is_desc = hl in DESCRIPTOR_HEADS
    is_org = hl in ORG_HEADS and not (hl in CAPITALISED_ORG_HEADS and head.text[:1].islower())
    if not (is_desc or is_org):
        # "the designer said": a short determiner phrase right before a cue.
        k = end - 1
        while k > lo and end - k <= 4 and tokens[k].text.isalpha() and tokens[k].text.islower() \
                and tokens[k].lower not in DETERMINERS and tokens[k].lower not in FUNCTION_WORDS:
            k -= 1
        if k < end - 1 and tokens[k].lower in ("the", "a", "an", "one", "another") and head.text.isalpha() \
                and head.text.islower() and hl not in DOCUMENT_HEADS and hl not in _TIME_HEADS \
                and not (k > lo and tokens[k - 1].lower in _PREPOSITIONS):
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


_DESCRIPTOR_STOP = frozenset(",.;:“”\"—–()")
def descriptor_forward(tokens: list[Token], i: int, hi: int) -> Mention | None:
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
            # "a prominent Republican National Committee member": a capitalised
            # name between the first head and the real one.
            k = j + 1
            while k < hi and k - j <= 4 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
                k += 1
            if k > j + 1 and k < hi and strip_possessive(tokens[k].lower) in DESCRIPTOR_HEADS \
                    and tokens[k].text.islower():
                j = k
                continue
            break
        j += 1
    if head_at is None:
        # "said the designer, who ...": any short noun phrase after an
        # inverted cue names the speaker, even with a head we do not list.
        e = i + 1
        while e < hi and e - i <= 5 and tokens[e].text.isalpha() and tokens[e].text.islower() \
                and tokens[e].lower not in FUNCTION_WORDS:
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
        possessive = tokens[head_at].text.endswith(("’s", "'s"))
        return Mention("organisation", text, start, end, head=head, possessive=possessive)
    return Mention("descriptor", text, start, end, head=head[:-1] if head.endswith("s") and head != "press" else head)
