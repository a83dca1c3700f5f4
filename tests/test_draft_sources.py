"""Unnamed speakers as news agencies word them: anonymous sources ("two people familiar with
the matter") and an organisation's spokesperson ("said a WeWork spokesperson when …")."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2019, 11, 18)
INTRO = "WeWork is a workspace provider based in New York.\n"


def test_according_to_people_familiar_with_the_matter_is_a_group_of_sources() -> None:
    result = draft_text(
        INTRO + "The attorney general is investigating WeWork, according to two people "
        "familiar with the matter, adding to its problems.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The attorney general is investigating WeWork.", "Two people familiar with the matter")
    ]
    sources = actor_named(result, "Two people familiar with the matter")
    assert sources.kind == "group"


def test_sources_before_the_verb_speak_rather_than_the_body_they_are_close_to() -> None:
    result = draft_text(
        "The Taliban met US envoys in Doha.\n"
        "Officials close to the Taliban said the talks were over.\n"
        "The deal was near, said a person with knowledge of the plan.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The talks were over.", "Officials close to the Taliban"),
        ("The deal was near.", "Person with knowledge of the plan"),
    ]
    assert actor_named(result, "Officials close to the Taliban").kind == "group"
    assert actor_named(result, "Person with knowledge of the plan").kind == "person"


def test_said_an_organisations_spokesperson_when_contacted_is_the_spokesperson() -> None:
    result = draft_text(
        INTRO + "“We received an inquiry and are cooperating in the matter,” said a WeWork "
        "spokesperson when contacted by Reuters.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("We received an inquiry and are cooperating in the matter", "WeWork spokesperson")
    ]
    spokesperson = actor_named(result, "WeWork spokesperson")
    assert spokesperson.kind == "person"
    assert "a WeWork spokesperson" in spokesperson.aliases
    assert actor_named(result, "WeWork") in spokesperson.member_of


def test_said_then_a_clause_of_its_own_is_still_not_an_inverted_subject() -> None:
    result = draft_text(
        "Mike Pompeo spoke in Washington.\n"
        "Pompeo said the US policy change paved the way for talks.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The US policy change paved the way for talks.", "Mike Pompeo")
    ]


def test_a_claim_then_the_national_body_said_leaves_its_article_to_the_subject() -> None:
    result = draft_text(
        "Two United States service members have been killed in a helicopter crash in "
        "Afghanistan, the US military said in a statement on Wednesday.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        (
            "Two United States service members have been killed in a helicopter crash in "
            "Afghanistan.",
            "US military",
        )
    ]


def test_a_body_named_by_its_country_and_a_description_speaks() -> None:
    result = draft_text(
        "China and the United States are in talks.\n"
        "China's commerce ministry said removing tariffs was an important condition.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Removing tariffs was an important condition.", "China’s commerce ministry")
    ]
    ministry = actor_named(result, "China’s commerce ministry")
    assert ministry.kind == "organisation"
    assert actor_named(result, "China") in ministry.member_of


def test_a_countrys_described_government_is_that_countrys_government() -> None:
    result = draft_text(
        "Sudan is poor. The Sudanese government denied the reports.\n"
        "Eric Reeves said that Sudan’s military-dominated government continued its abuses.",
        PUBLISHED,
    )
    government = actor_named(result, "Government of Sudan")
    assert "Sudan’s military-dominated government" in government.aliases
    assert "Sudan’s military-dominated government" not in [a.name for a in result.actors]


def test_another_person_said_twice_is_two_people_and_someone_is_a_speaker() -> None:
    result = draft_text(
        "The county board heard the plan on Tuesday.\n"
        "“The very idea is kind of cringey,” said another person.\n"
        "“I am blown away by the size of this,” said someone at the meeting.\n"
        "“I have a huge problem with such a trendy concept,” said another person.",
        PUBLISHED,
    )
    speakers = [q.speaker for q in result.quotes if q.kind == "direct"]
    assert [s.name for s in speakers] == [
        "Another person",
        "Someone at the meeting",
        "Another person",
    ]
    assert speakers[0] is not speakers[2]


def test_he_after_a_sentence_whose_subject_names_another_in_passing_is_the_subject() -> None:
    result = draft_text(
        "Barely a week ago, Zach Parise, 35, had scored just once in a 10-game stretch. Wild "
        "defenseman Ryan Suter, who joked about Parise’s penchant for changing sticks, could "
        "see the frustration on his friend’s face.\n"
        "“He’s used to scoring goals, getting points,” he said.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("He’s used to scoring goals, getting points", "Ryan Suter")
    ]
    assert quotes_of(result, "reported") == []  # "joked about …" is a topic, no claim


def test_the_n_year_old_is_the_person_given_that_age() -> None:
    result = draft_text(
        "Tottenham appointed Jose Mourinho, 56, on Wednesday. Mauricio Pochettino was sacked.\n"
        'The 56-year-old said after his appointment: "I am excited to be joining a club with '
        'such a great heritage."',
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("I am excited to be joining a club with such a great heritage.", "Jose Mourinho")
    ]
    assert quotes_of(result, "reported") == []


def test_a_circumstance_after_the_verb_is_no_claim() -> None:
    result = draft_text(
        "Josep Borrell chaired the talks.\n"
        "“We are in deterrent mode,” Josep Borrell told reporters as he arrived for a meeting "
        "of EU foreign ministers in Brussels.\n"
        "“The crisis is now,” Borrell said to cheers from the crowd.\n"
        "Anthony Beauvillier added his seventh for the Islanders.\n"
        "Trust members asked to get the documents well ahead of the meeting.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("We are in deterrent mode", "Josep Borrell"),
        ("The crisis is now", "Josep Borrell"),
    ]
    reported = [text for text, _ in quotes_of(result, "reported") + quotes_of(result, "paraphrase")]
    assert not [t for t in reported if t.startswith(("As he", "To cheers", "His seventh"))]
    assert any("documents" in t for t in reported)  # a request's content stays


def test_a_claim_stops_where_the_speakers_next_clause_begins() -> None:
    result = draft_text(
        "Mark Esper visited Hanoi.\n"
        "He said the ship would be provided next year, but he gave no details on payment.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The ship would be provided next year.", "Mark Esper")
    ]


def test_pleading_apologising_and_congratulating_are_statements() -> None:
    result = draft_text(
        "Hosni Mubarak went on trial in Cairo. Deval Patrick toured South Carolina.\n"
        "Mubarak pleaded not guilty to all the accusations against him.\n"
        "Patrick apologized for his tardiness and short stay.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Hosni Mubarak pleaded not guilty to all the accusations against him.", "Hosni Mubarak")
    ]
    assert quotes_of(result, "paraphrase") == [
        ("Deval Patrick apologized for his tardiness and short stay.", "Deval Patrick")
    ]


def test_the_subject_of_a_sentence_speaks_the_verb_joined_to_its_own() -> None:
    result = draft_text(
        "Two service members have been killed in a helicopter crash, the US military said.\n"
        "It did not reveal the crash location and said it was withholding the names of those "
        "killed.\n"
        "Mark Esper met the minister and said the talks went well.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Two service members have been killed in a helicopter crash.", "US military"),
        ("It was withholding the names of those killed.", "US military"),
        ("The talks went well.", "Mark Esper"),
    ]


def test_the_two_leaders_are_the_pair_named_before_not_a_group_of_their_own() -> None:
    result = draft_text(
        "Donald Trump called Narendra Modi on Monday. The two leaders talked for an hour.\n"
        "Both the leaders have expressed their commitment to the strategic partnership.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert "Two leaders" not in names
    assert sorted(speaker for _, speaker in quotes_of(result, "paraphrase")) == [
        "Donald Trump",
        "Narendra Modi",
    ]
