"""Errors raised by the workbook exporters."""

from __future__ import annotations


class ExportError(ValueError):
    """A workbook could not be written; the message says why and names the file or folder."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExportCancelled(Exception):
    """The progress callback asked to stop; no file of the cancelled export is left behind."""
