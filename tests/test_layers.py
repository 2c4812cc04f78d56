"""The layers of DESIGN.md hold: nothing below ``ui`` needs Qt, and import-linter agrees."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is not allowed below ui: ' + name)
        return None
sys.meta_path.insert(0, NoQt())
import matrixdesk.core.model, matrixdesk.core.validate, matrixdesk.core.stats
import matrixdesk.parse, matrixdesk.store, matrixdesk.exchange, matrixdesk.charts
import matrixdesk.cli
print('ok')
"""


def test_lower_layers_import_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


BLOCK_WIDGETS = """
import sys
class NoWidgets:
    def find_spec(self, name, path=None, target=None):
        if name in ('PySide6.QtWidgets', 'PySide6.QtPrintSupport'):
            raise ImportError('reports paint without widgets: ' + name)
        return None
sys.meta_path.insert(0, NoWidgets())
import matrixdesk.report, matrixdesk.cli
print('ok')
"""


def test_reports_and_the_cli_import_without_widgets():
    """The report layer uses QtGui only, so the CLI prints PDFs without QtWidgets."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_WIDGETS], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed")
    result = subprocess.run([ruff, "check", "."], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_mypy_passes_on_core_store_and_exchange():
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if mypy is None:
        pytest.skip("mypy is not installed")
    result = subprocess.run([mypy], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout
