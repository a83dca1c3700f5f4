"""A source named only after "according to" or "data from": a capitalised name that no
other rule read as an actor is the speaker all the same. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def test_according_to_a_name_no_rule_knew_makes_it_the_source() -> None:
    result = draft_text(
        "Shares of the retailer fell 4% on Tuesday.\n"
        "But the weaker outlook is not a worry for the wider sector, according to Bay Street.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("But the weaker outlook is not a worry for the wider sector.", "Bay Street")
    ]
    assert actor_named(result, "Bay Street").kind == "organisation"


def test_data_from_a_name_no_rule_knew_is_that_source() -> None:
    result = draft_text(
        "The company's 2030 bond fell sharply in the past week, according to data from Quantrix.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The company's 2030 bond fell sharply in the past week.", "Quantrix")
    ]


def test_according_to_a_day_names_no_source() -> None:
    result = draft_text(
        "The talks will resume next week, according to Monday's schedule.", PUBLISHED
    )
    assert quotes_of(result, "reported") == []
