from service.aliases import name_parts, same_speaker, speaker_key


def test_titles_surnames_case_and_accents():
    for claim in ["Governor Walz", "Gov. Tim Walz", "Walz", "tim walz", "Tim Walz", "WALZ"]:
        assert same_speaker(claim, "Tim Walz"), claim
    assert same_speaker("Jose Andres", "José Andrés")
    assert same_speaker("President Trump", "Donald J. Trump")
    assert same_speaker("Donald Trump", "Donald J. Trump")


def test_different_people():
    assert not same_speaker("Mary Walz", "Tim Walz")
    assert not same_speaker("Frey", "Tim Walz")
    assert not same_speaker(None, "Tim Walz")
    assert not same_speaker("Walz", None)


def test_keys_group_one_person():
    assert speaker_key("Gov. Tim Walz") == speaker_key("Tim Walz") == "tim walz"
    assert name_parts("Martin Luther King Jr.") == ["martin", "luther", "king"]
    assert speaker_key(None) == ""
