"""What each step in the history says: the edit, and the measures and departments it touched.

"设为牵头：(一)1. × 省商务厅", "合并部门：省发改委 → 省发展改革委". :func:`describe` is called by
:meth:`Document.push` before a command runs, so every edit — from the grid, a panel or a
model — is named the same way, with the document's own numbering, and no caller has to build
the text. The same text goes to the Undo/Redo menu items and into the file's change log.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..core.model import Role
from . import commands as c

NAMES_SHOWN = 3  # a step names this many measures or departments, then "… (n in all)"
TITLE_CHARS = 16


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def listed(items: Iterable[str]) -> str:
    """ "a、b、c" — or the first few and how many in all."""
    items = list(dict.fromkeys(items))
    shown = "、".join(items[:NAMES_SHOWN])
    if len(items) <= NAMES_SHOWN:
        return shown
    return _tr("%1 … (%2 in all)").replace("%1", shown).replace("%2", str(len(items)))


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def measure_name(document, measure_id: int, with_title: bool = False) -> str:
    """(一)1. — with its (shortened) title when asked."""
    number = document.number(measure_id)
    if not with_title:
        return number
    return f"{number} {_short(document.store.measure(measure_id).title)}".strip()


def _department(document, department_id: int) -> str:
    return document.store.department(department_id).name


def roles_text(document, command: c.SetRolesCommand) -> str:
    roles = {r for _m, _d, r in command.changes}
    if command.verb:
        verb = command.verb
    elif roles == {Role.LEAD}:
        verb = _tr("Set lead")
    elif roles == {Role.SUPPORT}:
        verb = _tr("Set support")
    elif roles == {None}:
        verb = _tr("Clear")
    else:
        verb = _tr("Change roles")
    measures = listed(measure_name(document, m) for m, _d, _r in command.changes)
    departments = listed(_department(document, d) for _m, d, _r in command.changes)
    return _tr("%1: %2 × %3").replace("%1", verb).replace("%2", measures).replace("%3", departments)


def _edit_measure_text(document, command: c.EditMeasureCommand) -> str:
    name = measure_name(document, command.measure_id)
    fields = set(command.new)
    if fields == {"deadline"}:
        deadline = str(command.new["deadline"]) or _tr("none")
        return _tr("Deadline: %1 → %2").replace("%1", name).replace("%2", deadline)
    if fields == {"open_ended"}:
        text = _tr("Open-ended: %1") if command.new["open_ended"] else _tr("Not open-ended: %1")
        return text.replace("%1", name)
    if fields == {"title"}:
        return _tr("Edit title: %1").replace("%1", f"{name} {_short(str(command.new['title']))}")
    if fields == {"text"}:
        return _tr("Edit text: %1").replace("%1", name)
    return _tr("Edit measure: %1").replace("%1", name)


def _new_measure_number(document, command: c.AddMeasureCommand) -> str:
    m = command.measure
    parent = document.number(m.parent_id) if m.parent_id is not None else ""
    return f"{parent}{m.label}"


def _target_name(document, measure_id: int, indicator: str) -> str:
    return f"{measure_name(document, measure_id)} {_short(indicator)}".strip()


def _target_of(document, target_id: int):
    return next(t for t in document.store.targets() if t.id == target_id)


def describe(document, command: QUndoCommand) -> str | None:
    """The history text of ``command`` about to run on ``document``'s plan (None: keep its
    own)."""
    if isinstance(command, c.SetRolesCommand):
        return roles_text(document, command)
    if isinstance(command, c.ReplaceAssignmentsCommand):
        measures = listed(measure_name(document, m) for m in command.after)
        return _tr("Paste rows: %1").replace("%1", measures)
    if isinstance(command, c.MergeDepartmentsCommand):
        text = _tr("Merge departments: %1 → %2")
        text = text.replace("%1", _department(document, command.source_id))
        return text.replace("%2", _department(document, command.target_id))
    if isinstance(command, c.RenameDepartmentCommand):
        text = _tr("Rename department: %1 → %2").replace("%1", command.old)
        return text.replace("%2", command.new)
    if isinstance(command, c.SetAliasesCommand):
        aliases = "、".join(command.new) or _tr("none")
        text = _tr("Aliases of %1: %2").replace("%1", _department(document, command.department_id))
        return text.replace("%2", aliases)
    if isinstance(command, c.SetCollectiveCommand):
        text = _tr("Mark collective: %1") if command.new else _tr("Unmark collective: %1")
        return text.replace("%1", _department(document, command.department_id))
    if isinstance(command, c.MoveDepartmentCommand):
        text = _tr("Move department: %1 to place %2")
        text = text.replace("%1", _department(document, command.department_id))
        return text.replace("%2", str(command.new + 1))
    if isinstance(command, c.AddDepartmentCommand):
        return _tr("Add department: %1").replace("%1", command.name)
    if isinstance(command, c.RemoveDepartmentCommand):
        name = _department(document, command.department_id)
        return _tr("Remove department: %1").replace("%1", name)
    if isinstance(command, c.AddMeasureCommand):
        name = f"{_new_measure_number(document, command)} {_short(command.measure.title)}"
        return _tr("Add measure: %1").replace("%1", name.strip())
    if isinstance(command, c.RemoveMeasureCommand):
        name = measure_name(document, command.measure_id, with_title=True)
        return _tr("Remove measure: %1").replace("%1", name)
    if isinstance(command, c.EditMeasureCommand):
        return _edit_measure_text(document, command)
    if isinstance(command, c.AddTargetCommand):
        name = _target_name(document, command.target.measure_id, command.target.indicator)
        return _tr("Add target: %1").replace("%1", name)
    if isinstance(command, c.EditTargetCommand):
        t = _target_of(document, command.target_id)
        return _tr("Edit target: %1").replace(
            "%1", _target_name(document, t.measure_id, t.indicator)
        )
    if isinstance(command, c.RemoveTargetCommand):
        t = command.target
        name = _target_name(document, t.measure_id, t.indicator)
        return _tr("Remove target: %1").replace("%1", name)
    return None
