"""The command line. Each module in this package adds its subcommands through `register`.

Exit codes: 0 success, 1 the operation found problems, 2 bad usage or unusable input. Every
failure prints a one-line reason on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from schema.encryption import DRIVER_ERRORS
from schema.errors import CasecoderError

# The order commands appear in `--help`: the usual course of work. Others follow, by name.
HELP_ORDER = ("gui", "demo", "project", "codebook", "cases_csv", "document", "json", "table",
              "brief", "merge", "backup", "encryption", "audit")


def _help_position(module_name: str) -> tuple[int, str]:
    stem = module_name.removesuffix("_commands")
    return (HELP_ORDER.index(stem) if stem in HELP_ORDER else len(HELP_ORDER), stem)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on bad usage, as we want
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="casecoder",
                     description="Code statutory case reviews beside the review PDF.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       parser_class=_Parser)
    modules = [i.name for i in pkgutil.iter_modules(__path__) if i.name.endswith("_commands")]
    for name in sorted(modules, key=_help_position):
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def run_command_line(argv: list[str]) -> int:
    parser = build_parser()
    if not argv:
        argv = ["open"]
    args = parser.parse_args(argv)
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
