"""Actors: who the body names, grouped so that every way of naming one is one actor.

Names are runs of capitalised words ("Eastern Theater Command of the Chinese People's
Liberation Army"); a title inside a run makes the rest a person with that role ("Japanese
Foreign Minister Takeshi Iwaya"); an organisation word makes an organisation; the country
table makes countries (a country only ever named as a place — "met in Laos" — is not an
actor). Appositions give roles and aliases ("Japan's top government spokesman, Yoshimasa
Hayashi"); a surname, "Mr" + surname, a shorter form of an organisation's name or its
initials is an alias of the fuller name seen before. Unnamed groups ("senior defense
officials") are found as noun phrases and kept only when they speak or meet.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from explorer.draft import bodies, names, places, states
from explorer.draft.lexicon import (
    EVENT_WORDS,
    GOVERNMENT_ROLES,
    GROUP_NOUNS,
    LOCATIVE,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    MONTHS,
    ORG_FIRST_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_PREPOSITIONS,
    SPEECH_FORMS,
    STOPWORDS,
    TITLE_WORDS,
    WEAK_TITLE_WORDS,
    WEEKDAYS,
)
from explorer.draft.model import DraftActor, Mention, Sentence

# A word, with what joins it to the next without a space: a hyphen, an apostrophe, "&",
# or an en dash ("Okomo–Okello", "Alpecin–Fenix": a double-barrelled name as typeset).
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-–’'.&]\w+)*(?:[’']s?)?")
_CONNECTORS = {
    "of",
    "of the",
    "for",
    "for the",
    "on",
    "de",
    "al",
    "bin",
    "van",
    "von",
    "der",
    "la",
    "du",
}
# Common nouns whose possessive is part of an organisation's name ("Magistrate's Court").
_NAME_OWNERS = {
    "magistrate",
    "magistrates",
    "children",
    "women",
    "people",
    "veterans",
    "workers",
    "teachers",
    "nurses",
    "farmers",
    "citizens",
    "consumers",
    "peoples",
    "mothers",
    "writers",
    "actors",
    "players",
    "voters",
}
# Peoples and faiths named like nationalities but of no country ("Native American").
_PEOPLES = {
    "native american",
    "native americans",
    "native hawaiian",
    "first nations",
    "indigenous",
    "aboriginal",
    "jewish",
    "muslim",
    "hindu",
    "sikh",
    "buddhist",
    "hispanic",
    "latino",
    "latina",
    "latinx",
}
# Initials that are common nouns, not organisations ("a surprise TV address").
_COMMON_ACRONYMS = {
    "tv",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "gdp",
    "ai",
    "pr",
    "id",
    "dna",
    "hiv",
    "aids",
    "covid",
    "ok",
    "vip",
    "ev",
    "evs",
    "suv",
    "ipo",
    "hq",
    "mvp",
    "pdf",
    "sms",
    "gps",
    "atm",
    "vat",
    "usb",
    "dvd",
    "faq",
}
_COMMON_OWNERS = {"people", "women", "men", "children", "workers", "citizens", "world", "nation"}
_POSSESSIVE = re.compile(r"[’']s?$")
# Nouns that head an apposition giving a role: "Japan's top government spokesman, X".
_ROLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|minister|president|secretary|chief|director|head|"
    "leader|chairman|chairwoman|chair|adviser|advisor|ambassador|envoy|counterpart|official|"
    "executive|founder|coach|manager|captain|governor|mayor|senator|commander|general|"
    "analyst|economist|professor|spokesman|player|striker|midfielder|defender|goalkeeper|"
    "owner|partner|lawyer|attorney|judge|councillor|councilor|member|chancellor|premier|"
    "officer|correspondent|editor|reporter|researcher|negotiator|deputy|king|queen|prince|"
    "fellow|scholar|staff|employee|founder"
)
_APPOSITION_BEFORE = re.compile(
    r"((?:(?:[A-Z][\w’'.-]*|the|a|an|his|her|its|their|our)\s+)?"
    r"(?:[\w’'.-]+\s+){0,5}?(?i:" + _ROLE_NOUNS + r")s?)"
    # The office's portfolio: "Chairman of the OECS Authority, X".
    r"((?:\s+(?:of|for|to|at)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s*){1,5}?)?),\s*$"
)
# A role, then where its holder works: "senior fellow at the (right-wing) …".
_WORKPLACE = re.compile(
    r"\b(?i:" + _ROLE_NOUNS + r")s?\s+(?:at|of|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$"
)
# Where people work, before an employer's name: "analysts at", "a researcher with".
_AT_WORK = re.compile(
    r"\b(?:analysts|economists|researchers|strategists|experts|executives|officials|"
    r"employees|workers|staff|analyst|economist|researcher|strategist|fellow|professor|"
    r"executive|employee|official|scientist|scientists)\s+(?:at|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A lowercase role right before a name, after the organisation it serves: "State Department
# spokesman Ned Price", "Madrid coach Carlo Ancelotti", "union president Karen Littlewood".
_ROLE_BEFORE_NAME = re.compile(
    r"(?<![\w’'])((?:([A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,3})\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:" + _ROLE_NOUNS + r"))\s+$"
)
# A country after a titled name: "President William Ruto of Kenya," (not "… of Kenya Airways").
_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:and\s+)?[A-Z][\w’'.-]*){0,3}?)"
    r"(?=[,.;:)”\"]|\s+(?![A-Z])|$)"
)
# Honorifics between an apposition and the name: "…, Dr the Rt. Hon. Keith Mitchell".
_HONORIFICS = re.compile(
    r"(?:\b(?:Dr|Prof|Sir|Dame|Mr|Mrs|Ms|Rev)\.?\s+)?(?:the\s+)?(?:Rt\.?\s+)?(?:Hon\.?\s+)?$"
)
_APPOSITION_AFTER = re.compile(
    r"^,\s*((?:(?:the|a|an|his|her|its|their|[A-Z][\w’'.&-]*[’']s)\s+)?(?:[\w’'.&-]+\s+){0,6}?(?i:"
    + _ROLE_NOUNS
    + r")(?:\s+(?:of|at|for|to|with)\s+(?:the\s+)?[\w’'.&-]+(?:\s+(?:and\s+)?[A-Z][\w’'.&-]*){0,6})?)"
    r"(?:\s*\([^()]{1,30}\))?\s*[,.;]"
)
_GROUP = re.compile(
    r"\b((?:(?:a|an|the|their|his|her|its|our|some|several|many|two|three|senior|top|local|"
    r"other)\s+)?(?:(?:[A-Za-z]|\d+-[a-z])[\w’'-]*\s+){0,3}?(?:"
    + "|".join(sorted((re.escape(n) for n in GROUP_NOUNS), key=len, reverse=True))
    + r"))\b"
)
_DETERMINERS = {"a", "an", "the", "their", "his", "her", "its", "our", "some", "several", "many"}
# A model number after a maker's name: "A350-900", "787", "737 Max" (not a year or a score).
_MODEL = re.compile(r"\s+(?:[A-Z]{1,3}-?\d{2,4}|[1-9]\d{2})(?:-\d{1,4})?\b(?![.,:/]\d)")
# Words before a number that are not makers: "Group 2", "Article 5", "Resolution 242".
_NOT_MAKERS = {
    "group",
    "article",
    "resolution",
    "route",
    "flight",
    "chapter",
    "section",
    "level",
    "phase",
    "stage",
    "game",
    "round",
    "week",
    "day",
    "year",
    "under",
    "top",
    "highway",
    "interstate",
    "room",
    "gate",
    "terminal",
    "platform",
    "seat",
    "number",
    "no",
    "page",
}
# A lowercase role and a name after a country's: "Brazil star Neymar", "India captain Rohit".
_NATIONAL_ROLE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:" + _ROLE_NOUNS + r"|star|icon|legend|great|international)"
    r"\s+[A-Z]"
)
# A lowercase role and a capitalised name after an employer's name.
_EMPLOYEE = re.compile(
    r"\s+((?:[a-z][\w-]*\s+){0,2}(?:" + _ROLE_NOUNS + r"))\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+"
)


# An apposition's head noun: ", the Danish drugmaker that", ", Google's parent company,".
_ORG_APPOSITION = re.compile(
    r",\s+(?:the|a|an|its|[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)?[’']s?)\s+(?:[\w-]+\s+){0,4}?"
    r"([a-z][\w-]*)(?=\s*(?:,|\.|;|\s+(?:that|which|based|in|with|whose|known)\b))"
)


# Organisation words that alone are the name of one body ("Congress said").
_NAMED_BODIES = {"congress", "parliament", "senate", "cabinet", "treasury", "pentagon", "fifa"}
_COMPASS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "coastal",
    "upstate",
    "downtown",
    "rural",
}
_PLACE_HEADS = {
    "area",
    "valley",
    "mountains",
    "basin",
    "coast",
    "peninsula",
    "delta",
    "desert",
    "plateau",
    "county",
    "province",
    "river",
    "lake",
    "bay",
    "island",
    "islands",
    "region",
    "district",
    "heights",
    "strip",
}
# One unnamed member of the public who speaks ("said one person during public comment",
# "another caller said", "one user quipped"): a determiner, at most one modifier, a noun
# for a person, then what places them ("at the meeting", "from Denver"), up to a break.
_PUBLIC_NOUNS = (
    "person|man|woman|resident|caller|user|attendee|voter|commenter|participant|witness|"
    "neighbou?r|shopper|customer|parent|student|worker|fan|passenger|driver|viewer|listener|"
    "reader|homeowner|local|bystander|onlooker|speaker|member of the public"
)
_UNNAMED = (
    r"(?P<who>(?:(?:one|another|a|an|a second|a third|one other)\s+(?:[a-z][\w-]*\s+)?"
    r"(?:" + _PUBLIC_NOUNS + r")|someone|somebody)"
    r"(?:\s+(?:during|at|in|from|on|outside|near|of)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?"
    # "someone in the public who called into the meeting": a relative clause describes them.
    r"(?:\s+who\s+[a-z]+(?:\s+[\w’'-]+){0,5}?)?)"
    r"(?=\s*(?:[,.;:!?”\"]|$|\s+(?:said|says|told|added|asked|wrote|quipped|joked|"
    r"wondered|commented|tweeted|posted)\b))"
)
_UNNAMED_AFTER_VERB = re.compile(
    r"\b(?:said|says|asked|added|wrote|quipped|joked|wondered|commented|tweeted|posted|"
    r"replied|explained)\s+" + _UNNAMED
)
_UNNAMED_BEFORE_VERB = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=,\s))(?i:" + _UNNAMED.replace("(?P<who>", "(?P<who>", 1) + r")"
    r"(?=\s+(?:said|says|told|added|asked|wrote|quipped|joked|wondered|commented|tweeted|"
    r"posted)\b)"
)
# Words before a cited source: "via USA Today", "according to the Daily Star", "as
# reported by the Hindu", "in an interview with Fox News".
_SOURCE_BEFORE = re.compile(
    r"(?:\bvia|\baccording\s+to|\breported\s+by|\binterview\s+with|\bquoted\s+by|"
    r"\bpublished\s+by|\bwrote\s+in|\b(?:data|figures)\s+(?:from|compiled\s+by))"
    r"\s+(?:the\s+|The\s+)?$"
)
# A work named with its description after a comma: "Basket of Wild Strawberries, a 1761
# work", "Blue Rain, her third novel", "Dawn Patrol, the documentary".
_TITLE = (
    r"(?P<title>[A-Z][\w’'-]*(?:\s+(?:of|the|for|and|in|on|a|an|to|with|at|from|[A-Z][\w’'-]*))*)"
)
_WORK_NOUNS = (
    r"(?:work|painting|portrait|novel|book|film|movie|album|song|poem|play|report|sculpture|"
    r"documentary|opera|memoir|single|musical|sitcom|drama|masterpiece|canvas)"
)
_WORK_APPOSITION = re.compile(
    r"(?<![\w’'])"
    + _TITLE
    + r",\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    + _WORK_NOUNS
    + r"\b"
)
# A publication or product by the verb that makes one: "its recently released World
# Economic Outlook", "the newly launched Galaxy Note".
_RELEASED_WORK = re.compile(
    r"\b(?:released|published|issued|launched|unveiled)\s+(?:its\s+|the\s+|a\s+|an\s+)?"
    + _TITLE.replace("[A-Z][\\w’'-]*)*)", "[A-Z][\\w’'-]*)*)")
    + r"(?=\s*(?:\(|[,.;]|$))"
)
# A product after its model number: "the 787-9 Dreamliner", "five 787 Dreamliner sales".
_NUMBERED_PRODUCT = re.compile(r"\b\d{3}(?:-\d{1,3})?\s+(?P<title>[A-Z][a-z]+)\b(?![’'])")
# First words of a place's name ("Lake Tahoe", "Mount Kenya", "Sierra Nevada").
_PLACE_FIRST_WORDS = {"lake", "mount", "mt.", "mt", "cape", "gulf", "isle", "sierra", "fort"}
# "states like Ohio", "cities such as Fresno, Tulsa and Akron": places given as examples
# (countries so given are often parties: "support countries such as Colombia").
_PLACE_EXAMPLES = re.compile(
    r"\b(?:states|cities|towns|places|regions|provinces|counties|areas|islands|"
    r"neighbou?rhoods|suburbs)\s+(?:like|such\s+as|including)\s+"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+(?:and\s+|or\s+)?)*$"
)
# "Mayor Dave Bing of Detroit", "Sen. Sherrod Brown of Ohio": offices held for a place.
_OFFICE_OF_PLACE = re.compile(
    r"\b(?:Mayor|Governor|Gov\.|Senator|Sen\.|Representative|Rep\.|Congressman|"
    r"Congresswoman|Sheriff|Supervisor|Assemblyman|Assemblywoman|Councilman|Councilwoman|"
    r"Councillor|Alderman|Bishop|Archbishop)\s+(?:[A-Z][\w’'.-]*\s+){1,3}of\s+$"
)
# The AP stylebook's abbreviations of US states, as they follow a town ("Napa, Calif.",
# "Chester, Pa."); the tokeniser reads them without their last full stop.
_STATE_ABBREVIATIONS = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h",
    "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn",
    "vt", "va", "wash", "w.va", "wis", "wyo", "d.c",
}  # fmt: skip
# Prepositions after which a name of several words is a place, never a person met or
# spoken to ("in Lake County", not "spoke to Wang Yi").
_IN_A_PLACE = {"in", "near", "outside", "across", "throughout", "inside", "within"}
# Verbs of travel whose object is a place, as "visited" is ("visiting Nevada and Iowa").
_VISITING = {"visiting", "visit", "visits", "touring", "toured", "tour", "tours"}
# Seats of power that stand for those who work there when they speak or act.
_SEATS = {"white house", "kremlin", "downing street", "elysee", "élysée", "pentagon", "blue house"}
# Where a visitor arrives, a country or its capital: "arrived in Kigali, Rwanda,".
_ARRIVED_IN = re.compile(
    r"\b(?:arrived|arrives|arriving|landed|lands)\s+in\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,\s+)?$"
)
# Words a title leaves in lowercase: "Less Money on Testing".
_TITLE_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "on",
    "in",
    "to",
    "for",
    "at",
    "by",
    "with",
    "from",
    "as",
}
# Words before a seat of power that make it the place, not the body in it.
_AT_A_SEAT = {
    "at",
    "in",
    "inside",
    "outside",
    "near",
    "into",
    "visit",
    "visited",
    "visiting",
    "visits",
}
# Irregular pasts, which end a subject's noun phrase: "Bin Laden’s agents blew up …".
_IRREGULAR_PASTS = {
    "blew",
    "struck",
    "shot",
    "threw",
    "broke",
    "ran",
    "led",
    "spoke",
    "wrote",
    "rose",
    "drove",
    "flew",
    "hit",
    "kept",
    "paid",
    "sold",
    "bought",
    "brought",
    "built",
    "caught",
    "stood",
    "fell",
    "set",
    "put",
    "sought",
    "fought",
    "beat",
    "withdrew",
    "forced",
}
_OWNED_BODIES = {
    "office",
    "government",
    "administration",
    "party",
    "campaign",
    "team",
    "court",
    "ministry",
    "department",
    "agency",
    "military",
    "army",
    "navy",
    "police",
    "embassy",
    "cabinet",
    "regulator",
    "parliament",
}
_OWNED = re.compile(
    r"\b([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)(?:’s|'s|’|')\s+("
    # A body or its people, described by up to two lowercase words: "China's commerce
    # ministry", "California's state fire agency", "Yoon's own party", "Blinken's G20
    # counterparts" is not one (a capitalised word between).
    r"(?:[a-z][a-z-]+\s+){0,2}?(?:ministry|department|agency|military|army|navy|police|"
    r"embassy|cabinet|regulators?|parliament|officials|representatives|executives|"
    r"counterparts|office|government|administration|party)|"
    r"(?:office|"
    r"supporters|critics|opponents|rivals|allies|family|wife|husband|son|daughter|lawyers?|"
    r"spokes(?:man|woman|person)|aides|chief of staff|government|administration|party|campaign|"
    r"agents|followers|loyalists|advisers|advisors|bodyguards|relatives|children|parents|"
    r"(?:top|highest|supreme|constitutional)\s+court))\b"
    # What follows ends the noun phrase: "Yoon's office said", not "Japan's government
    # spokesman".
    r"(?=\s*(?:[,.;:—)]|$|\s+(?:had|has|have|was|were|is|are|said|says|told|and|or|to|of|in|"
    r"on|at|for|with|who|which|that|would|will|could|also|[a-z]+ed|last|this|earlier|later|"
    r"yesterday|today|recently|previously|already|then|now|"
    + "|".join(sorted(_IRREGULAR_PASTS))
    + r")\b))"
)
# A place noun and "of" before a name make it a place: "the province of South Kivu".
_PLACE_OF = re.compile(
    r"\b(?:province|state|region|city|town|village|district|county|island|islands|capital|"
    r"port|municipality|governorate|prefecture|territory|suburb|neighbourhood|neighborhood|"
    r"borough|republic|kingdom|emirate|state)\s+of\s+(?:the\s+)?$"
)


def _may_be_noun(word: str) -> bool:
    """Whether a lowercase word may be a noun: not a verb, an auxiliary, an adverb or a
    function word ("tribe" in "Laguna Indian tribe", "camp" in "the Rukban camp")."""
    return (
        word not in _FINITE_VERBS
        and word not in _AUXILIARIES
        and word not in SPEECH_FORMS
        and word not in _NOT_IN_NOUN_PHRASE
        and word not in STOPWORDS
        and not word.endswith(("ed", "ly"))
    )


class _Undecided:
    """What a naming rule answers when it does not apply: the next rule decides."""


_UNDECIDED = _Undecided()


@dataclass
class Run:
    """A candidate name: a run of capitalised words in one sentence."""

    start: int
    end: int
    text: str
    sentence: int
    possessive: bool = False
    after: str = ""  # the word before the run, lowercased
    next_word: str = ""  # the word after the run, lowercased
    at_start: bool = False


# Verbs that open a question or a condition before its subject ("Should the board agree",
# "Were Congress to act"), never a name's first word ("Will", "May" and "Can" may be).
_OPENING_VERBS = {
    "should",
    "would",
    "could",
    "shall",
    "must",
    "might",
    "did",
    "does",
    "do",
    "were",
    "is",
    "are",
    "was",
    "has",
    "have",
    "had",
}


def _lower_words(body: str) -> set[str]:
    return {
        m.group().lower()
        for m in _TOKEN.finditer(body)
        if m.group()[:1].islower() and not _ARABIC_PARTICLE.match(m.group())
    }


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isupper() for c in token))


# Endings that make a name the doer of what its noun names: "Root-led England", "a
# Kremlin-backed group" (the leader, the backer), unlike "Seattle-based" (a place).
_AGENT_ENDING = re.compile(
    r"(?P<name>[A-Z][\w’'.]*)[-–](?:led|backed|owned|run|funded|sponsored|appointed|controlled)"
)

_AGENT_BEFORE = re.compile(
    r"[-–](?:led|backed|owned|run|funded|sponsored|appointed|controlled)\s+(?:[a-z]+\s+)?\Z"
)


def _agent_of(start: int, end: int, token: str) -> tuple[int, int, str]:
    """The token, or the name before its agentive ending ("Root" of "Root-led")."""
    found = _AGENT_ENDING.fullmatch(token)
    if found is None:
        return start, end, token
    return start, start + len(found.group("name")), found.group("name")


def runs_in(sentence: Sentence, lower_words: set[str]) -> list[Run]:
    """Every run of capitalised words in a sentence, trimmed of sentence-initial words."""
    tokens = [_agent_of(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence.text)]
    runs: list[Run] = []
    i = 0
    text = sentence.text
    while i < len(tokens):
        if not _is_cap(tokens[i][2]) or _breaks_run(tokens[i][2]):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            gap = text[tokens[j][1] : tokens[j + 1][0]]
            if (
                gap == ". "
                and len(tokens[j][2]) == 1
                and tokens[j][2].isupper()
                and j > i
                and _is_cap(tokens[j + 1][2])
                # "King Francois I. Between 2000 and 2013": a sentence after a numeral.
                and tokens[j + 1][2].lower() not in STOPWORDS
            ):
                gap = " "  # a middle initial: "Donald J. Trump"
            if gap == ". " and tokens[j][2].lower() in _ABBREVIATED_TITLES:
                gap = " "  # "Gov. Eric Holcomb", "Mr. Biden": the title's full stop
            if gap == " & " and _is_cap(tokens[j][2]) and _is_cap(tokens[j + 1][2]):
                gap = " "  # "Pacific Gas & Electric Co.", "Johnson & Johnson"
            if (
                gap == "/"
                and _is_cap(tokens[j + 1][2])
                and not _breaks_run(tokens[j][2])
                and not _breaks_run(tokens[j + 1][2])
            ):
                gap = " "  # "Comcast/Xfinity": one company under two brands
            if gap != " " or (_POSSESSIVE.search(tokens[j][2]) and not _continues(tokens, j)):
                break
            nxt = tokens[j + 1][2]
            if (
                (_is_cap(nxt) and not _breaks_run(nxt))
                or _ARABIC_PARTICLE.match(nxt)
                or _ELIDED_PARTICLE.match(nxt)
            ):
                # "Omar Hassan al-Bashir", "Musée d’Orsay": a lowercase article joined to
                # the name that follows it.
                j += 1
                continue
            # "of", "of the", "for" joining two capitalised parts of one name.
            k = j + 1
            words = [nxt.lower()]
            if (
                k + 1 < len(tokens)
                and text[tokens[k][1] : tokens[k + 1][0]] == " "
                and (
                    tokens[k + 1][2] == "the"
                    or (nxt in _PARTICLES and tokens[k + 1][2] in _PARTICLES)
                )
            ):
                words.append(tokens[k + 1][2])
                k += 1
            joined = " ".join(words)
            if (
                (joined in _CONNECTORS or all(w in _PARTICLES for w in words))
                and k + 1 < len(tokens)
                and text[tokens[k][1] : tokens[k + 1][0]] == " "
                and _is_cap(tokens[k + 1][2])
                and not _breaks_run(tokens[k + 1][2])  # "… Council on Monday"
                and (
                    _joins(tokens[i : j + 1], tokens[k + 1][2])
                    or all(w in _PARTICLES for w in words)
                )
            ):
                j = k + 1
                continue
            if nxt == "and" and len(words) == 1 and k + 1 < len(tokens) and gap == " ":
                right = _cap_run_at(tokens, text, k + 1)
                if right and _and_joins(tokens[i : j + 1], right, lower_words):
                    j = k + 1
                    continue
            break
        piece = tokens[i : j + 1]
        i = j + 1
        # Trim sentence-initial and common words from the front.
        while piece and (
            (
                piece[0][2].lower() in STOPWORDS
                and not _acronym(piece[0][2])
                and not _opens_name(piece, text, lower_words)
            )
            or _CONTRACTION.fullmatch(piece[0][2])  # "We’ve", "He’s": a pronoun, not a name
            or (
                # "Should Nostrand Houses elect …": a question's or a condition's verb
                len(piece) > 1
                and piece[0][2].lower() in _OPENING_VERBS
                and _sentence_initial(text, piece[0][0])
            )
            or (
                _sentence_initial(text, piece[0][0])
                and piece[0][2].lower() in lower_words
                and piece[0][2].lower() not in TITLE_WORDS
                # "State Department spokesman …": the word names the organisation.
                and not (len(piece) > 1 and piece[1][2].lower() in ORG_WORDS)
            )
        ):
            piece = piece[1:]
        while piece and piece[-1][2].lower() in {"of", "the", "for", "and", "de", "al"}:
            piece = piece[:-1]
        if not piece:
            continue
        start, end = piece[0][0], piece[-1][1]
        raw = text[start:end]
        possessive = bool(_POSSESSIVE.search(raw)) and not raw.endswith("ss'")
        if possessive:
            raw = _POSSESSIVE.sub("", raw)
            end = start + len(raw)
        if not raw or not raw[:1].isalnum():
            continue
        before = text[:start].split()
        after = text[piece[-1][1] :].split()
        runs.append(
            Run(
                sentence.start + start,
                sentence.start + end,
                raw,
                sentence.index,
                possessive,
                before[-1].lower().strip("“\"‘'(") if before else "",
                after[0].lower().strip(",.;:”\"’')") if after else "",
                _sentence_initial(text, start),
            )
        )
    return runs


_NOT_NAMES = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|H[12]|"
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    # Time zones after a clock time: "9 a.m. ET".
    r"ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|JST|AEST|AEDT)\.?"
)


# Common words that also open proper names: "New York", "New Zealand", "the New England
# Patriots", "New Delhi".
_NAME_OPENERS = {"new"}


def _opens_name(piece: list[tuple[int, int, str]], text: str, lower_words: set[str]) -> bool:
    """Whether the run's first word, a common word, is the first word of the name after it:
    "New" capitalised before another capitalised word that is no common word or demonym of
    its own ("New York Times", not "New Chinese tariffs" or a sentence's "New rules")."""
    first = piece[0][2]
    if first.lower() not in _NAME_OPENERS or not first[:1].isupper() or len(piece) < 2:
        return False
    second = _POSSESSIVE.sub("", piece[1][2]).lower()
    if second in places.BY_DEMONYM:
        return False
    return not _sentence_initial(text, piece[0][0]) or second not in lower_words


def _breaks_run(token: str) -> bool:
    """Dates, quarters and "-based" adjectives are never part of a name ("the Boston Celtics
    Wednesday", "Seattle-based carrier")."""
    bare = _POSSESSIVE.sub("", token)
    return (
        _NOT_NAMES.fullmatch(bare) is not None
        or bare.lower().endswith(_ADJECTIVE_ENDINGS)
        # "New York-listed shares", "a GOP-dominated Legislature": a participle made of a
        # name is an adjective.
        or re.search(r"\w[-–][a-z]+ed$", bare) is not None
    )


_ROLE_ABBREVIATIONS = {
    "gov.": "Governor",
    "sen.": "Senator",
    "rep.": "Representative",
    "gen.": "General",
    "adm.": "Admiral",
    "lt.": "Lieutenant",
    "col.": "Colonel",
    "capt.": "Captain",
    "sgt.": "Sergeant",
    "prof.": "Professor",
    "maj.": "Major",
}
_ABBREVIATED_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "prof",
    "adm",
    "maj",
    "cmdr",
    "insp",
    "det",
    "supt",
    "pres",
    "amb",
    "hon",
    "rt",
    "st",
    "jr",
    "sr",
}
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "dr", "rt", "hon", "the", "sir", "dame", "rev", "prof"}
_ADJECTIVE_ENDINGS = ("-based", "-born", "-led", "-backed", "-owned", "-style", "-run", "-made")
_PARTICLES = {
    "van",
    "de",
    "der",
    "von",
    "bin",
    "al",
    "da",
    "dos",
    "das",
    "des",
    "del",
    "della",
    "la",
    "le",
    "du",
    "di",
    "ibn",
    "ten",
    "ter",
    "den",
}
_ELIDED_PARTICLE = re.compile(r"[dlDL][’'][A-ZÀ-Ý]")
_ARABIC_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|abu|abd|bin|ibn|ben|bint)-[A-Z]")


def _expanded(role: str) -> str:
    """A role with its abbreviated titles written out ("Republican Gov." → "Republican
    Governor", "Lt. Gen." → "Lieutenant General"), so "the governor" can refer to it."""
    return " ".join(_ROLE_ABBREVIATIONS.get(w.lower(), w) for w in role.split())


def _short_initials(name: str) -> str:
    skip = {"of", "for", "and", "the", "on", "de"}
    return "".join(w[0].upper() for w in _words(name) if w.lower() not in skip)


def _short_name_of(short: str, name: str) -> bool:
    """Whether `short` abbreviates `name`: its capitals are the name's initials in order
    ("SFO", "OSSTF", "IEBC"), a word of the name may stand as it is ("Africa CDC")."""
    full = [w for w in _words(name) if w.lower() not in {"of", "for", "and", "the", "on", "de"}]
    if re.search(r"[-–]", name) and not _short_name_of_words(short, full):
        # "Asia-Pacific Economic Cooperation (APEC)": each part of a hyphened word.
        full = [p for w in full for p in re.split(r"[-–]", w) if p]
    return _short_name_of_words(short, full)


def _short_name_of_words(short: str, full: list[str]) -> bool:
    if not full:
        return False
    initials = "".join(w[0].upper() for w in full)
    letters = ""
    for word in short.split():
        if word in full:
            letters += word[0].upper()
        elif sum(c.isupper() for c in word) >= 2 or len(word) <= 3:
            letters += "".join(c for c in word if c.isupper())
        else:
            return False
    if len(letters) < 2:
        return False
    iterator = iter(initials)
    return letters[0] == initials[0] and all(c in iterator for c in letters)


def _cap_run_at(tokens: list[tuple[int, int, str]], text: str, k: int) -> list[str]:
    """The capitalised words from token k on, one space apart."""
    words: list[str] = []
    while k < len(tokens) and _is_cap(tokens[k][2]) and not _breaks_run(tokens[k][2]):
        words.append(tokens[k][2])
        if k + 1 >= len(tokens) or text[tokens[k][1] : tokens[k + 1][0]] != " ":
            break
        k += 1
    return words


_NOUN_SUFFIXES = ("ment", "ments", "tion", "tions", "ity", "ities", "ance", "ence", "ness", "ism")


def _common(word: str, lower_words: AbstractSet[str]) -> bool:
    """A common noun capitalised in a name: the body or the organisation words use it."""
    bare = _POSSESSIVE.sub("", word).lower()
    if bare.endswith(_NOUN_SUFFIXES) and len(bare) > 6:
        return True  # "Development", "Security", "Resources": a common noun by its ending
    return any(
        form in lower_words or form in ORG_WORDS for form in (bare, bare.removesuffix("s"))
    ) and not _given_name(word)


def _and_joins(
    left: list[tuple[int, int, str]],
    right: list[str],
    lower_words: AbstractSet[str] = frozenset(),
) -> bool:
    """ "and" inside one name: "Food and Drug Administration", "Independent Electoral and
    Boundaries Commission", "Centres for Disease Control and Prevention" — not two names
    ("Japan and China", "Secretary of State Mike Pompeo and Defense Secretary Mark Esper")."""
    lowered = [w.lower() for w in right]
    left_words = [t[2] for t in left]
    while len(left_words) > 1 and left_words[0].lower() in STOPWORDS:
        left_words = left_words[1:]  # "The U.S. Food and …": the article is no part of it
    if " ".join([*left_words, "and", *right]).lower() in places.BY_NAME:
        return True  # "Trinidad and Tobago", "Bosnia and Herzegovina": one country
    if not right or len(right) > 3 or _POSSESSIVE.search(right[-1]):
        return False
    if any(w in TITLE_WORDS for w in lowered) or " ".join(lowered) in places.BY_NAME:
        return False
    if lowered[0] in places.BY_NAME or lowered[0] in places.BY_DEMONYM:
        return False
    if any(
        w.lower() in places.BY_NAME
        or w.lower() in places.BY_DEMONYM
        or w.lower() in places.CITIES
        or w.lower() in places.BY_CAPITAL
        # "U.S. Securities and Exchange Commission": a country opening the name is its own.
        for w in [*(left_words[1:] if len(left_words) > 1 else left_words), *right]
    ):
        return False
    if any(w in {"of", "for"} for w in left_words):
        # A portfolio: "Department of Health and Human Services", "of Housing and Urban
        # Development" (a given name opening common nouns is one of them).
        return len(right) <= 2 and (
            not _given_name(right[0]) or all(_common(w, lower_words) for w in right[1:] or right)
        )
    common_left = [w for w in left_words if not _acronym(w) and w.lower() not in places.BY_NAME]
    if (
        len(common_left) == 1
        and len(left_words) <= 2
        and _common(common_left[0], lower_words)
        and all(_common(w, lower_words) for w in right)
        and lowered[-1] in ORG_WORDS
    ):
        # "the U.S. Securities and Exchange Commission", "Fish and Wildlife Service": one
        # common noun and a body of common nouns make one name, neither is one alone.
        return True
    if (
        len(right) == 1
        and _plural(right[0])
        and _plural(left_words[-1])
        and len(left_words) > 1
        and _common(right[0], lower_words)
    ):
        # "Margaritaville Hotels and Resorts": a plural common noun alone names nothing.
        return True
    if len(right) >= 2 and _given_name(right[0]) and not _common(right[0], lower_words):
        # "Gensler and Clark Construction Group": a name of its own after "and" (one that
        # opens with a proper name, not "Food and Drug Administration"), so two companies.
        return False
    return (
        lowered[-1] in ORG_WORDS
        and len(left_words) <= 3
        and not any(w.lower() in ORG_WORDS for w in left_words)
        and not _given_name(left_words[0])
    )


def _given_name(word: str) -> bool:
    return names.given(word)


def _continues(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """A possessive inside a name: "People's Liberation Army", "Army's Eastern Command"."""
    return not (j + 1 >= len(tokens) or not _is_cap(tokens[j + 1][2]))


# The last words of a portfolio ("for Foreign Affairs", "of Finance, Planning and Economic
# Development"): no one's surname.
_PORTFOLIO_WORDS = {
    "affairs",
    "policy",
    "development",
    "security",
    "trade",
    "commerce",
    "industry",
    "finance",
    "planning",
    "defence",
    "defense",
    "health",
    "education",
    "justice",
    "energy",
    "environment",
    "agriculture",
    "transport",
    "labor",
    "labour",
    "mines",
    "state",
    "cooperation",
    "relations",
    "rights",
    "services",
    "resources",
    "technology",
    "science",
    "culture",
    "tourism",
    "investment",
    "integration",
    "economy",
    "treasury",
    "communities",
    "housing",
    "sports",
    "youth",
    "immigration",
    "fisheries",
    "infrastructure",
    "employment",
}
# A title whose portfolio lists several fields, commas and all: "Minister of Industry,
# Investment and Commerce", "Union Minister for Mines, Coal & Parliamentary Affairs".
_LISTED_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Representative|Adviser|Advisor|Ministry|Department)"
    r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*,?\s+(?:and|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
)


def _portfolios(text: str) -> list[tuple[int, int]]:
    """Where the sentence's listed portfolios are (sentence offsets), each cut after its
    last portfolio word so that a name following it stays out ("… and Commerce Aubyn Hill")."""
    found = []
    for match in _LISTED_PORTFOLIO.finditer(text):
        if "," not in match.group() and "&" not in match.group():
            continue  # "Secretary of Housing and Urban Development": one run already
        tail = list(re.finditer(r"[A-Za-z][\w-]*", match.group()))
        last = max((m.end() for m in tail if m.group().lower() in _PORTFOLIO_WORDS), default=-1)
        if last > match.group().rfind(",") and last > 0:
            found.append((match.start(), match.start() + last))
    return found


def _listed_role(before: str, after: str) -> str | None:
    """A listed portfolio standing beside a name as its role: ", Union Minister for Mines,
    Coal & Parliamentary Affairs." after it, or "Minister of Industry, Investment and
    Commerce, Senator" before it."""
    for start, end in _portfolios(after):
        lead = re.fullmatch(r",\s*((?:the\s+|[A-Z][\w.-]*\s+){0,3})", after[:start])
        if lead is not None and re.match(r"\s*(?:[,.;)]|$)", after[end:]):
            return after[lead.start(1) : end]
    for start, end in _portfolios(before):
        if re.fullmatch(
            r",\s*(?:(?:the|The|Senator|Sen\.|Hon\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s*)*", before[end:]
        ):
            lead = re.search(r"(?:[A-Z][\w.-]*\s+){0,3}$", before[:start])
            return before[lead.start() if lead else start : end]
    return None


def portfolio_ending(text: str) -> int | None:
    """Where a listed portfolio that ends the text starts ("… Minister of Industry,
    Investment and Commerce"): a role stands there, so what follows names its holder."""
    stripped = text.rstrip()
    for start, end in _portfolios(stripped):
        if end == len(stripped):
            return start
    return None


def _past_portfolio(run: Run, sentence: Sentence, portfolios: list[tuple[int, int]]) -> Run | None:
    """The part of a run after a listed portfolio it overlaps (an empty run when none is
    left): the portfolio's fields are no organisations of their own."""
    for start, end in portfolios:
        start += sentence.start
        end += sentence.start
        if run.end <= start or run.start >= end:
            continue
        if run.end <= end:
            return Run(run.start, run.start, "", run.sentence)
        offset = len(run.text) - len(run.text[end - run.start :].lstrip())
        return Run(run.start + offset, run.end, run.text[offset:], run.sentence, run.possessive)
    return None


# Words that describe a portfolio's field: "Foreign Affairs", "Economic Development".
_PORTFOLIO_MODIFIERS = {
    "foreign",
    "home",
    "internal",
    "external",
    "public",
    "economic",
    "social",
    "parliamentary",
    "human",
    "urban",
    "rural",
    "national",
    "international",
    "regional",
    "latin",
    "american",
    "african",
    "european",
    "asian",
    "consumer",
    "small",
    "business",
    "homeland",
    "veterans",
    "natural",
    "digital",
}
# Legal forms that end a company's name ("Monsanto Company", "SoftBank Group Corp").
_LEGAL_FORMS = {
    "company",
    "co",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "holdings",
}
# Common nouns some styles capitalise alone ("the new Government", "Section 9", "the First
# Amendment"): a reference or a thing, never a name.
_INSTITUTION_WORDS = {
    "government",
    "ministry",
    "department",
    "police",
    "army",
    "navy",
    "military",
    "state",
    "statehouse",
    "fund",
    "section",
    "amendment",
    "members",
    "chief",
    "governor",
    "company",
    "exhibition",
    "office",
    "assembly",
}
_PORTFOLIO_TITLES = {
    "secretary",
    "minister",
    "commissioner",
    "director",
    "representative",
    "undersecretary",
    "under-secretary",
    "adviser",
    "advisor",
    "envoy",
}


def _joins(left: list[tuple[int, int, str]], right: str) -> bool:
    """Whether "of"/"for" continues a name: only after an organisation or title word."""
    last = _POSSESSIVE.sub("", left[-1][2]).lower()
    lowered = [token[2].lower() for token in left]
    return (
        # "Secretary of State for Foreign Affairs": a title already with its "of" goes on
        # to its portfolio.
        any(
            word in _PORTFOLIO_TITLES and lowered[i + 1 : i + 2] == ["of"]
            for i, word in enumerate(lowered)
        )
        or last in ORG_WORDS
        or last in ORG_FIRST_WORDS
        or last in {"republic", "kingdom"} | _PORTFOLIO_TITLES
        or last in {"head", "chief", "president", "chairman", "governor", "ambassador"}
        # "Accra Hearts of Oak", "Friends of the Earth", "Progress Democrats of Zimbabwe":
        # a plural noun capitalised before "of" names a club or a movement (not "Heads of
        # State", office holders).
        # (after a name: "Shares of Acme Corp" opening a sentence is no club; and not a
        # person's surname: "LeBron James of the Los Angeles Lakers")
        or (
            len(lowered) >= 2
            and _plural_of(lowered)
            and not any(_given_name(token[2]) for token in left)
        )
    )


def _plural_of(lowered: list[str]) -> bool:
    """Whether a name's words up to "of" end in a plural noun that names a club or a
    movement ("Hearts", "Friends", "Democrats"), not office holders or a country."""
    return (
        bool(lowered)
        and _plural(lowered[-1])
        and len(lowered) <= 3
        and _singular(lowered[-1]) not in TITLE_WORDS
        and lowered[-1] not in places.BY_DEMONYM
        and lowered[-1] not in {"states", "emirates", "islands", "nations", "articles"}
        and lowered[-1] not in _DOCUMENTS
    )


def _sentence_initial(text: str, offset: int) -> bool:
    return not text[:offset].strip(" “\"‘'(—–-")


def _words(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


def normalise(name: str) -> str:
    """A name compared loosely: case, quotes, possessives, "the" and punctuation ignored."""
    name = name.replace("’", "'").lower()
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"[^\w\s-]", " ", name)
    words = [w for w in name.split() if w not in {"the", "a", "an"}]
    return " ".join(words)


class ActorFinder:
    """Collects mentions sentence by sentence and groups them into actors."""

    def __init__(self, body: str, sentences: list[Sentence]) -> None:
        self.body = body
        self.sentences = sentences
        self.lower_words = _lower_words(body)
        self.actors: list[DraftActor] = []
        self.mentions: list[Mention] = []
        self.by_key: dict[str, DraftActor] = {}
        self.countries: dict[str, DraftActor] = {}
        self.locative_only: dict[str, bool] = {}
        self.place_ends: dict[int, int] = {}  # sentence → where its last place name ends
        self.used: set[int] = set()  # ids of actors that must be kept whatever their kind
        # Actors whose only ground is a guessed kind: kept when they speak, meet or recur.
        self.weak: set[int] = set()
        self.bare: set[str] = set()  # bare plurals taken as groups ("reporters")
        self.owned: set[int] = set()  # actors named by whom they belong to ("Yoon’s office")
        self.led: set[int] = set()  # groups named with their leader ("a delegation led by X")
        self.not_names: set[str] = set()  # initials of things ("Bus Rapid Transit (BRT)")
        # Titles of works and products ("Basket of Wild Strawberries, a 1761 work", "its
        # recently released World Economic Outlook", "the 787-9 Dreamliner"): their words
        # name no actor anywhere in the story.
        self.work_words: set[str] = set()
        for pattern in (_WORK_APPOSITION, _RELEASED_WORK, _NUMBERED_PRODUCT):
            for match in pattern.finditer(body):
                title = match.group("title")
                if not _given_name(_words(title)[0]):
                    self.work_words.update(
                        w for w in _words(title) if _is_cap(w) and w.lower() not in STOPWORDS
                    )

    # -- building ------------------------------------------------------------------------

    def new_actor(self, name: str, kind: str, guess: str | None = None) -> DraftActor:
        actor = DraftActor(name=name, kind=kind)
        if guess:
            actor.guesses.append(guess)
        self.actors.append(actor)
        self.by_key[normalise(name)] = actor
        return actor

    def mention(self, actor: DraftActor, start: int, end: int, sentence: int) -> Mention:
        mention = Mention(start, end, self.body[start:end], sentence, actor)
        lead = ("\n" if start <= 40 else "") + self.body[max(0, start - 40) : start]
        mention.clause_initial = bool(
            re.search(r"(?:[.!?\n]\s*|,\s+|\band\s+|\bbut\s+)[“\"‘]?(?:the\s+|The\s+)?$", lead)
        )
        mention.possessive = bool(re.match(r"[’'](?:s\b|\s)", self.body[end : end + 2]))
        actor.mentions.append(mention)
        self.mentions.append(mention)
        if mention.text != actor.name:
            actor.add_alias(mention.text)
        return mention

    def country(self, country: places.Country) -> DraftActor:
        actor = self.countries.get(country.name)
        if actor is None:
            actor = self.new_actor(country.name, "country")
            actor.country = country.name
            self.countries[country.name] = actor
            self.locative_only[country.name] = True
        return actor

    def government(self, country: places.Country) -> DraftActor:
        key = normalise(f"Government of {country.name}")
        actor = self.by_key.get(key)
        if actor is None:
            actor = self.new_actor(f"Government of {country.name}", "organisation")
            actor.country = country.name
            actor.member_of.append(self.country(country))
        return actor

    def find(self) -> list[DraftActor]:
        for sentence in self.sentences:
            if sentence.heading:
                continue
            portfolios = _portfolios(sentence.text)
            for run in runs_in(sentence, self.lower_words):
                self._take_run(_past_portfolio(run, sentence, portfolios) or run)
            self._take_lowercase(sentence)
        self._appositions()
        self._groups()
        self._unnamed_speakers()
        self._merge_single_names()
        self._merge_short_organisations()
        self._merge_initials()
        self._merge_bare_groups()
        self._owned()
        self._bodies()
        return self.actors

    def _bodies(self) -> None:
        """ "The trust gave the county an extra month", "suspended by the mayor": a body or
        office named by its common noun, when it acts and no actor named before is it."""
        for sentence in self.sentences:
            if sentence.heading:
                continue
            for body in bodies.bodies_in(sentence.text):
                start = sentence.start + body.start
                end = sentence.start + body.end
                if any(m.start < end and start < m.end for m in self.mentions):
                    continue
                before = self.body[max(0, start - 30) : start]
                initial = bool(
                    re.search(
                        r"(?:[.!?\n]\s*|,\s+|\band\s+|\bbut\s+)[“\"‘]?$",
                        ("\n" if start <= 40 else "") + self.body[max(0, start - 40) : start],
                    )
                )
                if not (
                    self._acting(start, end, initial)
                    or re.search(r"\b(?:by|urged|asked|told)\s+$", before)
                ):
                    continue
                if reference_at(self.actors, self.mentions, start, f"the {body.noun}"):
                    continue  # "the ministry" after the Ministry of Defence: that one
                name = body.noun[:1].upper() + body.noun[1:]
                named = re.findall(r"\b((?:[A-Z][\w’'.-]*\s+)+)" + name + r"\b", self.body[:start])
                guess = f'an unnamed {body.noun} ("the {body.noun}")'
                if named and body.noun in ("county", "city"):
                    name = f"{named[-1].strip()} {name}"  # "Miami-Dade County … the county"
                    guess = f'"the {body.noun}" read as {name}, named before as a place'
                actor = self.by_key.get(normalise(name))
                if actor is None:
                    actor = self.new_actor(name, body.kind, guess)
                self.mention(actor, start, end, sentence.index)
                self.used.add(id(actor))

    def _owned(self) -> None:
        """ "Yoon's office", "Mr Mugabe's critics", "Weeks' family": people or bodies named by
        whom they belong to, named after the owner's full name with the text as an alias."""
        for sentence in self.sentences:
            if sentence.heading:
                continue
            for match in _OWNED.finditer(sentence.text):
                noun = match.group(2)
                owner_end = sentence.start + match.end(1)
                owner = next(
                    (
                        m.actor
                        for m in self.mentions
                        if m.end == owner_end and m.actor is not None and m.actor.kind != "group"
                    ),
                    None,
                )
                if owner is None:
                    continue
                head = noun.split()[-1].lower()
                if noun.split()[0] in _FINITE_VERBS | _AUXILIARIES or noun.split()[0] in {
                    "and",
                    "or",
                    "of",
                    "to",
                }:
                    continue  # "Mugabe's and the army's officials": no description
                if head in _OWNED_BODIES:
                    kind = "organisation"
                elif head.endswith("s") and head not in {"boss", "chief of staff"}:
                    kind = "group"
                else:
                    kind = "person"
                name = f"{owner.name}{'’' if owner.name.endswith('s') else '’s'} {noun}"
                start = sentence.start + match.start(1)
                # The owner's mention may start before the possessive's word ("Mr Mugabe").
                owner_mention = next(m for m in self.mentions if m.end == owner_end)
                start = owner_mention.start
                end = sentence.start + match.end(2)
                actor = self.by_key.get(normalise(name))
                if actor is None and head == "government" and owner.country is not None:
                    # "Sudan's military-dominated government": the country's government.
                    country = places.BY_NAME.get(owner.country.lower())
                    if country is not None:
                        actor = self.government(country)
                if actor is None:
                    actor = self.new_actor(
                        name, kind, f"named by whom it belongs to ({owner.name})"
                    )
                    if kind != "group" and owner.kind in ("organisation", "country"):
                        actor.member_of.append(owner)
                if not any(m.start == start and m.actor is actor for m in actor.mentions):
                    self.mention(actor, start, end, sentence.index)
                    self.weak.add(id(actor))
                    self.owned.add(id(actor))

    def _take_run(self, run: Run) -> DraftActor | None:
        if not run.text:
            return None  # a run wholly inside a portfolio ("Minister of Industry, Investment")
        if re.search(r",\s+\d{1,3},\s+of\s+$", self.body[max(0, run.start - 12) : run.start]):
            return None  # "Carlineo, 55, of Addison": where a person lives
        portfolio = self._country_portfolio(run)
        if portfolio is not None:
            return self._take_run(portfolio)
        actor = self._take_name(run)
        if actor is not None and _AGENT_BEFORE.search(self.body, max(0, run.start - 14), run.start):
            self.weak.discard(id(actor))  # "Root-led England": a side someone leads
        if actor is not None and actor.kind == "organisation" and self._person_of(run):
            self.weak.discard(id(actor))  # "Philipsen of Alpecin–Fenix": whom one is with
        if actor is not None and actor.kind == "organisation":
            self._short_names(actor, run)
        elif actor is None:
            # "the new Bus Rapid Transit (BRT)": the initials of a thing, not of an actor.
            short = re.match(r"\s*\(([A-Z][A-Z&.]{1,6})\)", self.body[run.end : run.end + 12])
            if short and _short_name_of(short.group(1), run.text):
                self.not_names.add(short.group(1))
        return actor

    def _country_portfolio(self, run: Run) -> Run | None:
        """The run without the country ending it when a role follows: "former White House
        Russia adviser Fiona Hill" is the White House's adviser on Russia."""
        words = _words(run.text)
        if run.possessive or not re.match(
            r"\s+(?:" + _ROLE_NOUNS + r")\b", self.body[run.end : run.end + 30]
        ):
            return None
        for size in (2, 1):
            if len(words) > size and " ".join(words[-size:]).lower() in places.BY_NAME:
                cut = run.text.rfind(words[-size])
                text = run.text[:cut].rstrip()
                if not text:
                    return None
                return Run(
                    run.start,
                    run.start + len(text),
                    text,
                    run.sentence,
                    False,
                    run.after,
                    words[-size].lower(),
                    run.at_start,
                )
        return None

    def _person_of(self, run: Run) -> bool:
        """Whether the run follows a person's name and "of": "Mads Pedersen of Trek"."""
        before = re.search(r"\s+of\s+$", self.body[max(0, run.start - 6) : run.start])
        if before is None:
            return False
        end = run.start - len(before.group())
        return any(
            m.end == end and m.actor is not None and m.actor.kind == "person" for m in self.mentions
        )

    def _as_place(self, run: Run) -> bool:
        """A country named as a place or an origin, not as a party: "in Afghanistan", "in
        neighboring South Sudan", "from El Salvador, Guatemala and Haiti", "Doha, Qatar",
        "Brazil star Neymar"."""
        if run.possessive:
            return False
        if run.after == "to" and re.search(
            r"\b(?:lost|lose|loses|losing|fell|fall|falls|bowed|succumbed)\s+to\s+$",
            self.body[max(0, run.start - 20) : run.start],
        ):
            return False  # "lost to Canada": a side in a match, not a place
        if run.after == "to" and re.search(
            r"\b(?:visit|trip|voyage)\b[^.;:]{0,40}\bto\s+$",
            self.body[max(0, run.start - 60) : run.start],
        ):
            return False  # "a four-day visit, his first to India": the host of a visit
        if _ARRIVED_IN.search(self.body[max(0, run.start - 60) : run.start]):
            return False  # "Ruto arrived in Kigali, Rwanda, on Tuesday": the host
        if run.after in LOCATIVE or run.after in _VISITING:
            return True
        before = self.body[max(0, run.start - 40) : run.start]
        if re.search(
            r"\b(?:" + "|".join(sorted(LOCATIVE)) + r"|leaving|leave|neighbou?ring)\s+"
            r"(?:the\s+)?(?:[a-z]+ly\s+)?(?:[a-z]+(?:ing|ern|ed|ent|al)\s+)$",
            before,
        ):
            return True  # "in neighboring South Sudan", "in newly independent South Sudan"
        if re.search(r"\b(?:leaving|leave|leaves|left)\s+$", before):
            return True  # "troops to begin leaving Afghanistan"
        if re.search(r"\b(?:in|across|throughout|inside|within)\s+[Tt]he\s+$", before):
            return True  # "prices would rise this year in The Bahamas"
        if re.search(
            r"\b(?:leaving|leave|leaves|left|departing|departed|departs|bound|headed|heading|"
            r"flew|flying|set off|sets off)\b[^.;:,]{0,30}\bfor\s+$",
            before,
        ):
            return True  # "before leaving on Thursday for Namibia": where one travels to
        if _PLACE_EXAMPLES.search(before):
            return True  # "voters in key states like Ohio": an example of a place
        if re.search(r"\b[A-Z][\w’'-]+\s+of\s+$", before):
            return True  # "Raven Klaasen of South Africa": where a person is from
        last = self.place_ends.get(run.sentence)
        if last is not None and re.fullmatch(
            r"\s*(?:,|,?\s*and|,?\s*or)\s*", self.body[last : run.start]
        ):
            return True  # the rest of a list of places
        if re.search(r"\b[A-Z][\w’'-]+,\s+$", before) and re.match(
            r"\s*[,.;]", self.body[run.end : run.end + 2]
        ):
            city = re.search(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?),\s+$", before)
            if city and (
                city.group(1).lower() in places.CITIES or city.group(1).lower() in places.BY_CAPITAL
            ):
                return True  # "Doha, Qatar,"
        # "Brazil star Neymar": a nationality before a role and a name.
        return bool(_NATIONAL_ROLE.match(self.body[run.end : run.end + 60]))

    def _at_work(self, run: Run) -> bool:
        """ "Analysts at Morgan Stanley": a name after people and "at" is their employer (a
        name that is a place stays one: "officials at Heathrow" is left to the place rules)."""
        return bool(_AT_WORK.search(self.body[max(0, run.start - 40) : run.start])) and not (
            run.text.lower() in places.CITIES
            or run.text.lower() in places.BY_CAPITAL
            or run.text.lower() in places.BY_NAME
            or run.text.lower() in states.BY_NAME
            or _words(run.text)[-1].lower() in places.PLACE_WORDS
        )

    def _noun_follows(self, run: Run) -> bool:
        """Whether a lowercase word that may be a noun (not a verb, an adverb or a
        preposition) follows the run: "tribe" in "Laguna Indian tribe"."""
        if run.possessive:
            return False
        following = re.match(r"\s+([a-z][\w-]*)", self.body[run.end : run.end + 30])
        if following is None:
            return False
        return _may_be_noun(following.group(1))

    def _modifies(self, mention: Mention) -> bool:
        """Whether a mention modifies the common noun after it ("the Rukban camp")."""
        if mention.possessive or self.body[mention.end : mention.end + 2] in ("’s", "'s"):
            return False
        following = re.match(r" ([a-z][\w-]*)", self.body[mention.end : mention.end + 30])
        if following is None:
            return False
        return _may_be_noun(following.group(1))

    def _attributive(self, run: Run) -> bool:
        """A place's name used as a modifier of a common noun: "the Iowa caucuses", "a
        Texas oil town", "central California counties"."""
        if not run.possessive and re.match(
            r"\s+(?:" + _ROLE_NOUNS + r")\b", self.body[run.end : run.end + 30]
        ):
            return True  # "the former Massachusetts governor": whose office it is
        if run.possessive or not (
            run.after in _DETERMINERS
            or run.after in _COMPASS
            or run.after in {"one", "every", "each", "another", "other", "this", "that"}
        ):
            return False  # "Russia beat Croatia": a subject, not a modifier
        following = re.match(r"\s+([a-z][\w-]*)", self.body[run.end : run.end + 30])
        if following is None:
            return False
        word = following.group(1)
        return (
            word not in _FINITE_VERBS
            and word not in _AUXILIARIES
            and word not in SPEECH_FORMS
            and word not in _NOT_IN_NOUN_PHRASE
            and not word.endswith("ed")
        )

    def _short_names(self, actor: DraftActor, run: Run) -> None:
        """ "The Serious Fraud Office (SFO)", "the European Consumer Organisation, known as
        BEUC": the short name given beside an organisation's is its alias."""
        after = self.body[run.end : run.end + 60]
        match = re.match(r"\s*\(([A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2})\)", after) or re.match(
            r",?\s+(?:known as|also called|or)\s+(?:the\s+)?([A-Z][\w.&-]*[A-Z][\w.&-]*)\b", after
        )
        if match is None:
            return
        short = match.group(1)
        bracketed = match.group().lstrip().startswith("(")
        if (
            bracketed
            and not _short_name_of(short, run.text)
            and not set(_words(run.text.lower())) & ORG_WORDS
        ):
            return
        start = run.end + match.start(1)
        self.mention(actor, start, start + len(short), run.sentence)
        self.by_key.setdefault(normalise(short), actor)

    def _take_name(self, run: Run) -> DraftActor | None:
        """The actor a run of capitalised words names, if any: each rule in turn decides
        or leaves the run to the next."""
        words = _words(run.text)
        lowered = [w.lower() for w in words]
        if " ".join(lowered) in _PEOPLES:
            return None  # "the first Native American to serve": a people, not an actor
        for size in (2, 1):
            if (
                len(words) == size + 1
                and " ".join(lowered[:size]) in _PEOPLES
                and lowered[-1] in ORG_WORDS
            ):
                return self._organisation(run)  # "the Muslim Brotherhood": a body, whole
            if len(words) > size and " ".join(lowered[:size]) in _PEOPLES:
                # "Native American Supreme Court justice": the people, then the name.
                offset = run.text.find(words[size], len(" ".join(words[:size])))
                rest = Run(
                    run.start + offset,
                    run.end,
                    run.text[offset:],
                    run.sentence,
                    run.possessive,
                    lowered[size - 1],
                    run.next_word,
                )
                return self._take_run(rest)
            if (
                len(words) > size
                and (
                    " ".join(lowered[-size:]) in _PEOPLES
                    # "the Pueblo of Laguna Indian tribe": a demonym before a common noun.
                    or (
                        size == 1
                        and lowered[-1] in places.BY_DEMONYM
                        # "Latin American countries", "North American neighbours": a region.
                        and " ".join(lowered[-2:]) not in places.REGIONAL_ADJECTIVES
                        and lowered[-2]
                        not in _COMPASS | {"north", "south", "east", "west", "latin"}
                        and self._noun_follows(run)
                    )
                )
            ):
                # "Washington Native American tribes": the place, then the people.
                cut = run.text.rfind(words[-size])
                head = Run(
                    run.start,
                    run.start + len(run.text[:cut].rstrip()),
                    run.text[:cut].rstrip(),
                    run.sentence,
                    False,
                    run.after,
                    lowered[-size],
                    run.at_start,
                )
                return self._take_run(head)
        pair = self._country_pair(run, words)
        if pair is not None:
            return pair
        if any(w in self.work_words for w in words) and not set(lowered) & ORG_WORDS:
            return None  # a work's or a product's title, not an actor
        if (
            (len(words) > 1 and lowered[-1] in _DOCUMENTS)
            or (lowered[0] in _DOCUMENTS and (run.next_word == "of" or "of" in lowered[1:2]))
            or _DOCUMENT_OF.search(self.body[max(0, run.start - 30) : run.start])
        ):
            # "Senate Bill 10", "the Fourth Energy Technology Development Plan", "Memoranda
            # of Understanding", "the Bank’s Articles of Association": a document's title.
            return None
        if (
            run.after in {"for", "of", "on", "and", "&"}
            and lowered[-1] in _PORTFOLIO_WORDS
            and all(w in _PORTFOLIO_WORDS | _PORTFOLIO_MODIFIERS for w in lowered)
        ):
            return None  # "… for Foreign Affairs and Security Policy": a portfolio
        split = self._office_then_person(run, words)
        if split is not None:
            return split
        if (
            run.after in {"for", "of", "on"}
            and len(words) >= 3
            and lowered[0] in _PORTFOLIO_WORDS
            and _given_name(words[1])
            and re.search(
                r"\b(?:" + "|".join(_PORTFOLIO_TITLES) + r")\b",
                self.body[max(0, run.start - 40) : run.start],
                re.I,
            )
        ):
            # "Adviser to PM on Commerce Razzak Dawood": the portfolio, then the adviser.
            offset = run.text.find(words[1], len(words[0]))
            return self._take_run(
                Run(run.start + offset, run.end, run.text[offset:], run.sentence, run.possessive)
            )
        for rule in (
            self._named_by_leader,
            self._quoted_name,
            self._place_name,
            self._place_by_context,
            self._news_source,
            self._inner_possessive,
            self._titled_person,
            self._organisation_name,
            self._plain_name,
        ):
            decided = rule(run, words)
            if not isinstance(decided, _Undecided):
                return decided
        if len(words) == 1:
            return self._single(run)
        return None

    def _country_pair(self, run: Run, words: list[str]) -> DraftActor | None:
        """ "the India-Pakistan talks", "the Kenya–Uganda border": countries joined by a dash
        are each named, parties to talks or ties, else places; the pair is no actor."""
        if len(words) != 1 or not re.search(r"\w[-–]\w", words[0]):
            return None
        parts = re.split(r"[-–]", words[0])
        countries = [c for c in (places.BY_NAME.get(p.lower()) for p in parts) if c is not None]
        if len(parts) < 2 or len(countries) != len(parts):
            return None
        offset = run.start
        named = []
        for part, country in zip(parts, countries, strict=True):
            actor = self.country(country)
            self.mention(actor, offset, offset + len(part), run.sentence)
            if run.next_word in _PAIR_TIES:
                self.locative_only[country.name] = False
            named.append(actor)
            offset += len(part) + 1
        return named[0]

    def _office_then_person(self, run: Run, words: list[str]) -> DraftActor | None:
        """ "Minister in the Ministry of Finance Brian Manning": a ministry and its portfolio,
        then a person's name; the person, whose role is the title and the ministry."""
        lowered = [w.lower() for w in words]
        if len(words) < 5 or lowered[0] not in {"ministry", "department", "office"}:
            return None
        if lowered[1] not in {"of", "for"}:
            return None
        cut = next(
            (
                k
                for k in range(3, len(words) - 1)
                if lowered[k - 1] in _PORTFOLIO_WORDS
                and _given_name(words[k])
                and len(words) - k in (2, 3)
                and all(_is_cap(w) for w in words[k:])
            ),
            None,
        )
        if cut is None:
            return None
        offset = run.text.find(words[cut], len(" ".join(words[:cut])) - 1)
        office_text = run.text[:offset].strip()
        office = self._take_run(
            Run(run.start, run.start + len(office_text), office_text, run.sentence)
        )
        name = run.text[offset:]
        person = self._person(name, run.start + offset, run.end, run.sentence)
        self.mention(person, run.start + offset, run.end, run.sentence)
        before = self.body[max(0, run.start - 40) : run.start]
        title = re.search(
            r"((?:[A-Z][\w.-]*\s+)*(?:Minister|Secretary|Director|Commissioner|Officer|Head)"
            r"\s+(?:in|of|at)\s+(?:the\s+)?)$",
            before,
        )
        person.role = person.role or ((title.group(1) if title else "") + office_text)
        if office is not None and office.kind == "organisation" and office not in person.member_of:
            person.member_of.append(office)
        self.used.add(id(person))
        return person

    def _named_by_leader(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """ "the Obama administration": an organisation named by its leader."""
        following = re.match(
            r"\s+(administration|government|network|movement|militia|faction)\b",
            self.body[run.end : run.end + 16],
        )
        if (
            following is not None
            and not run.possessive
            and run.text.lower() not in places.BY_NAME
            and run.text.lower() not in places.BY_DEMONYM
            and run.text.lower() not in places.BY_CAPITAL
            and len(_words(run.text)) <= 2
        ):
            # "the Obama administration", "the Trump administration": an organisation named by
            # its leader (a country's "X government" is that country's government).
            name = f"{run.text} {following.group(1)}"
            actor = self.by_key.get(normalise(name)) or self.new_actor(name, "organisation")
            self.mention(actor, run.start, run.end + following.end(), run.sentence)
            return actor
        return _UNDECIDED

    def _quoted_name(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """A name in quotation marks or brackets: a nickname or a venue."""
        before = self.body[run.start - 1 : run.start]
        after = self.body[run.end : run.end + 1]
        if (before in '“"' and before and after in '”"' and after) or (
            before == "(" and after == ")" and not run.text.isupper()
        ):
            return None  # a name in quotation marks or brackets: a nickname or a venue
        if self._in_quoted_title(run):
            return None  # a title in quotation marks: a song, a sign, a slogan
        return _UNDECIDED

    def _in_quoted_title(self, run: Run) -> bool:
        """Whether the run is part of a quoted title of several words, each capitalised but
        the small ones: “We’re Not Gonna Take It”, “Less Money on Testing, More Money on
        Students.” (a quotation of speech capitalises few of its words)."""
        opening = max(self.body.rfind(q, max(0, run.start - 120), run.start) for q in '“"')
        if opening < 0 or "”" in self.body[opening : run.start]:
            return False
        close = re.search(r"[”\"\n]", self.body[run.end : run.end + 120])
        if close is None or close.group() == "\n":
            return False
        quoted = self.body[opening + 1 : run.end + close.start()]
        words = [
            w
            for w in re.findall(r"[^\W\d_][\w’'-]*", quoted)
            if w.lower() not in _TITLE_SMALL_WORDS
        ]
        return len(words) >= 3 and all(w[:1].isupper() for w in words)

    def _place_name(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """A country, a seat of power, a region, a city or a capital."""
        lowered = [w.lower() for w in words]
        name_lower = run.text.lower()
        # A country, by any of its names.
        country = places.BY_NAME.get(name_lower)
        if country is not None:
            actor = self.country(country)
            self.mention(actor, run.start, run.end, run.sentence)
            if self._as_place(run) or self._attributive(run):
                self.place_ends[run.sentence] = run.end
            else:
                self.locative_only[country.name] = False
            return None
        state = states.BY_NAME.get(name_lower)
        if state is not None:
            # A state or province: a party when it acts or owns, else a place.
            org = self._org_alias(run.text)
            if org is not None:
                self.mention(org, run.start, run.end, run.sentence)
                return org  # "Alaska" after "Alaska Airlines": the company
            actor = self.country(state)
            self.mention(actor, run.start, run.end, run.sentence)
            city = re.search(
                r"\b[A-Z][\w’'.-]*,\s+$", self.body[max(0, run.start - 30) : run.start]
            )
            if (
                self._as_place(run)
                or self._attributive(run)
                # "in Fort Worth, Texas,", "Olympia, Washington.": a town and its state.
                or (city and re.match(r"\s*(?:[,.;:)]|$)", self.body[run.end : run.end + 2]))
            ):
                self.place_ends[run.sentence] = run.end
            else:
                self.locative_only[state.name] = False
            return None
        if (
            len(words) > 1
            and lowered[0] in _COMPASS
            and (" ".join(lowered[1:]) in states.BY_NAME or " ".join(lowered[1:]) in places.BY_NAME)
        ):
            return None  # "Southern California", "Northern Ireland"-like regions: places
        if name_lower in _SEATS and (
            run.next_word in SPEECH_FORMS or run.next_word in _AUXILIARIES or run.possessive
        ):
            # "The White House said", "the Kremlin's spokesman": the seat speaks for those in it.
            return self._organisation(run)
        if (
            name_lower in _SEATS
            and run.after not in _AT_A_SEAT
            and not self._noun_follows(run)
            and not re.search(
                r"\b(?:at|in|inside|outside|near|into)\s+the\s+$",
                self.body[max(0, run.start - 12) : run.start],
            )
        ):
            # "a concern to the White House", "attacks from the Kremlin": the seat as the
            # body in it, wherever it is not where one is ("at the White House") or a
            # modifier ("White House advisers").
            return self._organisation(run)
        if name_lower in places.REGIONS or name_lower in places.REGIONAL_ADJECTIVES:
            return None
        if _PLACE_OF.search(self.body[max(0, run.start - 40) : run.start]):
            return None  # "the eastern province of South Kivu": a place
        if run.after in _COMPASS or (len(words) > 1 and lowered[-1] in _PLACE_HEADS):
            return None  # "the northern Sierra Nevada", "the San Francisco Bay Area"
        if name_lower in places.CITIES and len(words) == 1 and self._employer(run):
            return self._single(run)  # "Barcelona soccer player Gerard Pique": the club
        if lowered[-1] in places.PLACE_WORDS and name_lower not in places.CITIES:
            known = self.by_key.get(normalise(run.text))
            if known is not None and known.kind == "organisation":
                # "Islamic State" after "the Islamic State group": the organisation again.
                self.mention(known, run.start, run.end, run.sentence)
                return known
            if len(words) > 1 and (
                self._org_noun_follows(run)
                or (
                    # not a venue: "the Kenyatta International Convention Centre"
                    lowered[-1] in {"center", "centre"}
                    and (lowered[-2] in ORG_WORDS or lowered[-2] == "international")
                    and not set(lowered) & _VENUE_WORDS
                )
            ):
                # "the Islamic State group", "the Feinstein International Center", "the
                # Crisis Management Centre": a body named like a place.
                return self._organisation(
                    run, guess="kind inferred as organisation (named like a place)"
                )
        if name_lower in places.CITIES or name_lower.split()[-1] in places.PLACE_WORDS:
            self.place_ends[run.sentence] = run.end
            return None
        if re.match(r"\s*\([A-Z]{3}\)", self.body[run.end : run.end + 7]) and not (
            _short_name_of(self.body[run.end : run.end + 7].strip(" ()"), run.text)
        ):
            return None  # "Los Angeles (LAX)": a place with its airport code
        capital = places.BY_CAPITAL.get(name_lower)
        if capital is not None:
            # The capital as its government, when it acts: "Tokyo is expected to invite".
            if (
                run.at_start
                and not run.possessive
                and (
                    run.next_word in SPEECH_FORMS
                    or run.next_word in _AUXILIARIES
                    or run.next_word.endswith("ed")
                )
            ):
                actor = self.government(capital)
                self.mention(actor, run.start, run.end, run.sentence)
                actor.guesses.append(f'"{run.text}" read as the government of {capital.name}')
                self.used.add(id(actor))
            return None
        return _UNDECIDED

    def _place_by_context(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """A name no list knows, read as a place from how news English names places: a
        town before its state or country ("Chester, Pennsylvania,"), the rest of a list of
        places ("Mozambique, Angola and Sao Tome"), a place named as an example ("cities
        such as Fresno"), where an office holder is from ("Mayor Ashley Swearengin of
        Fresno"), or a place word first ("Lake Tahoe", "Mount Kenya")."""
        lowered = [w.lower() for w in words]
        if (
            run.possessive
            or set(lowered) & ORG_WORDS
            or run.text.lower() in MEDIA_NAMES
            or self.by_key.get(normalise(run.text)) is not None
            or (len(words) == 1 and self._by_surname(run.text) is not None)
        ):
            return _UNDECIDED
        before = self.body[max(0, run.start - 80) : run.start]
        after = self.body[run.end : run.end + 40]
        # "…, and Mayor John Linder of Chester": a titled or given name is a person's.
        person_like = any(w in TITLE_WORDS for w in lowered) or (
            len(words) > 1 and any(_given_name(w) for w in words[:-1])
        )
        place = False
        state_abbreviation = re.compile(r",\s+$").search(before) and (
            run.text.lower().rstrip(".") in _STATE_ABBREVIATIONS
            and (run.text.endswith(".") or self.body[run.end : run.end + 1] == ".")
        )
        if (len(words) > 1 and lowered[0] in _PLACE_FIRST_WORDS) or state_abbreviation:
            place = True
        elif not person_like:
            region = re.match(
                r",\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)(?=\s*(?:[,.;:)]|$)|\s+[a-z])", after
            )
            last = self.place_ends.get(run.sentence)
            between = self.body[last : run.start] if last is not None else ""
            place = bool(
                (
                    region
                    and (
                        region.group(1).lower() in states.BY_NAME
                        or region.group(1).lower() in places.BY_NAME
                        or region.group(1).lower().rstrip(".") in _STATE_ABBREVIATIONS
                    )
                )
                or (
                    last is not None
                    and (
                        re.fullmatch(r"\s*,?\s*(?:and|or)\s+", between)
                        or (
                            re.fullmatch(r"\s*,\s*", between)
                            and re.match(r"\s*(?:,|and\b|or\b)", after)
                        )
                    )
                )
                or _PLACE_EXAMPLES.search(before)
                or _OFFICE_OF_PLACE.search(before)
                or (run.after in _IN_A_PLACE and not _given_name(words[0]))
            )
        if not place:
            return _UNDECIDED
        self.place_ends[run.sentence] = run.end
        return None

    def _news_source(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """Who a story cites: an outlet "via USA Today", "according to the Daily Star",
        "to The Hill's request for comment"; a reporter "via Brian Batko"; where a named
        person works, "Brian Batko of the Pittsburgh Post-Gazette"."""
        lowered = [w.lower() for w in words]
        if run.possessive and not re.match(
            r"[’']s?\s+requests?\s+for\s+comment", self.body[run.end : run.end + 30]
        ):
            return _UNDECIDED
        name_lower = run.text.lower()
        # "according to the Sioux Falls Argus Leader": a title word ending an outlet's name
        # (after a citation, with no given name or title before it) is no person's title.
        outlet_title = (
            len(words) > 1
            and not any(w in TITLE_WORDS for w in lowered[:-1])
            and not _given_name(words[0])
            and bool(_SOURCE_BEFORE.search(self.body[max(0, run.start - 60) : run.start]))
        )
        if (
            (any(w in TITLE_WORDS for w in lowered) and not outlet_title)
            or name_lower in places.CITIES
            or name_lower in places.BY_NAME
            or name_lower in places.BY_CAPITAL
            or name_lower in places.REGIONS
            or name_lower in states.BY_NAME
        ):
            return _UNDECIDED
        before = self.body[max(0, run.start - 60) : run.start]
        after = self.body[run.end : run.end + 30]
        cited = _SOURCE_BEFORE.search(before) or (
            run.possessive and re.match(r"[’']s?\s+requests?\s+for\s+comment", after)
        )
        employer = re.search(r"\b[A-Z][\w’'-]+\s+of\s+the\s+$", before)
        if not (cited or employer):
            return _UNDECIDED
        if len(words) > 1 and _given_name(words[0]):
            if not re.search(r"\bvia\s+$", before):
                return _UNDECIDED
            person = self._person(run.text, run.start, run.end, run.sentence)
            self.used.add(id(person))
            return person  # "via Brian Batko": the reporter the words were taken from
        if len(words) == 1 and not cited:
            return _UNDECIDED  # "Raven Klaasen of the Netherlands"-like: left to others
        guess = "a news outlet cited as a source" if cited else "where a named person works"
        if cited and before.endswith("The ") and not _sentence_initial(before, len(before) - 4):
            # "to The Hill's request": the capitalised article is part of the outlet's name.
            run = Run(
                run.start - 4,
                run.end,
                "The " + run.text,
                run.sentence,
                run.possessive,
                run.after,
                run.next_word,
                run.at_start,
            )
        actor = self._organisation(run, guess=guess)
        self.used.add(id(actor))
        return actor

    def _inner_possessive(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """ "China's Foreign Minister Wang Yi": an owner and what it owns."""
        lowered = [w.lower() for w in words]
        # An inner possessive: "China's Foreign Minister Wang Yi", "Army's Eastern Command".
        for index, word in enumerate(words[:-1]):
            if (
                _POSSESSIVE.search(word)
                and lowered[index][:-2] not in _COMMON_OWNERS
                # "Ontario Secondary School Teachers' Federation": a plural owner of common
                # folk inside an organisation's name is part of the name.
                and not (
                    re.search(r"s[’']$", word)
                    and lowered[-1] in ORG_WORDS
                    and lowered[index][:-2] + "s" in self.lower_words | set(GROUP_NOUNS)
                )
                # "the California Governor's Office of Emergency Services".
                # "Westminster Magistrate's Court", "Boston Children's Hospital": a common
                # noun's possessive inside a court's or hospital's name.
                and not (
                    (
                        _POSSESSIVE.sub("", lowered[index]) in TITLE_WORDS
                        and lowered[index + 1] in ORG_WORDS
                    )
                    or (
                        # "Citizens’ Independent Transportation Trust"
                        _POSSESSIVE.sub("", lowered[index]) in _NAME_OWNERS
                        and lowered[-1] in ORG_WORDS
                    )
                )
            ):
                cut = run.text.find(word) + len(_POSSESSIVE.sub("", word))
                owner = Run(run.start, run.start + cut, run.text[:cut], run.sentence)
                owner.after = run.after
                rest_offset = run.text.find(words[index + 1], cut)
                rest = Run(
                    run.start + rest_offset,
                    run.end,
                    run.text[rest_offset:],
                    run.sentence,
                    run.possessive,
                    "'s",
                    run.next_word,
                )
                owner_actor = self._take_run(owner)
                owned = self._take_run(rest)
                owner_place = owner.text.lower() in places.BY_CAPITAL or (
                    owner.text.lower() in states.BY_NAME
                )
                if owned is not None and owner_actor is None and owner_place:
                    owned.add_alias(run.text)  # "Washington’s Supreme Court"
                if owned is not None and owner_actor is not None and owned is not owner_actor:
                    owned.add_alias(run.text)
                    if owner_actor not in owned.member_of and owned.kind != "country":
                        owned.member_of.append(owner_actor)
                return owned
        return _UNDECIDED

    def _titled_person(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """ "Secretary of State Mike Pompeo": a title, then a person's name."""
        lowered = [w.lower() for w in words]
        # A title inside the run: what follows the last title word is a person's name.
        title_at = max(
            (
                i
                for i, w in enumerate(lowered)
                if w in TITLE_WORDS
                and (w not in WEAK_TITLE_WORDS or i > 0)
                # "Laura Prince", "Kevin King": after a given name, a surname.
                and not (0 < i == len(words) - 1 and _given_name(words[i - 1]))
            ),
            default=-1,
        )
        name_at = title_at + 1
        if (
            0 <= title_at < len(words) - 3
            and lowered[name_at] in {"of", "for", "on"}
            and lowered[name_at + 1] in _PORTFOLIO_WORDS
            and lowered[-1] not in _PORTFOLIO_WORDS
            and len(words) - name_at - 2 == 1
        ):
            # "Secretary of Labor Solis": the portfolio, then the holder's surname.
            name_at = len(words) - 1
        elif 0 <= title_at < len(words) - 1 and lowered[name_at] in {"of", "for", "on"}:
            # "Secretary of State Mike Pompeo", "Minister for Foreign Affairs Wang Yi": the
            # portfolio runs on to the name (its last two words); with no name left
            # ("High Commissioner for Human Rights") the run is an office, not a person.
            rest = [i for i in range(name_at + 1, len(words)) if lowered[i] != "the"]
            if len(rest) < 3:
                if title_at == 0 and rest and not self._names_a_body(words[rest[0] :]):
                    return None  # "Minister for National Development": a portfolio only
                if title_at == 0 and rest:
                    # "Chairman of the OECS Authority": the office's organisation.
                    offset = run.text.find(words[rest[0]], len(words[0]))
                    org_run = Run(run.start + offset, run.end, run.text[offset:], run.sentence)
                    return self._organisation(org_run)
                return self._organisation(run)
            name_at = len(words) - 2
            if lowered[-1] in _PORTFOLIO_WORDS:
                # "the Secretary of State for Foreign Affairs": an office, no name after it.
                return None
            if lowered[name_at - 1] == "and" or any(_common(w, set()) for w in words[name_at:]):
                # "Secretary of Housing and Urban Development": the portfolio runs to the
                # end, no name follows it; a role, resolved as a reference later.
                return None
        while 0 <= title_at < name_at < len(words) - 1 and lowered[name_at].rstrip(".") in (
            _HONORIFIC_WORDS | {"honourable", "honorable", "excellency"}
        ):
            name_at += 1  # "Acting Premier Honourable Natalio Wheatley": courtesy, then name
        if 0 <= title_at < len(words) - 1 and lowered[-1] in _OCCASIONS:
            return None  # "the Annual General Meeting": an occasion, not "General" somebody
        if 0 <= title_at < len(words) - 1 and _is_cap(words[name_at]):
            name_offset = run.text.find(
                words[name_at], len(" ".join(words[:name_at])) if name_at else 0
            )
            name = run.text[name_offset:]
            if not (set(_words(name.lower())) & ORG_WORDS):
                role = re.sub(
                    r"(?:\s+(?i:honourable|honorable|hon\.?|the|excellency))+$",
                    "",
                    run.text[:name_offset].strip(),
                )
                person = self._person(name, run.start + name_offset, run.end, run.sentence)
                person.add_alias(run.text)
                self.mention(person, run.start, run.end, run.sentence)
                if not all(
                    w.lower().rstrip(".") in _HONORIFIC_WORDS for w in role.split()
                ):  # "Mr", "Dr the Rt. Hon.": courtesy, not a role
                    person.role = person.role or _expanded(role)
                    self._member_from_role(person, role)
                self.used.add(id(person))
                return person
        if title_at == len(words) - 1 and len(words) > 1:
            if any(w in ORG_WORDS or w in ORG_FIRST_WORDS for w in lowered[:title_at]):
                # "Department of Justice", "Council of Ministers": a body and its portfolio.
                return self._organisation(run)
            short = re.match(r"\s*\(([A-Z][A-Z&.]{1,6})\)", self.body[run.end : run.end + 12])
            if short and _short_name_of(short.group(1), run.text):
                # "the New York State Attorney General (NYAG)": an office known by its
                # initials is an institution, named as the run.
                return self._organisation(run)
            return None  # "Chinese President" alone: a role, resolved as a reference later
        return _UNDECIDED

    def _names_a_body(self, words: list[str]) -> bool:
        """Whether the words after an office's "of" name an organisation ("the OECS
        Authority", "the Senate", "Kenya Airways") rather than a portfolio ("National
        Development", "Home Affairs")."""
        lowered = [w.lower() for w in words]
        return bool(
            set(lowered) & (ORG_WORDS | _NAMED_BODIES)
            or any(_acronym(w) for w in words)
            or normalise(" ".join(words)) in self.by_key
            or any(w in places.BY_NAME or w in states.BY_NAME for w in lowered)
        )

    def _organisation_name(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """An organisation: an organisation word, or an acronym."""
        lowered = [w.lower() for w in words]
        if len(words) == 1 and run.text.isupper() and lowered[0] in _COMMON_ACRONYMS:
            return None  # "a surprise TV address"
        if any(w in self.not_names for w in words) and not set(lowered) & ORG_WORDS:
            return None  # "BRT", "Gold Standard BRT" after "Bus Rapid Transit (BRT)"
        # An organisation: an organisation word, or an acronym.
        if lowered[-1] in EVENT_WORDS and len(words) > 1:
            if _WORKPLACE.search(self.body[max(0, run.start - 60) : run.start]):
                # "a senior fellow at the Kohelet Policy Forum": people work at organisations.
                return self._organisation(run)
            return None
        if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper():
            return None  # "Group A": a pool of a tournament, not an actor
        if (
            len(words) == 1
            and lowered[0] in ORG_WORDS
            and lowered[0] not in _NAMED_BODIES
            and (run.at_start or run.after == "the")
        ):
            # "Police in Manchester arrested …", "The Army said": a common noun capitalised,
            # the organisation it means is named in full elsewhere or is a reference.
            found = self._org_alias(run.text)
            if found is not None:
                self.mention(found, run.start, run.end, run.sentence)
            return found
        if (
            set(lowered) & ORG_WORDS
            or lowered[0] in ORG_FIRST_WORDS
            # "Amnesty International", "Transparency International".
            or (len(words) > 1 and lowered[-1] == "international")
            # "Accra Hearts of Oak", "Friends of the Earth".
            or ("of" in lowered[1:-1] and _plural_of(lowered[: lowered.index("of")]))
        ):
            prefix = re.search(r"(?<![\w.])((?:[A-Z]\.){2,}|[A-Z]{2,})-$", self.body[: run.start])
            if prefix and lowered[-1] in ORG_WORDS:
                # "the U.S.-South Korea Nuclear Consultative Group": both countries' body.
                start = prefix.start(1)
                run = Run(
                    start,
                    run.end,
                    self.body[start : run.end],
                    run.sentence,
                    run.possessive,
                    run.after,
                    run.next_word,
                    run.at_start,
                )
            return self._organisation(run)
        if "/" in run.text and not any(places.BY_NAME.get(w) for w in lowered):
            # "Comcast/Xfinity": people are not named with a slash; a company and its brand.
            return self._organisation(
                run, guess="kind inferred as organisation (two names joined by a slash)"
            )
        if len(words) == 1 and (run.text.isupper() and 2 <= len(run.text) <= 6):
            if self._org_noun_follows(run) and self.body[run.start - 1 : run.start] != "(":
                return self._organisation(run)  # "her G40 political faction"
            if self.body[run.start - 1 : run.start] == "(" or any(c.isdigit() for c in run.text):
                return None  # "(SEA)", "(LAX)", "A350": codes, not actors
            if re.search(
                r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?\s?$",
                self.body[max(0, run.start - 12) : run.start],
            ):
                return None  # "8.69 GW", "500 MW": a unit after its number
            if run.at_start and self.body[run.end : run.end + 3].strip()[:1] in (",", "—", "-"):
                return None  # a dateline: "DUBAI, United Arab Emirates —"
            if self._org_alias(run.text) is None:
                actor = self._organisation(run, guess="kind inferred as organisation (an acronym)")
                self.weak.add(id(actor))
                return actor
            return self._organisation(run)
        return _UNDECIDED

    def _plain_name(self, run: Run, words: list[str]) -> DraftActor | _Undecided | None:
        """A name of capitalised words only: a person, a team, an organisation."""
        lowered = [w.lower() for w in words]
        name_lower = run.text.lower()
        # A demonym alone ("Chinese") is not an actor.
        if name_lower in places.BY_DEMONYM:
            return None
        if len(words) >= 2 and all(_is_cap(w) or w in _PARTICLES for w in words):
            if lowered[0] in places.BY_DEMONYM and len(words) >= 3 and _given_name(words[1]):
                # "Australian Timothy Weeks": a nationality, then the person's name.
                offset = run.text.find(words[1], len(words[0]))
                person = self._person(run.text[offset:], run.start + offset, run.end, run.sentence)
                person.add_alias(run.text)
                return person
            if (
                lowered[0] in places.BY_NAME
                and places.BY_NAME[lowered[0]].name.lower() == lowered[0]  # not "Emirates"
                and not run.possessive
                and lowered[-1] not in places.PLACE_WORDS
                and not any(w in places.CITIES or w in places.BY_NAME for w in lowered[1:])
            ):
                # "Kenya Red Cross", "Ghana Football Association": a country's name opening
                # an organisation's (people are named with the demonym: "Kenyan …").
                return self._organisation(
                    run, guess="kind inferred as organisation (a name that opens with a country)"
                )
            if words[0].lower() in places.BY_DEMONYM or words[0].lower() in places.BY_NAME:
                return None
            if " ".join(lowered[:2]) in places.REGIONAL_ADJECTIVES:
                return None
            if lowered[0] in places.REGIONAL_ADJECTIVES:
                return None
            if any(any(c.isdigit() for c in w) for w in words):
                model = next(i for i, w in enumerate(words) if any(c.isdigit() for c in w))
                if model and all(_is_cap(w) for w in words[:model]):
                    return self._maker(run, words[model])
                return None
            if run.after == "the" and _plural(words[-1]):
                return self._team(run)
            if self._at_work(run):
                # "Analysts at Morgan Stanley", "a researcher with Human Rights Watch".
                return self._organisation(
                    run, guess="kind inferred as organisation (where people work)"
                )
            short = re.match(r"\s*\(([A-Z][A-Za-z&.]{1,7})\)", self.body[run.end : run.end + 12])
            if (
                short
                and _short_name_of(short.group(1), run.text)
                and not _given_name(words[0])
                and lowered[-1] not in places.PLACE_WORDS
                # "the new Bus Rapid Transit (BRT)": common words capitalised, a thing's.
                and not all(w in self.lower_words for w in lowered)
            ):
                # "within the East Africa Community (EAC)", "to the Teacher Retirement System
                # (TRS)": a name given with its initials is a body's, wherever it stands
                # (people are not given initials in brackets; "the Port of Tema (PoT)" is a
                # place).
                return self._organisation(
                    run, guess="kind inferred as organisation (a name given with its initials)"
                )
            if run.after in PLACE_PREPOSITIONS or run.after == "the":
                return None  # "in Los Angeles", "the Blue House": a place or a thing
            if (
                lowered[-1] in EVENT_WORDS
                or lowered[-1] in _OCCASIONS
                or (len(words[-1]) == 1 and words[-1].isupper())
            ):
                # "Davis Cup Finals", "State Visit", "Group A": an event or a pool, no actor
                return None
            if run.after in ORG_NOUNS:
                return self._organisation(run)
            team = self.by_key.get(normalise(words[0] + "s"))
            if team is not None and team.kind == "organisation" and len(words) >= 3:
                # "Sixer Jrue Holiday": a member of the Sixers.
                offset = run.text.find(words[1], len(words[0]))
                person = self._person(
                    run.text[offset:], run.start + offset, run.end, run.sentence, guess=True
                )
                person.add_alias(run.text)
                if team not in person.member_of:
                    person.member_of.append(team)
                return person
            if self._org_noun_follows(run) or self._org_apposition(run):
                # "Odinga's Azimio la Umoja coalition", "Bavarian Nordic, the Danish drugmaker".
                return self._organisation(run)
            if not _given_name(words[0]) and (
                lowered[-1] in places.CITIES
                or lowered[-1] in places.BY_CAPITAL
                or lowered[-1] in places.BY_NAME
            ):
                # "Real Madrid", "Bayern Munich": a name ending in a city, not a person's.
                return self._organisation(
                    run, guess="kind inferred as organisation (a name ending in a city)"
                )
            if re.search(
                r"\b(?i:mayor|governor|bishop|archbishop|sheriff|mp|member)\s+(?:of|for)\s+$",
                self.body[max(0, run.start - 20) : run.start],
            ):
                return None  # "the Mayor of Greater Manchester": a place
            if (
                not _given_name(words[0])
                and all(w.lower() in self.lower_words or _acronym(w) for w in words)
                and not _acronym(words[0])
            ):
                # "Gold Standard", "Bus Rapid Transit", "Gold Standard BRT": common words
                # capitalised (and the initials of one).
                return None
            if (
                run.after == "told"
                and not _given_name(words[0])
                # "told Le Figaro", "told Sky Sports": an article or a common word in it (not
                # "told Narendra Modi").
                and (
                    lowered[0] in {"le", "la", "les", "el", "al", "der", "die", "das", "il"}
                    or any(w in self.lower_words for w in lowered)
                )
            ):
                # "ten Hag told Sky Sports": who is told is most often a news outlet.
                return self._organisation(
                    run, guess="kind inferred as organisation (a name that was told)"
                )
            short = re.match(r"\s*\(([A-Z][A-Z&.]{1,6})\)", self.body[run.end : run.end + 12])
            if short and _short_name_of(short.group(1), run.text) and not _given_name(words[0]):
                # "Human Rights Watch (HRW)": people are not given initials in brackets.
                return self._organisation(
                    run, guess="kind inferred as organisation (a name given with its initials)"
                )
            if (
                _plural(words[-1])
                and not _given_name(words[0])
                and not _acronym(words[0])
                and (
                    words[-1].lower() in self.lower_words
                    or _singular(words[-1].lower()) in self.lower_words
                    or words[-1].lower() in GROUP_NOUNS
                )
            ):
                # "Opposition Parties", "State Officers": a plural common noun ends no
                # person's name; a body or a team, kept if named again.
                actor = self._organisation(
                    run, guess="kind inferred as organisation (a name ending in a plural noun)"
                )
                if actor.kind == "organisation" and id(actor) not in self.used:
                    self.weak.add(id(actor))
                return actor
            if run.after in {"a", "an"} and not _given_name(re.split(r"[-–]", words[0])[0]):
                return None  # "Magaji, a Senior Advocate of Nigeria": a rank, not a name
            return self._person(
                run.text, run.start, run.end, run.sentence, guess=not _given_name(words[0])
            )
        return _UNDECIDED

    def _person(
        self, name: str, start: int, end: int, sentence: int, guess: bool = False
    ) -> DraftActor:
        key = normalise(name)
        actor = self.by_key.get(key)
        if actor is None and re.search(r"\s[A-Z]\.\s", name):
            # "Donald J. Trump" is the Donald Trump named before (or after).
            actor = self.by_key.get(normalise(re.sub(r"\s[A-Z]\.\s", " ", name)))
        bare = re.sub(r"\s+(?:Jr|Sr|II|III)\.?$", "", name)
        if actor is None and bare != name and len(_words(bare)) == 1:
            actor = self._by_surname(bare)  # "Oubre Jr" for Kelly Oubre Jr.
        if actor is None:
            actor = self._by_name_tail(name)
        if actor is None:
            surname = self._by_surname(name)
            if surname is not None and len(_words(name)) == 1:
                actor = surname
            else:
                actor = self.new_actor(
                    name,
                    "person",
                    "kind inferred as person (a capitalised name)" if guess else None,
                )
        self.mention(actor, start, end, sentence)
        return actor

    def _by_surname(self, word: str) -> DraftActor | None:
        """The person this one word names: a surname ("Iwaya"), or the family name that
        comes first ("Xi" for Xi Jinping); the latest such person."""
        best = None
        for actor in self.actors:
            if actor.kind != "person":
                continue
            parts = [
                p for p in _words(actor.name) if p.rstrip(".") not in {"Jr", "Sr", "II", "III"}
            ]
            if (
                parts[-1:] == [word]
                or (parts[-1].lower() == word.lower() and _ARABIC_PARTICLE.match(parts[-1]))
                or (len(parts) == 2 and parts[0] == word)
                # "Yoon" for Yoon Suk Yeol, "Kim" for Kim Jong Un: a family name first.
                or (len(parts) == 3 and parts[0] == word and "-" not in parts[1])
            ):
                best = actor
        return best or self._by_inner_name(word)

    def _by_inner_name(self, word: str) -> DraftActor | None:
        """The one person of a long name that holds this word inside it: "Lula" for Luiz
        Inacio Lula da Silva, "Lopez" for Andres Manuel Lopez Obrador."""
        if word.lower() in _PARTICLES or not word[:1].isupper():
            return None
        found = [
            actor
            for actor in self.actors
            if actor.kind == "person"
            and len(parts := _words(actor.name)) >= 3
            and word in parts[1:-1]
        ]
        return found[0] if len(found) == 1 else None

    def _by_name_tail(self, name: str) -> DraftActor | None:
        """The person whose longer name ends with these words: "Lopez Obrador", "Bin
        Laden" for Osama bin Laden (case aside), "Lula da Silva"."""
        tail = [w.lower() for w in _words(name)]
        if len(tail) < 2:
            return None
        found = [
            actor
            for actor in self.actors
            if actor.kind == "person"
            and len(parts := [w.lower() for w in _words(actor.name)]) > len(tail)
            and parts[-len(tail) :] == tail
        ]
        return found[-1] if found else None

    def _organisation(self, run: Run, guess: str | None = None) -> DraftActor:
        key = normalise(run.text)
        actor = self.by_key.get(key) or self._org_alias(run.text)
        if actor is None:
            name = run.text
            # "Eastern Theater Command of the Chinese People's Liberation Army": the head is
            # the actor; what it is "of" is its parent.
            head, sep, parent = run.text.partition(" of the ")
            if not sep:
                head, sep, parent = run.text.partition(" of ")
            parent_clean = re.sub(r"^(?:Chinese|American|Japanese|Russian|British)\s+", "", parent)
            if (
                sep
                and head.split()[-1].lower() in ORG_WORDS
                and _is_cap(parent)
                and self._parent_like(parent_clean)
                # "Office of Emergency Services" is one name; "Command of the … Army" two.
                and (sep == " of the " or normalise(parent_clean) in self.by_key)
            ):
                existing = self.by_key.get(normalise(head)) or self._org_alias(head)
                name = head
                actor = existing or self.new_actor(name, "organisation", guess)
                if parent_clean.lower() in places.BY_NAME:
                    parent_actor = self.country(places.BY_NAME[parent_clean.lower()])
                    self.locative_only[parent_actor.name] = False
                else:
                    known = self.by_key.get(normalise(parent_clean)) or self._org_alias(
                        parent_clean
                    )
                    parent_actor = known or self.new_actor(parent_clean, "organisation")
                    parent_start = run.start + run.text.rfind(parent_clean)
                    self.mention(parent_actor, parent_start, run.end, run.sentence)
                if parent_actor not in actor.member_of and parent_actor is not actor:
                    actor.member_of.append(parent_actor)
                self.mention(actor, run.start, run.end, run.sentence)
                return actor
            actor = self.new_actor(name, "organisation", guess)
        self.mention(actor, run.start, run.end, run.sentence)
        demonym = _words(run.text)[0].lower()
        if demonym in places.BY_DEMONYM and not actor.member_of:
            country = self.countries.get(places.BY_DEMONYM[demonym].name)
            if country is not None:
                actor.member_of.append(country)
        return actor

    def _parent_like(self, parent: str) -> bool:
        """What an organisation is "of" is its parent when it is an organisation itself
        ("Eastern Theater Command of the People's Liberation Army"); a portfolio or a place
        stays in the name ("Department of Transportation", "Bank of England")."""
        lowered = [w.lower() for w in _words(_POSSESSIVE.sub("", parent))]
        return bool(lowered) and lowered[-1] in ORG_WORDS

    def _org_alias(self, text: str) -> DraftActor | None:
        """An organisation this shorter form, or these initials, name."""
        if " " not in text and sum(c.isupper() for c in text) >= 2 and not text.isalpha():
            # "PG&E", "AT&T"-like initials with a sign inside.
            letters = [c for c in text if c.isupper()]
            for actor in reversed(self.actors):
                if actor.kind == "organisation" and any(
                    len(_words(name)) > 1
                    and _short_name_of(text, name)
                    and len(letters) >= len(_short_initials(name)) - 1
                    for name in actor.names
                ):
                    return actor
        words = [w for w in _words(normalise(text))]
        if not words:
            return None
        for actor in reversed(self.actors):
            if actor.kind != "organisation":
                continue
            for name in actor.names:
                full = _words(normalise(name))
                if len(full) <= len(words):
                    if len(words) == 1 and len(full) > 1 and text.isupper():
                        initials = "".join(w[0] for w in full if w not in {"of", "for", "and"})
                        if initials.upper() == text:
                            return actor
                    continue
                if _subsequence(words, full) and full[-1] == words[-1]:
                    return actor
                if (
                    len(words) == 1
                    and full[0] == words[0]
                    and all(w in ORG_WORDS for w in full[1:])
                ):
                    return actor  # "Alaska" for Alaska Airlines
                if len(words) == 1 and text.isupper():
                    initials = "".join(w[0] for w in full if w not in {"of", "for", "and"})
                    if initials.upper() == text:
                        return actor
                    # "PG&E" for Pacific Gas & Electric Co., "CDC" for Centers for Disease
                    # Control and Prevention: all but one initial, in order.
                    letters = [c for c in text if c.isupper()]
                    if len(letters) >= max(2, len(initials) - 1) and _short_name_of(text, name):
                        return actor
        return None

    def _org_noun_follows(self, run: Run) -> bool:
        """ "Emirates airline", "her G40 political faction": an organisation noun right after
        the name, or after one adjective."""
        following = re.match(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?", self.body[run.end :])
        if following is None:
            return False
        first, second = following.group(1), following.group(2)
        return first in ORG_NOUNS or (
            second in ORG_NOUNS and first not in _NOT_IN_NOUN_PHRASE and first not in ORG_NOUNS
        )

    def _org_apposition(self, run: Run) -> bool:
        """ "Alphabet, Google's parent company,", "Bavarian Nordic, the Danish drugmaker
        that …": an apposition whose head noun is an organisation noun."""
        match = _ORG_APPOSITION.match(self.body[run.end : run.end + 100])
        if match is None:
            return False
        head = match.group(1).lower()
        return any(head == noun or (head.endswith(noun) and len(noun) >= 5) for noun in ORG_NOUNS)

    def _model_follows(self, run: Run) -> bool:
        """ "50 Airbus A350-900 jets", "Boeing 787": a name before a model number is its maker."""
        return bool(_MODEL.match(self.body[run.end : run.end + 20])) and (
            run.text.lower() not in _NOT_MAKERS
        )

    def _employer(self, run: Run) -> bool:
        """ "Barcelona soccer player Gerard Pique", "Boeing chief executive Dennis Muilenburg":
        a name before a lowercase role and a person's name is the person's club or employer."""
        match = _EMPLOYEE.match(self.body[run.end : run.end + 80])
        return match is not None and run.text.lower() not in (*WEEKDAYS, *MONTHS)

    def _maker(self, run: Run, model: str) -> DraftActor | None:
        """ "Airbus A350-900": the words before the model number name its maker."""
        cut = run.text.find(model)
        name = run.text[:cut].strip()
        if not _MODEL.match(" " + run.text[cut:]) or name.lower() in _NOT_MAKERS:
            return None
        if name.lower() in self.lower_words or places.BY_NAME.get(name.lower()):
            return None
        actor = self.by_key.get(normalise(name)) or self._org_alias(name)
        if actor is None:
            actor = self.new_actor(
                name, "organisation", "kind inferred as organisation (a maker named before a model)"
            )
        self.mention(actor, run.start, run.start + len(name), run.sentence)
        return actor

    def _single(self, run: Run) -> DraftActor | None:
        """One capitalised word: a surname, a short name of an organisation, or a new name."""
        titled = run.text.lower().rstrip(".") in _ABBREVIATED_TITLES | TITLE_WORDS
        person = self._by_surname(run.text)
        if person is not None and not (titled and _is_cap(self.body[run.end + 1 : run.end + 2])):
            # "Prince said" after "Laura Prince"; not "Prince Harry".
            self.mention(person, run.start, run.end, run.sentence)
            return person
        if titled:
            return None  # "Dr the Rt. Hon. Keith Mitchell": an honorific, not a name
        if run.text.lower() in GROUP_NOUNS:
            return None  # "Analysts said …": a group, found as one by its noun
        if run.text.lower() in _INSTITUTION_WORDS and self._org_alias(run.text) is None:
            return None  # "the new Government took charge": a reference, not a name
        org = self._org_alias(run.text)
        if org is not None:
            self.mention(org, run.start, run.end, run.sentence)
            return org
        existing = self.by_key.get(normalise(run.text))
        if existing is not None:
            self.mention(existing, run.start, run.end, run.sentence)
            return existing
        # "the Nikkei business daily": a news outlet.
        following = self.body[run.end : run.end + 40].lower()
        for noun in MEDIA_NOUNS:
            if following.startswith(" " + noun):
                actor = self.new_actor(run.text, "organisation")
                self.mention(actor, run.start, run.end, run.sentence)
                before = self.body[max(0, run.start - 4) : run.start]
                alias_start = run.start - 4 if before.lower() == "the " else run.start
                self.mention(actor, alias_start, run.end + 1 + len(noun), run.sentence)
                return actor
        if run.after == "the" and _plural(run.text):
            return self._team(run)
        if _plural(run.text) and _singular(run.text.lower()) in TITLE_WORDS:
            return None  # "both Presidents", "the two Heads of State": office holders, no name
        if _AMOUNT.match(self.body, run.end) and not run.possessive:
            return None  # "a dividend of Kes. 1.30", "Rs 500 crore": a currency before a sum
        if run.text.lower() in MEDIA_NAMES or (
            run.after == "told" and not _given_name(run.text) and not run.at_start
        ):
            # "told Reuters", "told Observer": a news outlet.
            actor = self.new_actor(run.text, "organisation")
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        before = self.body[max(0, run.start - 14) : run.start].lower()
        if (
            run.after in ORG_NOUNS
            or self._org_noun_follows(run)
            or self._org_apposition(run)
            or before.endswith("according to ")
        ):
            actor = self.new_actor(run.text, "organisation")
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        if run.text.lower() not in self.lower_words and (
            (not run.at_start and self._model_follows(run))
            # "Vanderbilt athletic director Malcolm Turner said": opening its sentence
            # too, a word the story never writes in lowercase and no common noun.
            or (
                (
                    not run.at_start
                    or not (_given_name(run.text) or _common(run.text, self.lower_words))
                )
                and self._employer(run)
            )
        ):
            why = "a maker named before a model" if self._model_follows(run) else "an employer"
            actor = self.new_actor(
                run.text, "organisation", f"kind inferred as organisation ({why})"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        if self._at_work(run) and run.text.lower() not in self.lower_words:
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (where people work)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        partner = _AND_COMPANY.match(self.body, run.end)
        if (
            partner is not None
            and partner.group(1).lower().rstrip(".") in ORG_WORDS
            and run.text.lower() not in self.lower_words
            and not _given_name(run.text)
            and not run.at_start
        ):
            # "awards to Gensler and Clark Construction Group": a name joined to a company's
            # is a company too.
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (named with a company)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        if run.after in PLACE_PREPOSITIONS or run.text.lower() in self.lower_words:
            if run.after in _IN_A_PLACE:
                self.place_ends[run.sentence] = run.end
            return None
        if re.match(r",\s+(?:whose|which)\b", self.body[run.end : run.end + 10]):
            # "Boeing, whose 737 Max jets …, was not represented": a thing that acts.
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (which, whose)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        if any(c.isdigit() for c in run.text) or (run.at_start and run.text.isupper()):
            return None  # a model number, or a dateline ("DUBAI —")
        if run.text.lower() in EVENT_WORDS or re.search(
            r"\d\s+$", self.body[run.start - 6 : run.start]
        ):
            return None  # "Summit", "737 Max": an event or a model
        if run.text.lower().endswith(("al", "ian", "ese", "ish", "ic", "ive", "ary")):
            return None  # an adjective ("Congressional")
        opens_quote = self.body[run.start - 1 : run.start] in ("“", '"')
        if (
            run.next_word in SPEECH_FORMS
            or (run.next_word in {"has", "have", "had", "is", "was"} and not run.at_start)
        ) and not opens_quote:
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (a single name)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        if run.after in {"ruling", "opposition", "governing", "rival", "militant"}:
            # "Mugabe's ruling Zanu-PF": a party.
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (a party)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            return actor
        coordinated = _COORDINATED_SUBJECT.match(self.body, run.end)
        if run.at_start and coordinated and coordinated.group(1) in _SUBJECT_VERBS:
            # "Bayer and Monsanto are in talks": the first of two names that act together.
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (a single name)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            self.weak.add(id(actor))
            return actor
        if not run.at_start:
            # A name of one word seen again later is kept (a company, a club, a surname).
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (a single name)"
            )
            self.mention(actor, run.start, run.end, run.sentence)
            self.weak.add(id(actor))
            return actor
        return None

    def _team(self, run: Run) -> DraftActor:
        """ "the Sixers", "the Boston Celtics": a plural name with "the" is a team or a band."""
        actor = self.by_key.get(normalise(run.text)) or self._org_alias(run.text)
        if actor is None:
            actor = self.new_actor(
                run.text, "organisation", "kind inferred as organisation (a plural name)"
            )
            self.weak.add(id(actor))
        self.mention(actor, run.start, run.end, run.sentence)
        return actor

    def _member_from_role(self, person: DraftActor, role: str) -> None:
        """ "Japanese Foreign Minister" → a member of Japan's government (or of Japan)."""
        # "Singapore’s Minister for National Development": the owner's name, as a country's.
        words = [_POSSESSIVE.sub("", w) for w in _words(role)]
        lowered = role.lower()
        country = None
        for word in words:
            country = places.BY_DEMONYM.get(word.lower()) or places.BY_NAME.get(word.lower())
            if country is not None:
                break
        if country is None:
            return
        government = any(marker in lowered for marker in GOVERNMENT_ROLES)
        if country.name in self.countries or places.BY_NAME.get(words[0].lower()) is country:
            target = self.country(country)
            if places.BY_NAME.get(words[0].lower()) is country:
                self.locative_only[country.name] = False
                prefix = role[: len(words[0])]
                start = next(m.start for m in reversed(person.mentions))
                if self.body[start : start + len(prefix)] == prefix:
                    # The role stands in the person's mention: "India captain Rohit Sharma".
                    self.mention(target, start, start + len(prefix), person.mentions[-1].sentence)
        elif (
            government
            and (
                lowered.split()[0] in places.BY_DEMONYM
                # "South Korean Foreign Minister Cho Tae-yul": a demonym of two words.
                or " ".join(lowered.split()[:2]) in places.BY_DEMONYM
            )
        ):
            # "Lithuanian Foreign Minister Gabrielius Landsbergis": a minister of a country
            # named by its demonym serves it, and the country is a party through them.
            target = self.country(country)
            self.locative_only[country.name] = False
        else:
            target = None
        if government:
            gov_key = normalise(f"Government of {country.name}")
            if gov_key in self.by_key:
                target = self.by_key[gov_key]
        if target is not None and target not in person.member_of:
            person.member_of.append(target)
        elif target is None:
            person.country = country.name

    def _take_lowercase(self, sentence: Sentence) -> None:
        """A country's government named by its demonym ("the Japanese government"), and
        bodies named in lower case ("Russia's foreign ministry", "Israeli courts")."""
        for match in _LOWER_BODY.finditer(sentence.text):
            owner = match.group(1)
            bare = _POSSESSIVE.sub("", owner).lower()
            country = (
                places.BY_DEMONYM.get(bare) or places.BY_NAME.get(bare) or states.BY_NAME.get(bare)
            )
            if country is None:
                continue
            phrase = match.group(0)
            lead = re.match(r"(?i)the\s+", phrase)
            start = sentence.start + match.start() + (lead.end() if lead else 0)
            end = sentence.start + match.end()
            name = self.body[start:end]
            name = name[:1].upper() + name[1:]
            actor = self.by_key.get(normalise(name))
            if actor is None:
                actor = self.new_actor(name, "organisation")
                existing = self.countries.get(country.name)
                if existing is not None:
                    actor.member_of.append(existing)
            self.mention(actor, start, end, sentence.index)
        for match in re.finditer(
            r"\b(?:the\s+)?([A-Z][a-z]+)\s+government\b", sentence.text, flags=re.IGNORECASE
        ):
            country = places.BY_DEMONYM.get(match.group(1).lower()) or places.BY_NAME.get(
                match.group(1).lower()
            )
            if country is None:
                continue
            actor = self.government(country)
            start = sentence.start + match.start(1)
            end = sentence.start + match.end()
            self.mention(actor, start, end, sentence.index)

    def _appositions(self) -> None:
        """Roles and aliases from "the spokesman, X" and "X, the chief executive of Y,"."""
        for actor in self.actors:
            if actor.kind != "person":
                continue
            for mention in list(actor.mentions):
                # Only the mention's own sentence: an earlier sentence's last word is no part
                # of the role ("… the construction. Its executive director, Angela Brooks").
                sentence_start = self.sentences[mention.sentence].start
                before = self.body[max(sentence_start, mention.start - 120) : mention.start]
                honorifics = _HONORIFICS.search(before)
                if honorifics and honorifics.group().strip():
                    before = before[: honorifics.start()]
                match = _APPOSITION_BEFORE.search(before)
                if match and not re.search(r"[.!?;]", match.group(1)):
                    phrase = _trim_phrase(match.group(1), joined_titles=True)
                    if phrase and match.group(2):
                        phrase += match.group(2).rstrip()
                    if phrase and len(phrase.split()) >= 2:
                        actor.add_alias(phrase)
                        if not actor.role or actor.role == phrase:
                            actor.role = _strip_determiner(phrase)
                        self._member_from_role(actor, phrase)
                        self._member_from_owner(actor, phrase, mention.start - len(before))
                if not actor.role and mention.text == actor.name:
                    self._role_before_name(actor, before, mention.start)
                after = self.body[mention.end : mention.end + 160]
                listed = _listed_role(before, after)
                if listed:
                    # "Prahallad Joshi, Union Minister for Mines, Coal & Parliamentary
                    # Affairs": the whole listed portfolio is the role.
                    actor.add_alias(listed)
                    actor.role = listed
                    self._member_from_role(actor, listed)
                    continue
                match = _APPOSITION_AFTER.search(after)
                if match:
                    phrase = _apposition_head(match.group(1))
                    if phrase:
                        actor.add_alias(phrase)
                        actor.role = actor.role or _strip_determiner(phrase)
                        self._member_from_role(actor, phrase)
                        self._member_from_owner(actor, phrase, mention.start)
                self._office_of_country(actor, mention)

    def _office_of_country(self, person: DraftActor, mention: Mention) -> None:
        """ "President William Ruto of Kenya", "Foreign Minister Cho Tae-yul of South
        Korea": a titled name followed by "of" and a country holds that country's office,
        and the country is a party through them (wire style names the office this way)."""
        if not person.role or " of " in f" {person.role} ":
            return
        before = self.body[max(0, mention.start - 80) : mention.start].rstrip().lower()
        if mention.text == person.name and not before.endswith(person.role.lower()):
            return  # no title right before the name ("Smith of Canada" may be a birthplace)
        found = _OF_COUNTRY.match(self.body, mention.end)
        if found is None:
            return
        start, end = found.start(1), found.end(1)
        country = places.BY_NAME.get(found.group(1).lower())
        if country is None:
            # "Chief executive John Smith of Kenya Airways": the organisation named there.
            owner = next(
                (m.actor for m in self.mentions if m.start == start and m.end == end), None
            )
            if owner is None or owner is person or owner.kind != "organisation":
                return
            person.role = f"{person.role} of {owner.name}"
            if owner not in person.member_of:
                person.member_of.append(owner)
            return
        target = self.country(country)
        self.locative_only[country.name] = False
        if not any(m.start == start and m.actor is target for m in target.mentions):
            self.mention(target, start, end, mention.sentence)
        opening = mention.start
        if mention.text == person.name:
            opening = self.body.rfind(person.role, 0, mention.start)
        person.add_alias(self.body[opening:end])
        person.role = f"{person.role} of {country.name}"
        if target not in person.member_of:
            person.member_of.append(target)

    def _role_before_name(self, person: DraftActor, before: str, position: int) -> None:
        """ "State Department spokesman Ned Price", "Madrid coach Carlo Ancelotti", "union
        president Karen Littlewood": a lowercase role right before the name is the person's,
        with the organisation named before it."""
        match = _ROLE_BEFORE_NAME.search(before)
        if match is None:
            return
        phrase = _trim_phrase(match.group(1))
        words = phrase.split()
        if not words or words[0].lower() in _DETERMINERS:
            phrase = _strip_determiner(phrase)
        if not phrase:
            return
        person.role = phrase
        self._member_from_role(person, phrase)
        owner_text = match.group(2)
        if owner_text and phrase.startswith(owner_text):
            start = position - len(before) + match.start(2)
            owner = next(
                (
                    m.actor
                    for m in self.mentions
                    if m.start <= start < m.end and m.actor is not None and m.actor is not person
                ),
                None,
            )
            if (
                owner is not None
                and owner.kind in ("organisation", "country")
                and owner not in person.member_of
            ):
                person.member_of.append(owner)

    def _member_from_owner(self, person: DraftActor, phrase: str, position: int) -> None:
        """ "Its executive director, X", "X, Google's senior vice president": the person
        works for the organisation that owns the role."""
        words = phrase.split()
        if not words:
            return
        owner: DraftActor | None = None
        if words[0].lower() in {"its", "their"}:
            owner = reference_at(self.actors, self.mentions, position, words[0].lower())
        else:
            found = re.match(r"(?:the\s+)?(.+?)[’']s?\s", phrase)
            if found and found.group(1)[:1].isupper():
                owner = self.by_key.get(normalise(found.group(1))) or self._org_alias(
                    found.group(1)
                )
            else:
                of = re.search(
                    r"\b(?:of|at|for)\s+(?:the\s+)?([A-Z][\w’'&.-]*(?:\s+(?:and\s+)?[A-Z][\w’'&.-]*)*)",
                    phrase,
                )
                if of:
                    owner = self.by_key.get(normalise(of.group(1))) or self._org_alias(of.group(1))
        if (
            owner is not None
            and owner is not person
            and owner.kind == "organisation"
            and owner not in person.member_of
        ):
            person.member_of.append(owner)

    def _counterparts(self, sentence: Sentence) -> None:
        """ "the Japanese and Chinese defence ministers": one unnamed person of each country."""
        for match in _COUNTERPARTS.finditer(sentence.text):
            first, second, office, plural = match.group(1, 2, 3, 4)
            countries = [
                places.BY_DEMONYM.get(first.lower()),
                places.BY_DEMONYM.get(second.lower()),
            ]
            if None in countries:
                continue
            start = sentence.start + match.start()
            end = sentence.start + match.end()
            singular = plural[:-1] if plural.endswith("s") else plural
            for demonym in (first, second):
                name = f"{demonym} {office}{singular}".strip()
                actor = self.by_key.get(normalise(name))
                if actor is None:
                    actor = self.new_actor(name, "person", "an unnamed official of each country")
                    actor.role = name
                    country = self.countries.get(places.BY_DEMONYM[demonym.lower()].name)
                    if country is not None:
                        actor.member_of.append(country)
                self.mention(actor, start, end, sentence.index)

    def _groups(self) -> None:
        """Unnamed groups as noun phrases; "the delegation" refers back to "a … delegation"."""
        for sentence in self.sentences:
            if sentence.heading:
                continue
            self._counterparts(sentence)
            opening = re.match(r"([A-Z][a-z]+)\b(?![’'])", sentence.text)
            if opening is not None and opening.group(1).lower() in GROUP_NOUNS:
                # "Businesses and residents have complained": a bare plural opening its
                # sentence, kept when it speaks or acts.
                name = opening.group(1)
                actor = self.by_key.get(normalise(name)) or self.new_actor(name, "group")
                self.mention(actor, sentence.start, sentence.start + len(name), sentence.index)
            for match in _GROUP.finditer(sentence.text):
                phrase = match.group(1)
                words = phrase.split()
                cut = _noun_phrase_start(words)
                if cut:
                    phrase = " ".join(words[cut:])
                    words = words[cut:]
                head = words[-1].lower()
                start = sentence.start + match.end(1) - len(phrase)
                end = sentence.start + match.end(1)
                overlapping = [m for m in self.mentions if m.start < end and start < m.end]
                owner = self._modifier(overlapping, start, end)
                if overlapping and owner is None:
                    continue
                core = [w for w in words if w.lower() not in _DETERMINERS]
                if not core or _CONTRACTION.search(" ".join(core)):
                    continue  # "he’s someone voters": a clause, not a noun phrase
                if (
                    len(core) == 2
                    and core[0].lower() == "two"
                    and (
                        words[0].lower() == "the"
                        or re.search(r"\b(?i:both)\s+$", self.body[max(0, start - 6) : start])
                    )
                ):
                    continue  # "the two countries", "the two leaders": the pair named before
                if len(core) == 1 and _plural(core[0]) and owner is None:
                    of_owner = self._of_owner(end)
                    if of_owner is not None:
                        # "executives of Monsanto", "shareholders of Barclays": the people of
                        # a body named after it ("Monsanto executives").
                        org, of_end = of_owner
                        name = f"{org.name} {core[0].lower()}"
                        people = self.by_key.get(normalise(name)) or self.new_actor(name, "group")
                        if org not in people.member_of:
                            people.member_of.append(org)
                        self.mention(people, start, of_end, sentence.index)
                        continue
                if len(core) == 1 and words[0].lower() in {"his", "her"}:
                    companion = self._companion_of(start)
                    if companion is not None:
                        # "Lee and his delegation", "Smith and her lawyers": the group
                        # that goes with the person named just before, as theirs.
                        name = f"{companion.name}’s {core[0]}"
                        people = self.by_key.get(normalise(name)) or self.new_actor(
                            name, "group", f"named by whom it goes with ({companion.name})"
                        )
                        for parent in companion.member_of:
                            if parent not in people.member_of and parent.kind != "person":
                                people.member_of.append(parent)
                        self.mention(people, start, end, sentence.index)
                        self.led.add(id(people))
                        continue
                if len(core) == 1:
                    # "the delegation": the last group with that head noun.
                    target = next(
                        (
                            a
                            for a in reversed(self.actors)
                            if a.kind == "group" and normalise(a.name).split()[-1] == head
                        ),
                        None,
                    )
                    if target is not None and words[0].lower() in {"the", "their", "its"}:
                        self.mention(target, start, end, sentence.index)
                        continue
                    if words[0].lower() in _DETERMINERS or not _plural(core[0]):
                        continue
                    initial = bool(
                        re.search(
                            r"(?:[.!?\n]\s*|,\s+|\band\s+|\bbut\s+)[“\"‘]?(?:the\s+|The\s+)?$",
                            ("\n" if start <= 40 else "") + self.body[max(0, start - 40) : start],
                        )
                    )
                    if not self._acting(start, end, initial):
                        continue
                    # "told reporters", "residents do not have": a bare plural, kept when it
                    # acts or is spoken to.
                    self.bare.add(normalise(core[0]))
                if (
                    len(core) == 2
                    and words[0] == "the"
                    and owner is None
                    and core[0].lower() not in places.BY_DEMONYM
                    and core[0].lower() not in places.BY_NAME
                ):
                    # "join other regional leaders … the Pacific leaders will also meet":
                    # the definite phrase takes up the group named before with its head
                    # noun, when neither is tied to a country or an organisation.
                    earlier = next(
                        (
                            a
                            for a in reversed(self.actors)
                            if a.kind == "group"
                            and not a.member_of
                            and normalise(a.name).split()[-1] == head
                            and a.first_position() < start
                        ),
                        None,
                    )
                    if earlier is not None and normalise(earlier.name) != normalise(" ".join(core)):
                        self.mention(earlier, start, end, sentence.index)
                        continue
                if len(core) > 2 and core[0].lower() == "both":
                    core = core[1:]  # "both independent analysts and sources": the analysts
                name = " ".join(core)
                name = name[:1].upper() + name[1:]
                leader = self._led_by(end)
                if leader is not None:
                    # "the visiting Chinese delegation led by Minister Wang": the group is
                    # named with its leader, as one led by nobody else.
                    name = f"{name} led by {leader[0].name}"
                    end = leader[1]
                group = self.by_key.get(normalise(name))
                if group is None and len(core) == 2 and core[0].lower() in {"company", "firm"}:
                    # "Company management said": the management of the company in view,
                    # named as that company's ("Home Depot management").
                    company = reference_at(self.actors, self.mentions, start, "the company")
                    if company is not None and company.kind == "organisation":
                        owner = company
                        name = f"{company.name} {core[1]}"
                        group = self.by_key.get(normalise(name))
                if group is None:
                    group = self.new_actor(name, "group")
                    if owner is not None:
                        group.member_of.append(owner)
                    for word in core:
                        country = places.BY_DEMONYM.get(word.lower())
                        if owner is None and country is not None and country.name in self.countries:
                            group.member_of.append(self.countries[country.name])
                            break
                self.mention(group, start, end, sentence.index)
                if leader is not None:
                    self.led.add(id(group))

    def _companion_of(self, position: int) -> DraftActor | None:
        """The person named right before "and" at `position` ("Lee and |his delegation")."""
        before = self.body[max(0, position - 8) : position]
        found = re.search(r"\s+and\s+$", before)
        if found is None:
            return None
        at = position - len(before) + found.start()
        mention = next((m for m in self.mentions if m.end == at and m.actor is not None), None)
        if mention is None or mention.actor is None or mention.actor.kind != "person":
            return None
        return mention.actor

    def _led_by(self, position: int) -> tuple[DraftActor, int] | None:
        """The person named right after "led by" at `position`, and where the name ends."""
        found = re.match(r"\s+(?:led|headed)\s+by\s+", self.body[position : position + 16])
        if found is None:
            return None
        at = position + found.end()
        mention = max(
            (m for m in self.mentions if m.start == at and m.actor is not None),
            key=lambda m: m.end,
            default=None,
        )
        if mention is None or mention.actor is None or mention.actor.kind != "person":
            return None
        return mention.actor, mention.end

    def _of_owner(self, position: int) -> tuple[DraftActor, int] | None:
        """The organisation or country named right after "of" at `position`, and where its
        name ends: "(executives) of Monsanto", "(officials) of the Kenya Revenue Authority"."""
        found = re.match(r"\s+of\s+(?:the\s+)?", self.body[position : position + 12])
        if found is None:
            return None
        at = position + found.end()
        mention = next((m for m in self.mentions if m.start == at and m.actor is not None), None)
        if mention is None or mention.actor is None:
            return None
        if mention.actor.kind not in ("organisation", "country") or mention.possessive:
            return None
        if mention.actor.kind == "country" and self.locative_only.get(mention.actor.name, True):
            return None  # "residents of Laos": people of a place, not of a party
        return mention.actor, mention.end

    def _unnamed_speakers(self) -> None:
        """ "…," said one person during public comment. / "…," another resident said.: one
        unnamed member of the public who speaks, named by the words that describe them."""
        for sentence in self.sentences:
            if sentence.heading:
                continue
            for pattern in (_UNNAMED_AFTER_VERB, _UNNAMED_BEFORE_VERB):
                for match in pattern.finditer(sentence.text):
                    start = sentence.start + match.start("who")
                    end = sentence.start + match.end("who")
                    if any(m.start < end and start < m.end for m in self.mentions):
                        continue
                    phrase = match.group("who")
                    name = re.sub(r"^(?:an?)\s+", "", phrase, flags=re.I)  # "a caller": Caller
                    name = name[:1].upper() + name[1:]
                    # "said another person" twice is two people, each new to the story.
                    fresh = re.match(r"(?i:another|a second|a third|one other)\s", phrase)
                    actor = (None if fresh else self.by_key.get(normalise(name))) or (
                        self.new_actor(
                            name,
                            "person",
                            "an unnamed speaker, named by how the story describes them",
                        )
                    )
                    self.mention(actor, start, end, sentence.index)
                    self.used.add(id(actor))

    def _modifier(self, overlapping: list[Mention], start: int, end: int) -> DraftActor | None:
        """The organisation or country that opens a group's noun phrase as its modifier:
        "PPP lawmakers", "US banks", "PG&E officials" (then lowercase words to the head)."""
        if len(overlapping) != 1:
            return None
        mention = overlapping[0]
        actor = mention.actor
        if (
            actor is None
            or actor.kind not in ("organisation", "country")
            or mention.end >= end
            or mention.start < start
            or not re.fullmatch(r"(?:\s+[a-z][\w-]*)+", self.body[mention.end : end])
            or not re.fullmatch(
                r"(?:(?:a|an|the|some|several|many|two|three|senior|top|local|other)\s+)*",
                self.body[start : mention.start],
            )
        ):
            return None
        return actor

    # -- finishing -----------------------------------------------------------------------

    def only_a_place(self, actor: DraftActor) -> bool:
        """A country or state the body names only as a place ("in Laos", "visiting Iowa")."""
        return actor.kind == "country" and self.locative_only.get(actor.name, False)

    def keep(self, actor: DraftActor) -> None:
        """Mark an actor as needed (a speaker, a participant) whatever the other rules say."""
        self.used.add(id(actor))

    def _merge_single_names(self) -> None:
        """A one-word name seen before its full form ("Embiid" … "Joel Embiid") is that
        person; a person also called "the Celtics" is a team."""
        for actor in list(self.actors):
            if actor.kind in ("person", "country") or len(_words(actor.name)) != 1:
                continue
            person = self._by_surname(actor.name)
            if person is None or person is actor:
                continue
            self._merge_into(actor, person)
        for actor in self.actors:
            if actor.kind != "person" or not _plural(_words(actor.name)[-1]):
                continue
            if any(
                self.body[max(0, m.start - 4) : m.start].lower() == "the " for m in actor.mentions
            ):
                actor.kind = "organisation"
                actor.guesses = [g for g in actor.guesses if not g.startswith("kind inferred")]
                actor.guesses.append('kind inferred as organisation (named with "the")')

    def _merge_bare_groups(self) -> None:
        """ "Prosecutors told reporters …" and "Swedish prosecutors": a bare plural and the
        one actor that names it with its country are one."""
        for bare in [a for a in self.actors if a.kind == "group" and len(_words(a.name)) == 1]:
            noun = normalise(bare.name)
            national = [
                a
                for a in self.actors
                if a is not bare
                and a.kind in ("group", "organisation")
                and len(words := _words(normalise(a.name))) == 2
                and words[1] == noun
                and (words[0] in places.BY_DEMONYM or words[0] in places.BY_NAME)
            ]
            if len(national) != 1:
                continue
            self._merge_into(bare, national[0])

    def _merge_short_organisations(self) -> None:
        """ "the Security Council" … "the UN Security Council": an organisation named
        without the one word (initials, a country) that the longer name of one other
        organisation puts before it is that organisation."""
        organisations = [a for a in self.actors if a.kind == "organisation"]
        for short in organisations:
            words = _words(normalise(short.name))
            if len(words) < 2:
                continue
            longer = [
                a
                for a in organisations
                if a is not short
                and len(full := _words(normalise(a.name))) == len(words) + 1
                and full[1:] == words
                and (
                    _acronym(_words(a.name)[0])
                    or full[0] in places.BY_NAME
                    or full[0] in places.BY_DEMONYM
                    or full[0] in states.BY_NAME
                )
            ]
            if len(longer) != 1:
                continue
            self._merge_into(short, longer[0])
        # "Monsanto" … "Monsanto Company": the name with its legal form is the same company.
        organisations = [a for a in self.actors if a.kind == "organisation"]
        for long in organisations:
            words = _words(long.name)
            if len(words) < 2 or words[-1].lower().rstrip(".") not in _LEGAL_FORMS:
                continue
            bare = normalise(" ".join(words[:-1]))
            target = next(
                (a for a in organisations if a is not long and normalise(a.name) == bare), None
            )
            if target is not None and target in self.actors and long in self.actors:
                self._merge_into(long, target)

    def _merge_initials(self) -> None:
        """ "the PDZ party’s secretary general" … "the Progress Democrats of Zimbabwe":
        initials named before the full name are that organisation, when they are the
        initials of one organisation only."""
        organisations = [a for a in self.actors if a.kind == "organisation"]
        for short in organisations:
            text = short.name
            if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
                continue
            longer = [
                a
                for a in organisations
                if a is not short
                and a in self.actors
                and len(_words(a.name)) > 1
                and "".join(
                    w[0] for w in _words(a.name) if w.lower() not in {"of", "for", "and", "the"}
                ).upper()
                == text
            ]
            if len(longer) == 1 and short in self.actors:
                self._merge_into(short, longer[0])
                self.weak.discard(id(longer[0]))

    def _merge_into(self, short: DraftActor, target: DraftActor) -> None:
        """One actor found under two names: its mentions, names and parents kept on
        `target`."""
        for mention in short.mentions:
            mention.actor = target
            target.mentions.append(mention)
        target.add_alias(short.name)
        for alias in short.aliases:
            target.add_alias(alias)
        for parent in short.member_of:
            if parent not in target.member_of and parent is not target:
                target.member_of.append(parent)
        for other in self.actors:
            other.member_of = [target if p is short else p for p in other.member_of]
        if id(short) in self.used:
            self.used.add(id(target))
        self.actors.remove(short)
        if self.by_key.get(normalise(short.name)) is short:
            self.by_key[normalise(short.name)] = target

    def _acts(self, actor: DraftActor) -> bool:
        """A group that is the subject of a verb: "Businesses and residents also have
        complained", "PPP lawmakers left the chamber"."""
        if _words(actor.name)[0].lower() in _REMAINDERS | {"two"}:
            return False  # "All countries", "Other lawmakers": a quantity, not a party
        return any(self._acting(m.start, m.end, m.clause_initial) for m in actor.mentions)

    def _acting(self, start: int, end: int, clause_initial: bool) -> bool:
        """Whether the words at start:end are a subject with its verb, or the one spoken to."""
        lead = self.body[max(0, start - 3) : start]
        before = self.body[max(0, start - 30) : start]
        if _LISTENER.search(before):
            return True  # "told reporters", "he told settler leaders": spoken to
        after = self.body[end : end + 60]
        # "local officials and customers who accused the utility": a relative clause.
        relative = re.match(
            r"(?:\s+(?:and|or)\s+[a-z]+)?(?:\s+who|,\s+(?:who|which))\s+"
            r"(?:also\s+|have\s+|has\s+|had\s+)?([a-z]+)\b",
            after,
        )
        if relative and (
            relative.group(1) in _FINITE_VERBS
            or relative.group(1) in _AUXILIARIES
            # "which owns half of the site": after "who" or "which", a verb.
            or re.fullmatch(r"[a-z]{3,}(?:ed|s)", relative.group(1))
        ):
            return True
        if not (clause_initial or lead.endswith("\n") or start == 0 or _SUBORDINATE.search(before)):
            return False
        follows = re.match(
            r"\s+(?:(?:and|or)\s+[a-z]+\s+)?(?:also\s+|[a-z]{3,}ly\s+)?"
            r"(?:(have|has|had|is|are|was|were|will|would)\s+)?([a-z]+)\b",
            after,
        )
        return bool(
            follows
            and (
                follows.group(1) is not None  # "Yoon’s office has not commented"
                or follows.group(2) in _FINITE_VERBS
                or re.fullmatch(r"[a-z]{3,}ed", follows.group(2))
            )
        )

    def _agent(self, actor: DraftActor) -> bool:
        """ "an operation led by the DEA", "as quoted by ISL's website": the doer of a passive
        verb is a party to what was done, named once or not."""
        for mention in actor.mentions:
            before = self.body[max(0, mention.start - 40) : mention.start]
            if _PASSIVE_AGENT.search(before):
                return True
        return False

    def finish(self) -> list[DraftActor]:
        """The actors worth a record: not places only, not unused unnamed groups."""
        kept = []
        for actor in self.actors:
            if self.only_a_place(actor):
                continue
            if id(actor) in self.used:
                kept.append(actor)
                continue
            if (
                actor.kind == "group"
                and not _national(actor.name)
                and not self._acts(actor)
                # "Monsanto executives", "three Taliban prisoners": a body's own people,
                # kept as that body's (not "other Oneworld members", a remainder).
                and not (
                    any(p.kind == "organisation" for p in actor.member_of)
                    and _words(actor.name)[0].lower() not in _REMAINDERS
                )
                and id(actor) not in self.led
            ):
                continue  # an unnamed group is kept when it speaks, meets, acts or has a nation
            if actor.name.startswith("Government of") and not actor.mentions:
                continue
            if (
                actor.kind == "organisation"
                and actor.guesses[:1] == ["kind inferred as organisation (a single name)"]
                and actor.mentions
                and all(self._modifies(m) for m in actor.mentions)
            ):
                continue  # "the Rukban camp", "Republican attacks": a modifier each time
            if (
                id(actor) in self.weak
                and len(actor.mentions) < 2
                # "Yoon’s office has not commented": named by its owner, and acting.
                and not (id(actor) in self.owned and self._acts(actor))
                and not (actor.kind == "organisation" and self._agent(actor))
            ):
                continue
            kept.append(actor)
        keep_ids = {id(a) for a in kept}
        # A parent is kept if a kept actor belongs to it.
        changed = True
        while changed:
            changed = False
            for actor in list(kept):
                for parent in actor.member_of:
                    if parent.kind == "country" and self.locative_only.get(parent.name, False):
                        continue  # "the Ghanaian government": a nationality, not a party
                    if id(parent) not in keep_ids:
                        keep_ids.add(id(parent))
                        kept.append(parent)
                        changed = True
        for actor in kept:
            actor.member_of = [p for p in actor.member_of if id(p) in keep_ids and p is not actor]
        kept.sort(key=lambda a: a.first_position())
        return kept


# A sum after a currency's abbreviation: "Kes. 1.30", "Rs 500", "Sh2bn" (not a score: "beat
# Selangor 2-0", "Hurricanes 4, Blackhawks 2").
_AMOUNT = re.compile(r"\.?\s?\d+(?:[.,]\d+)*(?![\d.,]*\s*(?:[-–]\s*\d|:|,\s+[A-Z]|[,;]?$))")
# Occasions that end a capitalised run, which then names no person: "the Annual General
# Meeting", "a three-day State Visit".
_OCCASIONS = {
    "meeting",
    "meetings",
    "visit",
    "visits",
    "ceremony",
    "rally",
    "retreat",
    "gala",
    "bowl",  # "the Las Vegas Bowl": a game
}
# Words that end (or open, before "of") the title of a document, a law or a plan, which
# names no actor: "Senate Bill", "Paris Agreement", "Memorandum of Understanding".
_DOCUMENTS = {
    "bill",
    "act",
    "plan",
    "strategy",
    "agreement",
    "treaty",
    "accord",
    "accords",
    "memorandum",
    "memoranda",
    "articles",
    "declaration",
    "protocol",
    "amendment",
    "resolution",
    "roadmap",
    "constitution",
}
_DOCUMENT_OF = re.compile(
    r"\b(?:Memorand(?:um|a)|Articles|Declaration|Protocol|Letters?|Certificate)\s+of\s+$"
)
# Words of a venue's name, which a centre named with them is ("Convention Centre").
_VENUE_WORDS = {"convention", "exhibition", "conference", "shopping", "sports", "trade"}
# "and" then a company's name, to its last word: "(Gensler) and Clark Construction Group".
_AND_COMPANY = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w&’'.-]*\s+){1,4}([A-Z][\w.]*)\b")
# What two countries named as a pair hold together, as parties: "the India-Pakistan talks".
_PAIR_TIES = {
    "talks",
    "summit",
    "meeting",
    "dialogue",
    "deal",
    "agreement",
    "relations",
    "ties",
    "trade",
    "war",
    "match",
    "joint",
    "cooperation",
}
# Quantities that open a group's name: "All countries", "Other lawmakers", "Some members".
_REMAINDERS = {"all", "some", "many", "most", "other", "these", "those", "both"}
# A past participle and "by" before a name: "led by the", "was sold by", "quoted by".
_PASSIVE_AGENT = re.compile(
    r"\b(?:[a-z]{3,}(?:ed|en)|" + "|".join(sorted(_IRREGULAR_PASTS)) + r")\s+by\s+(?:the\s+)?$"
)

_CUT_WORDS = {
    "by",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "to",
    "with",
    "from",
    "said",
    "says",
    "told",
    "and",
    "but",
    "that",
    "as",
    "for",
    "on",
    "in",
    "at",
    "after",
    "before",
    "when",
    "while",
    "met",
    "visited",
    "called",
    "named",
    "including",
    "like",
    "than",
    "via",
}


_NOT_IN_NOUN_PHRASE = _CUT_WORDS | {
    "among",
    "between",
    "join",
    "joins",
    "like",
    "of",
    "about",
    "against",
    "over",
    "under",
    "into",
    "onto",
    "than",
    "so",
    "or",
    "nor",
    "not",
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "absolutely",
    "very",
    "really",
    "just",
    "only",
    "even",
    "still",
    "played",
    "life",
    "who",
    "which",
    "what",
    "where",
    "there",
    "here",
    "it",
    "they",
    "we",
    "he",
    "she",
}


_BEFORE_A_VERB = {
    "to",
    "will",
    "would",
    "could",
    "can",
    "cannot",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "not",
}


def _noun_phrase_start(words: list[str]) -> int:
    """Where a group's noun phrase starts: after the last verb, preposition or adverb."""
    cut = 0
    for index, word in enumerate(words[:-1]):
        lowered = word.lower()
        if index and lowered in {"a", "an", "the", "their", "its", "his", "her", "our"}:
            cut = index  # "leading a trade delegation": the phrase opens at its article
        elif index and words[index - 1].lower() in _BEFORE_A_VERB:
            cut = index + 1  # "could hurt American investors", "to free the hostages"
        elif lowered in _NOT_IN_NOUN_PHRASE or (
            lowered.endswith(("ed", "ly", "ing"))
            and lowered not in {"senior", "leading", "ruling", "governing", "united", "visiting"}
        ):
            cut = index + 1
    return cut


_COUNTERPARTS = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+((?:[a-z]+\s+)?)(ministers|presidents|leaders|"
    r"foreign ministers|defence ministers|defense ministers|prime ministers|envoys|"
    r"ambassadors|negotiators|chiefs)\b"
)
_LOWER_BODY = re.compile(
    r"\b(?:the\s+)?((?:(?:South|North|New|Saudi|Sri|Costa|El)\s+)?[A-Z][a-z]+(?:’s|'s)?|U\.S\.|US|UK)\s+(?:(?:foreign|defence|defense|interior|finance|"
    r"health|justice|trade|economy|economic|education|environment|energy)\s+)?(?:ministry|"
    r"military|army|navy|air force|embassy|parliament|foreign office|cabinet|courts?|police|"
    r"authorities|intelligence|opposition|security forces|judiciary|central bank|forces|"
    r"prosecutors|security services|border authorities|border police|coast guard|"
    # "California’s state fire agency", "Japan's space agency".
    r"(?:state\s+|federal\s+|national\s+)?(?:fire|environmental|environment|health|tax|"
    r"space|news|weather|emergency|security|intelligence|energy|nuclear|atomic|drug|"
    r"transport|transportation)\s+agency)\b"
    r"(?!\s+(?:delegation|delegations|officials?|spokes\w+|sources?|leaders?|chiefs?|"
    r"officers?|personnel|exercises?|operations?|drills?|engagement|commanders?|aircraft|"
    r"agents?|operatives?|analysts?|"
    r"vessels?|ships?|forces?|courts?|judges?|members?)\b)"
)


_FINITE_VERBS = {
    "are",
    "were",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "say",
    "said",
    "left",
    "took",
    "met",
    "gathered",
    "rallied",
    "marched",
    "voted",
    "fled",
    "held",
    "began",
    "went",
    "came",
    "made",
    "gave",
    "sent",
    "fought",
    "won",
    "lost",
    "do",
    "did",
    "does",
    "want",
    "told",
    "saw",
    "chose",
} | _IRREGULAR_PASTS
# A second name and the verb the two share: " and Monsanto are", " and Monsanto held".
_COORDINATED_SUBJECT = re.compile(r"\s+and\s+[A-Z][\w’'&-]*\s+([a-z]+)\b")
_SUBJECT_VERBS = {
    "are",
    "were",
    "have",
    "will",
    "would",
    "held",
    "hold",
    "met",
    "meet",
    "signed",
    "agreed",
} | SPEECH_FORMS

_AUXILIARIES = {
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "wants",
    "plans",
    "hopes",
    "expects",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "does",
    "did",
    "says",
    "warns",
    "insists",
}


# What a group spoken to follows: "told reporters", "telling reporters", "briefed donors".
_LISTENER = re.compile(
    r"\b(?:told|tells|tell|telling|briefed|briefing|addressed|addressing|assured|warned)\s+"
    r"(?:the\s+)?$"
)
# A subordinate clause's opening, before its subject: "before PPP lawmakers left", "said
# residents do not have", "than executives planned".
_SUBORDINATE = re.compile(
    r"\b(?:before|after|when|while|as|because|since|until|unless|if|than|where|said|"
    r"says)\s+$"
)
# A pronoun's contraction: "He’s", "We’ve", "they’re" start a clause, never a name.
_CONTRACTION = re.compile(
    r"(?i)\b(?:i|we|you|they|he|she|it|that|there|who|what)[’'](?:s|ve|re|ll|d|m)\b"
)


def _national(name: str) -> bool:
    """A group named by its nation ("Spanish fans", "US banks", "senior Japanese officials")."""
    return any(
        w.lower() in places.BY_DEMONYM or w.lower() in places.BY_NAME for w in _words(name)[:-1]
    )


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.replace(".", "").isupper()


def _singular(word: str) -> str:
    """The singular of a plural noun, as far as titles need it ("secretaries", "heads")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def _subsequence(short: list[str], long: list[str]) -> bool:
    iterator = iter(long)
    return all(word in iterator for word in short)


def _trim_phrase(phrase: str, joined_titles: bool = False) -> str:
    """The noun phrase that ends `phrase`; with `joined_titles`, two capitalised titles
    joined by "and" stay one ("Prime Minister and Chairman")."""
    phrase = phrase.strip(" ,")
    words = phrase.split()

    def joins_titles(i: int) -> bool:
        if not (
            words[i] == "and"
            and 0 < i < len(words) - 1
            and words[i - 1][:1].isupper()
            and words[i + 1][:1].isupper()
        ):
            return False
        if words[i - 1].lower() in _ROLE_NOUNS.split("|"):
            return joined_titles
        # "chairman of the Independent Electoral and Boundaries Commission": inside a name.
        return any(w in {"of", "for", "at"} for w in words[:i])

    cut = max(
        (i for i, w in enumerate(words[:-1]) if w.lower() in _CUT_WORDS and not joins_titles(i)),
        default=-1,
    )
    words = words[cut + 1 :]
    # Drop a leading capitalised verb-less word that is really the end of the last clause.
    while words and words[0].lower() in {"said", "says", "and", "but", "by", "with", "told"}:
        words = words[1:]
    return " ".join(words)


def _apposition_head(phrase: str) -> str:
    """An apposition after a name, up to its first verb: "an analyst at Wedbush Securities"
    stays whole (where the person works is part of the role)."""
    words = phrase.strip(" ,").split()
    for index, word in enumerate(words):
        if word.lower() in {"said", "says", "told", "was", "is", "were", "are", "who", "which"}:
            words = words[:index]
            break
    return " ".join(words)


def _strip_determiner(phrase: str) -> str:
    words = phrase.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class _Named:
    """A mention known to name an actor: what `reference_at` weighs."""

    start: int
    end: int
    sentence: int
    clause_initial: bool
    actor: DraftActor
    possessive: bool = False


def reference_at(
    actors: list[DraftActor],
    mentions: list[Mention],
    position: int,
    phrase: str,
    sentence_start: int | None = None,
) -> DraftActor | None:
    """Who a pronoun or a short reference ("he", "the minister", "the company") means here.

    `sentence_start`, given for a pronoun that is a subject, lets the subject of the
    sentence before win over a person it named in passing ("Milei, who once called Lula a
    …, struck a softer tone. He said …" is Milei)."""
    phrase = phrase.lower().strip()
    earlier = sorted(
        (
            _Named(m.start, m.end, m.sentence, m.clause_initial, m.actor, m.possessive)
            for m in mentions
            if m.end <= position and m.actor is not None
        ),
        key=lambda m: m.start,
    )
    if phrase in {"he", "she", "him", "her", "his"}:
        people = [m for m in earlier if m.actor.kind == "person"]
        fitting = [m for m in people if names.fits_pronoun(m.actor.name, phrase)] or people
        if not fitting:
            return None
        latest = fitting[-1]
        if sentence_start is not None and latest.end <= sentence_start:
            # The antecedent is in an earlier sentence: its subject, if it has one.
            subjects = [m for m in fitting if m.sentence == latest.sentence and m.clause_initial]
            if subjects:
                return subjects[0].actor
            # Centering's ranking, subject before object and possessor: "Wild defenseman
            # Ryan Suter, who joked about Parise's penchant, …" — "he" next is Suter.
            same = [m for m in fitting if m.sentence == latest.sentence]
            if latest.possessive:
                plain = [m for m in same if not m.possessive]
                if plain:
                    return plain[0].actor
        return latest.actor
    if phrase in {"it", "its"}:
        # The last organisation or country that was a subject (first in its clause), rather
        # than one named in passing ("its order of 30 Boeing jets").
        candidates = [m for m in earlier if m.actor.kind in ("organisation", "country")]
        for mention in reversed(candidates):
            if mention.clause_initial:
                return mention.actor
        return candidates[-1].actor if candidates else None
    if phrase in {"they", "them", "their"}:
        for mention in reversed(earlier):
            if mention.actor.kind in ("group", "organisation", "country"):
                return mention.actor
        return None
    words = phrase.split()
    if not words:
        return None
    noun = words[-1]
    for mention in reversed(earlier):
        actor = mention.actor
        role = (actor.role or "").lower()
        if noun in role.split() or any(
            noun in alias.lower().split() for alias in actor.aliases if alias[:1].islower()
        ):
            return actor
        if actor.kind == "organisation" and noun in normalise(actor.name).split():
            return actor
    kinds = {
        "company": "organisation",
        "firm": "organisation",
        "group": "organisation",
        "club": "organisation",
        "team": "organisation",
        "ministry": "organisation",
        "agency": "organisation",
        "government": "organisation",
        "party": "organisation",
        "country": "country",
        "nation": "country",
    }
    # Nouns that name a company or body by what it does: "the utility said", "the carrier".
    for word in ORG_NOUNS | {"utility", "automaker", "drugmaker", "insurer", "organisation"}:
        kinds.setdefault(word, "organisation")
    kind = kinds.get(noun)
    if kind:
        for mention in reversed(earlier):
            if mention.actor.kind == kind:
                return mention.actor
    return None
