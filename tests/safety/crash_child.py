"""Child process for the crash tests: makes edits and acknowledges each one once it returns.

Run as: python crash_child.py PROJECT START COUNT. For each i from START it creates case
CRASH-i with a coding, a victim and two answers, printing "ack i" after the last store call
for that case has returned (that is, after its transaction committed).
"""

from __future__ import annotations

import sys

from desktop.cli.common import open_store


def main() -> None:
    project, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_store(project, coder="Crash Test")
    print("ready", flush=True)
    for i in range(start, start + count):
        case = store.create_case(f"CRASH-{i}", "DHR")
        coding = store.add_coding(case.id)
        victim = store.add_entity(coding.id, "victims")
        store.set_answer(victim.id, "age", i % 100)
        store.mark_not_reported(victim.id, "ethnicity")
        print(f"ack {i}", flush=True)


if __name__ == "__main__":
    main()
