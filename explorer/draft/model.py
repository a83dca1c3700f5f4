"""What a draft holds before it is written: plain records, each with the guesses behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Sentence:
    """One sentence of the body: where it stands and which paragraph holds it."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False


@dataclass
class Mention:
    """A place in the body that names an actor (or might)."""

    start: int
    end: int
    text: str
    sentence: int
    actor: DraftActor | None = None
    clause_initial: bool = False  # first words of its sentence or clause: likely a subject
    possessive: bool = False  # "Parise's penchant": an owner, not a subject


@dataclass
class DraftActor:
    name: str
    kind: str
    id: str = ""
    role: str | None = None
    member_of: list[DraftActor] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)
    # Set when the corpus already holds this actor: its id, name and kind are kept.
    reused: bool = False
    country: str | None = None  # the country's name, for countries and their governments

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def first_position(self) -> int:
        return min((m.start for m in self.mentions), default=1 << 60)


@dataclass
class DraftMeeting:
    title: str
    status: str
    participants: list[DraftActor]
    evidence: list[Sentence]
    trigger: str
    id: str = ""
    when: str | None = None
    where: str | None = None
    note: str | None = None
    guesses: list[str] = field(default_factory=list)


@dataclass
class DraftQuote:
    text: str
    speaker: DraftActor
    kind: str
    evidence: list[Sentence]
    id: str = ""
    meeting: DraftMeeting | None = None
    guesses: list[str] = field(default_factory=list)
    start: int = 0  # where the quote stands in the body, for ordering


@dataclass
class Draft:
    id: str
    title: str
    published: date
    body: str
    source: str | None = None
    url: str | None = None
    subheadings: list[str] = field(default_factory=list)
    actors: list[DraftActor] = field(default_factory=list)
    meetings: list[DraftMeeting] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)

    def guess_count(self) -> int:
        items: list[DraftActor | DraftMeeting | DraftQuote] = [
            *self.actors,
            *self.meetings,
            *self.quotes,
        ]
        return len(self.guesses) + sum(len(item.guesses) for item in items)
