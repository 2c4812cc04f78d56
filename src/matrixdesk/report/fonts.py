"""Fonts for the printed reports and the window: Chinese on any machine, official fonts on offer.

A machine without any Chinese font (a fresh Linux, a stripped-down Windows image) still shows and
prints Chinese: :func:`ensure_cjk_font` registers the Noto Sans SC that ships as a dependency
(``pylopdf-fonts-zh-cn``, SIL Open Font License) with Qt, but only when the system has no font
for Simplified Chinese — a system font always wins.

The report font is a setting: :data:`REPORT_FONTS` lists the fonts of official documents
(仿宋_GB2312 / 仿宋, 宋体, 黑体) under the names Windows and other systems give them;
:func:`report_font_choices` offers those that are installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

__all__ = [
    "BUNDLED_FAMILY",
    "CJK_FAMILIES",
    "REPORT_FONTS",
    "bundled_font_path",
    "cjk_family",
    "ensure_cjk_font",
    "report_family",
    "report_font_choices",
]

#: The family name of the bundled fallback font.
BUNDLED_FAMILY = "Noto Sans SC"

#: Sans-serif Chinese families in order of preference (Windows, Linux, the bundled one last).
#: The PDF text layer is repaired after writing (``textlayer.py``), so a font whose character
#: map sends radicals and ideographs to one glyph (Noto CJK) is as good as any other.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    BUNDLED_FAMILY,
)

#: The report fonts a user may choose: a label (as Chinese offices name the font) and the family
#: names under which systems install it (Windows gives Chinese and English names).
REPORT_FONTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("仿宋_GB2312", ("仿宋_GB2312", "FangSong_GB2312")),
    ("仿宋", ("仿宋", "FangSong", "STFangsong")),
    ("宋体", ("宋体", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC")),
    ("黑体", ("黑体", "SimHei", "STHeiti")),
)


def bundled_font_path() -> Path | None:
    """The bundled Noto Sans SC file, or None when the font package is not installed."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    return path if path.is_file() else None


_bundled: list[str] = []  # the family registered from the bundled file (registered once)


def system_has_cjk_font() -> bool:
    """True when a font of the system (not ours) covers Simplified Chinese."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return any(f not in _bundled for f in families)


def ensure_cjk_font() -> str | None:
    """Register the bundled Chinese font with Qt when the system has none (needs a Qt GUI app).

    Returns the family registered, or None when a system font is used (or there is no bundled
    font to register).
    """
    if _bundled:
        return _bundled[0]
    if system_has_cjk_font():
        return None
    path = bundled_font_path()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _bundled.extend(families[:1])
    return _bundled[0] if _bundled else None


def _installed() -> set[str]:
    return set(QFontDatabase.families())


def cjk_family() -> str:
    """The first installed family from :data:`CJK_FAMILIES`, else the default family."""
    ensure_cjk_font()
    installed = _installed()
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return QFont().family()


def report_font_choices() -> list[tuple[str, str]]:
    """The official-document fonts installed here: ``(label, family)`` in :data:`REPORT_FONTS`
    order, each label once."""
    installed = _installed()
    choices = []
    for label, names in REPORT_FONTS:
        family = next((n for n in names if n in installed), None)
        if family is not None:
            choices.append((label, family))
    return choices


def report_family(choice: str | None = None) -> str:
    """The family to print with: the chosen label or family when it is installed, else the
    default Chinese family (:func:`cjk_family`)."""
    if choice:
        if choice in _installed():
            return choice
        for label, family in report_font_choices():
            if label == choice:
                return family
    return cjk_family()
