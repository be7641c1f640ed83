"""Speaker reading and pronoun resolution rules, each on a short text written for the test."""
from service.extract import extract_quotes


def last(text):
    quotes = extract_quotes(text)
    assert quotes, "no quote found"
    return quotes[-1]


def test_cue_after_not_blocked_by_a_show_title():
    q = last('“He has no path to the nomination,” Dana Wells said on ABC\'s "This Week," adding more.')
    assert q.speaker.name == "Dana Wells"


def test_cue_after_descriptor_then_appositive_name():
    q = last("“We will not back down,” the outgoing county treasurer, Hal Brenner, wrote on Monday.")
    assert q.speaker.name == "Hal Brenner"


def test_cue_after_person_of_an_organisation():
    q = last("“The numbers do not add up,” Rena Okafor of the Hollins Institute for Budget Studies wrote.")
    assert q.speaker.name == "Rena Okafor"


def test_sentence_opening_adverb_is_not_part_of_the_name():
    t = "Even Marcus Trent, a longtime critic, agreed.\n\n“It was a fair deal,” Trent said."
    assert last(t).speaker.name == "Marcus Trent"


def test_new_cue_verbs():
    q = last("“Would you sign it tomorrow?” Tara Quinlan pressed.")
    assert q.speaker.name == "Tara Quinlan"


def test_secretary_of_state_is_the_sentence_subject():
    t = ("Press secretary Owen Platt spoke first. Secretary of State Rupert Vance said the vote was "
         "flawed. He called the count “deeply irregular and rushed.”")
    assert last(t).speaker.name == "Rupert Vance"


def test_name_inside_aside_of_quote_led_sentence_is_not_subject():
    t = ("Gordon's pollster, Josh Keane, says the race is open. “I don't think the old view” -- that "
         "Gordon is too cautious -- “is going to last,” he says.")
    assert last(t).speaker.name == "Josh Keane"


def test_first_name_list_gives_gender():
    t = ("Sandy Morrow, who lost her seat in 2012, said the party had changed. Kyle Benton disagreed "
         "with the plan. “We were never consulted,” she said.")
    assert last(t).speaker.name == "Sandy Morrow"


def test_no_guess_when_only_a_reported_clause_comes_before():
    # "Calder added that ..." reports her view; the quote after it has no cue
    # of its own, and a verification service must not guess who said it.
    t = ("“Rates will rise,” said Nina Calder, an economist at a bank. Calder added that the board "
         "wants to act early. “They will move before the vote.”")
    q = last(t)
    assert q.speaker is None and q.rule == "none"


def test_no_guess_from_the_subject_of_the_sentence_before():
    t = ("The council met on Monday. Councilwoman Ida Moreno said the budget was short.\n\n"
         "“We cannot pay for the new buses this year.”")
    q = last(t)
    assert q.speaker is None and q.confidence <= 0.2


def test_no_speaker_across_another_subject():
    t = ("“Rates will rise,” said Nina Calder. Mayor Tom Ruiz disagreed with the forecast and "
         "cut the budget. “Nobody knows.”")
    q = last(t)
    assert q.speaker is None or q.speaker.name != "Nina Calder"


def test_name_comma_role_of_organisation_without_closing_comma():
    t = "Lena Ortiz, the press director for the Ohio Farm Bureau said, “Prices are not coming back.”"
    assert last(t).speaker.name == "Lena Ortiz"


def test_press_secretary_is_not_a_cue():
    q = last("“We have no comment,” White House press secretary Dan Holt said Friday.")
    assert q.speaker.name == "Dan Holt"


def test_descriptor_followed_by_name_is_the_name():
    t = ("One farmer, Oskar Lindqvist, 58, drove in from the coast. Mayor Diane Reyes spoke later.\n\n"
         "“I came for the water rights,” he said.")
    assert last(t).speaker.name == "Oskar Lindqvist"


def test_descriptor_after_preposition_is_not_the_subject():
    t = ("Sandra Voss waved at a protester as she walked in, and she said she was “tired of the lies.”")
    assert last(t).speaker.name == "Sandra Voss"


def test_secretary_of_state_run_is_one_mention():
    t = ("Former Secretary of State Ellen Marsh spoke after Sen. Tom Wade. “We need a deal now,” she said.")
    assert last(t).speaker.name == "Ellen Marsh"


def test_lowercase_role_appositive_before_cue():
    q = last("“The state went too far,” Teo Varga, legal director for ACLU of Nevada, said by phone.")
    assert q.speaker.name == "Teo Varga"


def test_quote_closed_on_comma_keeps_its_cue_even_before_another_quote():
    t = "“We will build it, no question,” Ray Dunmore said “and nobody will stop us.”"
    assert extract_quotes(t)[0].speaker.name == "Ray Dunmore"


def test_name_then_relative_appositive_without_closing_comma():
    q = last("“Turnout will decide it,” Mira Sandoval, the pollster who founded civiclens.org tweeted on Monday.")
    assert q.speaker.name == "Mira Sandoval"


def test_reacted_is_a_cue():
    q = last("“What is he even talking about?” reacted Glenn Abbott.")
    assert q.speaker.name == "Glenn Abbott"


def test_object_name_before_role_is_not_the_speaker():
    t = "“It is over,” voters told Rita Hale, the county clerk said."
    q = last(t)
    assert q.speaker is None or q.speaker.name != "Rita Hale"


def test_capitalised_post_is_an_outlet_not_a_document():
    q = last("“The plan was drafted in March,” the Denver Post reported.")
    assert q.speaker is not None and "Post" in q.speaker.name


def test_questioned_and_retaliated_are_cues():
    assert last("“Why change now?” Nora Blake questioned.").speaker.name == "Nora Blake"
    assert last("“That is simply false,” an angry Pieter Maas retaliated.").speaker.name == "Pieter Maas"


def test_title_case_headline_words_are_not_people():
    t = ("Senator Slams Rival Over Farm Bill Ever Since Vote.\n\n"
         "One of the main claims of Gov. Rosa Lindqvist’s speech does not hold up.\n\n"
         "She told the crowd, to loud applause:\n\n“No state has done more for farmers than ours.”")
    assert last(t).speaker.name == "Rosa Lindqvist"


def test_full_name_right_before_colon_is_the_speaker():
    t = ("The timing of the surge does not surprise county pollster Daron Whitfield: "
         "“Late deciders always break for the challenger.”")
    assert last(t).speaker.name == "Daron Whitfield"


def test_told_after_appositive_names_the_listener_not_the_speaker():
    t = "“They are with us or against us,” Bram Kessler III, founder of the Civic Trust, told Metro Radio."
    assert last(t).speaker.name.startswith("Bram Kessler")


def test_definite_role_refers_to_the_person_given_that_role():
    t = ("Critics abroad were blunt. “It is a mistake,” columnist Wen Tao wrote on Friday.\n\n"
         "Later the columnist wrote, “Nobody should rush.”")
    assert last(t).speaker.name == "Wen Tao"


def test_descriptor_with_capitalised_name_before_its_head():
    q = last("“I would want answers,” said a prominent Republican National Committee member who backs the plan.")
    assert q.speaker.kind == "descriptor" and "member" in q.speaker.name


def test_a_verb_and_preposition_are_not_read_as_a_title():
    # "went" and "after" end like role nouns ("president", "adviser") but
    # "Hale went after Dorsey" is a clause: the he is Hale.
    t = ("At a town hall in Dover, Vic Hale went after Sam Dorsey, calling him “a total stiff.”\n\n"
         "He says, “Here is a man nobody would hire.”")
    q = last(t)
    assert q.speaker.name == "Vic Hale"
