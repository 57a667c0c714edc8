"""Casecoder entry point: no arguments opens the desktop app; a subcommand runs the command line.

    python main.py                      open the app (the last project, or the demo)
    python main.py open PROJECT         open the app on a project
    python main.py PROJECT              the same (as a file manager starts it)
    python main.py --version            the version
    python main.py COMMAND --help       help for one command
"""

from __future__ import annotations

import sys


def open_app(project: str | None) -> int:
    """Start the desktop app; Qt is imported only now, so commands start fast."""
    from desktop.app import run_app

    return run_app(project)


def main(argv: list[str] | None = None) -> int:
    from desktop.cli import run_command_line

    return run_command_line(sys.argv[1:] if argv is None else argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
