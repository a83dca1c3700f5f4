"""Where each item of a format-v1 file stands in its text, and which guesses mark it.

Review edits a file a person will read in a diff, so it changes only the lines of the items it
touches. This module maps the text to blocks of lines, one per item, from the YAML parser's
own event marks (so a `#` inside a block scalar is text, not a comment), and reads the
`# draft: …` comment lines the drafter writes on the lines right above an item's `- id:` line
(or above `article:` for guesses about the article).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

import yaml

from explorer.data.text import clean_text

try:  # libyaml's C parser when present, as the project's loader uses.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

BlockKind = Literal["article", "actor", "meeting", "quote"]
SECTIONS: dict[str, BlockKind] = {"actors": "actor", "meetings": "meeting", "quotes": "quote"}
SECTION_OF: dict[str, str] = {kind: section for section, kind in SECTIONS.items()}

DRAFT_COMMENT = re.compile(r"^[ \t]*#[ \t]*draft:[ \t]?(?P<guess>.*?)\s*$")
_COMMENT = re.compile(r"^[ \t]*#")


@dataclass(frozen=True, slots=True)
class Block:
    """One item's lines: `lead` comment lines from `lead_start`, then the item itself.

    Lines are 0-based indices into the text split with its line ends kept; `end` is
    exclusive. `draft_lines` are the `# draft:` comment lines that belong to the item (in its
    leading comments or among its own lines), `guesses` their text.
    """

    kind: BlockKind
    id: str
    lead_start: int
    start: int
    end: int
    indent: int
    draft_lines: tuple[int, ...]
    guesses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A top-level key: the line of the key and the lines its value ends before."""

    name: str
    key_line: int
    end: int
    items: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """Every block and section of one file's text."""

    lines: tuple[str, ...]
    article: Block | None
    sections: dict[str, Section]
    blocks: dict[tuple[str, str], Block]
    item_indent: int  # the column of an item's `-`, as this file writes it
    key_indent: int  # the column of an item's keys


def split_lines(text: str) -> list[str]:
    """The text's lines with their line ends, so that joining them gives the text back."""
    return text.splitlines(keepends=True)


class _Mark(Protocol):
    """Where an event starts or ends (PyYAML's and libyaml's marks both have these)."""

    line: int
    column: int


def _marks(event: yaml.Event) -> tuple[_Mark, _Mark]:
    """An event's start and end marks; the parser sets both on every event it emits."""
    start, end = event.start_mark, event.end_mark
    if start is None or end is None:  # pragma: no cover - only for events built by hand
        raise ValueError(f"a YAML event without its position: {event!r}")
    return start, end


def _last_line(mark: _Mark) -> int:
    """The last line a value occupies, from its end mark (a block scalar ends on column 0)."""
    return mark.line - 1 if mark.column == 0 and mark.line > 0 else mark.line


def _trim(lines: list[str], start: int, last: int) -> int:
    """One past the last non-blank line of start..last."""
    while last > start and not lines[last].strip():
        last -= 1
    return last + 1


@dataclass(slots=True)
class _Node:
    """A value of the document with the lines it spans (first and last, 0-based)."""

    first: int
    column: int
    last: int
    value: str | None = None  # a scalar's text
    items: list[_Node] | None = None  # a sequence's items
    pairs: list[tuple[_Node, _Node]] | None = None  # a mapping's keys and values


def _read_node(event: yaml.Event, events: Iterator[yaml.Event], scalar_lines: set[int]) -> _Node:
    mark, end_mark = _marks(event)
    if isinstance(event, yaml.ScalarEvent):
        last = max(_last_line(end_mark), mark.line)
        if last > mark.line:
            scalar_lines.update(range(mark.line + 1, last + 1))
        return _Node(mark.line, mark.column, last, value=event.value)
    if isinstance(event, yaml.AliasEvent):  # refused by the project's loader already
        return _Node(mark.line, mark.column, mark.line)
    node = _Node(mark.line, mark.column, mark.line)
    flow = bool(getattr(event, "flow_style", False))
    children: list[_Node] = []
    if isinstance(event, yaml.SequenceStartEvent):
        node.items = children
        for child in events:
            if isinstance(child, yaml.SequenceEndEvent):
                end = _marks(child)[1]
                break
            children.append(_read_node(child, events, scalar_lines))
    else:
        node.pairs = []
        for child in events:
            if isinstance(child, yaml.MappingEndEvent):
                end = _marks(child)[1]
                break
            key = _read_node(child, events, scalar_lines)
            value = _read_node(next(events), events, scalar_lines)
            node.pairs.append((key, value))
            children += [key, value]
    node.last = max([node.first, *(c.last for c in children)])
    if flow:
        node.last = max(node.last, end.line)
    return node


def read_layout(text: str) -> Layout:
    """Map a file the project's loader has accepted to its blocks of lines."""
    lines = split_lines(text)
    scalar_lines: set[int] = set()  # lines inside multi-line scalars: never comments
    events = iter(yaml.parse(text, Loader=_Loader))
    root: _Node | None = None
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.ScalarEvent)):
            root = _read_node(event, events, scalar_lines)
            break
    pairs = root.pairs if root is not None and root.pairs is not None else []

    def draft_of(lead_start: int, end: int) -> tuple[tuple[int, ...], tuple[str, ...]]:
        found = [
            n
            for n in range(lead_start, end)
            if n not in scalar_lines and DRAFT_COMMENT.match(lines[n])
        ]
        guesses = []
        for n in found:
            match = DRAFT_COMMENT.match(lines[n])
            assert match is not None
            guesses.append(clean_text(match["guess"]))  # comments are not cleaned by the loader
        return tuple(found), tuple(guesses)

    def lead_of(start: int, floor: int) -> int:
        lead_start = start
        while lead_start > floor and lead_start - 1 not in scalar_lines:
            if not _COMMENT.match(lines[lead_start - 1]):
                break
            lead_start -= 1
        return lead_start

    article: Block | None = None
    sections: dict[str, Section] = {}
    blocks: dict[tuple[str, str], Block] = {}
    item_indent, key_indent, found_indent = 2, 4, False
    floor = 0
    for key, value in pairs:
        name = key.value or ""
        end = _trim(lines, key.first, value.last)
        items: list[Block] = []
        if name == "article":
            lead_start = lead_of(key.first, floor)
            article_id = ""
            for field, field_value in value.pairs or []:
                if field.value == "id":
                    article_id = field_value.value or ""
            draft_lines, guesses = draft_of(lead_start, end)
            article = Block(
                "article", article_id, lead_start, key.first, end, 0, draft_lines, guesses
            )
        elif name in SECTIONS and value.items is not None:
            item_floor = key.first + 1
            for node in value.items:
                ident = ""
                for field, field_value in node.pairs or []:
                    if field.value == "id":
                        ident = field_value.value or ""
                dash = node.first
                if not lines[dash][: node.column].strip().startswith("-"):
                    while dash > item_floor and lines[dash].strip() != "-":
                        dash -= 1
                item_end = _trim(lines, dash, node.last)
                lead_start = lead_of(dash, item_floor)
                draft_lines, guesses = draft_of(lead_start, item_end)
                indent = len(lines[dash]) - len(lines[dash].lstrip(" "))
                block = Block(
                    SECTIONS[name], ident, lead_start, dash, item_end, indent, draft_lines, guesses
                )
                items.append(block)
                blocks[(block.kind, ident)] = block
                if not found_indent:
                    item_indent, key_indent, found_indent = indent, node.column, True
                item_floor = item_end
        sections[name] = Section(name, key.first, end, tuple(items))
        floor = end
    return Layout(
        lines=tuple(lines),
        article=article,
        sections=sections,
        blocks=blocks,
        item_indent=item_indent,
        key_indent=key_indent,
    )
