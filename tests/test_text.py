"""Normalisation and query parsing."""
from hypothesis import given, settings
from hypothesis import strategies as st

from service.text import normalise, parse_query, tokens, tokens_with_spans

TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 .,'’‘“”\"-—–…![]()?éÉñßç\n\t") + ["ﬁ", "Ω", "д"]),
    max_size=60,
)


@given(TEXT)
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


@settings(max_examples=300)
@given(TEXT)
def test_fast_tokens_equal_the_offset_tokeniser(text):
    # the index is built with tokens(), queries aligned with tokens_with_spans()
    assert tokens(text) == tokens_with_spans(text)[0]


@given(TEXT)
def test_spans_point_at_the_words(text):
    toks, spans = tokens_with_spans(text)
    for tok, (s, e) in zip(toks, spans):
        assert tokens(text[s:e]) == [tok]


def test_case_quotes_dashes_and_space_do_not_matter():
    assert normalise("“Don’t PLAY—with   fire,” he said") == normalise('"don\'t play - with fire" HE SAID')
    assert tokens("Don’t") == ["dont"]
    assert tokens("Café naïve JOSÉ") == ["cafe", "naive", "jose"]


def test_numbers_and_initials_join():
    assert tokens("$278,000 in the U.S. at 3.5%") == tokens("278000 in the US at 35")
    assert tokens("end.Next") == ["end", "next"]  # a run-on sentence stays two words


def test_ellipsis_and_brackets_make_gaps():
    q = parse_query("There were … deals [the governor] cut . . . today [sic]")
    assert q.tokens == ["there", "were", "deals", "cut", "today"]
    assert q.segments() == [(0, 2), (2, 3), (3, 4), (4, 5)]
    assert q.text[slice(*q.spans[2])] == "deals"


def test_glued_bracket_is_a_letter_change():
    q = parse_query("[T]hey walk[ed] home")
    assert q.tokens == ["they", "walked", "home"]
    assert q.segments() == [(0, 3)]
