"""A meeting the speaker tells of their own in a direct quote ("I will have a call with
Minister Milling tomorrow") is the speaker's, with those named after the word; a meeting of
others in a quote, or "we met" with no one named, is what someone says, not a meeting."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2022, 4, 28)  # a Thursday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_the_speakers_own_call_told_in_a_quote_is_a_meeting_to_come() -> None:
    found = meetings(
        "Governor John Rankin said: “I realise this will be shocking news. I will have a call "
        "with Minister Amanda Milling and Acting Premier Natalio Wheatley tomorrow to discuss "
        "the way forward.”"
    )
    assert found == [
        ({"John Rankin", "Amanda Milling", "Natalio Wheatley"}, "2022-04-29", "planned")
    ]


def test_a_meeting_of_others_in_a_quote_is_not_drafted() -> None:
    found = meetings(
        "Governor John Rankin said: “Minister Amanda Milling met Acting Premier Natalio "
        "Wheatley on Monday, I am told.”"
    )
    assert found == []


def test_we_met_with_no_one_named_is_not_drafted() -> None:
    found = meetings("Governor John Rankin said: “We met on Monday and the talks went well.”")
    assert found == []
