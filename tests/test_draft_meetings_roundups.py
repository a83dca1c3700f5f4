"""A round-up's result lines ("Panthers 5, Flyers 2: Barkov had a goal …") are games between
the two sides they name, on the night the lead tells; the result told again in the line's
own sentence ("… and Minnesota beat Buffalo") is the same game."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2019, 11, 19)  # a Tuesday
LEAD = (
    "Brock Nelson scored in overtime to lift the New York Islanders over the Pittsburgh "
    "Penguins 5-4 on Tuesday night.\n"
)


def games(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(LEAD + text, PUBLISHED)
    return [
        ({a.name for a in m.participants}, m.when, m.status)
        for m in result.meetings
        if m.evidence[0].index > 0
    ]


def test_a_result_line_is_a_game_of_the_night_the_lead_tells() -> None:
    found = games(
        "Panthers 5, Flyers 2: Aleksander Barkov and Brett Connolly each had a goal to lift "
        "the Florida Panthers against the Philadelphia Flyers."
    )
    assert ({"Panthers", "Flyers"}, "2019-11-19", "happened") in found


def test_the_result_retold_in_the_line_is_the_same_game() -> None:
    found = games(
        "Wild 4, Sabres 1: Zach Parise scored twice, Alex Stalock made 30 saves and Minnesota "
        "beat Buffalo."
    )
    assert len(found) == 1


def test_a_side_named_nowhere_else_is_a_team_of_its_own() -> None:
    found = games(
        "Buffalo Sabres coach Ralph Krueger was upbeat.\n"
        "Jets 2, Sabres 1: Patrik Laine scored and Connor Hellebuyck made 38 saves."
    )
    assert ({"Jets", "Buffalo Sabres"}, "2019-11-19", "happened") in found or (
        {"Jets", "Sabres"},
        "2019-11-19",
        "happened",
    ) in found


def test_a_score_in_running_text_is_no_result_line() -> None:
    found = games("Coach Ralph Krueger said the Sabres were 4-2 at home this month.")
    assert found == []
