"""Soak: many rounds of real processes against one project file (see
tests/safety/shared_file/rounds.py for what each round does and promises).

    .venv/bin/python tests/benchmarks/soak_shared_file.py [--rounds 300] [--seed N]

CI runs 50 rounds in tests/safety/test_shared_file.py; this runs as many as you like, with a
new seed each time unless one is given, and reports rounds per minute and which commands
succeeded, were refused or were killed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.safety.shared_file.rounds import PASSPHRASE, play_round, prepare  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    os.environ["CASECODER_PASSPHRASE"] = PASSPHRASE
    print(f"soak: {args.rounds} rounds, seed {args.seed}", flush=True)
    shared = prepare(Path(tempfile.mkdtemp(prefix="casecoder-soak-")))
    rng = random.Random(args.seed)
    started = time.monotonic()
    for serial in range(args.rounds):
        play_round(shared, serial, rng)
        if (serial + 1) % 25 == 0:
            print(f"  {serial + 1} rounds, {len(shared.expected_cases)} cases held", flush=True)
    minutes = (time.monotonic() - started) / 60
    print(f"all {args.rounds} rounds held in {minutes:.1f} min "
          f"({args.rounds / minutes:.1f} rounds/min); project {shared.project}")
    print(_summary(shared.log))
    return 0


def _summary(log: list[str]) -> str:
    """Each command's outcomes: exit 0, refused (2 or 1), killed (None)."""
    counts = Counter()
    for line in log:
        name, rest = line.split(":", 1)
        code = rest.split()[0]
        outcome = {"0": "ok", "None": "killed"}.get(code, "refused")
        counts[(name, outcome)] += 1
    names = sorted({name for name, _ in counts})
    return "\n".join(f"  {name:12} " + "  ".join(f"{o} {counts[(name, o)]}" for o in
                                                  ("ok", "refused", "killed")) for name in names)


if __name__ == "__main__":
    sys.exit(main())
