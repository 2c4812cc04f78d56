"""The open plan as the UI sees it: the store, its one undo stack, and its file state."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.findings import FindingsTracker
from ..core.numbers import display_numbers
from ..store import MatrixStore, StoreError, StoreEvent
from . import heap
from .history import describe


class Document(QObject):
    """Owns the :class:`MatrixStore` and the :class:`QUndoStack` of one open plan.

    Every edit goes through :meth:`push`; the store writes it to disk in the same step, so
    there is never unsaved work: ``saved_at`` is when the file was last written (the file's
    own time when it was opened, then the time of each edit, an undo included).
    ``changed`` re-emits the store's notifications as a Qt signal for widgets that prefer one.

    :attr:`findings` is the plan check, kept up to date from the edits themselves: an edit
    only marks what it touched; whoever shows findings asks the tracker to refresh.
    """

    changed = Signal(object)  # StoreEvent
    refused = Signal(object)  # StoreError: an edit the store refused or could not write

    def __init__(self, store: MatrixStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.closed = False
        self.saved_at = _file_time(store.path)
        self.findings = FindingsTracker(store)
        self._numbers: dict[int, str] | None = None
        store.subscribe(self._on_store_event)

    @property
    def path(self) -> str:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def push(self, command: QUndoCommand) -> bool:
        """Run ``command`` and keep it for undo; False when the plan is read-only or already
        closed (a panel's late commit must not write into a closed file), when the command
        is invalid for the plan as it is now, or when the store refuses or cannot write it.
        A refusal is announced through :attr:`refused` and leaves no step on the stack.

        The step is named for the history first (:func:`history.describe`).
        """
        if self.read_only or self.closed:
            return False
        check = getattr(command, "check", None)
        if check is not None:
            try:
                check()
            except StoreError as exc:
                self.refused.emit(exc)
                return False
        if hasattr(command, "on_refused"):
            command.on_refused = self.refused.emit
        try:
            text = describe(self, command)
        except (StoreError, KeyError, StopIteration):  # a stale id: the command will say so
            text = None
        if text:
            command.setText(text)
        self.undo_stack.push(command)
        return getattr(command, "error", None) is None

    def number(self, measure_id: int) -> str:
        """The measure's number as the document writes it ((三)2.), else its code."""
        if self._numbers is None:
            self._numbers = display_numbers(self.store.measures())
        return self._numbers.get(measure_id) or self.store.measure(measure_id).code

    def close(self) -> None:
        self.closed = True
        self.store.unsubscribe(self._on_store_event)
        self.undo_stack.clear()
        self.store.close()
        heap.release()  # the plan's objects were set aside while it was open (ui/heap.py)

    def saved_text(self) -> str:
        """When the file was last written, as the status bar says it (time; date if older)."""
        if self.saved_at is None:
            return QCoreApplication.translate("Document", "not yet")
        fmt = "%H:%M:%S" if self.saved_at.date() == datetime.now().date() else "%Y-%m-%d %H:%M"
        return self.saved_at.strftime(fmt)

    def _on_store_event(self, event: StoreEvent) -> None:
        if event.kind in ("structure", "reset", "measures"):
            self._numbers = None
        self.saved_at = datetime.now()
        if event.kind == "roles":
            self.findings.touch(event.measure_ids, event.department_ids)
        elif event.kind in ("measures", "targets"):
            self.findings.touch(event.measure_ids)
        elif event.kind != "info":  # structure, departments, reset: positions or many changed
            self.findings.touch_all()
        self.changed.emit(event)


def _file_time(path: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.path.getmtime(path)) if path else None
    except OSError:
        return None
