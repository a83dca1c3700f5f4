"""Apposition roles: a description beside a name is that person's role, not a second actor."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2024, 5, 15)


def test_its_role_comma_name_is_the_named_person() -> None:
    result = draft_text(
        "The Springfield Transit Authority will manage the construction. Its executive "
        "director, Angela Brooks, said work would begin in the spring.",
        PUBLISHED,
    )
    brooks = actor_named(result, "Angela Brooks")
    assert brooks.role == "executive director"
    assert actor_named(result, "Springfield Transit Authority") in brooks.member_of
    assert "Its executive director" in brooks.aliases
    assert [a.kind for a in result.actors].count("person") == 1
    assert quotes_of(result, "reported") == [("Work would begin in the spring.", "Angela Brooks")]


def test_his_lawyer_comma_name_speaks_as_the_name() -> None:
    result = draft_text(
        "David Pell was convicted in March. His lawyer, Simon Grant, said his client would appeal.",
        PUBLISHED,
    )
    assert actor_named(result, "Simon Grant").role == "lawyer"
    assert quotes_of(result, "reported") == [("His client would appeal.", "Simon Grant")]


def test_lowercase_role_before_a_name_after_its_organisation() -> None:
    result = draft_text(
        "The Serious Fraud Office (SFO) brought the case.\n"
        "SFO director Nick Ephgrave said the sentence sent a message.\n"
        "Opposition leader Marit Stiles said the government had provoked the strike.",
        PUBLISHED,
    )
    ephgrave = actor_named(result, "Nick Ephgrave")
    assert ephgrave.role == "SFO director"
    assert actor_named(result, "Serious Fraud Office") in ephgrave.member_of
    assert actor_named(result, "Marit Stiles").role == "Opposition leader"


def test_an_honorific_is_neither_an_actor_nor_a_sentence_end() -> None:
    result = draft_text(
        "Grenada’s Prime Minister, Dr the Rt. Hon. Keith Mitchell has voiced his support for "
        "a banking forum.",
        PUBLISHED,
    )
    mitchell = actor_named(result, "Keith Mitchell")
    assert mitchell.role == "Grenada’s Prime Minister"
    assert not any(a.name in {"Dr", "Hon", "Rt"} for a in result.actors)


def test_a_body_named_by_whom_it_belongs_to_speaks() -> None:
    result = draft_text(
        "President Yoon Suk Yeol faced a vote.\nYoon’s office said he would not resign.",
        PUBLISHED,
    )
    office = actor_named(result, "Yoon’s office")
    assert office.kind == "organisation"
    assert office.name == "Yoon Suk Yeol’s office"
    assert quotes_of(result, "reported") == [("He would not resign.", "Yoon Suk Yeol’s office")]


def test_a_formal_title_before_a_name_is_the_persons_role() -> None:
    result = draft_text(
        '"The vote was close," said Supervisor Maria Okafor of Sonoma County.\n'
        "Sheriff Dale Hutchins said deputies had closed the road.\n"
        "Archbishop Thomas Reilly led the service on Sunday.",
        PUBLISHED,
    )
    for name, role in (
        ("Maria Okafor", "Supervisor"),
        ("Dale Hutchins", "Sheriff"),
        ("Thomas Reilly", "Archbishop"),
    ):
        person = actor_named(result, name)
        assert (person.name, person.kind, person.role) == (name, "person", role)
    assert quotes_of(result, "direct") == [("The vote was close", "Maria Okafor")]


def test_a_minister_named_by_demonym_is_a_member_of_that_country() -> None:
    result = draft_text(
        '"We will not wait," Estonian Foreign Minister Kadri Saar said on Monday.',
        PUBLISHED,
    )
    minister = actor_named(result, "Kadri Saar")
    assert [p.name for p in minister.member_of] == ["Estonia"]
    assert actor_named(result, "Estonia").kind == "country"
