"""Bodies and office-holders named only by their common noun ("the county", "the mayor")."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2023, 11, 10)


def names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in result.actors]


def test_a_body_named_by_its_noun_that_acts_is_an_actor() -> None:
    result = draft_text(
        "The trust asked for a scorecard in June.\n"
        "Robert Ruano said the county made the video presentation first.\n"
        "Eulois Cleckley is now suspended by the mayor for making transit free.",
        PUBLISHED,
    )
    assert actor_named(result, "the county").kind == "organisation"
    assert actor_named(result, "the mayor").kind == "person"


def test_a_body_noun_that_names_an_actor_before_is_that_actor() -> None:
    result = draft_text(
        "Miami-Dade County approved the plan.\nThe county made the video presentation.",
        PUBLISHED,
    )
    county = actor_named(result, "Miami-Dade County")
    assert "the county" in [alias.lower() for alias in county.aliases]
    assert "County" not in names(result)


def test_a_body_noun_that_does_not_act_is_no_actor() -> None:
    result = draft_text(
        "Robert Ruano lives in the county and works for the city government.", PUBLISHED
    )
    assert names(result) == ["Robert Ruano"]
