"""Bodies and office-holders named only by their common noun: "the county", "the mayor".

A local story often names the parties it is about by what they are rather than by their
names ("The trust gave the county an extra month", "suspended by the mayor"). Such a
phrase is an actor of its own when no actor named before is what it means and it acts:
it is a clause's subject, the one spoken to, or the agent after "by".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The nouns, with the kind of actor each names.
_KINDS = {
    "county": "organisation",
    "city": "organisation",
    "state": "organisation",
    "ministry": "organisation",
    "government": "organisation",
    "council": "organisation",
    "department": "organisation",
    "police": "organisation",
    "military": "organisation",
    "army": "organisation",
    "agency": "organisation",
    "committee": "organisation",
    "commission": "organisation",
    "board": "organisation",
    "regime": "organisation",
    "legislature": "organisation",
    "junta": "organisation",
    "mayor": "person",
    "governor": "person",
    "prosecutor": "person",
    "sheriff": "person",
    "premier": "person",
    "chancellor": "person",
}

# "the county", not "the county's" or "the county of Kent" ("the county commission" is
# no subject of a verb, so it does not act).
_BODY = re.compile(r"\b[Tt]he\s+(" + "|".join(_KINDS) + r")\b(?![’'-]|\s+(?:of\b|[A-Z]))")


@dataclass(frozen=True, slots=True)
class Body:
    start: int  # of "the", in the sentence's text
    end: int
    noun: str
    kind: str


def bodies_in(text: str) -> list[Body]:
    """Every "the <body noun>" in a sentence's text."""
    return [
        Body(m.start(), m.end(), m.group(1).lower(), _KINDS[m.group(1).lower()])
        for m in _BODY.finditer(text)
    ]
