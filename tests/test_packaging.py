"""The Windows build, checked where it cannot run: one version, the spec, the installer script,
its Chinese messages and the Windows workflow (packaging/README.md lists what only Windows can
show)."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import matrixdesk

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(PACKAGING))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


winversion = _module("winversion")
build = _module("build")


def test_pyproject_is_the_one_source_of_the_version():
    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert matrixdesk.__version__ == winversion.project_version() == version
    out = subprocess.run(
        [sys.executable, "-m", "matrixdesk.cli", "--version"], capture_output=True, text=True
    )
    assert out.stdout.strip() == f"matrixdesk {version}"
    # nowhere else: not in the package, not in the installer script
    assert version not in (ROOT / "src" / "matrixdesk" / "__init__.py").read_text()
    assert not re.search(r"^AppVersion=\d", iss(), re.M)


class _Recorder:
    """Stands in for PyInstaller's version-info classes: keeps what it was given."""

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs


def test_the_version_resource_says_what_pyproject_says():
    text = winversion.version_file_text("1.2.3rc1", "matrixdesk-cli")
    names = "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo"
    info = eval(text, {n: _Recorder for n in (*names.split(), "VarStruct")})  # noqa: S307
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 2, 3, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "matrixdesk-cli.exe"
    assert table.args[0] == "080404b0"  # Chinese (PRC), Unicode


def test_the_spec_builds_a_window_and_a_console_program_with_the_font():
    spec = (PACKAGING / "matrixdesk.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert 'executable("MatrixDesk", console=False)' in spec
    assert 'executable("matrixdesk-cli", console=True)' in spec
    assert 'collect_data_files("pylopdf_fonts_zh_cn")' in spec
    assert 'copy_metadata("matrixdesk")' in spec
    assert "winversion.write_version_file" in spec


def iss() -> str:
    return (PACKAGING / "matrixdesk.iss").read_text(encoding="utf-8")


def setup_values() -> dict[str, str]:
    section = iss().split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(
        line.strip().split("=", 1) for line in section.splitlines() if "=" in line.strip()[:40]
    )


def test_the_installer_upgrades_in_place_per_user():
    values = setup_values()
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", values["AppId"])
    assert values["PrivilegesRequired"] == "lowest"
    assert values["UsePreviousAppDir"] == "yes" and values["CloseApplications"] == "yes"
    assert values["UninstallDisplayIcon"] == r"{app}\MatrixDesk.exe"
    assert values["AppVersion"] == "{#AppVersion}"
    text = iss()
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in text  # no old DLL stays
    assert r'Subkey: "Software\Classes\MatrixDesk.Plan\DefaultIcon"' in text
    assert r'ValueData: "{app}\MatrixDesk.exe,0"' in text
    assert text.isascii()  # Chinese lives in the .isl


def test_the_chinese_messages_ship_with_the_script():
    assert 'MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"' in iss()
    assert "compiler:Languages\\ChineseSimplified" not in iss()  # not in a stock Inno Setup 6
    raw = (PACKAGING / "ChineseSimplified.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: every Unicode Inno Setup reads it
    text = raw.decode("utf-8-sig")
    keys = re.findall(r"^([A-Za-z0-9]+)=", text, re.M)
    assert len(keys) == len(set(keys))
    assert "LanguageID=$0804" in text and "LanguageCodePage=936" in text
    custom = text.split("[CustomMessages]", 1)[1]
    for name in set(re.findall(r"\{cm:([A-Za-z]+)", iss())):
        assert re.search(rf"^{name}=", custom, re.M), name
    assert re.search(r"^english\.PlanFileType=", iss(), re.M)


def test_the_windows_workflow_tests_builds_and_keeps_the_installer():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text("utf-8"))
    jobs = flow["jobs"]
    assert all(job["runs-on"].startswith("windows") for job in jobs.values())
    assert jobs["build"]["needs"] == "test"
    runs = {name: " ".join(s.get("run", "") for s in job["steps"]) for name, job in jobs.items()}
    assert "uv run pytest" in runs["test"]
    assert "packaging/build.py" in runs["build"] and "chcp 936" in runs["build"]
    upload = [s for s in jobs["build"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert upload and "MatrixDesk-Setup-" in upload[0]["with"]["path"]


def test_build_finds_inno_setup(tmp_path, monkeypatch):
    iscc = tmp_path / "ISCC.exe"
    iscc.write_bytes(b"")
    monkeypatch.setenv("ISCC", str(iscc))
    assert build.find_iscc() == str(iscc)
    monkeypatch.setenv("ISCC", "")
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    for var in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        monkeypatch.delenv(var, raising=False)
    assert build.find_iscc() is None


@pytest.mark.parametrize("version, numbers", [("0.1.0", (0, 1, 0, 0)), ("2.10", (2, 10, 0, 0))])
def test_windows_version_numbers(version, numbers):
    assert winversion.version_tuple(version) == numbers
