"""Companies and their people: one company under its short name and its legal name, and
its staff as a group when they act."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2016, 5, 19)


def test_a_company_named_with_and_without_its_legal_form_is_one_company() -> None:
    result = draft_text(
        "Monsanto makes seeds. Bayer wants to buy Monsanto.\n"
        "Bayer made an offer for Monsanto Company on Tuesday.",
        PUBLISHED,
    )
    monsanto = actor_named(result, "Monsanto")
    assert "Monsanto Company" in monsanto.aliases
    assert [a.name for a in result.actors].count("Monsanto Company") == 0


def test_a_companys_staff_who_act_after_an_adverb_are_a_group() -> None:
    result = draft_text(
        "Bayer wants to buy Monsanto.\n"
        "Bayer executives recently met with Monsanto.\n"
        "WeWork staff were told of the cuts on Monday.",
        PUBLISHED,
    )
    assert actor_named(result, "Bayer executives").kind == "group"
    assert actor_named(result, "WeWork staff").kind == "group"


def test_a_capitalised_common_noun_alone_is_no_organisation() -> None:
    result = draft_text(
        "Public housing residents voted on Monday.\n"
        "One option is to remain as traditional Section 9 public housing, tenants said.\n"
        "“The First Amendment right to freedom of speech carries with it responsibilities,” "
        "the prosecutor said.\n"
        "The WFZO Annual International Conference and Exhibition opens in June; the "
        "Exhibition draws investors.",
        PUBLISHED,
    )
    names = [a.name for a in result.actors]
    assert "Section" not in names and "Amendment" not in names and "Exhibition" not in names


def test_company_management_is_the_management_of_the_company_in_view() -> None:
    result = draft_text(
        "Shares of Acme Corp fell on Tuesday after Acme Corp cut its forecast.\n"
        "Company management said comparable-store sales growth will be 3.5%.\n"
        "Acme Corp management hosts a conference call at 9 a.m. ET to discuss results.",
        PUBLISHED,
    )
    management = actor_named(result, "Acme Corp management")
    assert management.kind == "group"
    assert "Company management" in management.aliases
    assert actor_named(result, "Acme Corp") in management.member_of
    assert [q.speaker.name for q in result.quotes] == ["Acme Corp management"]


def test_a_chain_named_for_its_depot_is_a_company_in_a_short_text() -> None:
    result = draft_text("Home Depot said it would hire more staff.", PUBLISHED)
    assert actor_named(result, "Home Depot").kind == "organisation"


def test_two_companies_in_talks_in_a_short_text_are_both_parties() -> None:
    result = draft_text("Bayer and Monsanto are in talks.", PUBLISHED)
    assert actor_named(result, "Bayer").kind == "organisation"
    assert [sorted(a.name for a in m.participants) for m in result.meetings] == [
        ["Bayer", "Monsanto"]
    ]
