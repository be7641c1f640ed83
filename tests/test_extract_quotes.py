"""Finding quote spans: pairing, apostrophes, unbalanced marks, continuation, nesting."""
from service.extract import extract_quotes
from service.extract.quotes import find_quote_spans


def spans_text(text):
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_curly_pair():
    t = "The mayor said “we will rebuild the bridge this year” on Monday."
    assert spans_text(t) == ["we will rebuild the bridge this year"]


def test_straight_pairs_and_mixed_marks():
    t = 'She said "first point here" and then "second point here."'
    assert spans_text(t) == ["first point here", "second point here."]
    # An opening curly mark closed by a straight one still pairs.
    t2 = '“We are going to win this race," he added.'
    assert spans_text(t2) == ["We are going to win this race,"]


def test_apostrophes_are_not_quote_marks():
    t = "The students’ union said it won’t back the ’90s plan, and Sam’s group didn't either."
    assert spans_text(t) == []


def test_single_quotes_at_top_level_and_possessive_inside():
    t = "He called it ‘a deal for the workers’ rights and pay’ in the end."
    assert spans_text(t) == ["a deal for the workers’ rights and pay"]


def test_nested_single_inside_double_is_one_quote():
    t = "“He told me, ‘Leave now,’ and I did,” Ms. Park said."
    quotes = extract_quotes(t)
    assert len(quotes) == 1
    assert quotes[0].text == "He told me, ‘Leave now,’ and I did,"


def test_unbalanced_opening_mark_runs_to_paragraph_end():
    t = "Rivera said: “The budget is broken and nobody will fix it\n\nThe council met later."
    assert spans_text(t) == ["The budget is broken and nobody will fix it"]


def test_stray_closing_mark_is_ignored():
    t = "The vote was close” and the count took hours."
    assert spans_text(t) == []


def test_marks_inside_markup_tags_are_not_quotes():
    t = ('<post author="@cityhall" date="June 3,\n2024">Crews start on the bridge today</post>\n'
         'The post linked to <a href="https://example.org/x" title=“Bridge plan”>the plan</a>, and '
         'the mayor said "it is about time."')
    assert spans_text(t) == ["it is about time."]


def test_typewriter_double_apostrophes_only_on_request():
    t = "''We will not back down,'' Mr. Okafor said. ''He told me, 'Stay home,' and I did.''"
    # Off by default (archive artefact; PolNeAR's gold does not count it),
    # and the single marks nested in it are not quotes either.
    assert spans_text(t) == []
    assert extract_quotes(t) == []
    assert [t[s.start:s.end] for s in find_quote_spans(t, typewriter=True)] == [
        "We will not back down,", "He told me, 'Stay home,' and I did."]
    quotes = extract_quotes(t, typewriter_quotes=True)
    assert quotes[0].speaker.name == "Okafor" and quotes[0].text == "We will not back down,"


def test_paragraph_continuation_is_one_statement():
    t = ("“The first thing we did was call the families,” Chief Dana Ortiz said. “We told them the truth.\n\n"
         "“Then we opened the station to anyone who needed a place to sleep.”")
    (q,) = extract_quotes(t)
    # resumed after the attribution, then continued over the paragraph break
    assert len(q.spans) == 3
    assert [t[a:b] for a, b in q.spans][1:] == [
        "We told them the truth.", "Then we opened the station to anyone who needed a place to sleep."]
    assert q.speaker is not None and q.speaker.name == "Dana Ortiz"
    t2 = "“The first thing we did was call the families.\n\n“Then we opened the station to anyone.”"
    (q2,) = extract_quotes(t2)
    assert len(q2.spans) == 2 and q2.text.endswith("opened the station to anyone.")


def test_split_quote_has_two_spans_and_joined_text():
    t = "“The plan is dead,” Senator Maria Lopez said, “and we all know it.”"
    (q,) = extract_quotes(t)
    assert q.rule == "cue_inside"
    assert [t[a:b] for a, b in q.spans] == ["The plan is dead,", "and we all know it."]
    assert q.text == "The plan is dead, and we all know it."  # segments joined by a space
    assert q.speaker.name == "Maria Lopez"


def test_spans_are_offsets_into_the_input():
    t = "Intro line.\n\n“Taxes will go up next year for every family,” Governor Ann Lee said."
    (q,) = extract_quotes(t)
    a, b = q.spans[0]
    assert t[a:b] == "Taxes will go up next year for every family,"
    assert q.text == "Taxes will go up next year for every family,"  # as published


def test_fragment_flag_and_scare_quotes():
    t = ("Governor Ann Lee called the plan “a total mess” on Tuesday. "
         "Critics of the so-called “reform agenda” were not persuaded.")
    quotes = extract_quotes(t)
    texts = [q.text for q in quotes]
    assert "a total mess" in texts
    frag = quotes[texts.index("a total mess")]
    assert frag.fragment is True and frag.speaker.name == "Ann Lee"
    # an unattributed scare quote is not reported as somebody's words
    assert "reform agenda" not in texts


def test_titles_and_nicknames_are_not_statements():
    t = "She starred in “The Long Night” and was known as “The Hammer” to her fans."
    assert extract_quotes(t) == []


def test_one_word_quotes_are_not_statements():
    t = "Mayor Tom Ruiz called the report “nonsense” on Friday."
    assert extract_quotes(t) == []


def test_ordered_by_position():
    t = ("“First statement is here,” said Ana Diaz. Later, Bo Chen said: “Second statement is here.” "
         "“Third statement is here,” Diaz added.")
    quotes = extract_quotes(t)
    starts = [q.spans[0][0] for q in quotes]
    assert starts == sorted(starts) and len(quotes) == 3
