"""The project's own error types: every user mistake becomes one of these, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class ExplorerError(Exception):
    """Base of every error explorer reports to a user as a message."""


class DataError(ExplorerError):
    """Source data that cannot be imported; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(ExplorerError):
    """A database that cannot be read or written."""


class DatabaseDamaged(StoreError):
    """A database file whose content is not a whole, consistent explorer database: not JSON,
    another format, or parseable JSON of the wrong shape (wrong types, a missing table or
    field, an id that points nowhere). The message names the file and the first fault."""
