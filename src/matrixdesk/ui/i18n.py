"""Installing translators: Qt's own strings first, then MatrixDesk's (Chinese by default).

The compiled catalogues (``matrixdesk_<lang>.qm``) live in ``resources/translations``. In an
installed wheel that folder is ``matrixdesk/resources/translations``; in a source checkout it is
the repository's top-level ``resources/translations``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_CN"
_LANGUAGES = [("zh_CN", "简体中文"), ("en", "English")]
_PACKAGE = Path(__file__).resolve().parent.parent
_installed: list[QTranslator] = []  # kept alive here; removed again on a language switch


def available_languages() -> list[tuple[str, str]]:
    """(code, name in its own language) for every UI language offered."""
    return list(_LANGUAGES)


def default_language() -> str:
    return DEFAULT_LANGUAGE


def resources_dir() -> Path:
    """``resources/`` as installed in the package, else the source tree's."""
    installed = _PACKAGE / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / "resources"


def translations_dir() -> Path:
    """The folder holding the compiled ``.qm`` catalogues (installed or in the source tree)."""
    return resources_dir() / "translations"


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install Qt's and MatrixDesk's translators for ``language`` on ``app``.

    English needs only MatrixDesk's plural forms ("1 error", not "1 error(s)"): the source
    strings are English. Translators installed by an earlier call are removed first, so
    switching language at run time works. Returns the translators installed.
    """
    while _installed:
        app.removeTranslator(_installed.pop())
    language = language or DEFAULT_LANGUAGE
    installed: list[QTranslator] = []
    if not language.startswith("en"):
        QLocale.setDefault(QLocale(language))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_dir), (f"matrixdesk_{language}", None)):
            translator = QTranslator(app)
            if translator.load(name, folder or str(translations_dir())):
                app.installTranslator(translator)
                installed.append(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)
        if plurals.load("matrixdesk_en", str(translations_dir())):
            app.installTranslator(plurals)
            installed.append(plurals)
    _installed.extend(installed)
    return installed


def period_shown(period: str) -> str:
    """A reporting period as the window writes it: 2026年11月 / 2026年第4季度 in Chinese (as the
    workbooks and reports do), 2026-11 / 2026-Q4 in English."""
    from ..core.periods import period_label

    if QLocale().language() == QLocale.Language.English:
        return period
    return period_label(period)
