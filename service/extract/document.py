"""One pass over a document: tokens, sentences, and every person mentioned.

The mention list (outside quotes, in text order) is what pronouns, surnames
and titles are resolved against; the registry gathers full names and titles
as they first appear ("Minneapolis Mayor Jacob Frey" makes "Frey" and "the
mayor" resolvable later).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .cues import SPEECH_VERBS
from .lexicon import FIRST_NAMES, FEMALE_PRONOUNS, MALE_PRONOUNS, TITLE_NOUNS
from .mentions import Mention, strip_possessive
from .names import bridges_to_name, collect_back, is_cap_word, is_name_token, is_title_token, mention_from_run
from .people import NameRegistry, honorific_gender
from .quotes import QuoteSpan
from .sentences import Sentences, Token, tokenize

# How much each clue counts when choosing the person a he/she refers to;
# distance is in characters per point.
PRONOUN_WEIGHTS = {
    "distance": 40.0, "same_sentence_subject": 100.0, "previous_sentence_subject": 8.0, "subject": 6.0,
    "possessive": 4.0, "after_preposition": 5.0, "implausible": 8.0, "previous_speaker": 3.0,
}
_PREPOSITIONS = frozenset("of with to by at for from about against on in into than like after before as".split())


@dataclass
class PersonMention:
    offset: int
    end: int
    name: str  # canonical
    gender: str | None
    possessive: bool
    subject: bool  # first phrase of its sentence or clause
    after_preposition: bool
    sentence: int
    kind: str = "person"  # or "descriptor": "one California delegate" can be a he/she too


# Singular heads of anonymous people a later he/she can refer to.
_HUMAN_HEADS = frozenset(
    """official aide spokesperson spokesman spokeswoman source person adviser advisor operative strategist
    staffer lawmaker member resident voter supporter officer analyst expert insider confidant ally friend
    diplomat executive employee worker organizer activist protester witness neighbor attendee delegate
    donor lobbyist attorney lawyer investigator agent economist pollster historian professor scientist
    researcher critic observer veteran leader woman man student mother father parent teacher
    representative republican democrat conservative liberal candidate senator governor mayor
    congressman consultant manager director chairman president secretary commentator columnist host
    reporter journalist owner farmer nurse doctor pastor colleague participant visitor customer
    businessman businesswoman entrepreneur guest designer writer author judge prosecutor sheriff""".split()
)
_FEMALE_HEADS = frozenset("woman mother spokeswoman businesswoman congresswoman chairwoman".split())
_MALE_HEADS = frozenset("man father spokesman businessman congressman chairman".split())


class Document:
    def __init__(self, text: str, spans: list[QuoteSpan]):
        self.text = text
        self.tokens: list[Token] = tokenize(text)
        self.token_starts = [t.start for t in self.tokens]
        self.sentences = Sentences(text)
        self.quoted = sorted((s.start, s.end) for s in spans)
        self._quoted_starts = self.quoted_starts = [s for s, _ in self.quoted]
        self.quoted_ends = sorted(e for _, e in self.quoted)
        self.registry = NameRegistry()
        self.mentions: list[PersonMention] = []
        self.mention_offsets: list[int] = []  # kept in step with mentions, for bisection
        self.accept = None  # a filter for sentence subjects, set by the pipeline
        self.last_pronoun_kind = "person"  # kind of the last pronoun resolution
        nl = text.find("\n")
        self.headline_end = nl if 0 < nl <= 200 else 0  # a first line on its own: the headline
        self._scan_people()

    # -- lookups ---------------------------------------------------------------
    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self.token_starts, offset)

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def sentence_of(self, offset: int) -> int:
        return self.sentences.index_at(offset)

    # -- people ----------------------------------------------------------------
    def _scan_people(self) -> None:
        toks = self.tokens
        n = len(toks)
        i = _skip_title_case_headline(self.text, toks)
        last_sentence = -1
        seen_in_sentence = False
        while i < n:
            tok = toks[i]
            if self.in_quote(tok.start):
                i += 1
                continue
            sent = self.sentence_of(tok.start)
            if sent != last_sentence:
                last_sentence, seen_in_sentence = sent, False
                # A sentence that opens with a quote has its speaker at the
                # cue ("“...” -- that Bloomberg is ... -- “...,” he says"):
                # another name in it is not the sentence's subject.
                quote_led = self._opens_with_quote(sent)
            low = tok.lower
            if is_name_token(tok) or (is_title_token(tok) and tok.text[:1].isupper()):
                j = i
                while j < n and j - i < 12 and not self.in_quote(toks[j].start) and (
                        is_name_token(toks[j]) or is_title_token(toks[j]) or is_cap_word(toks[j])
                        or (toks[j].lower in ("de", "van", "von", "la", "del", "al") and j > i)
                        # "Secretary of State Hillary Clinton": one run
                        or (toks[j].lower == "of" and j > i and j + 1 < n and is_title_token(toks[j - 1])
                            and toks[j - 1].text[:1].isupper() and is_cap_word(toks[j + 1]))
                        or (j > i and bridges_to_name(toks, j, n))):
                    j += 1
                    if toks[j - 1].text.endswith(("’s", "'s")):
                        break
                # Role words just before ("border czar Tom Homan").
                s = collect_back(toks, i, max(0, i - 8))
                m = mention_from_run(toks, s, j)
                speaks = j < n and toks[j].lower in SPEECH_VERBS
                # "said Gary Orfield": the name after an inverted cue is the
                # speaker, as good as a sentence subject.
                # Right after a quote ('“...,” said Trump'), or after a comma
                # when the name ends the clause ("But, said Solovey, “...”"):
                # in "X, for example, said Trump continued ..." Trump is the
                # subject of what X said, not a speaker.
                inverted = s > 1 and toks[s - 1].lower in SPEECH_VERBS and (
                    toks[s - 2].text in ("”", '"', "’")
                    or (toks[s - 2].text == "," and (j >= n or toks[j].text in (",", ".", ";", ":", "“", '"'))))
                # The subject is the first mention that is neither a possessor
                # ("Bloomberg's pollster, Douglas Schoen, says") nor the object
                # of a preposition ("Asked about Sullivan, Feinstein said").
                # "Secretary of State John Kerry": the "of" belongs to the title.
                of_title = s > 1 and toks[s - 1].lower == "of" and is_title_token(toks[s - 2]) \
                    and toks[s - 2].text[:1].isupper()
                # "the Trump campaign", "a Sanders supporter": a name used as a
                # modifier is not the clause's subject either.
                modifier = m is not None and not m.title and s > 0 and toks[s - 1].lower in ("the", "a", "an") and j < n \
                    and toks[j].text[:1].islower() and toks[j].text.isalpha()
                # "As for Trump, he said ...", "For Chait, ...": a fronted topic
                # is who the sentence is about, not an object.
                topic = s > 0 and j < n and toks[j].text == "," and (
                    (toks[s - 1].lower == "for" and (s == 1 or self.sentence_of(toks[s - 2].start) != sent
                                                     or toks[s - 2].lower == "as")))
                oblique = (m is not None and m.possessive) or modifier or (
                    s > 0 and toks[s - 1].lower in _PREPOSITIONS and not of_title and not topic)
                first = (not seen_in_sentence and not oblique and (not quote_led or speaks)) or inverted
                if m is not None and self._note_mention(m, toks, s, sent, first, speaks or inverted,
                                                        of_title) and not oblique:
                    seen_in_sentence = True
                i = max(j, i + 1)
                continue
            # "one California delegate", "a top GOP strategist": an anonymous
            # person a later he/she may refer to.
            if low in ("a", "an", "one", "another") and i + 1 < n:
                k = i + 1
                while k < n and k - i <= 5 and (toks[k].text.isalpha() or "-" in toks[k].text) \
                        and toks[k].lower not in _HUMAN_HEADS and toks[k].lower not in ("and", "of", "who", "that"):
                    k += 1
                after_prep = i > 0 and toks[i - 1].lower in _PREPOSITIONS
                # Only a phrase that opens its clause is a subject: in "Himself a
                # former executive, he ..." the descriptor is predicative.
                clause_start = i == 0 or self.sentence_of(toks[i - 1].start) != sent \
                    or toks[i - 1].text in (",", ";", "—", "–", "(", "“", '"') or toks[i - 1].lower in ("and", "but")
                # "One voter, Guadalupe Ruiz, 35, ...": the name that follows is the mention.
                named = k + 2 < n and toks[k + 1].text == "," and is_name_token(toks[k + 2])
                if k < n and toks[k].lower in _HUMAN_HEADS and not self.in_quote(toks[k].start) \
                        and not seen_in_sentence and not after_prep and not named and clause_start:  # only as the subject
                    head = toks[k].lower
                    text = " ".join(t.text for t in toks[i:k + 1])
                    text = text[0].lower() + text[1:]
                    gender = "female" if head in _FEMALE_HEADS else "male" if head in _MALE_HEADS else None
                    self._append(PersonMention(
                        toks[i].start, toks[k].end, text, gender, False, not seen_in_sentence,
                        i > 0 and toks[i - 1].lower in _PREPOSITIONS, sent, kind="descriptor"))
                    seen_in_sentence = True
                    i = k + 1
                    continue
            # "the governor", "the mayor": a title noun after "the".
            if low == "the" and i + 1 < n:
                k = i + 1
                # "the former Texas governor", "the Vermont senator"
                while k < n and k - i <= 3 and toks[k].text[:1].isalpha() and toks[k].lower not in TITLE_NOUNS \
                        and toks[k].lower not in ("and", "of", "who"):
                    k += 1
                if k < n and toks[k].lower in TITLE_NOUNS and toks[k].text[:1].islower():
                    name = self.titled_before(TITLE_NOUNS[toks[k].lower], toks[k].start)
                    p = self.registry.people.get(name) if name else None
                    if p is not None:
                        self._append(PersonMention(
                            toks[i].start, toks[k].end, p.name, p.gender, False, not seen_in_sentence,
                            i > 0 and toks[i - 1].lower in _PREPOSITIONS, sent))
                        seen_in_sentence = True
                    i = k + 1
                    continue
            if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
                self._learn_gender(toks, i)
            if low in ("he", "she") and not seen_in_sentence:
                # "He said her family asked for privacy.": a narrative he/she
                # as a sentence subject carries its referent forward, so a
                # later "he said" can follow the chain.
                name = self.resolve_pronoun(low, tok.start, None)
                if name is not None and self.last_pronoun_kind == "descriptor":
                    # "One voter brought up immigration. She asked ...": the
                    # anonymous person is a woman from now on.
                    for dm in reversed(self.mentions[-10:]):
                        if dm.kind == "descriptor" and dm.name == name and dm.gender is None:
                            dm.gender = "male" if low == "he" else "female"
                            break
                if name is not None and self.last_pronoun_kind == "person":
                    p = self.registry.people.get(name)
                    self._append(PersonMention(tok.start, tok.end, name, p.gender if p else None,
                                               False, True, False, sent))
            if low in ("he", "she", "they", "i", "we"):
                seen_in_sentence = True
            if tok.text in (",", ";", "—") or low in ("and", "but"):
                pass
            i += 1

    def _opens_with_quote(self, sent: int) -> bool:
        s0, s1 = self.sentences[sent]
        k = s0
        while k < s1 and self.text[k] in " \t\n\u00a0":
            k += 1
        return k < s1 and (self.text[k] in "“\"‘'" or self.in_quote(k))

    def _note_mention(self, m: Mention, toks: list[Token], s: int, sent: int, first: bool,
                      speaks: bool = False, of_title: bool = False) -> bool:
        if m.kind != "name" or not m.name:
            return False
        words = m.name.split()
        if m.start < self.headline_end and self._headline_misread(words):
            return False
        gender = honorific_gender(m.text.split()) or _title_gender(m.title)
        if len(words) >= 2:
            person = self.registry.add(m.name, m.start, m.title, gender)
            name = person.name
        else:
            base = words[-1]
            p = self.registry.lookup(base)
            if p is not None and len(p.name.split()) > 1:
                p.alone += 1
            if p is None:
                known_first = base.lower() in FIRST_NAMES
                if not (m.title or gender or speaks or known_first):
                    return False  # a lone capitalised word: maybe a place, not a person
                p = self.registry.add(base, m.start, m.title, gender)
            elif gender and not p.gender:
                p.gender = gender
            name = p.name
        person = self.registry.people.get(name)
        if person is not None and speaks and not m.possessive:
            person.speaks = True
        self._append(PersonMention(
            m.start, m.end, name, person.gender if person else gender, m.possessive, first,
            s > 0 and toks[s - 1].lower in _PREPOSITIONS and not of_title, sent))
        return True

    def _headline_misread(self, words: list[str]) -> bool:
        """In a headline every word is capitalised: "Quiet Reyes gains
        ground" must not register "Quiet Reyes" when the text goes on
        to name Ana Reyes. A headline name whose first word is no known
        given name yields to a different full name with the same surname in
        the body."""
        if len(words) < 2 or words[0].lower() in FIRST_NAMES:
            return False
        other = re.search(r"\b([A-Z][\w’'.-]+) " + re.escape(words[-1]) + r"\b", self.text[self.headline_end:])
        return other is not None and other.group(1) != words[0]

    def _append(self, m: PersonMention) -> None:
        """Record a mention found by the forward scan (offsets only grow)."""
        self.mentions.append(m)
        self.mention_offsets.append(m.offset)

    def add_mention(self, start: int, end: int, name: str) -> None:
        """Record a resolved pronoun/title speaker as a mention of that person."""
        p = self.registry.people.get(name)
        m = PersonMention(start, end, name, p.gender if p else None, False, True, False, self.sentence_of(start))
        i = bisect_left(self.mention_offsets, start)
        if i < len(self.mentions) and self.mentions[i].offset == start:
            return
        self.mentions.insert(i, m)
        self.mention_offsets.insert(i, start)

    def titled_before(self, noun: str, offset: int) -> str | None:
        """The most recently mentioned person holding a title ("the mayor")."""
        # Only people given the title before this point: a holder named later
        # (or never mentioned before) is not who "the senator" refers back to.
        holders = {p.name for off, p in self.registry.by_title.get(noun, []) if off <= offset}
        if not holders:
            return None
        hi = bisect_left(self.mention_offsets, offset)
        for m in reversed(self.mentions[:hi]):
            if m.name in holders:
                return m.name
        return None

    def _learn_gender(self, toks: list[Token], k: int) -> None:
        """"Frey said he ...", "Frey, who ..., said that she ...": a subject
        pronoun right after a person's own cue verb gives that person's gender."""
        if not self.mentions or toks[k].lower not in ("he", "she"):
            return
        j = k - 1
        if j >= 0 and toks[j].lower == "that":
            j -= 1
        if j < 0 or toks[j].lower not in SPEECH_VERBS:
            return
        last = self.mentions[-1]
        if toks[j].start - last.end > 3 or self.sentence_of(toks[k].start) != last.sentence:
            return
        p = self.registry.people.get(last.name)
        if p is None or p.gender:
            return
        p.gender = "male" if toks[k].lower == "he" else "female"

    def resolve_pronoun(self, word: str, offset: int, prev_speaker: str | None,
                        quote_start: int | None = None) -> str | None:
        """The person a he/she at ``offset`` most likely refers to.

        News writing keeps the person being quoted as the subject: the
        subject of the pronoun's own sentence wins outright, then the subject
        of the sentence just before the quote, then recency.
        """
        want = "male" if word.lower() in MALE_PRONOUNS else "female" if word.lower() in FEMALE_PRONOUNS else None
        sent = self.sentence_of(offset)
        qsent = self.sentence_of(quote_start) if quote_start is not None else sent
        best, best_score, best_kind = None, None, "person"
        hi = bisect_left(self.mention_offsets, offset)
        for m in reversed(self.mentions[max(0, hi - 40):hi]):
            if sent - m.sentence > 6:
                break
            gender = (self.registry.gender_of(m.name) if m.kind == "person" else None) or m.gender
            if want and gender and gender != want:
                continue
            w = PRONOUN_WEIGHTS
            score = -(offset - m.offset) / w["distance"]
            if m.sentence == sent and m.subject and not m.possessive:
                score += w["same_sentence_subject"]
            if m.sentence == qsent - 1 and m.subject and not m.possessive:
                score += w["previous_sentence_subject"]
            if m.subject:
                score += w["subject"]
            if m.possessive:
                score -= w["possessive"]
            if m.after_preposition:
                score -= w["after_preposition"]
            if m.kind == "person" and not self.registry.plausible(m.name):
                score -= w["implausible"]  # "Civil War", "Carolina Panthers": probably not a person
            if prev_speaker and m.name == prev_speaker:
                score += w["previous_speaker"]
            if best_score is None or score > best_score:
                best, best_score, best_kind = m.name, score, m.kind
        self.last_pronoun_kind = best_kind
        if best is None and prev_speaker:
            g = self.registry.gender_of(prev_speaker)
            if not (want and g and g != want):
                self.last_pronoun_kind = "person"
                return prev_speaker
        return best


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    low = title.lower()
    if any(w in low for w in ("woman", "mrs", "ms.", "queen", "princess", "first lady")):
        return "female"
    if any(w in low.split() for w in ("spokesman", "chairman", "congressman", "mr.", "king", "prince")):
        return "male"
    return None




def _skip_title_case_headline(text: str, toks: list[Token]) -> int:
    """The index of the first token to scan for people: past a Title Case
    headline on the first line ("NYTimes Casually Conflates Ted Cruz With
    ..."), where capitalised verbs would read as names."""
    nl = text.find("\n")
    if nl <= 0 or nl > 200:
        return 0
    k = 0
    while k < len(toks) and toks[k].start < nl:
        k += 1
    words = [t.text for t in toks[:k] if t.text[:1].isalpha() and len(t.text) > 3]
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words):
        return k
    return 0
