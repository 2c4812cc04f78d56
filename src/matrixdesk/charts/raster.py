"""A chart drawn into pixels for a window to show, by any thread, and stoppable half-way.

The window's chart dock draws on a worker thread (drawing forty bars with their labels takes
matplotlib 0.3–0.5 s, which froze the window when done on its own thread). Matplotlib's Agg
canvas is safe on another thread for a figure that thread alone uses; :func:`draw_rgba`
sizes the figure as a Qt canvas would (its pixels at the widget's size and device pixel
ratio) and draws it. ``check`` is called before every drawing and text-measuring call of the
renderer, so a draw can be abandoned by raising from it (the window does when the user types
or clicks, and when a newer chart is asked for).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .fonts import chart_style

#: The renderer calls that draw or measure; ``check`` runs before each.
_CHECKED = (
    "draw_path",
    "draw_text",
    "draw_markers",
    "draw_path_collection",
    "draw_image",
    "draw_gouraud_triangles",
    "get_text_width_height_descent",
)
MIN_WIDTH = 300  # narrower, a chart scrolls sideways (300: the right column of a 1024×700 window)


@dataclass(frozen=True)
class Raster:
    """A drawn chart: RGBA bytes, ``width`` × ``height`` device pixels."""

    rgba: bytes
    width: int
    height: int


def natural_size(fig: Figure) -> tuple[int, int]:
    """The figure's own size in pixels at its own dpi (96-dpi logical pixels on screen)."""
    width, height = fig.get_size_inches() * fig.dpi
    return int(width), int(height)


def fitted_size(
    natural: tuple[int, int], viewport: tuple[int, int], scrollbar: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    """(size, minimum size) of a chart of ``natural`` size in a resizable scroll area whose
    viewport is ``viewport`` without scroll bars: as wide as the viewport (not below
    :data:`MIN_WIDTH`), as tall as the chart or the viewport, a scroll bar taken off where
    one is needed."""
    minimum = (min(natural[0], MIN_WIDTH), natural[1])
    needs_vertical = minimum[1] > viewport[1]
    width = viewport[0] - (scrollbar if needs_vertical else 0)
    needs_horizontal = minimum[0] > width
    height = viewport[1] - (scrollbar if needs_horizontal else 0)
    return (max(width, minimum[0]), max(height, minimum[1])), minimum


class _Canvas(FigureCanvasAgg):
    def __init__(self, figure: Figure, check: Callable[[], None] | None) -> None:
        super().__init__(figure)
        self._check = check

    def get_renderer(self):  # type: ignore[no-untyped-def]
        renderer = super().get_renderer()
        if self._check is not None and not getattr(renderer, "_checked", False):
            for name in _CHECKED:
                method = getattr(renderer, name, None)
                if method is not None:
                    setattr(renderer, name, _checked(method, self._check))
            renderer._checked = True
        return renderer


def _checked(method: Callable, check: Callable[[], None]) -> Callable:
    def call(*args, **kwargs):
        check()
        return method(*args, **kwargs)

    return call


def draw_rgba(
    fig: Figure,
    size: tuple[int, int],
    device_pixel_ratio: float = 1.0,
    check: Callable[[], None] | None = None,
) -> Raster:
    """Draw ``fig`` at ``size`` logical pixels, as a Qt canvas of that size would show it.

    ``check`` is called before each renderer call; whatever it raises ends the draw.
    """
    base_dpi = fig.dpi
    with chart_style():
        fig.set_dpi(base_dpi * device_pixel_ratio)
        fig.set_size_inches(size[0] / base_dpi, size[1] / base_dpi)
        canvas = _Canvas(fig, check)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        return Raster(bytes(canvas.buffer_rgba()), width, height)
