"""`open`: start the desktop app. The command line never imports the window: the entry point
hands `run_command_line` the function that starts it (main.py), and `open` calls that."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from schema.errors import ProjectError


def register(subparsers) -> None:
    parser = subparsers.add_parser("open", help="open the desktop app (the default)",
                                   description="Open the desktop app, on PROJECT if given.")
    parser.add_argument("project", nargs="?", metavar="PROJECT",
                        help="project to open; default: the last one, else the demo")
    parser.set_defaults(handler=_open)


def _open(args) -> int:
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        print("casecoder: no display found. On a machine without a screen, run:\n"
              "  xvfb-run -s '-screen 0 1600x1000x24' python main.py open", file=sys.stderr)
        return 2
    if args.project and not Path(args.project).is_file():
        raise ProjectError(f"{args.project} does not exist. Create it with 'new' (or from the "
                           f"app's Project menu), or check the path.")
    if args.open_app is None:
        raise ProjectError("the desktop app cannot be started from here; run 'casecoder open'")
    return args.open_app(args.project)
