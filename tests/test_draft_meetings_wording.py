"""Meeting rules about how a clause names its meeting: a possessive before the noun ("his
first match") names a participant, a kind of an event noun ("an emergency meeting") is an
event, and a condition ("if talks resume") ends with its aside's dash."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_possessive_before_a_meeting_noun_is_a_participant() -> None:
    text = (
        "Ajax Amsterdam appointed coach Erik Sorensen on Monday. "
        "His first match in charge will be away to Feyenoord Rotterdam FC on Saturday."
    )
    found = meetings(text)
    assert ({"Erik Sorensen", "Feyenoord Rotterdam FC"}, "2025-01-18", "planned") in found


def test_a_kind_of_meeting_is_a_meeting() -> None:
    [(participants, when, status)] = meetings(
        "Lebanon's foreign ministry called for an emergency meeting of the Arab League."
    )
    assert "Arab League" in participants
    assert (when, status) == (None, "expected")


def test_a_condition_ends_at_the_dash_closing_its_aside() -> None:
    text = (
        "Takeshi Iwaya and Wang Yi spoke. Iwaya would welcome talks if the truce holds - "
        "and he met Wang Yi in Geneva on Monday."
    )
    assert ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-13", "happened") in meetings(text)
