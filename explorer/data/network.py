"""Who met whom: the actors an actor met at shared meetings, one, two or more steps away.

`neighbourhood(corpus, actor_id, depth)` walks the relation indexes outward from one actor:
its meetings (`Corpus.meetings_of_actor`), their participants (one step away), their meetings,
their participants (two steps)… Only the meetings of the actors reached are read, never the
whole corpus, and at most `budget` of them: an actor of a thousand meetings, whose contacts
met half the corpus, stops at the budget and says so (`Network.complete`).

An actor that met no one itself (a country, whose ministers meet) is seen through its
members (`Corpus.all_members`): their meetings count as its own, marked as theirs.

`network_dot(network)` is the network as a Graphviz graph: actors as nodes, each meeting two
of them shared as an edge labelled with the meeting.

Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from explorer.data.corpus import Corpus
from explorer.data.errors import ExplorerError
from explorer.data.models import Meeting

DEFAULT_BUDGET = 5000  # meetings read at most, for the app (a key must answer soon)
MEMBERS_READ = 500  # an actor's members looked at, at most


class UnknownActor(ExplorerError):
    """The actor asked about is not in the corpus."""


class BadDepth(ExplorerError):
    """A depth below one step."""


@dataclass(frozen=True, slots=True)
class Contact:
    """An actor reached at `step`, and how: each (meeting, actor of the step before) pair
    that links it inward, strongest link first."""

    actor: str
    step: int
    links: tuple[tuple[str, str], ...]

    @property
    def meetings(self) -> tuple[str, ...]:
        """The meetings that link it to the step before, each once."""
        return tuple(dict.fromkeys(meeting for meeting, _ in self.links))

    @property
    def via(self) -> tuple[str, ...]:
        """The actors of the step before it met there, each once."""
        return tuple(dict.fromkeys(actor for _, actor in self.links))


@dataclass(frozen=True, slots=True)
class Network:
    """An actor's neighbourhood to `depth` steps."""

    centre: str
    depth: int
    # The centre and those of its members whose meetings are counted as its own.
    group: tuple[str, ...]
    # The centre's meetings: its own first, then its members' (`through` names them).
    meetings: tuple[str, ...]
    through: dict[str, tuple[str, ...]]  # meeting -> the centre's members who were there
    rings: tuple[tuple[Contact, ...], ...]  # rings[0]: one step away, rings[1]: two…
    complete: bool  # False: the budget ran out, the outer rings may lack some actors
    meetings_read: int
    # Every meeting read, with its participants: what the graph's edges are drawn from.
    participants: dict[str, tuple[str, ...]] = field(repr=False)

    def ring(self, step: int) -> tuple[Contact, ...]:
        """The contacts `step` steps away (1 = met the centre), or () beyond the depth."""
        return self.rings[step - 1] if 1 <= step <= len(self.rings) else ()

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor of the network: the centre's group, then ring by ring."""
        return (*self.group, *(c.actor for ring in self.rings for c in ring))


def actor_for(corpus: Corpus, kind: str, ident: str) -> str | None:
    """The actor whose network an item stands for: an actor itself, a quote's speaker, a
    meeting's first participant; None when it has none."""
    if kind == "actor":
        return ident if ident in corpus.actors else None
    if kind == "quote":
        quote = corpus.quotes.get(ident)
        return quote.speaker if quote is not None and quote.speaker in corpus.actors else None
    if kind == "meeting":
        meeting = corpus.meetings.get(ident)
        if meeting is not None:
            return next((p for p in meeting.participants if p in corpus.actors), None)
    return None


class _Reading:
    """The meetings read so far, within a budget."""

    def __init__(self, corpus: Corpus, budget: int | None) -> None:
        self.corpus = corpus
        self.budget = budget
        self.participants: dict[str, tuple[str, ...]] = {}
        self.cut = False

    def meeting(self, meeting_id: str) -> tuple[str, ...] | None:
        """The participants of a meeting, or None once the budget is spent (or it is gone)."""
        known = self.participants.get(meeting_id)
        if known is not None:
            return known
        if self.budget is not None and len(self.participants) >= self.budget:
            self.cut = True
            return None
        meeting: Meeting | None = self.corpus.meetings.get(meeting_id)
        found = meeting.participants if meeting is not None else ()
        self.participants[meeting_id] = found
        return found


def _members(corpus: Corpus, actor_id: str) -> list[str]:
    """The centre's members (and theirs), nearest first, at most MEMBERS_READ of them."""
    found: dict[str, None] = {}
    todo = list(corpus.members.get(actor_id, ()))
    while todo and len(found) < MEMBERS_READ:
        member = todo.pop(0)
        if member in found or member == actor_id:
            continue
        found[member] = None
        todo.extend(corpus.members.get(member, ()))
    return list(found)


def neighbourhood(
    corpus: Corpus,
    actor_id: str,
    depth: int = 2,
    *,
    budget: int | None = DEFAULT_BUDGET,
    members: bool = True,
) -> Network:
    """The actors `actor_id` met, and whom they met, to `depth` steps (see the module).

    Raises UnknownActor for an id not in the corpus, BadDepth for a depth below one.
    """
    if depth < 1:
        raise BadDepth(f"a depth of {depth} shows nothing: it counts steps, 1 or more")
    if actor_id not in corpus.actors:
        raise UnknownActor(f"no actor with id {actor_id!r}")
    reading = _Reading(corpus, budget)
    own = corpus.meetings_of_actor.get(actor_id, ())
    # The centre first, then its members that met anyone at a meeting it was not at.
    frontier: list[tuple[str, Iterable[str]]] = [(actor_id, own)]
    through: dict[str, list[str]] = {}
    if members:
        own_set = set(own)
        for member in _members(corpus, actor_id):
            theirs = [m for m in corpus.meetings_of_actor.get(member, ()) if m not in own_set]
            if theirs:
                frontier.append((member, theirs))
                for meeting in theirs:
                    through.setdefault(meeting, []).append(member)
    group = [inner for inner, _ in frontier]
    reached: dict[str, int] = dict.fromkeys(group, 0)
    rings: list[tuple[Contact, ...]] = []
    for step in range(1, depth + 1):
        links: dict[str, list[tuple[str, str]]] = {}
        for inner, meetings in frontier:
            for meeting in meetings:
                participants = reading.meeting(meeting)
                if participants is None:
                    break
                for participant in participants:
                    if reached.get(participant, step) < step:
                        continue
                    reached[participant] = step
                    links.setdefault(participant, []).append((meeting, inner))
            if reading.cut:
                break
        ring = _ring(corpus, step, links)
        rings.append(ring)
        if reading.cut or not ring:
            break
        # The strongest contacts first: a budget spent on the way covers them before others.
        frontier = [(c.actor, corpus.meetings_of_actor.get(c.actor, ())) for c in ring]
    while len(rings) < depth and not reading.cut:
        rings.append(())
    return Network(
        centre=actor_id,
        depth=depth,
        group=tuple(group),
        meetings=(*own, *through),
        through={m: tuple(who) for m, who in through.items()},
        rings=tuple(rings),
        complete=not reading.cut,
        meetings_read=len(reading.participants),
        participants=reading.participants,
    )


def _ring(
    corpus: Corpus, step: int, links: dict[str, list[tuple[str, str]]]
) -> tuple[Contact, ...]:
    """The contacts of one step, most meetings first, then by name."""

    def order(item: tuple[str, list[tuple[str, str]]]) -> tuple[int, str, str]:
        actor_id, found = item
        actor = corpus.actors.get(actor_id)
        name = actor.name.casefold() if actor is not None else actor_id
        return (-len({meeting for meeting, _ in found}), name, actor_id)

    return tuple(
        Contact(actor_id, step, tuple(dict.fromkeys(found)))
        for actor_id, found in sorted(links.items(), key=order)
        if actor_id in corpus.actors
    )


# -- DOT ---------------------------------------------------------------------------------------


def network_dot(corpus: Corpus, network: Network) -> str:
    """The network as an undirected Graphviz graph: actors as nodes (the centre in bold),
    one edge for each meeting two of them shared, labelled with the meeting; the centre's
    members dashed to it ("member of")."""
    from explorer.data.export import _SHAPES, dot_string

    actors = network.actors
    shown = set(actors)
    centre = corpus.actors[network.centre]
    steps = "1 step" if network.depth == 1 else f"{network.depth} steps"
    title = f"Who met whom: {centre.name}, {steps}"
    if not network.complete:
        title += f" (cut at {network.meetings_read} meetings read)"
    lines = [
        "graph network {",
        f"  label={dot_string(title)};",
        "  graph [fontname=Helvetica, overlap=false];",
        "  node [fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    for actor_id in actors:
        actor = corpus.actors[actor_id]
        style = ", style=bold, penwidth=2" if actor_id == network.centre else ""
        shape = _SHAPES.get(actor.kind, "ellipse")
        lines.append(
            f"  {dot_string('actor:' + actor_id)} [label={dot_string(actor.name)}, "
            f"shape={shape}{style}];"
        )
    for member in network.group[1:]:
        lines.append(
            f"  {dot_string('actor:' + member)} -- {dot_string('actor:' + network.centre)} "
            '[style=dashed, label="member of"];'
        )
    for meeting_id, participants in network.participants.items():
        meeting = corpus.meetings.get(meeting_id)
        if meeting is None:
            continue
        when = meeting.when.human() if meeting.when else "no date"
        label = dot_string(f"{meeting.title}\n{when}")
        there = [p for p in dict.fromkeys(participants) if p in shown]
        for index, first in enumerate(there):
            for second in there[index + 1 :]:
                lines.append(
                    f"  {dot_string('actor:' + first)} -- {dot_string('actor:' + second)} "
                    f"[label={label}, tooltip={dot_string('meeting:' + meeting_id)}];"
                )
    lines.append("}")
    return "\n".join(lines) + "\n"


__all__ = [
    "DEFAULT_BUDGET",
    "BadDepth",
    "Contact",
    "Network",
    "UnknownActor",
    "actor_for",
    "neighbourhood",
    "network_dot",
]
