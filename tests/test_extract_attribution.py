"""The attribution cascade: each rule on a short article written for the test."""
from service.extract import extract_quotes
from service.model import DocumentMeta


def only(text, **kw):
    quotes = extract_quotes(text, **kw)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_cue_after_name_verb():
    q = only("“We will finish the road by June,” Mayor Lena Brooks said.")
    assert q.rule == "cue_after" and q.cue == "said"
    assert q.speaker.name == "Lena Brooks" and q.speaker.title == "Mayor"


def test_cue_after_inverted_with_appositive():
    q = only("“The vote was rigged from the start,” said Omar Haddad, a county clerk in Dayton.")
    assert q.speaker.name == "Omar Haddad"
    assert q.speaker.title == "county clerk in Dayton"


def test_cue_after_particle_verb():
    t = "Ruth Keller was furious. “You lied to every voter here,” she fired back."
    quotes = extract_quotes(t)
    assert quotes[-1].speaker.name == "Ruth Keller" and quotes[-1].cue == "fired back"


def test_cue_before_with_that():
    q = only("Senator Paul Reyes said that the bill “would cost far more than anyone admits.”")
    assert q.rule == "cue_before" and q.speaker.name == "Paul Reyes"


def test_cue_before_names_subject_not_object():
    q = only("Governor Ann Lee told the reporters that she “will not sign this bill in its current form.”")
    assert q.speaker.name == "Ann Lee"


def test_cue_inside_split_quote():
    q = only("“We tried,” the coach, Ben Ali, said, “but the other side was better.”")
    assert q.rule == "cue_inside" and len(q.spans) == 2
    assert q.speaker.name == "Ben Ali"


def test_according_to():
    q = only("“The talks collapsed at midnight,” according to a senior union official.")
    assert q.rule == "according_to"
    assert q.speaker.kind == "descriptor" and q.speaker.name == "a senior union official"


def test_colon_lead_in_with_quote_marks():
    t = "Judge Carla Moss was blunt.\n\nMoss echoed her clerk: “The filing was late and incomplete.”"
    quotes = extract_quotes(t)
    assert quotes[-1].speaker.name == "Carla Moss"


def test_colon_lead_in_block_without_marks():
    t = ("Councilwoman Iris Tan posted a long message on Sunday night.\n\n"
         "Wrote Tan:\n\n"
         "We have asked for the audit three times and have been refused each time. That ends today.\n\n"
         "The city did not respond.")
    quotes = extract_quotes(t)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.rule == "colon_lead_in"
    assert q.speaker.name == "Iris Tan"
    assert q.text.startswith("We have asked for the audit")
    assert t[q.spans[0][0]:q.spans[0][1]] == q.text


def test_participle_lead_in_block():
    t = ("Governor Sam Ortiz also commented, writing on his campaign account:\n\n"
         "The storm is over and the rebuilding starts now. Thank you to every volunteer!\n")
    (q,) = extract_quotes(t)
    assert q.rule == "colon_lead_in" and q.speaker.name == "Sam Ortiz"


def test_dash_signature_post():
    t = ("The mayor posted again.\n\n"
         "Schools will stay open tomorrow despite the snow. — Mayor Lin Park (@MayorPark) March 3, 2025\n")
    (q,) = extract_quotes(t, DocumentMeta(published="2025-03-05"))
    assert q.rule == "dash_signature"
    assert q.speaker.name == "Lin Park" and q.speaker.title == "Mayor"
    assert q.text == "Schools will stay open tomorrow despite the snow."
    assert q.date.value == "2025-03-03" and q.date.basis == "stated"


def test_appositive_before_cue():
    q = only("“Nobody asked us,” Maya Fox, a spokeswoman for the agency, said in a statement.")
    assert q.speaker.name == "Maya Fox"
    assert q.speaker.title == "spokeswoman for the agency"


def test_quote_resumed_after_attribution_sentence_is_one_statement():
    t = "“The river rose two feet overnight,” said Fire Chief Ada Stone. “We moved everyone out by dawn.”"
    (q,) = extract_quotes(t)
    assert q.rule == "cue_inside" and len(q.spans) == 2
    assert q.text == "The river rose two feet overnight, We moved everyone out by dawn."


def test_inheritance_next_sentence_and_paragraph():
    t = ("“The river rose two feet overnight,” said Fire Chief Ada Stone.\n\n"
         "“We moved everyone out by dawn. Nobody was hurt, and that is what matters.”")
    quotes = extract_quotes(t)
    assert [q.rule for q in quotes] == ["cue_after", "inherited"]
    assert {q.speaker.name for q in quotes} == {"Ada Stone"}


def test_no_inheritance_across_intervening_narrative():
    t = ("“The river rose two feet overnight,” said Fire Chief Ada Stone.\n\n"
         "The county has flooded four times since 2010, records show.\n\n"
         "“Nobody tells you what to do when the water comes.”")
    quotes = extract_quotes(t)
    assert quotes[-1].speaker is None and quotes[-1].rule == "none"


def test_unattributed_quote_gets_no_speaker():
    q = only("“This is the worst flood the valley has ever seen in living memory.”")
    assert q.speaker is None and q.rule == "none" and q.confidence < 0.5


def test_pronoun_resolves_to_subject_of_previous_sentence():
    t = ("Senator Joan Pike met Governor Alan Reed on Tuesday. She said the talks went well.\n\n"
         "“We agreed on the outline of a deal,” she said.")
    quotes = extract_quotes(t)
    assert quotes[-1].speaker.name == "Joan Pike" and quotes[-1].speaker.mention == "she"


def test_pronoun_respects_gender():
    t = ("Mary Walsh introduced Mr. Tom Baker to the crowd.\n\n"
         "“I have known him for twenty years,” she said.")
    (q,) = extract_quotes(t)
    assert q.speaker.name == "Mary Walsh"


def test_surname_resolves_to_full_name():
    t = ("Minneapolis Mayor Jacob Hale spoke first. Later, the council voted.\n\n"
         "“We will keep the shelters open all winter,” Hale said.")
    (q,) = extract_quotes(t)
    assert q.speaker.name == "Jacob Hale" and q.speaker.mention == "Hale"
    assert q.speaker.title == "Minneapolis Mayor"


def test_title_mention_resolves_to_person():
    t = ("Ohio Gov. Ray Dunn signed the order on Monday.\n\n"
         "“This is about safety, nothing else,” the governor said.")
    (q,) = extract_quotes(t)
    assert q.speaker.name == "Ray Dunn" and q.speaker.mention == "the governor"
    assert q.speaker.title == "Ohio Gov."


def test_honorific_mention_resolves():
    t = ("Barack Holmes spoke at the dinner.\n\n“We were lucky,” Mr. Holmes said.")
    (q,) = extract_quotes(t)
    assert q.speaker.name == "Barack Holmes"


def test_party_state_parenthesis():
    q = only("Sen. Amy Nolan (D-Minn.) said the bill “is not going anywhere this year.”")
    assert q.speaker.name == "Amy Nolan" and q.speaker.title == "Sen."


def test_organisation_speaker():
    q = only("“The report is false and we will say so in court,” the White House said.")
    assert q.speaker.kind == "organisation" and q.speaker.name == "the White House"


def test_descriptor_speakers():
    q = only("“They were never going to agree to it,” said a Democratic state official, who spoke on condition of anonymity.")
    assert q.speaker.kind == "descriptor" and q.speaker.name == "a Democratic state official"
    q = only("“It was chaos in the room all night long,” according to a person briefed on the talks.")
    assert q.speaker.name == "a person briefed on the talks"


def test_definite_descriptor_refers_back():
    t = ("“We saw it coming months ago,” one county official said.\n\n"
         "The county has not commented publicly.\n\n"
         "“Nobody listened to us,” the official continued.")
    quotes = extract_quotes(t)
    assert quotes[-1].speaker.kind == "descriptor"
    assert quotes[-1].speaker.name == "one county official"
    assert quotes[-1].speaker.mention == "the official"


def test_thing_subject_uses_the_author():
    t = "Ms. Ana Cole’s pinned post, which she wrote in May, said, “Vote early and bring a friend.”"
    (q,) = extract_quotes(t)
    assert q.speaker.name == "Ana Cole"


def test_context_is_bounded_and_holds_the_quote():
    t = "Intro. " + ("Filler sentence about nothing. " * 40) + "“We are done here,” Lee Chang said. " + "More filler. " * 40
    (q,) = extract_quotes(t)
    assert "We are done here" in q.context and len(q.context) <= 600


def test_age_and_place_appositives_before_cue():
    q = only("“The roads are a disgrace,” Nora Field, 41, of Dayton, Ohio, who drives a school bus, said on Friday.")
    assert q.rule == "cue_after" and q.speaker.name == "Nora Field"


def test_capitalised_word_is_not_a_cue_mid_sentence():
    q = only("“It was a mistake,” former State policy director Ann Kerr wrote in a memo.")
    assert q.speaker.name == "Ann Kerr"


def test_pronoun_can_refer_to_an_anonymous_person():
    t = ("One California delegate tried to recruit friends for the convention. He was unable to find a taker.\n\n"
         "“Not even one person said yes to me,” he said.")
    (q,) = extract_quotes(t)
    assert q.speaker.kind == "descriptor" and q.speaker.name == "one California delegate"


def test_enumerated_points_continue_the_speaker():
    t = ("“We will fight this,” Mayor Ana Ruiz said.\n\n"
         "Ruiz is giving advice to other mayors, which she sums up in two points. "
         "First, “never hide from the press,” and second, “tell people the truth every single day.”")
    quotes = extract_quotes(t)
    assert [q.speaker.name for q in quotes] == ["Ana Ruiz"] * 2
    assert quotes[1].rule == "inherited" and len(quotes[1].spans) == 2


def test_reported_before_same_paragraph():
    # No cue at the quote: the sentence before it, same paragraph, reports the speech act.
    t = ("Attorney General Mara Quist announced the suit on Monday. “We are asking the court "
         "to halt the rule before it takes effect.”")
    q = extract_quotes(t)[-1]
    assert q.speaker.name == "Mara Quist" and q.rule == "reported_before"


def test_reported_before_not_across_a_paragraph_break():
    # Across a paragraph break the quote keeps no speaker rather than a guess.
    t = ("Attorney General Mara Quist announced the suit on Monday, and reporters asked her about it.\n\n"
         "“We are asking the court to halt the rule before it takes effect.”")
    q = extract_quotes(t)[-1]
    assert q.rule != "reported_before"
