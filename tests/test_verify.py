"""verify(): verdicts, differences, attribution and dedup, on a fake store."""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.index import QuoteIndex
from service.verify import THRESHOLD, verify
from tests.matching_fakes import FakeStore


@pytest.fixture(scope="module")
def world():
    store = FakeStore()
    rows = [
        store.add("walz1", "There were no deals cut, and I will say it again: no deals.", "Tim Walz", "d1",
                  published="2026-01-10"),
        store.add("walz2", "There were no deals cut, and I will say it again: no deals.", "Tim Walz", "d2",
                  published="2026-01-05"),
        store.add("frey", "We are playing with fire here, and everyone knows it.", "Jacob Frey", "d3"),
        store.add("trump", "They are playing with fire.", "Donald J. Trump", "d4"),
        store.add("biden", "Stop playing with fire, folks.", "Joe Biden", "d5"),
        store.add("klob", "The economy grew by 3 percent last year in Minnesota.", "Amy Klobuchar", "d6"),
        store.add("omar", "The people of Minneapolis deserve better than this, and they know it.", "Ilhan Omar", "d7"),
    ]
    index = QuoteIndex()
    index.add(rows)
    return index, store


def test_exact_fragment_any_case_and_quote_marks(world):
    r = verify(*world, "“THERE WERE NO DEALS CUT”")
    assert r["verdict"] == "verified"
    m = r["matches"][0]
    assert m["score"] == 100 and m["differences"] == []
    assert m["matched_text"] == "There were no deals cut"
    assert m["quote"].startswith("There were no deals cut, and")


def test_negation_difference(world):
    r = verify(*world, "There were deals cut")
    assert r["verdict"] == "altered"
    (d,) = r["matches"][0]["differences"]
    assert d["kind"] == "negation" and d["op"] == "delete" and d["source"] == "no"
    q = "There were deals cut"
    assert d["query_span"][0] == d["query_span"][1] == q.index("deals")


def test_number_change(world):
    q = "The economy grew by 4 percent last year"
    r = verify(*world, q)
    assert r["verdict"] == "altered"
    (d,) = r["matches"][0]["differences"]
    assert (d["op"], d["kind"], d["query"], d["source"]) == ("replace", "number", "4", "3")
    assert q[slice(*d["query_span"])] == "4"
    assert r["matches"][0]["quote"][slice(*d["source_span"])] == "3"


def test_entity_change(world):
    r = verify(*world, "The people of Duluth deserve better than this")
    assert r["verdict"] == "altered"
    assert any(d["kind"] == "entity" for d in r["matches"][0]["differences"])


def test_ellipsis_skips_words(world):
    r = verify(*world, "There were no deals cut ... no deals")
    assert r["verdict"] == "verified" and r["matches"][0]["score"] == 100
    r = verify(*world, "We are playing … everyone knows it")
    assert r["verdict"] == "verified" and r["matches"][0]["id"] == "frey"


def test_ellipsis_over_a_negation_is_altered(world):
    r = verify(*world, "There were … deals cut")
    assert r["verdict"] == "altered"
    assert [d["kind"] for d in r["matches"][0]["differences"]] == ["negation"]


def test_editorial_brackets(world):
    assert verify(*world, "[T]he economy grew by 3 percent [sic] last year")["verdict"] == "verified"
    r = verify(*world, "[The people of the city] deserve better than this")
    assert r["verdict"] == "verified" and r["matches"][0]["id"] == "omar"


def test_ambiguous_short_phrase(world):
    r = verify(*world, "PLAYING WITH FIRE")
    assert r["verdict"] == "ambiguous"
    assert r["speakers"] == 3 and r["documents"] == 3
    assert {m["speaker"]["name"] for m in r["matches"]} == {"Jacob Frey", "Donald J. Trump", "Joe Biden"}


def test_claimed_speaker_settles_ambiguity(world):
    r = verify(*world, "playing with fire", speaker="Mayor Frey")
    assert r["verdict"] == "verified"
    assert r["attribution"]["status"] == "confirmed"
    assert r["matches"][0]["speaker"]["name"] == "Jacob Frey"


@pytest.mark.parametrize("claim", ["Governor Walz", "Gov. Tim Walz", "Walz", "Tim Walz", "tim WALZ"])
def test_aliases_confirm(world, claim):
    r = verify(*world, "there were no deals cut", speaker=claim)
    assert r["attribution"] == {"status": "confirmed", "claimed": claim, "actual": ["Tim Walz"]}


def test_wrong_speaker_is_contradicted(world):
    r = verify(*world, "there were no deals cut", speaker="Jacob Frey")
    assert r["attribution"]["status"] == "contradicted"
    assert r["attribution"]["actual"] == ["Tim Walz"]


def test_same_quote_in_two_documents_is_one_match(world):
    r = verify(*world, "no deals cut")
    assert len(r["matches"]) == 1
    m = r["matches"][0]
    assert m["source"]["document_id"] == "d2"  # the earlier published
    assert [s["document_id"] for s in m["sources"]] == ["d2", "d1"]
    assert sorted(m["quote_ids"]) == ["walz1", "walz2"]


def test_not_found(world):
    r = verify(*world, "completely unrelated words about zebras and the moon")
    assert r["verdict"] == "not_found" and r["matches"] == []
    assert r["attribution"]["status"] == "not_checked"


# -- properties on a generated corpus ------------------------------------------
WORDS = ("the a of to and in that we is it people deal cut fire playing governor city money "
         "tax vote law school police war peace freedom truth budget health water road family "
         "children future country time year minnesota river bridge winter").split()


def _corpus(seed=11, n=250):
    rng = random.Random(seed)
    store = FakeStore()
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 25))).capitalize() + "."
        rows.append(store.add(f"g{i}", text, "Jane Doe", f"doc{i}"))
    index = QuoteIndex()
    index.add(rows)
    return index, store, rows


INDEX, STORE, ROWS = _corpus()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(ROWS) - 1), st.data())
def test_exact_fragment_always_verified(i, data):
    words = ROWS[i].text.split()
    n = data.draw(st.integers(min(4, len(words)), len(words)))
    s = data.draw(st.integers(0, len(words) - n))
    r = verify(INDEX, STORE, " ".join(words[s:s + n]))
    assert r["verdict"] == "verified"
    assert r["matches"][0]["score"] == 100
    texts = {m["quote"] for m in r["matches"] if m["score"] == 100}
    assert ROWS[i].text in texts or len(texts) >= 1 and all(m["score"] == 100 for m in r["matches"][:1])


PUNCT = st.sampled_from([",", ".", "!", "?", ";", " -", " —", "…", ":"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(ROWS) - 1), st.sampled_from([str.upper, str.lower, str.title, str.swapcase]),
       st.lists(PUNCT, min_size=30, max_size=30), st.booleans())
def test_case_and_punctuation_never_change_the_top_hit(i, case, puncts, curly):
    words = ROWS[i].text.rstrip(".").split()[:12]
    plain = " ".join(words)
    noisy = " ".join(w + (p if k % 3 == 0 else "") for k, (w, p) in enumerate(zip(words, puncts)))
    noisy = case(noisy)
    noisy = f"“{noisy}”" if curly else f'"{noisy}"'
    a, b = INDEX.search(plain, 1), INDEX.search(noisy, 1)
    assert a[0].group == b[0].group and a[0].score == b[0].score == 100


def test_threshold_is_documented():
    assert THRESHOLD == 80.0


def test_result_is_plain_json(world):
    import json

    for q in ["There were deals cut", "playing with fire", "nothing like this at all"]:
        r = verify(*world, q, speaker="Walz")
        assert json.loads(json.dumps(r)) == r
