"""What the window says after writing a file: the status message and a way to open it.

Every export and print ends here. A success names the file (or folder) in the status bar and
shows "Open" and "Show folder" links beside it; File ▸ Open Last Export does the same from the
keyboard. Both go through ``QDesktopServices``, so a workbook opens in Excel or WPS and a
folder in Explorer. A failure says what failed, with the file and the reason, in a message box
and in the status bar.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox

MESSAGE_MS = 15000


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutputFeedback", text)


class OutputFeedback(QObject):
    """Reports written files for one main window and opens them on request."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last: Path | None = None
        self.links = QLabel(window)
        self.links.setObjectName("outputLinks")
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.links.linkActivated.connect(self._link)
        self.links.hide()
        window.statusBar().addPermanentWidget(self.links)

    def written(self, path: str | os.PathLike[str], message: str) -> None:
        """``path`` was written: say ``message`` and offer to open it."""
        self.last = Path(path)
        self.window.statusBar().showMessage(message, MESSAGE_MS)
        what = _tr("Open folder") if self.last.is_dir() else _tr("Open")
        self.links.setText(
            f"<a href='open'>{what}</a> · <a href='folder'>{_tr('Show in folder')}</a>"
        )
        self.links.setToolTip(str(self.last))
        self.links.show()
        self.window.update_actions()

    def failed(self, what: str, path: str | os.PathLike[str], reason: str) -> None:
        """Writing ``path`` failed: say what failed and why."""
        text = _tr("%1 failed: %2").replace("%1", what).replace("%2", os.fspath(path))
        self.window.statusBar().showMessage(text, MESSAGE_MS)
        QMessageBox.warning(self.window, what, f"{text}\n\n{reason}")

    def clear(self) -> None:
        self.last = None
        self.links.hide()

    def open_last(self) -> bool:
        """Open the last file written (a folder: the folder) with the system's program."""
        return self._open(self.last)

    def show_folder(self) -> bool:
        if self.last is None:
            return False
        return self._open(self.last if self.last.is_dir() else self.last.parent)

    def _link(self, which: str) -> None:
        self.open_last() if which == "open" else self.show_folder()

    def _open(self, path: Path | None) -> bool:
        if path is None:
            return False
        if not path.exists():
            self.window.statusBar().showMessage(
                _tr("%1 no longer exists.").replace("%1", str(path)), MESSAGE_MS
            )
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.window.statusBar().showMessage(
                _tr("No program could open %1.").replace("%1", str(path)), MESSAGE_MS
            )
            return False
        self.window.statusBar().showMessage(
            _tr("Opening %1…").replace("%1", path.name or str(path)), 5000
        )
        return True
