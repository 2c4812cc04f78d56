"""Errors raised by the workbook exporters."""

from __future__ import annotations

from ..core.safefile import OutputError

#: A workbook could not be written: the core's :class:`OutputError` (an ``OSError``) or one of
#: its kinds (file in use, disk full, path too long, folder); the message names the file.
ExportError = OutputError


class ExportCancelled(Exception):
    """The progress callback asked to stop; no file of the cancelled export is left behind."""
