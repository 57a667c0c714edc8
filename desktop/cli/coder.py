"""Who the command line records in the audit log: the coder's name, not the login.

In order: `--coder NAME`, the CASECODER_CODER variable, the name the desktop app asked for and
saved, and only then the operating-system login. The app keeps its name in QSettings
("Casecoder"/"Casecoder", key coder/name); the command line imports no Qt, so it reads that
store directly: an INI file on Linux, the registry on Windows, a property list on macOS.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import sys
from pathlib import Path

from schema.opening import default_coder as _login_or_env

_ORGANISATION = _APPLICATION = "Casecoder"


def coder_name(given: str | None = None) -> str:
    """The name to record: given, else the environment, else the app's, else the login."""
    if given and given.strip():
        return given.strip()
    if os.environ.get("CASECODER_CODER"):
        return os.environ["CASECODER_CODER"]
    return saved_coder_name() or _login_or_env()


def saved_coder_name() -> str:
    """The name the desktop app saved, or "" if it never asked (or its settings are unreadable)."""
    try:
        if sys.platform == "win32":
            return _from_registry()
        if sys.platform == "darwin":
            return _from_plist(Path.home() / "Library" / "Preferences"
                               / f"com.{_ORGANISATION.lower()}.{_APPLICATION}.plist")
        return _from_ini(settings_file())
    except (OSError, ValueError, configparser.Error, plistlib.InvalidFileException):
        return ""


def settings_file() -> Path:
    """Where the app's settings live on Linux and other Unix systems (as QSettings puts them)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / _ORGANISATION / f"{_APPLICATION}.conf"


def _from_ini(path: Path) -> str:
    if not path.is_file():
        return ""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read(path, encoding="utf-8")
    return _ini_value(parser.get("coder", "name", fallback="")).strip()


def _ini_value(raw: str) -> str:
    """Undo QSettings' INI quoting: "a, b" is quoted, with \\" and \\\\ escaped inside."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return raw


def _from_plist(path: Path) -> str:
    if not path.is_file():
        return ""
    with path.open("rb") as handle:
        return str(plistlib.load(handle).get("coder.name", "")).strip()


def _from_registry() -> str:
    import winreg  # Windows only

    key_path = rf"Software\{_ORGANISATION}\{_APPLICATION}\coder"
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_path) as key:
        value, _kind = winreg.QueryValueEx(key, "name")
    return str(value).strip()
