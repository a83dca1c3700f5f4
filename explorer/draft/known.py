"""What the corpus already holds, as far as a draft needs it: ids in use, and actors by name.

An actor of the story that the corpus knows by the same proper name (its name or a
capitalised alias: "Hayashi", "Japan") keeps the corpus's id, name and kind, so the draft
joins the corpus's record of that actor instead of making a second one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.draft.actors import normalise


@dataclass(frozen=True)
class KnownActor:
    id: str
    name: str
    kind: str


@dataclass
class Known:
    articles: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)
    by_name: dict[str, KnownActor] = field(default_factory=dict)

    def actor_named(self, names: list[str], kind: str) -> tuple[KnownActor, str] | None:
        """The corpus actor one of these proper names names (same kind unless a person
        named by a surname), and the name it matched."""
        for name in names:
            if not name[:1].isupper():
                continue
            known = self.by_name.get(normalise(name))
            if known is not None and (known.kind == kind or kind == "group"):
                return known, name
        return None


def from_corpus(corpus: object) -> Known:
    """Read ids and proper names from an explorer Corpus (duck-typed: no data import here)."""
    known = Known()
    known.articles = set(getattr(corpus, "articles", {}))
    known.meetings = set(getattr(corpus, "meetings", {}))
    known.quotes = set(getattr(corpus, "quotes", {}))
    actors = getattr(corpus, "actors", {})
    known.actors = set(actors)
    ambiguous: set[str] = set()
    for actor in actors.values():
        entry = KnownActor(actor.id, actor.name, actor.kind)
        for name in (actor.name, *actor.aliases):
            if not name[:1].isupper():
                continue
            key = normalise(name)
            if not key:
                continue
            other = known.by_name.get(key)
            if other is not None and other.id != actor.id:
                ambiguous.add(key)
            known.by_name[key] = entry
    for key in ambiguous:
        known.by_name.pop(key, None)
    return known
