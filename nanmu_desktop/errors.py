"""Errors every layer raises: each carries a message in Chinese fit to show the clerk."""

from __future__ import annotations

from dataclasses import dataclass


class NanmuError(Exception):
    """Base of every expected failure; `str(err)` is the Chinese message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: the field path (e.g. `cases[2].officers[0].name`), why."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}" if self.field else self.message


class ValidationError(NanmuError):
    """Input that does not hold: every problem is listed, nothing has been written."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("；".join(str(p) for p in self.problems) or "输入不合法")


class NotFoundError(NanmuError):
    """A record the user named does not exist."""


class DatabaseOpenError(NanmuError):
    """The database file cannot be used (not SQLite, corrupt, unreadable, newer schema)."""


class ConflictError(NanmuError):
    """The operation is not allowed in the record's current state (e.g. an issued document)."""
