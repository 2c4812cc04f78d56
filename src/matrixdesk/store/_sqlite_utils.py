"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy when it is installed, only to store numpy numbers, which MatrixDesk
never hands it. numpy is there (matplotlib needs it), so every start paid about a tenth of a
second and 16 MB for it before the window could open a plan. The import is done once here,
first thing in the store package, with numpy hidden; numpy stays importable for the charts.
"""

from __future__ import annotations

import sys


def _import_without_numpy() -> None:
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


_import_without_numpy()
