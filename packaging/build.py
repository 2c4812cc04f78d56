"""Build the Windows program and its installer, stamped with pyproject.toml's version.

    uv run --with pyinstaller python packaging/build.py            # exe and installer
    uv run --with pyinstaller python packaging/build.py --no-installer

1. PyInstaller makes ``dist/MatrixDesk/`` (``MatrixDesk.exe`` and ``matrixdesk-cli.exe``);
2. Inno Setup 6 (``ISCC.exe``, found on PATH, in ``%ISCC%`` or where its installer puts it)
   makes ``dist/MatrixDesk-Setup-<version>.exe`` with ``/DAppVersion=<version>``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from winversion import ROOT, project_version  # noqa: E402


def find_iscc() -> str | None:
    """The Inno Setup 6 command-line compiler, or None."""
    candidates = [os.environ.get("ISCC", ""), shutil.which("iscc") or ""]
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if folder:
            sub = "Programs\\Inno Setup 6" if base == "LOCALAPPDATA" else "Inno Setup 6"
            candidates.append(str(Path(folder) / sub / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-installer", action="store_true", help="only the program folder")
    args = parser.parse_args(argv)
    version = project_version()
    spec = ROOT / "packaging" / "matrixdesk.spec"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(spec)],
        check=True,
        cwd=ROOT,
    )
    if args.no_installer:
        return 0
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup 6 (ISCC.exe) not found: install it or set ISCC", file=sys.stderr)
        return 2
    script = ROOT / "packaging" / "matrixdesk.iss"
    subprocess.run([iscc, f"/DAppVersion={version}", str(script)], check=True, cwd=ROOT)
    print(f"dist/MatrixDesk-Setup-{version}.exe")
    return 0


if __name__ == "__main__":
    sys.exit(main())
