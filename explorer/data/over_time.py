"""Facts that change between articles, in words: a meeting's status history, an actor's
roles over time (format 1.1). One wording for `explorer show`, the app and the briefing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from explorer.data.models import Actor, Meeting, PartialDate


def day(value: date) -> str:
    """A publication date as the app shows dates: "14 Dec 2024"."""
    return PartialDate(value.year, value.month, value.day).human()


def roles_over_time(actor: Actor, escape: Callable[[str], str] = str) -> str:
    """Roles as "Chinese Foreign Minister (14 Dec 2024) → China's top diplomat (25 Dec 2024)": each
    article's role, oldest first, a role given again by a later article not repeated."""
    steps: list[str] = []
    last: str | None = None
    for role in actor.roles:
        if role.role and role.role != last:
            steps.append(f"{escape(role.role)} ({day(role.published)})")
            last = role.role
    return " → ".join(steps)


def status_history(meeting: Meeting) -> str:
    """A status history: "expected, 14 Dec 2024 → happened, 25 Dec 2024": each report's status and the date of
    its article's publication, oldest first."""
    return " → ".join(f"{r.status}, {day(r.published)}" for r in meeting.reports)


def has_roles_over_time(actor: Actor) -> bool:
    """True when the articles give an actor more than one role."""
    return len({r.role for r in actor.roles if r.role}) > 1
