"""Edits of departments, mixed into :class:`MatrixStore`."""

from __future__ import annotations

from dataclasses import replace

from ..core.model import Department, Role
from ..core.names import is_collective
from . import rows
from .base import StoreBase
from .errors import EditError
from .events import DepartmentSnapshot, StoreEvent
from .progress import entry_row


class DepartmentEdits(StoreBase):
    """Adding, renaming, aliasing, ordering, merging and removing departments."""

    # -- departments -------------------------------------------------------------------------
    def add_department(
        self, name: str, *, collective: bool | None = None, position: int | None = None
    ) -> Department:
        name = name.strip()
        if not name:
            raise EditError(self.path, "a department needs a name")
        if self.department_named(name):
            raise EditError(self.path, f"a department named {name} exists")
        flag = is_collective(name) if collective is None else collective
        pos = len(self._departments) if position is None else position
        dep = Department(0, name, [], flag, pos)
        with self._edit("add department", name, {"name": name}):
            dep.id = self._next_id("departments")
            self._shift_departments(pos, 1)
            self.db.table("departments").insert(rows.department_row(dep))
        self._reload()
        self._notify(StoreEvent("departments", (), (dep.id,)))
        return self.department(dep.id)

    def rename_department(self, department_id: int, name: str) -> str:
        """Rename a department; the change log keeps the old name. Returns the old name."""
        name = name.strip()
        dep = self.department(department_id)
        other = self.department_named(name)
        if not name or (other and other.id != department_id):
            raise EditError(self.path, f"cannot rename {dep.name} to {name!r}")
        detail = {"department": department_id, "old": dep.name, "new": name}
        with self._edit("rename department", f"{dep.name} → {name}", detail):
            self.db.table("departments").update(department_id, {"name": name})
        old = dep.name
        self._department_by_id[department_id] = replace(dep, name=name)
        self._departments[self._departments.index(dep)] = self._department_by_id[department_id]
        self._notify(StoreEvent("departments", (), (department_id,)))
        return old

    def set_aliases(self, department_id: int, aliases: list[str]) -> list[str]:
        dep = self.department(department_id)
        clean = list(
            dict.fromkeys(a.strip() for a in aliases if a.strip() and a.strip() != dep.name)
        )
        detail = {"department": department_id, "old": dep.aliases, "new": clean}
        with self._edit("aliases", dep.name, detail):
            self.db.execute("DELETE FROM aliases WHERE department_id = ?", [department_id])
            self.db.table("aliases").insert_all(
                {"department_id": department_id, "alias": a} for a in clean
            )
        old = dep.aliases
        self._set_department(replace(dep, aliases=clean))
        self._notify(StoreEvent("departments", (), (department_id,)))
        return old

    def set_collective(self, department_id: int, collective: bool) -> bool:
        dep = self.department(department_id)
        detail = {"department": department_id, "old": dep.collective, "new": collective}
        with self._edit("collective", dep.name, detail):
            self.db.table("departments").update(department_id, {"collective": int(collective)})
        self._set_department(replace(dep, collective=collective))
        self._notify(StoreEvent("departments", (), (department_id,)))
        return dep.collective

    def move_department(self, department_id: int, position: int) -> int:
        """Move a department to ``position`` in the display order; returns the old position."""
        dep = self.department(department_id)
        order = [d for d in self._departments if d.id != department_id]
        old = self._departments.index(dep)
        position = max(0, min(position, len(order)))
        order.insert(position, dep)
        with self._edit("move department", dep.name, {"old": old, "new": position}):
            for i, d in enumerate(order):
                if d.position != i:
                    self.db.table("departments").update(d.id, {"position": i})
        self._reload()
        self._notify(StoreEvent("departments", (), (department_id,)))
        return old

    def remove_department(self, department_id: int) -> DepartmentSnapshot:
        snap = self._department_snapshot(department_id)
        with self._edit("remove department", snap.department.name, {"department": department_id}):
            self._delete_department(department_id)
        self._reload()
        self._notify(StoreEvent("departments", (), (department_id,)))
        return snap

    def merge_departments(self, source_id: int, target_id: int) -> list[DepartmentSnapshot]:
        """Merge ``source`` into ``target``: its assignments move over, its name becomes an alias.

        Where both had a role in a measure the stronger (lead) wins. Returns snapshots of both
        departments as they were, for :meth:`restore_departments`.
        """
        if source_id == target_id:
            raise EditError(self.path, "cannot merge a department into itself")
        src, dst = self._department_snapshot(source_id), self._department_snapshot(target_id)
        merged = {a.measure_id: replace(a, department_id=target_id) for a in src.assignments}
        for a in dst.assignments:
            if a.measure_id in merged and (
                a.role == Role.LEAD or merged[a.measure_id].role != Role.LEAD
            ):
                merged[a.measure_id] = a
            elif a.measure_id not in merged:
                merged[a.measure_id] = a
        aliases = list(
            dict.fromkeys(dst.department.aliases + [src.department.name] + src.department.aliases)
        )
        detail = {"source": src.department.name, "target": dst.department.name}
        with self._edit(
            "merge departments", f"{src.department.name} → {dst.department.name}", detail
        ):
            self._delete_department(source_id)
            self.db.execute("DELETE FROM assignments WHERE department_id = ?", [target_id])
            self.db.table("assignments").insert_all(rows.assignment_row(a) for a in merged.values())
            self.db.table("aliases").insert_all(
                ({"department_id": target_id, "alias": a} for a in aliases), replace=True
            )
            # the source's reports move over where the target has none for that period
            self.db.table("progress").insert_all(
                (entry_row(replace(e, department_id=target_id)) for e in src.progress),
                ignore=True,
            )
        self._reload()
        self._notify(StoreEvent("departments", (), (source_id, target_id)))
        return [src, dst]

    def restore_departments(self, snapshots: list[DepartmentSnapshot]) -> None:
        """Put departments back exactly as snapshotted (undo of remove and merge)."""
        names = [s.department.name for s in snapshots]
        with self._edit("restore departments", "、".join(names), {"departments": names}):
            for s in snapshots:
                if s.department.id in self._department_by_id:
                    self._delete_department(s.department.id)
            for s in sorted(snapshots, key=lambda s: s.department.position):
                self._shift_departments(s.department.position, 1)
                self.db.table("departments").insert(rows.department_row(s.department))
                self.db.table("aliases").insert_all(
                    {"department_id": s.department.id, "alias": a} for a in s.department.aliases
                )
                self.db.table("assignments").insert_all(
                    (rows.assignment_row(a) for a in s.assignments), replace=True
                )
                self._restore_progress_rows(s.progress, [])
            self._compact_departments()
        self._reload()
        self._notify(StoreEvent("departments", (), tuple(s.department.id for s in snapshots)))

    def _department_snapshot(self, department_id: int) -> DepartmentSnapshot:
        dep = self.department(department_id)
        assigned = [
            replace(cells[department_id])
            for cells in self._by_measure.values()
            if department_id in cells
        ]
        progress = [replace(e) for e in self._progress.values() if e.department_id == department_id]
        return DepartmentSnapshot(replace(dep, aliases=list(dep.aliases)), assigned, progress)

    def _delete_department(self, department_id: int) -> None:
        for table in ("assignments", "aliases", "progress"):
            self.db.execute(f"DELETE FROM {table} WHERE department_id = ?", [department_id])
        self.db.execute("DELETE FROM departments WHERE id = ?", [department_id])
        self._compact_departments()

    def _shift_departments(self, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE departments SET position = position + ? WHERE position >= ?",
            [by, from_position],
        )

    def _compact_departments(self) -> None:
        ids = [r[0] for r in self.db.execute("SELECT id FROM departments ORDER BY position, id")]
        for i, dep_id in enumerate(ids):
            self.db.execute("UPDATE departments SET position = ? WHERE id = ?", [i, dep_id])

    def _set_department(self, dep: Department) -> None:
        old = self._department_by_id[dep.id]
        self._department_by_id[dep.id] = dep
        self._departments[self._departments.index(old)] = dep
