"""Screens of different scaling: a window moved from a 150 % laptop to a 100 % monitor (or back)
repaints the matrix header for the screen it is on, never with pixmaps made for the other."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter

from matrixdesk.ui.models.matrix_model import FIRST_DEPARTMENT_COLUMN
from matrixdesk.ui.widgets.matrix_view import DepartmentHeader, TotalsFooter
from matrixdesk.ui.window import MainWindow


@pytest.fixture
def window(qtbot, plan_file):
    w = MainWindow(persist_layout=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.files.open_path(plan_file)
    return w


class RecordingPainter(QPainter):
    """Remembers the pixel ratio of every pixmap drawn."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.ratios: list[float] = []

    def drawPixmap(self, *args):  # noqa: N802 - Qt's name
        self.ratios.append(
            next(a for a in args if hasattr(a, "devicePixelRatio")).devicePixelRatio()
        )
        return super().drawPixmap(*args)


@pytest.mark.parametrize("ratios", [(1.5, 1.0, 1.5), (1.0, 1.25, 2.0)])
def test_department_header_pixmaps_follow_the_screen(window, monkeypatch, ratios):
    header = window.view.grid.horizontalHeader()
    assert isinstance(header, DepartmentHeader)
    section = FIRST_DEPARTMENT_COLUMN
    rect = QRect(0, 0, header.sectionSize(section), header.height())
    image = QImage(rect.width() * 2, rect.height() * 2, QImage.Format.Format_ARGB32)
    for ratio in ratios:
        monkeypatch.setattr(header, "devicePixelRatioF", lambda r=ratio: r)
        painter = RecordingPainter(image)
        header.paintSection(painter, rect, section)
        painter.end()
        assert painter.ratios == [ratio]


def test_totals_footer_backgrounds_follow_the_screen(window, monkeypatch):
    footer = window.view.grid_footer
    assert isinstance(footer, TotalsFooter)
    section = FIRST_DEPARTMENT_COLUMN
    rect = QRect(0, 0, 40, footer.height())
    for ratio in (1.5, 1.0, 1.5, 1.25):
        monkeypatch.setattr(footer, "devicePixelRatioF", lambda r=ratio: r)
        assert footer._background(rect, section).devicePixelRatio() == ratio
