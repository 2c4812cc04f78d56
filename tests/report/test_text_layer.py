"""Printed PDFs carry the plan's own characters: every text painted reads back exactly.

Noto Sans CJK (and the bundled Noto Sans SC) draw 文 and the Kangxi radical ⽂ with one glyph; Qt
names each glyph by the lowest code point that uses it, so without the repair the text layer
says ⽂化 for 文化 and ⻚ for 页 (and a tab for a space).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from PySide6.QtGui import QFont, QFontDatabase

from matrixdesk.report import fonts, paint, textlayer

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is missing")


class RecordingPainter(paint._TextPainter):
    """The report's painter, also telling the test every text drawn, in order."""

    seen: list[str] = []

    def drawText(self, *args):  # noqa: N802 - Qt's name
        self.seen.append(next(a for a in args if isinstance(a, str)))
        return super().drawText(*args)


def extracted(path) -> str:
    out = subprocess.run([PDFTOTEXT, "-raw", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _family(which: str) -> str:
    """The family for a test: the default, the bundled Noto Sans SC (registered as on a machine
    without Chinese fonts), or an official font by its label (skipped when not installed)."""
    paint.ensure_app()
    if which == "default":
        return fonts.cjk_family()
    if which == "bundled":
        bundled = fonts.bundled_font_path()
        assert bundled is not None, "pylopdf-fonts-zh-cn is a dependency"
        QFontDatabase.addApplicationFont(str(bundled))
        return fonts.BUNDLED_FAMILY
    family = dict(fonts.report_font_choices()).get(which)
    if family is None:
        pytest.skip(f"{which} is not installed here")
    return family


@pytest.fixture
def recording(monkeypatch):
    RecordingPainter.seen = []
    monkeypatch.setattr(paint, "_TextPainter", RecordingPainter)
    return RecordingPainter.seen


def _names_with_radical_lookalikes(plan) -> set[str]:
    return {d.name for d in plan.departments if set(d.name) & set("文人工日页")}


@pytest.mark.parametrize("which", ["default", "bundled", "仿宋", "宋体", "黑体"])
@pytest.mark.parametrize(
    "kind, department", [("matrix", None), ("list", None), ("list", "省文化和旅游厅")]
)
def test_every_text_drawn_reads_back_exactly(
    seed_plan, tmp_path, recording, qapp, which, kind, department
):
    family = _family(which)
    assert "省文化和旅游厅" in _names_with_radical_lookalikes(seed_plan)
    out = tmp_path / "report.pdf"
    paint.render_pdf(seed_plan, out, kind=kind, department=department, font=family)
    text = extracted(out)
    assert squeeze(text) == squeeze("".join(recording))
    # no radicals, no control characters (\f is pdftotext's page break)
    assert not re.search("[\u2e80-\u2fdf\u31c0-\u31ef\x00-\x08\x0b\x0e-\x1f]", text)
    assert "省文化和旅游厅" in squeeze(text)


def test_the_bundled_font_shares_glyphs_with_radicals(qapp):
    """The reason for the repair: without it this font's text layer would hold radicals."""
    aliases = textlayer.glyph_aliases([QFont(_family("bundled"))], ["省文化和旅游厅 第1页 1–2"])
    assert aliases[ord("⽂")] == ord("文") and aliases[ord("⻚")] == ord("页")
    assert aliases[ord("\t")] == ord(" ") and aliases[ord("‒")] == ord("–")
    assert ord("省") not in aliases.values()  # a glyph of its own
    # a radical drawn on purpose beside its ideograph: one glyph, one name; Qt's stays
    assert ord("⽂") not in textlayer.glyph_aliases([QFont(fonts.BUNDLED_FAMILY)], ["⽂文"])


def test_a_pdf_without_lookalikes_is_left_alone(small_plan, tmp_path, monkeypatch):
    out = tmp_path / "x.pdf"
    monkeypatch.setattr(paint, "glyph_aliases", lambda fonts, drawn: {})
    paint.render_pdf(small_plan, out, kind="list")
    before = out.read_bytes()
    assert textlayer.repair_text_layer(out, {}) == 0
    assert out.read_bytes() == before


def test_cmap_round_trip():
    cmap = (
        "2 beginbfrange\n<0001> <0003> [<7701> <2F42> <5316>]\n<0004> <0006> <0030>\n"
        "endbfrange\n1 beginbfchar\n<0007> <D840DC0B>\nendbfchar\n"
    )
    mapping = textlayer.parse_cmap(cmap)
    assert mapping == {1: "省", 2: "⽂", 3: "化", 4: "0", 5: "1", 6: "2", 7: "\U0002000b"}
    assert textlayer.parse_cmap(textlayer.write_cmap(mapping).decode("ascii")) == mapping
