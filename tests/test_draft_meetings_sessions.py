"""A body that deliberates, in session ("The trust heard in June that …", "the council
refused last week to hear …"), and someone before it ("Mr. Cueto told the trust …",
"pledged to the trust in July"), are meetings of the body (CAMEO 04x, local politics)."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2023, 11, 7)  # a Tuesday
TRUST = (
    "The Citizens’ Independent Transportation Trust safeguards the half-penny tax for transit. "
    "Trust members are appointed.\n"
)


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_body_that_heard_something_was_in_session() -> None:
    [(participants, when, status)] = meetings(
        TRUST + "The trust heard in June that the transitway was not going to offer true BRT."
    )
    assert participants == {"Citizens’ Independent Transportation Trust"}
    assert (when, status) == ("2023-06", "happened")


def test_someone_telling_a_body_is_a_meeting_of_both_dated_by_its_own_clause() -> None:
    found = meetings(
        TRUST + "Transportation chief Eulois Cleckley, who is now suspended by the mayor, pledged "
        "to the trust in July that the department would track the Gold Standard."
    )
    [(participants, when, status)] = found
    assert "Eulois Cleckley" in participants and len(participants) == 2
    assert (when, status) == ("2023-07", "happened")


def test_what_the_body_is_told_gives_neither_date_nor_modality() -> None:
    [(participants, when, status)] = meetings(
        TRUST + "Mr. Josenrique Cueto told trust members they would get the answers next month."
    )
    assert "Josenrique Cueto" in participants
    assert (when, status) == (None, "happened")


def test_a_body_named_only_as_a_place_or_a_topic_is_no_session() -> None:
    assert meetings(TRUST + "Voters heard the news in June.") == []
