"""UI preferences in a QSettings INI file, each declared once with its type, default and meaning.

Only preferences live here (geometry, dock layout, language, recent files); plan data and
per-file options live in the .mdesk file. ``MATRIXDESK_SETTINGS_DIR`` points the INI file
somewhere else — tests set it to a temporary folder so they never touch the user's settings.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from ..core import errorlog

ENV_DIR = "MATRIXDESK_SETTINGS_DIR"
FILE_NAME = "matrixdesk.ini"
MAX_RECENT = 10


@dataclass(frozen=True)
class Setting:
    """One preference: INI key, Python type, default value, and what it is for."""

    key: str
    type: type
    default: Any
    description: str


LANGUAGE = Setting("ui/language", str, "zh_CN", "UI language code (zh_CN or en), read at start")
RECENT_FILES = Setting("files/recent", list, [], "recently opened plan files, newest first")
SAMPLE_OFFERED = Setting("files/sample_offered", bool, False, "the sample was opened on first run")
FOLDERS = {
    kind: Setting(f"folders/{kind}", str, "", f"folder last used in a file dialog for {what}")
    for kind, what in (
        ("plan", "plans (.mdesk)"),
        ("document", "policy documents to import"),
        ("workbook", "the master workbook"),
        ("departments", "the department workbooks"),
        ("pdf", "reports saved as PDF"),
        ("chart", "chart images"),
        ("returned", "department workbooks sent back to collect"),
    )
}

REPORT_FONT = Setting(
    "print/report_font", str, "", "report font: a label such as 仿宋 or 宋体, empty for the default"
)
EXCLUDE_COLLECTIVE = Setting(
    "print/exclude_collective",
    bool,
    False,
    "reports leave collective parties (各地区, 有关部门 …) out of the matrix and the lists",
)
CURRENT_CELLS = Setting(
    "files/current_cells",
    list,
    [],
    "the current cell of each recent plan when it was closed: 'measure id:department id:path'",
)

ALL_SETTINGS = (
    LANGUAGE,
    RECENT_FILES,
    CURRENT_CELLS,
    SAMPLE_OFFERED,
    REPORT_FONT,
    EXCLUDE_COLLECTIVE,
    *FOLDERS.values(),
)


def layout_settings(screen: str) -> tuple[Setting, Setting]:
    """The main window's geometry and its panels as last left on a screen of one size
    (``screen`` such as "1024x700"): a layout made on a big monitor is not forced onto a
    projector, and the projector's own is kept for next time."""
    return (
        Setting(f"layout/{screen}/geometry", QByteArray, QByteArray(), "window size and place"),
        Setting(f"layout/{screen}/state", QByteArray, QByteArray(), "panels and toolbar"),
    )


def folder_setting(kind: str) -> Setting:
    """The setting remembering the last folder of one kind of file dialog."""
    return FOLDERS[kind]


def settings_path() -> Path:
    """Where the INI file lives: ``$MATRIXDESK_SETTINGS_DIR``, else on Windows the local (not
    roaming) data folder ``%LOCALAPPDATA%\\MatrixDesk``, else the per-user config folder."""
    folder = os.environ.get(ENV_DIR)
    if not folder and sys.platform == "win32":
        folder = str(errorlog.local_data_dir())
    if not folder:
        loc = QStandardPaths.StandardLocation.AppConfigLocation
        folder = QStandardPaths.writableLocation(loc) or str(Path.home() / ".matrixdesk")
    return Path(folder) / FILE_NAME


def qsettings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def value(setting: Setting) -> Any:
    """The stored value of ``setting`` converted to its type, or its default."""
    raw = qsettings().value(setting.key, None)
    if raw is None:
        return setting.default
    if setting.type is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if setting.type is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(v) for v in raw]
    if setting.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else setting.default
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


def set_value(setting: Setting, new: Any) -> None:
    s = qsettings()
    s.setValue(setting.key, new)
    s.sync()


def recent_files() -> list[str]:
    return [p for p in value(RECENT_FILES) if p]


def add_recent_file(path: str) -> list[str]:
    """Put ``path`` first in the recent list (once, at most :data:`MAX_RECENT`)."""
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if os.path.normcase(p) != os.path.normcase(path)]
    set_value(RECENT_FILES, files[:MAX_RECENT])
    return files[:MAX_RECENT]


def _same_file(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def current_cell(path: str) -> tuple[int, int | None] | None:
    """The (measure id, department id or None) current when the plan at ``path`` was last
    closed, if it is a recent file; ids, not rows, so an edit above it moves nothing."""
    key = _same_file(path)
    for entry in value(CURRENT_CELLS):
        measure, _, rest = entry.partition(":")
        department, _, where = rest.partition(":")
        if _same_file(where) == key and measure.isdigit():
            return int(measure), int(department) if department.isdigit() else None
    return None


def keep_current_cell(path: str, measure_id: int | None, department_id: int | None) -> None:
    """Remember the current cell of a plan in the recent files (others are forgotten)."""
    key = _same_file(path)
    recent = {_same_file(p) for p in recent_files()}
    kept = [
        entry
        for entry in value(CURRENT_CELLS)
        if (where := _same_file(entry.split(":", 2)[-1])) != key and where in recent
    ]
    if measure_id is not None and key in recent:
        kept.insert(0, f"{measure_id}:{'' if department_id is None else department_id}:{path}")
    if kept != value(CURRENT_CELLS):
        set_value(CURRENT_CELLS, kept[:MAX_RECENT])


def remove_recent_file(path: str) -> None:
    set_value(RECENT_FILES, [p for p in recent_files() if p != path])
