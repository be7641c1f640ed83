"""The PolNeAR gold that bench/extraction.py derives from the .ann files.

The derivation decides which predictions count as right, so its rules are
tested on short texts written for the test."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))

from gold_from_annotations import _joined, quotes_in, read_ann_gold  # noqa: E402


def spans(text, a=0, b=None):
    return [text[s:e] for s, e in quotes_in(text, a, len(text) if b is None else b)]


def test_pairs_curly_straight_and_mixed_marks():
    text = '“We will win,” she said. "It is over," he said. "Mixed marks work”'
    assert spans(text) == ["We will win,", "It is over,", "Mixed marks work"]


def test_single_words_are_not_direct_quotes():
    assert spans("He called it “absurd” and left.") == []


def test_single_quote_marks_but_not_apostrophes():
    assert spans("Headline: ‘We Won’t Back Down’ Says Mayor") == ["We Won’t Back Down"]
    assert spans("It’s the mayor’s call, isn’t it") == []


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = "“First part of a long statement.\n\n“Second part,” she said."
    assert spans(text) == ["First part of a long statement.", "Second part,"]


def test_an_opening_mark_typed_as_a_closer_ends_the_quote():
    assert spans("He asked for an “expedited review“ of the pipes.") == ["expedited review"]


def test_pieces_split_at_sentences_are_joined_back():
    text = "“One sentence. Two sentences,” said X."
    assert _joined(text, [(15, 31), (0, 14)]) == [(0, 31)]
    assert _joined(text, [(0, 5), (9, 14)]) == [(0, 5), (9, 14)]


def test_reads_every_content_role_from_an_ann_file(tmp_path):
    text = "Title\n“It was hard. We won,” said Ann Lee. “We will do it again.”\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(text, encoding="utf-8")
    first = (text.index("“It"), text.index(" said"))
    second = (text.index("“We will"), text.index("”\n") + 1)
    source = (text.index("Ann"), text.index(". “We will"))
    split = text.index(" We won")
    ann = (f"T1\tContent {first[0]} {split};{split + 1} {first[1]}\tx\n"
           f"T2\tSource {source[0]} {source[1]}\tAnn Lee\n"
           f"T3\tContent {second[0]} {second[1]}\tx\n"
           "E1\tAttribution:T9 Source:T2 Content:T1 Content2:T3\n")
    (tmp_path / "attributions" / "doc_abcd.ann").write_text(ann, encoding="utf-8")
    gold = read_ann_gold(str(tmp_path), {})
    assert [r["quote"] for r in gold["doc"]] == ["It was hard. We won,", "We will do it again."]
    assert {r["speaker_mention"] for r in gold["doc"]} == {"Ann Lee"}


def test_pronoun_resolutions_that_name_nobody_are_not_scored():
    from extraction import gold_speaker

    def kind(resolved, mention="he"):
        return gold_speaker({"speaker_mention": mention, "speaker_resolved": resolved})

    assert kind("Dana Reyes 's") == ("unknown", None)
    assert kind("Sam Ortiz that aired Monday night") == ("unknown", None)
    assert kind("Lee Park-backed $ 20 million") == ("unknown", None)
    assert kind("Republican presidential nominee Donald Trump") == ("person", "trump")
    assert kind("Maria Lopez , a party committeewoman from Ohio") == ("person", "lopez")
    assert kind("a senior aide") == ("descriptor", "aide")
    # Only a pronoun's automatic resolution is second-guessed.
    assert kind("Dana Reyes 's", mention="Dana Reyes") == ("person", "reyes")
