"""The check run before the window on Linux: it reads ldd's report on Qt's xcb plugin, names
the missing libraries and the Debian packages to install, and checks nothing where the xcb
plugin will not be used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli import qt_platform
from desktop.cli.qt_platform import advice, check, missing_libraries, needs_check

PLUGIN = Path("/opt/fake/PySide6/Qt/plugins/platforms/libqxcb.so")
LDD_FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd4b5f2000)
\tlibQt6XcbQpa.so.6 => /opt/fake/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f2c1a400000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f2c1a3c0000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2c1a000000)
"""


def test_missing_libraries_are_read_from_ldd_once_each():
    assert missing_libraries(LDD_FRESH_DEBIAN) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_libraries(LDD_FRESH_DEBIAN.replace("not found", "/usr/lib/x.so")) == []


def test_advice_names_the_debian_packages_to_install():
    text = advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in text
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in text
    assert "apt-file" not in text
    unknown = advice(["libweird.so.9"])
    assert "apt-file search libweird.so.9" in unknown and "apt-get install" not in unknown


def test_check_uses_ldd_on_the_plugin_on_linux_with_x11():
    seen = []

    def fake_ldd(path: Path) -> str:
        seen.append(path)
        return LDD_FRESH_DEBIAN
    missing = check(env={"DISPLAY": ":0"}, system="linux", ldd=fake_ldd, plugin=PLUGIN)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert seen == [PLUGIN]


def test_nothing_is_checked_where_xcb_is_not_used():
    def fail(_path: Path) -> str:
        raise AssertionError("ldd must not run")
    for env, system in (({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
                        ({"QT_QPA_PLATFORM": "wayland"}, "linux"),
                        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
                         "linux"),
                        ({}, "win32"), ({}, "darwin")):
        assert check(env=env, system=system, ldd=fail, plugin=PLUGIN) == []
    assert needs_check({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert needs_check({"DISPLAY": ":1"}, "linux")


def test_the_real_plugin_is_found_and_read_by_ldd():
    plugin = qt_platform.xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin (not a Linux wheel) or no ldd here")
    report = qt_platform.run_ldd(plugin)
    assert "libxcb.so.1" in report  # listed, found or not


def test_open_refuses_with_the_fix_when_libraries_are_missing(monkeypatch, capsys,
                                                              project_path):
    from desktop.cli import run_command_line

    monkeypatch.setattr(qt_platform, "check", lambda: ["libxcb-cursor.so.0"])
    started = []
    assert run_command_line(["open", str(project_path)],
                            open_app=lambda p: started.append(p) or 0) == 2
    assert started == []
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err
