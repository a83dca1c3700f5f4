"""ISO 8601 dates at year, month or day precision, and START/END intervals of them."""

from __future__ import annotations

import re
from datetime import date

from explorer.data.models import PartialDate, When

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DateFormatError(ValueError):
    """A date string that is not one of the accepted forms; the message says why."""


def parse_partial_date(text: str) -> PartialDate:
    match = _PARTIAL.fullmatch(text.strip())
    if match is None:
        raise DateFormatError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError as error:
        raise DateFormatError(f"{text!r} is not a valid date: {error}") from None
    return PartialDate(year, month, day)


def parse_when(text: str) -> When:
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        start, end = parse_partial_date(start_text), parse_partial_date(end_text)
        if end.last < start.first:
            raise DateFormatError(f"{text!r} ends before it starts")
        return When(start, end)
    return When(parse_partial_date(text))


def parse_day(text: str) -> date:
    partial = parse_partial_date(text)
    if partial.day is None:
        raise DateFormatError(f"{text!r} must be a full date, YYYY-MM-DD")
    return partial.first
