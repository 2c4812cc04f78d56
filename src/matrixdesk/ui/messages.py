"""Sentences in the user's language for files that could not be written.

The writers below the UI raise the typed errors of :mod:`matrixdesk.core.safefile` (a file
open in WPS or Excel, a full disk, a path too long for Windows, an empty result); each gets
one clear sentence here, naming the file, with the full path underneath.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication

from ..core.safefile import (
    DiskFullError,
    EmptyOutputError,
    FileInUseError,
    FolderError,
    OutputError,
    PathTooLongError,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutputMessages", text)


def output_error_text(exc: OSError, *, with_path: bool = True) -> str:
    """What to tell the user when a report, chart or workbook could not be written; the full
    path follows on a line of its own unless ``with_path`` is false."""
    path = getattr(exc, "path", None) or exc.filename or ""
    name = os.path.basename(str(path)) or str(path)
    if isinstance(exc, FileInUseError):
        text = _tr(
            "“%1” is open in another program (WPS, Excel or a PDF reader), so it cannot be "
            "replaced. Close it there and try again."
        )
    elif isinstance(exc, DiskFullError):
        text = _tr(
            "The disk is full: “%1” could not be written. The previous file, if there was "
            "one, is unchanged. Free some space and try again."
        )
    elif isinstance(exc, PathTooLongError):
        text = (
            _tr(
                "The path of “%1” is %2 characters long, but Windows and Excel open only paths "
                "of up to %3 characters. Choose a shorter folder or file name."
            )
            .replace("%2", str(exc.length))
            .replace("%3", str(exc.limit))
        )
    elif isinstance(exc, EmptyOutputError):
        text = _tr("“%1” came out empty and was not saved; the previous file is unchanged.")
    elif isinstance(exc, FolderError):
        text = _tr("The folder “%1” does not exist or cannot be written.")
    else:
        detail = exc.reason if isinstance(exc, OutputError) else (exc.strerror or str(exc))
        text = _tr("“%1” could not be written.") + "\n\n" + detail
    text = text.replace("%1", name)
    return f"{text}\n\n{path}" if with_path else text
