"""`demo`: build a demo project from the fictional sample reviews shipped with Casecoder."""

from __future__ import annotations

import time
from pathlib import Path

from desktop.demo import build_demo, default_demo_path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="build a demo project from fictional sample reviews",
        description="Build a demo project: four fictional reviews (DHR, CSPR, SAR, IIR) as "
                    "PDFs, imported, with some cases partly coded and cited. The default "
                    "path is the one `open` uses when there is no project yet.")
    parser.add_argument("project", nargs="?", metavar="PROJECT",
                        help=f"where to build it (default: {default_demo_path()})")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing file at PROJECT (swapped in when complete)")
    parser.set_defaults(handler=_demo)


def _demo(args) -> int:
    target = Path(args.project) if args.project else default_demo_path()
    started = time.monotonic()
    build_demo(target, replace=args.force)
    print(f"Built the demo project {target} in {time.monotonic() - started:.1f} s. "
          f"Open it with: python main.py open {target}")
    return 0
