"""Places no word list knows, read from how news English names places: none is an actor."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2024, 5, 15)


def names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in result.actors]


def test_a_town_before_its_state_is_a_place() -> None:
    result = draft_text(
        "Cedar Bluff, Iowa, has never seen such a layoff, workers said.\n"
        "GREENVALE, Calif. (AP) — The council voted on Tuesday, Tom Briggs said.\n"
        "The mayor flew to Washington, D.C. to meet the president.",
        PUBLISHED,
    )
    assert actor_named(result, "Tom Briggs").kind == "person"
    assert not {"Cedar Bluff", "Calif", "GREENVALE", "D.C."} & set(names(result))


def test_the_rest_of_a_list_of_places_is_a_place() -> None:
    result = draft_text(
        "The minister arrived after visiting Kenya, Uganda and Port Verlaine on Monday.\n"
        "Rail links in Dorbridge, Elmhurst and Kestrel Vale were cut, Network Rail said.",
        PUBLISHED,
    )
    assert not {"Port Verlaine", "Elmhurst", "Kestrel Vale"} & set(names(result))
    assert actor_named(result, "Network Rail").kind == "organisation"


def test_where_an_office_holder_is_from_is_a_place() -> None:
    result = draft_text(
        "Mayor Dana Cole of Brookhaven and Mayor Luis Ortega of Palmdale met the governor.\n"
        "Voters in states like Ohio, Michigan and Pennsylvania will decide, Cole said.",
        PUBLISHED,
    )
    assert {"Dana Cole", "Luis Ortega"} <= set(names(result))
    assert not {"Brookhaven", "Palmdale", "Ohio", "Michigan", "Pennsylvania"} & set(names(result))


def test_a_place_word_opening_a_name_makes_it_a_place() -> None:
    result = draft_text(
        "The resort on Lake Merrow would bring jobs, said Ann Price.\n"
        "Snow fell across the Sierra Nevada overnight, the National Weather Service said.",
        PUBLISHED,
    )
    assert not {"Lake Merrow", "Sierra Nevada"} & set(names(result))
    assert actor_named(result, "Ann Price").kind == "person"


def test_countries_given_as_examples_stay_parties() -> None:
    result = draft_text(
        "The fund will support countries such as Colombia, Panama and Costa Rica, "
        "the State Department said.",
        PUBLISHED,
    )
    assert {"Colombia", "Panama", "Costa Rica"} <= set(names(result))


def test_a_country_after_in_the_or_travelled_for_is_a_place() -> None:
    result = draft_text(
        "Prices will rise by 7 percent this year in the Philippines, the fund said.\n"
        "The envoy met the president before leaving on Friday for Peru.",
        PUBLISHED,
    )
    assert not {"Philippines", "Peru"} & set(names(result))
