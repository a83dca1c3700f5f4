"""Attribution patterns beyond the plain ones: who speaks when a sentence has several names,
a group, an apposition, a passive or a place of speech."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2024, 5, 15)
INTRO = "William Ruto and Raila Odinga ran for president.\n"


def test_name_with_apposition_then_said_then_a_claim_about_someone_else() -> None:
    result = draft_text(
        INTRO + "Wafula Chebukati, chairman of the Independent Electoral and Boundaries "
        "Commission (IEBC), said Ruto had won 50.49 percent of the vote.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Ruto had won 50.49 percent of the vote.", "Wafula Chebukati")
    ]
    chebukati = actor_named(result, "Wafula Chebukati")
    assert chebukati.role == "chairman of the Independent Electoral and Boundaries Commission"
    assert actor_named(result, "IEBC") in chebukati.member_of


def test_a_place_of_speech_is_not_the_speaker() -> None:
    result = draft_text(
        INTRO + "His running mate, Martha Karua, wrote on Twitter that “it is not over until "
        "it is over.”",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [("it is not over until it is over.", "Martha Karua")]
    assert "Twitter" not in {q.speaker.name for q in result.quotes}


def test_told_an_audience_somewhere_is_no_statement_of_its_own() -> None:
    result = draft_text(
        "Mayor Linda Carver backed the plan.\n"
        "“We have waited long enough,” Carver told reporters outside City Hall.\n"
        "Carver told a news conference in Springfield that the work would start in May.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("The work would start in May.", "Linda Carver")]
    assert quotes_of(result, "direct") == [("We have waited long enough", "Linda Carver")]


def test_a_group_with_where_it_is_speaks_as_the_group() -> None:
    result = draft_text(
        "Cases rose sharply in Congo.\n"
        "Health workers in the eastern province of South Kivu said hospitals were overwhelmed.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("Hospitals were overwhelmed.", "Health workers")]
    assert actor_named(result, "Health workers").kind == "group"
    assert "South Kivu" not in [a.name for a in result.actors]


def test_a_bare_plural_subject_is_a_group_and_a_list_before_it_is_not_a_joint_subject() -> None:
    result = draft_text(
        "The European Commission fined Google on Wednesday.\n"
        "Analysts said the fine, while large, was a small fraction of its cash.\n"
        "The ruling could open the door to claims from rivals such as Yelp and TripAdvisor, "
        "lawyers said.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The fine, while large, was a small fraction of its cash.", "Analysts"),
        (
            "The ruling could open the door to claims from rivals such as Yelp and TripAdvisor.",
            "Lawyers",
        ),
    ]
    assert actor_named(result, "Analysts").kind == "group"


def test_passive_attribution_names_the_agent() -> None:
    result = draft_text(
        "The United States is seeking a firm agreement on migration before June, as "
        "confirmed by U.S. Secretary of State Antony Blinken.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        (
            "The United States is seeking a firm agreement on migration before June.",
            "Antony Blinken",
        )
    ]


def test_an_organisation_noun_between_the_name_and_the_verb() -> None:
    result = draft_text(
        INTRO + "Odinga's Azimio la Umoja coalition said it would challenge the result.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("It would challenge the result.", "Azimio la Umoja")]


def test_a_family_name_first_refers_to_the_person() -> None:
    result = draft_text(
        "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida.\n"
        "Yoon, speaking at a joint news conference in Tokyo, said the two countries had to "
        "work together.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The two countries had to work together.", "Yoon Suk Yeol")
    ]


def test_a_joint_subject_of_two_titled_names() -> None:
    result = draft_text(
        "South Korean President Yoon Suk Yeol and Japanese Prime Minister Fumio Kishida "
        "agreed on Thursday to restore regular visits between their leaders.",
        PUBLISHED,
    )
    speakers = [speaker for _, speaker in quotes_of(result, "paraphrase")]
    assert speakers == ["Yoon Suk Yeol", "Fumio Kishida"]


def test_an_accusation_keeps_its_subject_and_verb() -> None:
    result = draft_text(
        "Republican Sen. Ted Cruz accused the FAA of ignoring warnings from its own staff.",
        PUBLISHED,
    )
    assert quotes_of(result, "paraphrase") == [
        ("Ted Cruz accused the FAA of ignoring warnings from its own staff.", "Ted Cruz")
    ]


def test_where_words_were_said_is_no_statement() -> None:
    result = draft_text(
        "Microsoft chief executive Satya Nadella backed the deal.\n"
        "“This acquisition will accelerate our growth,” Nadella said on a call with analysts.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == []
    assert quotes_of(result, "direct") == [
        ("This acquisition will accelerate our growth", "Satya Nadella")
    ]


def test_a_seat_of_power_that_speaks_is_an_actor() -> None:
    result = draft_text(
        "Netanyahu cancelled the visit. The White House said it was disappointed by the decision.",
        PUBLISHED,
    )
    assert actor_named(result, "White House").kind == "organisation"
    assert quotes_of(result, "reported") == [
        ("It was disappointed by the decision.", "White House")
    ]


def test_a_company_described_by_whose_and_referred_to_later() -> None:
    result = draft_text(
        "Senators grilled regulators on Wednesday.\n"
        "Boeing, whose jets have faced new scrutiny, was not represented at the hearing. "
        "The company said in a statement that it was cooperating with regulators.",
        PUBLISHED,
    )
    assert actor_named(result, "Boeing").kind == "organisation"
    assert quotes_of(result, "reported") == [("It was cooperating with regulators.", "Boeing")]


def test_a_common_noun_capitalised_first_is_not_a_second_organisation() -> None:
    result = draft_text(
        "Police in Manchester arrested three men on Saturday after a shooting outside a "
        "nightclub, Greater Manchester Police said.",
        PUBLISHED,
    )
    assert [a.name for a in result.actors] == ["Greater Manchester Police"]


def test_according_to_an_unnamed_source() -> None:
    result = draft_text(
        "The Taliban freed two hostages.\n"
        "The men were flown out of the region on US choppers, according to a local police "
        "source.\n"
        "The prisoners were released in Doha, where the group maintains a political office, "
        "according to a Taliban representative.\n"
        "More than 450,000 people were without phone service, according to a group "
        "representing rural counties in California.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The men were flown out of the region on US choppers.", "Local police source"),
        (
            "The prisoners were released in Doha, where the group maintains a political office.",
            "Taliban representative",
        ),
        (
            "More than 450,000 people were without phone service.",
            "Group representing rural counties in California",
        ),
    ]
    assert actor_named(result, "Local police source").kind == "person"
    assert actor_named(result, "Group representing rural counties in California").kind == (
        "organisation"
    )


def test_a_gerund_after_the_main_clause_speaks_for_its_subject() -> None:
    result = draft_text(
        "Earlier Saturday, Yoon apologized for his actions in a televised address, saying they "
        "“stemmed from the urgency” he felt as president.",
        PUBLISHED,
    )
    assert {speaker for _, speaker in quotes_of(result, "direct")} == {"Yoon"}
    assert [speaker for _, speaker in quotes_of(result, "reported")] == ["Yoon"]


def test_they_continues_the_last_group_that_spoke() -> None:
    result = draft_text(
        "Obama administration officials said they had briefed the transition team on Sudan.\n"
        "They said that Sudan had a long way to go on human rights.",
        PUBLISHED,
    )
    speakers = [speaker for _, speaker in quotes_of(result, "reported")]
    assert speakers == ["Obama administration officials", "Obama administration officials"]
    assert actor_named(result, "Obama administration").kind == "organisation"


def test_a_pronoun_right_before_the_verb_is_its_subject() -> None:
    result = draft_text(
        "Eric Reeves, an academic, criticised the decision.\n"
        "He said that Sudan’s government still committed abuses, and he noted that security "
        "services killed ten civilians in Darfur last week.",
        PUBLISHED,
    )
    assert {speaker for _, speaker in quotes_of(result, "reported")} == {"Eric Reeves"}


def test_a_company_named_by_what_it_does() -> None:
    result = draft_text(
        "Pacific Gas & Electric Co. cut power to 150,000 customers.\n"
        "The utility said it will closely monitor the weather.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("It will closely monitor the weather.", "Pacific Gas & Electric Co")
    ]


def test_a_role_before_the_speakers_name_is_no_statement() -> None:
    result = draft_text(
        "The Lakers beat the Thunder.\n"
        "“There’s a lot of things we did well in there,” Oklahoma City coach Billy Donovan "
        "said.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == []
    assert quotes_of(result, "direct") == [
        ("There’s a lot of things we did well in there", "Billy Donovan")
    ]


def test_a_participle_after_the_speaker_is_no_statement() -> None:
    result = draft_text(
        "South Korean President Yoon Suk Yeol apologised.\n"
        "“I will not evade the responsibility,” Yoon continued, speaking for just over two "
        "minutes before bowing his head.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == []
    assert quotes_of(result, "direct") == [("I will not evade the responsibility", "Yoon Suk Yeol")]


def test_when_and_after_what_words_were_said_are_no_claim() -> None:
    result = draft_text(
        "American officials said Thursday that the demand had not changed.\n"
        "“You cannot apologise only with words,” Seoul resident Margie Kim said after Yoon’s "
        "address.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("The demand had not changed.", "American officials")]


def test_a_name_and_its_apposition_then_an_urge_and_a_gerund_claim() -> None:
    result = draft_text(
        "President Yoon Suk Yeol faced a vote.\n"
        "Han Dong-hoon, the leader of the PPP, urged Yoon to step down, telling reporters "
        "after the address that it had become impossible for him to carry out his duties.",
        PUBLISHED,
    )
    assert quotes_of(result, "paraphrase") == [
        ("Han Dong-hoon urged Yoon to step down.", "Han Dong-hoon")
    ]
    assert quotes_of(result, "reported") == [
        ("It had become impossible for him to carry out his duties.", "Han Dong-hoon")
    ]


def test_said_it_and_a_quoted_claim_gives_both_kinds() -> None:
    result = draft_text(
        "The French foreign ministry said it “regrets any decision likely to encourage "
        "settlement building”.",
        PUBLISHED,
    )
    assert [kind for kind in ("reported", "direct") if quotes_of(result, kind)] == [
        "reported",
        "direct",
    ]
    assert {speaker for _, speaker in quotes_of(result, "reported")} == {"French foreign ministry"}


def test_a_relative_clause_statement_is_its_nouns() -> None:
    result = draft_text(
        "A source said the president was confined to his home.\n"
        "The ministers fled to the compound after their homes were attacked, the source, who "
        "said he had spoken to people inside the compound, told Reuters.",
        PUBLISHED,
    )
    reported = quotes_of(result, "reported")
    assert ("He had spoken to people inside the compound.", "Source") in reported
    assert {speaker for _, speaker in reported} == {"Source"}


def test_acts_that_take_speech_verbs_are_no_statements() -> None:
    result = draft_text(
        "President Yoon Suk Yeol declared martial law around 10:30 p.m. on Tuesday.\n"
        "Israeli courts, however, have declared most major settlements legal.\n"
        "Danilo Gallinari added 25 points for the Thunder.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("Most major settlements legal.", "Israeli courts")]


def test_time_clauses_and_venues_after_the_verb_are_no_statements() -> None:
    result = draft_text(
        "China brokered the deal.\n"
        "“The resumption of relations will benefit the whole region,” Chinese Foreign "
        "Minister Qin Gang said as he welcomed the pair.\n"
        "“Our members have been pushed to the breaking point,” union president Karen "
        "Littlewood said at a rally outside the legislature in Toronto.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == []
    assert quotes_of(result, "paraphrase") == []
    assert [speaker for _, speaker in quotes_of(result, "direct")] == [
        "Qin Gang",
        "Karen Littlewood",
    ]


def test_an_agreement_to_act_keeps_its_subject_and_verb() -> None:
    result = draft_text(
        "Japanese Prime Minister Fumio Kishida agreed on Thursday to restore regular visits.",
        PUBLISHED,
    )
    assert quotes_of(result, "paraphrase") == [
        ("Fumio Kishida agreed on Thursday to restore regular visits.", "Fumio Kishida")
    ]


def test_an_unnamed_member_of_the_public_who_speaks_is_a_person() -> None:
    result = draft_text(
        "The board approved the plan on Tuesday.\n"
        '"It will ruin the valley," said one woman during the hearing.\n'
        '"I like the new park," another resident said.',
        date(2024, 5, 15),
    )
    assert quotes_of(result, "direct") == [
        ("It will ruin the valley", "One woman during the hearing"),
        ("I like the new park", "Another resident"),
    ]
    assert actor_named(result, "Another resident").kind == "person"


def test_verbs_of_remark_and_answer_attribute_speech() -> None:
    result = draft_text(
        "Mayor Lena Hart opened the new bridge on Friday.\n"
        '"At least it is not another tunnel," Hart quipped.\n'
        "The city had never built a bridge that long, Hart conceded.\n"
        "PM Sitani Fonua said the grant would be renewed.",
        date(2024, 5, 15),
    )
    assert ("At least it is not another tunnel", "Lena Hart") in quotes_of(result, "direct")
    assert (
        "The city had never built a bridge that long.",
        "Lena Hart",
    ) in quotes_of(result, "reported")
    assert actor_named(result, "Sitani Fonua").role == "PM"
