"""A witness before an inquiry, a court or a legislature is a meeting of the witness:
"testified", "will testify Thursday", "told investigators", "spoke before lawmakers"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Auditor Maria Lind testified that the accounts had been altered.",
        "Auditor Maria Lind told investigators that the accounts had been altered.",
        "Auditor Maria Lind spoke before lawmakers, defending the audit.",
    ],
)
def test_a_witness_before_an_inquiry_meets_it(sentence: str) -> None:
    [(participants, _, status)] = meetings(sentence)
    assert participants == {"Maria Lind"}
    assert status == "happened"


def test_testimony_to_come_is_planned_on_its_day() -> None:
    text = "“The accounts were altered,” said Maria Lind, who will testify Thursday."
    [(participants, when, status)] = meetings(text)
    assert participants == {"Maria Lind"}
    assert (when, status) == ("2025-01-16", "planned")


def test_testifying_to_a_quality_is_no_testimony() -> None:
    assert meetings("Its record under Maria Lind testified to the strength of the audit.") == []
