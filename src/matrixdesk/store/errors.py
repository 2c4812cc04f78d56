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
    """The file is a MatrixDesk plan but SQLite cannot read it whole (truncated or corrupt).

    The file is never changed. ``backups`` lists backup copies found beside it, and
    ``readable`` says whether its rows can still be read to look at, print and export
    (``MatrixStore.open(path, read_only=True, salvage=True)``).
    """

    def __init__(
        self, path: str, message: str, *, backups: list[str] | None = None, readable: bool = False
    ) -> None:
        super().__init__(path, message)
        self.backups = list(backups or [])
        self.readable = readable


class ForeignSchemaError(StoreError):
    """The plan holds tables, views, triggers or indexes MatrixDesk did not create, or its own
    tables were changed: it is refused, and :func:`~matrixdesk.store.clean_copy` can write a
    copy without them. ``objects`` names what was found."""

    def __init__(self, path: str, objects: list[str]) -> None:
        shown = ", ".join(objects[:5]) + (
            f" and {len(objects) - 5} more" if len(objects) > 5 else ""
        )
        super().__init__(path, f"the plan holds parts MatrixDesk did not create ({shown})")
        self.objects = objects


class InvalidPlanError(StoreError):
    """Values in the plan that MatrixDesk never writes (a text where a number belongs, an
    unknown role, an assignment naming no department …). ``problems`` lists them."""

    def __init__(self, path: str, problems: list[str]) -> None:
        shown = "; ".join(problems[:3]) + (
            f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        )
        super().__init__(path, f"the plan holds values MatrixDesk cannot use: {shown}")
        self.problems = problems


class PlanInUseError(StoreError):
    """Another MatrixDesk window or process has the plan open for editing.

    ``holder`` is who the lock file names (a :class:`~matrixdesk.store.lock.LockOwner`, or
    None when it names nobody readable); ``can_take_over`` is True only where the file system
    has no locks and the record names another PC: the user may confirm that PC has crashed.
    """

    def __init__(
        self,
        path: str,
        holder: object | None,
        *,
        can_take_over: bool = False,
        in_this_process: bool = False,
    ) -> None:
        if in_this_process:
            owner = "another window of this program"
        elif holder is not None and hasattr(holder, "describe"):
            owner = f"by {holder.describe()}"
        else:
            owner = "by another program"
        super().__init__(path, f"already open for editing {owner}")
        self.owner = owner
        self.holder = holder
        self.can_take_over = can_take_over
        self.in_this_process = in_this_process


class ReadOnlyLocationError(StoreError):
    """The plan lies where nothing can be written (a read-only share, a write-protected stick,
    a read-only file): it can still be opened read-only."""


class ReadOnlyError(StoreError):
    """A write was attempted on a plan opened read-only."""


class PlanExistsError(StoreError):
    """Creating a plan would overwrite an existing file."""


class EditError(StoreError):
    """An edit refers to something that is not in the plan, or would break it."""


class WriteError(StoreError):
    """An edit could not be written (the disk is full, the drive went away, another program
    kept the plan busy). Nothing of it reached the file or the store's view of the plan.
    ``reason`` is one of ``"full"``, ``"busy"``, ``"read-only"`` and ``"io"``."""

    def __init__(self, path: str, message: str, reason: str) -> None:
        super().__init__(path, message)
        self.reason = reason
