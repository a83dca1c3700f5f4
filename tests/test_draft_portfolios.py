"""A title with its portfolio before a person's name: "Secretary of State for Foreign
Affairs Liz Truss" is Liz Truss, whose role is the whole title."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2024, 2, 20)


def test_a_title_of_state_for_a_portfolio_then_the_name_is_one_person() -> None:
    result = draft_text(
        "Britain hosted the talks.\n"
        "Secretary of State for Foreign Affairs Liz Truss met him at 9 a.m. on Monday.",
        PUBLISHED,
    )
    truss = actor_named(result, "Liz Truss")
    assert truss.role == "Secretary of State for Foreign Affairs"
    assert not [a for a in result.actors if "Affairs" in a.name]


def test_the_long_title_speaks_through_its_person() -> None:
    result = draft_text(
        "Argentina elected Javier Milei. Joe Biden congratulated him.\n"
        "Assistant US Secretary of State for Latin American Affairs Brian Nichols told the "
        'press a few days ago, "We want to be Argentina\'s preferred partner."',
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("We want to be Argentina's preferred partner.", "Brian Nichols")
    ]
    assert quotes_of(result, "reported") == []
    nichols = actor_named(result, "Brian Nichols")
    assert nichols.role == "Assistant US Secretary of State for Latin American Affairs"


def test_the_office_alone_names_no_one() -> None:
    result = draft_text(
        "Wang Yi met the Secretary of State for Foreign Affairs on Monday.", PUBLISHED
    )
    assert [a.name for a in result.actors if a.kind != "country"] == ["Wang Yi"]


def test_a_portfolio_listing_its_fields_after_the_name_is_the_role() -> None:
    result = draft_text(
        "The agreement was signed in the presence of Prahallad Joshi, Union Minister for "
        "Mines, Coal & Parliamentary Affairs.\n"
        "“KABIL will ensure mineral security of the nation,” said Joshi at the event.",
        PUBLISHED,
    )
    joshi = actor_named(result, "Prahallad Joshi")
    assert joshi.role == "Union Minister for Mines, Coal & Parliamentary Affairs"
    names = [a.name for a in result.actors]
    assert not [n for n in names if "Mines" in n or "Affairs" in n]


def test_a_portfolio_listing_its_fields_before_the_name_speaks_through_its_holder() -> None:
    result = draft_text(
        "Jamaica hosts the forum in June.\n"
        "“We are looking to bring ministers of industry from across the region,” Minister "
        "of Industry, Investment and Commerce, Senator the Hon. Aubyn Hill, told JIS News.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("We are looking to bring ministers of industry from across the region", "Aubyn Hill")
    ]
    assert quotes_of(result, "reported") == []
    assert actor_named(result, "Aubyn Hill").role == "Minister of Industry, Investment and Commerce"
    names = [a.name for a in result.actors]
    assert "Commerce" not in names and "Industry" not in names


def test_a_portfolio_named_without_a_holder_is_no_actor() -> None:
    result = draft_text(
        "Josep Borrell, the High Representative of the EU for Foreign Affairs and Security "
        "Policy announced the plan.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert "Foreign Affairs" not in names and "Security Policy" not in names
    assert "Josep Borrell" in names


def test_a_portfolio_then_a_surname_or_a_courtesy_title_then_a_name() -> None:
    result = draft_text(
        "Hilda Solis visited Memphis.\n"
        "“With Secretary of Labor Solis, we got into the summer jobs program,” the mayor said.\n"
        "Adviser to PM on Commerce Razzak Dawood met him.\n"
        "He met the Acting Premier Honourable Natalio Wheatley on Monday.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert "Labor Solis" not in names and "Commerce Razzak Dawood" not in names
    assert "Secretary of Labor Solis" in actor_named(result, "Hilda Solis").aliases
    assert "Razzak Dawood" in names
    assert actor_named(result, "Natalio Wheatley").role == "Acting Premier"


def test_a_ministry_then_a_name_is_the_ministry_and_its_minister() -> None:
    result = draft_text(
        "Tourism Minister Randall Mitchell proposed an amendment.\n"
        'Before the vote, Minister in the Ministry of Finance Brian Manning said, "The issue '
        'is a simple one."\n'
        "Manning said the demand for forex outstrips the supply.",
        PUBLISHED,
    )
    manning = actor_named(result, "Brian Manning")
    assert manning.role == "Minister in the Ministry of Finance"
    assert actor_named(result, "Ministry of Finance") in manning.member_of
    assert {
        speaker for _, speaker in quotes_of(result, "direct") + quotes_of(result, "reported")
    } == {"Brian Manning"}
