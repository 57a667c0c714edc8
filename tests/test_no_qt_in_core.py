"""Qt stays out of schema/ and exports/: they must run in scripts and servers without a GUI.

Two checks: no source file names PySide6 in an import, and importing every module (in a fresh
interpreter, so nothing else has loaded Qt first) leaves PySide6 out of sys.modules.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("schema", "exports")


def _core_files() -> list[Path]:
    return sorted(p for package in CORE_PACKAGES for p in (ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                node.func, "id", "")) in ("import_module", "__import__") and node.args and \
                isinstance(node.args[0], ast.Constant):
            names = [str(node.args[0].value)]
        found += [f"line {node.lineno}: {n}" for n in names if n.split(".")[0] == "PySide6"]
    return found


def test_core_files_exist():
    assert len(_core_files()) > 10


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_source_does_not_import_qt(path):
    assert _qt_imports(path) == []


IMPORT_ALL = """
import importlib, json, sys
failed = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps({"qt": sorted(m for m in sys.modules if m.split(".")[0] == "PySide6"),
                  "failed": failed}))
"""


def test_importing_every_core_module_loads_no_qt():
    modules = [_module_name(p) for p in _core_files()]
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL, json.dumps(modules)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}
    assert report["qt"] == [], "a core module pulled in PySide6"


def test_the_check_notices_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\n"
                      "importlib.import_module('PySide6.QtGui')\n")
    assert _qt_imports(sample) == ["line 2: PySide6.QtCore", "line 3: PySide6.QtGui"]
