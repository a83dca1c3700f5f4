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
