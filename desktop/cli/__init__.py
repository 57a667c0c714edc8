"""The command line. Each module in this package adds its subcommands through `register`.

The modules are named for their command group (`backup` holds `backup` and `restore`);
`common` holds what they share. A new group is imported here and added to COMMAND_GROUPS.

Exit codes: 0 success, 1 the operation found problems, 2 bad usage or unusable input. Every
failure prints a one-line reason on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli import (
    audit,
    backup,
    brief,
    cases_csv,
    codebook,
    demo,
    document,
    encryption,
    export_data,
    export_datasette,
    export_qdpx,
    export_redcap,
    gui,
    json_io,
    matrix,
    merge,
    project,
    quotes,
    same_review,
    suggest,
    table,
    timeline,
)
from desktop.cli.gui import bare_path_open
from desktop.cli.version import casecoder_version
from schema.encryption import DRIVER_ERRORS
from schema.errors import CasecoderError

# The command groups, in the order they appear in `--help`: the usual course of work.
COMMAND_GROUPS = (gui, demo, project, codebook, cases_csv, document, suggest, json_io, table,
                  brief, quotes, export_data, export_qdpx, export_redcap, export_datasette,
                  matrix, timeline, merge, same_review, backup, encryption, audit)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on bad usage, as we want
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="casecoder",
                     description="Code statutory case reviews beside the review PDF. "
                                 "'casecoder PROJECT' opens the app on a project.")
    parser.add_argument("--version", action="version",
                        version=f"casecoder {casecoder_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    parser.command_names = set(subparsers.choices)  # for telling a bare path from a command
    return parser


def run_command_line(argv: list[str],
                     open_app: Callable[[str | None], int] | None = None) -> int:
    """Run one command (`casecoder FILE` is `open FILE`). `open_app(project)` starts the
    window, for `open` (main.py gives it, so this package never imports Qt or the widgets)."""
    parser = build_parser()
    if not argv:
        argv = ["open"]
    args = parser.parse_args(bare_path_open(argv, parser.command_names))
    args.open_app = open_app
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except CasecoderError as exc:
        print(f"casecoder: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except DRIVER_ERRORS as exc:
        print(f"casecoder: error: the project could not be read ({exc}). Run 'check' on it, "
              f"or restore it from a backup.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("casecoder: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
