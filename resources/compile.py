"""Refresh and build MatrixDesk's translations.

    uv run python resources/compile.py            # lupdate + lrelease
    uv run python resources/compile.py --release  # lrelease only (no source scan)

1. ``pyside6-lupdate`` scans ``src/matrixdesk/ui/**/*.py`` into
   ``resources/translations/matrixdesk_<lang>.ts`` (new strings arrive as unfinished, strings
   gone from the code are dropped).
2. ``pyside6-lrelease`` compiles every ``.ts`` into the ``.qm`` beside it, which
   :mod:`matrixdesk.ui.i18n` loads at start-up. The ``.qm`` files are committed, so a checkout
   runs without this step.

lupdate only recognises ``self.tr("…")`` and ``QCoreApplication.translate("ctx", "…")`` with
literal arguments. Several modules use a small helper instead::

    def _tr(text):
        return QCoreApplication.translate("commands", text)

For those, this script writes a stub module with one literal ``translate`` call per
``_tr("…")`` call found, and lets lupdate read it alongside the sources, so their strings land
in the right context too.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "src" / "matrixdesk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]
# matrixdesk_en.ts is written by hand (lupdate would list every string): it holds only the
# English plural forms of the %n messages, so it is compiled but never updated
HAND_WRITTEN = ["en"]


def tool(name: str) -> str:
    """The PySide6 tool ``name`` from the running interpreter's environment, else from PATH."""
    here = Path(sys.executable).parent / name
    for candidate in (here, here.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level functions ``f(text)`` that return ``….translate("<ctx>", text)``."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for sub in ast.walk(node):
            if (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Attribute)
                and sub.func.attr == "translate"
                and len(sub.args) >= 2
                and isinstance(sub.args[0], ast.Constant)
                and isinstance(sub.args[0].value, str)
                and isinstance(sub.args[1], ast.Name)
                and sub.args[1].id == param
            ):
                helpers[node.name] = sub.args[0].value
    return helpers


def helper_messages(files: list[Path]) -> list[tuple[str, str, bool]]:
    """(context, text, plural) for every literal call of a translate helper in ``files``.

    ``plural`` is true when the call passes a count as well (``_tr("%n row(s)", n)``).
    """
    found: list[tuple[str, str, bool]] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        helpers = _helper_contexts(tree)
        if not helpers:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in helpers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                plural = len(node.args) > 1 or any(k.arg == "n" for k in node.keywords)
                found.append((helpers[node.func.id], node.args[0].value, plural))
    return list(dict.fromkeys(found))


def ui_sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "_rc.py")


def update(languages: list[str]) -> None:
    sources = ui_sources()
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "translate_helpers.py"
        lines = ["from PySide6.QtCore import QCoreApplication", ""]
        lines += [
            f"QCoreApplication.translate({ctx!r}, {text!r}{', None, n' if plural else ''})"
            for ctx, text, plural in helper_messages(sources)
        ]
        stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        args = [str(p) for p in sources] + [str(stub)]
        for lang in languages:
            ts = TRANSLATIONS / f"matrixdesk_{lang}.ts"
            cmd = [tool("pyside6-lupdate"), *args, "-locations", "none", "-no-obsolete"]
            subprocess.run([*cmd, "-target-language", lang, "-ts", str(ts)], check=True)


def release(languages: list[str]) -> None:
    for lang in languages:
        ts = TRANSLATIONS / f"matrixdesk_{lang}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    parser.add_argument("languages", nargs="*", default=LANGUAGES)
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if not args.release:
        update(args.languages)
    release([*args.languages, *HAND_WRITTEN])
    return 0


if __name__ == "__main__":
    sys.exit(main())
