"""The Qt binding must not leak references: PySide6 6.12.0 dropped one on None per void call."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_calls_keep_none_alive(qapp):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.save()
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 2000 void calls"
