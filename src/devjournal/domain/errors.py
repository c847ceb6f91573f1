"""Errors the domain and the layers above raise for a user to read."""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """Base of every error that carries a message meant for the user."""


class ValidationError(DomainError):
    """Input that breaks a rule. ``problems`` maps a field name to what is wrong with it."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        self.problems: dict[str, str] = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))

    @property
    def field(self) -> str:
        """The first field named, for callers that show one problem at a time."""
        return next(iter(self.problems))

    @property
    def message(self) -> str:
        """The message for :attr:`field`."""
        return self.problems[self.field]


class NotFoundError(DomainError):
    """The thing asked for does not exist (or was deleted)."""

    def __init__(self, what: str, ident: int) -> None:
        self.what = what
        self.ident = ident
        super().__init__(f"There is no {what} with id {ident}.")


class JournalError(DomainError):
    """The journal file cannot be opened or used; the message says why and what to do."""


class DamagedJournalError(JournalError):
    """SQLite cannot read the journal: ``reason`` is what it said (for the recovery dialog)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class JournalNotEmptyError(DomainError):
    """An operation that needs an empty journal met one that holds data."""


class ImportProblem(DomainError):  # noqa: N818 - reads better in messages and code
    """A file that cannot be imported; the message names where the problem is. Nothing
    was imported."""
