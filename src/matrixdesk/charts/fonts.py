"""Chinese fonts for charts.

Matplotlib draws each glyph from the first family in a list that has it, so a figure gets a
list: the preferred CJK families that are installed, then DejaVu Sans (Latin, digits, the
minus sign). On a machine with no Chinese font at all, the Noto Sans SC that ships as a
dependency (``pylopdf-fonts-zh-cn``, SIL Open Font License) is added to matplotlib's fonts.
Nothing here changes the global rcParams; builders call :func:`chart_style` as a context
manager while they create a figure, and the family list is stored on every text.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

import matplotlib
from matplotlib import font_manager

#: Families in order of preference (Windows, Linux, macOS), DejaVu Sans last as the fallback.
PREFERRED_FAMILIES = (
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
    "Noto Sans SC",
    "DejaVu Sans",
)
FALLBACK_FAMILY = "DejaVu Sans"

# File-name fragments of common CJK fonts, used to find them when the font cache is stale.
_CJK_FILE_HINTS = ("cjk", "wqy", "msyh", "simhei", "sourcehan", "pingfang", "heiti", "unicode")


def _installed_names() -> set[str]:
    return {entry.name for entry in font_manager.fontManager.ttflist}


def _register_system_cjk_fonts() -> None:
    """Add CJK font files the (possibly stale) matplotlib cache does not know about."""
    known = {os.path.realpath(entry.fname) for entry in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        name = os.path.basename(path).lower()
        if any(hint in name for hint in _CJK_FILE_HINTS) and os.path.realpath(path) not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue  # an unreadable font file must not stop a chart


def _register_bundled_font() -> None:
    """Add the bundled Noto Sans SC (when its package is installed)."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return
    try:
        font_manager.fontManager.addfont(str(pylopdf_fonts_zh_cn.sans_path()))
    except (OSError, RuntimeError, ValueError):
        pass  # no bundled font: charts fall back to DejaVu Sans


@functools.cache
def chart_families() -> tuple[str, ...]:
    """The installed preferred families, CJK first, always ending with DejaVu Sans.

    When none of the CJK families is known to matplotlib the system fonts are scanned once
    (the cache may predate a font installation); when there is still none, the bundled font
    is added.
    """

    def cjk_installed() -> bool:
        return any(f in installed for f in PREFERRED_FAMILIES if f != FALLBACK_FAMILY)

    installed = _installed_names()
    if not cjk_installed():
        _register_system_cjk_fonts()
        installed = _installed_names()
    if not cjk_installed():
        _register_bundled_font()
        installed = _installed_names()
    found = [f for f in PREFERRED_FAMILIES if f in installed and f != FALLBACK_FAMILY]
    return (*found, FALLBACK_FAMILY)


def has_cjk_font() -> bool:
    """True when at least one Chinese-capable family is available."""
    return len(chart_families()) > 1


def chart_rc() -> dict[str, object]:
    """rcParams for building and saving a chart."""
    return {
        "font.family": list(chart_families()),
        "axes.unicode_minus": False,  # CJK fonts often lack U+2212
        "svg.fonttype": "path",  # the SVG shows the same glyphs without the fonts installed
        "pdf.fonttype": 42,
    }


# rc_context saves and restores the global rcParams: two threads in it at once (the window's
# chart worker and an export) would leave one's settings behind. One at a time.
_STYLE_LOCK = threading.RLock()


@contextmanager
def chart_style() -> Iterator[None]:
    """Apply :func:`chart_rc` for the duration of a block, leaving the globals untouched.

    One thread at a time: a chart drawn on a worker thread and one saved meanwhile wait for
    each other.
    """
    with _STYLE_LOCK, matplotlib.rc_context(cast(Any, chart_rc())):
        yield
