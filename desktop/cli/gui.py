"""`open`: start the desktop app. The command line never imports the window: the entry point
hands `run_command_line` the function that starts it (main.py), and `open` calls that.

A file manager starts `casecoder FILE.casecoder` with the bare path; `bare_path_open` turns
that into `open FILE`. A file that is not a project is refused here, with one line saying so,
before any window appears, and so is a Linux machine missing the libraries Qt's window
needs (desktop.cli.qt_platform names the packages to install).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from desktop.cli import qt_platform
from schema.errors import ProjectDamaged, ProjectError
from schema.project import PROJECT_SUFFIX, is_encrypted


def register(subparsers) -> None:
    parser = subparsers.add_parser("open", help="open the desktop app (the default)",
                                   description="Open the desktop app, on PROJECT if given. "
                                               "'casecoder PROJECT' does the same.")
    parser.add_argument("project", nargs="?", metavar="PROJECT",
                        help="project to open; default: the last one, else the demo")
    parser.set_defaults(handler=_open)


def bare_path_open(argv: list[str], commands: set[str]) -> list[str]:
    """`casecoder FILE` (or a file:// address) as `casecoder open FILE`; other argv unchanged.

    Only a first argument that is not a command, not an option, and looks like a file (it
    exists, ends in .casecoder, or holds a folder separator) is taken as a path, so a
    mistyped command is still reported as one."""
    if not argv or argv[0] in commands or argv[0].startswith("-"):
        return argv
    first = argv[0]
    if first.startswith("file://"):
        first = unquote(urlparse(first).path)
    looks_like_file = (first.endswith(PROJECT_SUFFIX) or Path(first).exists()
                       or os.sep in first or "/" in first)
    return ["open", first, *argv[1:]] if looks_like_file else argv


def _open(args) -> int:
    if args.project:
        _check_is_project(args.project)
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        print("casecoder: no display found. On a machine without a screen, run:\n"
              "  xvfb-run -s '-screen 0 1600x1000x24' python main.py open", file=sys.stderr)
        return 2
    missing = qt_platform.check()
    if missing:
        print(qt_platform.advice(missing), file=sys.stderr)
        return 2
    if args.open_app is None:
        raise ProjectError("the desktop app cannot be started from here; run 'casecoder open'")
    return args.open_app(args.project)


def _check_is_project(path: str) -> None:
    """Refuse a missing file, a folder or a file that is not a project (ProjectError, one line).
    A damaged project goes on to the app, which offers to restore its newest good backup."""
    try:
        is_encrypted(path)
    except ProjectDamaged:
        return
    except ProjectError as exc:
        if not Path(path).exists():
            raise ProjectError(f"{path} does not exist. Create it with 'new' (or from the "
                               f"app's Project menu), or check the path.") from None
        raise ProjectError(f"{exc} Nothing was opened.") from None
