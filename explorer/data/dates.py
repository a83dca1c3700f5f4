"""ISO 8601 dates at year, month or day precision, and START/END intervals of them."""

from __future__ import annotations

import re
from datetime import date

from explorer.data.models import PartialDate, When

# ASCII digits only: `\d` would also take Arabic-Indic, fullwidth and other digits.
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)


class DateFormatError(ValueError):
    """A date string that is not one of the accepted forms; the message says why."""


def parse_partial_date(text: str) -> PartialDate:
    match = _PARTIAL.fullmatch(text.strip())
    if match is None:
        raise DateFormatError(
            f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD, in the digits 0-9)"
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    # Month and day are checked as given: a 00 must not pass as the first (as `month or 1`
    # once let it, so that 2024-00 read as a date).
    try:
        date(year, 1 if month is None else month, 1 if day is None else day)
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
