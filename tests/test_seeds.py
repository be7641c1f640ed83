"""The two seed articles: every full-sentence quote with its speaker, and the stated dates.

Reads ../shared/seeds (never copied into the repository); skipped where absent.
Expected values are short quote openings, not the articles' prose.
"""
import json
from pathlib import Path

import pytest

from service.extract import extract_quotes
from service.model import DocumentMeta

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not (SEEDS / "metadata.json").exists(),
                                reason="../shared/seeds not present (CI provides it)")

MEDIAITE = "000_ddd9b189ca43defc.txt"
POLITICO = "003_15cc6f378f8c3501.txt"

# (file, quote opening, speaker name, speaker kind, date value or None for "don't care")
EXPECTED = [
    (MEDIAITE, "I spoke with President Trump today and appreciated", "Jacob Frey", "person", "2026-01-26"),
    (MEDIAITE, "Today is a good day for ICE to get out of Minnesota.", "Jacob Frey", "person", "2026-01-11"),
    (MEDIAITE, "I just had a very good telephone conversation", "Donald Trump", "person", "2026-01-26"),
    (POLITICO, "You didn’t kill anyone there", "Tim Walz", "person", None),
    (POLITICO, "It’s infuriating that you got to let him think he won", "Tim Walz", "person", None),
    (POLITICO, "That’s not how adults usually negotiate.", "Tim Walz", "person", None),
    (POLITICO, "this had become a disaster for him politically", "Tim Walz", "person", None),
    (POLITICO, "Carry your phone with you at all times", "Tim Walz", "person", None),
    (POLITICO, "I think the feds were waiting and expecting", "one Democratic city official", "descriptor", None),
    (POLITICO, "the streets of Minneapolis, the streets of Minnesota", "Tom Homan", "person", None),
    (POLITICO, "Tom Homan’s critical work in Minnesota", "Abigail Jackson", "person", None),
    (POLITICO, "Democrat officials should want to work with federal", "Abigail Jackson", "person", None),
    (POLITICO, "There were no deals cut", "Jacob Frey", "person", None),
    (POLITICO, "There were no trade-offs of our values.", "Jacob Frey", "person", None),
    (POLITICO, "In those first few moments after Renée’s death", "Tim Walz", "person", None),
    (POLITICO, "It was on everybody’s mind.", "Keith Ellison", "person", None),
    (POLITICO, "There was a real breakdown in communication", "a Minnesota Democratic operative", "descriptor", None),
    (POLITICO, "If they tried to override the governor", "Keith Ellison", "person", None),
    (POLITICO, "If they tried to invoke the Insurrection Act", "Keith Ellison", "person", None),
    (POLITICO, "We addressed every single protester", "Tim Walz", "person", None),
    (POLITICO, "The goal was, ‘Minnesotans are all in this together.’", "Tim Walz", "person", None),
    (POLITICO, "somebody is going to get seriously injured or killed.", "Jacob Frey", "person", "2025-12"),
    (POLITICO, "We felt here like we were screaming from the rooftops", "Jacob Frey", "person", None),
    (POLITICO, "I needed to channel the very real anger", "Jacob Frey", "person", None),
    (POLITICO, "not being matched by the elected officials", "Robin Wonsley", "person", None),
    (POLITICO, "I think there’s a nearly unanimous belief", "Abou Amara", "person", None),
    (POLITICO, "Stephen Miller talks about this whole concept", "Jacob Frey", "person", None),
    (POLITICO, "And they’ve attempted to use that methodology", "Jacob Frey", "person", None),
    (POLITICO, "It became urgent for them", "a state official", "descriptor", None),
    (POLITICO, "It was clear they’d lost the messaging entirely.", "a state official", "descriptor", None),
    (POLITICO, "very good, but he’s pretty out there", "Donald Trump", "person", None),
    (POLITICO, "PLAYING WITH FIRE.", "Donald Trump", "person", "2026-01-28"),
    (POLITICO, "a bright red line for us was when something was said", "one of the city officials", "descriptor", None),
    (POLITICO, "We really want to make this end", "one of the city officials", "descriptor", None),
    (POLITICO, "You just can’t set the standard", "one of the city officials", "descriptor", None),
    (POLITICO, "how you go about running a city through this", "a Minneapolis city official", "descriptor", None),
    (POLITICO, "We talked about the state of play", "Jacob Frey", "person", None),
    (POLITICO, "This is in the back of everybody’s head", "Jacob Frey", "person", None),
    (POLITICO, "That is a wildly incorrect assumption.", "Jacob Frey", "person", None),
    (POLITICO, "say what you believe, and you say it loudly", "Jacob Frey", "person", None),
    (POLITICO, "regular-ass people have a general concept of fairness.", "Jacob Frey", "person", None),
    # fragments the product owner checks too
    (POLITICO, "know what’s wrong with Minnesota", "Donald Trump", "person", None),
    (POLITICO, "holds all the cards in this", "Tim Walz", "person", None),
    (POLITICO, "any urgent or meaningful way", "a Democratic state official", "descriptor", None),
    (POLITICO, "boiling point", "Jacob Frey", "person", "2026-01-14"),
]


@pytest.fixture(scope="module")
def extracted():
    meta = json.loads((SEEDS / "metadata.json").read_text(encoding="utf-8"))
    out = {}
    for name, m in meta.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        out[name] = (text, extract_quotes(text, DocumentMeta(title=m.get("title"), outlet=m.get("outlet"),
                                                             published=m.get("published"))))
    return out


def find(quotes, opening):
    # A statement may hold several segments ("X," he said. "Y."): look in each.
    hits = [q for q in quotes if q.text.startswith(opening) or f" {opening}" in q.text]
    assert hits, f"quote not extracted: {opening!r}"
    return hits


@pytest.mark.parametrize("name,opening,speaker,kind,date", EXPECTED, ids=[e[1][:30] for e in EXPECTED])
def test_seed_quote(extracted, name, opening, speaker, kind, date):
    _, quotes = extracted[name]
    for q in find(quotes, opening):
        assert q.speaker is not None, opening
        assert (q.speaker.name, q.speaker.kind) == (speaker, kind)
        if date:
            assert q.date is not None and q.date.value == date


def test_spans_point_at_the_quoted_words(extracted):
    for text, quotes in extracted.values():
        for q in quotes:
            seg = " ".join(text[a:b] for a, b in q.spans)
            assert seg == q.text


def test_trump_fire_quote_details(extracted):
    _, quotes = extracted[POLITICO]
    (q,) = find(quotes, "PLAYING WITH FIRE")
    assert q.date.basis == "relative" and q.date.precision == "day"
    assert "Frey" in q.context
    assert q.fragment


def test_frey_titles_and_tweet_signature(extracted):
    _, quotes = extracted[MEDIAITE]
    sig = [q for q in quotes if q.rule == "dash_signature"]
    assert len(sig) == 2
    assert {q.date.value for q in sig} == {"2026-01-26", "2026-01-11"}
    assert all(q.date.basis == "stated" for q in sig)
    wrote = [q for q in quotes if q.rule == "colon_lead_in" and q.speaker.name == "Jacob Frey"]
    assert wrote and wrote[0].text.endswith("further discuss next steps.")


def test_politico_titles(extracted):
    _, quotes = extracted[POLITICO]
    walz = find(quotes, "You didn’t kill anyone there")[0]
    assert walz.speaker.title == "Minnesota Gov." and walz.cue == "fired back"
    amara = find(quotes, "I think there’s a nearly unanimous belief")[0]
    assert amara.speaker.title == "civil rights lawyer and activist in Minneapolis"
    jackson = find(quotes, "Tom Homan’s critical work")[0]
    assert jackson.speaker.title == "White House spokesperson"
    ellison = find(quotes, "It was on everybody’s mind.")[0]
    assert ellison.speaker.name == "Keith Ellison"


def test_quote_continued_after_its_attribution_is_one_statement(extracted):
    text, quotes = extracted[POLITICO]
    (q,) = find(quotes, "There were no deals cut")
    assert [text[a:b] for a, b in q.spans] == ["There were no deals cut,", "There were no trade-offs of our values."]
    assert q.rule == "cue_inside" and q.speaker.name == "Jacob Frey"


def test_every_seed_quote_has_a_speaker(extracted):
    for name, (_, quotes) in extracted.items():
        unattributed = [q.text for q in quotes if q.speaker is None]
        assert unattributed == [], name


def test_month_only_publication(extracted):
    _, quotes = extracted[POLITICO]
    q = find(quotes, "There were no deals cut")[0]
    assert q.date.value == "2026-02" and q.date.precision == "month"


def test_shipped_corpus_is_what_the_extractor_makes(tmp_path):
    """quotes/ is generated from the seeds and reviewed; an extractor change
    must come with a regenerated (and reviewed) corpus, never a stale one.
    Regenerate with: quotes corpus ../shared/seeds --out quotes"""
    import argparse

    from service.commands import build_corpus

    build_corpus(argparse.Namespace(source_dir=SEEDS, out=tmp_path))
    shipped = Path(__file__).resolve().parent.parent / "quotes"
    made = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.json")}
    assert made == {p.name: p.read_text(encoding="utf-8") for p in shipped.glob("*.json")}
