"""Unnamed groups: kept when they act, are spoken to, or belong to a named party."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2024, 12, 8)


def names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in result.actors]


def test_a_group_spoken_to_is_an_actor() -> None:
    result = draft_text(
        "Han Dong-hoon urged Yoon to step down, telling reporters it had become impossible.\n"
        '"This is a historic day," Benjamin Netanyahu told settler leaders on Monday.',
        PUBLISHED,
    )
    assert actor_named(result, "Reporters").kind == "group"
    assert actor_named(result, "Settler leaders").kind == "group"


def test_a_bare_plural_that_is_a_subject_is_a_group() -> None:
    result = draft_text(
        "The utility cut power to thousands of homes.\n"
        "Marybel Batjer said residents do not have the luxury of failed connections.\n"
        "The outage outraged local officials who accused the utility of overkill.",
        PUBLISHED,
    )
    assert actor_named(result, "Residents").kind == "group"
    assert actor_named(result, "Local officials").kind == "group"


def test_a_bare_plural_that_does_not_act_is_no_actor() -> None:
    result = draft_text(
        "Antony Blinken is in Panama for a meeting with ministers from several countries.\n"
        "The talks covered the needs of residents of border towns.",
        PUBLISHED,
    )
    assert not {"Ministers", "Residents"} & set(names(result))


def test_a_group_named_by_its_party_or_country_belongs_to_it() -> None:
    result = draft_text(
        "The People Power Party (PPP) is Yoon's party.\n"
        "The bill was voted down before PPP lawmakers left the chamber.\n"
        "Correspondent banking suffered from de-risking by US banks.",
        PUBLISHED,
    )
    lawmakers = actor_named(result, "PPP lawmakers")
    assert lawmakers.kind == "group"
    assert [p.name for p in lawmakers.member_of] == ["People Power Party"]
    banks = actor_named(result, "US banks")
    assert [p.name for p in banks.member_of] == ["United States"]


def test_a_pronouns_contraction_opens_no_group() -> None:
    result = draft_text(
        "She said if Deval Patrick can get his message out, he’s someone voters could "
        "back.\n"
        "“We’ve asked for it and they don’t give it to us,” Robert Wolfarth said.",
        PUBLISHED,
    )
    assert not any("’s" in name or name == "We’ve" for name in names(result))


def test_a_pronouns_contraction_after_an_ellipsis_is_no_name() -> None:
    result = draft_text(
        "“They say it is for internal use, like we’re not supposed to get it…. We’ve asked "
        "for it and they don’t give it to us,” Robert Wolfarth said.",
        PUBLISHED,
    )
    assert names(result) == ["Robert Wolfarth"]


def test_a_group_named_by_its_owner_is_kept_when_it_acts() -> None:
    result = draft_text(
        "Yoon Suk Yeol survived the impeachment vote.\n"
        "Yoon’s office has not commented on the allegations.\n"
        "Osama bin Laden lived in Khartoum in the 1990s.\n"
        "In 1998, Bin Laden’s agents blew up two embassies.",
        PUBLISHED,
    )
    office = actor_named(result, "Yoon’s office")
    assert office.kind == "organisation"
    assert actor_named(result, "Bin Laden’s agents").kind == "group"


def test_a_groups_number_and_nouns_are_part_of_its_name() -> None:
    result = draft_text(
        "Keith Mitchell met the 6-member Congressional delegation on Monday.\n"
        "Six opposition parties submitted the impeachment motion.\n"
        "General Mark Milley told US media this month that troops would stay.",
        PUBLISHED,
    )
    assert actor_named(result, "6-member Congressional delegation").kind == "group"
    assert actor_named(result, "Six opposition parties").kind == "group"
    assert actor_named(result, "US media").kind == "group"


def test_a_bare_plural_and_its_national_form_are_one_group() -> None:
    result = draft_text(
        "Prosecutors told reporters the inquiry had been dropped.\n"
        "The decision by Swedish prosecutors ends a nine-year saga.",
        PUBLISHED,
    )
    prosecutors = actor_named(result, "Swedish prosecutors")
    assert "Prosecutors" in prosecutors.aliases
    assert "Prosecutors" not in names(result)


def test_a_body_that_opens_a_which_clause_acts() -> None:
    result = draft_text(
        "The trust urged a quick answer.\n"
        "The county, which owns half of the site, must still approve the sale.",
        PUBLISHED,
    )
    assert actor_named(result, "County").kind == "organisation"


def test_a_groups_name_opens_at_its_article_not_at_the_verb_before() -> None:
    result = draft_text(
        "Prime Minister Jane Doe is leading a trade delegation to Lima to meet officials.\n"
        "The summit between two countries' leaders was held on Monday.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert "Trade delegation" in names
    assert not [n for n in names if "leading" in n.lower() or "between" in n.lower()]


def test_the_group_named_again_with_a_modifier_is_the_same_group() -> None:
    result = draft_text(
        "The prime minister flew to Suva to join other regional leaders at the forum.\n"
        "After the forum, the Pacific leaders will meet a delegation from Japan.",
        PUBLISHED,
    )
    leaders = actor_named(result, "Other regional leaders")
    assert "the Pacific leaders" in leaders.aliases
    assert "Pacific leaders" not in [a.name for a in result.actors]
