"""Versioned schema changes. Each module `mNNNN_name.py` defines `VERSION`, `NAME` and
`apply(conn)`; they run in order, each in its own transaction, and are recorded in the
`migrations` table and in PRAGMA user_version."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def all_migrations() -> list[Migration]:
    """Every migration shipped with this build, in version order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(module.VERSION, module.NAME, module.apply))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version: {versions}")
    return found


def latest_version() -> int:
    return max(m.version for m in all_migrations())


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration the file has not had yet, in order; return the versions applied.

    The connection must be in autocommit mode (isolation_level None) so that each migration
    runs in exactly one explicit transaction and a failure leaves the file at the last
    complete version.
    """
    done = _applied_versions(conn)
    applied = []
    for migration in all_migrations():
        if migration.version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA user_version = {max([migration.version, *done])}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
        done.add(migration.version)
    return applied


def _applied_versions(conn: sqlite3.Connection) -> set[int]:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone()
    if not exists:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM migrations")}
