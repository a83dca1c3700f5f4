"""The in-memory indexes built once at load, so that no keystroke scans the data."""

from __future__ import annotations

import difflib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from explorer.data.models import (
    Actor,
    Article,
    Item,
    ItemKind,
    Loaded,
    Meeting,
    Quote,
    Ref,
    Span,
)
from explorer.data.over_time import has_roles_over_time

RELATIONS_CACHED = 16
QuoteLinks = tuple[tuple[str, ...], str | None]  # a quote's speakers and meeting


@dataclass(frozen=True, slots=True)
class Relation:
    """One labelled link from an item to another: "participant", "speaker", "member of"…"""

    label: str
    target: Ref


@dataclass(frozen=True, slots=True)
class RelationGroup:
    """The links of one label, in their order: the first few targets and how many in all."""

    label: str
    targets: tuple[Ref, ...]
    total: int


@dataclass(frozen=True, slots=True)
class ActorHead:
    """What an actor's row in a list shows: its name, kind and role, and its articles (how
    many, and the first), without its roles, articles and spans (thousands, for an actor of
    many articles)."""

    name: str
    kind: str
    role: str | None
    article_count: int
    first_article: str | None

    @classmethod
    def of(cls, actor: Actor) -> ActorHead:
        first = actor.articles[0] if actor.articles else None
        return cls(actor.name, actor.kind, actor.role, len(actor.articles), first)


class Corpus:
    """Every article, actor, meeting and quote, with each relation indexed both ways."""

    def __init__(self, loaded: Loaded) -> None:
        self.articles: dict[str, Article] = {a.id: a for a in loaded.articles}
        self.actors: dict[str, Actor] = {a.id: a for a in loaded.actors}
        self.meetings: dict[str, Meeting] = {m.id: m for m in loaded.meetings}
        self.quotes: dict[str, Quote] = {q.id: q for q in loaded.quotes}

        members: defaultdict[str, list[str]] = defaultdict(list)
        meetings_of: defaultdict[str, list[str]] = defaultdict(list)
        quotes_by: defaultdict[str, list[str]] = defaultdict(list)
        quotes_at: defaultdict[str, list[str]] = defaultdict(list)
        items_in: defaultdict[str, list[Ref]] = defaultdict(list)
        for actor in self.actors.values():
            for parent in actor.member_of:
                members[parent].append(actor.id)
            for article in actor.articles:
                items_in[article].append(actor.ref)
        for meeting in self.meetings.values():
            for participant in meeting.participants:
                meetings_of[participant].append(meeting.id)
            for article in meeting.articles:
                items_in[article].append(meeting.ref)
        for quote in self.quotes.values():
            for speaker in quote.speakers:
                quotes_by[speaker].append(quote.id)
            if quote.meeting:
                quotes_at[quote.meeting].append(quote.id)
            items_in[quote.article].append(quote.ref)
        self.members: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in members.items()}
        self.meetings_of_actor: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in meetings_of.items()
        }
        self.quotes_by_actor: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in quotes_by.items()
        }
        self.quotes_of_meeting: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in quotes_at.items()
        }
        self.items_in_article: dict[str, tuple[Ref, ...]] = {
            k: tuple(v) for k, v in items_in.items()
        }
        self._tables: dict[str, dict[str, Item]] = {
            "actor": self.actors,  # type: ignore[dict-item]
            "meeting": self.meetings,  # type: ignore[dict-item]
            "quote": self.quotes,  # type: ignore[dict-item]
        }
        self._spans_in_article: dict[str, list[tuple[Span, Ref]]] | None = None
        # The last items' relations: one move asks for them three times (the detail and the
        # two other panes), and an actor of many articles has thousands.
        self._relations: OrderedDict[Ref, tuple[Relation, ...]] = OrderedDict()

    # -- lookup ---------------------------------------------------------------------------

    def get(self, ref: Ref) -> Item | None:
        return self._tables[ref.kind].get(ref.id)

    def __getitem__(self, ref: Ref) -> Item:
        item = self.get(ref)
        if item is None:
            raise KeyError(str(ref))
        return item

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, Ref) and ref.id in self._tables[ref.kind]

    def find(self, ident: str) -> list[Ref]:
        """Every item with this id, `kind:id` narrowing to one kind."""
        kind, sep, rest = ident.partition(":")
        if sep and kind in self._tables:
            kinds: Iterable[str] = (kind,)
            ident = rest
        else:
            kinds = self._tables
        return [Ref(k, ident) for k in kinds if ident in self._tables[k]]  # type: ignore[arg-type]

    def all(self, kind: ItemKind) -> list[Item]:
        return list(self._tables[kind].values())

    def actor_name(self, actor_id: str) -> str | None:
        """An actor's name, None when there is no such actor (a persisted index answers it
        without reading the rest of the actor: an actor of many articles has many spans)."""
        actor = self.actors.get(actor_id)
        return actor.name if actor is not None else None

    def actor_head(self, actor_id: str) -> ActorHead | None:
        """What an actor's row in a list shows, None when there is no such actor (a persisted
        index reads it without decoding the rest of the actor)."""
        actor = self.actors.get(actor_id)
        return ActorHead.of(actor) if actor is not None else None

    def actor_names(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """The names of those of `actor_ids` that are actors, by id (a persisted index
        answers them all in one question, their spans left unread)."""
        found: dict[str, str] = {}
        for actor_id in actor_ids:
            name = self.actor_name(actor_id)
            if name is not None:
                found[actor_id] = name
        return found

    def meeting_titles(self, meeting_ids: Iterable[str]) -> dict[str, str]:
        """The titles of those of `meeting_ids` that are meetings, by id (one question for a
        persisted index)."""
        found: dict[str, str] = {}
        for meeting_id in meeting_ids:
            meeting = self.meetings.get(meeting_id)
            if meeting is not None:
                found[meeting_id] = meeting.title
        return found

    def quote_texts(self, quote_ids: Iterable[str]) -> dict[str, str]:
        """The texts of those of `quote_ids` that are quotes, by id (one question for a
        persisted index)."""
        found: dict[str, str] = {}
        for quote_id in quote_ids:
            quote = self.quotes.get(quote_id)
            if quote is not None:
                found[quote_id] = quote.text
        return found

    def article_dates(self, article_ids: Iterable[str]) -> dict[str, tuple[str, date]]:
        """(title, publication day) of those of `article_ids` that are articles, by id: what a
        line about a quote shows of its article (a persisted index reads no body for it)."""
        found: dict[str, tuple[str, date]] = {}
        for article_id in article_ids:
            article = self.articles.get(article_id)
            if article is not None:
                found[article_id] = (article.title, article.published)
        return found

    # -- ids, for suggestions ---------------------------------------------------------------

    def ids_of(self, kind: ItemKind) -> Iterable[str]:
        """Every id of a kind, in no promised order (ids only, never the items)."""
        return list(self._tables[kind])

    def in_file_order(self, kind: ItemKind, ids: Iterable[str]) -> list[str]:
        """Those of `ids` that are items of `kind`, each once, in the corpus's (file) order."""
        wanted = set(ids)
        return [ident for ident in self._tables[kind] if ident in wanted]

    def named(self, kind: ItemKind, text: str, test: Callable[[str], bool]) -> list[str]:
        """Ids of the actors (by name or alias) or meetings (by title) of which `test` holds
        for a name, in file order; `test` holds only of names that fold (`search.fold`) as
        `text` does."""
        found: list[str] = []
        for item in self._tables[kind].values():
            if isinstance(item, Actor):
                names: tuple[str, ...] = (item.name, *item.aliases)
            elif isinstance(item, Meeting):
                names = (item.title,)
            else:
                return []
            if any(test(name) for name in names):
                found.append(item.id)
        return found

    def ids_with_parts(self, kind: ItemKind, words: Sequence[str], limit: int) -> list[str]:
        """The first `limit` ids of `kind` in file order whose dash-separated parts include
        every one of `words` (hayashi: yoshimasa-hayashi)."""
        found: list[str] = []
        if limit <= 0:
            return found
        for ident in self._tables[kind]:
            parts = ident.split("-")
            if all(word in parts for word in words):
                found.append(ident)
                if len(found) >= limit:
                    break
        return found

    def close_ids(self, kinds: Iterable[ItemKind], word: str, n: int) -> list[str]:
        """`difflib.get_close_matches(word, ids, n)` over every id of `kinds`: the n ids most
        like `word` (a ratio of 0.6 or more), best first."""
        ids = [ident for kind in kinds for ident in self._tables[kind]]
        return difflib.get_close_matches(word, ids, n=n)

    def __len__(self) -> int:
        return len(self.actors) + len(self.meetings) + len(self.quotes)

    # -- relations ------------------------------------------------------------------------

    def relations(self, ref: Ref) -> list[Relation]:
        """Every item linked to `ref`, labelled, in a stable order."""
        cached = self._relations.get(ref)
        if cached is None:
            cached = self._relations[ref] = tuple(self._find_relations(ref))
            if len(self._relations) > RELATIONS_CACHED:
                self._relations.popitem(last=False)
        else:
            self._relations.move_to_end(ref)
        return list(cached)

    def _find_relations(self, ref: Ref) -> list[Relation]:
        item = self.get(ref)
        links: list[Relation] = []
        if isinstance(item, Actor):
            # Members, meetings and statements are indexed from the items themselves, so they
            # are there; only the ids that the actor and its statements name are asked about
            # (an actor of many articles links to thousands of items).
            parents = [Relation("member of", Ref("actor", p)) for p in item.member_of]
            spoken = [Relation("spoke about", Ref("meeting", m)) for m in self.spoken_of(item.id)]
            present = self.present(link.target for link in (*parents, *spoken))
            links += [link for link in parents if link.target in present]
            links += [Relation("member", Ref("actor", m)) for m in self.members.get(item.id, ())]
            links += [
                Relation("meeting", Ref("meeting", m))
                for m in self.meetings_of_actor.get(item.id, ())
            ]
            statements = self.quotes_by_actor.get(item.id, ())
            links += [Relation("statement", Ref("quote", q)) for q in statements]
            links += [link for link in spoken if link.target in present]
            return links
        elif isinstance(item, Meeting):
            links += [Relation("participant", Ref("actor", a)) for a in item.participants]
            links += [
                Relation("quote", Ref("quote", q)) for q in self.quotes_of_meeting.get(item.id, ())
            ]
        elif isinstance(item, Quote):
            links += [Relation("speaker", Ref("actor", s)) for s in item.speakers]
            if item.meeting:
                links.append(Relation("meeting", Ref("meeting", item.meeting)))
        present = self.present(link.target for link in links)
        return [link for link in links if link.target in present]

    def relation_groups(self, ref: Ref, limit: int) -> list[RelationGroup]:
        """`relations` by label, in their order: each label's first `limit` targets and its
        count (`explorer show` prints a page of each; a persisted index counts an actor's
        thousands of links without reading them)."""
        groups: dict[str, list[Ref]] = {}
        for link in self.relations(ref):
            groups.setdefault(link.label, []).append(link.target)
        return [
            RelationGroup(label, tuple(targets[:limit]), len(targets))
            for label, targets in groups.items()
        ]

    def spoken_of(self, actor_id: str) -> tuple[str, ...]:
        """The meetings an actor's statements are about that it is not a participant of, each
        once, in the order of its statements (a persisted index stores them at import: an
        actor of many articles has thousands of statements to read them from)."""
        statements = self.quotes_by_actor.get(actor_id, ())
        attended = set(self.meetings_of_actor.get(actor_id, ()))
        held = self.quote_links(statements)
        return tuple(
            dict.fromkeys(
                m for q in statements if (m := held.get(q, ((), None))[1]) and m not in attended
            )
        )

    def quote_links(self, quote_ids: Iterable[str]) -> dict[str, QuoteLinks]:
        """Each quote's speakers and meeting (None when none), by id; ids of no quote are
        left out. The relations need only these two fields of an actor's or a meeting's
        quotes, and a persisted index answers them without reading the quotes."""
        found: dict[str, QuoteLinks] = {}
        for quote_id in quote_ids:
            quote = self.quotes.get(quote_id)
            if quote is not None:
                found[quote_id] = (quote.speakers, quote.meeting)
        return found

    def present(self, refs: Iterable[Ref]) -> set[Ref]:
        """Those of `refs` that name an item of the corpus (one question for them all)."""
        return {ref for ref in refs if ref in self}

    def present_ids(self, kind: ItemKind, ids: Iterable[str]) -> set[str]:
        """Those of `ids` that name an item of `kind` (`present` for one kind, by id: an
        actor of many statements speaks of thousands of meetings)."""
        return {ref.id for ref in self.present(Ref(kind, ident) for ident in ids)}

    def related(self, ref: Ref, kind: ItemKind) -> set[str]:
        """Ids of the items of `kind` related to `ref`, for marking or filtering a pane."""
        if ref.kind == "actor" and kind != "actor" and ref not in self._relations:
            # An actor's meetings and statements are its ids' links: the actor itself is
            # not read (a country's members are asked for theirs, each a row of megabytes).
            if not self.present_ids("actor", (ref.id,)):
                return set()
            return self._actor_links(ref.id, kind)
        item = self.get(ref)
        found: set[str] = set()
        if item is None:
            return found
        if ref.kind == kind:
            found.add(ref.id)
        if isinstance(item, Actor) and ref not in self._relations:
            # From the ids indexed, not thousands of relations made for one pane's marks.
            return found | self._actor_related(item, kind)
        for link in self.relations(ref):
            if link.target.kind == kind:
                found.add(link.target.id)
        # One step further where the data implies it: a meeting's speakers.
        if isinstance(item, Meeting) and kind == "actor":
            held = self.quote_links(self.quotes_of_meeting.get(item.id, ()))
            for speakers, _meeting in held.values():
                found.update(speakers)
        return found

    def related_places(self, ref: Ref, kind: ItemKind) -> Sequence[int] | None:
        """Where the items of `kind` related to `ref` stand in their pane's order, sorted,
        when the corpus has them stored (a persisted index, for an actor's meetings and
        quotes); None when they are to be found from `related`'s ids."""
        return None

    def _actor_related(self, actor: Actor, kind: ItemKind) -> set[str]:
        """The ids of `kind` that an actor's `relations` link to."""
        if kind == "actor":
            parents = self.present(Ref("actor", p) for p in actor.member_of)
            return {parent.id for parent in parents} | set(self.members.get(actor.id, ()))
        return self._actor_links(actor.id, kind)

    def _actor_links(self, actor_id: str, kind: ItemKind) -> set[str]:
        """The ids of the meetings (or quotes) an actor's `relations` link to."""
        if kind == "meeting":
            spoken = self.present_ids("meeting", self.spoken_of(actor_id))
            return set(self.meetings_of_actor.get(actor_id, ())) | spoken
        return set(self.quotes_by_actor.get(actor_id, ()))

    def all_members(self, actor_id: str) -> set[str]:
        """The members of an actor, their members, and so on (a country's ministries and
        their ministers), from the members index."""
        found: set[str] = set()
        todo = list(self.members.get(actor_id, ()))
        while todo:
            member = todo.pop()
            if member not in found and member != actor_id:
                found.add(member)
                todo.extend(self.members.get(member, ()))
        return found

    def related_through_members(self, ref: Ref, kind: ItemKind) -> set[str]:
        """Meetings or quotes of an actor's members (`all_members`) that are not the actor's
        own: related to it through membership, and marked as such."""
        if ref.kind != "actor" or kind == "actor":
            return set()
        found: set[str] = set()
        for member in self.all_members(ref.id):
            found |= self.related(Ref("actor", member), kind)
        if not found:  # no member's: the actor's own (thousands, for some) are not read
            return found
        return found - self.related(ref, kind)

    # -- provenance -----------------------------------------------------------------------

    def spans_in(self, article_id: str) -> list[tuple[Span, Ref]]:
        """Every supporting span in one article with the item it supports, in body order."""
        if self._spans_in_article is None:
            index: defaultdict[str, list[tuple[Span, Ref]]] = defaultdict(list)
            for table in self._tables.values():
                for item in table.values():
                    for span in item.spans:
                        index[span.article].append((span, item.ref))
            for spans in index.values():
                spans.sort(key=lambda pair: (pair[0].start, -pair[0].end))
            self._spans_in_article = dict(index)
        return self._spans_in_article.get(article_id, [])

    def sentences(self, ref: Ref, limit: int | None = None) -> list[tuple[Article, Span]]:
        """The distinct supporting sentences of an item, each once, in article order (the
        first `limit` of them: only their articles are read)."""
        item = self.get(ref)
        if item is None:
            return []
        result: list[tuple[Article, Span]] = []
        spans = sorted(item.spans, key=lambda s: (s.article, s.sentence_start))
        self._take_sentences(spans, set(), result, limit)
        return result

    def sentence_batches(self, ref: Ref) -> Iterator[list[tuple[Article, Span]]]:
        """`sentences` a batch at a time, in order, for printing them as they are read (a
        persisted index reads an actor's articles a few hundred at a time)."""
        yield self.sentences(ref)

    def _take_sentences(
        self,
        spans: Iterable[Span],
        seen: set[tuple[str, int, int]],
        result: list[tuple[Article, Span]],
        limit: int | None,
    ) -> None:
        """Append to `result` each of `spans` whose sentence is not in `seen` and whose
        article is there, with its article, until `result` holds `limit` (the in-memory and
        the indexed listings share it, each reading its spans its own way)."""
        for span in spans:
            if limit is not None and len(result) >= limit:
                return
            key = (span.article, span.sentence_start, span.sentence_end)
            if key in seen:
                continue
            article = self.articles.get(span.article)
            if article is None:
                continue
            seen.add(key)
            result.append((article, span))

    def spans_in_articles(self, ref: Ref, article_ids: Iterable[str]) -> list[Span]:
        """An item's spans in the given articles, in the item's order (a persisted index
        reads only those of an actor of many articles)."""
        item = self.get(ref)
        if item is None:
            return []
        wanted = set(article_ids)
        return [span for span in item.spans if span.article in wanted]

    def roles_vary(self, actor: Actor) -> bool:
        """Whether the articles give an actor more than one role (a persisted index answers
        without reading its roles, one for each of its articles)."""
        return has_roles_over_time(actor)

    def sentence_count(self, ref: Ref) -> int:
        """How many `sentences` an item has, without reading the articles' texts."""
        item = self.get(ref)
        if item is None:
            return 0
        keys = {(s.article, s.sentence_start, s.sentence_end) for s in item.spans}
        present = self.articles_present({key[0] for key in keys})
        return sum(key[0] in present for key in keys)

    def articles_present(self, article_ids: Iterable[str]) -> set[str]:
        """Those of `article_ids` that name an article of the corpus (one question for all:
        an actor of many articles has sentences in thousands)."""
        return {article for article in article_ids if article in self.articles}
