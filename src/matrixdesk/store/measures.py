"""Edits of measures and targets, mixed into :class:`MatrixStore`."""

from __future__ import annotations

from dataclasses import asdict, replace

from ..core.model import Comparator, Measure, Target
from . import rows
from .base import StoreBase
from .errors import EditError
from .events import MeasureSnapshot, StoreEvent


class MeasureEdits(StoreBase):
    """Adding, changing and removing measures and their targets (one transaction each)."""

    # -- measures ----------------------------------------------------------------------------
    MEASURE_FIELDS = ("title", "text", "deadline", "open_ended", "code", "label", "annotation")

    def update_measure(self, measure_id: int, **fields: object) -> Measure:
        """Change a measure's fields (title, text, deadline, open_ended …); returns the old one."""
        unknown = set(fields) - set(self.MEASURE_FIELDS)
        if unknown:
            raise EditError(self.path, f"cannot edit {', '.join(sorted(unknown))}")
        old = self.measure(measure_id)
        new = replace(old, **fields)  # type: ignore[arg-type]
        detail = {"measure": measure_id, "old": {k: getattr(old, k) for k in fields}, "new": fields}
        with self._edit("measure", old.title[:40], detail):
            self.db.table("measures").update(measure_id, rows.measure_row(new))
        self._replace_measure(new)
        self._notify(StoreEvent("measures", (measure_id,)))
        return old

    def add_measure(self, measure: Measure, *, position: int | None = None) -> Measure:
        """Insert a measure (id 0 → a new id) at ``position`` (default: the end)."""
        if measure.parent_id is not None:
            self.measure(measure.parent_id)
        pos = (
            len(self._measures) if position is None else max(0, min(position, len(self._measures)))
        )
        with self._edit("add measure", measure.title[:40], {"measure": asdict(measure)}):
            if not measure.id:
                measure = replace(measure, id=self._next_id("measures"))
            self._shift_measures(pos, 1)
            measure = replace(measure, position=pos)
            self.db.table("measures").insert(rows.measure_row(measure))
        self._reload()
        self._notify(StoreEvent("structure", (measure.id,)))
        return self.measure(measure.id)

    def remove_measure(self, measure_id: int) -> MeasureSnapshot:
        """Remove a measure with its sub-measures, assignments and targets."""
        victims = self._subtree(measure_id)
        ids = {m.id for m in victims}
        snap = MeasureSnapshot(
            [replace(m) for m in victims],
            [replace(a) for i in ids for a in self._by_measure.get(i, {}).values()],
            [replace(t) for i in ids for t in self._targets.get(i, [])],
            *self._progress_of_measures(ids),
        )
        marks = ",".join("?" * len(ids))
        with self._edit("remove measure", victims[0].title[:40], {"ids": sorted(ids)}):
            self._delete_progress_of_measures(ids)
            for table in ("assignments", "targets"):
                self.db.execute(f"DELETE FROM {table} WHERE measure_id IN ({marks})", list(ids))
            for m in reversed(victims):
                self.db.execute("DELETE FROM measures WHERE id = ?", [m.id])
            self._shift_measures(victims[0].position + len(victims), -len(victims))
        self._reload()
        self._notify(StoreEvent("structure", tuple(sorted(ids))))
        return snap

    def restore_measures(self, snap: MeasureSnapshot) -> None:
        """Put back what :meth:`remove_measure` took out, in the same place with the same ids."""
        first = snap.measures[0].position
        with self._edit(
            "restore measure", snap.measures[0].title[:40], {"ids": [m.id for m in snap.measures]}
        ):
            self._shift_measures(first, len(snap.measures))
            self.db.table("measures").insert_all(rows.measure_row(m) for m in snap.measures)
            self.db.table("assignments").insert_all(
                rows.assignment_row(a) for a in snap.assignments
            )
            self.db.table("targets").insert_all(rows.target_row(t) for t in snap.targets)
            self._restore_progress_rows(snap.progress, snap.actuals)
        self._reload()
        self._notify(StoreEvent("structure", tuple(m.id for m in snap.measures)))

    def _subtree(self, measure_id: int) -> list[Measure]:
        root = self.measure(measure_id)
        found, ids = [root], {root.id}
        for m in self._measures[root.position + 1 :]:
            if m.parent_id not in ids:
                break
            found.append(m)
            ids.add(m.id)
        return found

    def _shift_measures(self, from_position: int, by: int) -> None:
        self.db.execute(
            "UPDATE measures SET position = position + ? WHERE position >= ?", [by, from_position]
        )

    def _replace_measure(self, new: Measure) -> None:
        self._measure_by_id[new.id] = new
        self._measures[new.position] = new

    # -- targets -----------------------------------------------------------------------------
    TARGET_FIELDS = ("indicator", "value", "unit", "comparator", "year")

    def add_target(self, target: Target) -> Target:
        self.measure(target.measure_id)
        target = self._checked_target(target)
        with self._edit("add target", target.indicator, {"target": asdict(target)}):
            if not target.id:
                target = replace(target, id=self._next_id("targets"))
            if not target.position:
                target = replace(target, position=len(self._targets.get(target.measure_id, [])))
            self.db.table("targets").insert(rows.target_row(target))
            self._restore_progress_rows([], self._removed_actuals.pop(target.id, []))
        self._put_target(target)
        self._reload_progress()
        self._notify(StoreEvent("targets", (target.measure_id,)))
        return target

    def update_target(self, target_id: int, **fields: object) -> Target:
        """Change a target's fields; returns the old target."""
        unknown = set(fields) - set(self.TARGET_FIELDS)
        if unknown:
            raise EditError(self.path, f"cannot edit {', '.join(sorted(unknown))}")
        old = self._target(target_id)
        new = self._checked_target(replace(old, **fields))  # type: ignore[arg-type]
        detail = {"target": target_id, "old": {k: getattr(old, k) for k in fields}, "new": fields}
        with self._edit("target", old.indicator, detail):
            self.db.table("targets").update(target_id, rows.target_row(new))
        self._drop_target(old)
        self._put_target(new)
        self._notify(StoreEvent("targets", (old.measure_id,)))
        return old

    def remove_target(self, target_id: int) -> Target:
        old = self._target(target_id)
        kept = [replace(a) for a in self._actuals.values() if a.target_id == target_id]
        with self._edit("remove target", old.indicator, {"target": asdict(old)}):
            self.db.execute("DELETE FROM actuals WHERE target_id = ?", [target_id])
            self.db.execute("DELETE FROM targets WHERE id = ?", [target_id])
        if kept:  # given back when undo adds the same target again
            self._removed_actuals[target_id] = kept
        self._drop_target(old)
        self._reload_progress()
        self._notify(StoreEvent("targets", (old.measure_id,)))
        return old

    def _checked_target(self, t: Target) -> Target:
        """``t`` with its values checked: a number or nothing as value, a year as a whole
        number, a known comparison (what an edit, a workbook or a script may hand in)."""
        number = (int, float)
        if t.value is not None and (isinstance(t.value, bool) or not isinstance(t.value, number)):
            raise EditError(self.path, f"a target value must be a number, not {t.value!r}")
        if t.year is not None and (isinstance(t.year, bool) or not isinstance(t.year, int)):
            raise EditError(self.path, f"a target year must be a whole number, not {t.year!r}")
        try:
            comparator = Comparator(t.comparator)
        except ValueError:
            raise EditError(self.path, f"unknown comparison {t.comparator!r}") from None
        texts = (t.indicator, t.unit)
        if not all(isinstance(x, str) for x in texts):
            raise EditError(self.path, "a target's indicator and unit must be text")
        value = None if t.value is None else float(t.value)
        return replace(t, value=value, comparator=comparator)

    def _target(self, target_id: int) -> Target:
        try:
            return self._target_by_id[target_id]
        except KeyError:
            raise EditError(self.path, f"no target {target_id}") from None

    def _put_target(self, target: Target) -> None:
        """Add ``target`` to the in-memory index in the order the file reads them back."""
        found = self._targets.setdefault(target.measure_id, [])
        key = (target.position, target.id)
        at = len(found)
        while at and (found[at - 1].position, found[at - 1].id) > key:
            at -= 1
        found.insert(at, target)
        self._target_by_id[target.id] = target

    def _drop_target(self, target: Target) -> None:
        found = self._targets.get(target.measure_id, [])
        found[:] = [t for t in found if t.id != target.id]
        if not found:
            self._targets.pop(target.measure_id, None)
        self._target_by_id.pop(target.id, None)
