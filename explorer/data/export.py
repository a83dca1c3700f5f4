"""Exports of a view of the corpus — all of it, one article, or the quotes a search matches.

One engine for `explorer export` and the app's Ctrl+E, in four formats:

- **json**: the view as format-v1.1 article documents inside one envelope,
  `{"explorer_export": 1, "view": {...}, "articles": [...]}`, which `explorer import` reads
  back (each article validated as if it were a file of its own). Exporting everything and
  importing the export gives the same model: the same articles, actors, meetings and quotes
  with the same fields and provenance; only `Article.file` then names the export file.
  An actor shared by several articles is written in each of them, each with what that
  article said of it (the evidence and aliases found there, its role and note there), so
  merging rebuilds it; a meeting several articles report is written in each of them with
  that article's status, date and evidence, and a joint statement lists all its speakers.
  A document that uses either declares `format: "1.1"`.
- **csv**: one table, one row per item after a header row, a `kind` column telling actors,
  meetings and quotes apart (see `CSV_COLUMNS`); lists are joined with "; ". A cell that a
  spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
- **markdown**: a briefing — the articles, the actors by kind, a timeline of the meetings,
  and every quote with the sentence of the article it comes from.
- **dot**: actors and meetings as a Graphviz graph: actors link to the meetings they took
  part in, and (dashed) to what they are members of.

Nothing here imports Textual.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.data.corpus import Corpus
from explorer.data.errors import ExplorerError
from explorer.data.importer import EXPORT_KEY, EXPORT_VERSION
from explorer.data.models import (
    Actor,
    Article,
    Meeting,
    MeetingReport,
    Quote,
    Ref,
    Span,
)
from explorer.data.over_time import has_roles_over_time, roles_over_time, status_history
from explorer.data.records import speaker_value
from explorer.data.text import FoldedText, plural

if TYPE_CHECKING:
    from explorer.data.expectations import Account
    from explorer.data.search import SearchIndex

FORMATS = ("json", "csv", "markdown", "dot")
SUFFIXES = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".dot": "dot",
    ".gv": "dot",
}
CSV_COLUMNS = (
    "kind",  # actor | meeting | quote
    "id",
    "label",  # an actor's name, a meeting's title, a quote's text
    "articles",  # the article ids the item comes from
    "actor_kind",  # person | organisation | country | group
    "role",
    "member_of",  # actor ids
    "aliases",
    "when",  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or START/END
    "where",
    "status",  # happened | ongoing | planned | expected
    "participants",  # actor ids
    "speaker",  # actor id
    "quote_kind",  # direct | paraphrase | reported
    "meeting",  # meeting id
    "sentence",  # the first sentence of the article that supports the item
)


class ExportError(ExplorerError):
    """An export that cannot be made as asked (an unknown article, say)."""


class NothingToExport(ExplorerError):
    """The view is empty: a query that matched no quote."""


class UnknownArticle(NothingToExport):
    """`--article ID` names no article: nothing found, as `explorer show` says of an id."""


@dataclass(frozen=True)
class View:
    """What an export covers: ids of each kind, in the corpus's own order."""

    corpus: Corpus
    articles: tuple[str, ...]
    actors: tuple[str, ...]
    meetings: tuple[str, ...]
    quotes: tuple[str, ...]
    article: str | None = None
    query: str | None = None

    def describe(self) -> str:
        """ "all 3 articles", "article x", "quotes matching 'y' in article x"."""
        if self.article:
            scope = f"article {self.article}"
        else:
            count = len(self.corpus.articles)
            scope = f"all {count} articles" if count != 1 else "the one article"
        return f"quotes matching {self.query!r} in {scope}" if self.query else scope

    def __len__(self) -> int:
        return len(self.actors) + len(self.meetings) + len(self.quotes)


def _in_order(table: Mapping[str, Any], ids: Iterable[str]) -> tuple[str, ...]:
    # A table of the persisted index places the ids itself, without reading every id.
    placed: Callable[[Iterable[str]], tuple[str, ...]] | None = getattr(table, "in_order", None)
    if placed is not None:
        return placed(ids)
    wanted = set(ids)
    return tuple(i for i in table if i in wanted)


def select(
    corpus: Corpus,
    article: str | None = None,
    query: str | None = None,
    index: SearchIndex | None = None,
) -> View:
    """The items of one article (or all), narrowed to the quotes `query` matches.

    The view is closed under references, so its JSON imports on its own: the speakers of its
    quotes, the meetings they were said at and those meetings' participants are in it.
    """
    if article is not None and article not in corpus.articles:
        close = difflib.get_close_matches(article, list(corpus.articles), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UnknownArticle(f"no article with id {article!r}{hint}")
    if article is None:
        actors = set(corpus.actors)
        meetings = set(corpus.meetings)
        quotes = set(corpus.quotes)
    else:
        refs = corpus.items_in_article.get(article, ())
        actors = {r.id for r in refs if r.kind == "actor"}
        meetings = {r.id for r in refs if r.kind == "meeting"}
        quotes = {r.id for r in refs if r.kind == "quote"}
    if query is not None:
        if index is None:
            from explorer.data.search import SearchIndex

            index = SearchIndex(corpus)
        result = index.search(query, prefix_last=False)
        if result.query.is_empty:
            # As `explorer search` says of the same query: nothing to search for.
            raise NothingToExport(result.message or f"nothing to search for in {query!r}")
        found = set() if result.near else {hit.quote.id for hit in result.hits}
        quotes &= found
        if not quotes:
            where = f" in article {article}" if article else ""
            raise NothingToExport(f"no quote matches {query!r}{where}")
        meetings = {m for q in quotes if (m := corpus.quotes[q].meeting)}
        actors = set()
    for quote_id in quotes:
        actors.update(corpus.quotes[quote_id].speakers)
        if (meeting := corpus.quotes[quote_id].meeting) is not None:
            meetings.add(meeting)
    for meeting_id in meetings:
        actors.update(corpus.meetings[meeting_id].participants)
    # Those that are items (a persisted index asks about these ids, not every id it has).
    actors = set(corpus.in_file_order("actor", actors))
    meetings = set(corpus.in_file_order("meeting", meetings))
    # A meeting's articles: every one that reports it, but in one article's view that one.
    articles: set[str] = set()
    for meeting_id in meetings:
        reporting = corpus.meetings[meeting_id].articles
        articles.update([article] if article in reporting else reporting)
    articles |= {corpus.quotes[q].article for q in quotes}
    if article is not None:
        articles.add(article)
    elif query is None or not query.strip():
        articles = set(corpus.articles)
    return View(
        corpus,
        _in_order(corpus.articles, articles),
        _in_order(corpus.actors, actors),
        _in_order(corpus.meetings, meetings),
        _in_order(corpus.quotes, quotes),
        article,
        query.strip() if query and query.strip() else None,
    )


def render(view: View, fmt: str) -> str:
    """The view in one of FORMATS, as text."""
    writers = {"json": to_json, "csv": to_csv, "markdown": to_markdown, "dot": to_dot}
    if fmt not in writers:
        raise ExportError(f"unknown format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return writers[fmt](view)


def format_for(path: str) -> str | None:
    """The format a file name implies by its suffix (report.md -> markdown), if any."""
    lowered = path.lower()
    for suffix, fmt in SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return None


# -- JSON: format-v1 documents that import back ----------------------------------------------


class _Membership:
    """Which of an actor's aliases and evidence each article gave, read back from provenance.

    An article that listed an alias (or evidence) has a span of that kind where the text first
    occurs in its body; one that did not list it has none there. An alias that occurs in no
    article is kept with the alias before it, so merging gives back the same order.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._finders: dict[str, FoldedText] = {}

    def finder(self, article_id: str) -> FoldedText:
        if article_id not in self._finders:
            self._finders[article_id] = FoldedText(self.corpus.articles[article_id].body)
        return self._finders[article_id]

    def listed(self, actor: Actor, homes: list[str]) -> dict[str, tuple[list[str], list[str]]]:
        """For each home article of `actor`: (aliases, evidence) it listed, in merged order."""
        spans: dict[tuple[str, str], set[tuple[int, int]]] = {}
        # Only the spans in its home articles: an actor of many articles has thousands.
        for span in self.corpus.spans_in_articles(actor.ref, homes):
            spans.setdefault((span.article, span.how), set()).add((span.start, span.end))
        result: dict[str, tuple[list[str], list[str]]] = {home: ([], []) for home in homes}
        previous: str | None = None
        for alias in actor.aliases:
            owners = [
                home
                for home in homes
                if (found := next(self.finder(home).find_all(alias, whole_words=True), None))
                and found in spans.get((home, "alias"), ())
            ]
            if not owners:
                owners = [previous or homes[0]]
            for home in owners:
                result[home][0].append(alias)
            previous = owners[-1]
        for excerpt in actor.evidence:
            for home in homes:
                found = self.finder(home).find(excerpt)
                if found and found in spans.get((home, "evidence"), ()):
                    result[home][1].append(excerpt)
        return result


def _drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], "", ())}


def _article_document(article: Article) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat(),
            "subheadings": list(article.subheadings),
            "body": article.body,
        }
    )


def documents(view: View) -> list[dict[str, Any]]:
    """One format-v1 document per article of the view."""
    corpus = view.corpus
    in_view = set(view.articles)
    actors_in_view = set(view.actors)
    membership = _Membership(corpus)
    homes: dict[str, list[str]] = {}
    for actor_id in view.actors:
        homes[actor_id] = [a for a in corpus.actors[actor_id].articles if a in in_view]
        if not homes[actor_id]:
            homes[actor_id] = [view.articles[0]]
    per_article: dict[str, list[dict[str, Any]]] = {a: [] for a in view.articles}
    for actor_id in view.actors:
        actor = corpus.actors[actor_id]
        listed = membership.listed(actor, homes[actor_id])
        roles = {r.article: r for r in actor.roles}
        for position, home in enumerate(homes[actor_id]):
            aliases, evidence = listed[home]
            first = position == 0
            # Each article's own role and note (format 1.1); without them, the current ones
            # in the first article.
            own = roles.get(home)
            role, note = (
                (own.role, own.note)
                if own
                else (None, None)
                if roles
                else (actor.role, actor.note)
                if first
                else (None, None)
            )
            per_article[home].append(
                _drop_empty(
                    {
                        "id": actor.id,
                        "name": actor.name,
                        "kind": actor.kind,
                        "role": role,
                        "member_of": [p for p in actor.member_of if p in actors_in_view]
                        if first
                        else [],
                        "aliases": aliases,
                        "evidence": evidence,
                        "note": note,
                    }
                )
            )
    meetings: dict[str, list[dict[str, Any]]] = {a: [] for a in view.articles}
    newer: set[str] = set()  # articles whose documents use format 1.1
    for meeting_id in view.meetings:
        meeting = corpus.meetings[meeting_id]
        reports = [r for r in meeting.reports if r.article in in_view]
        if not reports:
            meetings.setdefault(meeting.article, []).append(_meeting_document(meeting))
            continue
        for report in reports:
            meetings.setdefault(report.article, []).append(_meeting_document(meeting, report))
        if len(reports) > 1:
            newer.update(r.article for r in reports)
    quotes: dict[str, list[dict[str, Any]]] = {a: [] for a in view.articles}
    for quote_id in view.quotes:
        quote = corpus.quotes[quote_id]
        quotes.setdefault(quote.article, []).append(_quote_document(quote))
        if len(quote.speakers) > 1:
            newer.add(quote.article)
    return [
        _drop_empty(
            {
                "format": "1.1" if article_id in newer else None,
                "article": _article_document(corpus.articles[article_id]),
                "actors": per_article[article_id],
                "meetings": meetings[article_id],
                "quotes": quotes[article_id],
            }
        )
        for article_id in view.articles
    ]


def _meeting_document(meeting: Meeting, report: MeetingReport | None = None) -> dict[str, Any]:
    """A meeting as one article gives it: that article's report (status, date, evidence),
    or the meeting's own fields when it has no reports."""
    when = report.when if report else meeting.when
    return _drop_empty(
        {
            "id": meeting.id,
            "title": meeting.title,
            "when": when.iso() if when else None,
            "where": meeting.where,
            "status": report.status if report else meeting.status,
            "participants": list(meeting.participants),
            "summary": meeting.summary,
            "evidence": list(report.evidence if report else meeting.evidence),
            "note": meeting.note,
        }
    )


def _quote_document(quote: Quote) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": quote.id,
            "text": quote.text,
            "speaker": speaker_value(quote),
            "kind": quote.kind,
            "meeting": quote.meeting,
            "evidence": list(quote.evidence),
            "note": quote.note,
        }
    )


def to_json(view: View) -> str:
    envelope = {
        EXPORT_KEY: EXPORT_VERSION,
        "view": _drop_empty({"article": view.article, "query": view.query}),
        "articles": documents(view),
    }
    text = json.dumps(envelope, ensure_ascii=False, indent=1)
    # JSON allows these raw in strings; YAML (which also reads the file) takes them for line
    # breaks. Escaped, both read the same text.
    for char in _YAML_BREAKS:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


_YAML_BREAKS = ("\u0085", "\u2028", "\u2029")


# -- CSV ---------------------------------------------------------------------------------------


def _cell(value: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _first_sentence(corpus: Corpus, ref: Ref) -> str:
    for article, span in corpus.sentences(ref, limit=1):
        return " ".join(article.body[span.sentence_start : span.sentence_end].split())
    return ""


def to_csv(view: View) -> str:
    corpus = view.corpus
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows: list[dict[str, str]] = []
    for actor_id in view.actors:
        a = corpus.actors[actor_id]
        rows.append(
            {
                "kind": "actor",
                "id": a.id,
                "label": a.name,
                "articles": "; ".join(a.articles),
                "actor_kind": a.kind,
                "role": a.role or "",
                "member_of": "; ".join(a.member_of),
                "aliases": "; ".join(a.aliases),
                "sentence": _first_sentence(corpus, a.ref),
            }
        )
    for meeting_id in view.meetings:
        m = corpus.meetings[meeting_id]
        rows.append(
            {
                "kind": "meeting",
                "id": m.id,
                "label": m.title,
                "articles": "; ".join(m.articles),
                "when": m.when.iso() if m.when else "",
                "where": m.where or "",
                "status": m.status,
                "participants": "; ".join(m.participants),
                "sentence": _first_sentence(corpus, m.ref),
            }
        )
    for quote_id in view.quotes:
        q = corpus.quotes[quote_id]
        rows.append(
            {
                "kind": "quote",
                "id": q.id,
                "label": q.text,
                "articles": q.article,
                "speaker": "; ".join(q.speakers),
                "quote_kind": q.kind,
                "meeting": q.meeting or "",
                "sentence": _first_sentence(corpus, q.ref),
            }
        )
    for row in rows:
        writer.writerow([_cell(row.get(column, "")) for column in CSV_COLUMNS])
    return out.getvalue()


# -- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
        "|": "\\|",
        "~": "\\~",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": " ",
        "\r": " ",
    }
)


def md(text: str) -> str:
    """Untrusted text as literal Markdown: no emphasis, links, HTML or table breaks."""
    return text.translate(_MD_SPECIAL)


def _sentence_markdown(article: Article, span: Span) -> str:
    body = article.body
    before = body[span.sentence_start : span.start]
    excerpt = body[span.start : span.end]
    after = body[span.end : span.sentence_end]
    return f"{md(before)}**{md(excerpt.strip())}**{md(after)}".strip()


_KIND_HEADINGS = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("country", "Countries"),
    ("group", "Groups"),
)


def to_markdown(view: View) -> str:
    corpus = view.corpus
    lines: list[str] = [f"# Briefing: {md(view.describe())}", ""]
    lines.append(
        f"{plural(len(view.articles), 'article')}, {plural(len(view.actors), 'actor')}, "
        f"{plural(len(view.meetings), 'meeting')}, {plural(len(view.quotes), 'quote')}."
    )
    lines += ["", "## Articles", ""]
    for article_id in view.articles:
        a = corpus.articles[article_id]
        source = f", {md(a.source)}" if a.source else ""
        lines.append(f"- **{md(a.title)}** ({a.published.isoformat()}{source}) — `{a.id}`")

    def name(actor_id: str) -> str:
        actor = corpus.actors.get(actor_id)
        return md(actor.name) if actor else md(actor_id)

    lines += ["", "## Actors"]
    for kind, heading in _KIND_HEADINGS:
        members = [corpus.actors[i] for i in view.actors if corpus.actors[i].kind == kind]
        if not members:
            continue
        lines += ["", f"### {heading}", ""]
        for actor in members:
            details = []
            if has_roles_over_time(actor):
                details.append("roles over time: " + roles_over_time(actor, md))
            elif actor.role:
                details.append(md(actor.role))
            if actor.member_of:
                details.append("member of " + ", ".join(name(p) for p in actor.member_of))
            details.append("in " + ", ".join(f"`{a}`" for a in actor.articles))
            lines.append(f"- **{md(actor.name)}** — " + "; ".join(details))

    lines += ["", "## Timeline", ""]
    meetings = sorted(
        (corpus.meetings[m] for m in view.meetings),
        key=lambda m: (m.when is None, m.when.sort_key if m.when else ()),
    )
    if meetings:
        lines += [
            "| When | Meeting | Status | Participants | Article |",
            "| --- | --- | --- | --- | --- |",
        ]
        for m in meetings:
            when = md(m.when.human()) if m.when else "no date"
            where = f" ({md(m.where)})" if m.where else ""
            participants = ", ".join(name(p) for p in m.participants)
            status = status_history(m) if len(m.reports) > 1 else m.status
            sources = ", ".join(f"`{a}`" for a in m.articles)
            lines.append(
                f"| {when} | {md(m.title)}{where} | {status} | {participants} | {sources} |"
            )
    else:
        lines.append("No meetings.")

    lines += ["", "## Expectations", "", *_expectations_markdown(view)]

    lines += ["", "## Quotes"]
    if not view.quotes:
        lines += ["", "No quotes."]
    for quote_id in view.quotes:
        q = corpus.quotes[quote_id]
        meeting = corpus.meetings.get(q.meeting) if q.meeting else None
        context = [q.kind]
        if meeting:
            context.append(f"at {md(meeting.title)}")
        context.append(f"`{q.article}`")
        speakers = " and ".join(name(s) for s in q.speakers)
        lines += ["", f"> “{md(q.text)}”", ">", f"> — {speakers}, {', '.join(context)}"]
        for article, span in corpus.sentences(q.ref, limit=1):
            lines += ["", f"In the article: {_sentence_markdown(article, span)}"]
    return "\n".join(lines) + "\n"


def _account_markdown(account: Account) -> str:
    said = f"{account.said}, in *{md(account.article_title)}* ({account.published.isoformat()})"
    return f"  - {said}: {md(account.sentence)}" if account.sentence else f"  - {said}"


def _expectations_markdown(view: View) -> list[str]:
    """What became of each meeting of the view that an article expected, with the sentences
    (`explorer expectations`, narrowed to the briefing's meetings). One article's briefing
    reads only its own meetings; the whole corpus's, only the planned or expected ones."""
    from explorer.data.expectations import KIND_MARKS, expectations_among, find_expectations

    if view.article is None and view.query is None:
        found = find_expectations(view.corpus)
        shown = set(view.meetings)
        items = [item for item in found.items if item.meeting in shown]
    else:
        found = expectations_among(view.corpus, view.meetings)
        items = list(found.items)
    if not items:
        return ["No meeting here was planned or expected."]
    counts = dict.fromkeys(KIND_MARKS, 0)
    for item in items:
        counts[item.kind] += 1
    as_of = found.as_of.isoformat() if found.as_of else "no article"
    lines = [
        f"As of {as_of} (the newest article): "
        + ", ".join(f"{count} {kind}" for kind, count in counts.items())
        + ".",
        "",
    ]
    for item in items:
        due = f", due {md(item.due.human())}" if item.due else ""
        change = f" ({item.change})" if item.change else ""
        lines.append(
            f"- {KIND_MARKS[item.kind]} {item.kind}{change}: **{md(item.title)}** "
            f"(`{item.meeting}`){due}"
        )
        lines.append(_account_markdown(item.expected))
        if item.outcome is not None:
            lines.append(_account_markdown(item.outcome))
    return lines


# -- DOT ---------------------------------------------------------------------------------------

_SHAPES = {
    "person": "ellipse",
    "organisation": "box",
    "country": "doubleoctagon",
    "group": "hexagon",
}


def dot_string(text: str) -> str:
    """A DOT double-quoted string holding `text` literally (no escapes Graphviz would expand)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r", " ").replace("\n", "\\n") + '"'


def to_dot(view: View) -> str:
    corpus = view.corpus
    in_view = set(view.actors)
    lines = [
        "digraph explorer {",
        f"  label={dot_string(view.describe())};",
        "  graph [rankdir=LR, fontname=Helvetica];",
        "  node [fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    for actor_id in view.actors:
        actor = corpus.actors[actor_id]
        shape = _SHAPES.get(actor.kind, "ellipse")
        lines.append(
            f"  {dot_string('actor:' + actor.id)} [label={dot_string(actor.name)}, shape={shape}];"
        )
    for meeting_id in view.meetings:
        m = corpus.meetings[meeting_id]
        label = m.title + "\n" + (m.when.human() if m.when else "no date") + f" · {m.status}"
        lines.append(
            f"  {dot_string('meeting:' + m.id)} [label={dot_string(label)}, shape=note, "
            f"style=filled, fillcolor={'lightyellow' if m.status == 'happened' else 'lightblue'}];"
        )
    for meeting_id in view.meetings:
        m = corpus.meetings[meeting_id]
        for participant in m.participants:
            if participant in in_view:
                lines.append(
                    f"  {dot_string('actor:' + participant)} -> {dot_string('meeting:' + m.id)};"
                )
    for actor_id in view.actors:
        for parent in corpus.actors[actor_id].member_of:
            if parent in in_view:
                lines.append(
                    f"  {dot_string('actor:' + actor_id)} -> {dot_string('actor:' + parent)} "
                    '[style=dashed, label="member of"];'
                )
    lines.append("}")
    return "\n".join(lines) + "\n"
