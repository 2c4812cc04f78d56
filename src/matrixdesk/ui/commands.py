"""Every edit of a plan as a QUndoCommand on the document's one undo stack.

A command records what it needs to undo when it is constructed (or, for removals, when it
first runs); ``redo`` and ``undo`` only call store methods. Views refresh from the store's
notifications, never from the commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core.model import Assignment, DocumentInfo, Measure, Plan, Role, Target
from ..core.progress import ProgressUpdate, Schedule
from ..store import (
    DepartmentSnapshot,
    EditError,
    MatrixStore,
    MeasureSnapshot,
    RoleChange,
    StoreError,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class StoreCommand(QUndoCommand):
    """A command whose steps are store edits. The store may refuse one (the disk is full, the
    name exists already): the refusal never escapes ``redo``/``undo`` into Qt. The command
    marks itself obsolete — a refused first run is never pushed, so no phantom step stays on
    the stack — keeps the error in :attr:`error` and hands it to :attr:`on_refused`.
    """

    error: StoreError | None = None
    on_refused: Callable[[StoreError], None] | None = None

    def check(self) -> None:
        """Raise :class:`EditError` when the command cannot run on the store as it is now."""

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StoreError as exc:
            self.error = exc
            self.setObsolete(True)
            if self.on_refused is not None:
                self.on_refused(exc)
        else:
            self.error = None


class SetRolesCommand(StoreCommand):
    """Set or clear one or many cells in one step; undo restores the written order too."""

    def __init__(self, store: MatrixStore, changes: Iterable[RoleChange], text: str = "") -> None:
        self.changes = [(m, d, Role(r) if r else None) for m, d, r in changes]
        n = len(self.changes)
        plural = QCoreApplication.translate("commands", "Change %n cell(s)", None, n)
        super().__init__(text or plural)
        self.verb = text  # what the caller called the step ("Paste"); else named by the role
        self.store = store
        measures = dict.fromkeys(m for m, _, _ in self.changes)
        self.before: dict[int, list[Assignment]] = {m: store.assignments_of(m) for m in measures}

    def apply(self) -> None:
        self.store.set_roles(self.changes, summary=self.text())

    def revert(self) -> None:
        self.store.replace_assignments(self.before)


class ReplaceAssignmentsCommand(StoreCommand):
    """Give measures exactly these assignments (paste of whole rows)."""

    def __init__(
        self, store: MatrixStore, after: dict[int, list[Assignment]], text: str = ""
    ) -> None:
        super().__init__(text or _tr("Paste"))
        self.store = store
        self.after = after
        self.before = {m: store.assignments_of(m) for m in after}

    def apply(self) -> None:
        self.store.replace_assignments(self.after)

    def revert(self) -> None:
        self.store.replace_assignments(self.before)


class EditMeasureCommand(StoreCommand):
    """Change a measure's title, text, deadline or open-ended marker."""

    def __init__(self, store: MatrixStore, measure_id: int, **fields: object) -> None:
        # ``text`` among the fields is the measure's text, not this command's description
        super().__init__(_tr("Edit measure"))
        self.store = store
        self.measure_id = measure_id
        self.new = fields
        old = store.measure(measure_id)
        self.old = {k: getattr(old, k) for k in fields}

    def apply(self) -> None:
        self.store.update_measure(self.measure_id, **self.new)

    def revert(self) -> None:
        self.store.update_measure(self.measure_id, **self.old)


class AddMeasureCommand(StoreCommand):
    """Insert a new measure; redo after undo brings back the same id."""

    def __init__(self, store: MatrixStore, measure: Measure, position: int | None = None) -> None:
        super().__init__(_tr("Add measure"))
        self.store = store
        self.measure = measure
        self.position = position
        self.snapshot: MeasureSnapshot | None = None
        self.measure_id = 0

    def apply(self) -> None:
        if self.snapshot is None:
            self.measure_id = self.store.add_measure(self.measure, position=self.position).id
        else:
            self.store.restore_measures(self.snapshot)

    def revert(self) -> None:
        self.snapshot = self.store.remove_measure(self.measure_id)


class RemoveMeasureCommand(StoreCommand):
    """Remove a measure with its sub-measures, assignments and targets."""

    def __init__(self, store: MatrixStore, measure_id: int) -> None:
        super().__init__(_tr("Remove measure"))
        self.store = store
        self.measure_id = measure_id
        self.snapshot: MeasureSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.store.remove_measure(self.measure_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.store.restore_measures(self.snapshot)


class AddTargetCommand(StoreCommand):
    def __init__(self, store: MatrixStore, target: Target) -> None:
        super().__init__(_tr("Add target"))
        self.store = store
        self.target = target

    def apply(self) -> None:
        self.target = self.store.add_target(self.target)

    def revert(self) -> None:
        self.store.remove_target(self.target.id)


class EditTargetCommand(StoreCommand):
    def __init__(self, store: MatrixStore, target_id: int, **fields: object) -> None:
        super().__init__(_tr("Edit target"))
        self.store = store
        self.target_id = target_id
        self.new = fields
        old = next(t for t in store.targets() if t.id == target_id)
        self.old = {k: getattr(old, k) for k in fields}

    def apply(self) -> None:
        self.store.update_target(self.target_id, **self.new)

    def revert(self) -> None:
        self.store.update_target(self.target_id, **self.old)


class RemoveTargetCommand(StoreCommand):
    def __init__(self, store: MatrixStore, target_id: int) -> None:
        super().__init__(_tr("Remove target"))
        self.store = store
        self.target = next(t for t in store.targets() if t.id == target_id)

    def apply(self) -> None:
        self.store.remove_target(self.target.id)

    def revert(self) -> None:
        self.store.add_target(self.target)


class AddDepartmentCommand(StoreCommand):
    def __init__(self, store: MatrixStore, name: str, position: int | None = None) -> None:
        super().__init__(_tr("Add department"))
        self.store = store
        self.name = name
        self.position = position
        self.snapshot: DepartmentSnapshot | None = None
        self.department_id = 0

    def check(self) -> None:
        name = self.name.strip()
        if not name:
            raise EditError(self.store.path, "a department needs a name")
        existing = self.store.department_named(name)
        if existing is not None:
            raise EditError(self.store.path, f"{name} is already the department {existing.name}")

    def apply(self) -> None:
        if self.snapshot is None:
            self.department_id = self.store.add_department(self.name, position=self.position).id
        else:
            self.store.restore_departments([self.snapshot])

    def revert(self) -> None:
        self.snapshot = self.store.remove_department(self.department_id)


class RemoveDepartmentCommand(StoreCommand):
    def __init__(self, store: MatrixStore, department_id: int) -> None:
        super().__init__(_tr("Remove department"))
        self.store = store
        self.department_id = department_id
        self.snapshot: DepartmentSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.store.remove_department(self.department_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.store.restore_departments([self.snapshot])


class RenameDepartmentCommand(StoreCommand):
    def __init__(self, store: MatrixStore, department_id: int, name: str) -> None:
        super().__init__(_tr("Rename department"))
        self.store = store
        self.department_id = department_id
        self.new = name
        self.old = store.department(department_id).name

    def check(self) -> None:
        other = self.store.department_named(self.new.strip())
        if not self.new.strip() or (other is not None and other.id != self.department_id):
            raise EditError(self.store.path, f"cannot rename {self.old} to {self.new!r}")

    def apply(self) -> None:
        self.store.rename_department(self.department_id, self.new)

    def revert(self) -> None:
        self.store.rename_department(self.department_id, self.old)


class SetAliasesCommand(StoreCommand):
    def __init__(self, store: MatrixStore, department_id: int, aliases: list[str]) -> None:
        super().__init__(_tr("Edit aliases"))
        self.store = store
        self.department_id = department_id
        self.new = list(aliases)
        self.old = list(store.department(department_id).aliases)

    def apply(self) -> None:
        self.store.set_aliases(self.department_id, self.new)

    def revert(self) -> None:
        self.store.set_aliases(self.department_id, self.old)


class SetCollectiveCommand(StoreCommand):
    def __init__(self, store: MatrixStore, department_id: int, collective: bool) -> None:
        super().__init__(_tr("Mark collective") if collective else _tr("Unmark collective"))
        self.store = store
        self.department_id = department_id
        self.new = collective
        self.old = store.department(department_id).collective

    def apply(self) -> None:
        self.store.set_collective(self.department_id, self.new)

    def revert(self) -> None:
        self.store.set_collective(self.department_id, self.old)


class MoveDepartmentCommand(StoreCommand):
    def __init__(self, store: MatrixStore, department_id: int, position: int) -> None:
        super().__init__(_tr("Move department"))
        self.store = store
        self.department_id = department_id
        self.new = position
        self.old = [d.id for d in store.departments()].index(department_id)

    def apply(self) -> None:
        self.store.move_department(self.department_id, self.new)

    def revert(self) -> None:
        self.store.move_department(self.department_id, self.old)


class MergeDepartmentsCommand(StoreCommand):
    """Merge ``source`` into ``target`` in one step; undo restores both as they were."""

    def __init__(self, store: MatrixStore, source_id: int, target_id: int) -> None:
        super().__init__(_tr("Merge departments"))
        self.store = store
        self.source_id = source_id
        self.target_id = target_id
        self.snapshots: list[DepartmentSnapshot] = []

    def check(self) -> None:
        if self.source_id == self.target_id:
            raise EditError(self.store.path, "cannot merge a department into itself")
        self.store.department(self.source_id), self.store.department(self.target_id)

    def apply(self) -> None:
        self.snapshots = self.store.merge_departments(self.source_id, self.target_id)

    def revert(self) -> None:
        self.store.restore_departments(self.snapshots)


class SetInfoCommand(StoreCommand):
    def __init__(self, store: MatrixStore, info: DocumentInfo) -> None:
        super().__init__(_tr("Edit document details"))
        self.store = store
        self.new = info
        self.old = store.info()

    def apply(self) -> None:
        self.store.set_info(self.new)

    def revert(self) -> None:
        self.store.set_info(self.old)


class ReplacePlanCommand(StoreCommand):
    """Replace the whole plan with an imported one."""

    def __init__(self, store: MatrixStore, plan: Plan, text: str = "") -> None:
        super().__init__(text or _tr("Import"))
        self.store = store
        self.new = plan
        self.old: Plan | None = None

    def apply(self) -> None:
        self.old = self.store.replace_plan(self.new)

    def revert(self) -> None:
        assert self.old is not None
        self.store.replace_plan(self.old)


class ApplyProgressCommand(StoreCommand):
    """Write reports into the progress ledger in one step (a collect, or an edit by hand);
    undo puts back exactly what they replaced."""

    def __init__(self, store: MatrixStore, update: ProgressUpdate, text: str = "") -> None:
        super().__init__(text or _tr("Collect returned workbooks"))
        self.store = store
        self.update = update
        self.inverse: ProgressUpdate | None = None

    def apply(self) -> None:
        self.inverse = self.store.apply_progress(self.update)

    def revert(self) -> None:
        assert self.inverse is not None
        self.store.apply_progress(self.inverse)


class SetScheduleCommand(StoreCommand):
    """Change the reporting schedule (cadence, periods, statuses)."""

    def __init__(self, store: MatrixStore, schedule: Schedule) -> None:
        super().__init__(_tr("Change reporting schedule"))
        self.store = store
        self.new = schedule
        self.old = store.schedule()

    def apply(self) -> None:
        self.store.set_schedule(self.new)

    def revert(self) -> None:
        self.store.set_schedule(self.old)
