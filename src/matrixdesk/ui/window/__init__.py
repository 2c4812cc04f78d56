"""The main window and its controllers: files (open, import, export, print), grid edits, docks."""

from __future__ import annotations

from .main_window import MainWindow

__all__ = ["MainWindow"]
