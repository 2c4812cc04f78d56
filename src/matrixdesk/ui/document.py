"""The open plan as the UI sees it: the store, its one undo stack, and its file state."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..store import MatrixStore, StoreEvent


class Document(QObject):
    """Owns the :class:`MatrixStore` and the :class:`QUndoStack` of one open plan.

    Every edit goes through :meth:`push`; the store writes it to disk in the same step, so the
    stack's clean state only marks "nothing done since the file was opened or checkpointed".
    ``changed`` re-emits the store's notifications as a Qt signal for widgets that prefer one.
    """

    changed = Signal(object)  # StoreEvent

    def __init__(self, store: MatrixStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.closed = False
        store.subscribe(self._on_store_event)

    @property
    def path(self) -> str:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def push(self, command: QUndoCommand) -> bool:
        """Run ``command`` and keep it for undo; refused (False) when the plan is read-only
        or already closed (a panel's late commit must not write into a closed file)."""
        if self.read_only or self.closed:
            return False
        self.undo_stack.push(command)
        return True

    def close(self) -> None:
        self.closed = True
        self.store.unsubscribe(self._on_store_event)
        self.undo_stack.clear()
        self.store.close()

    def _on_store_event(self, event: StoreEvent) -> None:
        self.changed.emit(event)
