"""Parse, validate and resolve article files into models, reporting every problem at once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from explorer.data import dates, schema
from explorer.data.errors import DataError, Problem
from explorer.data.models import Actor, Article, Loaded, Meeting, Quote, Span
from explorer.data.safe_yaml import MAX_BYTES, parse_yaml, position_of, read_yaml_file
from explorer.data.schema import FieldSpec
from explorer.data.text import FoldedText, Sentences, clean_text


def _show(value: Any, limit: int = 60) -> str:
    """A value for a message, cut short inside its quote marks (so they stay balanced)."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[: limit - 1].rstrip() + "…")
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _difference(finder: FoldedText, excerpt: str) -> str:
    """': after “…”, the body has “…” where the file has “…”', the first place they part.

    Typographic marks delimit the words, which may hold straight quotes of their own.
    """
    shared, theirs, mine = finder.first_difference(excerpt)
    if not shared:
        return f": the body has no passage that starts “{mine}”"
    if not mine:
        return f": the body has only the start of it, up to “{shared}”"
    body = f"“{theirs}”" if theirs else "the end of a paragraph"
    return f": after “{shared}”, the body has {body} where the file has “{mine}”"


@dataclass
class _Reporter:
    """Collects the problems of one file, each located at the value it is about."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, container: Any, key: Any, message: str) -> None:
        position = position_of(container, key)
        line, column = position if position else (None, None)
        self.problems.append(Problem(self.file, message, line, column))


@dataclass
class ParsedFile:
    """One article file, validated on its own; references are resolved across the corpus."""

    path: str
    article: Article
    actors: list[Actor]
    meetings: list[Meeting]
    quotes: list[Quote]
    # Where things stand, for problems that need the whole corpus to be seen.
    actor_positions: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    references: list[tuple[str, str, Any, Any, str]] = field(default_factory=list)
    meeting_positions: dict[str, Any] = field(default_factory=dict)
    quote_positions: dict[str, Any] = field(default_factory=dict)
    article_position: Any = None
    problems: list[Problem] = field(default_factory=list)
    declared: dict[str, set[str]] = field(default_factory=dict)


def _check_record(
    record: Any, spec: dict[str, FieldSpec], what: str, report: _Reporter, where: Any, key: Any
) -> dict[str, Any] | None:
    """Type-check one mapping against its spec; returns cleaned values or None if unusable."""
    if not isinstance(record, dict):
        report.add(where, key, f"{what} must be a mapping of fields, not {_show(record)}")
        return None
    values: dict[str, Any] = {}
    label = f"{what} {record.get('id')!r}" if isinstance(record.get("id"), str) else what
    for name in record:
        if name not in spec:
            known = ", ".join(spec)
            report.add(record, name, f"unknown key {name!r} in {label} (expected one of: {known})")
    for name, field_spec in spec.items():
        if name not in record or record[name] is None:
            if field_spec.required:
                report.add(record, None, f"{label} is missing required field {name!r}")
            continue
        value = record[name]
        checked = _check_value(value, field_spec, f"{label}: {name}", report, record, name)
        if checked is not None:
            values[name] = checked
    return values


def _unwritable(text: str) -> str | None:
    """Why `text` cannot be stored (written as UTF-8), or None: a lone surrogate such as a
    YAML or JSON "\\ud800" escape is not a character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as failure:
        code = ord(text[failure.start])
        return (
            f"U+{code:04X} at character {failure.start + 1} is a lone surrogate, not a "
            "character (it cannot be written as UTF-8)"
        )
    return None


def _too_long(text: str, spec: FieldSpec) -> str | None:
    """Why `text` is too long for its field (a name, title or id), or None."""
    if spec.max_length is None or len(text) <= spec.max_length:
        return None
    return (
        f"{_show(text)} is {len(text):,} characters long; a name, title or id may have at "
        f"most {spec.max_length}"
    )


def _check_value(
    value: Any, spec: FieldSpec, label: str, report: _Reporter, record: Any, name: str
) -> Any:
    kind = spec.kind
    if kind in ("str", "slug", "enum", "date", "when"):
        if not isinstance(value, str):
            report.add(record, name, f"{label} must be a single value, not {_show(value)}")
            return None
        if (why := _unwritable(value)) is not None:
            report.add(record, name, f"{label}: {why}")
            return None
        value = clean_text(value).strip() if kind != "str" else clean_text(value)
        if kind == "str" and not value.strip():
            report.add(record, name, f"{label} must not be empty")
            return None
        if (why := _too_long(value, spec)) is not None:
            report.add(record, name, f"{label}: {why}")
            return None
        if kind == "slug" and not schema.SLUG.fullmatch(value):
            report.add(
                record, name, f"{label}: {_show(value)} is not an id (lowercase words joined by -)"
            )
            return None
        if kind == "enum" and value not in spec.choices:
            choices = " | ".join(spec.choices)
            report.add(record, name, f"{label}: {_show(value)} is not one of {choices}")
            return None
        if kind in ("date", "when"):
            try:
                return dates.parse_day(value) if kind == "date" else dates.parse_when(value)
            except dates.DateFormatError as error:
                report.add(record, name, f"{label}: {error}")
                return None
        return value
    if kind in ("list", "slugs"):
        if isinstance(value, str):
            report.add(record, name, f"{label} must be a list, not the single value {_show(value)}")
            return None
        if not isinstance(value, list):
            report.add(record, name, f"{label} must be a list, not {_show(value)}")
            return None
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str):
                report.add(
                    value, index, f"{label}[{index}] must be a text value, not {_show(item)}"
                )
                continue
            if (why := _unwritable(item)) is not None:
                report.add(value, index, f"{label}[{index}]: {why}")
                continue
            # Cleaned first, then judged: what is stored is what was checked, so an item of
            # control characters alone is refused here rather than stored as "" (which its
            # export could not import back).
            cleaned = clean_text(item)
            if not cleaned.strip():
                why = " (it holds only control characters)" if item.strip() else ""
                report.add(value, index, f"{label}[{index}] must not be empty{why}")
                continue
            item = cleaned
            if (why := _too_long(item, spec)) is not None:
                report.add(value, index, f"{label}[{index}]: {why}")
                continue
            if kind == "slugs" and not schema.SLUG.fullmatch(item.strip()):
                report.add(value, index, f"{label}[{index}]: {_show(item)} is not an id")
                continue
            items.append(item.strip() if kind == "slugs" else item)
        return tuple(items)
    if kind == "mapping":
        if not isinstance(value, dict):
            report.add(record, name, f"{label} must be a mapping of fields, not {_show(value)}")
            return None
        return value
    if kind == "records":
        if not isinstance(value, list):
            report.add(record, name, f"{label} must be a list of records, not {_show(value)}")
            return None
        return value
    raise AssertionError(f"unknown field kind {kind}")


def _records(document: Any, key: str, report: _Reporter) -> list[tuple[Any, Any, int]]:
    records = document.get(key)
    if records is None:
        return []
    if not isinstance(records, list):
        report.add(document, key, f"{key} must be a list of records, not {_show(records)}")
        return []
    return [(records, index, index) for index in range(len(records))]


def _locate(
    finder: FoldedText,
    sentences: Sentences,
    article_id: str,
    excerpt: str,
    how: str,
    *,
    whole_words: bool = False,
    every: bool = False,
) -> list[Span]:
    found = finder.find_all(excerpt, whole_words=whole_words)
    matches = list(found) if every else [m for m in [next(found, None)] if m is not None]
    spans = []
    for start, end in matches:
        sentence_start, sentence_end = sentences.around(start, end)
        spans.append(Span(article_id, start, end, sentence_start, sentence_end, how))
    return spans


def parse_file(path: str | Path) -> ParsedFile:
    """Validate one file in isolation; raises DataError listing all of its problems."""
    parsed = _parse_file(path)
    if parsed.problems:
        raise DataError(parsed.problems)
    return parsed


def _parse_file(path: str | Path) -> ParsedFile:
    """Validate one file; its problems are collected on the result, not raised, so that
    reference checks across the corpus can still report theirs alongside."""
    return _parse_document(read_yaml_file(path), str(path))


EXPORT_KEY = "explorer_export"
EXPORT_VERSION = 1
_EXPORT_KEYS = (EXPORT_KEY, "view", "articles")
# An export holds many articles: it may be larger than one article file may be.
EXPORT_MAX_BYTES = 1024 * 1024 * 1024
_EXPORT_START = re.compile(rb'\s*\{\s*"explorer_export"\s*:')


def parse_units(path: str | Path) -> list[ParsedFile]:
    """Every article a file holds: one for a format-v1 file, several for a JSON export.

    A JSON export (`explorer export --format json`) is {"explorer_export": 1, "view": …,
    "articles": [a format-v1 document, …]}; each article is validated exactly as if it were a
    file of its own, and its problems are located in the export file. A well-formed export is
    read with the JSON parser (a thousand articles in seconds); the YAML reader, which knows
    where every value stands, reads it again only to locate problems.
    """
    name = str(path)
    export = _is_export(path)
    if export:
        articles = _read_json_export(path)
        if articles is not None:
            units = [_parse_document(article, name) for article in articles]
            if not any(unit.problems for unit in units):
                return units
    document = read_yaml_file(path, EXPORT_MAX_BYTES if export else MAX_BYTES)
    if not (isinstance(document, dict) and EXPORT_KEY in document):
        return [_parse_document(document, name)]
    report = _Reporter(name)
    for key in document:
        if key not in _EXPORT_KEYS:
            known = ", ".join(_EXPORT_KEYS)
            report.add(document, key, f"unknown key {key!r} in an export (expected: {known})")
    if document[EXPORT_KEY] != str(EXPORT_VERSION):
        report.add(
            document,
            EXPORT_KEY,
            f"export format {document[EXPORT_KEY]!r} is not one this explorer reads "
            f"({EXPORT_VERSION})",
        )
    articles = document.get("articles")
    if not isinstance(articles, list):
        report.add(document, "articles", "an export must list its articles under 'articles'")
    if report.problems:
        raise DataError(report.problems)
    return [_parse_document(article, name) for article in articles]


def _is_export(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return bool(_EXPORT_START.match(handle.read(256)))
    except OSError:
        return False


class _NotPlain(Exception):
    """JSON that the YAML reader would read differently (or reject): let it decide."""


def _strict_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _NotPlain
    return result


def _as_yaml_reads_it(value: Any) -> Any:
    """JSON values as the safe YAML reader gives them: every scalar text, null None."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(item, str) and item is not None:
                value[key] = _as_yaml_reads_it(item)
        return value
    if isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, str) and item is not None:
                value[index] = _as_yaml_reads_it(item)
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _read_json_export(path: str | Path) -> list[Any] | None:
    """The article documents of a well-formed JSON export, or None to read it as YAML."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(EXPORT_MAX_BYTES + 1)
        if len(raw) > EXPORT_MAX_BYTES:
            return None
        document = json.loads(
            raw.decode("utf-8"),
            parse_int=str,
            parse_float=str,
            parse_constant=str,
            object_pairs_hook=_strict_pairs,
        )
    except (OSError, ValueError, RecursionError, _NotPlain):
        return None
    if not isinstance(document, dict) or set(document) - set(_EXPORT_KEYS):
        return None
    if document.get(EXPORT_KEY) != str(EXPORT_VERSION):
        return None
    articles = document.get("articles")
    if not isinstance(articles, list):
        return None
    return _as_yaml_reads_it(articles)


def _parse_document(document: Any, name: str) -> ParsedFile:
    """Validate one article document (a whole file, or one article of an export)."""
    report = _Reporter(name)
    if not isinstance(document, dict):
        report.add(
            document, None, "the file must be a mapping with article, actors, meetings, quotes"
        )
        raise DataError(report.problems)
    _check_record(document, schema.TOP_LEVEL, "the file", report, document, None)
    article_raw = document.get("article")
    article_values = (
        _check_record(article_raw, schema.ARTICLE, "article", report, document, "article")
        if isinstance(article_raw, dict)
        else None
    )
    body = (article_values or {}).get("body", "")
    article_id = (article_values or {}).get("id", "")
    finder = FoldedText(body)
    sentences = Sentences(body)
    paragraphs = {p.strip() for p in body.split("\n") if p.strip()}
    for index, heading in enumerate((article_values or {}).get("subheadings", ())):
        if heading.strip() not in paragraphs:
            report.add(
                article_raw.get("subheadings"),
                index,
                f"subheading {_show(heading)} is not a paragraph of the body",
            )

    def supported(values: dict[str, Any], container: Any, what: str) -> list[Span]:
        spans: list[Span] = []
        for index, excerpt in enumerate(values.get("evidence", ())):
            found = _locate(finder, sentences, article_id, excerpt, "evidence")
            if not found:
                report.add(
                    container.get("evidence"),
                    index,
                    f"{what}: evidence {_show(excerpt)} does not occur in the article body"
                    + _difference(finder, excerpt),
                )
            spans.extend(found)
        return spans

    parsed = ParsedFile(name, None, [], [], [])  # type: ignore[arg-type]
    seen: dict[str, dict[str, Any]] = {"actor": {}, "meeting": {}, "quote": {}}

    def first_time(kind: str, values: dict[str, Any], record: Any) -> bool:
        ident = values.get("id")
        if ident is None:
            return False
        if ident in seen[kind]:
            line = (position_of(seen[kind][ident], "id") or ("?",))[0]
            report.add(
                record, "id", f"duplicate {kind} id {ident!r} (first defined at line {line})"
            )
            return False
        seen[kind][ident] = record
        return True

    for container, index, _ in _records(document, "actors", report):
        record = container[index]
        values = _check_record(record, schema.ACTOR, "actor", report, container, index)
        if values is None or not first_time("actor", values, record) or "name" not in values:
            continue
        what = f"actor {values['id']!r}"
        spans = supported(values, record, what)
        for how, phrase in [("name", values["name"])] + [
            ("alias", alias) for alias in values.get("aliases", ())
        ]:
            spans.extend(
                _locate(finder, sentences, article_id, phrase, how, whole_words=True, every=True)
            )
        if "kind" not in values:
            continue
        for index2, parent in enumerate(values.get("member_of", ())):
            parsed.references.append(("actor", parent, record.get("member_of"), index2, what))
        parsed.actor_positions[values["id"]] = record
        parsed.actors.append(
            Actor(
                id=values["id"],
                name=values["name"],
                kind=values["kind"],
                role=values.get("role"),
                member_of=values.get("member_of", ()),
                aliases=values.get("aliases", ()),
                evidence=values.get("evidence", ()),
                note=values.get("note"),
                articles=(article_id,),
                spans=tuple(sorted(set(spans), key=lambda s: (s.start, s.end))),
            )
        )

    for container, index, _ in _records(document, "meetings", report):
        record = container[index]
        values = _check_record(record, schema.MEETING, "meeting", report, container, index)
        if values is None or not first_time("meeting", values, record):
            continue
        what = f"meeting {values['id']!r}"
        if "evidence" in record and not values.get("evidence") and "evidence" in values:
            report.add(record, "evidence", f"{what}: evidence must list at least one excerpt")
        spans = supported(values, record, what)
        for index2, participant in enumerate(values.get("participants", ())):
            parsed.references.append(
                ("actor", participant, record.get("participants"), index2, what)
            )
        if not {"title", "status", "participants", "evidence"} <= values.keys():
            continue
        parsed.meeting_positions[values["id"]] = record
        parsed.meetings.append(
            Meeting(
                id=values["id"],
                title=values["title"],
                status=values["status"],
                article=article_id,
                participants=values["participants"],
                when=values.get("when"),
                where=values.get("where"),
                summary=values.get("summary"),
                evidence=values["evidence"],
                note=values.get("note"),
                spans=tuple(spans),
            )
        )

    for container, index, _ in _records(document, "quotes", report):
        record = container[index]
        values = _check_record(record, schema.QUOTE, "quote", report, container, index)
        if values is None or not first_time("quote", values, record):
            continue
        what = f"quote {values['id']!r}"
        spans: list[Span] = []
        if values.get("kind") == "direct" and "text" in values:
            spans = _locate(finder, sentences, article_id, values["text"], "text")
            if not spans:
                report.add(
                    record,
                    "text",
                    f"{what}: direct quote {_show(values['text'])} does not occur verbatim "
                    "in the article body" + _difference(finder, values["text"]),
                )
        elif values.get("kind") in ("paraphrase", "reported") and not values.get("evidence"):
            report.add(
                record,
                None,
                f"{what}: a {values['kind']} quote needs evidence (the attributing sentence)",
            )
        spans.extend(supported(values, record, what))
        if "speaker" in values:
            parsed.references.append(("actor", values["speaker"], record, "speaker", what))
        if "meeting" in values:
            parsed.references.append(("meeting", values["meeting"], record, "meeting", what))
        if not {"text", "speaker", "kind"} <= values.keys():
            continue
        parsed.quote_positions[values["id"]] = record
        parsed.quotes.append(
            Quote(
                id=values["id"],
                text=values["text"],
                speaker=values["speaker"],
                kind=values["kind"],
                article=article_id,
                meeting=values.get("meeting"),
                evidence=values.get("evidence", ()),
                note=values.get("note"),
                spans=tuple(spans),
            )
        )

    parsed.declared = {kind: set(ids) for kind, ids in seen.items()}
    parsed.problems = report.problems
    if article_values is None or not {"id", "title", "published"} <= article_values.keys():
        return parsed
    parsed.article = Article(
        id=article_values["id"],
        title=article_values["title"],
        published=article_values["published"],
        body=body,
        source=article_values.get("source"),
        url=article_values.get("url"),
        subheadings=tuple(h.strip() for h in article_values.get("subheadings", ())),
        file=name,
    )
    parsed.article_position = article_raw
    return parsed


def _where(file: str, container: Any, key: Any) -> tuple[int | None, int | None]:
    position = position_of(container, key)
    return position if position else (None, None)


def merge_files(files: Iterable[ParsedFile]) -> Loaded:
    """Join parsed files into one corpus: shared actors merge, references resolve across it."""
    files = list(files)
    problems: list[Problem] = []
    articles: dict[str, tuple[ParsedFile, Article]] = {}
    actors: dict[str, tuple[ParsedFile, Actor]] = {}
    meetings: dict[str, tuple[ParsedFile, Meeting]] = {}
    quotes: dict[str, tuple[ParsedFile, Quote]] = {}

    for parsed in files:
        problems.extend(parsed.problems)
        article = parsed.article
        if article is None:
            continue
        if article.id in articles:
            other = articles[article.id][0]
            line, col = _where(parsed.path, parsed.article_position, "id")
            problems.append(
                Problem(
                    parsed.path,
                    f"article id {article.id!r} is also used by {other.path}",
                    line,
                    col,
                )
            )
            continue
        articles[article.id] = (parsed, article)
        for actor in parsed.actors:
            if actor.id not in actors:
                actors[actor.id] = (parsed, actor)
                continue
            first_file, first = actors[actor.id]
            conflict = False
            for name in ("name", "kind"):
                mine, theirs = getattr(actor, name), getattr(first, name)
                if mine != theirs:
                    conflict = True
                    line, col = _where(parsed.path, parsed.actor_positions[actor.id], name)
                    fline, fcol = _where(
                        first_file.path, first_file.actor_positions[actor.id], name
                    )
                    problems.append(
                        Problem(
                            parsed.path,
                            f"actor {actor.id!r}: {name} {mine!r} conflicts with {theirs!r} "
                            f"at {first_file.path}:{fline}:{fcol}",
                            line,
                            col,
                        )
                    )
            if conflict:
                continue
            actors[actor.id] = (first_file, _merge_actor(first, actor))
        for kind, table, items, positions in (
            ("meeting", meetings, parsed.meetings, parsed.meeting_positions),
            ("quote", quotes, parsed.quotes, parsed.quote_positions),
        ):
            for item in items:
                if item.id in table:
                    line, col = _where(parsed.path, positions[item.id], "id")
                    problems.append(
                        Problem(
                            parsed.path,
                            f"{kind} id {item.id!r} is also defined in {table[item.id][0].path}",
                            line,
                            col,
                        )
                    )
                else:
                    table[item.id] = (parsed, item)  # type: ignore[assignment]

    known: dict[str, set[str]] = {"actor": set(actors), "meeting": set(meetings)}
    for parsed in files:
        for kind, ids in known.items():
            ids.update(parsed.declared.get(kind, ()))
    for parsed in files:
        for kind, target, container, key, what in parsed.references:
            if target not in known[kind]:
                line, col = _where(parsed.path, container, key)
                problems.append(
                    Problem(parsed.path, f"{what}: unknown {kind} {target!r}", line, col)
                )
    if problems:
        raise DataError(problems)
    return Loaded(
        articles=[a for _, a in articles.values()],
        actors=[a for _, a in actors.values()],
        meetings=[m for _, m in meetings.values()],
        quotes=[q for _, q in quotes.values()],
    )


def _merge_actor(first: Actor, other: Actor) -> Actor:
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return a + tuple(x for x in b if x not in a)

    return replace(
        first,
        role=first.role or other.role,
        member_of=union(first.member_of, other.member_of),
        aliases=union(first.aliases, other.aliases),
        evidence=union(first.evidence, other.evidence),
        note=first.note or other.note,
        articles=union(first.articles, other.articles),
        spans=first.spans + other.spans,
    )


def load_text(text: str, name: str) -> Loaded:
    """Validate one article document given as text (a file about to be written) by exactly
    the rules `explorer check` applies to a file; raises DataError naming `name`."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise DataError([Problem(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")])
    return merge_files([_parse_document(parse_yaml(text, name), name)])


def load_files(paths: Iterable[str | Path]) -> Loaded:
    """Parse and merge files, raising one DataError with the problems of every file."""
    parsed: list[ParsedFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            parsed.extend(parse_units(path))
        except DataError as error:  # the file could not even be read as YAML
            problems.extend(error.problems)
    try:
        loaded = merge_files(parsed)
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return loaded
