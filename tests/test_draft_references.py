"""Short references to a named person and quotations whose speaker stands in another
sentence: a surname of two words, a name held inside a long name, an Arabic article joined
to a surname, a speaker introduced by a colon before the quotation's paragraph."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2025, 3, 10)


def test_a_two_word_surname_is_the_person_named_in_full_before() -> None:
    result = draft_text(
        "Peruvian President Rosa Elena Quispe Mamani opened the new port on Friday.\n"
        "“This is a port for all Peruvians,” Quispe Mamani said.",
        PUBLISHED,
    )
    quispe = actor_named(result, "Rosa Elena Quispe Mamani")
    assert "Quispe Mamani" in quispe.aliases
    assert quotes_of(result, "direct") == [
        ("This is a port for all Peruvians", "Rosa Elena Quispe Mamani")
    ]
    assert [a.name for a in result.actors if a.kind == "person"] == ["Rosa Elena Quispe Mamani"]


def test_a_name_held_inside_a_long_name_is_that_person() -> None:
    result = draft_text(
        "Former President Joaquim Bento Tavares da Cunha returned to Lisbon on Sunday.\n"
        "Tavares told supporters that he would run again.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("He would run again.", "Joaquim Bento Tavares da Cunha")
    ]
    assert "Tavares" in actor_named(result, "Joaquim Bento Tavares da Cunha").aliases
    assert "Tavares" not in [a.name for a in result.actors]


def test_an_arabic_article_joined_to_a_surname_stays_in_the_name() -> None:
    result = draft_text(
        "Interior Minister Khalid Omar al-Farsi visited the border post on Monday.\n"
        "Al-Farsi said the crossing would reopen next week.",
        PUBLISHED,
    )
    farsi = actor_named(result, "Khalid Omar al-Farsi")
    assert farsi.kind == "person"
    assert "Khalid Omar" not in [a.name for a in result.actors]
    assert quotes_of(result, "reported") == [
        ("The crossing would reopen next week.", "Khalid Omar al-Farsi")
    ]


def test_a_speaker_introduced_by_a_colon_speaks_the_next_paragraph() -> None:
    result = draft_text(
        "The regional assembly approved the budget on Thursday.\n"
        "Deputy Marta Linde, who chairs the finance committee, said:\n"
        "“Nobody got everything they wanted. But the hospitals will get their money.”\n"
        "Deputy Paul Okafor voted against it.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        (
            "Nobody got everything they wanted. But the hospitals will get their money.",
            "Marta Linde",
        )
    ]


def test_both_sides_said_is_said_by_each_of_the_two_sides_named_before() -> None:
    result = draft_text(
        "The Northern Alliance Party and the Coastal Front ended their talks in Mombasa.\n"
        "Both sides said they expected a deal on the budget by June.",
        PUBLISHED,
    )
    speakers = sorted(s for _, s in quotes_of(result, "reported"))
    assert speakers == ["Coastal Front", "Northern Alliance Party"]


def test_the_two_leaders_agreed_is_each_leader_s_paraphrase() -> None:
    result = draft_text(
        "Governor Ada Nwosu hosted Governor Ben Carrick in Lagos on Friday.\n"
        "The two leaders agreed to open a joint trade office.",
        PUBLISHED,
    )
    speakers = sorted(s for _, s in quotes_of(result, "paraphrase"))
    assert speakers == ["Ada Nwosu", "Ben Carrick"]


def test_a_subject_pronoun_is_the_subject_of_the_sentence_before() -> None:
    result = draft_text(
        "Senator Oliver Brandt, who once called Thomas Weller a coward, shook hands with the "
        "crowd.\n"
        "He said the party was united again.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("The party was united again.", "Oliver Brandt")]


def test_she_is_not_a_man_named_last() -> None:
    result = draft_text(
        "Judge Helen Ortiz questioned the witness, Robert Kline, for two hours.\n"
        "She said the testimony had been inconsistent.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The testimony had been inconsistent.", "Helen Ortiz")
    ]


def test_a_surname_that_is_also_a_title_word_is_the_persons() -> None:
    result = draft_text(
        "Kevin Marshal and Laura Prince were elected to the board.\n"
        "Prince said the board would meet monthly.",
        PUBLISHED,
    )
    assert {"Kevin Marshal", "Laura Prince"} <= {a.name for a in result.actors}
    assert quotes_of(result, "reported") == [("The board would meet monthly.", "Laura Prince")]


def test_a_nationality_before_a_full_name_is_no_part_of_the_name() -> None:
    result = draft_text(
        "Canadian Nora Lindqvist won the sprint in Oslo.\n"
        "Lindqvist said she had trained for four years.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("She had trained for four years.", "Nora Lindqvist")]
    assert "Canadian Nora Lindqvist" in actor_named(result, "Nora Lindqvist").aliases


def test_a_verb_after_a_modal_is_no_part_of_a_group_s_name() -> None:
    result = draft_text(
        "Finance Minister Lea Dumont presented the plan on Monday.\n"
        "Dumont said the new levy could hurt Belgian farmers.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert not [n for n in names if n.lower().startswith("hurt")], names


def test_a_quotation_alone_in_its_paragraph_is_from_the_person_the_sentence_before_opens_with() -> (
    None
):
    result = draft_text(
        "Coach Ines Albrecht said the team had trained well.\n"
        "Captain Jonas Reiter, 31, was less sure.\n"
        "Reiter arrived late to the news conference.\n"
        "“We have not played well away from home all season.”",
        PUBLISHED,
    )
    assert ("We have not played well away from home all season.", "Jonas Reiter") in quotes_of(
        result, "direct"
    )


def test_common_words_capitalised_are_not_a_person() -> None:
    result = draft_text(
        "Residents were promised Green Corridor service by 2026.\n"
        "“We were sold on Green Corridor,” said Hanne Vik, a resident. The green corridor "
        "plan is a year late.",
        PUBLISHED,
    )
    assert "Green Corridor" not in [a.name for a in result.actors]
    assert actor_named(result, "Hanne Vik").kind == "person"


def test_a_name_that_opens_with_a_country_is_an_organisation_that_speaks() -> None:
    result = draft_text(
        "Heavy rain hit the coast on Sunday.\n"
        "The Kenya Blue Shield, which runs shelters in the south, said 900 families had fled.",
        PUBLISHED,
    )
    assert actor_named(result, "Kenya Blue Shield").kind == "organisation"
    assert quotes_of(result, "reported") == [("900 families had fled.", "Kenya Blue Shield")]


def test_the_people_of_a_place_speak_as_a_group() -> None:
    result = draft_text(
        "The river burst its banks on Sunday.\n"
        "Farmers of Kitale, a market town, said the water had ruined the harvest.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The water had ruined the harvest.", "Farmers of Kitale")
    ]
    assert actor_named(result, "Farmers of Kitale").kind == "group"


def test_according_to_a_statement_from_someone_is_theirs() -> None:
    result = draft_text(
        "The Harbour Fund was set up in 2010.\n"
        "The Harbour Fund has lent $20 million to fishermen, according to a statement from "
        "the fund.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The Harbour Fund has lent $20 million to fishermen.", "Harbour Fund")
    ]


def test_a_joint_statement_and_an_office_are_read_as_such() -> None:
    result = draft_text(
        "Governor Ada Nwosu and Mayor Ben Carrick said in a joint statement that the bridge "
        "would reopen.\n"
        "Nwosu will tour the site on Monday, her office said.",
        PUBLISHED,
    )
    assert sorted(q for q in quotes_of(result, "reported") if "bridge" in q[0]) == [
        ("The bridge would reopen.", "Ada Nwosu"),
        ("The bridge would reopen.", "Ben Carrick"),
    ]
    office = next(q.speaker for q in result.quotes if "tour the site" in q.text)
    assert office.kind == "organisation"


def test_adding_that_is_no_part_of_the_statement() -> None:
    result = draft_text(
        "“We are ready,” Minister Tomas Berg told reporters, adding that talks would resume.",
        PUBLISHED,
    )
    assert ("Talks would resume.", "Tomas Berg") in quotes_of(result, "reported")
