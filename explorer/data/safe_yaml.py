"""A YAML reader for hand-edited data that builds plain strings, lists and dicts only.

It walks the parser's event stream itself, so it never constructs Python objects, refuses
tags, anchors and aliases (no alias bombs), duplicate and non-scalar keys, and nesting past a
fixed depth, and it records where every value stands so validation can name file:line:col.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import yaml

from explorer.data.errors import DataError, Problem

try:  # libyaml's C parser when present; the pure-Python one otherwise.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
_NULLS = {"", "~", "null", "Null", "NULL"}
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

Position = tuple[int, int]


class _Resolver(Protocol):
    """PyYAML's implicit tag resolution (its stubs leave `resolve` unannotated)."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str: ...


_RESOLVER: _Resolver = yaml.resolver.Resolver()


class Located:
    """Positions (1-based line, column) of a mapping's keys and values or a list's items."""

    position: Position
    positions: dict[Any, Position]


class LocatedDict(dict[Any, Any], Located):
    pass


class LocatedList(list[Any], Located):
    pass


def position_of(container: Any, key: Any = None) -> Position | None:
    """Where `container[key]` (or the container itself) stands in its file, if known."""
    if not isinstance(container, Located):
        return None
    if key is None:
        return container.position
    return container.positions.get(key, container.position)


def _pos(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def read_yaml_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Any:
    """Read and parse one file, or raise DataError naming the file (and line where known)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DataError([Problem(name, "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, "is a directory, not a YAML file")]) from None
    except OSError as error:
        raise DataError([Problem(name, f"cannot be read: {error.strerror or error}")]) from None
    if len(raw) > max_bytes:
        raise DataError([Problem(name, f"is larger than {max_bytes // (1024 * 1024)} MiB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError(
            [Problem(name, f"is not UTF-8 text (byte 0x{raw[error.start]:02x})", line, column)]
        ) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str = "<string>") -> Any:
    """Parse one YAML document into LocatedDict / LocatedList / str / None."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DataError([Problem(name, "is empty: expected an article, actors, meetings, quotes")])
    try:
        document = _build(yaml.parse(text, Loader=_Loader), name)
        if document is None:
            raise DataError(
                [Problem(name, "is empty: expected an article, actors, meetings, quotes")]
            )
        return document
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = f"invalid YAML: {error.problem or error.context}"
        if "invalid Unicode character escape" in message:
            message += (
                " (an escape such as \\ud800, a lone surrogate, names no character: text must "
                "be writable as UTF-8)"
            )
        if mark is None:
            raise DataError([Problem(name, message)]) from None
        raise DataError([Problem(name, message, *_pos(mark))]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, f"invalid YAML: {error}")]) from None
    except RecursionError:
        raise DataError([Problem(name, f"nesting deeper than {MAX_DEPTH} levels")]) from None


def _fail(name: str, mark: Any, message: str) -> DataError:
    return DataError([Problem(name, message, *_pos(mark))])


def _build(events: Any, name: str) -> Any:
    # Each stack frame: [container, pending key (or _NO_KEY), the key's position]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0

    def attach(value: Any, mark: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, LocatedList):
            container.positions[len(container)] = _pos(mark)
            container.append(value)
            return
        if frame[1] is _NO_KEY:
            if not isinstance(value, str):
                raise _fail(name, mark, "a key must be a plain string, not a list or mapping")
            if value in container:
                first = container.positions.get(value)
                where = f" (first at line {first[0]})" if first else ""
                raise _fail(name, mark, f"duplicate key {value!r}{where}")
            frame[1], frame[2] = value, _pos(mark)
            return
        key = frame[1]
        container[key] = value
        container.positions[key] = _pos(mark)
        frame[1] = _NO_KEY

    for event in events:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            raise _fail(name, event.start_mark, f"YAML {kind} &{anchor} is not allowed")
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent):
            plain = bool(event.implicit[0])
            if tag not in _PLAIN_TAGS and not (tag == "tag:yaml.org,2002:null" and plain):
                raise _fail(name, event.start_mark, f"YAML tag {tag} is not allowed")
            value: Any = event.value
            if plain and tag is None and value in _NULLS:
                value = None
            key_expected = (
                bool(stack) and stack[-1][1] is _NO_KEY and isinstance(stack[-1][0], LocatedDict)
            )
            if key_expected and value is None:
                raise _fail(name, event.start_mark, "an empty key is not allowed")
            if key_expected and plain and tag is None:
                resolved = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
                if resolved != "tag:yaml.org,2002:str":
                    kind = resolved.rsplit(":", 1)[-1]
                    raise _fail(
                        name, event.start_mark, f"key {value!r} is a YAML {kind}, not a string"
                    )
            attach(value, event.start_mark)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if tag not in _PLAIN_TAGS:
                raise _fail(name, event.start_mark, f"YAML tag {tag} is not allowed")
            if len(stack) >= MAX_DEPTH:
                raise _fail(name, event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
            container = (
                LocatedDict() if isinstance(event, yaml.MappingStartEvent) else LocatedList()
            )
            container.position = _pos(event.start_mark)
            container.positions = {}
            attach(container, event.start_mark)
            stack.append([container, _NO_KEY, None])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _fail(name, event.start_mark, "only one YAML document per file is allowed")
    return root


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()
