"""The QApplication: names, UI font, icon and translators, created once.

Both the window (``app.py``) and the screenshot renderer (``screenshot.py``) start from here.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from ..report.fonts import ensure_cjk_font
from . import settings

# Windows' Chinese UI font first, then the CJK fonts found on Linux desktops.
UI_FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Segoe UI",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Noto Sans SC",  # bundled, registered only on a machine without a Chinese font
]


def application(language: str | None = None) -> QApplication:
    """The QApplication (created once), with names, font and translators set up."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("MatrixDesk")
        QCoreApplication.setApplicationName("MatrixDesk")
        app = QApplication([sys.argv[0] if sys.argv else "matrixdesk"])
        ensure_cjk_font()
        if sys.platform != "win32":
            app.setStyle("Fusion")
        font = QFont(app.font())
        font.setFamilies(UI_FONT_FAMILIES)
        if font.pointSizeF() < 9:
            font.setPointSizeF(9)
        app.setFont(font)
        app.setWindowIcon(app_icon())
        install_translators(app, language or settings.value(settings.LANGUAGE))
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    """MatrixDesk's icon (resources/icons/matrixdesk.svg); an empty icon if it is missing."""
    from .i18n import resources_dir

    return QIcon(str(resources_dir() / "icons" / "matrixdesk.svg"))


def install_translators(app: QCoreApplication, language: str) -> None:
    try:
        from .i18n import install_translators as install
    except ImportError:  # translations not built into this copy
        return
    install(app, language)
