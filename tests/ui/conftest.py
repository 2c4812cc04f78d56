"""Fixtures for the GUI tests: private settings and data folders, a plan file on disk."""

from __future__ import annotations

import pytest

from matrixdesk.store import MatrixStore


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Settings and data in a temporary folder, never the user's."""
    monkeypatch.setenv("MATRIXDESK_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("MATRIXDESK_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(str(path), small_plan).close()
    return str(path)
