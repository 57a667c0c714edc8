"""The core runs where POSIX-only modules do not exist (Windows, where most council laptops
are): every module of schema/ and exports/ imports, and a project can be created, opened,
locked and unlocked, with fcntl, resource, termios, pwd and grp made unavailable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent("""
    import importlib, pkgutil, subprocess, sys, multiprocessing, tempfile  # stdlib users first
    from pathlib import Path
    for name in ("fcntl", "resource", "termios", "pwd", "grp"):
        sys.modules[name] = None  # "import fcntl" now raises ImportError
    import schema, exports
    for package in (schema, exports):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    from schema import locking
    from schema.codebook_loader import load_codebook
    from schema.project import create_project, open_project
    from schema.resources import default_codebook_path
    from schema.store import Store
    folder = Path(tempfile.mkdtemp()) / "Café reviews – 2026"
    folder.mkdir()
    path = folder / "Borough reviews ñ.casecoder"
    db = create_project(path, site="Lambeth", coder="A", codebook=load_codebook(
        default_codebook_path()))
    Store(db, "A").create_case("DHR-1", "DHR")
    assert locking.is_held_here(path)
    db.conn.close()
    assert not locking.is_held_here(path) and not locking.lock_path(path).exists()
    reader = Store(open_project(path, readonly=True), "A")
    assert [c.reference for c in reader.list_cases()] == ["DHR-1"]
    reader.close()
    print("portable", "fcntl" in sys.modules and sys.modules["fcntl"] is None)
""")


def test_core_imports_and_locks_without_posix_only_modules():
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "portable True"


def test_core_source_names_no_posix_only_module_outside_its_guard():
    """Only schema/_os_locks.py chooses a platform's locking call; nothing imports fcntl."""
    for folder in ("schema", "exports"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            assert "import fcntl" not in text, source
            assert "os.fork" not in text, source
