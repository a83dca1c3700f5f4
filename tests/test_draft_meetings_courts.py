"""A defendant before a court is a meeting of theirs (a sitting of the court): "pleaded
guilty Monday", "was convicted of criminal mischief in 1998", "Sentencing is scheduled for
Feb. 14" (the one who pleaded); the people the case is about are not its participants. A
call with its other side ("the March 21 call to the offices of Omar") is a call; "called Omar
a “terrorist”" gives a name, not a call."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2019, 11, 19)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_guilty_plea_is_a_meeting_of_the_defendant_alone() -> None:
    found = meetings(
        "Patrick Carlineo pleaded guilty on Monday to threatening to kill Rep. Ilhan Omar."
    )
    assert found == [({"Patrick Carlineo"}, "2019-11-18", "happened")]


def test_the_sentencing_to_come_is_of_the_one_who_pleaded() -> None:
    found = meetings(
        "Patrick Carlineo pleaded guilty on Monday to threatening Rep. Ilhan Omar.\n"
        "Carlineo faces a maximum of 10 years in prison. Sentencing is scheduled for Feb. 14."
    )
    assert ({"Patrick Carlineo"}, "2020-02-14", "planned") in found


def test_a_past_conviction_is_dated_by_its_year() -> None:
    found = meetings(
        "Patrick Carlineo pleaded guilty on Monday to threatening Rep. Ilhan Omar.\n"
        "Carlineo was convicted of criminal mischief in 1998."
    )
    assert ({"Patrick Carlineo"}, "1998", "happened") in found


def test_calling_someone_a_name_is_no_call_but_calling_them_a_day_later_is() -> None:
    assert meetings("President Donald Trump called Prime Minister Modi a great friend.") == []
    assert meetings("President Donald Trump called Prime Minister Modi “a true friend”.") == []
    assert len(meetings("President Donald Trump called Prime Minister Modi a day later.")) == 1


def test_a_call_to_someone_named_by_its_date_is_a_call() -> None:
    found = meetings("He was arrested in April for the March 21 call to the offices of Omar.")
    assert [(when, status) for _, when, status in found] == [("2019-03-21", "happened")]
