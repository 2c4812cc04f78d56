"""Typed errors raised by the store. The UI and CLI turn them into messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of everything the store raises on purpose."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class NotAPlanError(StoreError):
    """The file is empty, not SQLite, or SQLite written by another program."""


class NewerVersionError(StoreError):
    """The file was written by a newer MatrixDesk whose schema this one does not know."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"written by a newer MatrixDesk (schema {found}; this version reads up to {supported})",
        )
        self.found = found
        self.supported = supported


class DamagedFileError(StoreError):
    """The file is a MatrixDesk plan but is truncated or corrupt."""


class PlanInUseError(StoreError):
    """Another MatrixDesk window or process has the plan open for editing."""

    def __init__(self, path: str, owner: str) -> None:
        super().__init__(path, f"already open for editing ({owner})")
        self.owner = owner


class ReadOnlyError(StoreError):
    """A write was attempted on a plan opened read-only."""


class PlanExistsError(StoreError):
    """Creating a plan would overwrite an existing file."""


class EditError(StoreError):
    """An edit refers to something that is not in the plan, or would break it."""
