"""The main toolbar's buttons: each follows its action, without QToolButton's default action.

A button that QToolBar makes for an action (``QToolButton.setDefaultAction``) takes one more
connection to the action's ``changed`` signal every time the action changes (Qt 6.11): the
Undo and Redo actions change their text at every edit, so after a thousand edits each change
called three thousand slots and an edit took 1 ms longer, and the connections were never
freed. These buttons hold one connection each and copy what a toolbar button shows (icon,
short text, tooltip, enabled, checked) when the action changes — and only what changed, so a
new Undo text (the button shows the short text, which stays) does not lay the toolbar out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget


class ActionButton(QToolButton):
    """A toolbar button that triggers ``action`` and shows its state."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = action
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the toolbar's own buttons
        self.setCheckable(action.isCheckable())
        self.clicked.connect(lambda _checked=False: self.source.trigger())
        action.changed.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        """Show the action as it is now (each property set only when it differs)."""
        action = self.source
        text = action.iconText()
        if self.text() != text:
            self.setText(text)
        if self.toolTip() != action.toolTip():
            self.setToolTip(action.toolTip())
        if self.statusTip() != action.statusTip():
            self.setStatusTip(action.statusTip())
        if self.isEnabled() != action.isEnabled():
            self.setEnabled(action.isEnabled())
        if action.isCheckable() and self.isChecked() != action.isChecked():
            self.setChecked(action.isChecked())
        if self.icon().cacheKey() != action.icon().cacheKey():
            self.setIcon(action.icon())


def add_buttons(toolbar: QToolBar, actions: list[QAction | None]) -> list[ActionButton]:
    """Put a button for each action on ``toolbar`` (None: a separator), in the toolbar's
    button style and icon size."""
    buttons = []
    for action in actions:
        if action is None:
            toolbar.addSeparator()
            continue
        button = ActionButton(action, toolbar)
        button.setToolButtonStyle(toolbar.toolButtonStyle())
        button.setIconSize(toolbar.iconSize())
        toolbar.toolButtonStyleChanged.connect(button.setToolButtonStyle)
        toolbar.iconSizeChanged.connect(button.setIconSize)
        toolbar.addWidget(button)
        buttons.append(button)
    return buttons
