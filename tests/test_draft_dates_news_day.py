"""The day of the news: a story's lead dates its news once ("pleaded guilty Monday"), and the
events its report tells after, in the simple past with no date of their own, happened that
day. What the report sets before the news (a past perfect, "previously", "in the past") keeps
no day, and neither does a lead whose date is not the news of the week of publication."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2025, 3, 12)  # a Wednesday
LEAD = "Kenyan Foreign Minister Musalia Mudavadi on Tuesday accused rebels of blocking aid.\n"


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_an_undated_meeting_after_a_dated_lead_is_of_the_leads_day() -> None:
    text = (
        LEAD
        + "The rebels deny the charge.\n"
        + "Mudavadi met with Ugandan Foreign Minister Jeje Odongo in Kampala to discuss the "
        "crisis.\n"
    )
    assert meetings(text) == [
        ({"Musalia Mudavadi", "Jeje Odongo"}, "2025-03-11", "happened"),
    ]


def test_a_lead_dated_by_its_attribution_dates_the_news() -> None:
    """ "…, the chief executive said yesterday": the day of the saying is the news day."""
    text = (
        "Fuel prices will keep rising, Sarah Okafor, chief executive of Lagos Energy, said "
        "yesterday.\n"
        "Okafor spoke with reporters after the central bank raised interest rates this year.\n"
    )
    found = meetings(text)
    assert [(when, status) for _, when, status in found] == [("2025-03-11", "happened")]


def test_a_past_perfect_tells_what_came_before_the_news() -> None:
    text = (
        LEAD
        + "The rebels deny the charge.\n"
        + "Mudavadi had met with Ugandan Foreign Minister Jeje Odongo in Kampala to discuss the "
        "crisis.\n"
    )
    assert meetings(text) == [({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened")]


def test_a_meeting_told_as_in_the_past_keeps_no_day() -> None:
    text = (
        LEAD
        + "The rebels deny the charge.\n"
        + "Mudavadi previously met with Ugandan Foreign Minister Jeje Odongo in Kampala to "
        "discuss the crisis.\n"
    )
    assert meetings(text) == [({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened")]


def test_a_lead_dated_weeks_before_publication_is_no_news_day() -> None:
    """(The sentence between keeps the one before the meeting from lending its date.)"""
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi on February 3 accused rebels of blocking aid "
        "to the region.\n"
        "The rebels deny the charge.\n"
        "Mudavadi met with Ugandan Foreign Minister Jeje Odongo in Kampala to discuss the "
        "crisis.\n"
    )
    assert meetings(text) == [({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened")]


def test_a_meeting_to_come_does_not_take_the_news_day() -> None:
    text = (
        LEAD
        + "The rebels deny the charge.\n"
        + "Mudavadi will meet with Ugandan Foreign Minister Jeje Odongo in Kampala to discuss the "
        "crisis.\n"
    )
    assert [(when, status) for _, when, status in meetings(text)] == [(None, "planned")]


def test_a_past_perfect_right_after_a_dated_sentence_keeps_no_day() -> None:
    """Nor does it take the date of the sentence just before: "had met" is before it."""
    text = LEAD + "Mudavadi had met with Ugandan Foreign Minister Jeje Odongo in Kampala.\n"
    assert meetings(text) == [({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened")]


FUTURE_LEAD = "Ghanaian President John Mahama will lead a delegation to Abuja on Friday.\n"


def test_a_meeting_to_come_takes_the_day_of_news_to_come() -> None:
    """ "X will visit Abuja on Friday. … He will meet …": the visit's day is the meeting's."""
    text = (
        FUTURE_LEAD
        + "The trip follows a border dispute.\n"
        + "Mahama will meet with Nigerian President Bola Tinubu.\n"
    )
    assert meetings(text) == [({"John Mahama", "Bola Tinubu"}, "2025-03-14", "planned")]


def test_a_past_meeting_does_not_take_the_day_of_news_to_come() -> None:
    text = (
        FUTURE_LEAD
        + "The trip follows a border dispute.\n"
        + "Mahama met with Nigerian President Bola Tinubu at the conference.\n"
    )
    assert [(when, status) for _, when, status in meetings(text)] == [(None, "happened")]


def test_a_report_that_moves_on_in_time_leaves_the_news_day() -> None:
    """ "Meanwhile, …" with no date of the lead's: what follows is of another time."""
    text = (
        LEAD
        + "Meanwhile, Mudavadi travelled to Kampala for a regional summit.\n"
        + "Mudavadi met with Ugandan Foreign Minister Jeje Odongo to discuss the crisis.\n"
    )
    found = meetings(text)
    assert ({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened") in found


def test_a_recent_meeting_is_before_the_news() -> None:
    text = (
        LEAD
        + "The rebels deny the charge.\n"
        + "At the recent summit, Mudavadi met with Ugandan Foreign Minister Jeje Odongo.\n"
    )
    found = meetings(text)
    assert all(when is None for _, when, _ in found)


def test_a_lead_of_two_days_names_no_news_day() -> None:
    """ "spent Monday distancing themselves from Thursday's fight": which is the news?"""
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi on Tuesday defended his Friday remarks on "
        "the rebels.\n"
        "The rebels deny the charge.\n"
        "Mudavadi met with Ugandan Foreign Minister Jeje Odongo in Kampala.\n"
    )
    assert meetings(text) == [({"Musalia Mudavadi", "Jeje Odongo"}, None, "happened")]


def test_a_dateline_is_the_day_of_the_report_not_of_the_meeting() -> None:
    """ "Kathmandu, 6 September: … a three-day visit beginning from Sunday, 8 September"."""
    for dateline in ("NAIROBI, 12 March: ", "Nairobi, Mar 12 (KNA) ", "NAIROBI, March 12 — "):
        text = (
            dateline + "Ugandan President Yoweri Museveni is paying a three-day visit to Kenya "
            "beginning from Friday, 14 March, at the invitation of President William Ruto.\n"
        )
        [(participants, when, _)] = meetings(text)
        assert "Yoweri Museveni" in participants
        assert when == "2025-03-14/2025-03-16", dateline
