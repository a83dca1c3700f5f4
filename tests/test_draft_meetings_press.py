"""Speaking to the press is a meeting of the speaker's (CAMEO 010 to an audience met): "told
reporters", "telling reporters", "told US media this month", "said in an interview with X";
a news agency cited as the source of a report ("told Reuters") is not."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("General Mark Milley told US media this month that troops would stay.", "2025-01"),
        ("General Mark Milley told reporters on Monday that troops would stay.", "2025-01-13"),
        ('"Troops will stay," General Mark Milley told reporters.', None),
        (
            "General Mark Milley urged calm, telling reporters that troops would stay.",
            None,
        ),
    ],
)
def test_telling_reporters_is_a_meeting_of_the_speaker(sentence: str, when: str | None) -> None:
    [(participants, found, status)] = meetings(sentence)
    assert participants == {"Mark Milley"}
    assert (found, status) == (when, "happened")


def test_an_interview_with_an_outlet_is_a_meeting_of_both() -> None:
    text = (
        "Le Figaro is a French newspaper.\n"
        "“We are fully mobilized,” said Laurence des Cars, the museum’s director, in an "
        "interview with Le Figaro."
    )
    [(participants, _, status)] = meetings(text)
    assert participants == {"Laurence des Cars", "Le Figaro"}
    assert status == "happened"


def test_a_news_agency_as_the_source_is_no_meeting() -> None:
    assert meetings("The army seized power, a senior political source told Reuters.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "when"),
    [
        (
            "The strike will go ahead, union leader Mary Kay Henry said at a press conference "
            "on Monday.",
            "Mary Kay Henry",
            "2025-01-13",
        ),
        (
            "“We had some issues,” Kevin Mayer said Tuesday at the Code Media conference in "
            "Hollywood.",
            "Kevin Mayer",
            "2025-01-14",
        ),
        (
            "Minister Retno Marsudi, speaking at a virtual briefing, backed the plan.",
            "Retno Marsudi",
            None,
        ),
    ],
)
def test_words_said_at_an_event_are_a_meeting_of_the_speaker(
    sentence: str, speaker: str, when: str | None
) -> None:
    [(participants, found_when, status)] = meetings(sentence)
    assert speaker in participants
    assert (found_when, status) == (when, "happened")


def test_a_speaker_described_as_of_a_forum_is_at_no_event() -> None:
    """ "said Avi Bell, a fellow at the Kohelet Policy Forum": where he works, not where he
    spoke."""
    text = "The policy is legal, said Avi Bell, senior fellow at the Kohelet Policy Forum."
    assert meetings(text) == []
