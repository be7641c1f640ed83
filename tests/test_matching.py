"""Token alignment and its score."""
from service.matching import align, code_of
from service.text import parse_query, tokens

VOCAB: dict[str, int] = {}


def _codes(words):
    return "".join(code_of(VOCAB.setdefault(w, len(VOCAB))) for w in words)


def score(query: str, source: str):
    q = parse_query(query)
    src = tokens(source)
    return align(_codes(q.tokens), q.segments(), q.tokens, _codes(src), lambda i: src[i])


def test_fragment_scores_100():
    al = score("no deals cut", "There were no deals cut, I tell you.")
    assert al.exact and al.score == 100
    assert (al.start, al.end) == (2, 5)


def test_one_changed_word_in_ten_scores_90():
    al = score("one two three four five six seven eight nine ten",
               "zero one two three four FIVE six seven eight nine ten eleven".replace("FIVE", "cinq"))
    assert not al.exact and al.score == 90


def test_dropped_word():
    al = score("there were deals cut", "There were no deals cut")
    assert [op.tag for op in al.ops] == ["equal", "sonly", "equal"]
    assert al.score == 80


def test_long_query_containing_a_short_source_is_not_100():
    # the failure of a plain partial_ratio
    al = score("thank you all for coming out tonight", "Thank you.")
    assert al.score < 50


def test_misspelling_is_a_partial_match():
    al = score("the governmnet will act now", "The government will act now")
    assert [op.tag for op in al.ops][1] == "near"
    assert 95 < al.score < 100


def test_ellipsis_skips_words_but_not_a_negation():
    al = score("we will … win", "We will, in the end, win")
    assert al.exact and al.score == 100
    al = score("we will … win", "We will not win")
    assert not al.exact and al.score < 100


def test_stray_repeats_do_not_stretch_the_window():
    src = ("But I think it's funny that the people that condemn the adult industry the most "
           "are the ones consuming the product the most.")
    al = score("that condemn the adult industry the most are the ones consuming stripes product the", src)
    assert al.score > 90
