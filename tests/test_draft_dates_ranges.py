"""Days told as a pair or a range, read against a fixed publication date (Tuesday 14 January
2025): "on Monday and Tuesday", "Jan. 9 and 10", "3-5 February", "20 and 21 January" are the
days from the one to the other; two days apart ("on January 6 and 20") are not a range."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import when_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The ministers met on Sunday and Monday in Riyadh.", "2025-01-12/2025-01-13"),
        ("The envoys will hold talks on Thursday and Friday.", "2025-01-16/2025-01-17"),
        ("The two sides met on Jan. 9 and 10.", "2025-01-09/2025-01-10"),
        ("The summit will be held 3-5 February in Addis Ababa.", "2025-02-03/2025-02-05"),
        ("The envoys will meet on 20 and 21 January.", "2025-01-20/2025-01-21"),
        ("The board met from 6 to 8 January.", "2025-01-06/2025-01-08"),
        ("The committee met on January 6 and 20.", "2025-01-06"),
        ("They met on Monday and will meet again on Friday.", "2025-01-13"),
    ],
)
def test_pairs_and_ranges_of_days(clause: str, expected: str) -> None:
    assert when_of(clause, PUBLISHED)[0] == expected


def test_a_meeting_of_two_days_is_drafted_with_both() -> None:
    result = draft_text(
        "Foreign Minister Penny Wong met Foreign Minister Wang Yi on Sunday and Monday in Beijing.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    assert meeting.when == "2025-01-12/2025-01-13"
    assert meeting.status == "happened"
