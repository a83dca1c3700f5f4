"""Meeting verbs: which clauses make a meeting, its participants, place, date and status."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday
PEOPLE = "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi spoke.\n"


def meetings(text: str) -> list[tuple[set[str], str | None, str | None, str]]:
    result = draft_text(PEOPLE + text, PUBLISHED)
    return [({a.name for a in m.participants}, m.where, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    "clause",
    [
        "Iwaya met Wang Yi in Beijing on Monday.",
        "Iwaya visited Wang Yi in Beijing on Monday.",
        "Iwaya held talks with Wang Yi in Beijing on Monday.",
        "Wang Yi hosted Iwaya in Beijing on Monday.",
        "Iwaya and Wang Yi held a phone call on Monday.",
    ],
)
def test_consult_verbs_make_a_meeting_of_the_clause_actors(clause: str) -> None:
    [(participants, where, when, status)] = meetings(clause)
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert when == "2025-01-13"
    assert status == "happened"
    if "Beijing" in clause:
        assert where == "Beijing"


def test_will_meet_is_planned_and_dated_ahead() -> None:
    [(participants, _, when, status)] = meetings("Iwaya will meet Wang Yi on Friday.")
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-17", "planned")


def test_is_expected_to_invite_is_expected() -> None:
    [(participants, _, when, status)] = meetings(
        "Tokyo is expected to invite Wang Yi to Japan next month."
    )
    assert "Wang Yi" in participants
    assert (when, status) == ("2025-02", "expected")


def test_a_reference_back_adds_to_the_meeting_instead_of_making_one() -> None:
    result = draft_text(
        PEOPLE + "Iwaya visited Wang Yi in Beijing.\n"
        "The visit commenced on Monday and will conclude on Friday.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    assert len(meeting.evidence) == 2
    assert meeting.when == "2025-01-13/2025-01-17"
    assert meeting.status == "ongoing"


def test_a_match_is_a_meeting_of_the_two_sides() -> None:
    result = draft_text(
        "The Boston Celtics lost again. The Sixers beat the Boston Celtics on Monday.\n"
        "The Sixers will face the Knicks on Friday.",
        PUBLISHED,
    )
    found = [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]
    assert ({"Sixers", "Boston Celtics"}, "2025-01-13", "happened") in found
    assert ({"Sixers", "Knicks"}, "2025-01-17", "planned") in found


@pytest.mark.parametrize(
    "clause",
    [
        "It was a positive sign for Iwaya.",
        "Wang Yi was hit in the face.",
        "“We met many friends,” Iwaya said.",
    ],
)
def test_words_that_only_look_like_meetings_make_none(clause: str) -> None:
    assert meetings(clause) == []


def test_a_quote_is_linked_to_the_meeting_its_sentence_is_about() -> None:
    result = draft_text(
        PEOPLE + "Iwaya met Wang Yi in Beijing on Monday.\n"
        "Iwaya said the meeting had been useful for both sides.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    [quote] = result.quotes
    assert quote.meeting is meeting


def test_two_matches_joined_by_and_are_two_meetings_of_their_own_sides() -> None:
    result = draft_text(
        "The group stage of the cup continues on Wednesday.\n"
        "Serbia takes on Japan and Britain plays the Netherlands.",
        PUBLISHED,
    )
    sides = sorted(sorted(a.name for a in m.participants) for m in result.meetings)
    assert sides == [["Japan", "Serbia"], ["Netherlands", "United Kingdom"]]


def test_a_meeting_word_inside_an_organisations_name_is_no_meeting() -> None:
    result = draft_text(
        "“The tax is fair,” said Avi Bell, senior fellow at the right-wing Kohelet Policy "
        "Forum in Israel.",
        PUBLISHED,
    )
    assert result.meetings == []
