"""Countries (names, short forms, demonyms, capitals) and regions, for kinds and metonymy.

A country named as a party is an actor of kind country; its capital standing for its
government ("Tokyo is expected to invite …") is an alias of that government; a region or a
sea is only ever a place.
"""

from __future__ import annotations

from dataclasses import dataclass

# name | other names | demonyms | capital
_TABLE = """
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Argentina||Argentine,Argentinian|Buenos Aires
Armenia||Armenian|Yerevan
Australia||Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan||Azerbaijani|Baku
Bangladesh||Bangladeshi|Dhaka
Belarus||Belarusian|Minsk
Belgium||Belgian|Brussels
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian|La Paz
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Brazil||Brazilian|Brasilia
Bulgaria||Bulgarian|Sofia
Cambodia||Cambodian|Phnom Penh
Canada||Canadian|Ottawa
Chile||Chilean|Santiago
China|People's Republic of China,PRC,mainland China|Chinese|Beijing
Colombia||Colombian|Bogota
Croatia||Croatian|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish|Copenhagen
Egypt||Egyptian|Cairo
Estonia||Estonian|Tallinn
Ethiopia||Ethiopian|Addis Ababa
Finland||Finnish|Helsinki
France||French|Paris
Georgia||Georgian|Tbilisi
Germany||German|Berlin
Ghana||Ghanaian|Accra
Greece||Greek|Athens
Hungary||Hungarian|Budapest
Iceland||Icelandic|Reykjavik
India||Indian|New Delhi
Indonesia||Indonesian|Jakarta
Iran||Iranian|Tehran
Iraq||Iraqi|Baghdad
Ireland||Irish|Dublin
Israel||Israeli|Jerusalem
Italy||Italian|Rome
Japan||Japanese|Tokyo
Jordan||Jordanian|Amman
Kazakhstan||Kazakh|Astana
Kenya||Kenyan|Nairobi
Kosovo||Kosovar|Pristina
Kuwait||Kuwaiti|Kuwait City
Laos||Laotian,Lao|Vientiane
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Libya||Libyan|Tripoli
Lithuania||Lithuanian|Vilnius
Malaysia||Malaysian|Kuala Lumpur
Mali||Malian|Bamako
Mexico||Mexican|Mexico City
Moldova||Moldovan|Chisinau
Mongolia||Mongolian|Ulaanbaatar
Morocco||Moroccan|Rabat
Myanmar|Burma|Myanmar,Burmese|Naypyidaw
Nepal||Nepali,Nepalese|Kathmandu
Netherlands|the Netherlands,Holland|Dutch|Amsterdam
New Zealand||New Zealand|Wellington
Nigeria||Nigerian|Abuja
North Korea|DPRK|North Korean|Pyongyang
Norway||Norwegian|Oslo
Oman||Omani|Muscat
Pakistan||Pakistani|Islamabad
Palestine|Palestinian territories|Palestinian|Ramallah
Peru||Peruvian|Lima
Philippines|the Philippines|Filipino,Philippine|Manila
Poland||Polish|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation|Russian|Moscow
Rwanda||Rwandan|Kigali
Saudi Arabia||Saudi|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian|Belgrade
Singapore||Singaporean|Singapore
Slovakia||Slovak|Bratislava
Slovenia||Slovenian|Ljubljana
Somalia||Somali|Mogadishu
South Africa||South African|Pretoria
South Korea|Republic of Korea,Korea|South Korean,Korean|Seoul
Spain||Spanish|Madrid
Sri Lanka||Sri Lankan|Colombo
Sudan||Sudanese|Khartoum
Sweden||Swedish|Stockholm
Switzerland||Swiss|Bern
Syria||Syrian|Damascus
Taiwan||Taiwanese|Taipei
Thailand||Thai|Bangkok
Tunisia||Tunisian|Tunis
Turkey|Turkiye,Türkiye|Turkish|Ankara
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv
United Arab Emirates|UAE,Emirates|Emirati|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British|London
United States|US,U.S.,USA,U.S.A.,America|American|Washington
Uzbekistan||Uzbek|Tashkent
Venezuela||Venezuelan|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa
Zimbabwe||Zimbabwean|Harare
Grenada||Grenadian|St George's
Barbados||Barbadian|Bridgetown
Jamaica||Jamaican|Kingston
Trinidad and Tobago|Trinidad|Trinidadian|Port of Spain
Bahamas|the Bahamas|Bahamian|Nassau
Haiti||Haitian|Port-au-Prince
Dominican Republic||Dominican|Santo Domingo
Guatemala||Guatemalan|Guatemala City
Honduras||Honduran|Tegucigalpa
El Salvador||Salvadoran|San Salvador
Nicaragua||Nicaraguan|Managua
Costa Rica||Costa Rican|San Jose
Panama||Panamanian|Panama City
Ecuador||Ecuadorian,Ecuadorean|Quito
Paraguay||Paraguayan|Asuncion
Uruguay||Uruguayan|Montevideo
Guyana||Guyanese|Georgetown
Belize||Belizean|Belmopan
Luxembourg||Luxembourgish|Luxembourg
Malta||Maltese|Valletta
Montenegro||Montenegrin|Podgorica
North Macedonia|Macedonia|Macedonian|Skopje
Bahrain||Bahraini|Manama
Cameroon||Cameroonian|Yaounde
Ivory Coast|Cote d'Ivoire|Ivorian|Yamoussoukro
Tanzania||Tanzanian|Dodoma
Zambia||Zambian|Lusaka
Mozambique||Mozambican|Maputo
Angola||Angolan|Luanda
Namibia||Namibian|Windhoek
Botswana||Botswanan|Gaborone
Niger||Nigerien|Niamey
Chad||Chadian|N'Djamena
Burkina Faso||Burkinabe|Ouagadougou
Eritrea||Eritrean|Asmara
South Sudan||South Sudanese|Juba
Tajikistan||Tajik|Dushanbe
Kyrgyzstan||Kyrgyz|Bishkek
Turkmenistan||Turkmen|Ashgabat
Brunei||Bruneian|Bandar Seri Begawan
Fiji||Fijian|Suva
Papua New Guinea||Papua New Guinean|Port Moresby
"""

# Places that are never parties: regions, seas, continents, well-known buildings.
REGIONS = {
    "asia",
    "east asia",
    "south asia",
    "southeast asia",
    "central asia",
    "europe",
    "eastern europe",
    "western europe",
    "africa",
    "middle east",
    "latin america",
    "north america",
    "south america",
    "the americas",
    "americas",
    "pacific",
    "indo-pacific",
    "asia-pacific",
    "south china sea",
    "east china sea",
    "black sea",
    "red sea",
    "mediterranean",
    "baltic",
    "arctic",
    "antarctica",
    "gulf",
    "persian gulf",
    "taiwan strait",
    "gaza",
    "gaza strip",
    "west bank",
    "crimea",
    "donbas",
    "kashmir",
    "white house",
    "kremlin",
    "downing street",
    "capitol hill",
    "scandinavia",
    "balkans",
    "caribbean",
    "himalayas",
    "sahel",
}


# Big cities that are not capitals: named, they are places ("flights from Los Angeles").
CITIES = {
    "los angeles",
    "new york",
    "new york city",
    "san francisco",
    "chicago",
    "houston",
    "boston",
    "seattle",
    "miami",
    "dallas",
    "atlanta",
    "philadelphia",
    "detroit",
    "denver",
    "las vegas",
    "toronto",
    "montreal",
    "vancouver",
    "sydney",
    "melbourne",
    "shanghai",
    "hong kong",
    "mumbai",
    "bangalore",
    "kolkata",
    "chennai",
    "karachi",
    "lahore",
    "istanbul",
    "dubai",
    "st petersburg",
    "milan",
    "barcelona",
    "munich",
    "frankfurt",
    "hamburg",
    "geneva",
    "zurich",
    "osaka",
    "kyoto",
    "busan",
    "sao paulo",
    "rio de janeiro",
    "johannesburg",
    "cape town",
    "lagos",
    "alexandria",
    "jeddah",
    "gaza city",
    "shenzhen",
    "guangzhou",
    "vientiane",
    "davos",
    "brussels",
    "the hague",
    "strasbourg",
    "saint petersburg",
}

# Words that end the name of a place ("Seattle/Tacoma International Airport").
PLACE_WORDS = {
    "airport",
    "stadium",
    "arena",
    "centre",
    "center",
    "square",
    "street",
    "st",
    "ave",
    "blvd",
    "boulevard",
    "rd",
    "avenue",
    "road",
    "park",
    "hall",
    "palace",
    "bridge",
    "island",
    "islands",
    "river",
    "valley",
    "mountains",
    "province",
    "county",
    "district",
    "region",
    "state",
    "city",
    "port",
    "harbour",
    "harbor",
    "base",
    "camp",
    "compound",
    "strait",
    "sea",
    "ocean",
    "coast",
    "peninsula",
    "desert",
}

# Adjectives of regions, which name no actor on their own ("East Asian nations").
REGIONAL_ADJECTIVES = {
    "asian",
    "east asian",
    "south asian",
    "southeast asian",
    "european",
    "african",
    "latin american",
    "caribbean",
    "western",
    "eastern",
    "arab",
    "gulf",
    "nordic",
    "baltic",
    "pacific",
    "middle eastern",
    "north african",
    "west african",
    "central american",
    "south american",
    "north american",
    "scandinavian",
    "balkan",
    "mediterranean",
}


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str


def _load() -> list[Country]:
    countries = []
    for line in _TABLE.strip().splitlines():
        name, others, demonyms, capital = line.split("|")
        countries.append(
            Country(
                name,
                (name, *[o for o in others.split(",") if o]),
                tuple(d for d in demonyms.split(",") if d),
                capital,
            )
        )
    return countries


COUNTRIES = _load()
BY_NAME = {n.lower(): c for c in COUNTRIES for n in c.names}
BY_DEMONYM = {d.lower(): c for c in COUNTRIES for d in c.demonyms}
BY_CAPITAL = {c.capital.lower(): c for c in COUNTRIES}


def country_of(place: str) -> Country | None:
    """The country a place names: itself, or the country whose capital it is."""
    key = place.lower().removeprefix("the ")
    return BY_NAME.get(key) or BY_CAPITAL.get(key)


def same_place(one: str, other: str) -> bool:
    """Whether two places of a journey are one: the same name, or a country and its capital
    ("a visit to Nepal", "visiting Kathmandu")."""
    if one.lower() == other.lower():
        return True
    mine, theirs = country_of(one), country_of(other)
    return mine is not None and mine is theirs
