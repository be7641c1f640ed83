"""Reading the attribution around a quote: which cue, which speaker phrase.

Each reader looks at one place relative to the quote and returns a
``Finding`` (the speaker phrase as written and the cue) or None. The order in
which they are tried, precise first, lives in ``pipeline.attribute``:

  cue_inside   "X," he said, "Y."          the words between two segments
  cue_after    "X," Frey said.             right after the closing mark
  cue_before   Frey said that "X".         the clause before the opening mark
  according_to "X," according to an aide.
  colon_lead_in  Ellison echoed him: "X"   / "Wrote Frey:" + a post paragraph
  cue_sentence   a cue elsewhere in the same sentence (embedded fragments)
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import ADVERBS, WEAK_CUES, cue_phrase
from .lexicon import DETERMINERS, NUMBER_WORDS, SUBJECT_PRONOUNS
from .mentions import Mention
from .names import parse_np_backward, parse_np_forward
from .sentences import Token

MAX_LEAD = 4  # tokens allowed between a closing mark and the speaker/cue
_SKIP_PUNCT = frozenset(",—–-")
_CLAUSE_BREAKS = frozenset(". ; ! ? “ ” \"".split())


@dataclass
class Finding:
    mention: Mention
    cue: str
    cue_start: int  # offset of the cue in the text


_words_cache: tuple[int, int, list[str]] = (0, 0, [])


def _words(tokens: list[Token]) -> list[str]:
    """The token texts of a document, computed once per token list."""
    global _words_cache
    key, n, words = _words_cache
    if key != id(tokens) or n != len(tokens):
        words = [t.text for t in tokens]
        _words_cache = (id(tokens), len(tokens), words)
    return words


def _is_adverb(tok: Token) -> bool:
    low = tok.text
    return low in ADVERBS or (len(low) > 4 and low.endswith("ly") and low.islower())


def skip_adverbs_back(tokens: list[Token], j: int, lo: int) -> int:
    while j > lo and _is_adverb(tokens[j - 1]):
        j -= 1
    return j


def _skip_adverbs_fwd(tokens: list[Token], j: int, hi: int) -> int:
    while j < hi and _is_adverb(tokens[j]):
        j += 1
    return j


def _before_relative(tokens: list[Token], end: int, lo: int) -> Mention | None:
    """"a White House official who spoke anonymously ... said": the phrase
    before a relative clause that ends at the cue."""
    for k in range(end - 1, max(lo, end - 16) - 1, -1):
        t = tokens[k]
        if t.text in ".;:“”\"":
            return None
        if t.lower in ("who", "whose"):
            m = parse_np_backward(tokens, k, lo)
            if m is not None and m.kind in ("name", "descriptor", "title", "organisation"):
                return m
            k2 = k
            if k2 > lo and tokens[k2 - 1].text == ",":
                m = parse_np_backward(tokens, k2 - 1, lo)
                if m is not None and m.kind in ("name", "descriptor", "title", "organisation"):
                    return m
            return None
    return None


def _noun_use(tokens: list[Token], j: int, lo: int, hi: int) -> bool:
    """"Republican claims of", "his remarks", "the report": a cue word used as a noun."""
    w = tokens[j].lower
    prev_tok = tokens[j - 1].text if j > lo else ""
    prev = prev_tok.lower()
    dets = ("the", "a", "an", "his", "her", "their", "its", "our", "whose", "these", "those", "this", "that",
            "my", "your")
    if prev_tok.endswith(("’s", "'s")) or prev in dets:
        return True  # "the IG's report", "a statement", "his remarks"
    if j - 1 > lo and prev.isalpha() and prev_tok.islower() and tokens[j - 2].lower in dets \
            and not prev.endswith("ly") and not w.endswith("ed") and w not in _PAST_FORMS \
            and w not in _REPORTING_FORMS:
        return True  # "her opening remarks", "the caustic chant" (but "a spokesman said")
    if not w.endswith("s") or w in ("says", "tells", "writes", "adds", "notes", "argues", "asks", "insists"):
        return False
    nxt = tokens[j + 1].lower if j + 1 < hi else ""
    return nxt == "of"


def _introduces_next_quote(tokens: list[Token], k: int, hi: int) -> bool:
    """Whether a quote mark opens after the cue before the clause ends."""
    for n, t in enumerate(tokens[k:k + 25], k):  # past the window: the next quote mark ends it
        if t.text in (".", ",", ";", ":", "!", "?"):
            return False
        if t.text in ("“", '"'):
            prev = tokens[n - 1].text if n > 0 else ""
            # 'Graham said on MSNBC's "Morning Joe"': a title, not the quote.
            return not (prev.endswith(("’s", "'s")) or prev.lower() in ("on", "in", "to", "at"))
    return False


def _according_to(tokens: list[Token], i: int, hi: int) -> Finding | None:
    if i + 1 < hi and tokens[i].lower == "according" and tokens[i + 1].lower == "to":
        m = parse_np_forward(tokens, i + 2, hi)
        if m is not None:
            return Finding(m, "according to", tokens[i].start)
    return None


def _extend_back(tokens: list[Token], m: Mention, lo: int) -> Mention | None:
    """A speaker phrase that reaches back to the closing mark one step further:
    'the presumptive GOP nominee, Donald Trump, tweeted' (an appositive name)
    and 'Jeffrey Lewis of the James Martin Center wrote' (a person of an
    organisation)."""
    k = next((x for x in range(lo, len(tokens)) if tokens[x].start >= m.start), None)
    if k is None or k <= lo:
        return None
    if k - lo <= 3 and tokens[lo].lower in DETERMINERS and all(
            t.text.isalpha() and t.text.islower() for t in tokens[lo:k]):
        return m  # "the presumptive GOP nominee Donald Trump"
    if k <= lo + 1:
        return None
    before = tokens[k - 1].lower
    if before == ",":
        head = parse_np_backward(tokens, k - 1, lo)
        if head is not None and head.start <= tokens[lo].start + 2 and head.kind in ("descriptor", "title") \
                and m.kind == "name":
            return m
    if before in ("of", "at", "from", "with"):
        head = parse_np_backward(tokens, k - 1, lo)
        if head is not None and head.start <= tokens[lo].start + 2 and head.kind == "name":
            return head
    return None


_ORG_LINKS = frozenset("of the for and on at in".split())


def _person_of_org(tokens: list[Token], lo: int, end: int) -> Mention | None:
    """'Jeffrey Lewis of the James Martin Center for Nonproliferation Studies
    wrote': a name, then of/at and a capitalised organisation up to the cue."""
    for k in range(lo + 1, min(end, lo + 6)):
        if tokens[k].lower in ("of", "at", "from"):
            if not all(t.text[:1].isupper() or t.lower in _ORG_LINKS for t in tokens[k + 1:end]):
                return None
            m = parse_np_backward(tokens, k, lo)
            if m is not None and m.kind == "name" and m.start <= tokens[lo].start + 2:
                return m
            return None
    return None


_TAKES_LISTENER = frozenset("told tells tell telling".split())


def read_after(tokens: list[Token], lo: int, hi: int) -> tuple[Finding | None, str]:
    """The attribution right after a closing mark: tokens[lo:hi] is what follows.

    Returns (finding, rule) with rule "cue_after" or "according_to".
    """
    i = lo
    while i < hi and tokens[i].text in _SKIP_PUNCT:
        i += 1
    if i >= hi:
        return None, ""
    words = _words(tokens)
    found = _according_to(tokens, i, hi)
    if found:
        return found, "according_to"
    # Inverted: "said Abou Amara, a civil rights lawyer", "added the official".
    j = _skip_adverbs_fwd(tokens, i, hi)
    cue = cue_phrase(words, j) if j < hi else None
    if cue is not None and tokens[j].lower.endswith("ing"):
        return None, ""  # ", adding that ...": the subject is before the quote
    if cue is not None and tokens[j].lower in _TAKES_LISTENER:
        cue = None  # '”, told Breitbart News': the phrase after "told" is the listener
    if cue is not None:
        k = _skip_adverbs_fwd(tokens, j + cue[1], hi)
        m = parse_np_forward(tokens, k, hi)
        if m is not None and m.kind != "thing":
            return Finding(m, cue[0], tokens[j].start), "cue_after"
        return None, ""
    # Normal order: "he said", "Frey said", "Abigail Jackson, a spokesperson, said".
    for j in range(i, min(hi, i + 30)):
        t = tokens[j]
        if t.text in _CLAUSE_BREAKS:
            break
        cue = cue_phrase(words, j)
        if cue is None:
            continue
        end = skip_adverbs_back(tokens, j, i)
        m = parse_np_backward(tokens, end, i) or _before_relative(tokens, end, i)
        if m is not None and m.generic and tokens[j].lower not in _REPORTING_FORMS:
            m = None
        if m is None:
            m = _person_of_org(tokens, i, end)
        reaches = m is not None and m.start <= tokens[i].start + 2
        if m is not None and not reaches:
            ext = _extend_back(tokens, m, i)
            if ext is not None:
                m, reaches = ext, True
        if m is not None and reaches and m.kind != "thing":
            if _introduces_next_quote(tokens, j + cue[1], hi) and not (i > 1 and tokens[i - 2].text == ","):
                # (a quote closed on a comma is attributed right after it:
                # '“..., it's so simple,” Trump said “Bush ...”')
                return None, ""  # 'Carly Fiorina said Ted Cruz “says ...”': the next quote's
            nxt = tokens[j + cue[1]].lower if j + cue[1] < len(tokens) else ""
            if i > 0 and tokens[i - 1].text in ("”", '"') and i > 1 and tokens[i - 2].text in (".", "?", "!") \
                    and nxt in ("it", "that", "this", "these", "those"):
                return None, ""  # '...?” Her critics cited it as evidence': a new sentence
            return Finding(m, cue[0], t.start), "cue_after"
        if j > i and tokens[j - 1].text == "," and not tokens[j].lower.endswith("ing") \
                and tokens[j].lower not in _TAKES_LISTENER:
            # '" between the two, said a Democratic operative': inverted
            # after a phrase that finishes the quoted clause.
            k = _skip_adverbs_fwd(tokens, j + cue[1], hi)
            m = parse_np_forward(tokens, k, hi)
            if m is not None and m.kind != "thing":
                return Finding(m, cue[0], t.start), "cue_after"
        if j - i > MAX_LEAD + 12:
            break
    return None, ""


def read_before(tokens: list[Token], lo: int, hi: int, strong_only: bool = False,
                accept=None) -> tuple[Finding | None, str]:
    """The attribution in the clause before an opening mark: tokens[lo:hi].

    The cue nearest the quote wins; its subject is the phrase before it, or
    the phrase after it when the order is inverted ("Wrote Frey:").
    """
    words = _words(tokens)
    for i in range(lo, hi - 1):
        if tokens[i].lower == "according":
            found = _according_to(tokens, i, hi)
            if found:
                return found, "according_to"
    j = hi - 1
    while j >= lo:
        cue = cue_phrase(words, j)
        if cue is not None and strong_only and tokens[j].lower in WEAK_CUES:
            cue = None
        if cue is not None and _noun_use(tokens, j, lo, hi):
            cue = None
        if cue is not None and not (j > lo and tokens[j - 1].lower in ("to", "a", "the", "his", "her")):
            if tokens[j].lower in WEAK_CUES:
                outer = _outer_report(tokens, lo, j)
                if outer is not None:
                    return outer, "cue_before"
            end = skip_adverbs_back(tokens, j, lo)
            m = parse_np_backward(tokens, end, lo)
            if m is None:
                m = _before_relative(tokens, end, lo)
            if m is not None and m.generic and tokens[j].lower not in _REPORTING_FORMS:
                m = None  # "the caustic chant": an unknown noun before a rare cue is no speaker
            if m is not None and m.kind != "thing":
                return Finding(m, cue[0], tokens[j].start), "cue_before"
            before = tokens[end - 1].lower if end > lo else ""
            if m is not None or before in (",", "and", "but", "then", "or") or tokens[j].lower.endswith("ing"):
                # "which said", "and said", ", writing on his account": the
                # speaker is the subject of the sentence.
                subj = clause_subject(tokens, lo, j, accept)
                if subj is not None:
                    return Finding(subj, cue[0], tokens[j].start), "cue_before"
            if end == lo or before in (":", ";", "—"):
                # Inverted order at the clause start: "Wrote Frey:".
                k = _skip_adverbs_fwd(tokens, j + cue[1], hi)
                fwd = parse_np_forward(tokens, k, hi)
                if fwd is not None and fwd.kind in ("name", "descriptor", "organisation", "title"):
                    return Finding(fwd, cue[0], tokens[j].start), "cue_before"
        j -= 1
    return None, ""


_PAST_FORMS = frozenset("said told wrote shot fired read put hit began spoke".split())
# The plain reporting verbs: with these, even an unlisted noun before them
# ("the designer said") is the speaker.
_REPORTING_FORMS = frozenset(
    """said says told tells wrote writes added adds asked asks explained explains noted notes argued argues
    continued continues replied replies recalled recalls insisted insists warned warns""".split()
)
_REPORTING = frozenset("said says told tells wrote writes argued argues claimed claims insisted insists".split())


def _outer_report(tokens: list[Token], lo: int, j: int) -> Finding | None:
    """"Trump said Fox executives were calling “every 15 minutes”": the words
    are the reporting speaker's, not the inner clause's subject's."""
    for k in range(lo, j):
        if tokens[k].lower in _REPORTING:
            m = parse_np_backward(tokens, skip_adverbs_back(tokens, k, lo), lo)
            if m is not None and m.kind in ("name", "pronoun", "title", "descriptor"):
                return Finding(m, tokens[k].text, tokens[k].start)
    return None


_PREPOSITIONS = frozenset(
    """in at with of for from on by to after before during about over under into near outside inside than
    like unlike among amid despite behind beyond across against toward towards per via alongside through
    throughout around onto upon within without""".split()
)
_QUOTE_TOKENS = frozenset('“”"‘’')


def clause_subject(tokens: list[Token], lo: int, hi: int, accept=None) -> Mention | None:
    """The sentence subject in tokens[lo:hi]: the first speaker-like phrase
    that is not inside an opening prepositional phrase ("In an incendiary
    press conference, Trump ...", "Like Corker, Menendez ..."), not the object
    of a preposition, and not inside quote marks."""
    inside = False
    i = lo
    while i < min(hi, lo + 40):
        t = tokens[i]
        if t.text in _QUOTE_TOKENS:
            inside = not inside if t.text in '"' else t.text in "“‘"
            i += 1
            continue
        if inside:
            i += 1
            continue
        low = t.lower
        if low in _PREPOSITIONS or (i == lo and low.endswith("ing") and t.text[:1].isupper()):
            # Skip an opening phrase up to its comma ("Speaking in Salem, ...").
            k = i + 1
            while k < hi and k - i < 14 and tokens[k].text not in (",", "—", "–") and tokens[k].text not in _QUOTE_TOKENS:
                k += 1
            if k < hi and tokens[k].text in (",", "—", "–") and (
                    i == lo or tokens[i - 1].text in (",", "—") or tokens[i - 1].lower in ("and", "but", "so", "yet")):
                i = k + 1
                continue
            i += 1
            continue
        if t.text[:1].islower() and low not in DETERMINERS and low not in NUMBER_WORDS \
                and low not in SUBJECT_PRONOUNS:
            i += 1  # mid-phrase word: a subject starts at a determiner, name or pronoun
            continue
        m = parse_np_forward(tokens, i, hi)
        if m is not None and m.kind in ("name", "pronoun", "title", "descriptor", "organisation") \
                and not m.possessive and (accept is None or accept(m)):
            return m
        i += 1
    return None


def read_sentence(tokens: list[Token], lo: int, hi: int, accept=None) -> Finding | None:
    """Any cue with a speaker phrase in tokens[lo:hi] (quotes masked out by the caller)."""
    found, _ = read_before(tokens, lo, hi, strong_only=True, accept=accept)
    if found:
        return found
    words = _words(tokens)
    for j in range(lo, hi):
        cue = cue_phrase(words, j)
        if cue is None or tokens[j].lower in WEAK_CUES:
            continue
        if j > lo and tokens[j - 1].text not in (",", "”", '"', "—"):
            continue  # mid-clause "said the administration should ...": not an inverted attribution
        k = _skip_adverbs_fwd(tokens, j + cue[1], hi)
        m = parse_np_forward(tokens, k, hi)
        if m is not None and m.kind != "thing":
            return Finding(m, cue[0], tokens[j].start)
    return None
