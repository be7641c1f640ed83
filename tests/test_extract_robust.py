"""extract_quotes never raises and always returns well-formed records."""
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import extract_quotes
from service.model import DocumentMeta

MARKS = "\"'“”‘’„«»—–-:;,.!?()\n "
alphabet = st.sampled_from(list(MARKS) + list(string.ascii_letters[:12]) + ["Mr.", " said ", " he ", "Jan. 5", "\n\n"])
texts = st.lists(alphabet, max_size=120).map("".join)
published = st.one_of(st.none(), st.sampled_from(["2026", "2026-02", "2026-02-30", "2026-01-26", "x", ""]))


def check(quotes, text):
    last = -1
    for q in quotes:
        assert q.spans and all(0 <= a < b <= len(text) for a, b in q.spans)
        assert q.spans[0][0] >= last
        last = q.spans[0][0]
        assert 0.0 <= q.confidence <= 1.0
        assert len(q.context) <= 600
        d = q.to_dict()
        assert d["rule"]


@settings(max_examples=300, deadline=None)
@given(texts, published)
def test_random_text_never_raises(text, pub):
    check(extract_quotes(text, DocumentMeta(published=pub or None)), text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    check(extract_quotes(text), text)


def test_edge_inputs():
    for t in ["", " ", "\n\n\n", "“", "”", "''", "'", '"' * 7, "“”“”", "‘’", "— (@x) January 1, 2026",
              "Wrote X:\n\n", ":\n\nabc", "“a" * 500, "x" * 10000]:
        check(extract_quotes(t), t)


def test_long_documents_stay_linear():
    import time
    para = ("Senator Jane Roe spoke on Monday. “We will not back down on this bill, not now and not ever,” "
            "she said. The official continued, “It is a fight we can win.”\n\n")
    t0 = time.perf_counter()
    quotes = extract_quotes(para * 800)
    assert len(quotes) == 1600
    assert time.perf_counter() - t0 < 5.0  # about 0.5 s; quadratic code would take far longer
