"""What the command-line tests share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matrixdesk.cli import main


@pytest.fixture
def import_fails(tmp_path, capsys) -> Callable[[Path], str]:
    """``matrixdesk import source``, which must refuse in one line, leave no plan file and
    show no traceback; returns that line."""

    def refused(source: Path) -> str:
        out = tmp_path / "plan.mdesk"
        capsys.readouterr()
        assert main(["import", str(source), "-o", str(out)]) == 2
        assert not out.exists()
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and "Traceback" not in err
        return err

    return refused
