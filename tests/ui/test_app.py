"""Application set-up: the icon is found and renders (the SVG image plugin is present)."""

from __future__ import annotations

from matrixdesk.ui.application import app_icon


def test_the_application_icon_renders(qapp):
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(4, 32).red() > 150  # the red frame, so the SVG really drew
