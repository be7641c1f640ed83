"""What a new user tries first, against the shipped corpus (quotes/)."""
from __future__ import annotations


def verify(client, quote, speaker=None):
    body = {"quote": quote} if speaker is None else {"quote": quote, "speaker": speaker}
    response = client.post("/v1/verify", json=body)
    assert response.status_code == 200
    return response.get_json()


def test_playing_with_fire_is_trumps_from_politico(client):
    result = verify(client, "PLAYING WITH FIRE")
    assert result["verdict"] == "verified"
    top = result["matches"][0]
    assert top["speaker"]["name"] == "Donald Trump"
    assert top["source"]["outlet"] == "POLITICO"
    assert "Frey" in top["context"]
    assert top["score"] == 100


def test_no_deals_cut_is_freys(client):
    result = verify(client, "there were no deals cut")
    assert result["verdict"] == "verified"
    assert result["matches"][0]["speaker"]["name"] == "Jacob Frey"
    assert result["matches"][0]["matched_text"].lower().startswith("there were no deals cut")


def test_dropped_negation_is_altered(client):
    result = verify(client, "There were deals cut")
    assert result["verdict"] == "altered"
    kinds = [d["kind"] for d in result["matches"][0]["differences"]]
    assert "negation" in kinds


def test_wrong_speaker_is_contradicted(client):
    result = verify(client, "There were no deals cut", speaker="Tim Walz")
    assert result["attribution"]["status"] == "contradicted"
    assert "Jacob Frey" in result["attribution"]["actual"]


def test_right_speaker_by_title_and_surname_is_confirmed(client):
    for claimed in ("Governor Walz", "Walz", "Tim Walz", "gov. tim walz"):
        result = verify(client, "You didn't kill anyone there", speaker=claimed)
        assert result["attribution"]["status"] == "confirmed", claimed


def test_pinned_tweet_is_freys_and_dated(client):
    result = verify(client, "Today is a good day for ICE to get out of Minnesota")
    assert result["verdict"] == "verified"
    top = result["matches"][0]
    assert top["speaker"]["name"] == "Jacob Frey"
    assert top["date"]["value"] == "2026-01-11"


def test_curly_quotes_and_ellipsis(client):
    result = verify(client, "\u201cThere were no deals cut \u2026 There were no trade-offs of our values.\u201d")
    assert result["verdict"] == "verified"
    assert result["matches"][0]["speaker"]["name"] == "Jacob Frey"


def test_words_nobody_said_are_not_found(client):
    result = verify(client, "The moon is made of green cheese and we will tax it heavily")
    assert result["verdict"] == "not_found"
    assert result["attribution"]["status"] == "not_checked"
