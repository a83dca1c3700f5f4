"""A player's deed that carries a team past another is the two teams' game (AP game ledes):
"scored twice to lift the Islanders over the Penguins", "powered Fiji past Tonga"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2019, 11, 20)  # a Wednesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    ("sentence", "sides", "when"),
    [
        (
            "Kai Moreau scored twice to lift the Halifax Harriers over the Quebec Owls 4-3 on "
            "Tuesday night.",
            {"Halifax Harriers", "Quebec Owls"},
            "2019-11-19",
        ),
        (
            "Lino Baravilala kicked three penalties and powered Samoa past Tonga on Saturday.",
            {"Samoa", "Tonga"},
            "2019-11-16",
        ),
    ],
)
def test_lifting_a_team_over_another_is_their_game(
    sentence: str, sides: set[str], when: str
) -> None:
    [(participants, found, status)] = meetings(sentence)
    assert sides <= participants
    assert (found, status) == (when, "happened")


def test_leading_past_a_thing_is_no_game() -> None:
    assert meetings("Mayor Ana Ruiz led the Rotary Club past the deadline on Monday.") == []
