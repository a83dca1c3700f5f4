"""The draft as a format-v1 YAML file, every guess a `# draft:` comment above its item.

The comments stand on the line(s) just above the item's `- id:` line, at the item's
indentation (article-level ones above `article:`): `explorer review` reads them there and
writes them back. Values are written in double quotes with YAML's escapes, so any text —
markup, emoji, a line of 10,000 characters — reads back exactly; the body is a literal block.
"""

from __future__ import annotations

import re

from explorer.draft.model import Draft, DraftActor, DraftMeeting, DraftQuote

_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')
_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`."""

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        return _NAMED.get(ch) or f"\\u{ord(ch):04x}"

    return '"' + _ESCAPE.sub(escape, text) + '"'


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _comment(text: str) -> str:
    """A guess on one comment line: no line breaks or control characters."""
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


def _guesses(lines: list[str], guesses: list[str], indent: str) -> None:
    for guess in guesses:
        lines.append(f"{indent}# draft: {_comment(guess)}")


def _list(lines: list[str], key: str, values: list[str], indent: str) -> None:
    if not values:
        return
    lines.append(f"{indent}{key}:")
    for value in values:
        lines.append(f"{indent}  - {quoted(value)}")


def render(draft: Draft) -> str:
    lines: list[str] = []
    _guesses(lines, draft.guesses, "")
    lines.append("article:")
    lines.append(f"  id: {draft.id}")
    lines.append(f"  title: {quoted(draft.title)}")
    if draft.source:
        lines.append(f"  source: {quoted(draft.source)}")
    if draft.url:
        lines.append(f"  url: {quoted(draft.url)}")
    lines.append(f"  published: {draft.published.isoformat()}")
    _list(lines, "subheadings", draft.subheadings, "  ")
    lines.append("  body: |")
    for line in draft.body.rstrip("\n").split("\n"):
        lines.append(f"    {line}" if line else "")
    lines.append("")
    lines.append("actors:" if draft.actors else "actors: []")
    for actor in draft.actors:
        _actor(lines, actor)
    lines.append("")
    lines.append("meetings:" if draft.meetings else "meetings: []")
    for meeting in draft.meetings:
        _meeting(lines, meeting)
    lines.append("")
    lines.append("quotes:" if draft.quotes else "quotes: []")
    for quote in draft.quotes:
        _quote(lines, quote)
    return "\n".join(lines).rstrip("\n") + "\n"


def _actor(lines: list[str], actor: DraftActor) -> None:
    _guesses(lines, actor.guesses, "  ")
    lines.append(f"  - id: {actor.id}")
    lines.append(f"    name: {quoted(actor.name)}")
    lines.append(f"    kind: {actor.kind}")
    if actor.role:
        lines.append(f"    role: {quoted(actor.role)}")
    if actor.member_of:
        lines.append(f"    member_of: [{', '.join(p.id for p in actor.member_of)}]")
    _list(lines, "aliases", actor.aliases, "    ")
    _list(lines, "evidence", actor.evidence, "    ")
    lines.append("")


def _meeting(lines: list[str], meeting: DraftMeeting) -> None:
    _guesses(lines, meeting.guesses, "  ")
    lines.append(f"  - id: {meeting.id}")
    lines.append(f"    title: {quoted(meeting.title)}")
    if meeting.when:
        lines.append(f'    when: "{meeting.when}"')
    if meeting.where:
        lines.append(f"    where: {quoted(meeting.where)}")
    lines.append(f"    status: {meeting.status}")
    lines.append("    participants:")
    for actor in meeting.participants:
        lines.append(f"      - {actor.id}")
    _list(lines, "evidence", [s.text for s in meeting.evidence], "    ")
    if meeting.note:
        lines.append(f"    note: {quoted(meeting.note)}")
    lines.append("")


def _quote(lines: list[str], quote: DraftQuote) -> None:
    _guesses(lines, quote.guesses, "  ")
    lines.append(f"  - id: {quote.id}")
    lines.append(f"    text: {quoted(quote.text)}")
    lines.append(f"    speaker: {quote.speaker.id}")
    lines.append(f"    kind: {quote.kind}")
    if quote.meeting is not None:
        lines.append(f"    meeting: {quote.meeting.id}")
    _list(lines, "evidence", [s.text for s in quote.evidence], "    ")
    lines.append("")
