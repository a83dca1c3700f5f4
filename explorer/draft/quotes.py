"""Quotes: direct (the words in quotation marks), reported and paraphrased, with speakers.

The attribution patterns are those of rule-based quote extractors (textacy's
`direct_quotations`, the Quotebank/quootstrap patterns): `"…," X said`, `"…," said X`,
`X said: "…"`, `X told reporters "…"`, `according to X`, and a quote with no attribution in
the paragraph of the last speaker is that speaker's. Reported speech is `X said (that) S`,
`S, X said.`, `S, said X.`, `according to X, S`; paraphrase the same with emphasise, stress,
urge, agree and their kin (lexicon.PARAPHRASE_VERBS).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from explorer.draft import names
from explorer.draft.actors import ActorFinder, normalise, portfolio_ending, reference_at
from explorer.draft.lexicon import (
    GROUP_NOUNS,
    MONTHS,
    OBJECT_VERBS,
    ORG_NOUNS,
    ORG_WORDS,
    PARAPHRASE_FORMS,
    PARAPHRASE_VERBS,
    REPORT_FORMS,
    REPORT_VERBS,
    WEEKDAYS,
    speech_alternation,
)
from explorer.draft.model import DraftActor, DraftQuote, Mention, Sentence

_OPEN = '“"'
_WORD = re.compile(r"[\w’'-]+")
_VERB_ALTERNATION = speech_alternation()
_VERB = re.compile(r"\b((?i:according to)|" + _VERB_ALTERNATION + r")\b")
_PRONOUN = re.compile(r"\b(he|she|they|it)\b", re.IGNORECASE)
_REFERENCE_NOUNS = (
    "prime minister|minister|president|spokesman|spokeswoman|spokesperson|spokespeople|"
    "officials?|company|firm|group|club|team|ministry|agency|government|party|coach|manager|"
    "chief|leader|statement|country|secretary|ambassador|army|military|command|police|court|"
    "council|sources?|analysts?|experts?|diplomats?|witness(?:es)?|residents?|lawyers?|aides?|"
    "insiders?|priest|envoy|negotiators?|executives?|director|chairman|chairwoman|governor|"
    "mayor|senator|lawmakers?|officers?|commander|general|embassy|administration|board|"
    "union|authorities|investigators?|prosecutors?|researchers?|economists?|observers?|"
    "campaigners?|organisers?|organizers?|airline|carrier|bank|player|striker|captain|"
    "defender|midfielder|goalkeeper|forward|guard|star|veteran|newspaper|agency|broadcaster|"
    "utility|regulator|watchdog|insurer|lender|automaker|carmaker|drugmaker|retailer|"
    "manufacturer|operator|publisher|network|alliance|coalition|federation|association|"
    "league|charity|organi[sz]ation|body|department|office|commission|committee|trust|"
    "authority|institute|university|school|hospital|mayor|judge|teacher|doctor|official"
)
_ORG_NOUN_ALTERNATION = "|".join(sorted(ORG_NOUNS, key=len, reverse=True))
_GROUP_ALTERNATION = "|".join(sorted((re.escape(n) for n in GROUP_NOUNS), key=len, reverse=True))
# A group as a subject, with what it is of or where it is: "Health workers in the eastern
# province of South Kivu said", ", lawyers said".
# Besides the listed group nouns, "police" and any bare plural ("…, firefighters said",
# "Paramedics said …"): a plural subject of a speech verb with no determiner is a group.
_BARE_GROUP = re.compile(
    r"(?:^|[,;]\s*|\band\s+)((?:[A-Z][\w’'&-]*\s+|[a-z][\w’'-]*\s+){0,2}?(?i:"
    + _GROUP_ALTERNATION
    + r"|police|staff|personnel|counsel)(?:\s+(?:of|from|at|in|for|across|with|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,6}?)?)"
    r"\s*$"
)
_NOT_PLURAL = (
    r"(?!(?i:always|has|was|is|this|its|his|hers|ours|theirs|as|us|thus|does|perhaps|"
    r"besides|sometimes|afterwards|towards|plus|less|unless|whereas|news|series|means|"
    r"nevertheless|yes)\b)"
)
_BARE_PLURAL = re.compile(
    r"(?:^|[,;]\s*)((?:"
    + _NOT_PLURAL
    + r"[A-Za-z][\w-]*\s+){0,2}?"
    + _NOT_PLURAL
    + r"(?:[A-Z][a-z]+|[a-z]+)[^s\W’']s(?:\s+(?:in|of|from|at)\s+(?:the\s+)?"
    r"(?!(?:have|has|had|were|are|will|would)\b)[\w’'-]+"
    r"(?:\s+(?!(?:have|has|had|were|are|will|would)\b)[\w’'-]+){0,3}?)?)"
    r"(?:\s+(?:have|had|also|\w+ly))*\s*$"
)
_COLLECTIVE = re.compile(
    r"(?:(?:large|small|huge|big|smaller|larger)\s+)?(?:crowds|groups|hundreds|thousands|"
    r"dozens|scores|millions|a\s+number|a\s+group|a\s+crowd|many|some|most)\s+of\s+"
    r"(?:the\s+)?(?=[a-z])",
    re.IGNORECASE,
)
_AGENT_FOR = re.compile(
    r"\b((?:a|an|the)\s+(?:[\w-]+\s+)?(spokesperson|spokesman|spokeswoman|official|source|"
    r"adviser|advisor|aide|lawyer|representative|envoy|member)\s+(?:for|of|at|from)\s+"
    r"(?:the\s+)?)$",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b((?:the|a|an|this|that|his|her|its|their|(?:one|another)(?!\s+of\b))\s+(?:[\w’'-]+\s+){0,3}"
    r"(?:" + _REFERENCE_NOUNS + r"))\b",
    re.IGNORECASE,
)
# A role standing before a speaker's name: "Oklahoma City coach ", "company CEO ".
# Verbs whose position is an infinitive: "agreed to restore visits" keeps its verb.
_TO_VERBS = {
    "agreed",
    "agree",
    "agrees",
    "vowed",
    "vows",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "refused",
    "threatened",
    "offered",
    # "the university hopes to execute a deal in December".
    "hopes",
    "hoped",
    "hope",
    "vow",
    "pledge",
    "promise",
    "refuses",
    "threatens",
    "offers",
}
_RELATIVE = re.compile(r",\s*who\s+(?:also\s+|later\s+|had\s+|has\s+|\w+ly\s+)?$")
_ROLE_BEFORE_SUBJECT = re.compile(
    r"(?:(?<=\s)|^)(?:[A-Z][\w’'.&-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}(?:coach|manager|"
    r"captain|director|chief|executive|spokes\w+|president|chairman|chairwoman|minister|"
    r"secretary|official|analyst|leader|head|founder|owner|CEO|guard|forward|center|"
    r"striker|player|resident|member|lawyer|attorney|professor|economist|governor|mayor)\s*$"
)
# A role noun ending a description: "Its executive director", "Google's top lawyer".
_ROLE_BEFORE = re.compile(
    r"\b(?:director|head|chief|lawyer|attorney|spokes\w+|president|chairman|chairwoman|"
    r"chairperson|chair|secretary|minister|mate|adviser|advisor|manager|coach|captain|leader|founder|"
    r"officer|executive|owner|ambassador|envoy|deputy|aide|partner|wife|husband|son|"
    r"daughter|brother|sister|mother|father|colleague|successor|predecessor|rival|"
    r"counterpart)(?:\s+(?:to|of|for|at)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4})?"
    r"\s*$",
    re.IGNORECASE,
)
_TOLD_OBJECT = re.compile(
    r"^\s*(?:reporters|journalists|the media|the press|lawmakers|parliament|an audience|"
    r"supporters|delegates|students|workers|residents|the crowd|"
    # "told a news conference in Geneva", "told a rally", "told the committee".
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|rally|meeting|summit|audience|"
    r"crowd|gathering|forum|session|committee|hearing|interview|panel|assembly|council|"
    r"parliament|congress|senate|court|jury|tribunal|newspaper|broadcaster|radio|television)|"
    r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|him|her|them|us|me)"
    r"(?:\s+(?:on|in|at|outside|after|before|during|from)\s+(?:the\s+|a\s+)?[\w’'-]+"
    r"(?:\s+[A-Z][\w’'-]+)*(?:\s+[\w’'-]+(?=\s+that\b))?)?\s*"
)


_DENY = {"denied", "denies", "deny"}
_SECOND_CLAIM = re.compile(
    r",\s+(adding|noting|saying|warning|insisting|stressing|arguing)\s+that\s+"
)
# Verbs of reporting whose object may be a thing, not a claim: "GM reported sales of 200,000
# vehicles", "Siemens announced a new plant", "Jordan admitted 1.4 million refugees" keep their
# subject and verb, as an act stated.
_NOMINAL_OBJECT = {
    "reported",
    "reports",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "disclosed",
    "revealed",
    "reveals",
    "admitted",
    "admits",
    "mentioned",
    "mentions",
}
# "X described the talks as constructive": what is said is that the talks were so.
_AS_VERBS = {
    *REPORT_VERBS["describe"],
    *REPORT_VERBS["describe as"],
    *REPORT_VERBS["cite"],
    *PARAPHRASE_VERBS["hail"],
    *PARAPHRASE_VERBS["tout"],
}
_DESCRIBED_AS = re.compile(
    r"((?:(?!\bas\b)[^,;\u2592“\"]){2,120}?)\s+as\s+((?:an?\s+|the\s+)?[^,;]{2,160}?)[.,;]?$"
)
_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has been|have been|had been)\s+quoted\s+as\s+$")
# "Seoul's foreign ministry said", "Japan's top government spokesman said": a body or person
# described through the name of whom it belongs to.
_POSSESSED = re.compile(
    r"(?:^|[,;]\s*)((?:[A-Z][\w.’'-]*\s+){0,3}?[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}?(?:"
    + _REFERENCE_NOUNS
    + r"))(?:\s+(?:also|has|had|have|was|were|\w+ly))*\s*$"
)
# Verbs of voicing that introduce the words themselves, not a claim in plain words.
_DIRECT_ONLY = {
    "chanted",
    "chanting",
    "chants",
    "shouted",
    "shouting",
    "shouts",
    "yelled",
    "yells",
    "exclaimed",
    "posted",  # "posted an image with the caption: “…”"
}
# Speech verbs whose object is the person told ("reminded senators that …").
_PERSON_OBJECT = {
    "reminded",
    "reminds",
    "informed",
    "informs",
    "assured",
    "assures",
    "warned",
    "warns",
    "advised",
    "notified",
    "promised",
    "promises",
    "convinced",
}
_TOLD_THAT = re.compile(r"\s*(?:[\w’'.-]+\s+){1,5}?that\s+")
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can"}
_MODALS = {"should", "might", "may", "must", "shall", "did", "does", "do"}


_SUBORDINATE_TAIL = re.compile(
    r"\s(?:when|while|after|before|because|since|as|if|although|though|where|who|whom|"
    r"whose|which|that|once|until|upon)\s"
)


def _clause_follows(tail: str) -> bool:
    """ "…, said the US policy change paved the way": what follows the verb has a verb of its
    own, so it is the claim, not an inverted subject ("…, said the minister.")."""
    head = re.split(r"[,.;:!?\u2592]", tail, maxsplit=1)[0]
    # "…,” said a WeWork spokesperson when contacted by Reuters": a clause hung on the
    # subject by a conjunction or relative pronoun is not the subject's own verb.
    head = _SUBORDINATE_TAIL.split(head, maxsplit=1)[0]
    words = _WORD.findall(head)
    if not words or words[0].lower() not in {"the", "a", "an", "its", "their", "his", "her"}:
        return False
    # "said the company's recently named chair": a participle after an adverb describes.
    return any(
        w.lower() in _FINITE
        or (w.endswith("ed") and w[:1].islower() and not words[i - 1].lower().endswith("ly"))
        for i, w in enumerate(words)
        if i >= 2
    )


# What "called" names and the quoted words it is called: "called it an “adverse development”".
_CALLED = re.compile(
    r"\s+(it|this|that|the\s+[a-z]+(?:\s+[a-z]+)?)\s+((?:an?|the)\s+)?[“\"]([^”\"]{3,200})[”\"]"
)
# A clause hung on a statement that is about someone else: ", with X warning of …".
_ABSOLUTE = re.compile(r",\s+(?:with|while|whereas)\s|,\s+(?=(?:saying|telling|adding|noting)\b)")
# A second statement hung on the first by a gerund: "X urged Y to …, telling reporters that S".
_GERUND_CLAIM = re.compile(
    r",\s+(saying|telling|adding|noting|arguing|warning|insisting|stressing)\s+(?:(?:reporters|"
    r"journalists|the press|lawmakers|supporters)\s+(?:(?:after|at|in|on)\s+[^,]{1,40}?\s+"
    r"(?=that\b))?)?(?:that\s+)?"
)


# A capitalised name ending an attribution: "according to Wall Street", "from MarketAxess".
_UNKNOWN_NAME = re.compile(
    r"\s*((?:the\s+|The\s+)?[A-Z](?:[\w&’'-]|\.(?=\w))*(?:\s+(?:(?:of|for|and|&|de|la)\s+)?"
    r"[A-Z](?:[\w&’'-]|\.(?=\w))*){0,5})(?=\s*(?:[,;:]|\.?\s*$|\.\s))"
)
# Words that make a name a place's or a body's, not a person's ("Bay Street").
_PLACE_OR_BODY = ORG_WORDS | {"street", "avenue", "road", "square", "hill", "city", "valley"}
_NOT_A_NAME = {*WEEKDAYS, *MONTHS, "i", "we", "he", "she", "it", "they"}
# An anonymous source as news agencies word it: "two people familiar with the matter", "a
# person briefed on the talks", "sources close to the minister", "officials with knowledge
# of the plan" (the head noun, then what places the source near the facts).
_ANONYMOUS_HEAD = re.compile(
    r"\b(people|persons|person|sources?|officials?|individuals?|insiders?)\s+(?:familiar\s+"
    r"with|briefed\s+(?:on|about)|close\s+to|with\s+(?:direct\s+|first-?hand\s+)?knowledge\s+"
    r"of|aware\s+of|involved\s+in|knowledgeable\s+about|privy\s+to|speaking\s+on\s+(?:the\s+)?"
    r"condition\s+of\s+anonymity)",
    re.IGNORECASE,
)
_ANONYMOUS = (
    r"(?:(?:a|an|the|one|two|three|four|five|several|some|multiple|other)\s+)?"
    r"(?:[\w’'&.-]+\s+){0,2}?(people|persons|person|sources?|officials?|individuals?|"
    r"insiders?)\s+(?:familiar\s+with|briefed\s+(?:on|about)|close\s+to|with\s+(?:direct\s+|"
    r"first-?hand\s+)?knowledge\s+of|aware\s+of|involved\s+in|knowledgeable\s+about|"
    r"privy\s+to|speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity)"
    r"(?:\s+[^\s,.;:“”\"\u2592]+){0,6}?"
)
_ANONYMOUS_BEFORE = re.compile(r"(?:^|[,;—]\s*|\band\s+)(" + _ANONYMOUS + r")\s*$", re.IGNORECASE)
_ANONYMOUS_AFTER = re.compile(r"\s*(" + _ANONYMOUS + r")(?=[,.;—]|\s*$)", re.IGNORECASE)
# An unnamed source after "according to": "a local police source", "a Taliban
# representative", "a group representing rural counties in California".
_ACCORDING_TO = re.compile(
    r"\s*((?:a|an|the|one|two|three|several)\s+(?:[\w’'&.-]+\s+){0,3}?(?:(source|official|"
    r"representative|spokesman|spokeswoman|spokesperson|officer|diplomat|aide|insider|"
    r"member|executive|lawyer|witness|resident)|sources|officials|diplomats|witnesses|"
    r"residents|experts|analysts|statement|report|data|figures|survey|poll|"
    r"(?:group|coalition|association|body)\s+representing\s+[^,.;]{3,60}?))(?=[,.;]|\s*$)",
    re.IGNORECASE,
)
# "according to organizers", "according to teachers unions", "according to local media":
# a bare plural (no determiner) that ends the attribution is a group of unnamed sources.
_ACCORDING_BARE = re.compile(
    r"\s*((?:[a-z][\w’'-]*\s+){0,2}?(?:[a-z][\w’'-]*[^s\W’']s|police|media|people))"
    r"(?=\s*(?:[,.;]|$))"
)
# "according to the presidency", "according to the organisers": any one noun phrase with a
# determiner that ends the attribution names a source, unless it names a document or plan.
_ACCORDING_DETERMINED = re.compile(
    r"\s*((?:the|a|an)\s+(?:[\w’'-]+\s+){0,2}?[a-z][\w’'-]*)(?=\s*(?:[,.;]|$))"
)
# "The real estate agent said …": a definite description that opens the sentence and stands
# right before its verb is a speaker, whatever its noun.
_FUNCTION_WORD = (
    r"(?!(?:who|whom|which|that|whose|and|or|but|of|to|in|on|at|for|with|by|from|has|have|"
    r"had|is|are|was|were|will|would|can|could|may|might|must|should|also|not)\b)"
)
_DESCRIBED = re.compile(
    r"((?:The|the|One|one|Another|another|A|An)\s+(?:"
    + _FUNCTION_WORD
    + r"[a-z][\w-]*\s+){0,3}("
    + _FUNCTION_WORD
    + r"[a-z][\w-]*))\s*"
)
_NOT_A_SOURCE = {
    "plan",
    "plans",
    "report",
    "reports",
    "data",
    "document",
    "documents",
    "agreement",
    "deal",
    "law",
    "rules",
    "schedule",
    "terms",
    "contract",
    "study",
    "survey",
    "poll",
    "figures",
    "statement",
    "filing",
    "website",
    "programme",
    "program",
    "budget",
    "proposal",
    "draft",
    "indictment",
    "complaint",
    "lawsuit",
    "charges",
    "charge",
    "records",
    "census",
    "estimates",
    "forecast",
    "tradition",
    "legend",
    "custom",
    "constitution",
    "timetable",
    "order",
}
# What a document says is its issuer's: "according to data from MarketAxess".
_DOCUMENT = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:data|figures|estimates|documents|records|statistics|filings|"
    r"reports?|statements?|polls?|surveys?)(?=\s+(?:(?:issued|released|published)\s+)?"
    r"(?:from|by|of)\s)"
)
_GROUP_HEAD = re.compile(
    r"^((?:[\w’'-]+\s+){0,2}?(?i:"
    + _GROUP_ALTERNATION
    + r"|[a-z][\w-]*[^s\W’']s))\s+(?:of|from|at|in|for|across|with)\s"
)


# A subject that is two actors named before: "Both sides said", "the two leaders agreed".
_PAIR = re.compile(
    r"(?:^|[,;]\s*|\band\s+)((?i:both(?:\s+the)?|the\s+two)\s+(sides|men|women|leaders|presidents|"
    r"ministers|countries|nations|governments|companies|firms|teams|clubs|parties|groups))"
    r"\s+(?:have\s+|had\s+|also\s+|both\s+|then\s+|later\s+|each\s+)*$"
)
_PAIR_KINDS = {
    "men": {"person"},
    "women": {"person"},
    "leaders": {"person"},
    "presidents": {"person"},
    "ministers": {"person"},
    "countries": {"country", "organisation"},
    "nations": {"country", "organisation"},
    "governments": {"country", "organisation"},
    "companies": {"organisation"},
    "firms": {"organisation"},
    "teams": {"organisation"},
    "clubs": {"organisation"},
    "parties": {"organisation", "country", "group"},
    "groups": {"organisation", "group"},
    "sides": {"organisation", "country", "group"},
}


# People of a place or a body: "residents of", "workers at", "supporters of the".
_GROUP_OF = re.compile(
    r"(?:^|(?<=[\s(“\"]))((?i:" + _GROUP_ALTERNATION + r"))\s+(?:of|from|in|at)\s+(?:the\s+)?$"
)


@dataclass
class Span:
    start: int
    end: int  # the closing mark's end (or the paragraph's end when unclosed)
    inner_start: int
    inner_end: int


def quoted_spans(body: str) -> list[Span]:
    """Every quotation in double marks; one left open runs to its paragraph's end. A
    paragraph with no double mark may quote in single ones, as British copy does."""
    spans: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+", body):
        text = paragraph.group()
        base = paragraph.start()
        if not re.search(r"[“”\"]", text):
            spans.extend(_single_quoted(text, base))
            continue
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in "”‘" and _misused_opener(text, i):
                # "”The political dimension …" or "said: ‘We were pleased …”": a closing
                # mark or a single mark typed where a double opening mark belongs.
                j = text.find("”", i + 1)
                if j == -1:
                    spans.append(Span(base + i, paragraph.end(), base + i + 1, paragraph.end()))
                    break
                spans.append(Span(base + i, base + j + 1, base + i + 1, base + j))
                i = j + 1
                continue
            if ch in _OPEN and (ch == "“" or _opens_straight(text, i)):
                j = _closing(text, i)
                if j == -1:
                    spans.append(Span(base + i, paragraph.end(), base + i + 1, paragraph.end()))
                    break
                spans.append(Span(base + i, base + j + 1, base + i + 1, base + j))
                i = j + 1
                continue
            i += 1
    return spans


def _single_quoted(text: str, base: int) -> list[Span]:
    """ "‘It took ten years,’ she said.", "called it ‘a disgrace’.": quotations in single
    marks, told from apostrophes ("don’t", "the players’ pay") by what stands around the
    closing mark; one left open runs to the paragraph's end only when it opens it."""
    spans: list[Span] = []
    i = 0
    while True:
        i = text.find("‘", i)
        if i == -1:
            return spans
        before = text[i - 1] if i else " "
        if not (before.isspace() or before in "([—–-:") or i + 1 >= len(text):
            i += 1
            continue
        if not (text[i + 1].isalnum() or text[i + 1] in "…["):
            i += 1
            continue
        j = i + 1
        close = -1
        while (j := text.find("’", j)) != -1:
            after = text[j + 1 : j + 3]
            if after[:1].isalnum():
                j += 1  # "don’t", "Biden’s": an apostrophe inside a word
                continue
            if text[j - 1] == "s" and re.match(r"\s[a-z]", after):
                j += 1  # "the players’ pay": a plural's possessive
                continue
            close = j
            break
        if close == -1:
            if text[:i].strip():
                i += 1
                continue
            spans.append(Span(base + i, base + len(text), base + i + 1, base + len(text)))
            return spans
        spans.append(Span(base + i, base + close + 1, base + i + 1, base + close))
        i = close + 1


def _closing(text: str, i: int) -> int:
    """Where the quotation opened at `i` closes (-1 if it runs on). Mixed marks close it
    too: a straight mark closed by a curly one ("…?” said Hill), and a curly opening mark
    typed for the closing one after the quotation's last word (“… to win,“ he said)."""
    if text[i] == '"':
        ends = [e for e in (text.find('"', i + 1), text.find("”", i + 1)) if e != -1]
        return min(ends, default=-1)
    j = text.find("”", i + 1)
    misused = re.compile(r"(?<=[\w.,!?;…])“(?=\s|$)").search(text, i + 1)
    if misused is not None and (j == -1 or misused.start() < j):
        return misused.start()
    if j == -1:
        return text.find('"', i + 1)
    return j


def _misused_opener(text: str, i: int) -> bool:
    """A ” that opens its paragraph before a word, or a ‘ after a colon that no ’ closes
    before a ” does: typed for “ (wire copy, some African and Asian outlets)."""
    if i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    if text[i] == "”":
        return not text[:i].strip() and "“" not in text[i + 1 :]
    if not re.search(r":\s*$", text[:i]):
        return False
    close = text.find("”", i + 1)
    if close == -1:
        return False
    return re.search(r"’(?=[\s,.;:!?]|$)", text[i + 1 : close]) is None


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isalnum()


def _outside(sentence: Sentence, spans: list[Span]) -> str:
    """The sentence with its quoted words blanked (same length), to read the attribution."""
    chars = list(sentence.text)
    for span in spans:
        for pos in range(max(span.start, sentence.start), min(span.end, sentence.end)):
            chars[pos - sentence.start] = "\u2592"
    return "".join(chars)


_ORGANISATION_NOUNS = {
    "presidency",
    "secretariat",
    "commission",
    "committee",
    "department",
    "office",
    "military",
    "army",
    "police",
    "ministry",
    "government",
    "company",
    "firm",
    "club",
    "team",
    "agency",
    "embassy",
    "administration",
    "board",
    "union",
    "court",
    "council",
    "command",
    "party",
    "airline",
    "carrier",
    "bank",
    "newspaper",
    "broadcaster",
    "authorities",
}


def _plural_noun(word: str) -> bool:
    word = word.lower()
    if word in ("people", "police"):
        return word == "people"
    return word.endswith("s") and not word.endswith(("ss", "us", "ics"))


# "…, and he noted that …": a second claim of the same speaker (kept only with its own verb).
_STATEMENT_BOUNDARY = re.compile(
    r";|,?\s+(?=(?:while|whereas|but)\s)|,\s+(?=and\s+(?:he|she|they)\s)"
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:in a statement|in an interview|on \w+\.?(?: \d{1,2})?|last \w+|this \w+|"
    r"late on \w+|earlier|later|on Twitter|on X|yesterday|today|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:at|in) (?:the |a )?(?-i:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)|at a [a-z]+ conference|"
    # "on a call with analysts", "in a post on X", "during a visit to Kyiv".
    r"(?:on|in|at|during) (?:a|an|the|his|her|its|their) (?:[\w-]+ ){0,3}?(?:call|interview|"
    r"statement|conference|briefing|speech|post|video|meeting|event|rally|summit|hearing|"
    r"broadcast|podcast|visit|trip|address|email|e-mail|letter|memo|note|message|filing|"
    r"release|tweet|column|newsletter|op-ed)(?: (?:with|to|on|in|at|outside|near|for|of|"
    r"before) [\w’' -]{1,40}?){0,2}"
    # "in an email to staff that was reviewed by Reuters".
    r"(?: (?:that|which) (?:was|were) (?:seen|reviewed|obtained) by [\w’' -]{1,40}?)?|"
    # "as he welcomed the pair", "as she left the court".
    r"(?:as|when|while) (?:he|she|they|it|we) [a-z]+ed(?: [\w’'-]+){0,5}|"
    # "after Yoon’s address", "after the match", "before the vote".
    r"(?:after|before|during|following) (?:the |a |his |her |their |its |"
    r"(?-i:[A-Z][\w’'-]*)(?:’s|'s) )?[\w-]+(?: [\w-]+)?))+\s*$",
    re.IGNORECASE,
)
# A person named by their age: "The 56-year-old said", "the 35-year-old striker added".
_AGED = re.compile(r"(?:^|(?<=[\s,;—]))((?:the|The)\s+(\d{1,3})-year-old(?:\s+[a-z]+)?)\s*")
_SAY_VERBS = {"said", "says", "say", "added", "adds", "noted", "stated", "remarked", "declared"}
_TIME_ONLY = re.compile(
    r"(?:(?:a few|a couple of|several|two|three|four|five|\d+)\s+(?:days|weeks|months|years|"
    r"hours)\s+ago|(?:last|this|earlier this|later this|next)\s+(?:week|month|year|morning|"
    r"afternoon|evening|night)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|yesterday|today|tonight|recently|earlier|later|then|"
    # "said after his appointment: “…”", "told reporters at the event, “…”".
    r"(?:after|before|during|following|at|in|on)\s+(?:the|his|her|their|its|a|an)\s+"
    r"[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
_FILLER = {
    "on",
    "in",
    "at",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "last",
    "this",
    "week",
    "month",
    "year",
    "earlier",
    "later",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "oct",
    "nov",
    "dec",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "also",
    "and",
    "told",
    "reporters",
    "journalists",
    "that",
    "he",
    "she",
    "they",
    "it",
}


class QuoteFinder:
    def __init__(self, body: str, sentences: list[Sentence], finder: ActorFinder) -> None:
        self.body = body
        self.sentences = sentences
        self.finder = finder
        self.spans = quoted_spans(body)
        self.quotes: list[DraftQuote] = []
        self.last_speaker: dict[int, DraftActor] = {}  # paragraph → its last speaker
        self.sentence_speaker: dict[int, DraftActor] = {}

    # -- speakers ------------------------------------------------------------------------

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        return sorted(
            (m for m in self.finder.mentions if m.start >= start and m.end <= end and m.actor),
            key=lambda m: m.start,
        )

    def _speaker_near(
        self, sentence: Sentence, outside: str, verb_start: int, verb_end: int
    ) -> tuple[DraftActor | None, str | None, int, int]:
        """The speaker of the verb at [verb_start, verb_end) of `outside` (sentence offsets).

        Returns the actor, a guess (or None), and the extent of the subject in the sentence.
        """
        text = outside
        quoted = _QUOTED_AS.search(text[:verb_start])
        if quoted is not None:
            # "Cho was quoted as saying …": the subject of "was quoted" said it.
            found = self._preceding(sentence, text[: quoted.start()])
            if found[0] is not None:
                return found
        relative = _RELATIVE.search(text[:verb_start])
        if relative is not None:
            # "the source, who said he had spoken to people inside, told Reuters": the
            # relative clause speaks for the noun phrase it hangs on.
            found = self._preceding(sentence, text[: relative.start()])
            if found[0] is not None:
                return found
        progressive = re.search(r"\b(?:is|are|was|were|been|be)\s+$", text[:verb_start])
        if text[verb_start:verb_end].lower().endswith("ing") and not progressive:
            # "…, with Safadi warning of …": a gerund speaks for the name right before it;
            # "Pompeo said …, saying he trusted …" is the finite verb's speaker.
            base = sentence.start + verb_start
            before = self._mentions_in(sentence.start, base)
            for mention in before:
                if (
                    not self.body[mention.end : base].strip()
                    and not self._possessive(mention)
                    # "posted on Twitter accusing …": a place of speech is not its speaker.
                    and not re.search(
                        r"\b(?:on|in|at|to|from|with|for|by|of|about|via)\s+(?:the\s+)?$",
                        self.body[sentence.start : mention.start],
                    )
                ):
                    return self._widen(mention, sentence)
            if text[:verb_start].rstrip().endswith((",", "—")):
                # "Yoon apologized for his actions …, saying they …": the main clause's
                # subject, the first name of the sentence.
                for mention in before:
                    lead = self.body[sentence.start : mention.start]
                    if self._possessive(mention) or not re.fullmatch(
                        r"[^,]*,\s*(?:the\s+)?|(?:the\s+|The\s+)?", lead
                    ):
                        continue
                    return self._widen(mention, sentence)
            # "Swift posted on Twitter accusing Big Machine of …": a gerund hung on a verb of
            # saying in the same clause speaks for that verb's subject.
            earlier = [
                m
                for m in _VERB.finditer(text[:verb_start])
                if not re.search(r"[,;:\u2592]", text[m.end() : verb_start])
                and verb_start - m.end() <= 40
                and not m.group(1).lower().endswith("ing")
            ]
            if earlier:
                found = self._speaker_near(
                    sentence, outside, earlier[-1].start(), earlier[-1].end()
                )
                if found[0] is not None:
                    return found
            return None, None, verb_start, verb_end
        # "X, however, said he was …": a subject before and a clause after is not inverted.
        after_words = _WORD.findall(text[verb_end:])
        if after_words and after_words[0].lower() in {
            "he",
            "she",
            "it",
            "they",
            "that",
            "we",
            "i",
            "the",
            "its",
            "his",
            "her",
            "their",
        }:
            found = self._preceding(sentence, text[:verb_start])
            if found[0] is not None:
                return found
        # "Han Dong-hoon, the leader of the PPP, urged Yoon to …": a name and its apposition
        # before the verb are its subject, whatever follows.
        apposed = self._apposed_subject(sentence, text[:verb_start])
        if apposed is not None:
            return apposed
        # Inverted: "…, said X" / "…,” said X" — the subject follows.
        before_verb = text[:verb_start].rstrip()
        told = text[verb_start:verb_end].lower() in {"told", "tells", "tell", "telling"}
        if (
            (not before_verb or before_verb.endswith((",", "\u2592", "—", ":")))
            and not _clause_follows(text[verb_end:])
            and not told  # "…, the source told Reuters": what follows "told" is its object
        ):
            after_start = verb_end
            tail = text[after_start:]
            found = self._subject_at(sentence, after_start, tail, following=True)
            following = _WORD.findall(text[found[3] :])[:1]
            if found[0] is not None and not (
                # "…, said Ruto had won": the name is the claim's subject, not the speaker's.
                following
                and (
                    following[0].lower() in _FINITE | _MODALS
                    or (following[0].endswith("ed") and following[0][:1].islower())
                )
            ):
                return found
        return (
            self._preceding(sentence, text[:verb_start])
            if verb_start
            else (
                None,
                None,
                verb_start,
                verb_end,
            )
        )

    def _preceding(
        self, sentence: Sentence, region: str
    ) -> tuple[DraftActor | None, str | None, int, int]:
        """The subject of a verb that follows `region` (an aside or apposition allowed)."""
        verb_start = verb_end = len(region)
        for _ in range(3):
            found = self._subject_at(sentence, 0, region, following=False)
            if found[0] is not None:
                return found
            # "the source, who said he had spoken to people inside the compound, told":
            # step back over one comma-delimited aside and try again.
            aside = re.search(r",[^,\u2592]{1,160},\s*$", region)
            if aside is None:
                break
            named = self._named_in_aside(sentence, aside.start(), aside.end(), region)
            if named is not None:
                return named
            region = region[: aside.start()]
        return None, None, verb_start, verb_end

    def _subject_at(
        self, sentence: Sentence, offset: int, region: str, *, following: bool
    ) -> tuple[DraftActor | None, str | None, int, int]:
        base = sentence.start + offset
        mentions = self._mentions_in(base, base + len(region))
        if following:
            # The first mention after the verb, if nothing but a determiner stands between.
            reference = re.match(r"\s*" + _REFERENCE.pattern, region, re.IGNORECASE)
            for mention in mentions:
                gap = self.body[base : mention.start]
                if len(gap) > 40 or re.search(r"[,.;:\u2592]", gap):
                    break
                if re.search(r"(?<!the\s)\b(?:he|she|they|it|we|i|that)\b", gap, re.IGNORECASE):
                    break  # "said he trusted the Israeli courts": a clause, not a subject
                if re.search(r"\b(?:on|in|at|to|from|with|for|by|about|into)\b", gap):
                    break  # "wrote on Twitter": a place of speech, not the speaker
                if reference and base + reference.end(1) > mention.end:
                    break  # "said a Japanese government spokesperson": the whole phrase
                if self._possessive(mention):
                    # "said Japan's top government spokesman, Yoshimasa Hayashi".
                    tail = self.body[mention.end : base + len(region)]
                    # "said the company's recently named executive chair Marcelo Claure":
                    # a role in lower case right before the name needs no comma.
                    named = re.match(r"[’']s?\s+[^,.;\u2592]{1,80},\s*", tail) or re.match(
                        r"[’']s?\s+(?:[a-z][\w-]*\s+){1,5}(?=[A-Z])", tail
                    )
                    if named:
                        later = [
                            m
                            for m in mentions
                            if m.start == mention.end + named.end()
                            and m.actor is not None
                            and m.actor.kind == "person"
                        ]
                        if later:
                            return self._widen(later[0], sentence)
                    break
                if re.match(r"(?:a|an|the|another|one)\s", mention.text, re.IGNORECASE):
                    found = self._named_after(sentence, mention.end, mentions)
                    if found is not None:
                        return found
                return self._widen(mention, sentence)
            pronoun = re.match(r"\s*(he|she|they)\b", region, re.IGNORECASE)
            if pronoun:
                actor = reference_at(
                    self.finder.actors, self.finder.mentions, base, pronoun[1], sentence.start
                )
                if actor is not None:
                    # Its extent, so that "…, says she will be …" reads "she" as the clause's
                    # subject (a verb follows it), not as an inverted speaker.
                    return (
                        actor,
                        f'speaker "{pronoun[1]}" read as {actor.name}',
                        offset + pronoun.start(1),
                        offset + pronoun.end(1),
                    )
            reference = _ANONYMOUS_AFTER.match(region) or re.match(
                r"\s*" + _REFERENCE.pattern, region, re.IGNORECASE
            )
            if reference:
                found = self._named_after(sentence, base + reference.end(1), mentions)
                if found is not None:
                    return found
                return self._by_reference(
                    sentence,
                    base + reference.start(1),
                    reference.group(1),
                    offset + reference.start(1),
                )
            return None, None, 0, 0
        anonymous = _ANONYMOUS_BEFORE.search(region)
        if anonymous is not None:
            # "Officials close to the Taliban said": the sources, not the body they are near.
            return self._by_reference(
                sentence,
                base + anonymous.start(1),
                anonymous.group(1),
                offset + anonymous.start(1),
            )
        # "S, Josep Borrell, the High Representative of the EU for … announced.": a name set
        # off after the claim, its apposition left open before the verb that ends the sentence.
        after = self.body[base + len(region) : sentence.end]
        if re.fullmatch(r"\s*[\w’'-]+(?:\s+(?:on\s+)?[A-Z]?[a-z]+)?\s*[.!?]?[”\"’]*\s*", after):
            for mention in mentions:
                if self._possessive(mention):
                    continue
                gap = self.body[mention.end : base + len(region)]
                lead = self.body[sentence.start : mention.start]
                if re.search(r",\s*$", lead) and re.fullmatch(
                    r"\s*,\s*(?:the|a|an|his|her|its|their)\s+[^\u2592,.;:!?]{2,160}?\s*", gap
                ):
                    return self._widen(mention, sentence)
        # "…, a Dawn news report said": the outlet or body whose report or statement it is.
        for mention in reversed(mentions):
            gap = self.body[mention.end : base + len(region)]
            if re.fullmatch(
                r"(?:[’']s)?\s+(?:[a-z]+\s+)?(?:report|statement|article|editorial|bulletin|"
                r"broadcast|release|notice|filing|letter|readout|communiqué|survey|study)\s*",
                gap,
            ) and re.search(
                r"(?:^|[,;]\s*)(?:a|an|the|The|A|An)?\s*$", self.body[base : mention.start]
            ):
                return self._widen(mention, sentence)
            break
        # Preceding: the mention just before the verb ("Hayashi said", "Hayashi also said");
        # of two ending together ("Nikkei", "the Nikkei business daily") the longer.
        for mention in sorted(mentions, key=lambda m: (m.end, -m.start), reverse=True):
            gap = self.body[mention.end : base + len(region)]
            if re.fullmatch(
                r"\)?(?:\s+(?:"
                + _ORG_NOUN_ALTERNATION
                + r"))?[\s\-–—]*(?:,\s*(?:however|meanwhile|though|too|in turn|for (?:his|her|its|their) "
                r"part),\s*)?(?:(?:also|then|later|further|earlier|meanwhile|had|has|have|was|"
                r"were|is|are|been|\w+ly|would|will|on \w+|in \w+|last \w+|this \w+|,? ?who|"
                r"himself|herself|themselves|itself)\s*)*",
                gap,
            ) and not self._possessive(mention):
                owner = self._of_place(mention, mentions)
                if owner is not None:
                    return self._widen(owner, sentence)
                agent = self._agent_of(mention, sentence)
                if agent is not None:
                    return agent
                return self._widen(mention, sentence)
            break
        # "…, and he noted that": a pronoun right before the verb is its subject.
        # "He has always denied", "she had repeatedly said": auxiliaries and adverbs between.
        pronoun = re.search(
            r"\b(he|she|they|it)\s+(?:(?:also|later|then|has|have|had|always|never|\w+ly)\s+)*$",
            region,
            re.I,
        )
        if pronoun:
            actor = self._pronoun_speaker(sentence, base + pronoun.start(), pronoun[1])
            if actor is not None:
                return (
                    actor,
                    f'speaker "{pronoun[1]}" read as {actor.name}',
                    offset + pronoun.start(),
                    offset + pronoun.end(),
                )
        coordinated = self._coordinated_subject(sentence, offset, region)
        if coordinated is not None:
            return coordinated
        # "Nathaniel Pieper, senior vice president of fleet, finances and alliances, said":
        # the first name of the clause, followed by an apposition up to the verb.
        clause_start = max(region.rfind("\u2592") + 1, 0)
        for mention in mentions:
            if mention.start < base + clause_start or self._possessive(mention):
                continue
            gap = self.body[mention.end : base + len(region)]
            if re.fullmatch(r"\s*,\s*[^\u2592.;:!?]{2,200},\s*", gap) and re.match(
                r"\s*,\s*(?:the|a|an|his|her|its|their|who|[a-z])", gap
            ):
                # "X, who fled …, the source, who said …, told": a later part that is a
                # description of its own ("the source") is the subject, not X's apposition.
                parts = gap.strip(" ,").split(",")[1:]
                if any(
                    re.fullmatch(r"\s*" + _REFERENCE.pattern + r"\s*", part, re.IGNORECASE)
                    for part in parts
                ):
                    continue
                return self._widen(mention, sentence)
        aged = _AGED.search(region)
        if aged is not None and re.match(r"\s*$", region[aged.end() :]):
            actor = self._aged(base + aged.start(1), aged.group(2))
            if actor is not None:
                return (
                    actor,
                    f'speaker "{aged.group(1)}" read as {actor.name}',
                    offset + aged.start(1),
                    offset + aged.end(1),
                )
        possessed = _POSSESSED.search(region)
        if possessed is not None:
            return self._possessed(sentence, base + possessed.start(1), possessed.group(1), offset)
        described = _DESCRIBED.fullmatch(region)
        opening = self.body[:base].rstrip()[-1:]
        if described is not None and (
            described.group(2).lower() in _NOT_A_SOURCE
            or opening not in ("", ".", "!", "?", "”", '"')
        ):
            described = None  # only a description that opens a sentence of the body
        reference = (
            # "The minister also noted", "the company has repeatedly said".
            re.search(
                _REFERENCE.pattern + r"(?:\s+(?:also|then|later|further|has|have|had|\w+ly))*\s*$",
                region,
                re.IGNORECASE,
            )
            or re.search(_BARE_GROUP, region)
            or re.search(_BARE_PLURAL, region)
            or described
        )
        if reference:
            return self._by_reference(
                sentence,
                base + reference.start(1),
                reference.group(1),
                offset + reference.start(1),
            )
        return None, None, 0, 0

    def _named_after(
        self, sentence: Sentence, position: int, mentions: list[Mention]
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """ "…, said another witness in the probe, former adviser Fiona Hill.": a description
        after the verb, then a comma and a person's name (a role before it) that ends the
        clause: the person is the speaker, the description their apposition."""
        for mention in mentions:
            if mention.start < position:
                continue
            actor = mention.actor
            gap = self.body[position : mention.start]
            if actor is None or actor.kind != "person" or self._possessive(mention):
                continue  # "…, former White House adviser": a body inside the role
            if not re.fullmatch(
                r"[^,.;:!?\u2592“”\"]{0,80},\s*(?:[\w’'.&-]+\s+){0,6}", gap
            ) or re.search(r"\b(?:who|which|that|and|or)\b", gap):
                return None
            after = self.body[mention.end : sentence.end]
            if not re.match(r"\s*(?:[,.;:!?]|$|(?:in|on|at|during|after|before|when)\b)", after):
                return None
            return self._widen(mention, sentence)
        return None

    def _possessed(
        self, sentence: Sentence, position: int, phrase: str, offset: int
    ) -> tuple[DraftActor | None, str | None, int, int]:
        """ "Seoul's foreign ministry": an actor of its own, a member of its possessor; the
        same description said again is the same actor."""
        name = phrase[:1].upper() + phrase[1:]
        actor = self.finder.by_key.get(normalise(name))
        if actor is None:
            head = phrase.split()[-1].lower()
            kind = "group" if _plural_noun(head) else "person"
            if head in _ORGANISATION_NOUNS:
                kind = "organisation"
            actor = self.finder.new_actor(name, kind, f"unnamed speaker kept as a {kind}")
            owners = self._mentions_in(position, position + len(phrase))
            if owners and owners[0].actor is not None and owners[0].actor is not actor:
                actor.member_of.append(owners[0].actor)
        self.finder.mention(actor, position, position + len(phrase), sentence.index)
        start = position - sentence.start
        return actor, None, start, start + len(phrase)

    def _coordinated_subject(
        self, sentence: Sentence, offset: int, region: str
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """ "It did not reveal the location and said …", "Esper met Phuc and said …": the
        subject that opens the sentence is the subject of the verbs joined to its own."""
        # "… and has accused Beijing of …": an auxiliary may stand between "and" and the verb.
        joined = r"\s(?:and|but)\s+(?:(?:also|then|later|has|have|had|would|will|\w+ly)\s+)*$"
        if offset or not re.search(joined, region):
            return None
        head = re.sub(joined, "", region)
        if re.search(r"[;:\u2592]", head) or len(head) > 160:
            return None
        pronoun = re.match(r"\s*(He|She|They|It)\s+[a-z]", head)
        if pronoun is not None:
            actor = self._pronoun_speaker(sentence, sentence.start, pronoun.group(1))
            if actor is None:
                return None
            return actor, f'speaker "{pronoun.group(1)}" read as {actor.name}', 0, pronoun.end(1)
        mentions = self._mentions_in(sentence.start, sentence.start + len(head))
        if not mentions or mentions[0].actor is None or self._possessive(mentions[0]):
            return None
        first = mentions[0]
        lead = self.body[sentence.start : first.start]
        after = self.body[first.end : sentence.start + len(head)]
        # "Speaking at the press conference, Cooper heaped praise on Goa and said …": an
        # opening phrase set off by a comma may stand before the subject.
        if not re.fullmatch(
            r"(?:[A-Z][^,;:\u2592]{0,100},\s*(?:[a-z]+\s+){0,2})?(?:The\s+|the\s+)?", lead
        ) or not re.match(
            r"\s+(?:also\s+|\w+ly\s+)?(?:[a-z]+ed|did|does|has|had|was|is|met|made|took|gave|"
            r"went|spoke|held|left|came|won|lost|saw|told|kept)\b",
            after,
        ):
            return None
        return self._widen(first, sentence)

    def _aged(self, position: int, age: str) -> DraftActor | None:
        """Who "the 56-year-old" is: the person given that age earlier ("Mourinho, 56,"),
        else the person last named before."""
        for mention in reversed(self._mentions_in(0, position)):
            actor = mention.actor
            if actor is not None and actor.kind == "person":
                after = self.body[mention.end : mention.end + 8]
                if re.match(r"\s*(?:,\s*|\()" + age + r"\b", after):
                    return actor
        return reference_at(self.finder.actors, self.finder.mentions, position, "he")

    def _named_in_aside(
        self, sentence: Sentence, start: int, end: int, region: str
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """ "Its executive director, Angela Brooks, said": a person's name set off by commas
        after a description is the apposition's subject, the description its role."""
        inner = region[start:end].strip(" ,")
        # "The group that owns most of her music, Big Machine, says": a description that opens
        # the sentence, then the name it describes (of any kind).
        opening = re.fullmatch(r"(?:The|A|An)\s+[a-z][^,\u2592]{2,100}", region[:start]) is not None
        # "At the ceremony, a lawyer in attendance, Shannon Kilpatrick, tweeted": a
        # description in lower-case words set off before the person's name.
        described = re.search(
            r"(?:^|,\s*)(?:a|an|the|another)\s+(?:[a-z][\w-]*\s+){0,5}[a-z][\w-]*\s*$",
            region[:start],
        )
        # "Chief Executive Officer (Acting) of the Authority, Gary Scott, added": a remark in
        # brackets inside the role leaves it a role.
        role = re.sub(r"\s*\([^()]{1,30}\)", "", region[:start])
        if (
            not described
            and not re.search(_REFERENCE.pattern + r"\s*$", role, re.IGNORECASE)
            and not (_ROLE_BEFORE.search(role))
            and portfolio_ending(role) is None
            and not opening
        ):
            return None
        for mention in self._mentions_in(sentence.start + start, sentence.start + end):
            courtesy = (
                inner[: len(inner) - len(mention.text)] if inner.endswith(mention.text) else ""
            )
            if (
                (
                    mention.text == inner
                    # "Senator the Hon. Aubyn Hill": courtesy titles before the name.
                    or re.fullmatch(r"(?:(?:Senator|Sen\.|the|Hon\.|Dr\.?|Rt\.?)\s+)+", courtesy)
                )
                and mention.actor is not None
                and (mention.actor.kind == "person" or opening)
            ):
                return self._widen(mention, sentence)
        return None

    def _apposed_subject(
        self, sentence: Sentence, region: str
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """The sentence's first name when all that stands before the verb is that name and
        one apposition: "Han Dong-hoon, the leader of the PPP, urged …"."""
        mentions = self._mentions_in(sentence.start, sentence.start + len(region))
        if not mentions:
            return None
        first = mentions[0]
        lead = self.body[sentence.start : first.start]
        # "Cmdr. Sean Robertson, a spokesperson for …": a title's abbreviation may lead.
        if not re.fullmatch(r"(?:The\s+|(?:[A-Z][a-z]{1,5}\.\s+)+)?", lead) or self._possessive(
            first
        ):
            return None
        gap = self.body[first.end : sentence.start + len(region)]
        # "James Kennedy Jr., the U.S. Attorney for …, said": a name may end in an
        # abbreviation's full stop (Jr., Sr., Inc., Ltd.) before its apposition.
        gap = re.sub(r"^\.(?=\s*,)", "", gap)
        one = r"\s*,\s*[^\u2592;:!?,]{2,120}(?:\([^()]{1,30}\))?"
        if not re.fullmatch(one + r",\s*", gap) and not (
            # "Omar Lamrani, a senior analyst at Stratfor, the Texas-based intelligence firm,
            # told": a person's apposition whose body has one of its own.
            first.actor is not None
            and first.actor.kind == "person"
            and re.fullmatch(one + r",\s*(?:the|a|an)\s+[^\u2592;:!?,]{2,120},\s*", gap)
        ):
            return None
        if re.search(r"\.(?!\w)(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)", gap):
            return None  # a full stop that is not an abbreviation's ends the clause
        if not re.match(r"\s*,\s*(?:the|a|an|his|her|its|their|[a-z]|[A-Z][\w’'.&-]*[’']s\b)", gap):
            return None
        return self._widen(first, sentence)

    def _pronoun_speaker(
        self, sentence: Sentence, position: int, pronoun: str
    ) -> DraftActor | None:
        """Who a pronoun subject of a speech verb is: "they" continues the last plural
        speaker of the sentences just before ("Obama administration officials said … They
        said …"); otherwise the last fitting name before it."""
        if pronoun.lower() == "they":
            for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
                previous = self.sentence_speaker.get(index)
                if previous is not None and previous.kind in ("group", "organisation"):
                    return previous
        if pronoun.lower() in ("he", "she"):
            previous = self._previous_speaker(sentence, position, pronoun)
            if previous is not None:
                return previous
        return reference_at(
            self.finder.actors, self._unquoted_mentions(), position, pronoun, sentence.start
        )

    def _previous_speaker(
        self, sentence: Sentence, position: int, pronoun: str
    ) -> DraftActor | None:
        """ "The chief justice said … . The traffic was disturbed, he said.": a "he" or "she"
        speaking right after a sentence with a speaker goes on with that speaker, the subject
        of the sentence before (centering), even when it was named by a description or
        another person was named in passing since; not when a fitting person is named in
        this sentence before the pronoun."""
        if sentence.index == 0:
            return None
        previous = self.sentence_speaker.get(sentence.index - 1)
        if previous is None or previous.kind != "person":
            return None
        if not names.fits_pronoun(previous.name, pronoun):
            return None
        whole = self.sentences[sentence.index]  # a clause's sentence, from its start
        for mention in self._mentions_in(whole.start, position):
            actor = mention.actor
            if actor is not None and actor.kind == "person" and actor is not previous:
                return None
        return previous

    def _unquoted_mentions(self) -> list[Mention]:
        """The mentions outside quotation marks: a name inside a quotation is what the speaker
        talks of, so no pronoun of the attribution ("“… Netflix special,” they said") means it."""
        return [
            m
            for m in self.finder.mentions
            if not any(
                span.inner_start <= m.start and m.end <= span.inner_end for span in self.spans
            )
        ]

    def _of_place(self, mention: Mention, mentions: list[Mention]) -> Mention | None:
        """ "Sen. Mike Braun of Indiana agreed": the person, not the place they are of."""
        for previous in mentions:
            if previous.end <= mention.start and previous.actor is not mention.actor:
                gap = self.body[previous.end : mention.start]
                if (
                    re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", gap)
                    and previous.actor is not None
                    and previous.actor.kind == "person"
                ):
                    return previous
        return None

    def _agent_of(
        self, mention: Mention, sentence: Sentence
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """ "A spokesperson for the British Foreign Office said": the spokesperson, a person
        of that organisation, is the speaker."""
        before = self.body[max(sentence.start, mention.start - 60) : mention.start]
        match = _AGENT_FOR.search(before)
        if match is None or mention.actor is None:
            return None
        noun = match.group(2).lower()
        name = f"{mention.actor.name} {noun}"
        actor = self.finder.by_key.get(normalise(name))
        start = mention.start - len(before) + match.start(1)
        if actor is None:
            actor = self.finder.new_actor(name, "person", "unnamed speaker kept as a person")
            actor.member_of.append(mention.actor)
        self.finder.mention(actor, start, mention.end, sentence.index)
        return actor, None, start - sentence.start, mention.end - sentence.start

    def _possessive(self, mention: Mention) -> bool:
        return self.body[mention.end : mention.end + 2] in ("’s", "'s") or self.body[
            mention.end : mention.end + 1
        ] in ("’", "'")

    def _widen(
        self, mention: Mention, sentence: Sentence
    ) -> tuple[DraftActor | None, str | None, int, int]:
        group = self._group_of(mention, sentence)
        if group is not None:
            return group
        return (
            mention.actor,
            None,
            mention.start - sentence.start,
            mention.end - sentence.start,
        )

    def _issuer(self, sentence: Sentence, position: int) -> tuple[DraftActor, int] | None:
        """The actor named after a statement or report ("… from the lender", "… by the
        ministry", "… issued by Acme"), and where its name ends in the sentence."""
        tail = self.body[position : sentence.end]
        by = re.match(r"\s+(?:(?:issued|released|published)\s+)?(?:from|by|of)\s+", tail)
        if by is None:
            return None
        start = position + by.end()
        for mention in self._mentions_in(start, sentence.end):
            if self.body[start : mention.start] in ("", "the ", "The "):
                return mention.actor, mention.end - sentence.start  # type: ignore[return-value]
            break
        unknown = self._unknown_name(sentence, start, self._mentions_in(start, sentence.end))
        if unknown is not None:
            return unknown  # "according to data from MarketAxess"
        reference = re.match(
            r"((?:the|its|their)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?)(?=[,.;]|\s*$)",
            self.body[start : sentence.end],
            re.IGNORECASE,
        )
        if reference is None:
            return None
        actor = reference_at(self.finder.actors, self.finder.mentions, start, reference.group(1))
        if actor is None:
            return None
        self.finder.mention(actor, start, start + len(reference.group(1)), sentence.index)
        return actor, start + len(reference.group(1)) - sentence.start

    def _unknown_name(
        self, sentence: Sentence, position: int, mentions: list[Mention]
    ) -> tuple[DraftActor, int] | None:
        """ "according to Wall Street", "data from MarketAxess": a capitalised name that ends
        the attribution and that no rule took for an actor is the source all the same, a
        person when it opens with a given name, else an organisation."""
        found = _UNKNOWN_NAME.match(self.body, position, sentence.end)
        if found is None:
            return None
        start, end = found.span(1)
        if any(m.start < end and m.end > start for m in mentions):
            return None  # a name the rules know (or part of one) is read as they read it
        name = re.sub(r"^(?:the|The)\s+", "", found.group(1))
        words = name.split()
        if not words or all(w.lower().strip(".") in _NOT_A_NAME for w in words):
            return None
        actor = self.finder.by_key.get(normalise(name))
        if actor is None:
            person = (
                len(words) in (2, 3)
                and names.given(words[0])
                and not any(w.lower().strip(".") in _PLACE_OR_BODY for w in words)
            )
            kind = "person" if person else "organisation"
            actor = self.finder.new_actor(name, kind, f"kind inferred: {kind}, a name as a source")
        self.finder.mention(actor, start, end, sentence.index)
        return actor, end - sentence.start

    def _group_of(
        self, mention: Mention, sentence: Sentence
    ) -> tuple[DraftActor | None, str | None, int, int] | None:
        """ "Residents of Mathare, a Nairobi slum, said": the people of the place or body
        named, not the place, are the speakers."""
        if mention.actor is None or mention.actor.kind == "person":
            return None
        before = self.body[max(sentence.start, mention.start - 60) : mention.start]
        found = _GROUP_OF.search(before)
        if found is None:
            return None
        start = mention.start - len(before) + found.start(1)
        phrase = self.body[start : mention.end]
        name = phrase[:1].upper() + phrase[1:]
        actor = self.finder.by_key.get(normalise(name))
        if actor is None:
            actor = self.finder.new_actor(name, "group", "unnamed speakers kept as a group")
        self.finder.mention(actor, start, mention.end, sentence.index)
        return actor, None, start - sentence.start, mention.end - sentence.start

    def _by_reference(
        self, sentence: Sentence, position: int, phrase: str, offset: int
    ) -> tuple[DraftActor | None, str | None, int, int]:
        """The actor a description names: one seen before ("the minister"), a named person
        with that role ("a government spokesperson"), or a new unnamed one ("a source")."""
        if phrase.lower().endswith("statement"):
            # "…,” said an official statement from the Ministry of Mines": its issuer.
            issued = self._issuer(sentence, position + len(phrase))
            if issued is not None:
                return issued[0], None, offset, issued[1]
            if phrase.split()[0].lower() in ("the", "its", "their"):
                # "“…,” read the statement": the statement spoken of just before, the last
                # speaker of the sentences before this one.
                for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
                    previous = self.sentence_speaker.get(index)
                    if previous is not None:
                        return previous, f'"{phrase}" read as {previous.name}’s', offset, offset
            return None, None, 0, 0
        words = phrase.split()
        determiner = words[0].lower()
        rest = " ".join(words[1:])
        if determiner not in {"a", "an", "the", "this", "that", "his", "her", "its", "their"}:
            determiner, rest = "", phrase
        actor = None
        if determiner in {"his", "her", "its", "their"}:
            owner = reference_at(self.finder.actors, self.finder.mentions, position, determiner)
            name = f"{owner.name}’s {rest}" if owner is not None else rest
        elif _ANONYMOUS_HEAD.search(phrase):
            name = rest  # an anonymous source is nobody named before
        else:
            if determiner not in {"a", "an"}:
                actor = reference_at(self.finder.actors, self.finder.mentions, position, phrase)
            if actor is None:
                actor = self._role_anywhere(phrase)
            name = rest
        if actor is not None:
            actor.add_alias(phrase)
            return actor, f'speaker "{phrase}" read as {actor.name}', offset, offset + len(phrase)
        collective = _COLLECTIVE.match(name)
        if collective is not None:
            # "Large crowds of protesters", "hundreds of residents": the people counted.
            name = name[collective.end() :]
            words = name.split()
        head = _GROUP_HEAD.match(name)
        if head is not None and head.group(1) != name:
            # "Health workers in the eastern province of South Kivu": named by its head.
            name = head.group(1)
            words = name.split()
        name = name[:1].upper() + name[1:]
        existing = self.finder.by_key.get(normalise(name))
        if existing is not None:
            self.finder.mention(existing, position, position + len(phrase), sentence.index)
            return existing, None, offset, offset + len(phrase)
        head_word = words[-1]
        anonymous = _ANONYMOUS_HEAD.search(name)
        if anonymous is not None:
            head_word = anonymous.group(1)  # "two people familiar with the matter": people
        representing = re.search(r"(\w+)\s+(?:representing|of|for|from|at|in)\s", name)
        if representing is not None and representing.group(1).lower() in {
            *_ORGANISATION_NOUNS,
            "group",
            "coalition",
            "association",
            "body",
        }:
            head_word = representing.group(1)  # "a group representing rural counties"
        kind = "group" if _plural_noun(head_word) else "person"
        if head_word.lower() in _ORGANISATION_NOUNS | {"group", "coalition", "association"}:
            kind = "organisation"
        actor = self.finder.new_actor(name, kind, f"unnamed speaker kept as a {kind}")
        # "a WeWork spokesperson", "two Taliban officials": of the body named inside.
        for inside in self._mentions_in(position, position + len(phrase)):
            owner = inside.actor
            if owner is not None and owner.kind in ("organisation", "country"):
                actor.member_of.append(owner)
                break
        self.finder.mention(actor, position, position + len(phrase), sentence.index)
        return actor, None, offset, offset + len(phrase)

    def _role_anywhere(self, phrase: str) -> DraftActor | None:
        """ "a Japanese government spokesperson": a person the article gives that role."""
        noun = phrase.split()[-1].lower()
        stems = {noun, noun.replace("person", "man"), noun.replace("person", "woman")}
        if noun.startswith("spokes"):
            stems |= {"spokesman", "spokeswoman", "spokesperson"}
        candidates = [
            actor
            for actor in self.finder.actors
            if actor.kind == "person"
            and not any(g.startswith("unnamed") for g in actor.guesses)
            and any(
                stem in (actor.role or "").lower().split()
                or any(stem in alias.lower().split() for alias in actor.aliases)
                for stem in stems
            )
        ]
        return candidates[0] if len(candidates) == 1 else None

    # -- direct quotes -------------------------------------------------------------------

    def find(self) -> list[DraftQuote]:
        covered: dict[int, list[Span]] = {}
        for span in self.spans:
            for sentence in self._sentences_of(span.start, span.end):
                covered.setdefault(sentence.index, []).append(span)
        for sentence in self.sentences:
            if sentence.heading:
                continue
            spans = covered.get(sentence.index, [])
            outside = _outside(sentence, spans)
            for reported in self._reported(sentence, outside, spans):
                self.quotes.append(reported)
                self._remember(sentence, reported.speaker)
            for span in spans:
                if span.start >= sentence.start and span.start < sentence.end:
                    self._direct(span, outside, sentence)
        self.quotes.sort(key=lambda q: (q.start, q.kind != "reported"))
        return self.quotes

    def _remember(self, sentence: Sentence, actor: DraftActor) -> None:
        self.last_speaker[sentence.paragraph] = actor
        self.sentence_speaker[sentence.index] = actor
        self.finder.keep(actor)

    def _sentences_of(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start < end and s.end > start]

    def _direct(self, span: Span, outside: str, sentence: Sentence) -> None:
        inner = self.body[span.inner_start : span.inner_end]
        text = inner.strip()
        while text.endswith((",", " ")):
            text = text[:-1].rstrip()
        if not text or not re.search(r"\w", text):
            return
        words = _WORD.findall(text)
        evidence = self._sentences_of(span.start, span.end)
        outside_all = "".join(
            _outside(s, self.spans) for s in evidence
        )  # attribution may be in a later sentence of the quote
        verb = _VERB.search(outside_all)
        attributed = (
            len(words) < 4
            and (
                self._attributed_word(inner, span, sentence)
                # "posted an image with the caption: “Welcome Jose”": set off by a colon in a
                # sentence with a verb of saying, the words are someone's.
                or (
                    verb is not None
                    and len(words) >= 2
                    and re.search(r":\s*$", self.body[sentence.start : span.start]) is not None
                )
            )
        )
        if len(words) < 2 and not attributed:
            return  # one word in quotation marks: a term or a name, not speech
        if (
            len(words) < 4
            and (verb is None or all(w[:1].isupper() for w in words))
            and not attributed
        ):
            return  # scare quotes or a title
        if (
            verb is None
            and all(w[:1].isupper() for w in words)
            and not text.endswith((".", "!", "?"))
        ):
            return  # a title in title case (a song, a book, a slogan's name) in no speech
        speaker, guess = self._direct_speaker(evidence, span)
        if speaker is None:
            return
        quote = DraftQuote(text, speaker, "direct", evidence, start=span.inner_start)
        if guess:
            quote.guesses.append(guess)
        self.quotes.append(quote)
        for s in evidence:
            self._remember(s, speaker)

    def _attributed_word(self, inner: str, span: Span, sentence: Sentence) -> bool:
        """ "“Amazing,” Davis said.": one word with its own comma inside the marks and an
        attribution right after it is a remark, not a term."""
        if not re.search(r"[,!?]\s*$", inner):
            return False
        after = self.body[span.end : sentence.end]
        return bool(
            re.match(
                r"\s*(?:(?:[A-Z][\w’'.-]*\s+){1,3}|(?:he|she|they)\s+)(?:"
                + _VERB_ALTERNATION
                + r")\b|\s*(?:said|says|added)\s+[A-Z]",
                after,
            )
        )

    def _direct_speaker(
        self, evidence: list[Sentence], span: Span
    ) -> tuple[DraftActor | None, str | None]:
        for sentence in evidence:
            outside = _outside(sentence, self.spans)
            # The attribution nearest the quotation first ("…, with Safadi warning of '…'").
            here = span.start - sentence.start
            nearest = sorted(
                _VERB.finditer(outside),
                key=lambda m: min(
                    abs(m.start() - here), abs(m.end() - (span.end - sentence.start))
                ),
            )
            for match in nearest:
                actor, guess, _, _ = self._speaker_near(
                    sentence, outside, match.start(), match.end()
                )
                if actor is not None:
                    return actor, guess
        first = evidence[0]
        known = self.sentence_speaker.get(first.index)
        if known is not None:
            return known, None
        introduced = self._introduced_by_colon(first)
        if introduced is not None:
            return introduced
        # A quote that continues its paragraph's speaker, or the previous paragraph's.
        previous = self.last_speaker.get(first.paragraph)
        if previous is not None:
            return previous, "speaker carried over from the paragraph's last speaker"
        before = [s for s in self.sentences if s.index < first.index and not s.heading]
        for sentence in reversed(before[-3:]):
            actor = self.sentence_speaker.get(sentence.index)
            if actor is not None:
                return actor, "speaker carried over from the previous sentence"
            subject = self._person_subject(sentence)
            if subject is not None:
                return subject, "speaker read as the subject of the sentence before"
        return None, None

    def _person_subject(self, sentence: Sentence) -> DraftActor | None:
        """ "Holt spoke after the talks collapsed." before a quotation of its own: the person
        the sentence opens with is who the quotation is likely to be from."""
        mentions = self._mentions_in(sentence.start, sentence.end)
        if not mentions or mentions[0].actor is None or mentions[0].actor.kind != "person":
            return None
        lead = self.body[sentence.start : mentions[0].start]
        if not re.fullmatch(r"(?:The\s+)?", lead) or self._possessive(mentions[0]):
            return None
        return mentions[0].actor

    def _introduced_by_colon(self, first: Sentence) -> tuple[DraftActor, str | None] | None:
        """ "Councillor X said:" ending the sentence (or paragraph) before a quotation that
        opens the next: the speaker of that verb speaks the quotation."""
        if first.index == 0:
            return None
        previous = self.sentences[first.index - 1]
        if previous.heading or not previous.text.rstrip().endswith(":"):
            return None
        outside = _outside(previous, self.spans)
        for match in reversed(list(_VERB.finditer(outside))):
            actor, guess, _, _ = self._speaker_near(previous, outside, match.start(), match.end())
            if actor is not None:
                return actor, guess
        return None

    # -- reported and paraphrased statements ---------------------------------------------

    def _reported(self, sentence: Sentence, outside: str, spans: list[Span]) -> list[DraftQuote]:
        """The reported and paraphrased statements of a sentence: one per clause joined by
        "while", "whereas", "but" or a semicolon, one per speaker of a joint subject."""
        quotes: list[DraftQuote] = []
        boundaries = [m.start() for m in _STATEMENT_BOUNDARY.finditer(outside)]
        # A clause of its own only when it has its own speech verb: "the fine, while large,
        # was small" is one statement.
        boundaries = [
            cut
            for index, cut in enumerate(boundaries)
            if _VERB.search(outside[cut : (boundaries[index + 1 :] or [len(outside)])[0]])
        ]
        cuts = [0, *boundaries, len(outside)]
        for a, b in itertools.pairwise(cuts):
            if b - a < 12:
                continue
            part = Sentence(
                sentence.index,
                sentence.start + a,
                sentence.start + b,
                sentence.text[a:b],
                sentence.paragraph,
            )
            found = self._reported_one(part, outside[a:b], spans)
            if found is None:
                continue
            for quote in found:
                quote.evidence = [sentence]
                quotes.append(quote)
        return quotes

    def _reported_one(
        self, sentence: Sentence, outside: str, spans: list[Span], depth: int = 0
    ) -> list[DraftQuote] | None:
        text = sentence.text
        candidates = list(_VERB.finditer(outside))
        if not candidates:
            return None
        stripped = _TRAILING_TIME.sub("", outside.rstrip(" .!?”\"’')"))
        choices: list[tuple[int, re.Match[str]]] = []
        for match in candidates:
            rest = stripped[match.end() :].strip(" ,")
            at_end = (
                not rest
                or (
                    match.group(1).lower().startswith("told")
                    and len(_WORD.findall(rest)) <= 3
                    and "," not in rest
                )
                or (
                    # "…, according to a Taliban representative.": the source ends it.
                    match.group(1).lower() == "according to"
                    and len(_WORD.findall(rest)) <= 8
                    and not re.search(r"[,;\u2592]", rest)
                )
            )
            priority = 0 if at_end else 1
            choices.append((priority, match))
        choices.sort(key=lambda c: c[0])
        for _, match in choices:
            verb = match.group(1).lower()
            if depth and verb.endswith("ing"):
                continue  # a gerund inside a claim belongs to the claim's speaker
            if depth and re.search(
                r"\b(?:will|would|could|might|may|can|should|must|to)\s+(?:not\s+)?$",
                outside[: match.start()],
            ):
                continue  # "said whether Trump will agree to …": no statement made yet
            if depth and re.search(
                r"\b(?:whether|if|unless)\s+(?:[\w’'-]+\s+){1,3}$", outside[: match.start()]
            ):
                continue  # "depends on whether he believes …": a condition, not a claim
            if (
                not verb.endswith("ing")
                and re.search(r"\b(?:was|were|been|being|is|are|be)\s+$", outside[: match.start()])
            ) and (not re.match(r"\s+by\s", outside[match.end() :])):
                continue  # "were shouted at", "was told": the subject heard, it did not speak
            if re.search(
                r"\bof\s+(?:the|its|their|his|her|our)\s+(?:[a-z]+\s+)?$", outside[: match.start()]
            ):
                continue  # "One of the chief demands was …": a noun, not a verb of saying
            if verb in _DIRECT_ONLY and not re.match(r"\s+that\s", outside[match.end() :]):
                continue  # "Teachers chanted, “…”": what is chanted is the quotation itself
            if (
                depth
                and verb.endswith("ed")
                and re.match(r"[^,;.]*\sby\s", outside[match.end() :])
                and not re.search(
                    r"\b(?:been|be|being|was|were|is|are)\s+$", outside[: match.start()]
                )
            ):
                continue  # "rejected amendments proposed by X": a participle, not a claim
            if re.search(
                r"\b(?:as|when|while)\s+(?:he|she|they|it|we)\s+$", outside[: match.start()]
            ):
                continue  # "… said as he welcomed the pair": a time clause, not a statement
            after_verb = outside[match.end() :]
            if (
                verb in {"declared", "declares"}
                and not re.match(r"\s*(?:that\b|,|:)", after_verb)
                and not re.search(
                    r"\b\w+(?:al|ous|ble|ive|ent|ant|ic|ful|less|id|ner)\W*$",
                    _TRAILING_TIME.sub("", re.split(r"[,;]", after_verb, maxsplit=1)[0]),
                )
            ):
                continue  # "declared martial law": an act; "declared X illegal" a statement
            if verb in {"added", "adds"} and re.match(
                r"\s+(?:\d|a |an |another |two |three |four |five |six |seven |eight |nine |ten |"
                # "added his seventh for the Islanders", "added their second goal".
                r"(?:his|her|their|its) (?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
                r"sixth|seventh|eighth|ninth|tenth|\w+th)\b)",
                after_verb,
            ):
                continue  # "added 25 points", "added a goal": a score, not speech
            if verb == "called":
                # "The Arab League called it an “extremely adverse development”": it is one.
                called = self._called(sentence, outside, match)
                if called:
                    return called
                continue
            if verb == "quoted":
                continue
            if verb == "according to":
                result = self._according(sentence, outside, match)
            else:
                result = self._with_verb(sentence, outside, match)
            if result is None:
                continue
            actor, guess, content_start, content_end = result
            content = text[content_start:content_end].strip(" ,;:—–-")
            # "noted, however, that …": the writer's connective is not the claim's.
            content = re.sub(
                r"^(?:(?:however|meanwhile|though|too|also|in turn|moreover|further)\s*,\s*)+",
                "",
                content,
                flags=re.IGNORECASE,
            )
            content = re.sub(r"^(?:(?:adding|saying|noting)\s+)?that\s+", "", content)
            act = None
            infinitive = verb in _TO_VERBS and re.match(r"\s*to\s", text[content_start:])
            # "Adly, who denies the charges,": a denial of a thing is the act itself ("denied
            # that S" keeps its clause).
            denial = verb in _DENY and not re.match(r"\s*that\b", text[content_start:])
            described_as = (
                _DESCRIBED_AS.match(content)
                if verb in _AS_VERBS and content_start > match.start()
                else None
            )
            nominal = (
                verb in _NOMINAL_OBJECT
                and content_start > match.start()
                and not re.match(r"\s*that\b", text[content_start:])
                and not re.search(
                    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|may|"
                    r"might|must|do|does|did)\b|\b(?:he|she|it|they|we|I)\s+[a-z]",
                    # The object up to its first comma: "mentioned historical issues, expressing
                    # his hope that Japan will …" has a thing as object.
                    content.split(",", 1)[0],
                )
            )
            if nominal and depth:
                continue  # "the country had admitted 1.4 million refugees": an act in a claim
            if verb in ("agreed", "agree", "agrees") and not re.match(
                r"\s*(?:that|with|on|to\s+(?!(?:a|an|the|its|his|her|their)\b)[a-z]+)\b",
                text[content_start:],
            ):
                # "WeWork agreed to a rescue", "Mourinho has agreed a deal": agreeing to a
                # thing is an act, not a statement ("agreed that S", "agreed to hold talks",
                # "agreed on S" keep theirs).
                continue
            if described_as is not None:
                # "described the talks as “constructive”": the talks were constructive.
                thing, quality = described_as.group(1), described_as.group(2)
                # The head noun, before its modifiers: "the uncertainty over the talks".
                head = re.split(
                    r"\s(?:of|over|on|in|for|with|about|from|between|at|to|by)\s", thing
                )[0]
                plural = _plural_noun(head.split()[-1])
                copula = (
                    ("are" if plural else "is")
                    if verb.endswith("s")
                    else ("were" if plural else "was")
                )
                content = f"{thing} {copula} {quality}"
            elif (
                verb in OBJECT_VERBS or infinitive or denial or nominal
            ) and content_start > match.start():
                # "Egypt sharply criticised the US policy shift": the act is the statement,
                # with its adverb, and without a trailing clause about someone else
                # (", with Jordan's minister warning …").
                adverb = re.search(r"\b\w+ly\s+$", text[: match.start()])
                act = text[adverb.start() if adverb else match.start() : content_end]
                act = _ABSOLUTE.split(act, maxsplit=1)[0].strip(" ,;:")
                content = f"{actor.name} {act}"
            second_claim: tuple[str, int, str] | None = None
            if depth == 0 and act is None:
                # "S, Lopez said, adding that S2": a second claim of the same speaker, a
                # statement of its own ("said A and that B" stays one, as curators keep it).
                second = _SECOND_CLAIM.search(outside, match.end())
                if second is not None:
                    gerund = second.group(1).lower()
                    claim_end = len(text.rstrip(" ."))
                    if content_start < second.start() < content_end:
                        claim_end = content_end
                        content = text[content_start : second.start()].strip(" ,;:—–-")
                        content = re.sub(r"^that\s+", "", content)
                    if second.start() >= content_start:
                        second_claim = (
                            text[second.end() : claim_end].strip(),
                            second.end(),
                            gerund,
                        )
            if not self._statement(content, spans, sentence, content_start):
                continue
            kind = "paraphrase" if verb in PARAPHRASE_FORMS else "reported"
            if verb in REPORT_FORMS or verb == "according to":
                kind = "reported"
            statement = content[:1].upper() + content[1:]
            statement = statement.rstrip(" ,;:")
            if not statement.rstrip("”\"’'").endswith((".", "!", "?")):  # “… false.” ends it
                statement += "."
            quotes = []
            speakers = self._pair_subject(sentence, outside[: match.start()]) or [
                *self._joint(actor, sentence, match.start()),
                actor,
            ]
            for speaker in speakers:
                said = statement
                if act is not None:
                    said = f"{speaker.name} {act}".rstrip(" ,;:.") + "."
                quote = DraftQuote(said, speaker, kind, [sentence], start=sentence.start)
                if guess:
                    quote.guesses.append(guess)
                if speaker is not actor:
                    quote.guesses.append(f"joint subject: said by {speaker.name} as well")
                quotes.append(quote)
            if depth == 0:
                # "the source, who said he had spoken to people inside, told Reuters": the
                # relative clause's statement besides the main one.
                for other in candidates:
                    if other is match or not _RELATIVE.search(outside[: other.start()]):
                        continue
                    found = self._with_verb(sentence, outside, other)
                    if found is None:
                        continue
                    who, _g, c_start, c_end = found
                    claim = re.sub(r"^that\s+", "", text[c_start:c_end].strip(" ,;:"))
                    if self._statement(claim, spans, sentence, c_start):
                        said = (claim[:1].upper() + claim[1:]).rstrip(" ,;:.") + "."
                        kind2 = (
                            "paraphrase"
                            if other.group(1).lower() in PARAPHRASE_FORMS
                            else "reported"
                        )
                        quotes.append(
                            DraftQuote(said, who, kind2, [sentence], start=sentence.start)
                        )
            if second_claim is not None and self._statement(
                second_claim[0], spans, sentence, second_claim[1]
            ):
                claim, _at, gerund = second_claim
                kind2 = "paraphrase" if gerund in PARAPHRASE_FORMS else "reported"
                said = (claim[:1].upper() + claim[1:]).rstrip(" ,;:.") + "."
                quotes.append(DraftQuote(said, actor, kind2, [sentence], start=sentence.start))
            if depth == 0 and act is not None:
                # "Han urged Yoon to step down, telling reporters that it had become …": the
                # gerund's claim is a statement of its own, by the same speaker.
                extra = _GERUND_CLAIM.search(outside, match.end())
                if extra is not None:
                    claim = text[extra.end() : len(text.rstrip(" ."))].strip()
                    gerund = extra.group(1)
                    kind2 = "paraphrase" if gerund in PARAPHRASE_FORMS else "reported"
                    if self._statement(claim, spans, sentence, extra.end()):
                        said = claim[:1].upper() + claim[1:]
                        quotes.append(
                            DraftQuote(said + ".", actor, kind2, [sentence], start=sentence.start)
                        )
            if depth == 0 and content_start > match.end():
                # A claim inside the claim: "South Africa said Mugabe had told Zuma that …".
                inner = Sentence(
                    sentence.index,
                    sentence.start + content_start,
                    sentence.start + content_end,
                    text[content_start:content_end],
                    sentence.paragraph,
                )
                nested = self._reported_one(
                    inner, outside[content_start:content_end], spans, depth=1
                )
                for quote in nested or ():
                    if quote.speaker is not actor:
                        quote.guesses.append("a claim reported inside another speaker's claim")
                        quotes.append(quote)
            return quotes
        return None

    def _called(
        self, sentence: Sentence, outside: str, match: re.Match[str]
    ) -> list[DraftQuote] | None:
        """ "X called it the “end of an era”": X said that it is the end of an era."""
        named = _CALLED.match(sentence.text[match.end() :])
        if named is None:
            return None
        actor, guess, _start, _end = self._speaker_near(
            sentence, outside, match.start(), match.end()
        )
        if actor is None:
            return None
        thing, article, words = named.group(1), named.group(2) or "", named.group(3)
        words = words.strip().rstrip(" ,.;:")
        if len(_WORD.findall(words)) < 2:
            return None  # one word in quotation marks is a label, not a statement
        statement = f"{thing[:1].upper()}{thing[1:]} is {article}{words}."
        quotes = []
        for speaker in [*self._joint(actor, sentence, match.start()), actor]:
            quote = DraftQuote(statement, speaker, "reported", [sentence], start=sentence.start)
            quote.guesses.append(f'"{thing}" kept as the speaker wrote it: say what it stands for')
            if guess:
                quote.guesses.append(guess)
            quotes.append(quote)
        return quotes

    def _joint(self, actor: DraftActor, sentence: Sentence, verb_start: int) -> list[DraftActor]:
        """ "Egypt and Jordan criticised": the other actors of a subject joined by "and"."""
        mine: list[Mention] = []
        for mention in self._mentions_in(sentence.start, sentence.start + verb_start):
            # Of mentions that overlap ("Japanese Prime Minister Fumio Kishida" and "Fumio
            # Kishida"), the widest stands for the name.
            if mine and mention.start < mine[-1].end:
                if mention.end - mention.start > mine[-1].end - mine[-1].start:
                    mine[-1] = mention
                continue
            mine.append(mention)
        if not mine or mine[-1].actor is not actor:
            return []
        others: list[DraftActor] = []
        current = mine[-1]
        for previous in reversed(mine[:-1]):
            gap = self.body[previous.end : current.start]
            if current is mine[-1] and "and" not in gap:
                break  # "… such as Yelp and TripAdvisor, lawyers said": a list ends in "and"
            if re.fullmatch(r"\s*(?:,|and|, and)\s*", gap) and previous.actor is not actor:
                if previous.actor not in others:
                    others.insert(0, previous.actor)  # type: ignore[arg-type]
                current = previous
            else:
                break
        return others

    def _pair_subject(self, sentence: Sentence, region: str) -> list[DraftActor] | None:
        """ "Both sides said …", "the two leaders agreed …": the two actors of that kind
        named last before the subject, a pair joined by "and" first ("King and Weeks were
        abducted … Both men claimed …")."""
        found = _PAIR.search(region)
        if found is None:
            return None
        kinds = _PAIR_KINDS[found.group(2).lower()]
        position = sentence.start + found.start(1)
        earliest = self.sentences[max(0, sentence.index - 4)].start
        mentions = [
            m
            for m in self.finder.mentions
            if m.actor is not None
            and earliest <= m.start
            and m.end <= position
            and m.actor.kind in kinds
            and not (
                m.actor.kind == "country" and self.finder.locative_only.get(m.actor.name, False)
            )
        ]
        # "the Afghan government freed three Taliban prisoners. Both sides said": a group
        # whose organisation is named with it is no side of its own.
        named = {id(m.actor) for m in mentions}
        mentions = [m for m in mentions if not _represented(m.actor, named)]
        mentions.sort(key=lambda m: m.start)
        for right, left in itertools.pairwise(reversed(mentions)):
            gap = self.body[left.end : right.start]
            if left.actor is not right.actor and re.fullmatch(r"\s*(?:,\s*)?and\s+", gap):
                return [left.actor, right.actor]  # type: ignore[list-item]
        latest: list[DraftActor] = []
        for mention in reversed(mentions):
            if mention.actor not in latest:
                latest.append(mention.actor)  # type: ignore[arg-type]
            if len(latest) == 2:
                return latest[::-1]
        return None

    def _statement(self, content: str, spans: list[Span], sentence: Sentence, start: int) -> bool:
        """Whether a clause is a statement of its own, not only a quotation or a fragment."""
        words = _WORD.findall(content)
        if len(words) < 3:
            return False
        if re.match(r"\s*(?:so\s*,\s*)?(?:via|according\s+to|citing|per)\b", content, re.I):
            return False  # "Heyward said, via Brian Batko of …": the source, not a claim
        if re.match(r"\s*by\s+[a-z]+ing\b", content, re.I):
            return False  # "responded by hitting him": a manner, not a claim
        if re.fullmatch(r"\s*by\s+(?:the\s+)?(?:[A-Z][\w.’'&-]*\s*){1,5}[.,]?\s*", content):
            return False  # "was quoted as saying by Kyodo News": who reported it
        if re.match(r"\s*about\b(?!\s+(?:\$|£|€)?\d|\s+(?:a|one|two|three|half)\s)", content, re.I):
            return False  # "who joked about Parise's penchant": a topic, not a claim
        # Wholly inside quotation marks: the direct quote is the statement.
        absolute = sentence.start + start
        found = self.body.find(content[:20], absolute, sentence.end)
        if found != -1:
            absolute = found  # where the stripped content begins, past a colon or a space
        bare = re.sub(r"[“”\"]", "", content).strip(" ,.")
        for span in spans:
            inner = self.body[span.inner_start : span.inner_end].strip(" ,.")
            if bare and bare == inner:
                return False
            if span.start <= absolute and span.end >= absolute + len(content) - 1:
                return False
        unquoted = content
        for span in spans:
            unquoted = unquoted.replace(self.body[span.start : span.end], "")
        head = re.split(r"[“\"]", content, maxsplit=1)
        if spans and len(head) > 1 and _TIME_ONLY.fullmatch(head[0].strip(" ,.:;")):
            # "told the press a few days ago, “…”": only a time besides the quotation.
            return False
        meaningful = [
            w for w in _WORD.findall(unquoted) if w.lower() not in _FILLER and not w.isdigit()
        ]
        last = _WORD.findall(content)[-1].lower() if _WORD.findall(content) else ""
        if last in {
            "of",
            "for",
            "to",
            "and",
            "or",
            "but",
            "the",
            "a",
            "an",
            "with",
            "from",
            "which",
            "who",
            "whose",
        } and not re.search(r"\b(?:for|of|about|to|with|on|in)\s+(?:which|whom)\s*$", content):
            return False  # a fragment that stops short ("Sen. Mike Braun of")
        if len(meaningful) >= 3:
            return True
        # "said it “regrets any decision …”": a claim of its own whose words are partly
        # quoted gives a reported statement beside the direct quote.
        everything = [w for w in words if w.lower() not in _FILLER and not w.isdigit()]
        lead = re.split(r"[“\"]", content, maxsplit=1)[0]
        return bool(_WORD.findall(lead)) and len(everything) >= 4

    def _with_verb(
        self, sentence: Sentence, outside: str, match: re.Match[str]
    ) -> tuple[DraftActor, str | None, int, int] | None:
        passive = (
            None
            if _QUOTED_AS.search(outside[: match.start()])
            else self._passive(sentence, outside, match)
        )
        if passive is not None:
            return passive
        pair = self._pair_subject(sentence, outside[: match.start()])
        actor: DraftActor | None
        guess: str | None
        if pair is not None:
            actor, guess = pair[-1], f"joint subject read as {' and '.join(a.name for a in pair)}"
            subject_start = _PAIR.search(outside[: match.start()]).start(1)  # type: ignore[union-attr]
        else:
            actor, guess, subject_start, _subject_end = self._speaker_near(
                sentence, outside, match.start(), match.end()
            )
        if actor is None:
            return None
        text = sentence.text
        tail = _TRAILING_TIME.sub("", outside[match.end() :].rstrip(" .!?”\"’')")).strip()
        inverted = subject_start >= match.end()
        participle = re.match(r"\s*,\s*[a-z]+ing\b", outside[match.end() :])
        # "S, sources told 247Sports as late as Thursday, but …": "told" with its object and a
        # time, then a clause of the writer's own, closes the claim before it.
        told_only = (
            match.group(1).lower() in ("told", "tells")
            and subject_start > 0
            and re.search(r",\s*$", outside[:subject_start]) is not None
            and re.match(
                r"\s*(?:[A-Z0-9][\w.’'-]*|the\s+[\w’'-]+|reporters|journalists)"
                r"(?:\s+[A-Z][\w.’'-]*)*(?:\s+[^,;\u2592]{0,30})?\s*(?:,\s*(?:but|while|and|although|though)\b|[.;]|$)",
                outside[match.end() :],
            )
            is not None
        )
        if (
            inverted
            or told_only
            or not tail
            or participle  # "“…,” Yoon continued, speaking for two minutes"
            or (len(_WORD.findall(tail)) <= 2 and "\u2592" not in tail)
        ):
            # "S, X said." / "S, said X." — the statement comes first.
            end = match.start() if inverted else subject_start
            if not inverted:
                # Take back an apposition before the subject ("S, the minister, said"), and
                # a role before the name ("“…,” Oklahoma City coach Billy Donovan said").
                end = subject_start
                role = _ROLE_BEFORE_SUBJECT.search(text[:end])
                if role is not None:
                    end = role.start()
                # "S, the US military said": the subject's determiner is not the claim's.
                article = re.search(r"(?<![\w’'])(?:the|The|a|an)\s+$", text[:end])
                if article is not None:
                    end = article.start()
                # "…,” Minister of Industry, Investment and Commerce, Senator the Hon. X":
                # the listed portfolio and courtesy titles are the speaker's, not the claim's.
                courtesy = re.search(
                    r"(?:(?:Senator|Sen\.|the|Hon\.|Dr\.?|Rt\.?)\s+)+$", text[:end]
                )
                bare = text[: courtesy.start() if courtesy else end].rstrip(" ,")
                portfolio = portfolio_ending(bare)
                if portfolio is not None:
                    end = portfolio
            content_end = len(text[:end].rstrip(" ,—–"))
            return actor, guess, 0, content_end
        # "X said (that) S" / "X told reporters (that) S".
        start = match.end()
        if match.group(1).lower() in _PERSON_OBJECT:
            # "reminded senators that S", "assured the committee that S": the person told
            # comes before the claim.
            told = _TOLD_THAT.match(text[start:])
            if told:
                start += told.end()
        if match.group(1) in ("told", "tells", "tell", "telling"):
            told = _TOLD_OBJECT.match(text[start:])
            if told:
                start += told.end()
            else:
                # "told settler leaders, according to a statement": an object, then no claim.
                plain = re.match(
                    r"\s*(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*(?=\s*(?:,|\.|$|that\b))",
                    text[start:],
                )
                if plain:
                    start += plain.end()
            if re.match(r"\s*(?:,\s*according to\b.*)?[.\s]*$", text[start:]):
                return None
        rest = text[start:]
        lead = re.match(
            r"\s*(?:on \w+|in (?:a|an|their|his|her|its) (?:[\w-]+ )?(?:statement|interview|letter)|"
            r"on \w+ \w+|(?:late |early )?"
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
            r"last (?:week|month|year|night)|earlier|later|afterwards)?\s*,?\s*",
            rest,
        )
        if lead:
            start += lead.end()
        end = len(text.rstrip(" ."))
        hung = (
            re.match(
                r"\s*(?:as|amid|from|during|while|when|after|before|upon|following)\b",
                text[start:end],
            )
            or (
                # "said to cheers", "said of the building: “…”" (but "asked to get the
                # documents" is a request's content).
                match.group(1).lower() in _SAY_VERBS
                and re.match(r"\s*(?:to|of)\b", text[start:end])
            )
            or (
                # "“…,” Esper said in a speech to the Diplomatic Academy, a university": after a
                # quotation, where it was said is no claim of its own.
                "\u2592" in outside[: match.start()]
                and match.group(1).lower() in _SAY_VERBS
                and re.match(
                    r"\s*(?:in|at|on|during)\s+(?:a|an|the|his|her|its|their)\b", text[start:end]
                )
            )
        )
        if hung:
            # "told reporters as he arrived for a meeting", "said to cheers from the crowd":
            # a time or a circumstance, no claim, unless "that" opens one after it.
            that = re.search(r"\bthat\s", text[start:end])
            if that is None:
                return None
            start += that.end()
        if actor.kind == "person":
            # "He said it would be provided next year, but he gave no details": the claim
            # stops where the speaker's own next clause begins.
            own = re.search(
                r",?\s+(?:but|and)\s+(?:he|she)\s+(?!(?:also\s+)?(?:" + _VERB_ALTERNATION + r")\b)",
                text[start:end],
            )
            if own is not None:
                end = start + own.start()
        if _RELATIVE.search(outside[: match.start()]):
            comma = text.find(",", start)  # the relative clause ends at its comma
            if comma != -1:
                end = comma
        if end - start < 10:
            return None
        return actor, guess, start, end

    def _passive(
        self, sentence: Sentence, outside: str, match: re.Match[str]
    ) -> tuple[DraftActor, str | None, int, int] | None:
        """ "S, as confirmed by Secretary of State Antony Blinken.", "S was announced by the
        ministry": the agent after "by" said S."""
        by = re.match(r"\s+by\s+(?![a-z]+ing\b)", outside[match.end() :])
        if by is None:
            return None  # "responded by hitting him": how, not by whom
        base = sentence.start + match.end() + by.end()
        mentions = self._mentions_in(base, sentence.end)
        if not mentions:
            return None
        mention = mentions[0]
        gap = self.body[base : mention.start]
        if not re.fullmatch(r"(?:the\s+|a\s+|an\s+)?(?:[\w.’'-]+\s+){0,6}?", gap) or re.search(
            r"[,;]", gap
        ):
            return None
        lead = re.search(
            r"(?:,?\s*\bas\s*|\s+(?:was|were|had been|has been|is|are)\s*)$",
            outside[: match.start()],
        )
        if lead is None and not re.search(r"[,—–]\s*$", outside[: match.start()]):
            # "purchases of farm goods touted by Trump": a participle on a noun, inside the
            # claim, says nothing of the whole sentence; ", proposed by X," is set off.
            return None
        end = lead.start() if lead else match.start()
        content_end = len(sentence.text[:end].rstrip(" ,—–"))
        if content_end < 10:
            return None
        return mention.actor, None, 0, content_end  # type: ignore[return-value]

    def _according(
        self, sentence: Sentence, outside: str, match: re.Match[str]
    ) -> tuple[DraftActor, str | None, int, int] | None:
        base = sentence.start + match.end()
        mentions = self._mentions_in(base, sentence.end)
        text = sentence.text
        described = _ANONYMOUS_AFTER.match(self.body[base : sentence.end]) or _ACCORDING_TO.match(
            self.body[base : sentence.end]
        )
        statement = re.match(
            r"\s*(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:statement|report|letter|filing|"
            r"announcement)\b",
            self.body[base : sentence.end],
        )
        issued = self._issuer(sentence, base + statement.end()) if statement else None
        document = _DOCUMENT.match(self.body[base : sentence.end])
        if issued is None and document is not None:
            issued = self._issuer(sentence, base + document.end())
        bare = _ACCORDING_BARE.match(self.body[base : sentence.end])
        actor: DraftActor | None
        if issued is not None:
            actor, end = issued  # "according to a statement from the lender"
        elif (
            described is not None
            and (
                not mentions
                or mentions[0].start >= base + described.end(1)
                or described.group(2)
                # "a group representing rural counties in California": a place inside it.
                or re.search(
                    r"\s(?:in|of|from|representing)\s",
                    self.body[base + described.start(1) : mentions[0].start],
                )
            )
        ):
            # "according to a local police source", "according to a Taliban representative",
            # "according to a group representing rural counties": an unnamed source.
            phrase = described.group(1)
            actor, _guess, _s, _end = self._by_reference(
                sentence, base + described.start(1), phrase, match.end() + described.start(1)
            )
            end = match.end() + described.end(1)
            if actor is None:
                # "according to a statement from the lender": who issued it.
                found = self._issuer(sentence, base + described.end(1))
                if found is None:
                    return None
                actor, end = found
        elif bare is not None and (not mentions or mentions[0].start >= base + bare.end(1)):
            if _DOCUMENT.fullmatch(bare.group(1)) or bare.group(1).split()[-1] in {
                "reports",
                "documents",
                "records",
                "estimates",
                "figures",
                "statistics",
                "filings",
                "polls",
                "surveys",
            }:
                return None  # "according to reports": no one is named
            phrase = bare.group(1)
            actor, _guess, _s, _end = self._by_reference(
                sentence, base + bare.start(1), phrase, match.end() + bare.start(1)
            )
            end = match.end() + bare.end(1)
        elif (
            (determined := _ACCORDING_DETERMINED.match(self.body[base : sentence.end])) is not None
            and (not mentions or mentions[0].start >= base + determined.end(1))
            and determined.group(1).split()[-1].lower() not in _NOT_A_SOURCE
        ):
            phrase = determined.group(1)
            actor, _guess, _s, _end = self._by_reference(
                sentence, base + determined.start(1), phrase, match.end() + determined.start(1)
            )
            end = match.end() + determined.end(1)
        elif (unknown := self._unknown_name(sentence, base, mentions)) is not None:
            actor, end = unknown  # "according to Wall Street", a name no rule knew
        elif not mentions or len(self.body[base : mentions[0].start]) > 20:
            return None
        else:
            actor = mentions[0].actor
            end = mentions[0].end - sentence.start
        if actor is None:
            return None
        if not text[: match.start()].strip():
            # "According to X, S."
            comma = text.find(",", end)
            if comma == -1:
                return None
            return actor, None, comma + 1, len(text.rstrip(" ."))
        return actor, None, 0, len(text[: match.start()].rstrip(" ,"))


def _represented(actor: DraftActor | None, named: set[int]) -> bool:
    """A group whose organisation is named beside it ("three Taliban prisoners")."""
    return (
        actor is not None
        and actor.kind == "group"
        and any(id(parent) in named for parent in actor.member_of)
    )
