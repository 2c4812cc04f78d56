"""Chinese on any machine: the bundled font is used only where the system has none; report fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from matrixdesk.report import fonts

ROOT = Path(__file__).resolve().parents[2]


def test_the_bundled_font_ships_with_the_program():
    path = fonts.bundled_font_path()
    assert path is not None and path.suffix == ".otf" and path.stat().st_size > 1_000_000


def test_the_bundled_font_is_registered_only_when_the_system_has_none(qapp, monkeypatch):
    monkeypatch.setattr(fonts, "_bundled", [])
    monkeypatch.setattr(fonts, "system_has_cjk_font", lambda: True)
    assert fonts.ensure_cjk_font() is None
    monkeypatch.setattr(fonts, "system_has_cjk_font", lambda: False)
    assert fonts.ensure_cjk_font() == fonts.BUNDLED_FAMILY
    assert fonts.ensure_cjk_font() == fonts.BUNDLED_FAMILY  # once


def test_official_fonts_are_offered_when_installed(qapp, monkeypatch):
    installed = {"SimSun", "仿宋", "Noto Sans CJK SC", "FangSong"}
    monkeypatch.setattr(fonts, "_installed", lambda: installed)
    assert fonts.report_font_choices() == [("仿宋", "仿宋"), ("宋体", "SimSun")]
    assert fonts.report_family("宋体") == "SimSun"
    assert fonts.report_family("FangSong") == "FangSong"  # a family name works too
    assert fonts.report_family("黑体") == fonts.report_family(None)  # not here: the default


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is missing")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt finds fonts by fontconfig")
def test_a_report_on_a_machine_without_chinese_fonts(tmp_path):
    """Qt finds fonts through fontconfig: give it only Latin fonts, as on a bare machine."""
    latin = [d for d in ("/usr/share/fonts/truetype/dejavu",) if os.path.isdir(d)]
    conf = tmp_path / "fonts.conf"
    dirs = "".join(f"<dir>{d}</dir>" for d in latin)
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig>{dirs}<cachedir>{tmp_path}/fc</cachedir></fontconfig>'
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    out = tmp_path / "r.pdf"
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from conftest import make_small_plan;"
        "from PySide6.QtGui import QFontDatabase as D;"
        "from matrixdesk.report import ensure_app, render_pdf;"
        "ensure_app();"
        "print(render_pdf(make_small_plan(), sys.argv[1], kind='list'));"
        "print(D.families(D.WritingSystem.SimplifiedChinese))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(out), str(ROOT / "tests")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[1] == "['Noto Sans SC']"  # ours, and nothing else
    used = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "NotoSansSC" in used
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "省文化和旅游厅" in text and "任务分工表" in text
