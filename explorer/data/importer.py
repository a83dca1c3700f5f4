"""Parse, validate and resolve article files into models, reporting every problem at once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from explorer.data import dates, schema
from explorer.data.errors import DataError, Problem
from explorer.data.models import (
    CALLED_OFF_STATUSES,
    Actor,
    ActorRole,
    Article,
    Loaded,
    Meeting,
    MeetingReport,
    Quote,
    Span,
)
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
    # The format the file declares ("1", "1.1"), or None; what it uses of format 1.1.
    format: str | None = None
    uses: list[str] = field(default_factory=list)

    @property
    def version(self) -> str:
        """The format this file is in: as declared, else 1.1 when it uses any of it."""
        return self.format or ("1.1" if self.uses else "1")


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
    if kind == "speakers":  # one id, or (format 1.1) a list of ids
        if not isinstance(value, list):
            one = _check_value(
                value, FieldSpec("slug", max_length=spec.max_length), label, report, record, name
            )
            return None if one is None else (one,)
        if not value:
            report.add(record, name, f"{label} must list at least one actor id")
            return None
        ids = _check_value(
            value, FieldSpec("slugs", max_length=spec.max_length), label, report, record, name
        )
        if ids is None:
            return None
        for index, ident in enumerate(ids):
            if ident in ids[:index]:
                report.add(value, index, f"{label}[{index}]: {ident!r} is listed twice")
        return tuple(dict.fromkeys(ids))
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
    if report.problems or not isinstance(articles, list):
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
    return list(_as_yaml_reads_it(articles))


@dataclass
class _Document:
    """What the checks of one article document share: its body, where its sentences are, the
    problems found so far, and the items already defined (for duplicate ids)."""

    name: str
    report: _Reporter
    article_id: str
    finder: FoldedText
    sentences: Sentences
    parsed: ParsedFile
    published: date | None = None
    seen: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {"actor": {}, "meeting": {}, "quote": {}}
    )

    def locate(self, excerpt: str, how: str, **options: bool) -> list[Span]:
        return _locate(self.finder, self.sentences, self.article_id, excerpt, how, **options)

    def supported(self, values: dict[str, Any], container: Any, what: str) -> list[Span]:
        """The spans of an item's evidence; each excerpt not in the body is a problem."""
        spans: list[Span] = []
        for index, excerpt in enumerate(values.get("evidence", ())):
            found = self.locate(excerpt, "evidence")
            if not found:
                self.report.add(
                    container.get("evidence"),
                    index,
                    f"{what}: evidence {_show(excerpt)} does not occur in the article body"
                    + _difference(self.finder, excerpt),
                )
            spans.extend(found)
        return spans

    def first_time(self, kind: str, values: dict[str, Any], record: Any) -> bool:
        """True for an item's first definition; a second one with its id is a problem."""
        ident = values.get("id")
        if ident is None:
            return False
        seen = self.seen[kind]
        if ident in seen:
            line = (position_of(seen[ident], "id") or ("?",))[0]
            self.report.add(
                record, "id", f"duplicate {kind} id {ident!r} (first defined at line {line})"
            )
            return False
        seen[ident] = record
        return True

    def refer(self, kind: str, target: str, container: Any, key: Any, what: str) -> None:
        """A reference resolved once the whole corpus is known (by `merge_files`)."""
        self.parsed.references.append((kind, target, container, key, what))


def _parse_document(document: Any, name: str) -> ParsedFile:
    """Validate one article document (a whole file, or one article of an export)."""
    report = _Reporter(name)
    if not isinstance(document, dict):
        report.add(
            document, None, "the file must be a mapping with article, actors, meetings, quotes"
        )
        raise DataError(report.problems)
    top = _check_record(document, schema.TOP_LEVEL, "the file", report, document, None) or {}
    article_raw = document.get("article")
    article_values = (
        _check_record(article_raw, schema.ARTICLE, "article", report, document, "article")
        if isinstance(article_raw, dict)
        else None
    ) or {}
    body = article_values.get("body", "")
    doc = _Document(
        name,
        report,
        article_values.get("id", ""),
        FoldedText(body),
        Sentences(body),
        ParsedFile(name, None, [], [], []),  # type: ignore[arg-type]
        article_values.get("published"),
    )
    if "format" in top:
        doc.parsed.format = "1" if top["format"] == "1.0" else top["format"]
    _check_subheadings(doc, article_raw, article_values, body)
    for key, parse_one in (
        ("actors", _parse_actor),
        ("meetings", _parse_meeting),
        ("quotes", _parse_quote),
    ):
        for container, index, _ in _records(document, key, report):
            parse_one(doc, container, index)
    parsed = doc.parsed
    parsed.declared = {kind: set(ids) for kind, ids in doc.seen.items()}
    parsed.problems = report.problems
    if not {"id", "title", "published"} <= article_values.keys():
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


def _check_subheadings(
    doc: _Document, article_raw: Any, article_values: dict[str, Any], body: str
) -> None:
    """Every subheading must be one of the body's paragraphs."""
    paragraphs = {p.strip() for p in body.split("\n") if p.strip()}
    for index, heading in enumerate(article_values.get("subheadings", ())):
        if heading.strip() not in paragraphs:
            doc.report.add(
                article_raw.get("subheadings"),
                index,
                f"subheading {_show(heading)} is not a paragraph of the body",
            )


def _parse_actor(doc: _Document, container: Any, index: int) -> None:
    """One actor: its fields, its evidence, and where its name and aliases occur."""
    record = container[index]
    values = _check_record(record, schema.ACTOR, "actor", doc.report, container, index)
    if values is None or not doc.first_time("actor", values, record) or "name" not in values:
        return
    what = f"actor {values['id']!r}"
    spans = doc.supported(values, record, what)
    phrases = [("name", values["name"])]
    phrases += [("alias", alias) for alias in values.get("aliases", ())]
    for how, phrase in phrases:
        spans.extend(doc.locate(phrase, how, whole_words=True, every=True))
    if "kind" not in values:
        return
    for position, parent in enumerate(values.get("member_of", ())):
        doc.refer("actor", parent, record.get("member_of"), position, what)
    doc.parsed.actor_positions[values["id"]] = record
    doc.parsed.actors.append(
        Actor(
            id=values["id"],
            name=values["name"],
            kind=values["kind"],
            role=values.get("role"),
            member_of=values.get("member_of", ()),
            aliases=values.get("aliases", ()),
            evidence=values.get("evidence", ()),
            note=values.get("note"),
            articles=(doc.article_id,),
            roles=_own_roles(doc, values),
            # Every field in the key: a set's order varies between runs, and a name that is
            # also an alias gives two spans at one place, which must come out the same way.
            spans=tuple(
                sorted(
                    set(spans),
                    key=lambda s: (s.start, s.end, s.how, s.article, s.sentence_start),
                )
            ),
        )
    )


def _own_roles(doc: _Document, values: dict[str, Any]) -> tuple[ActorRole, ...]:
    """The role and note one article gives an actor, with its date (none when it gives
    neither)."""
    role, note = values.get("role"), values.get("note")
    if doc.published is None or (role is None and note is None):
        return ()
    return (ActorRole(doc.article_id, doc.published, role, note),)


def _parse_meeting(doc: _Document, container: Any, index: int) -> None:
    """One meeting: its fields, its evidence (at least one excerpt), its participants."""
    record = container[index]
    values = _check_record(record, schema.MEETING, "meeting", doc.report, container, index)
    if values is None or not doc.first_time("meeting", values, record):
        return
    what = f"meeting {values['id']!r}"
    if "evidence" in record and not values.get("evidence") and "evidence" in values:
        doc.report.add(record, "evidence", f"{what}: evidence must list at least one excerpt")
    spans = doc.supported(values, record, what)
    for position, participant in enumerate(values.get("participants", ())):
        doc.refer("actor", participant, record.get("participants"), position, what)
    if values.get("status") in CALLED_OFF_STATUSES:
        if doc.parsed.format == "1":
            doc.report.add(
                record,
                "status",
                f"{what}: status {values['status']!r} is format 1.1, and this file declares "
                "format 1",
            )
        elif "postponed or cancelled meetings" not in doc.parsed.uses:
            doc.parsed.uses.append("postponed or cancelled meetings")
    if not {"title", "status", "participants", "evidence"} <= values.keys():
        return
    doc.parsed.meeting_positions[values["id"]] = record
    doc.parsed.meetings.append(
        Meeting(
            id=values["id"],
            title=values["title"],
            status=values["status"],
            article=doc.article_id,
            participants=values["participants"],
            when=values.get("when"),
            where=values.get("where"),
            summary=values.get("summary"),
            evidence=values["evidence"],
            note=values.get("note"),
            spans=tuple(spans),
            reports=(
                (
                    MeetingReport(
                        doc.article_id,
                        doc.published,
                        values["status"],
                        values.get("when"),
                        values["evidence"],
                    ),
                )
                if doc.published is not None
                else ()
            ),
        )
    )


def _quote_spans(doc: _Document, values: dict[str, Any], record: Any, what: str) -> list[Span]:
    """A direct quote's own words in the body; a paraphrase or report needs its evidence."""
    spans: list[Span] = []
    if values.get("kind") == "direct" and "text" in values:
        spans = doc.locate(values["text"], "text")
        if not spans:
            doc.report.add(
                record,
                "text",
                f"{what}: direct quote {_show(values['text'])} does not occur verbatim "
                "in the article body" + _difference(doc.finder, values["text"]),
            )
    elif values.get("kind") in ("paraphrase", "reported") and not values.get("evidence"):
        doc.report.add(
            record,
            None,
            f"{what}: a {values['kind']} quote needs evidence (the attributing sentence)",
        )
    return spans + doc.supported(values, record, what)


def _parse_quote(doc: _Document, container: Any, index: int) -> None:
    """One quote: its fields, where it stands in the body, its speaker and meeting."""
    record = container[index]
    values = _check_record(record, schema.QUOTE, "quote", doc.report, container, index)
    if values is None or not doc.first_time("quote", values, record):
        return
    what = f"quote {values['id']!r}"
    spans = _quote_spans(doc, values, record, what)
    speakers: tuple[str, ...] = values.get("speaker", ())
    listed = isinstance(record.get("speaker"), list)
    for position, speaker in enumerate(speakers):
        if listed:
            doc.refer("actor", speaker, record["speaker"], position, what)
        else:
            doc.refer("actor", speaker, record, "speaker", what)
    if listed and speakers:
        if doc.parsed.format == "1":
            doc.report.add(
                record,
                "speaker",
                f"{what}: a list of speakers (a joint statement) is format 1.1, and this "
                "file declares format 1",
            )
        elif "joint statements" not in doc.parsed.uses:
            doc.parsed.uses.append("joint statements")
    if "meeting" in values:
        doc.refer("meeting", values["meeting"], record, "meeting", what)
    if not {"text", "speaker", "kind"} <= values.keys() or not speakers:
        return
    doc.parsed.quote_positions[values["id"]] = record
    doc.parsed.quotes.append(
        Quote(
            id=values["id"],
            text=values["text"],
            speaker=speakers[0],
            speakers=speakers,
            kind=values["kind"],
            article=doc.article_id,
            meeting=values.get("meeting"),
            evidence=values.get("evidence", ()),
            note=values.get("note"),
            spans=tuple(spans),
        )
    )


def _where(file: str, container: Any, key: Any) -> tuple[int | None, int | None]:
    position = position_of(container, key)
    return position if position else (None, None)


# -- merging: the one set of rules that joins articles into a corpus ---------------------------


@dataclass
class UnitActor:
    """An actor as one article defines it; `spans` are whatever the caller carries them as
    (models, or database rows already encoded)."""

    id: str
    name: str
    kind: str
    role: str | None = None
    member_of: Sequence[str] = ()
    aliases: Sequence[str] = ()
    evidence: Sequence[str] = ()
    note: str | None = None
    spans: Any = None


@dataclass
class Unit:
    """What merging needs of one article: its ids, its actors and what it refers to.

    `declared` names every id the article defines, valid or not (a reference to an item that
    is itself wrong is not reported a second time as unknown).
    """

    article: str | None
    actors: Sequence[UnitActor]
    meetings: Sequence[str]
    quotes: Sequence[str]
    references: Sequence[tuple[str, str]]
    declared: Mapping[str, Iterable[str]]
    # The article's publication date (orders reports and roles), and each meeting's title
    # and place (which every article that reports it must give alike).
    published: date | None = None
    meeting_facts: Sequence[tuple[str, str | None]] = ()


class _Ordered:
    """A list without repeats, in first-seen order, that tells membership in O(1)."""

    __slots__ = ("items", "seen")

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self.items: list[Any] = []
        self.seen: set[Any] = set()
        self.extend(items)

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            if item not in self.seen:
                self.seen.add(item)
                self.items.append(item)


@dataclass
class MergedActor:
    """An actor joined over every article that names it (the first article's name and kind;
    lists joined without repeats; spans in article order). `roles` are (published, unit,
    article, role, note) of each article that gives a role or note, oldest first once merged;
    `role` and `note` the newest given."""

    unit: int
    id: str
    name: str
    kind: str
    role: str | None
    member_of: _Ordered
    aliases: _Ordered
    evidence: _Ordered
    note: str | None
    articles: _Ordered
    spans: list[Any]
    roles: list[tuple[date, int, str, str | None, str | None]] = field(default_factory=list)

    def add_role(self, published: date | None, u: int, article: str, actor: UnitActor) -> None:
        if actor.role is not None or actor.note is not None:
            self.roles.append((published or date.min, u, article, actor.role, actor.note))

    def settle(self) -> None:
        """Roles in publication order; the current role and note are the newest given."""
        self.roles.sort(key=lambda r: (r[0], r[1]))
        self.role = next((r[3] for r in reversed(self.roles) if r[3] is not None), None)
        self.note = next((r[4] for r in reversed(self.roles) if r[4] is not None), None)


@dataclass(frozen=True)
class Conflict:
    """Why units cannot be joined as they are: `what` is "article", "name", "kind" (an
    actor's, unlike another article's), "title" or "where" (a meeting's, unlike another
    article's), "quote" (an id used twice; `other` is the unit that had it first), or
    "reference" (`unit`'s reference number `index` names nothing)."""

    unit: int
    what: str
    ident: str
    other: int | None = None
    index: int = -1


@dataclass
class Merge:
    articles: list[int] = field(default_factory=list)
    actors: dict[str, MergedActor] = field(default_factory=dict)
    # Each meeting's reports as (unit, position) in publication order: one for a meeting
    # that one article reports.
    meetings: list[list[tuple[int, int]]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def merge_units(units: Sequence[Unit]) -> Merge:
    """Join articles into one corpus: an article id once, an actor shared by articles merged
    (same name and kind, else a conflict), a meeting reported by several articles merged
    (same title and place, else a conflict), a quote id once, every reference resolving to
    an item some article declares. Linear in the size of the corpus."""
    merge = Merge()
    article_owner: dict[str, int] = {}
    quote_owner: dict[str, int] = {}
    meetings = _Meetings(merge, units)
    for u, unit in enumerate(units):
        if unit.article is None:
            continue
        if unit.article in article_owner:
            merge.conflicts.append(
                Conflict(u, "article", unit.article, article_owner[unit.article])
            )
            continue
        article_owner[unit.article] = u
        merge.articles.append(u)
        for actor in unit.actors:
            _join_actor(merge, u, unit.article, unit.published, actor)
        for position in range(len(unit.meetings)):
            meetings.add(u, position)
        _place_items(merge, u, "quote", unit.quotes, quote_owner, merge.quotes)
    for merged in merge.actors.values():
        merged.settle()
    merge.meetings = meetings.finish()
    _resolve(merge, units, set(meetings.owner))
    return merge


class _Meetings:
    """Meetings joined by id over the articles that report them, first seen first."""

    def __init__(self, merge: Merge, units: Sequence[Unit]) -> None:
        self.merge, self.units = merge, units
        self.owner: dict[str, int] = {}  # id -> its place in `reports`
        self.reports: list[list[tuple[int, int]]] = []
        # id -> (unit, title) of the first report, (unit, where) of the first giving one
        self.title: dict[str, tuple[int, str]] = {}
        self.where: dict[str, tuple[int, str]] = {}

    def add(self, u: int, position: int) -> None:
        unit = self.units[u]
        ident = unit.meetings[position]
        facts = unit.meeting_facts[position] if position < len(unit.meeting_facts) else None
        place = self.owner.get(ident)
        if place is None:
            self.owner[ident] = len(self.reports)
            self.reports.append([(u, position)])
            if facts is not None:
                self.title[ident] = (u, facts[0])
                if facts[1] is not None:
                    self.where[ident] = (u, facts[1])
            return
        if facts is not None:
            title, where = facts
            first = self.title.setdefault(ident, (u, title))
            if first[1] != title:
                self.merge.conflicts.append(Conflict(u, "title", ident, first[0]))
                return
            if where is not None:
                given = self.where.setdefault(ident, (u, where))
                if given[1] != where:
                    self.merge.conflicts.append(Conflict(u, "where", ident, given[0]))
                    return
        self.reports[place].append((u, position))

    def finish(self) -> list[list[tuple[int, int]]]:
        """Each meeting's reports, oldest publication first (file order within a day)."""
        for reports in self.reports:
            if len(reports) > 1:
                reports.sort(key=lambda r: (self.units[r[0]].published or date.min, r[0]))
        return self.reports


def join_meetings(reports: Sequence[Meeting]) -> Meeting:
    """One meeting from the accounts of the articles that report it, oldest first: the
    newest account's status, the newest date given, participants and evidence joined, the
    newest summary and note given (see `Meeting`)."""
    if len(reports) == 1:
        return reports[0]
    first, last = reports[0], reports[-1]
    dated = [m.when for m in reports if m.when is not None]

    def newest(name: str) -> Any:
        return next((v for m in reversed(reports) if (v := getattr(m, name)) is not None), None)

    return Meeting(
        id=first.id,
        title=first.title,
        status=last.status,
        article=first.article,
        participants=tuple(dict.fromkeys(p for m in reports for p in m.participants)),
        when=dated[-1] if dated else None,
        where=newest("where"),
        summary=newest("summary"),
        evidence=tuple(dict.fromkeys(e for m in reports for e in m.evidence)),
        note=newest("note"),
        spans=tuple(s for m in reports for s in m.spans),
        articles=tuple(dict.fromkeys(a for m in reports for a in m.articles)),
        reports=tuple(r for m in reports for r in m.reports),
    )


def _place_items(
    merge: Merge,
    u: int,
    kind: str,
    ids: Sequence[str],
    owners: dict[str, int],
    placed: list[tuple[int, int]],
) -> None:
    """An article's quotes: each id once in the corpus, else a conflict."""
    for position, ident in enumerate(ids):
        if ident in owners:
            merge.conflicts.append(Conflict(u, kind, ident, owners[ident]))
            continue
        owners[ident] = u
        placed.append((u, position))


def _resolve(merge: Merge, units: Sequence[Unit], meetings: set[str]) -> None:
    """Every reference must name an actor or meeting that some article declares."""
    known: dict[str, set[str]] = {"actor": set(merge.actors), "meeting": meetings}
    for unit in units:
        for kind, ids in known.items():
            ids.update(unit.declared.get(kind, ()))
    for u, unit in enumerate(units):
        for index, (kind, target) in enumerate(unit.references):
            if target not in known[kind]:
                merge.conflicts.append(Conflict(u, "reference", target, None, index))


def _join_actor(
    merge: Merge, u: int, article: str, published: date | None, actor: UnitActor
) -> None:
    """Add one article's actor to the corpus: new, merged, or a conflict of name or kind."""
    merged = merge.actors.get(actor.id)
    if merged is None:
        merged = merge.actors[actor.id] = MergedActor(
            u,
            actor.id,
            actor.name,
            actor.kind,
            actor.role,
            _Ordered(actor.member_of),
            _Ordered(actor.aliases),
            _Ordered(actor.evidence),
            actor.note,
            _Ordered([article]),
            [actor.spans],
        )
        merged.add_role(published, u, article, actor)
        return
    clashes = [
        Conflict(u, name, actor.id, merged.unit)
        for name in ("name", "kind")
        if getattr(actor, name) != getattr(merged, name)
    ]
    if clashes:
        merge.conflicts.extend(clashes)
        return
    merged.add_role(published, u, article, actor)
    merged.member_of.extend(actor.member_of)
    merged.aliases.extend(actor.aliases)
    merged.evidence.extend(actor.evidence)
    merged.articles.extend([article])
    merged.spans.append(actor.spans)


def unit_of(parsed: ParsedFile) -> Unit:
    """What merging needs of a parsed file."""
    return Unit(
        parsed.article.id if parsed.article is not None else None,
        [
            UnitActor(
                a.id, a.name, a.kind, a.role, a.member_of, a.aliases, a.evidence, a.note, a.spans
            )
            for a in parsed.actors
        ],
        [m.id for m in parsed.meetings],
        [q.id for q in parsed.quotes],
        [(kind, target) for kind, target, *_ in parsed.references],
        parsed.declared,
        parsed.article.published if parsed.article is not None else None,
        [(m.title, m.where) for m in parsed.meetings],
    )


def merge_files(files: Iterable[ParsedFile]) -> Loaded:
    """Join parsed files into one corpus (`merge_units`), or raise DataError with every
    problem of every file, each at its file, line and column."""
    files = list(files)
    merge = merge_units([unit_of(parsed) for parsed in files])
    if merge.conflicts or any(parsed.problems for parsed in files):
        raise DataError(_merge_problems(files, merge.conflicts))
    actors = []
    for m in merge.actors.values():
        actors.append(
            Actor(
                id=m.id,
                name=m.name,
                kind=m.kind,
                role=m.role,
                member_of=tuple(m.member_of.items),
                aliases=tuple(m.aliases.items),
                evidence=tuple(m.evidence.items),
                note=m.note,
                articles=tuple(m.articles.items),
                spans=tuple(span for spans in m.spans for span in spans),
                roles=merged_roles(m),
            )
        )
    return Loaded(
        articles=[files[u].article for u in merge.articles],
        actors=actors,
        meetings=[
            join_meetings([files[u].meetings[n] for u, n in reports]) for reports in merge.meetings
        ],
        quotes=[files[u].quotes[n] for u, n in merge.quotes],
    )


def merged_roles(actor: MergedActor) -> tuple[ActorRole, ...]:
    """A merged actor's roles over time, oldest first."""
    return tuple(ActorRole(a, p, role, note) for p, _, a, role, note in actor.roles)


def _merge_problems(files: Sequence[ParsedFile], conflicts: Sequence[Conflict]) -> list[Problem]:
    """Each file's own problems, then what merging found, in file order; unknown references
    last."""
    by_unit: dict[int, list[Conflict]] = {}
    for conflict in conflicts:
        if conflict.what != "reference":
            by_unit.setdefault(conflict.unit, []).append(conflict)
    problems: list[Problem] = []
    for u, parsed in enumerate(files):
        problems.extend(parsed.problems)
        problems.extend(_conflict_problem(files, c) for c in by_unit.get(u, ()))
    for conflict in conflicts:
        if conflict.what == "reference":
            problems.append(_conflict_problem(files, conflict))
    return problems


def _conflict_problem(files: Sequence[ParsedFile], conflict: Conflict) -> Problem:
    parsed = files[conflict.unit]
    other = files[conflict.other] if conflict.other is not None else None
    ident = conflict.ident
    if conflict.what == "reference":
        kind, target, container, key, what = parsed.references[conflict.index]
        line, col = _where(parsed.path, container, key)
        return Problem(parsed.path, f"{what}: unknown {kind} {target!r}", line, col)
    assert other is not None
    if conflict.what == "article":
        line, col = _where(parsed.path, parsed.article_position, "id")
        return Problem(parsed.path, f"article id {ident!r} is also used by {other.path}", line, col)
    if conflict.what in ("name", "kind", "title", "where"):
        name = conflict.what
        kind, mine_items, theirs_items, mine_at, theirs_at = (
            ("actor", parsed.actors, other.actors, parsed.actor_positions, other.actor_positions)
            if name in ("name", "kind")
            else (
                "meeting",
                parsed.meetings,
                other.meetings,
                parsed.meeting_positions,
                other.meeting_positions,
            )
        )
        mine = next(getattr(a, name) for a in mine_items if a.id == ident)
        theirs = next(getattr(a, name) for a in theirs_items if a.id == ident)
        line, col = _where(parsed.path, mine_at[ident], name)
        fline, fcol = _where(other.path, theirs_at[ident], name)
        return Problem(
            parsed.path,
            f"{kind} {ident!r}: {name} {mine!r} conflicts with {theirs!r} "
            f"at {other.path}:{fline}:{fcol}",
            line,
            col,
        )
    positions = parsed.meeting_positions if conflict.what == "meeting" else parsed.quote_positions
    line, col = _where(parsed.path, positions[ident], "id")
    return Problem(
        parsed.path, f"{conflict.what} id {ident!r} is also defined in {other.path}", line, col
    )


def load_text(text: str, name: str) -> Loaded:
    """Validate one article document given as text (a file about to be written) by exactly
    the rules `explorer check` applies to a file; raises DataError naming `name`."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise DataError([Problem(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")])
    return merge_files([_parse_document(parse_yaml(text, name), name)])


def load_files(paths: Iterable[str | Path]) -> Loaded:
    """Parse and merge files, raising one DataError with the problems of every file."""
    return load_checked(paths)[0]


def load_checked(paths: Iterable[str | Path]) -> tuple[Loaded, dict[str, tuple[str, str]]]:
    """`load_files`, and the format each file is in: {file: (version, why)}, where `why`
    says what makes it 1.1 ("declared", "joint statements", "a meeting that FILE also
    reports"), empty for format 1."""
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
    return loaded, _versions(parsed, loaded)


def _versions(parsed: Sequence[ParsedFile], loaded: Loaded) -> dict[str, tuple[str, str]]:
    """Each file's format, declared or inferred from what it uses of format 1.1."""
    file_of = {p.article.id: p.path for p in parsed if p.article is not None}
    uses: dict[str, list[str]] = {}
    for unit in parsed:
        reasons = uses.setdefault(unit.path, [])
        if unit.format is not None:
            reasons.append("declared")
        reasons.extend(unit.uses)
    for meeting in loaded.meetings:
        if len(meeting.articles) < 2:
            continue
        for article in meeting.articles:
            others = sorted(
                {file_of[a] for a in meeting.articles if file_of[a] != file_of[article]}
            )
            if others:
                reason = f"a meeting that {', '.join(others)} also reports"
                if reason not in uses[file_of[article]]:
                    uses[file_of[article]].append(reason)
    versions: dict[str, tuple[str, str]] = {}
    for unit in parsed:
        reasons = uses[unit.path]
        version = unit.format or ("1.1" if reasons else "1")
        if unit.path not in versions or version == "1.1":
            versions[unit.path] = (version, "; ".join(reasons))
    return versions
