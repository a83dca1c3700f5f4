"""Which actors of a sentence are the sides of its meeting: the pair a plural names, and a
statement's content apart from its speaker."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2024, 5, 12)  # a Sunday


def meetings(text: str) -> list[tuple[list[str], str, str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [
        (sorted(a.name for a in m.participants), m.trigger, m.when, m.status)
        for m in result.meetings
    ]


def test_the_two_heads_of_state_capitalised_are_the_two_presidents() -> None:
    found = meetings(
        "President Ana Torres of Chile met President Luis Vega in Lima on Friday.\n"
        "The two Heads of State were expected to address a press conference."
    )
    assert (["Ana Torres", "Luis Vega"], "press conference", None, "expected") in found


def test_the_speaker_of_a_statement_is_no_side_of_the_tour_it_tells_of() -> None:
    found = meetings(
        "President Ana Torres paid state visits to Chile and Peru from May 3 to May 9.\n"
        "Foreign Minister Luis Vega said Friday that Torres's two-nation tour had yielded "
        "fruitful results.\n"
        "During the visit, Torres held talks with the leaders of the two countries."
    )
    assert all("Luis Vega" not in sides for sides, *_ in found)
    # the tour is the visit told before, so the talks during it are of its days
    assert (["Ana Torres"], "held talks", "2024-05-03/2024-05-09", "happened") in found


def test_a_speaker_telling_of_their_own_deal_stays_a_side() -> None:
    found = meetings("The club said that it had agreed a deal with Luis Vega.")
    assert [(sides, trigger) for sides, trigger, *_ in found] == [(["Club", "Luis Vega"], "deal")]


def test_a_match_of_a_tour_is_a_meeting_of_its_own() -> None:
    found = meetings(
        "India will tour Pakistan for a full series.\n"
        "Both teams will play the final match of the series from July 21 to 25."
    )
    # the tour keeps no date of the match's, and the match is not more of the tour
    assert [(trigger, when) for _, trigger, when, _ in found] == [
        ("tour", None),
        ("match", "2024-07-21/2024-07-25"),
    ]


def test_a_lunch_or_a_conversation_with_someone_is_a_meeting_of_the_two() -> None:
    found = meetings(
        "Ambassador Ana Torres spoke.\n"
        "Luis Vega was having lunch with Torres in Lima when the phone rang.\n"
        "Marta Ruiz witnessed a key April conversation in Quito between Torres and "
        "Minister Pablo Soto."
    )
    assert (["Ana Torres", "Luis Vega"], "lunch") in [
        (sides, trigger) for sides, trigger, *_ in found
    ]
    conversation = [(sides, when) for sides, trigger, when, _ in found if trigger == "conversation"]
    assert conversation and "Pablo Soto" in conversation[0][0]
    assert conversation[0][1] == "2024-04"


def test_lunch_and_conversation_alone_are_no_meeting() -> None:
    found = meetings(
        "Ambassador Ana Torres spoke.\n"
        "Torres skipped lunch to finish the report, and the conversation turned to prices."
    )
    assert found == []


def test_a_short_reference_three_words_before_the_meeting_is_its_subject() -> None:
    found = meetings(
        "Portuguese President Marco Silva turned 70 on Thursday.\n"
        "In the morning, the Portuguese president was accorded a ceremonial welcome at the "
        "palace."
    )
    assert (["Marco Silva"], "ceremonial welcome") in [
        (sides, trigger) for sides, trigger, *_ in found
    ]


def test_a_short_reference_with_two_words_before_its_title_is_the_one_named() -> None:
    found = meetings(
        "Portuguese President Marco Silva turned 70 on Thursday.\n"
        "Indian Prime Minister Ravi Rao spoke on Friday.\n"
        "The Indian prime minister had also held talks with Silva."
    )
    assert (["Marco Silva", "Ravi Rao"], "held talks") in [
        (sides, trigger) for sides, trigger, *_ in found
    ]
