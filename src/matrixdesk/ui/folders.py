"""Where every file dialog starts: one policy for the whole program.

A dialog starts in the folder last used for its kind of file (plans, policy documents,
workbooks, the department-workbook folder, PDFs, charts), remembered in the settings; the
first time, in the user's Documents folder. Never in the per-user data folder (where the
sample's working copy lives, hidden from users) and never in the process's working folder
(on Windows that is wherever the shortcut started the program). A remembered folder that is
gone, or lies inside the data folder, falls back to Documents too.

The dialogs are Qt's static ``QFileDialog`` functions, called here and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core import errorlog
from . import settings

PLAN = "plan"  # .mdesk files: open, save as, new plan
DOCUMENT = "document"  # policy documents read by New from Document
WORKBOOK = "workbook"  # the master workbook
DEPARTMENTS = "departments"  # the folder for one workbook per department
PDF = "pdf"  # reports exported as PDF
CHART = "chart"  # chart images
RETURNED = "returned"  # department workbooks sent back, to collect
KINDS = (PLAN, DOCUMENT, WORKBOOK, DEPARTMENTS, PDF, CHART, RETURNED)

ENV_DOCUMENTS = "MATRIXDESK_DOCUMENTS_DIR"  # tests point "Documents" at a temporary folder
ENV_DATA_DIR = errorlog.ENV_DATA_DIR


def data_dir() -> Path:
    """The per-user local data folder (the sample's working copy and the logs live there):
    ``%LOCALAPPDATA%\\MatrixDesk`` on Windows, never the roaming profile."""
    return errorlog.local_data_dir()


def documents_folder() -> str:
    """The user's Documents folder (``$MATRIXDESK_DOCUMENTS_DIR`` in tests), else home."""
    folder = os.environ.get(ENV_DOCUMENTS) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    return folder if folder and os.path.isdir(folder) else str(Path.home())


def _hidden_folders() -> list[Path]:
    """Folders a dialog never starts in: the per-user data and settings folders."""
    return [data_dir().resolve(), settings.settings_path().parent.resolve()]


def _usable(folder: str) -> bool:
    if not folder or not os.path.isdir(folder):
        return False
    path = Path(folder).resolve()
    return not any(path == hidden or hidden in path.parents for hidden in _hidden_folders())


def start_folder(kind: str) -> str:
    """The folder a dialog for ``kind`` starts in (see the module docstring)."""
    remembered = str(settings.value(settings.folder_setting(kind)))
    return remembered if _usable(remembered) else documents_folder()


def remember(kind: str, path: str) -> None:
    """Remember the folder of ``path`` (or ``path`` itself, a folder) for ``kind``."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    if _usable(folder):
        settings.set_value(settings.folder_setting(kind), folder)


def _with_suffix(path: str, suffix: str) -> str:
    return path if not suffix or path.lower().endswith(suffix) else path + suffix


def save_file(
    parent: QWidget | None, kind: str, title: str, name: str, filters: str, suffix: str = ""
) -> str:
    """Ask where to save ``name`` (a file name, no folder); "" when cancelled.

    ``suffix`` (".xlsx") is added when the user typed a name without it.
    """
    suggested = os.path.join(start_folder(kind), os.path.basename(name))
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not path:
        return ""
    path = _with_suffix(path, suffix)
    remember(kind, path)
    return path


def save_file_filtered(
    parent: QWidget | None, kind: str, title: str, name: str, filters: str
) -> tuple[str, str]:
    """Like :func:`save_file` but also returns the filter the user chose."""
    suggested = os.path.join(start_folder(kind), os.path.basename(name))
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if path:
        remember(kind, path)
    return path, chosen


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str:
    """Ask for an existing file; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(kind), filters)
    if path:
        remember(kind, path)
    return path


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    """Ask for one or more existing files; [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def choose_folder(parent: QWidget | None, kind: str, title: str) -> str:
    """Ask for a folder; "" when cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(kind))
    if folder:
        remember(kind, folder)
    return folder
