"""The reviewer's edits of a drafted file, as pure functions from one `Draft` to the next.

A `Draft` is the text of a format-v1 file that the project's own loader has accepted (the same
rules as `explorer check`), with the layout of its items. Every edit rewrites only the lines
of the items it touches, through ruamel.yaml's round-trip mode for the item itself (its other
fields, quotes, comments and block scalars stay as written), and the result is validated again
before it is returned: an edit that would leave a file `explorer check` refuses raises
`ReviewError` and changes nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from explorer.data import dates
from explorer.data.errors import DataError, ExplorerError
from explorer.data.importer import load_text
from explorer.data.models import (
    ACTOR_KINDS,
    MEETING_STATUSES,
    QUOTE_KINDS,
    Actor,
    Article,
    Loaded,
    Meeting,
    Quote,
    Ref,
)
from explorer.data.schema import SLUG
from explorer.data.text import FoldedText, Sentences
from explorer.review.layout import SECTION_OF, Block, Layout, read_layout, split_lines

ReviewState = Literal["drafted", "accepted"]


class ReviewError(ExplorerError):
    """An edit that cannot be made as asked; the message says why and what to do instead."""


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One item of the draft as the review list shows it."""

    kind: str  # "article", "actor", "meeting" or "quote"
    id: str
    label: str
    guesses: tuple[str, ...]

    @property
    def state(self) -> ReviewState:
        """Drafted while the drafter's guesses about it are still marked; accepted after."""
        return "drafted" if self.guesses else "accepted"

    @property
    def ref(self) -> Ref | None:
        """The item as the rest of explorer names it (None for the article itself)."""
        return None if self.kind == "article" else Ref(self.kind, self.id)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Draft:
    """A validated file's text, its loaded items and the lines each stands on."""

    text: str
    name: str
    loaded: Loaded

    @classmethod
    def from_text(cls, text: str, name: str) -> Draft:
        """Validate `text` as `explorer check` would a file named `name`; DataError if not."""
        return cls(text, name, load_text(text, name))

    @cached_property
    def layout(self) -> Layout:
        return read_layout(self.text)

    @property
    def article(self) -> Article:
        return self.loaded.articles[0]

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.loaded.actors}

    @cached_property
    def meetings(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.loaded.meetings}

    @cached_property
    def quotes(self) -> dict[str, Quote]:
        return {quote.id: quote for quote in self.loaded.quotes}

    def items(self) -> list[ReviewItem]:
        """The article, then every actor, meeting and quote in file order, with its state."""
        found: list[ReviewItem] = []
        layout = self.layout
        if layout.article is not None:
            found.append(
                ReviewItem("article", self.article.id, self.article.title, layout.article.guesses)
            )
        labels: dict[str, dict[str, str]] = {
            "actor": {a.id: a.name for a in self.loaded.actors},
            "meeting": {m.id: m.title for m in self.loaded.meetings},
            "quote": {q.id: q.text for q in self.loaded.quotes},
        }
        for (kind, ident), block in layout.blocks.items():
            found.append(ReviewItem(kind, ident, labels[kind].get(ident, ident), block.guesses))
        return found

    def drafted(self) -> set[Ref]:
        """The items whose guesses are still marked."""
        return {item.ref for item in self.items() if item.ref is not None and item.guesses}

    def block(self, kind: str, ident: str) -> Block:
        if kind == "article":
            if self.layout.article is None:
                raise ReviewError("the file has no article")
            return self.layout.article
        block = self.layout.blocks.get((kind, ident))
        if block is None:
            raise ReviewError(f"no {kind} {ident!r} in {self.name}")
        return block

    def referrers(self, kind: str, ident: str) -> list[tuple[Ref, str]]:
        """What refers to an item: (referring item, field) pairs."""
        found: list[tuple[Ref, str]] = []
        if kind == "actor":
            for quote in self.loaded.quotes:
                if ident in quote.speakers:  # a joint statement has several
                    found.append((quote.ref, "speaker"))
            for meeting in self.loaded.meetings:
                if ident in meeting.participants:
                    found.append((meeting.ref, "participants"))
            for actor in self.loaded.actors:
                if ident in actor.member_of:
                    found.append((actor.ref, "member_of"))
        elif kind == "meeting":
            for quote in self.loaded.quotes:
                if quote.meeting == ident:
                    found.append((quote.ref, "meeting"))
        return found


# -- text surgery ------------------------------------------------------------------------


def _yaml(layout: Layout) -> YAML:
    """A round-trip YAML that writes items the way this file writes them."""
    handler = YAML(typ="rt")
    handler.preserve_quotes = True
    handler.width = 1_000_000  # never re-wrap a long excerpt
    # `sequence` is where an item's keys stand, `offset` where its dash does.
    handler.indent(mapping=2, sequence=layout.key_indent, offset=layout.item_indent)
    return handler


def _dump_items(layout: Layout, items: list[CommentedMap]) -> list[str]:
    stream = io.StringIO()
    sequence = CommentedSeq(items)
    _yaml(layout).dump(sequence, stream)
    text = stream.getvalue()
    return split_lines(text if text.endswith("\n") else text + "\n")


def _load_item(layout: Layout, block: Block) -> CommentedMap:
    text = "".join(layout.lines[block.start : block.end])
    try:
        loaded = _yaml(layout).load(text)
    except RuamelError as error:  # the project's loader read it; this should not happen
        raise ReviewError(f"cannot edit {block.kind} {block.id!r}: {error}") from None
    if not isinstance(loaded, list) or len(loaded) != 1 or not isinstance(loaded[0], CommentedMap):
        raise ReviewError(f"cannot edit {block.kind} {block.id!r}: not a single mapping")
    return loaded[0]


def _with_lines(draft: Draft, lines: Iterable[str]) -> Draft:
    text = "".join(lines)
    try:
        return Draft.from_text(text, draft.name)
    except DataError as error:
        problems = "; ".join(p.message for p in error.problems[:3])
        raise ReviewError(f"the change would not pass check: {problems}") from None


class _Edit:
    """Line replacements on one draft's text, applied bottom-up so indices stay valid."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.layout = draft.layout
        self._changes: list[tuple[int, int, list[str]]] = []

    def replace(self, start: int, end: int, lines: list[str]) -> None:
        self._changes.append((start, end, lines))

    def edit_item(self, block: Block, change: Callable[[CommentedMap], None]) -> None:
        """Change one item's fields in place, keeping its leading comments as they are."""
        item = _load_item(self.layout, block)
        change(item)
        self.replace(block.start, block.end, _dump_items(self.layout, [item]))

    def drop_draft_comments(self, block: Block) -> None:
        for line in block.draft_lines:
            self.replace(line, line + 1, [])

    def result(self) -> Draft:
        lines = list(self.layout.lines)
        # New lines end as the file's first line does: a CRLF file stays CRLF throughout.
        crlf = bool(lines) and lines[0].endswith("\r\n")
        for start, end, new in sorted(self._changes, key=lambda c: (c[0], c[1]), reverse=True):
            if crlf:
                new = [_crlf(line) for line in new]
            lines[start:end] = new
        return _with_lines(self.draft, lines)


def _crlf(line: str) -> str:
    return line[:-1] + "\r\n" if line.endswith("\n") and not line.endswith("\r\n") else line


def _quoted(text: str) -> DoubleQuotedScalarString:
    return DoubleQuotedScalarString(text)


def _remove_value(values: Any, ident: str) -> None:
    while ident in values:
        values.remove(ident)


# -- the edits ---------------------------------------------------------------------------


def accept(draft: Draft, kind: str, ident: str) -> Draft:
    """The reviewer agrees with the item: its `# draft:` comments go, nothing else changes."""
    block = draft.block(kind, ident)
    if not block.draft_lines:
        raise ReviewError(f"{kind} {ident!r} has no guesses left to accept")
    edit = _Edit(draft)
    edit.drop_draft_comments(block)
    return edit.result()


def reject(draft: Draft, kind: str, ident: str, *, drop_references: bool = False) -> Draft:
    """Remove an item, with its leading comments.

    A rejected actor that speaks a quote is refused (a quote needs a speaker: change it or
    merge the actor into another first). Other references (a meeting's participants, an
    actor's member_of, a quote's meeting) are refused too unless `drop_references`, which
    removes the reference from each of those items.
    """
    if kind == "article":
        raise ReviewError("the article itself cannot be rejected: reject its items instead")
    block = draft.block(kind, ident)
    referrers = draft.referrers(kind, ident)
    speaking = [ref for ref, field in referrers if field == "speaker"]
    if speaking:
        names = ", ".join(ref.id for ref in speaking[:3]) + (" …" if len(speaking) > 3 else "")
        raise ReviewError(
            f"{ident} speaks {len(speaking)} quote(s) ({names}): give them another speaker "
            "(s) or merge this actor into another (M) before rejecting it"
        )
    if referrers and not drop_references:
        raise ReviewError(f"{ident} is referred to by {describe_referrers(referrers)}")
    for ref, field in referrers:
        if field == "participants" and draft.meetings[ref.id].participants == (ident,):
            raise ReviewError(
                f"{ident} is the only participant of meeting {ref.id}: reject the meeting or "
                "merge this actor into another first"
            )
    edit = _Edit(draft)
    start, end = block.lead_start, block.end
    lines = draft.layout.lines
    # Take one blank line with the item, so the items around it stay one blank line apart.
    if end < len(lines) and not lines[end].strip() and (start == 0 or not lines[start - 1].strip()):
        end += 1
    elif start > 0 and not lines[start - 1].strip() and (end >= len(lines) or lines[end].strip()):
        start -= 1
    section = draft.layout.sections[SECTION_OF[kind]]
    if len(section.items) == 1:  # the last of its kind: say so, rather than leave a null
        edit.replace(section.key_line, section.key_line + 1, [f"{section.name}: []\n"])
    edit.replace(start, end, [])
    for ref, field in referrers:
        other = draft.block(ref.kind, ref.id)
        if field == "meeting":
            edit.edit_item(other, lambda item: item.pop("meeting", None))
        else:

            def remove(item: CommentedMap, field: str = field) -> None:
                _remove_value(item[field], ident)

            edit.edit_item(other, remove)
    return edit.result()


def describe_referrers(referrers: list[tuple[Ref, str]]) -> str:
    """ "2 meetings (participants), 1 actor (member_of)": what a removal would change."""
    counts: dict[tuple[str, str], int] = {}
    for ref, field in referrers:
        counts[(ref.kind, field)] = counts.get((ref.kind, field), 0) + 1
    return ", ".join(
        f"{count} {kind}{'s' if count > 1 else ''} ({field})"
        for (kind, field), count in counts.items()
    )


def set_speaker(draft: Draft, quote_id: str, speaker: str) -> Draft:
    """Give a quote another speaker, one of the draft's actors."""
    if quote_id not in draft.quotes:
        raise ReviewError(f"no quote {quote_id!r}")
    if speaker not in draft.actors:
        raise ReviewError(f"no actor {speaker!r} in this file to be the speaker")
    edit = _Edit(draft)
    edit.edit_item(
        draft.block("quote", quote_id), lambda item: item.__setitem__("speaker", speaker)
    )
    return edit.result()


def set_quote_kind(draft: Draft, quote_id: str, kind: str) -> Draft:
    """Make a quote direct, paraphrase or reported.

    A direct quote's text must stand verbatim in the body; a paraphrase or a reported
    statement needs the attributing sentence as evidence, so a quote that had none gets the
    sentence its words stand in, verbatim from the body.
    """
    if kind not in QUOTE_KINDS:
        raise ReviewError(f"{kind!r} is not a quote kind ({' | '.join(QUOTE_KINDS)})")
    quote = draft.quotes.get(quote_id)
    if quote is None:
        raise ReviewError(f"no quote {quote_id!r}")
    body = draft.article.body
    found = FoldedText(body).find(quote.text)
    if kind == "direct" and found is None:
        raise ReviewError(
            "its text does not stand verbatim in the article, as a direct quote's must: "
            "keep it a paraphrase or reported statement"
        )
    evidence: list[str] = []
    if kind != "direct" and not quote.evidence:
        if found is None:  # a direct quote's text is always in the body
            raise ReviewError("the quote has no evidence to keep as its attribution")
        start, end = Sentences(body).around(*found)
        evidence.append(body[start:end])

    def change(item: CommentedMap) -> None:
        item["kind"] = kind
        if evidence:
            item["evidence"] = CommentedSeq([_quoted(e) for e in evidence])

    edit = _Edit(draft)
    edit.edit_item(draft.block("quote", quote_id), change)
    return edit.result()


def set_when(draft: Draft, meeting_id: str, when: str | None) -> Draft:
    """Give a meeting another date, as format v1 writes one (YYYY, YYYY-MM, YYYY-MM-DD or
    START/END), or none (an empty value removes `when`)."""
    if meeting_id not in draft.meetings:
        raise ReviewError(f"no meeting {meeting_id!r}")
    value = (when or "").strip()
    if value:
        try:
            dates.parse_when(value)
        except dates.DateFormatError as error:
            raise ReviewError(f"when: {error} (START/END for an interval)") from None

    def change(item: CommentedMap) -> None:
        if not value:
            item.pop("when", None)
        elif "when" in item:
            item["when"] = _quoted(value)
        else:
            keys = list(item)
            at = keys.index("title") + 1 if "title" in keys else len(keys)
            item.insert(at, "when", _quoted(value))

    edit = _Edit(draft)
    edit.edit_item(draft.block("meeting", meeting_id), change)
    return edit.result()


def set_status(draft: Draft, meeting_id: str, status: str) -> Draft:
    """Say whether a meeting happened, is ongoing, planned or expected (as of publication)."""
    if status not in MEETING_STATUSES:
        raise ReviewError(f"{status!r} is not a status ({' | '.join(MEETING_STATUSES)})")
    if meeting_id not in draft.meetings:
        raise ReviewError(f"no meeting {meeting_id!r}")
    edit = _Edit(draft)
    edit.edit_item(
        draft.block("meeting", meeting_id), lambda item: item.__setitem__("status", status)
    )
    return edit.result()


def _respeak(item: CommentedMap, source: str, target: str) -> None:
    """A quote's speaker `source` made `target`: in a joint statement's list, once."""
    speakers = item["speaker"]
    if not isinstance(speakers, list):
        item["speaker"] = target
        return
    for index in reversed(range(len(speakers))):
        if speakers[index] == source:
            if target in speakers:
                del speakers[index]
            else:
                speakers[index] = target


def merge_actors(draft: Draft, source: str, target: str) -> Draft:
    """Fold actor `source` into `target`: one actor, every reference rewritten.

    The target keeps its id, name and kind; it gains the source's name and aliases as aliases,
    its evidence, its groups (member_of), and its role and note where it had none. Quotes the
    source spoke, meetings it took part in and actors that were its members now name the
    target. The source goes, with its comments.
    """
    if source == target:
        raise ReviewError("an actor cannot be merged into itself")
    for ident in (source, target):
        if ident not in draft.actors:
            raise ReviewError(f"no actor {ident!r}")
    gone, kept = draft.actors[source], draft.actors[target]
    edit = _Edit(draft)

    def extend(item: CommentedMap, key: str, values: Iterable[str], exclude: set[str]) -> None:
        new = [v for v in values if v not in exclude]
        if not new:
            return
        if key not in item or item[key] is None:
            item[key] = CommentedSeq()
        present = set(item[key])
        for value in new:
            if value not in present:
                item[key].append(_quoted(value) if key != "member_of" else value)
                present.add(value)

    def fold(item: CommentedMap) -> None:
        extend(item, "aliases", [gone.name, *gone.aliases], {kept.name})
        extend(item, "evidence", gone.evidence, set())
        extend(item, "member_of", gone.member_of, {target, source})
        if "member_of" in item:
            _remove_value(item["member_of"], source)
            if not item["member_of"]:
                del item["member_of"]
        for key, value in (("role", gone.role), ("note", gone.note)):
            if value and not item.get(key):
                item[key] = _quoted(value)

    edit.edit_item(draft.block("actor", target), fold)
    for ref, field in draft.referrers("actor", source):
        if ref == Ref("actor", target):
            continue  # done above
        block = draft.block(ref.kind, ref.id)
        if field == "speaker":
            edit.edit_item(block, partial(_respeak, source=source, target=target))
        else:

            def rewrite(item: CommentedMap, field: str = field) -> None:
                values = item[field]
                for index, value in enumerate(values):
                    if value == source:
                        values[index] = target
                for index in reversed(range(len(values))):  # the first of duplicates stays
                    if values[index] in values[:index]:
                        del values[index]

            edit.edit_item(block, rewrite)
    block = draft.block("actor", source)
    lines = draft.layout.lines
    end = block.end
    if end < len(lines) and not lines[end].strip():
        end += 1
    edit.replace(block.lead_start, end, [])
    return edit.result()


# -- new items ---------------------------------------------------------------------------


def new_id(draft: Draft, kind: str, words: str) -> str:
    """A slug from the first words of `words`, unique among the draft's items of `kind`."""
    tables: dict[str, Mapping[str, object]] = {
        "actor": draft.actors,
        "meeting": draft.meetings,
        "quote": draft.quotes,
    }
    taken = tables[kind]
    base = "-".join(re.findall(r"[a-z0-9]+", words.casefold())[:6]) or kind
    if not SLUG.fullmatch(base):
        base = kind
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _evidence(draft: Draft, excerpt: str) -> str:
    excerpt = excerpt.strip()
    if not excerpt:
        raise ReviewError("select the sentence that supports it first")
    if FoldedText(draft.article.body).find(excerpt) is None:
        raise ReviewError("the evidence must be words of the article, verbatim")
    return excerpt


def _append(draft: Draft, kind: str, item: CommentedMap) -> Draft:
    layout = draft.layout
    edit = _Edit(draft)
    new_lines = _dump_items(layout, [item])
    section = layout.sections.get(SECTION_OF[kind])
    if section is None:  # no such section yet: add it at the end
        tail = [] if not layout.lines or layout.lines[-1].endswith("\n") else ["\n"]
        edit.replace(
            len(layout.lines),
            len(layout.lines),
            [*tail, "\n", f"{SECTION_OF[kind]}:\n", *new_lines],
        )
    elif section.items:
        last = section.items[-1].end
        edit.replace(last, last, ["\n", *new_lines])
    else:  # `quotes: []` or `quotes:` with nothing
        edit.replace(section.key_line, section.end, [f"{section.name}:\n", *new_lines])
    return edit.result()


def add_actor(
    draft: Draft, name: str, kind: str, evidence: str, *, role: str | None = None
) -> tuple[Draft, str]:
    """A new actor named as the reviewer says, with the selected sentence as its evidence.

    Returns the new draft and the actor's id. A name the article uses verbatim is found in it
    as a mention; otherwise the evidence alone ties the actor to the text.
    """
    name = " ".join(name.split())
    if not name:
        raise ReviewError("an actor needs a name")
    if kind not in ACTOR_KINDS:
        raise ReviewError(f"{kind!r} is not an actor kind ({' | '.join(ACTOR_KINDS)})")
    for actor in draft.actors.values():
        if actor.name.casefold() == name.casefold():
            raise ReviewError(f"{actor.id} is already named {actor.name}")
    ident = new_id(draft, "actor", name)
    item = CommentedMap()
    item["id"] = ident
    item["name"] = _quoted(name)
    item["kind"] = kind
    if role and role.strip():
        item["role"] = _quoted(" ".join(role.split()))
    item["evidence"] = CommentedSeq([_quoted(_evidence(draft, evidence))])
    return _append(draft, "actor", item), ident


def add_quote(
    draft: Draft,
    text: str,
    speaker: str,
    kind: str,
    evidence: str,
    *,
    meeting: str | None = None,
) -> tuple[Draft, str]:
    """A new quote of `speaker`: a direct one's text verbatim from the body, any kind with the
    selected sentence as its evidence. Returns the new draft and the quote's id."""
    text = " ".join(text.split())
    if not text:
        raise ReviewError("a quote needs its text")
    if kind not in QUOTE_KINDS:
        raise ReviewError(f"{kind!r} is not a quote kind ({' | '.join(QUOTE_KINDS)})")
    if speaker not in draft.actors:
        raise ReviewError(f"no actor {speaker!r} in this file to be the speaker")
    if meeting is not None and meeting not in draft.meetings:
        raise ReviewError(f"no meeting {meeting!r} in this file")
    if kind == "direct" and FoldedText(draft.article.body).find(text) is None:
        raise ReviewError("a direct quote's text must be words of the article, verbatim")
    ident = new_id(draft, "quote", f"{speaker.split('-')[-1]} {text}")
    item = CommentedMap()
    item["id"] = ident
    item["text"] = _quoted(text)
    item["speaker"] = speaker
    item["kind"] = kind
    if meeting:
        item["meeting"] = meeting
    item["evidence"] = CommentedSeq([_quoted(_evidence(draft, evidence))])
    return _append(draft, "quote", item), ident
