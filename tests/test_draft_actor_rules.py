"""Actor rules stated for news English at large, each on sentences written for it."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text

PUBLISHED = date(2024, 5, 15)


def test_a_titled_name_of_a_country_holds_that_countrys_office() -> None:
    result = draft_text(
        "President Samia Suluhu Hassan of Tanzania arrived in Nairobi on Monday for talks.\n"
        "Chief executive Allan Kilavuka of Kenya Airways said fares would rise.",
        PUBLISHED,
    )
    hassan = actor_named(result, "Samia Suluhu Hassan")
    tanzania = actor_named(result, "Tanzania")
    assert tanzania.kind == "country"
    assert hassan.role == "President of Tanzania"
    assert tanzania in hassan.member_of
    assert "President Samia Suluhu Hassan of Tanzania" in hassan.aliases
    kilavuka = actor_named(result, "Allan Kilavuka")
    assert kilavuka.role == "Chief executive of Kenya Airways"
    assert actor_named(result, "Kenya Airways") in kilavuka.member_of
    # Nairobi is where the talks are, and Kenya is named only inside the airline's name.
    assert not any(a.kind == "country" and a.name == "Kenya" for a in result.actors)


def test_an_untitled_name_of_a_country_is_no_office() -> None:
    result = draft_text(
        "Maria Lopez of Chile won the final in straight sets, organisers said.", PUBLISHED
    )
    lopez = actor_named(result, "Maria Lopez")
    assert lopez.role is None
    assert not any(a.name == "Chile" for a in result.actors)


def test_the_doer_of_a_passive_is_kept_though_named_once() -> None:
    result = draft_text(
        "Customs officers seized the shipment in Durban on Friday. The raid was led by the "
        "SARS and not by the city, the spokesman said.",
        PUBLISHED,
    )
    sars = actor_named(result, "SARS")
    assert sars.kind == "organisation"


def test_an_acronym_named_once_in_passing_is_not_kept() -> None:
    result = draft_text(
        "Customs officers seized the shipment in Durban on Friday, days after the SARS "
        "announcement, the spokesman said.",
        PUBLISHED,
    )
    assert not any(a.name == "SARS" for a in result.actors)


def test_plural_titles_name_office_holders_not_an_organisation() -> None:
    result = draft_text(
        "President Ali Hassan arrived in Dodoma on Monday. Both Presidents will sign a trade "
        "pact, and the two Heads of State will then address a press conference.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "Ali Hassan" in names
    assert not names & {"Presidents", "Heads", "Heads of State"}


def test_a_capitalised_occasion_is_no_person() -> None:
    result = draft_text(
        "Shareholders at the Annual General Meeting held on Tuesday approved the accounts. "
        "The minister arrived for a three-day State Visit on Monday.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert not names & {"Meeting", "General Meeting", "State Visit", "Visit"}
    assert not any(a.kind == "person" for a in result.actors)


def test_a_currency_before_a_sum_is_no_actor_but_a_team_before_its_score_is() -> None:
    result = draft_text(
        "Shareholders approved a final dividend of Kes. 2.50 per share, the chairman said. "
        "The lender also set aside Rs 500 crore.\n"
        "Hurricanes 4, Blackhawks 2: Jordan Staal scored twice for Carolina.\n"
        "Earlier, Perak beat Selangor 2-0, their coach said.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert not names & {"Kes", "Rs"}
    assert {"Hurricanes", "Blackhawks", "Selangor"} <= names


def test_a_capitalised_run_ending_in_a_plural_noun_is_no_person() -> None:
    result = draft_text(
        "The arrests were a blatant attack on citizens and Opposition Parties, the party’s "
        "spokesman said. Parties across the country will meet on Monday.\n"
        "Coach Dan Hurley said the Huskies would rest Tristen Newton.",
        PUBLISHED,
    )
    assert not any(a.name == "Opposition Parties" for a in result.actors)
    assert actor_named(result, "Tristen Newton").kind == "person"


def test_a_name_given_with_its_initials_is_a_body_even_after_the() -> None:
    result = draft_text(
        "The pact will deepen trade within the Southern African Development Community "
        "(SADC), the minister said. Buses will use the new Bus Rapid Transit (BRT) lanes, "
        "and the bus rapid transit plan is funded.",
        PUBLISHED,
    )
    sadc = actor_named(result, "Southern African Development Community")
    assert sadc.kind == "organisation"
    assert "SADC" in sadc.aliases
    assert not any("Rapid Transit" in a.name for a in result.actors)


def test_a_group_opening_a_quoted_sentence_is_its_subject() -> None:
    result = draft_text(
        "Nokia said on Tuesday: “Telecom analysts expected the decline, and the outlook "
        "is unchanged,” in a statement to the stock exchange.",
        PUBLISHED,
    )
    assert actor_named(result, "Telecom analysts").kind == "group"


def test_the_people_of_a_named_body_are_that_bodys_group() -> None:
    result = draft_text(
        "Danone said its managers met with executives of Unilever in Paris on Monday.\n"
        "The deal needs the support of other Unilever shareholders, Danone added.",
        PUBLISHED,
    )
    unilever = actor_named(result, "Unilever")
    executives = actor_named(result, "Unilever executives")
    assert executives.kind == "group"
    assert unilever in executives.member_of
    assert "executives of Unilever" in executives.aliases
    assert not any(a.name.lower().startswith("other") for a in result.actors)


def test_the_people_of_a_place_are_not_a_bodys_group() -> None:
    result = draft_text(
        "Officials of Laos met reporters in Vientiane, the ministry said.", PUBLISHED
    )
    assert not any(a.name == "Laos officials" for a in result.actors)


def test_a_group_led_by_a_named_person_is_named_with_its_leader() -> None:
    result = draft_text(
        "Foreign Minister Pradeep Gyawali will host a dinner for the visiting Chinese "
        "delegation led by Minister Wang Yi on Sunday.",
        PUBLISHED,
    )
    delegation = actor_named(result, "the visiting Chinese delegation led by Minister Wang Yi")
    assert delegation.kind == "group"
    assert delegation.name.endswith("delegation led by Wang Yi")
    assert actor_named(result, "Wang Yi").kind == "person"


def test_and_between_a_name_and_a_company_named_in_full_makes_two() -> None:
    result = draft_text(
        "The board awarded the contract to Hensel and Clark Construction Group on Monday, "
        "and the Food and Drug Administration approved the drug, the Independent Electoral "
        "and Boundaries Commission said.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "Clark Construction Group" in names
    assert not any(n.startswith("Hensel and") for n in names)
    assert {"Food and Drug Administration", "Independent Electoral and Boundaries Commission"} <= (
        names
    )


def test_the_title_of_a_document_or_a_law_names_no_actor() -> None:
    result = draft_text(
        "The two governments will sign a Memorandum of Understanding on Friday, after the "
        "legislature passed Senate Bill 12 and the ministry published the Third Industrial "
        "Development Plan. Shareholders also amended the Articles of Association, the "
        "Treasury said.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert not names & {
        "Memorandum",
        "Understanding",
        "Memorandum of Understanding",
        "Senate Bill",
        "Third Industrial Development Plan",
        "Association",
        "Articles of Association",
    }
    assert "Treasury" in names


def test_an_offices_portfolio_is_no_body_but_its_organisation_is() -> None:
    result = draft_text(
        "The plan was agreed with Singapore’s Minister for National Development, Desmond "
        "Lee, on Monday. The Chairman of the OECS Authority was absent.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "National Development" not in names
    assert "OECS Authority" in names
    lee = actor_named(result, "Desmond Lee")
    assert actor_named(result, "Singapore") in lee.member_of


def test_a_body_named_like_a_place_is_a_body() -> None:
    result = draft_text(
        "The outpost is used in the fight against the Islamic State group, and rebels later "
        "fought Islamic State near the border, said Simpson, of the Feinstein International "
        "Center. Delegates later met at the Kenyatta International Convention Centre.",
        PUBLISHED,
    )
    islamic_state = actor_named(result, "Islamic State")
    assert islamic_state.kind == "organisation"
    assert len(islamic_state.mentions) == 2
    assert actor_named(result, "Feinstein International Center").kind == "organisation"
    assert not any("Convention Centre" in a.name for a in result.actors)


def test_a_college_and_a_subcommittee_are_organisations() -> None:
    result = draft_text(
        "The report by the University and College Union claims pay has fallen, and the "
        "party’s International Relations Subcommittee backed it.",
        PUBLISHED,
    )
    names = {a.name: a.kind for a in result.actors}
    assert names.get("University and College Union") == "organisation"
    assert "College Union" not in names
    assert names.get("International Relations Subcommittee") == "organisation"


def test_an_outlet_cited_may_end_in_a_title_word() -> None:
    result = draft_text(
        "The ads cost the state $449,000, according to the Bemidji Pioneer Leader. "
        "The plan was backed, according to Opposition Leader Jane Mwangi.",
        PUBLISHED,
    )
    assert actor_named(result, "Bemidji Pioneer Leader").kind == "organisation"
    assert actor_named(result, "Jane Mwangi").role == "Opposition Leader"


def test_an_en_dash_joins_a_double_barrelled_name() -> None:
    result = draft_text(
        "Chairman Francis Okomo–Okello said the bank had done well, and Jasper Philipsen of "
        "Alpecin–Fenix won the stage.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "Francis Okomo–Okello" in names
    assert not names & {"Francis Okomo", "Okello"}


def test_two_countries_joined_by_a_dash_are_each_named() -> None:
    result = draft_text(
        "The India-Pakistan talks resumed on Monday, and the Kenya–Uganda border reopened, "
        "officials said.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert {"India", "Pakistan"} <= names  # parties to the talks
    assert not names & {"India-Pakistan", "Kenya–Uganda", "Kenya", "Uganda"}


def test_the_group_that_goes_with_a_person_is_theirs() -> None:
    result = draft_text(
        "Kenyan Trade Minister Rebecca Miano arrived in Kigali on Monday. Miano and her "
        "delegation toured the special economic zone, the ministry said.",
        PUBLISHED,
    )
    delegation = actor_named(result, "her delegation")
    assert delegation.kind == "group"
    assert delegation.name == "Rebecca Miano’s delegation"


def test_a_plural_noun_before_of_names_a_club_or_a_movement() -> None:
    result = draft_text(
        "Accra Hearts of Oak beat Asante Kotoko on Sunday, and the Progress Democrats of "
        "Zimbabwe said the stadium plan was weak. The Heads of State met later.\n"
        "Shares of Acme Corp fell on Tuesday, and Kelly Adams of the Chicago Fire scored.",
        PUBLISHED,
    )
    assert actor_named(result, "Kelly Adams").kind == "person"
    names = {a.name: a.kind for a in result.actors}
    assert names.get("Accra Hearts of Oak") == "organisation"
    assert names.get("Progress Democrats of Zimbabwe") == "organisation"
    assert names.get("Acme Corp") == "organisation"
    assert not set(names) & {"Accra Hearts", "Oak", "Democrats of Zimbabwe", "Heads of State"}


def test_initials_named_before_the_full_name_are_that_organisation() -> None:
    result = draft_text(
        "Police arrested the UDM party’s treasurer on Monday. In a statement the United "
        "Democratic Movement said it would go to court.",
        PUBLISHED,
    )
    udm = actor_named(result, "United Democratic Movement")
    assert "UDM" in udm.aliases
    assert [a.name for a in result.actors].count("UDM") == 0


def test_a_minister_named_with_a_two_word_demonym_serves_that_country() -> None:
    result = draft_text(
        "South Korean Foreign Minister Cho Tae-yul held talks in Lima on Friday.", PUBLISHED
    )
    cho = actor_named(result, "Cho Tae-yul")
    assert actor_named(result, "South Korea") in cho.member_of


def test_initials_take_each_part_of_a_hyphened_word() -> None:
    result = draft_text(
        "The ministers met on the sidelines of the Asia-Pacific Economic Cooperation (APEC) "
        "summit in Lima, and reviewed the Bi-National Commission (BNC).",
        PUBLISHED,
    )
    apec = actor_named(result, "Asia-Pacific Economic Cooperation")
    assert apec.kind == "organisation"
    assert "APEC" in apec.aliases
    assert "BNC" in actor_named(result, "Bi-National Commission").aliases


def test_a_capitalised_rank_after_a_is_no_person_but_a_given_name_is() -> None:
    result = draft_text(
        "The suit was filed by Tunde Bakare, a Senior Advocate of Nigeria, on Monday. The "
        "museum bought a Jacques-Louis David portrait, and Houston plays in the Dec. 17 "
        "Las Vegas Bowl.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "Tunde Bakare" in names
    assert "Jacques-Louis David" in names
    assert not names & {"Senior Advocate", "Las Vegas Bowl"}


def test_an_abbreviated_title_inside_a_role_is_written_out() -> None:
    result = draft_text(
        "Democratic Gov. Janet Mills was in Augusta on Monday. The governor said she was "
        "waiting for the report.",
        PUBLISHED,
    )
    mills = actor_named(result, "Janet Mills")
    assert mills.role == "Democratic Governor"
    assert "The governor" in mills.aliases
    assert not any(a.name == "Governor" for a in result.actors)


def test_a_name_joined_to_a_companys_is_a_company() -> None:
    result = draft_text(
        "The board awarded contracts to Hensel and Clark Construction Group for the stadium, "
        "and fans flew to Madrid and Barcelona Football Club hosted them.",
        PUBLISHED,
    )
    names = {a.name: a.kind for a in result.actors}
    assert names.get("Hensel") == "organisation"
    assert names.get("Clark Construction Group") == "organisation"
    assert "Madrid" not in names


def test_a_seat_of_power_named_as_a_party_is_an_organisation() -> None:
    result = draft_text(
        "The new tariffs are a worry for the Kremlin as talks resume. The Kremlin, in a "
        "statement on Tuesday, called the move hostile.",
        PUBLISHED,
    )
    assert actor_named(result, "Kremlin").kind == "organisation"


def test_a_seat_of_power_named_as_a_place_or_a_modifier_is_no_actor() -> None:
    result = draft_text(
        "The two leaders met at the Kremlin on Tuesday. Some Kremlin advisers want more "
        "time, Mikhail Orlov said.",
        PUBLISHED,
    )
    assert not any(a.name == "Kremlin" for a in result.actors)


def test_a_unit_after_its_number_is_no_organisation() -> None:
    result = draft_text(
        "The plant added 2.5 GW of capacity last year and will add 4 GW more by 2026, "
        "Hanwha Solutions Corp. said.",
        PUBLISHED,
    )
    assert actor_named(result, "Hanwha Solutions Corp").kind == "organisation"
    assert not any(a.name == "GW" for a in result.actors)


def test_words_of_a_quoted_title_are_no_names() -> None:
    result = draft_text(
        "Nurses marched past the hospital holding signs that read “Fair Pay Now, Safe "
        "Wards Always,” and a band played “Here Comes The Sun” as Mayor Ruth Kline spoke.",
        PUBLISHED,
    )
    assert actor_named(result, "Ruth Kline").kind == "person"
    names = {a.name for a in result.actors}
    assert not names & {"Fair Pay Now", "Safe Wards Always", "Here Comes The Sun", "Sun"}


def test_the_name_before_led_or_backed_is_the_leader_and_the_side_is_kept() -> None:
    result = draft_text(
        "Fiji had beaten a Ben Carter-led Hibernia in the final last year, organisers said.",
        PUBLISHED,
    )
    assert actor_named(result, "Ben Carter").kind == "person"
    assert actor_named(result, "Hibernia").kind == "organisation"
    assert not any(a.name == "Ben" for a in result.actors)


def test_a_country_whose_name_holds_and_is_one_country() -> None:
    result = draft_text(
        "Leaders of eight Caribbean nations met in Port of Spain, capital of Trinidad and "
        "Tobago, on Monday, officials said.",
        PUBLISHED,
    )
    assert actor_named(result, "Trinidad and Tobago").kind == "country"
    assert not any(a.name == "Tobago" for a in result.actors)


def test_a_participle_made_of_a_name_is_an_adjective() -> None:
    result = draft_text(
        "One of Zeta’s New York-listed shares will be worth eight of its Hong Kong shares, "
        "analyst Mia Olsen said.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert not any("listed" in name for name in names)
    assert "Mia Olsen" in names


def test_a_single_name_only_ever_modifying_a_noun_is_no_organisation() -> None:
    result = draft_text(
        "Families in the Zarqa camp have waited for weeks. Food at the Zarqa camp ran out on "
        "Monday, Hana Saleh said.",
        PUBLISHED,
    )
    assert not any(a.name == "Zarqa" for a in result.actors)
    assert actor_named(result, "Hana Saleh").kind == "person"


def test_a_verb_opening_a_question_or_condition_is_no_part_of_a_name() -> None:
    result = draft_text(
        "Should Riverside Council approve the plan, work would start in June, Tom Reyes said.",
        PUBLISHED,
    )
    assert actor_named(result, "Riverside Council").kind == "organisation"
    assert not any(a.name.startswith("Should") for a in result.actors)


def test_a_street_address_is_no_actor() -> None:
    result = draft_text(
        "Voters can also cast ballots at 1200 Harlan St. between 8 a.m. and noon, the "
        "board's chair Ann Vega said.",
        PUBLISHED,
    )
    assert not any("Harlan" in a.name for a in result.actors)


def test_both_opening_a_group_is_no_part_of_its_name() -> None:
    result = draft_text("The claim was false, both independent analysts said.", PUBLISHED)
    names = {a.name for a in result.actors}
    assert "Independent analysts" in names
    assert "Both independent analysts" not in names


def test_the_team_a_named_person_is_of_is_kept_though_named_once() -> None:
    result = draft_text(
        "Lena Brandt of Canyon–SRAM won the stage ahead of two climbers, organisers said.",
        PUBLISHED,
    )
    assert actor_named(result, "Canyon–SRAM").kind == "organisation"
    assert actor_named(result, "Lena Brandt").kind == "person"


def test_an_employer_opening_its_sentence_before_a_role_and_a_name() -> None:
    result = draft_text(
        "The coach will stay. Brookfield athletic director Dana Ruiz said the board agreed.",
        PUBLISHED,
    )
    brookfield = actor_named(result, "Brookfield")
    assert brookfield.kind == "organisation"
    assert brookfield in actor_named(result, "Dana Ruiz").member_of


def test_a_source_whose_data_is_cited_is_an_organisation() -> None:
    result = draft_text(
        "Bond yields rose to 9% on Monday, according to data from TradeWeb Markets.",
        PUBLISHED,
    )
    assert actor_named(result, "TradeWeb Markets").kind == "organisation"


def test_a_body_named_with_a_faith_is_one_organisation() -> None:
    result = draft_text(
        "He asked about the Muslim Brotherhood during the call, prosecutors said.", PUBLISHED
    )
    assert actor_named(result, "Muslim Brotherhood").kind == "organisation"
    assert not any(a.name == "Brotherhood" for a in result.actors)


def test_the_country_a_visit_is_to_is_a_party() -> None:
    result = draft_text(
        "President Lena Marsh arrived on Sunday for a three-day visit, her first to Ghana. "
        "She later flew to Kenya.",
        PUBLISHED,
    )
    assert actor_named(result, "Ghana").kind == "country"
    assert not any(a.name == "Kenya" for a in result.actors)


def test_the_country_a_visitor_arrives_in_is_the_host() -> None:
    result = draft_text(
        "President Lena Marsh arrived in Accra, Ghana, on Sunday for talks. She later flew "
        "to Lima, Peru.",
        PUBLISHED,
    )
    assert actor_named(result, "Ghana").kind == "country"
    assert not any(a.name == "Peru" for a in result.actors)


def test_the_town_after_a_persons_age_is_where_they_live() -> None:
    result = draft_text(
        "Jon Reed, 44, of Marlow, a village south of Tulsa, pleaded guilty to fraud, the U.S. "
        "Attorney’s Office for the Northern District of Oklahoma said in a statement.",
        PUBLISHED,
    )
    assert actor_named(result, "Jon Reed").kind == "person"
    assert not any(a.name == "Marlow" for a in result.actors)


def test_a_country_before_a_role_is_the_portfolio_not_part_of_the_body() -> None:
    result = draft_text(
        "The Kremlin said on Monday it would reply, said former State Department Iran envoy "
        "Dana Whitfield.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert "State Department" in names
    assert "State Department Iran" not in names
    assert "Dana Whitfield" in names
