"""States and provinces: parties when they act or own, places otherwise."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2019, 11, 20)


def names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in result.actors]


def test_a_state_named_as_a_place_is_no_actor() -> None:
    result = draft_text(
        "This week, Deval Patrick launched a tour of early-voting states, visiting Nevada "
        "and Iowa.\n"
        "Patrick met voters less than three months before the Iowa caucuses.\n"
        "The painting was bought by the Kimbell Art Museum in Fort Worth, Texas, last year.",
        PUBLISHED,
    )
    assert not {"Nevada", "Iowa", "Texas"} & set(names(result))
    assert actor_named(result, "Deval Patrick").kind == "person"


def test_a_state_that_acts_or_owns_is_a_party() -> None:
    result = draft_text(
        "California’s state fire agency placed crews in position.\n"
        "To win South Carolina, Patrick would need black voters.",
        PUBLISHED,
    )
    assert actor_named(result, "California").kind == "country"
    assert actor_named(result, "South Carolina").kind == "country"


def test_a_state_that_opens_a_companys_name_is_the_company() -> None:
    result = draft_text(
        "Alaska Airlines will join the Oneworld alliance on March 31.\n"
        "Alaska’s network will open to frequent flyers of other members.",
        PUBLISHED,
    )
    airline = actor_named(result, "Alaska Airlines")
    assert "Alaska" in airline.aliases
    assert names(result).count("Alaska") == 0


def test_a_country_a_team_lost_to_is_a_side_not_a_place() -> None:
    result = draft_text(
        "The United States lost to Canada for the first time in the Davis Cup.", PUBLISHED
    )
    assert actor_named(result, "Canada").kind == "country"


def test_a_country_named_as_an_origin_or_a_modifier_is_no_actor() -> None:
    result = draft_text(
        "Herbert and Mahut defeated Raven Klaasen of South Africa in the final.\n"
        "The deal cuts a prior order of jets from the U.S. plane-maker.\n"
        "The black former Massachusetts governor is eager to get their attention.\n"
        "Sudan will stop supporting rebels in newly independent South Sudan.",
        PUBLISHED,
    )
    assert not {"South Africa", "United States", "Massachusetts", "South Sudan"} & set(
        names(result)
    )


def test_a_country_that_acts_is_still_a_party() -> None:
    result = draft_text(
        "Russia beat Croatia on Monday.\nAustralia beat Colombia behind Nick Kyrgios.",
        PUBLISHED,
    )
    assert {"Russia", "Croatia", "Australia", "Colombia"} <= set(names(result))
