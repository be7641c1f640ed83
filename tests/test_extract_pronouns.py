"""Pronoun and title resolution rules, each on a short text written for the test."""
from service.extract import extract_quotes


def last(text):
    quotes = extract_quotes(text)
    assert quotes, "no quote found"
    return quotes[-1]


def test_a_title_resolves_only_to_a_holder_named_before():
    # The only senator the text names comes after the quote: "the senator"
    # stays a descriptor rather than becoming that later man.
    t = ("“We will win this,” the senator said at the rally.\n\n"
         "Later, Sen. Oscar Lindqvist endorsed a rival.")
    q = extract_quotes(t)[0]
    assert q.speaker.name != "Oscar Lindqvist"
    assert q.speaker.kind == "descriptor"


def test_a_predicative_descriptor_is_not_a_pronoun_referent():
    # "Himself a former team owner" describes the subject; it is no new person.
    t = ("Gideon Marsh spent the weekend online.\n\n"
         "Himself a former team owner — he bought a club in 1990 — Marsh also offered a prediction.\n\n"
         "“This game is very boring,” he wrote.")
    assert last(t).speaker.name == "Gideon Marsh"


def test_a_descriptor_in_a_subordinate_clause_is_not_the_subject():
    t = ("When a local reporter asked Hollis Grant about the plan, Grant deflected.\n\n"
         "“You tell me,” he said.")
    assert last(t).speaker.name == "Hollis Grant"


def test_a_unisex_first_name_does_not_rule_out_he():
    # "Lindsey" names men too: the he is Lindsey Varga, the subject before.
    t = ("Paul Okoye introduced Sen. Lindsey Varga at the dinner.\n\n"
         "Varga thanked the hosts. He said the critics should “stand aside and let us work.”")
    assert last(t).speaker.name == "Lindsey Varga"


def test_said_name_mid_sentence_is_not_an_inverted_attribution():
    # "..., for example, said Varga lost ground" reports what Pell said about Varga.
    t = ("Tom Pell, the county party chairman, for example, said Varga lost ground by attacking "
         "the governor. “It has not gone well for him,” he said.")
    assert last(t).speaker.name == "Tom Pell"


def test_inverted_attribution_after_a_comma_still_counts():
    t = ("Rob Hale praised the plan. But, said Nora Fisk, “we cannot afford it.” "
         "“It is too much,” she said.")
    assert last(t).speaker.name == "Nora Fisk"


def test_a_name_used_as_a_modifier_is_not_the_subject():
    # "the Lutz release": Lutz modifies a noun; the subject is Dwyer.
    t = ("Mark Lutz hired a new manager last week. On Thursday, in the Lutz release announcing the hire, "
         "Dwyer described the job as hard.\n\n“My job is to win,” he said.")
    assert last(t).speaker.name == "Dwyer"


def test_a_headline_word_does_not_become_part_of_a_name():
    # "Cautious Varga": a headline adjective, not the first name of Dale Varga.
    t = ("Cautious Varga weighs a run for governor.\n\n"
         "State Treasurer Dale Varga said on Monday he would decide by spring.\n\n"
         "“I am listening to voters,” Varga said.")
    assert last(t).speaker.name == "Dale Varga"


def test_a_full_name_in_the_headline_still_counts():
    t = ("Dale Varga weighs a run for governor.\n\n"
         "“I am listening to voters,” Varga said.")
    assert last(t).speaker.name == "Dale Varga"


def test_a_fronted_topic_is_the_referent():
    # "As for Lutz, he said ...": Lutz is whom the sentence is about.
    t = ("Omar Reyes warned against a contested convention. “That would be a disaster,” Reyes said.\n\n"
         "As for Mark Lutz, he said he is not worried. “I will have the delegates,” he said.")
    assert last(t).speaker.name == "Mark Lutz"
