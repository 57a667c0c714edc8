"""`demo [PROJECT]`: build the demo project from the fictional sample reviews."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="build a demo project from fictional sample reviews",
        description="Build a demo project: four fictional reviews (DHR, CSPR, SAR, IIR) as "
                    "PDFs, imported and partly coded. Default path: "
                    "$XDG_DATA_HOME/casecoder/demo.casecoder "
                    "(~/.local/share/casecoder/demo.casecoder).")
    parser.add_argument("project", nargs="?", metavar="PROJECT",
                        help="where to write the demo (.casecoder)")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing file (swapped in once the new demo is built)")
    parser.set_defaults(handler=_demo)


class _Printer:
    """Progress on stderr, one line per step."""

    def update(self, done: int, total: int, message: str) -> None:
        print(f"[{done}/{total}] {message}", file=sys.stderr)


def _demo(args) -> int:
    from desktop.demo.build import build_demo, default_demo_path

    path = Path(args.project) if args.project else default_demo_path()
    built = build_demo(path, progress=_Printer(), replace=args.force)
    print(f"Built the demo project {built}. Open it with: python main.py open {built}")
    return 0
