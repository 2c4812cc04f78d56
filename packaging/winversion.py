"""The program's version for the Windows build, read from pyproject.toml (the one source).

Used by ``matrixdesk.spec`` (the version resource of both executables) and ``build.py`` (the
installer's AppVersion, passed to Inno Setup as ``/DAppVersion=…``). Run it alone to see what a
build would stamp::

    python packaging/winversion.py
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "MatrixDesk"
DESCRIPTION = "MatrixDesk 任务分工矩阵"
COMPANY = "MatrixDesk"
LANGUAGE = "080404b0"  # zh-CN (0x0804), Unicode (1200 = 0x04b0)


def project_version(root: Path = ROOT) -> str:
    """``[project] version`` of pyproject.toml."""
    with open(root / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows keeps (``0.2.0rc1`` → ``(0, 2, 0, 0)``)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("-")[0])[:3]]
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_file_text(version: str, exe_name: str) -> str:
    """The text of a PyInstaller version file (a ``VSVersionInfo`` expression) for one exe."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "MatrixDesk contributors, MIT licence",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        {LANGUAGE!r},
        [
          {table},
        ],
      ),
    ]),
    VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
  ],
)
"""


def write_version_file(folder: Path, exe_name: str, version: str | None = None) -> Path:
    """Write the version file of ``exe_name`` into ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version-{exe_name}.txt"
    path.write_text(version_file_text(version or project_version(), exe_name), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(project_version())
    sys.exit(0)
