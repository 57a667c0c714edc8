"""Does this Linux machine have the system libraries Qt's window system plugin (xcb) needs?

PySide6 wheels bring Qt itself but not the X11 libraries it links to; on a fresh Debian or
Ubuntu the window then fails to start with an obscure message. This check runs `ldd` on the
xcb plugin (without importing Qt), lists what is missing and names the Debian packages to
install. It checks nothing on Windows or macOS, nor when Qt is told to use another platform
(QT_QPA_PLATFORM=offscreen, wayland, ...), nor when `ldd` is unavailable.

    python -m desktop.cli.qt_platform     exit 0 if nothing is missing, else 1 and the fix
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The library files the xcb plugin and Qt's GUI module load, and the Debian/Ubuntu package of each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

Ldd = Callable[[Path], str]


def needs_check(env: Mapping[str, str] = os.environ, system: str = sys.platform) -> bool:
    """True when Qt will use its xcb plugin: Linux, and no other platform asked for."""
    if not system.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def xcb_plugin() -> Path | None:
    """PySide6's xcb plugin, found without importing Qt (None if PySide6 is not installed)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = (Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms"
              / "libqxcb.so")
    return plugin if plugin.is_file() else None


def run_ldd(library: Path) -> str:
    """`ldd`'s report on `library` ("" when ldd is missing or fails)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        return subprocess.run([ldd, str(library)], capture_output=True, text=True,
                              timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ldd reported as "not found", in its order, once each."""
    found = []
    for line in ldd_output.splitlines():
        name, _, rest = line.strip().partition(" => ")
        if rest.strip() == "not found" and name not in found:
            found.append(name)
    return found


def advice(missing: list[str]) -> str:
    """What is missing and the command that installs it (packages in a stable order)."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    lines = [f"casecoder: the window cannot start: these system libraries are missing: "
             f"{', '.join(missing)}."]
    if packages:
        lines.append(f"On Debian or Ubuntu install them with: sudo apt-get install "
                     f"{' '.join(packages)}")
    if unknown:
        lines.append(f"Find the package that provides {', '.join(unknown)} with: "
                     f"apt-file search {unknown[0]}")
    lines.append("(To run without a screen instead, set QT_QPA_PLATFORM=offscreen.)")
    return "\n".join(lines)


def check(env: Mapping[str, str] = os.environ, system: str = sys.platform,
          ldd: Ldd = run_ldd, plugin: Path | None = None) -> list[str]:
    """The missing libraries ([] when none, or when there is nothing to check)."""
    if not needs_check(env, system):
        return []
    plugin = plugin or xcb_plugin()
    return missing_libraries(ldd(plugin)) if plugin is not None else []


def main() -> int:
    missing = check()
    if missing:
        print(advice(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
