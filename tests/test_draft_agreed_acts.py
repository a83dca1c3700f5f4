"""Agreeing to a thing is an act, not a statement; agreeing that, on, or to do something
is what was agreed. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def test_agreeing_to_a_thing_is_an_act_not_a_statement() -> None:
    result = draft_text(
        "The airline agreed to a rescue by its largest shareholder last month.\n"
        "Coach Lena Maric has agreed a deal to stay at the club until 2028.\n"
        "Foreign Minister Ana Ruiz agreed to hold talks in Geneva next week.",
        PUBLISHED,
    )
    assert quotes_of(result, "paraphrase") == [
        ("Ana Ruiz agreed to hold talks in Geneva next week.", "Ana Ruiz")
    ]
