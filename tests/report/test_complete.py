"""A PDF is reported written only when it is whole: QPdfWriter does not report write errors."""

from __future__ import annotations

import shutil
from collections import namedtuple

import pytest

from matrixdesk.core.safefile import DiskFullError, EmptyOutputError, OutputError
from matrixdesk.report import paint

Usage = namedtuple("Usage", "total used free")


def test_a_truncated_pdf_is_an_error_naming_the_file_asked_for(small_plan, tmp_path, monkeypatch):
    whole = tmp_path / "whole.pdf"
    paint.render_pdf(small_plan, whole)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(OutputError, match="written completely") as info:
        paint.check_complete(cut, tmp_path / "责任矩阵.pdf")
    assert info.value.path == str(tmp_path / "责任矩阵.pdf")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10**9, 10**9 - 4096, 4096))
    with pytest.raises(DiskFullError):
        paint.check_complete(cut, tmp_path / "责任矩阵.pdf")
    paint.check_complete(whole, whole)


def test_painting_that_writes_nothing_never_reports_success(small_plan, tmp_path, monkeypatch):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"%PDF old")
    monkeypatch.setattr(paint, "paint_report", lambda *a, **k: 1)  # "painted", nothing written
    with pytest.raises((EmptyOutputError, OutputError)):
        paint.render_pdf(small_plan, out)
    assert out.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]
